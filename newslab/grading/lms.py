"""Grades ready for the LMS: read the roster the instructor exported, write `lms_import.csv`.

Three roster formats (`--lms`):
- `canvas`: Canvas's gradebook export (Grades > Export > Export Entire Gradebook): columns
  `Student`, `ID`, `SIS User ID`, `SIS Login ID`, `Section`, one column per assignment, a row
  whose first cell is `Points Possible`. Submissions downloaded from Canvas carry the `ID`
  (Canvas's user id) in their names; other names are matched to `SIS Login ID`/`SIS User ID`.
- `moodle`: Moodle's grade export (Grades > Export > Plain text file): `First name`,
  `Last name`, `ID number`, `Email address`, ... The output has an identifier column
  (`Email address`, or `ID number` when the roster has no e-mail) for Moodle's CSV import
  ("Identify user by": "Map from" / "Map to"). Moodle names each student's download folder
  after their full name, so those submissions are matched by full name (exactly one row must
  have it); other names are matched to the e-mail address, its part before the @, or `ID number`.
- `generic`: any CSV whose first column is the student id used in the submission names.

Rows whose status is not `graded` are left blank unless `count_flagged`; rows whose marking is
not complete (written answers not yet marked, see `marking_complete`) are always blank. Every
submission that matches no roster row, every roster row with no submission, and every blank
left for the instructor is listed in `lms_problems.txt`, never silently dropped.
"""

from __future__ import annotations

import csv
import io
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from newslab.checks.core import format_points
from newslab.grading.discover import lms_name
from newslab.grading.score import Grade
from newslab.grading.status import Status

LMS_CHOICES = ("canvas", "moodle", "generic")
POINTS_POSSIBLE = "Points Possible"
CANVAS_FIXED = ["Student", "ID", "SIS User ID", "SIS Login ID", "Section"]
MOODLE_NAMES = ["First name", "Last name"]
MOODLE_IDENTIFIERS = ["Email address", "ID number"]


class RosterError(ValueError):
    """A roster that cannot be used; the message says what is wrong and how to fix it."""


def marking_complete(grade: Grade) -> bool:
    """True when every part of this row is marked, so its points are final: written answers
    waiting for an instructor's mark (`Grade.unmarked`) make it False, and such rows are
    exported blank and listed. Rows with no exercise have nothing to mark."""
    return grade.exercise is None or grade.complete


@dataclass
class Roster:
    """A roster as exported by the LMS: its columns, its student rows, and the matching keys."""

    lms: str
    columns: list[str]
    rows: list[dict[str, str]]
    notes: list[str] = field(default_factory=list)

    def name_of(self, row: dict[str, str]) -> str:
        if self.lms == "canvas":
            return row.get("Student", "")
        if self.lms == "moodle":
            return " ".join(row.get(column, "") for column in MOODLE_NAMES).strip()
        return row.get(self.columns[1], "") if len(self.columns) > 1 else ""

    def keys_of(self, row: dict[str, str]) -> set[str]:
        """Every id a submission name may carry for this row (compared case-insensitively)."""
        if self.lms == "canvas":
            values = [row.get(column, "") for column in ("ID", "SIS User ID", "SIS Login ID")]
        elif self.lms == "moodle":
            email = row.get("Email address", "")
            values = [email, email.split("@")[0], row.get("ID number", ""),
                      row.get("Username", "")]
        else:
            values = [row.get(self.columns[0], "")]
        return {normal(value) for value in values if value.strip()}


def normal(text: str) -> str:
    """Case- and Unicode-normalised text, for comparing ids and names."""
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


def decode(data: bytes, source: str) -> tuple[str, list[str]]:
    """The roster's text: UTF-8 (with or without a BOM), else Windows-1252 with a note."""
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError:
        note = (f"{source} is not UTF-8; it was read as Windows-1252 (a spreadsheet's plain "
                "\"CSV\"). Check that names with accents look right below.")
        return data.decode("cp1252", errors="replace"), [note]


def delimiter_of(header: str) -> str:
    """`,`, `;` or tab: whichever the header line uses most (spreadsheets in many locales
    write `;`)."""
    counts = {mark: header.count(mark) for mark in (",", ";", "\t")}
    return max(counts, key=lambda mark: counts[mark]) if any(counts.values()) else ","


