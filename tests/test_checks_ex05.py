"""Checks of exercise 05 (corroboration): full points for the worked answers; wrong
answers earn less, get a specific hint, and never see the expected value.
"""

from __future__ import annotations

from typing import Any

import pandas as pd
import pytest
from check_helpers import assert_full, assert_less

from newslab.checks import ex05_corroboration as ex05
from newslab.checks import get_exercise, grade_answer
from newslab.checks.core import Result
from newslab.paths import DATA

ESTIMATES = pd.read_csv(DATA / "other_estimates.csv", keep_default_na=False)
for _column in ["value", "low", "high"]:
    ESTIMATES[_column] = pd.to_numeric(ESTIMATES[_column].replace("", None)).astype("Int64")
CHINA = ESTIMATES[ESTIMATES["scope"] == "china"]
CONSISTENT = CHINA[(CHINA["high"].isna() | (CHINA["high"] > 50_000)).fillna(False)]


def grade05(question: str, value: Any) -> Result:
    return grade_answer("05_corroboration", question, value)


def ids(table: pd.DataFrame) -> list[str]:
    return table["estimate_id"].tolist()


def test_the_exercise_has_at_least_five_questions() -> None:
    assert len(get_exercise("05_corroboration").questions) >= 5


def test_not_attempted_for_every_question() -> None:
    for question in get_exercise("05_corroboration").questions:
        result = grade_answer("05_corroboration", question.id, ...)
        assert result.points == 0 and "Not attempted yet" in result.feedback


SECRETS_05 = [*ids(CHINA), "10000", "10,000", '"b"', '"d"']


def test_q1_china_full_points() -> None:
    assert_full(grade05("q1", CHINA))
    assert_full(grade05("q1", ids(CHINA)))


@pytest.mark.parametrize("answer, hint", [
    (42, "wants a table"),  # wrong type
    (ESTIMATES[ESTIMATES["scope"].isin(["china", "overseas"])], "all countries together"),
    (ESTIMATES[ESTIMATES["scope"].isin(["china", "other_country"])], "Russia"),
    (ESTIMATES[ESTIMATES["scope"].isin(["china", "city", "northeast_china"])], "parts of China"),
    (CHINA.head(3), "some rows for china are missing"),  # near miss
    (CHINA[["value"]], "no column named 'estimate_id'"),
])
def test_q1_china_wrong_answers(answer: Any, hint: str) -> None:
    assert_less(grade05("q1", answer), hint, SECRETS_05)


def test_q2_consistent_full_points() -> None:
    assert_full(grade05("q2", CONSISTENT))


@pytest.mark.parametrize("answer, hint", [
    ("E03", "wants a table"),  # wrong type
    (CHINA[(CHINA["high"] > 50_000).fillna(False)], "isna()"),  # the <NA> trap
    (CHINA[(CHINA["high"].isna() | (CHINA["high"] >= 50_000)).fillna(False)], "use >"),
    (ESTIMATES[ESTIMATES["high"].isna()], "rows for China"),
])
def test_q2_consistent_wrong_answers(answer: Any, hint: str) -> None:
    assert_less(grade05("q2", answer), hint, SECRETS_05)


def test_q3_excess_full_points() -> None:
    assert_full(grade05("q3", 10_000))


@pytest.mark.parametrize("answer, hint", [
    ("10,000", "wants a whole number"),  # wrong type
    (-10_000, "mind the order"),  # near miss: sign
    (110_000, "sum of the parts"),  # forgot to subtract
    (500_000, "both copies"),
    (5_000, "add the china and russia figures"),
])
def test_q3_excess_wrong_answers(answer: Any, hint: str) -> None:
    assert_less(grade05("q3", answer), hint, ["10000", "10,000", "110,000", "100,000"])


def test_q4_qualifier_count_full_points() -> None:
    assert_full(grade05("q4", 3))


@pytest.mark.parametrize("answer, hint", [
    ("three", "wants a whole number"),
    (1, "all the copies"),
    (2, "count \"none\""),
    (4, "only the rows whose scope is china"),
    (5, "not this count"),
])
def test_q4_qualifier_count_wrong_answers(answer: Any, hint: str) -> None:
    assert_less(grade05("q4", answer), hint, ["3 ", " 3", "three"])


@pytest.mark.parametrize("question, right", [("q5", "b"), ("q6", "d"), ("q7", "b")])
def test_judgement_questions_full_points(question: str, right: str) -> None:
    assert_full(grade05(question, right))
    assert_full(grade05(question, f" ({right.upper()}) "))


@pytest.mark.parametrize("question, answer, hint", [
    ("q5", "a", "scope column"), ("q5", "c", "not a contradiction"), ("q5", 2, "option letter"),
    ("q5", "z", "one option letter"),
    ("q6", "c", "third copy"), ("q6", "b", "you already know who"), ("q6", True, "option letter"),
    ("q7", "a", "earlier period"), ("q7", "c", "2015"), ("q7", "d", "in common"),
])
def test_judgement_questions_wrong_answers(question: str, answer: Any, hint: str) -> None:
    options = {"q5": ex05.COMPARABLE_OPTIONS["b"], "q6": ex05.SIFT_OPTIONS["d"],
               "q7": ex05.CONCLUSION_OPTIONS["b"]}
    assert_less(grade05(question, answer), hint, [options[question]])
