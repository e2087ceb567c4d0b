"""Written questions: rubrics, form-only checks, pending points, and merging instructors' marks."""

from __future__ import annotations

import csv
import io
from contextlib import redirect_stdout
from pathlib import Path

import pytest

from newslab.checks import checker, exercises
from newslab.checks.core import Exercise, Level, Question, Result, Rubric, run_check
from newslab.checks.written import MARKED_BY_INSTRUCTOR, Requirement, word_count, written_question
from newslab.grading.marks import MarksError, apply_marks, check_against_exercises, read_marks
from newslab.grading.output import feedback_markdown, grades_csv, questions_csv, written_csv
from newslab.grading.score import Grade, grade_question
from newslab.grading.status import Status
from newslab.grading.summary import summary
from newslab.plain import NOT_ATTEMPTED

RUBRIC = Rubric(criteria=("Says who stands behind the figure.",),
                levels=(Level(0, "missing", "Nothing."), Level(1, "partial", "Some."),
                        Level(2, "good", "All of it.")))
WRITTEN = written_question("q2", "note", RUBRIC, words=(3, 15), requires=(
    Requirement("names a source", r"source", "Say who the source is."),
    Requirement("asks two questions", r"\?", "Ask two questions.", at_least=2),
))
AUTO = Question("q1", "number", lambda value: Result(float(value == 7), 1, "Right." if value == 7
                                                     else "Not 7."), why="Seven is the count.")
EXERCISE = Exercise("99_test", "A test exercise", (AUTO, WRITTEN))
KNOWN = {EXERCISE.id: EXERCISE}
ANSWER = 'The source, "a cadre", said so, with a comma?\nAnd a second line?'


# --- the rubric and the question kind ---------------------------------------------------------

def test_rubric_levels_start_at_zero_and_rise() -> None:
    with pytest.raises(ValueError, match="from 0 points upwards"):
        Rubric(("x",), (Level(1, "a", ""), Level(2, "b", "")))
    with pytest.raises(ValueError, match="from 0 points upwards"):
        Rubric(("x",), (Level(0, "a", ""), Level(0, "b", "")))
    with pytest.raises(ValueError, match="must be the rubric's top level"):
        Question("q9", "x", AUTO.check, max_points=5, rubric=RUBRIC)
    assert RUBRIC.max_points == 2 and RUBRIC.level_for(1).name == "partial"
    assert RUBRIC.level_for(1.5) is None


def test_rubric_text_lists_criteria_and_every_level() -> None:
    text = RUBRIC.as_text()
    assert "Says who stands behind the figure." in text
    assert "- 2 points, good: All of it." in text and "- 1 point, partial: Some." in text
    assert text.index("2 points") < text.index("0 points")  # best level first


def test_word_count_counts_words_not_punctuation() -> None:
    assert word_count("It's a well-known fact , isn't it ?") == 6
    assert word_count("over 50,000 workers, 1.5 million crates") == 6
    assert word_count("   ") == 0


# --- the form check ---------------------------------------------------------------------------

def test_a_written_answer_is_pending_with_feedback_on_form() -> None:
    result = run_check(WRITTEN, ANSWER)
    assert result.pending and result.points == 0 and result.max_points == 2
    assert not result.passed
    assert "Form: 13 words (asked: 3 to 15). It names a source. It asks two questions." in \
        result.feedback
    assert result.feedback.endswith(MARKED_BY_INSTRUCTOR)
    assert str(result).startswith("📝 Written answer, up to 2 points, marked by your instructor.")


@pytest.mark.parametrize(("answer", "said"), [
    ("Too short?", "It has 2 words; write at least 3."),
    ("word " * 16, "It has 16 words; keep it to 15 at most."),
    ("Nobody is named here at all? Really?", "Say who the source is."),
    ("The source said it, and that is that.", "Ask two questions."),
])
def test_the_form_check_names_what_the_form_lacks(answer: str, said: str) -> None:
    result = run_check(WRITTEN, answer)
    assert result.pending and said in result.feedback and "Form to improve:" in result.feedback
    assert MARKED_BY_INSTRUCTOR in result.feedback


