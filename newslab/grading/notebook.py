"""Read a submitted file, decide whether it is a usable notebook and which exercise it is.

Nothing in the file is trusted blindly: the exercise named in the notebook's metadata must exist
and must fit the notebook's answer cells (question ids and variable names); the variable that
holds each answer comes from the registry, not from the file; check cells are dropped, so editing,
moving or deleting them never changes a grade.
"""

from __future__ import annotations

import json
import warnings
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
from nbformat import NotebookNode

from newslab.cells import newslab_metadata
from newslab.checks.core import Exercise
from newslab.grading.capture import capture_cell
from newslab.grading.execute import PlannedCell
from newslab.grading.status import Status

MAX_BYTES = 20 * 2**20
CELL_TYPES = {"code", "markdown", "raw"}


@dataclass
class Reading:
    """A submitted file after reading: a notebook, or the status and reason why not."""

    notebook: NotebookNode | None = None
    status: Status = Status.GRADED  # a readable notebook; identifying and running decide
    note: str = ""


def read_notebook(path: Path) -> Reading:
    """Read `path` as a notebook (nbformat 4, or 3 upgraded to 4) without ever raising."""
    if path.is_symlink() or not path.is_file():
        return Reading(None, Status.NOT_A_NOTEBOOK,
                       "This is a link or a special file, not a notebook.")
    if path.suffix.lower() != ".ipynb":
        return Reading(None, Status.NOT_A_NOTEBOOK,
                       f"`{path.name}` is not a notebook (.ipynb) file.")
    size = path.stat().st_size
    if size == 0:
        return Reading(None, Status.INVALID, "The file is empty.")
    if size > MAX_BYTES:
        return Reading(None, Status.INVALID, f"The file is larger than {MAX_BYTES // 2**20} MB.")
    try:
        text = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError:
        return Reading(None, Status.INVALID, "The file is not text (UTF-8): it may be damaged.")
    if not text.strip():
        return Reading(None, Status.INVALID, "The file is empty.")
    try:
        raw = json.loads(text)
    except ValueError as error:
        where = f" (line {error.lineno})" if hasattr(error, "lineno") else ""
        return Reading(None, Status.INVALID, f"The file is not valid notebook JSON{where}: it may "
                                             "have been cut short or edited outside Jupyter.")
    if not isinstance(raw, dict) or "nbformat" not in raw:
        return Reading(None, Status.NOT_A_NOTEBOOK,
                       "The file holds JSON, but not a Jupyter notebook.")
    try:
        with warnings.catch_warnings():  # students' files often lack cell ids: not our concern
            warnings.simplefilter("ignore")
            notebook = nbformat.reads(text, as_version=4)
    except Exception as error:  # nbformat raises many kinds for damaged files
        kind = type(error).__name__
        return Reading(None, Status.INVALID, f"Jupyter cannot read this notebook ({kind}).")
    problem = structure_problem(notebook)
    if problem:
        return Reading(None, Status.INVALID, problem)
    return Reading(notebook)


def structure_problem(notebook: NotebookNode) -> str:
    """What makes the notebook unusable, or "" (only what grading needs is required)."""
    if notebook.get("nbformat") != 4 or not isinstance(notebook.get("cells"), list):
        return "The notebook has no list of cells in a format the grader knows (nbformat 4)."
    for number, cell in enumerate(notebook.cells, 1):
        if not isinstance(cell, dict) or cell.get("cell_type") not in CELL_TYPES:
            return f"Cell {number} of the notebook is damaged."
        if not isinstance(cell.get("source"), str):
            return f"Cell {number} of the notebook has no readable source."
        if not isinstance(cell.get("metadata", {}), dict):
            return f"Cell {number} of the notebook has damaged metadata."
    return ""


def answer_pairs(notebook: NotebookNode) -> set[tuple[str, str]]:
    """(question, variable) of every answer cell, as the file describes them."""
    pairs = set()
    for cell in notebook.cells:
        meta = newslab_metadata(cell)
        if meta.get("role") == "answer":
            pairs.add((str(meta.get("question")), str(meta.get("variable"))))
    return pairs


def fits(exercise: Exercise, pairs: set[tuple[str, str]]) -> bool:
    """True when every answer cell belongs to `exercise` (same question id and variable)."""
    return pairs <= {(question.id, question.variable) for question in exercise.questions}


@dataclass
class Identification:
    """Which exercise a notebook is, with notes for the instructor when it was not plain."""

    exercise: Exercise | None
    notes: list[str] = field(default_factory=list)
    flagged: bool = False


def identify(notebook: NotebookNode, file_name: str,
             known: dict[str, Exercise]) -> Identification:
    """Decide the exercise from the metadata, checked against the notebook's answer cells."""
    claimed = newslab_metadata(notebook).get("exercise")
    pairs = answer_pairs(notebook)
    fitting = sorted(ex.id for ex in known.values() if pairs and fits(ex, pairs))
    found: Identification
    if isinstance(claimed, str) and claimed in known:
        if fits(known[claimed], pairs):
            found = Identification(known[claimed])
        else:
            also = f" They fit {', '.join(fitting)}." if fitting else ""
            found = Identification(None, [f"The notebook says it is exercise {claimed}, but its "
                                          f"answer cells do not belong to that exercise.{also}"])
    elif len(fitting) == 1:
        said = f"names an unknown exercise ({claimed!r})" if claimed else "names no exercise"
        found = Identification(known[fitting[0]], [
            f"The notebook {said}; its answer cells identify it as {fitting[0]}."], True)
    else:
        said = f"names an unknown exercise ({str(claimed)[:60]!r})" if claimed else (
            "does not say which exercise it is")
        found = Identification(None, [f"The notebook {said}, and its cells do not identify "
                                      "one: is it an exercise notebook of this course?"])
    if found.exercise is not None:
        others = [ex_id for ex_id in known if ex_id in file_name and ex_id != found.exercise.id]
        if others:
            found.notes.append(f"The file name suggests {others[0]}, but the notebook is "
                               f"{found.exercise.id}: it was graded as {found.exercise.id}.")
            found.flagged = True
    return found


def plan(notebook: NotebookNode, exercise: Exercise) -> tuple[list[PlannedCell], list[str]]:
    """The cells to run: the student's code cells in order, check cells left out, and a capture
    right after each answer cell (at the end for a question whose answer cell is gone)."""
    cells: list[PlannedCell] = []
    captured: set[str] = set()
    ids = {question.id for question in exercise.questions}
    for number, cell in enumerate(notebook.cells, 1):
        if cell.cell_type != "code":
            continue
        meta = newslab_metadata(cell)
        if meta.get("role") == "check":
            continue
        cells.append(PlannedCell(cell.source, label=f"cell {number}"))
        question_id = meta.get("question")
        if meta.get("role") == "answer" and question_id in ids:
            question = exercise.question(question_id)
            cells.append(PlannedCell(capture_cell(question.id, question.variable),
                                     question=question.id, variable=question.variable))
            captured.add(question.id)
    notes = []
    for question in exercise.questions:
        if question.id not in captured:
            cells.append(PlannedCell(capture_cell(question.id, question.variable),
                                     question=question.id, variable=question.variable))
            notes.append(f"The answer cell of {question.id} is missing: `{question.variable}` "
                         "was read at the end of the notebook.")
    return cells, notes
