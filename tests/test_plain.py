"""to_plain: what checks and the grader see of an answer is plain JSON data."""

import json

import altair as alt
import numpy as np
import pandas as pd

from newslab.plain import NOT_ATTEMPTED, is_not_attempted, tag_of, to_plain


def test_ellipsis_means_not_attempted() -> None:
    assert to_plain(...) == NOT_ATTEMPTED
    assert is_not_attempted(to_plain(...))
    assert not is_not_attempted(to_plain("..."))


def test_scalars_stay_scalars_and_numpy_becomes_python() -> None:
    assert to_plain(3) == 3 and type(to_plain(np.int64(3))) is int
    assert to_plain(np.float64(2.5)) == 2.5
    assert to_plain(float("nan")) is None
    assert to_plain(np.bool_(True)) is True
    assert to_plain(pd.NA) is None


def test_tables_become_tagged_records() -> None:
    table = pd.DataFrame({"value": [30000, 20000], "qualifier": ["about", "about"]})
    plain = to_plain(table)
    assert tag_of(plain) == "dataframe"
    assert plain["columns"] == ["value", "qualifier"]
    assert plain["records"][0] == {"value": 30000, "qualifier": "about"}
    assert json.loads(json.dumps(plain)) == plain


def test_series_keep_name_index_and_values() -> None:
    plain = to_plain(pd.Series([1, 2], index=["a", "b"], name="n"))
    assert plain == {"__newslab__": "series", "name": "n", "index": ["a", "b"], "values": [1, 2]}


def test_charts_become_their_spec() -> None:
    chart = alt.Chart(pd.DataFrame({"x": [1]})).mark_bar().encode(x="x:Q")
    plain = to_plain(chart)
    assert tag_of(plain) == "chart" and plain["spec"]["mark"]["type"] == "bar"


def test_objects_that_claim_equality_do_not_survive() -> None:
    class Liar:
        def __eq__(self, other: object) -> bool:
            return True

    class SneakyString(str):
        def __eq__(self, other: object) -> bool:
            return True

        __hash__ = str.__hash__

    assert to_plain(Liar()) == {"__newslab__": "unsupported", "type": "Liar"}
    plain = to_plain(SneakyString("wrong"))
    assert type(plain) is str and plain != "right"


def test_containers_are_copied_deeply_and_sets_sorted() -> None:
    assert to_plain((1, [np.int64(2)], {"k": {3, 1}})) == [1, [2], {"k": [1, 3]}]
