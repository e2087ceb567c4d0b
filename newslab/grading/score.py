"""Turn the plain answers from a kernel into points, with the registry's checks, in the grader.

Also decides what a student's row says when they handed in two files for one exercise: both
are graded, the better one counts, and the row's status is "duplicate" so the instructor looks.

A written answer's points are pending (None), not zero, until an instructor's mark is merged
(`newslab.grading.marks`); a row with a pending answer is not complete.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field, replace
from typing import Any

from newslab.checks.core import Exercise, Question, Result, format_points, run_check
from newslab.grading.capture import MISSING, UNREADABLE
from newslab.grading.execute import Execution
from newslab.grading.status import Status
from newslab.plain import tag_of


@dataclass(frozen=True)
class QuestionGrade:
    """One question's points and the feedback the student reads.

    For a written answer, `answer` holds its text, `points` is None until an instructor's mark
    is merged, and `comment` is the instructor's comment.
    """

    question: str
    points: float | None
    max_points: float
    feedback: str
    answer: str | None = None
    comment: str = ""

    @property
    def pending(self) -> bool:
        """A written answer that no instructor has marked yet."""
        return self.points is None

    @property
    def marked(self) -> bool:
        """A written answer with an instructor's mark."""
        return self.answer is not None and self.points is not None

    @property
    def text(self) -> str:
        if self.points is None:
            return str(Result(0, self.max_points, self.feedback, pending=True)).replace(
                "📝 Written answer,", "📝 Written answer, not marked yet:", 1)
        if self.marked:
            comment = f" Comment: {self.comment}" if self.comment else ""
            score = f"{format_points(self.points)}/{format_points(self.max_points)}"
            return f"📝 {score} points, marked by your instructor.{comment}"
        return str(Result(self.points, self.max_points, self.feedback))


@dataclass
class Grade:
    """One submitted file's outcome: a row of grades.csv and its questions."""

    student: str
    file: str
    status: Status
    exercise: Exercise | None = None
    questions: list[QuestionGrade] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    flagged: bool = False

    @property
    def exercise_id(self) -> str:
        return self.exercise.id if self.exercise else ""

    @property
    def points(self) -> float | None:
        """Points so far: automatic points plus the written answers marked (None: not graded)."""
        if self.exercise is None:
            return None
        return sum(question.points or 0 for question in self.questions)

    @property
    def points_auto(self) -> float | None:
        """Points the checks gave (written questions left out)."""
        if self.exercise is None:
            return None
        written = {q.id for q in self.exercise.questions if q.written}
        return sum(q.points or 0 for q in self.questions if q.question not in written)

    @property
    def points_written(self) -> float | None:
        """Points of the written questions marked so far."""
        if self.exercise is None:
            return None
        written = {q.id for q in self.exercise.questions if q.written}
        return sum(q.points or 0 for q in self.questions if q.question in written)

    @property
    def unmarked(self) -> int:
        """Written answers waiting for an instructor's mark."""
        return sum(1 for question in self.questions if question.pending)

    @property
    def complete(self) -> bool:
        """True when every point is known: no written answer waits for a mark."""
        return self.exercise is not None and self.unmarked == 0

    @property
    def final_points(self) -> float | None:
        """The grade to export: the points once marking is complete, else None."""
        return self.points if self.complete else None

    @property
    def max_points(self) -> float | None:
        return self.exercise.max_points if self.exercise else None

    @property
    def needs_a_look(self) -> bool:
        """Anything other than a plain, clean grading."""
        return self.status != Status.GRADED or self.flagged


def grade_question(question: Question, answers: dict[str, Any], stopped: bool) -> QuestionGrade:
    """Check one plain answer; explain the cases where there is no answer to check."""
    if question.id not in answers:
        if stopped:
            feedback = "Not graded: your notebook stopped before this answer could be read."
        else:
            feedback = ("Your answer could not be read back from your notebook; tell your "
                        "instructor.")
        return QuestionGrade(question.id, 0, question.max_points, feedback)
    value = answers[question.id]
    if value == MISSING:
        feedback = (f"No answer: `{question.variable}` was not defined when your answer cell "
                    "had run. Keep the variable's name and make the cell run without errors.")
        return QuestionGrade(question.id, 0, question.max_points, feedback)
    if value == UNREADABLE:
        return QuestionGrade(question.id, 0, question.max_points,
                             "Your answer could not be read back from your notebook.")
    if tag_of(value) == "unsupported" and value.get("type") == "answer too large":
        return QuestionGrade(question.id, 0, question.max_points,
                             "Your answer is far too large to be the expected one.")
    earlier = {needed: answers.get(needed) for needed in question.needs}
    result = run_check(question, value, earlier)
    if result.pending:
        return QuestionGrade(question.id, None, result.max_points, result.feedback,
                             answer=str(value))
    return QuestionGrade(question.id, result.points, result.max_points, result.feedback)


PASTE_NOTE = ("Your notebook reads a file that was not handed in with it: the grader has your "
              "notebook and the course's data only. Paste the text into its answer cell "
              "instead, between triple quotes (article_text = \"\"\"...\"\"\"), so that "
              "the notebook carries it.")


def outside_file_notes(errors: list[str]) -> list[str]:
    """A note telling the student to paste the text in, when a cell could not find a file."""
    if any(" raised FileNotFoundError" in error for error in errors):
        return [PASTE_NOTE]
    return []


def score(exercise: Exercise, execution: Execution) -> list[QuestionGrade]:
    """Every question of the exercise, in order, graded in this process."""
    stopped = execution.status != Status.GRADED
    return [grade_question(question, execution.answers, stopped)
            for question in exercise.questions]


def resolve_duplicates(grades: list[Grade]) -> list[Grade]:
    """One row per student and exercise: of several files, the best graded one counts."""
    groups: dict[tuple[str, str], list[Grade]] = defaultdict(list)
    others = []
    for grade in grades:
        if grade.exercise is None:
            others.append(grade)
        else:
            groups[(grade.student, grade.exercise_id)].append(grade)
    kept = list(others)
    for group in groups.values():
        if len(group) == 1:
            kept.append(group[0])
            continue
        ranked = sorted(group, key=lambda grade: (-(grade.points or 0), grade.file))
        best = ranked[0]
        listing = "; ".join(f"`{grade.file}` ({format_points(grade.points)}/"
                            f"{format_points(grade.max_points)}, {grade.status})"
                            for grade in group)
        note = (f"{len(group)} files were handed in for this exercise: {listing}. The best one "
                "counts here; check with the student which one they meant.")
        kept.append(replace(best, status=Status.DUPLICATE, notes=[*best.notes, note], flagged=True))
    return sorted(kept, key=lambda grade: (grade.student, grade.exercise_id, grade.file))


