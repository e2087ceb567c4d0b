"""The second, blind annotations in data/eval/second_annotation/ are well formed: one row per
sentence of every text of their split, types in the vocabulary, figures found in their text and
bounded by the course's one bounds rule. They are not compared here with the first annotation
(benchmarks/annotator_agreement.py does that, once, for whoever reports it)."""

import pandas as pd
import pytest

from newslab.bounds import compute
from newslab.evaluation import EVAL
from newslab.sentences import split_sentences
from newslab.vocabulary import TYPES

SECOND = EVAL / "second_annotation"
# The split as the files name it (when it was annotated) -> as data/eval/texts.csv names it now.
SPLITS = {"test6": "dev7", "test13": "test13"}
NEEDS_SOURCE = {"named_source", "document", "several_anonymous_sources",
                "one_anonymous_source", "anonymous_person_quoted"}


def read(path) -> pd.DataFrame:
    return pd.read_csv(path, dtype=str, keep_default_na=False)


@pytest.fixture(scope="module")
def texts() -> pd.DataFrame:
    return read(EVAL / "texts.csv")


def test_every_second_annotation_is_listed() -> None:
    names = {path.stem.removeprefix("attribution_") for path in SECOND.glob("attribution_*.csv")}
    assert names == set(SPLITS)
    assert {path.stem.removeprefix("figures_") for path in SECOND.glob("figures_*.csv")} == names


@pytest.mark.parametrize("name", SPLITS)
def test_one_row_per_sentence_with_a_type_of_the_vocabulary(name: str, texts) -> None:
    attribution = read(SECOND / f"attribution_{name}.csv")
    assert list(attribution.columns) == list(read(EVAL / "attribution.csv").columns)
    split = texts[texts["split"] == SPLITS[name]]
    expected = [(row.text_id, str(number)) for row in split.itertuples()
                for number in range(1, len(split_sentences(row.text)) + 1)]
    assert list(zip(attribution["text_id"], attribution["sentence"], strict=True)) == expected
    assert set(attribution["attribution_type"]) <= set(TYPES)
    for row in attribution.itertuples():
        if row.attribution_type in NEEDS_SOURCE:
            assert row.source.strip() and "" not in row.source.split("|"), row
        if row.attribution_type == "unattributed_assertion":
            assert row.source == "", row


@pytest.mark.parametrize("name", SPLITS)
def test_figures_are_in_their_text_and_bounded_by_the_course_rule(name: str, texts) -> None:
    figures = read(SECOND / f"figures_{name}.csv")
    assert list(figures.columns) == list(read(EVAL / "figures.csv").columns)
    split = texts[texts["split"] == SPLITS[name]].set_index("text_id")["text"]
    assert len(figures) > 0
    for row in figures.itertuples():
        assert row.value_text in split[row.text_id], row
        value = float(row.value)
        bounds = compute(int(value) if value.is_integer() else value, row.qualifier)
        assert (float(row.low) if row.low else None) == bounds.low, row
        assert (float(row.high) if row.high else None) == bounds.high, row
