"""Compare the course's hand-written date and number-word rules with three libraries.

    pip install dateparser==1.5.0 datefinder==1.0.0 number-parser==0.3.2   # in a scratch venv
    python benchmarks/date_and_number_libraries.py

Dates: find_figures is run on the evaluation set (data/eval/) with its own date and time
rule, then with the dates that `datefinder` or `dateparser` find in each sentence instead;
figure precision and recall are printed for each. Number words: the value of every figure
written in words in the set is parsed by `newslab.figures.parse_number_words` and by
`number_parser`; the share parsed right is printed. The libraries are not dependencies of the
course (they lost: see data/eval/README.md); a library that is not installed is skipped.
"""

import importlib.util
import re
import time
from collections.abc import Callable

import pandas as pd

from newslab import figures
from newslab.evaluation import load_eval_set, score_figures

Spans = list[tuple[int, int]]


def datefinder_spans(sentence: str) -> Spans:
    import datefinder

    return [tuple(index) for _, _, index in datefinder.find_dates(sentence, source=True,
                                                                   index=True)]


def dateparser_spans(sentence: str) -> Spans:
    from dateparser.search import search_dates

    spans: Spans = []
    for piece, _ in search_dates(sentence, languages=["en"]) or []:
        start = sentence.find(piece)
        if start >= 0:
            spans.append((start, start + len(piece)))
    return spans


def with_dates(finder: Callable[[str], Spans]) -> tuple[float, float, float]:
    """(precision, recall, seconds) of find_figures with `finder` as its date rule."""
    original = figures.date_spans
    figures.date_spans = finder
    try:
        started = time.perf_counter()
        scored = score_figures(load_eval_set())
        seconds = time.perf_counter() - started
    finally:
        figures.date_spans = original
    matched, found, expected = scored[["matched", "found", "expected"]].sum()
    return matched / found, matched / expected, seconds


def number_words_accuracy(parse: Callable[[str], float | None]) -> tuple[int, int]:
    """(right, total) over the set's figures written in words."""
    table = load_eval_set().figures
    words = table[table["value_text"].str.contains(r"[a-z]{3}", regex=True)
                  & ~table["value_text"].str.contains(r"\d")]
    right = 0
    for row in words.itertuples():
        try:
            value = parse(row.value_text)
        except (ValueError, TypeError, KeyError):
            value = None
        right += value is not None and abs(float(value) - float(row.value)) < 1e-3
    return right, len(words)


def course_number_words(text: str) -> float | None:
    key = re.sub(r"^(?:a|one)\s+", "", text.lower()).replace(" ", "-")
    if key in figures.FRACTIONS:
        return figures.FRACTIONS[key]
    return figures.parse_number_words(text)


def library_number_words(text: str) -> float | None:
    import number_parser

    value = number_parser.parse_number(text)
    if value is None:
        fraction = number_parser.parse_fraction(text)
        if fraction and re.fullmatch(r"\d+/\d+", fraction):
            top, bottom = fraction.split("/")
            return int(top) / int(bottom)
    return value


def installed(name: str) -> bool:
    return importlib.util.find_spec(name) is not None


def main() -> int:
    rows = [("course rules", *with_dates(figures.date_spans))]
    for name, finder in [("datefinder", datefinder_spans), ("dateparser", dateparser_spans)]:
        if installed(name):
            rows.append((name, *with_dates(finder)))
        else:
            print(f"{name} is not installed: skipped")
    print("\n## Dates: figures found with each date rule (whole evaluation set)\n")
    print(pd.DataFrame(rows, columns=["date rule", "precision", "recall", "seconds"])
          .to_string(index=False, float_format=lambda value: f"{value:.2f}"))
    print("\n## Number words: values parsed right\n")
    right, total = number_words_accuracy(course_number_words)
    print(f"course rules (parse_number_words)  {right}/{total}")
    if installed("number_parser"):
        right, total = number_words_accuracy(library_number_words)
        print(f"number_parser                      {right}/{total}")
    else:
        print("number_parser is not installed: skipped")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
