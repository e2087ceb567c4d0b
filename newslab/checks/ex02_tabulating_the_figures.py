"""Checks for exercise 02, tabulating the figures: regex traps, qualifiers, bounds, inference.

Reference answers come from `data/figures.csv` and the sentences table, computed once.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

import pandas as pd

from newslab.checks.core import Exercise, Level, Question, Result, Rubric, register
from newslab.checks.feedback import (
    COVID_19_HINT,
    choice,
    columns_problem,
    has_covid_19,
    numbers_in,
    qualifier_hint,
    table_of,
    type_problem,
)
from newslab.checks.written import Requirement, written_question
from newslab.data import load_figures, load_sentences_table

EXERCISE_ID = "02_tabulating_the_figures"
QUANTITY_WORDS = r"\b(?:increas\w*|most|many|large numbers)\b"
FIGURE_COLUMNS = ["sentence_id", "qualifier", "value"]


@cache
def _figures() -> pd.DataFrame:
    return load_figures().sort_values("figure_id").reset_index(drop=True)


@cache
def figure_texts() -> tuple[str, ...]:
    """The figures as written in the article, in reading order."""
    return tuple(_figures()["value_text"])


@cache
def figure_values() -> tuple[int, ...]:
    """The figures as whole numbers, in reading order."""
    return tuple(int(v) for v in _figures()["value"])


@cache
def figure_rows() -> frozenset[tuple[str, str, int]]:
    """(sentence_id, qualifier, value) for every figure."""
    table = _figures()
    return frozenset(zip(table["sentence_id"], table["qualifier"], table["value"].astype(int),
                         strict=True))


@cache
def about_sum_range() -> tuple[int, int]:
    """The range of the sum of the "about" figures, adding lows and highs by the bounds rule."""
    about = _figures()[_figures()["qualifier"] == "about"]
    return int(about["low"].sum()), int(about["high"].sum())


@cache
def smallest_over_total() -> int:
    """The smallest whole number the "over" figure allows."""
    row = _figures()[_figures()["qualifier"] == "over"].iloc[0]
    inclusive = str(row["low_inclusive"]).lower() == "true"
    return int(row["low"]) + (0 if inclusive else 1)


@cache
def inference_figure() -> str:
    """The figure_id of the figure whose sentence names no source (labelled reporters_inference)."""
    table = _figures()
    return str(table.loc[table["attribution_type"] == "reporters_inference", "figure_id"].iloc[0])


@cache
def quantity_ids() -> frozenset[str]:
    """Story sentences with a quantity word but no figure."""
    table = load_sentences_table()
    words = table["text"].str.contains(QUANTITY_WORDS, case=False, regex=True)
    no_figure = ~table["sentence_id"].isin(set(_figures()["sentence_id"]))
    return frozenset(table.loc[table["is_story"] & words & no_figure, "sentence_id"])


def _split_thousands(numbers: list[float]) -> bool:
    return 0.0 in numbers or any(n == v // 1000 for n in numbers for v in figure_values())


def check_found(value: Any) -> Result:
    """Q1: every figure as written (text), in reading order."""
    problem = type_problem(value, "list")
    if problem:
        return Result(0, 1, problem + " str.findall(...) gives lists; .explode() flattens them.")
    if any(isinstance(item, (int, float)) and not isinstance(item, bool) for item in value):
        return Result(0, 1, "Keep each figure as text, exactly as written, commas included: "
                            "this question is about what the pattern finds.")
    if not all(isinstance(item, str) for item in value):
        return Result(0, 1, "Every item of your list should be a piece of text from the article.")
    if list(value) == list(figure_texts()):
        return Result(1, 1, "Right: three figures, and no stray digits.")
    if any(item.strip() == "19" for item in value):
        return Result(0, 1, COVID_19_HINT)
    parts = {part for text in figure_texts() for part in text.split(",")}
    if any(item.strip() in parts for item in value):
        return Result(0, 1, "Your pattern splits numbers at the thousands separator: let it "
                            "continue over a comma followed by three digits.")
    if any("," not in item and item.strip().isdigit() and len(item.strip()) > 3
           for item in value):
        return Result(0, 1, "Keep each figure exactly as written in the article, with its "
                            "thousands separator.")
    if sorted(value) == sorted(figure_texts()):
        return Result(0, 1, "The right figures, but keep them in the order they appear in the "
                            "story.")
    return Result(0, 1, "Not the figures of the story: run your pattern over the story "
                        "sentences only and look at every match.")


def check_values(value: Any) -> Result:
    """Q2: the figures as whole numbers, in reading order."""
    problem = type_problem(value, "list")
    if problem:
        return Result(0, 1, problem)
    if any(isinstance(item, str) for item in value):
        return Result(0, 1, "Your list holds text: remove the commas, then convert each item "
                            "with int(...) or .astype(int).")
    if not all(isinstance(item, (int, float)) and not isinstance(item, bool) for item in value):
        return Result(0, 1, "Every item of your list should be a number.")
    if [float(item) for item in value] == [float(v) for v in figure_values()]:
        return Result(1, 1, "Right: numbers you can add and compare.")
    if has_covid_19(value):
        return Result(0, 1, COVID_19_HINT)
    if _split_thousands(numbers_in(value)):
        return Result(0, 1, "Some numbers lost their thousands: the comma is a separator inside "
                            "the number, not between two numbers.")
    if sorted(map(float, value)) == sorted(map(float, figure_values())):
        return Result(0, 1, "The right numbers, but keep them in reading order.")
    return Result(0, 1, "Not the story's figures: convert each match of your pattern, after "
                        "removing the commas.")


def check_figures(value: Any) -> Result:
    """Q3: a tidy table with one row per figure: sentence_id, qualifier, value."""
    problem = columns_problem(value, FIGURE_COLUMNS)
    if problem:
        return Result(0, 1, problem)
    _, records = table_of(value) or ([], [])
    if not records:
        return Result(0, 1, "Your table is empty.")
    values = [record.get("value") for record in records]
    if any(isinstance(v, str) for v in values):
        return Result(0, 1, "Your value column holds text: remove the commas and convert it with "
                            ".astype(int), so the figures can be added and compared.")
    if has_covid_19(values):
        return Result(0, 1, COVID_19_HINT)
    if _split_thousands(numbers_in(values)):
        return Result(0, 1, "Some values lost their thousands: the comma is a separator.")
    rows = []
    for record in records:
        number = record.get("value")
        if not isinstance(number, (int, float)) or isinstance(number, bool):
            return Result(0, 1, "Every value should be a number; some are empty.")
        rows.append((record.get("sentence_id"), record.get("qualifier"), int(number)))
    if len(rows) != len(set(rows)):
        return Result(0, 1, "Some figures appear twice in your table.")
    if set(rows) == figure_rows():
        return Result(1, 1, "Right: a tidy table, one figure per row.")
    expected = {(s, v): q for s, q, v in figure_rows()}
    got = {(s, v): q for s, q, v in rows}
    if set(got) == set(expected):
        wrong = [expected[key] for key in got if got[key] != expected[key]]
        return Result(0, 1, "The figures are right but a qualifier is not: keep the word just "
                            "before each number, in lower case as written. "
                            + qualifier_hint(wrong[0]))
    if {v for _, v in got} == {v for _, v in expected}:
        return Result(0, 1, "The values are right, but a sentence_id is not: take it from the "
                            "row each match came from.")
    return Result(0, 1, "Some rows are missing or extra: one row per figure of the story, "
                        "nothing else.")


def _pair(value: Any) -> tuple[list[float] | None, str | None]:
    problem = type_problem(value, "list")
    if problem:
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return None, ("Your answer is a single number, but a range has two ends: give "
                          "[low, high]. " + qualifier_hint("about"))
        return None, problem + " Give two numbers: [low, high]."
    if len(value) != 2 or not all(isinstance(v, (int, float)) and not isinstance(v, bool)
                                  for v in value):
        return None, "Give exactly two numbers, [low, high]."
    return [float(v) for v in value], None


def check_sum_range(value: Any) -> Result:
    """Q4: the honest range of the sum of the two "about" figures."""
    pair, problem = _pair(value)
    if problem or pair is None:
        return Result(0, 1, problem or "")
    low, high = about_sum_range()
    if pair == [low, high]:
        return Result(1, 1, "Right: two rounded figures add up to a range, not a point.")
    if pair == [high, low]:
        return Result(0, 1, "Put the lower end first: [low, high].")
    total = sum(figure_values()[:2])
    if pair[0] == pair[1] == total:
        return Result(0, 1, "Your range treats the figures as exact: both ends are the sum of "
                            "the stated figures. " + qualifier_hint("about"))
    if pair[0] > pair[1]:
        return Result(0, 1, "Your lower end is above your upper end: put the lower end first.")
    if pair[0] == low:
        end = ("is the sum of the stated figures, as if they were exact"
               if pair[1] == total else "is not the sum of the two high bounds")
        return Result(0, 1, f"Your lower end is right; your upper end {end}: add the two high "
                            "bounds, by the bounds rule of figures.csv.")
    if pair[1] == high:
        end = ("is the sum of the stated figures, as if they were exact"
               if pair[0] == total else "is not the sum of the two low bounds")
        return Result(0, 1, f"Your upper end is right; your lower end {end}: add the two low "
                            "bounds, by the bounds rule of figures.csv.")
    if total in pair:
        return Result(0, 1, "One end of your range is the sum of the stated figures, as if they "
                            "were exact, and neither end is right. " + qualifier_hint("about"))
    return Result(0, 1, "Neither end is right: add the two low bounds together and the two high "
                        "bounds together, with the bounds rule of figures.csv (half the rounding "
                        "unit each way).")


def check_smallest_total(value: Any) -> Result:
    """Q5: the smallest whole number of workers in China that "over" allows."""
    problem = type_problem(value, "whole number")
    if problem:
        return Result(0, 1, problem)
    expected = smallest_over_total()
    if value == expected:
        return Result(1, 1, "Right: \"over\" excludes the figure itself.")
    # Every wrong number gets the same message, whichever side of the answer it lies, so no
    # two messages can be combined into the answer (tests/test_checks_01_02.py tries pairs).
    if value in figure_values():
        return Result(0, 1, "That is a figure from the article, not the smallest number its "
                            "wording allows. " + qualifier_hint("over"))
    return Result(0, 1, "Not this number: work out which whole numbers \"over\" allows, then "
                        "take the smallest of them.")


INFERENCE_OPTIONS = {
    "a": "about 30,000 in Liaoning Province",
    "b": "about 20,000 in Jilin Province",
    "c": "over 50,000 in China overall",
    "d": "none: the sentence of each figure names its source",
}


def check_inference(value: Any) -> Result:
    """Q6: which figure has no source in its own sentence (it reads as an inference)."""
    by_figure = {"F1": "a", "F2": "b", "F3": "c"}
    correct = by_figure[inference_figure()]
    hints = {
        "a": "This figure sits in the sentence that opens \"According to multiple Daily NK "
             "sources\": it is reported, not reasoned.",
        "b": "This figure is in the same sourced sentence as the first one.",
        "d": "Read the third paragraph again: no source is named in that sentence, and \"As "
             "there are ...\" and \"there appears to be\" show someone reasoning.",
    }
    return choice(value, INFERENCE_OPTIONS, correct, hints,
                  right="Right: its sentence names no source. It reads most like the reporter's "
                        "inference from the sources' two figures, but the sources may have "
                        "given it too: the text cannot tell, and an editor would ask.")


def check_quantity_ids(value: Any) -> Result:
    """Q7: story sentences that claim a quantity in words but hold no figure."""
    problem = type_problem(value, "list")
    if problem:
        if table_of(value) is not None:
            problem += " Take the ids with table[\"sentence_id\"].tolist()."
        return Result(0, 1, problem)
    if not all(isinstance(item, str) and len(item) <= 12 for item in value):
        return Result(0, 1, "Give sentence ids in quotes, like \"p01s1\", not sentences.")
    got, expected = set(value), quantity_ids()
    if len(got) != len(value):
        return Result(0, 1, "Some ids appear twice in your list.")
    if got == expected:
        return Result(1, 1, "Right: claims about quantities that no number backs up.")
    missing, extra = expected - got, got - expected
    table = load_sentences_table().set_index("sentence_id")
    hints = []
    if any("COVID-19" in table.loc[s, "text"] for s in missing if s in table.index):
        hints.append("You dropped a sentence because it holds digits, but the 19 of COVID-19 "
                     "is not a figure: test for figures, not for any digit.")
    if any(re.search(QUANTITY_WORDS, table.loc[s, "text"]) is None for s in missing):
        hints.append("Your search missed a word that starts with a capital letter: add "
                     "case=False.")
    if extra & set(_figures()["sentence_id"]):
        hints.append("Some of your sentences do hold a figure.")
    elif extra:
        hints.append("Some of your sentences hold none of the quantity words, or are not "
                     "story.")
    if not hints:
        hints.append("Some sentences are missing: search with the whole pattern given in the "
                     "question.")
    return Result(0, 1, " ".join(hints))


REMAINDER_OPTIONS = {
    "a": "There are no workers outside Liaoning and Jilin: the two provinces already make the "
         "total.",
    "b": "The article says workers live outside the two provinces but gives no number for them; "
         "\"over\" allows for them.",
    "c": "The article gives the number of workers outside the two provinces.",
    "d": "The remainder is negative, so the figures contradict each other.",
}
REMAINDER_CORRECT = "b"


def check_remainder(value: Any) -> Result:
    """Q8: what the text says about the workers outside the two provinces."""
    hints = {
        "a": "Paragraph 3 says the opposite: \"there are North Korean workers residing outside "
             "those regions as well\".",
        "c": "Look for a number near \"outside those regions\": there is none.",
        "d": "With rounded figures and an open-ended total nothing here is negative: the "
             "remainder is simply unknown.",
    }
    return choice(value, REMAINDER_OPTIONS, REMAINDER_CORRECT, hints,
                  right="Right: the remainder is unknown, not zero.")


REWRITE_RUBRIC = Rubric(
    criteria=(
        "The reader can tell who stands behind the figure: the reporter's own estimate from "
        "the sources' provincial figures, not the sources themselves.",
        "The qualifier survives: the total is a floor (\"over\", \"more than\"), not an "
        "exact count.",
        "Nothing is added that the article does not say.",
    ),
    levels=(
        Level(0, "missing", "The figure is still stated as fact, or its meaning changed."),
        Level(1, "partial", "Attribution or qualifier right, not both."),
        Level(2, "good", "Clear attribution and the qualifier kept."),
        Level(3, "strong", "Clear, faithful to the article, and readable in one go."),
    ),
)

REWRITE_QUESTION = written_question(
    "q9", "rewrite_p03", REWRITE_RUBRIC, words=(12, 70),
    requires=(
        Requirement("keeps the figure", r"50,000|50 000|50000|fifty thousand",
                    "Keep the article's figure in your sentence."),
        Requirement("keeps a qualifier", r"\bover\b|more than|at least|upwards of",
                    "Keep the qualifier: the total is not an exact count."),
        Requirement("says who stands behind it", r"daily nk|reporter|jang|estimat|according|"
                    r"calculat|infer|reason|add", "Say who the figure comes from (who "
                    "estimated, added or inferred it)."),
    ),
)


EXERCISE = register(Exercise(
    id=EXERCISE_ID,
    title="02 · Tabulating the figures",
    questions=(
        Question("q1", "found", check_found),
        Question("q2", "values", check_values),
        Question("q3", "figures", check_figures),
        Question("q4", "sum_range", check_sum_range),
        Question("q5", "smallest_total", check_smallest_total),
        Question("q6", "inference_choice", check_inference),
        Question("q7", "quantity_ids", check_quantity_ids),
        Question("q8", "remainder_choice", check_remainder),
        REWRITE_QUESTION,
    ),
))
