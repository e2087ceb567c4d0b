"""The grader end to end: hostile and careless submissions built from the real solutions.

One batch is graded once for the module (two jobs, short timeouts), then graded again to show
the outputs do not change. Every case asserts its status and its points.
"""

from __future__ import annotations

import csv
import hashlib
import os
import socket
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from grading_cases import (
    CLASSMATE,
    ORPHAN_NAME,
    PWNED,
    REPO,
    Builder,
    Case,
    final_assignment_cases,
    solution_paths,
)

from newslab.grading.batch import Settings, grade_folder
from newslab.grading.isolation import probe
from newslab.grading.score import Grade

WHY_NOT_ISOLATED = probe()  # None where this machine lets the grader isolate kernels
# Without isolation a kernel reading a path it may not sees PermissionError; with it, nothing.
HIDDEN = "FileNotFoundError" if WHY_NOT_ISOLATED is None else "PermissionError"

SETTINGS = Settings(jobs=2, cell_timeout=4, budget=20, memory_mb=1536)
SOLUTIONS = solution_paths()
if len(SOLUTIONS) < 2:
    raise RuntimeError("The grading tests need two solution notebooks in solutions/.")


def digest(folder: Path) -> dict[str, str]:
    """Every file under `folder` with the SHA-256 of its bytes."""
    return {str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(folder.rglob("*")) if path.is_file()}


@dataclass
class Batch:
    submissions: Path
    out: Path
    grades: list[Grade]
    cases: list[Case]
    before: dict[str, str]
    after: dict[str, str]
    outputs_first: dict[str, bytes]
    outputs_second: dict[str, bytes]
    repo_before: dict[str, str]
    repo_after: dict[str, str]
    connections: int
    orphans: list[str]

    def row(self, file: str) -> Grade:
        matches = [grade for grade in self.grades if grade.file == file]
        assert len(matches) == 1, f"expected one row for {file}, got {len(matches)}"
        return matches[0]


def processes_named(name: str) -> list[str]:
    """The pids of every process on the machine whose name (comm) is `name`."""
    found = []
    for entry in Path("/proc").iterdir():
        try:
            if entry.name.isdigit() and (entry / "comm").read_text().strip() == name:
                found.append(entry.name)
        except OSError:
            continue  # it ended while we looked
    return found


def accepted(listener: socket.socket) -> int:
    """How many connections reached `listener` (a non-blocking socket) so far."""
    count = 0
    while True:
        try:
            listener.accept()[0].close()
        except BlockingIOError:
            return count
        count += 1


def read_outputs(out: Path) -> dict[str, bytes]:
    return {str(path.relative_to(out)): path.read_bytes()
            for path in sorted(out.rglob("*")) if path.is_file()}


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Batch]:
    root = tmp_path_factory.mktemp("grading")
    submissions, out = root / "submissions", root / "out"
    submissions.mkdir()
    out.mkdir()
    (out / "grades.csv").write_text("student,points\nsomeone,secret\n")
    listener = socket.create_server(("127.0.0.1", 0))
    listener.setblocking(False)
    builder = Builder(SOLUTIONS[0], SOLUTIONS[1], submissions, out, listener.getsockname()[1])
    cases = builder.cases() + final_assignment_cases()
    for case in cases:
        (submissions / case.file).write_bytes(case.build())
    for name, content in builder.duplicates().items():
        (submissions / name).parent.mkdir(exist_ok=True)
        (submissions / name).write_bytes(content)
    (submissions / ".ipynb_checkpoints").mkdir()
    (submissions / ".ipynb_checkpoints" / "ghost.ipynb").write_text("{}")
    watched = ["newslab/checks/core.py", "data/figures.csv"]
    repo_before = {name: hashlib.sha256((REPO / name).read_bytes()).hexdigest()
                   for name in watched}
    before = digest(submissions)
    try:
        grades = grade_folder(submissions, out, SETTINGS)
        first = read_outputs(out)
        grade_folder(submissions, out, SETTINGS)
        second = read_outputs(out)
        repo_after = {name: hashlib.sha256((REPO / name).read_bytes()).hexdigest()
                      for name in watched}
        yield Batch(submissions, out, grades, cases, before, digest(submissions), first, second,
                    repo_before, repo_after, accepted(listener), processes_named(ORPHAN_NAME))
    finally:
        listener.close()
        for path in PWNED:
            path.unlink(missing_ok=True)


CASE_FILES = [case.file for case in Builder(SOLUTIONS[0], SOLUTIONS[1], Path("s"),
                                            Path("o")).cases() + final_assignment_cases()]


