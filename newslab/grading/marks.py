"""Instructors' marks for written answers: read `marks.csv`, check it, merge it into grades.

`marks.csv` (written by the marking notebook, or by hand) has one row per marked answer with
the columns `student, exercise, question, points, comment` (others, such as `level` or `marker`,
are ignored). A blank `points` means "not marked yet". An optional `answer_digest` (written by
the marking tool) ties a mark to the text it marked: when the student's answer has changed
since (a new file handed in), the mark is not used and the answer stays pending, with a note.

Every problem is reported with the line of the file it is on, all at once, and nothing is
merged when there is any: an unknown exercise, question or student, a question that is not
written, a row given twice, points that are not a number, negative or above the rubric's
maximum.
"""

from __future__ import annotations

import csv
import hashlib
from dataclasses import dataclass, replace
from pathlib import Path

from newslab.checks.core import Exercise
from newslab.grading.score import Grade

MARKS_COLUMNS = ("student", "exercise", "question", "points", "comment")
MAX_PROBLEMS_SHOWN = 10


def answer_digest(text: str) -> str:
    """A short fingerprint of a written answer, to tell whether it changed since it was marked."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


class MarksError(ValueError):
    """A marks file that cannot be merged; the message names each faulty line."""


@dataclass(frozen=True)
class Mark:
    """One instructor's mark: points (None: not marked yet) and a comment for the student."""

    student: str
    exercise: str
    question: str
    points: float | None
    comment: str
    line: int
    digest: str = ""

    @property
    def key(self) -> tuple[str, str, str]:
        return self.student, self.exercise, self.question

    def where(self, name: str) -> str:
        return (f"{name} line {self.line} (student {self.student!r}, {self.exercise} "
                f"{self.question})")


def _fail(path: Path, problems: list[str]) -> MarksError:
    shown = problems[:MAX_PROBLEMS_SHOWN]
    more = len(problems) - len(shown)
    tail = f"\n  ... and {more} more" if more else ""
    return MarksError(f"{path} cannot be merged, so nothing was written:\n  "
                      + "\n  ".join(shown) + tail)


def _number(text: str) -> float | None:
    try:
        value = float(text)
    except ValueError:
        return None
    return value if value == value and abs(value) != float("inf") else None


def read_marks(path: Path) -> list[Mark]:
    """The marks in `path`; MarksError for a missing file, missing columns or bad rows."""
    if not path.is_file():
        raise MarksError(f"The marks file {path} does not exist.")
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise MarksError(f"{path} cannot be read as UTF-8 text ({type(error).__name__}).") \
            from error
    reader = csv.DictReader(text.splitlines(keepends=True))
    missing = [column for column in MARKS_COLUMNS if column not in (reader.fieldnames or [])]
    if missing:
        raise MarksError(f"{path} lacks the column(s) {', '.join(missing)}; its header must "
                         f"have {', '.join(MARKS_COLUMNS)}.")
    marks, problems = [], []
    seen: dict[tuple[str, str, str], int] = {}
    for row in reader:
        line = reader.line_num
        fields = {column: (row.get(column) or "").strip() for column in MARKS_COLUMNS}
        if not any(fields.values()):
            continue
        points = None
        if fields["points"]:
            points = _number(fields["points"])
            if points is None:
                problems.append(f"line {line}: points {fields['points']!r} is not a number.")
                continue
            if points < 0:
                problems.append(f"line {line}: points {fields['points']} is negative.")
                continue
        mark = Mark(fields["student"], fields["exercise"], fields["question"], points,
                    (row.get("comment") or "").strip(), line,
                    (row.get("answer_digest") or "").strip())
        if mark.key in seen:
            problems.append(f"line {line}: {mark.student!r}, {mark.exercise} {mark.question} is "
                            f"marked twice (also on line {seen[mark.key]}); keep one row.")
            continue
        seen[mark.key] = line
        marks.append(mark)
    if problems:
        raise _fail(path, problems)
    return marks


def check_against_exercises(marks: list[Mark], known: dict[str, Exercise], path: Path) -> None:
    """Every mark names a written question of a known exercise, within its rubric's maximum."""
    problems = []
    for mark in marks:
        exercise = known.get(mark.exercise)
        if exercise is None:
            problems.append(f"line {mark.line}: unknown exercise {mark.exercise!r}.")
            continue
        question = next((q for q in exercise.questions if q.id == mark.question), None)
        if question is None:
            problems.append(f"line {mark.line}: exercise {mark.exercise} has no question "
                            f"{mark.question!r}.")
        elif not question.written:
            problems.append(f"line {mark.line}: {mark.exercise} {mark.question} is marked by "
                            "its check, not by an instructor.")
        elif mark.points is not None and mark.points > question.max_points:
            problems.append(f"line {mark.line}: {mark.points:g} points for {mark.student!r} is "
                            f"above the rubric's maximum of {question.max_points:g} for "
                            f"{mark.exercise} {mark.question}.")
    if problems:
        raise _fail(path, problems)


def apply_marks(grades: list[Grade], marks: list[Mark], path: Path) -> list[Grade]:
    """The grades with each mark merged into its written answer (new objects; none changed).

    A mark for a student with no such written answer in this grading is an error.
    """
    answers = {(grade.student, grade.exercise_id, question.question): (index, number)
               for index, grade in enumerate(grades)
               for number, question in enumerate(grade.questions) if question.answer is not None}
    problems = [f"line {mark.line}: no written answer of student {mark.student!r} to "
                f"{mark.exercise} {mark.question} in this grading (unknown student, or no "
                "answer handed in)." for mark in marks if mark.key not in answers]
    if problems:
        raise _fail(path, problems)
    merged = [replace(grade, questions=list(grade.questions), notes=list(grade.notes))
              for grade in grades]
    for mark in marks:
        if mark.points is None:
            continue
        index, number = answers[mark.key]
        question = merged[index].questions[number]
        if mark.digest and mark.digest != answer_digest(question.answer or ""):
            merged[index].notes.append(
                f"The written answer to {mark.question} changed after it was marked "
                f"({path.name} line {mark.line}), so that mark was not used: it will be "
                "marked again.")
            merged[index].flagged = True
            continue
        merged[index].questions[number] = replace(question, points=mark.points,
                                                  comment=mark.comment)
    return merged
