"""`newslab.save_handout`: a chart leaves the notebook as an SVG and a PNG file."""

from pathlib import Path

import altair as alt
import pandas as pd
import pytest

from newslab.handouts import save_handout

CHART = alt.Chart(pd.DataFrame({"x": [1, 2]})).mark_point().encode(x="x:Q").properties(
    description="Two points.")


def test_it_writes_an_svg_and_a_png_and_no_partial_file(tmp_path: Path) -> None:
    assert save_handout(CHART, "points", folder=tmp_path) == ["points.png", "points.svg"]
    assert (tmp_path / "points.svg").read_text(encoding="utf-8").lstrip().startswith("<svg")
    assert (tmp_path / "points.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["points.png", "points.svg"]


@pytest.mark.parametrize("name", ["", "../points", ".hidden"])
def test_a_name_that_is_not_a_plain_file_name_is_refused(tmp_path: Path, name: str) -> None:
    with pytest.raises(ValueError, match="not a plain file name"):
        save_handout(CHART, name, folder=tmp_path)


def test_something_that_is_not_a_chart_is_refused(tmp_path: Path) -> None:
    with pytest.raises(TypeError, match="needs an Altair chart"):
        save_handout({"mark": "point"}, "points", folder=tmp_path)
