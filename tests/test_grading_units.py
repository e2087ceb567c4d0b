"""The grader's parts one by one: file reading, identification, capture, scoring, outputs, CLI."""

from __future__ import annotations

import asyncio
import io
import json
import os
import shutil
import sys
import tempfile
from pathlib import Path

import nbformat
import psutil
import pytest
from grading_cases import solution_paths, student_notebook

from newslab.checks import exercises
from newslab.checks.core import Exercise, Question, Result
from newslab.grading.batch import Settings, UsageError, check_folders, grade_folder, prepare
from newslab.grading.capture import MARKER, MISSING, UNREADABLE, capture_cell, parse_capture
from newslab.grading.cli import main
from newslab.grading.cli import parser as grade_parser
from newslab.grading.discover import Submission, discover, safe_file_name, student_from_file
from newslab.grading.execute import Execution, PlannedCell, execute
from newslab.grading.isolation import open_to_others
from newslab.grading.notebook import identify, plan, read_notebook
from newslab.grading.output import feedback_markdown, write_atomically, write_outputs
from newslab.grading.sandbox import Limits, Sandbox, environment_readable_by_others
from newslab.grading.score import Grade, QuestionGrade, grade_question, resolve_duplicates
from newslab.grading.status import Status
from newslab.grading.summary import Progress, summary
from newslab.paths import ROOT

KNOWN = exercises()
SOLUTION = nbformat.read(solution_paths()[0], as_version=4)
EXERCISE = KNOWN[SOLUTION.metadata["newslab"]["exercise"]]


def equals(expected: object) -> Question:
    return Question("q1", "answer", lambda value: Result(float(value == expected), 1, "fb"))


# --- whose file is it -----------------------------------------------------------------------

@pytest.mark.parametrize(("name", "student"), [
    ("alice_01_the_article_as_a_source.ipynb", "alice"),
    ("alice.ipynb", "alice"),
    ("alice (1).ipynb", "alice"),
    ("Bob Smith - 01_the_article_as_a_source.ipynb", "Bob Smith"),
    ("notes.pdf", "notes"),
])
def test_student_id_from_a_file_name(name: str, student: str) -> None:
    assert student_from_file(name, ["01_the_article_as_a_source"]) == student


def test_discover_reads_flat_and_per_student_layouts(tmp_path: Path) -> None:
    (tmp_path / "alice_01_x.ipynb").write_text("{}")
    (tmp_path / "bob" / "deep").mkdir(parents=True)
    (tmp_path / "bob" / "deep" / "01_x.ipynb").write_text("{}")
    (tmp_path / "bob" / ".ipynb_checkpoints").mkdir()
    (tmp_path / "bob" / ".ipynb_checkpoints" / "01_x-checkpoint.ipynb").write_text("{}")
    (tmp_path / ".DS_Store").write_text("")
    found = discover(tmp_path, ["01_x"])
    assert [(item.student, item.name) for item in found] == [
        ("alice", "alice_01_x.ipynb"), ("bob", "bob/deep/01_x.ipynb")]


def test_feedback_file_names_are_safe() -> None:
    assert safe_file_name("../../etc/passwd") == "_.._etc_passwd"
    assert safe_file_name("") == "unnamed"


# --- reading files --------------------------------------------------------------------------

