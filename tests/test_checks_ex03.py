"""Checks of exercise 03 (attribution): full points for the worked answers; wrong
answers earn less, get a specific hint, and never see the expected value.
"""

from __future__ import annotations

import re
from typing import Any

import pandas as pd
import pytest
from check_helpers import assert_full, assert_less

from newslab.checks import get_exercise, grade_answer
from newslab.checks.core import Result
from newslab.paths import DATA

SENTENCES = pd.read_csv(DATA / "sentences.csv")
ALL_CLAIMS = pd.read_csv(DATA / "claims.csv", keep_default_na=False)
# The exercise's ledger: claims.csv without the two sentences students label in q1 and q2.
CLAIMS = ALL_CLAIMS[~ALL_CLAIMS["sentence_id"].isin(["p10s1", "p03s1"])].reset_index(drop=True)
ANONYMOUS = ["several_anonymous_sources", "one_anonymous_source", "anonymous_person_quoted"]


def grade03(question: str, value: Any) -> Result:
    return grade_answer("03_attribution", question, value)


def test_the_exercise_has_at_least_five_questions() -> None:
    assert len(get_exercise("03_attribution").questions) >= 5


def test_not_attempted_for_every_question() -> None:
    for question in get_exercise("03_attribution").questions:
        result = grade_answer("03_attribution", question.id, ...)
        assert result.points == 0 and "Not attempted yet" in result.feedback


def test_q1_label_p10_full_points() -> None:
    assert_full(grade03("q1", "one_anonymous_source"))


@pytest.mark.parametrize("answer, hint", [
    (1, "wants text"),  # wrong type
    ("several_anonymous_sources", "\"a source\" is one"),  # wrong value: the plural
    ("hedge_no_source", "there is a source here"),  # wrong value: the hedge
    ("One anonymous source", "lower case with underscores"),  # near miss: spelling
    ("rumour", "not one of the course's types"),
])
def test_q1_label_p10_wrong_answers(answer: Any, hint: str) -> None:
    assert_less(grade03("q1", answer), hint, ["one_anonymous_source"])


def test_q1_the_spelling_near_miss_earns_half() -> None:
    assert grade03("q1", "one anonymous source").points == 0.5


def test_q2_label_p03_accepts_both_defensible_labels_and_says_why() -> None:
    reference = grade03("q2", "reporters_inference")
    assert_full(reference)
    alternative = grade03("q2", "hedge_no_source")
    assert_full(alternative)
    assert "defensible" in alternative.feedback and "because" in alternative.feedback
    assert "reporters_inference" not in alternative.feedback


@pytest.mark.parametrize("answer, hint", [
    (["reporters_inference"], "wants text"),
    ("several_anonymous_sources", "whose step"),
    ("unattributed_assertion", "not stated flatly"),
    ("named_source", "is anybody named"),
    ("reporters-inference", "lower case with underscores"),
])
def test_q2_label_p03_wrong_answers(answer: Any, hint: str) -> None:
    assert_less(grade03("q2", answer), hint, ["reporters_inference\"", "hedge_no_source"])


def test_every_alternative_in_claims_is_real_and_different() -> None:
    """The checks accept alternative_type as defensible: it must never equal the reference."""
    with_alternative = CLAIMS[CLAIMS["alternative_type"] != ""]
    assert not with_alternative.empty
    assert (with_alternative["alternative_type"] != with_alternative["attribution_type"]).all()
    assert (with_alternative["note"] != "").all()


REPORTEDLY = ["p04s2", "p07s1", "p11s1", "p15s1"]


def test_q3_reportedly_ids_full_points_from_pandas() -> None:
    story = SENTENCES[SENTENCES["is_story"]]
    answer = story.loc[story["text"].str.contains("reportedly"), "sentence_id"].tolist()
    assert_full(grade03("q3", answer))
    assert_full(grade03("q3", story.loc[story["text"].str.contains("reportedly"),
                                        "sentence_id"]))  # a Series works too
    assert_full(grade03("q3", list(reversed(answer))))  # order does not matter


