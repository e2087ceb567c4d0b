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
            assert row.bounds_rule == "range", row.estimate_id
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


def test_inferred_dates_are_explained(estimates: pd.DataFrame) -> None:
    for row in estimates.itertuples():
        if row.date_basis == "inferred":
            assert re.search(r"\b(?:date|dated|year|month)\b", row.note, re.IGNORECASE), \
                row.estimate_id


def test_bounds_follow_their_rule(estimates: pd.DataFrame) -> None:
    for row in estimates.itertuples():
        low = int(row.low) if row.low else None
        high = int(row.high) if row.high else None
        value = int(row.value) if row.value else None
        if row.bounds_rule == "exact":
            assert low == high == value
        elif row.bounds_rule == "over_open":
            assert (low, high, row.low_inclusive) == (value, None, "false")
        elif row.bounds_rule == "at_least":
            assert (low, high, row.low_inclusive) == (value, None, "true")
        elif row.bounds_rule == "up_to":
            assert (low, high) == (None, value)
        elif row.bounds_rule == "about_round":
            assert low is not None and high is not None and low < value < high
        else:
            assert row.bounds_rule == "range" and low is not None and high is not None
            assert low < high


def test_the_parts_exceed_the_total_example_is_there(estimates: pd.DataFrame) -> None:
    group = estimates[estimates["estimate_group"] == "US-2019"]
    whole = group[group["scope"] == "overseas"]["value"].astype(int)
    parts = group[group["scope"] != "overseas"].drop_duplicates("value_text")
    assert parts["value"].astype(int).sum() > whole.max()


def test_scopes_cover_the_lesson(estimates: pd.DataFrame) -> None:
    assert {"overseas", "china", "northeast_china", "city"} <= set(estimates["scope"])
