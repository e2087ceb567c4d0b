"""The course website (`make site`, .github/workflows/site.yml; docs/AUTHORING.md).

The site is built once per session, by the workflow's own `run` steps, into a temporary folder,
with a student-edition repository and a hub named as a class would. Then: every lesson and
exercise is there and `solutions/` is not; no page holds a line of solution code; each lesson
page has its launch links, time and objectives, exercise and neighbours; and in Chromium, served
on 127.0.0.1, every chart is drawn, nothing is logged as an error, no request leaves the
machine and axe-core finds no serious or critical violation (per-rule counts are printed).
Lessons and exercises are found by listing their folders, so new lessons are tested too.
`benchmarks/site_build.py` measures the build time.
"""

from __future__ import annotations

import contextlib
import json
import os
import posixpath
import subprocess
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import nbformat
import pytest
from axe import describe, rule_counts, run_axe, serious
from bs4 import BeautifulSoup
from conftest import REPO
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output
from pygments import highlight
from pygments.formatters import HtmlFormatter
from pygments.lexers import PythonLexer
from sitebuild import (
    SITE_HUB,
    SITE_REPO,
    build_steps,
    lesson_lines,
    page_lines,
    serve,
    solution_lines,
    workflow,
)

from newslab.links import binder_link, nbgitpuller_link, parse_repo
from newslab.site.build import build_site
from newslab.site.outputs import WIDGET_NOTE, chart_html, prepare
from newslab.site.pages import Launch, rewrite_links, write_pages

LESSONS = sorted(path.name for path in (REPO / "notebooks").glob("[0-9][0-9]*_*.ipynb"))
EXERCISES = sorted(path.name for path in (REPO / "exercises").glob("*.ipynb"))
LAUNCH = Launch(parse_repo(SITE_REPO), "main", SITE_HUB)
AXE_COUNTS: Counter[str] = Counter()


def html_name(notebook: str) -> str:
    """The page a notebook becomes."""
    return notebook.removesuffix(".ipynb") + ".html"


def show(config: pytest.Config, lines: list[str]) -> None:
    """Print to the terminal even while pytest captures output (figures worth reading)."""
    capture = config.pluginmanager.getplugin("capturemanager")
    with capture.global_and_fixture_disabled() if capture else contextlib.nullcontext():
        print("\n" + "\n".join(lines), flush=True)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory, pytestconfig: pytest.Config) -> Path:
    """The site, built by the workflow's `run` steps (as on GitHub) into a temporary folder."""
    out = tmp_path_factory.mktemp("website") / "site"
    environment = {**os.environ, "SITE_REPO": SITE_REPO, "SITE_HUB": SITE_HUB,
                   "SITE_OUT": str(out)}
    started = time.monotonic()
    for step in build_steps():
        finished = subprocess.run(["bash", "-euo", "pipefail", "-c", step["run"]], cwd=REPO,
                                  env=environment, capture_output=True, text=True, check=False)
        assert finished.returncode == 0, (
            f"workflow step {step.get('name', step['run'])!r} failed:\n"
            f"{finished.stdout[-3000:]}\n{finished.stderr[-3000:]}")
    show(pytestconfig, [f"website built by the workflow's steps in "
                        f"{time.monotonic() - started:.1f} s"])
    return out


@pytest.fixture(scope="module")
def site_url(built_site: Path) -> Iterator[str]:
    """The built site served on 127.0.0.1."""
    with serve(built_site) as url:
        yield url


@pytest.fixture(scope="module", autouse=True)
def print_axe_counts(request: pytest.FixtureRequest) -> Iterator[None]:
    """After this module: how many elements broke each axe rule, over every page."""
    yield
    if AXE_COUNTS:
        counts = [f"  {rule}: {count}" for rule, count in sorted(AXE_COUNTS.items())]
        show(request.config, ["axe-core on the website, elements per rule over all pages:",
                              *counts])


# --- the workflow and the page folder (no Sphinx, no browser) -------------------------------

def test_workflow_builds_with_make_site_and_publishes_from_main() -> None:
    flow = workflow()
    triggers = flow.get("on", flow.get(True))  # YAML 1.1 reads the key `on` as True
    assert triggers["push"]["branches"] == ["main"]
    runs = [step["run"] for step in build_steps()]
    assert runs and all(run.startswith("make site") for run in runs)
    steps = flow["jobs"]["build"]["steps"]
    upload = next(step for step in steps if "upload-pages-artifact" in step.get("uses", ""))
    assert upload["with"]["path"] == "build/site"
    assert "SITE_OUT ?= build/site" in (REPO / "Makefile").read_text(encoding="utf-8")
    deploy = flow["jobs"]["deploy"]["steps"]
    assert any("deploy-pages" in step.get("uses", "") for step in deploy)


