"""Real-browser tests: every lesson in JupyterLab, driven by Playwright and Debian's Chromium.

JupyterLab serves a temporary copy of the course (`course_lab`), so running and autosaving never
touch the repository. Screenshots go to test-artifacts/browser/ (look at them). Without Chromium
these tests are skipped with the reason, except under CI, where that is a failure (see
`chromium_executable` in conftest.py). Page helpers live in labpage.py.

Each lesson is opened once and run once per test run (`shared_page`, a `labpage.SharedNotebookPage`;
conftest.py keeps one lesson's tests together, on one xdist worker): its tests take turns on
that page, in the order they are written below, and each still makes all of its assertions on
the same notebook. Before, each test opened its lesson afresh (8 more openings), and the
labelling tool (03) and "about" rule (04b) tests ran their lesson a second time:

- the first notebook's checks (tab, folder, no news question) look at lesson 00's page as it
  opens, before the Run All test runs that page;
- the saved-chart checks (lessons that store charts) look at the page as it opens, before Run
  All; so does lesson 01's worked-answer check, which opens one hidden answer: Run All then runs
  the same cells and also checks that answer's prompt;
- the labelling tool and "about" rule checks use the cells Run All left on the page, then mark
  the page changed (nothing else uses it after them).
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
    SharedNotebookPage,
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

# The tests of one lesson share its page (conftest.py runs them one after another, in the order
# written here): first what the notebook shows as opened, then Run All, then the widgets.

@pytest.mark.parametrize("path", notebook_params("00_*.ipynb"))
def test_lab_opens_at_the_first_notebook_without_the_news_question(
        path: Path, shared_page: SharedNotebookPage) -> None:
    notebook = shared_page.as_opened(path)
    current = notebook.page.locator(".lm-DockPanel-tabBar .lm-TabBar-tab.lm-mod-current")
    assert current.inner_text().strip() == "00_start_here.ipynb"
    assert notebook.page.locator(".jp-BreadCrumbs").inner_text().strip() == "/notebooks/"
    assert not news_question_shown(notebook), "JupyterLab asked about Jupyter news"
    assert {"notebooks", "exercises", "data"} <= course_folders_shown(notebook)


@pytest.mark.parametrize("path", notebook_params(charts_only=True))
def test_saved_notebook_shows_its_charts_without_running(
        path: Path, shared_page: SharedNotebookPage) -> None:
    """Offline and saved state: the stored Vega-Lite outputs draw as soon as the file opens."""
    check_saved_charts(shared_page.as_opened(path), path.stem)


@pytest.mark.parametrize("path", notebook_params("01_*.ipynb"))
def test_a_hidden_worked_answer_opens_on_click_and_shows_its_code(
        path: Path, shared_page: SharedNotebookPage) -> None:
    """Lesson 01's first "Your turn": the worked answer under it is collapsed until clicked.

    The page stays shared: Run All then runs the same cells, and `compare_with_file` also checks
    the prompt of the answer shown here (a collapsed cell shows none)."""
    check_worked_answer(shared_page.as_opened(path), path.stem)


@pytest.mark.parametrize("path", notebook_params())
def test_run_all_shows_every_chart_and_widget_without_errors(
        path: Path, shared_page: SharedNotebookPage) -> None:
    notebook, shown = shared_page.after_run_all(path)
    screenshot = notebook.screenshot(path.stem)
    assert screenshot.stat().st_size > 10_000
    problems = compare_with_file(notebook.file, shown, ran=True)
    assert not problems, f"{path.name} after Run All:\n" + "\n".join(problems)


@pytest.mark.parametrize("path", notebook_params("03_*.ipynb"))
def test_labelling_tool_records_a_label_and_moves_on(
        path: Path, shared_page: SharedNotebookPage) -> None:
    """Lesson 03's attribution labelling tool, after Run All (the page of the Run All test)."""
    notebook, _ = shared_page.after_run_all(path)
    try:
        check_labelling_tool(notebook, path.stem)
    finally:
        shared_page.changed()


@pytest.mark.parametrize("path", notebook_params("04b_*.ipynb"))
def test_about_rule_widget_redraws_the_range_chart(
        path: Path, shared_page: SharedNotebookPage) -> None:
    """The "about" rule widget of the optional notebook 04b, after Run All (the page of the
    Run All test)."""
    notebook, _ = shared_page.after_run_all(path)
    try:
        check_about_rule(notebook, path.stem)
    finally:
        shared_page.changed()


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
