"""Exercise versions: the build records them, the grader names what changed in an old copy."""

from __future__ import annotations

import copy
from pathlib import Path

import nbformat
from grading_cases import solution_paths

from newslab.build import build_notebook
from newslab.checks import exercises
from newslab.grading.batch import prepare
from newslab.grading.discover import Submission
from newslab.versions import current_record, version_metadata, version_notes

SOLUTION_PATH = solution_paths()[0]
SOLUTION = nbformat.read(SOLUTION_PATH, as_version=4)
EXERCISE_ID = SOLUTION.metadata["newslab"]["exercise"]


def question_cell(notebook: nbformat.NotebookNode, question: str) -> nbformat.NotebookNode:
    return next(cell for cell in notebook.cells
                if cell.metadata.get("newslab", {}).get("role") == "question"
                and cell.metadata["newslab"].get("question") == question)


def test_the_build_records_a_version_per_question_and_for_the_exercise() -> None:
    meta = build_notebook(SOLUTION, SOLUTION_PATH.name).metadata["newslab"]
    record = current_record(EXERCISE_ID)
    assert record is not None and meta["version"] == record["version"]
    assert list(meta["questions"]) == list(record["questions"])
    assert version_notes(build_notebook(SOLUTION, SOLUTION_PATH.name), EXERCISE_ID) == []


def test_rewording_a_question_changes_its_fingerprint_only() -> None:
    edited = copy.deepcopy(SOLUTION)
    question_cell(edited, "q2").source += "\nNow count the headline too."
    before, after = version_metadata(EXERCISE_ID, SOLUTION), version_metadata(EXERCISE_ID, edited)
    changed = [q for q in before["questions"] if before["questions"][q] != after["questions"][q]]
    assert changed == ["q2"] and before["version"] != after["version"]


def test_an_older_copy_is_graded_with_a_note_naming_changed_and_removed_questions() -> None:
    old = build_notebook(SOLUTION, SOLUTION_PATH.name)
    meta = old.metadata["newslab"]
    meta["version"] = "000000000000"
    meta["questions"]["q2"] = "111111111111"
    meta["questions"]["q9"] = "222222222222"
    notes = version_notes(old, EXERCISE_ID)
    assert len(notes) == 1
    assert "made from an older version" in notes[0]
    assert "No longer in the exercise, so not graded: q9." in notes[0]
    assert "graded as they are now: q2." in notes[0]


def test_a_copy_from_before_versions_is_noted_and_flagged(tmp_path: Path) -> None:
    old = build_notebook(SOLUTION, SOLUTION_PATH.name)
    del old.metadata["newslab"]["version"], old.metadata["newslab"]["questions"]
    path = tmp_path / "alice.ipynb"
    nbformat.write(old, path)
    prepared = prepare(Submission("alice", "alice.ipynb", path), {})
    assert prepared.grade.status == "unknown exercise"  # nothing known: no version note
    prepared = prepare(Submission("alice", "alice.ipynb", path), exercises())
    assert prepared.grade.flagged
    assert any("made before exercise versions were recorded" in note
               for note in prepared.grade.notes)