@pytest.mark.parametrize(("content", "name", "status", "words"), [
    (b"", "a.ipynb", "invalid notebook", "empty"),
    (b"  \n", "a.ipynb", "invalid notebook", "empty"),
    (b"{\"cells\": [", "a.ipynb", "invalid notebook", "not valid notebook JSON"),
    (b"\xff\xfe\x00", "a.ipynb", "invalid notebook", "not text"),
    (b"{\"a\": 1}", "a.ipynb", "not a notebook", "not a Jupyter notebook"),
    (b"%PDF-1.4", "a.pdf", "not a notebook", "not a notebook (.ipynb) file"),
    (b"{\"nbformat\": 4, \"nbformat_minor\": 5, \"metadata\": {}, \"cells\": [{\"cell_type\": "
     b"\"code\", \"source\": 7, \"metadata\": {}, \"outputs\": []}]}", "a.ipynb",
     "invalid notebook", ""),
])
def test_unusable_files_get_a_status_and_a_reason(tmp_path: Path, content: bytes, name: str,
                                                  status: str, words: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    reading = read_notebook(path)
    assert reading.notebook is None and reading.status == status and words in reading.note


def test_a_link_is_not_followed(tmp_path: Path) -> None:
    target = tmp_path / "real.ipynb"
    target.write_text(nbformat.writes(SOLUTION))
    (tmp_path / "link.ipynb").symlink_to(target)
    assert read_notebook(tmp_path / "link.ipynb").status == "not a notebook"


def test_an_nbformat_3_notebook_is_upgraded(tmp_path: Path) -> None:
    path = tmp_path / "old.ipynb"
    path.write_text(nbformat.writes(nbformat.convert(student_notebook(SOLUTION), 3)))
    reading = read_notebook(path)
    assert reading.notebook is not None and reading.notebook.nbformat == 4
    assert identify(reading.notebook, path.name, KNOWN).exercise == EXERCISE


# --- which exercise -------------------------------------------------------------------------

def test_a_notebook_without_its_exercise_id_is_recognised_and_flagged() -> None:
    notebook = student_notebook(SOLUTION)
    del notebook.metadata["newslab"]
    found = identify(notebook, "x.ipynb", KNOWN)
    assert found.exercise == EXERCISE and found.flagged and "names no exercise" in found.notes[0]


def test_an_unknown_exercise_id_with_foreign_cells_is_refused() -> None:
    notebook = nbformat.v4.new_notebook(metadata={"newslab": {"exercise": "99_nothing"}})
    found = identify(notebook, "x.ipynb", KNOWN)
    assert found.exercise is None and "99_nothing" in found.notes[0]


def test_the_plan_drops_check_cells_and_captures_after_each_answer() -> None:
    cells, notes = plan(student_notebook(SOLUTION), EXERCISE)
    sources = [cell.source for cell in cells]
    assert not any(source.startswith("check(") for source in sources)
    for question in EXERCISE.questions:
        position = sources.index(capture_cell(question.id, question.variable))
        assert f"{question.variable} =" in sources[position - 1]
    assert notes == []


def test_the_variable_comes_from_the_registry_not_the_file() -> None:
    notebook = student_notebook(SOLUTION)
    for cell in notebook.cells:
        if cell.metadata.get("newslab", {}).get("role") == "answer":
            cell.metadata["newslab"]["variable"] = "__import__('os')"
    assert identify(notebook, "x.ipynb", KNOWN).exercise is None  # no longer fits


# --- answers out of the kernel ----------------------------------------------------------------

def test_capture_lines_are_parsed_as_json_only() -> None:
    text = f"noise\n{MARKER} q1 [1, 2]\n{MARKER} q2 \"other\"\n"
    assert parse_capture(text, "q1") == [1, 2]
    assert parse_capture("print('hello')", "q1") == UNREADABLE
    assert parse_capture(f"{MARKER} q1 __import__('os')", "q1") == UNREADABLE


def test_answers_without_a_value_explain_themselves() -> None:
    question = equals(3)
    assert "not defined" in grade_question(question, {"q1": MISSING}, False).feedback
    assert "could not be read" in grade_question(question, {"q1": UNREADABLE}, False).feedback
    assert "stopped before" in grade_question(question, {}, True).feedback
    assert grade_question(question, {"q1": 3}, False).points == 1


def test_an_object_that_equals_everything_is_only_a_description_in_the_grader() -> None:
    from newslab.plain import to_plain

    class Anything:
        def __eq__(self, other: object) -> bool:
            return True

        __hash__ = object.__hash__

    plain = json.loads(json.dumps(to_plain(Anything())))
    assert grade_question(equals(3), {"q1": plain}, False).points == 0


# --- outputs ----------------------------------------------------------------------------------

def test_duplicates_keep_the_best_file_and_flag_it() -> None:
    low = Grade("ann", "b.ipynb", Status.GRADED, EXERCISE, [QuestionGrade("q1", 0, 1, "")])
    high = Grade("ann", "a.ipynb", Status.GRADED, EXERCISE, [QuestionGrade("q1", 1, 1, "")])
    [row] = resolve_duplicates([low, high])
    assert row.file == "a.ipynb" and row.status == "duplicate" and row.flagged


def test_atomic_writes_leave_no_temporary_file(tmp_path: Path) -> None:
    path = tmp_path / "grades.csv"
    path.write_text("old")
    write_atomically(path, "new\n")
    assert path.read_text() == "new\n" and [p.name for p in tmp_path.iterdir()] == ["grades.csv"]


def test_feedback_of_students_no_longer_present_is_removed(tmp_path: Path) -> None:
    (tmp_path / "feedback").mkdir()
    (tmp_path / "feedback" / "gone.md").write_text("old")
    write_outputs(tmp_path, [Grade("ann", "ann.pdf", "not a notebook", notes=["Not one."])])
    assert sorted(p.name for p in (tmp_path / "feedback").iterdir()) == ["ann.md"]
    text = (tmp_path / "feedback" / "ann.md").read_text()
    assert "Not graded (not a notebook)" in text and "Not one." in text


def test_feedback_lists_every_question() -> None:
    grade = Grade("ann", "a.ipynb", Status.GRADED, EXERCISE,
                  [QuestionGrade(q.id, 0, q.max_points, "Try again.") for q in EXERCISE.questions])
    text = feedback_markdown("ann", [grade])
    assert all(f"**{q.id}**" in text for q in EXERCISE.questions)


def test_summary_and_progress() -> None:
    marks = [QuestionGrade(q.id, q.max_points, q.max_points, "") for q in EXERCISE.questions]
    graded = Grade("ann", "a.ipynb", Status.GRADED, EXERCISE, marks)
    broken = Grade("bob", "b.ipynb", "invalid notebook", notes=["The file is empty."])
    text = summary([graded, broken])
    assert f"{EXERCISE.questions[0].id:<6} mean 1.00/1" in text
    assert "Needs an instructor's eye (1)" in text and "bob · b.ipynb" in text
    stream = io.StringIO()
    progress = Progress(4, stream)
    for _ in range(4):
        progress.advance("x")
    assert stream.getvalue().splitlines()[-1].endswith("4/4")


# --- the command line -------------------------------------------------------------------------

def test_bad_folders_get_a_message_not_a_traceback(tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(tmp_path / "missing"), "--out", str(tmp_path / "out")]) == 2
    assert "does not exist" in capsys.readouterr().err
    (tmp_path / "subs").mkdir()
    assert main([str(tmp_path / "subs"), "--out", str(tmp_path / "subs" / "out")]) == 2
    assert "inside the submissions folder" in capsys.readouterr().err
    assert main([str(tmp_path / "subs"), "--out", str(tmp_path / "o"), "--jobs", "0"]) == 2


