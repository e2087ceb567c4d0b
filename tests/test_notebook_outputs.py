"""Every notebook present, whoever wrote it: outputs where they belong, the exercise triples,
the registry, and the conventions of docs/AUTHORING.md.

Written over the folders, not a list of files, so new lessons are tested as they land.
"""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest
from nbformat import NotebookNode

from newslab.checks import exercises
from newslab.paths import EXERCISES, NOTEBOOKS, SOLUTIONS

NAME = re.compile(r"^\d{2}b?_[a-z0-9_]+\.ipynb$")  # 04b_...: an optional extra lesson


def notebooks_in(folder: Path) -> list[Path]:
    return sorted(p for p in folder.glob("*.ipynb") if NAME.match(p.name))


LESSONS, SOLVED, EXERCISE_FILES = (notebooks_in(NOTEBOOKS), notebooks_in(SOLUTIONS),
                                   notebooks_in(EXERCISES))
EXECUTED = LESSONS + SOLVED
EVERY = LESSONS + SOLVED + EXERCISE_FILES


def ids(paths: list[Path]) -> list[str]:
    return [f"{p.parent.name}/{p.stem}" for p in paths]


def read(path: Path) -> NotebookNode:
    return nbformat.read(path, as_version=4)


def code_cells(notebook: NotebookNode) -> list[NotebookNode]:
    return [c for c in notebook.cells if c.cell_type == "code"]


def role(cell: NotebookNode) -> dict:
    return cell.metadata.get("newslab", {})


def test_there_is_something_to_test() -> None:
    assert LESSONS and SOLVED and EXERCISE_FILES


# --- outputs ---------------------------------------------------------------------------------

@pytest.mark.parametrize("path", EXECUTED, ids=ids(EXECUTED))
def test_lessons_and_solutions_are_executed_top_to_bottom(path: Path) -> None:
    cells = [c for c in code_cells(read(path)) if c.source.strip()]
    counts = [c.execution_count for c in cells]
    assert all(isinstance(n, int) for n in counts), f"{path.name}: a code cell was not run"
    assert counts == list(range(1, len(counts) + 1)), f"{path.name}: not run in order, fresh"
    assert any(c.outputs for c in cells), f"{path.name} carries no outputs"
    errors = [o for c in cells for o in c.outputs if o.output_type == "error"]
    assert not errors, f"{path.name} stores an error output"


@pytest.mark.parametrize("path", EXERCISE_FILES, ids=ids(EXERCISE_FILES))
def test_exercises_carry_no_outputs(path: Path) -> None:
    for cell in code_cells(read(path)):
        assert cell.outputs == [] and cell.execution_count is None, path.name


# --- exercises: triples and registry ------------------------------------------------------------

def triples(notebook: NotebookNode) -> list[tuple[NotebookNode, NotebookNode, NotebookNode]]:
    """(question, answer, check) cells, asserting they come as consecutive triples."""
    found = []
    cells = notebook.cells
    for index, cell in enumerate(cells):
        if role(cell).get("role") != "question":
            continue
        question_id = role(cell).get("question")
        answer, check = cells[index + 1], cells[index + 2]
        assert cell.cell_type == "markdown"
        assert role(answer).get("role") == "answer" and answer.cell_type == "code", question_id
        assert role(check).get("role") == "check" and check.cell_type == "code", question_id
        assert role(answer)["question"] == role(check)["question"] == question_id
        number = question_id.removeprefix("q")
        assert cell.source.startswith(f"**Question {number}.**"), question_id
        variable = role(answer)["variable"]
        assert re.search(rf'check\("{question_id}", {variable}\)', check.source), question_id
        found.append((cell, answer, check))
    return found


@pytest.mark.parametrize("path", SOLVED + EXERCISE_FILES, ids=ids(SOLVED + EXERCISE_FILES))
def test_each_exercise_has_five_or_more_triples_matching_the_registry(path: Path) -> None:
    notebook = read(path)
    exercise_id = notebook.metadata["newslab"]["exercise"]
    assert exercise_id == path.stem
    registered = exercises()
    assert exercise_id in registered, f"no checks registered for {exercise_id}"
    found = triples(notebook)
    assert len(found) >= 5, f"{path.name} has {len(found)} questions"
    in_notebook = [(role(a)["question"], role(a)["variable"]) for _, a, _ in found]
    in_registry = [(q.id, q.variable) for q in registered[exercise_id].questions]
    assert in_notebook == in_registry
    setup = [c for c in notebook.cells if role(c).get("role") == "setup"]
    assert len(setup) == 1 and f'checker("{exercise_id}")' in setup[0].source


