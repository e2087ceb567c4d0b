"""Checks for exercise 04, honest charts of the article's figures.

Chart answers arrive as plain specs (`chart.to_dict()`); `newslab.checks.charts` reads them.
Feedback names what a chart lacks ("your chart has no source line"), never the expected spec.
"""

from __future__ import annotations

import math
import re
from functools import cache
from typing import Any

from newslab.checks import charts
from newslab.checks.core import Exercise, Level, Question, Result, Rubric, register
from newslab.checks.feedback import describe
from newslab.checks.written import Requirement, written_question
from newslab.data import load_figures
from newslab.plain import tag_of

EXERCISE_ID = "04_charting"
OUTLET = "daily nk"
ATTRIBUTION_FIELDS = ("attribution_type", "source_described")
READING_ORDER_FIELDS = ("paragraph", "in_paragraph")
# What a subtitle says when it says how sure the figures are (the check reads words only).
UNCERTAINTY_WORDS = (r"\babout\b|\brang|\bround|approximat|estimat|uncertain|roughly|"
                     r"between|allow|exact|\bsure\b|\bover\b|at least|unnamed|anonymous")
MIN_DESCRIPTION_WORDS = 6


def description_problem(spec: dict[str, Any], names: str, shown: str) -> str | None:
    """Why the chart's description does not do its job, or None.

    `names` is a pattern for what the description must name (e.g. the claims); `shown`
    says in words what it should name, for the message.
    """
    text = charts.description(spec)
    if not text:
        return ("Your chart has no description for screen readers: add "
                ".properties(description=...).")
    if len(text.split()) < MIN_DESCRIPTION_WORDS:
        return (f"Your description is only {len(text.split())} word(s): say in a sentence "
                f"what the chart shows ({shown}).")
    if not re.search(names, text, flags=re.IGNORECASE):
        return f"Your description does not say what the chart shows: name {shown}."
    return None


def _spec_or_problem(answer: Any, points: float) -> tuple[dict[str, Any] | None, Result | None]:
    """The chart's spec, or a Result explaining why the answer is not a usable chart."""
    if tag_of(answer) == "invalid_chart":
        first_line = str(answer.get("error", "")).strip().splitlines()[:1]
        detail = f" Altair says: {first_line[0]}" if first_line else ""
        return None, Result(0, points, "Your chart cannot be turned into a Vega-Lite spec yet."
                                       f"{detail}")
    spec = charts.spec_of(answer)
    if spec is None:
        return None, Result(0, points, f"Your answer is {describe(answer)}, but this question "
                                       "wants an Altair chart, made with alt.Chart(...).")
    return spec, None


def _axis_of(spec: dict[str, Any], field: str) -> list[str]:
    return [channel for channel in charts.channels_of(spec, field)
            if channel in charts.POSITION_CHANNELS]


def _other_axis(channel: str) -> str:
    return "y" if channel.startswith("x") else "x"


def check_bars(answer: Any) -> Result:
    """Q1: bars for the two provinces: place on one axis, the figure (quantitative) on the other."""
    spec, problem = _spec_or_problem(answer, 1)
    if problem:
        return problem
    marks = charts.mark_types(spec)
    if "bar" not in marks:
        drawn = ", ".join(marks) or "no mark"
        return Result(0, 1, f"Your chart draws {drawn}, not bars: use mark_bar().")
    place_axes = _axis_of(spec, "place")
    if not place_axes:
        return Result(0, 1, "Your chart does not show which province each bar belongs to: put "
                            "\"place\" on an axis.")
    messages = []
    types = charts.field_types(spec, "place")
    if any(types.get(axis) == "quantitative" for axis in place_axes):
        messages.append("\"place\" is encoded as a quantity; a place is a category (:N).")
    value_axis = _other_axis(place_axes[0])
    value_types = {channel: kind for channel, kind in charts.field_types(spec, "value").items()
                   if channel.startswith(value_axis)}
    if not value_types:
        numeric = charts.fields_on(spec, value_axis)
        if numeric:
            messages.append("The bars' length does not show the figure as the article gives it: "
                            "encode the \"value\" column on the other axis.")
        else:
            messages.append("Your chart has no axis for the figure: encode \"value\" on the "
                            "axis across from the places.")
        return Result(0, 1, " ".join(messages))
    if any(kind != "quantitative" for kind in value_types.values()):
        messages.append("\"value\" is encoded as a category: a bar's length needs a quantity "
                        "(:Q).")
    problem = description_problem(spec, r"province|liaoning|jilin|workers",
                                  "the provinces or the workers the bars count")
    if problem:
        messages.append(problem)
    if messages:
        return Result(0.5, 1, " ".join(messages))
    return Result(1, 1, "Right: one bar per province, its length the figure.")


