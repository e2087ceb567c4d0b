"""find_figures: the real article's figures and nothing else, and the number parser's rules."""

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newslab import load_article_text, load_figures
from newslab.bounds import QUALIFIER_RULES
from newslab.figures import QUALIFIERS, find_figures, parse_number

# No deadline: a timing limit would make these tests fail on a busy machine.
relaxed = settings(deadline=None, max_examples=60)


def with_commas(number: int) -> str:
    return f"{number:,}"


@pytest.fixture(scope="module")
def found() -> pd.DataFrame:
    return find_figures(load_article_text())


def test_reproduces_every_figure_of_the_article_and_nothing_else(found: pd.DataFrame) -> None:
    reference = load_figures()
    columns = ["value", "value_text", "qualifier", "low", "high", "low_inclusive",
               "bounds_rule", "sentence_id"]
    expected = reference[columns].copy()
    expected["low_inclusive"] = expected["low_inclusive"].str.lower() == "true"
    got = found[columns].reset_index(drop=True)
    pd.testing.assert_frame_equal(got, expected.reset_index(drop=True), check_dtype=False)


def test_quotes_are_verbatim_and_match_the_reference(found: pd.DataFrame) -> None:
    text = load_article_text()
    reference = load_figures()
    for mine, theirs in zip(found["quote"], reference["quote"], strict=True):
        assert mine in text
        assert mine in theirs or theirs in mine, (mine, theirs)


def test_offsets_point_at_the_numbers(found: pd.DataFrame) -> None:
    text = load_article_text()
    for row in found.itertuples():
        assert text[row.start:row.end] == row.value_text


def test_covid_19_is_not_a_figure(found: pd.DataFrame) -> None:
    assert 19 not in set(found["value"])
    assert "COVID-19" in load_article_text()


def test_text_without_figures_gives_an_empty_table_with_the_columns() -> None:
    table = find_figures("The border stayed closed and nobody was sent home.")
    assert table.empty
    assert {"value", "qualifier", "low", "high", "sentence_id", "quote"} <= set(table.columns)


@relaxed
@given(st.integers(min_value=0, max_value=10**12))
def test_thousands_separators(number: int) -> None:
    assert parse_number(with_commas(number)) == number
    table = find_figures(f"Officials counted {with_commas(number)} workers.")
    assert table["value"].tolist() == [number]
    assert table["value_text"].tolist() == [with_commas(number)]


@relaxed
@given(st.integers(min_value=0, max_value=99999), st.integers(min_value=1, max_value=99))
def test_decimals(whole: int, fraction: int) -> None:
    written = f"{whole}.{fraction:02d}"
    assert parse_number(written) == pytest.approx(float(written))
    table = find_figures(f"Wages rose by {written} crowns.")
    assert table["value"].tolist() == [pytest.approx(float(written))]


@relaxed
@given(st.integers(min_value=1, max_value=999), st.integers(min_value=0, max_value=9),
       st.sampled_from(["thousand", "million", "billion"]))
def test_scale_words(whole: int, tenth: int, scale: str) -> None:
    factor = {"thousand": 10**3, "million": 10**6, "billion": 10**9}[scale]
    written = f"{whole}.{tenth} {scale}"
    table = find_figures(f"They earned {written} dollars.")
    assert table["value_text"].tolist() == [written]
    assert table["value"].tolist() == [pytest.approx((whole + tenth / 10) * factor)]


@relaxed
@given(st.sampled_from(QUALIFIERS), st.integers(min_value=1, max_value=10**7))
def test_qualifiers_are_read_and_bound_the_value(qualifier: str, number: int) -> None:
    table = find_figures(f"There are {qualifier} {with_commas(number)} workers in the port.")
    assert len(table) == 1
    row = table.iloc[0]
    assert row["qualifier"] == qualifier
    assert row["value"] == number
    low, high = row["low"], row["high"]
    rule = QUALIFIER_RULES[qualifier]
    assert row["bounds_rule"] == rule
    if rule == "over_open":
        assert low == number and pd.isna(high) and not row["low_inclusive"]
    elif rule == "about_round":
        assert low <= number <= high
        if number % 10 == 0:
            assert high - low > 0  # a round number allows a range
    elif rule in {"under_open", "up_to"}:
        assert pd.isna(low) and high == number
    else:
        assert rule == "at_least"
        assert low == number and pd.isna(high) and row["low_inclusive"]


@relaxed
@given(st.integers(min_value=1, max_value=10**6))
def test_a_bare_number_is_exact(number: int) -> None:
    row = find_figures(f"The ship carried {with_commas(number)} crates.").iloc[0]
    assert (row["qualifier"], row["low"], row["high"], row["bounds_rule"]) == \
        ("none", number, number, "exact")


NAMES = st.from_regex(r"[A-Z][A-Za-z]{0,7}", fullmatch=True)


