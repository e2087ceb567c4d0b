"""Feedback files shaped for the LMS to take back: one zip, one upload for the whole class.

- Canvas ("Re-Upload Submissions" on the assignment page) attaches each file of the zip as a
  comment to the submission named by the first two numbers in its name (user id, then the
  submitted file's id), so each student's feedback is `<downloaded prefix>_feedback.md`,
  e.g. `smithjane_12345_678901_feedback.md` (a late file keeps its `LATE_`).
- Moodle ("Upload multiple feedback files in a zip" in the assignment's grading actions) reads
  the folder or file prefix `Full Name_<participant id>_assignsubmission_file_`, so each
  student's feedback goes in the folder they were downloaded in, as `feedback.md`.

Students whose files carry no LMS name get no entry (their feedback stays in feedback/).
The zips are byte-identical from one run to the next (fixed times, sorted entries).
"""

from __future__ import annotations

import io
import zipfile
from collections import defaultdict
from pathlib import Path

from newslab.grading.discover import CANVAS_NAME, MOODLE_NAME
from newslab.grading.output import feedback_markdown, write_bytes_atomically
from newslab.grading.score import Grade

FIXED_TIME = (1980, 1, 1, 0, 0, 0)
ZIP_NAMES = {"canvas": "feedback_canvas.zip", "moodle": "feedback_moodle.zip"}


def entry_name(file: str) -> tuple[str, str] | None:
    """(lms, name inside the zip) for a submitted file's relative name, or None."""
    first = file.split("/")[0]
    if "/" in file and MOODLE_NAME.match(first):
        return "moodle", f"{first}/feedback.md"
    found = CANVAS_NAME.match(first)
    if found and found["attachment"]:
        late = "LATE_" if found["late"] else ""
        return "canvas", (f"{found['login']}_{late}{found['user']}_{found['attachment']}"
                          "_feedback.md")
    found = MOODLE_NAME.match(first)
    if found:
        return "moodle", first[: len(first) - len(found["original"])] + "feedback.md"
    return None


def feedback_entries(grades: list[Grade]) -> dict[str, dict[str, str]]:
    """For each LMS, zip entry name -> feedback text; one entry per student."""
    by_student: dict[str, list[Grade]] = defaultdict(list)
    for grade in grades:
        by_student[grade.student].append(grade)
    entries: dict[str, dict[str, str]] = defaultdict(dict)
    for student, student_grades in sorted(by_student.items()):
        for grade in student_grades:
            found = entry_name(grade.file)
            if found:
                lms, name = found
                entries[lms][name] = feedback_markdown(student, student_grades)
                break
    return dict(entries)


def zip_bytes(entries: dict[str, str]) -> bytes:
    """A zip of the entries with fixed dates and modes, so reruns give the same bytes."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in sorted(entries.items()):
            info = zipfile.ZipInfo(name, date_time=FIXED_TIME)
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, text.encode("utf-8"))
    return buffer.getvalue()


def write_feedback_zips(out: Path, grades: list[Grade]) -> list[Path]:
    """Write feedback_canvas.zip / feedback_moodle.zip for the files that came from an LMS;
    a zip of a previous run that no longer applies is removed."""
    written = []
    entries = feedback_entries(grades)
    for lms, zip_name in ZIP_NAMES.items():
        path = out / zip_name
        if entries.get(lms):
            write_bytes_atomically(path, zip_bytes(entries[lms]))
            written.append(path)
        else:
            path.unlink(missing_ok=True)
    return written