def chart_output(spec: dict) -> Any:
    """A stored Altair output as the mimetype renderer writes it."""
    return new_output("display_data", data={"application/vnd.vegalite.v5+json": spec,
                                            "text/plain": "<VegaLite 5 object>"})


def test_prepare_draws_charts_notes_widgets_and_folds_worked_answers() -> None:
    spec = {"description": "Two bars </script><b>", "mark": "bar"}
    widget = new_output("display_data", data={
        "application/vnd.jupyter.widget-view+json": {"model_id": "x"}, "text/plain": "VBox()"})
    notebook = new_notebook(cells=[
        new_code_cell("chart", outputs=[chart_output(spec)]),
        new_code_cell("tool", outputs=[widget]),
        new_code_cell("answer = 1", metadata={"newslab": {"role": "worked_answer"}}),
        new_code_cell("other = 2", metadata={"jupyter": {"source_hidden": True}}),
        new_code_cell("shown = 3")])
    notebook.metadata["widgets"] = {"application/vnd.jupyter.widget-state+json": {}}
    counts = prepare(notebook)
    assert counts == {"charts": 1, "widgets": 1, "folded": 2}
    chart = notebook.cells[0].outputs[0]["data"]
    assert list(chart) == ["text/html"]
    assert "</script><b>" not in chart["text/html"].split('type="application/json"')[1]
    assert "Two bars &lt;/script&gt;&lt;b&gt;" in chart["text/html"]
    assert notebook.cells[1].outputs[0]["data"] == {"text/html": WIDGET_NOTE}
    assert [cell.metadata.get("tags") for cell in notebook.cells[2:]] == [
        ["hide-cell"], ["hide-cell"], None]
    assert "widgets" not in notebook.metadata


def test_chart_placeholder_holds_the_whole_spec() -> None:
    spec = {"description": "d", "data": {"values": [{"a": 1}]}, "mark": "point"}
    soup = BeautifulSoup(chart_html(spec, 3), "html.parser")
    target = soup.select_one("div.newslab-chart")
    assert target["id"] == "newslab-chart-3"
    assert json.loads(soup.find(id=target["data-spec"]).string) == spec


def test_links_stay_on_the_site_or_go_to_github_and_remote_images_go() -> None:
    published = {"notebooks/01_a.ipynb": "notebooks/01_a.ipynb", "README.md": "index.md"}
    markdown = ("[next](01_a.ipynb) [guide](../docs/AUTHORING.md#layout) [home](../README.md) "
                "[web](https://example.org/x) [top](#key-points) "
                "[![Launch on Binder](https://mybinder.org/badge_logo.svg)](https://x.org/b)")
    rewritten = rewrite_links(markdown, "notebooks", published, LAUNCH)
    assert "[next](01_a.ipynb)" in rewritten
    assert "[guide](https://github.com/ORG/student-edition/blob/main/docs/AUTHORING.md#layout)" \
        in rewritten
    assert "[home](../index.md)" in rewritten
    assert "[web](https://example.org/x)" in rewritten and "[top](#key-points)" in rewritten
    assert "badge_logo.svg" not in rewritten and "[Launch on Binder](https://x.org/b)" in rewritten


def tiny_course(root: Path) -> Path:
    """A course with two lessons (one with a worked answer), one exercise and a solution."""
    language = {"name": "python"}
    for name, cells in {
        "00_first.ipynb": [new_markdown_cell("# 00 · First\n\n**Time:** 5 min\n\n**Objectives**")],
        "01_second.ipynb": [
            new_markdown_cell("# 01 · Second\n\n**Time:** 9 min\n\n**Objectives**\n- one"),
            new_markdown_cell("**Your turn:** add one."), new_code_cell("total = ..."),
            new_code_cell("total = 41 + 1", outputs=[new_output("stream", text="42\n")],
                          metadata={"jupyter": {"source_hidden": True, "outputs_hidden": True},
                                    "newslab": {"role": "worked_answer"}})],
        "02_third.ipynb": [new_markdown_cell("# 02 · Third")],
    }.items():
        (root / "notebooks").mkdir(parents=True, exist_ok=True)
        nbformat.write(new_notebook(cells=cells, metadata={"language_info": language}),
                       root / "notebooks" / name)
    (root / "exercises").mkdir()
    nbformat.write(new_notebook(cells=[new_markdown_cell("# Exercise 01 · Second"),
                                       new_code_cell("total = ...")],
                                metadata={"language_info": language}),
                   root / "exercises" / "01_second.ipynb")
    (root / "solutions").mkdir()
    nbformat.write(new_notebook(cells=[new_code_cell(
        "### BEGIN SOLUTION\ntotal = 40 + 2  # secret\n### END SOLUTION")]),
        root / "solutions" / "01_second.ipynb")
    (root / "README.md").write_text("# Tiny course\n\nSee [the guide](docs/AUTHORING.md).\n",
                                    encoding="utf-8")
    (root / "node_modules").symlink_to(REPO / "node_modules")
    return root


