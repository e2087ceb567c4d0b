"""Reading Vega-Lite specs: marks, channels, titles, source lines, tooltips, descriptions."""

import altair as alt
import pandas as pd
import pytest

from newslab.checks import charts
from newslab.plain import to_plain

DATA = pd.DataFrame({"place": ["Liaoning Province", "Jilin Province"], "value": [30000, 20000],
                     "low": [25000, 15000], "high": [35000, 25000],
                     "quote": ["about 30,000", "about 20,000"],
                     "attribution_type": ["several_anonymous_sources"] * 2})


def spec(chart: alt.TopLevelMixin) -> dict:
    plain = to_plain(chart)
    assert plain["__newslab__"] == "chart"
    found = charts.spec_of(plain)
    assert found is not None
    return found


def layered() -> alt.LayerChart:
    base = alt.Chart(DATA).encode(y="place:N")
    span = base.mark_rule().encode(x="low:Q", x2="high:Q")
    point = base.mark_point().encode(x="value:Q", tooltip=["quote", "attribution_type"])
    return (span + point).properties(
        title=alt.Title("Workers", subtitle=["Rounded figures", "Source: Daily NK"]),
        description="Ranges per province.")


def test_spec_of_accepts_only_charts() -> None:
    assert charts.spec_of({"__newslab__": "dataframe"}) is None
    assert charts.spec_of(3) is None
    assert charts.spec_of({"mark": "bar"}) == {"mark": "bar"}


def test_a_simple_chart_has_one_view_with_its_mark_and_channels() -> None:
    found = spec(alt.Chart(DATA).mark_bar().encode(x="value:Q", y=alt.Y("place", type="nominal")))
    assert charts.mark_types(found) == ["bar"]
    assert charts.fields_on(found, "x") == ["value"]
    assert charts.field_types(found, "place") == {"y": "nominal"}


def test_mark_given_as_a_dict_is_read() -> None:
    found = spec(alt.Chart(DATA).mark_point(filled=True, shape="diamond").encode(x="value:Q"))
    assert charts.mark_types(found) == ["point"]


def test_layers_are_flattened_with_their_shared_encoding() -> None:
    found = spec(layered())
    assert charts.mark_types(found) == ["rule", "point"]
    assert charts.fields_on(found, "x") == ["low", "value"]
    assert charts.fields_on(found, "x2") == ["high"]
    assert charts.channels_of(found, "place") == ["y"]


def test_encoding_shared_at_the_top_of_a_layer_reaches_every_layer() -> None:
    top = {"encoding": {"y": {"field": "place", "type": "nominal"}},
           "layer": [{"mark": "rule", "encoding": {"x": {"field": "low", "type": "quantitative"}}},
                     {"mark": "point"}]}
    assert [view["encoding"]["y"]["field"] for view in charts.views(top)] == ["place", "place"]


def test_concatenated_and_faceted_charts_are_read() -> None:
    bars = alt.Chart(DATA).mark_bar().encode(x="value:Q", y="place:N")
    ticks = alt.Chart(DATA).mark_tick().encode(x="low:Q")
    assert charts.mark_types(spec(bars | ticks)) == ["bar", "tick"]
    assert charts.mark_types(spec(alt.vconcat(bars, ticks))) == ["bar", "tick"]
    faceted = spec(bars.facet(row="attribution_type:N"))
    assert charts.mark_types(faceted) == ["bar"]
    assert charts.fields_on(faceted, "x") == ["value"]


def test_shorthand_types_in_a_raw_spec_are_expanded() -> None:
    raw = {"mark": "bar", "encoding": {"x": {"field": "value:Q"}, "y": {"field": "place",
                                                                         "type": "N"}}}
    assert charts.field_types(raw, "value") == {"x": "quantitative"}
    assert charts.field_types(raw, "place") == {"y": "nominal"}


def test_titles_subtitles_and_the_source_line() -> None:
    found = spec(layered())
    assert charts.title_lines(found) == ["Workers"]
    assert charts.subtitle_lines(found) == ["Rounded figures", "Source: Daily NK"]
    assert charts.source_line(found) == "Source: Daily NK"


def test_a_plain_string_title_and_no_source_line() -> None:
    found = spec(alt.Chart(DATA).mark_bar().encode(x="value:Q").properties(title="Just a title"))
    assert charts.title_lines(found) == ["Just a title"]
    assert charts.subtitle_lines(found) == [] and charts.source_line(found) is None


def test_a_source_line_drawn_as_a_text_layer_counts() -> None:
    bars = alt.Chart(DATA).mark_bar().encode(x="value:Q", y="place:N")
    note = alt.Chart().mark_text(text="Source: Daily NK, citing unnamed sources")
    assert charts.source_line(spec(alt.vconcat(bars, note))).startswith("Source: Daily NK")
    constant = alt.Chart(DATA).mark_text().encode(text=alt.value("source: Daily NK"))
    assert charts.source_line(spec(bars + constant)) == "source: Daily NK"


def test_a_title_inside_a_concatenated_chart_is_found() -> None:
    inner = alt.Chart(DATA).mark_bar().encode(x="value:Q").properties(
        title=alt.Title("Inner", subtitle="Source: Daily NK"))
    found = spec(alt.hconcat(inner, inner))
    assert "Inner" in charts.title_lines(found) and charts.source_line(found)


def test_tooltip_fields_from_a_list_a_single_field_and_mark_tooltip() -> None:
    assert charts.tooltip_fields(spec(layered())) == ["quote", "attribution_type"]
    single = alt.Chart(DATA).mark_bar().encode(x="value:Q", tooltip="quote:N")
    assert charts.tooltip_fields(spec(single)) == ["quote"]
    automatic = alt.Chart(DATA).mark_bar(tooltip=True).encode(x="value:Q", y="place:N")
    assert charts.tooltip_fields(spec(automatic)) == ["value", "place"]
    none = alt.Chart(DATA).mark_bar().encode(x="value:Q")
    assert charts.tooltip_fields(spec(none)) == []


def test_description_and_data_columns() -> None:
    found = spec(layered())
    assert charts.description(found) == "Ranges per province."
    assert {"place", "value", "quote"} <= charts.data_columns(found)
    assert charts.description(spec(alt.Chart(DATA).mark_bar())) == ""
    inline = {"mark": "bar", "data": {"values": [{"a": 1}]}}
    assert charts.data_columns(inline) == {"a"}


def test_conditions_on_a_channel_are_read() -> None:
    selection = alt.selection_point(fields=["place"])
    chart = alt.Chart(DATA).mark_bar().encode(
        x="value:Q", color=alt.condition(selection, "place:N", alt.value("lightgray"))
    ).add_params(selection)
    assert charts.fields_on(spec(chart), "color") == ["place"]


@pytest.mark.parametrize("extra, expected", [
    ({}, False),
    ({"shape": "attribution_type:N"}, True),
    ({"text": "attribution_type:N"}, True),
    ({"shape": "place:N"}, False),
])
def test_colour_alone_is_detected(extra: dict, expected: bool) -> None:
    chart = alt.Chart(DATA).mark_point().encode(x="value:Q", color="attribution_type:N", **extra)
    assert charts.colour_also_shown_another_way(spec(chart)) is expected


def test_a_chart_without_colour_does_not_rely_on_colour() -> None:
    assert charts.colour_also_shown_another_way(spec(alt.Chart(DATA).mark_bar()))
