"""The course's cell conventions, written once: roles, solution markers, `newslab` metadata.

A cell's or notebook's metadata may hold `{"newslab": {...}}`: the notebook's exercise id, or a
cell's role (`setup`, `question`, `answer`, `check`, `solution` in solution notebooks; `task`
and `worked_answer` in lessons), its question id and its answer variable. The build
(`newslab/build.py`), the lessons' task rule (`newslab/tasks.py`), the grader
(`newslab/grading/notebook.py`), the versions and the website read them through here.
"""

from __future__ import annotations

from typing import Any

BEGIN = "### BEGIN SOLUTION"
END = "### END SOLUTION"
PROMPT = "# Your answer here: replace the ... below."

# Roles in a solution notebook (docs/AUTHORING.md, "Exercises: one source, three roles").
SETUP, QUESTION, ANSWER, CHECK, SOLUTION = "setup", "question", "answer", "check", "solution"
EXERCISE_ROLES = frozenset({SETUP, QUESTION, ANSWER, CHECK, SOLUTION})
LOCKED_ROLES = frozenset({SETUP, QUESTION, CHECK})  # not editable, not deletable for students
# Roles in a lesson's "Your turn" task (newslab/tasks.py).
TASK, WORKED_ANSWER = "task", "worked_answer"


def newslab_metadata(node: Any) -> dict[str, Any]:
    """The `newslab` part of a cell's or notebook's metadata (a dict, whatever the file says)."""
    metadata = node.get("metadata") if isinstance(node, dict) else None
    value = metadata.get("newslab") if isinstance(metadata, dict) else None
    return value if isinstance(value, dict) else {}


def role_of(cell: Any) -> str:
    """The cell's newslab role, or "" when it has none."""
    role = newslab_metadata(cell).get("role")
    return role if isinstance(role, str) else ""


def is_marker(line: str) -> bool:
    """True for a line that is exactly a solution marker (indentation aside)."""
    return line.strip() in (BEGIN, END)


def solution_blocks(source: str) -> list[list[str]]:
    """The lines of each closed `### BEGIN SOLUTION` ... `### END SOLUTION` block of `source`.

    Lenient on purpose (a stray END is skipped, an unclosed block is left out): the build
    (`newslab.build.strip_solution`) is where malformed markers are refused with a message.
    """
    blocks: list[list[str]] = []
    current: list[str] | None = None
    for line in source.split("\n"):
        if line.strip() == BEGIN:
            current = []
        elif line.strip() == END and current is not None:
            blocks.append(current)
            current = None
        elif current is not None:
            current.append(line)
    return blocks


def without_markers(source: str) -> str:
    """An answer cell's source with its marker lines removed: the solution as a student types it."""
    return "\n".join(line for line in source.split("\n") if not is_marker(line))
