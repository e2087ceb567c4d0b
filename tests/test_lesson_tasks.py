"""Every "Your turn" in the lessons is a task: a cell to write in, then a hidden worked answer.

The rule is `newslab.tasks` (docs/AUTHORING.md, "Lessons"); it is tested here on made-up
notebooks that break it, and applied to every lesson in notebooks/.
"""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest
from nbformat import NotebookNode
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from newslab.cells import PROMPT
from newslab.paths import NOTEBOOKS
from newslab.tasks import (
    FIRST_LINE,
    HIDDEN,
    OUTPUT_LABEL,
    TASK,
    WORKED_ANSWER,
    YOUR_TURN,
    task_problems,
)

LESSONS = sorted(NOTEBOOKS.glob("[0-9][0-9]*_*.ipynb"))
CONVERTED = LESSONS


def task_cell(source: str, variable: str = "answer") -> NotebookNode:
    return new_code_cell(source, metadata={"newslab": {"role": TASK, "variable": variable}})


def worked_cell(source: str, hidden: dict | None = None) -> NotebookNode:
    return new_code_cell(source, metadata={"newslab": {"role": WORKED_ANSWER},
                                           "jupyter": dict(HIDDEN if hidden is None else hidden)})


def lesson(*cells: NotebookNode) -> NotebookNode:
    return new_notebook(cells=[new_markdown_cell("# A lesson"), *cells])


PROMPT_CELL = new_markdown_cell(f"{YOUR_TURN} count the words.")
GOOD_TASK = task_cell(f"{PROMPT}\nanswer = ...")
GOOD_WORKED = worked_cell(f"{FIRST_LINE}.\nanswer = len(text.split())\n"
                          f"print({OUTPUT_LABEL!r})\nanswer")


def test_a_prompt_a_task_and_a_hidden_worked_answer_pass() -> None:
    assert task_problems(lesson(PROMPT_CELL, GOOD_TASK, GOOD_WORKED)) == []


def test_a_prompt_followed_by_the_answer_itself_fails() -> None:
    problems = task_problems(lesson(PROMPT_CELL, new_code_cell("len(text.split())")))
    assert any("not followed by a task cell" in p for p in problems)
    assert any("not followed by a worked answer" in p for p in problems)


def test_a_task_cell_that_already_holds_the_answer_fails() -> None:
    task = task_cell(f"answer = len(text.split())\n{PROMPT}\nanswer = ...")
    problems = task_problems(lesson(PROMPT_CELL, task, GOOD_WORKED))
    assert any("already holds the worked answer" in p for p in problems)


def test_a_task_cell_without_the_placeholder_fails() -> None:
    problems = task_problems(lesson(PROMPT_CELL, task_cell("answer = 3"), GOOD_WORKED))
    assert any("end with 'answer = ...'" in p for p in problems)


def test_a_worked_answer_that_shows_fails() -> None:
    shown = worked_cell("answer = len(text.split())", hidden={"source_hidden": True})
    problems = task_problems(lesson(PROMPT_CELL, GOOD_TASK, shown))
    assert any("not collapsed" in p for p in problems)


def test_a_worked_answer_must_set_the_task_variable() -> None:
    other = worked_cell("words = len(text.split())")
    problems = task_problems(lesson(PROMPT_CELL, GOOD_TASK, other))
    assert any("does not set 'answer'" in p for p in problems)


def test_a_worked_answer_whose_collapsed_preview_shows_code_or_the_answer_fails() -> None:
    # JupyterLab previews a collapsed cell's first source line and first output line.
    code_first = worked_cell("answer = len(text.split())\nanswer")
    problems = task_problems(lesson(PROMPT_CELL, GOOD_TASK, code_first))
    assert any("first line shows when collapsed" in p for p in problems)
    value_first = worked_cell(f"{FIRST_LINE}.\nanswer = len(text.split())\nanswer")
    value_first.outputs = [nbformat.v4.new_output("execute_result", {"text/plain": "548"},
                                                  execution_count=1)]
    problems = task_problems(lesson(PROMPT_CELL, GOOD_TASK, value_first))
    assert any("first output shows when collapsed" in p for p in problems)
    labelled = worked_cell(GOOD_WORKED.source)
    labelled.outputs = [nbformat.v4.new_output("stream", name="stdout", text=f"{OUTPUT_LABEL}\n"),
                        nbformat.v4.new_output("execute_result", {"text/plain": "548"},
                                               execution_count=1)]
    assert task_problems(lesson(PROMPT_CELL, GOOD_TASK, labelled)) == []


def test_there_are_lessons_to_check() -> None:
    assert len(CONVERTED) >= 6


@pytest.mark.parametrize("path", CONVERTED, ids=[p.stem for p in CONVERTED])
def test_every_your_turn_in_the_lessons_is_a_task_with_a_hidden_worked_answer(
        path: Path) -> None:
    notebook = nbformat.read(path, as_version=4)
    assert YOUR_TURN in "".join(cell.source for cell in notebook.cells)
    assert task_problems(notebook) == [], path.name
