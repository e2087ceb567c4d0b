"""Checks of exercise 06 (your own article, the practice article): full points for the worked
answers; wrong answers earn less, get a specific hint, and never see the expected value.
"""

from __future__ import annotations

import json
from typing import Any

import altair as alt
import pandas as pd
import pytest
from check_helpers import assert_full, assert_less

from newslab.attribution import find_attribution
from newslab.checks import get_exercise, grade_answer
from newslab.checks.core import Result
from newslab.figures import find_figures
from newslab.paths import DATA
from newslab.sentences import split_sentences

TEXT = (DATA / "practice_article.txt").read_text(encoding="utf-8")
FURNITURE = {item["paragraph"]: item["kind"] for item in
             json.loads((DATA / "practice_article.json").read_text(encoding="utf-8"))["non_story"]}
SENTENCES = split_sentences(TEXT, FURNITURE)
FOUND = find_figures(TEXT, FURNITURE)
FIGURES = FOUND[FOUND["kind"] == "story"]
CLAIMS = pd.read_csv(DATA / "practice_claims.csv", keep_default_na=False)
NAMED = CLAIMS.loc[CLAIMS["attribution_type"] == "named_source", "sentence_id"].tolist()


def grade06(question: str, value: Any) -> Result:
    return grade_answer("06_your_own_article", question, value)


def test_the_exercise_has_at_least_five_questions() -> None:
    assert len(get_exercise("06_your_own_article").questions) >= 5


def test_not_attempted_for_every_question() -> None:
    for question in get_exercise("06_your_own_article").questions:
        result = grade_answer("06_your_own_article", question.id, ...)
        assert result.points == 0 and "Not attempted yet" in result.feedback


SECRETS_06 = ["16", "6500", "6,500", "5950", "7050", "5,950", "7,050", *NAMED]


def test_q1_story_sentences_full_points() -> None:
    assert_full(grade06("q1", int(SENTENCES["is_story"].sum())))


@pytest.mark.parametrize("answer, hint", [
    ("16", "wants a whole number"),  # wrong type
    (len(SENTENCES), "page furniture included"),  # forgot the furniture
    (12, "number of story paragraphs"),
    (20, "not this count"),
])
def test_q1_story_sentences_wrong_answers(answer: Any, hint: str) -> None:
    assert_less(grade06("q1", answer), hint, SECRETS_06)


def test_q2_figures_full_points() -> None:
    assert_full(grade06("q2", FIGURES))


def with_rows(extra: list[dict[str, Any]]) -> pd.DataFrame:
    return pd.concat([FIGURES[["value", "qualifier"]], pd.DataFrame(extra)], ignore_index=True)


@pytest.mark.parametrize("answer, hint", [
    (FIGURES["value"].tolist(), "wants a table"),  # wrong type
    (with_rows([{"value": 2029, "qualifier": "none"}]), "year"),
    (with_rows([{"value": 7, "qualifier": "none"}, {"value": 300, "qualifier": "none"}]),
     "names"),
    (with_rows([{"value": 9, "qualifier": "none"}, {"value": 15, "qualifier": "none"}]),
     "time stamp"),
    (with_rows([{"value": 3, "qualifier": "none"}]), "time stamp"),  # "March 3" beside "three"
    (FIGURES[["value"]].assign(qualifier="none"), "qualifier"),  # near miss
    (FIGURES[["value", "qualifier"]].head(3), "missing or extra"),
    (FIGURES[["value", "qualifier"]].astype(str), "holds text"),
])
def test_q2_figures_wrong_answers(answer: Any, hint: str) -> None:
    assert_less(grade06("q2", answer), hint, SECRETS_06)


def test_q3_inferred_total_full_points() -> None:
    assert_full(grade06("q3", 6500))


@pytest.mark.parametrize("answer, hint", [
    ("6,500", "wants a whole number"),
    (4000, "two port officials"),  # a source's figure
    (300, "put down to someone"),
    (12345, "one of the article's figures"),
])
def test_q3_inferred_total_wrong_answers(answer: Any, hint: str) -> None:
    assert_less(grade06("q3", answer), hint, SECRETS_06)


