"""Submissions for the grader's tests, each built from the course's real solution notebooks.

A "student notebook" is what `newslab build` gives students, with every answer cell filled in
from the solution: what a student who got everything right hands in. Each case then changes it
the way a careless or hostile student would. Cases say which status and points they expect.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import nbformat
from nbformat import NotebookNode

from newslab.build import answered_notebook, build_notebook
from newslab.cells import newslab_metadata, role_of
from newslab.checks import exercises
from newslab.checks.core import Exercise

REPO = Path(__file__).resolve().parent.parent
SOLUTIONS = REPO / "solutions"
CLASSMATE = "correct_classmate.ipynb"  # the snooping case's target, in the submissions folder
# The name (comm, at most 15 bytes) the orphan case gives the process it tries to leave behind.
# It names this test process: under `make test` another worker may be grading its own orphan
# case at the same moment, and each checks the machine for its own orphans only.
ORPHAN_NAME = f"orphan-{os.getpid()}"
# Where Python lives: the path components under /root or /home that the kernel needs to see.
PYTHON_PATHS = tuple(os.path.realpath(p) for p in (sys.base_prefix, sys.prefix))
PWNED = (REPO / "GRADER-TEST-PWNED.txt", REPO / "newslab" / "checks" / "GRADER-TEST-PWNED.txt")


def solution_paths() -> list[Path]:
    """Solution notebooks whose exercise is registered, in course order."""
    known = exercises()
    found = []
    for path in sorted(SOLUTIONS.glob("*.ipynb")):
        exercise_id = nbformat.read(path, as_version=4).metadata.get("newslab", {}).get("exercise")
        if exercise_id in known:
            found.append(path)
    return found


def student_notebook(solution: NotebookNode) -> NotebookNode:
    """The exercise notebook with every answer cell holding the solution's answer."""
    return answered_notebook(solution)


def blank_notebook(solution: NotebookNode) -> NotebookNode:
    """What students receive, untouched."""
    return build_notebook(solution)


def index_of(notebook: NotebookNode, kind: str, question: str) -> int:
    for index, cell in enumerate(notebook.cells):
        if role_of(cell) == kind and newslab_metadata(cell).get("question") == question:
            return index
    raise KeyError(f"no {kind} cell for {question}")


def insert(notebook: NotebookNode, index: int, source: str) -> NotebookNode:
    notebook.cells.insert(index, nbformat.v4.new_code_cell(source))
    return notebook


def first_code_index(notebook: NotebookNode) -> int:
    return next(i for i, cell in enumerate(notebook.cells) if cell.cell_type == "code")


@dataclass(frozen=True)
class Case:
    """A submission to build, and what the grader must make of it."""

    file: str
    build: Callable[[], bytes]
    status: str
    points: float | None
    note: str = ""


def as_bytes(notebook: NotebookNode) -> bytes:
    return nbformat.writes(notebook).encode("utf-8")


