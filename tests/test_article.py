"""Loading the article and its metadata, and the messages for bad files."""

from pathlib import Path

import pytest

from newslab import load_article_text, load_figures, load_metadata


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
