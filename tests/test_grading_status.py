"""newslab/grading/status.py: one vocabulary for grades.csv's `status` column, its words fixed."""

import ast
import csv
import io

from newslab.grading.status import Status
from newslab.paths import ROOT

# What instructors' spreadsheets and the LMS export filter on: changing a word breaks them.
WORDS = ["graded", "timed out", "crashed", "grader error", "not a notebook", "invalid notebook",
         "unknown exercise", "duplicate"]


def test_the_words_in_grades_csv_stay_the_same() -> None:
    assert [status.value for status in Status] == WORDS


def test_a_status_is_written_and_compared_as_its_plain_text() -> None:
    buffer = io.StringIO()
    csv.writer(buffer).writerow([Status.TIMED_OUT, f"{Status.GRADER_ERROR}"])
    assert buffer.getvalue().strip() == "timed out,grader error"
    assert Status.GRADED == "graded" and str(Status.DUPLICATE) == "duplicate"
    assert sorted([Status.GRADED, "crashed"]) == ["crashed", "graded"]


def test_no_other_grading_module_spells_a_status_out() -> None:
    home = ROOT / "newslab" / "grading" / "status.py"
    spelled = {}
    for path in (ROOT / "newslab" / "grading").glob("*.py"):
        if path == home:
            continue
        strings = [node.value for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
                   if isinstance(node, ast.Constant) and node.value in WORDS]
        if strings:
            spelled[path.name] = strings
    assert spelled == {}