class Builder:
    """Cases for one primary exercise (`solution`) and one other exercise (`other`)."""

    def __init__(self, solution_path: Path, other_path: Path, submissions: Path,
                 outputs: Path, listener_port: int = 9, repo: Path = REPO) -> None:
        self.solution = nbformat.read(solution_path, as_version=4)
        self.other = nbformat.read(other_path, as_version=4)
        known = exercises()
        self.exercise: Exercise = known[self.solution.metadata["newslab"]["exercise"]]
        self.other_exercise: Exercise = known[self.other.metadata["newslab"]["exercise"]]
        self.submissions, self.outputs = submissions, outputs  # for the snooping case
        self.solution_path = solution_path
        self.listener_port = listener_port  # a TCP listener on 127.0.0.1 the test started
        self.repo = repo  # the course the grader runs from (its solutions must stay unseen)
        self.questions = self.exercise.questions
        automatic = [question for question in self.questions if not question.written]
        self.first, self.last = automatic[0], automatic[-1]

    @property
    def full(self) -> float:
        """Points the checks give a correct notebook (written answers stay pending)."""
        return self.exercise.automatic_max_points

    def good(self) -> NotebookNode:
        return student_notebook(self.solution)

    def before_last_answer(self, source: str) -> bytes:
        """A correct notebook with `source` in a new cell just before the last answer cell."""
        notebook = self.good()
        return as_bytes(insert(notebook, index_of(notebook, "answer", self.last.id), source))

    def with_cell_after_checks(self, source: str) -> bytes:
        notebook = self.good()
        return as_bytes(insert(notebook, len(notebook.cells), source))

    def partly_wrong(self) -> bytes:
        """The last answer wrong (no later cell depends on it)."""
        notebook = self.good()
        cell = notebook.cells[index_of(notebook, "answer", self.last.id)]
        cell.source += f"\n{self.last.variable} = 'certainly not the answer 12345'"
        return as_bytes(notebook)

    def redefined(self) -> bytes:
        """q1 wrong in its cell but fixed after its check; the last right but broken after."""
        notebook = self.good()
        first = notebook.cells[index_of(notebook, "answer", self.first.id)]
        fixed = first.source
        first.source += f"\n{self.first.variable} = 'certainly not the answer 12345'"
        insert(notebook, index_of(notebook, "check", self.first.id) + 1, fixed)
        insert(notebook, index_of(notebook, "check", self.last.id) + 1,
               f"{self.last.variable} = None")
        return as_bytes(notebook)

    def edited_checks(self) -> bytes:
        """Check cells rewritten to print success and spoil the answers; one moved to the top."""
        notebook = self.good()
        for cell in notebook.cells:
            if role_of(cell) == "check":
                variable = self.exercise.question(newslab_metadata(cell)["question"]).variable
                cell.source = f"print('✅ full marks')\n{variable} = None"
        moved = notebook.cells.pop(index_of(notebook, "check", self.last.id))
        notebook.cells.insert(first_code_index(notebook), moved)
        return as_bytes(notebook)

    def deleted_checks(self) -> bytes:
        notebook = self.good()
        notebook.cells = [cell for cell in notebook.cells if role_of(cell) != "check"]
        return as_bytes(notebook)

    def moved_answer(self) -> bytes:
        """The last answer cell deleted; the same code pasted into an ordinary cell at the end."""
        notebook = self.good()
        cell = notebook.cells.pop(index_of(notebook, "answer", self.last.id))
        return as_bytes(insert(notebook, len(notebook.cells), cell.source))

    def patched_checks(self) -> bytes:
        """Blank answers, with every check the kernel can reach patched to always pass."""
        notebook = blank_notebook(self.solution)
        patch = ("import newslab.checks as checks\nimport newslab.checks.core as core\n"
                 "full = core.Result(99, 1, 'Right.')\n"
                 "core.run_check = lambda question, value: full\n"
                 "checks.run_check = core.run_check\n"
                 "checks.grade_answer = lambda *args: full\n"
                 "for exercise in checks.exercises().values():\n"
                 "    for question in exercise.questions:\n"
                 "        object.__setattr__(question, 'check', lambda value: full)\n"
                 "check = lambda *args: print('✅ 1/1 points. Right.')\n")
        return as_bytes(insert(notebook, first_code_index(notebook) + 1, patch))

    def always_equal(self) -> bytes:
        """Every answer an object that claims to equal anything (a plain class, or a str)."""
        notebook = blank_notebook(self.solution)
        classes = ("class Anything:\n    def __eq__(self, other):\n        return True\n"
                   "    __hash__ = object.__hash__\n\n"
                   "class AnyText(str):\n    def __eq__(self, other):\n        return True\n"
                   "    __hash__ = str.__hash__\n")
        insert(notebook, first_code_index(notebook) + 1, classes)
        for number, question in enumerate(self.questions):
            try:
                cell = notebook.cells[index_of(notebook, "answer", question.id)]
            except KeyError:  # a question whose cells the solution does not have (yet)
                continue
            value = "Anything()" if number % 2 == 0 else "AnyText('nonsense')"
            cell.source = f"{question.variable} = {value}"
        return as_bytes(notebook)

    def snooping(self) -> bytes:
        """A correct notebook that tries to read and change the grader's and classmates' files.

        The last line is not guarded, so its error shows in the notes."""
        grades = str(self.outputs / "grades.csv")
        reads = {"read grades": grades, "read classmate": str(self.submissions / CLASSMATE)}
        writes = {"write repo": str(PWNED[0]), "write checks folder": str(PWNED[1]),
                  "write grades": grades, "write classmate": str(self.submissions / CLASSMATE),
                  "write data": "../data/figures.csv"}
        source = f"""
attempts = {{}}
for what, path in {reads!r}.items():
    try:
        attempts[what] = open(path).read()[:100]
    except OSError as error:
        attempts[what] = type(error).__name__
for what, path in {writes!r}.items():
    try:
        with open(path, "a") as handle:
            handle.write("pwned")
        attempts[what] = "written"
    except OSError as error:
        attempts[what] = type(error).__name__
open({grades!r}).read()
"""
        return self.before_last_answer(source)

    def hostile(self) -> list[Case]:
        """Reaching out of the kernel's view: each last line fails, and its error is the note.

        Each is a correct notebook plus one cell before the last answer, so the points are
        full and nothing is gained; the status and the note say the attempt failed."""
        ex, full = self.exercise.id, self.full
        solution = self.repo / "solutions" / self.solution_path.name
        python_homes = {Path(p).parts[2] for p in PYTHON_PATHS
                        if Path(p).parts[1:2] in (("root",), ("home",)) and len(Path(p).parts) > 2}
        cells = {
            "tcp": ("import socket\n"
                    f"socket.create_connection(('127.0.0.1', {self.listener_port}), timeout=3)",
                    "OSError: [Errno 101] Network is unreachable"),
            "dns": ("import socket\nsocket.getaddrinfo('localhost', 80)", "gaierror"),
            "read-solutions": ("import os, newslab\n"  # the checks: where newslab lives
                               "folder = os.path.dirname(newslab.__file__)\n"
                               "source = open(os.path.join(folder, 'checks', 'core.py')).read()\n"
                               f"open({str(solution)!r}).read()",
                               f"No such file or directory: '{solution}'"),
            "read-submissions": (f"import os\nos.listdir({str(self.submissions)!r})",
                                 "No such file or directory"),
            "list-homes": ("import os\nseen = []\nfor folder in ('/home', '/root'):\n"
                           "    try:\n        seen += os.listdir(folder)\n"
                           "    except OSError:\n        pass\n"
                           f"extra = sorted(set(seen) - {python_homes!r})\n"
                           "raise LookupError(f'home folders seen: {extra}')",
                           "LookupError: home folders seen: []"),
            "processes": ("import os\n"
                          "others = [int(p) for p in os.listdir('/proc')\n"
                          "          if p.isdigit() and int(p) != os.getpid()]\n"
                          "reachable = []\nfor pid in others:\n    try:\n"
                          "        os.kill(pid, 0)\n        reachable.append(pid)\n"
                          "    except OSError:\n        pass\n"
                          "raise LookupError(f'{len(others)} other processes, "
                          "{len(reachable)} reachable')",
                          "LookupError: 0 other processes, 0 reachable"),
            "write-outside": ("import os, sys\nwritten = []\n"
                              "for path in ('/pwned', '/usr/pwned', sys.prefix + '/pwned',\n"
                              "             '../../pwned', '../data/pwned'):\n"
                              "    try:\n        open(path, 'w').close()\n"
                              "        written.append(path)\n    except OSError:\n"
                              "        pass\n"
                              "raise LookupError(f'written outside: {written}')",
                              "LookupError: written outside: []"),
            "orphan": ("import ctypes, os, time\nif os.fork() == 0:\n    os.setsid()\n"
                       "    if os.fork() == 0:\n"
                       f"        ctypes.CDLL(None).prctl(15, {ORPHAN_NAME.encode()!r}, 0, 0, 0)\n"
                       "        time.sleep(120)\n    os._exit(0)\n"
                       "time.sleep(0.2)\nraise LookupError('forked')", "LookupError: forked"),
        }
        return [Case(f"hostile-{name}_{ex}.ipynb",
                     lambda source=source: self.before_last_answer(source), "graded", full, note)
                for name, (source, note) in cells.items()]

    def v3(self) -> bytes:
        return nbformat.writes(nbformat.convert(self.good(), 3)).encode("utf-8")

    def other_exercise_named_as_this(self) -> bytes:
        return as_bytes(student_notebook(self.other))

    def mismatched(self) -> bytes:
        """The other exercise's cells under this exercise's id in the metadata."""
        notebook = student_notebook(self.other)
        notebook.metadata["newslab"] = {"exercise": self.exercise.id}
        return as_bytes(notebook)

    def lesson(self) -> bytes:
        notebook = nbformat.v4.new_notebook()
        notebook.cells = [nbformat.v4.new_markdown_cell("# A lesson"),
                          nbformat.v4.new_code_cell("x = 1")]
        return as_bytes(notebook)

    def cases(self) -> list[Case]:
        ex, full = self.exercise.id, self.full
        short = full - self.last.max_points
        loop = "while True:\n    pass"
        swallow = ("while True:\n    try:\n        while True:\n            pass\n"
                   "    except KeyboardInterrupt:\n        pass")
        return [
            Case(f"correct_{ex}.ipynb", lambda: as_bytes(self.good()), "graded", full),
            Case(f"wrong_{ex}.ipynb", self.partly_wrong, "graded", short),
            Case(f"blank_{ex}.ipynb", lambda: as_bytes(blank_notebook(self.solution)), "graded",
                 0, "Not attempted yet"),
            Case(f"loop_{ex}.ipynb", lambda: self.before_last_answer(loop), "timed out", short,
                 "ran longer than"),
            Case(f"swallow_{ex}.ipynb", lambda: self.before_last_answer(swallow), "timed out",
                 short, "ran longer than"),
            Case(f"sysexit_{ex}.ipynb", lambda: self.before_last_answer("import sys\nsys.exit()"),
                 "graded", full, "SystemExit"),
            Case(f"osexit_{ex}.ipynb", lambda: self.before_last_answer("import os\nos._exit(3)"),
                 "crashed", short, "exit code 3"),
            Case(f"segfault_{ex}.ipynb",
                 lambda: self.before_last_answer("import ctypes\nctypes.string_at(0)"),
                 "crashed", short, "kernel stopped"),
            Case(f"firstcell_{ex}.ipynb", self.first_cell_error, "graded", full,
                 "ZeroDivisionError"),
            Case(f"memory_{ex}.ipynb", lambda: self.before_last_answer(
                "blocks = []\ntry:\n    while True:\n        blocks.append(bytearray(100 * 2**20))"
                "\nfinally:\n    blocks.clear()"),
                "graded", full, "MemoryError"),
            Case(f"printing_{ex}.ipynb", lambda: self.before_last_answer(
                "print('x' * 3_000_000)\nfor i in range(20_000):\n    print(i, 'line of output')"),
                "graded", full),
            Case(f"patched_{ex}.ipynb", self.patched_checks, "graded", 0),
            Case(f"always-equal_{ex}.ipynb", self.always_equal, "graded", 0),
            Case(f"redefined_{ex}.ipynb", self.redefined, "graded",
                 full - self.first.max_points),
            Case(f"edited-checks_{ex}.ipynb", self.edited_checks, "graded", full),
            Case(f"deleted-checks_{ex}.ipynb", self.deleted_checks, "graded", full),
            Case(f"moved-answer_{ex}.ipynb", self.moved_answer, "graded", full,
                 "answer cell of"),
            Case(f"snooping_{ex}.ipynb", self.snooping, "graded", full),
            Case("empty.ipynb", lambda: b"", "invalid notebook", None, "empty"),
            Case("broken.ipynb", lambda: as_bytes(self.good())[:-200], "invalid notebook", None,
                 "not valid notebook JSON"),
            Case("essay.docx", lambda: b"PK\x03\x04 not a notebook", "not a notebook", None),
            Case("list.ipynb", lambda: b"[1, 2, 3]", "not a notebook", None),
            Case(f"old-format_{ex}.ipynb", self.v3, "graded", full),
            Case(f"other_{ex}.ipynb", self.other_exercise_named_as_this, "graded",
                 self.other_exercise.automatic_max_points, "file name suggests"),
            Case(f"mismatch_{ex}.ipynb", self.mismatched, "unknown exercise", None,
                 "do not belong"),
            Case("lesson.ipynb", self.lesson, "unknown exercise", None, "does not say"),
            *self.hostile(),
        ]

    def first_cell_error(self) -> bytes:
        notebook = self.good()
        return as_bytes(insert(notebook, first_code_index(notebook), "1 / 0"))

    def duplicates(self) -> dict[str, bytes]:
        """Two files for one student (folder layout) and exercise: blank, then correct."""
        ex = self.exercise.id
        return {f"twice/{ex}.ipynb": as_bytes(blank_notebook(self.solution)),
                f"twice/{ex} (1).ipynb": as_bytes(self.good()),
                CLASSMATE: as_bytes(self.good())}


