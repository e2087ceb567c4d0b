"""Exercise versions: what a student's copy of an exercise was built from, and what changed.

The build records, in each exercise notebook's metadata, one fingerprint per question (the
question's text, its answer variable, its points and the source of its check function) and the
exercise's version (a fingerprint of those):

    {"newslab": {"exercise": "01_...", "version": "3f2a...", "questions": {"q1": "9c1e...", ...}}}

The grader compares a submission's record with the course's current exercise notebook and
writes a note naming every question that no longer exists or changed, so an old copy is never
graded silently against different questions.
"""

from __future__ import annotations

import hashlib
import inspect
import json
from functools import cache
from pathlib import Path
from typing import Any

import nbformat

from newslab.cells import QUESTION, newslab_metadata
from newslab.checks import exercises
from newslab.checks.core import Question
from newslab.paths import EXERCISES


def _digest(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def check_source(question: Question) -> str:
    """The check function's source (its name when the source cannot be read)."""
    try:
        return inspect.getsource(question.check)
    except (OSError, TypeError):
        return getattr(question.check, "__qualname__", repr(question.check))


def question_texts(notebook: Any) -> dict[str, str]:
    """Question id -> the text of its question cell."""
    texts = {}
    for cell in notebook.get("cells", []):
        info = newslab_metadata(cell)
        if info.get("role") == QUESTION and info.get("question"):
            texts[str(info["question"])] = cell.get("source", "")
    return texts


def fingerprints(exercise_id: str, notebook: Any) -> dict[str, str]:
    """One fingerprint per question of a solution or exercise notebook, in notebook order.

    A question whose exercise is not registered (a test's made-up exercise) is fingerprinted
    from its text alone.
    """
    known = exercises().get(exercise_id)
    registered = {question.id: question for question in known.questions} if known else {}
    prints = {}
    for question_id, text in question_texts(notebook).items():
        question = registered.get(question_id)
        parts = [text]
        if question is not None:
            parts += [question.variable, question.max_points, check_source(question)]
        prints[question_id] = _digest(parts)
    return prints


def version_metadata(exercise_id: str, notebook: Any) -> dict[str, Any]:
    """The `version` and `questions` entries the build adds to the `newslab` metadata."""
    prints = fingerprints(exercise_id, notebook)
    return {"version": _digest(prints), "questions": prints}


@cache
def current_record(exercise_id: str, folder: Path = EXERCISES) -> dict[str, Any] | None:
    """The course's current exercise notebook's version record, or None when it has none."""
    path = folder / f"{exercise_id}.ipynb"
    if not path.is_file():
        return None
    info = newslab_metadata(nbformat.read(path, as_version=4))
    return info if isinstance(info.get("questions"), dict) else None


def version_notes(notebook: Any, exercise_id: str,
                  current: dict[str, Any] | None = None) -> list[str]:
    """Notes for the instructor and student when the copy differs from the current exercise."""
    current = current if current is not None else current_record(exercise_id)
    if current is None:
        return []
    meta = newslab_metadata(notebook)
    if meta.get("exercise") != exercise_id:
        return []  # identification already explains a notebook that names no or another id
    theirs = meta.get("questions")
    if not isinstance(theirs, dict) or not isinstance(meta.get("version"), str):
        return [f"This copy of {exercise_id} was made before exercise versions were recorded: "
                "it was graded against the current questions; check its answers still fit."]
    if meta["version"] == current.get("version"):
        return []
    ours = current["questions"]
    gone = [question for question in theirs if question not in ours]
    changed = [question for question in theirs if question in ours
               and theirs[question] != ours[question]]
    new = [question for question in ours if question not in theirs]
    parts = [f"This copy of {exercise_id} was made from an older version of the exercise "
             f"({str(meta['version'])[:12]}; now {current.get('version')})."]
    if gone:
        parts.append(f"No longer in the exercise, so not graded: {', '.join(gone)}.")
    if changed:
        parts.append(f"Changed since this copy (question text or check), graded as they are "
                     f"now: {', '.join(changed)}.")
    if new:
        parts.append(f"New since this copy (no answer cell in it): {', '.join(new)}.")
    return [" ".join(parts)]
