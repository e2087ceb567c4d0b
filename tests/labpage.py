"""Driving JupyterLab notebooks in a real browser: open, Run All, read what the page shows.

Used by the browser tests (`test_browser.py`, `test_browser_harness.py`) through the
`open_notebook` fixture in conftest.py. Selectors follow JupyterLab 4.6's DOM: cells
`.jp-Cell`, prompts `.jp-InputPrompt`, charts `.vega-embed svg|canvas`, widgets `.jupyter-widgets`,
the kernel status "| Idle" in `#jp-main-statusbar`.
"""

from __future__ import annotations

import csv
import json
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import nbformat
import pytest

if TYPE_CHECKING:
    from conftest import LabServer

REPO = Path(__file__).resolve().parent.parent
VEGALITE = "application/vnd.vegalite.v5+json"
WIDGET = "application/vnd.jupyter.widget-view+json"
NOTEBOOKS = sorted((REPO / "notebooks").glob("[0-9][0-9]*_*.ipynb"))
SCREENSHOTS = REPO / "test-artifacts" / "browser"
RUN_TIMEOUT_MS = 180_000
# Hooks the lessons may add with `widget.add_class(...)`; otherwise the tests find the widgets
# by their visible text (a "Next" button; a description mentioning "about").
LABELLER_CLASS = "newslab-labeller"
MARKING_CLASS = "newslab-marking"
ABOUT_RULE_CLASS = "newslab-about-rule"


def notebook_params(pattern: str = "*", charts_only: bool = False) -> list[Any]:
    """One pytest param per lesson notebook matching `pattern` (id: the file stem)."""
    chosen = [path for path in NOTEBOOKS if path.match(pattern)]
    if charts_only:
        chosen = [path for path in chosen if sum(cell.charts for cell in stored_cells(path))]
    return [pytest.param(path, id=path.stem) for path in chosen]


@dataclass(frozen=True)
class StoredCell:
    """What a cell of the notebook file holds: its kind and the outputs saved with it."""

    kind: str
    runs: bool
    charts: int
    widgets: int
    raises: bool


def stored_cells(path: Path) -> list[StoredCell]:
    """Read the notebook file's cells and count their stored charts and widgets."""
    cells = []
    for cell in nbformat.read(path, as_version=4).cells:
        outputs = cell.get("outputs", [])
        cells.append(StoredCell(
            kind=cell.cell_type, runs=cell.cell_type == "code" and bool(cell.source.strip()),
            charts=sum(VEGALITE in output.get("data", {}) for output in outputs),
            widgets=sum(WIDGET in output.get("data", {}) for output in outputs),
            raises="raises-exception" in cell.metadata.get("tags", [])))
    return cells


# Reads the open notebook's cells from the page: prompts, outputs, charts, widgets, images.
READ_CELLS = """() => {
  const panel = document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden)');
  const cells = panel ? [...panel.querySelectorAll('.jp-Notebook .jp-Cell')] : [];
  const topLevel = (el) => !el.parentElement.closest('.jupyter-widgets');
  return cells.map((cell) => {
    const outputs = [...cell.querySelectorAll('.jp-OutputArea-output')];
    const charts = [...cell.querySelectorAll('.jp-RenderedVegaLite, .jp-RenderedVegaCommon5')];
    const shown = (chart) => !!chart.querySelector('.vega-embed svg, .vega-embed canvas');
    const images = [...cell.querySelectorAll('.jp-RenderedMarkdown img, .jp-RenderedImage img')];
    return {
      kind: cell.classList.contains('jp-CodeCell') ? 'code'
        : cell.classList.contains('jp-MarkdownCell') ? 'markdown' : 'raw',
      prompt: (cell.querySelector('.jp-InputPrompt') || {}).textContent?.trim() || '',
      // A hidden worked answer shows a placeholder instead of its editor and prompt.
      collapsed: !!cell.querySelector('.jp-InputPlaceholder'),
      errors: outputs.filter((o) => o.dataset.mimeType === 'application/vnd.jupyter.stderr')
        .map((o) => o.innerText.slice(0, 600)),
      charts: charts.filter(topLevel).length,
      chartsShown: charts.filter(topLevel).filter(shown).length,
      chartsInWidgets: charts.filter((c) => !topLevel(c)).length,
      chartsInWidgetsShown: charts.filter((c) => !topLevel(c)).filter(shown).length,
      widgets: outputs.filter(topLevel).filter((o) => o.querySelector('.jupyter-widgets')).length,
      widgetProblems: outputs.filter((o) => /Error displaying widget|model not found/
        .test(o.innerText)).length,
      brokenImages: images.filter((i) => i.complete && i.naturalWidth === 0)
        .map((i) => decodeURIComponent(new URL(i.src, location.href).pathname)),
    };
  });
}"""

