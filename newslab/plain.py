"""Turn an answer into plain JSON data before any check looks at it.

Checks never see a student's objects, only what this module makes of them:
numbers, strings, lists, dicts, and tagged dicts for tables and charts. The
grader injects this file's source into a student's kernel, so it must import
nothing outside the standard library at module level.
"""

import math
from typing import Any

TAG = "__newslab__"
NOT_ATTEMPTED = {TAG: "not_attempted"}


def _number(value: float) -> float | None:
    return None if math.isnan(value) or math.isinf(value) else value


def _plain_table(value: Any) -> dict:
    columns = [str(column) for column in value.columns]
    records = []
    for row in value.itertuples(index=False, name=None):
        records.append({c: to_plain(v) for c, v in zip(columns, row, strict=True)})
    return {TAG: "dataframe", "columns": columns, "records": records}


def _plain_series(value: Any) -> dict:
    return {
        TAG: "series",
        "name": None if value.name is None else str(value.name),
        "index": [to_plain(i) for i in value.index],
        "values": [to_plain(v) for v in value.tolist()],
    }


def to_plain(value: Any, depth: int = 0) -> Any:
    """Return a JSON-ready copy of `value`; unknown types become a tagged description."""
    if depth > 20:
        return {TAG: "unsupported", "type": "deeply nested value"}
    kind = type(value)
    module = kind.__module__.split(".")[0]
    if value is Ellipsis:
        return dict(NOT_ATTEMPTED)
    if value is None or kind is bool or kind is str:
        return value
    if kind is int:
        return value
    if kind is float:
        return _number(value)
    if module == "numpy" and hasattr(value, "item") and getattr(value, "ndim", 1) == 0:
        return to_plain(value.item(), depth + 1)
    if module == "numpy" and hasattr(value, "tolist"):
        return to_plain(value.tolist(), depth + 1)
    if module == "pandas":
        if kind.__name__ == "DataFrame":
            return _plain_table(value)
        if kind.__name__ == "Series":
            return _plain_series(value)
        if kind.__name__ in {"NAType", "NaTType"}:
            return None
        if kind.__name__ == "Timestamp":
            return value.isoformat()
    if module == "altair" and hasattr(value, "to_dict"):
        try:
            return {TAG: "chart", "spec": value.to_dict()}
        except Exception as error:  # an invalid chart is an answer too: say why
            return {TAG: "invalid_chart", "error": str(error)[:500]}
    if module == "datetime" and hasattr(value, "isoformat"):
        return value.isoformat()
    if isinstance(value, bool):
        return bool(value)
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float):
        return _number(float(value))
    if isinstance(value, str):
        return str.__str__(value)
    if isinstance(value, (list, tuple)):
        return [to_plain(item, depth + 1) for item in list(value)]
    if isinstance(value, (set, frozenset)):
        items = [to_plain(item, depth + 1) for item in value]
        return sorted(items, key=repr)
    if isinstance(value, dict):
        return {str(key): to_plain(item, depth + 1) for key, item in value.items()}
    return {TAG: "unsupported", "type": kind.__name__}


def tag_of(value: Any) -> str | None:
    """The tag of a tagged dict ("dataframe", "chart", ...), or None for plain values."""
    if isinstance(value, dict):
        tag = value.get(TAG)
        return tag if isinstance(tag, str) else None
    return None


def is_not_attempted(value: Any) -> bool:
    """True for the plain form of `...`, the placeholder every answer cell starts with."""
    return tag_of(value) == "not_attempted"