def test_pages_list_the_lessons_found_and_never_read_solutions(tmp_path: Path) -> None:
    root = tiny_course(tmp_path / "course")
    source = tmp_path / "source"
    totals = write_pages(root, source, LAUNCH)
    assert totals["lessons"] == 3 and totals["exercises"] == 1 and totals["folded"] == 1
    written = sorted(str(path.relative_to(source)) for path in source.rglob("*") if path.is_file())
    assert written == ["exercises/01_second.ipynb", "index.md", "notebooks/00_first.ipynb",
                       "notebooks/01_second.ipynb", "notebooks/02_third.ipynb"]
    second = nbformat.read(source / "notebooks" / "01_second.ipynb", as_version=4)
    box = second.cells[1].source
    assert second.cells[0].source.startswith("# 01 · Second")  # time and objectives first
    assert binder_link(LAUNCH.repo, "main", "notebooks/01_second.ipynb") in box
    assert nbgitpuller_link(SITE_HUB, LAUNCH.repo, "main", "notebooks/01_second.ipynb") in box
    assert "](../exercises/01_second.ipynb)" in box
    assert "revious lesson: [00 · First](00_first.ipynb)" in box
    assert "ext lesson: [02 · Third](02_third.ipynb)" in box
    first = nbformat.read(source / "notebooks" / "00_first.ipynb", as_version=4).cells[1].source
    assert "revious lesson" not in first and "no exercise notebook" in first
    assert "40 + 2" not in "".join(path.read_text() for path in source.rglob("*.*"))


def test_a_small_site_keeps_worked_answers_folded(tmp_path: Path) -> None:
    root = tiny_course(tmp_path / "course")
    out = tmp_path / "site"
    build_site(out, LAUNCH, root=root)
    soup = BeautifulSoup((out / "notebooks" / "01_second.html").read_text(), "html.parser")
    folded = soup.select("div.tag_hide-cell details")
    assert len(folded) == 1 and not folded[0].has_attr("open")
    assert "total = 41 + 1" in folded[0].get_text()
    assert "Show the worked answer" in folded[0].get_text()
    assert not any("solutions" in str(path) for path in out.rglob("*"))


# --- the built site -------------------------------------------------------------------------

def test_every_lesson_and_exercise_is_published_and_solutions_are_not(built_site: Path) -> None:
    assert LESSONS and EXERCISES
    for notebook in LESSONS:
        assert (built_site / "notebooks" / html_name(notebook)).is_file(), notebook
    for notebook in EXERCISES:
        assert (built_site / "exercises" / html_name(notebook)).is_file(), notebook
    assert (built_site / "index.html").is_file() and (built_site / "INSTRUCTORS.html").is_file()
    files = [path.relative_to(built_site) for path in built_site.rglob("*")]
    assert not [path for path in files if "solution" in str(path).lower()]
    assert not [path for path in files if path.suffix in {".ipynb", ".py"}]


def test_no_page_contains_a_line_of_solution_code(built_site: Path) -> None:
    secret = solution_lines(REPO / "solutions") - lesson_lines(REPO / "notebooks")
    assert len(secret) > 20, "too few solution lines found: is the reader broken?"
    leaks = {}
    for path in built_site.rglob("*"):
        if path.is_file() and path.suffix in {".html", ".txt", ".json", ".md"}:
            found = secret & page_lines(path)
            if found:
                leaks[str(path.relative_to(built_site))] = sorted(found)[:5]
    assert not leaks, f"solution code published: {leaks}"


def test_the_leak_check_sees_highlighted_code(tmp_path: Path) -> None:
    line = sorted(solution_lines(REPO / "solutions"))[0]
    page = tmp_path / "page.html"
    page.write_text(f"<html><body>{highlight(line, PythonLexer(), HtmlFormatter())}</body>"
                    "</html>", encoding="utf-8")
    assert line in page_lines(page)


@pytest.mark.parametrize("notebook", LESSONS)
def test_lesson_page_launches_and_leads_on(built_site: Path, notebook: str) -> None:
    soup = BeautifulSoup((built_site / "notebooks" / html_name(notebook)).read_text(),
                         "html.parser")
    article = soup.select_one("article") or soup
    text = article.get_text(" ")
    box = article.select_one(".newslab-launch")
    assert box is not None, "no launch box"
    first_code = article.select_one("div.cell")
    before_code = text.split(first_code.get_text(" "))[0] if first_code else text
    assert "Time:" in before_code and "Objectives" in before_code, "time/objectives not first"
    hrefs = [link["href"] for link in box.select("a[href]")]
    path = f"notebooks/{notebook}"
    assert binder_link(LAUNCH.repo, "main", path) in hrefs
    assert nbgitpuller_link(SITE_HUB, LAUNCH.repo, "main", path) in hrefs
    if notebook in EXERCISES:
        assert f"../exercises/{html_name(notebook)}" in hrefs
    index = LESSONS.index(notebook)
    neighbours = [LESSONS[i] for i in (index - 1, index + 1) if 0 <= i < len(LESSONS)]
    for neighbour in neighbours:
        assert posixpath.basename(html_name(neighbour)) in hrefs, neighbour


