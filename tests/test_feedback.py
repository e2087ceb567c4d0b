"""The shared feedback helpers that every exercise's checks use."""

import pandas as pd
import pytest

from newslab.checks.feedback import (
    COVID_19_HINT,
    choice,
    columns_problem,
    describe,
    has_covid_19,
    numbers_in,
    qualifier_hint,
    table_of,
    type_problem,
)
from newslab.plain import to_plain

TABLE = to_plain(pd.DataFrame({"value": [30000, 20000], "Qualifier": ["about", "about"]}))


@pytest.mark.parametrize("value, words", [
    (3, "whole number"), (2.5, "decimal"), ("30,000", "looks like a number"), ("x", "text"),
    ([1, 2], "list of 2 items"), (TABLE, "table (DataFrame) with 2 rows"), (None, "None"),
    (True, "True or False"), (to_plain(pd.Series([1])), "Series"),
])
def test_describe_names_the_kind_in_plain_words(value: object, words: str) -> None:
    assert words in describe(value)


def test_type_problem_is_none_for_the_right_kind_and_a_tip_otherwise() -> None:
    assert type_problem(30000, "number") is None
    assert type_problem(TABLE, "table") is None
    message = type_problem("30,000", "number")
    assert message and "without quotes" in message and "30" not in message
    assert "Series" in (type_problem(to_plain(pd.Series([1])), "table") or "")
    assert type_problem(2.5, "whole number")
    with pytest.raises(ValueError):
        type_problem(1, "colour")


def test_columns_problem_names_the_missing_column_and_near_spellings() -> None:
    assert columns_problem(TABLE, ["value"]) is None
    assert "'qualifier'" in (columns_problem(TABLE, ["qualifier"]) or "")
    assert "capitals" in (columns_problem(TABLE, ["qualifier"]) or "")
    assert "no column named 'unit'" in (columns_problem(TABLE, ["unit"]) or "")
    assert "wants a table" in (columns_problem([1], ["unit"]) or "")
    assert table_of([1]) is None and table_of(TABLE)[0] == ["value", "Qualifier"]


def test_numbers_and_the_covid_19_trap() -> None:
    assert numbers_in(["30,000", 20000, True]) == [30000.0, 20000.0]
    assert has_covid_19([30000, 19]) and has_covid_19("19") and not has_covid_19(TABLE)
    assert "COVID-19" in COVID_19_HINT
    assert "floor" in qualifier_hint("over") and "rounded" in qualifier_hint("About")


def test_choice_forgives_case_and_brackets_but_not_wrong_options() -> None:
    options = {"a": "the sources", "b": "the reporter"}
    hints = {"a": "Who says 'appears'?"}
    assert choice("(B)", options, "b").passed
    wrong = choice("a", options, "b", hints)
    assert wrong.points == 0 and "appears" in wrong.feedback
    assert "one option letter" in choice("c", options, "b").feedback
    assert "wants one option" in choice(2, options, "b").feedback
    assert choice("a", options, {"a", "b"}).passed
