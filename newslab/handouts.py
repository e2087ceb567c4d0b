"""`save_handout`: write a chart to the course's `handouts/` folder as SVG and PNG files.

vl-convert draws the chart with no browser and no internet; the PNG is made from the SVG at
twice the size, for print. Each file is written under a temporary name and then renamed, so a
reader (or a second run of the notebook) never sees half a file. git ignores `handouts/`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from newslab.paths import find_root


def handouts_folder() -> Path:
    """The course's `handouts/` folder (made if missing)."""
    folder = find_root() / "handouts"
    folder.mkdir(exist_ok=True)
    return folder


def _write(path: Path, content: bytes) -> None:
    partial = path.with_name(f".{path.name}.partial")
    partial.write_bytes(content)
    partial.replace(path)


def save_handout(chart: Any, name: str, folder: Path | None = None) -> list[str]:
    """Write `chart` as NAME.svg and NAME.png into `handouts/` (or `folder`); return the names."""
    import altair as alt
    import vl_convert as vlc

    if not hasattr(chart, "to_json"):
        raise TypeError(f"save_handout needs an Altair chart, not {type(chart).__name__}.")
    if not name or "/" in name or "\\" in name or name.startswith("."):
        raise ValueError(f"{name!r} is not a plain file name: give a name such as 'ranges'.")
    target = folder if folder is not None else handouts_folder()
    version = alt.SCHEMA_VERSION.lstrip("v").rsplit(".", 1)[0]
    svg = vlc.vegalite_to_svg(chart.to_json(), vl_version=version)
    _write(target / f"{name}.svg", svg.encode("utf-8"))
    _write(target / f"{name}.png", vlc.svg_to_png(svg, scale=2))
    return [f"{name}.png", f"{name}.svg"]
