"""Checks for exercise 06, your own article: the method of lessons 01-04 on the practice article.

Reference answers are computed from `data/practice_article.txt`, `practice_article.json`,
`practice_figures.csv` and `practice_claims.csv`.
"""

from __future__ import annotations

from functools import cache
from typing import Any

import pandas as pd

from newslab.checks import charts
from newslab.checks.core import Exercise, Level, Question, Result, Rubric, register, with_why_notes
from newslab.checks.feedback import choice, columns_problem, numbers_in, table_of, type_problem
from newslab.checks.written import Requirement, written_question
from newslab.data import (
    furniture_of,
    load_practice_claims,
    load_practice_figures,
    load_practice_metadata,
    load_practice_text,
)
from newslab.sentences import split_sentences

EXERCISE_ID = "06_your_own_article"
NAME_NUMBERS = {7.0, 12.0, 4.0}  # Gull-7, Tern-12, Pier 4 (and the 300 of RX-300)
STAMP_NUMBERS = {9.0, 15.0, 3.0}  # "Updated 09:15, March 3"


@cache
def practice_text() -> str:
    return load_practice_text()


@cache
def furniture() -> dict[int, str]:
    return furniture_of(load_practice_metadata())


@cache
def sentences() -> pd.DataFrame:
    return split_sentences(practice_text(), furniture())


@cache
def reference_figures() -> pd.DataFrame:
    return load_practice_figures()


@cache
def reference_claims() -> pd.DataFrame:
    return load_practice_claims()


@cache
def story_count() -> int:
    return int(sentences()["is_story"].sum())


@cache
def figure_pairs() -> frozenset[tuple[float, str]]:
    table = reference_figures()
    return frozenset(zip(table["value"].astype(float), table["qualifier"], strict=True))


@cache
def inferred_value() -> int:
    table = reference_figures()
    return int(table.loc[table["attribution_type"] == "reporters_inference", "value"].iloc[0])


@cache
def about_range() -> tuple[int, int]:
    """The honest range of the sum of the two provincial 'about' figures."""
    table = reference_figures()
    about = table[(table["qualifier"] == "about") & (table["scope"] == "province")]
    return int(about["low"].sum()), int(about["high"].sum())


@cache
def named_ids() -> frozenset[str]:
    claims = reference_claims()
    return frozenset(claims.loc[claims["attribution_type"] == "named_source", "sentence_id"])


def check_story_count(value: Any) -> Result:
    """Q1: how many sentences of the practice article are story, not page furniture."""
    problem = type_problem(value, "whole number")
    if problem:
        return Result(0, 1, problem)
    number = int(value)
    if number == story_count():
        return Result(1, 1, "Right: the rest is page furniture.")
    if number == len(sentences()):
        return Result(0, 1, "That counts every sentence, page furniture included: tag the "
                            "furniture paragraphs listed in practice_article.json first.")
    story = sentences()[sentences()["is_story"]]
    if number == story["paragraph"].nunique():
        return Result(0, 1, "That is the number of story paragraphs: a paragraph can hold "
                            "several sentences; count sentences whose kind is story.")
    # One message for every other count, so two wrong counts never bracket the answer.
    return Result(0, 1, "Not this count: split the text into sentences, then count those whose "
                        "kind is story (the notice, the time stamp, the caption and the bio are "
                        "page furniture).")


def check_figures(value: Any) -> Result:
    """Q2: the practice article's figures as a table with value and qualifier columns."""
    problem = columns_problem(value, ["value", "qualifier"])
    if problem:
        return Result(0, 1, problem)
    _, records = table_of(value) or ([], [])
    if not records:
        return Result(0, 1, "Your table is empty: run find_figures on the practice text.")
    values = [record.get("value") for record in records]
    if any(isinstance(v, str) for v in values):
        return Result(0, 1, "Your value column holds text: values should be numbers.")
    found = numbers_in(values)
    pairs = {(float(r.get("value")), str(r.get("qualifier"))) for r in records
             if isinstance(r.get("value"), (int, float))}
    if pairs == figure_pairs() and len(records) == len(figure_pairs()):
        return Result(1, 1, "Right: every figure of the story and nothing else.")
    if 2029.0 in found:
        return Result(0, 1, "2029 is a year, not a count: leave dates out of the figures.")
    extra = set(found) - {value for value, _ in figure_pairs()}  # "three years" is a 3
    if extra & NAME_NUMBERS or found.count(300.0) > 1:
        return Result(0, 1, "Some numbers are parts of names (a ferry, a crane model, a pier): "
                            "they label things, they do not count them.")
    if extra & STAMP_NUMBERS or found.count(3.0) > 1:
        return Result(0, 1, "A time stamp from the page furniture slipped in: keep the story's "
                            "sentences only.")
    values_only = {v for v, _ in figure_pairs()}
    if set(found) == values_only:
        return Result(0, 1, "The values are right but a qualifier is not: keep the word before "
                            "each number (\"about\", \"more than\", \"nearly\", ...).")
    if 1.5 in found:
        return Result(0, 1, "1.5 million is 1,500,000: keep the scale word with the number.")
    return Result(0, 1, "Some figures are missing or extra: use find_figures on the practice "
                        "text, with its furniture, and keep the story rows.")


