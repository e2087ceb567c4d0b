"""Helpers for the website tests: the workflow's steps, solution lines, a static file server.

The site is built once per session (`built_site` in test_site.py) by running the `run` steps
of .github/workflows/site.yml, so the tests and GitHub Pages build it the same way.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import re
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import nbformat
import yaml
from bs4 import BeautifulSoup
from conftest import REPO

from newslab.cells import solution_blocks

WORKFLOW = REPO / ".github" / "workflows" / "site.yml"
SITE_REPO = "https://github.com/ORG/student-edition"
SITE_HUB = "https://hub.example.org"
HAS_WORD = re.compile(r"\w")


def workflow() -> dict[str, Any]:
    """The website workflow, parsed."""
    return yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))


def build_steps() -> list[dict[str, Any]]:
    """The build job's shell steps (the `uses:` steps only set up Python and Node on GitHub)."""
    return [step for step in workflow()["jobs"]["build"]["steps"] if "run" in step]


def answer_blocks(path: Path) -> list[list[str]]:
    """The lines of each `### BEGIN SOLUTION` ... `### END SOLUTION` block of a solution."""
    return [block for cell in nbformat.read(path, as_version=4).cells
            if cell.cell_type == "code" for block in solution_blocks(cell.source)]


def solution_lines(solutions: Path) -> set[str]:
    """Every line of solution code (stripped), except lines of punctuation only (`)`, `],`)."""
    return {line.strip() for path in sorted(solutions.glob("*.ipynb"))
            for block in answer_blocks(path) for line in block if HAS_WORD.search(line)}


def lesson_lines(notebooks: Path) -> set[str]:
    """Every line the lessons themselves show (stripped): published on purpose."""
    return {line.strip() for path in sorted(notebooks.glob("*.ipynb"))
            for cell in nbformat.read(path, as_version=4).cells
            for line in cell.source.splitlines()}


def page_lines(path: Path) -> set[str]:
    """The text lines a reader can see or copy from a page (code blocks keep their lines)."""
    text = path.read_text(encoding="utf-8", errors="replace")
    if path.suffix == ".html":
        text = BeautifulSoup(text, "html.parser").get_text()
    return {line.strip() for line in text.splitlines()}


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serves files without logging each request to the test output."""

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 (the base's name)
        return


@contextlib.contextmanager
def serve(folder: Path) -> Iterator[str]:
    """Serve `folder` on 127.0.0.1 (a free port) in a thread; yield its base URL."""
    handler = functools.partial(QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)
