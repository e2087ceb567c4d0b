"""Checks of exercise 04 (charting): full points for the worked answers; wrong
answers earn less, get a specific hint, and never see the expected value.
"""

from __future__ import annotations

import json
from typing import Any

import altair as alt
import pandas as pd
import pytest
from check_helpers import assert_full, assert_less

from newslab.checks import get_exercise, grade_answer
from newslab.checks.core import Result
from newslab.data import load_claims, load_figures
from newslab.paths import DATA

ALL_CLAIMS = pd.read_csv(DATA / "claims.csv", keep_default_na=False)
# The exercise's ledger: claims.csv without the two sentences students label in q1 and q2.
CLAIMS = ALL_CLAIMS[~ALL_CLAIMS["sentence_id"].isin(["p10s1", "p03s1"])].reset_index(drop=True)
FIGURES = pd.read_csv(DATA / "figures.csv")
PROVINCES = FIGURES[FIGURES["scope"] == "province"]


def grade04(question: str, value: Any) -> Result:
    return grade_answer("04_charting", question, value)


def test_the_exercise_has_at_least_five_questions() -> None:
    assert len(get_exercise("04_charting").questions) >= 5


def test_not_attempted_for_every_question() -> None:
    for question in get_exercise("04_charting").questions:
        result = grade_answer("04_charting", question.id, ...)
        assert result.points == 0 and "Not attempted yet" in result.feedback


def assert_no_spec(result: Result) -> None:
    """Chart feedback names what is missing, never a spec."""
    for leak in ("{", "\"encoding\"", "\"field\"", "$schema"):
        assert leak not in result.feedback, result.feedback


def bars() -> alt.Chart:
    return alt.Chart(PROVINCES).mark_bar().encode(x="value:Q", y="place:N").properties(
        description="One bar for each of the two provinces, its length the workers reported.")


def span_and_point(tooltip: list[str] | None = None) -> alt.LayerChart:
    base = alt.Chart(PROVINCES).encode(y="place:N")
    extra = {"tooltip": tooltip} if tooltip else {}
    span = base.mark_rule(strokeWidth=6).encode(x="low:Q", x2="high:Q", **extra)
    point = base.mark_point(filled=True).encode(x="value:Q", **extra)
    return span + point


def titled(subtitle: list[str] | None = None, title: str = "North Korean workers in two "
           "provinces") -> alt.LayerChart:
    subtitle = ["Rounded figures from unnamed sources", "Source: Daily NK, citing unnamed "
                "sources in China"] if subtitle is None else subtitle
    return span_and_point().properties(title=alt.Title(title, subtitle=subtitle))


def ledger() -> pd.DataFrame:
    table = CLAIMS[["sentence_id", "quote", "attribution_type"]].copy()
    table["paragraph"] = table["sentence_id"].str[1:3].astype(int)
    table["in_paragraph"] = table["sentence_id"].str[4:].astype(int)
    return table


def source_map(shape: bool = True,
               description: str = "Every claim of the story in reading order; colour and shape "
                                  "show who it rests on.",
               colour: str = "attribution_type", position: bool = True) -> alt.Chart:
    encoding: dict[str, Any] = {"color": f"{colour}:N"}
    if position:
        encoding.update(x="in_paragraph:O", y="paragraph:O")
    if shape:
        encoding["shape"] = "attribution_type:N"
    chart = alt.Chart(ledger()).mark_point(filled=True).encode(**encoding)
    return chart.properties(description=description) if description else chart


def test_q1_bars_full_points() -> None:
    assert_full(grade04("q1", bars()))
    sideways = alt.Chart(PROVINCES).mark_bar().encode(y="value:Q", x="place:N").properties(
        description="North Korean workers reported in Liaoning and Jilin, one bar each.")
    assert_full(grade04("q1", sideways))


@pytest.mark.parametrize("answer, hint", [
    (PROVINCES, "wants an altair chart"),  # wrong type: the table itself
    (alt.Chart(PROVINCES).mark_point().encode(x="value:Q", y="place:N"), "not bars"),
    (alt.Chart(PROVINCES).mark_bar().encode(x="value:Q"), "which province"),
    (alt.Chart(PROVINCES).mark_bar().encode(x="value:N", y="place:N"), "needs a quantity"),
    (alt.Chart(PROVINCES).mark_bar().encode(x="low:Q", y="place:N"), "encode the \"value\""),
    (alt.Chart(PROVINCES).mark_bar().encode(y="place:N"), "no axis for the figure"),
])
def test_q1_bars_wrong_answers(answer: Any, hint: str) -> None:
    result = grade04("q1", answer)
    assert_less(result, hint, [])
    assert_no_spec(result)


