"""Load the article's text and its provenance record from `data/`."""

import json
from pathlib import Path
from typing import Any

from newslab.paths import ARTICLE_METADATA, ARTICLE_TEXT


def load_article_text(path: Path | str = ARTICLE_TEXT) -> str:
    """Return the article exactly as shipped (UTF-8, no newline added or removed)."""
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"No article text at {path}: is the course's data/ folder there?")
    raw = path.read_bytes()
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ValueError(
            f"{path} is not UTF-8 text (byte {error.start} cannot be decoded); "
            "save it as UTF-8 and load it again."
        ) from None


def load_metadata(path: Path | str = ARTICLE_METADATA) -> dict[str, Any]:
    """Return the article's provenance record (outlet, author, URL, date status, ...)."""
    path = Path(path)
    with path.open(encoding="utf-8") as handle:
        return json.load(handle)
