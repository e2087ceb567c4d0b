"""`python -m newslab build`: solution markers, clearing, locking, determinism and --check."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import nbformat
import pytest
from nbformat import NotebookNode

from newslab import build
from newslab.build import BuildError, build_notebook, strip_solution
from newslab.cells import BEGIN, END, PROMPT, solution_blocks
from newslab.cli import main as cli_main
from newslab.paths import EXERCISES, SOLUTIONS

SECRET = 'author = "Seulkee Jang"'


def cell(kind: str, source: str, **newslab: str) -> NotebookNode:
    maker = nbformat.v4.new_code_cell if kind == "code" else nbformat.v4.new_markdown_cell
    made = maker(source, metadata={"newslab": newslab} if newslab else {})
    made.id = hashlib.sha256(f"{kind}{source}".encode()).hexdigest()[:8]
    return made


def solution_notebook(exercise: str = "01_demo", answer: str | None = None) -> NotebookNode:
    """A small solution notebook with one question, executed-looking outputs and metadata."""
    answer = answer if answer is not None else f"{BEGIN}\n{SECRET}\n{END}"
    code_answer = cell("code", answer, role="answer", question="q1", variable="author")
    code_answer.execution_count = 3
    code_answer.outputs = [nbformat.v4.new_output("stream", name="stdout", text="hi\n")]
    code_answer.metadata["execution"] = {"iopub.execute_input": "2026-11-28T12:00:00Z"}
    check = cell("code", 'check("q1", author)', role="check", question="q1")
    check.execution_count = 4
    check.outputs = [nbformat.v4.new_output("stream", name="stdout", text="q1: ✅ 1/1\n")]
    notebook = nbformat.v4.new_notebook(
        cells=[
            cell("markdown", "# 01 · Demo"),
            cell("code", 'from newslab.checks import checker\ncheck = checker("01_demo")',
                 role="setup"),
            cell("markdown", "**Question 1.** Who wrote it?", role="question", question="q1"),
            code_answer,
            check,
            cell("markdown", "Why: the bio names her.", role="solution"),
        ],
        metadata={"newslab": {"exercise": exercise},
                  "kernelspec": {"name": "python3", "display_name": "Python 3",
                                 "language": "python"},
                  "widgets": {"state": {"x": 1}}},
    )
    return notebook


def write(folder: Path, name: str, notebook: NotebookNode) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    nbformat.write(notebook, path)
    return path


# --- markers ------------------------------------------------------------------------------

def test_a_solution_block_becomes_the_prompt_and_an_ellipsis() -> None:
    source = f"import re\n{BEGIN}\n{SECRET}\n{END}\nprint(author)"
    assert strip_solution(source, "author") == f"import re\n{PROMPT}\nauthor = ...\nprint(author)"


def test_an_indented_block_keeps_its_indentation_and_every_block_is_replaced() -> None:
    source = f"if True:\n    {BEGIN}\n    x = 1\n    {END}\n{BEGIN}\nx = 2\n{END}"
    assert strip_solution(source, "x") == (
        f"if True:\n    {PROMPT}\n    x = ...\n{PROMPT}\nx = ..."
    )


@pytest.mark.parametrize("source, message", [
    (f"{BEGIN}\nx = 1", "never closed"),
    (f"x = 1\n{END}", "no '### BEGIN SOLUTION' above"),
    (f"{BEGIN}\n{BEGIN}\nx = 1\n{END}\n{END}", "second"),
    ("x = 1", "needs a"),
    (f"{BEGIN} and more\nx = 1\n{END}", "line of its own"),
])
def test_unbalanced_or_missing_markers_are_clear_errors(source: str, message: str) -> None:
    with pytest.raises(BuildError, match=re.escape(message)):
        strip_solution(source, "x", "01_demo.ipynb, cell 4")


def test_an_answer_cell_without_a_variable_names_the_cell() -> None:
    notebook = solution_notebook()
    del notebook.cells[3].metadata["newslab"]["variable"]
    with pytest.raises(BuildError, match=r"01_demo\.ipynb, cell 4 \(question q1\).*variable"):
        build_notebook(notebook, "01_demo.ipynb")


def test_markers_outside_an_answer_cell_are_refused() -> None:
    notebook = solution_notebook()
    notebook.cells[4].source = f"{BEGIN}\ncheck('q1', author)\n{END}"
    with pytest.raises(BuildError, match="outside an answer cell"):
        build_notebook(notebook, "01_demo.ipynb")


def test_the_exercise_id_must_match_the_file_name() -> None:
    with pytest.raises(BuildError, match="differs from the file name"):
        build_notebook(solution_notebook("02_other"), "01_demo.ipynb")
    notebook = solution_notebook()
    del notebook.metadata["newslab"]
    with pytest.raises(BuildError, match="no .*exercise"):
        build_notebook(notebook, "01_demo.ipynb")


# --- what the exercise looks like -----------------------------------------------------------

def test_outputs_counts_and_timing_metadata_are_cleared() -> None:
    exercise = build_notebook(solution_notebook(), "01_demo.ipynb")
    for code in (c for c in exercise.cells if c.cell_type == "code"):
        assert code.outputs == [] and code.execution_count is None
        assert "execution" not in code.metadata


def test_question_setup_and_check_cells_are_locked_and_answers_are_not() -> None:
    exercise = build_notebook(solution_notebook(), "01_demo.ipynb")
    for code in exercise.cells:
        role = code.metadata.get("newslab", {}).get("role")
        locked = code.metadata.get("editable") is False and code.metadata.get("deletable") is False
        assert locked == (role in {"setup", "question", "check"}), role


def test_the_answer_is_gone_and_the_check_cell_stays() -> None:
    solution = solution_notebook()
    exercise = build_notebook(solution, "01_demo.ipynb")
    text = json.dumps(exercise)
    assert "Seulkee Jang" not in text and "BEGIN SOLUTION" not in text
    assert "Why: the bio names her." not in text  # role "solution" cells are left out
    sources = [c.source for c in exercise.cells]
    assert f"{PROMPT}\nauthor = ..." in sources
    assert 'check("q1", author)' in sources
    assert exercise.cells[3].metadata["newslab"] == {"role": "answer", "question": "q1",
                                                     "variable": "author"}
    assert solution.cells[3].source.startswith(BEGIN), "the solution itself is not modified"


def test_notebook_metadata_keeps_the_exercise_id_and_drops_the_rest() -> None:
    exercise = build_notebook(solution_notebook(), "01_demo.ipynb")
    assert set(exercise.metadata["newslab"]) == {"exercise", "version", "questions"}
    assert exercise.metadata["newslab"]["exercise"] == "01_demo"
    assert "widgets" not in exercise.metadata and "kernelspec" in exercise.metadata
    nbformat.validate(exercise)


def test_a_blank_exercise_runs_as_python(tmp_path: Path) -> None:
    """The answer cell of an exercise is valid code that assigns the Ellipsis."""
    exercise = build_notebook(solution_notebook(), "01_demo.ipynb")
    namespace: dict = {}
    exec(exercise.cells[3].source, namespace)
    assert namespace["author"] is Ellipsis


# --- files, determinism and --check ---------------------------------------------------------

def test_building_twice_gives_the_same_bytes(tmp_path: Path) -> None:
    write(tmp_path / "solutions", "01_demo.ipynb", solution_notebook())
    args = ["--solutions", str(tmp_path / "solutions"), "--exercises", str(tmp_path / "ex")]
    assert build.main(args) == 0
    first = (tmp_path / "ex" / "01_demo.ipynb").read_bytes()
    assert build.main(args) == 0
    assert (tmp_path / "ex" / "01_demo.ipynb").read_bytes() == first
    assert first.endswith(b"\n")


def test_check_fails_and_names_the_file_when_exercises_differ(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path / "solutions", "01_demo.ipynb", solution_notebook())
    args = ["--solutions", str(tmp_path / "solutions"), "--exercises", str(tmp_path / "ex")]
    assert build.main([*args, "--check"]) == 1  # missing
    assert "01_demo.ipynb is missing" in capsys.readouterr().err
    assert build.main(args) == 0
    assert build.main([*args, "--check"]) == 0
    target = tmp_path / "ex" / "01_demo.ipynb"
    target.write_text(target.read_text().replace("author = ...", "author = 'me'"))
    assert build.main([*args, "--check"]) == 1
    assert f"{target} differs from the build" in capsys.readouterr().err
    write(tmp_path / "ex", "09_orphan.ipynb", solution_notebook("09_orphan"))
    assert build.main(args) == 0
    assert build.main([*args, "--check"]) == 1
    assert "09_orphan.ipynb has no solution notebook" in capsys.readouterr().err


def test_named_notebooks_limit_the_build(tmp_path: Path) -> None:
    write(tmp_path / "solutions", "01_demo.ipynb", solution_notebook())
    write(tmp_path / "solutions", "02_demo.ipynb", solution_notebook("02_demo"))
    folders = ["--solutions", str(tmp_path / "solutions"), "--exercises", str(tmp_path / "ex")]
    assert build.main([*folders, "solutions/02_demo.ipynb"]) == 0
    assert sorted(p.name for p in (tmp_path / "ex").iterdir()) == ["02_demo.ipynb"]
    assert build.main([*folders, "--check", "02_demo.ipynb"]) == 0
    assert build.main([*folders, "--check"]) == 1
    assert build.main([*folders, "09_missing.ipynb"]) == 2


def test_a_broken_solution_fails_the_build_with_its_name(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path / "solutions", "01_demo.ipynb", solution_notebook(answer=f"{BEGIN}\nx = 1"))
    code = cli_main(["build", "--solutions", str(tmp_path / "solutions"),
                     "--exercises", str(tmp_path / "ex")])
    assert code == 2
    assert "01_demo.ipynb, cell 4 (question q1)" in capsys.readouterr().err
    assert not (tmp_path / "ex" / "01_demo.ipynb").exists()


# --- the repository's own exercises ---------------------------------------------------------

def test_the_repository_has_solution_notebooks() -> None:
    assert build.solution_files(SOLUTIONS), "solutions/ holds no NN_slug.ipynb notebooks"


def test_exercises_folder_is_exactly_what_the_build_writes() -> None:
    differing = [f"{c.path.name}: {c.status}" for c in build.plan(SOLUTIONS, EXERCISES)
                 if c.status != "same"]
    assert not differing, f"run `python -m newslab build`: {differing}"


@pytest.mark.parametrize("solution", build.solution_files(SOLUTIONS), ids=lambda p: p.stem)
def test_no_solution_text_reaches_an_exercise(solution: Path) -> None:
    """No marker, no line of a solution block in its answer cell, no whole block anywhere."""
    exercise_text = (EXERCISES / solution.name).read_text(encoding="utf-8")
    assert "BEGIN SOLUTION" not in exercise_text and "END SOLUTION" not in exercise_text
    exercise = nbformat.reads(exercise_text, 4)
    by_id = {c.id: c for c in exercise.cells}
    everything = "\n".join(c.source for c in exercise.cells)
    for code in nbformat.read(solution, as_version=4).cells:
        info = code.metadata.get("newslab", {})
        if info.get("role") != "answer":
            continue
        blocks = solution_blocks(code.source)
        answer_lines = {line.strip() for line in by_id[code.id].source.split("\n")}
        allowed = {PROMPT, f"{info['variable']} = ...", ""}
        for block in blocks:
            leaked = {line.strip() for line in block} & (answer_lines - allowed)
            assert not leaked, f"{solution.name} {info['question']}: {leaked}"
            whole = "\n".join(block).strip()
            if len(whole) > 30:
                assert whole not in everything, f"{solution.name} {info['question']} leaked"