def test_q4_province_range_full_points() -> None:
    assert_full(grade06("q4", [5950, 7050]))


@pytest.mark.parametrize("answer, hint", [
    (6500, "one number is not a range"),  # wrong type
    ([6500, 6500], "is a point"),
    ([7050, 5950], "low end first"),
    ([6000, 7000], "low and high"),  # near miss: rounded by eye
    ([1, 2, 3], "exactly two numbers"),
])
def test_q4_province_range_wrong_answers(answer: Any, hint: str) -> None:
    assert_less(grade06("q4", answer), hint, SECRETS_06)


def test_q5_named_full_points() -> None:
    assert_full(grade06("q5", NAMED))


@pytest.mark.parametrize("answer, hint", [
    ("p06s1", "wants a list"),  # wrong type
    ([*NAMED, "p15s1"], "one worker"),
    ([*NAMED, "p16s1"], "hedge"),
    ([n for n in NAMED if n != "p14s1"], "she added"),  # near miss
    ([1, 2], "as text"),
])
def test_q5_named_wrong_answers(answer: Any, hint: str) -> None:
    assert_less(grade06("q5", answer), hint, [n for n in NAMED if n not in str(answer)])


def workers_table() -> pd.DataFrame:
    reference = pd.read_csv(DATA / "practice_figures.csv")
    table = FIGURES.merge(reference[["sentence_id", "value", "unit", "place"]],
                          on=["sentence_id", "value"])
    table = table[table["unit"] == "Tarslander workers"]
    return table.assign(start=table["low"].fillna(0), stop=table["high"].fillna(8000))


def good_chart(**overrides: Any) -> alt.Chart:
    title = overrides.pop("title", alt.Title(
        "Tarslander workers in Corvania",
        subtitle=["Rounded figures", "Source: The Harbour Ledger (fictional practice article)"]))
    tooltip = overrides.pop("tooltip", ["quote:N"])
    description = overrides.pop("description", "Three ranges of worker counts.")
    encoding = {"x": "start:Q", "x2": "stop:Q", "y": "place:N", "tooltip": tooltip}
    encoding.update(overrides)
    encoding = {key: value for key, value in encoding.items() if value is not None}
    chart = alt.Chart(workers_table()).mark_rule().encode(**encoding)
    properties: dict[str, Any] = {"description": description} if description else {}
    if title is not None:
        properties["title"] = title
    return chart.properties(**properties)


def test_q6_chart_full_points() -> None:
    assert_full(grade06("q6", good_chart()))


@pytest.mark.parametrize("answer, hint", [
    (pd.DataFrame({"a": [1]}), "not an altair chart"),  # wrong type
    (good_chart(x2=None), "no range"),
    (good_chart(title=None), "no title"),
    (good_chart(title=alt.Title("Workers", subtitle=["Rounded figures"])), "no source line"),
    (good_chart(title=alt.Title("Workers", subtitle=["Source: Daily NK"])),
     "outlet of the practice"),
    (good_chart(tooltip=["place:N"]), "quote"),
    (good_chart(description=""), "description"),
])
def test_q6_chart_wrong_answers(answer: Any, hint: str) -> None:
    assert_less(grade06("q6", answer), hint, ["Harbour Ledger (fictional"])


def test_q7_strike_label() -> None:
    assert_full(grade06("q7", "c"))
    for answer, hint in [("a", "subject of the claim"), ("b", "any source mentioned"),
                         ("d", "no reasoning"), (3, "option letter")]:
        assert_less(grade06("q7", answer), hint, ["hedge_no_source", "a hedge, and nobody"])


def test_the_practice_labels_agree_with_the_reference() -> None:
    labels = find_attribution(TEXT, FURNITURE).set_index("sentence_id")
    assert (labels.loc[NAMED, "attribution_type"] == "named_source").all()
