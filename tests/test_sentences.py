"""The sentence splitter on this article's hard cases, and on small made-up texts."""

import pandas as pd
import pytest

from newslab import load_sentences_table
from newslab.sentences import split_sentences


@pytest.fixture(scope="module")
def table() -> pd.DataFrame:
    return load_sentences_table().set_index("sentence_id")


def test_degrees_with_points_do_not_end_a_sentence(table: pd.DataFrame) -> None:
    assert table.loc["p21s2", "text"] == (
        "Jang has a M.A. in Sociology from University of North Korean Studies "
        "and a B.A. in Sociology from Yonsei University."
    )
    assert table.loc[table.paragraph == 21].shape[0] == 3


def test_vis_a_vis_stays_in_one_sentence(table: pd.DataFrame) -> None:
    assert "vis-à-vis management personnel" in table.loc["p07s1", "text"]
    assert (table.paragraph == 7).sum() == 1


def test_quoted_speech_splits_at_sentence_ends_inside_quotes(table: pd.DataFrame) -> None:
    assert table.loc["p17s1", "text"].endswith("said one cadre in charge of workers.")
    assert table.loc["p17s2", "text"].startswith("“They don’t reduce")
    assert table.loc["p17s3", "text"].endswith("the only way to survive?”")
    assert "[workers]" in table.loc["p17s1", "text"]
    assert table.loc["p18s2", "text"] == "“The situation is similar both in[North Korea] and here.”"


def test_a_comma_inside_quotes_does_not_end_the_sentence(table: pd.DataFrame) -> None:
    assert "running off,” said one cadre" in table.loc["p17s1", "text"]


def test_page_furniture_is_tagged(table: pd.DataFrame) -> None:
    kinds = table.groupby("paragraph")["kind"].first()
    assert kinds[8] == "alt_text" and kinds[9] == "caption" and kinds[19] == "contact"
    assert kinds[20] == "read_in_korean" and kinds[21] == "author_bio"
    assert set(kinds.drop([8, 9, 19, 20, 21])) == {"story"}
    assert table.is_story.sum() == 23


def test_ids_are_stable_and_unique(table: pd.DataFrame) -> None:
    assert table.index.is_unique
    assert list(table.index[:4]) == ["p01s1", "p02s1", "p03s1", "p04s1"]
    again = load_sentences_table().set_index("sentence_id")
    pd.testing.assert_frame_equal(table, again)


def test_abbreviations_and_initials_in_other_texts() -> None:
    text = (
        "Dr. Kim met Mr. Park in the U.S. on Monday. They spoke.\n\n"
        "“Is it true?” she asked. Yes."
    )
    sentences = split_sentences(text)["text"].tolist()
    assert sentences == ["Dr. Kim met Mr. Park in the U.S. on Monday.", "They spoke.",
                         "“Is it true?” she asked.", "Yes."]  # fmt: skip


def test_offsets_index_the_original_text() -> None:
    text = "  Leading space. Second one!\nThird?  "
    table = split_sentences(text)
    for row in table.itertuples():
        assert text[row.start : row.end] == row.text
    assert table["text"].tolist() == ["Leading space.", "Second one!", "Third?"]


def test_empty_text_gives_an_empty_table_with_columns() -> None:
    table = split_sentences("")
    assert table.empty and "sentence_id" in table.columns


def test_bytes_get_a_clear_error() -> None:
    with pytest.raises(TypeError, match="needs a str"):
        split_sentences(b"bytes")  # type: ignore[arg-type]


@pytest.mark.parametrize(("text", "expected"), [
    # Invented sentences (fictional places and firms).
    ("The fire was put out. Électricité de Varnholm said no one was hurt.",
     ["The fire was put out.", "Électricité de Varnholm said no one was hurt."]),
    ("The bridge closed. Øresund Ferries ran all night.",
     ["The bridge closed.", "Øresund Ferries ran all night."]),
    ("He said. Ángel Roe agreed.", ["He said.", "Ángel Roe agreed."]),
    # A lower-case letter of any alphabet does not open a sentence.
    ("Prices rose 3 p.m. élan aside.", ["Prices rose 3 p.m. élan aside."]),
])
def test_a_capital_of_any_alphabet_opens_a_sentence(text: str, expected: list[str]) -> None:
    assert list(split_sentences(text)["text"]) == expected
