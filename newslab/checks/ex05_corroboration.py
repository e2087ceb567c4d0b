"""Checks for exercise 05, corroboration: other estimates, scope, copies and the SIFT moves.

Reference answers are computed from `data/other_estimates.csv` and `data/figures.csv`.
"""

from __future__ import annotations

from functools import cache
from typing import Any

import pandas as pd

from newslab.checks.core import Exercise, Level, Question, Result, Rubric, register, with_why_notes
from newslab.checks.feedback import choice, columns_problem, table_of, type_problem
from newslab.checks.written import Requirement, written_question
from newslab.data import load_figures, load_other_estimates

EXERCISE_ID = "05_corroboration"
PARTS_GROUP = "US-2019"
COPIES_GROUP = "US-2020"


@cache
def estimates() -> pd.DataFrame:
    """`other_estimates.csv` with numbers as numbers."""
    return load_other_estimates()


@cache
def china_ids() -> frozenset[str]:
    """Estimates whose scope is the whole of China."""
    table = estimates()
    return frozenset(table.loc[table["scope"] == "china", "estimate_id"])


@cache
def article_floor() -> int:
    """The floor of the article's national figure ("over 50,000")."""
    figures = load_figures()
    return int(figures.loc[figures["qualifier"] == "over", "low"].iloc[0])


@cache
def consistent_ids() -> frozenset[str]:
    """China rows whose range allows a number above the article's floor."""
    table = estimates()
    china = table[table["scope"] == "china"]
    allows = china["high"].isna() | (china["high"] > article_floor())
    return frozenset(china.loc[allows.fillna(False).astype(bool), "estimate_id"])


@cache
def parts_excess() -> int:
    """How far the parts of the US-2019 estimate exceed its total (first copy, E28)."""
    group = estimates()[estimates()["estimate_group"] == PARTS_GROUP]
    first_url = group["url"].iloc[0]
    copy = group[group["url"] == first_url]
    total = int(copy.loc[copy["scope"] == "overseas", "value"].iloc[0])
    parts = int(copy.loc[copy["scope"] != "overseas", "value"].sum())
    return parts - total


@cache
def qualifier_count() -> int:
    """Distinct qualifiers with which the copies report the US-2020 China figure."""
    table = estimates()
    rows = table[(table["estimate_group"] == COPIES_GROUP) & (table["scope"] == "china")]
    return int(rows["qualifier"].nunique())


def _ids_in(value: Any) -> tuple[set[str] | None, str | None]:
    """Estimate ids from a table with an estimate_id column, or from a list of ids."""
    if isinstance(value, list):
        if not all(isinstance(item, str) for item in value):
            return None, "Your list should hold estimate ids as text, like \"E01\"."
        return set(value), None
    problem = columns_problem(value, ["estimate_id"])
    if problem:
        return None, problem
    _, records = table_of(value) or ([], [])
    return {str(record.get("estimate_id")) for record in records}, None


def check_china(value: Any) -> Result:
    """Q1: the rows whose scope is all of China."""
    ids, problem = _ids_in(value)
    if problem or ids is None:
        return Result(0, 1, problem or "Give a table.")
    if ids == china_ids():
        return Result(1, 1, "Right: these are the only rows about the same place as "
                            "\"over 50,000 in China\".")
    scopes = dict(zip(estimates()["estimate_id"], estimates()["scope"], strict=True))
    extra = {scopes.get(i) for i in ids - china_ids()}
    if "overseas" in extra:
        return Result(0, 1, "Your table includes estimates for all countries together "
                            "(overseas): China is only a part of those.")
    if "other_country" in extra:
        return Result(0, 1, "Your table includes figures for Russia: keep the rows for China.")
    if extra & {"northeast_china", "province", "city"}:
        return Result(0, 1, "Your table includes figures for parts of China (provinces, the "
                            "north-east, a city): keep only the whole country.")
    if ids < china_ids():
        return Result(0, 1, "Some rows for China are missing: filter on the scope column, "
                            "not on the place names.")
    return Result(0, 1, "Filter the table on its scope column, keeping the value for China.")


