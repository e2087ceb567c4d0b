"""Frictionless validation of data/, and proof that it catches broken data."""

import shutil
from pathlib import Path

import pytest
from frictionless import Package, validate

from newslab.paths import DATA


def validate_folder(folder: Path):
    return validate(str(folder / "datapackage.json"))


def test_data_package_is_valid() -> None:
    report = validate_folder(DATA)
    assert report.valid, report.flatten(["resourcePath", "rowNumber", "fieldName", "type", "note"])


def test_every_csv_in_data_is_described() -> None:
    described = {resource.path for resource in Package(str(DATA / "datapackage.json")).resources}
    shipped = {path.name for path in DATA.glob("*.csv")}
    assert shipped <= described, f"not in datapackage.json: {sorted(shipped - described)}"


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    shutil.copytree(DATA, folder)
    return folder


def replace_in(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_validation_catches_a_dangling_sentence_id(data_copy: Path) -> None:
    replace_in(data_copy / "claims.csv", "\np10s1,", "\np99s1,")
    assert not validate_folder(data_copy).valid


def test_validation_catches_a_label_outside_the_vocabulary(data_copy: Path) -> None:
    replace_in(data_copy / "claims.csv", "one_anonymous_source", "a_little_bird")
    assert not validate_folder(data_copy).valid


def test_validation_catches_an_altered_article(data_copy: Path) -> None:
    replace_in(data_copy / "article.txt", "30,000", "40,000")
    assert not validate_folder(data_copy).valid
