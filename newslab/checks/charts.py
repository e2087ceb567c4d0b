"""Read a chart's Vega-Lite spec (plain data) the way a check needs to.

A chart arrives at a check as `{"__newslab__": "chart", "spec": chart.to_dict()}`. These
helpers flatten layered, concatenated, faceted and repeated charts into their unit views and
answer plain questions about them: which marks, which fields on which channels with which
types, the title, subtitle and source line, the tooltip fields, the description.
Only the standard library is used, so the grader can run them anywhere.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from newslab.plain import tag_of

COMPOSITIONS = ("layer", "hconcat", "vconcat", "concat")
# Vega-Lite's short type names, as Altair's shorthand ("value:Q") writes them.
TYPE_NAMES = {"Q": "quantitative", "N": "nominal", "O": "ordinal", "T": "temporal",
              "G": "geojson"}
POSITION_CHANNELS = ("x", "y", "x2", "y2")


@dataclass(frozen=True)
class Encoding:
    """One field (or constant) on one channel of one view."""

    channel: str
    field: str | None
    type: str | None
    aggregate: str | None = None
    value: Any = None
    title: str | None = None


def spec_of(answer: Any) -> dict[str, Any] | None:
    """The Vega-Lite spec inside a plain chart answer, or None if the answer is not a chart."""
    if tag_of(answer) == "chart" and isinstance(answer.get("spec"), dict):
        return answer["spec"]
    if isinstance(answer, dict) and ("$schema" in answer or "mark" in answer):
        return answer
    return None


def _merge_encoding(parent: dict[str, Any], child: dict[str, Any]) -> dict[str, Any]:
    merged = dict(parent)
    merged.update(child)
    return merged


def views(spec: dict[str, Any], inherited: dict[str, Any] | None = None) -> list[dict[str, Any]]:
    """Every unit view (a dict with `mark` and `encoding`), with shared encodings passed down."""
    inherited = inherited or {}
    encoding = _merge_encoding(inherited, spec.get("encoding") or {})
    found: list[dict[str, Any]] = []
    for key in COMPOSITIONS:
        for child in spec.get(key) or []:
            if isinstance(child, dict):
                found.extend(views(child, encoding if key == "layer" else {}))
    inner = spec.get("spec")
    if isinstance(inner, dict):  # facet and repeat wrap one spec
        found.extend(views(inner, encoding))
    if "mark" in spec:
        found.append({**spec, "encoding": encoding})
    return found


def mark_type(view: dict[str, Any]) -> str | None:
    """"bar", "point", ... for a view's mark, written either as a string or as a dict."""
    mark = view.get("mark")
    if isinstance(mark, str):
        return mark
    if isinstance(mark, dict) and isinstance(mark.get("type"), str):
        return mark["type"]
    return None


def mark_types(spec: dict[str, Any]) -> list[str]:
    """The mark types of all views, in order, without repeats."""
    found: list[str] = []
    for view in views(spec):
        kind = mark_type(view)
        if kind and kind not in found:
            found.append(kind)
    return found


