"""The pieces every check is made of: results, questions, exercises and the registry.

A check is a pure function: it takes an answer as plain data (see
`newslab.plain`) and returns a `Result`. The same function runs in a student's
notebook, for instant feedback, and in the grader's own process.

Two kinds of question:
- automatic: the check decides the points;
- written: the answer is a text an instructor marks with the question's `Rubric`; its check
  looks at the form only and returns a *pending* result (no points yet).
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from typing import Any

from newslab.plain import is_not_attempted, tag_of


@dataclass(frozen=True)
class Result:
    """Points earned, points possible and the feedback a student reads."""

    points: float
    max_points: float
    feedback: str
    pending: bool = False  # a written answer: an instructor decides the points

    @property
    def passed(self) -> bool:
        return not self.pending and self.points >= self.max_points

    def __str__(self) -> str:
        if self.pending:
            return (f"📝 Written answer, up to {format_points(self.max_points)} points, marked by "
                    f"your instructor. {self.feedback}")
        if self.passed:
            mark = "✅"
        elif self.points > 0:
            mark = "🟡"
        else:
            mark = "❌"
        score = f"{format_points(self.points)}/{format_points(self.max_points)}"
        return f"{mark} {score} points. {self.feedback}"


def format_points(value: float | None) -> str:
    """Points as people write them: 2, 0.5, 1.25 (never 2.0); "" for None (not marked yet).

    The one formatter of the course: feedback, grades.csv, the LMS export, the report and the
    marking tool all write points with it.
    """
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def _points_word(value: float) -> str:
    return f"{format_points(value)} point{'' if value == 1 else 's'}"


Check = Callable[[Any], Result]
# A check that also reads earlier answers: check(answer, {question id: plain answer}).
CheckWithEarlier = Callable[[Any, dict[str, Any]], Result]


@dataclass(frozen=True)
class Level:
    """One level of a rubric: the points it gives, a short name and what earns it."""

    points: float
    name: str
    description: str


@dataclass(frozen=True)
class Rubric:
    """How an instructor marks a written answer: what is judged, and the levels, lowest first."""

    criteria: tuple[str, ...]
    levels: tuple[Level, ...]

    def __post_init__(self) -> None:
        points = [level.points for level in self.levels]
        if len(points) < 2 or points != sorted(set(points)) or points[0] != 0:
            raise ValueError("A rubric needs at least two levels, from 0 points upwards, each "
                             "worth more than the one before.")

    @property
    def max_points(self) -> float:
        return self.levels[-1].points

    def level_for(self, points: float) -> Level | None:
        """The level worth exactly `points`, or None (a mark between levels)."""
        return next((level for level in self.levels if level.points == points), None)

    def as_text(self) -> str:
        """The rubric as students and instructors read it (plain text, also valid Markdown)."""
        lines = ["Rubric (marked by your instructor):", "What is judged:"]
        lines += [f"- {criterion}" for criterion in self.criteria]
        lines.append("Levels:")
        lines += [f"- {_points_word(level.points)}, {level.name}: {level.description}"
                  for level in reversed(self.levels)]
        return "\n".join(lines)


@dataclass(frozen=True)
class Question:
    """One question of an exercise: its id, the answer variable and its check.

    A question with a `rubric` is written: its points come from an instructor's mark, and its
    check gives feedback on the form only. `why` is a short note shown after a right answer.
    `needs` names earlier questions whose answers the check also reads (the final assignment
    compares each table with the student's own text): such a check is called as
    `check(answer, {question id: plain answer})`.
    """

    id: str
    variable: str
    check: Check | CheckWithEarlier
    max_points: float = 1.0
    rubric: Rubric | None = None
    why: str = ""
    needs: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.rubric is not None and self.rubric.max_points != self.max_points:
            raise ValueError(f"Question {self.id}: max_points ({self.max_points}) must be the "
                             f"rubric's top level ({self.rubric.max_points}).")

    @property
    def written(self) -> bool:
        """True for a written question, marked by an instructor."""
        return self.rubric is not None


@dataclass(frozen=True)
class Exercise:
    """An exercise notebook's questions, in order."""

    id: str
    title: str
    questions: tuple[Question, ...]

    def __post_init__(self) -> None:
        before: set[str] = set()
        for question in self.questions:
            later = [needed for needed in question.needs if needed not in before]
            if later:
                raise ValueError(f"Exercise {self.id}, {question.id} needs {later}: a check can "
                                 "only read the answers of questions before it.")
            before.add(question.id)

    def question(self, question_id: str) -> Question:
        for question in self.questions:
            if question.id == question_id:
                return question
        raise KeyError(f"Exercise {self.id} has no question {question_id!r}.")

    @property
    def max_points(self) -> float:
        return sum(question.max_points for question in self.questions)

    @property
    def automatic_max_points(self) -> float:
        """The points the checks decide (everything but the written questions)."""
        return sum(question.max_points for question in self.questions if not question.written)


def with_why_notes(exercise: Exercise, notes: dict[str, str]) -> Exercise:
    """The exercise with a short "Why" note on each question named in `notes`."""
    unknown = set(notes) - {question.id for question in exercise.questions}
    if unknown:
        raise ValueError(f"Why notes for unknown questions of {exercise.id}: {sorted(unknown)}")
    questions = tuple(replace(q, why=notes.get(q.id, q.why)) for q in exercise.questions)
    return replace(exercise, questions=questions)


REGISTRY: dict[str, Exercise] = {}


def register(exercise: Exercise) -> Exercise:
    """Add an exercise to the registry (ids must be unique)."""
    if exercise.id in REGISTRY and REGISTRY[exercise.id] is not exercise:
        raise ValueError(f"Exercise {exercise.id!r} is registered twice.")
    REGISTRY[exercise.id] = exercise
    return exercise


# What to do with the kinds of answer the checks cannot read, by type name.
UNSUPPORTED_FIXES = {
    "DatetimeIndex": ("Turn the dates into a list of text like \"2020-01-30\" with "
                      ".strftime(\"%Y-%m-%d\").tolist()."),
    "Index": "Turn it into a list with .tolist().",
    "RangeIndex": "Turn it into a list with .tolist().",
    "ndarray": "Turn the array into a list with .tolist().",
}


def not_attempted(max_points: float = 1.0) -> Result:
    message = "Not attempted yet: replace the ... with your answer and run the cell."
    return Result(0, max_points, message)


def run_check(question: Question, plain_answer: Any,
              earlier: Mapping[str, Any] | None = None) -> Result:
    """Run one check on a plain answer; a check that crashes never crashes the caller.

    `earlier` holds the plain answers of the questions the check `needs` (missing ones are
    passed as None)."""
    if is_not_attempted(plain_answer):
        return not_attempted(question.max_points)
    if tag_of(plain_answer) == "unsupported":
        kind = plain_answer.get("type", "object")
        fix = UNSUPPORTED_FIXES.get(kind, "Use a number, a string, a list or a pandas table.")
        article = "an" if str(kind)[:1].lower() in "aeiou" else "a"
        message = f"Your answer is {article} {kind}, which this check cannot read. {fix}"
        return Result(0, question.max_points, message)
    if question.written and not (isinstance(plain_answer, str) and plain_answer.strip()):
        return _no_written_answer(question, plain_answer)
    try:
        if question.needs:
            given = {needed: (earlier or {}).get(needed) for needed in question.needs}
            result = question.check(plain_answer, given)  # type: ignore[call-arg]
        else:
            result = question.check(plain_answer)  # type: ignore[call-arg]
    except Exception as error:  # a bug in a check must not look like the student's fault
        return Result(0, question.max_points,
                      f"The check itself failed ({type(error).__name__}); tell your instructor.")
    if question.written:  # only an instructor gives points to a written answer
        return Result(0, question.max_points, result.feedback, pending=True)
    points = max(0.0, min(float(result.points), float(question.max_points)))
    feedback = result.feedback
    if points >= question.max_points and question.why:
        feedback = f"{feedback} Why: {question.why}"
    return Result(points, question.max_points, feedback)


def _no_written_answer(question: Question, plain_answer: Any) -> Result:
    """0 points, final: there is no text for an instructor to mark."""
    if isinstance(plain_answer, str):
        message = "Your answer is empty: write your text between the quotes."
    else:
        message = ("This question wants text: write your answer between triple quotes, "
                   f'{question.variable} = """...""".')
    return Result(0, question.max_points, message)
