"""Checks that are strict where they should be: wrong answers found by trying them, each with
its exact diagnosis, and feedback that cannot be combined into a numeric answer."""

from __future__ import annotations

import re
from typing import Any

import altair as alt
import pandas as pd
import pytest

from newslab.checks import exercises, grade_answer
from newslab.checks.core import Question, Result, run_check
from newslab.checks.ex01_the_article_as_a_source import furniture_count
from newslab.checks.ex02_tabulating_the_figures import about_sum_range, smallest_over_total
from newslab.checks.ex05_corroboration import parts_excess, qualifier_count
from newslab.checks.ex06_your_own_article import inferred_value, story_count
from newslab.data import load_claims, load_figures

EX01, EX02, EX04 = "01_the_article_as_a_source", "02_tabulating_the_figures", "04_charting"
FIGURES = load_figures()
PROVINCES = FIGURES[FIGURES["scope"] == "province"]
LOW, HIGH = about_sum_range()
STATED = int(PROVINCES["value"].sum())


def feedback(exercise: str, question: str, answer: Any) -> Result:
    return grade_answer(exercise, question, answer)


# --- ex01 q4: a DatetimeIndex names its fix ---------------------------------------------------

def test_a_datetime_index_gets_the_strftime_fix() -> None:
    days = pd.date_range("2020-01-01", "2023-08-31", freq="D")
    result = feedback(EX01, "q4", days[(days.day == 21) & (days.day_name() == "Thursday")])
    assert result.points == 0
    assert result.feedback == ("Your answer is a DatetimeIndex, which this check cannot read. "
                               "Turn the dates into a list of text like \"2020-01-30\" with "
                               ".strftime(\"%Y-%m-%d\").tolist().")


# --- ex02 q4: say which end is right ---------------------------------------------------------

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
    result = feedback(EX02, "q4", answer)
    assert result.points == 0 and result.feedback.startswith(said), result.feedback


# --- ex04: description, subtitle, reading order ----------------------------------------------

def bars(description: str | None) -> alt.Chart:
    chart = alt.Chart(PROVINCES).mark_bar().encode(x="value:Q", y="place:N")
    return chart.properties(description=description) if description else chart


@pytest.mark.parametrize(("description", "said"), [
    (None, "Your chart has no description for screen readers"),
    ("bars", "Your description is only 1 word(s)"),
    ("A chart made with Altair for this exercise today.",
     "Your description does not say what the chart shows: name the provinces"),
])
def test_ex04_q1_wants_a_description_that_says_something(description: str | None,
                                                         said: str) -> None:
    result = feedback(EX04, "q1", bars(description))
    assert (result.points, result.max_points) == (0.5, 1) and said in result.feedback


def ranges(subtitle: list[str]) -> alt.LayerChart:
    base = alt.Chart(PROVINCES).encode(y="place:N")
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
    result = feedback(EX04, "q3", ranges(subtitle))
    assert result.points == points, result.feedback
    if points < 3:
        assert "Your subtitle does not say how sure the figures are" in result.feedback


def ledger() -> pd.DataFrame:
    table = load_claims()[["sentence_id", "quote", "attribution_type"]].copy()
    table["paragraph"] = table["sentence_id"].str[1:3].astype(int)
    table["in_paragraph"] = table["sentence_id"].str[4:].astype(int)
    return table


GOOD_DESCRIPTION = "Every claim in reading order; colour and shape show who it rests on."


def source_map(description: str = GOOD_DESCRIPTION, **encoding: Any) -> alt.Chart:
    encoding = {"x": "in_paragraph:O", "y": "paragraph:O", **encoding}
    return alt.Chart(ledger()).mark_point().encode(
        color="attribution_type:N", shape="attribution_type:N", **encoding,
    ).properties(description=description)


@pytest.mark.parametrize(("chart", "said"), [
    (source_map(description="map"), "Your description is only 1 word(s)"),
    (source_map(x="sentence_id:N", y="attribution_type:N"),
     "Your chart places the claims by attribution type, not in reading order"),
    (source_map(x="quote:N", y="paragraph:O"), "Your chart's axes do not follow the reading"),
    (source_map(y=alt.Y("paragraph:O", sort="descending")),
     "Your axes are sorted in another order than the article's"),
    (source_map(description="A chart of the data for this exercise, drawn in Altair."),
     "Your description does not say what the chart shows"),
])
def test_ex04_q5_wants_reading_order_and_a_real_description(chart: alt.Chart, said: str) -> None:
    result = feedback(EX04, "q5", chart)
    assert result.points == 3 and said in result.feedback, result.feedback