def check_ranges(answer: Any) -> Result:
    """Q2: each province's honest range from low to high, with the stated figure marked."""
    spec, problem = _spec_or_problem(answer, 2)
    if problem:
        return problem
    found = charts.channels(spec)
    ends = [channel for channel in ("x2", "y2") if channel in found]
    if not ends:
        return Result(0, 2, "Your chart has no x2 (or y2) channel: a range needs a start and an "
                            "end, so encode \"low\" on x and \"high\" on x2.")
    end = ends[0]
    start = end[0]
    starts = charts.fields_on(spec, start)
    stops = charts.fields_on(spec, end)
    if not ("low" in starts and "high" in stops) and not ("high" in starts and "low" in stops):
        return Result(0, 2, "Your range does not run from the \"low\" column to the \"high\" "
                            "column: put them on the two ends of the range.")
    if not _axis_of(spec, "place"):
        return Result(1, 2, "The ranges are there, but your chart does not say which province "
                            "each one belongs to: put \"place\" on the other axis.")
    if start not in charts.channels_of(spec, "value"):
        return Result(1, 2, "Your chart shows the ranges but not the figures the article "
                            "gives: add a layer that marks \"value\" (a point or a tick).")
    return Result(2, 2, "Right: the range each \"about\" allows, and the figure itself.")


def check_titled(answer: Any) -> Result:
    """Q3: a title that says what, a subtitle that says how sure, and a source line."""
    spec, problem = _spec_or_problem(answer, 3)
    if problem:
        return problem
    points = 0.0
    missing = []
    titles = [line for line in charts.title_lines(spec) if line.strip()]
    source = charts.source_line(spec)
    if not titles:
        missing.append("Your chart has no title: say what it shows.")
    elif len(" ".join(titles).split()) < 3:
        missing.append("Your title is only a word or two: say what the chart shows.")
        points += 0.5
    else:
        points += 1
    subtitles = [line for line in charts.subtitle_lines(spec)
                 if line.strip() and line.strip() != (source or "")]
    if not subtitles:
        missing.append("Your chart has no subtitle saying how sure the figures are.")
    elif not re.search(UNCERTAINTY_WORDS, " ".join(subtitles), flags=re.IGNORECASE):
        missing.append("Your subtitle does not say how sure the figures are: mention the "
                       "qualifier (\"about\") or the range the figures allow (this check looks "
                       "for such words; the written caption is where the wording is marked).")
    else:
        points += 1
    if source is None:
        missing.append("Your chart has no source line (a line of text starting \"Source:\").")
    elif OUTLET not in source.lower():
        missing.append("Your source line does not name the outlet the figures come from.")
        points += 0.5
    else:
        points += 1
    if not missing:
        return Result(3, 3, "Right: a reader sees what, how sure, and where from.")
    return Result(points, 3, " ".join(missing))


def check_tooltips(answer: Any) -> Result:
    """Q4: tooltips carrying the verbatim quote and the attribution."""
    spec, problem = _spec_or_problem(answer, 2)
    if problem:
        return problem
    fields = charts.tooltip_fields(spec)
    if not fields:
        return Result(0, 2, "Your chart has no tooltips: add a tooltip channel in encode().")
    columns = charts.data_columns(spec)
    unknown = [field for field in fields if columns and field not in columns]
    if unknown:
        return Result(0, 2, f"Your tooltip names {unknown[0]!r}, which is not a column of the "
                            "chart's data: check the spelling.")
    points = 0
    messages = []
    if "quote" in fields:
        points += 1
    else:
        messages.append("Your tooltips do not show the verbatim quote.")
    if any(field in fields for field in ATTRIBUTION_FIELDS):
        points += 1
    else:
        messages.append("Your tooltips do not say who the figure rests on (its attribution).")
    if not messages:
        return Result(2, 2, "Right: a reader can check each mark against the article's words.")
    return Result(points, 2, " ".join(messages))


def reading_order_problem(spec: dict[str, Any]) -> str | None:
    """Why the marks are not placed in reading order, or None: paragraph on one axis and the
    position in the paragraph on the other (or sentence ids, which sort in reading order)."""
    x_fields, y_fields = charts.fields_on(spec, "x"), charts.fields_on(spec, "y")
    positions = set(x_fields + y_fields)
    if not positions:
        return "Your chart does not place the claims on an axis in reading order."
    if "attribution_type" in positions:
        return ("Your chart places the claims by attribution type, not in reading order: put "
                "the paragraph on one axis and the position in the paragraph on the other; "
                "show the type by colour and shape.")
    if set(READING_ORDER_FIELDS) <= positions:
        if not ({"paragraph", "in_paragraph"} & set(x_fields)
                and {"paragraph", "in_paragraph"} & set(y_fields)):
            return ("Paragraph and position in the paragraph share one axis: put them on two "
                    "axes, one each.")
        order_fields = READING_ORDER_FIELDS
    elif positions == {"sentence_id"}:
        order_fields = ("sentence_id",)
    else:
        return ("Your chart's axes do not follow the reading order: put the paragraph on one "
                "axis and the position in the paragraph on the other.")
    sorts = [sort for field in order_fields for sort in charts.sorts_of(spec, field)]
    if any(sort not in (None, "ascending") for sort in sorts):
        return ("Your axes are sorted in another order than the article's: leave the sort "
                "ascending, so the claims appear in reading order.")
    return None


