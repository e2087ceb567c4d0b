"""Checks for exercise 03, attribution: who says so, and how sure is the article?

Reference answers come from `data/claims.csv`, `data/figures.csv` and the article's sentences.
Where claims.csv gives a second defensible label (`alternative_type`), it earns full points too.
The exercise's `ledger` is claims.csv without the sentences students label themselves (q1, q2),
so no table the exercise loads holds its own answers; q4 and q6 are computed on that ledger.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from functools import cache
from typing import Any

import pandas as pd

from newslab.checks.core import Exercise, Level, Question, Result, Rubric, register, with_why_notes
from newslab.checks.feedback import choice, describe, type_problem
from newslab.checks.written import Requirement, written_question
from newslab.data import load_claims, load_figures, load_sentences_table
from newslab.plain import tag_of
from newslab.vocabulary import ANONYMOUS_TYPES
from newslab.vocabulary import TYPES as ATTRIBUTION_TYPES

EXERCISE_ID = "03_attribution"
LABELLED_BY_STUDENTS = ("p10s1", "p03s1")  # q1 and q2: left out of the exercise's ledger
ANONYMOUS = ANONYMOUS_TYPES

# What each wrong label overlooks, whatever the sentence (it never names the right label).
GENERAL_HINTS = {
    "named_source": "Is anybody named in the sentence? A description such as \"a source\" or "
                    "\"one cadre\" is not a name.",
    "document": "Is the claim put down to a document, a report, a survey, a poll or data "
                "(\"records show\", \"according to budget documents\") rather than to a "
                "person?",
    "several_anonymous_sources": "Count the sources the sentence itself mentions: is it more "
                                 "than one, and is any source mentioned at all?",
    "one_anonymous_source": "Look for the words that introduce a source: does this sentence "
                            "name one unnamed source, and is the claim put in its mouth?",
    "anonymous_person_quoted": "Are there quotation marks around a person's own words, and a "
                               "person they belong to?",
    "hedge_no_source": "A hedge is a word like \"reportedly\" or \"appears\" with nobody "
                       "behind it. Look again at who or what the claim is put down to.",
    "reporters_inference": "An inference is the reporter's own reasoning (\"As ...\", "
                           "\"This is because\"). Is the reporter reasoning here, or passing "
                           "on what somebody told them?",
    "unattributed_assertion": "Stated flatly as fact means no source and no hedge. Read the "
                              "sentence again for cue words that put the claim down to someone.",
}


@cache
def claims() -> dict[str, dict[str, str]]:
    """claims.csv rows by sentence id."""
    return {row["sentence_id"]: row for row in load_claims().to_dict("records")}


def _normalise_label(text: str) -> str:
    return "_".join(text.strip().strip("\"'").lower().replace("-", " ").replace("'", "").split())


def label_check(sentence_id: str, accepted_alternative: str = "",
                hints: Mapping[str, str] | None = None) -> Callable[[Any], Result]:
    """A check for "which attribution type is this sentence?", from claims.csv."""

    def check(answer: Any) -> Result:
        row = claims()[sentence_id]
        expected, alternative = row["attribution_type"], row["alternative_type"]
        problem = type_problem(answer, "text")
        if problem:
            return Result(0, 1, f"{problem} Give one of the type names, e.g. "
                                "\"named_source\".")
        label = answer.strip()
        if label not in ATTRIBUTION_TYPES:
            near = _normalise_label(label)
            if near in ATTRIBUTION_TYPES:
                return Result(0.5, 1, "Nearly: write the type exactly as the vocabulary does, "
                                      "in lower case with underscores and no spaces.")
            return Result(0, 1, "That is not one of the course's types: copy a name from the "
                                "vocabulary table, in quotes.")
        if label == expected:
            return Result(1, 1, "Right: that is the reference label.")
        if alternative and label == alternative:
            why = accepted_alternative or "the sentence supports two readings."
            return Result(1, 1, f"Accepted: this label is defensible too, because {why} "
                                "The reference chose differently; both count.")
        hint = (hints or {}).get(label) or GENERAL_HINTS[label]
        return Result(0, 1, f"Not this label. {hint}")

    return check


@cache
def reportedly_reference() -> frozenset[str]:
    """Story sentences whose text contains "reportedly"."""
    table = load_sentences_table()
    story = table[table["is_story"]]
    found = story[story["text"].str.contains("reportedly", case=False, regex=False)]
    return frozenset(found["sentence_id"])


def _strings(answer: Any) -> list[Any] | None:
    if tag_of(answer) == "series":
        return list(answer.get("values", []))
    if isinstance(answer, list):
        return answer
    return None


def check_reportedly(answer: Any) -> Result:
    """Q3: the ids of the story sentences that say "reportedly"."""
    if tag_of(answer) == "dataframe":
        return Result(0, 1, "Your answer is a table. Give just the ids as a list: select the "
                            "\"sentence_id\" column and call .tolist().")
    items = _strings(answer)
    if items is None:
        return Result(0, 1, f"Your answer is {describe(answer)}, but this question wants a list "
                            "of sentence ids such as [\"p01s1\", \"p02s1\"].")
    if not all(isinstance(item, str) for item in items):
        return Result(0, 1, "Every item of your list should be a sentence id in quotes, "
                            "like \"p01s1\".")
    ids = {item.strip() for item in items}
    reference = reportedly_reference()
    all_ids = set(load_sentences_table()["sentence_id"])
    if ids and not ids & all_ids:
        return Result(0, 1, "Those are not sentence ids. If you collected the sentences' text, "
                            "take the \"sentence_id\" column instead.")
    if ids == reference and len(items) != len(ids):
        return Result(0.5, 1, "The right sentences, but your list repeats an id: keep each once.")
    if ids == reference:
        return Result(1, 1, "Right: those are the sentences hedged with \"reportedly\".")
    table = load_sentences_table()
    furniture = set(table.loc[~table["is_story"], "sentence_id"])
    messages = []
    if ids & furniture:
        messages.append("Some of your ids are page furniture, not story: keep the rows where "
                        "\"is_story\" is True.")
    if ids - reference - furniture:
        messages.append("Some of your ids point to sentences without the word: check your "
                        "filter (str.contains on the \"text\" column).")
    if reference - ids:
        messages.append("Some sentences with the word are missing: search every story "
                        "sentence, and mind capitals.")
    if len(items) != len(ids):
        messages.append("Your list repeats an id.")
    points = 0.5 if ids & reference and not (reference - ids) else 0
    return Result(points, 1, " ".join(messages) or "Not quite: compare your list with the table.")


@cache
def ledger() -> pd.DataFrame:
    """The claims ledger the exercise gives: claims.csv without the sentences of q1 and q2."""
    table = load_claims()
    return table[~table["sentence_id"].isin(LABELLED_BY_STUDENTS)].reset_index(drop=True)


def counts_reference() -> dict[str, int]:
    """Claims per attribution type in the exercise's ledger."""
    return ledger()["attribution_type"].value_counts().to_dict()