@pytest.mark.parametrize(("answer", "said"), [
    ("", "Your answer is empty"),
    ("   \n", "Your answer is empty"),
    (42, 'note = """...""'),
    (["a", "list"], 'note = """...""'),
])
def test_no_text_is_zero_points_and_final(answer: object, said: str) -> None:
    result = run_check(WRITTEN, answer)
    assert not result.pending and result.points == 0 and said in result.feedback


def test_not_attempted_stays_not_attempted() -> None:
    result = run_check(WRITTEN, NOT_ATTEMPTED)
    assert not result.pending and "Not attempted yet" in result.feedback


def test_the_check_cell_prints_the_rubric_for_written_questions_only() -> None:
    exercise_id, exercise = next((key, ex) for key, ex in exercises().items()
                                 if any(q.written for q in ex.questions))
    written = next(q for q in exercise.questions if q.written)
    automatic = next(q for q in exercise.questions if not q.written)
    out = io.StringIO()
    with redirect_stdout(out):
        checker(exercise_id)(written.id, "Some text of mine.")
        shown_written = out.getvalue()
        checker(exercise_id)(automatic.id, ...)
    assert written.rubric is not None and written.rubric.as_text() in shown_written
    assert shown_written.count("Rubric (marked by your instructor)") == 1  # not twice


def test_every_exercise_has_a_written_question_with_a_rubric() -> None:
    for exercise in exercises().values():
        written = [q for q in exercise.questions if q.written]
        assert written, f"{exercise.id} has no written question"
        for question in written:
            assert question.rubric is not None and len(question.rubric.criteria) >= 2
            assert question.max_points == question.rubric.max_points


def test_a_why_note_follows_a_right_answer_only() -> None:
    assert run_check(AUTO, 7).feedback == "Right. Why: Seven is the count."
    assert "Why" not in run_check(AUTO, 6).feedback


# --- the grader: pending, written.csv, grades.csv ---------------------------------------------

def graded(student: str, answer: object = ANSWER, number: object = 7) -> Grade:
    questions = [grade_question(q, {"q1": number, "q2": answer}, False)
                 for q in EXERCISE.questions]
    return Grade(student, f"{student}.ipynb", Status.GRADED, EXERCISE, questions)


def test_the_grader_keeps_a_written_answer_pending_not_zero() -> None:
    grade = graded("ann")
    written = grade.questions[1]
    assert written.pending and written.points is None and written.answer == ANSWER
    assert (grade.points_auto, grade.points_written, grade.unmarked) == (1, 0, 1)
    assert not grade.complete and grade.final_points is None
    empty = graded("bob", answer="")
    assert empty.complete and empty.final_points == 1 and empty.questions[1].answer is None


def test_grades_csv_leaves_points_empty_until_marking_is_complete() -> None:
    rows = list(csv.DictReader(io.StringIO(grades_csv([graded("ann"), graded("bob", "")]))))
    assert [(r["points"], r["points_auto"], r["points_written"], r["marking_complete"],
             r["unmarked"]) for r in rows] == [("", "1", "0", "no", "1"), ("1", "1", "0", "yes",
                                                                            "0")]


def test_written_csv_holds_each_answer_verbatim() -> None:
    text = written_csv([graded("ann"), graded("bob", "")])
    rows = list(csv.DictReader(io.StringIO(text)))
    assert rows == [{"student": "ann", "exercise": "99_test", "question": "q2",
                     "answer": ANSWER, "max_points": "2"}]


def test_feedback_and_summary_say_what_is_still_unmarked() -> None:
    grade = graded("ann")
    text = feedback_markdown("ann", [grade])
    assert "**Score so far: 1/3**, 1 written answer(s) still to be marked" in text
    assert "not marked yet" in text
    said = summary([grade])
    assert "Written answers still unmarked: 1" in said and "(1 written answers unmarked)" in said


# --- marks.csv --------------------------------------------------------------------------------

def write_marks(tmp_path: Path, rows: list[list[str]],
                header: str = "student,exercise,question,points,comment,level") -> Path:
    path = tmp_path / "marks.csv"
    buffer = io.StringIO()
    buffer.write(header + "\n")
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    path.write_text(buffer.getvalue())
    return path


def merge(path: Path, grades: list[Grade]) -> list[Grade]:
    marks = read_marks(path)
    check_against_exercises(marks, KNOWN, path)
    return apply_marks(grades, marks, path)