def check_source_map(answer: Any) -> Result:
    """Q5: the source map: reading order on an axis, type by colour and by shape or text."""
    spec, problem = _spec_or_problem(answer, 4)
    if problem:
        return problem
    points = 0
    messages = []
    order = reading_order_problem(spec)
    if order:
        messages.append(order)
    else:
        points += 1
    coloured = set(charts.fields_on(spec, "color") + charts.fields_on(spec, "fill"))
    if "attribution_type" in coloured:
        points += 1
        if charts.colour_also_shown_another_way(spec):
            points += 1
        else:
            messages.append("Your chart tells the types apart by colour alone: show the type "
                            "by shape (or text labels) too.")
    else:
        messages.append("Your chart's colour does not show the attribution type.")
    problem = description_problem(spec, r"claim|sentence|statement",
                                  "the claims, and what colour and shape stand for")
    if problem:
        messages.append(problem)
    else:
        points += 1
    if not messages:
        return Result(4, 4, "Right: who speaks where, readable without colour and by a screen "
                            "reader.")
    return Result(points, 4, " ".join(messages))


@cache
def about_10_reference() -> tuple[float, float]:
    """(low, high) for "about 30,000" under the plus-or-minus 10 % rule."""
    figures = load_figures()
    value = float(figures.loc[figures["figure_id"] == "F1", "value"].iloc[0])
    return value * 0.9, value * 1.1


def _close(pair: list[float], other: tuple[float, float]) -> bool:
    return all(math.isclose(a, b, rel_tol=1e-9, abs_tol=0.5) for a, b in zip(pair, other,
                                                                              strict=True))


def check_about_10(answer: Any) -> Result:
    """Q6: the bounds of "about 30,000" when "about" means plus or minus 10 %."""
    if isinstance(answer, (int, float)) and not isinstance(answer, bool):
        return Result(0, 1, "Your answer is one number: give two, the lower and the upper bound, "
                            "as (low, high).")
    if not isinstance(answer, list) or len(answer) != 2:
        return Result(0, 1, f"Your answer is {describe(answer)}, but this question wants two "
                            "numbers, (low, high).")
    if not all(isinstance(item, (int, float)) and not isinstance(item, bool) for item in answer):
        return Result(0, 1, "Both bounds should be numbers, without quotes or commas.")
    pair = [float(item) for item in answer]
    low, high = about_10_reference()
    value = (low + high) / 2
    if _close(pair, (low, high)):
        return Result(1, 1, "Right: those are the bounds under the ten per cent rule.")
    if _close(pair, (high, low)):
        return Result(0.5, 1, "The right bounds in the wrong order: put the lower bound first.")
    if _close(pair, (value * 0.8, value * 1.2)):
        return Result(0, 1, "Those bounds allow twenty per cent either way; this question asks "
                            "for ten.")
    figures = load_figures()
    row = figures[figures["figure_id"] == "F1"].iloc[0]
    if _close(pair, (float(row["low"]), float(row["high"]))):
        return Result(0, 1, "Those are the bounds of the nearest-10,000 rule in figures.csv; "
                            "this question asks for plus or minus ten per cent.")
    if any(math.isclose(item, value * 0.1) for item in pair):
        return Result(0, 1, "One of your numbers is the margin itself: subtract it from the "
                            "figure for the lower bound and add it for the upper.")
    return Result(0, 1, "Not these bounds: take ten per cent of the figure, then go that far "
                        "below and above it.")


CAPTION_RUBRIC = Rubric(
    criteria=(
        "Says what the chart shows: the two provinces and what the lines and marks stand for.",
        "Says how sure the figures are: rounded (\"about\") figures, the range each allows.",
        "Says where they come from: Daily NK, citing unnamed sources.",
    ),
    levels=(
        Level(0, "missing", "No caption, or one that states the figures as exact counts."),
        Level(1, "partial", "One of the three: what, how sure, where from."),
        Level(2, "good", "Two of the three, accurately."),
        Level(3, "strong", "All three, accurately, in plain words."),
    ),
)

CAPTION_QUESTION = written_question(
    "q7", "caption", CAPTION_RUBRIC, words=(15, 80),
    requires=(
        Requirement("says how sure the figures are", r"\babout\b|range|round|approximat|"
                    r"estimat|uncertain|roughly|between|allow",
                    "Say how sure the figures are (the qualifier, or the range it allows)."),
        Requirement("names the outlet", r"daily nk", "Name the outlet the figures come from."),
    ),
)


EXERCISE = register(Exercise(
    id=EXERCISE_ID,
    title="Honest charts of the article's figures",
    questions=(
        Question("q1", "bars", check_bars),
        Question("q2", "ranges", check_ranges, max_points=2),
        Question("q3", "titled", check_titled, max_points=3),
        Question("q4", "with_tooltips", check_tooltips, max_points=2),
        Question("q5", "source_map", check_source_map, max_points=4),
        Question("q6", "about_10", check_about_10),
        CAPTION_QUESTION,
    ),
))