@pytest.mark.parametrize("path", EXERCISE_FILES, ids=ids(EXERCISE_FILES))
def test_exercise_answers_start_blank_and_fixed_cells_are_locked(path: Path) -> None:
    notebook = read(path)
    assert (SOLUTIONS / path.name).is_file(), f"{path.name} has no solution notebook"
    for _, answer, _ in triples(notebook):
        assert answer.source.rstrip().endswith(f"{role(answer)['variable']} = ...")
    for cell in notebook.cells:
        locked = cell.metadata.get("editable") is False and cell.metadata.get("deletable") is False
        assert locked == (role(cell).get("role") in {"setup", "question", "check"})


def test_every_registered_exercise_with_a_solution_has_its_exercise() -> None:
    for path in SOLVED:
        assert (EXERCISES / path.name).is_file(), f"run `python -m newslab build` ({path.name})"


# --- conventions (docs/AUTHORING.md) -----------------------------------------------------------

def headings(notebook: NotebookNode) -> list[int]:
    levels = []
    for cell in notebook.cells:
        if cell.cell_type != "markdown":
            continue
        fenced = False
        for line in cell.source.splitlines():
            if line.lstrip().startswith("```"):
                fenced = not fenced
            match = re.match(r"^(#{1,6})\s", line)
            if match and not fenced:
                levels.append(len(match.group(1)))
    return levels


@pytest.mark.parametrize("path", EVERY, ids=ids(EVERY))
def test_one_title_and_headings_in_order(path: Path) -> None:
    notebook = read(path)
    levels = headings(notebook)
    assert levels and levels[0] == 1 and levels.count(1) == 1, f"{path.name}: one # title"
    for before, after in zip(levels, levels[1:], strict=False):
        assert after <= before + 1, f"{path.name}: a heading level is skipped"
    assert notebook.cells[0].cell_type == "markdown"
    assert notebook.cells[0].source.startswith("# ")


@pytest.mark.parametrize("path", EVERY, ids=ids(EVERY))
def test_links_say_where_they_go_and_images_have_alt_text(path: Path) -> None:
    for cell in read(path).cells:
        if cell.cell_type != "markdown":
            continue
        for text in re.findall(r"(?<!!)\[([^\]]*)\]\(", cell.source):
            assert text.strip().lower() not in {"here", "click here", "this", "link", ""}, text
        for alt in re.findall(r"!\[([^\]]*)\]\(", cell.source):
            assert alt.strip(), f"{path.name}: an image without alt text"
        assert not re.search(r"<img(?![^>]*\balt=\"[^\"]+\")", cell.source), path.name


@pytest.mark.parametrize("path", EVERY, ids=ids(EVERY))
def test_code_never_ends_with_a_semicolon_and_charts_use_the_mimetype_renderer(
        path: Path) -> None:
    for cell in code_cells(read(path)):
        assert not cell.source.rstrip().endswith(";"), f"{path.name}: trailing ; (nbval#194)"
        if "import altair as alt" in cell.source:
            assert 'alt.renderers.enable("mimetype")' in cell.source, path.name


@pytest.mark.parametrize("path", LESSONS, ids=ids(LESSONS))
def test_lessons_open_and_close_in_the_carpentries_shape(path: Path) -> None:
    notebook = read(path)
    opening = notebook.cells[0].source
    for part in ("**Time:**", "**Prerequisites:**", "**Questions**", "**Objectives**"):
        assert part in opening, f"{path.name}: the opening cell lacks {part}"
    text = "\n".join(c.source for c in notebook.cells if c.cell_type == "markdown")
    assert "## Key points" in text and "## Next" in text
    next_section = text.split("## Next", 1)[1]
    if (EXERCISES / path.name).is_file():
        assert f"](../exercises/{path.name})" in next_section, "link the exercise notebook"
    assert "**Your turn:**" in text, f"{path.name}: no Your turn prompt"
    code = "\n".join(c.source for c in code_cells(notebook))
    assert "course_file(" in code, f"{path.name} should start cold, loading with course_file"
    assert "../data/" not in code, f"{path.name}: load with course_file, not ../data/"
