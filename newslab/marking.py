"""The instructors' marking tool: one written question at a time, across all students.

Two layers, like the labelling tool (`newslab.labeller`), so the logic is tested without a browser:

- `MarkingSession` holds the answers of `written.csv` (made by `newslab grade`) and the marks,
  and saves `marks.csv` atomically after every change; opened again, it resumes at the first
  unmarked answer. Answers are blind by default: "Answer 3 of 12", in an order that does not
  follow the students' names.
- `MarkingTool` draws a session with ipywidgets: the answer with the question's rubric beside
  it, one button per rubric level, a comment box, Back and Next, and the progress.

`merge_marks` merges a second instructor's marks file and lists where the two disagree.
`marks.csv` is what `python -m newslab grade ... --marks marks.csv` reads.
"""

from __future__ import annotations

import csv
import hashlib
import html
import io
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import pandas as pd

from newslab.checks import get_exercise
from newslab.checks.core import Rubric, format_points
from newslab.grading.marks import answer_digest
from newslab.grading.output import write_atomically

CSS_CLASS = "newslab-marking"
WRITTEN_COLUMNS = ("student", "exercise", "question", "answer", "max_points")
MARK_COLUMNS = ("student", "exercise", "question", "points", "comment", "level", "marker",
                "answer_digest")
DISAGREEMENT_COLUMNS = ["student", "exercise", "question", "points_mine", "points_theirs",
                        "comment_mine", "comment_theirs"]
Key = tuple[str, str, str]


class MarkingError(ValueError):
    """A file the marking tool cannot use; the message says which and why."""


@dataclass(frozen=True)
class Answer:
    """One written answer to mark, as `written.csv` gives it."""

    student: str
    exercise: str
    question: str
    text: str
    max_points: float

    @property
    def key(self) -> Key:
        return self.student, self.exercise, self.question


@dataclass(frozen=True)
class Mark:
    """An instructor's mark of one answer: points (None: only a comment so far) and comment."""

    points: float | None = None
    comment: str = ""
    level: str = ""
    marker: str = ""
    digest: str = ""  # the answer_digest of the text that was marked


def _read_csv(path: Path, required: tuple[str, ...], what: str) -> list[dict[str, str]]:
    if not path.is_file():
        raise MarkingError(f"There is no {what} at {path}. " + (
            "Grade the class first: python -m newslab grade SUBMISSIONS --out OUTDIR writes "
            "OUTDIR/written.csv." if what == "written.csv" else ""))
    reader = csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig")))
    missing = [column for column in required if column not in (reader.fieldnames or [])]
    if missing:
        raise MarkingError(f"{path} is not a {what}: it lacks the column(s) "
                           f"{', '.join(missing)}.")
    return list(reader)


def read_answers(path: Path) -> list[Answer]:
    """The answers of a `written.csv`."""
    answers = []
    for row in _read_csv(path, WRITTEN_COLUMNS, "written.csv"):
        try:
            max_points = float(row["max_points"])
        except ValueError as error:
            raise MarkingError(f"{path}: max_points {row['max_points']!r} of "
                               f"{row['student']!r} is not a number.") from error
        answers.append(Answer(row["student"], row["exercise"], row["question"], row["answer"],
                              max_points))
    return answers


def read_mark_file(path: Path) -> dict[Key, Mark]:
    """The marks of a marks file (an absent file has none). Blank points: comment only."""
    if not path.exists():
        return {}
    marks = {}
    for row in _read_csv(path, ("student", "exercise", "question", "points", "comment"),
                         "marks file"):
        text = (row.get("points") or "").strip()
        try:
            points = float(text) if text else None
        except ValueError as error:
            raise MarkingError(f"{path}: points {text!r} of {row['student']!r} is not a "
                               "number.") from error
        key = (row["student"], row["exercise"], row["question"])
        marks[key] = Mark(points, row.get("comment") or "", row.get("level") or "",
                          row.get("marker") or "", row.get("answer_digest") or "")
    return marks


