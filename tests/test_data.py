"""Truth tests for data/: the article is verbatim, every quote is in it, every id resolves.

The data folder can be pointed elsewhere with NEWSLAB_DATA_DIR, which is how
tests/test_data_tampering.py shows that these tests fail on altered data.
"""

import hashlib
import json
import os
import re
from pathlib import Path

import pandas as pd
import pytest

from newslab import bounds
from newslab.data import furniture_of
from newslab.figures import parse_number, parse_number_words
from newslab.paths import DATA
from newslab.sentences import split_sentences

ARTICLE_SHA256 = "459a0727d8233bf548915354a1d6519a10f02f03a9e13bf55c46bd06fc8a760f"
FOLDER = Path(os.environ.get("NEWSLAB_DATA_DIR", DATA))


def read_table(name: str) -> pd.DataFrame:
    return pd.read_csv(FOLDER / name, dtype=str, keep_default_na=False)


@pytest.fixture(scope="module")
def article() -> str:
    return (FOLDER / "article.txt").read_bytes().decode("utf-8")


@pytest.fixture(scope="module")
def metadata() -> dict:
    return json.loads((FOLDER / "article.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def sentences() -> pd.DataFrame:
    return read_table("sentences.csv").set_index("sentence_id")


def test_article_is_the_seed_byte_for_byte(metadata: dict) -> None:
    digest = hashlib.sha256((FOLDER / "article.txt").read_bytes()).hexdigest()
    assert digest == ARTICLE_SHA256
    assert metadata["text"]["sha256"] == ARTICLE_SHA256


def test_metadata_records_what_is_missing(metadata: dict) -> None:
    assert metadata["publication_date"]["status"] == "unknown"
    assert metadata["publication_date"]["value"] is None
    assert metadata["headline"]["status"] == "not in the provided text"
    for field in ["outlet", "author", "url", "language"]:
        assert metadata[field], field
    assert metadata["korean_edition"]["url"].startswith("https://www.dailynk.com/")


def test_candidate_dates_are_thursdays_on_the_21st(metadata: dict) -> None:
    for day in metadata["publication_date"]["candidates"]:
        stamp = pd.Timestamp(day)
        assert stamp.day == 21 and stamp.day_name() == "Thursday", day
        assert pd.Timestamp("2020-01-01") <= stamp <= pd.Timestamp("2023-08-31"), day


def test_time_words_and_quoted_reasoning_are_verbatim(article: str, metadata: dict) -> None:
    for words in metadata["publication_date"]["relative_time_words"]:
        assert words in article, words
    for reason in metadata["publication_date"]["reasoning"]:
        for quoted in re.findall(r"\('([^']+)'\)", reason):
            for piece in quoted.split(" ... "):
                assert piece in article, piece


def test_non_story_lines_are_verbatim_lines(article: str, metadata: dict) -> None:
    lines = article.split("\n")
    kinds = {item["kind"] for item in metadata["non_story"]}
    assert kinds == {"alt_text", "caption", "contact", "read_in_korean", "author_bio"}
    for item in metadata["non_story"]:
        assert lines[item["line"] - 1] == item["text"], item["kind"]


def test_sentences_csv_is_what_the_splitter_makes(article: str, metadata: dict) -> None:
    expected = split_sentences(article, furniture_of(metadata)).astype(str)
    shipped = read_table("sentences.csv")
    pd.testing.assert_frame_equal(shipped, expected, check_dtype=False)


def test_sentence_offsets_point_into_the_article(article: str, sentences: pd.DataFrame) -> None:
    for sentence_id, row in sentences.iterrows():
        assert article[int(row.start) : int(row.end)] == row.text, sentence_id


def test_every_quote_is_verbatim(article: str) -> None:
    for name in ["figures.csv", "claims.csv"]:
        for row in read_table(name).itertuples():
            assert row.quote in article, f"{name}: {row.quote!r} is not in the article"


def test_every_sentence_id_exists(sentences: pd.DataFrame) -> None:
    for name in ["figures.csv", "claims.csv"]:
        for sentence_id in read_table(name)["sentence_id"]:
            assert sentence_id in sentences.index, f"{name}: no sentence {sentence_id}"


def test_every_quote_is_in_its_sentence(sentences: pd.DataFrame) -> None:
    for name in ["figures.csv", "claims.csv"]:
        for row in read_table(name).itertuples():
            assert row.quote in sentences.loc[row.sentence_id, "text"], f"{name}: {row.quote!r}"


def test_claims_cover_every_story_sentence_in_order(sentences: pd.DataFrame) -> None:
    story = [i for i, row in sentences.iterrows() if row.is_story == "True"]
    assert read_table("claims.csv")["sentence_id"].tolist() == story


def test_claim_cues_are_words_of_the_sentence() -> None:
    for row in read_table("claims.csv").itertuples():
        for cue in filter(None, row.cue.split("; ")):
            for piece in cue.split(" "):
                assert piece in row.quote, f"{row.sentence_id}: cue {piece!r} not in the sentence"


def test_every_figure_value_appears_in_its_quote() -> None:
    for row in read_table("figures.csv").itertuples():
        assert row.value_text in row.quote, row.figure_id
        assert int(row.value_text.replace(",", "")) == int(row.value), row.figure_id
        assert re.search(rf"\b{re.escape(row.qualifier)}\b", row.quote) or row.qualifier == "none"


BOUND_TABLES = ["figures.csv", "other_estimates.csv", "practice_figures.csv"]


def written_ends(value_text: str) -> tuple[int, int]:
    """The two ends of a written figure: '30,000' -> (30000, 30000); 'N to M' -> (N, M);
    'three' -> (3, 3)."""
    pieces = re.split(r"\s+to\s+", value_text.strip())
    if len(pieces) not in {1, 2} or any(re.search(r"[만천]", piece) for piece in pieces):
        raise ValueError(value_text)
    numbers = [parse_number(piece) if re.search(r"\d", piece) else parse_number_words(piece)
               for piece in pieces]
    return numbers[0], numbers[-1]


def stored_ends(row: pd.Series) -> tuple[int, int]:
    """The figure's ends: from `value`, or from value_text when value is empty (a range)."""
    if row["value"]:
        return int(row["value"]), int(row["value"])
    return written_ends(row["value_text"])


def as_bound(text: str) -> int | None:
    return int(text) if text else None


def test_every_table_with_bounds_is_checked() -> None:
    with_bounds = {path.name for path in FOLDER.glob("*.csv")
                   if "bounds_rule" in read_table(path.name).columns}
    assert with_bounds == set(BOUND_TABLES)


@pytest.mark.parametrize("name", BOUND_TABLES)
def test_each_qualifier_has_exactly_one_rule(name: str) -> None:
    table = read_table(name)
    rules_seen = table.groupby("qualifier")["bounds_rule"].unique()
    for qualifier, rules in rules_seen.items():
        assert list(rules) == [bounds.rule_for(qualifier)], f"{name}: {qualifier!r} -> {rules}"


@pytest.mark.parametrize("name", BOUND_TABLES)
def test_bounds_are_what_the_rule_computes(name: str) -> None:
    for _, row in read_table(name).iterrows():
        row_id = row.iloc[0]
        low_end, high_end = stored_ends(row)
        upper = high_end if high_end != low_end else None
        expected = bounds.compute(low_end, row["qualifier"], upper)
        stored = (as_bound(row["low"]), as_bound(row["high"]), row["low_inclusive"],
                  row["bounds_rule"])
        computed = (expected.low, expected.high, str(expected.low_inclusive).lower(),
                    expected.rule)
        assert stored == computed, f"{name} {row_id}"


def test_a_written_figure_matches_its_value() -> None:
    for name in BOUND_TABLES:
        for _, row in read_table(name).iterrows():
            if re.search(r"[만천]", row["value_text"]):
                continue  # Korean numerals: tests/test_other_estimates.py reads them
            low_end, high_end = written_ends(row["value_text"])
            if row["value"]:
                assert low_end == high_end == int(row["value"]), f"{name} {row.iloc[0]}"
            else:
                assert low_end < high_end, f"{name} {row.iloc[0]}: an empty value is a range"


def test_numbers_that_are_not_figures_are_not_rows() -> None:
    values = set(read_table("figures.csv")["value"].astype(int))
    assert 19 not in values  # the 19 of COVID-19
    assert values == {30000, 20000, 50000}


# What a paraphrase must keep so a reader still sees who says so, by attribution type.
SPEECH = r"\b(?:says?|said|asks?|adds?|according to|tells?|told)\b"
PARAPHRASE_CUES = {
    "several_anonymous_sources": [r"\bsources\b", SPEECH],
    "one_anonymous_source": [r"\bsource\b", SPEECH],
    "anonymous_person_quoted": [SPEECH],
    "named_source": [SPEECH],
    "hedge_no_source": [r"\b(?:reportedly|allegedly|(?:is|are) said to|seems?|appears?)\b"],
    "reporters_inference": [r"\b(?:seems?|appears?|because|with|as|since|so)\b"],
    "unattributed_assertion": [],
}


PERSON_NOUNS = r"\b(?:sources?|cadres?|officials?|residents?|workers?|people|person)\b"


def test_paraphrases_keep_the_attribution_cue() -> None:
    for row in read_table("claims.csv").itertuples():
        text = row.paraphrase
        for pattern in PARAPHRASE_CUES[row.attribution_type]:
            assert re.search(pattern, text, re.IGNORECASE), f"{row.sentence_id}: {text!r}"
        if row.source_described and row.attribution_type != "reporters_inference":
            person = re.search(PERSON_NOUNS, row.source_described)
            noun = person.group(0) if person else row.source_described.split()[-1]
            assert re.search(rf"\b{noun.rstrip('s')}s?\b", text, re.IGNORECASE), row.sentence_id


def test_paraphrases_keep_the_words_they_quote() -> None:
    stop = {"a", "an", "the", "to", "be", "is", "are", "of"}
    for row in read_table("claims.csv").itertuples():
        for quoted in re.findall(r"“([^”]+)”", row.quote):
            if row.attribution_type != "unattributed_assertion":
                continue  # a quoted person's words: the cue (who says so) is checked above
            words = set(re.findall(r"[a-z]+", quoted.lower())) - stop
            kept = set(re.findall(r"[a-z]+", row.paraphrase.lower()))
            assert words <= kept, f"{row.sentence_id} drops {sorted(words - kept)}"


def test_a_quotation_carried_over_says_so() -> None:
    speech = re.compile(r"\b(?:said|says|added|adds|told|according to)\b", re.IGNORECASE)
    carried = 0
    for row in read_table("claims.csv").itertuples():
        if row.attribution_type != "reporters_inference" and row.source_described \
                and not speech.search(row.quote):
            carried += 1
            assert row.note.startswith("Carry-over:"), row.sentence_id
    assert carried >= 3  # p17s2, p17s3 and p18s2 continue the cadre's words
