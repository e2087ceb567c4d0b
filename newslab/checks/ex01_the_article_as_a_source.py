"""Checks for exercise 01, the article as a source: story and furniture, time words, dating.

Reference answers come from `data/` (sentences, article.json, claims.csv), computed once.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

import pandas as pd

from newslab.checks.core import Exercise, Level, Question, Result, Rubric, register
from newslab.checks.feedback import choice, columns_problem, table_of, type_problem
from newslab.checks.written import Requirement, written_question
from newslab.data import load_claims, load_metadata, load_sentences_table

EXERCISE_ID = "01_the_article_as_a_source"
TIME_WORDS = r"\b(?:on Thursday|this year|last month|recently)\b"
DATE = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:[T ]00:00:00)?$")
FIRST_DAY, LAST_DAY = "2020-01-01", "2023-08-31"


@cache
def _sentences() -> pd.DataFrame:
    return load_sentences_table()


@cache
def story_ids() -> frozenset[str]:
    """Sentence ids of the story (page furniture left out)."""
    table = _sentences()
    return frozenset(table.loc[table["is_story"], "sentence_id"])


@cache
def furniture_count() -> int:
    """How many sentences of the text are page furniture."""
    return int((~_sentences()["is_story"]).sum())


@cache
def furniture_paragraphs() -> int:
    return len(load_metadata()["non_story"])


@cache
def time_word_ids() -> frozenset[str]:
    """Story sentences holding "on Thursday", "this year", "last month" or "recently"."""
    table = _sentences()
    hits = table["is_story"] & table["text"].str.contains(TIME_WORDS, regex=True)
    return frozenset(table.loc[hits, "sentence_id"])


@cache
def candidate_dates() -> tuple[str, ...]:
    """The Thursdays that fell on a 21st, January 2020 to August 2023 (article.json)."""
    return tuple(load_metadata()["publication_date"]["candidates"])


def _ids_from(value: Any) -> tuple[list[str] | None, str | None]:
    """A list of sentence ids from a list answer, or a message saying what is wrong."""
    problem = type_problem(value, "list")
    if problem:
        if table_of(value) is not None:
            problem += " From a table, take the ids with table[\"sentence_id\"].tolist()."
        return None, problem
    if not all(isinstance(item, str) for item in value):
        return None, "Every item of your list should be a sentence id in quotes, like \"p01s1\"."
    if any(len(item) > 12 for item in value):
        return None, ("Your list holds sentences, not ids: take the sentence_id column, not "
                      "the text column.")
    unknown = [item for item in value if item not in set(_sentences()["sentence_id"])]
    if unknown:
        return None, ("Some items are not sentence ids of this article (ids look like \"p02s1\": "
                      "paragraph 2, sentence 1).")
    return list(value), None


def check_story(value: Any) -> Result:
    """Q1: a table of the story's sentences only."""
    problem = columns_problem(value, ["sentence_id"])
    if problem:
        if "Series" in problem:
            problem = ("Your answer is a pandas Series (one column). Filter the rows of the "
                       "whole table with a condition, e.g. sentences[condition], to keep a table.")
        return Result(0, 1, problem)
    _, records = table_of(value) or ([], [])
    ids = [record.get("sentence_id") for record in records]
    got = set(ids)
    if not records:
        return Result(0, 1, "Your table is empty: your condition kept no rows.")
    if len(ids) != len(got):
        return Result(0, 1, "Some sentences appear twice in your table.")
    if got == story_ids():
        return Result(1, 1, "Right: the story, without the page furniture.")
    if got > story_ids():
        return Result(0, 1, "Your table still holds page furniture (the caption, the contact "
                            "line or the bio, for example): keep only the rows where is_story "
                            "is True.")
    if got < story_ids():
        return Result(0, 1, "Some story sentences are missing: your condition is too narrow. "
                            "Keep every row whose kind is \"story\".")
    return Result(0, 1, "Your table mixes story and furniture: filter on the is_story column.")