def marks_csv(marks: dict[Key, Mark]) -> str:
    """The text of a marks file, rows sorted, only marks with points or a comment."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(MARK_COLUMNS)
    for key in sorted(marks):
        mark = marks[key]
        if mark.points is None and not mark.comment:
            continue
        writer.writerow([*key, format_points(mark.points), mark.comment, mark.level, mark.marker,
                         mark.digest])
    return buffer.getvalue()


def rubric_for(exercise: str, question: str) -> Rubric:
    """The rubric of a written question, from the course's checks."""
    try:
        rubric = get_exercise(exercise).question(question).rubric
    except KeyError as error:
        raise MarkingError(f"written.csv names {exercise} {question}, which this course does "
                           "not have: was it graded with another version?") from error
    if rubric is None:
        raise MarkingError(f"{exercise} {question} is not a written question.")
    return rubric


def _blind_order(answer: Answer) -> tuple[str, str, str]:
    """Question by question; within a question, an order unrelated to the students' names."""
    shuffle = hashlib.sha256(f"{answer.key}".encode()).hexdigest()
    return answer.exercise, answer.question, shuffle


class MarkingSession:
    """The answers to mark, the marks so far, and where the marker is."""

    def __init__(self, answers: list[Answer], marks_path: Path, marker: str = "") -> None:
        if not answers:
            raise MarkingError("written.csv holds no written answers to mark.")
        self.answers = sorted(answers, key=_blind_order)
        self.marks_path = Path(marks_path)
        self.marker = marker
        self.rubrics = {(a.exercise, a.question): rubric_for(a.exercise, a.question)
                        for a in self.answers}
        self.marks = read_mark_file(self.marks_path)  # rows of other answers are kept as they are
        self.index = next((i for i, a in enumerate(self.answers) if not self.is_marked(a)), 0)

    @property
    def current(self) -> Answer:
        return self.answers[self.index]

    @property
    def rubric(self) -> Rubric:
        return self.rubrics[(self.current.exercise, self.current.question)]

    @property
    def current_mark(self) -> Mark:
        return self.marks.get(self.current.key, Mark())

    def is_marked(self, answer: Answer) -> bool:
        """Marked, and the mark is for this text (not for an earlier version of the answer)."""
        mark = self.marks.get(answer.key, Mark())
        return mark.points is not None and mark.digest in ("", answer_digest(answer.text))

    @property
    def questions(self) -> list[tuple[str, str]]:
        """(exercise, question) of every written question, in marking order."""
        return list(dict.fromkeys((a.exercise, a.question) for a in self.answers))

    def _of_question(self) -> list[int]:
        here = (self.current.exercise, self.current.question)
        return [i for i, a in enumerate(self.answers) if (a.exercise, a.question) == here]

    def label(self, blind: bool = True) -> str:
        """Who wrote the current answer, or only its place when marking blind."""
        indexes = self._of_question()
        place = f"Answer {indexes.index(self.index) + 1} of {len(indexes)}"
        return place if blind else f"{place}: {self.current.student}"

    def progress(self) -> str:
        marked = sum(1 for answer in self.answers if self.is_marked(answer))
        indexes = self._of_question()
        here = sum(1 for i in indexes if self.is_marked(self.answers[i]))
        return (f"{self.current.exercise} {self.current.question}: {here} of {len(indexes)} "
                f"marked · all questions: {marked} of {len(self.answers)} marked")

    @property
    def marked_count(self) -> int:
        return sum(1 for answer in self.answers if self.is_marked(answer))

    def save(self) -> None:
        """Write marks.csv atomically (a reader sees the old file or the whole new one)."""
        self.marks_path.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(self.marks_path, marks_csv(self.marks))

    def mark(self, points: float) -> None:
        """Give the current answer a rubric level's points, and save."""
        level = self.rubric.level_for(points)
        if level is None:
            raise ValueError(f"{points:g} is not a level of this rubric.")
        self.marks[self.current.key] = replace(self.current_mark, points=float(points),
                                               level=level.name, marker=self.marker,
                                               digest=answer_digest(self.current.text))
        self.save()

    def comment(self, text: str) -> None:
        """Set the comment the student will read with the current answer's mark, and save."""
        if text == self.current_mark.comment:
            return
        self.marks[self.current.key] = replace(self.current_mark, comment=text,
                                               marker=self.current_mark.marker or self.marker)
        self.save()

    def next(self) -> None:
        self.index = min(self.index + 1, len(self.answers) - 1)

    def back(self) -> None:
        self.index = max(self.index - 1, 0)

    def go_to_question(self, exercise: str, question: str) -> None:
        """Jump to the first unmarked answer of a question (its first answer when all are)."""
        indexes = [i for i, a in enumerate(self.answers) if (a.exercise, a.question) ==
                   (exercise, question)]
        if not indexes:
            raise KeyError(f"No answers to {exercise} {question}.")
        self.index = next((i for i in indexes if not self.is_marked(self.answers[i])),
                          indexes[0])

    def merge(self, other_path: Path) -> pd.DataFrame:
        """Take a second instructor's marks where this file has none; save; list disagreements."""
        merged, disagreements = merge_marks(self.marks, read_mark_file(Path(other_path)))
        self.marks = merged
        self.save()
        return disagreements


