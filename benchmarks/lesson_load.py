"""Print each lesson's load for a student and the minutes it needs, from the notebook itself.

    .venv/bin/python benchmarks/lesson_load.py                   # the lessons in notebooks/
    .venv/bin/python benchmarks/lesson_load.py --folder /some/clone/notebooks

Per lesson: code cells a student runs (hidden worked answers not counted), new functions or
syntax (first use in the course, lessons taken in order), words of text to read, "Your turn"
tasks, and the estimated minutes of teaching:

    words / 200 words a minute
    + 1 minute per code cell (read it, run it, read what it shows)
    + 4 minutes per task (try, look at the worked answer if stuck)
    + 0.5 minute per new function or piece of syntax (its explanation, on top of its cell)

The allowances are stated, not measured on students: INSTRUCTORS.md prints this method, and a
first class should time itself and adjust them. Not a test: read the figures.
"""

from __future__ import annotations

import argparse
import ast
import math
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parent.parent
WORDS_PER_MINUTE = 200
MINUTES_PER_CODE_CELL = 1.0
MINUTES_PER_TASK = 4.0
MINUTES_PER_NEW_FEATURE = 0.5
YOUR_TURN = "**Your turn:**"
SYNTAX = {  # node type -> what a student sees
    ast.FunctionDef: "def", ast.Return: "return", ast.For: "for loop", ast.If: "if",
    ast.ListComp: "list comprehension", ast.DictComp: "dict comprehension",
    ast.JoinedStr: "f-string", ast.Slice: "slice [a:b]", ast.Lambda: "lambda",
    ast.With: "with", ast.Dict: "dict literal", ast.Tuple: "tuple", ast.Import: "import",
    ast.ImportFrom: "from ... import", ast.BoolOp: "and/or", ast.BinOp: "operator",
    ast.Compare: "comparison", ast.UnaryOp: "unary operator", ast.Starred: "*unpacking",
}


@dataclass
class Load:
    """What one lesson asks of a student."""

    name: str
    code_cells: int
    new_features: list[str]
    words: int
    tasks: int

    @property
    def minutes(self) -> int:
        """Estimated minutes of teaching, rounded up to the next 5."""
        raw = (self.words / WORDS_PER_MINUTE + self.code_cells * MINUTES_PER_CODE_CELL
               + self.tasks * MINUTES_PER_TASK + len(self.new_features) * MINUTES_PER_NEW_FEATURE)
        return int(math.ceil(raw / 5) * 5)


def features(source: str) -> list[str]:
    """Functions and methods called, and syntax used, in one code cell (in order of appearance)."""
    lines = [line for line in source.splitlines() if not line.lstrip().startswith(("%", "!"))]
    try:
        tree = ast.parse("\n".join(lines))
    except SyntaxError:
        return []
    found: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            func = node.func
            if isinstance(func, ast.Attribute):
                found.append(f".{func.attr}()")
            elif isinstance(func, ast.Name):
                found.append(f"{func.id}()")
        elif isinstance(node, ast.BinOp):
            found.append(f"operator {type(node.op).__name__}")
        elif isinstance(node, ast.Compare):
            found += [f"comparison {type(op).__name__}" for op in node.ops]
        elif type(node) in SYNTAX:
            found.append(SYNTAX[type(node)])
    return list(dict.fromkeys(found))


def is_worked_answer(cell: nbformat.NotebookNode) -> bool:
    return cell.get("metadata", {}).get("newslab", {}).get("role") == "worked_answer"


def markdown_words(text: str) -> int:
    """Words a student reads: markdown without link targets."""
    text = re.sub(r"\]\([^)]*\)", "]", text)
    return len(re.findall(r"\w+", text))


def measure(paths: list[Path]) -> list[Load]:
    """The load of each lesson, counting a feature as new only in the first lesson using it."""
    seen: set[str] = set()
    loads = []
    for path in paths:
        notebook = nbformat.read(path, as_version=4)
        code = [cell for cell in notebook.cells
                if cell.cell_type == "code" and cell.source.strip() and not is_worked_answer(cell)]
        new: list[str] = []
        for cell in notebook.cells:
            if cell.cell_type == "code":
                for feature in features(cell.source):
                    if feature not in seen:
                        seen.add(feature)
                        new.append(feature)
        text = [cell.source for cell in notebook.cells if cell.cell_type == "markdown"]
        loads.append(Load(path.stem, len(code), new, sum(markdown_words(t) for t in text),
                          sum(t.count(YOUR_TURN) for t in text)))
    return loads


def stated_minutes(path: Path) -> str:
    """The teaching time the lesson's header states, e.g. '40', or '?'."""
    first = nbformat.read(path, as_version=4).cells[0].source
    match = re.search(r"\*\*Time:\*\*\s*(\d+) min teaching", first)
    return match.group(1) if match else "?"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--folder", type=Path, default=ROOT / "notebooks",
                        help="the folder of lesson notebooks (default: notebooks/)")
    parser.add_argument("--features", action="store_true", help="list each lesson's new features")
    args = parser.parse_args(argv)
    paths = sorted(args.folder.glob("[0-9][0-9]*_*.ipynb"))
    if not paths:
        print(f"No lesson notebooks (NN_slug.ipynb) in {args.folder}.", file=sys.stderr)
        return 1
    print(f"{'lesson':<38} {'code':>5} {'new':>4} {'words':>6} {'tasks':>6} "
          f"{'minutes':>8} {'stated':>7}")
    for load, path in zip(measure(paths), paths, strict=True):
        print(f"{load.name:<38} {load.code_cells:>5} {len(load.new_features):>4} "
              f"{load.words:>6} {load.tasks:>6} {load.minutes:>8} {stated_minutes(path):>7}")
        if args.features:
            print("    " + ", ".join(load.new_features))
    print(f"\nminutes = words/{WORDS_PER_MINUTE} + {MINUTES_PER_CODE_CELL:g} per code cell + "
          f"{MINUTES_PER_TASK:g} per task + {MINUTES_PER_NEW_FEATURE:g} per new function or "
          "syntax, rounded up to 5")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
