"""How fast the grader is: seconds per submission with --jobs 1 and --jobs 2.

    .venv/bin/python benchmarks/grading.py [--n 100] [--jobs 1 2]
    .venv/bin/python benchmarks/grading.py --n 1     # the start-up, next to importing pandas

With --n 1 it also measures what an instructor grading one late submission waits for: the whole
`python -m newslab grade` command on a folder with one submission, and, alternating with it in
the same run, `python -c "import pandas, altair"` in the same venv; it prints both (wall and CPU
seconds, best and median of --repeat runs) and their ratio (target: 1.5 or less).

Generates N synthetic submissions from the solution notebooks (round robin over the exercises):
80% correct, 12% partly wrong (one answer spoiled), 8% failing (an exception in the first cell,
`os._exit` in the middle, or an endless loop stopped by the cell timeout). Grades the folder
once per --jobs value and prints the wall time per submission, set-up included, next to the
reference figures measured on a comparable two-core machine: nbgrader's batch autograde about
3.5 s and otter-grader's `otter run` about 4.3 s per submission. Timings, never assertions.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat
from nbformat import NotebookNode

from newslab.build import answered_notebook
from newslab.cells import newslab_metadata, role_of
from newslab.checks import exercises
from newslab.grading.batch import Settings, grade_folder
from newslab.grading.sandbox import Sandbox
from newslab.paths import SOLUTIONS

NBGRADER, OTTER, TARGET = 3.5, 4.3, 1.0
STARTUP_TARGET = 1.5  # one submission's whole command, over `import pandas, altair`


def timed_command(command: list[str]) -> tuple[float, float]:
    """Wall and CPU seconds (the command and its children) of one run; fails loudly."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def startup(folder: Path, out: Path, repeats: int) -> None:
    """Grading a folder of one submission, side by side with importing pandas and altair."""
    runs: dict[str, list[tuple[float, float]]] = {"import": [], "grade": []}
    commands = {"import": [sys.executable, "-c", "import pandas, altair"],
                "grade": [sys.executable, "-m", "newslab", "grade", str(folder), "--out",
                          str(out)]}
    for _ in range(repeats):  # alternate, so both see the same load
        for name, command in commands.items():
            runs[name].append(timed_command(command))
    said = {}
    for name, figures in runs.items():
        walls, cpus = [w for w, _ in figures], [c for _, c in figures]
        said[name] = (min(walls), statistics.median(walls), statistics.median(cpus))
        print(f"{name:>6}: wall best {min(walls):.2f} s, median {statistics.median(walls):.2f} s;"
              f" CPU median {statistics.median(cpus):.2f} s  "
              f"({', '.join(f'{w:.2f}' for w in walls)})")
    ratio = said["grade"][1] / said["import"][1]
    print(f"one submission, whole command: {ratio:.2f}x `import pandas, altair` (median wall; "
          f"best {said['grade'][0] / said['import'][0]:.2f}x); target {STARTUP_TARGET}x: "
          f"{'met' if ratio <= STARTUP_TARGET else 'NOT met'}; load average "
          f"{os.getloadavg()[0]:.1f}")


def isolation_cost(folder: Path, tmp: Path, rounds: int, jobs: int, cell_timeout: float) -> None:
    """The same folder graded with and without namespaces, alternating; seconds per submission."""
    count = len(list(folder.glob("*.ipynb")))
    seconds: dict[bool, list[float]] = {True: [], False: []}
    settings = Settings(jobs=jobs, cell_timeout=cell_timeout, budget=60)
    for number in range(rounds):
        for isolate in (True, False) if number % 2 == 0 else (False, True):
            start = time.perf_counter()
            sandbox = Sandbox(jobs, settings.limits(), settings.kernel_uid, isolate=isolate)
            if sandbox.isolated != isolate:
                raise SystemExit(f"isolation unavailable here: {sandbox.launcher.why_not}")
            grade_folder(folder, tmp / f"out-iso-{isolate}", settings, sandbox=sandbox,
                         notice=lambda text: None)
            seconds[isolate].append((time.perf_counter() - start) / count)
    for isolate, figures in seconds.items():
        print(f"{'with' if isolate else 'without'} namespaces, --jobs {jobs}: "
              f"median {statistics.median(figures):.3f} s per submission "
              f"({', '.join(f'{f:.3f}' for f in figures)})")
    ratio = statistics.median(seconds[True]) / statistics.median(seconds[False])
    print(f"namespaces cost {100 * (ratio - 1):+.1f} % (median over median); load average "
          f"{os.getloadavg()[0]:.1f}")


