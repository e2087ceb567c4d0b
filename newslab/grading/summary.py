"""What the instructor sees on the terminal: a progress bar while grading, a summary after."""

from __future__ import annotations

import sys
from collections import Counter, defaultdict
from typing import TextIO

from newslab.checks.core import format_points
from newslab.grading.score import Grade
from newslab.grading.status import Status


class Progress:
    """A one-line progress bar on stderr (a line every 10% when stderr is not a terminal)."""

    def __init__(self, total: int, stream: TextIO | None = None, width: int = 30) -> None:
        self.total, self.done, self.width = total, 0, width
        self.stream = stream or sys.stderr
        self.live = self.stream.isatty()
        self._last_tenth = -1

    def advance(self, label: str = "") -> None:
        self.done += 1
        if self.total <= 0:
            return
        filled = self.width * self.done // self.total
        bar = "#" * filled + "." * (self.width - filled)
        line = f"grading [{bar}] {self.done}/{self.total}"
        if self.live:
            self.stream.write(f"\r{line} {label[:30]:<30}")
            if self.done == self.total:
                self.stream.write("\n")
        elif self.done * 10 // self.total > self._last_tenth:
            self._last_tenth = self.done * 10 // self.total
            self.stream.write(line + "\n")
        self.stream.flush()


def summary(grades: list[Grade], seconds: float | None = None) -> str:
    """Submissions graded, per-question class means, and the rows that need an instructor."""
    counts = Counter(grade.status for grade in grades)
    students = len({grade.student for grade in grades})
    took = f" in {seconds:.1f} s" if seconds is not None else ""
    lines = [f"{len(grades)} rows for {students} students{took}: "
             + ", ".join(f"{count} {status}" for status, count in sorted(counts.items()))]
    by_exercise: dict[str, list[Grade]] = defaultdict(list)
    for grade in grades:
        if grade.exercise is not None:
            by_exercise[grade.exercise.id].append(grade)
    for exercise_id, group in sorted(by_exercise.items()):
        exercise = group[0].exercise
        assert exercise is not None
        mean = sum(grade.points or 0 for grade in group) / len(group)
        so_far = " so far (written answers unmarked)" if any(g.unmarked for g in group) else ""
        lines.append(f"\n{exercise_id}: {len(group)} students, mean "
                     f"{mean:.2f}/{format_points(exercise.max_points)}{so_far}")
        for question in exercise.questions:
            answers = [q for grade in group for q in grade.questions if q.question == question.id]
            scores = [q.points for q in answers if q.points is not None]
            average = sum(scores) / len(scores) if scores else 0
            full = sum(1 for value in scores if value >= question.max_points)
            waiting = len(answers) - len(scores)
            lines.append(f"  {question.id:<6} mean "
                         f"{average:.2f}/{format_points(question.max_points)}"
                         f"  full marks {full}/{len(scores)}"
                         + (f"  ({waiting} written answers unmarked)" if waiting else ""))
    unmarked = sum(grade.unmarked for grade in grades)
    if unmarked:
        rows = sum(1 for grade in grades if grade.unmarked)
        lines.append(f"\nWritten answers still unmarked: {unmarked} (in {rows} rows, exported "
                     "without final points). Mark them in instructors/mark_written_answers.ipynb,"
                     " then grade again with --marks marks.csv.")
    elif any(q.answer is not None for grade in grades for q in grade.questions):
        lines.append("\nWritten answers: every one is marked.")
    flagged = [grade for grade in grades if grade.needs_a_look]
    if flagged:
        lines.append(f"\nNeeds an instructor's eye ({len(flagged)}):")
        for grade in flagged:
            note = grade.notes[-1] if grade.status == Status.DUPLICATE else (
                grade.notes[0] if grade.notes else "")
            lines.append(f"  {grade.student} · {grade.file} · {grade.status}"
                         + (f": {note}" if note else ""))
    return "\n".join(lines)
