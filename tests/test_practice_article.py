"""The practice article: invented and says so, and its reference tables match the rules."""

import json

import pandas as pd
import pytest

from newslab.attribution import find_attribution
from newslab.figures import find_figures
from newslab.paths import DATA
from newslab.sentences import split_sentences

REAL_PLACES = ["Korea", "China", "Dandong", "Liaoning", "Jilin", "Daily NK", "Pyongyang"]


def read(name: str) -> pd.DataFrame:
    return pd.read_csv(DATA / name, dtype=str, keep_default_na=False)


@pytest.fixture(scope="module")
def text() -> str:
    return (DATA / "practice_article.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def furniture() -> dict[int, str]:
    record = json.loads((DATA / "practice_article.json").read_text(encoding="utf-8"))
    return {item["paragraph"]: item["kind"] for item in record["non_story"]}


def test_first_line_says_it_is_invented(text: str) -> None:
    first = text.split("\n", 1)[0]
    assert first.startswith("PRACTICE ARTICLE: invented")
    assert "fictional" in first


def test_no_real_place_or_outlet_of_the_real_article(text: str) -> None:
    for name in REAL_PLACES:
        assert name not in text, name


def test_non_story_lines_are_verbatim(text: str) -> None:
    record = json.loads((DATA / "practice_article.json").read_text(encoding="utf-8"))
    lines = text.split("\n")
    assert record["invented"] is True
    for item in record["non_story"]:
        assert lines[item["line"] - 1] == item["text"], item


def test_find_figures_matches_practice_figures(text: str, furniture: dict[int, str]) -> None:
    found = find_figures(text, furniture)
    reference = read("practice_figures.csv")
    assert len(found) == len(reference)
    for mine, theirs in zip(found.itertuples(), reference.itertuples(), strict=True):
        assert (mine.value, mine.value_text, mine.qualifier, mine.bounds_rule,
                mine.sentence_id, mine.quote) == \
            (int(theirs.value), theirs.value_text, theirs.qualifier, theirs.bounds_rule,
             theirs.sentence_id, theirs.quote)
        assert (None if pd.isna(mine.low) else int(mine.low)) == \
            (int(theirs.low) if theirs.low else None)
        assert (None if pd.isna(mine.high) else int(mine.high)) == \
            (int(theirs.high) if theirs.high else None)
        assert str(mine.low_inclusive).lower() == theirs.low_inclusive


def test_figures_are_story_figures_only(text: str, furniture: dict[int, str]) -> None:
    found = find_figures(text, furniture)
    assert set(found["kind"]) == {"story"}
    # Gull-7, Tern-12, 09:15, March 3, 2029, Pier 4: names, times and dates, written in digits
    assert not {"7", "12", "09", "9", "15", "3", "2029", "4"} & set(found["value_text"])
    assert found["value"].tolist().count(300) == 1  # the 300 of RX-300 is a name


def test_find_attribution_matches_practice_claims(text: str, furniture: dict[int, str]) -> None:
    found = find_attribution(text, furniture)
    reference = read("practice_claims.csv")
    merged = reference.merge(found, on="sentence_id", suffixes=("_ref", ""))
    assert len(merged) == len(reference)
    agree = (merged["attribution_type"] == merged["attribution_type_ref"]).mean()
    assert agree >= 0.9, f"agreement {agree:.0%}"


def test_find_attribution_names_the_practice_sources(text: str,
                                                    furniture: dict[int, str]) -> None:
    """The draft names each source as the reference ledger does, except that it leaves out a
    relative clause set off by commas (", who manages a cannery"), which the reader adds; it
    keeps one that is part of the source ("who spoke on condition of anonymity")."""
    found = find_attribution(text, furniture).set_index("sentence_id")["source_described"]
    reference = read("practice_claims.csv")
    sourced = reference[reference["source_described"] != ""]
    assert len(sourced) >= 9
    for row in sourced.itertuples():
        assert found[row.sentence_id] == row.source_described.split(", who ")[0], row.sentence_id


def test_reference_quotes_are_verbatim(text: str, furniture: dict[int, str]) -> None:
    sentences = split_sentences(text, furniture).set_index("sentence_id")
    for name in ["practice_figures.csv", "practice_claims.csv"]:
        for row in read(name).itertuples():
            assert row.quote in sentences.loc[row.sentence_id, "text"], (name, row.quote)
            assert sentences.loc[row.sentence_id, "is_story"]


def test_claims_cover_every_story_sentence(text: str, furniture: dict[int, str]) -> None:
    sentences = split_sentences(text, furniture)
    story = sentences.loc[sentences["is_story"], "sentence_id"].tolist()
    assert read("practice_claims.csv")["sentence_id"].tolist() == story


def test_claim_cues_are_words_of_the_sentence() -> None:
    for row in read("practice_claims.csv").itertuples():
        for cue in filter(None, row.cue.split("; ")):
            for piece in cue.split(" "):
                assert piece in row.quote, (row.sentence_id, piece)


def test_the_total_is_the_sum_of_the_parts() -> None:
    figures = read("practice_figures.csv").set_index("figure_id")
    assert int(figures.loc["P1", "value"]) + int(figures.loc["P2", "value"]) == \
        int(figures.loc["P3", "value"])
    assert figures.loc["P3", "attribution_type"] == "reporters_inference"
