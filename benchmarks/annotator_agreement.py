"""Print how far two people agree who annotated the same real-news split by hand, next to how
far the first-draft tools agree with each of them.

    .venv/bin/python benchmarks/annotator_agreement.py                  # test6 (now dev7)
    .venv/bin/python benchmarks/annotator_agreement.py --split test13

`--split NAME` reads data/eval/second_annotation/attribution_NAME.csv and figures_NAME.csv and
compares them with the first annotation's rows of the same texts (whatever the split is called
now: `test6` is now `dev7`, `test13` is still `test13`).

The second annotation (data/eval/second_annotation/) was made blind to the first and to the
rules. Human agreement is the ceiling against which the issue's targets for the tools
(figures >= 0.9 precision and recall, type >= 0.85, source >= 0.8) should be read: a tool
cannot agree with one annotator more than a second careful annotator does, except by chance.
"""

import argparse
from collections.abc import Callable
from pathlib import Path

import pandas as pd

from newslab.attribution import find_attribution
from newslab.evaluation import (
    EVAL,
    EvalSet,
    load_eval_set,
    normalise_source,
    score_figures,
)
from newslab.figures import find_figures

DEFAULT_SPLIT = "test6"  # as it was called when both annotations were made (now `dev7`)
SECOND = EVAL / "second_annotation"


def read(path: Path) -> pd.DataFrame:
    return pd.read_csv(path, dtype=str, keep_default_na=False)


def same_source(one: str, other: str) -> bool:
    """True when some wording of one annotation is a wording of the other (| separates)."""
    return bool({normalise_source(option) for option in one.split("|")} &
                {normalise_source(option) for option in other.split("|")})


def attribution_agreement(reference: pd.DataFrame, other: pd.DataFrame) -> dict[str, float]:
    """Type agreement over every sentence and source agreement over the sentences where the
    reference names a source, `other` read against `reference`."""
    merged = reference.merge(other, on=["text_id", "sentence"], suffixes=("", "_other"),
                             how="left").fillna("")
    named = merged[merged["source"] != ""]
    return {"sentences": len(merged),
            "type": (merged["attribution_type"] == merged["attribution_type_other"]).mean(),
            "with_source": len(named),
            "source": sum(same_source(a, b) for a, b in
                          zip(named["source"], named["source_other"], strict=True))
            / max(len(named), 1)}


def figure_agreement(texts: pd.DataFrame, reference: pd.DataFrame,
                     finder: Callable[[str], pd.DataFrame]) -> dict[str, float]:
    """Precision and recall of `finder` against `reference` on `texts`."""
    scored = score_figures(EvalSet(texts, reference, pd.DataFrame()), finder)
    matched = scored["matched"].sum()
    return {"precision": matched / max(scored["found"].sum(), 1),
            "recall": matched / max(scored["expected"].sum(), 1)}


def rules_attribution(texts: pd.DataFrame) -> pd.DataFrame:
    """The tools' labels for every sentence of the split, in the annotation's columns."""
    rows = []
    for text in texts.itertuples(index=False):
        found = find_attribution(text.text).reset_index(drop=True)
        rows += [{"text_id": text.text_id, "sentence": str(number + 1),
                  "attribution_type": row.attribution_type, "source": row.source_described}
                 for number, row in enumerate(found.itertuples())]
    return pd.DataFrame(rows)


def figures_of(table: pd.DataFrame, texts: pd.DataFrame) -> Callable[[str], pd.DataFrame]:
    """A finder that gives an annotation's figures for a text, as find_figures would."""
    by_text = dict(zip(texts["text"], texts["text_id"], strict=True))
    return lambda text: table[table["text_id"] == by_text[text]].rename(
        columns={"unit": "stated_unit"}).reset_index(drop=True)


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """The command line: `--split NAME`, test6 by default."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", default=DEFAULT_SPLIT, metavar="NAME",
                        help="the split whose second annotation to compare, as named in the "
                             f"files of {SECOND.name}/ (default: {DEFAULT_SPLIT})")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    name = parse_args(argv).split
    missing = [file for file in (f"attribution_{name}.csv", f"figures_{name}.csv")
               if not (SECOND / file).exists()]
    if missing:
        print(f"No second annotation of {name} in {SECOND} (no {' or '.join(missing)} there).")
        return 1
    data = load_eval_set()
    second_att = read(SECOND / f"attribution_{name}.csv")
    second_fig = read(SECOND / f"figures_{name}.csv")
    ids = set(second_att["text_id"])
    texts = data.texts[data.texts["text_id"].isin(ids)]
    first_att = data.attribution[data.attribution["text_id"].isin(ids)]
    first_fig = data.figures[data.figures["text_id"].isin(ids)]
    rules_att = rules_attribution(texts)
    rows = []
    for comparison, reference, other, finder in [
        ("second annotator vs first", first_att, second_att, figures_of(second_fig, texts)),
        ("first annotator vs second", second_att, first_att, figures_of(first_fig, texts)),
        ("rules vs first annotator", first_att, rules_att, find_figures),
        ("rules vs second annotator", second_att, rules_att, find_figures),
    ]:
        fig_reference = first_fig if reference is first_att else second_fig
        row = {"comparison": comparison,
               **figure_agreement(texts, fig_reference, finder),
               **attribution_agreement(reference, other)}
        rows.append(row)
    table = pd.DataFrame(rows).set_index("comparison")
    split = ", ".join(sorted(set(texts["split"])))
    print(f"Agreement on {name} (now {split}; {len(texts)} texts). Figures: precision and "
          "recall of the row's first party against its second; type over every sentence; "
          "source over the sentences where the second party names one.\n")
    with pd.option_context("display.width", 160, "display.max_columns", None,
                           "display.precision", 2):
        print(table)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
