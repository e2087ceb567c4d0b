"""Write grades.csv, questions.csv, written.csv and one feedback file per student.

Every file is written to a temporary name in the same folder, then moved into place with
`os.replace`, so a reader never sees half a file. Rows are sorted and nothing depends on time or
on temporary paths: grading the same folder twice gives byte-identical files. Files are created
readable by their owner only (a grade book is private).
"""

from __future__ import annotations

import csv
import io
import os
import tempfile
from collections import defaultdict
from pathlib import Path

from newslab.checks.core import format_points
from newslab.grading.discover import safe_file_name
from newslab.grading.score import Grade

GRADES_COLUMNS = ["student", "exercise", "points", "max_points", "status", "file", "note",
                  "points_auto", "points_written", "marking_complete", "unmarked"]
QUESTIONS_COLUMNS = ["student", "exercise", "question", "points", "max_points", "feedback"]
WRITTEN_COLUMNS = ["student", "exercise", "question", "answer", "max_points"]


def write_atomically(path: Path, text: str) -> None:
    """Write `text` (UTF-8) to `path` so the file is either the old one or the whole new one."""
    write_bytes_atomically(path, text.encode("utf-8"))


def write_bytes_atomically(path: Path, data: bytes) -> None:
    """Write `data` to `path` so the file is either the old one or the whole new one."""
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _csv(columns: list[str], rows: list[list[str]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    writer.writerows(rows)
    return buffer.getvalue()


def _complete(grade: Grade) -> str:
    if grade.exercise is None:
        return ""
    return "yes" if grade.complete else "no"


def grades_csv(grades: list[Grade]) -> str:
    """One row per file; `points` stays empty until every written answer is marked."""
    rows = [[grade.student, grade.exercise_id, format_points(grade.final_points),
             format_points(grade.max_points), grade.status, grade.file, " ".join(grade.notes),
             format_points(grade.points_auto), format_points(grade.points_written),
             _complete(grade),
             str(grade.unmarked) if grade.exercise else ""] for grade in grades]
    return _csv(GRADES_COLUMNS, rows)


def questions_csv(grades: list[Grade]) -> str:
    rows = [[grade.student, grade.exercise_id, question.question, format_points(question.points),
             format_points(question.max_points),
             question.comment if question.marked else question.feedback]
            for grade in grades for question in grade.questions]
    return _csv(QUESTIONS_COLUMNS, rows)


def written_csv(grades: list[Grade]) -> str:
    """Every written answer to mark, verbatim: the marking notebook's input."""
    rows = [[grade.student, grade.exercise_id, question.question, question.answer,
             format_points(question.max_points)]
            for grade in grades for question in grade.questions if question.answer is not None]
    return _csv(WRITTEN_COLUMNS, rows)


def feedback_markdown(student: str, grades: list[Grade]) -> str:
    """What one student gets back: each exercise, its score, and feedback question by question."""
    lines = [f"# Feedback for {student}", ""]
    for grade in grades:
        if grade.exercise is None:
            lines += [f"## `{grade.file}`", "", f"Not graded ({grade.status}).", ""]
            lines += [f"- {note}" for note in grade.notes]
            lines += ["", "Hand in the exercise notebook itself (in JupyterLab: File > Download), "
                      "unchanged apart from your answers.", ""]
            continue
        points = f"{format_points(grade.points)}/{format_points(grade.max_points)}"
        if grade.complete:
            score = f"**Score: {points}**"
        else:
            score = (f"**Score so far: {points}**, "
                     f"{grade.unmarked} written answer(s) still to be marked by your instructor,")
        lines += [f"## {grade.exercise.title} (`{grade.exercise.id}`)", "",
                  f"{score} ({grade.status}) · file `{grade.file}`", ""]
        for question in grade.questions:
            lines.append(f"- **{question.question}** {question.text}")
        if grade.notes:
            lines += ["", "Notes:", ""]
            lines += [f"- {note}" for note in grade.notes]
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


def write_outputs(out: Path, grades: list[Grade]) -> list[Path]:
    """Write every output file; feedback files of students no longer present are removed."""
    feedback_dir = out / "feedback"
    feedback_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    written = [out / "grades.csv", out / "questions.csv", out / "written.csv"]
    write_atomically(written[0], grades_csv(grades))
    write_atomically(written[1], questions_csv(grades))
    write_atomically(written[2], written_csv(grades))
    by_student: dict[str, list[Grade]] = defaultdict(list)
    for grade in grades:
        by_student[safe_file_name(grade.student)].append(grade)
    for name, student_grades in sorted(by_student.items()):
        path = feedback_dir / f"{name}.md"
        write_atomically(path, feedback_markdown(student_grades[0].student, student_grades))
        written.append(path)
    for stale in sorted(feedback_dir.glob("*.md")):
        if stale not in written:
            stale.unlink()
    return written
