"""The instructors' marking tool without a browser: session, marks.csv, resume, merge, widgets."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from newslab.checks import exercises
from newslab.grading.marks import check_against_exercises, read_marks
from newslab.grading.output import WRITTEN_COLUMNS
from newslab.marking import MarkingError, MarkingSession, marking_tool, read_answers, read_mark_file

WRITTEN = [(exercise.id, question) for exercise in exercises().values()
           for question in exercise.questions if question.written]
(EXERCISE_A, QUESTION_A), (EXERCISE_B, QUESTION_B) = WRITTEN[0], WRITTEN[1]
STUDENTS = ["ann", "bob", "cyd"]


@pytest.fixture
def written(tmp_path: Path) -> Path:
    """A written.csv as the grader writes it: three students, two written questions."""
    path = tmp_path / "written.csv"
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(WRITTEN_COLUMNS)
    for exercise, question in ((EXERCISE_A, QUESTION_A), (EXERCISE_B, QUESTION_B)):
        for student in STUDENTS:
            writer.writerow([student, exercise, question.id,
                             f"{student}'s answer to {question.id},\n on two lines", "3"])
    path.write_text(buffer.getvalue())
    return path


def rows(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(path.read_text().splitlines()))


def test_one_question_at_a_time_and_blind(written: Path, tmp_path: Path) -> None:
    session = MarkingSession(read_answers(written), tmp_path / "marks.csv", marker="A")
    firsts = [(a.exercise, a.question) for a in session.answers]
    assert firsts == sorted(firsts)  # every answer of one question before the next question
    order = [a.student for a in session.answers[:3]]
    assert sorted(order) == STUDENTS
    assert session.label() == "Answer 1 of 3"
    assert session.label(blind=False) == f"Answer 1 of 3: {session.current.student}"
    assert session.rubric.max_points == QUESTION_A.max_points


def test_every_click_saves_and_a_new_session_resumes(written: Path, tmp_path: Path) -> None:
    marks = tmp_path / "marks.csv"
    session = MarkingSession(read_answers(written), marks, marker="A")
    first = session.current
    session.comment("Names the page but not the edition.")
    assert rows(marks)[0]["points"] == ""  # a comment alone is saved, as not marked yet
    session.mark(2)
    session.next()
    second = session.current
    session.mark(3)
    saved = {(r["student"], r["question"]): r for r in rows(marks)}
    assert saved[(first.student, first.question)]["points"] == "2"
    assert saved[(first.student, first.question)]["comment"] == \
        "Names the page but not the edition."
    assert saved[(first.student, first.question)]["level"] == "good"
    assert saved[(second.student, second.question)]["marker"] == "A"
    assert not list(tmp_path.glob(".marks.csv.*"))  # no temporary file left behind
    again = MarkingSession(read_answers(written), marks)
    assert again.index == 2 and again.marked_count == 2
    assert "2 of 3 marked" in again.progress() and "2 of 6 marked" in again.progress()
    with pytest.raises(ValueError, match="not a level"):
        again.mark(2.5)


def test_the_tools_marks_file_is_what_the_grader_reads(written: Path, tmp_path: Path) -> None:
    marks = tmp_path / "marks.csv"
    session = MarkingSession(read_answers(written), marks)
    session.comment("A comment, with a comma\nand a line break.")
    session.mark(1)
    read = read_marks(marks)
    check_against_exercises(read, exercises(), marks)
    assert [(m.points, m.comment) for m in read] == [
        (1.0, "A comment, with a comma\nand a line break.")]


def test_a_second_instructors_file_is_merged_and_disagreements_listed(written: Path,
                                                                      tmp_path: Path) -> None:
    answers = read_answers(written)
    mine = MarkingSession(answers, tmp_path / "mine.csv", marker="A")
    theirs = MarkingSession(answers, tmp_path / "theirs.csv", marker="B")
    mine.mark(2)            # both mark the first answer, differently
    theirs.mark(3)
    mine.next()             # both mark the second answer the same way
    theirs.next()
    mine.mark(1)
    theirs.mark(1)
    theirs.next()           # only the second instructor marks the third
    theirs.mark(0)
    disagreements = mine.merge(tmp_path / "theirs.csv")
    assert disagreements[["points_mine", "points_theirs"]].values.tolist() == [[2.0, 3.0]]
    assert disagreements["student"].tolist() == [answers_sorted_first(mine)]
    merged = read_mark_file(tmp_path / "mine.csv")
    assert sorted(mark.points for mark in merged.values()) == [0.0, 1.0, 2.0]


def answers_sorted_first(session: MarkingSession) -> str:
    return session.answers[0].student


def test_files_the_tool_cannot_use_get_a_clear_message(tmp_path: Path) -> None:
    with pytest.raises(MarkingError, match="Grade the class first"):
        read_answers(tmp_path / "written.csv")
    (tmp_path / "other.csv").write_text("a,b\n1,2\n")
    with pytest.raises(MarkingError, match="lacks the column"):
        read_answers(tmp_path / "other.csv")
    empty = tmp_path / "empty.csv"
    empty.write_text(",".join(WRITTEN_COLUMNS) + "\n")
    with pytest.raises(MarkingError, match="no written answers"):
        MarkingSession(read_answers(empty), tmp_path / "marks.csv")
    unknown = tmp_path / "unknown.csv"
    unknown.write_text(",".join(WRITTEN_COLUMNS) + "\nann,99_none,q1,text,3\n")
    with pytest.raises(MarkingError, match="another version"):
        MarkingSession(read_answers(unknown), tmp_path / "marks.csv")


def test_the_widgets_mark_comment_and_move(written: Path, tmp_path: Path) -> None:
    marks = tmp_path / "marks.csv"
    tool = marking_tool(written, marks, marker="A")
    try:
        assert "Answer 1 of 3" in tool.heading.value and tool.session.current.student not in \
            tool.heading.value
        assert "Rubric" in tool.rubric.value and len(tool.levels.children) == \
            len(tool.session.rubric.levels)
        tool.comment.value = "Good plan."
        tool.levels.children[-1].click()
        assert tool.levels.children[-1].button_style == "success"
        assert tool.back_button.disabled and not tool.next_button.disabled
        tool.next_button.click()
        tool.levels.children[0].click()
        assert tool.comment.value == "" and tool.bar.value == 2
        assert [r["points"] for r in rows(marks)] != [] and len(rows(marks)) == 2
        tool.show_names.value = True
        assert tool.session.current.student in tool.heading.value
        tool.question_picker.value = (EXERCISE_B, QUESTION_B.id)
        assert tool.session.current.question == QUESTION_B.id
        again = marking_tool(written, marks)  # running the cell again resumes from the file
        assert again.session.marked_count == 2 and again is not tool
    finally:
        marking_tool(written, marks).close()


def test_a_changed_answer_counts_as_unmarked_in_the_tool(written: Path, tmp_path: Path) -> None:
    marks = tmp_path / "marks.csv"
    session = MarkingSession(read_answers(written), marks)
    first = session.current
    session.mark(2)
    assert rows(marks)[0]["answer_digest"]
    changed = written.read_text().replace(f"{first.student}'s answer to {first.question},",
                                          f"{first.student}'s new answer to {first.question},")
    written.write_text(changed)
    again = MarkingSession(read_answers(written), marks)
    assert again.marked_count == 0 and again.index == 0