def test_ex04_q5_sentence_ids_in_order_are_reading_order() -> None:
    chart = alt.Chart(ledger()).mark_point().encode(
        x="sentence_id:O", color="attribution_type:N", shape="attribution_type:N",
    ).properties(description=GOOD_DESCRIPTION)
    assert feedback(EX04, "q5", chart).points == 4


# --- a "Why" after a right answer ------------------------------------------------------------

def test_why_notes_follow_right_answers_only() -> None:
    with_why = [(exercise, question) for exercise in exercises().values()
                for question in exercise.questions if question.why]
    assert len(with_why) >= 6
    question = Question("q1", "x", lambda value: Result(float(value == 1), 1,
                                                        "Right." if value == 1 else "No."),
                        why="Because.")
    assert run_check(question, 1).feedback == "Right. Why: Because."
    assert run_check(question, 2).feedback == "No."
    for exercise, with_note in with_why:
        wrong = run_check(with_note, "certainly not the answer 12345")
        assert "Why:" not in wrong.feedback, (exercise.id, with_note.id)


# --- numeric answers: no message names a number near the answer, none brackets it --------------

NUMERIC = [
    (EX01, "q2", furniture_count()),
    (EX02, "q5", smallest_over_total()),
    ("05_corroboration", "q3", parts_excess()),
    ("05_corroboration", "q4", qualifier_count()),
    ("06_your_own_article", "q1", story_count()),
    ("06_your_own_article", "q3", inferred_value()),
]
DIRECTIONAL = re.compile(r"too (?:small|large|big|few|many|low|high)|next to|one more|one less|"
                         r"off by one|closer|smaller than|larger than", re.I)


def numbers_in(text: str) -> list[float]:
    return [float(n.replace(",", "")) for n in re.findall(r"\d[\d,]*(?:\.\d+)?", text)]


@pytest.mark.parametrize(("exercise", "question", "answer"), NUMERIC,
                         ids=[f"{e}-{q}" for e, q, _ in NUMERIC])
def test_no_pair_of_messages_reveals_a_numeric_answer(exercise: str, question: str,
                                                      answer: int) -> None:
    wrong = sorted({answer + step for step in (-3, -2, -1, 1, 2, 3)} - {answer} - {-1, -2, -3})
    messages = {value: feedback(exercise, question, value).feedback for value in wrong}
    low, high = answer * 0.5, answer * 1.5 + 3
    for value, message in messages.items():
        near = [n for n in numbers_in(message) if low <= n <= high]
        assert not near, f"{value}: names {near} near the answer: {message}"
        assert not DIRECTIONAL.search(message), f"{value}: says which way: {message}"
    # Just below and just above get the same words, unless a value is a named mistake.
    below, above = messages.get(answer - 1), messages[answer + 1]
    generic = messages[max(wrong)]
    if below is not None and below == generic:
        assert above == generic, (below, above)


# --- written questions: the form check's exact diagnoses --------------------------------------

WRITTEN = [(exercise.id, question) for exercise in exercises().values()
           for question in exercise.questions if question.written]
FILLER = "word "


@pytest.mark.parametrize(("exercise", "question"), WRITTEN,
                         ids=[f"{e}-{q.id}" for e, q in WRITTEN])
def test_written_questions_diagnose_wrong_forms_exactly(exercise: str, question: Question
                                                        ) -> None:
    number = run_check(question, 42)
    assert (number.points, number.pending) == (0, False)
    assert number.feedback == ("This question wants text: write your answer between triple "
                               f'quotes, {question.variable} = """...""".')
    empty = run_check(question, "  ")
    assert empty.feedback == "Your answer is empty: write your text between the quotes."
    short = run_check(question, "No.")
    assert short.pending and re.search(r"It has 1 word; write at least \d+\.", short.feedback)
    bland = run_check(question, FILLER * 60)
    assert bland.pending and bland.feedback.startswith("Form to improve:")
    assert "This check reads the form only" in bland.feedback