@pytest.mark.parametrize("answer, hint", [
    ("p04s2", "wants a list"),  # wrong type
    (SENTENCES[SENTENCES["text"].str.contains("reportedly")], "give just the ids"),  # a table
    (REPORTEDLY[:3], "missing"),  # near miss: one short
    (REPORTEDLY + ["p01s1"], "without the word"),  # an extra id
    (REPORTEDLY + ["p09s1"], "page furniture"),
    (SENTENCES.loc[SENTENCES["text"].str.contains("reportedly"), "text"].tolist(),
     "not sentence ids"),
    (REPORTEDLY + ["p04s2"], "repeats an id"),
])
def test_q3_reportedly_ids_wrong_answers(answer: Any, hint: str) -> None:
    result = grade03("q3", answer)
    missing = [item for item in REPORTEDLY if not isinstance(answer, list) or item not in answer]
    assert_less(result, hint, missing)


def test_q4_counts_full_points_as_series_dict_or_table() -> None:
    counts = CLAIMS["attribution_type"].value_counts()
    assert_full(grade03("q4", counts))
    assert_full(grade03("q4", counts.to_dict()))
    assert_full(grade03("q4", counts.rename_axis("type").reset_index()))


@pytest.mark.parametrize("answer, hint", [
    (23, "one number"),  # wrong type
    ("unattributed_assertion", "counts by type"),
    (CLAIMS["attribution_type"].value_counts(normalize=True), "shares"),  # near miss
    (CLAIMS.loc[CLAIMS["alternative_type"] != "", "alternative_type"].value_counts(),
     "alternative_type"),  # wrong column
    (CLAIMS["cue"].value_counts(), "not attribution types"),
    ({**CLAIMS["attribution_type"].value_counts().to_dict(), "hedge_no_source": 3,
      "reporters_inference": 4}, "wrong count"),  # near miss: one claim under another label
    (ALL_CLAIMS["attribution_type"].value_counts(), "the whole claims.csv"),  # wrong table
    ({"hedge_no_source": 4}, "do not add up"),
])
def test_q4_counts_wrong_answers(answer: Any, hint: str) -> None:
    result = grade03("q4", answer)
    assert_less(result, hint, ["unattributed_assertion: 8", "'unattributed_assertion': 8"])
    assert not re.search(r"\b(8|23)\b", result.feedback), result.feedback


def test_q5_fifty_full_points() -> None:
    assert_full(grade03("q5", "c"))
    assert_full(grade03("q5", " (C) "))


@pytest.mark.parametrize("answer, hint", [
    (3, "option letter"),  # wrong type
    ("b", "does it name anyone"),  # near miss: the sources gave it
    ("a", "no official or named body"),
    ("d", "\"a source\" appears later"),
    ("e", "one option letter"),
])
def test_q5_fifty_wrong_answers(answer: Any, hint: str) -> None:
    assert_less(grade03("q5", answer), hint, ["most likely the reporter's inference"])


def test_q6_anonymous_share_full_points() -> None:
    share = 100 * CLAIMS["attribution_type"].isin(ANONYMOUS).mean()
    assert_full(grade03("q6", share))
    assert_full(grade03("q6", round(share, 1)))


@pytest.mark.parametrize("answer, hint", [
    ("30%", "wants a number"),  # wrong type
    (CLAIMS["attribution_type"].isin(ANONYMOUS).mean(), "multiply by 100"),  # near miss
    (int(CLAIMS["attribution_type"].isin(ANONYMOUS).sum()), "that is a count"),
    (100 * (CLAIMS["attribution_type"] == "anonymous_person_quoted").mean(), "only one kind"),
    (100 * CLAIMS["attribution_type"].isin(ANONYMOUS).sum() / len(SENTENCES), "page furniture"),
    (50.0, "isin()"),
])
def test_q6_anonymous_share_wrong_answers(answer: Any, hint: str) -> None:
    assert_less(grade03("q6", answer), hint, ["28.6", "28,6", "6 of 21"])


def test_q6_the_fraction_near_miss_earns_half() -> None:
    assert grade03("q6", CLAIMS["attribution_type"].isin(ANONYMOUS).mean()).points == 0.5