def parse_roster(data: bytes, lms: str, source: str = "the roster") -> Roster:
    """Read a roster export; raise RosterError with a specific message when it cannot work."""
    if lms not in LMS_CHOICES:
        raise RosterError(f"--lms must be one of {', '.join(LMS_CHOICES)}, not {lms!r}.")
    text, notes = decode(data, source)
    lines = text.splitlines()
    if not lines or not lines[0].strip():
        raise RosterError(f"{source} is empty: export the roster from your LMS again.")
    reader = csv.reader(io.StringIO(text), delimiter=delimiter_of(lines[0]))
    table = [row for row in reader if any(cell.strip() for cell in row)]
    columns = [cell.strip() for cell in table[0]]
    required = {"canvas": ["Student", "ID"], "moodle": MOODLE_NAMES, "generic": []}[lms]
    missing = [column for column in required if column not in columns]
    if lms == "moodle" and not any(column in columns for column in MOODLE_IDENTIFIERS):
        missing.append(" or ".join(MOODLE_IDENTIFIERS))
    if missing:
        raise RosterError(
            f"{source} does not look like a {lms} roster: it has no column "
            f"{', '.join(repr(column) for column in missing)} (its columns: "
            f"{', '.join(columns[:8]) or 'none'}). " + ROSTER_HINTS[lms])
    if lms == "generic" and (not columns[0] or len(table) < 2):
        raise RosterError(f"{source} needs a header row and one row per student, the student "
                          "id in the first column.")
    rows = []
    for cells in table[1:]:
        if cells and cells[0].strip() == POINTS_POSSIBLE:
            continue  # Canvas's second row: the assignments' maximum points
        padded = [cell.strip() for cell in cells] + [""] * (len(columns) - len(cells))
        rows.append(dict(zip(columns, padded, strict=False)))
    roster = Roster(lms, columns, rows, notes)
    seen: dict[str, int] = defaultdict(int)
    for row in rows:
        for key in roster.keys_of(row):
            seen[key] += 1
    doubled = sorted(key for key, count in seen.items() if count > 1)
    if doubled:
        raise RosterError(f"{source} has the same id on more than one row: "
                          f"{', '.join(doubled[:5])}. Export it from the LMS again.")
    return roster


ROSTER_HINTS = {
    "canvas": "In Canvas: Grades > Export > Export Entire Gradebook (older Canvas: Actions > "
              "Export).",
    "moodle": "In Moodle: Grades > Export > Plain text file (include the user's e-mail).",
    "generic": "",
}


def read_roster(path: Path, lms: str) -> Roster:
    """`parse_roster` on a file, with a clear message when the file is missing."""
    if not path.is_file():
        raise RosterError(f"The roster {path} does not exist or is not a file.")
    return parse_roster(path.read_bytes(), lms, source=str(path))


@dataclass
class Export:
    """What goes to the LMS: the CSV text and what the instructor must look at."""

    text: str
    problems: list[str]
    filled: int
    blank: int


def student_keys(student: str) -> tuple[set[str], str]:
    """The ids a student's submission name carries, and the full name when Moodle gave one."""
    found = lms_name(student)
    if found is None:
        return {normal(student)}, ""
    if found.lms == "canvas":
        return {normal(found.user_id), normal(found.login)}, ""
    return {normal(found.user_id)}, normal(found.name)


def match_students(roster: Roster, students: list[str]) -> tuple[dict[str, int], list[str]]:
    """Roster row index for each student that matches exactly one row, and the problems."""
    by_key: dict[str, int] = {}
    by_name: dict[str, list[int]] = defaultdict(list)
    for index, row in enumerate(roster.rows):
        for key in roster.keys_of(row):
            by_key[key] = index
        by_name[normal(roster.name_of(row))].append(index)
    matched: dict[str, int] = {}
    problems = []
    for student in students:
        keys, full_name = student_keys(student)
        rows = {by_key[key] for key in keys if key in by_key}
        if not rows and full_name:
            rows = set(by_name.get(full_name, []))
            if len(rows) > 1:
                problems.append(f"Submission `{student}`: {len(rows)} roster rows have this "
                                "name; enter its grade by hand.")
                continue
        if len(rows) == 1:
            matched[student] = rows.pop()
        elif not rows:
            problems.append(f"Submission `{student}` matches no roster row: is the student "
                            "enrolled, or was the file renamed? Enter its grade by hand.")
        else:
            problems.append(f"Submission `{student}` matches several roster rows; enter its "
                            "grade by hand.")
    return matched, problems


