"""Wording an independent fact-check removed must not come back (issue 11, the truth pass).

Each phrase stated something the sources do not support. The test reads every cell of every
notebook (source and text outputs) and every other text file in the folders below.
"""

import json
import re
from pathlib import Path

import pytest

from newslab.paths import ROOT

# Where the phrases are looked for.
PLACES = ["notebooks", "data", "solutions", "exercises", "newslab", "docs", "INSTRUCTORS.md",
          "README.md"]
TEXT_SUFFIXES = {".py", ".md", ".csv", ".json", ".txt", ".ipynb"}

# phrase (a regular expression, case-insensitive) -> why it is wrong
PHRASES = {
    r"same press event": "Reuters and PTI published on the same day; nothing places NK Watch at "
                         "Darusman's news conference",
    r"every sentence \*?not\*? in this table|without (?:them|a cue|cues) are the outlet's own "
    r"voice": "a sentence without a cue may carry over a quotation or paraphrase (p17s2, "
              "p17s3, p18s2) or quote an order's wording (p14s3)",
    r"equal-looking": "the three bars of lesson 04 differ",
    r"the article's sum": "the article gives no sum",
    r"(?:is|was) the reporter's (?:own )?inference": "the text only shows the figure is "
                                                     "unattributed; it reads as an inference",
    r"something they did not say": "the sources may have given the total too",
    r"the reporter's sum|reporter adds up|reporter's allowance": "nothing shows who added",
    r"database center": "the cited page (RFA) says 'Data Base for North Korean Human Rights'",
    r"printed under every article": "nothing supports it",
    r"dark2": "one colour-blind-safe palette everywhere: Okabe-Ito, as lesson 04 teaches",
    r"human rights without frontiers\"?,|who.{0,40}without frontiers": "'who' quotes the page",
}


def texts(root: Path = ROOT) -> list[tuple[str, str]]:
    """(place, text) for every cell of every notebook and every other text file in PLACES."""
    found = []
    for place in PLACES:
        path = root / place
        if not path.exists():
            continue
        files = [path] if path.is_file() else sorted(p for p in path.rglob("*")
                                                    if p.suffix in TEXT_SUFFIXES)
        for file in files:
            name = str(file.relative_to(root))
            if name.endswith("tests/test_truth_phrases.py"):
                continue
            if file.suffix == ".ipynb":
                notebook = json.loads(file.read_text(encoding="utf-8"))
                for number, cell in enumerate(notebook["cells"]):
                    pieces = ["".join(cell["source"])]
                    for output in cell.get("outputs", []):
                        pieces.append("".join(output.get("text", "")))
                        pieces.extend("".join(value) for key, value in
                                      output.get("data", {}).items() if key.startswith("text/"))
                    found.append((f"{name} cell {number}", "\n".join(pieces)))
            else:
                found.append((name, file.read_text(encoding="utf-8")))
    return found


@pytest.fixture(scope="module")
def corpus() -> list[tuple[str, str]]:
    return texts()


def test_the_places_exist_and_hold_text(corpus: list[tuple[str, str]]) -> None:
    for place in PLACES:
        assert (ROOT / place).exists(), place
    assert any(name.startswith("solutions/") and " cell " in name for name, _ in corpus)
    assert any(name == "INSTRUCTORS.md" for name, _ in corpus)


@pytest.mark.parametrize("phrase", PHRASES)
def test_the_phrase_does_not_return(phrase: str, corpus: list[tuple[str, str]]) -> None:
    pattern = re.compile(phrase, re.IGNORECASE)
    hits = [name for name, text in corpus if pattern.search(text)]
    assert hits == [], f"{phrase!r} ({PHRASES[phrase]}) found in: {hits}"


def test_the_detector_finds_a_phrase_in_a_cell_output(tmp_path: Path) -> None:
    notebook = {"cells": [
        {"cell_type": "markdown", "source": ["Nothing here."]},
        {"cell_type": "code", "source": ["notes"], "outputs": [
            {"output_type": "execute_result",
             "data": {"text/plain": ["E16: The Same Press Event as E15."]}}]},
    ]}  # fmt: skip
    (tmp_path / "solutions").mkdir()
    (tmp_path / "solutions" / "05.ipynb").write_text(json.dumps(notebook), encoding="utf-8")
    pattern = re.compile(next(iter(PHRASES)), re.IGNORECASE)
    hits = [name for name, text in texts(tmp_path) if pattern.search(text)]
    assert hits == ["solutions/05.ipynb cell 1"]
