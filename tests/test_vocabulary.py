"""The attribution vocabulary is defined once (newslab/vocabulary.py) and used everywhere."""

import ast
import json
from pathlib import Path

import pandas as pd
import pytest

from newslab import attribution, labeller, vocabulary
from newslab.checks import ex03_attribution
from newslab.paths import DATA, ROOT

LEDGERS = ["claims.csv", "practice_claims.csv", "figures.csv", "practice_figures.csv"]


@pytest.fixture(scope="module")
def package() -> dict:
    return json.loads((DATA / "datapackage.json").read_text(encoding="utf-8"))


def fields_named(package: dict, name: str) -> list[tuple[str, dict]]:
    return [(resource["name"], field) for resource in package["resources"]
            for field in resource.get("schema", {}).get("fields", []) if field["name"] == name]


def test_every_type_has_a_one_line_meaning() -> None:
    assert tuple(vocabulary.MEANINGS) == vocabulary.TYPES
    assert len(vocabulary.TYPES) == len(set(vocabulary.TYPES)) >= 7
    for name, meaning in vocabulary.MEANINGS.items():
        assert meaning and "\n" not in meaning and len(meaning) < 120, name
    assert set(vocabulary.ANONYMOUS_TYPES) < set(vocabulary.TYPES)


def test_the_data_package_enums_are_the_vocabulary(package: dict) -> None:
    types = fields_named(package, "attribution_type")
    assert {resource for resource, _ in types} == {"figures", "claims", "practice-figures",
                                                  "practice-claims"}
    for resource, field in types:
        assert field["constraints"]["enum"] == list(vocabulary.TYPES), resource
    alternatives = fields_named(package, "alternative_type")
    assert alternatives
    for resource, field in alternatives:
        assert field["constraints"]["enum"] == [*vocabulary.TYPES, ""], resource


def test_the_ledger_describes_the_vocabulary_in_its_words(package: dict) -> None:
    claims = next(item for item in package["resources"] if item["name"] == "claims")
    assert vocabulary.describe_types() in claims["description"]


@pytest.mark.parametrize("name", LEDGERS)
def test_every_label_in_the_ledgers_is_in_the_vocabulary(name: str) -> None:
    table = pd.read_csv(DATA / name, dtype=str, keep_default_na=False)
    labels = set(table["attribution_type"])
    if "alternative_type" in table:
        labels |= set(table["alternative_type"]) - {""}
    assert labels <= set(vocabulary.TYPES), labels - set(vocabulary.TYPES)


def test_the_tools_and_checks_use_the_one_definition() -> None:
    assert labeller.ATTRIBUTION_TYPES is vocabulary.TYPES
    assert labeller.LabellingSession([("s1", "One.")]).types == vocabulary.TYPES
    assert list(vocabulary.TYPES) == attribution.TYPES
    assert ex03_attribution.ATTRIBUTION_TYPES is vocabulary.TYPES
    assert ex03_attribution.ANONYMOUS is vocabulary.ANONYMOUS_TYPES
    assert set(ex03_attribution.GENERAL_HINTS) == set(vocabulary.TYPES)


def literal_type_lists(path: Path) -> list[int]:
    """Lines where a list, tuple or set literal spells out three or more type names."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    lines = []
    for node in ast.walk(tree):
        if isinstance(node, (ast.List, ast.Tuple, ast.Set)):
            names = [item.value for item in node.elts
                     if isinstance(item, ast.Constant) and item.value in vocabulary.MEANINGS]
            if len(names) >= 3:
                lines.append(node.lineno)
    return lines


def test_no_module_writes_the_vocabulary_out_again() -> None:
    home = ROOT / "newslab" / "vocabulary.py"
    assert literal_type_lists(home), "the detector must find the definition itself"
    copies = {str(path.relative_to(ROOT)): literal_type_lists(path)
              for path in (ROOT / "newslab").rglob("*.py") if path != home}
    assert {path: lines for path, lines in copies.items() if lines} == {}


def test_an_unknown_label_gets_a_message_that_lists_the_types() -> None:
    assert vocabulary.check_type("named_source") == "named_source"
    with pytest.raises(ValueError, match="reporters_inference"):
        vocabulary.check_type("reporter_inference")
