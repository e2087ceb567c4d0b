"""One header and one closing reminder for every exercise, and written questions that say how
they are answered and marked (solutions and the exercises built from them)."""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest

from newslab.checks import exercises
from newslab.paths import EXERCISES, NOTEBOOKS, SOLUTIONS

HEADER = re.compile(r"# Exercise (\d\d) · \S.*\n\n\*\*Time:\*\* about \d+ minutes · "
                    r"\*\*Prerequisites:\*\* \[lesson (\d\d), [^\]]+\]"
                    r"\(\.\./notebooks/(\d\d)_[a-z0-9_]+\.ipynb\)\n\n\S")
RESTART = "Use **Kernel → Restart Kernel and Run All Cells...**"
FILES = sorted([*SOLUTIONS.glob("[0-9][0-9]_*.ipynb"), *EXERCISES.glob("[0-9][0-9]_*.ipynb")])


def lesson_numbers() -> set[str]:
    """The numbers of the course's lessons ("01", ...), from the files in notebooks/."""
    return {path.name[:2] for path in NOTEBOOKS.glob("[0-9][0-9]_*.ipynb")}


def role(cell: nbformat.NotebookNode) -> tuple[str | None, str | None]:
    meta = cell.get("metadata", {}).get("newslab", {})
    return meta.get("role"), meta.get("question")


@pytest.mark.parametrize("path", FILES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_one_header_format_for_every_exercise(path: Path) -> None:
    cells = nbformat.read(path, as_version=4).cells
    match = HEADER.match(cells[0].source)
    assert cells[0].cell_type == "markdown" and match, cells[0].source[:200]
    assert match.group(1) == path.stem[:2] and match.group(2) == match.group(3)
    # An exercise links its own lesson; the final assignment, which has none, the last lesson.
    assert match.group(2) == (path.stem[:2] if lesson_numbers() & {path.stem[:2]}
                              else max(lesson_numbers())), cells[0].source[:200]
    done = [cell for cell in cells if cell.cell_type == "markdown"
            and cell.source.startswith("## When you are done")]
    assert len(done) == 1 and RESTART in done[0].source


@pytest.mark.parametrize("path", FILES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_written_questions_say_how_they_are_answered_and_marked(path: Path) -> None:
    notebook = nbformat.read(path, as_version=4)
    exercise = exercises()[notebook.metadata["newslab"]["exercise"]]
    for question in (q for q in exercise.questions if q.written):
        text = next(cell.source for cell in notebook.cells if role(cell) == ("question",
                                                                            question.id))
        assert f'`{question.variable} = """..."""`' in text and "rubric" in text


def test_sentences_quoted_in_questions_are_verbatim() -> None:
    from newslab.data import load_sentences_table

    text = load_sentences_table().set_index("sentence_id")["text"]
    quoted = 0
    for path in SOLUTIONS.glob("[0-9][0-9]_*.ipynb"):
        for cell in nbformat.read(path, as_version=4).cells:
            if role(cell)[0] != "question":
                continue
            for sentence_id, words in re.findall(r"`(p\d\ds\d)` reads: \"(.+?)\"(?= Rewrite|$)",
                                                 cell.source):
                assert words == text[sentence_id], (path.name, sentence_id)
                quoted += 1
    assert quoted >= 1