def check_consistent(value: Any) -> Result:
    """Q2: China rows whose range allows a number above 50,000."""
    ids, problem = _ids_in(value)
    if problem or ids is None:
        return Result(0, 1, problem or "Give a table.")
    reference = consistent_ids()
    if ids == reference:
        return Result(1, 1, "Right: an empty upper bound means no ceiling, so those rows "
                            "allow more than 50,000 too.")
    table = estimates().set_index("estimate_id")
    missing, extra = reference - ids, ids - reference
    if any(pd.isna(table.loc[i, "high"]) for i in missing if i in table.index):
        return Result(0, 1, "A row with an empty high has no upper bound at all, so it allows "
                            "any number above its low. Comparisons with <NA> are not True: "
                            "treat a missing high explicitly (isna()).")
    if any(i in table.index and not pd.isna(table.loc[i, "high"])
           and int(table.loc[i, "high"]) == article_floor() for i in extra):
        return Result(0, 1, "A range that stops exactly at 50,000 does not allow a number "
                            "above 50,000: use > rather than >=.")
    if extra - china_ids():
        return Result(0, 1, "Keep to the rows for China (question 1) before testing the "
                            "bounds.")
    return Result(0, 1, "Test the high column of the China rows: a row allows more than "
                        "50,000 when its high is above 50,000 or empty.")


def check_excess(value: Any) -> Result:
    """Q3: by how much the parts exceed the total in the first copy of the US-2019 figure."""
    problem = type_problem(value, "whole number")
    if problem:
        return Result(0, 1, problem)
    number = int(value)
    reference = parts_excess()
    if number == reference:
        return Result(1, 1, "Right: the parts add up to more than the whole they belong to.")
    if number == -reference:
        return Result(0, 1, "Mind the order: subtract the total from the sum of the parts, "
                            "so that an excess is positive.")
    group = estimates()[estimates()["estimate_group"] == PARTS_GROUP]
    parts_sum = int(group.loc[group["scope"] != "overseas", "value"]
                    .drop_duplicates().sum())  # fmt: skip
    if number == parts_sum:
        return Result(0, 1, "That is the sum of the parts; now subtract the total.")
    if number > reference * 5:
        return Result(0, 1, "Your number is far too big: did you add rows from both copies of "
                            "the story? Use the rows of one page (one url).")
    return Result(0, 1, "Add the China and Russia figures of one copy, then subtract the total "
                        "for all countries from the same sentence.")


def check_qualifiers(value: Any) -> Result:
    """Q4: how many different qualifiers the copies use for the same US figure for China."""
    problem = type_problem(value, "whole number")
    if problem:
        return Result(0, 1, problem)
    number = int(value)
    if number == qualifier_count():
        return Result(1, 1, "Right: the same estimate, passed along, changed its qualifier at "
                            "each copy, down to none at all.")
    # Specific messages only for the counts a known mistake gives; any other count gets one
    # message, so a count just below and one just above never bracket the answer.
    group = estimates()[estimates()["estimate_group"] == COPIES_GROUP]
    china = group[group["scope"] == "china"]
    if number == 1:
        return Result(0, 1, "Look at all the copies of the group, not one row: filter on "
                            "estimate_group and on scope, then count the distinct qualifiers.")
    if number == china.loc[china["qualifier"] != "none", "qualifier"].nunique():
        return Result(0, 1, "Count \"none\" as a qualifier too: a copy that drops the word is "
                            "part of the drift.")
    if number == group["qualifier"].nunique():
        return Result(0, 1, "Keep only the rows whose scope is China before counting.")
    return Result(0, 1, "Not this count: keep the group's rows for China, then count the "
                        "distinct qualifiers (nunique), \"none\" included.")


COMPARABLE_OPTIONS = {
    "a": "Yes: 60,000 is above 50,000, so it confirms the article.",
    "b": "No: it counts three north-eastern provinces, a part of China, so it cannot confirm "
         "or contradict a figure for all of China.",
    "c": "No: it contradicts the article, which says over 50,000.",
    "d": "Yes: all estimates of North Korean workers can be compared.",
}
COMPARABLE_HINTS = {
    "a": "Check the scope column before the number: which places does the 60,000 cover?",
    "c": "A larger number for a smaller area is not a contradiction: look at the scope.",
    "d": "Estimates for different places and years measure different things: look at scope "
         "and date.",
}
SIFT_OPTIONS = {
    "a": "Stop.",
    "b": "Investigate the source.",
    "c": "Find better coverage.",
    "d": "Trace claims, quotes and media to the original context.",
}
SIFT_HINTS = {
    "a": "Stopping is the first move, but it does not settle which figure NK Watch gave.",
    "b": "You already know who the source is (NK Watch); the question is what it said.",
    "c": "Other coverage is how you found the two versions; a third copy cannot decide "
         "between them.",
}
CONCLUSION_OPTIONS = {
    "a": "The US estimate of about 50,000 in China confirms the article's figure.",
    "b": "Other estimates for China range widely by date and method; the article's figure "
         "sits inside that range, but none of them independently confirms it.",
    "c": "The article is wrong, because the Chinese official data give 94,200.",
    "d": "Nothing can be said, because every estimate is different.",
}
CONCLUSION_HINTS = {
    "a": "That estimate describes an earlier period and comes from a different method; and "
         "copies of it disagree on its qualifier.",
    "c": "That figure is for 2015, years before the article; counts change.",
    "d": "Different estimates still tell you something: look at what they have in common.",
}


