"""Score the first-draft tools against the hand-annotated evaluation set in `data/eval/`.

`load_eval_set()` reads the three tables; `score_figures` and `score_attribution` compare what
`find_figures` and `find_attribution` give for each text with the annotation, one row per
text, so that a report can sum them by split and by form (`summarise`). The benchmark
`benchmarks/first_draft_quality.py` prints the result; nothing here is tuned to the set.
"""

import math
import re
from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd

from newslab.attribution import find_attribution
from newslab.figures import find_figures
from newslab.paths import DATA

EVAL = DATA / "eval"
TOLERANCE = 1e-3  # fractions are annotated to four decimals (a third = 0.3333)


@dataclass(frozen=True)
class EvalSet:
    """The evaluation set: texts, their figures and one attribution row per sentence."""

    texts: pd.DataFrame
    figures: pd.DataFrame
    attribution: pd.DataFrame


def load_eval_set() -> EvalSet:
    """Read `data/eval/*.csv` as strings (empty cells stay empty strings)."""
    def read(name: str) -> pd.DataFrame:
        return pd.read_csv(EVAL / name, dtype=str, keep_default_na=False)
    return EvalSet(read("texts.csv"), read("figures.csv"), read("attribution.csv"))


def without_split(data: EvalSet, split: str) -> EvalSet:
    """The evaluation set with one split's texts and their rows left out (e.g. the frozen
    split, while a method is still being developed)."""
    kept = data.texts[data.texts["split"] != split]
    if len(kept) == len(data.texts):
        raise ValueError(f"There is no split {split!r} in the evaluation set.")
    ids = set(kept["text_id"])
    return EvalSet(kept, data.figures[data.figures["text_id"].isin(ids)],
                   data.attribution[data.attribution["text_id"].isin(ids)])


def _number(cell: object) -> float | None:
    """A table cell as a float, or None when it is empty or missing."""
    if cell is None or cell is pd.NA or cell == "":
        return None
    value = float(cell)  # type: ignore[arg-type]
    return None if math.isnan(value) else value


def _same(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(a, b, rel_tol=TOLERANCE, abs_tol=TOLERANCE)


def _figure_key(row: pd.Series) -> tuple[float | None, str, float | None, float | None]:
    return (_number(row["value"]), str(row["qualifier"]), _number(row["low"]),
            _number(row["high"]))  # fmt: skip


def _figures_match(expected: pd.Series, found: pd.Series) -> bool:
    (value, qualifier, low, high), (value2, qualifier2, low2, high2) = \
        _figure_key(expected), _figure_key(found)
    return _same(value, value2) and qualifier == qualifier2 and _same(low, low2) \
        and _same(high, high2)


def score_figures(data: EvalSet,
                  finder: Callable[[str], pd.DataFrame] = find_figures) -> pd.DataFrame:
    """One row per text: figures expected, found, matched (value, qualifier and bounds all
    equal) and matched with the same unit."""
    rows = []
    for text in data.texts.itertuples(index=False):
        expected = data.figures[data.figures["text_id"] == text.text_id]
        found = finder(text.text)
        unused = list(range(len(found)))
        matched = same_unit = 0
        for _, want in expected.iterrows():
            for position in unused:
                got = found.iloc[position]
                if _figures_match(want, got):
                    unused.remove(position)
                    matched += 1
                    same_unit += str(got.get("stated_unit", "")) == want["unit"]
                    break
        rows.append({"text_id": text.text_id, "split": text.split, "form": text.form,
                     "expected": len(expected), "found": len(found), "matched": matched,
                     "same_unit": same_unit})  # fmt: skip
    return pd.DataFrame(rows)


def normalise_source(phrase: str) -> str:
    """Lower case, one kind of apostrophe, no surrounding punctuation or extra spaces."""
    phrase = phrase.replace("’", "'").replace("“", "").replace("”", "").replace('"', "")
    return re.sub(r"\s+", " ", phrase).strip(" ,.;:").lower()


def source_is_right(found: str, expected: str) -> bool:
    """True when the source found is one of the annotated wordings (separated by |)."""
    return normalise_source(found) in {normalise_source(option)
                                       for option in expected.split("|")}


def score_attribution(data: EvalSet,
                      labeller: Callable[[str], pd.DataFrame] = find_attribution
                      ) -> pd.DataFrame:
    """One row per annotated sentence: type right, and source right where one is named."""
    rows = []
    forms = data.texts.set_index("text_id")
    for text_id, expected in data.attribution.groupby("text_id", sort=False):
        text = forms.loc[text_id]
        found = labeller(text["text"]).reset_index(drop=True)
        for _, want in expected.iterrows():
            position = int(want["sentence"]) - 1
            got = found.iloc[position] if position < len(found) else None
            got_type = got["attribution_type"] if got is not None else ""
            got_source = got["source_described"] if got is not None else ""
            rows.append({
                "text_id": text_id, "split": text["split"], "form": text["form"],
                "sentence": position + 1, "expected_type": want["attribution_type"],
                "found_type": got_type, "type_right": got_type == want["attribution_type"],
                "has_source": want["source"] != "", "expected_source": want["source"],
                "found_source": got_source,
                "source_right": want["source"] != "" and source_is_right(got_source,
                                                                          want["source"]),
            })  # fmt: skip
    return pd.DataFrame(rows)


def _ratio(part: float, whole: float) -> float:
    return part / whole if whole else float("nan")


def summarise(figures: pd.DataFrame, attribution: pd.DataFrame, by: list[str]) -> pd.DataFrame:
    """Precision, recall and unit agreement of figures, accuracy of type and source, by `by`."""
    fig = figures.groupby(by).agg(expected=("expected", "sum"), found=("found", "sum"),
                                  matched=("matched", "sum"), same_unit=("same_unit", "sum"))
    fig["precision"] = [_ratio(m, f) for m, f in zip(fig["matched"], fig["found"], strict=True)]
    fig["recall"] = [_ratio(m, e) for m, e in zip(fig["matched"], fig["expected"], strict=True)]
    fig["unit"] = [_ratio(u, m) for u, m in zip(fig["same_unit"], fig["matched"], strict=True)]
    att = attribution.groupby(by).agg(sentences=("type_right", "size"),
                                      type_accuracy=("type_right", "mean"),
                                      with_source=("has_source", "sum"),
                                      source_right=("source_right", "sum"))
    att["source_accuracy"] = [_ratio(r, w) for r, w in
                              zip(att["source_right"], att["with_source"], strict=True)]
    table = fig[["expected", "found", "precision", "recall", "unit"]].join(
        att[["sentences", "type_accuracy", "with_source", "source_accuracy"]], how="outer")
    return table
