"""Print how long find_figures and find_attribution take on 10 MB texts, and on the article.

    .venv/bin/python benchmarks/find_large_text.py
    .venv/bin/python benchmarks/find_large_text.py --against 5f6abec 7b869fc   # side by side

Two 10 MB texts: `dense` repeats one paragraph in which every sentence holds digits, a number
word and a count of sources (the worst case for the rules); `news` repeats the article, the
practice article and the invented newswire sentences of data/eval/ (most sentences hold no
number). `--against REV ...` also times find_figures as it was at each git revision, in the
same run, so that the figures compare (the machine's load changes from run to run; compare
the CPU seconds).

Not a test (tests/test_text_input.py only checks that the 10 MB run finishes with the right
rows): timings depend on the machine and its load.
"""

import argparse
import importlib.util
import subprocess
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from newslab import load_article_text
from newslab.attribution import find_attribution
from newslab.evaluation import load_eval_set
from newslab.figures import find_figures
from newslab.paths import DATA

PARAGRAPH = ("According to two officials, about 4,000 workers in the port, including Saltmere, "
             "and the RX-300 cranes were reportedly idle.\n\n")
SIZE = 10_000_000


def timed(label: str, function: Callable, text: str) -> None:
    """Run once; print wall-clock seconds and this process's CPU seconds (the CPU time
    depends less on what else the machine runs)."""
    started, cpu = time.perf_counter(), time.process_time()
    rows = len(function(text))
    print(f"{label:<46} {len(text.encode()) / 1e6:6.2f} MB  {rows:>7} rows  "
          f"{time.perf_counter() - started:6.2f} s  {time.process_time() - cpu:6.2f} s CPU")


def repeated(text: str) -> str:
    return text * (SIZE // len(text.encode()) + 1)


def news_text() -> str:
    data = load_eval_set()
    invented = data.texts[data.texts["split"] == "invented"]["text"]
    parts = [load_article_text(), (DATA / "practice_article.txt").read_text(encoding="utf-8"),
             *invented]
    return "\n\n".join(parts) + "\n\n"


def figures_at(revision: str, folder: Path) -> Callable:
    """find_figures as newslab/figures.py was at a git revision (imported from a copy)."""
    source = subprocess.run(["git", "show", f"{revision}:newslab/figures.py"], check=True,
                            capture_output=True, text=True).stdout
    path = folder / f"figures_{revision}.py"
    path.write_text(source, encoding="utf-8")
    spec = importlib.util.spec_from_file_location(f"figures_{revision}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.find_figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--against", nargs="*", default=[], metavar="REV",
                        help="also time find_figures at these git revisions")
    arguments = parser.parse_args()
    article = load_article_text()
    texts = {"dense": repeated(PARAGRAPH), "news": repeated(news_text())}
    timed("find_figures, the article", find_figures, article)
    timed("find_attribution, the article", find_attribution, article)
    with tempfile.TemporaryDirectory() as folder:
        older = {revision: figures_at(revision, Path(folder)) for revision in arguments.against}
        for name, text in texts.items():
            for revision, function in older.items():
                timed(f"find_figures at {revision}, 10 MB {name}", function, text)
            timed(f"find_figures, 10 MB {name}", find_figures, text)
    for name, text in texts.items():
        timed(f"find_attribution, 10 MB {name}", find_attribution, text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
