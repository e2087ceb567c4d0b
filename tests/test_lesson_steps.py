"""One step per idea: no lesson code cell introduces more than two features a student has not
seen, and every first use is named in the markdown before it (docs/AUTHORING.md, "Lessons").

A feature is what benchmarks/lesson_load.py counts: a function or method called, an operator, or
a piece of syntax, new in the course (lessons in order, worked answers included). "Named" means a
function's name or an operator's symbol in backticks (`split`, `str.contains()`, `==`), or the
syntax's name (a "list comprehension", a "dictionary"), in the markdown since the last ordinary
code cell, so a task and its worked answer are read against their "Your turn" prompt.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import nbformat
import pytest
from conftest import REPO
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

if "lesson_load" not in sys.modules:
    SPEC = importlib.util.spec_from_file_location("lesson_load",
                                                  REPO / "benchmarks" / "lesson_load.py")
    assert SPEC and SPEC.loader
    sys.modules["lesson_load"] = importlib.util.module_from_spec(SPEC)
    SPEC.loader.exec_module(sys.modules["lesson_load"])
lesson_load = sys.modules["lesson_load"]

PATHS = sorted((REPO / "notebooks").glob("[0-9][0-9]*_*.ipynb"))
STEPS = lesson_load.steps(PATHS)


def steps_of(tmp_path: Path, *cells: nbformat.NotebookNode) -> list:
    path = tmp_path / "01_made_up.ipynb"
    nbformat.write(new_notebook(cells=[new_markdown_cell("# A lesson"), *cells]), path)
    return lesson_load.steps([path])


def test_a_cell_with_three_new_features_is_reported_with_all_three(tmp_path: Path) -> None:
    [step] = steps_of(tmp_path, new_code_cell("words = text.split()\nlen(words) + 1"))
    assert sorted(step.new_features) == [".split()", "len()", "operator +"]


def test_features_named_in_backticks_before_the_cell_are_explained(tmp_path: Path) -> None:
    [step] = steps_of(tmp_path,
                      new_markdown_cell("`str.split()` cuts the text into words, `+` adds."),
                      new_code_cell("words = text.split()\nlen(words) + 1"))
    assert step.unnamed == ["len()"]


def test_a_name_in_plain_text_or_before_an_earlier_code_cell_does_not_count(
        tmp_path: Path) -> None:
    _, step = steps_of(tmp_path,
                       new_markdown_cell("`len` counts; split cuts the text into words."),
                       new_code_cell("len(text)"),
                       new_code_cell("text.split()"))
    assert step.unnamed == [".split()"]


def test_a_worked_answer_is_read_against_its_prompt(tmp_path: Path) -> None:
    task = new_code_cell("answer = ...", metadata={"newslab": {"role": "task"}})
    worked = new_code_cell("answer = sorted(words)",
                           metadata={"newslab": {"role": "worked_answer"}})
    [step] = steps_of(tmp_path, new_markdown_cell("**Your turn:** use `sorted`."), task, worked)
    assert step.new_features == ["sorted()"] and step.unnamed == []


def test_syntax_is_named_by_its_name_and_a_defined_function_is_not_new(tmp_path: Path) -> None:
    first, second = steps_of(
        tmp_path,
        new_markdown_cell("A function (`def`) with `return`; `x * 2` doubles."),
        new_code_cell("def double(x):\n    return x * 2"),
        new_markdown_cell("A list comprehension."),
        new_code_cell("[double(x) for x in numbers]"),
    )
    assert sorted(first.new_features) == ["def", "operator *", "return"] and first.unnamed == []
    assert second.new_features == ["list comprehension"] and second.unnamed == []


@pytest.mark.parametrize("path", PATHS, ids=[p.stem for p in PATHS])
def test_no_lesson_cell_introduces_more_than_two_new_features(path: Path) -> None:
    crowded = [f"cell {step.cell}: {', '.join(step.new_features)}"
               for step in STEPS if step.lesson == path.stem and len(step.new_features) > 2]
    assert crowded == [], "split the cell, one sentence per feature (lesson_load.py --cells)"


@pytest.mark.parametrize("path", PATHS, ids=[p.stem for p in PATHS])
def test_every_first_use_is_named_in_the_markdown_before_it(path: Path) -> None:
    unnamed = [f"cell {step.cell}: {', '.join(step.unnamed)}"
               for step in STEPS if step.lesson == path.stem and step.unnamed]
    assert unnamed == [], "name each new feature in backticks before the cell (AUTHORING.md)"


def test_the_lessons_introduce_features_at_all() -> None:
    assert sum(len(step.new_features) for step in STEPS) > 100
