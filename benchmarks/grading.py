"""How fast the grader is: seconds per submission with --jobs 1 and --jobs 2.

    .venv/bin/python benchmarks/grading.py [--n 100] [--jobs 1 2]

Generates N synthetic submissions from the solution notebooks (round robin over the exercises):
80% correct, 12% partly wrong (one answer spoiled), 8% failing (an exception in the first cell,
`os._exit` in the middle, or an endless loop stopped by the cell timeout). Grades the folder
once per --jobs value and prints the wall time per submission, set-up included, next to the
reference figures measured on a comparable two-core machine: nbgrader's batch autograde about
3.5 s and otter-grader's `otter run` about 4.3 s per submission. Timings, never assertions.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

import nbformat
from nbformat import NotebookNode

from newslab.build import answered_notebook, cell_role
from newslab.checks import exercises
from newslab.grading.batch import Settings, grade_folder
from newslab.paths import SOLUTIONS

NBGRADER, OTTER, TARGET = 3.5, 4.3, 1.0




def variant(solution: NotebookNode, number: int) -> tuple[str, NotebookNode]:
    """The number-th synthetic submission of this exercise, and what kind it is."""
    notebook = answered_notebook(solution)
    answers = [i for i, c in enumerate(notebook.cells) if cell_role(c).get("role") == "answer"]
    slot = number % 100
    if slot < 80:
        return "correct", notebook
    if slot < 92:
        cell = notebook.cells[answers[-1]]
        cell.source += f"\n{cell_role(cell)['variable']} = 'a wrong answer'"
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
    args = parse.parse_args()
    with tempfile.TemporaryDirectory(prefix="newslab-bench-") as tmp:
        folder = Path(tmp) / "submissions"
        folder.mkdir(mode=0o700)
        kinds = generate(folder, args.n)
        print(f"{args.n} submissions: " + ", ".join(f"{n} {k}" for k, n in sorted(kinds.items()))
              + f"; cell timeout {args.cell_timeout:g} s")
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
