"""newslab/data.py: loading the article, its metadata and the tables, and the messages for bad
files."""

from pathlib import Path

import pytest

from newslab import load_article_text, load_figures, load_metadata, load_other_estimates
from newslab.data import (
    furniture_of,
    load_practice_claims,
    load_practice_figures,
    load_practice_metadata,
    load_practice_text,
)
from newslab.paths import ROOT
from newslab.sentences import split_sentences


def test_the_article_loads_without_changes() -> None:
    text = load_article_text()
    assert text.startswith("North Korean authorities have been bolstering")
    assert not text.endswith("\n") and text.count("\n") == 39


def test_metadata_names_outlet_and_author() -> None:
    metadata = load_metadata()
    assert (metadata["outlet"], metadata["author"]) == ("Daily NK", "Seulkee Jang")


def test_figures_load_with_numbers_as_numbers() -> None:
    figures = load_figures()
    assert str(figures["value"].dtype) == "Int64"
    assert figures.loc[figures.qualifier == "over", "high"].isna().all()


def test_a_missing_file_says_where_it_looked(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="No article text at"):
        load_article_text(tmp_path / "nothing.txt")


def test_a_file_in_another_encoding_gets_a_clear_message(tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes("vis-à-vis".encode("latin-1"))
    with pytest.raises(ValueError, match="not UTF-8 text"):
        load_article_text(path)


def test_other_estimates_load_with_numbers_as_numbers() -> None:
    estimates = load_other_estimates()
    assert {"estimate_id", "scope", "value", "low", "high"} <= set(estimates.columns)
    assert str(estimates["low"].dtype) == "Int64" and estimates["estimate_id"].is_unique


def test_the_practice_article_loads_with_its_tables() -> None:
    sentences = split_sentences(load_practice_text(), furniture_of(load_practice_metadata()))
    story = set(sentences.loc[sentences["is_story"], "sentence_id"])
    assert story and set(load_practice_claims()["sentence_id"]) <= story
    figures = load_practice_figures()
    assert str(figures["value"].dtype) == "Int64" and set(figures["sentence_id"]) <= story


def test_the_check_modules_read_data_only_through_newslab_data() -> None:
    """No check module opens a file of data/ itself: file names and types live in data.py."""
    for path in (ROOT / "newslab" / "checks").glob("*.py"):
        source = path.read_text(encoding="utf-8")
        for reading in ("read_csv", "read_text", "json.load", "open(", "paths import DATA"):
            assert reading not in source, f"{path.name} reads data itself ({reading})"
