"""Print how long each notebook takes to run in a fresh kernel (target: 5 s or less each).

    .venv/bin/python benchmarks/notebook_times.py                 # lessons, solutions, exercises
    .venv/bin/python benchmarks/notebook_times.py notebooks/01_*.ipynb

Each notebook runs in memory (nothing is written) from its own folder, in a new kernel.
"kernel" is the kernel's start-up; "cells" is running every cell; "total" is both, which is
what a student waits for after Restart Kernel and Run All; "cpu" is the kernel process's own
CPU time, which other programs on a busy machine disturb far less than the wall-clock figures.
Not a test: timings depend on the machine and its load, so read them, don't assert them.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parent.parent
FOLDERS = ("notebooks", "solutions", "exercises")
TARGET_SECONDS = 5.0


def kernel_cpu_seconds(client: NotebookClient) -> float | None:
    """CPU time (user + system) the kernel process has used so far, if it can be read."""
    try:
        import psutil

        pid = client.km.provisioner.process.pid  # type: ignore[union-attr]
        times = psutil.Process(pid).cpu_times()
        return float(times.user + times.system)
    except Exception:
        return None


def time_notebook(path: Path, timeout: int = 120) -> tuple[float, float, float | None]:
    """Run `path` in a fresh kernel; return (kernel start s, cells s, kernel CPU s or None)."""
    notebook = nbformat.read(path, as_version=4)
    client = NotebookClient(notebook, timeout=timeout, kernel_name="python3",
                            resources={"metadata": {"path": str(path.parent)}})
    started = time.perf_counter()
    with client.setup_kernel():
        ready = time.perf_counter()
        for index, cell in enumerate(notebook.cells):
            client.execute_cell(cell, index)
        finished = time.perf_counter()
        cpu = kernel_cpu_seconds(client)
    return ready - started, finished - ready, cpu


def default_paths() -> list[Path]:
    pattern = "[0-9][0-9]_*.ipynb"
    return [path for folder in FOLDERS for path in sorted((ROOT / folder).glob(pattern))]


def main(arguments: list[str]) -> int:
    if {"-h", "--help"} & set(arguments):
        print(__doc__)
        return 0
    missing = [a for a in arguments if not Path(a).is_file()]
    if missing:
        print(f"No such notebook: {', '.join(missing)}", file=sys.stderr)
        return 2
    paths = [Path(a).resolve() for a in arguments] or default_paths()
    print(f"{len(paths)} notebooks, fresh kernel each, {os.cpu_count()} CPUs, "
          f"target {TARGET_SECONDS:.0f} s each\n")
    print(f"{'notebook':<48}{'kernel':>8}{'cells':>8}{'total':>8}{'cpu':>8}")
    slow = 0
    for path in paths:
        kernel, cells, cpu = time_notebook(path)
        total = kernel + cells
        flag = "" if total <= TARGET_SECONDS else "  over target"
        slow += total > TARGET_SECONDS
        name = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
        used = "    n/a" if cpu is None else f"{cpu:>7.1f}s"
        print(f"{str(name):<48}{kernel:>7.1f}s{cells:>7.1f}s{total:>7.1f}s{used}{flag}")
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"\n{len(paths) - slow} of {len(paths)} within {TARGET_SECONDS:.0f} s "
          f"(load average over the last minute: {load:.1f}).")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
