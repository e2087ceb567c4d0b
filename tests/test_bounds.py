"""newslab/bounds.py: one rule per qualifier, and the lessons' teaching copies agree with it."""

import ast
import json

import pytest

from newslab import bounds
from newslab.figures import find_figures
from newslab.paths import ROOT

# Folders whose notebooks may carry a teaching copy of a bounds rule (adding one is one line).
TEACHING_FOLDERS = ["notebooks", "solutions"]


@pytest.mark.parametrize(("qualifier", "expected"), [
    ("none", (50000, 50000, True, True, "exact")),
    ("about", (45000, 55000, True, True, "about_round")),
    ("some", (45000, 55000, True, True, "about_round")),
    ("over", (50000, None, False, False, "over_open")),
    ("more than", (50000, None, False, False, "over_open")),
    ("at least", (50000, None, True, False, "at_least")),
    ("nearly", (None, 50000, True, False, "under_open")),
    ("almost", (None, 50000, True, False, "under_open")),
    ("less than", (None, 50000, True, False, "under_open")),
    ("up to", (None, 50000, True, True, "up_to")),
    ("as high as", (None, 50000, True, True, "up_to")),
    ("as much as", (None, 50000, True, True, "up_to")),
])  # fmt: skip
def test_each_qualifier_gives_its_rules_bounds(qualifier: str, expected: tuple) -> None:
    result = bounds.compute(50000, qualifier)
    assert (result.low, result.high, result.low_inclusive, result.high_inclusive,
            result.rule) == expected


def test_every_qualifier_has_one_known_rule() -> None:
    assert set(bounds.QUALIFIER_RULES.values()) == set(bounds.RULES) == set(bounds.HIGH_INCLUDED)
    assert tuple(sorted(bounds.QUALIFIERS, key=len, reverse=True)) == bounds.QUALIFIERS


def test_rounding_follows_the_last_non_zero_digit() -> None:
    assert bounds.rounding_unit(30000) == 10000
    assert bounds.rounding_unit(2500) == 100
    assert bounds.rounding_unit(1.5) == pytest.approx(0.1)
    low, high = bounds.compute(1.5, "about").low, bounds.compute(1.5, "about").high
    assert (low, high) == (1.45, 1.55)  # exact, not 1.4500000000000002


def test_a_range_is_read_from_both_ends() -> None:
    assert bounds.compute(50000, "none", 80000).low == 50000
    assert bounds.compute(50000, "none", 80000).high == 80000
    as_high_as = bounds.compute(50000, "as high as", 80000)
    assert (as_high_as.low, as_high_as.high, as_high_as.rule) == (None, 80000, "up_to")
    about = bounds.compute(50000, "about", 80000)
    assert (about.low, about.high) == (45000, 85000)
    with pytest.raises(ValueError, match="reversed"):
        bounds.compute(80000, "none", 50000)


def test_an_unknown_qualifier_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="not a qualifier the course has a rule for"):
        bounds.rule_for("circa")


def test_find_figures_reads_every_qualifier_by_its_rule() -> None:
    for qualifier in bounds.QUALIFIERS:
        table = find_figures(f"There are {qualifier} 4,000 workers in the port.")
        assert table["qualifier"].tolist() == [qualifier]
        assert table["bounds_rule"].tolist() == [bounds.rule_for(qualifier)]


def teaching_copies() -> list[tuple[str, str, str]]:
    """(notebook, function name, source) of every code cell function named like a bounds rule."""
    copies = []
    for folder in TEACHING_FOLDERS:
        for path in sorted((ROOT / folder).glob("*.ipynb")):
            notebook = json.loads(path.read_text(encoding="utf-8"))
            for cell in notebook["cells"]:
                if cell["cell_type"] != "code":
                    continue
                source = "".join(cell["source"])
                source = "\n".join(line for line in source.splitlines()
                                   if not line.strip().startswith(("### BEGIN", "### END")))
                try:
                    tree = ast.parse(source)
                except SyntaxError:
                    continue
                for node in tree.body:
                    if isinstance(node, ast.FunctionDef) and node.name.endswith("bounds"):
                        copies.append((path.name, node.name, ast.get_source_segment(source, node)))
    return copies


def call_copy(name: str, source: str, qualifier: str, value: int) -> tuple | None:
    """Call a teaching copy in the shape it takes; None when it has no answer for `qualifier`."""
    namespace: dict = {}
    exec(compile(source, name, "exec"), namespace)  # the course's own notebook code
    function = namespace[name]
    arguments = ast.parse(source).body[0].args.args
    names = [argument.arg for argument in arguments]
    if names[:2] == ["qualifier", "value"]:
        return function(qualifier, value)
    if qualifier != "about":
        return None  # an "about"-only copy
    if names == ["value"]:
        return function(value)
    if names == ["value", "rule"]:
        return function(value, "nearest 10,000") if value % 10000 == 0 else None
    raise AssertionError(f"A teaching copy {name}({', '.join(names)}) this test cannot call")


def test_the_lessons_teaching_copies_agree_with_the_rules() -> None:
    copies = teaching_copies()
    assert copies, "no teaching copy found: did the lessons stop teaching the rule?"
    for notebook, name, source in copies:
        for qualifier in ["about", "over", "none"]:
            for value in [30000, 20000, 50000, 2500]:
                got = call_copy(name, source, qualifier, value)
                if got is None:
                    continue
                rule = bounds.compute(value, qualifier)
                assert tuple(got)[:2] == (rule.low, rule.high), f"{notebook} {name}{qualifier}"