def _as_mapping(answer: Any) -> dict[str, Any] | None:
    if tag_of(answer) == "series":
        return {str(key): value for key, value in zip(answer.get("index", []),
                                                      answer.get("values", []), strict=False)}
    if tag_of(answer) == "dataframe":
        columns = answer.get("columns", [])
        records = answer.get("records", [])
        if len(columns) == 2:
            first, second = columns
            return {str(record[first]): record[second] for record in records}
        return None
    if isinstance(answer, dict) and tag_of(answer) is None:
        return dict(answer)
    return None


def check_counts(answer: Any) -> Result:
    """Q4: how many claims of each attribution type, as a Series or a dict."""
    mapping = _as_mapping(answer)
    if mapping is None:
        if isinstance(answer, (int, float)) and not isinstance(answer, bool):
            return Result(0, 1, "Your answer is one number. This question wants a count for "
                                "each type: value_counts() on the \"attribution_type\" column.")
        return Result(0, 1, f"Your answer is {describe(answer)}, but this question wants counts "
                            "by type (a Series from value_counts(), or a dict).")
    reference = counts_reference()
    numbers = {key: value for key, value in mapping.items()
               if isinstance(value, (int, float)) and not isinstance(value, bool)}
    if len(numbers) != len(mapping):
        return Result(0, 1, "Every count should be a number.")
    mapping = {key: value for key, value in numbers.items() if value}
    if mapping == reference:
        return Result(1, 1, "Right: that is the ledger's count by type.")
    total = sum(mapping.values())
    if mapping and math.isclose(total, 1.0, abs_tol=0.01):
        return Result(0.5, 1, "Those look like shares (they add up to 1): this question wants "
                              "counts of sentences. Drop normalize=True.")
    claims_table = ledger()
    alternative = claims_table.loc[claims_table["alternative_type"] != "", "alternative_type"]
    if mapping == alternative.value_counts().to_dict():
        return Result(0, 1, "You counted the \"alternative_type\" column: count the reference "
                            "labels in \"attribution_type\".")
    unknown = set(mapping) - set(ATTRIBUTION_TYPES)
    if unknown:
        return Result(0, 1, "Some of your keys are not attribution types: count the values of "
                            "the \"attribution_type\" column.")
    if mapping == load_claims()["attribution_type"].value_counts().to_dict():
        return Result(0.5, 1, "You counted the whole claims.csv: count the exercise's `claims` "
                              "table, which leaves out the two sentences you labelled.")
    if total != len(claims_table):
        return Result(0, 1, "Your counts do not add up to the number of rows of the `claims` "
                            "table: count every row once.")
    return Result(0.5, 1, "Your counts add up, but some types have the wrong count: count the "
                          "\"attribution_type\" column of `claims`, not your own labels.")


