"""Accessibility of every notebook (lessons, solutions, exercises).

One `#` title and headings in order (screen-reader users navigate by headings), alt text on every
image, a `description` on every chart (Vega-Lite puts it in the SVG's aria label), and link text
that says where it goes (a list of links read out as "here, here, link" says nothing).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import nbformat
import pytest
from conftest import REPO
from markdown_it import MarkdownIt
from markdown_it.token import Token

FOLDERS = ("notebooks", "solutions", "exercises", "instructors")
NOTEBOOKS = sorted(path for folder in FOLDERS for path in (REPO / folder).glob("*.ipynb"))
VEGALITE = re.compile(r"^application/vnd\.vegalite\.v\d+\+json$")
VAGUE_LINK_TEXT = {"here", "click here", "link", "this link", "this", "more", "read more",
                   "click", "this page", "page", "website", "url"}
URL = re.compile(r"(?:https?://|www\.)\S+", re.I)
IMG_TAG = re.compile(r"<img\b[^>]*>", re.I)
ALT_ATTRIBUTE = re.compile(r"""\balt\s*=\s*(["'])\s*\S.*?\1""", re.I | re.S)
ANCHOR = re.compile(r"<a\b[^>]*>(.*?)</a>", re.I | re.S)
HTML_LINK_OPEN = re.compile(r"^<a\b", re.I)
HTML_LINK_CLOSE = re.compile(r"^</a\s*>", re.I)
PARSER = MarkdownIt("commonmark").enable("table")


def markdown_of(path: Path) -> list[str]:
    """The source of each markdown cell, in order."""
    notebook = nbformat.read(path, as_version=4)
    return [cell.source for cell in notebook.cells if cell.cell_type == "markdown"]


def tokens(markdown: str) -> Iterator[Token]:
    """Every token of `markdown`, inline children included, in document order."""
    for token in PARSER.parse(markdown):
        yield token
        yield from token.children or []


def headings(path: Path) -> list[tuple[int, str]]:
    """(level, text) of every heading in the notebook, Markdown or HTML, in order."""
    found: list[tuple[int, str]] = []
    for markdown in markdown_of(path):
        stream = PARSER.parse(markdown)
        for index, token in enumerate(stream):
            if token.type == "heading_open":
                found.append((int(token.tag[1]), stream[index + 1].content))
            elif token.type in {"html_block", "html_inline"}:
                found += [(int(level), "(HTML heading)")
                          for level in re.findall(r"<h([1-6])\b", token.content, re.I)]
    return found


def heading_problems(found: list[tuple[int, str]]) -> list[str]:
    """One title, first; no level skipped on the way down."""
    problems = []
    titles = [text for level, text in found if level == 1]
    if len(titles) != 1:
        problems.append(f"expected exactly one '#' title, found {len(titles)}: {titles}")
    if found and found[0][0] != 1:
        problems.append(f"the first heading is not the '#' title: {found[0]}")
    for (before, _), (level, text) in zip(found, found[1:], strict=False):
        if level > before + 1:
            problems.append(f"heading {text!r} jumps from level {before} to {level}")
    return problems


def opens_link(token: Token) -> bool:
    """A Markdown link, an autolink, or an inline HTML <a>."""
    return token.type == "link_open" or (
        token.type == "html_inline" and bool(HTML_LINK_OPEN.match(token.content)))


def closes_link(token: Token) -> bool:
    return token.type == "link_close" or (
        token.type == "html_inline" and bool(HTML_LINK_CLOSE.match(token.content)))


def link_text_problems(markdown: str) -> list[str]:
    """Images without alt text and links whose text does not say where they go."""
    problems = []
    stream = list(tokens(markdown))
    for index, token in enumerate(stream):
        if token.type == "image":
            alt = "".join(child.content for child in token.children or []).strip()
            if not alt:
                problems.append(f"image {token.attrGet('src')!r} has no alt text")
        elif opens_link(token):
            text = link_text(stream, index)
            if text.lower().strip(" .:!") in VAGUE_LINK_TEXT or URL.fullmatch(text) or not text:
                target = token.attrGet("href") or token.content
                problems.append(f"link text {text!r} does not say where {target!r} goes")
        elif token.type == "text" and not inside_link(stream, index):
            problems += [f"bare URL {url.rstrip(').,;:')!r}: give it link text"
                         for url in URL.findall(token.content)]
        elif token.type in {"html_inline", "html_block"}:
            problems += [f"HTML image without alt text: {tag[:80]!r}"
                         for tag in IMG_TAG.findall(token.content)
                         if not ALT_ATTRIBUTE.search(tag)]
            if token.type == "html_block":
                problems += [f"link text {text!r} does not say where it goes (HTML)"
                             for text in ANCHOR.findall(token.content)
                             if text.lower().strip(" .:!") in VAGUE_LINK_TEXT]
    return problems


def link_text(stream: list[Token], start: int) -> str:
    """The visible text of the link opened at `stream[start]` (alt text of images included)."""
    parts = []
    for token in stream[start + 1:]:
        if closes_link(token):
            break
        if token.type in {"text", "code_inline"}:
            parts.append(token.content)
        elif token.type == "image":
            parts.append("".join(child.content for child in token.children or []))
    return "".join(parts).strip()


def inside_link(stream: list[Token], index: int) -> bool:
    """Whether `stream[index]` lies between a link's opening and its closing."""
    depth = 0
    for token in stream[:index]:
        depth += 1 if opens_link(token) else -1 if closes_link(token) else 0
    return depth > 0


def charts(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    """(cell number, Vega-Lite spec) of every chart stored in the notebook's outputs."""
    notebook = nbformat.read(path, as_version=4)
    for number, cell in enumerate(notebook.cells, start=1):
        for output in cell.get("outputs", []):
            for mime, spec in output.get("data", {}).items():
                if VEGALITE.match(mime):
                    yield number, spec


def notebook_id(path: Path) -> str:
    return path.relative_to(REPO).as_posix()


needs_notebooks = pytest.mark.skipif(not NOTEBOOKS, reason="no notebooks in the course yet")
each_notebook = pytest.mark.parametrize("path", NOTEBOOKS, ids=notebook_id)


@needs_notebooks
@each_notebook
def test_one_title_and_headings_in_order(path: Path) -> None:
    problems = heading_problems(headings(path))
    assert not problems, f"{notebook_id(path)}: " + "; ".join(problems)


@needs_notebooks
@each_notebook
def test_images_have_alt_text_and_links_say_where_they_go(path: Path) -> None:
    problems = [f"markdown cell {number}: {problem}"
                for number, markdown in enumerate(markdown_of(path), start=1)
                for problem in link_text_problems(markdown)]
    assert not problems, f"{notebook_id(path)}:\n" + "\n".join(problems)


@needs_notebooks
@each_notebook
def test_every_stored_chart_has_a_description(path: Path) -> None:
    missing = [number for number, spec in charts(path)
               if not str(spec.get("description") or "").strip()]
    assert not missing, f"{notebook_id(path)}: charts without a description in cells {missing}"


@needs_notebooks
@each_notebook
def test_no_chart_is_stored_as_html_that_needs_the_internet(path: Path) -> None:
    """A chart saved as Altair's HTML loads Vega from a CDN: blank offline, for everyone."""
    notebook = nbformat.read(path, as_version=4)
    online = [number for number, cell in enumerate(notebook.cells, start=1)
              for output in cell.get("outputs", [])
              if "cdn.jsdelivr.net/npm/vega" in str(output.get("data", {}).get("text/html", ""))]
    assert not online, f"{notebook_id(path)}: charts stored as CDN HTML in cells {online}"


# The checks themselves, on small examples: each must catch what it is meant to catch.

def test_heading_rules_catch_two_titles_and_skipped_levels() -> None:
    assert heading_problems([(1, "A"), (2, "B"), (3, "C"), (2, "D")]) == []
    assert heading_problems([(1, "A"), (1, "B")])
    assert heading_problems([(2, "B"), (1, "A")])
    assert heading_problems([(1, "A"), (3, "C")]) == ["heading 'C' jumps from level 1 to 3"]


@pytest.mark.parametrize(("markdown", "expected"), [
    ("![](chart.png)", "no alt text"),
    ("Read the article [here](https://example.org/a).", "does not say where"),
    ("[Click here](https://example.org/a)", "does not say where"),
    ("[https://example.org/a](https://example.org/a)", "does not say where"),
    ("<https://example.org/a>", "does not say where"),
    ("The source is https://example.org/a today.", "bare URL"),
    ('<img src="chart.png">', "HTML image without alt text"),
    ('See <a href="https://example.org">here</a>.', "does not say where"),
    ('<p>See <a href="https://example.org">click here</a></p>', "does not say where"),
])
def test_link_and_image_rules_catch_bad_examples(markdown: str, expected: str) -> None:
    assert any(expected in problem for problem in link_text_problems(markdown))


@pytest.mark.parametrize("markdown", [
    "![Bar chart of workers by province](chart.png)",
    "Read [the original article on Daily NK's English site](https://example.org/a).",
    "The address is `https://example.org/a` in code.",
    '<img src="chart.png" alt="Bar chart of workers by province">',
    'See <a href="https://example.org">the Daily NK article</a>.',
    "```\nhttps://example.org/in-a-code-block\n```",
])
def test_link_and_image_rules_accept_good_examples(markdown: str) -> None:
    assert link_text_problems(markdown) == []