# True once no cell is queued or running, the kernel is idle and something has run.
RUN_FINISHED = """() => {
  const panel = document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden)');
  if (!panel) return false;
  const prompts = [...panel.querySelectorAll('.jp-CodeCell .jp-InputPrompt')]
    .map((p) => p.textContent.trim());
  const status = (document.querySelector('#jp-main-statusbar') || {}).textContent || '';
  return status.includes('| Idle') && !prompts.some((p) => p.includes('*'))
    && prompts.some((p) => /\\[\\d+\\]/.test(p));
}"""


# Where the last cell ends, in page pixels, if the notebook were not scrolled.
NOTEBOOK_HEIGHT = """() => {
  const outer = document.querySelector('.jp-NotebookPanel .jp-WindowedPanel-outer');
  const cells = document.querySelectorAll('.jp-NotebookPanel .jp-Cell');
  if (!outer || !cells.length) return 0;
  return cells[cells.length - 1].getBoundingClientRect().bottom + outer.scrollTop + 40;
}"""


class NotebookPage:
    """A notebook opened in JupyterLab in a Playwright page, with the few actions tests need."""

    def __init__(self, page: Any, server: LabServer, relative: str, file: Path) -> None:
        self.page, self.server, self.relative, self.file = page, server, relative, file

    def open(self) -> None:
        """Open `/lab/tree/<path>?reset`; wait for every cell of the file and an idle kernel."""
        self.page.goto(f"{self.server.url}/lab/tree/{self.relative}?reset&token={self.server.token}")
        self.page.locator(".jp-NotebookPanel .jp-Cell").first.wait_for(timeout=60_000)
        # JupyterLab attaches the cells of a long notebook in batches.
        self.page.wait_for_function(
            "(n) => document.querySelectorAll('.jp-NotebookPanel .jp-Cell').length >= n",
            arg=len(stored_cells(self.file)), timeout=60_000)
        self.page.locator("#jp-main-statusbar").get_by_text("| Idle").wait_for(timeout=60_000)

    def menu_command(self, menu: str, command: str) -> None:
        """Click a main-menu entry by its JupyterLab command id (e.g. `runmenu:run-all`)."""
        self.page.locator(".lm-MenuBar-itemLabel", has_text=re.compile(f"^{menu}$")).click()
        self.page.locator(f'.lm-Menu [data-command="{command}"]').click()

    def cells(self) -> list[dict[str, Any]]:
        """What each cell shows once its images have loaded or failed (see READ_CELLS)."""
        self.page.wait_for_function("() => [...document.querySelectorAll("
                                    "'.jp-NotebookPanel img')].every((i) => i.complete)",
                                    timeout=15_000)
        return self.page.evaluate(READ_CELLS)

    def run_all(self) -> list[dict[str, Any]]:
        """Clear every output, Run All, wait until the kernel is idle; return the cells."""
        self.menu_command("Edit", "editmenu:clear-all")
        self.page.wait_for_function(
            "() => !document.querySelector('.jp-NotebookPanel .jp-OutputArea-output')")
        self.menu_command("Run", "runmenu:run-all")
        self.page.wait_for_function(RUN_FINISHED, timeout=RUN_TIMEOUT_MS, polling=250)
        return self.cells()

    def screenshot(self, name: str) -> Path:
        """Save the whole notebook (the viewport is grown to its height; capped) as a PNG."""
        height = self.page.evaluate(NOTEBOOK_HEIGHT)
        self.page.set_viewport_size({"width": 1280, "height": min(max(int(height) + 60, 1200),
                                                                   16_000)})
        self.page.evaluate("() => document.querySelector("
                           "'.jp-NotebookPanel .jp-WindowedPanel-outer')?.scrollTo(0, 0)")
        self.page.wait_for_timeout(700)
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        path = SCREENSHOTS / f"{name}.png"
        self.page.screenshot(path=str(path))
        return path