@pytest.mark.parametrize("file", CASE_FILES)
def test_each_case_gets_its_status_and_points(batch: Batch, file: str) -> None:
    if file.startswith("hostile-") and WHY_NOT_ISOLATED:
        pytest.skip(f"kernels cannot be isolated on this machine: {WHY_NOT_ISOLATED}")
    case = next(case for case in batch.cases if case.file == file)
    grade = batch.row(file)
    assert grade.status == case.status, grade.notes
    assert grade.points == case.points, [q.feedback for q in grade.questions] + grade.notes
    if case.note:
        said = " ".join(grade.notes + [q.feedback for q in grade.questions])
        assert case.note in said


def test_submissions_are_never_modified(batch: Batch) -> None:
    assert batch.after == batch.before


def test_a_second_run_writes_identical_files(batch: Batch) -> None:
    assert batch.outputs_second == batch.outputs_first
    assert "grades.csv" in batch.outputs_first and "questions.csv" in batch.outputs_first


def test_snooping_reaches_nothing(batch: Batch) -> None:
    grade = batch.row(next(file for file in CASE_FILES if file.startswith("snooping")))
    assert not any(path.exists() for path in PWNED)
    assert batch.repo_after == batch.repo_before
    assert b"secret" not in batch.outputs_first["grades.csv"]
    assert any(HIDDEN in note for note in grade.notes), grade.notes


def test_no_kernel_reached_the_network_or_left_a_process(batch: Batch) -> None:
    if WHY_NOT_ISOLATED:
        pytest.skip(f"kernels cannot be isolated on this machine: {WHY_NOT_ISOLATED}")
    orphan = next(case for case in batch.cases if case.file.startswith("hostile-orphan"))
    assert batch.row(orphan.file).status == "graded"  # the fork ran
    assert batch.connections == 0
    assert batch.orphans == []


def test_two_files_for_one_student_give_one_flagged_row(batch: Batch) -> None:
    rows = [grade for grade in batch.grades if grade.student == "twice"]
    assert len(rows) == 1
    row = rows[0]
    assert row.status == "duplicate" and row.flagged
    assert row.points_auto == row.exercise.automatic_max_points  # the better file counts
    assert "2 files" in row.notes[-1]


def test_hidden_folders_are_skipped(batch: Batch) -> None:
    assert not any("ghost" in grade.file for grade in batch.grades)


def test_grades_csv_has_one_row_per_student_and_exercise(batch: Batch) -> None:
    text = batch.outputs_first["grades.csv"].decode()
    rows = list(csv.DictReader(text.splitlines()))
    assert list(rows[0])[:5] == ["student", "exercise", "points", "max_points", "status"]
    keys = [(row["student"], row["exercise"], row["file"]) for row in rows]
    assert keys == sorted(keys) and len(set(keys)) == len(keys)
    correct = next(row for row in rows if row["file"].startswith("correct_"))
    assert correct["status"] == "graded"
    written = [q for q in batch.row(correct["file"]).exercise.questions if q.written]
    if written:  # pending written answers: no final points until they are marked
        assert (correct["points"], correct["marking_complete"]) == ("", "no")
        assert correct["unmarked"] == str(len(written))
    else:
        assert correct["points"] == correct["max_points"]
        assert correct["marking_complete"] == "yes"


def test_questions_csv_and_feedback_files(batch: Batch) -> None:
    rows = list(csv.DictReader(batch.outputs_first["questions.csv"].decode().splitlines()))
    assert list(rows[0]) == ["student", "exercise", "question", "points", "max_points",
                             "feedback"]
    blank = [row for row in rows if row["student"] == "blank"]
    assert blank and all(row["points"] == "0" for row in blank)
    feedback = batch.outputs_first["feedback/blank.md"].decode()
    assert feedback.startswith("# Feedback for blank") and "Not attempted yet" in feedback
    assert "feedback/empty.md" in batch.outputs_first  # unreadable files get feedback too


def test_outputs_are_private_files(batch: Batch) -> None:
    assert (batch.out / "grades.csv").stat().st_mode & 0o077 == 0
    assert not list(batch.out.glob(".*"))  # no temporary files left behind


def test_the_kernel_is_not_root_when_the_grader_is(batch: Batch) -> None:
    """The snooping case's unguarded read of the grades fails: not in the kernel's view, or (with
    no isolation) for lack of permission."""
    grade = batch.row(next(file for file in CASE_FILES if file.startswith("snooping")))
    if os.geteuid() == 0 or WHY_NOT_ISOLATED is None:
        assert any(HIDDEN in note for note in grade.notes)
    else:
        assert grade.status == "graded"
    assert CLASSMATE in batch.before