def test_outputs_inside_submissions_are_refused(tmp_path: Path) -> None:
    with pytest.raises(UsageError):
        check_folders(tmp_path, tmp_path / "out")


def test_a_folder_with_nothing_to_run_still_gets_outputs(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "subs").mkdir()
    (tmp_path / "subs" / "ann.txt").write_text("hello")
    assert main([str(tmp_path / "subs"), "--out", str(tmp_path / "out")]) == 0
    assert "ann,,,,not a notebook,ann.txt" in (tmp_path / "out" / "grades.csv").read_text()
    assert "1 not a notebook" in capsys.readouterr().out


def test_prepare_never_runs_unknown_exercises(tmp_path: Path) -> None:
    path = tmp_path / "x.ipynb"
    path.write_text(nbformat.writes(nbformat.v4.new_notebook()))
    prepared = prepare(Submission("x", "x.ipynb", path), KNOWN)
    assert prepared.grade.status == "unknown exercise" and prepared.cells == []


def test_a_fixture_exercise_can_be_graded_without_touching_the_registry(tmp_path: Path) -> None:
    fixture = Exercise("zz_fixture", "Fixture", (equals(3),))
    notebook = nbformat.v4.new_notebook(metadata={"newslab": {"exercise": "zz_fixture"}})
    notebook.cells = [nbformat.v4.new_code_cell("answer = 3", metadata={
        "newslab": {"role": "answer", "question": "q1", "variable": "answer"}})]
    (tmp_path / "subs").mkdir()
    (tmp_path / "subs" / "ann.ipynb").write_text(nbformat.writes(notebook))
    [grade] = grade_folder(tmp_path / "subs", tmp_path / "out", Settings(jobs=1),
                           {"zz_fixture": fixture})
    assert (grade.status, grade.points) == ("graded", 1)
    assert "zz_fixture" not in exercises()