def check_comparable(value: Any) -> Result:
    """Q5: is NKDB's 60,000 for three provinces comparable with 'over 50,000 in China'?"""
    return choice(value, COMPARABLE_OPTIONS, "b", COMPARABLE_HINTS,
                  right="Right: a different scope, so a different question.")


def check_sift(value: Any) -> Result:
    """Q6: Reuters and PTI report NK Watch differently: which SIFT move settles it?"""
    return choice(value, SIFT_OPTIONS, "d", SIFT_HINTS,
                  right="Right: go to NK Watch's own statement, not to another copy.")


def check_conclusion(value: Any) -> Result:
    """Q7: what can a careful reader conclude?"""
    return choice(value, CONCLUSION_OPTIONS, "b", CONCLUSION_HINTS,
                  right="Right: consistent with, not confirmed by.")


HEADLINE_RUBRIC = Rubric(
    criteria=(
        "States the range of published estimates for China, not one of them as the answer.",
        "Hedges honestly: the estimates differ by date and method; none is a count.",
        "Short and clear enough to be a headline; nothing the table does not support.",
    ),
    levels=(
        Level(0, "missing", "One figure stated as fact, or a claim the table does not support."),
        Level(1, "partial", "A range or a hedge, not both."),
        Level(2, "good", "The range and an honest hedge."),
        Level(3, "strong", "The range, an honest hedge, and headline-short."),
    ),
)

HEADLINE_QUESTION = written_question(
    "q8", "headline", HEADLINE_RUBRIC, words=(5, 25),
    requires=(
        Requirement("hedges", r"estimat|range|between|up to|as many as|vary|varies|differ|"
                    r"some|about|around|roughly|uncertain|unclear|\bto\b",
                    "Hedge it: say these are estimates, or give the range."),
        Requirement("says who is counted", r"north korean|worker|labou?rer",
                    "Say who is counted (North Korean workers)."),
    ),
)

# Shown after a right answer: why it is right (the solution's "Why" note).
WHY_NOTES = {
    "q1": ("Only these rows are about the same place as the article's national figure. An "
           "overseas total includes China and other countries; a figure for Hunchun or three "
           "provinces counts a part."),
    "q2": ("`china[\"high\"] > 50_000` is `<NA>` where `high` is missing, and `<NA>` is not True, "
           "so the rows with no upper bound (\"more than 100,000\") would be lost without "
           "`isna()`."),
    "q3": ("The parts add up to more than the whole they belong to. Something in the copied "
           "sentence is wrong, rounded differently or from another year: only the original can "
           "say which."),
    "q4": ("Reuters wrote \"some 50,000\", a summary \"about 50,000\", another copy a bare "
           "\"50,000\": "
           "the same estimate looks more and more exact as it is copied."),
    "q5": ("NKDB's 60,000 is an estimate (\"estimates that there are 60,000\", from its surveys "
           "in China) for three provinces in 2019. It describes a part of China, at another "
           "date and by another method, so it is context for the article's figure, not a check "
           "of it."),
    "q6": ("Two copies disagree; a third copy would only add a vote. NK Watch's own statement or "
           "report is the original context (SIFT, the four moves "
           "(https://hapgood.us/2019/06/19/sift-the-four-moves))."),
    "q7": ("Consistent with is not confirmed by: the other figures describe other years, come "
           "from other methods, and several are copies of one estimate."),
}


EXERCISE = register(with_why_notes(Exercise(
    id=EXERCISE_ID,
    title="Corroboration: other estimates",
    questions=(
        Question("q1", "china", check_china),
        Question("q2", "consistent", check_consistent),
        Question("q3", "excess", check_excess),
        Question("q4", "qualifier_count", check_qualifiers),
        Question("q5", "comparable", check_comparable),
        Question("q6", "sift_move", check_sift),
        Question("q7", "conclusion", check_conclusion),
        HEADLINE_QUESTION,
    ),
), WHY_NOTES))
