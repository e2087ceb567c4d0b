"""Where the course's folders are, wherever a notebook or command runs from."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
NOTEBOOKS = ROOT / "notebooks"
EXERCISES = ROOT / "exercises"
SOLUTIONS = ROOT / "solutions"

ARTICLE_TEXT = DATA / "article.txt"
ARTICLE_METADATA = DATA / "article.json"
