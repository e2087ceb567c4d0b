"""Grade a whole folder: read every file, run the notebooks `jobs` at a time, score, write.

One bad submission never stops the batch: whatever happens to one file becomes its status.
"""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Callable, Coroutine
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newslab.checks import exercises
from newslab.checks.core import Exercise
from newslab.grading.discover import Submission, discover
from newslab.grading.execute import Execution, PlannedCell, execute
from newslab.grading.marks import Mark, apply_marks
from newslab.grading.notebook import identify, plan, read_notebook
from newslab.grading.output import write_outputs
from newslab.grading.sandbox import Sandbox, Settings
from newslab.grading.score import Grade, outside_file_notes, resolve_duplicates, score
from newslab.grading.status import Status
from newslab.versions import version_notes

__all__ = ["Settings", "UsageError", "grade_folder"]


class UsageError(Exception):
    """A problem with the command line (a folder missing, outputs inside the submissions)."""


@dataclass
class Prepared:
    """A submission read and identified; `cells` is empty when there is nothing to run."""

    grade: Grade
    cells: list[PlannedCell]


def prepare(submission: Submission, known: dict[str, Exercise]) -> Prepared:
    """Read, validate and identify one file; plan its cells when it can be graded."""
    reading = read_notebook(submission.path)
    grade = Grade(submission.student, submission.name, reading.status)
    if reading.notebook is None:
        grade.notes.append(reading.note)
        return Prepared(grade, [])
    found = identify(reading.notebook, submission.name, known)
    grade.notes += found.notes
    grade.flagged = found.flagged
    if found.exercise is None:
        grade.status = Status.UNKNOWN_EXERCISE
        return Prepared(grade, [])
    grade.exercise = found.exercise
    grade.status = Status.GRADED
    older = version_notes(reading.notebook, found.exercise.id)  # an older copy: say so
    grade.notes += older
    grade.flagged = grade.flagged or bool(older)
    cells, notes = plan(reading.notebook, found.exercise)
    grade.notes += notes
    return Prepared(grade, cells)


def check_folders(submissions: Path, out: Path) -> None:
    """Refuse folders that cannot work, with a message that says why."""
    if not submissions.exists():
        raise UsageError(f"The submissions folder {submissions} does not exist.")
    if not submissions.is_dir():
        raise UsageError(f"{submissions} is a file; give the folder that holds the submissions.")
    inside = out.resolve()
    if inside == submissions.resolve() or submissions.resolve() in inside.parents:
        raise UsageError(f"The output folder {out} is inside the submissions folder: choose "
                         "another one, or the next run would grade the outputs too.")
    if out.exists() and not out.is_dir():
        raise UsageError(f"The output folder {out} is a file.")


async def _run_all(prepared: list[Prepared], sandbox: Sandbox, settings: Settings,
                   advance: Callable[[str], None]) -> None:
    slots = asyncio.Semaphore(settings.jobs)

    async def run_one(item: Prepared) -> None:
        async with slots:
            grade = item.grade
            assert grade.exercise is not None
            place = sandbox.open()
            try:
                result = await execute(item.cells, place, sandbox.launcher,
                                       settings.cell_timeout, settings.budget)
                grade.status = result.status
                grade.notes = (result.notes + grade.notes + result.errors
                               + outside_file_notes(result.errors))
                grade.questions = score(grade.exercise, result)
            except Exception as error:  # the grader's own failure: say so, keep going
                grade.status = Status.GRADER_ERROR
                grade.notes.insert(0, f"The grader failed on this file ({type(error).__name__}: "
                                      f"{str(error)[:120]}); grade it again.")
                grade.questions = score(grade.exercise, Execution(status=Status.GRADER_ERROR))
            finally:
                sandbox.close_place(place)
            advance(grade.file)

    await asyncio.gather(*(run_one(item) for item in prepared))


def _run(work: Coroutine[Any, Any, None]) -> None:
    """asyncio.run, also when called where an event loop already runs (a notebook, a test)."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        asyncio.run(work)
        return
    with ThreadPoolExecutor(max_workers=1) as pool:
        pool.submit(asyncio.run, work).result()


def _to_stderr(text: str) -> None:
    print(f"warning: {text}", file=sys.stderr)


def grade_folder(submissions: Path, out: Path, settings: Settings | None = None,
                 known: dict[str, Exercise] | None = None,
                 progress: Callable[[int], Callable[[str], None]] | None = None,
                 notice: Callable[[str], None] | None = None,
                 sandbox: Sandbox | None = None,
                 marks: tuple[Path, list[Mark]] | None = None) -> list[Grade]:
    """Grade every file under `submissions`, write the outputs to `out`, return the rows.

    `notice` receives, once, what the instructor must know about the sandbox (by default it
    goes to stderr), e.g. that this machine does not let kernels be isolated. `sandbox`, made
    from the same settings, may be started by the caller ahead of time (it is closed here).
    `marks` (the marks file and its rows) are merged into the written answers; a mark that fits
    no answer raises MarksError before anything is written.
    """
    settings = settings or Settings()
    try:
        check_folders(submissions, out)
        known = exercises() if known is None else known
        found = discover(submissions, known)
        prepared = [prepare(submission, known) for submission in found]
        runnable = [item for item in prepared if item.cells]
        if runnable and sandbox is None:
            sandbox = Sandbox.for_settings(settings)
        advance = progress(len(prepared)) if progress else (lambda label: None)
        for item in prepared:
            if not item.cells:
                advance(item.grade.file)
        if runnable and sandbox is not None:
            for warning in sandbox.warnings(submissions):
                (notice or _to_stderr)(warning)
            _run(_run_all(runnable, sandbox, settings, advance))
    finally:
        if sandbox is not None:
            sandbox.close()
    grades = resolve_duplicates([item.grade for item in prepared])
    if marks is not None:
        grades = apply_marks(grades, marks[1], marks[0])
    out.mkdir(parents=True, exist_ok=True, mode=0o700)
    write_outputs(out, grades)
    return grades
