"""Find the figures in a news text: the table lesson 02 builds by hand, made by rules.

`find_figures(text)` returns one row per figure with the columns of `data/figures.csv`
that can be read off the text: value, value_text, qualifier, low, high, low_inclusive,
bounds_rule, quote, sentence_id (plus figure_id, start, end and kind). What a figure
counts, where, and on whose word are judgements left to the reader.

What counts as a figure: a number written in digits, with thousands separators
("30,000", or Indian "1,50,000"), decimals ("2.5") and a scale word ("1.2 million").
What does not: digits inside a name or code (COVID-19, K-300, A320, GPT-4), ordinals
and dates ("the 21st", "March 7"), years (1900-2099 written without a comma), times
("14:05"), a number straight after a capitalised name word ("Pier 4", "Route 9"), and
numbers written in words ("one cadre").

Qualifiers and the bounds they give come from `newslab.bounds`, the course's one rules table.
"""

import re
from collections.abc import Mapping

import pandas as pd

from newslab import bounds as rules
from newslab.bounds import QUALIFIERS
from newslab.sentences import split_sentences
from newslab.textfile import check_text

SCALES = {"thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
MONTHS = ("january|february|march|april|may|june|july|august|september|october|november|"
          "december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec")  # fmt: skip

NUMBER = re.compile(
    r"(?<![\w.,])"  # not glued to a word, a decimal point or a separator
    r"(?P<digits>\d{1,3}(?:,\d{3})+|\d{1,2}(?:,\d{2})+,\d{3}|\d+)"
    r"(?P<decimals>\.\d+)?"
    r"(?P<scale>\s+(?:thousand|million|billion)\b)?"
)
QUALIFIER_BEFORE = re.compile(r"\b(" + "|".join(QUALIFIERS) + r")\s+(?:some\s+)?\$?$",
                              re.IGNORECASE)  # fmt: skip
MONTH_BEFORE = re.compile(r"\b(?:" + MONTHS + r")\.?\s+$", re.IGNORECASE)
NAME_BEFORE = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z]+\s$")
CLAUSE_END = re.compile(r",\s+and\s+|;\s+|\s+but\s+")

COLUMNS = ["figure_id", "value", "value_text", "qualifier", "low", "high", "low_inclusive",
           "bounds_rule", "quote", "sentence_id", "kind", "start", "end"]  # fmt: skip


def parse_number(text: str) -> float | int:
    """The value of a written number: "30,000" -> 30000, "1.2 million" -> 1200000."""
    match = NUMBER.fullmatch(text.strip())
    if match is None:
        raise ValueError(f"{text!r} is not a number written in digits.")
    value: float | int = int(match["digits"].replace(",", ""))
    if match["decimals"]:
        value = float(f"{value}{match['decimals']}")
    if match["scale"]:
        value = value * SCALES[match["scale"].strip().lower()]
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return value


def _is_not_a_figure(text: str, start: int, end: int, match: re.Match) -> bool:
    """True for digits that belong to a name, a code, a date, a year or a time."""
    before = text[max(0, start - 40):start]
    after = text[end:end + 3]
    digits = match["digits"]
    if start > 0 and text[start - 1] in "-/#:" + "\u2010\u2011":
        return True  # COVID-19, K-300, 3/4, #5, 10:30
    if after[:1].isalpha() or after[:1] in "-\u2010\u2011" and after[1:2].isalnum():
        return True  # 21st, 19th, 4x4, 300-series
    if after[:1] == ":" and after[1:2].isdigit():
        return True  # 14:05
    if after[:1] == "." and after[1:2].isdigit():
        return True  # version numbers that the pattern did not take as decimals
    if "," not in digits and not match["decimals"] and len(digits) == 4 \
            and 1900 <= int(digits) <= 2099 and not match["scale"]:
        return True  # a year
    if MONTH_BEFORE.search(before):
        return True  # March 7, Dec. 22
    return bool(NAME_BEFORE.search(before)) and "," not in digits and int(digits) < 1000


def bounds(value: float | int, qualifier: str) -> tuple[object, object, bool, str]:
    """(low, high, low_inclusive, bounds_rule) by the course's rules (`newslab.bounds`)."""
    result = rules.compute(value, qualifier)
    return result.low, result.high, result.low_inclusive, result.rule


def _quote(sentence: str, begin: int) -> str:
    """The figure's passage: from its qualifier to the end of its clause."""
    rest = sentence[begin:]
    cut = CLAUSE_END.search(rest)
    if cut:
        rest = rest[:cut.start()]
    return rest.rstrip(" .!?;:,”’\"")


def find_figures(text: str, furniture: Mapping[int, str] | None = None) -> pd.DataFrame:
    """Return one row per figure in `text` (see the module docstring for the rules).

    `furniture` maps paragraph numbers to page-furniture kinds, as for `split_sentences`;
    the column `kind` carries it. A text with no figures gives an empty table.
    """
    check_text(text)
    sentences = split_sentences(text, furniture)
    rows = []
    for sentence in sentences.itertuples(index=False):
        body = sentence.text
        for match in NUMBER.finditer(body):
            start, end = match.span()
            if _is_not_a_figure(body, start, end, match):
                continue
            qualifier_match = QUALIFIER_BEFORE.search(body[max(0, start - 30):start])
            qualifier = qualifier_match.group(1).lower() if qualifier_match else "none"
            begin = start - len(qualifier_match.group(0)) if qualifier_match else start
            value = parse_number(match.group(0))
            low, high, low_inclusive, rule = bounds(value, qualifier)
            rows.append({
                "value": value, "value_text": match.group(0), "qualifier": qualifier,
                "low": low, "high": high, "low_inclusive": low_inclusive, "bounds_rule": rule,
                "quote": _quote(body, begin), "sentence_id": sentence.sentence_id,
                "kind": sentence.kind, "start": sentence.start + start,
                "end": sentence.start + end,
            })  # fmt: skip
    table = pd.DataFrame(rows, columns=COLUMNS[1:])
    table.insert(0, "figure_id", [f"F{number}" for number in range(1, len(table) + 1)])
    whole = all(isinstance(v, int) for v in table["value"])
    number_type = "Int64" if whole else "Float64"
    for column in ["value", "low", "high"]:
        table[column] = pd.array(table[column].tolist(), dtype=number_type)
    table["low_inclusive"] = table["low_inclusive"].astype(bool)
    for column in ["start", "end"]:
        table[column] = table[column].astype(int)
    return table