FIFTY_OPTIONS = {
    "a": "an official count by North Korean or Chinese authorities",
    "b": "several anonymous sources, whom its sentence names as the source of the national "
         "figure",
    "c": "no source named in its sentence: most likely the reporter's inference from the two "
         "provincial figures that several anonymous sources gave, though it may carry over "
         "from those sources",
    "d": "one anonymous source",
}
FIFTY_TYPES = {"a": "named_source", "b": "several_anonymous_sources",
               "c": "reporters_inference", "d": "one_anonymous_source"}
FIFTY_HINTS = {
    "a": "No official or named body appears anywhere in the article: look at figures.csv's "
         "\"source_described\" for the figure.",
    "b": "Read the sentence with \"over 50,000\" again: does it name anyone? The sources are "
         "named in the sentence before, for the two provincial figures. They may have given "
         "the total too, but the text does not say so.",
    "c": "Read the sentence with \"over 50,000\" again: who reasons from what to what?",
    "d": "\"A source\" appears later in the article, about an escape in Shenyang, not about "
         "the totals.",
}


def check_fifty(answer: Any) -> Result:
    """Q5: what the "over 50,000" figure rests on, as far as the text shows (figures.csv, F3)."""
    figures = load_figures()
    national = figures[figures["scope"] == "country"].iloc[0]
    correct = [letter for letter, kind in FIFTY_TYPES.items()
               if kind == national["attribution_type"]]
    return choice(answer, FIFTY_OPTIONS, correct, FIFTY_HINTS,
                  right="Right: the article puts the national figure down to no one. It reads as "
                        "the reporter's step from the provincial figures to all of China, and "
                        "it may carry over from the sources: a question for the reporter.")


@cache
def anonymous_share_reference() -> float:
    """Percentage of the ledger's claims that rest on anonymous sources of any kind."""
    table = ledger()
    return 100 * table["attribution_type"].isin(ANONYMOUS).mean()


def check_anonymous_share(answer: Any) -> Result:
    """Q6: the percentage of claims resting on anonymous sources (any of the three kinds)."""
    problem = type_problem(answer, "number")
    if problem:
        return Result(0, 1, problem)
    reference = anonymous_share_reference()
    value = float(answer)
    if math.isclose(value, reference, abs_tol=0.5):
        return Result(1, 1, "Right: that share of the story rests on people the reader "
                            "cannot identify.")
    if math.isclose(value * 100, reference, abs_tol=0.5):
        return Result(0.5, 1, "That looks like a fraction between 0 and 1: this question wants "
                              "a percentage, so multiply by 100.")
    table = ledger()
    count = int(table["attribution_type"].isin(ANONYMOUS).sum())
    if math.isclose(value, count):
        return Result(0, 1, "That is a count of sentences: divide by the number of claims and "
                            "multiply by 100.")
    for kind in ANONYMOUS:
        share = 100 * (table["attribution_type"] == kind).mean()
        if math.isclose(value, share, abs_tol=0.5):
            return Result(0, 1, "You counted only one kind of anonymous sourcing. The three "
                                "kinds are several anonymous sources, one anonymous source and "
                                "an anonymous person quoted: count them all.")
    story = load_sentences_table()
    if math.isclose(value, 100 * count / len(story), abs_tol=0.5):
        return Result(0, 1, "You divided by every sentence in the file, page furniture "
                            "included: divide by the claims (the story's sentences).")
    return Result(0, 1, "Not this percentage. Use isin() with the three anonymous types on "
                        "\"attribution_type\", then take the mean and multiply by 100.")