def _type_name(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    return TYPE_NAMES.get(value.upper(), value) if len(value) == 1 else value


def _definitions(channel: str, definition: Any) -> list[Encoding]:
    if isinstance(definition, list):  # tooltip lists, or several fields on one channel
        return [item for entry in definition for item in _definitions(channel, entry)]
    if not isinstance(definition, dict):
        return []
    field = definition.get("field")
    if isinstance(field, dict):  # {"repeat": "row"}
        field = None
    if isinstance(field, str) and ":" in field and "type" not in definition:
        field, _, short = field.rpartition(":")
        definition = {**definition, "type": short}
    title = definition.get("title")
    found = [Encoding(channel=channel,
                      field=field if isinstance(field, str) else None,
                      type=_type_name(definition.get("type")),
                      aggregate=definition.get("aggregate")
                      if isinstance(definition.get("aggregate"), str) else None,
                      value=definition.get("value", definition.get("datum")),
                      title=title if isinstance(title, str) else None)]
    condition = definition.get("condition")
    if isinstance(condition, (dict, list)):
        found += [item for item in _definitions(channel, condition) if item.field]
    return found


def encodings(spec: dict[str, Any]) -> list[Encoding]:
    """Every channel definition of every view."""
    found: list[Encoding] = []
    for view in views(spec):
        for channel, definition in (view.get("encoding") or {}).items():
            for item in _definitions(channel, definition):
                if item not in found:
                    found.append(item)
    return found


def channels(spec: dict[str, Any]) -> dict[str, list[Encoding]]:
    """Encodings grouped by channel ("x", "y", "color", "tooltip", ...)."""
    grouped: dict[str, list[Encoding]] = {}
    for item in encodings(spec):
        grouped.setdefault(item.channel, []).append(item)
    return grouped


def fields_on(spec: dict[str, Any], channel: str) -> list[str]:
    """The field names encoded on `channel` in any view."""
    return [item.field for item in channels(spec).get(channel, []) if item.field]


def field_types(spec: dict[str, Any], field: str) -> dict[str, str | None]:
    """{channel: type} for every channel that carries `field`."""
    return {item.channel: item.type for item in encodings(spec) if item.field == field}


def channels_of(spec: dict[str, Any], field: str) -> list[str]:
    """The channels that carry `field`."""
    return list(field_types(spec, field))


def _lines(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [line for item in value for line in _lines(item)]
    return []


def _titles(spec: dict[str, Any]) -> list[dict[str, Any]]:
    found = []
    title = spec.get("title")
    if isinstance(title, (str, list)):
        found.append({"text": title})
    elif isinstance(title, dict):
        found.append(title)
    for key in (*COMPOSITIONS, "spec"):
        children = spec.get(key)
        for child in children if isinstance(children, list) else [children]:
            if isinstance(child, dict):
                found.extend(_titles(child))
    return found


def title_lines(spec: dict[str, Any]) -> list[str]:
    """The title's text, line by line, from the chart and any sub-chart."""
    return [line for title in _titles(spec) for line in _lines(title.get("text"))]


def subtitle_lines(spec: dict[str, Any]) -> list[str]:
    """The subtitle's lines, from the chart and any sub-chart."""
    return [line for title in _titles(spec) for line in _lines(title.get("subtitle"))]


def _text_marks(spec: dict[str, Any]) -> list[str]:
    """Constant strings drawn by text marks (a source line added as a text layer, say)."""
    found = []
    for view in views(spec):
        mark = view.get("mark")
        if mark_type(view) != "text":
            continue
        if isinstance(mark, dict):
            found += _lines(mark.get("text"))
        for item in _definitions("text", (view.get("encoding") or {}).get("text")):
            found += _lines(item.value)
    return found


def all_text(spec: dict[str, Any]) -> list[str]:
    """Every line of fixed text a reader sees: titles, subtitles, constant text marks."""
    return title_lines(spec) + subtitle_lines(spec) + _text_marks(spec)


def source_line(spec: dict[str, Any]) -> str | None:
    """The first line of text that starts with "Source" (any case), or None."""
    for line in all_text(spec):
        if line.strip().lower().startswith("source"):
            return line.strip()
    return None


def tooltip_fields(spec: dict[str, Any]) -> list[str]:
    """Fields shown in tooltips: the tooltip channel, or all encoded fields for `tooltip: true`."""
    fields = fields_on(spec, "tooltip")
    if fields:
        return fields
    for view in views(spec):
        mark = view.get("mark")
        if isinstance(mark, dict) and mark.get("tooltip") not in (None, False):
            return [item.field for item in encodings(spec) if item.field]
    return []


def description(spec: dict[str, Any]) -> str:
    """The chart's text description (`description`), top level first, or ""."""
    for candidate in [spec, *views(spec)]:
        text = candidate.get("description")
        if isinstance(text, str) and text.strip():
            return text.strip()
    return ""


def sorts_of(spec: dict[str, Any], field: str) -> list[Any]:
    """The `sort` of every position channel that carries `field` (None where it has none)."""
    found = []
    for view in views(spec):
        for channel, definition in (view.get("encoding") or {}).items():
            if channel in POSITION_CHANNELS and isinstance(definition, dict):
                named = str(definition.get("field", "")).rpartition(":")[0] or \
                    definition.get("field")
                if named == field:
                    found.append(definition.get("sort"))
    return found


def data_columns(spec: dict[str, Any]) -> set[str]:
    """Column names found in the chart's inline data (Altair puts it under `datasets`)."""
    columns: set[str] = set()
    for records in (spec.get("datasets") or {}).values():
        for record in records if isinstance(records, list) else []:
            if isinstance(record, dict):
                columns.update(record)
    for view in [spec, *views(spec)]:
        values = (view.get("data") or {}).get("values") if isinstance(view.get("data"), dict) \
            else None
        for record in values if isinstance(values, list) else []:
            if isinstance(record, dict):
                columns.update(record)
    return columns


def colour_also_shown_another_way(spec: dict[str, Any]) -> bool:
    """True when every field on colour is also on shape, text, a position channel or a facet."""
    coloured = set(fields_on(spec, "color") + fields_on(spec, "fill") + fields_on(spec, "stroke"))
    if not coloured:
        return True
    other_channels = ("shape", "text", "strokeDash", "x", "y", "row", "column", "facet")
    others = {field for channel in other_channels for field in fields_on(spec, channel)}
    return coloured <= others
