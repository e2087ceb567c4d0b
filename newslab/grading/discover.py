"""Find the submitted files in a folder and tell whose each one is.

Two layouts, which may be mixed:
- flat: `SUBMISSIONS/alice_01_the_article_as_a_source.ipynb` or `SUBMISSIONS/alice.ipynb`; the
  student id is the file name without the extension and without any exercise id in it;
- one folder per student: `SUBMISSIONS/alice/...` (any depth); the student id is the folder name.
Hidden files and folders (`.ipynb_checkpoints`, `.DS_Store`) and `__MACOSX` are skipped.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

SKIPPED = {"__MACOSX", "__pycache__"}


@dataclass(frozen=True, order=True)
class Submission:
    """One submitted file: whose it is, and where (`name` is relative to the folder)."""

    student: str
    name: str
    path: Path


def _hidden(name: str) -> bool:
    return name.startswith(".") or name in SKIPPED


def student_from_file(file_name: str, exercise_ids: Iterable[str]) -> str:
    """`alice_01_the_article_as_a_source.ipynb` -> `alice`; `alice (1).ipynb` -> `alice`."""
    stem = re.sub(r"\s*\(\d+\)$", "", Path(file_name).stem)  # "name (1)": a browser's copy
    for exercise_id in sorted(exercise_ids, key=len, reverse=True):
        if exercise_id in stem:
            stem = stem.replace(exercise_id, " ")
            break
    student = re.sub(r"[\s_.-]+$|^[\s_.-]+", "", stem)
    student = re.sub(r"[\s_-]{2,}", "_", student)
    return student or Path(file_name).stem


def discover(folder: Path, exercise_ids: Iterable[str]) -> list[Submission]:
    """Every submitted file under `folder`, sorted by student then file name."""
    ids = list(exercise_ids)
    found = []
    for entry in sorted(folder.iterdir()):
        if _hidden(entry.name):
            continue
        if entry.is_dir() and not entry.is_symlink():
            for path in sorted(entry.rglob("*")):
                parts = path.relative_to(folder).parts
                if any(_hidden(part) for part in parts) or path.is_dir():
                    continue
                found.append(Submission(entry.name, "/".join(parts), path))
        else:
            found.append(Submission(student_from_file(entry.name, ids), entry.name, entry))
    return sorted(found)


def safe_file_name(student: str) -> str:
    """A student id made safe as a file name (feedback/<student>.md)."""
    name = re.sub(r"[^\w.@-]", "_", student).lstrip(".")
    return name or "unnamed"
