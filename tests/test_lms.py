"""Grades ready for the LMS: rosters in each format, LMS download names, feedback zips.

Grades are built directly (no kernels): these tests are about matching and file formats.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from newslab.checks.core import Exercise, Question, Result
from newslab.grading.classroom import ClassOptions, write_class_outputs
from newslab.grading.cli import main
from newslab.grading.discover import discover, lms_name, student_from_file
from newslab.grading.feedback_zip import entry_name, write_feedback_zips
from newslab.grading.lms import RosterError, build_export, parse_roster
from newslab.grading.score import Grade, QuestionGrade, resolve_duplicates
from newslab.grading.status import Status

EXERCISE = Exercise("01_demo", "Demo", (
    Question("q1", "a", lambda value: Result(1, 1, "")),
    Question("q2", "b", lambda value: Result(1, 2, ""), max_points=2)))


def grade(student: str, file: str, points: tuple[float, float] = (1, 2),
          status: str = Status.GRADED) -> Grade:
    questions = [QuestionGrade("q1", points[0], 1, "ok"), QuestionGrade("q2", points[1], 2, "ok")]
    return Grade(student, file, status, EXERCISE, questions)


# --- LMS download names -----------------------------------------------------------------------

@pytest.mark.parametrize(("name", "student"), [
    ("smithjane_12345_678901_01_demo.ipynb", "smithjane_12345"),
    ("smithjane_LATE_12345_678902_01_demo.ipynb", "smithjane_12345"),
    ("smithjane_12345_678903_01_demo-1.ipynb", "smithjane_12345"),
    ("ngatazoë_LATE_4321_678907_01_demo.ipynb", "ngatazoë_4321"),
    ("Zoë Ngata_4321_assignsubmission_file_01_demo.ipynb", "Zoë Ngata (4321)"),
    ("alice_01_demo.ipynb", "alice"),
    ("alice_2024.ipynb", "alice_2024"),
])
def test_lms_file_names_give_one_id_per_student(name: str, student: str) -> None:
    assert student_from_file(name, ["01_demo"]) == student


def test_moodle_folders_and_canvas_files_are_read_as_their_students(tmp_path: Path) -> None:
    folder = tmp_path / "Zoë Ngata_4321_assignsubmission_file_"
    folder.mkdir()
    (folder / "01_demo.ipynb").write_text("{}")
    (tmp_path / "smithjane_12345_678901_01_demo.ipynb").write_text("{}")
    (tmp_path / "smithjane_LATE_12345_678902_01_demo.ipynb").write_text("{}")
    found = discover(tmp_path, ["01_demo"])
    assert [item.student for item in found] == ["Zoë Ngata (4321)", "smithjane_12345",
                                                "smithjane_12345"]


def test_a_late_resubmission_is_a_duplicate_of_the_same_student() -> None:
    rows = resolve_duplicates([grade("smithjane_12345", "smithjane_12345_678901_01_demo.ipynb"),
                               grade("smithjane_12345",
                                     "smithjane_LATE_12345_678902_01_demo.ipynb", (1, 1))])
    assert len(rows) == 1 and rows[0].status == "duplicate"


def test_lms_name_parses_student_ids_too() -> None:
    canvas = lms_name("smithjane_12345")
    moodle = lms_name("Zoë Ngata (4321)")
    assert canvas is not None and (canvas.lms, canvas.user_id) == ("canvas", "12345")
    assert moodle is not None and (moodle.lms, moodle.name) == ("moodle", "Zoë Ngata")
    assert lms_name("alice") is None


# --- Canvas ------------------------------------------------------------------------------------

CANVAS_ROSTER = (
    "Student,ID,SIS User ID,SIS Login ID,Section,Quiz 1 (555),01_demo (777)\n"
    "    Points Possible,,,,,10,3\n"
    "\"Smith, Jane\",12345,S001,jsmith,Sec A,8,\n"
    "\"Ngata, Zoë\",4321,S002,zngata,Sec A,9,\n"
    "\"Okafor, Chidi\",999,S003,cokafor,Sec A,7,\n")


def test_canvas_export_matches_by_user_id_and_login_and_lists_every_gap() -> None:
    roster = parse_roster(CANVAS_ROSTER.encode(), "canvas")
    grades = [grade("smithjane_12345", "smithjane_12345_678901_01_demo.ipynb", (1, 2)),
              grade("zngata", "zngata_01_demo.ipynb", (0, 1)),
              grade("ghost_777", "ghost_777_5_01_demo.ipynb", (1, 1))]
    export = build_export(roster, grades)
    assert export.text == (
        "Student,ID,SIS User ID,SIS Login ID,Section,01_demo (777)\n"
        "Points Possible,,,,,3\n"
        "\"Smith, Jane\",12345,S001,jsmith,Sec A,3\n"
        "\"Ngata, Zoë\",4321,S002,zngata,Sec A,1\n"
        "\"Okafor, Chidi\",999,S003,cokafor,Sec A,\n")
    assert export.problems == [
        "Submission `ghost_777` matches no roster row: is the student enrolled, or was the file "
        "renamed? Enter its grade by hand.",
        "Okafor, Chidi (999, cokafor, s003) has no submission: left blank."]
    assert (export.filled, export.blank) == (2, 0)


def test_rows_not_graded_are_blank_unless_counted_and_incomplete_marking_always_is() -> None:
    roster = parse_roster(CANVAS_ROSTER.encode(), "canvas")
    timed_out = grade("smithjane_12345", "smithjane_12345_678901_01_demo.ipynb", (1, 0),
                      status="timed out")
    unmarked = grade("zngata", "zngata_01_demo.ipynb", (1, 1))
    unmarked.questions[1] = QuestionGrade("q2", None, 2, "📝 Written answer, not marked yet",
                                          answer="An answer to mark.")  # a pending written answer
    export = build_export(roster, [timed_out, unmarked])
    assert ",Sec A,\n" in export.text.splitlines(keepends=True)[2]
    assert export.blank == 2
    assert any("status is `timed out`" in problem for problem in export.problems)
    assert any("marking is not complete" in problem for problem in export.problems)
    counted = build_export(roster, [timed_out, unmarked], count_flagged=True)
    assert counted.text.splitlines()[2].endswith(",Sec A,1")
    assert counted.text.splitlines()[3].endswith(",Sec A,")  # still incomplete: never final


# --- Moodle ------------------------------------------------------------------------------------

MOODLE_ROSTER = ("\ufeffFirst name;Last name;ID number;Institution;Department;Email address;"
                 "Last downloaded from this course\n"
                 "Zoë;Ngata;;;;zoe.ngata@example.edu;\n"
                 "Jane;Smith;;;;jane.smith@example.edu;\n")


def test_moodle_export_from_a_bom_semicolon_spreadsheet_matches_folder_names() -> None:
    roster = parse_roster(MOODLE_ROSTER.encode("utf-8"), "moodle")
    grades = [grade("Zoë Ngata (4321)", "Zoë Ngata_4321_assignsubmission_file_/01_demo.ipynb",
                    (1, 2)),
              grade("jane.smith", "jane.smith_01_demo.ipynb", (0, 2))]
    export = build_export(roster, grades)
    assert export.text == ("Email address,First name,Last name,01_demo\n"
                           "zoe.ngata@example.edu,Zoë,Ngata,3\n"
                           "jane.smith@example.edu,Jane,Smith,2\n")
    assert export.problems == []


def test_moodle_name_shared_by_two_rows_is_not_guessed() -> None:
    roster = parse_roster((b"First name,Last name,Email address\nJo,Lee,a@x.org\n"
                           b"Jo,Lee,b@x.org\n"), "moodle")
    export = build_export(roster, [grade("Jo Lee (5)",
                                         "Jo Lee_5_assignsubmission_file_/n.ipynb")])
    assert export.filled == 0
    assert export.problems[0] == ("Submission `Jo Lee (5)`: 2 roster rows have this name; enter "
                                  "its grade by hand.")


def test_two_submissions_for_one_student_give_one_flagged_blank_row() -> None:
    roster = parse_roster(MOODLE_ROSTER.encode(), "moodle")
    rows = resolve_duplicates([
        grade("jane.smith", "jane.smith_01_demo.ipynb", (1, 2)),
        grade("jane.smith", "jane.smith_01_demo (1).ipynb", (0, 2))])
    export = build_export(roster, rows)
    assert export.text.splitlines()[2] == "jane.smith@example.edu,Jane,Smith,"
    assert any("status is `duplicate`" in problem for problem in export.problems)


# --- generic and bad rosters -------------------------------------------------------------------

def test_generic_roster_uses_its_first_column() -> None:
    roster = parse_roster(b"login,name\nalice,Alice A\nbob,Bob B\n", "generic")
    export = build_export(roster, [grade("alice", "alice.ipynb", (1, 1))])
    assert export.text == "login,name,01_demo\nalice,Alice A,2\nbob,Bob B,\n"


def test_windows_1252_roster_is_read_with_a_note() -> None:
    roster = parse_roster("login,name\nzoe,Zoë\n".encode("cp1252"), "generic", "r.csv")
    assert roster.rows[0]["name"] == "Zoë"
    assert "not UTF-8" in roster.notes[0]


@pytest.mark.parametrize(("data", "lms", "message"), [
    (b"", "canvas", "is empty"),
    (b"Name,Email\nJane,j@x\n", "canvas", "no column 'Student', 'ID'"),
    (b"Name,Email\nJane,j@x\n", "moodle", "no column 'First name', 'Last name'"),
    (b"First name,Last name\nJane,Smith\n", "moodle", "'Email address or ID number'"),
    (b"Student,ID\nA,1\nB,1\n", "canvas", "same id on more than one row: 1"),
])
def test_bad_rosters_get_a_specific_message(data: bytes, lms: str, message: str) -> None:
    with pytest.raises(RosterError, match=message.replace("(", r"\(")):
        parse_roster(data, lms)


def test_the_cli_refuses_a_bad_roster_before_grading(tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "subs").mkdir()
    (tmp_path / "roster.csv").write_text("Name\nJane\n")
    code = main([str(tmp_path / "subs"), "--out", str(tmp_path / "out"),
                 "--roster", str(tmp_path / "roster.csv"), "--lms", "canvas"])
    assert code == 2
    assert "does not look like a canvas roster" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()
    assert main([str(tmp_path / "subs"), "--out", str(tmp_path / "out"),
                 "--roster", str(tmp_path / "roster.csv")]) == 2
    assert "--roster and --lms go together" in capsys.readouterr().err


# --- feedback zips -----------------------------------------------------------------------------

@pytest.mark.parametrize(("file", "entry"), [
    ("smithjane_12345_678901_01_demo.ipynb", ("canvas", "smithjane_12345_678901_feedback.md")),
    ("smithjane_LATE_12345_678902_01_demo.ipynb",
     ("canvas", "smithjane_LATE_12345_678902_feedback.md")),
    ("Zoë Ngata_4321_assignsubmission_file_/01_demo.ipynb",
     ("moodle", "Zoë Ngata_4321_assignsubmission_file_/feedback.md")),
    ("Zoë Ngata_4321_assignsubmission_file_01_demo.ipynb",
     ("moodle", "Zoë Ngata_4321_assignsubmission_file_feedback.md")),
    ("alice_01_demo.ipynb", None),
])
def test_feedback_keeps_the_downloaded_names(file: str, entry: tuple[str, str] | None) -> None:
    assert entry_name(file) == entry


def test_feedback_zips_hold_one_file_per_student_and_are_stable(tmp_path: Path) -> None:
    grades = [grade("smithjane_12345", "smithjane_12345_678901_01_demo.ipynb"),
              grade("Zoë Ngata (4321)", "Zoë Ngata_4321_assignsubmission_file_/01_demo.ipynb"),
              grade("alice", "alice_01_demo.ipynb")]
    written = write_feedback_zips(tmp_path, grades)
    assert [path.name for path in written] == ["feedback_canvas.zip", "feedback_moodle.zip"]
    first = {path.name: path.read_bytes() for path in written}
    with zipfile.ZipFile(io.BytesIO(first["feedback_moodle.zip"])) as archive:
        assert archive.namelist() == ["Zoë Ngata_4321_assignsubmission_file_/feedback.md"]
        text = archive.read(archive.namelist()[0]).decode()
        assert text.startswith("# Feedback for Zoë Ngata (4321)")
    write_feedback_zips(tmp_path, grades)
    assert {path.name: path.read_bytes() for path in written} == first
    write_feedback_zips(tmp_path, grades[2:])
    assert not list(tmp_path.glob("*.zip"))


def test_class_outputs_write_the_import_file_and_the_problems(tmp_path: Path) -> None:
    roster = parse_roster(CANVAS_ROSTER.encode(), "canvas")
    lines = write_class_outputs(tmp_path, [grade("smithjane_12345",
                                                 "smithjane_12345_678901_01_demo.ipynb")],
                                ClassOptions(roster))
    assert (tmp_path / "lms_import.csv").read_text().splitlines()[2].endswith(",Sec A,3")
    problems = (tmp_path / "lms_problems.txt").read_text()
    assert problems.startswith("lms_import.csv for canvas: 1 grades filled in, 0 left blank")
    assert "Ngata, Zoë (4321, s002, zngata) has no submission" in problems
    assert any("Ngata, Zoë" in line for line in lines)
    write_class_outputs(tmp_path, [], ClassOptions())
    assert not (tmp_path / "lms_import.csv").exists()


# --- `make grade` passes the LMS options on --------------------------------------------------

@pytest.mark.parametrize(("variables", "expected", "absent"), [
    (["ROSTER=my roster.csv", "LMS=moodle", "COUNT_FLAGGED=1"],
     ['--roster "my roster.csv"', "--lms moodle", "--count-flagged"], []),
    (["MARKS=marks.csv"], ['--marks "marks.csv"'], ["--roster", "--lms", "--count-flagged"]),
])
def test_make_grade_passes_roster_lms_and_count_flagged(variables: list[str],
                                                        expected: list[str],
                                                        absent: list[str]) -> None:
    """The Makefile's variables reach the grader's command line (dry run: nothing is graded)."""
    import subprocess
    root = Path(__file__).resolve().parents[1]
    shown = subprocess.run(["make", "-n", "-C", str(root), "--no-print-directory", "grade",
                            "SUBMISSIONS=subs", "OUT=out", *variables],
                           capture_output=True, text=True, check=True).stdout
    command = shown.replace("\\\n", " ")
    command = command[command.index("-m newslab grade"):]
    assert '-m newslab grade "subs" --out "out"' in command
    for part in expected:
        assert part in command
    for part in absent:
        assert part not in command
