"""Small helpers that checks share, so feedback sounds the same in every exercise.

All of them take plain answers (see `newslab.plain`) and never echo the student's value
or the expected one, so a message built from them cannot give the answer away.

- `describe(value)`: what kind of thing an answer is, in a student's words.
- `type_problem(value, wanted)`: a message when the answer is not `wanted`, else None.
  `wanted` is one of "number", "whole number", "text", "list", "table", "true or false".
- `table_of(value)` -> (columns, records) for a table answer, else None.
- `columns_problem(value, required)`: a message naming a missing column, else None.
- `numbers_in(value)`: every number inside an answer (lists, tables, text digits).
- `has_covid_19(value)`: True when the 19 of "COVID-19" was taken for a figure.
- `COVID_19_HINT`, `qualifier_hint(word)`: the hints for the two classic traps.
- `choice(answer, options, correct, hints)`: check a judgement question's named option.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence
from typing import Any

from newslab.checks.core import Result
from newslab.plain import tag_of

COVID_19_HINT = ("One of your numbers is the 19 of \"COVID-19\": that is part of a disease's "
                 "name, not a figure in the story. Make your pattern skip digits joined to a "
                 "word by a hyphen.")

_QUALIFIER_HINTS = {
    "about": ("\"About\" is not exact: the source rounded, so the true number may be a little "
              "above or below the figure. Use the range the bounds rule allows, not one point."),
    "over": ("\"Over\" sets a floor, not a ceiling: the number is above the figure, by an amount "
             "the text never says, and the figure itself is excluded."),
}


def qualifier_hint(word: str) -> str:
    """The hint for a figure read without its qualifier ("about", "over")."""
    return _QUALIFIER_HINTS.get(word.lower(), f"Read the qualifier \"{word}\" before the figure.")


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _looks_numeric(text: str) -> bool:
    return bool(re.fullmatch(r"\s*[-+]?[\d,.\s]*\d[\d,.\s]*\s*", text))


def describe(value: Any) -> str:
    """Name the kind of a plain answer: 'a whole number', 'text (a string)', 'a table', ..."""
    tag = tag_of(value)
    if tag == "dataframe":
        rows = len(value.get("records", []))
        return f"a table (DataFrame) with {rows} row{'s' if rows != 1 else ''}"
    if tag == "series":
        return "a pandas Series (one column), not a table"
    if tag in {"chart", "invalid_chart"}:
        return "a chart"
    if value is None:
        return "None (nothing)"
    if isinstance(value, bool):
        return "True or False (a bool)"
    if isinstance(value, int):
        return "a whole number"
    if isinstance(value, float):
        return "a decimal number (a float)"
    if isinstance(value, str):
        if _looks_numeric(value):
            return "text that looks like a number (a string in quotes)"
        return "text (a string)"
    if isinstance(value, list):
        return f"a list of {len(value)} item{'s' if len(value) != 1 else ''}"
    if isinstance(value, dict):
        return "a dictionary"
    return "an answer of another kind"


_TIPS = {
    "number": "Write it without quotes, e.g. 1500 rather than \"1,500\".",
    "whole number": "Write it without quotes and without a decimal point.",
    "text": "Put it in quotes, e.g. \"Dandong\".",
    "list": "Put the items in square brackets, e.g. [1, 2].",
    "table": "Build a pandas DataFrame, for example by filtering the sentences table.",
    "true or false": "Answer True or False, without quotes.",
}


def _matches(value: Any, wanted: str) -> bool:
    if wanted == "number":
        return _is_number(value)
    if wanted == "whole number":
        return _is_number(value) and float(value).is_integer()
    if wanted == "text":
        return isinstance(value, str)
    if wanted == "list":
        return isinstance(value, list)
    if wanted == "table":
        return tag_of(value) == "dataframe"
    if wanted == "true or false":
        return isinstance(value, bool)
    raise ValueError(f"Unknown kind {wanted!r}; use one of {', '.join(_TIPS)}.")


def type_problem(value: Any, wanted: str) -> str | None:
    """A message when `value` is not of the `wanted` kind (see module doc), else None."""
    if _matches(value, wanted):
        return None
    article = "a" if wanted in {"number", "whole number", "list", "table"} else ""
    tip = _TIPS[wanted]
    if wanted == "table" and tag_of(value) == "series":
        tip = "Select columns with a list, table[[\"a\", \"b\"]], to keep a table."
    if wanted == "list" and tag_of(value) == "series":
        tip = "Turn a Series into a list with .tolist()."
    return f"Your answer is {describe(value)}, but this question wants {article} {wanted}. " \
           f"{tip}".replace("  ", " ")


def table_of(value: Any) -> tuple[list[str], list[dict[str, Any]]] | None:
    """(columns, records) of a plain DataFrame, or None for anything else."""
    if tag_of(value) != "dataframe":
        return None
    return list(value.get("columns", [])), list(value.get("records", []))


def columns_problem(value: Any, required: Sequence[str]) -> str | None:
    """A message naming the first required column the table lacks (or a type message)."""
    problem = type_problem(value, "table")
    if problem:
        return problem
    columns, _ = table_of(value) or ([], [])
    for name in required:
        if name in columns:
            continue
        close = [c for c in columns if c.strip().lower() == name.lower()]
        if close:
            return f"Your table has a column {close[0]!r}, but the check looks for {name!r}: " \
                   "mind the spelling and capitals."
        shown = ", ".join(repr(c) for c in columns) or "none"
        return f"Your table has no column named {name!r} (its columns: {shown})."
    return None


def numbers_in(value: Any) -> list[float]:
    """Every number in an answer: numbers, numbers in lists and tables, digits in text."""
    found: list[float] = []
    if isinstance(value, bool) or value is None:
        return found
    if _is_number(value):
        return [float(value)]
    if isinstance(value, str):
        return [float(d.replace(",", "")) for d in re.findall(r"\d[\d,]*(?:\.\d+)?", value)
                if d.replace(",", "").replace(".", "", 1).isdigit()]
    if isinstance(value, list):
        for item in value:
            found += numbers_in(item)
    elif tag_of(value) == "dataframe":
        for record in value.get("records", []):
            for item in record.values():
                found += numbers_in(item)
    elif tag_of(value) == "series":
        for item in value.get("values", []):
            found += numbers_in(item)
    elif isinstance(value, dict) and tag_of(value) is None:
        for item in value.values():
            found += numbers_in(item)
    return found


def has_covid_19(value: Any) -> bool:
    """True when the answer holds the number 19 (the 19 of COVID-19 taken for a figure)."""
    return 19.0 in numbers_in(value)


def _normalise_option(answer: str) -> str:
    return answer.strip().strip("()\"'.").strip().lower()


def choice(answer: Any, options: Mapping[str, str], correct: str | Collection[str],
           hints: Mapping[str, str] | None = None, points: float = 1.0,
           right: str = "Right.") -> Result:
    """Check a judgement answer: one option letter out of `options` ({"a": "text", ...}).

    `correct` is the option (or options) earning full points. `hints` gives a specific
    message for each wrong option; it must explain, not name, the right one. Capitals,
    spaces and brackets around the letter are forgiven ("(B)" reads as "b").
    """
    accepted = {correct} if isinstance(correct, str) else set(correct)
    names = ", ".join(f'"{name}"' for name in options)
    if not isinstance(answer, str):
        return Result(0, points, f"Your answer is {describe(answer)}, but this question wants "
                                 f"one option letter in quotes: {names}.")
    letter = _normalise_option(answer)
    if letter not in options:
        return Result(0, points, f"Answer with one option letter in quotes: {names}.")
    if letter in accepted:
        return Result(points, points, right)
    hint = (hints or {}).get(letter, "Read the options again against the article's sentence.")
    return Result(0, points, f"Not this one. {hint}")