def check_furniture_count(value: Any) -> Result:
    """Q2: how many sentences are page furniture."""
    if table_of(value) is not None:
        return Result(0, 1, "Your answer is a table: count its rows with len(...) to get a "
                            "number.")
    problem = type_problem(value, "whole number")
    if problem:
        return Result(0, 1, problem)
    value = int(value)
    if value == furniture_count():
        return Result(1, 1, "Right: that many sentences of the file are not the story.")
    if value == furniture_paragraphs():
        return Result(0, 1, "That is the number of furniture paragraphs (lines). The question "
                            "counts sentences: the bio has more than one.")
    if value == len(story_ids()):
        return Result(0, 1, "That is the number of story sentences; the question asks for the "
                            "others.")
    if value == len(_sentences()):
        return Result(0, 1, "That counts every sentence; count only those where is_story is "
                            "False.")
    return Result(0, 1, "Not quite: count the rows of the sentences table where is_story is "
                        "False.")


def check_time_ids(value: Any) -> Result:
    """Q3: ids of the story sentences holding one of the four relative time expressions."""
    ids, problem = _ids_from(value)
    if problem or ids is None:
        return Result(0, 1, problem or "")
    got = set(ids)
    expected = time_word_ids()
    if len(ids) != len(got):
        return Result(0, 1, "Some ids appear twice in your list.")
    if got == expected:
        return Result(1, 1, "Right: each of these sentences happens at a time the text cannot "
                            "place without a date.")
    extra, missing = got - expected, expected - got
    hints = []
    if "p01s1" in extra:
        hints.append("The first sentence says \"recent efforts\", not \"recently\": add \\b "
                     "word boundaries or spell the whole word.")
    elif extra:
        hints.append("Some of your sentences hold none of the four expressions, or are not "
                     "story.")
    if missing:
        hints.append("Some sentences with one of the four expressions are missing: search for "
                     "all four at once with | between them.")
    return Result(0, 1, " ".join(hints))


def _dates_from(value: Any) -> tuple[list[str] | None, str | None]:
    problem = type_problem(value, "list")
    if problem:
        return None, (problem + " Turn dates into text with .strftime(\"%Y-%m-%d\").tolist().")
    dates = []
    for item in value:
        match = DATE.match(item) if isinstance(item, str) else None
        if not match:
            return None, ("Every item should be a date as text like \"2020-01-30\" (year-month-"
                          "day): use .strftime(\"%Y-%m-%d\").")
        dates.append(match.group(1))
    return dates, None


def check_candidates(value: Any) -> Result:
    """Q4: the Thursdays that fell on a 21st between January 2020 and August 2023."""
    dates, problem = _dates_from(value)
    if problem or dates is None:
        return Result(0, 1, problem or "")
    expected = set(candidate_dates())
    got = set(dates)
    if got == expected and len(dates) == len(got):
        return Result(1, 1, "Right: the sources spoke on one of these days, and the text alone "
                            "cannot say which.")
    stamps = pd.to_datetime(pd.Series(sorted(got)), errors="coerce", format="%Y-%m-%d")
    if stamps.isna().any():
        return Result(0, 1, "Some of your items are not real calendar dates.")
    hints = []
    if any(stamp.day != 21 for stamp in stamps):
        hints.append("Some of your dates are not the 21st of a month.")
    if any(stamp.day_name() != "Thursday" for stamp in stamps):
        hints.append("Some of your dates are not Thursdays: day_of_week counts Monday as 0, "
                     "or compare day_name() with \"Thursday\".")
    if any(date > LAST_DAY for date in got):
        hints.append("Some dates fall after August 2023, when repatriations were reported to "
                     "resume: end the range on 2023-08-31.")
    if any(date < FIRST_DAY for date in got):
        hints.append("Some dates fall before the border closed in January 2020.")
    if len(dates) != len(got):
        hints.append("Some dates appear twice.")
    if not hints:
        hints.append("Some candidates are missing: build every day from 2020-01-01 to "
                     "2023-08-31 with pd.date_range, then keep the Thursdays on the 21st.")
    return Result(0, 1, " ".join(hints))


