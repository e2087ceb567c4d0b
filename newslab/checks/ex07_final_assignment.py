"""Checks for exercise 07, the final assignment: the whole method on an article the student chose.

Every student brings a different article, so these checks test CONSISTENCY, not correctness:
the tables must agree with the student's own pasted text (`article_text`, question 1), with
the course's vocabulary (`newslab.vocabulary`) and with the course's bounds rules
(`newslab.bounds`). Whether a label or a unit is the right reading is the instructor's call,
marked with the written questions' rubrics. A question whose check reads earlier answers
names them in `needs` (question ids), and receives them as plain data.
"""

from __future__ import annotations

import datetime
import math
import re
from typing import Any

import pandas as pd

from newslab import bounds
from newslab.checks import charts
from newslab.checks.core import Exercise, Level, Question, Result, Rubric, register
from newslab.checks.feedback import columns_problem, table_of
from newslab.checks.written import Requirement, written_question
from newslab.figures import find_figures
from newslab.sentences import split_sentences
from newslab.textfile import TextInputError, check_text, decode_text
from newslab.vocabulary import TYPES

EXERCISE_ID = "07_final_assignment"
PASTED = "the text you pasted"
PASTE_HINT = ("Paste the article's words themselves between the triple quotes: select the "
              "text in your browser or PDF reader, copy it, and paste it.")
NO_TEXT = ("Paste your article's text in Question 1 first (article_text = \"\"\"...\"\"\"): "
           "this check compares your answer with it.")
PROVENANCE_KEYS = ("outlet", "author", "date", "url", "missing")
# Words that show `missing` names a field left as None.
MISSING_WORDS = {"outlet": r"outlet|publication|newspaper|site|publisher",
                 "author": r"author|byline|reporter|writer|who wrote",
                 "date": r"date|year|when",
                 "url": r"url|link|address|web"}  # fmt: skip
FIGURE_COLUMNS = ["value", "unit", "place", "source", "qualifier", "low", "high", "quote",
                  "sentence_id"]  # fmt: skip
KNOWN_QUALIFIERS = (*bounds.QUALIFIER_RULES, "range")


# --- the student's text ----------------------------------------------------------------------

def loader_message(text: str) -> str | None:
    """The course's text loader's own message for a text that is not an article, or None."""
    try:
        decode_text(text[:4096].encode("utf-8", "replace"), PASTED)  # a PDF or binary file
        check_text(text, PASTED)  # empty, blank, an HTML page
    except (TextInputError, TypeError) as error:
        return str(error)
    return None


def text_of(earlier: dict[str, Any]) -> str | None:
    """The student's article (question 1's answer) when it reads as an article, else None."""
    text = earlier.get("q1")
    if not isinstance(text, str) or loader_message(text) is not None:
        return None
    return text


def furniture_of(earlier: dict[str, Any]) -> dict[int, str]:
    """Question 3's furniture as {paragraph: kind}, or {} when it is not usable yet."""
    value = earlier.get("q3")
    if not isinstance(value, dict) or "__newslab__" in value:
        return {}
    found = {}
    for key, kind in value.items():
        if str(key).strip().isdigit() and isinstance(kind, str):
            found[int(str(key).strip())] = kind
    return found


def sentences_of(text: str, furniture: dict[int, str]) -> pd.DataFrame:
    return split_sentences(text, furniture)


def _squash(text: str) -> str:
    """Spaces and curly quotes made uniform, so a quote copied from a table still matches."""
    text = text.replace("“", "\"").replace("”", "\"").replace("’", "'").replace("‘", "'")
    return " ".join(text.split())


def _row_name(number: int, record: dict[str, Any]) -> str:
    sentence = record.get("sentence_id")
    return f"row {number}" + (f" ({sentence})" if isinstance(sentence, str) else "")


# --- question 1: the text ----------------------------------------------------------------------

