"""Bad input to find_figures, find_attribution and load_text_file gets a clear message."""

from pathlib import Path

import pytest

from newslab.attribution import find_attribution
from newslab.figures import find_figures
from newslab.paths import DATA
from newslab.textfile import TextInputError, check_text, load_text_file

FINDERS = [find_figures, find_attribution]
HTML = ("<!DOCTYPE html><html><head><title>News</title></head><body><p>About 3,000 workers."
        "</p></body></html>")


@pytest.mark.parametrize("finder", FINDERS)
@pytest.mark.parametrize(("text", "message"), [
    ("", "empty"), ("   \n\t \n", "only whitespace"), (HTML, "HTML page"),
    ("abc\x00\x01def", "NUL"),
])
def test_bad_text_is_refused_with_its_reason(finder, text: str, message: str) -> None:
    with pytest.raises(TextInputError, match=message):
        finder(text)


@pytest.mark.parametrize("finder", FINDERS)
def test_bytes_are_refused_with_a_fix(finder) -> None:
    with pytest.raises(TypeError, match=r"bytes, not a str.*decode"):
        finder(b"About 3,000 workers.")


@pytest.mark.parametrize("finder", FINDERS)
def test_other_types_are_named(finder) -> None:
    with pytest.raises(TypeError, match="must be a str, not int"):
        finder(42)
    with pytest.raises(TypeError, match="is a path"):
        finder(Path("article.txt"))


def test_a_text_without_figures_is_an_empty_table_not_an_error() -> None:
    assert find_figures("Nobody knows how many.").empty
    assert len(find_attribution("Nobody knows how many.")) == 1


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_loader_reads_utf8_and_normalises_line_ends(tmp_path: Path) -> None:
    path = write(tmp_path, "a.txt", "\ufeffFirst line.\r\n\r\nAbout 3,000 – workers.\r".encode())
    assert load_text_file(path) == "First line.\n\nAbout 3,000 – workers.\n"


def test_loader_reads_the_practice_article() -> None:
    text = load_text_file(DATA / "practice_article.txt")
    assert text.startswith("PRACTICE ARTICLE")


@pytest.mark.parametrize(("data", "message"), [
    (b"", "empty"),
    (b"  \n \n", "only whitespace"),
    (b"%PDF-1.7\n...", "a PDF document"),
    (b"PK\x03\x04rest-of-a-docx", "ZIP archive"),
    (b"\x89PNG\r\n\x1a\n....", "PNG image"),
    (b"text\x00with\x00nul", "binary file"),
    ("Caf\u00e9 workers: about 3,000.".encode("cp1252"), r"not UTF-8.*Windows-1252"),
    ("About 3,000 workers.".encode("utf-16"), r"UTF-16"),
    (HTML.encode(), "HTML page"),
])
def test_loader_messages(tmp_path: Path, data: bytes, message: str) -> None:
    path = write(tmp_path, "student.txt", data)
    with pytest.raises(TextInputError, match=message):
        load_text_file(path)


def test_loader_accepts_a_declared_encoding(tmp_path: Path) -> None:
    path = write(tmp_path, "old.txt", "Café workers: about 3,000.".encode("cp1252"))
    assert load_text_file(path, encoding="cp1252") == "Café workers: about 3,000."


def test_loader_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="no file at"):
        load_text_file(tmp_path / "nope.txt")
    with pytest.raises(TextInputError, match="folder"):
        load_text_file(tmp_path)


def test_check_text_returns_good_text_unchanged() -> None:
    assert check_text("About 3,000 workers.") == "About 3,000 workers."


def test_a_10_mb_text_is_read_to_the_end() -> None:
    """Runs the whole pipeline on ~10 MB; the benchmark script times it (no timing here)."""
    paragraph = ("According to two officials, about 4,000 workers in the port, including "
                 "Saltmere, and the RX-300 cranes were reportedly idle.\n\n")
    repeats = 10_000_000 // len(paragraph) + 1
    text = paragraph * repeats
    assert len(text.encode()) >= 10_000_000
    figures = find_figures(text)
    assert len(figures) == repeats
    assert set(figures["value"]) == {4000}
    labels = find_attribution(text)
    assert len(labels) == repeats
    assert set(labels["attribution_type"]) == {"several_anonymous_sources"}