VIEWPORT = {"width": 1280, "height": 4000}  # tall: full-page screenshots miss the scroll area


class SharedNotebookPage:
    """One page per notebook, shared by the tests that look at that notebook one after another.

    Opening a lesson in JupyterLab costs 6-9 s of CPU and a Run All re-executes it: the checks
    of one lesson (its saved charts, its worked answer, Run All, its widgets) share one opening
    and one Run All instead of each doing both. `as_opened(path)` gives the notebook as it opens
    (nothing run in this page yet); `after_run_all(path)` gives it after one Run All, with the
    cells the page showed then. A page that shows another notebook, or that a test changed
    (`changed()`, e.g. by clicking a widget), is closed and the notebook opened afresh, so every
    test gets the same page state whatever the order; the order only decides how many openings
    there are (tests/conftest.py keeps one notebook's tests together).
    """

    def __init__(self, browser: Any, server: LabServer, course_copy: Path,
                 shutdown: Callable[[LabServer], None]) -> None:
        self.browser, self.server, self.course_copy = browser, server, course_copy
        self.shutdown = shutdown
        self.context: Any = None
        self.notebook: NotebookPage | None = None
        self.state = "closed"  # "opened", "ran" or "changed"
        self.shown: list[dict[str, Any]] = []
        self.openings = 0

    @staticmethod
    def relative(path: Path | str) -> str:
        """A repository path as a path in the course copy; a string already is one."""
        return path.relative_to(REPO).as_posix() if isinstance(path, Path) else path

    def _showing(self, path: Path | str, *states: str) -> bool:
        return (self.notebook is not None and self.state in states
                and self.notebook.relative == self.relative(path))

    def _open(self, path: Path | str) -> NotebookPage:
        self.close()
        self.context = self.browser.new_context(viewport=VIEWPORT)
        relative = self.relative(path)
        self.notebook = NotebookPage(self.context.new_page(), self.server, relative,
                                     self.course_copy / relative)
        self.notebook.open()
        self.state, self.openings = "opened", self.openings + 1
        return self.notebook

    def as_opened(self, path: Path | str) -> NotebookPage:
        """The notebook (a repository path, or a path in the course copy) as it opens, no cell
        run in this page."""
        if not self._showing(path, "opened"):
            self._open(path)
        assert self.notebook is not None
        self.notebook.page.set_viewport_size(VIEWPORT)  # a screenshot may have grown it
        return self.notebook

    def after_run_all(self, path: Path | str) -> tuple[NotebookPage, list[dict[str, Any]]]:
        """The notebook after one Run All in this page, and the cells it showed right then."""
        if not self._showing(path, "ran"):
            notebook = self.as_opened(path)
            self.state = "changed"  # until Run All has finished
            self.shown = notebook.run_all()
            self.state = "ran"
        assert self.notebook is not None
        self.notebook.page.set_viewport_size(VIEWPORT)
        return self.notebook, self.shown

    def changed(self) -> None:
        """Say that a test changed the page (clicked a widget): the next test opens it afresh."""
        self.state = "changed"

    def close(self) -> None:
        """Close the page and stop every kernel on the server (each opening starts one)."""
        if self.context is not None:
            self.context.close()
            self.shutdown(self.server)
        self.context, self.notebook, self.state, self.shown = None, None, "closed", []


