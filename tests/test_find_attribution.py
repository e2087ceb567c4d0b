"""find_attribution against the reference claims ledger of the real article."""

import pandas as pd
import pytest

from newslab import load_article_text, load_claims
from newslab.attribution import TYPES, classify_source, find_attribution
from newslab.data import furniture_of, load_metadata


def agreement(found: pd.DataFrame, reference: pd.DataFrame) -> tuple[float, float]:
    """(share equal to attribution_type, share equal to it or to alternative_type)."""
    merged = reference.merge(found, on="sentence_id", suffixes=("_ref", ""))
    assert len(merged) == len(reference)
    exact = merged["attribution_type"] == merged["attribution_type_ref"]
    either = exact | (merged["attribution_type"] == merged["alternative_type"])
    return float(exact.mean()), float(either.mean())


@pytest.fixture(scope="module")
def found() -> pd.DataFrame:
    return find_attribution(load_article_text(), furniture_of(load_metadata()))


def test_agrees_with_claims_csv_on_at_least_90_percent(found: pd.DataFrame) -> None:
    exact, either = agreement(found, load_claims())
    assert exact >= 0.9, f"agreement {exact:.0%}"
    assert either >= exact


def test_one_row_per_sentence_with_known_labels(found: pd.DataFrame) -> None:
    assert found["sentence_id"].is_unique
    assert set(found["attribution_type"]) <= set(TYPES)
    assert set(found["kind"]) >= {"story", "author_bio"}


def test_cues_are_words_of_their_sentence(found: pd.DataFrame) -> None:
    for row in found.itertuples():
        for cue in filter(None, row.cue.split("; ")):
            for piece in cue.split(" "):
                assert piece in row.text, (row.sentence_id, piece)


@pytest.mark.parametrize(("sentence_id", "label"), [
    ("p02s1", "several_anonymous_sources"), ("p10s1", "one_anonymous_source"),
    ("p03s1", "reporters_inference"), ("p04s2", "hedge_no_source"),
    ("p17s3", "anonymous_person_quoted"), ("p18s2", "anonymous_person_quoted"),
    ("p14s3", "unattributed_assertion"),
])
def test_the_traps(found: pd.DataFrame, sentence_id: str, label: str) -> None:
    assert found.set_index("sentence_id").loc[sentence_id, "attribution_type"] == label


@pytest.mark.parametrize(("phrase", "label"), [
    ("multiple Daily NK sources in China", "several_anonymous_sources"),
    ("a source", "one_anonymous_source"),
    ("two port officials", "several_anonymous_sources"),
    ("Mira Oskarsdottir", "named_source"),
    ("The Harbour Authority", "named_source"),
])
def test_classify_source(phrase: str, label: str) -> None:
    assert classify_source(phrase) == label


def test_named_speaker_and_pronoun() -> None:
    text = ("“We are tired,” said Lena Park, a dock manager. “Nobody comes.”\n\n"
            "“It is hard,” she added.\n\nThe port reportedly closed.")
    labels = find_attribution(text)["attribution_type"].tolist()
    assert labels == ["named_source", "named_source", "named_source", "hedge_no_source"]


def test_said_to_is_a_hedge_not_a_speaker() -> None:
    label = find_attribution("Workers at two canneries are said to be planning a strike.")
    assert label["attribution_type"].tolist() == ["hedge_no_source"]
