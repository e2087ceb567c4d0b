"""data/other_estimates.csv: quotes contain their figures, URLs are well-formed, dates parse."""

import re
from urllib.parse import urlparse

import pandas as pd
import pytest

from newslab.figures import parse_number
from newslab.paths import DATA

KOREAN_DIGITS = re.compile(r"^(?:(\d+)만)?\s*(?:(\d+)천)?(\d*)명?$")


@pytest.fixture(scope="module")
def estimates() -> pd.DataFrame:
    return pd.read_csv(DATA / "other_estimates.csv", dtype=str, keep_default_na=False)


def korean_number(text: str) -> int:
    """'9만 4천200' -> 94200; '1만명' -> 10000."""
    match = KOREAN_DIGITS.match(text.strip())
    assert match, text
    man, cheon, rest = (int(part) if part else 0 for part in match.groups())
    return man * 10_000 + cheon * 1_000 + rest


def test_there_are_rows_and_ids_are_unique(estimates: pd.DataFrame) -> None:
    assert len(estimates) >= 10
    assert estimates["estimate_id"].is_unique


def test_each_quote_contains_its_figure(estimates: pd.DataFrame) -> None:
    for row in estimates.itertuples():
        assert row.value_text in row.quote, row.estimate_id
        if row.qualifier != "none" and row.quote.isascii():
            assert row.qualifier.lower() in row.quote.lower(), row.estimate_id


def test_value_is_the_written_figure(estimates: pd.DataFrame) -> None:
    for row in estimates.itertuples():
        if not row.value:
            assert " to " in row.value_text, row.estimate_id  # a range: tests/test_data.py
            continue
        if re.search("[만천]", row.value_text):
            assert korean_number(row.value_text) == int(row.value), row.estimate_id
        else:
            assert parse_number(row.value_text) == int(row.value), row.estimate_id


def test_each_url_is_well_formed(estimates: pd.DataFrame) -> None:
    for row in estimates.itertuples():
        parts = urlparse(row.url)
        assert parts.scheme in {"http", "https"}, row.url
        assert "." in parts.netloc and " " not in row.url, row.url


def test_dates_parse_at_their_precision(estimates: pd.DataFrame) -> None:
    formats = {"day": "%Y-%m-%d", "month": "%Y-%m", "year": "%Y"}
    for row in estimates.itertuples():
        stamp = pd.to_datetime(row.date, format=formats[row.date_precision])
        assert pd.Timestamp("2000-01-01") <= stamp <= pd.Timestamp("2026-12-31"), row.date


DATE_SENTENCE = re.compile(r"Date: (in the URL \((?P<digits>[\d/]+)\)|inferred[.:] .{20,}|as for "
                           r"(?P<other>E\d\d)\.)")


def test_dates_not_read_on_the_page_are_explained(estimates: pd.DataFrame) -> None:
    by_id = estimates.set_index("estimate_id")
    for row in estimates.itertuples():
        match = DATE_SENTENCE.search(row.note)
        if row.date_basis == "page":
            continue
        assert match, f"{row.estimate_id}: a {row.date_basis} date needs a 'Date: ...' sentence"
        if match["other"]:
            other = by_id.loc[match["other"]]
            assert (other.date, other.date_basis) == (row.date, row.date_basis), row.estimate_id
            assert DATE_SENTENCE.search(other.note)["other"] is None, row.estimate_id
        elif row.date_basis == "url":
            assert match["digits"] and match["digits"] in row.url, row.estimate_id
            assert row.date[:4] in row.url, row.estimate_id
        else:
            assert row.date_basis == "inferred" and "inferred" in match.group(1), row.estimate_id


def test_a_date_read_on_the_page_says_no_inference(estimates: pd.DataFrame) -> None:
    for row in estimates.itertuples():
        if row.date_basis == "page":
            assert "Date: inferred" not in row.note, row.estimate_id


def test_the_parts_exceed_the_total_example_is_there(estimates: pd.DataFrame) -> None:
    group = estimates[estimates["estimate_group"] == "US-2019"]
    whole = group[group["scope"] == "overseas"]["value"].astype(int)
    parts = group[group["scope"] != "overseas"].drop_duplicates("value_text")
    assert parts["value"].astype(int).sum() > whole.max()


def test_scopes_cover_the_lesson(estimates: pd.DataFrame) -> None:
    assert {"overseas", "china", "northeast_china", "city"} <= set(estimates["scope"])
