"""Written questions: a text answer, feedback on its form at once, points from an instructor.

A written question is declared once, in its exercise's check module, with `written_question`:
its rubric (what is judged, the levels and their points) and the form its text must have
(length in words, and what it must mention, as patterns). The check never judges content: it
says what the form lacks and that an instructor marks the rest with the rubric.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from newslab.checks.core import Check, Question, Result, Rubric

MARKED_BY_INSTRUCTOR = ("This check reads the form only; your instructor marks the content "
                        "with the rubric.")


@dataclass(frozen=True)
class Requirement:
    """Something the text must mention: `what` it is, a case-insensitive `pattern` that finds
    it, how many times it must be found, and a `hint` for when it is missing."""

    what: str
    pattern: str
    hint: str
    at_least: int = 1

    def found_in(self, text: str) -> bool:
        return len(re.findall(self.pattern, text, flags=re.IGNORECASE)) >= self.at_least


def word_count(text: str) -> int:
    """Words in `text`: runs of letters or digits (apostrophes, hyphens and the separators
    of a number such as 50,000 kept inside)."""
    return len(re.findall(r"[\w'’-]*\w(?:[.,]\d+)*", text))


def form_problems(text: str, words: tuple[int, int],
                  requires: Sequence[Requirement]) -> tuple[list[str], list[str]]:
    """(what is fine, what to fix) about the form of a written answer."""
    fine: list[str] = []
    fix: list[str] = []
    low, high = words
    count = word_count(text)
    if count < low:
        fix.append(f"It has {count} word{'' if count == 1 else 's'}; write at least {low}.")
    elif count > high:
        fix.append(f"It has {count} words; keep it to {high} at most.")
    else:
        fine.append(f"{count} words (asked: {low} to {high}).")
    for requirement in requires:
        if requirement.found_in(text):
            fine.append(f"It {requirement.what}.")
        else:
            fix.append(requirement.hint)
    return fine, fix


def form_check(words: tuple[int, int], requires: Sequence[Requirement] = ()) -> Check:
    """A check of a written answer's form; it never gives points (see `run_check`)."""

    def check(answer: Any) -> Result:
        fine, fix = form_problems(str(answer), words, requires)
        if fix:
            said = "Form to improve: " + " ".join(fix)
            if fine:
                said += " Already there: " + " ".join(fine)
        else:
            said = "Form: " + " ".join(fine)
        return Result(0, 0, f"{said} {MARKED_BY_INSTRUCTOR}", pending=True)

    return check


def written_question(question_id: str, variable: str, rubric: Rubric, words: tuple[int, int],
                     requires: Sequence[Requirement] = ()) -> Question:
    """A written question: the answer is a string in `variable`, marked with `rubric`."""
    if not 0 < words[0] <= words[1]:
        raise ValueError(f"Question {question_id}: words must be (low, high) with 0 < low <= high.")
    return Question(question_id, variable, form_check(words, tuple(requires)),
                    max_points=rubric.max_points, rubric=rubric)
