"""Find the submitted files in a folder and tell whose each one is.

Two layouts, which may be mixed:
- flat: `SUBMISSIONS/alice_01_the_article_as_a_source.ipynb` or `SUBMISSIONS/alice.ipynb`; the
  student id is the file name without the extension and without any exercise id in it;
- one folder per student: `SUBMISSIONS/alice/...` (any depth); the student id is the folder name.
LMS downloads are recognised, so one student is one id whatever the file is called:
- Canvas: `smithjane_12345_678901_<original name>` and `smithjane_LATE_12345_678902_<...>`
  (login, Canvas user id, attachment id) -> `smithjane_12345`;
- Moodle: a folder (or file prefix) `Jane Smith_12345_assignsubmission_file_` (full name,
  participant id) -> `Jane Smith (12345)`.
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


# Canvas writes the login as the lower-case sortable name with only letters and digits kept
# (letters of any alphabet: `ngatazoë`).
CANVAS_NAME = re.compile(r"^(?P<login>[^\W_]+)_(?P<late>LATE_)?(?P<user>\d+)"
                         r"(?:_(?P<attachment>\d+)(?:_(?P<original>.*))?)?$")
MOODLE_NAME = re.compile(r"^(?P<name>[^_]+)_(?P<user>\d+)_assign(?:submission|feedback)_[a-z]+_"
                         r"(?P<original>.*)$")
MOODLE_STUDENT = re.compile(r"^(?P<name>.+) \((?P<user>\d+)\)$")


@dataclass(frozen=True)
class LmsName:
    """What an LMS download name says: whose it is (LMS user or participant id) and the rest."""

    lms: str  # "canvas" or "moodle"
    user_id: str
    login: str = ""  # Canvas: the lower-case "lastnamefirstname"
    name: str = ""  # Moodle: the student's full name
    attachment_id: str = ""  # Canvas: the submitted file's id (needed to re-upload feedback)
    late: bool = False

    @property
    def student(self) -> str:
        """The one id this student gets, late or not, whichever file."""
        if self.lms == "canvas":
            return f"{self.login}_{self.user_id}"
        return f"{self.name} ({self.user_id})"


def lms_name(name: str) -> LmsName | None:
    """Parse a Canvas or Moodle download name, or a student id made from one; None otherwise."""
    found = CANVAS_NAME.match(name)
    if found:
        return LmsName("canvas", found["user"], login=found["login"],
                       attachment_id=found["attachment"] or "", late=bool(found["late"]))
    found = MOODLE_NAME.match(name) or MOODLE_STUDENT.match(name)
    if found:
        return LmsName("moodle", found["user"], name=found["name"].strip())
    return None


def lms_student(name: str) -> str | None:
    """The student id of a Canvas file or Moodle folder/file name, or None for other names."""
    found = lms_name(name)
    if found is None or (found.lms == "canvas" and not found.attachment_id):
        return None
    if found.lms == "moodle" and not MOODLE_NAME.match(name):
        return None
    return found.student


def _hidden(name: str) -> bool:
    return name.startswith(".") or name in SKIPPED


def student_from_file(file_name: str, exercise_ids: Iterable[str]) -> str:
    """`alice_01_the_article_as_a_source.ipynb` -> `alice`; `alice (1).ipynb` -> `alice`."""
    from_lms = lms_student(file_name)
    if from_lms:
        return from_lms
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
                found.append(Submission(lms_student(entry.name) or entry.name,
                                        "/".join(parts), path))
        else:
            found.append(Submission(student_from_file(entry.name, ids), entry.name, entry))
    return sorted(found)


def safe_file_name(student: str) -> str:
    """A student id made safe as a file name (feedback/<student>.md)."""
    name = re.sub(r"[^\w.@-]", "_", student).lstrip(".")
    return name or "unnamed"