def column_for(exercise_id: str, roster: Roster) -> str:
    """The roster's column for this exercise (a column whose name holds the exercise id), or
    the exercise id itself (Canvas and Moodle then offer to create a new grade item)."""
    for column in roster.columns:
        if exercise_id in column:
            return column
    return exercise_id


def blank_reason(grade: Grade, count_flagged: bool) -> str:
    """Why a row's points are left blank, or "" when they go to the LMS."""
    if not marking_complete(grade):
        return "its marking is not complete (written answers not yet marked)"
    if grade.status != Status.GRADED and not count_flagged:
        return f"its status is `{grade.status}` (use --count-flagged to export it anyway)"
    return ""


def build_export(roster: Roster, grades: list[Grade], count_flagged: bool = False) -> Export:
    """The LMS's import file for these grades, and every problem the instructor must see."""
    graded = [grade for grade in grades if grade.exercise is not None]
    students = sorted({grade.student for grade in grades})
    matched, problems = match_students(roster, students)
    problems = [*roster.notes, *problems]
    exercise_ids = sorted({grade.exercise_id for grade in graded})
    columns = {exercise_id: column_for(exercise_id, roster) for exercise_id in exercise_ids}
    maxima = {grade.exercise_id: grade.max_points for grade in graded}
    cells: dict[tuple[int, str], str] = {}
    filled = blank = 0
    for grade in graded:
        if grade.student not in matched:
            continue
        reason = blank_reason(grade, count_flagged)
        if reason:
            blank += 1
            problems.append(f"{roster.name_of(roster.rows[matched[grade.student]])} "
                            f"(`{grade.student}`), {grade.exercise_id}: left blank because "
                            f"{reason}.")
            continue
        cells[(matched[grade.student], grade.exercise_id)] = format_points(grade.points)
        filled += 1
    for student in students:
        if student in matched and not any(grade.student == student for grade in graded):
            problems.append(f"`{student}` handed in no gradable notebook (see grades.csv).")
    handed_in = set(matched.values())
    for index, row in enumerate(roster.rows):
        if index not in handed_in:
            problems.append(f"{roster.name_of(row) or 'A roster row'} "
                            f"({', '.join(sorted(roster.keys_of(row))) or 'no id'}) has no "
                            "submission: left blank.")
    text = render(roster, exercise_ids, columns, maxima, cells)
    return Export(text, problems, filled, blank)


def render(roster: Roster, exercise_ids: list[str], columns: dict[str, str],
           maxima: dict[str, float | None], cells: dict[tuple[int, str], str]) -> str:
    """The CSV text in the shape the LMS imports (UTF-8, comma-separated, one header row)."""
    if roster.lms == "canvas":
        fixed = [column for column in CANVAS_FIXED if column in roster.columns]
    elif roster.lms == "moodle":
        identifier = next(column for column in MOODLE_IDENTIFIERS if column in roster.columns)
        fixed = [identifier, *MOODLE_NAMES]
    else:
        fixed = roster.columns[:2] if len(roster.columns) > 1 else roster.columns[:1]
    header = fixed + [columns[exercise_id] for exercise_id in exercise_ids]
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    if roster.lms == "canvas":
        writer.writerow([POINTS_POSSIBLE] + [""] * (len(fixed) - 1)
                        + [format_points(maxima[exercise_id]) for exercise_id in exercise_ids])
    for index, row in enumerate(roster.rows):
        writer.writerow([row.get(column, "") for column in fixed]
                        + [cells.get((index, exercise_id), "") for exercise_id in exercise_ids])
    return buffer.getvalue()


def problems_text(export: Export, lms: str) -> str:
    """lms_problems.txt: what the instructor must decide before (or after) importing."""
    lines = [f"lms_import.csv for {lms}: {export.filled} grades filled in, {export.blank} "
             f"left blank for you, {len(export.problems)} things to look at.", ""]
    lines += [f"- {problem}" for problem in export.problems] or ["Nothing to look at."]
    return "\n".join(lines) + "\n"