def merge_marks(mine: dict[Key, Mark], theirs: dict[Key, Mark]
                ) -> tuple[dict[Key, Mark], pd.DataFrame]:
    """Marks of both files (mine win where both marked) and a table of the disagreements."""
    merged = dict(mine)
    rows = []
    for key, their in sorted(theirs.items()):
        own = mine.get(key)
        if own is None or own.points is None:
            merged[key] = replace(their, comment=their.comment or (own.comment if own else ""))
        elif their.points is not None and their.points != own.points:
            rows.append([*key, own.points, their.points, own.comment, their.comment])
    return merged, pd.DataFrame(rows, columns=DISAGREEMENT_COLUMNS)


def _answer_html(text: str) -> str:
    return ("<blockquote style='white-space: pre-wrap; margin: 0'>"
            f"{html.escape(text)}</blockquote>")


def _rubric_html(rubric: Rubric) -> str:
    criteria = "".join(f"<li>{html.escape(c)}</li>" for c in rubric.criteria)
    levels = "".join(f"<li><b>{format_points(level.points)} · {html.escape(level.name)}</b>: "
                     f"{html.escape(level.description)}</li>" for level in reversed(rubric.levels))
    return f"<p><b>Rubric</b></p><ul>{criteria}</ul><ul>{levels}</ul>"


