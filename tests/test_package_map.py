"""docs/AUTHORING.md's map of the package names every module of newslab/, and only those."""

import re

from newslab.paths import ROOT

GUIDE = ROOT / "docs" / "AUTHORING.md"
SECTION = "## The package, module by module"


def mapped_modules() -> list[str]:
    """The module paths of the map's rows, in order (`exNN_<slug>` stands for every exercise)."""
    text = GUIDE.read_text(encoding="utf-8")
    assert SECTION in text, f"{GUIDE.name} has no section {SECTION!r}"
    section = text.split(SECTION, 1)[1].split("\n## ", 1)[0]
    return re.findall(r"^\| `(newslab/[^`]+\.py)` \| \S", section, re.M)


def expand(pattern: str) -> set[str]:
    if "exNN_<slug>" not in pattern:
        return {pattern}
    folder = ROOT / pattern.rsplit("/", 1)[0]
    return {str(path.relative_to(ROOT)) for path in folder.glob("ex[0-9][0-9]_*.py")}


def test_every_module_is_on_the_map_and_every_row_is_a_module() -> None:
    rows = mapped_modules()
    assert len(rows) == len(set(rows)), "a module is mapped twice"
    on_disk = {str(path.relative_to(ROOT)) for path in (ROOT / "newslab").rglob("*.py")}
    on_map = set().union(*(expand(row) for row in rows))
    assert sorted(on_disk - on_map) == [], "add these modules to the map in docs/AUTHORING.md"
    assert sorted(on_map - on_disk) == [], "these rows of the map name no module"
    assert all(expand(row) for row in rows), "a pattern row matches no module"


def test_the_map_fits_on_one_page() -> None:
    text = GUIDE.read_text(encoding="utf-8")
    section = text.split(SECTION, 1)[1].split("\n## ", 1)[0]
    assert len(section.strip().splitlines()) <= 70