@relaxed
@given(NAMES, st.integers(min_value=0, max_value=99999), st.sampled_from(["-", ""]))
def test_numbers_inside_identifiers_are_ignored(name: str, number: int, joint: str) -> None:
    text = f"The {name}{joint}{number} model and COVID-19 were discussed."
    assert find_figures(text).empty


@relaxed
@given(st.integers(min_value=1, max_value=999))
def test_model_names_beside_a_real_figure(number: int) -> None:
    text = f"Each RX-{number} crane moves about {with_commas(number * 10)} crates."
    table = find_figures(text)
    assert table["value"].tolist() == [number * 10]
    assert table["qualifier"].tolist() == ["about"]


@relaxed
@given(st.integers(min_value=1900, max_value=2099), st.integers(min_value=1, max_value=28))
def test_years_dates_and_ordinals_are_not_figures(year: int, day: int) -> None:
    text = f"On March {day}, {year}, the {day}th ship left at 10:{day:02d}."
    assert find_figures(text).empty


def test_indian_digit_grouping() -> None:
    assert parse_number("1,50,000") == 150000


def test_parse_number_refuses_words() -> None:
    with pytest.raises(ValueError, match="not a number"):
        parse_number("thirty thousand")


@pytest.mark.parametrize("sentence", [
    "The vote is on 3 May 2024, or 2024-05-03, or 03/05/2024, at 14:05 or 6 a.m. on May 3.",
    "Call +44 20 7946 0958 or 555-0199; see page 14, section 3.2 and pp. 4 to 6.",
    "The plant closed twenty years ago; half of the 40 crews left two decades ago.",
    "Nothing here is a number.", "İzmir counted twenty-five boats in a third of the bays.",
    "Often, ten boats and twenty-one crews sailed; none of the seventeen sank, said two.",
    "Two hundred and fifty nets, a dozen boats and a million fish.",
    "Some twenty two boats sailed, and thirty three came back.",
])  # fmt: skip
def test_quick_clues_never_hide_a_pattern(sentence: str) -> None:
    """The speed-ups search a pattern only where a quick clue says it can match: the spans
    they give are those of the full patterns searched everywhere."""
    from newslab import figures
    full = sorted(figures.date_spans(sentence) + figures._time_ago_spans(sentence) +
                  [match.span() for match in figures.REFERENCES_AND_PHONES.finditer(sentence)
                   if not (figures.PHONE_CHARACTERS.fullmatch(match.group(0)) and
                           sum(c.isdigit() for c in match.group(0)) < figures.PHONE_DIGITS)])
    assert sorted(figures._not_figure_spans(sentence)) == full
    everywhere = [match.span() for match in figures.WORD_NUMBER.finditer(sentence)] + \
        [match.span() for match in figures.FRACTION.finditer(sentence)]
    found = figures._word_numbers(sentence, [], small_words=True)
    assert {(number.start, number.end) for number in found} <= set(everywhere)
    assert len(found) == len([span for span in everywhere
                              if sentence[span[0]:span[1]].lower() not in {"one", "a", "an"}])


@pytest.mark.parametrize(("sentence", "small_words", "expected"), [
    # "and" between two number words joins the ends of a range, not one number (was 10 and 7)
    ("Between three and seven percent of the nets at Ostrel were lost.", True,
     [("Between three and seven", None, "range", 3, 7)]),
    ("Between two and five ferries sank off Vandry.", True,
     [("Between two and five", None, "range", 2, 5)]),
    ("Between three and seven percent of the nets at Ostrel were lost.", False, []),
    ("Between twenty and thirty boats left Ostrel.", False,
     [("Between twenty and thirty", None, "range", 20, 30)]),
    # after a scale word, "and" still continues the number
    ("Two hundred and fifty people came to the Vandry hall.", False,
     [("Two hundred and fifty", 250, "none", 250, 250)]),
    ("Some three thousand and twelve boats were counted.", False,
     [("three thousand and twelve", 3012, "some", 3012, 3012)]),
    # a number with its own scale word keeps it in a range; one without takes the second's
    ("Between two hundred and three hundred boats left Ostrel.", False,
     [("Between two hundred and three hundred", None, "range", 200, 300)]),
    ("One hundred and fifty to five hundred nets were lost at Vandry.", False,
     [("One hundred and fifty to five hundred", None, "range", 150, 500)]),
    ("Three to five hundred nets were lost at Vandry.", False,
     [("Three to five hundred", None, "range", 300, 500)]),
])
def test_and_joins_number_words_only_after_a_scale_word(
        sentence: str, small_words: bool,
        expected: list[tuple[str, float | None, str, float, float]]) -> None:
    found = find_figures(sentence, small_words=small_words)
    rows = [(row.value_text, None if pd.isna(row.value) else row.value, row.qualifier,
             row.low, row.high) for row in found.itertuples()]
    assert rows == expected