def test_marks_give_final_points_and_comments(tmp_path: Path) -> None:
    grades = [graded("ann"), graded("bob")]
    path = write_marks(tmp_path, [["ann", "99_test", "q2", "2", "Clear, with a source.", "good"],
                                  ["bob", "99_test", "q2", "", "", ""]])
    merged = merge(path, grades)
    ann, bob = merged
    assert ann.complete and ann.final_points == 3 and ann.points_written == 2
    assert not bob.complete and bob.unmarked == 1  # a blank mark is "not marked yet"
    assert grades[0].questions[1].pending  # the originals are unchanged
    assert "📝 2/2 points, marked by your instructor. Comment: Clear, with a source." in \
        feedback_markdown("ann", [ann])
    rows = list(csv.DictReader(io.StringIO(questions_csv([ann]))))
    assert rows[1]["points"] == "2" and rows[1]["feedback"] == "Clear, with a source."
    assert "Written answers still unmarked: 1" in summary(merged)
    assert "every one is marked" in summary([ann])


@pytest.mark.parametrize(("rows", "said"), [
    ([["ann", "99_test", "q2", "3", "", ""]],
     "line 2: 3 points for 'ann' is above the rubric's maximum of 2 for 99_test q2."),
    ([["ann", "99_test", "q2", "1", "", ""], ["ann", "99_test", "q2", "2", "", ""]],
     "line 3: 'ann', 99_test q2 is marked twice (also on line 2); keep one row."),
    ([["ann", "99_test", "q2", "two", "", ""]], "line 2: points 'two' is not a number."),
    ([["ann", "99_test", "q2", "-1", "", ""]], "line 2: points -1 is negative."),
    ([["ann", "99_test", "q1", "1", "", ""]],
     "line 2: 99_test q1 is marked by its check, not by an instructor."),
    ([["ann", "99_test", "q5", "1", "", ""]], "line 2: exercise 99_test has no question 'q5'."),
    ([["ann", "98_other", "q2", "1", "", ""]], "line 2: unknown exercise '98_other'."),
    ([["ann", "99_test", "q2", "1", "", ""], ["zed", "99_test", "q2", "1", "", ""]],
     "line 3: no written answer of student 'zed' to 99_test q2 in this grading"),
])
def test_a_bad_marks_file_names_the_line_and_merges_nothing(tmp_path: Path, rows: list[list[str]],
                                                            said: str) -> None:
    grades = [graded("ann")]
    path = write_marks(tmp_path, rows)
    with pytest.raises(MarksError) as raised:
        merge(path, grades)
    assert said in str(raised.value) and "nothing was written" in str(raised.value)
    assert grades[0].questions[1].pending


def test_a_comment_on_several_lines_keeps_the_line_numbers_right(tmp_path: Path) -> None:
    path = write_marks(tmp_path, [["ann", "99_test", "q2", "1", "one\ntwo\nthree", ""],
                                  ["ann", "99_test", "q2", "9", "", ""]])
    with pytest.raises(MarksError, match="line 5: 'ann', 99_test q2 is marked twice"):
        read_marks(path)


def test_marks_file_without_its_columns_or_missing(tmp_path: Path) -> None:
    with pytest.raises(MarksError, match="lacks the column\\(s\\) points"):
        read_marks(write_marks(tmp_path, [], header="student,exercise,question,comment"))
    with pytest.raises(MarksError, match="does not exist"):
        read_marks(tmp_path / "nowhere.csv")


def test_a_mark_for_an_earlier_version_of_the_answer_is_not_used(tmp_path: Path) -> None:
    from newslab.grading.marks import answer_digest

    path = tmp_path / "marks.csv"
    path.write_text("student,exercise,question,points,comment,answer_digest\n"
                    f"ann,99_test,q2,2,Good.,{answer_digest('An older text of mine.')}\n"
                    f"bob,99_test,q2,1,Short.,{answer_digest(ANSWER)}\n")
    ann, bob = merge(path, [graded("ann"), graded("bob")])
    assert ann.questions[1].pending and ann.flagged
    assert "changed after it was marked (marks.csv line 2)" in " ".join(ann.notes)
    assert bob.complete and bob.points_written == 1