def check_text_answer(value: Any) -> Result:
    """Q1: the article's text, pasted as a string that reads as an article."""
    if not isinstance(value, str):
        return Result(0, 1, "Your answer should be the article's text, pasted between triple "
                            "quotes: article_text = \"\"\"...\"\"\".")
    message = loader_message(value)
    if message:
        return Result(0, 1, f"{message} {PASTE_HINT}")
    table = split_sentences(value)
    return Result(1, 1, f"Your text reads as an article: {table['paragraph'].nunique()} "
                        f"paragraphs, {len(table)} sentences.")


# --- question 2: provenance ------------------------------------------------------------------

def check_provenance(value: Any) -> Result:
    """Q2: who, where, when, and what is missing; every field left as None is named in
    `missing`."""
    if not isinstance(value, dict) or "__newslab__" in value:
        return Result(0, 1, "Your answer should be a dictionary, like {\"outlet\": \"...\", "
                            "\"author\": None, ...}, with the keys " +
                            ", ".join(PROVENANCE_KEYS) + ".")
    absent = [key for key in PROVENANCE_KEYS if key not in value]
    if absent:
        return Result(0, 1, f"Your dictionary has no key {', '.join(map(repr, absent))}: write "
                            "None for what the article does not say.")
    for key in ("outlet", "missing"):
        if not isinstance(value[key], str) or not value[key].strip():
            what = ("the outlet that published the article (its name goes on your chart's "
                    "source line)" if key == "outlet" else "what the page does not tell you "
                    "(a date, an author, a year, sources...), in a sentence")
            return Result(0, 1, f"\"{key}\" should be text: {what}.")
    for key in ("author", "date", "url"):
        if value[key] is not None and not (isinstance(value[key], str) and value[key].strip()):
            return Result(0, 1, f"\"{key}\" should be text, or None when the article does not "
                                "say.")
    date = value["date"]
    if isinstance(date, str):
        try:
            datetime.date.fromisoformat(date.strip())
        except ValueError:
            return Result(0, 1, f"\"date\" should be written year-month-day, like "
                                f"\"2024-03-05\", not {date!r}. If the page gives no full date "
                                "(no year, say), write None and say so in \"missing\".")
    url = value["url"]
    if isinstance(url, str) and not re.match(r"https?://\S+$", url.strip()):
        return Result(0, 1, "\"url\" should be the page's web address starting with http:// or "
                            "https://, or None if you have none.")
    unnamed = [key for key, words in MISSING_WORDS.items()
               if value[key] is None and not re.search(words, value["missing"], re.IGNORECASE)]
    if unnamed:
        return Result(0, 1, f"You wrote None for {', '.join(map(repr, unnamed))}, but "
                            "\"missing\" does not say so: name what is missing there.")
    return Result(1, 1, "Your provenance is complete and consistent: what is missing is said.")


# --- question 3: page furniture ------------------------------------------------------------

def check_furniture(value: Any, earlier: dict[str, Any]) -> Result:
    """Q3: {paragraph number: kind} for every paragraph of the text that is not story."""
    text = text_of(earlier)
    if text is None:
        return Result(0, 1, NO_TEXT)
    if not isinstance(value, dict) or "__newslab__" in value:
        return Result(0, 1, "Your answer should be a dictionary from paragraph number to kind, "
                            "like {1: \"timestamp\", 9: \"caption\"}; write {} if every "
                            "paragraph is story.")
    paragraphs = int(split_sentences(text)["paragraph"].max())
    for key, kind in value.items():
        if not str(key).strip().isdigit():
            return Result(0, 1, f"{key!r} is not a paragraph number: use whole numbers, like "
                                "{1: \"timestamp\"}.")
        if not 1 <= int(key) <= paragraphs:
            return Result(0, 1, f"Your text has {paragraphs} paragraphs (non-empty lines), so "
                                f"there is no paragraph {key}: count again with "
                                "split_sentences.")
        if not isinstance(kind, str) or not kind.strip():
            return Result(0, 1, f"Paragraph {key} needs a kind, as text, like \"caption\".")
        if kind.strip().lower() == "story":
            return Result(0, 1, f"Paragraph {key} is marked \"story\": list only the page "
                                "furniture; every other paragraph is story.")
    if len(value) >= paragraphs:
        return Result(0, 1, "Every paragraph is marked as furniture: keep the story out of "
                            "this dictionary.")
    return Result(1, 1, f"Your furniture names {len(value)} of {paragraphs} paragraphs, all in "
                        "your text.")