def check_inferred(value: Any) -> Result:
    """Q3: the figure with no source in its sentence, which reads as the reporter's inference."""
    problem = type_problem(value, "whole number")
    if problem:
        return Result(0, 1, problem)
    number = int(value)
    if number == inferred_value():
        return Result(1, 1, "Right: no one is named for it, and the \"As ...\" clause reads as "
                            "the reporter adding the provincial figures and reasoning that the "
                            "smaller ports hold more.")
    table = reference_figures().set_index("value")
    if number in table.index:
        kind = table.loc[number, "attribution_type"]
        kind = kind.iloc[0] if isinstance(kind, pd.Series) else kind
        if kind == "several_anonymous_sources":
            return Result(0, 1, "That figure comes from the two port officials, not from the "
                                "reporter's own reasoning. Look for the sentence opening with "
                                "\"As ...\".")
        return Result(0, 1, "That figure is put down to someone or stated as fact; the "
                            "inference is the one the reporter reasons towards (\"As ...\").")
    return Result(0, 1, "Give one of the article's figures, as a number without commas.")


def check_range(value: Any) -> Result:
    """Q4: [low, high] for the sum of the two provincial 'about' figures."""
    problem = type_problem(value, "list")
    if problem:
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return Result(0, 1, "One number is not a range: \"about\" figures add up to a "
                                "range, so give [low, high].")
        return Result(0, 1, problem)
    if len(value) != 2 or not all(isinstance(v, (int, float)) and not isinstance(v, bool)
                                  for v in value):
        return Result(0, 1, "Give exactly two numbers, [low, high].")
    low, high = (float(v) for v in value)
    want_low, want_high = about_range()
    if (low, high) == (float(want_low), float(want_high)):
        return Result(1, 1, "Right: the lows add up, and so do the highs.")
    if low == high:
        return Result(0, 1, "A range with equal ends is a point: add the two lows for the low "
                            "end and the two highs for the high end.")
    if low > high:
        return Result(0, 1, "Put the low end first.")
    return Result(0, 1, "Use the bounds the rule gives each \"about\" figure (the low and high "
                        "columns), then add low to low and high to high.")


def check_named(value: Any) -> Result:
    """Q5: the story sentences whose claim rests on a named source."""
    if tag_of_list(value):
        return Result(0, 1, tag_of_list(value) or "")
    ids = set(value)
    reference = named_ids()
    if ids == reference:
        return Result(1, 1, "Right: an institution and one named person.")
    claims = reference_claims().set_index("sentence_id")
    extra = ids - reference
    if any(i in claims.index and claims.loc[i, "attribution_type"] == "anonymous_person_quoted"
           for i in extra):
        return Result(0, 1, "\"One worker\" is a description, not a name: a quoted person "
                            "without a name is anonymous.")
    if any(i in claims.index and "are said to" in claims.loc[i, "quote"] for i in extra):
        return Result(0, 1, "\"Are said to\" is a hedge: nobody is named as saying it.")
    if reference - ids and any("she added" in claims.loc[i, "quote"] for i in reference - ids):
        return Result(0, 1, "\"She added\": the pronoun points back to a speaker named just "
                            "before, so that sentence rests on her too.")
    if reference - ids:
        return Result(0, 1, "Some sentences are missing: a quote can run over two sentences, "
                            "and an institution can be a named source.")
    return Result(0, 1, "Some of your ids are not named-source sentences: check each against "
                        "the claims table.")


def tag_of_list(value: Any) -> str | None:
    """A message when `value` is not a list of sentence ids, else None."""
    problem = type_problem(value, "list")
    if problem:
        return problem + " Use .tolist() on the sentence_id column."
    if not all(isinstance(item, str) for item in value):
        return "Your list should hold sentence ids as text, like \"p03s1\"."
    return None


