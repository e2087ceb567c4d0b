"""The pieces every check is made of: results, questions, exercises and the registry.

A check is a pure function: it takes an answer as plain data (see
`newslab.plain`) and returns a `Result`. The same function runs in a student's
notebook, for instant feedback, and in the grader's own process.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from newslab.plain import is_not_attempted, tag_of


@dataclass(frozen=True)
class Result:
    """Points earned, points possible and the feedback a student reads."""

    points: float
    max_points: float
    feedback: str

    @property
    def passed(self) -> bool:
        return self.points >= self.max_points

    def __str__(self) -> str:
        if self.passed:
            mark = "✅"
        elif self.points > 0:
            mark = "🟡"
        else:
            mark = "❌"
        return f"{mark} {_points(self.points)}/{_points(self.max_points)} points. {self.feedback}"


def _points(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


Check = Callable[[Any], Result]


@dataclass(frozen=True)
class Question:
    """One question of an exercise: its id, the answer variable and its check."""

    id: str
    variable: str
    check: Check
    max_points: float = 1.0


@dataclass(frozen=True)
class Exercise:
    """An exercise notebook's questions, in order."""

    id: str
    title: str
    questions: tuple[Question, ...]

    def question(self, question_id: str) -> Question:
        for question in self.questions:
            if question.id == question_id:
                return question
        raise KeyError(f"Exercise {self.id} has no question {question_id!r}.")

    @property
    def max_points(self) -> float:
        return sum(question.max_points for question in self.questions)


REGISTRY: dict[str, Exercise] = {}


def register(exercise: Exercise) -> Exercise:
    """Add an exercise to the registry (ids must be unique)."""
    if exercise.id in REGISTRY and REGISTRY[exercise.id] is not exercise:
        raise ValueError(f"Exercise {exercise.id!r} is registered twice.")
    REGISTRY[exercise.id] = exercise
    return exercise


def not_attempted(max_points: float = 1.0) -> Result:
    message = "Not attempted yet: replace the ... with your answer and run the cell."
    return Result(0, max_points, message)


def run_check(question: Question, plain_answer: Any) -> Result:
    """Run one check on a plain answer; a check that crashes never crashes the caller."""
    if is_not_attempted(plain_answer):
        return not_attempted(question.max_points)
    if tag_of(plain_answer) == "unsupported":
        kind = plain_answer.get("type", "object")
        message = (f"Your answer is a {kind}, which this check cannot read. "
                   "Use a number, a string, a list or a pandas table.")
        return Result(0, question.max_points, message)
    try:
        result = question.check(plain_answer)
    except Exception as error:  # a bug in a check must not look like the student's fault
        return Result(0, question.max_points,
                      f"The check itself failed ({type(error).__name__}); tell your instructor.")
    points = max(0.0, min(float(result.points), float(question.max_points)))
    return Result(points, question.max_points, result.feedback)