def test_q1_an_invalid_chart_is_explained() -> None:
    broken = {"__newslab__": "invalid_chart", "error": "Invalid specification\nmore"}
    result = get_exercise("04_charting").question("q1").check(broken)
    assert result.points == 0 and "Altair says: Invalid specification" in result.feedback


def test_q2_ranges_full_points() -> None:
    assert_full(grade04("q2", span_and_point()))


@pytest.mark.parametrize("answer, hint", [
    ("a range", "wants an altair chart"),  # wrong type
    (bars(), "no x2"),  # a bar hides the about
    (alt.Chart(PROVINCES).mark_rule().encode(x="value:Q", x2="high:Q", y="place:N"),
     "does not run from the \"low\""),
    (alt.Chart(PROVINCES).mark_rule().encode(x="low:Q", x2="high:Q", y="place:N"),
     "not the figures"),  # near miss: no mark for the stated value
    (alt.Chart(PROVINCES).mark_rule().encode(x="low:Q", x2="high:Q"), "which province"),
])
def test_q2_ranges_wrong_answers(answer: Any, hint: str) -> None:
    result = grade04("q2", answer)
    assert_less(result, hint, [])
    assert_no_spec(result)


def test_q3_titled_full_points() -> None:
    assert_full(grade04("q3", titled()))


@pytest.mark.parametrize("answer, hint", [
    (["North Korean workers"], "wants an altair chart"),  # wrong type
    (span_and_point(), "no title"),
    (titled(subtitle=["Rounded figures from unnamed sources"]), "no source line"),
    (titled(subtitle=["Source: Daily NK"]), "no subtitle"),
    (titled(subtitle=["Rounded", "Source: unnamed people"]), "does not name the outlet"),
    (titled(title="Workers"), "only a word or two"),  # near miss
])
def test_q3_titled_wrong_answers(answer: Any, hint: str) -> None:
    result = grade04("q3", answer)
    assert_less(result, hint, ["Source: Daily NK, citing"])
    assert_no_spec(result)


def test_q3_a_near_miss_keeps_the_points_it_earned() -> None:
    assert grade04("q3", titled(subtitle=["Rounded figures"])).points == 2


def test_q4_tooltips_full_points() -> None:
    assert_full(grade04("q4", span_and_point(["quote", "attribution_type"])))
    assert_full(grade04("q4", span_and_point(["quote", "source_described"])))


@pytest.mark.parametrize("answer, hint", [
    (["quote", "attribution_type"], "wants an altair chart"),  # wrong type: the field list
    (span_and_point(), "no tooltips"),
    (span_and_point(["quote", "place"]), "who the figure rests on"),  # near miss
    (span_and_point(["place", "attribution_type"]), "verbatim quote"),
    (span_and_point(["Quote:N", "attribution_type"]), "not a column"),
])
def test_q4_tooltips_wrong_answers(answer: Any, hint: str) -> None:
    result = grade04("q4", answer)
    assert_less(result, hint, [])
    assert_no_spec(result)


def test_q5_source_map_full_points() -> None:
    assert_full(grade04("q5", source_map()))
    with_text = alt.Chart(ledger()).mark_text().encode(
        x="in_paragraph:O", y="paragraph:O", color="attribution_type:N",
        text="attribution_type:N").properties(
            description="Every claim as a text label in reading order, paragraph by paragraph.")
    assert_full(grade04("q5", with_text))


@pytest.mark.parametrize("answer, hint", [
    (ledger(), "wants an altair chart"),  # wrong type
    (source_map(shape=False), "colour alone"),  # near miss
    (source_map(description=""), "no description"),
    (source_map(colour="paragraph"), "colour does not show the attribution type"),
    (source_map(position=False), "reading order"),
])
def test_q5_source_map_wrong_answers(answer: Any, hint: str) -> None:
    result = grade04("q5", answer)
    assert_less(result, hint, [])
    assert_no_spec(result)


def test_q6_about_10_full_points() -> None:
    value = int(PROVINCES.loc[PROVINCES["place"] == "Liaoning Province", "value"].iloc[0])
    assert_full(grade04("q6", (value * 0.9, value * 1.1)))  # float noise is fine
    assert_full(grade04("q6", [round(value * 0.9), round(value * 1.1)]))


