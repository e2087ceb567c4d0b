"""The course's bounds rules: which values a figure allows, given the word that qualifies it.

Written once here and used everywhere: `find_figures`, the data tables' tests and the checks.
Every qualifier maps to exactly one rule (`QUALIFIER_RULES`), and every rule computes the lower
and upper bound from the figure (`compute`). A figure is one number, or a range "N to M"; a
rule reads a range from its lower end N and its upper end M, and a single number has N = M.

The rules, with what each allows:

- `exact` (no qualifier): low = N, high = M, both included.
- `about_round` ("about", "around", "approximately", "roughly", "some", "closer to"): the
  figure was rounded at its last non-zero digit (30,000 to the nearest 10,000), so the true
  value lies within half that unit: low = N - half, high = M + half, both included. (For a whole
  number rounded to the units, half of 1 is taken as 0: "about 7" allows 7.)
- `over_open` ("over", "above", "more than", "exceed(s/ed/ing)"): more than N; low = N, not
  included; no upper bound ("above magnitude 3.0" is more than 3.0).
- `at_least` ("at least"): N or more; low = N, included; no upper bound.
- `under_open` ("under", "less than", "fewer than", "nearly", "almost"): below M; no lower
  bound; high = M, not included. "Nearly 100,000" is close to 100,000 but not 100,000.
- `up_to` ("up to", "as many as", "as much as", "as high as"): at most M; no lower bound;
  high = M, included.

Other readings are defensible ("about" as within 10 %); what matters is to state one rule and
keep to it. The tables store `low_inclusive`; whether `high` is included follows from the rule.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

Number = int | float

RULES: dict[str, str] = {
    "exact": "low = N and high = M (N = M for one number), both included",
    "about_round": "rounded at the last non-zero digit: low = N - half that unit, "
                   "high = M + half that unit, both included",
    "over_open": "more than N: low = N not included, no upper bound",
    "at_least": "N or more: low = N included, no upper bound",
    "under_open": "below M: no lower bound, high = M not included",
    "up_to": "at most M: no lower bound, high = M included",
}  # fmt: skip

QUALIFIER_RULES: dict[str, str] = {
    "none": "exact",
    "about": "about_round", "around": "about_round", "approximately": "about_round",
    "roughly": "about_round", "some": "about_round", "closer to": "about_round",
    "over": "over_open", "above": "over_open", "more than": "over_open", "exceed": "over_open",
    "exceeds": "over_open", "exceeded": "over_open", "exceeding": "over_open",
    "at least": "at_least",
    "under": "under_open", "less than": "under_open", "fewer than": "under_open",
    "nearly": "under_open", "almost": "under_open",
    "up to": "up_to", "as many as": "up_to", "as much as": "up_to", "as high as": "up_to",
}  # fmt: skip

# The qualifier words, longest first (so "more than" is tried before a shorter word).
QUALIFIERS: tuple[str, ...] = tuple(sorted((q for q in QUALIFIER_RULES if q != "none"),
                                           key=len, reverse=True))  # fmt: skip

HIGH_INCLUDED = {"exact": True, "about_round": True, "over_open": False, "at_least": False,
                 "under_open": False, "up_to": True}  # fmt: skip


@dataclass(frozen=True)
class Bounds:
    """What a figure allows: its bounds (None: no bound), whether each is included, the rule."""

    low: Number | None
    high: Number | None
    low_inclusive: bool
    high_inclusive: bool
    rule: str


def rule_for(qualifier: str) -> str:
    """The one rule for a qualifier ("about" -> "about_round"); unknown words are an error."""
    key = qualifier.strip().lower()
    if key not in QUALIFIER_RULES:
        raise ValueError(f"{qualifier!r} is not a qualifier the course has a rule for. Known: "
                         f"{', '.join(QUALIFIER_RULES)}.")
    return QUALIFIER_RULES[key]


def rounding_unit(value: Number) -> Number:
    """The unit a figure is rounded to: 30,000 -> 10,000; 2,500 -> 100; 1.5 -> 0.1."""
    if isinstance(value, bool) or value < 0:
        raise ValueError(f"Only a figure of 0 or more has a rounding unit, not {value!r}.")
    if value == 0:
        return 1
    if isinstance(value, int):
        digits = str(value)
        return 10 ** (len(digits) - len(digits.rstrip("0")))
    exponent = Decimal(repr(value)).normalize().as_tuple().exponent
    if not isinstance(exponent, int):
        raise ValueError(f"{value!r} is not a finite number.")
    return 10 ** exponent if exponent >= 0 else float(Decimal(1).scaleb(exponent))


def _half(value: Number, unit: Number, sign: int) -> Number:
    """value + sign * unit / 2, exact for decimals; whole numbers stay whole (7 -> 7..7)."""
    if isinstance(value, int) and isinstance(unit, int):
        return value + sign * (unit // 2)
    result = Decimal(repr(value)) + sign * Decimal(repr(unit)) / 2
    return float(result)


def compute(value: Number, qualifier: str = "none", upper: Number | None = None) -> Bounds:
    """The bounds of `qualifier value` (or of `qualifier value to upper`, a range)."""
    rule = rule_for(qualifier)
    low_end, high_end = value, (value if upper is None else upper)
    if high_end < low_end:
        raise ValueError(f"A range runs from low to high: {value} to {upper} is reversed.")
    if rule == "about_round":
        low = _half(low_end, rounding_unit(low_end), -1)
        high = _half(high_end, rounding_unit(high_end), +1)
        return Bounds(low, high, True, True, rule)
    if rule == "over_open":
        return Bounds(low_end, None, False, False, rule)
    if rule == "at_least":
        return Bounds(low_end, None, True, False, rule)
    if rule in {"under_open", "up_to"}:
        return Bounds(None, high_end, True, HIGH_INCLUDED[rule], rule)
    return Bounds(low_end, high_end, True, True, rule)
