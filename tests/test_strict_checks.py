"""Rules every exercise's checks keep: a "Why" only after a right answer, feedback that cannot be
combined into a numeric answer, and the exact diagnoses of written answers' forms. (Diagnoses
particular to one exercise are in its tests/test_checks_exNN.py.)"""

from __future__ import annotations

import re
from typing import Any

import pytest

from newslab.checks import exercises, grade_answer
from newslab.checks.core import Question, Result, run_check
from newslab.checks.ex01_the_article_as_a_source import furniture_count
from newslab.checks.ex02_tabulating_the_figures import smallest_over_total
from newslab.checks.ex05_corroboration import parts_excess, qualifier_count
from newslab.checks.ex06_your_own_article import inferred_value, story_count

EX01, EX02 = "01_the_article_as_a_source", "02_tabulating_the_figures"


def feedback(exercise: str, question: str, answer: Any) -> Result:
    return grade_answer(exercise, question, answer)


# --- a "Why" after a right answer ------------------------------------------------------------

def test_why_notes_follow_right_answers_only() -> None:
    with_why = [(exercise, question) for exercise in exercises().values()
                for question in exercise.questions if question.why]
    assert len(with_why) >= 6
    question = Question("q1", "x", lambda value: Result(float(value == 1), 1,
                                                        "Right." if value == 1 else "No."),
                        why="Because.")
    assert run_check(question, 1).feedback == "Right. Why: Because."
    assert run_check(question, 2).feedback == "No."
    for exercise, with_note in with_why:
        wrong = run_check(with_note, "certainly not the answer 12345")
        assert "Why:" not in wrong.feedback, (exercise.id, with_note.id)


# --- numeric answers: no message names a number near the answer, none brackets it --------------

NUMERIC = [
    (EX01, "q2", furniture_count()),
    (EX02, "q5", smallest_over_total()),
    ("05_corroboration", "q3", parts_excess()),
    ("05_corroboration", "q4", qualifier_count()),
    ("06_your_own_article", "q1", story_count()),
    ("06_your_own_article", "q3", inferred_value()),
]
DIRECTIONAL = re.compile(r"too (?:small|large|big|few|many|low|high)|next to|one more|one less|"
                         r"off by one|closer|smaller than|larger than", re.I)


def numbers_in(text: str) -> list[float]:
    return [float(n.replace(",", "")) for n in re.findall(r"\d[\d,]*(?:\.\d+)?", text)]


@pytest.mark.parametrize(("exercise", "question", "answer"), NUMERIC,
                         ids=[f"{e}-{q}" for e, q, _ in NUMERIC])
def test_no_pair_of_messages_reveals_a_numeric_answer(exercise: str, question: str,
                                                      answer: int) -> None:
    wrong = sorted({answer + step for step in (-3, -2, -1, 1, 2, 3)} - {answer} - {-1, -2, -3})
    messages = {value: feedback(exercise, question, value).feedback for value in wrong}
    low, high = answer * 0.5, answer * 1.5 + 3
    for value, message in messages.items():
        near = [n for n in numbers_in(message) if low <= n <= high]
        assert not near, f"{value}: names {near} near the answer: {message}"
        assert not DIRECTIONAL.search(message), f"{value}: says which way: {message}"
    # Just below and just above get the same words, unless a value is a named mistake.
    below, above = messages.get(answer - 1), messages[answer + 1]
    generic = messages[max(wrong)]
    if below is not None and below == generic:
        assert above == generic, (below, above)


# --- written questions: the form check's exact diagnoses --------------------------------------

WRITTEN = [(exercise.id, question) for exercise in exercises().values()
           for question in exercise.questions if question.written]
FILLER = "word "


@pytest.mark.parametrize(("exercise", "question"), WRITTEN,
                         ids=[f"{e}-{q.id}" for e, q in WRITTEN])
def test_written_questions_diagnose_wrong_forms_exactly(exercise: str, question: Question
                                                        ) -> None:
    number = run_check(question, 42)
    assert (number.points, number.pending) == (0, False)
    assert number.feedback == ("This question wants text: write your answer between triple "
                               f'quotes, {question.variable} = """...""".')
    empty = run_check(question, "  ")
    assert empty.feedback == "Your answer is empty: write your text between the quotes."
    short = run_check(question, "No.")
    assert short.pending and re.search(r"It has 1 word; write at least \d+\.", short.feedback)
    bland = run_check(question, FILLER * 60)
    assert bland.pending and bland.feedback.startswith("Form to improve:")
    assert "This check reads the form only" in bland.feedback
