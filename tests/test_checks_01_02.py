"""Checks of exercises 01 and 02: solutions earn full points, wrong answers get specific hints.

The solutions' own answers are taken by executing each solution notebook once (nbclient, a
fresh kernel) and reading its answer variables as plain data, as the grader does.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import nbformat
import pandas as pd
import pytest
from nbclient import NotebookClient

from newslab.checks import get_exercise, run_check
from newslab.checks.ex01_the_article_as_a_source import (
    ALT_TEXT_OPTIONS,
    SPEAKER_OPTIONS,
    candidate_dates,
    time_word_ids,
)
from newslab.checks.ex02_tabulating_the_figures import (
    INFERENCE_OPTIONS,
    REMAINDER_OPTIONS,
    quantity_ids,
)
from newslab.data import load_sentences_table
from newslab.paths import SOLUTIONS
from newslab.plain import to_plain

EX01, EX02 = "01_the_article_as_a_source", "02_tabulating_the_figures"


def solution_answers(exercise_id: str) -> dict[str, Any]:
    """Execute solutions/<id>.ipynb and return {question id: plain answer}."""
    path = SOLUTIONS / f"{exercise_id}.ipynb"
    notebook = nbformat.read(path, as_version=4)
    exercise = get_exercise(exercise_id)
    names = {question.id: question.variable for question in exercise.questions}
    notebook.cells.append(nbformat.v4.new_code_cell(
        "import json as _json\nfrom newslab.plain import to_plain as _to_plain\n"
        f"print(_json.dumps({{q: _to_plain(globals()[v]) for q, v in {names!r}.items()}}))"
    ))
    client = NotebookClient(notebook, timeout=120, kernel_name="python3",
                            resources={"metadata": {"path": str(path.parent)}})
    client.execute()
    output = "".join(o.get("text", "") for o in notebook.cells[-1].outputs
                     if o.output_type == "stream")
    return json.loads(output)


@pytest.fixture(scope="module")
def answers() -> dict[str, dict[str, Any]]:
    return {exercise_id: solution_answers(exercise_id) for exercise_id in (EX01, EX02)}


def check(exercise_id: str, question_id: str, value: Any) -> Any:
    return run_check(get_exercise(exercise_id).question(question_id), to_plain(value))


# --- what a feedback message must never contain ---------------------------------------------

def number_forms(number: float) -> list[str]:
    """Ways a student could recognise a number: 30000, 30,000, 30 000, 30_000, 30k."""
    n = int(number) if float(number).is_integer() else number
    forms = [str(n)]
    if isinstance(n, int) and abs(n) >= 1000:
        forms += [f"{n:,}", f"{n:,}".replace(",", " "), f"{n:_}", f"{n / 1000:g}k"]
    return forms


def forbidden(plain: Any) -> list[str]:
    """Every formatting of every value inside an expected answer."""
    if isinstance(plain, bool) or plain is None:
        return []
    if isinstance(plain, (int, float)):
        return number_forms(plain)
    if isinstance(plain, str):
        return [plain]
    if isinstance(plain, list):
        return [form for item in plain for form in forbidden(item)]
    if isinstance(plain, dict) and plain.get("__newslab__") == "dataframe":
        # A table's answer is its ids and its figures, not its prose or its offsets.
        return [form for record in plain["records"] for key, item in record.items()
                if key in {"sentence_id", "value"} for form in forbidden(item)]
    return []


def leaks(feedback: str, expected: Any, options: dict[str, str] | None = None) -> list[str]:
    """The forbidden strings that appear in `feedback` (numbers matched as whole numbers)."""
    found = []
    for form in forbidden(expected):
        if options is not None and form in options:
            form = options[form]  # a choice: its letter is everywhere, its text must not be
        if re.search(rf"(?<![\w,.]){re.escape(form)}(?![\w]|,\d)", feedback):
            found.append(form)
    return found


# --- full points for the solutions ------------------------------------------------------------

@pytest.mark.parametrize("exercise_id", [EX01, EX02])
def test_every_solution_answer_earns_full_points(exercise_id: str,
                                                 answers: dict[str, dict[str, Any]]) -> None:
    exercise = get_exercise(exercise_id)
    assert set(answers[exercise_id]) == {q.id for q in exercise.questions}
    for question in exercise.questions:
        result = run_check(question, answers[exercise_id][question.id])
        if question.written:  # an instructor marks it: the check only says the form is fine
            assert result.pending and result.feedback.startswith("Form: "), result
            continue
        assert result.passed, f"{exercise_id} {question.id}: {result}"
        assert result.points == result.max_points > 0


@pytest.mark.parametrize("exercise_id", [EX01, EX02])
def test_an_ellipsis_is_not_attempted_yet(exercise_id: str) -> None:
    for question in get_exercise(exercise_id).questions:
        result = check(exercise_id, question.id, ...)
        assert result.points == 0 and "Not attempted yet" in result.feedback


# --- wrong answers ----------------------------------------------------------------------------

SENTENCES = load_sentences_table()
STORY = SENTENCES[SENTENCES["is_story"]]
DAYS = pd.date_range("2020-01-01", "2023-08-31", freq="D")
TIME_IDS = sorted(time_word_ids())
CANDIDATES = list(candidate_dates())
QUANTITY = sorted(quantity_ids())
FIGURES = pd.DataFrame({"sentence_id": ["p02s1", "p02s1", "p03s1"],
                        "qualifier": ["about", "about", "over"],
                        "value": [30000, 20000, 50000]})


def in_days(condition: Any) -> list[str]:
    return DAYS[condition].strftime("%Y-%m-%d").tolist()


# (exercise, question, label, wrong answer, a phrase the feedback must contain)
WRONG: list[tuple[str, str, str, Any, str]] = [
    (EX01, "q1", "wrong type: a Series", SENTENCES["text"], "Series"),
    (EX01, "q1", "wrong value: every sentence", SENTENCES, "page furniture"),
    (EX01, "q1", "near miss: one story row short", STORY.iloc[:-1], "missing"),
    (EX01, "q1", "wrong column", STORY[["text"]], "no column named 'sentence_id'"),
    (EX01, "q2", "wrong type: text", "7", "wants a whole number"),
    (EX01, "q2", "near miss: paragraphs", 5, "paragraphs"),
    (EX01, "q2", "wrong value: story sentences", 23, "story sentences"),
    (EX01, "q2", "wrong value: every sentence", 30, "every sentence"),
    (EX01, "q2", "wrong type: a table", SENTENCES, "count its rows"),
    (EX01, "q3", "wrong type: text", ", ".join(TIME_IDS), "wants a list"),
    (EX01, "q3", "near miss: 'recent' matched", [*TIME_IDS, "p01s1"], "recent efforts"),
    (EX01, "q3", "wrong value: one missing", TIME_IDS[:-1], "missing"),
    (EX01, "q3", "wrong column: texts", STORY["text"].head(4).tolist(), "not ids"),
    (EX01, "q4", "wrong type: one string", CANDIDATES[0], "wants a list"),
    (EX01, "q4", "wrong value: Fridays", in_days((DAYS.day == 21) & (DAYS.day_of_week == 4)),
     "not Thursdays"),
    (EX01, "q4", "near miss: to the end of 2023",
     [*CANDIDATES, "2023-09-21", "2023-12-21"], "after August 2023"),
    (EX01, "q4", "near miss: one missing", CANDIDATES[1:], "missing"),
    (EX01, "q4", "wrong format", ["21/05/2020"], "year-month-day"),
    (EX01, "q5", "wrong type: a number", 3, "one option letter"),
    (EX01, "q5", "wrong value: headline", "a", "headline is not in the text"),
    (EX01, "q5", "near miss: caption", "d", "ending with the image credit"),
    (EX01, "q5", "not an option", "e", "one option letter"),
    (EX01, "q6", "wrong type: a list", ["b"], "one option letter"),
    (EX01, "q6", "wrong value: the reporter", "a", "quotation marks"),
    (EX01, "q6", "near miss: the sources", "c", "single speaker"),
    (EX02, "q1", "wrong type: numbers", [30000, 20000, 50000], "Keep each figure as text"),
    (EX02, "q1", "wrong value: COVID-19", ["30,000", "20,000", "50,000", "19", "19", "19"],
     "COVID-19"),
    (EX02, "q1", "near miss: split thousands", ["30", "000", "20", "000", "50", "000"],
     "thousands separator"),
    (EX02, "q1", "near miss: order", ["50,000", "30,000", "20,000"], "order"),
    (EX02, "q1", "wrong type: one string", "30,000 20,000 50,000", "wants a list"),
    (EX02, "q2", "wrong type: texts", ["30,000", "20,000", "50,000"], "holds text"),
    (EX02, "q2", "wrong value: COVID-19", [30000, 20000, 50000, 19], "COVID-19"),
    (EX02, "q2", "near miss: thousands lost", [30, 20, 50], "thousands"),
    (EX02, "q2", "wrong type: a sum", 100000, "wants a list"),
    (EX02, "q3", "wrong column", FIGURES.drop(columns="qualifier"),
     "no column named 'qualifier'"),
    (EX02, "q3", "wrong type: text values", FIGURES.assign(value=["30,000", "20,000", "50,000"]),
     "holds text"),
    (EX02, "q3", "wrong value: COVID-19 row",
     pd.concat([FIGURES, pd.DataFrame({"sentence_id": ["p04s1"], "qualifier": [""],
                                       "value": [19]})]), "COVID-19"),
    (EX02, "q3", "near miss: qualifier", FIGURES.assign(qualifier=["about", "about", "Over"]),
     "qualifier"),
    (EX02, "q3", "wrong type: a Series", FIGURES["value"], "Series"),
    (EX02, "q4", "wrong type: one number", 50000, "single number"),
    (EX02, "q4", "off by a qualifier: exact", [50000, 50000], "treats the figures as exact"),
    (EX02, "q4", "near miss: reversed", [60000, 40000], "lower end first"),
    (EX02, "q4", "wrong value", [45000, 55000], "low bounds"),
    (EX02, "q5", "off by a qualifier", 50000, "figure itself is excluded"),
    (EX02, "q5", "wrong type: text", "50,001", "wants a whole number"),
    (EX02, "q5", "wrong value: below", 40000, "Not this number"),
    (EX02, "q5", "wrong value: above", 60000, "Not this number"),
    (EX02, "q6", "wrong value: Liaoning", "a", "According to multiple Daily NK"),
    (EX02, "q6", "near miss: none", "d", "third paragraph"),
    (EX02, "q6", "wrong type: a number", 3, "one option letter"),
    (EX02, "q7", "near miss: COVID-19 digits", [s for s in QUANTITY if s != "p06s2"],
     "COVID-19"),
    (EX02, "q7", "near miss: capitals", [s for s in QUANTITY if s != "p14s1"], "case=False"),
    (EX02, "q7", "wrong value: with figures", [*QUANTITY, "p02s1"], "do hold a figure"),
    (EX02, "q7", "wrong type: a table", STORY, "wants a list"),
    (EX02, "q8", "wrong value: none outside", "a", "Paragraph 3"),
    (EX02, "q8", "wrong value: a number given", "c", "there is none"),
    (EX02, "q8", "near miss: negative", "d", "unknown"),
    (EX02, "q8", "wrong type: True", True, "one option letter"),
    # Written questions: the form check names what the form lacks (points come later).
    (EX01, "q7", "wrong type: a list", ["Korean edition"], "wants text"),
    (EX01, "q7", "wrong value: too short", "I would check the date.", "write at least 30"),
    (EX01, "q7", "near miss: no place to check", "The article says on Thursday and last month, "
     "and I would want to know which Thursday and which month the reporter meant, because the "
     "words alone do not say so and a reader cannot tell.", "Say where you would check it"),
    (EX01, "q7", "wrong format: empty", "", "empty"),
    (EX02, "q9", "wrong type: a number", 50000, "wants text"),
    (EX02, "q9", "near miss: qualifier dropped", "Daily NK's reporter estimates that 50,000 "
     "North Korean workers are in China.", "Keep the qualifier"),
    (EX02, "q9", "wrong value: no attribution", "There are over 50,000 North Korean workers in "
     "China, in Liaoning, Jilin and elsewhere.", "Say who the figure comes from"),
    (EX02, "q9", "wrong value: figure dropped", "The reporter reasons that there are many more "
     "workers in China than in the two provinces.", "Keep the article's figure"),
]

OPTIONS = {(EX01, "q5"): ALT_TEXT_OPTIONS, (EX01, "q6"): SPEAKER_OPTIONS,
           (EX02, "q6"): INFERENCE_OPTIONS, (EX02, "q8"): REMAINDER_OPTIONS}


@pytest.mark.parametrize("exercise_id, question_id, label, answer, phrase", WRONG,
                         ids=[f"{e[:2]}-{q}-{label}" for e, q, label, _, _ in WRONG])
def test_a_wrong_answer_earns_less_with_a_specific_hint_and_no_leak(
        exercise_id: str, question_id: str, label: str, answer: Any, phrase: str,
        answers: dict[str, dict[str, Any]]) -> None:
    result = check(exercise_id, question_id, answer)
    assert result.points < result.max_points, f"{label} earned full points"
    assert phrase in result.feedback, f"{label}: {result.feedback!r}"
    expected = answers[exercise_id][question_id]
    options = OPTIONS.get((exercise_id, question_id))
    assert not leaks(result.feedback, expected, options), f"{label}: {result.feedback!r}"


def test_every_question_has_three_wrong_answers_of_different_kinds() -> None:
    for exercise_id in (EX01, EX02):
        for question in get_exercise(exercise_id).questions:
            labels = [label for e, q, label, _, _ in WRONG if (e, q) == (exercise_id, question.id)]
            assert len(labels) >= 3, f"{exercise_id} {question.id}"
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
    assert check(EX01, "q4", stamps).passed


def test_checks_are_pure_functions_of_plain_data() -> None:
    """Same plain answer, same result, and the answer is left unchanged."""
    plain = to_plain(FIGURES)
    before = json.dumps(plain, sort_keys=True)
    first = run_check(get_exercise(EX02).question("q3"), plain)
    assert run_check(get_exercise(EX02).question("q3"), plain) == first
    assert json.dumps(plain, sort_keys=True) == before


def test_solution_notebooks_exist_for_both_exercises() -> None:
    for exercise_id in (EX01, EX02):
        assert Path(SOLUTIONS / f"{exercise_id}.ipynb").is_file()


ODD_ANSWERS: list[Any] = [
    None, {}, {"a": 1}, [None], [[1]], "", 0, -1, 1e300, True, [True], 2.5, ["p99s9"],
    ["2020-02-30"], pd.DataFrame(), pd.Series([1, 2]), [1, "a"], [19], "19", ["x" * 20],
    pd.DataFrame({"sentence_id": [None], "qualifier": [None], "value": [None]}),
    pd.DataFrame({"sentence_id": [1], "qualifier": [2], "value": [float("nan")]}),
    {"__newslab__": "chart", "spec": {}},
]


@pytest.mark.parametrize("exercise_id", [EX01, EX02])
def test_odd_answers_get_zero_and_a_message_never_a_crash(exercise_id: str) -> None:
    for question in get_exercise(exercise_id).questions:
        for answer in ODD_ANSWERS:
            result = check(exercise_id, question.id, answer)
            assert result.points == 0, (question.id, answer)
            assert result.feedback and "check itself failed" not in result.feedback, (
                question.id, repr(answer)[:40], result.feedback)
