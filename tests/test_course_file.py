"""`newslab.course_file`: the lessons' one loader finds data/ from wherever the notebook runs."""

from pathlib import Path

import nbformat
import pytest

from newslab import course_file
from newslab.paths import DATA


def test_it_finds_a_data_file_from_the_course_folders_and_from_elsewhere(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for folder in [DATA.parent / "notebooks", DATA.parent, tmp_path]:
        monkeypatch.chdir(folder)
        assert course_file("sentences.csv") == DATA / "sentences.csv"


def test_it_finds_a_course_copy_named_by_newslab_root(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "article.txt").write_text("copy", encoding="utf-8")
    monkeypatch.setenv("NEWSLAB_ROOT", str(tmp_path))
    assert course_file("article.txt").read_text(encoding="utf-8") == "copy"


def test_a_missing_file_is_named_with_what_the_folder_holds() -> None:
    with pytest.raises(FileNotFoundError, match=r"has no file 'sentence.csv'.*sentences\.csv"):
        course_file("sentence.csv")


def test_no_notebook_reads_the_data_folder_by_a_relative_path() -> None:
    """`../data/...` breaks when a student uploads a notebook to another folder (issue 13)."""
    root = DATA.parent
    notebooks = sorted(path for folder in ["notebooks", "solutions", "exercises"]
                       for path in (root / folder).glob("*.ipynb"))
    assert len(notebooks) > 10
    relative = [f"{path.relative_to(root)} cell {index}"
                for path in notebooks
                for index, cell in enumerate(nbformat.read(path, as_version=4).cells)
                if "../data" in cell.source]
    assert relative == [], "use newslab.course_file('name') instead of '../data/name'"
