"""Written answers through the real grader and its command line: pending, then `--marks`.

Three students hand in exercise notebooks built from the first solution: two with a written
answer, one who left it as `...`. The class is graded once without marks, then with a marks
file; bad marks files fail with the line named and leave every output as it was.
"""

from __future__ import annotations

import contextlib
import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import nbformat
import pytest
from grading_cases import as_bytes, index_of, solution_paths, student_notebook

from newslab.checks import exercises
from newslab.checks.core import Exercise, Question
from newslab.grading.cli import main

SOLUTION = nbformat.read(solution_paths()[0], as_version=4)
EXERCISE: Exercise = exercises()[SOLUTION.metadata["newslab"]["exercise"]]
WRITTEN: Question = next(q for q in EXERCISE.questions if q.written)
ANSWERS = {
    "ann": "First I would open the Korean edition, then check the page's time stamp,\n"
           "the \"Thursday\" and the 21st, and an archive copy; commas, quotes and all.",
    "bob": "Look at the date.",
}
OPTIONS = ["--jobs", "2", "--cell-timeout", "10", "--budget", "60", "--memory", "1536"]


def with_written_answer(text: str | None) -> bytes:
    """A correct notebook whose written answer is `text` (None: left as `...`)."""
    notebook = student_notebook(SOLUTION)
    source = f"{WRITTEN.variable} = ..." if text is None else f"{WRITTEN.variable} = {text!r}"
    try:
        notebook.cells[index_of(notebook, "answer", WRITTEN.id)].source = source
    except KeyError:  # a solution without the written question's cells yet
        cell = nbformat.v4.new_code_cell(source)
        cell.metadata["newslab"] = {"role": "answer", "question": WRITTEN.id,
                                    "variable": WRITTEN.variable}
        notebook.cells.append(cell)
    return as_bytes(notebook)


@dataclass
class Graded:
    submissions: Path
    out: Path
    stdout: str

    def table(self, name: str) -> list[dict[str, str]]:
        return list(csv.DictReader((self.out / name).read_text().splitlines(keepends=True)))

    def grades(self) -> dict[str, dict[str, str]]:
        return {row["student"]: row for row in self.table("grades.csv")}

    def files(self) -> dict[str, bytes]:
        return {str(p.relative_to(self.out)): p.read_bytes()
                for p in sorted(self.out.rglob("*")) if p.is_file()}

    def marks(self, rows: list[list[str]]) -> Path:
        path = self.out.parent / "marks.csv"
        with path.open("w", newline="", encoding="utf-8") as file:
            writer = csv.writer(file, lineterminator="\n")
            writer.writerow(["student", "exercise", "question", "points", "comment", "level"])
            writer.writerows(rows)
        return path


@pytest.fixture(scope="module")
def graded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Graded]:
    root = tmp_path_factory.mktemp("written")
    submissions, out = root / "submissions", root / "out"
    submissions.mkdir()
    for student, text in [*ANSWERS.items(), ("cyd", None)]:
        (submissions / f"{student}_{EXERCISE.id}.ipynb").write_bytes(with_written_answer(text))
    stdout = io.StringIO()
    with contextlib.redirect_stdout(stdout):
        assert main([str(submissions), "--out", str(out), *OPTIONS]) == 0
    yield Graded(submissions, out, stdout.getvalue())


def test_written_answers_are_pending_and_copied_verbatim(graded: Graded) -> None:
    written = graded.table("written.csv")
    assert [(r["student"], r["exercise"], r["question"], r["answer"], r["max_points"])
            for r in written] == [(s, EXERCISE.id, WRITTEN.id, text, f"{WRITTEN.max_points:g}")
                                  for s, text in ANSWERS.items()]
    grades = graded.grades()
    auto = f"{EXERCISE.automatic_max_points:g}"
    for student in ANSWERS:
        row = grades[student]
        assert (row["points"], row["points_auto"], row["points_written"],
                row["marking_complete"], row["unmarked"]) == ("", auto, "0", "no", "1"), row
    # Nothing to mark for a student who left `...`: 0 for that question, and the row is final.
    assert (grades["cyd"]["points"], grades["cyd"]["marking_complete"]) == (auto, "yes")
    assert "Written answers still unmarked: 2 (in 2 rows" in graded.stdout
    feedback = (graded.out / "feedback" / "ann.md").read_text()
    assert "still to be marked by your instructor" in feedback and "not marked yet" in feedback


def test_marks_give_final_points_and_feedback_with_comments(graded: Graded,
                                                           capsys: pytest.CaptureFixture[str]
                                                           ) -> None:
    marks = graded.marks([["ann", EXERCISE.id, WRITTEN.id, "3", "A clear plan, well placed.",
                           "strong"],
                          ["bob", EXERCISE.id, WRITTEN.id, "1", "Where would you look?",
                           "partial"]])
    other = graded.out.parent / "out-marked"
    assert main([str(graded.submissions), "--out", str(other), "--marks", str(marks),
                 *OPTIONS]) == 0
    said = capsys.readouterr().out
    assert "Written answers: every one is marked." in said
    rows = {row["student"]: row for row in csv.DictReader(
        (other / "grades.csv").read_text().splitlines())}
    auto = EXERCISE.automatic_max_points
    assert (rows["ann"]["points"], rows["ann"]["points_written"],
            rows["ann"]["marking_complete"]) == (f"{auto + 3:g}", "3", "yes")
    assert rows["bob"]["points"] == f"{auto + 1:g}"
    feedback = (other / "feedback" / "bob.md").read_text()
    assert "📝 1/3 points, marked by your instructor. Comment: Where would you look?" in feedback


@pytest.mark.parametrize(("rows", "said"), [
    ([["ann", EXERCISE.id, WRITTEN.id, "4", "", ""]], "line 2: 4 points for 'ann' is above"),
    ([["ann", EXERCISE.id, WRITTEN.id, "1", "", ""], ["ann", EXERCISE.id, WRITTEN.id, "2", "", ""]],
     "line 3: 'ann', " + f"{EXERCISE.id} {WRITTEN.id} is marked twice (also on line 2)"),
    ([["ann", EXERCISE.id, "q99", "1", "", ""]], f"line 2: exercise {EXERCISE.id} has no question"),
    ([["zed", EXERCISE.id, WRITTEN.id, "1", "", ""]],
     "line 2: no written answer of student 'zed'"),
])
def test_a_bad_marks_file_is_refused_and_nothing_is_written(
        graded: Graded, capsys: pytest.CaptureFixture[str], rows: list[list[str]],
        said: str) -> None:
    before = graded.files()
    code = main([str(graded.submissions), "--out", str(graded.out), "--marks",
                 str(graded.marks(rows)), *OPTIONS])
    error = capsys.readouterr().err
    assert code == 2 and said in error and "nothing was written" in error, error
    assert graded.files() == before


def test_a_marks_file_that_cannot_fit_fails_before_any_kernel_runs(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "submissions").mkdir()
    out = tmp_path / "out"
    code = main([str(tmp_path / "submissions"), "--out", str(out), "--marks",
                 str(tmp_path / "nowhere.csv")])
    assert code == 2 and "does not exist" in capsys.readouterr().err
    assert not out.exists()
