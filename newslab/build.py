"""`python -m newslab build`: write `exercises/` from `solutions/`.

A solution notebook is the single source of an exercise (see docs/AUTHORING.md).
The build turns each `solutions/NN_slug.ipynb` into `exercises/NN_slug.ipynb`:

- in answer cells (metadata `{"newslab": {"role": "answer", "variable": "x"}}`), every
  `### BEGIN SOLUTION` ... `### END SOLUTION` block becomes the prompt comment
  `# Your answer here: replace the ... below.` and `x = ...` (same indentation as the
  BEGIN marker); code outside the markers is kept;
- cells with role `solution` (worked explanations) are left out;
- every code cell loses its outputs and execution count;
- setup, question and check cells are marked not editable and not deletable;
- cell metadata keeps only `newslab` and those two flags; notebook metadata keeps
  `kernelspec`, `language_info` and `newslab` (`{"exercise": "<id>"}`, plus the version of
  each question and of the exercise, see `newslab/versions.py`).

The output is a pure function of the solution file, so building twice gives the same
bytes. `--check` writes nothing and exits 1 naming every exercise that differs from what
the build would write (or that has no solution, or is missing). Names after the options
(`python -m newslab build solutions/03_attribution.ipynb`) limit the build to those notebooks.
"""

from __future__ import annotations

import argparse
import copy
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import nbformat
from nbformat import NotebookNode

from newslab.cells import (
    ANSWER,
    BEGIN,
    END,
    EXERCISE_ROLES,
    LOCKED_ROLES,
    PROMPT,
    SOLUTION,
    newslab_metadata,
    role_of,
    without_markers,
)
from newslab.paths import EXERCISES, SOLUTIONS
from newslab.versions import version_metadata

KEPT_NOTEBOOK_METADATA = ("kernelspec", "language_info", "newslab")
NOTEBOOK_NAME = re.compile(r"^\d{2}_[a-z0-9_]+\.ipynb$")
IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


class BuildError(ValueError):
    """A solution notebook that cannot be turned into an exercise; the message says where."""


@dataclass(frozen=True)
class Change:
    """One exercise file the build would write, and whether it differs on disk."""

    path: Path
    text: str | None  # None: the exercise has no solution (stale)
    status: str  # "same", "changed", "new", "stale"


def _where(name: str, index: int, cell: NotebookNode) -> str:
    question = newslab_metadata(cell).get("question")
    about = f" (question {question})" if question else ""
    return f"{name}, cell {index + 1}{about}"


def strip_solution(source: str, variable: str, where: str = "cell") -> str:
    """Replace each BEGIN/END SOLUTION block of `source` with the prompt and `variable = ...`.

    Raises BuildError for unbalanced or nested markers, or when there is no block at all.
    """
    if not IDENTIFIER.match(variable or ""):
        raise BuildError(f"{where}: answer cell variable {variable!r} is not a Python name.")
    out: list[str] = []
    inside = False
    blocks = 0
    for number, line in enumerate(source.split("\n"), start=1):
        stripped = line.strip()
        if stripped == BEGIN:
            if inside:
                raise BuildError(f"{where}: line {number} opens a second {BEGIN!r} "
                                 f"before {END!r} closed the first.")
            inside = True
            blocks += 1
            indent = line[: len(line) - len(line.lstrip())]
            out += [f"{indent}{PROMPT}", f"{indent}{variable} = ..."]
        elif stripped == END:
            if not inside:
                raise BuildError(f"{where}: line {number} has {END!r} with no {BEGIN!r} above it.")
            inside = False
        elif BEGIN.lstrip("# ") in line or END.lstrip("# ") in line:
            raise BuildError(f"{where}: line {number} mentions a solution marker but is not "
                             f"exactly {BEGIN!r} or {END!r} on a line of its own.")
        elif not inside:
            out.append(line)
    if inside:
        raise BuildError(f"{where}: {BEGIN!r} is never closed by {END!r}.")
    if blocks == 0:
        raise BuildError(f"{where}: an answer cell needs a {BEGIN!r} ... {END!r} block, "
                         "or its solution would be handed to students.")
    return "\n".join(out)


def _clean_cell(cell: NotebookNode, index: int) -> NotebookNode:
    info = copy.deepcopy(newslab_metadata(cell))
    new: dict = {"cell_type": cell.cell_type, "id": cell.get("id") or f"cell-{index + 1}",
                 "metadata": {}, "source": cell.source}
    if info:
        new["metadata"]["newslab"] = info
    if info.get("role") in LOCKED_ROLES:
        new["metadata"]["editable"] = False
        new["metadata"]["deletable"] = False
    if cell.cell_type == "code":
        new["execution_count"] = None
        new["outputs"] = []
    elif cell.get("attachments"):
        new["attachments"] = copy.deepcopy(cell.attachments)
    return nbformat.from_dict(new)