# --- question 4: figures -----------------------------------------------------------------------

def _number(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return None if isinstance(value, float) and math.isnan(value) else float(value)


def _figures_in(quote: str) -> list[dict[str, Any]]:
    """Figures the course's reader finds in a quote (small numbers in words too)."""
    try:
        return find_figures(quote, small_words=True).to_dict("records")
    except (TextInputError, TypeError):
        return []


def _written_forms(value: float) -> set[str]:
    whole = int(value) if value.is_integer() else None
    forms = {f"{value:g}", f"{value:,g}"}
    if whole is not None:
        forms |= {str(whole), f"{whole:,}", f"{whole:,}".replace(",", " ")}
    return forms


def _in_quote(record: dict[str, Any], quote: str) -> str | None:
    """What is wrong between a row's value or range, its qualifier and its quote, or None."""
    qualifier = str(record.get("qualifier", "")).strip().lower()
    found = _figures_in(quote)
    if qualifier == "range":
        low, high = _number(record.get("low")), _number(record.get("high"))
        if any(row["qualifier"] == "range" and _number(row["low"]) == low
               and _number(row["high"]) == high for row in found):
            return None
        return ("its qualifier is \"range\", but the quote does not hold a range from its low "
                "to its high (like \"between 300 and 400\")")
    value = _number(record.get("value"))
    if value is None:
        return "its value is not a number: write the figure as a number, like 4000"
    matching = [row for row in found if _number(row["value"]) == value]
    if any(str(row["qualifier"]).lower() == qualifier for row in matching):
        return None
    if matching:
        said = str(matching[0]["qualifier"])
        words = "no qualifier" if said == "none" else f"\"{said}\""
        return (f"the quote has {words} before {value:g}, but your qualifier is "
                f"\"{qualifier}\": copy the word in front of the number, or \"none\"")
    squashed = _squash(quote).lower()
    if not any(form.lower() in squashed for form in _written_forms(value)):
        return (f"{value:g} is not in its quote: write the value as the quote gives it "
                "(\"4,000\" is 4000, \"1.5 million\" is 1500000)")
    if qualifier != "none" and not re.search(rf"\b{re.escape(qualifier)}\b", squashed):
        return f"the quote does not say \"{qualifier}\": copy the word in front of the number"
    return None


def _bounds_problem(record: dict[str, Any]) -> str | None:
    """What is wrong with a row's low and high, by the rule for its qualifier, or None."""
    qualifier = str(record.get("qualifier", "")).strip().lower()
    low, high = _number(record.get("low")), _number(record.get("high"))
    if qualifier == "range":
        if low is None or high is None or low > high:
            return "a range needs a low and a high number, the low first"
        return None
    value = _number(record.get("value"))
    assert value is not None  # checked before
    number = int(value) if value.is_integer() else value
    try:
        rule = bounds.compute(number, qualifier)
    except ValueError as error:
        return f"its bounds cannot be computed ({error})"
    want = (None if rule.low is None else float(rule.low),
            None if rule.high is None else float(rule.high))
    if (low, high) == want:
        return None
    meaning = bounds.RULES[rule.rule]
    return (f"its low and high do not follow the course's rule for \"{qualifier}\" "
            f"({rule.rule}: {meaning}); an empty bound is None")


def check_figures(value: Any, earlier: dict[str, Any]) -> Result:
    """Q4: the corrected figures table; 1 point for its columns, 1 for quotes and sentence ids
    found in the text, 1 for values, qualifiers and bounds that agree with the quotes."""
    text = text_of(earlier)
    if text is None:
        return Result(0, 3, NO_TEXT)
    problem = columns_problem(value, FIGURE_COLUMNS)
    if problem:
        return Result(0, 3, problem)
    _, records = table_of(value) or ([], [])
    furniture = furniture_of(earlier)
    sentences = sentences_of(text, furniture).set_index("sentence_id")
    if not records:
        story = _story_figures(text, furniture)
        if story:
            return Result(1, 3, f"Your table is empty, but find_figures finds {len(story)} "
                                "figure(s) in the story sentences of your text: keep every "
                                "figure that counts or measures something (leave out only "
                                "numbers that name or date things).")
        return Result(3, 3, "Your article has no figures, and your table says so: that is a "
                            "finding too. The written answers carry the weight.")
    points, said = 0, []
    blank = [_row_name(n, r) for n, r in enumerate(records, 1)
             if any(not (isinstance(r.get(c), str) and r.get(c).strip())
                    for c in ("unit", "place", "source"))]  # fmt: skip
    if blank:
        said.append(f"Fill in unit, place and source in {blank[0]} (write \"not stated\" "
                    "where the article does not say).")
    else:
        points += 1
    located = []
    for number, record in enumerate(records, 1):
        located.append(_where_problem(number, record, sentences, text))
    first = next((p for p in located if p), None)
    if first:
        said.append(first)
    else:
        points += 1
    agreeing = None
    for number, record in enumerate(records, 1):
        qualifier = str(record.get("qualifier", "")).strip().lower()
        name = _row_name(number, record)
        if qualifier not in KNOWN_QUALIFIERS:
            agreeing = (f"In {name}, \"{record.get('qualifier')}\" is not a qualifier the "
                        "course has a rule for: use \"none\" or one of "
                        + ", ".join(f'"{q}"' for q in bounds.QUALIFIERS) + ", or \"range\".")
            break
        quote = record.get("quote")
        issue = _in_quote(record, quote) if isinstance(quote, str) else "it has no quote"
        issue = issue or _bounds_problem(record)
        if issue:
            agreeing = f"In {name}, {issue}."
            break
    if agreeing:
        said.append(agreeing)
    else:
        points += 1
    if points == 3:
        return Result(3, 3, f"Your {len(records)} figure(s) agree with your text: quotes found, "
                            "qualifiers as written, bounds by the course's rules.")
    return Result(points, 3, " ".join(said))


def _story_figures(text: str, furniture: dict[int, str]) -> list[dict[str, Any]]:
    found = find_figures(text, furniture)
    return found[found["kind"] == "story"].to_dict("records")


def _where_problem(number: int, record: dict[str, Any], sentences: pd.DataFrame,
                   text: str) -> str | None:
    """Whether a row's sentence id and quote are in the student's own text."""
    name = _row_name(number, record)
    sentence_id, quote = record.get("sentence_id"), record.get("quote")
    if not isinstance(quote, str) or not quote.strip():
        return f"In {name}, the quote is empty: copy the words of the article that hold the figure."
    if not isinstance(sentence_id, str) or sentence_id not in sentences.index:
        return (f"In {name}, {sentence_id!r} is not a sentence id of your text: use the ids "
                "that split_sentences gives your text, like \"p03s1\".")
    sentence = sentences.loc[sentence_id]
    if _squash(quote) in _squash(sentence["text"]):
        if sentence["kind"] != "story":
            return (f"In {name}, {sentence_id} is page furniture ({sentence['kind']}) in your "
                    "furniture: keep the figures of the story only.")
        return None
    if _squash(quote) in _squash(text):
        return (f"In {name}, the quote is in your text but not in {sentence_id}: give the id "
                "of the sentence it comes from.")
    return (f"In {name}, the quote does not occur in your text: copy the article's words "
            "exactly, from the text you pasted in Question 1.")


# --- question 5: attribution labels ---------------------------------------------------------

def check_labels(value: Any, earlier: dict[str, Any]) -> Result:
    """Q5: one label per story sentence; 1 point for ids, cues and texts found in the text,
    1 for labels from the course's vocabulary."""
    text = text_of(earlier)
    if text is None:
        return Result(0, 2, NO_TEXT)
    problem = columns_problem(value, ["sentence_id", "attribution_type"])
    if problem:
        return Result(0, 2, problem)
    _, records = table_of(value) or ([], [])
    sentences = sentences_of(text, furniture_of(earlier)).set_index("sentence_id")
    story = [i for i in sentences.index if sentences.loc[i, "kind"] == "story"]
    points, said = 0, []
    where = _labels_where_problem(records, sentences, story)
    if where:
        said.append(where)
    else:
        points += 1
    unknown = [r.get("attribution_type") for r in records if r.get("attribution_type") not in TYPES]
    if unknown:
        said.append(f"{unknown[0]!r} is not a label of the course's vocabulary: use one of "
                    + ", ".join(TYPES) + ".")
    else:
        points += 1
    if points == 2:
        return Result(2, 2, f"Every one of your {len(story)} story sentences has one label from "
                            "the course's vocabulary, and your cues are in their sentences.")
    return Result(points, 2, " ".join(said))


def _labels_where_problem(records: list[dict[str, Any]], sentences: pd.DataFrame,
                          story: list[str]) -> str | None:
    seen: set[str] = set()
    for record in records:
        sentence_id = record.get("sentence_id")
        if not isinstance(sentence_id, str) or sentence_id not in sentences.index:
            return (f"{sentence_id!r} is not a sentence id of your text: use the ids that "
                    "split_sentences gives your text, like \"p03s1\".")
        if sentence_id in seen:
            return f"{sentence_id} has two rows: give each sentence one label."
        seen.add(sentence_id)
        sentence = sentences.loc[sentence_id]
        if sentence["kind"] != "story":
            return (f"{sentence_id} is page furniture ({sentence['kind']}) in your furniture: "
                    "label the story sentences only.")
        words = record.get("text")
        if isinstance(words, str) and _squash(words) != _squash(sentence["text"]):
            return (f"The text in the row of {sentence_id} is not that sentence of your text: "
                    "keep the text find_attribution gives.")
        cue = record.get("cue")
        if isinstance(cue, str):
            missing = [part for part in re.split(r";\s*|\s+", _squash(cue)) if part
                       and part.lower() not in _squash(sentence["text"]).lower()]
            if missing:
                return (f"The cue of {sentence_id} has {missing[0]!r}, which is not in that "
                        "sentence: a cue is the sentence's own words.")
    unlabelled = [sentence_id for sentence_id in story if sentence_id not in seen]
    if unlabelled:
        return (f"{len(unlabelled)} story sentence(s) have no label, the first is "
                f"{unlabelled[0]}: label every sentence of the story.")
    return None


# --- question 6: the chart ---------------------------------------------------------------------

def _outlet_name(outlet: str) -> str:
    """The outlet without a note in brackets or a leading "The"."""
    name = re.sub(r"\([^)]*\)", "", outlet).strip()
    return re.sub(r"^the\s+", "", name, flags=re.IGNORECASE).strip()


def check_chart(answer: Any, earlier: dict[str, Any]) -> Result:
    """Q6: one honest chart; 1 point for a title and a source line naming the outlet given in
    provenance, 1 for a description and tooltips."""
    spec = charts.spec_of(answer)
    if spec is None:
        return Result(0, 2, "Your answer is not an Altair chart: build it with alt.Chart(...) "
                            "and assign the chart itself.")
    provenance = earlier.get("q2")
    outlet = provenance.get("outlet") if isinstance(provenance, dict) else None
    points, said = 0, []
    source = charts.source_line(spec)
    if not [line for line in charts.title_lines(spec) if line.strip()]:
        said.append("Your chart has no title: say what it shows.")
    elif source is None:
        said.append("Your chart has no source line: add a subtitle line starting \"Source:\" "
                    "that names the outlet.")
    elif not isinstance(outlet, str) or not _outlet_name(outlet):
        said.append("Write the outlet in your provenance (Question 2) first: the source line "
                    "must name it.")
    elif _outlet_name(outlet).lower() not in source.lower():
        said.append(f"Your source line does not name the outlet you gave in Question 2 "
                    f"({outlet!r}).")
    else:
        points += 1
    if not charts.description(spec):
        said.append("Your chart has no description for screen readers: add "
                    ".properties(description=...).")
    elif not charts.tooltip_fields(spec):
        said.append("Your chart has no tooltips: show the article's own words (the quote or "
                    "the sentence) with tooltip=[...].")
    else:
        points += 1
    if points == 2:
        return Result(2, 2, "Your chart has a title, a source line naming the outlet, a "
                            "description and tooltips.")
    return Result(points, 2, " ".join(said))


# --- questions 7 to 9: written ---------------------------------------------------------------

RESTS_ON_RUBRIC = Rubric(
    criteria=(
        "Names the kinds of sourcing the article's claims rest on (named, anonymous, documents, "
        "hedges, the reporter's inference), using the labels of Question 5.",
        "Ties the main claims or figures to their sourcing.",
        "Points to the weakest claim and says why it is weak.",
    ),
    levels=(
        Level(0, "missing", "No account of the sourcing, or one that contradicts the tables."),
        Level(1, "partial", "Names kinds of sourcing without tying them to claims."),
        Level(2, "good", "Ties the main claims to their sourcing."),
        Level(3, "strong", "Also names the weakest claim and says why, in the article's words."),
    ),
)
NOT_CONCLUDE_RUBRIC = Rubric(
    criteria=(
        "Names a conclusion a reader could easily draw that the article does not support.",
        "Says why, from the article's figures (qualifiers, bounds, scope) or its sourcing.",
    ),
    levels=(
        Level(0, "missing", "No conclusion named, or one the article does support."),
        Level(1, "vague", "A general warning (\"be careful with numbers\") not tied to this "
                          "article."),
        Level(2, "good", "A specific conclusion the article does not support, with a reason."),
        Level(3, "strong", "Also says what the article does support instead, with its "
                           "qualifier or range."),
    ),
)
REPORTER_RUBRIC = Rubric(
    criteria=(
        "Asks one question the reporter could answer and the article does not.",
        "Aims at the article's weakest point (a source, a figure, a date, a scope).",
    ),
    levels=(
        Level(0, "missing", "No question, or one the article already answers."),
        Level(1, "general", "A fair question, but not aimed at the weakest point."),
        Level(2, "sharp", "A specific, answerable question about the weakest point, and why "
                          "it matters."),
    ),
)

RESTS_ON_QUESTION = written_question(
    "q7", "rests_on", RESTS_ON_RUBRIC, words=(40, 200),
    requires=(
        Requirement("talks about sources", r"source|according|said|says|named|anonymous|"
                    r"document|inference|infer|hedge", "Say who or what the claims rest on."),
        Requirement("names a claim or a figure", r"\d|claim|figure|number|estimate",
                    "Point to at least one claim or figure of the article."),
    ),
)
NOT_CONCLUDE_QUESTION = written_question(
    "q8", "not_conclude", NOT_CONCLUDE_RUBRIC, words=(30, 150),
    requires=(
        Requirement("says what does not follow", r"\bnot\b|n't|cannot|no\b|never",
                    "Say plainly what a reader should not conclude."),
        Requirement("gives a reason", r"because|since|as\b|only|but|qualifier|range|source",
                    "Say why it does not follow."),
    ),
)
REPORTER_QUESTION = written_question(
    "q9", "reporter_question", REPORTER_RUBRIC, words=(10, 80),
    requires=(Requirement("asks a question", r"\?", "End your question with a question mark."),),
)

EXERCISE = register(Exercise(
    id=EXERCISE_ID,
    title="The final assignment: your own article",
    questions=(
        Question("q1", "article_text", check_text_answer),
        Question("q2", "provenance", check_provenance),
        Question("q3", "furniture", check_furniture, needs=("q1",)),
        Question("q4", "figures", check_figures, max_points=3, needs=("q1", "q3")),
        Question("q5", "labels", check_labels, max_points=2, needs=("q1", "q3")),
        Question("q6", "chart", check_chart, max_points=2, needs=("q2",)),
        RESTS_ON_QUESTION,
        NOT_CONCLUDE_QUESTION,
        REPORTER_QUESTION,
    ),
))
