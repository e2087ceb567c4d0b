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

    .venv/bin/python benchmarks/lesson_load.py --cells           # new features, cell by cell

`--cells` lists every code cell that uses something for the first time, with what it introduces
and which of those the markdown before it does not name (docs/AUTHORING.md, "One step per idea":
at most two new features a cell, each named in backticks in the markdown since the last ordinary
code cell). tests/test_lesson_steps.py holds the lessons to that rule.
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
    ast.ImportFrom: "import", ast.BoolOp: "and/or", ast.BinOp: "operator",
    ast.Compare: "comparison", ast.Starred: "*unpacking",
}
OPERATORS = {  # operator node type -> how it is written
    "Add": "+", "Sub": "-", "Mult": "*", "Div": "/", "FloorDiv": "//", "Mod": "%", "Pow": "**",
    "BitAnd": "&", "BitOr": "|", "BitXor": "^", "Invert": "~", "Not": "not", "USub": "-",
    "UAdd": "+", "Eq": "==", "NotEq": "!=", "Lt": "<", "LtE": "<=", "Gt": ">", "GtE": ">=",
    "Is": "is", "IsNot": "is not", "In": "in", "NotIn": "not in",
}
SYNTAX_NAMES = {  # syntax -> a pattern the markdown before its first use must contain
    "def": r"`def\b", "return": r"`return\b", "for loop": r"`for\b", "if": r"`if\b",
    "list comprehension": r"list comprehension", "dict comprehension": r"dictionary comprehension",
    "f-string": r"f-string", "slice [a:b]": r"slic|`[^`]*\[[^`\]]*:[^`\]]*\][^`]*`",
    "lambda": r"`lambda\b", "with": r"`with\b", "dict literal": r"dictionar", "tuple": r"tuple",
    "import": r"`import\b", "and/or": r"`(and|or)`", "*unpacking": r"`\*",
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


def features(source: str, defined: set[str] | None = None) -> list[str]:
    """Functions and methods called, and syntax used, in one code cell (in order of appearance).

    Calls to functions the course itself defined with `def` (names in `defined`, or defined in
    this cell) are not new: the `def` was. The cell's own `def` names are added to `defined`.
    """
    lines = [line for line in source.splitlines() if not line.lstrip().startswith(("%", "!"))]
    try:
        tree = ast.parse("\n".join(lines))
    except SyntaxError:
        return []
    defined = set() if defined is None else defined
    defined.update(node.name for node in ast.walk(tree) if isinstance(node, ast.FunctionDef))
    found: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            func = node.func
            if isinstance(func, ast.Attribute):
                found.append(f".{func.attr}()")
            elif isinstance(func, ast.Name) and func.id not in defined:
                found.append(f"{func.id}()")
        elif isinstance(node, ast.BinOp | ast.UnaryOp):
            name = type(node.op).__name__
            found.append(f"operator {OPERATORS.get(name, name)}")
        elif isinstance(node, ast.Compare):
            found += [f"comparison {OPERATORS[type(op).__name__]}" for op in node.ops]
        elif type(node) in SYNTAX:
            found.append(SYNTAX[type(node)])
    return list(dict.fromkeys(found))


def is_named(feature: str, markdown: str) -> bool:
    """Whether `markdown` names `feature`: a function by its name in backticks (`split`,
    `.str.split()`), an operator by its symbol in backticks, other syntax by its name."""
    spans = re.findall(r"`([^`]+)`", markdown)
    if feature.endswith("()"):
        name = feature.strip(".()")
        return any(re.search(rf"(?<![\w]){re.escape(name)}(?![\w])", span) for span in spans)
    if feature.startswith(("operator ", "comparison ")):
        symbol = feature.split(" ", 1)[1]
        pattern = re.escape(symbol)
        if symbol[0].isalpha():  # a word: `is`, `in`, `not in`
            pattern = rf"(?<![\w]){pattern}(?![\w])"
        return any(re.search(pattern, span) for span in spans)
    return bool(re.search(SYNTAX_NAMES[feature], markdown, re.IGNORECASE))


@dataclass
class CellStep:
    """One code cell that uses something for the first time in the course."""

    lesson: str
    cell: int  # index in the notebook, from 0
    new_features: list[str]
    unnamed: list[str]  # new features the markdown before the cell does not name


def is_worked_answer(cell: nbformat.NotebookNode) -> bool:
    return cell.get("metadata", {}).get("newslab", {}).get("role") == "worked_answer"


def is_task(cell: nbformat.NotebookNode) -> bool:
    return cell.get("metadata", {}).get("newslab", {}).get("role") == "task"


def steps(paths: list[Path]) -> list[CellStep]:
    """Every code cell, lessons taken in order, that introduces a feature, with what it introduces.

    The markdown "before" a cell is every markdown cell since the last ordinary code cell, so a
    task cell and its worked answer are both read against the "Your turn" prompt before them.
    """
    seen: set[str] = set()
    defined: set[str] = set()
    found = []
    for path in paths:
        before: list[str] = []
        for index, cell in enumerate(nbformat.read(path, as_version=4).cells):
            if cell.cell_type == "markdown":
                before.append(cell.source)
                continue
            if cell.cell_type != "code":
                continue
            new = [feature for feature in features(cell.source, defined) if feature not in seen]
            seen.update(new)
            if new:
                text = "\n".join(before)
                found.append(CellStep(path.stem, index, new,
                                      [feature for feature in new if not is_named(feature, text)]))
            if not (is_task(cell) or is_worked_answer(cell)):
                before = []
    return found


def markdown_words(text: str) -> int:
    """Words a student reads: markdown without link targets."""
    text = re.sub(r"\]\([^)]*\)", "]", text)
    return len(re.findall(r"\w+", text))


def measure(paths: list[Path]) -> list[Load]:
    """The load of each lesson, counting a feature as new only in the first lesson using it."""
    introduced = steps(paths)
    loads = []
    for path in paths:
        notebook = nbformat.read(path, as_version=4)
        code = [cell for cell in notebook.cells
                if cell.cell_type == "code" and cell.source.strip() and not is_worked_answer(cell)]
        new = [feature for step in introduced if step.lesson == path.stem
               for feature in step.new_features]
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
    parser.add_argument("--cells", action="store_true",
                        help="list, cell by cell, what each code cell introduces")
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
    if args.cells:
        print("\nnew features per code cell (cell numbers from 0; '!' more than two, "
              "'unnamed' not named in the markdown before it)")
        for step in steps(paths):
            flag = "!" if len(step.new_features) > 2 else " "
            unnamed = f"  unnamed: {', '.join(step.unnamed)}" if step.unnamed else ""
            print(f"{flag} {step.lesson} c{step.cell}: {', '.join(step.new_features)}{unnamed}")
    print(f"\nminutes = words/{WORDS_PER_MINUTE} + {MINUTES_PER_CODE_CELL:g} per code cell + "
          f"{MINUTES_PER_TASK:g} per task + {MINUTES_PER_NEW_FEATURE:g} per new function or "
          "syntax, rounded up to 5")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