@pytest.mark.parametrize("answer, hint", [
    (30000, "one number"),  # wrong type
    (("27,000", "33,000"), "without quotes"),
    ((25000, 35000), "nearest-10,000 rule"),  # the other rule
    ((24000, 36000), "twenty per cent"),
    ((33000, 27000), "wrong order"),  # near miss
    ((3000, 30000), "margin itself"),
    ((29000, 31000), "ten per cent of the figure"),
])
def test_q6_about_10_wrong_answers(answer: Any, hint: str) -> None:
    assert_less(grade04("q6", answer), hint, ["27000", "27,000", "33000", "33,000"]
                if answer != (33000, 27000) else [])


def test_feedback_is_plain_text_not_json() -> None:
    """No feedback message is a dumped spec or answer."""
    for question, answer in [("q1", bars()), ("q3", span_and_point()), ("q5", source_map())]:
        feedback = grade04(question, answer).feedback
        with pytest.raises(json.JSONDecodeError):
            json.loads(feedback)


# --- description, subtitle, reading order: the exact diagnoses -----------------------------------

TYPED_PROVINCES = load_figures().query("scope == 'province'")  # as the lessons load it: Int64

def described_bars(description: str | None) -> alt.Chart:
    chart = alt.Chart(TYPED_PROVINCES).mark_bar().encode(x="value:Q", y="place:N")
    return chart.properties(description=description) if description else chart


@pytest.mark.parametrize(("description", "said"), [
    (None, "Your chart has no description for screen readers"),
    ("bars", "Your description is only 1 word(s)"),
    ("A chart made with Altair for this exercise today.",
     "Your description does not say what the chart shows: name the provinces"),
])
def test_ex04_q1_wants_a_description_that_says_something(description: str | None,
                                                         said: str) -> None:
    result = grade04("q1", described_bars(description))
    assert (result.points, result.max_points) == (0.5, 1) and said in result.feedback


def ranges_with_subtitle(subtitle: list[str]) -> alt.LayerChart:
    base = alt.Chart(TYPED_PROVINCES).encode(y="place:N")
    chart = base.mark_rule().encode(x="low:Q", x2="high:Q") + base.mark_point().encode(
        x="value:Q")
    return chart.properties(title=alt.Title("North Korean workers in two provinces",
                                            subtitle=subtitle))


@pytest.mark.parametrize(("subtitle", "points"), [
    (["blah", "Source: Daily NK"], 2),
    (["North Korean workers", "Source: Daily NK"], 2),
    (["Lines show the range each rounded figure allows", "Source: Daily NK"], 3),
    (["Figures are about right", "Source: Daily NK"], 3),
])
def test_ex04_q3_subtitle_must_say_how_sure(subtitle: list[str], points: float) -> None:
    result = grade04("q3", ranges_with_subtitle(subtitle))
    assert result.points == points, result.feedback
    if points < 3:
        assert "Your subtitle does not say how sure the figures are" in result.feedback


def full_ledger() -> pd.DataFrame:
    table = load_claims()[["sentence_id", "quote", "attribution_type"]].copy()
    table["paragraph"] = table["sentence_id"].str[1:3].astype(int)
    table["in_paragraph"] = table["sentence_id"].str[4:].astype(int)
    return table


GOOD_DESCRIPTION = "Every claim in reading order; colour and shape show who it rests on."


def described_source_map(description: str = GOOD_DESCRIPTION, **encoding: Any) -> alt.Chart:
    encoding = {"x": "in_paragraph:O", "y": "paragraph:O", **encoding}
    return alt.Chart(full_ledger()).mark_point().encode(
        color="attribution_type:N", shape="attribution_type:N", **encoding,
    ).properties(description=description)


@pytest.mark.parametrize(("chart", "said"), [
    (described_source_map(description="map"), "Your description is only 1 word(s)"),
    (described_source_map(x="sentence_id:N", y="attribution_type:N"),
     "Your chart places the claims by attribution type, not in reading order"),
    (described_source_map(x="quote:N", y="paragraph:O"),
     "Your chart's axes do not follow the reading"),
    (described_source_map(y=alt.Y("paragraph:O", sort="descending")),
     "Your axes are sorted in another order than the article's"),
    (described_source_map(description="A chart of the data for this exercise, drawn in Altair."),
     "Your description does not say what the chart shows"),
])
def test_ex04_q5_wants_reading_order_and_a_real_description(chart: alt.Chart, said: str) -> None:
    result = grade04("q5", chart)
    assert result.points == 3 and said in result.feedback, result.feedback


def test_ex04_q5_sentence_ids_in_order_are_reading_order() -> None:
    chart = alt.Chart(full_ledger()).mark_point().encode(
        x="sentence_id:O", color="attribution_type:N", shape="attribution_type:N",
    ).properties(description=GOOD_DESCRIPTION)
    assert grade04("q5", chart).points == 4
