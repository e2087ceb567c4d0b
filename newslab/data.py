"""Load the course's data from `data/`: the article, its provenance, and every table with the
right column types.

Everything in the package that reads `data/` goes through here (the exercise checks included),
so a file's name, encoding and column types are written once.
"""

import json
from pathlib import Path
from typing import Any

import pandas as pd

from newslab.paths import ARTICLE_METADATA, ARTICLE_TEXT, DATA
from newslab.sentences import split_sentences

NUMBER_COLUMNS = ("value", "low", "high")


# --- the article and its provenance -------------------------------------------------------------

def load_article_text(path: Path | str = ARTICLE_TEXT) -> str:
    """Return the article exactly as shipped (UTF-8, no newline added or removed)."""
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"No article text at {path}: is the course's data/ folder there?")
    raw = path.read_bytes()
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ValueError(
            f"{path} is not UTF-8 text (byte {error.start} cannot be decoded); "
            "save it as UTF-8 and load it again."
        ) from None


def load_metadata(path: Path | str = ARTICLE_METADATA) -> dict[str, Any]:
    """Return the article's provenance record (outlet, author, URL, date status, ...)."""
    path = Path(path)
    with path.open(encoding="utf-8") as handle:
        return json.load(handle)


def furniture_of(metadata: dict) -> dict[int, str]:
    """Map paragraph number to furniture kind, from the metadata's `non_story` list."""
    return {item["paragraph"]: item["kind"] for item in metadata["non_story"]}


def load_sentences_table() -> pd.DataFrame:
    """Split the shipped article into sentences, tagging its page furniture."""
    return split_sentences(load_article_text(), furniture_of(load_metadata()))


# --- the tables ---------------------------------------------------------------------------------

def _read(name: str, folder: Path = DATA) -> pd.DataFrame:
    return pd.read_csv(folder / name, dtype=str, keep_default_na=False)


def _with_numbers(table: pd.DataFrame) -> pd.DataFrame:
    """`value`, `low` and `high` as whole numbers (a missing one is <NA>)."""
    for column in NUMBER_COLUMNS:
        table[column] = pd.to_numeric(table[column].replace("", None)).astype("Int64")
    return table


def load_figures(folder: Path = DATA) -> pd.DataFrame:
    """Return `figures.csv`: one row per figure, numbers as numbers (a missing bound is <NA>)."""
    return _with_numbers(_read("figures.csv", folder))


def load_claims(folder: Path = DATA) -> pd.DataFrame:
    """Return `claims.csv`: one row per claim-bearing sentence of the story."""
    return _read("claims.csv", folder)


def load_other_estimates(folder: Path = DATA) -> pd.DataFrame:
    """Return `other_estimates.csv`: other outlets' estimates, numbers as numbers."""
    return _with_numbers(_read("other_estimates.csv", folder))


# --- the practice article (fictional, for exercise 06) ------------------------------------------

def load_practice_text(folder: Path = DATA) -> str:
    """Return the fictional practice article, exactly as shipped."""
    return load_article_text(folder / "practice_article.txt")


def load_practice_metadata(folder: Path = DATA) -> dict[str, Any]:
    """Return the practice article's record (its `non_story` paragraphs among them)."""
    return load_metadata(folder / "practice_article.json")


def load_practice_figures(folder: Path = DATA) -> pd.DataFrame:
    """Return `practice_figures.csv`, numbers as numbers."""
    return _with_numbers(_read("practice_figures.csv", folder))


def load_practice_claims(folder: Path = DATA) -> pd.DataFrame:
    """Return `practice_claims.csv`: one row per claim-bearing sentence of the practice story."""
    return _read("practice_claims.csv", folder)
