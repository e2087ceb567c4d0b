"""The browser harness tested on small notebooks made here, independent of the lessons.

A passing lesson test means something only if the same checks fail on a broken notebook, and the
interaction helpers must work before lessons 03 and 04 exist: both are shown here.

The working notebook is opened once (`shared_page`, as test_browser.py's lessons): its saved-chart
check looks at the page as it opens, then the next test runs that page and checks its widgets.
Before, each of the two tests opened it afresh.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import conftest
import nbformat
import pytest
from conftest import find_free_port, lab_command, start_lab
from labpage import (
    NotebookPage,
    SharedNotebookPage,
    check_about_rule,
    check_labelling_tool,
    check_saved_charts,
    compare_with_file,
    news_question_shown,
    stored_cells,
)
from nbclient import NotebookClient
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

SETUP = ("import altair as alt\nimport ipywidgets as widgets\nimport pandas as pd\n"
         "from IPython.display import display\n_ = alt.renderers.enable(\"mimetype\")")
CHART = ("figures = pd.DataFrame({\"province\": [\"Liaoning\", \"Jilin\"], "
         "\"value\": [30000, 20000]})\n"
         "alt.Chart(figures).mark_bar().encode(x=\"value:Q\", y=\"province:N\")"
         ".properties(description=\"Two bars\")")
LABELLER = '''sentences = ["One.", "Two.", "Three."]
labels = {}
position = 0
sentence = widgets.HTML()
choice = widgets.Dropdown(options=["named source", "one anonymous source"], value=None,
                          description="Attribution")
back, forward = widgets.Button(description="Back"), widgets.Button(description="Next")
progress = widgets.HTML()


def refresh():
    sentence.value = sentences[position]
    progress.value = f"Sentence {position + 1} of {len(sentences)} · {len(labels)} labelled"


def on_next(_):
    global position
    if choice.value:
        labels[position] = choice.value
    position = min(position + 1, len(sentences) - 1)
    refresh()


forward.on_click(on_next)
refresh()
tool = widgets.VBox([sentence, choice, widgets.HBox([back, forward, progress])])
tool.add_class("newslab-labeller")
tool'''
ABOUT_RULE = '''rule = widgets.Dropdown(
    options=[("plus or minus 10 %", 0.1), ("plus or minus 20 %", 0.2)],
    description="What 'about' means")
drawing = widgets.Output()


def draw(_=None):
    ranges = figures.assign(low=figures.value * (1 - rule.value),
                            high=figures.value * (1 + rule.value))
    with drawing:
        drawing.clear_output(wait=True)
        display(alt.Chart(ranges).mark_bar().encode(x="low:Q", x2="high:Q", y="province:N")
                .properties(description="Ranges"))


rule.observe(draw, names="value")
draw()
widgets.VBox([rule, drawing])'''


def write_executed(path: Path, cells: list[nbformat.NotebookNode]) -> Path:
    """Write a notebook made of `cells`, executed with its folder as working directory."""
    notebook = new_notebook(cells=cells)
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3 (ipykernel)",
                                       "language": "python"}
    NotebookClient(notebook, timeout=60, kernel_name="python3",
                   resources={"metadata": {"path": str(path.parent)}}).execute()
    nbformat.write(notebook, path)
    return path


@pytest.fixture(scope="module")
def harness_notebooks(course_copy: Path) -> dict[str, Path]:
    """A working notebook (chart, labeller, about rule) and a broken one, in the course copy."""
    folder = course_copy / "harness"
    folder.mkdir(exist_ok=True)
    good = write_executed(folder / "good.ipynb", [
        new_markdown_cell("# Harness"), new_code_cell(SETUP), new_code_cell(CHART),
        new_code_cell(LABELLER), new_code_cell(ABOUT_RULE)])
    broken = nbformat.read(good, as_version=4)
    broken.cells[2].source = "print('the chart went missing')"
    broken.cells.insert(3, new_code_cell("1 / 0"))
    broken.cells.insert(1, new_markdown_cell("![a picture that is not there](missing.png)"))
    nbformat.write(broken, folder / "broken.ipynb")
    return {"good": good, "broken": folder / "broken.ipynb"}


def test_the_saved_notebook_draws_its_chart_without_running(
        harness_notebooks: dict[str, Path], shared_page: SharedNotebookPage) -> None:
    """On the page as it opens; the next test then runs that same page."""
    notebook = shared_page.as_opened("harness/good.ipynb")
    assert notebook.file == harness_notebooks["good"]
    check_saved_charts(notebook, "harness-good")


def test_the_working_notebook_passes_and_its_widgets_respond(
        harness_notebooks: dict[str, Path], shared_page: SharedNotebookPage) -> None:
    path = harness_notebooks["good"]
    assert [cell.charts for cell in stored_cells(path)] == [0, 0, 1, 0, 0]
    assert [cell.widgets for cell in stored_cells(path)] == [0, 0, 0, 1, 1]
    notebook, shown = shared_page.after_run_all("harness/good.ipynb")
    try:
        assert compare_with_file(path, shown, ran=True) == []
        check_labelling_tool(notebook, "harness-good")
        check_about_rule(notebook, "harness-good")
    finally:
        shared_page.changed()


def test_the_broken_notebook_is_caught(
        harness_notebooks: dict[str, Path],
        open_notebook: Callable[[Path | str], NotebookPage]) -> None:
    path = harness_notebooks["broken"]
    notebook = open_notebook("harness/broken.ipynb")
    problems = "\n".join(compare_with_file(path, notebook.run_all(), ran=True))
    assert "cell 5 shows error output" in problems and "ZeroDivisionError" in problems
    assert "cell 4 shows 0 charts, the file stores 1" in problems
    assert "cell 6 did not run" in problems
    assert "cell 2: images did not load: ['/files/harness/missing.png']" in problems
    with pytest.raises(AssertionError, match="no widget"):
        check_labelling_tool(notebook, "harness-broken")


def test_missing_chromium_is_a_skip_locally_and_a_failure_under_ci(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(conftest, "chromium_path", lambda: None)
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="Chromium is not installed"):
        conftest.require_chromium()
    monkeypatch.setenv("CI", "false")
    with pytest.raises(pytest.skip.Exception):
        conftest.require_chromium()
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="CI environment variable is set"):
        conftest.require_chromium()


def test_the_news_question_is_seen_when_the_settings_allow_it(
        harness_notebooks: dict[str, Path], page: Any, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch, course_copy: Path) -> None:
    """User settings that put news back to "ask" make JupyterLab ask: the check can fail."""
    plugin = tmp_path / "settings" / "@jupyterlab" / "apputils-extension"
    plugin.mkdir(parents=True)
    (plugin / "notification.jupyterlab-settings").write_text('{"fetchNews": "none"}')
    monkeypatch.setenv("JUPYTERLAB_SETTINGS_DIR", str(tmp_path / "settings"))
    port, token = find_free_port(), "news-question"
    with start_lab(lab_command(port, token, root=course_copy), port=port, token=token,
                   cwd=course_copy) as server:
        notebook = NotebookPage(page, server, "harness/good.ipynb",
                                harness_notebooks["good"])
        notebook.open()
        assert news_question_shown(notebook, seconds=30)
