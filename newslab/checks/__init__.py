"""Checks for the exercise notebooks, defined once and used by notebooks and grader.

Each `exNN_*.py` module in this package registers one `Exercise`. In a notebook:

    from newslab.checks import checker
    check = checker("01_the_article_as_a_source")
    ...
    check("q1", author)        # prints the feedback at once

A written question's check cell also prints its rubric, so students see how it is marked.
"""

import importlib
import importlib.util
import inspect
import pkgutil
from collections.abc import Callable
from typing import Any

from newslab.checks.core import (
    REGISTRY,
    Exercise,
    Level,
    Question,
    Result,
    Rubric,
    register,
    run_check,
)
from newslab.plain import to_plain

__all__ = ["Exercise", "Level", "Question", "Result", "Rubric", "checker", "exercises",
           "get_exercise", "register", "run_check"]  # fmt: skip


def _load_all() -> None:
    for module in pkgutil.iter_modules(__path__):
        if module.name.startswith("ex"):
            importlib.import_module(f"{__name__}.{module.name}")


def exercises() -> dict[str, Exercise]:
    """Every registered exercise, by id."""
    _load_all()
    return dict(REGISTRY)


def get_exercise(exercise_id: str) -> Exercise:
    """The exercise with this id, or a KeyError that lists the known ids."""
    if exercise_id in REGISTRY:
        return REGISTRY[exercise_id]
    # Load just this exercise's checks: ids are file stems, so the module is exNN_slug.
    module = f"{__name__}.ex{exercise_id}"
    if f"ex{exercise_id}".isidentifier() and importlib.util.find_spec(module) is not None:
        importlib.import_module(module)
        if exercise_id in REGISTRY:
            return REGISTRY[exercise_id]
    known = exercises()
    if exercise_id not in known:
        raise KeyError(f"Unknown exercise {exercise_id!r}; known: {', '.join(sorted(known))}.")
    return known[exercise_id]


def grade_answer(exercise_id: str, question_id: str, value: Any,
                 namespace: dict[str, Any] | None = None) -> Result:
    """Check a live Python value: convert it to plain data first, as the grader does.

    A question that `needs` earlier answers reads them from `namespace` (the notebook's
    variables), by the variable names the registry gives those questions."""
    exercise = get_exercise(exercise_id)
    question = exercise.question(question_id)
    earlier = {}
    for needed in question.needs:
        variable = exercise.question(needed).variable
        if namespace is not None and variable in namespace:
            earlier[needed] = to_plain(namespace[variable])
    return run_check(question, to_plain(value), earlier)


def checker(exercise_id: str) -> Callable[[str, Any], None]:
    """Return `check(question_id, value)`, which prints feedback for a notebook's check cell.

    Earlier answers a question needs are read from the variables of the cell that calls it."""
    get_exercise(exercise_id)

    def check(question_id: str, value: Any) -> None:
        caller = inspect.currentframe()
        namespace = caller.f_back.f_globals if caller and caller.f_back else None
        print(f"{question_id}: {grade_answer(exercise_id, question_id, value, namespace)}")
        rubric = get_exercise(exercise_id).question(question_id).rubric
        if rubric is not None:
            print(f"\n{rubric.as_text()}")

    return check