def compare_with_file(path: Path, shown: list[dict[str, Any]], ran: bool) -> list[str]:
    """Problems between what the page shows and what the notebook file stores, cell by cell."""
    stored = stored_cells(path)
    if len(shown) != len(stored):
        return [f"the page shows {len(shown)} cells, the file has {len(stored)}"]
    problems = []
    for number, (cell, saved) in enumerate(zip(shown, stored, strict=True), start=1):
        where = f"cell {number}"
        # A collapsed cell shows no prompt; the later cells that use its names show it ran.
        if (ran and saved.runs and not cell["collapsed"]
                and not re.fullmatch(r"\[\d+\]:?", cell["prompt"])):
            problems.append(f"{where} did not run (prompt {cell['prompt']!r})")
        if cell["errors"] and not saved.raises:
            problems.append(f"{where} shows error output: {cell['errors'][0]!r}")
        if cell["charts"] != saved.charts:
            problems.append(f"{where} shows {cell['charts']} charts, the file stores "
                            f"{saved.charts}")
        if cell["chartsShown"] != cell["charts"]:
            problems.append(f"{where}: a chart has no SVG or canvas inside .vega-embed")
        if cell["chartsInWidgetsShown"] != cell["chartsInWidgets"]:
            problems.append(f"{where}: a chart inside a widget did not draw")
        if ran and cell["widgets"] != saved.widgets:
            problems.append(f"{where} shows {cell['widgets']} widgets, the file stores "
                            f"{saved.widgets}")
        if cell["widgetProblems"]:
            problems.append(f"{where}: a widget failed to display")
        if cell["brokenImages"]:
            problems.append(f"{where}: images did not load: {cell['brokenImages']}")
    return problems


def check_saved_charts(notebook: NotebookPage, name: str) -> None:
    """Opened without running, the notebook draws every chart stored in its file."""
    path = notebook.file
    expected = sum(cell.charts for cell in stored_cells(path))
    assert expected, f"{path.name} stores no chart to look at"
    notebook.page.wait_for_function(
        "(n) => document.querySelectorAll('.jp-NotebookPanel .vega-embed svg,"
        " .jp-NotebookPanel .vega-embed canvas').length >= n", arg=expected, timeout=60_000)
    notebook.screenshot(f"{name}-as-saved")
    problems = compare_with_file(path, notebook.cells(), ran=False)
    assert not problems, f"{path.name} as saved:\n" + "\n".join(problems)


def news_question_shown(notebook: NotebookPage, seconds: float = 8) -> bool:
    """Whether JupyterLab asks about "official Jupyter news" within `seconds` of opening."""
    question = notebook.page.locator(".jp-toast-message", has_text="Jupyter news")
    try:
        question.first.wait_for(timeout=seconds * 1000)
    except Exception:  # Playwright's TimeoutError: no question asked
        return False
    return True


def course_folders_shown(notebook: NotebookPage) -> set[str]:
    """Go to the server's root in the file browser; return the names listed there."""
    notebook.page.locator(".jp-BreadCrumbs-home").click()
    notebook.page.wait_for_function("() => document.querySelector('.jp-BreadCrumbs')"
                                    "?.innerText.trim() === '/'")
    # Until the listing itself has changed: the breadcrumbs can say '/' while it still lists
    # the notebook's folder (seen once, in a serial run under load).
    names = ("[...document.querySelectorAll('.jp-DirListing-itemText')]"
             ".map((e) => e.innerText.trim())")
    notebook.page.wait_for_function(f"() => {names}.includes('notebooks')", timeout=30_000)
    return set(notebook.page.evaluate(f"() => {names}"))


def widget_root(notebook: NotebookPage, hook: str, text_hint: Any, within: str) -> Any:
    """The output holding a widget: by its hook class, else by visible text inside `within`."""
    page = notebook.page
    hooked = page.locator(f".jp-NotebookPanel .{hook}")
    if hooked.count():
        return hooked.first
    found = page.locator(".jp-NotebookPanel .jp-OutputArea-output").filter(
        has=page.locator(within, has_text=text_hint))
    assert found.count(), f"no widget with class {hook!r} or matching {text_hint!r} in {within}"
    return found.first


