"""Where the course's folders are, wherever a notebook or command runs from.

The course root is the folder that holds `data/article.txt`. It is found, in order:
from the NEWSLAB_ROOT environment variable; beside the package (a clone, or an
editable install); or in the working folder or one of its parents (Binder installs
newslab with `pip install .`, so the package then lives in site-packages, while
notebooks run inside the course's own folders).
"""

import os
from pathlib import Path

MARKER = Path("data") / "article.txt"


def find_root(start: Path | None = None) -> Path:
    """Return the course root folder, or the package's parent when none can be found."""
    package_parent = Path(__file__).resolve().parent.parent
    if os.environ.get("NEWSLAB_ROOT"):
        return Path(os.environ["NEWSLAB_ROOT"]).resolve()
    if (package_parent / MARKER).is_file():
        return package_parent
    here = (start or Path.cwd()).resolve()
    for folder in [here, *here.parents]:
        if (folder / MARKER).is_file():
            return folder
    return package_parent


ROOT = find_root()
DATA = ROOT / "data"
NOTEBOOKS = ROOT / "notebooks"
EXERCISES = ROOT / "exercises"
SOLUTIONS = ROOT / "solutions"

ARTICLE_TEXT = DATA / "article.txt"
ARTICLE_METADATA = DATA / "article.json"


def course_file(name: str) -> Path:
    """The path of `name` in the course's `data/` folder, from whatever folder the notebook is in.

    The lessons load every table through it, so a notebook still finds the data after it is
    moved, for example uploaded into the course's top folder on a new Binder session.
    """
    folder = find_root() / "data"
    path = folder / name
    if not path.is_file():
        known = ", ".join(sorted(p.name for p in folder.glob("*.*"))) or "nothing"
        raise FileNotFoundError(f"The course's data folder ({folder}) has no file {name!r}. "
                                f"It holds: {known}.")
    return path
