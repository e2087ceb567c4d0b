"""The glossary notebook: every link to it from a lesson lands on one of its headings."""

from __future__ import annotations

import re

import nbformat
from conftest import REPO

GLOSSARY = REPO / "notebooks" / "glossary.ipynb"
LINK = re.compile(r"\]\(glossary\.ipynb#([^)]+)\)")


def terms() -> list[str]:
    cells = nbformat.read(GLOSSARY, as_version=4).cells
    return [m.group(1) for c in cells for m in re.finditer(r"^## (.+)$", c.source, re.M)]


def anchors_used() -> dict[str, set[str]]:
    used: dict[str, set[str]] = {}
    for path in sorted((REPO / "notebooks").glob("[0-9][0-9]*_*.ipynb")):
        for cell in nbformat.read(path, as_version=4).cells:
            for anchor in LINK.findall(cell.source):
                used.setdefault(anchor, set()).add(path.name)
    return used


def test_the_glossary_is_in_alphabetical_order() -> None:
    assert terms() == sorted(terms(), key=str.lower) and len(terms()) >= 20


def test_every_glossary_link_lands_on_a_heading() -> None:
    # JupyterLab makes a heading's anchor from its text, spaces turned into hyphens.
    headings = {term.replace(" ", "-") for term in terms()}
    used = anchors_used()
    assert len(used) >= 15, "the lessons link the glossary where terms first appear"
    missing = {anchor: sorted(where) for anchor, where in used.items() if anchor not in headings}
    assert not missing, f"links to no glossary heading: {missing}"