def choose_another_option(root: Any) -> str:
    """Change the first choice control in `root` to another value; return what was chosen."""
    select = root.locator("select")
    if select.count():
        control = select.first
        current = control.input_value()
        values = [value for value in control.locator("option").evaluate_all(
            "(options) => options.map((o) => o.value)") if value != current]
        assert values, "the dropdown offers only one choice"
        control.select_option(values[0])
        return values[0]
    for selector in (".widget-radio-box input[type=radio]:not(:checked)",
                     ".widget-toggle-buttons button:not(.mod-active)"):
        options = root.locator(selector)
        if options.count():
            options.first.click()
            return options.first.get_attribute("value") or options.first.inner_text()
    slider = root.locator(".widget-slider .noUi-handle, .widget-slider input[type=range]")
    assert slider.count(), "no dropdown, radio buttons, toggle buttons or slider found"
    slider.first.focus()
    slider.first.press("ArrowRight")
    return "slider +1 step"


PROGRESS = r"""(el) => JSON.stringify({
  bars: [...el.querySelectorAll('.progress-bar, progress')]
    .map((b) => b.style?.width || String(b.value)),
  counts: el.innerText.match(new RegExp(String.raw`\d+\s*(?:of|out of|/)\s*\d+`
    + String.raw`|\d+(?:\.\d+)?\s*%|\d+\s+(?:labell?ed|done|left|to go)`, 'gi')) || [],
})"""


def wait_for_change(read: Callable[[], str], before: str, seconds: float = 20) -> str:
    """Poll `read()` until it differs from `before`; return the new value (or the last one)."""
    deadline = time.monotonic() + seconds
    now = read()
    while now == before and time.monotonic() < deadline:
        time.sleep(0.25)
        now = read()
    return now


def check_labelling_tool(notebook: NotebookPage, name: str) -> None:
    """Choose an attribution label, press Next: the progress shown and the sentence change."""
    root = widget_root(notebook, LABELLER_CLASS, re.compile(r"\bnext\b", re.I), "button")
    root.scroll_into_view_if_needed()
    progress_before = root.evaluate(PROGRESS)
    assert json.loads(progress_before) != {"bars": [], "counts": []}, (
        "no progress shown: expected an IntProgress bar or text such as '3 of 20'")
    text_before = root.inner_text()
    choose_another_option(root)
    root.locator("button", has_text=re.compile(r"\bnext\b", re.I)).first.click()
    progress_after = wait_for_change(lambda: root.evaluate(PROGRESS), progress_before)
    notebook.screenshot(f"{name}-labelled")
    assert progress_after != progress_before, "the progress did not change after label + Next"
    assert root.inner_text() != text_before


def marked_rows(marks: Path) -> list[dict[str, str]]:
    """The rows of a marks.csv that carry points (none when the file is not there yet)."""
    if not marks.exists():
        return []
    rows = csv.DictReader(marks.read_text(encoding="utf-8").splitlines())
    return [row for row in rows if row["points"]]


def wait_for_rows(marks: Path, count: int, seconds: float = 20) -> list[dict[str, str]]:
    deadline = time.monotonic() + seconds
    while len(marked_rows(marks)) < count and time.monotonic() < deadline:
        time.sleep(0.25)
    return marked_rows(marks)


