"""The check machinery: results, the registry, and safety around checks."""

import pytest

from newslab.checks import exercises, get_exercise, grade_answer
from newslab.checks.core import Exercise, Question, Result, format_points, run_check
from newslab.paths import ROOT
from newslab.plain import to_plain


def always(points: float) -> Question:
    return Question("q1", "answer", lambda value: Result(points, 1, "feedback"))


def test_not_attempted_is_zero_with_a_clear_message() -> None:
    result = run_check(always(1), to_plain(...))
    assert result.points == 0 and "Not attempted yet" in result.feedback


def test_unsupported_answers_are_explained() -> None:
    result = run_check(always(1), to_plain(object()))
    assert result.points == 0 and "cannot read" in result.feedback


def test_a_crashing_check_is_not_the_students_fault() -> None:
    question = Question("q1", "answer", lambda value: 1 / 0)
    result = run_check(question, 5)
    assert result.points == 0 and "check itself failed" in result.feedback


def test_points_are_clamped_to_the_question() -> None:
    assert run_check(always(7), 1).points == 1
    assert run_check(always(-3), 1).points == 0


def test_result_text_shows_points_and_a_mark() -> None:
    assert str(Result(1, 1, "Well done.")).startswith("✅ 1/1 points.")
    assert str(Result(0.5, 1, "Close.")).startswith("🟡 0.5/1 points.")
    assert str(Result(0, 2, "No.")).startswith("❌ 0/2 points.")


def test_unknown_exercise_lists_the_known_ones() -> None:
    with pytest.raises(KeyError, match="known:"):
        get_exercise("99_nothing")


def test_every_registered_exercise_is_well_formed() -> None:
    for exercise_id, exercise in exercises().items():
        assert isinstance(exercise, Exercise) and exercise.id == exercise_id
        ids = [question.id for question in exercise.questions]
        assert len(ids) == len(set(ids)), exercise_id
        assert exercise.max_points > 0
        for question in exercise.questions:
            assert grade_answer(exercise_id, question.id, ...).points == 0


def test_points_are_written_one_way_everywhere() -> None:
    assert [format_points(value) for value in (2, 2.0, 0.5, 1.25, 0, None)] == [
        "2", "2", "0.5", "1.25", "0", ""]
    copies = [path.name for path in (ROOT / "newslab").rglob("*.py")
              if 'is_integer() else f"{' in path.read_text(encoding="utf-8")]
    assert copies == ["core.py"], "points are formatted by checks.core.format_points only"