def stored_outputs(notebook: Path, mime: str) -> int:
    """How many outputs of the notebook carry a mime type starting with `mime`."""
    return sum(any(key.startswith(mime) for key in output.get("data", {}))
               for cell in nbformat.read(notebook, as_version=4).cells
               for output in cell.get("outputs", []))


@pytest.mark.parametrize("notebook", LESSONS)
def test_every_chart_and_widget_of_a_lesson_has_its_place(built_site: Path,
                                                         notebook: str) -> None:
    soup = BeautifulSoup((built_site / "notebooks" / html_name(notebook)).read_text(),
                         "html.parser")
    source = REPO / "notebooks" / notebook
    assert len(soup.select("div.newslab-chart")) == stored_outputs(
        source, "application/vnd.vegalite.")
    assert len(soup.select(".newslab-widget-note")) == stored_outputs(
        source, "application/vnd.jupyter.widget-view")
    assert not soup.select("script[src^=http], link[href^=http][rel=stylesheet], img[src^=http]")


# --- in Chromium ----------------------------------------------------------------------------

def watch(page: Any, origin: str) -> tuple[list[str], list[str]]:
    """Collect console errors and uncaught exceptions, and requests that leave `origin`."""
    errors: list[str] = []
    outside: list[str] = []
    page.on("console", lambda message: errors.append(message.text)
            if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("response", lambda response: errors.append(f"{response.status} {response.url}")
            if response.status >= 400 else None)
    page.on("request", lambda request: outside.append(request.url)
            if not request.url.startswith((origin, "data:", "blob:", "about:")) else None)
    return errors, outside


def check_accessibility(page: Any, name: str) -> None:
    """axe-core on the loaded page: count every rule, fail on serious or critical ones."""
    violations = run_axe(page)
    AXE_COUNTS.update(rule_counts(violations))
    bad = serious(violations)
    assert not bad, f"{name}: serious or critical accessibility violations:\n{describe(bad)}"


@pytest.mark.parametrize("notebook", LESSONS)
def test_lesson_page_in_chromium(page: Any, site_url: str, built_site: Path,
                                 notebook: str) -> None:
    errors, outside = watch(page, site_url)
    page.goto(f"{site_url}/notebooks/{html_name(notebook)}", wait_until="load")
    charts = page.locator("div.newslab-chart")
    expected = charts.count()
    if expected:
        page.wait_for_function(
            "n => document.querySelectorAll('div.newslab-chart[data-drawn=true]').length >= n",
            arg=expected, timeout=30_000)
        drawn = page.locator("div.newslab-chart").evaluate_all(
            "nodes => nodes.filter(n => n.querySelector('svg, canvas')).length")
        assert drawn == expected
    folded = page.locator("div.tag_hide-cell details")
    assert folded.evaluate_all("nodes => nodes.filter(n => n.open).length") == 0
    check_accessibility(page, notebook)
    assert not errors, f"console errors: {errors}"
    assert not outside, f"requests that left 127.0.0.1: {outside}"


def other_pages() -> list[str]:
    """Every page that is not a lesson: home, guides, exercises, search, index."""
    pages = ["index.html", "INSTRUCTORS.html", "search.html", "genindex.html"]
    return pages + [f"exercises/{html_name(name)}" for name in EXERCISES]


@pytest.mark.parametrize("path", other_pages())
def test_other_page_in_chromium(page: Any, site_url: str, path: str) -> None:
    errors, outside = watch(page, site_url)
    page.goto(f"{site_url}/{path}", wait_until="load")
    check_accessibility(page, path)
    assert not errors, f"console errors: {errors}"
    assert not outside, f"requests that left 127.0.0.1: {outside}"


def test_charts_draw_from_a_page_opened_from_disk(page: Any, built_site: Path) -> None:
    with_charts = [name for name in LESSONS
                   if "newslab-chart" in (built_site / "notebooks" / html_name(name)).read_text()]
    assert with_charts, "no lesson has a chart"
    errors, outside = watch(page, "file://")
    page.goto((built_site / "notebooks" / html_name(with_charts[0])).as_uri(), wait_until="load")
    expected = page.locator("div.newslab-chart").count()
    page.wait_for_function(
        "n => document.querySelectorAll('div.newslab-chart[data-drawn=true] svg').length >= n",
        arg=expected, timeout=30_000)
    assert not errors and not outside
