"""Stored outputs as a page without a kernel shows them.

- An Altair chart (`application/vnd.vegalite.v5+json`) becomes a `<div class="newslab-chart">`
  holding its specification; `newslab-charts.js` (served by the site with vega, vega-lite and
  vega-embed from npm) draws it as SVG, from a web server or from disk, with no CDN.
- A widget (`application/vnd.jupyter.widget-view+json`) needs a kernel: it becomes a note that
  says so and where to run it. The notebook's saved widget state is dropped, so no page asks a
  CDN for the widget libraries.
- A worked answer (cell metadata `{"newslab": {"role": "worked_answer"}}` or a code cell whose
  source JupyterLab hides) gets MyST-NB's `hide-cell` tag: folded on the page until opened.
"""

from __future__ import annotations

import html
import json
import re

from nbformat import NotebookNode

from newslab.cells import WORKED_ANSWER, role_of

VEGALITE = re.compile(r"^application/vnd\.vegalite\.v5\+json$")
WIDGET = "application/vnd.jupyter.widget-view+json"
FOLD_TAG = "hide-cell"
WIDGET_NOTE = (
    '<p class="newslab-widget-note"><strong>Interactive tool.</strong> It needs a running '
    "Python kernel, so it cannot work on this page: open this lesson in JupyterLab (the launch "
    "links at the top of the page) and run the cells above it to use it.</p>")


def chart_html(spec: dict, number: int) -> str:
    """A chart's placeholder: its description as text, its specification as inline JSON."""
    description = str(spec.get("description") or "A chart from the lesson.")
    # `</` must not close the <script> early; JSON allows `<\/` for `</`.
    payload = json.dumps(spec, ensure_ascii=False, sort_keys=True).replace("</", "<\\/")
    chart_id = f"newslab-chart-{number}"
    # Focusable: a wide chart scrolls sideways, and keyboard users must be able to scroll it.
    return (f'<figure class="newslab-chart-figure" tabindex="0">'
            f'<div class="newslab-chart" id="{chart_id}" data-spec="{chart_id}-spec"></div>'
            f'<figcaption class="newslab-chart-description">{html.escape(description)}'
            f'</figcaption>'
            f'<script type="application/json" id="{chart_id}-spec">{payload}</script>'
            f"</figure>")


def is_worked_answer(cell: NotebookNode) -> bool:
    """A cell the lesson keeps folded: the worked answer of a "Your turn" task."""
    if role_of(cell) == WORKED_ANSWER:
        return True
    jupyter = cell.get("metadata", {}).get("jupyter", {})
    return cell.cell_type == "code" and bool(jupyter.get("source_hidden"))


def prepare(notebook: NotebookNode) -> dict[str, int]:
    """Rewrite `notebook` in place for the site; return how many charts, widgets, folds."""
    counts = {"charts": 0, "widgets": 0, "folded": 0}
    notebook.metadata.pop("widgets", None)
    for cell in notebook.cells:
        if is_worked_answer(cell):
            tags = cell.metadata.setdefault("tags", [])
            if FOLD_TAG not in tags:
                tags.append(FOLD_TAG)
            counts["folded"] += 1
        for output in cell.get("outputs", []):
            data = output.get("data")
            if not data:
                continue
            chart = next((key for key in data if VEGALITE.match(key)), None)
            if chart:
                counts["charts"] += 1
                output["data"] = {"text/html": chart_html(data[chart], counts["charts"])}
            elif WIDGET in data:
                counts["widgets"] += 1
                output["data"] = {"text/html": WIDGET_NOTE}
    return counts