def check_chart(answer: Any) -> Result:
    """Q6: a figures chart of the practice article: ranges, title, source line, tooltips."""
    spec = charts.spec_of(answer)
    if spec is None:
        return Result(0, 1, "Your answer is not an Altair chart: build it with alt.Chart(...) "
                            "and assign the chart itself.")
    found = charts.channels(spec)
    if not ({"x", "x2"} <= set(found) or {"y", "y2"} <= set(found)):
        return Result(0, 1, "Your chart shows no range: draw each figure from its low to its "
                            "high (x and x2, or y and y2).")
    if not [line for line in charts.title_lines(spec) if line.strip()]:
        return Result(0, 1, "Your chart has no title: say what it shows.")
    if charts.source_line(spec) is None:
        return Result(0, 1, "Your chart has no source line: add a subtitle line starting "
                            "\"Source:\" that names the (fictional) outlet.")
    if "Harbour Ledger" not in charts.source_line(spec):
        return Result(0, 1, "Your source line should name the outlet of the practice article.")
    if "quote" not in charts.tooltip_fields(spec):
        return Result(0, 1, "Your tooltips do not carry the quote: readers should see the "
                            "article's own words.")
    if not charts.description(spec):
        return Result(0, 1, "Your chart has no description for screen readers: add "
                            ".properties(description=...).")
    return Result(1, 1, "Right: ranges, a title, a source line, quotes and a description.")


HEDGE_OPTIONS = {
    "a": "named_source: the workers say so.",
    "b": "several_anonymous_sources: several unnamed people say so.",
    "c": "hedge_no_source: a hedge, and nobody is named.",
    "d": "reporters_inference: the reporter concludes it.",
}
HEDGE_HINTS = {
    "a": "The workers are the subject of the claim, not its source: who says they plan a strike?",
    "b": "Is any source mentioned at all? \"Are said to\" does not say by whom.",
    "d": "The reporter gives no reasoning (\"As ...\", \"This is because\") here.",
}


def check_hedge(value: Any) -> Result:
    """Q7: 'Workers at two canneries are said to be planning a strike.'"""
    return choice(value, HEDGE_OPTIONS, "c", HEDGE_HINTS,
                  right="Right: \"are said to\" hides who said it.")


RESTS_ON_RUBRIC = Rubric(
    criteria=(
        "Names the kinds of sourcing the article's claims rest on (named, anonymous, "
        "documents, the reporter's inference) and which claims rest on each.",
        "Points to the weakest claim and says why it is weak.",
        "Says what a reader should not conclude from the article.",
    ),
    levels=(
        Level(0, "missing", "No account of the sourcing."),
        Level(1, "partial", "Names kinds of sourcing without tying them to claims."),
        Level(2, "good", "Ties the main claims to their sourcing and names the weakest."),
        Level(3, "strong", "Also says plainly what a reader should not conclude."),
    ),
)

RESTS_ON_QUESTION = written_question(
    "q8", "rests_on", RESTS_ON_RUBRIC, words=(40, 200),
    requires=(
        Requirement("talks about sources", r"source|according|said|says|named|anonymous|"
                    r"document|inference|infer", "Say who or what the claims rest on."),
        Requirement("names a claim or a figure", r"\d|claim|figure|number|estimate",
                    "Point to at least one claim or figure of the article."),
    ),
)

# Shown after a right answer: why it is right (the solution's "Why" note).
WHY_NOTES = {
    "q2": ("Gull-7, Tern-12, RX-300 and Pier 4 are names; 2029 is a year; \"09:15, March 3\" is "
           "the page's time stamp. None of them counts anything."),
    "q3": ("\"As Tarslanders also work in smaller ports along the coast, there appear to be more "
           "than 6,500\": the reporter adds 4,000 and 2,500 and reasons about the rest."),
    "q5": ("The Harbour Authority is an institution named as the source; Mira Oskarsdottir is "
           "named, and her quote runs over two sentences, with \"she added\" in the next "
           "paragraph."),
    "q7": ("The workers are what the claim is about, not who makes it; \"are said to\" never says "
           "by whom."),
}


EXERCISE = register(with_why_notes(Exercise(
    id=EXERCISE_ID,
    title="Your own article: the practice article",
    questions=(
        Question("q1", "story_sentences", check_story_count),
        Question("q2", "figures", check_figures),
        Question("q3", "inferred_total", check_inferred),
        Question("q4", "province_range", check_range),
        Question("q5", "named", check_named),
        Question("q6", "chart", check_chart),
        Question("q7", "strike_label", check_hedge),
        RESTS_ON_QUESTION,
    ),
), WHY_NOTES))