P03_HINTS = {
    "several_anonymous_sources": "The sources are named in the sentence before, for the "
                                 "provincial figures. This sentence names nobody; they may "
                                 "have given the total too, but label what this sentence "
                                 "shows: whose step is it to go from the provinces to all of "
                                 "China?",
    "unattributed_assertion": "It is not stated flatly: look for the words that reason "
                              "(\"As ...\") and that hedge.",
}
P10_HINTS = {
    "several_anonymous_sources": "Count the sources in this sentence: \"a source\" is one.",
    "hedge_no_source": "There is a source here, unnamed but present: the sentence says whom the "
                       "claim comes from.",
}


REPORTER_RUBRIC = Rubric(
    criteria=(
        "Three questions a reporter could answer without naming the sources: how many, what "
        "position or access they have, how they know.",
        "At least one question about corroboration: did the sources know of each other, were "
        "the figures checked against anything?",
        "Questions, not accusations: each one open and specific.",
    ),
    levels=(
        Level(0, "missing", "Fewer than three questions, or none about the sources."),
        Level(1, "partial", "Three questions, but vague or only yes/no."),
        Level(2, "good", "Three specific questions about who the sources are and how they know."),
        Level(3, "strong", "Also a question about corroboration, all answerable by the reporter."),
    ),
)

REPORTER_QUESTION = written_question(
    "q7", "reporter_questions", REPORTER_RUBRIC, words=(20, 150),
    requires=(
        Requirement("asks three questions", r"\?", "Write three questions, each ending "
                    "with a question mark.", at_least=3),
        Requirement("asks about the sources", r"source", "Ask about the sources themselves."),
    ),
)

# Shown after a right answer: why it is right (the solution's "Why" note).
WHY_NOTES = {
    "q1": ("\"According to a source\" puts the claim down to one source who is not named, and "
           "the reader learns nothing about who this person is. The Reuters Handbook calls "
           "anonymous sources \"the weakest sources\" (The Essentials of Reuters sourcing, "
           "https://handbook.reuters.com/index.php?title=The_Essentials_of_Reuters_sourcing)."),
    "q2": ("The sentence names nobody. \"As there are ... workers residing outside those "
           "regions\" gives a reason and \"there appears to be\" a conclusion, which reads as the "
           "reporter reasoning. \"Appears\" is also a hedge with nobody named, so "
           "`hedge_no_source` is defensible too."),
    "q5": ("The sources gave \"about 30,000\" for Liaoning and \"about 20,000\" for Jilin "
           "(`p02s1`). The next sentence names nobody: it adds workers outside those "
           "provinces, whom nobody counted, and concludes \"there appears to be over 50,000\". "
           "That reads as the reporter's own step from the provincial figures; the sources may "
           "have said it too, and the Korean edition does not settle it (it also gives the "
           "total without a source). An editor would ask the reporter."),
}


EXERCISE = register(with_why_notes(Exercise(
    id=EXERCISE_ID,
    title="Attribution: who says so?",
    questions=(
        Question("q1", "label_p10", label_check("p10s1", hints=P10_HINTS)),
        Question("q2", "label_p03", label_check(
            "p03s1",
            accepted_alternative="\"there appears to be\" hedges the claim and nobody is named, "
                                 "while the \"As ...\" clause shows the reporter reasoning.",
            hints=P03_HINTS)),
        Question("q3", "reportedly_ids", check_reportedly),
        Question("q4", "counts", check_counts),
        Question("q5", "fifty_rests_on", check_fifty),
        Question("q6", "anonymous_share", check_anonymous_share),
        REPORTER_QUESTION,
    ),
), WHY_NOTES))