def build_notebook(solution: NotebookNode, name: str = "notebook") -> NotebookNode:
    """Return the exercise notebook for a solution notebook (which is left unchanged)."""
    exercise_id = newslab_metadata(solution).get("exercise")
    if not exercise_id:
        raise BuildError(f'{name}: notebook metadata has no {{"newslab": {{"exercise": ...}}}}.')
    stem = Path(name).stem
    if Path(name).suffix == ".ipynb" and exercise_id != stem:
        raise BuildError(f"{name}: exercise id {exercise_id!r} differs from the file name "
                         f"{stem!r}.")
    cells = []
    for index, cell in enumerate(solution.cells):
        info = newslab_metadata(cell)
        role = info.get("role")
        where = _where(name, index, cell)
        if role is not None and role not in EXERCISE_ROLES:
            raise BuildError(f"{where}: unknown role {role!r} "
                             f"(known: {', '.join(sorted(EXERCISE_ROLES))}).")
        if role == SOLUTION:
            continue
        new = _clean_cell(cell, index)
        if role == ANSWER:
            if cell.cell_type != "code":
                raise BuildError(f"{where}: an answer cell must be a code cell.")
            variable = info.get("variable")
            if not variable:
                raise BuildError(f'{where}: answer cell has no "variable" in its newslab metadata.')
            new.source = strip_solution(cell.source, variable, where)
        elif BEGIN.lstrip("# ") in cell.source or END.lstrip("# ") in cell.source:
            raise BuildError(f"{where}: solution markers outside an answer cell.")
        cells.append(new)
    metadata = {key: copy.deepcopy(solution.metadata[key])
                for key in KEPT_NOTEBOOK_METADATA if key in solution.get("metadata", {})}
    metadata["newslab"].update(version_metadata(exercise_id, solution))  # see newslab/versions.py
    exercise = nbformat.v4.new_notebook(cells=cells, metadata=metadata)
    exercise.nbformat_minor = max(5, solution.get("nbformat_minor", 5))
    nbformat.validate(exercise)
    return exercise


def answered_notebook(solution: NotebookNode,
                      exercise: NotebookNode | None = None) -> NotebookNode:
    """The exercise notebook with the solution's answers typed in, as a diligent student would.

    `exercise` is the notebook to fill (default: the one built from `solution`). For tests and
    benchmarks that need realistic submissions.
    """
    notebook = build_notebook(solution) if exercise is None else exercise
    answers = {newslab_metadata(cell).get("question"): cell.source for cell in solution.cells
               if role_of(cell) == ANSWER}
    for cell in notebook.cells:
        if role_of(cell) == ANSWER:
            cell.source = without_markers(answers[newslab_metadata(cell)["question"]])
    return notebook


def notebook_text(notebook: NotebookNode) -> str:
    """The exact text the build writes for a notebook (nbformat's layout, final newline)."""
    text = nbformat.writes(notebook)
    return text if text.endswith("\n") else text + "\n"


def build_file(path: Path) -> str:
    """Read a solution notebook and return its exercise notebook's text."""
    try:
        solution = nbformat.read(path, as_version=4)
    except Exception as error:
        raise BuildError(f"{path}: not a readable notebook ({error}).") from None
    return notebook_text(build_notebook(solution, path.name))


def solution_files(solutions: Path) -> list[Path]:
    """The solution notebooks to build: `NN_slug.ipynb` files, sorted by name."""
    return sorted(p for p in solutions.glob("*.ipynb") if NOTEBOOK_NAME.match(p.name))


def plan(solutions: Path = SOLUTIONS, exercises: Path = EXERCISES,
         only: list[str] | None = None) -> list[Change]:
    """What the build would do to `exercises/`, file by file, without writing anything.

    `only` limits the build to these solution notebooks (names or paths); then exercises
    without a solution are not reported.
    """
    changes = []
    sources = solution_files(solutions)
    if only:
        wanted = {Path(name).name for name in only}
        unknown = wanted - {source.name for source in sources}
        if unknown:
            raise BuildError(f"No such solution notebook in {solutions}: "
                             f"{', '.join(sorted(unknown))}.")
        sources = [source for source in sources if source.name in wanted]
    for source in sources:
        text = build_file(source)
        target = exercises / source.name
        if not target.exists():
            status = "new"
        else:
            status = "same" if target.read_text(encoding="utf-8") == text else "changed"
        changes.append(Change(target, text, status))
    built = {source.name for source in sources}
    for extra in [] if only else sorted(exercises.glob("*.ipynb")):
        if NOTEBOOK_NAME.match(extra.name) and extra.name not in built:
            changes.append(Change(extra, None, "stale"))
    return changes


def main(argv: list[str] | None = None) -> int:
    """Build (or with --check, verify) the exercise notebooks; return the exit code."""
    parser = argparse.ArgumentParser(prog="python -m newslab build",
                                     description="Write exercises/ from solutions/.")
    parser.add_argument("notebooks", nargs="*",
                        help="only these solution notebooks (default: all of solutions/)")
    parser.add_argument("--check", action="store_true",
                        help="write nothing; exit 1 if exercises/ differs from the build")
    parser.add_argument("--solutions", type=Path, default=SOLUTIONS, help="source folder")
    parser.add_argument("--exercises", type=Path, default=EXERCISES, help="output folder")
    args = parser.parse_args(sys.argv[1:] if argv is None else argv)
    try:
        changes = plan(args.solutions, args.exercises, args.notebooks)
    except BuildError as error:
        print(f"build failed: {error}", file=sys.stderr)
        return 2
    if not changes:
        print(f"No solution notebooks (NN_slug.ipynb) in {args.solutions}.")
        return 0
    if args.check:
        wrong = [c for c in changes if c.status != "same"]
        for change in wrong:
            why = {"new": "is missing", "changed": "differs from the build",
                   "stale": "has no solution notebook"}[change.status]
            print(f"{change.path} {why}", file=sys.stderr)
        if wrong:
            print("Run `python -m newslab build` to regenerate exercises/.", file=sys.stderr)
            return 1
        print(f"exercises/ is up to date ({len(changes)} notebooks).")
        return 0
    args.exercises.mkdir(parents=True, exist_ok=True)
    for change in changes:
        if change.status == "stale":
            print(f"warning: {change.path} has no solution notebook (left as is)", file=sys.stderr)
        elif change.text is not None and change.status != "same":
            change.path.write_text(change.text, encoding="utf-8")
            print(f"wrote {change.path}")
        else:
            print(f"unchanged {change.path}")
    return 0
