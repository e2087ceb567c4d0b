"""Checks of exercise 01 (the article as a source): the solution earns full points, wrong
answers get specific hints.

The solution's own answers are taken by executing its notebook once (nbclient, a fresh kernel)
and reading its answer variables as plain data, as the grader does (`check_helpers`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from check_helpers import (
    assert_ellipsis_is_not_attempted,
    assert_odd_answers_never_crash,
    assert_solution_earns_full_points,
    check,
    leaks,
    solution_answers,
)

from newslab.checks import get_exercise, grade_answer
from newslab.checks.ex01_the_article_as_a_source import (
    ALT_TEXT_OPTIONS,
    SPEAKER_OPTIONS,
    candidate_dates,
    time_word_ids,
)
from newslab.data import load_sentences_table
from newslab.paths import SOLUTIONS

EXERCISE = "01_the_article_as_a_source"


@pytest.fixture(scope="module")
def answers() -> dict[str, Any]:
    return solution_answers(EXERCISE)


# --- full points for the solution -------------------------------------------------------------

def test_every_solution_answer_earns_full_points(answers: dict[str, Any]) -> None:
    assert_solution_earns_full_points(EXERCISE, answers)


def test_an_ellipsis_is_not_attempted_yet() -> None:
    assert_ellipsis_is_not_attempted(EXERCISE)


def test_the_solution_notebook_exists() -> None:
    assert Path(SOLUTIONS / f"{EXERCISE}.ipynb").is_file()


def test_odd_answers_get_zero_and_a_message_never_a_crash() -> None:
    assert_odd_answers_never_crash(EXERCISE)


# --- wrong answers ----------------------------------------------------------------------------

SENTENCES = load_sentences_table()
STORY = SENTENCES[SENTENCES["is_story"]]
DAYS = pd.date_range("2020-01-01", "2023-08-31", freq="D")
TIME_IDS = sorted(time_word_ids())
CANDIDATES = list(candidate_dates())


def in_days(condition: Any) -> list[str]:
    return DAYS[condition].strftime("%Y-%m-%d").tolist()


# (question, label, wrong answer, a phrase the feedback must contain)
WRONG: list[tuple[str, str, Any, str]] = [
    ("q1", "wrong type: a Series", SENTENCES["text"], "Series"),
    ("q1", "wrong value: every sentence", SENTENCES, "page furniture"),
    ("q1", "near miss: one story row short", STORY.iloc[:-1], "missing"),
    ("q1", "wrong column", STORY[["text"]], "no column named 'sentence_id'"),
    ("q2", "wrong type: text", "7", "wants a whole number"),
    ("q2", "near miss: paragraphs", 5, "paragraphs"),
    ("q2", "wrong value: story sentences", 23, "story sentences"),
    ("q2", "wrong value: every sentence", 30, "every sentence"),
    ("q2", "wrong type: a table", SENTENCES, "count its rows"),
    ("q3", "wrong type: text", ", ".join(TIME_IDS), "wants a list"),
    ("q3", "near miss: 'recent' matched", [*TIME_IDS, "p01s1"], "recent efforts"),
    ("q3", "wrong value: one missing", TIME_IDS[:-1], "missing"),
    ("q3", "wrong column: texts", STORY["text"].head(4).tolist(), "not ids"),
    ("q4", "wrong type: one string", CANDIDATES[0], "wants a list"),
    ("q4", "wrong value: Fridays", in_days((DAYS.day == 21) & (DAYS.day_of_week == 4)),
     "not Thursdays"),
    ("q4", "near miss: to the end of 2023",
     [*CANDIDATES, "2023-09-21", "2023-12-21"], "after August 2023"),
    ("q4", "near miss: one missing", CANDIDATES[1:], "missing"),
    ("q4", "wrong format", ["21/05/2020"], "year-month-day"),
    ("q5", "wrong type: a number", 3, "one option letter"),
    ("q5", "wrong value: headline", "a", "headline is not in the text"),
    ("q5", "near miss: caption", "d", "ending with the image credit"),
    ("q5", "not an option", "e", "one option letter"),
    ("q6", "wrong type: a list", ["b"], "one option letter"),
    ("q6", "wrong value: the reporter", "a", "quotation marks"),
    ("q6", "near miss: the sources", "c", "single speaker"),
    ("q7", "wrong type: a list", ["Korean edition"], "wants text"),
    ("q7", "wrong value: too short", "I would check the date.", "write at least 30"),
    ("q7", "near miss: no place to check", "The article says on Thursday and last month, "
     "and I would want to know which Thursday and which month the reporter meant, because the "
     "words alone do not say so and a reader cannot tell.", "Say where you would check it"),
    ("q7", "wrong format: empty", "", "empty"),
]

OPTIONS = {"q5": ALT_TEXT_OPTIONS, "q6": SPEAKER_OPTIONS}


@pytest.mark.parametrize("question_id, label, answer, phrase", WRONG,
                         ids=[f"{EXERCISE[:2]}-{q}-{label}" for q, label, _, _ in WRONG])
def test_a_wrong_answer_earns_less_with_a_specific_hint_and_no_leak(
        question_id: str, label: str, answer: Any, phrase: str, answers: dict[str, Any]) -> None:
    result = check(EXERCISE, question_id, answer)
    assert result.points < result.max_points, f"{label} earned full points"
    assert phrase in result.feedback, f"{label}: {result.feedback!r}"
    options = OPTIONS.get(question_id)
    assert not leaks(result.feedback, answers[question_id], options), (
        f"{label}: {result.feedback!r}")


def test_every_question_has_three_wrong_answers_of_different_kinds() -> None:
    for question in get_exercise(EXERCISE).questions:
        labels = [label for q, label, _, _ in WRONG if q == question.id]
        assert len(labels) >= 3, f"{EXERCISE} {question.id}"
        kinds = {label.split(":")[0] for label in labels}
        assert kinds & {"wrong type"} and kinds & {"wrong value", "wrong column",
                                                  "wrong format", "not an option"}
        assert any(k.startswith(("near miss", "off by")) for k in kinds) or len(kinds) >= 2


def test_the_leak_detector_catches_every_formatting() -> None:
    """The guard itself: a feedback naming the answer in any usual form is caught."""
    for text in ["it is 30000", "it is 30,000.", "it is 30 000", "about 30k", "30_000 it is"]:
        assert leaks(text, 30000), text
    assert not leaks("it is 130,0001", 30000)
    assert leaks("pick the one about the image", "c", {"c": "the image"}) == ["the image"]


def test_timestamps_are_accepted_as_dates() -> None:
    stamps = list(DAYS[(DAYS.day == 21) & (DAYS.day_name() == "Thursday")])
    assert check(EXERCISE, "q4", stamps).passed


# --- q4: a DatetimeIndex names its fix ---------------------------------------------------------

def test_a_datetime_index_gets_the_strftime_fix() -> None:
    days = pd.date_range("2020-01-01", "2023-08-31", freq="D")
    result = grade_answer(EXERCISE, "q4", days[(days.day == 21) & (days.day_name() == "Thursday")])
    assert result.points == 0
    assert result.feedback == ("Your answer is a DatetimeIndex, which this check cannot read. "
                               "Turn the dates into a list of text like \"2020-01-30\" with "
                               ".strftime(\"%Y-%m-%d\").tolist().")
