"""Real-browser tests: every lesson in JupyterLab, driven by Playwright and Debian's Chromium.

JupyterLab serves a temporary copy of the course (`course_lab`), so running and autosaving never
touch the repository. Screenshots go to test-artifacts/browser/ (look at them). Without Chromium
these tests are skipped with the reason, except under CI, where that is a failure (see
`chromium_executable` in conftest.py). Page helpers live in labpage.py.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from conftest import LabServer, shutdown_kernels
from labpage import (
    REPO,
    NotebookPage,
    check_about_rule,
    check_labelling_tool,
    check_marking_tool,
    check_saved_charts,
    check_worked_answer,
    compare_with_file,
    course_folders_shown,
    news_question_shown,
    notebook_params,
)

from newslab.links import FIRST_NOTEBOOK as FIRST_NOTEBOOK_PATH
from newslab.links import lab_path

FIRST = REPO / "notebooks" / "00_start_here.ipynb"


@pytest.mark.skipif(not FIRST.exists(), reason="lesson 00 is not there yet")
def test_lab_opens_at_the_first_notebook_without_the_news_question(
        open_notebook: Callable[[Path | str], NotebookPage]) -> None:
    notebook = open_notebook(FIRST)
    current = notebook.page.locator(".lm-DockPanel-tabBar .lm-TabBar-tab.lm-mod-current")
    assert current.inner_text().strip() == "00_start_here.ipynb"
    assert notebook.page.locator(".jp-BreadCrumbs").inner_text().strip() == "/notebooks/"
    assert not news_question_shown(notebook), "JupyterLab asked about Jupyter news"
    assert {"notebooks", "exercises", "data"} <= course_folders_shown(notebook)


@pytest.mark.parametrize("path", notebook_params())
def test_run_all_shows_every_chart_and_widget_without_errors(
        path: Path, open_notebook: Callable[[Path], NotebookPage]) -> None:
    notebook = open_notebook(path)
    shown = notebook.run_all()
    screenshot = notebook.screenshot(path.stem)
    assert screenshot.stat().st_size > 10_000
    problems = compare_with_file(notebook.file, shown, ran=True)
    assert not problems, f"{path.name} after Run All:\n" + "\n".join(problems)


FINAL_ASSIGNMENT = [REPO / folder / "07_final_assignment.ipynb" for folder in ("solutions",
                                                                              "exercises")]


@pytest.mark.parametrize("path", [pytest.param(path, id=f"{path.parent.name}-{path.stem}")
                                  for path in FINAL_ASSIGNMENT])
def test_final_assignment_runs_all_without_errors(
        path: Path, open_notebook: Callable[[Path], NotebookPage]) -> None:
    """The worked solution draws its chart; the blank exercise runs to the end before any
    article is pasted (its drafts work on a placeholder), as a student first opens it."""
    notebook = open_notebook(path)
    shown = notebook.run_all()
    notebook.screenshot(f"{path.parent.name}-{path.stem}")
    problems = compare_with_file(notebook.file, shown, ran=True)
    assert not problems, f"{path.parent.name}/{path.name} after Run All:\n" + "\n".join(problems)


@pytest.mark.parametrize("path", notebook_params(charts_only=True))
def test_saved_notebook_shows_its_charts_without_running(
        path: Path, open_notebook: Callable[[Path], NotebookPage]) -> None:
    """Offline and saved state: the stored Vega-Lite outputs draw as soon as the file opens."""
    check_saved_charts(open_notebook(path), path.stem)


@pytest.mark.parametrize("path", notebook_params("03_*.ipynb"))
def test_labelling_tool_records_a_label_and_moves_on(
        path: Path, open_notebook: Callable[[Path], NotebookPage]) -> None:
    """Lesson 03's attribution labelling tool, after Run All."""
    notebook = open_notebook(path)
    notebook.run_all()
    check_labelling_tool(notebook, path.stem)


@pytest.mark.parametrize("path", notebook_params("04b_*.ipynb"))
def test_about_rule_widget_redraws_the_range_chart(
        path: Path, open_notebook: Callable[[Path], NotebookPage]) -> None:
    """The "about" rule widget of the optional notebook 04b, after Run All."""
    notebook = open_notebook(path)
    notebook.run_all()
    check_about_rule(notebook, path.stem)


@pytest.mark.parametrize("path", notebook_params("01_*.ipynb"))
def test_a_hidden_worked_answer_opens_on_click_and_shows_its_code(
        path: Path, open_notebook: Callable[[Path], NotebookPage]) -> None:
    """Lesson 01's first "Your turn": the worked answer under it is collapsed until clicked."""
    check_worked_answer(open_notebook(path), path.stem)


def test_launch_links_open_the_first_notebook_with_the_course_folders_in_view(
        page: Any, course_lab: LabServer) -> None:
    """Binder's and nbgitpuller's `urlpath` show the course's top folder, not `notebooks/`."""
    page.goto(f"{course_lab.url}/{lab_path(FIRST_NOTEBOOK_PATH)}&reset&token={course_lab.token}")
    page.locator(".jp-NotebookPanel .jp-Cell").first.wait_for(timeout=60_000)
    current = page.locator(".lm-DockPanel-tabBar .lm-TabBar-tab.lm-mod-current")
    assert current.inner_text().strip() == "00_start_here.ipynb"
    page.wait_for_function("() => document.querySelector('.jp-BreadCrumbs')"
                           "?.innerText.trim() === '/'", timeout=30_000)
    page.locator(".jp-DirListing-itemText", has_text="exercises").wait_for(timeout=30_000)
    listed = set(page.locator(".jp-DirListing-itemText").all_inner_texts())
    assert {"notebooks", "exercises", "solutions", "data"} <= listed
    shutdown_kernels(course_lab)


MARKING = REPO / "instructors" / "mark_written_answers.ipynb"


def test_marking_notebook_saves_two_marks_that_survive_a_kernel_restart(
        open_notebook: Callable[[Path], NotebookPage], marking_output: Path) -> None:
    """The instructors' tool: two level clicks land in marks.csv; a restarted kernel resumes."""
    notebook = open_notebook(MARKING)
    notebook.run_all()
    check_marking_tool(notebook, marking_output / "marks.csv", "marking")
