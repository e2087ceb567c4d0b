"""Load and check a text that a student brings: clear messages for the usual bad inputs.

`load_text_file(path)` reads a UTF-8 text file; `check_text(text)` is what
`find_figures` and `find_attribution` run first. Every problem raises `TextInputError`
(a `ValueError`) or `TypeError` with a message that says what was found and what to do.
"""

import re
from pathlib import Path
from typing import Any

# Bigger than any news article by far; 10 MB of text still runs in seconds.
MAX_BYTES = 50_000_000

# The first bytes of common non-text files, and what they are.
MAGIC = [
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (a .docx, .xlsx or .odt file is one)"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office document (.doc or .xls)"),
    (b"{\\rtf", "a Rich Text (.rtf) document"),
]
HTML_START = re.compile(r"^\s*(?:<!doctype\s+html|<html\b|<head\b|<body\b)", re.IGNORECASE)
HTML_TAG = re.compile(r"</?(?:p|div|span|a|script|style|meta|link|br|li|ul|h[1-6])\b[^>]*>",
                      re.IGNORECASE)  # fmt: skip


class TextInputError(ValueError):
    """A text that newslab cannot read as an article; the message says why and what to do."""


def _binary_kind(raw: bytes) -> str | None:
    """Name the kind of binary file `raw` starts like, or None when it may be text."""
    for magic, kind in MAGIC:
        if raw.startswith(magic):
            return kind
    sample = raw[:4096]
    if b"\x00" in sample and not (sample.startswith((b"\xff\xfe", b"\xfe\xff"))):
        return "a binary file (it contains NUL bytes)"
    return None


def check_text(text: Any, what: str = "the text") -> str:
    """Return `text` unchanged when it can be read as an article; raise a clear error if not."""
    if isinstance(text, (bytes, bytearray)):
        raise TypeError(
            f"{what} is bytes, not a str. Decode it first, e.g. data.decode('utf-8'), "
            "or read the file with newslab.load_text_file(path)."
        )
    if isinstance(text, Path):
        raise TypeError(f"{what} is a path ({text}), not its contents: use load_text_file(path).")
    if not isinstance(text, str):
        raise TypeError(f"{what} must be a str, not {type(text).__name__}.")
    if text == "":
        raise TextInputError(f"{what} is empty: there is nothing to read.")
    if not text.strip():
        raise TextInputError(f"{what} contains only whitespace (spaces, tabs or blank lines).")
    if "\x00" in text[:100_000]:
        raise TextInputError(f"{what} contains NUL characters: it looks like a binary file "
                             "decoded as text, not an article.")
    head = text[:5000]
    if HTML_START.search(head) or len(HTML_TAG.findall(head)) >= 5:
        raise TextInputError(
            f"{what} looks like an HTML page (it has tags such as <p> or <div>), not the "
            "article's text. Copy the article's words from the browser into a .txt file, "
            "or save the page as plain text."
        )
    return text


def _encoding_hint(raw: bytes) -> str:
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "It starts with a UTF-16 byte-order mark: it was saved as UTF-16."
    try:
        raw.decode("cp1252")
    except UnicodeDecodeError:
        return "It may be in an East Asian or other legacy encoding."
    return "It looks like Windows-1252 or Latin-1 text (common for older Windows files)."


def decode_text(raw: bytes, name: str = "the file", encoding: str = "utf-8") -> str:
    """Decode `raw` (UTF-8 by default, a UTF-8 byte-order mark is dropped); explain failures."""
    kind = _binary_kind(raw)
    if kind:
        raise TextInputError(f"{name} is {kind}, not plain text. Save or export the article "
                             "as a .txt file (UTF-8) and load that.")
    if encoding.lower().replace("-", "").replace("_", "") in {"utf8", "utf8sig"}:
        if raw.startswith(b"\xef\xbb\xbf"):
            raw = raw[3:]
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as error:
            raise TextInputError(
                f"{name} is not UTF-8: byte 0x{raw[error.start]:02x} at position {error.start} "
                f"cannot be decoded. {_encoding_hint(raw)} Re-save it as UTF-8, or pass the "
                "encoding you know it uses, e.g. load_text_file(path, encoding='cp1252')."
            ) from None
    else:
        try:
            text = raw.decode(encoding)
        except (UnicodeDecodeError, LookupError) as error:
            raise TextInputError(f"{name} cannot be decoded as {encoding}: {error}.") from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def load_text_file(path: Path | str, encoding: str = "utf-8") -> str:
    """Read a student's article from a text file and check it (see `check_text`).

    Windows and old Mac line ends become "\\n"; a UTF-8 byte-order mark is dropped.
    """
    path = Path(path)
    if path.is_dir():
        raise TextInputError(f"{path} is a folder, not a file: give the path of a .txt file.")
    if not path.exists():
        raise FileNotFoundError(f"There is no file at {path}. Check the name and the folder "
                                "(notebooks run from their own folder: data is at ../data/).")
    size = path.stat().st_size
    if size == 0:
        raise TextInputError(f"{path.name} is empty (0 bytes): there is nothing to read.")
    if size > MAX_BYTES:
        raise TextInputError(f"{path.name} is {size / 1e6:.0f} MB; a news article is far "
                             f"smaller. The limit is {MAX_BYTES // 1_000_000} MB.")
    text = decode_text(path.read_bytes(), path.name, encoding)
    return check_text(text, path.name)
