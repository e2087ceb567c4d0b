"""A small labelling tool: read one sentence at a time and choose its attribution type.

Two layers, so the logic can be tested without a browser:

- `LabellingSession` holds the state (which sentence, which labels) and knows nothing of widgets;
- `LabellingTool` draws a session with ipywidgets: the sentence, a Dropdown "Attribution",
  Back and Next buttons, a progress line ("Sentence 3 of 23 · 2 labelled") and, once every
  sentence has a label, the agreement with the course's reference labels.

`labelling_tool(...)` keeps one session per `key`, so running its cell again redraws the tool
with the labels already chosen instead of throwing them away (pass `fresh=True` to start over).
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import pandas as pd

CSS_CLASS = "newslab-labeller"

# The attribution vocabulary of data/claims.csv, from the strongest kind of sourcing to none.
ATTRIBUTION_TYPES: tuple[str, ...] = (
    "named_source",
    "document",
    "several_anonymous_sources",
    "one_anonymous_source",
    "anonymous_person_quoted",
    "hedge_no_source",
    "reporters_inference",
    "unattributed_assertion",
)


def _pairs(sentences: pd.DataFrame | Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
    """(sentence_id, text) pairs from a table with those columns, or from pairs."""
    if isinstance(sentences, pd.DataFrame):
        missing = {"sentence_id", "text"} - set(sentences.columns)
        if missing:
            raise ValueError(f"The sentences table needs the columns {sorted(missing)}.")
        pairs = list(zip(sentences["sentence_id"], sentences["text"], strict=True))
    else:
        pairs = [(str(sentence_id), str(text)) for sentence_id, text in sentences]
    if not pairs:
        raise ValueError("There are no sentences to label.")
    ids = [sentence_id for sentence_id, _ in pairs]
    if len(set(ids)) != len(ids):
        raise ValueError("Sentence ids must be unique.")
    return [(str(sentence_id), str(text)) for sentence_id, text in pairs]


class LabellingSession:
    """Which sentence is shown and which labels were chosen; no widgets involved."""

    def __init__(self, sentences: pd.DataFrame | Iterable[tuple[str, str]],
                 types: Iterable[str] = ATTRIBUTION_TYPES) -> None:
        self.sentences = _pairs(sentences)
        self.types = tuple(types)
        self.position = 0
        self._labels: dict[str, str] = {}

    @property
    def ids(self) -> list[str]:
        """Sentence ids in reading order."""
        return [sentence_id for sentence_id, _ in self.sentences]

    @property
    def current(self) -> tuple[str, str]:
        """The (sentence_id, text) on show."""
        return self.sentences[self.position]

    @property
    def current_label(self) -> str | None:
        """The label chosen for the sentence on show, or None."""
        return self._labels.get(self.current[0])

    @property
    def at_start(self) -> bool:
        return self.position == 0

    @property
    def at_end(self) -> bool:
        return self.position == len(self.sentences) - 1

    @property
    def complete(self) -> bool:
        """True once every sentence has a label."""
        return len(self._labels) == len(self.sentences)

    def choose(self, label: str | None) -> None:
        """Label the sentence on show (None removes its label)."""
        sentence_id = self.current[0]
        if label is None:
            self._labels.pop(sentence_id, None)
            return
        if label not in self.types:
            raise ValueError(f"{label!r} is not one of the types: {', '.join(self.types)}.")
        self._labels[sentence_id] = label

    def next(self) -> None:
        """Show the next sentence (stays on the last one)."""
        self.position = min(self.position + 1, len(self.sentences) - 1)

    def back(self) -> None:
        """Show the previous sentence (stays on the first one)."""
        self.position = max(self.position - 1, 0)

    def go_to(self, sentence_id: str) -> None:
        """Show the sentence with this id."""
        self.position = self.ids.index(sentence_id)

    def progress(self) -> str:
        """For example "Sentence 3 of 23 · 2 labelled"."""
        return (f"Sentence {self.position + 1} of {len(self.sentences)} · "
                f"{len(self._labels)} labelled")

    def labels(self) -> pd.DataFrame:
        """The labels chosen so far, in reading order: sentence_id, text, label."""
        rows = [{"sentence_id": sentence_id, "text": text, "label": self._labels[sentence_id]}
                for sentence_id, text in self.sentences if sentence_id in self._labels]
        return pd.DataFrame(rows, columns=["sentence_id", "text", "label"])


@dataclass(frozen=True)
class Agreement:
    """How a set of labels compares with the reference labels."""

    labelled: int
    exact: int
    defensible: int
    disagreements: pd.DataFrame

    @property
    def exact_share(self) -> float:
        return self.exact / self.labelled if self.labelled else 0.0

    @property
    def defensible_share(self) -> float:
        return self.defensible / self.labelled if self.labelled else 0.0

    def summary(self) -> str:
        """One paragraph a student can read."""
        if not self.labelled:
            return "No sentence is labelled yet: choose a label for a sentence first."
        other = self.defensible - self.exact
        text = (f"You labelled {self.labelled} sentences. {self.exact} match the reference label "
                f"({self.exact_share:.0%}).")
        if other:
            text += (f" {other} more match the second label the reference accepts as defensible, "
                     f"so {self.defensible} of {self.labelled} ({self.defensible_share:.0%}) "
                     "are defensible.")
        count = len(self.disagreements)
        if count:
            verb = "differs" if count == 1 else "differ"
            text += f" {count} {verb}: listed for discussion."
        else:
            text += " None differs."
        return text


DISAGREEMENT_COLUMNS = ["sentence_id", "quote", "your_label", "reference", "alternative", "note"]


def agreement(labels: pd.DataFrame | Mapping[str, str], reference: pd.DataFrame) -> Agreement:
    """Compare labels (a table with sentence_id and label, or a dict) with a claims table.

    A label counts as exact when it equals the reference `attribution_type`, and as defensible
    when it equals either that or the reference's `alternative_type`. Sentences the reference
    does not cover are ignored.
    """
    if isinstance(labels, pd.DataFrame):
        chosen = dict(zip(labels["sentence_id"], labels["label"], strict=True))
    else:
        chosen = dict(labels)
    chosen = {key: value for key, value in chosen.items() if isinstance(value, str) and value}
    rows = []
    labelled = exact = defensible = 0
    for record in reference.to_dict("records"):
        sentence_id = record["sentence_id"]
        if sentence_id not in chosen:
            continue
        labelled += 1
        label, expected = chosen[sentence_id], record["attribution_type"]
        alternative = record.get("alternative_type") or ""
        if label == expected:
            exact += 1
            defensible += 1
            continue
        if alternative and label == alternative:
            defensible += 1
            continue
        rows.append({"sentence_id": sentence_id, "quote": record["quote"], "your_label": label,
                     "reference": expected, "alternative": alternative,
                     "note": record.get("note") or ""})
    table = pd.DataFrame(rows, columns=DISAGREEMENT_COLUMNS)
    return Agreement(labelled, exact, defensible, table)


class LabellingTool:
    """The widgets for one `LabellingSession`."""

    def __init__(self, session: LabellingSession, reference: pd.DataFrame | None = None) -> None:
        import ipywidgets as widgets

        self.session = session
        self.reference = reference
        self._syncing = False
        self.sentence = widgets.HTML()
        self.dropdown = widgets.Dropdown(options=list(session.types), value=None,
                                         description="Attribution",
                                         style={"description_width": "initial"})
        self.back_button = widgets.Button(description="Back", icon="arrow-left",
                                          tooltip="Show the previous sentence")
        self.next_button = widgets.Button(description="Next", icon="arrow-right",
                                          tooltip="Show the next sentence")
        self.progress = widgets.HTML()
        self.result = widgets.HTML()
        self.dropdown.observe(self._on_choice, names="value")
        self.back_button.on_click(self._on_back)
        self.next_button.on_click(self._on_next)
        self.buttons = widgets.HBox([self.back_button, self.next_button, self.progress])
        self.box = widgets.VBox([self.sentence, self.dropdown, self.buttons, self.result])
        self.box.add_class(CSS_CLASS)  # a stable hook for the browser tests
        self.refresh()

    @property
    def widgets(self) -> list[Any]:
        """Every widget this tool made (for closing them)."""
        return [self.sentence, self.dropdown, self.back_button, self.next_button,
                self.progress, self.result, self.buttons, self.box]

    def _on_choice(self, change: dict[str, Any]) -> None:
        if not self._syncing:
            self.session.choose(change["new"])
            self.refresh()

    def _on_back(self, _button: Any = None) -> None:
        self.session.back()
        self.refresh()

    def _on_next(self, _button: Any = None) -> None:
        self.session.next()
        self.refresh()

    def refresh(self) -> None:
        """Show the session's current sentence, label, progress and (when done) agreement."""
        session = self.session
        sentence_id, text = session.current
        self.sentence.value = (f"<p><b>{html.escape(sentence_id)}</b></p>"
                               f"<blockquote>{html.escape(text)}</blockquote>")
        self._syncing = True
        try:
            self.dropdown.value = session.current_label
        finally:
            self._syncing = False
        self.back_button.disabled = session.at_start
        self.next_button.disabled = session.at_end
        self.progress.value = html.escape(session.progress())
        self.result.value = ""
        if session.complete and self.reference is not None:
            report = agreement(session.labels(), self.reference)
            shown = report.disagreements[["sentence_id", "your_label", "reference",
                                          "alternative"]]
            table = shown.to_html(index=False, escape=True) if len(shown) else ""
            self.result.value = f"<p>{html.escape(report.summary())}</p>{table}"

    def labels(self) -> pd.DataFrame:
        """The labels chosen so far (see `LabellingSession.labels`)."""
        return self.session.labels()

    def agreement(self) -> Agreement:
        """Agreement of the labels so far with the reference table."""
        if self.reference is None:
            raise ValueError("This tool was made without a reference table to compare with.")
        return agreement(self.session.labels(), self.reference)

    def close(self) -> None:
        """Close the widgets (their views disappear); the session and its labels stay."""
        for widget in self.widgets:
            widget.close()

    def _repr_mimebundle_(self, **kwargs: Any) -> dict[str, Any]:
        bundle = dict(self.box._repr_mimebundle_(**kwargs) or {})
        bundle["text/plain"] = f"Labelling tool: {self.session.progress()}"
        return bundle


_TOOLS: dict[str, LabellingTool] = {}


def labelling_tool(sentences: pd.DataFrame | Iterable[tuple[str, str]],
                   reference: pd.DataFrame | None = None, key: str = "attribution",
                   fresh: bool = False) -> LabellingTool:
    """A labelling tool for `sentences`; calling it again with the same `key` keeps the labels.

    Running the cell again closes the old widgets and draws new ones on the same session, so
    there is only ever one live copy of the tool. `fresh=True` starts a new session.
    """
    pairs = _pairs(sentences)
    old = _TOOLS.get(key)
    session = None
    if old is not None:
        old.close()
        if not fresh and old.session.sentences == pairs:
            session = old.session
    tool = LabellingTool(session or LabellingSession(pairs), reference)
    _TOOLS[key] = tool
    return tool