class MarkingTool:
    """The widgets for one `MarkingSession`."""

    def __init__(self, session: MarkingSession, blind: bool = True) -> None:
        import ipywidgets as widgets

        self.session = session
        self._syncing = False
        self.question_picker = widgets.Dropdown(
            options=[(f"{ex} {q}", (ex, q)) for ex, q in session.questions],
            description="Question", style={"description_width": "initial"})
        self.show_names = widgets.Checkbox(value=not blind, description="Show student names",
                                           indent=False)
        self.heading = widgets.HTML()
        self.answer = widgets.HTML(layout=widgets.Layout(width="55%"))
        self.rubric = widgets.HTML(layout=widgets.Layout(width="45%"))
        self.levels = widgets.HBox()
        self.comment = widgets.Textarea(placeholder="Comment for the student (saved with the mark)",
                                        description="Comment", continuous_update=False,
                                        layout=widgets.Layout(width="95%", height="5em"))
        self.back_button = widgets.Button(description="Back", icon="arrow-left",
                                          tooltip="The previous answer")
        self.next_button = widgets.Button(description="Next", icon="arrow-right",
                                          tooltip="The next answer")
        self.bar = widgets.IntProgress(min=0, max=len(session.answers))
        self.progress = widgets.HTML()
        self.saved = widgets.HTML()
        self.question_picker.observe(self._on_pick, names="value")
        self.show_names.observe(lambda change: self.refresh(), names="value")
        self.comment.observe(self._on_comment, names="value")
        self.back_button.on_click(self._on_back)
        self.next_button.on_click(self._on_next)
        self.box = widgets.VBox([
            widgets.HBox([self.question_picker, self.show_names]), self.heading,
            widgets.HBox([self.answer, self.rubric]), self.levels, self.comment,
            widgets.HBox([self.back_button, self.next_button, self.bar, self.progress]),
            self.saved])
        self.box.add_class(CSS_CLASS)  # a stable hook for the browser test
        self.refresh()

    def _level_buttons(self) -> list[Any]:
        import ipywidgets as widgets

        buttons = []
        chosen = self.session.current_mark.points
        for level in self.session.rubric.levels:
            button = widgets.Button(description=f"{format_points(level.points)} · {level.name}",
                                    tooltip=level.description,
                                    button_style="success" if chosen == level.points else "")
            button.on_click(lambda _button, points=level.points: self._on_level(points))
            buttons.append(button)
        return buttons

    def _on_level(self, points: float) -> None:
        self.session.mark(points)
        self.refresh()

    def _on_comment(self, change: dict[str, Any]) -> None:
        if not self._syncing:
            self.session.comment(change["new"])
            self._show_saved()

    def _on_pick(self, change: dict[str, Any]) -> None:
        if not self._syncing and change["new"]:
            self.session.go_to_question(*change["new"])
            self.refresh()

    def _on_back(self, _button: Any = None) -> None:
        self.session.back()
        self.refresh()

    def _on_next(self, _button: Any = None) -> None:
        self.session.next()
        self.refresh()

    def _show_saved(self) -> None:
        self.saved.value = (f"<small>Saved to {html.escape(str(self.session.marks_path))}: "
                            f"{self.session.marked_count} marks.</small>")

    def refresh(self) -> None:
        """Show the current answer, its rubric, its mark and comment, and the progress."""
        session = self.session
        for old in self.levels.children:
            old.close()
        self.levels.children = self._level_buttons()
        self._syncing = True
        try:
            self.question_picker.value = (session.current.exercise, session.current.question)
            self.comment.value = session.current_mark.comment
        finally:
            self._syncing = False
        self.heading.value = (f"<h3>{html.escape(session.current.exercise)} "
                              f"{html.escape(session.current.question)} · "
                              f"{html.escape(session.label(blind=not self.show_names.value))}</h3>")
        self.answer.value = _answer_html(session.current.text)
        self.rubric.value = _rubric_html(session.rubric)
        self.back_button.disabled = session.index == 0
        self.next_button.disabled = session.index == len(session.answers) - 1
        self.bar.value = session.marked_count
        self.progress.value = html.escape(session.progress())
        self._show_saved()

    def merge(self, other_path: Path | str) -> pd.DataFrame:
        """Merge a second instructor's marks file; return the disagreements."""
        disagreements = self.session.merge(Path(other_path))
        self.refresh()
        return disagreements

    @property
    def widgets(self) -> list[Any]:
        return [*self.levels.children, self.question_picker, self.show_names, self.heading,
                self.answer, self.rubric, self.levels, self.comment, self.back_button,
                self.next_button, self.bar, self.progress, self.saved, self.box]

    def close(self) -> None:
        for widget in self.widgets:
            widget.close()

    def _repr_mimebundle_(self, **kwargs: Any) -> dict[str, Any]:
        bundle = dict(self.box._repr_mimebundle_(**kwargs) or {})
        bundle["text/plain"] = f"Marking tool: {self.session.progress()}"
        return bundle


_TOOLS: dict[str, MarkingTool] = {}


def marking_tool(written_csv: Path | str, marks_csv: Path | str, marker: str = "",
                 blind: bool = True, key: str = "marking") -> MarkingTool:
    """A marking tool over `written_csv` that saves to `marks_csv` (resuming what is there).

    Running the cell again closes the old widgets and starts from the file, so nothing is lost.
    """
    session = MarkingSession(read_answers(Path(written_csv)), Path(marks_csv), marker)
    old = _TOOLS.pop(key, None)
    if old is not None:
        old.close()
    tool = MarkingTool(session, blind=blind)
    _TOOLS[key] = tool
    return tool