# --- the final assignment: the student's own article, pasted into the notebook --------------

FINAL = SOLUTIONS / "07_final_assignment.ipynb"
# Invented for the tests: Brimwick and everyone named here are fictional.
NO_FIGURES_TEXT = ("PRACTICE ARTICLE: invented for the tests. Brimwick and everyone named here are "
                   "fictional.\n\nBrimwick's Eastgate library will stay open, the council said "
                   "on Tuesday.\n\nLibrarians welcomed the decision, according to a statement "
                   "from their union.\n\nThe council reportedly found the money in its roads "
                   "budget.")
PASTED_HTML = ("<!DOCTYPE html><html><head><title>Libraries</title></head><body>"
               "<div class=\"story\"><p>Brimwick's council will close two of its five public "
               "libraries.</p>"
               "<p>More than 3,000 residents have signed a petition.</p></div></body></html>")


def final_answer(notebook: NotebookNode, question: str, source: str) -> NotebookNode:
    """Replace the student's answer cell of `question` with `source`."""
    notebook.cells[index_of(notebook, "answer", question)].source = source
    return notebook


def final_assignment_cases() -> list[Case]:
    """Submissions of the final assignment, each graded to exact points (written answers pending).

    A good one; one whose figures table quotes words that are not in its pasted text; one on an
    article with no figures (not an error); pasted HTML; and one that reads a file instead of
    pasting the text."""
    solution = nbformat.read(FINAL, as_version=4)
    exercise = exercises()[solution.metadata["newslab"]["exercise"]]
    ex, full = exercise.id, exercise.automatic_max_points
    provenance_only = exercise.question("q2").max_points

    def good() -> NotebookNode:
        return student_notebook(solution)

    def quotes_not_in_text() -> bytes:
        notebook = good()
        cell = notebook.cells[index_of(notebook, "answer", "q4")]
        cell.source += ('\nfigures.loc[figures["figure_id"] == "F4", "quote"] = '
                        '"More than 3,000 residents have signed a petition, the mayor said"')
        return as_bytes(notebook)

    def no_figures() -> bytes:
        notebook = final_answer(good(), "q1", f"article_text = {NO_FIGURES_TEXT!r}")
        final_answer(notebook, "q3", 'furniture = {1: "practice_notice"}')
        return as_bytes(final_answer(notebook, "q4", "figures = my_figures"))

    def pasted_html() -> bytes:
        return as_bytes(final_answer(good(), "q1", f"article_text = {PASTED_HTML!r}"))

    def reads_a_file() -> bytes:
        return as_bytes(final_answer(good(), "q1", "article_text = open('my_article.txt').read()"))

    return [
        Case(f"final-good_{ex}.ipynb", lambda: as_bytes(good()), "graded", full,
             "Your 6 figure(s) agree with your text"),
        Case(f"final-quotes_{ex}.ipynb", quotes_not_in_text, "graded", full - 1,
             "In row 4 (p04s1), the quote does not occur in your text"),
        Case(f"final-nofigures_{ex}.ipynb", no_figures, "graded", full,
             "Your article has no figures, and your table says so"),
        Case(f"final-html_{ex}.ipynb", pasted_html, "graded", provenance_only,
             "the text you pasted looks like an HTML page (it has tags such as <p> or <div>)"),
        Case(f"final-file_{ex}.ipynb", reads_a_file, "graded", provenance_only,
             "Paste the text into its answer cell instead"),
    ]
