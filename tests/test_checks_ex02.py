"""Checks of exercise 02 (tabulating the figures): the solution earns full points, wrong answers get
specific hints.

The solution's own answers are taken by executing its notebook once (nbclient, a fresh kernel)
and reading its answer variables as plain data, as the grader does (`check_helpers`).
"""

from __future__ import annotations

import json
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

from newslab.checks import get_exercise, grade_answer, run_check
from newslab.checks.ex02_tabulating_the_figures import (
    INFERENCE_OPTIONS,
    REMAINDER_OPTIONS,
    about_sum_range,
    quantity_ids,
)
from newslab.data import load_figures, load_sentences_table
from newslab.paths import SOLUTIONS
from newslab.plain import to_plain

EXERCISE = "02_tabulating_the_figures"


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
QUANTITY = sorted(quantity_ids())
FIGURES = pd.DataFrame({"sentence_id": ["p02s1", "p02s1", "p03s1"],
                        "qualifier": ["about", "about", "over"],
                        "value": [30000, 20000, 50000]})

# (question, label, wrong answer, a phrase the feedback must contain)
WRONG: list[tuple[str, str, Any, str]] = [
    ("q1", "wrong type: numbers", [30000, 20000, 50000], "Keep each figure as text"),
    ("q1", "wrong value: COVID-19", ["30,000", "20,000", "50,000", "19", "19", "19"],
     "COVID-19"),
    ("q1", "near miss: split thousands", ["30", "000", "20", "000", "50", "000"],
     "thousands separator"),
    ("q1", "near miss: order", ["50,000", "30,000", "20,000"], "order"),
    ("q1", "wrong type: one string", "30,000 20,000 50,000", "wants a list"),
    ("q2", "wrong type: texts", ["30,000", "20,000", "50,000"], "holds text"),
    ("q2", "wrong value: COVID-19", [30000, 20000, 50000, 19], "COVID-19"),
    ("q2", "near miss: thousands lost", [30, 20, 50], "thousands"),
    ("q2", "wrong type: a sum", 100000, "wants a list"),
    ("q3", "wrong column", FIGURES.drop(columns="qualifier"),
     "no column named 'qualifier'"),
    ("q3", "wrong type: text values", FIGURES.assign(value=["30,000", "20,000", "50,000"]),
     "holds text"),
    ("q3", "wrong value: COVID-19 row",
     pd.concat([FIGURES, pd.DataFrame({"sentence_id": ["p04s1"], "qualifier": [""],
                                       "value": [19]})]), "COVID-19"),
    ("q3", "near miss: qualifier", FIGURES.assign(qualifier=["about", "about", "Over"]),
     "qualifier"),
    ("q3", "wrong type: a Series", FIGURES["value"], "Series"),
    ("q4", "wrong type: one number", 50000, "single number"),
    ("q4", "off by a qualifier: exact", [50000, 50000], "treats the figures as exact"),
    ("q4", "near miss: reversed", [60000, 40000], "lower end first"),
    ("q4", "wrong value", [45000, 55000], "low bounds"),
    ("q5", "off by a qualifier", 50000, "figure itself is excluded"),
    ("q5", "wrong type: text", "50,001", "wants a whole number"),
    ("q5", "wrong value: below", 40000, "Not this number"),
    ("q5", "wrong value: above", 60000, "Not this number"),
    ("q6", "wrong value: Liaoning", "a", "According to multiple Daily NK"),
    ("q6", "near miss: none", "d", "third paragraph"),
    ("q6", "wrong type: a number", 3, "one option letter"),
    ("q7", "near miss: COVID-19 digits", [s for s in QUANTITY if s != "p06s2"],
     "COVID-19"),
    ("q7", "near miss: capitals", [s for s in QUANTITY if s != "p14s1"], "case=False"),
    ("q7", "wrong value: with figures", [*QUANTITY, "p02s1"], "do hold a figure"),
    ("q7", "wrong type: a table", STORY, "wants a list"),
    ("q8", "wrong value: none outside", "a", "Paragraph 3"),
    ("q8", "wrong value: a number given", "c", "there is none"),
    ("q8", "near miss: negative", "d", "unknown"),
    ("q8", "wrong type: True", True, "one option letter"),
    ("q9", "wrong type: a number", 50000, "wants text"),
    ("q9", "near miss: qualifier dropped", "Daily NK's reporter estimates that 50,000 "
     "North Korean workers are in China.", "Keep the qualifier"),
    ("q9", "wrong value: no attribution", "There are over 50,000 North Korean workers in "
     "China, in Liaoning, Jilin and elsewhere.", "Say who the figure comes from"),
    ("q9", "wrong value: figure dropped", "The reporter reasons that there are many more "
     "workers in China than in the two provinces.", "Keep the article's figure"),
]

OPTIONS = {"q6": INFERENCE_OPTIONS, "q8": REMAINDER_OPTIONS}


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


def test_checks_are_pure_functions_of_plain_data() -> None:
    """Same plain answer, same result, and the answer is left unchanged."""
    plain = to_plain(FIGURES)
    before = json.dumps(plain, sort_keys=True)
    first = run_check(get_exercise(EXERCISE).question("q3"), plain)
    assert run_check(get_exercise(EXERCISE).question("q3"), plain) == first
    assert json.dumps(plain, sort_keys=True) == before


# --- q4: say which end is right ----------------------------------------------------------------

LOW, HIGH = about_sum_range()
PROVINCE_FIGURES = load_figures().query("scope == 'province'")
STATED = int(PROVINCE_FIGURES["value"].sum())


@pytest.mark.parametrize(("answer", "said"), [
    ([LOW, STATED], "Your lower end is right; your upper end is the sum of the stated figures, "
                    "as if they were exact"),
    ([STATED, HIGH], "Your upper end is right; your lower end is the sum of the stated figures, "
                     "as if they were exact"),
    ([LOW, HIGH - 5000], "Your lower end is right; your upper end is not the sum of the two "
                         "high bounds"),
    ([LOW - 5000, HIGH], "Your upper end is right; your lower end is not the sum of the two "
                         "low bounds"),
    ([STATED, STATED], "Your range treats the figures as exact: both ends are the sum"),
    ([LOW + 1000, HIGH + 1000], "Neither end is right"),
])
def test_ex02_q4_names_which_end_is_wrong(answer: list[int], said: str) -> None:
    result = grade_answer(EXERCISE, "q4", answer)
    assert result.points == 0 and result.feedback.startswith(said), result.feedback
