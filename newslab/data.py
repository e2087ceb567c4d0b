"""Load the course's tables from `data/` with the right column types."""

from pathlib import Path

import pandas as pd

from newslab.article import load_article_text, load_metadata
from newslab.paths import DATA
from newslab.sentences import split_sentences


def furniture_of(metadata: dict) -> dict[int, str]:
    """Map paragraph number to furniture kind, from the metadata's `non_story` list."""
    return {item["paragraph"]: item["kind"] for item in metadata["non_story"]}


def load_sentences_table() -> pd.DataFrame:
    """Split the shipped article into sentences, tagging its page furniture."""
    return split_sentences(load_article_text(), furniture_of(load_metadata()))


def _read(name: str, folder: Path = DATA) -> pd.DataFrame:
    return pd.read_csv(folder / name, dtype=str, keep_default_na=False)


def load_figures(folder: Path = DATA) -> pd.DataFrame:
    """Return `figures.csv`: one row per figure, numbers as numbers (a missing bound is <NA>)."""
    table = _read("figures.csv", folder)
    for column in ["value", "low", "high"]:
        table[column] = pd.to_numeric(table[column].replace("", None)).astype("Int64")
    return table


def load_claims(folder: Path = DATA) -> pd.DataFrame:
    """Return `claims.csv`: one row per claim-bearing sentence of the story."""
    return _read("claims.csv", folder)
