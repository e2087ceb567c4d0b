"""Print how long `make site` takes to build the course website (target: under 3 minutes).

    .venv/bin/python benchmarks/site_build.py            # 3 builds
    .venv/bin/python benchmarks/site_build.py --runs 1

Each run builds the whole site from the stored outputs into a new temporary folder, as
`make site` does (`make site-venv node_modules` first). "pages" is writing the page folder
(reading the notebooks, preparing outputs, launch boxes); "total" adds copying the Vega
libraries and Sphinx; "cpu" is this process and its children's CPU time, which other programs
on a busy machine disturb far less than the wall-clock figures. Not a test: read, don't assert.
"""

from __future__ import annotations

import argparse
import os
import resource
import tempfile
import time
from pathlib import Path

from newslab.links import parse_repo
from newslab.site.build import build_site
from newslab.site.pages import Launch, write_pages

ROOT = Path(__file__).resolve().parent.parent
TARGET_SECONDS = 180.0
LAUNCH = Launch(parse_repo("https://github.com/ORG/student-edition"), "main",
                "https://hub.example.org")


def cpu_seconds() -> float:
    """User + system CPU time of this process and its finished children."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def one_run() -> tuple[float, float, float, int]:
    """(pages s, total s, cpu s, site size in bytes) of one fresh build."""
    with tempfile.TemporaryDirectory(prefix="site-benchmark-") as scratch:
        started = time.perf_counter()
        write_pages(ROOT, Path(scratch) / "pages", LAUNCH)
        pages = time.perf_counter() - started
        cpu_before = cpu_seconds()
        started = time.perf_counter()
        build_site(Path(scratch) / "site", LAUNCH, root=ROOT)
        total = time.perf_counter() - started
        size = sum(path.stat().st_size for path in (Path(scratch) / "site").rglob("*")
                   if path.is_file())
        return pages, total, cpu_seconds() - cpu_before, size


def main() -> int:
    """Build the site --runs times and print each run and the slowest."""
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--runs", type=int, default=3)
    runs = options.parse_args().runs
    print(f"site build on {os.cpu_count()} cores, load average "
          f"{os.getloadavg()[0]:.1f}; target under {TARGET_SECONDS:.0f} s")
    print(f"{'run':>4} {'pages s':>8} {'total s':>8} {'cpu s':>7} {'site MB':>8}")
    totals = []
    for run in range(1, runs + 1):
        pages, total, cpu, size = one_run()
        totals.append(total)
        print(f"{run:>4} {pages:>8.1f} {total:>8.1f} {cpu:>7.1f} {size / 1e6:>8.1f}")
    slowest = max(totals)
    print(f"slowest {slowest:.1f} s = {slowest / TARGET_SECONDS:.0%} of the "
          f"{TARGET_SECONDS:.0f} s target")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