def check_marking_tool(notebook: NotebookPage, marks: Path, name: str) -> None:
    """Click a level, Next, another level: marks.csv holds both; after a kernel restart and Run
    All, the file still holds them and the tool counts them as marked."""
    page = notebook.page
    root = page.locator(f".jp-NotebookPanel .{MARKING_CLASS}").first
    root.wait_for(timeout=30_000)
    root.scroll_into_view_if_needed()
    heading = root.locator("h3").first.inner_text()
    assert "Answer 1 of 2" in heading and not {"ann", "bob"} & set(heading.lower().split())
    root.locator("button", has_text=re.compile(r"· partial$")).click()
    assert len(wait_for_rows(marks, 1)) == 1, "the first click was not saved to marks.csv"
    root.locator("button", has_text=re.compile(r"\bnext\b", re.I)).click()
    page.wait_for_function("(el) => el.innerText.includes('Answer 2 of 2')",
                           arg=root.element_handle())
    root.locator("button", has_text=re.compile(r"· good$")).click()
    saved = wait_for_rows(marks, 2)
    assert sorted(row["level"] for row in saved) == ["good", "partial"], saved
    notebook.screenshot(f"{name}-marked")
    root.locator("button", has_text=re.compile(r"\bback\b", re.I)).click()
    page.wait_for_function("(el) => el.innerText.includes('Answer 1 of 2')",
                           arg=root.element_handle())
    root.screenshot(path=str(SCREENSHOTS / f"{name}-tool.png"))  # the one in docs/
    notebook.menu_command("Kernel", "kernelmenu:restart")
    page.locator(".jp-Dialog .jp-mod-accept").click()
    page.locator("#jp-main-statusbar").get_by_text("| Idle").wait_for(timeout=60_000)
    notebook.run_all()
    assert sorted(row["level"] for row in marked_rows(marks)) == ["good", "partial"]
    root = page.locator(f".jp-NotebookPanel .{MARKING_CLASS}").first
    root.wait_for(timeout=30_000)
    assert "2 of 2 marked" in root.inner_text()


CHARTS = """() => [...document.querySelectorAll('.jp-NotebookPanel .vega-embed')].map((e) => {
  const c = e.querySelector('canvas');
  return c ? c.toDataURL() : (e.querySelector('svg') || {}).outerHTML || '';
})"""


def check_about_rule(notebook: NotebookPage, name: str) -> None:
    """Change the rule for "about": a chart on the page draws differently, none vanishes."""
    root = widget_root(notebook, ABOUT_RULE_CLASS, re.compile("about", re.I),
                       ".widget-label, .widget-label-basic, label")
    root.scroll_into_view_if_needed()
    charts_before = notebook.page.evaluate(CHARTS)
    assert charts_before and all(charts_before), "a chart was not drawn before the change"
    choose_another_option(root)
    charts_after = wait_for_change(lambda: notebook.page.evaluate(CHARTS), charts_before)
    # Vega empties a view while it redraws it: give the redraw time to finish before judging.
    deadline = time.monotonic() + 20
    while not (len(charts_after) >= len(charts_before) and all(charts_after)) \
            and time.monotonic() < deadline:
        time.sleep(0.25)
        charts_after = notebook.page.evaluate(CHARTS)
    notebook.screenshot(f"{name}-about-rule-changed")
    assert charts_after != charts_before, "no chart changed after changing the 'about' rule"
    assert len(charts_after) >= len(charts_before) and all(charts_after), "a chart vanished"




def check_worked_answer(notebook: NotebookPage, name: str) -> None:
    """The first worked answer is collapsed as shipped; a click on it shows its code."""
    cells = nbformat.read(notebook.file, as_version=4).cells
    index, source = next((number, cell.source) for number, cell in enumerate(cells)
                         if cell.get("metadata", {}).get("newslab", {}).get("role")
                         == "worked_answer")
    cell = notebook.page.locator(".jp-NotebookPanel .jp-Notebook .jp-Cell").nth(index)
    cell.scroll_into_view_if_needed()
    code = next(line for line in source.splitlines() if line.strip() and not line.startswith("#"))
    placeholder = cell.locator(".jp-InputPlaceholder")
    placeholder.wait_for(state="visible", timeout=15_000)
    editor = cell.locator(".jp-InputArea .cm-content")
    assert not editor.is_visible(), "the worked answer's code shows before it is opened"
    preview = cell.inner_text()  # JupyterLab previews a collapsed cell's first line
    assert code not in preview, f"the collapsed worked answer shows its code: {preview!r}"
    placeholder.click()
    editor.wait_for(state="visible", timeout=15_000)
    notebook.screenshot(f"{name}-worked-answer-open")
    shown = editor.inner_text()
    assert code in shown, f"the opened worked answer shows {shown!r}"
