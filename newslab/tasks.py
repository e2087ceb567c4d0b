"""The "Your turn" rule of the lessons: a prompt, a cell to write in, a hidden worked answer.

A lesson's task is three cells in a row (docs/AUTHORING.md, "Lessons"):

1. a markdown prompt containing `**Your turn:**`;
2. the task cell, where the student writes: a code cell with metadata
   `{"newslab": {"role": "task", "variable": "x"}}` that holds the same prompt line as an
   exercise's answer cell and ends with `x = ...` (it runs as shipped, and prints nothing);
3. the worked answer: a code cell with metadata `{"newslab": {"role": "worked_answer"}}`, its
   source and outputs collapsed in JupyterLab (`{"jupyter": {"source_hidden": true,
   "outputs_hidden": true}}`), that sets `x` itself, so later cells use the worked answer and
   never what the student typed.

A collapsed cell still previews the first line of its source and of its first output, so a
worked answer starts with the comment `# Worked answer ...`, and when it shows a value it first
prints `The worked answer gives:`. Then the collapsed cell gives nothing away.
"""

from __future__ import annotations

import re

from nbformat import NotebookNode

from newslab.cells import PROMPT, TASK, WORKED_ANSWER, newslab_metadata, role_of

YOUR_TURN = "**Your turn:**"
HIDDEN = {"source_hidden": True, "outputs_hidden": True}
FIRST_LINE = "# Worked answer"
OUTPUT_LABEL = "The worked answer gives:"


def code_lines(source: str) -> list[str]:
    """The lines of `source` that do something: not blank, not comments."""
    return [line.strip() for line in source.splitlines()
            if line.strip() and not line.strip().startswith("#")]


def assigns(source: str, variable: str) -> bool:
    """True when a line of `source` starts by assigning to `variable`."""
    return bool(re.search(rf"^{re.escape(variable)}\s*=[^=]", source, re.MULTILINE))


def task_problems(notebook: NotebookNode) -> list[str]:
    """Every way the notebook's "Your turn" prompts break the rule above (empty: none)."""
    problems = []
    cells = notebook.cells
    for index, cell in enumerate(cells):
        where = f"cell {index}"
        role = role_of(cell)
        if cell.cell_type == "markdown" and YOUR_TURN in cell.source:
            task = cells[index + 1] if index + 1 < len(cells) else None
            worked = cells[index + 2] if index + 2 < len(cells) else None
            if task is None or task.cell_type != "code" or role_of(task) != TASK:
                problems.append(f"{where}: the prompt is not followed by a task cell")
            if (worked is None or worked.cell_type != "code"
                    or role_of(worked) != WORKED_ANSWER):
                problems.append(f"{where}: the task is not followed by a worked answer")
        elif role == TASK:
            problems += _task_cell_problems(cells, index)
        elif role == WORKED_ANSWER:
            hidden = cell.get("metadata", {}).get("jupyter", {})
            if any(hidden.get(key) is not True for key in HIDDEN):
                problems.append(f"{where}: the worked answer is not collapsed (source and "
                                "outputs hidden)")
            problems += _preview_problems(cell, where)
    return problems


def _preview_problems(cell: NotebookNode, where: str) -> list[str]:
    """What JupyterLab would preview of a collapsed worked answer, if it gives the answer away."""
    problems = []
    if not cell.source.lstrip().startswith(FIRST_LINE):
        problems.append(f"{where}: the worked answer's first line shows when collapsed: make it "
                        f"a comment starting {FIRST_LINE!r}")
    outputs = cell.get("outputs") or []
    if outputs:
        first = outputs[0]
        text = first.get("text", "") if first.get("output_type") == "stream" else ""
        if not text.lstrip().startswith(OUTPUT_LABEL):
            problems.append(f"{where}: the worked answer's first output shows when collapsed: "
                            f"print({OUTPUT_LABEL!r}) before the value")
    return problems


def _task_cell_problems(cells: list[NotebookNode], index: int) -> list[str]:
    where = f"cell {index}"
    task = cells[index]
    variable = newslab_metadata(task).get("variable", "")
    problems = []
    if index == 0 or YOUR_TURN not in cells[index - 1].get("source", ""):
        problems.append(f"{where}: a task cell without a Your turn prompt above it")
    if PROMPT not in task.source or not task.source.rstrip().endswith(f"{variable} = ..."):
        problems.append(f"{where}: the task cell should hold {PROMPT!r} and end with "
                        f"'{variable} = ...'")
    if task.get("outputs"):
        problems.append(f"{where}: the task cell prints something (the answer may show)")
    worked = cells[index + 1] if index + 1 < len(cells) else None
    if worked is not None and role_of(worked) == WORKED_ANSWER:
        if not assigns(worked.source, variable):
            problems.append(f"cell {index + 1}: the worked answer does not set {variable!r}")
        given = set(code_lines(task.source))
        answer_lines = [line for line in code_lines(worked.source) if assigns(line, variable)]
        if all(line in given for line in code_lines(worked.source)) or any(
                line in given for line in answer_lines):
            problems.append(f"{where}: the task cell already holds the worked answer's code")
    return problems