# --- the sandbox ------------------------------------------------------------------------------

def test_the_kernel_is_fresh_limited_unprivileged_and_leaves_nothing_behind() -> None:
    facts = ("import os, resource, subprocess\n"
             "subprocess.Popen(['sleep', '300'], start_new_session=True)\n"
             "facts = {'uid': os.getuid(), 'groups': os.getgroups(),\n"
             "         'memory': resource.getrlimit(resource.RLIMIT_AS)[0],\n"
             "         'cwd': os.getcwd(), 'data': os.path.exists('../data/figures.csv'),\n"
             "         'env': sorted(os.environ), 'checks': 'newslab.checks' in __import__('sys')"
             ".modules}")
    cells = [PlannedCell(facts, label="cell 1"),
             PlannedCell(capture_cell("q1", "facts"), question="q1")]
    sandbox = Sandbox(1, Limits(memory_mb=1536))
    open_files = []
    try:
        for _ in range(3):
            place = sandbox.open()
            uid = place.uid
            result: Execution = asyncio.run(execute(cells, place, sandbox.launcher, 10, 30))
            sandbox.close_place(place)
            open_files.append(len(os.listdir("/proc/self/fd")))
    finally:
        sandbox.close()
    assert open_files[1] == open_files[2]  # nothing leaks from one kernel to the next
    found = result.answers["q1"]
    assert result.status == "graded", result.notes + result.errors
    assert found["memory"] == 1536 * 2**20
    assert found["cwd"].endswith("work/exercises") and found["data"]
    assert not found["checks"]  # the warm launcher never loaded the checks
    assert "HOME" in found["env"]
    assert not any(name.startswith("PYTEST") for name in found["env"])  # nothing of ours leaks
    if os.geteuid() == 0:
        assert found["uid"] == uid and uid != 0 and found["groups"] == []
        alive = [p for p in psutil.process_iter(["uids", "status"])
                 if p.info["uids"].real == uid and p.info["status"] != psutil.STATUS_ZOMBIE]
        assert alive == []  # the daemonised `sleep` was killed too (a zombie is dead)
    else:
        assert found["uid"] == os.geteuid()


def test_without_root_the_kernel_runs_as_the_grader_and_its_folder_is_removed() -> None:
    """The path an instructor without root takes: no uid change, a private copy of the data."""
    cells = [PlannedCell("import os\nfacts = [os.getuid(), os.access('../data', os.W_OK)]",
                         label="cell 1"), PlannedCell(capture_cell("q1", "facts"), question="q1")]
    sandbox = Sandbox(1, Limits(), drop_privileges=False)
    try:
        place = sandbox.open()
        result = asyncio.run(execute(cells, place, sandbox.launcher, 10, 30))
        sandbox.close_place(place)
    finally:
        sandbox.close()
    # data/ is a read-only mount in the kernel's view; with no view, root may write anyway
    assert result.answers["q1"] == [os.geteuid(), os.geteuid() == 0 and not sandbox.isolated]
    assert not place.root.exists() and not sandbox.root.exists()