ALT_TEXT_OPTIONS = {
    "a": "the article's headline",
    "b": "a story sentence that lost its verb",
    "c": "text left over from the page's image (its alternative text or file name)",
    "d": "the photo caption",
}


def check_alt_text(value: Any) -> Result:
    """Q5: what the line "jilin province workers work" is."""
    correct = next(key for key, text in ALT_TEXT_OPTIONS.items() if "image" in text)
    hints = {
        "a": "The headline is not in the text we were given (see article.json), and a "
             "headline would not sit between two paragraphs in the middle of the story.",
        "b": "It is not a sentence at all: no capital letter, no full stop, and it repeats "
             "words rather than saying anything.",
        "d": "The caption is the next line, the one ending with the image credit.",
    }
    return choice(value, ALT_TEXT_OPTIONS, correct, hints,
                  right="Right: scraped pages often keep an image's alt text or file name.")


SPEAKER_OPTIONS = {
    "a": "the reporter, Seulkee Jang",
    "b": "one cadre in charge of workers, not named",
    "c": "multiple Daily NK sources in China",
    "d": "a spokesperson for the North Korean embassy in Beijing",
}
SPOKEN_SENTENCE = "p18s1"


def check_speaker(value: Any) -> Result:
    """Q6: who is speaking in "Even here in China, it's not easy to make money"."""
    claims = load_claims().set_index("sentence_id")
    source = claims.loc[SPOKEN_SENTENCE, "source_described"]
    correct = next(key for key, text in SPEAKER_OPTIONS.items() if text.startswith(source))
    hints = {
        "a": "The quotation marks and \"he added\" show the reporter passing on someone "
             "else's words.",
        "c": "The sources in China are cited for the figures at the top; \"he added\" points "
             "back to a single speaker quoted just before.",
        "d": "The embassy is mentioned for its instruction to the consulates; it is never "
             "quoted.",
    }
    return choice(value, SPEAKER_OPTIONS, correct, hints,
                  right="Right: an anonymous person, quoted in his own words.")


DATING_RUBRIC = Rubric(
    criteria=(
        "Names what in the article needs a date: the relative time words (\"on Thursday\", "
        "\"last month\") and the publication date.",
        "Says where to check each one: the Korean edition, the page's own time stamp or URL, "
        "an archive copy, the outlet.",
        "Says what would settle the date and what would still be uncertain.",
    ),
    levels=(
        Level(0, "missing", "No plan, or only \"search the date online\"."),
        Level(1, "partial", "One thing to check, or places to look with no reason given."),
        Level(2, "good", "The relative time words and at least two places to check them."),
        Level(3, "strong", "A clear plan: what to check, where, and what stays uncertain."),
    ),
)

DATING_QUESTION = written_question(
    "q7", "dating_plan", DATING_RUBRIC, words=(30, 150),
    requires=(
        Requirement("names a time word of the article", r"thursday|last month|this year|"
                    r"recently|21st|date", "Say which words of the article need a date "
                    "(\"on Thursday\", \"last month\")."),
        Requirement("names a place to check", r"korean|edition|archive|wayback|url|address|"
                    r"time ?stamp|page|publish|outlet|website|byline",
                    "Say where you would check it: an edition, the page, an archive."),
    ),
)


EXERCISE = register(Exercise(
    id=EXERCISE_ID,
    title="01 · The article as a source",
    questions=(
        Question("q1", "story", check_story),
        Question("q2", "furniture_count", check_furniture_count),
        Question("q3", "time_ids", check_time_ids),
        Question("q4", "candidates", check_candidates),
        Question("q5", "alt_text_choice", check_alt_text),
        Question("q6", "speaker_choice", check_speaker),
        DATING_QUESTION,
    ),
))