def variant(solution: NotebookNode, number: int) -> tuple[str, NotebookNode]:
    """The number-th synthetic submission of this exercise, and what kind it is."""
    notebook = answered_notebook(solution)
    answers = [i for i, c in enumerate(notebook.cells) if role_of(c) == "answer"]
    slot = number % 100
    if slot < 80:
        return "correct", notebook
    if slot < 92:
        cell = notebook.cells[answers[-1]]
        cell.source += f"\n{newslab_metadata(cell)['variable']} = 'a wrong answer'"
        return "partly wrong", notebook
    failures = {92: "1 / 0", 93: "1 / 0", 94: "1 / 0", 95: "import os\nos._exit(1)",
                96: "import os\nos._exit(1)", 97: "import os\nos._exit(1)",
                98: "while True:\n    pass", 99: "while True:\n    pass"}
    where = answers[0] if slot < 95 else answers[len(answers) // 2]
    notebook.cells.insert(where, nbformat.v4.new_code_cell(failures[slot]))
    return "failing", notebook


def generate(folder: Path, count: int) -> dict[str, int]:
    """Write `count` submissions into `folder`; return how many of each kind."""
    known = exercises()
    solutions = [nbformat.read(path, as_version=4) for path in sorted(SOLUTIONS.glob("*.ipynb"))]
    solutions = [s for s in solutions if s.metadata.get("newslab", {}).get("exercise") in known]
    if not solutions:
        raise SystemExit("No solution notebooks with registered checks in solutions/.")
    kinds: dict[str, int] = {}
    order = [(number * 37) % 100 for number in range(100)]  # spread the kinds over the run
    for number in range(count):
        solution = solutions[number % len(solutions)]
        kind, notebook = variant(solution, order[number % 100])
        kinds[kind] = kinds.get(kind, 0) + 1
        exercise_id = solution.metadata["newslab"]["exercise"]
        path = folder / f"student{number:03d}_{exercise_id}.ipynb"
        path.write_text(nbformat.writes(notebook), encoding="utf-8")
    return kinds


def main() -> int:
    parse = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parse.add_argument("--n", type=int, default=100, help="submissions (default 100)")
    parse.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    parse.add_argument("--cell-timeout", type=float, default=5.0,
                       help="seconds before an endless loop is stopped (default 5)")
    parse.add_argument("--repeat", type=int, default=3,
                       help="with --n 1: runs of each command for the start-up (default 3)")
    parse.add_argument("--isolation-cost", type=int, default=0, metavar="ROUNDS",
                       help="grade the folder ROUNDS times with and without the kernels' "
                            "namespaces, alternating, and print both (the sandbox's cost)")
    args = parse.parse_args()
    with tempfile.TemporaryDirectory(prefix="newslab-bench-") as tmp:
        folder = Path(tmp) / "submissions"
        folder.mkdir(mode=0o700)
        kinds = generate(folder, args.n)
        print(f"{args.n} submissions: " + ", ".join(f"{n} {k}" for k, n in sorted(kinds.items()))
              + f"; cell timeout {args.cell_timeout:g} s")
        if args.n == 1:
            startup(folder, Path(tmp) / "out-startup", args.repeat)
        if args.isolation_cost:
            isolation_cost(folder, Path(tmp), args.isolation_cost, args.jobs[-1],
                           args.cell_timeout)
            return 0
        for jobs in args.jobs:
            settings = Settings(jobs=jobs, cell_timeout=args.cell_timeout, budget=60)
            start = time.perf_counter()
            grades = grade_folder(folder, Path(tmp) / f"out-{jobs}", settings)
            per = (time.perf_counter() - start) / args.n
            statuses: dict[str, int] = {}
            for grade in grades:
                statuses[grade.status] = statuses.get(grade.status, 0) + 1
            print(f"--jobs {jobs}: {per:.3f} s per submission "
                  f"({per * args.n:.1f} s in all, set-up included); "
                  f"{NBGRADER / per:.1f}x nbgrader's {NBGRADER} s, "
                  f"{OTTER / per:.1f}x otter's {OTTER} s; "
                  f"target {TARGET} s: {'met' if per <= TARGET else 'NOT met'}  "
                  f"[{', '.join(f'{n} {s}' for s, n in sorted(statuses.items()))}]")
            sys.stdout.flush()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