def test_grading_works_where_an_event_loop_already_runs(tmp_path: Path) -> None:
    """From a notebook cell, or a test whose fixtures run an event loop."""
    fixture = Exercise("zz_fixture", "Fixture", (equals(3),))
    notebook = nbformat.v4.new_notebook(metadata={"newslab": {"exercise": "zz_fixture"}})
    notebook.cells = [nbformat.v4.new_code_cell("answer = 2", metadata={
        "newslab": {"role": "answer", "question": "q1", "variable": "answer"}})]
    (tmp_path / "subs").mkdir()
    (tmp_path / "subs" / "ann.ipynb").write_text(nbformat.writes(notebook))

    async def inside_a_loop() -> list[Grade]:
        return grade_folder(tmp_path / "subs", tmp_path / "out", Settings(jobs=1),
                            {"zz_fixture": fixture})

    [grade] = asyncio.run(inside_a_loop())
    assert (grade.status, grade.points) == ("graded", 0)


def test_without_namespaces_it_says_what_is_not_protected_and_grades_anyway(
        tmp_path: Path) -> None:
    """Where Linux refuses namespaces (here: turned off), one warning, then the old sandbox."""
    cells = [PlannedCell("import os\nfacts = sum(p.isdigit() for p in os.listdir('/proc')) > 1",
                         label="cell 1"),
             PlannedCell(capture_cell("q1", "facts"), question="q1")]
    sandbox = Sandbox(1, Limits(), isolate=False)
    try:
        warnings = sandbox.warnings(tmp_path)
        place = sandbox.open()
        result = asyncio.run(execute(cells, place, sandbox.launcher, 10, 30))
        sandbox.close_place(place)
    finally:
        sandbox.close()
    assert not sandbox.isolated
    assert "cannot be isolated" in warnings[0] and "NEWSLAB_ISOLATION=0" in warnings[0]
    assert "network" in warnings[0] and "docs/GRADING.md" in warnings[0]
    if os.geteuid() == 0 and not environment_readable_by_others():
        # A private folder (mktemp -d, a home folder): without namespaces the kernel's uid
        # cannot read the venv, and the warning says so instead of failing in silence.
        assert any("cannot start without namespaces" in warning for warning in warnings)
        assert result.status == "grader error"
        return
    assert result.status == "graded" and result.answers["q1"] is True  # it sees other processes


def test_off_linux_the_command_says_so_in_one_sentence(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "subs").mkdir()
    monkeypatch.setattr(sys, "platform", "darwin")
    assert main([str(tmp_path / "subs"), "--out", str(tmp_path / "out")]) == 2
    said = capsys.readouterr().err
    assert said.startswith("error: Grading needs Linux") and "WSL" in said
    assert said.count("\n") == 1 and not (tmp_path / "out").exists()


def test_each_default_is_written_once_and_the_guide_says_it() -> None:
    defaults = Settings()
    args = grade_parser().parse_args(["submissions", "--out", "out"])
    assert (args.cell_timeout, args.budget, args.memory, args.kernel_uid) == (
        defaults.cell_timeout, defaults.budget, defaults.memory_mb, defaults.kernel_uid)
    assert Limits().memory_mb == defaults.memory_mb
    guide = (ROOT / "docs" / "GRADING.md").read_text(encoding="utf-8")
    for option, value in [("--cell-timeout", defaults.cell_timeout), ("--budget", defaults.budget),
                          ("--memory", defaults.memory_mb), ("--kernel-uid", defaults.kernel_uid)]:
        assert f"| `{option}` | {value:g} |" in guide, option


def test_open_to_others_needs_every_folder_enterable_and_the_path_readable() -> None:
    root = Path(tempfile.mkdtemp(dir="/tmp"))  # /tmp: every user may enter it
    try:
        inner = root / "passage" / "inner"
        inner.mkdir(parents=True)
        root.chmod(0o755)
        (root / "passage").chmod(0o711)  # others may pass through, not list: enough
        inner.chmod(0o755)
        assert open_to_others(inner)
        inner.chmod(0o751)  # others may enter, not read
        assert not open_to_others(inner)
        inner.chmod(0o755)
        (root / "passage").chmod(0o700)
        assert not open_to_others(inner)
    finally:
        (root / "passage").chmod(0o700)
        shutil.rmtree(root)
