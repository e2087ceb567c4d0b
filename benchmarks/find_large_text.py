"""Print how long find_figures and find_attribution take on a 10 MB text, and on the article.

    .venv/bin/python benchmarks/find_large_text.py

Not a test (tests/test_text_input.py only checks that the 10 MB run finishes with the right
rows): timings depend on the machine and its load.
"""

import time

from newslab import load_article_text
from newslab.attribution import find_attribution
from newslab.figures import find_figures

PARAGRAPH = ("According to two officials, about 4,000 workers in the port, including Saltmere, "
             "and the RX-300 cranes were reportedly idle.\n\n")


def timed(label: str, function, text: str) -> None:
    started = time.perf_counter()
    rows = len(function(text))
    print(f"{label:<34} {len(text.encode()) / 1e6:6.2f} MB  {rows:>7} rows  "
          f"{time.perf_counter() - started:6.2f} s")


def main() -> int:
    large = PARAGRAPH * (10_000_000 // len(PARAGRAPH) + 1)
    article = load_article_text()
    timed("find_figures, the article", find_figures, article)
    timed("find_attribution, the article", find_attribution, article)
    timed("find_figures, 10 MB", find_figures, large)
    timed("find_attribution, 10 MB", find_attribution, large)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
