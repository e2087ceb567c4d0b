"""Split a text into paragraphs and sentences with stable ids.

A paragraph is one non-empty line of the text. Sentence ids look like ``p02s1``:
paragraph 2, sentence 1. Paragraphs are numbered over the whole file, page
furniture included, so an id never changes when a label changes.
"""

import re
from collections.abc import Mapping

import pandas as pd

# Words that end with a full stop but do not end a sentence.
ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "gen", "col", "lt", "sgt", "gov",
    "sen", "rep", "no", "vs", "etc", "e.g", "i.e", "approx", "est", "dept", "univ",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
}  # fmt: skip
# Initials and degrees written with points: "M.A.", "B.A.", "U.S.", "J."
INITIALS = re.compile(r"^(?:[A-Z]\.)+[A-Z]?\.?$")
# A candidate sentence end: . ? or ! with any closing quotes or brackets, then space.
CANDIDATE_END = re.compile(r"[.?!][\"”’)\]]*(?=\s+)")
# The space between two sentences; the next one opens with a capital letter of any alphabet
# ("Électricité", "Øresund"), a digit, or an opening quote or bracket (OPENERS).
SPACE_AFTER_END = re.compile(r"\s+(?=\S)")
OPENERS = "0123456789\"“‘(["

COLUMNS = ["sentence_id", "paragraph", "sentence", "line", "kind", "is_story", "start", "end",
           "text"]  # fmt: skip


def _opens_sentence(char: str) -> bool:
    """True when `char` may be the first character of a sentence."""
    return char.isupper() or char in OPENERS


def _is_abbreviation(text: str, end: int) -> bool:
    """True when the full stop just before `end` belongs to an abbreviation."""
    if text[end - 1] != ".":
        return False
    word = text[:end].rsplit(None, 1)[-1].lstrip("(\"“‘")
    return bool(INITIALS.match(word)) or word[:-1].lower() in ABBREVIATIONS


def sentence_spans(line: str) -> list[tuple[int, int]]:
    """Return (start, end) offsets of each sentence in one paragraph."""
    spans: list[tuple[int, int]] = []
    start = len(line) - len(line.lstrip())
    for match in CANDIDATE_END.finditer(line):
        end = match.end()
        gap = SPACE_AFTER_END.match(line, end)
        if gap is None or not _opens_sentence(line[gap.end()]):
            continue
        punctuation_at = match.start() + 1
        if _is_abbreviation(line, punctuation_at):
            continue
        spans.append((start, end))
        start = gap.end()
    tail = line.rstrip()
    if start < len(tail):
        spans.append((start, len(tail)))
    return spans


def split_sentences(text: str, furniture: Mapping[int, str] | None = None) -> pd.DataFrame:
    """Return one row per sentence of `text`.

    `furniture` maps a paragraph number to the kind of page furniture it is
    (for example ``{8: "alt_text"}``); every other paragraph is story.
    Offsets `start` and `end` index into `text`, so
    ``text[row.start:row.end] == row.text`` for every row.
    """
    if not isinstance(text, str):
        raise TypeError(f"split_sentences needs a str, not {type(text).__name__}.")
    furniture = dict(furniture or {})
    rows = []
    paragraph = 0
    offset = 0
    for line_number, line in enumerate(text.split("\n"), start=1):
        if line.strip():
            paragraph += 1
            kind = furniture.get(paragraph, "story")
            for number, (start, end) in enumerate(sentence_spans(line), start=1):
                rows.append({
                    "sentence_id": f"p{paragraph:02d}s{number}",
                    "paragraph": paragraph,
                    "sentence": number,
                    "line": line_number,
                    "kind": kind,
                    "is_story": kind == "story",
                    "start": offset + start,
                    "end": offset + end,
                    "text": line[start:end],
                })  # fmt: skip
        offset += len(line) + 1
    return pd.DataFrame(rows, columns=COLUMNS)
