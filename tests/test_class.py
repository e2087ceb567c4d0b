"""Running a graded class, end to end: the student edition, grading what students hand in from
it with the course's grader, the class report (numbers, Chromium, axe-core) and the LMS files.

Expensive steps are module fixtures, each done once: the edition (about 1 s), its `make lab`
set-up and the lessons run there, one grading run of six submissions.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import shutil
import subprocess
import sys
import sysconfig
import textwrap
import zipfile
from collections import Counter
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import nbformat
import pytest
from axe import axe_violations
from conftest import REPO
from grading_cases import solution_paths

from newslab.build import answered_notebook
from newslab.cells import solution_blocks
from newslab.grading.cli import main as grade_main
from newslab.release import MANIFEST, ReleaseError, release, student_makefile

EDITION_REPO = "https://github.com/example/news-class"
TOP_LEVEL = {".git", ".gitignore", MANIFEST, "LICENSE", "LICENSE-CONTENT", "Makefile",
             "README.md", "constraints.txt", "data", "exercises", "jupyter", "newslab",
             "notebooks", "postBuild", "pyproject.toml", "requirements.txt", "runtime.txt"}
FIRST, SECOND = (nbformat.read(path, as_version=4) for path in solution_paths()[:2])
FIRST_ID, SECOND_ID = (notebook.metadata["newslab"]["exercise"] for notebook in (FIRST, SECOND))


def git(folder: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(folder), *args], check=True, capture_output=True,
                          text=True).stdout


@pytest.fixture(scope="module")
def edition(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("edition") / "news-class"
    assert release(out, EDITION_REPO).commit is not None
    return out


# --- what is in the student edition ------------------------------------------------------------

def test_the_edition_holds_what_students_need_and_nothing_for_instructors(edition: Path) -> None:
    assert {entry.name for entry in edition.iterdir()} == TOP_LEVEL
    names = {path.name for path in (edition / "exercises").glob("*.ipynb")}
    assert names == {path.name for path in (REPO / "exercises").glob("*.ipynb")}
    assert "07_final_assignment.ipynb" in names  # the final assignment; its solution is not
    assert not list(edition.rglob("__pycache__"))
    for absent in ("solutions", "tests", "benchmarks", "tools", "docs", "INSTRUCTORS.md",
                   "requirements-test.txt", ".ci", "package.json"):
        assert not (edition / absent).exists(), absent


def normalised_lines(text: str) -> str:
    return "\n".join(line.strip() for line in text.split("\n") if line.strip())


def marked_blocks() -> list[tuple[str, str]]:
    """(where, code) of every block between the solution markers in solutions/."""
    return [(f"{path.name} cell {number}", normalised_lines(textwrap.dedent("\n".join(block))))
            for path in sorted((REPO / "solutions").glob("*.ipynb"))
            for number, cell in enumerate(nbformat.read(path, as_version=4).cells, 1)
            for block in solution_blocks(cell.source)]


def searchable_text(path: Path) -> str:
    """A file's text; for a notebook, its cells' sources and text outputs as well."""
    text = path.read_bytes().decode("utf-8", errors="replace")
    if path.suffix == ".ipynb":
        notebook = nbformat.reads(text, as_version=4)
        parts = [cell.source for cell in notebook.cells]
        parts += [str(output.get("text", "")) + json.dumps(output.get("data", {}))
                  for cell in notebook.cells for output in cell.get("outputs", [])]
        text += "\n" + "\n".join(parts)
    return normalised_lines(text)


# Answers the course itself teaches: exercise 01 q1's one line is worked in lessons 01-03 and
# in exercise 02's setup cell. Known and listed, so any other answer that appears fails.
TAUGHT = {"01_the_article_as_a_source.ipynb cell 7": 'story = sentences[sentences["is_story"]]'}


def test_no_solution_code_of_any_exercise_is_in_any_file(edition: Path) -> None:
    blocks = marked_blocks()
    assert len(blocks) >= 20, "the solutions should hold many answer blocks"
    for where, block in TAUGHT.items():
        assert (where, block) in blocks
    texts = {str(path.relative_to(edition)): searchable_text(path)
             for path in sorted(edition.rglob("*")) if path.is_file() and ".git" not in path.parts}
    found = [(where, name) for where, block in blocks for name, text in texts.items()
             if block in text and TAUGHT.get(where) != block]
    assert found == []
    # The search itself works: every block is found in the course's own solutions.
    course = "\n".join(searchable_text(path) for path in (REPO / "solutions").glob("*.ipynb"))
    assert all(block in course for _, block in blocks)


def test_the_edition_is_one_commit_with_a_readme_and_a_launch_badge(edition: Path) -> None:
    assert len(git(edition, "log", "--oneline").splitlines()) == 1
    assert git(edition, "status", "--porcelain") == ""
    readme = (edition / "README.md").read_text()
    assert "https://mybinder.org/v2/gh/example/news-class/main?urlpath=lab/tree/notebooks" in readme
    assert "| 00 | Start here |" in readme
    assert "newslab/checks/" in readme and "solutions" not in readme


def test_the_student_makefile_keeps_the_course_rules_for_make_lab(edition: Path) -> None:
    course = (REPO / "Makefile").read_text()
    student = (edition / "Makefile").read_text()
    assert student == student_makefile(course)
    for rule in ("venv: $(RUNTIME_STAMP)", "$(RUNTIME_STAMP): $(VENV)/bin/python", "lab: venv"):
        block = course[course.index(rule):].split("\n\n")[0]
        assert block in student
    for absent in ("test:", "grade:", "lock:", "pytest", "solutions"):
        assert absent not in student


def copy_of_course(destination: Path) -> Path:
    """The course's released files in a plain folder (not a clone), to change them freely."""
    ignored = shutil.ignore_patterns("__pycache__", ".ipynb_checkpoints")
    for name in ("notebooks", "exercises", "data", "newslab", "jupyter"):
        shutil.copytree(REPO / name, destination / name, ignore=ignored)
    for name in ("requirements.txt", "constraints.txt", "runtime.txt", "postBuild",
                 "pyproject.toml", "LICENSE", "LICENSE-CONTENT", "README.md", "Makefile"):
        (destination / name).write_bytes((REPO / name).read_bytes())
    return destination


def test_a_second_run_commits_the_update_and_keeps_files_it_did_not_make(tmp_path: Path) -> None:
    course = copy_of_course(tmp_path / "course")
    out = tmp_path / "edition"
    release(out, None, root=course)
    (out / "notebooks" / "my_notes.ipynb").write_text("{}")
    (out / "announcements.md").write_text("Exam on Friday\n")
    git(out, "add", "announcements.md")
    git(out, "-c", "user.name=I", "-c", "user.email=i@x", "commit", "-qm", "Announce")
    (course / "data" / "practice_claims.csv").unlink()
    (course / "notebooks" / "07_more.ipynb").write_text("{}")
    outcome = release(out, None, root=course)
    assert outcome.commit is not None
    assert outcome.removed == ["data/practice_claims.csv"]
    assert "notebooks/07_more.ipynb" in outcome.written
    assert (out / "notebooks" / "my_notes.ipynb").read_text() == "{}"
    assert (out / "announcements.md").exists()
    assert len(git(out, "log", "--oneline").splitlines()) == 3
    assert git(out, "status", "--porcelain") == "?? notebooks/my_notes.ipynb\n"
    assert release(out, None, root=course).commit is None  # nothing changed: no commit


def test_release_refuses_folders_it_could_damage(tmp_path: Path) -> None:
    (tmp_path / "theirs.txt").write_text("mine")
    with pytest.raises(ReleaseError, match="not empty and was not made by"):
        release(tmp_path)
    assert (tmp_path / "theirs.txt").read_text() == "mine"
    with pytest.raises(ReleaseError, match="inside the course repository"):
        release(REPO / "build" / "edition")
    with pytest.raises(ReleaseError, match="not on GitHub"):
        release(tmp_path / "new", "https://gitlab.com/a/b")


# --- make lab's set-up in the edition, and its lessons -------------------------------------------

@pytest.fixture(scope="module")
def edition_venv(edition: Path) -> Path:
    """`make venv` in the edition. The venv sees the course's installed packages (a .pth file),
    so pip finds every pin satisfied and only installs the edition's own `newslab`; the install
    from the package index itself is tested by tests/test_binder.py."""
    venv = edition / ".venv"
    # --without-pip: pip too comes from the course's packages (saves ensurepip's seconds).
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    site = next((venv / "lib").glob("python3*/site-packages"))
    (site / "course-packages.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    done = subprocess.run(["make", "-C", str(edition), "venv"], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    return venv


def test_make_lab_sets_up_the_edition_and_would_open_the_first_lesson(edition: Path,
                                                                      edition_venv: Path) -> None:
    found = subprocess.run([str(edition_venv / "bin" / "python"), "-c",
                            "import newslab; print(newslab.__file__)"],
                           capture_output=True, text=True, check=True, cwd="/")
    assert found.stdout.strip() == str(edition / "newslab" / "__init__.py")
    assert (edition_venv / "share/jupyter/lab/settings/overrides.json").is_file()
    shown = subprocess.run(["make", "-C", str(edition), "lab", "JUPYTER=echo"],
                           capture_output=True, text=True, check=True).stdout
    assert "--ip=127.0.0.1" in shown and "notebooks/00_start_here.ipynb" in shown
    assert git(edition, "status", "--porcelain") == ""  # .venv is ignored


RUN_LESSONS = """
import sys
from pathlib import Path
import nbformat
from nbclient import NotebookClient
for name in sys.argv[1:]:
    path = Path(name)
    for attempt in (1, 2):
        notebook = nbformat.read(path, as_version=4)
        try:
            NotebookClient(notebook, timeout=300, kernel_name="python3",
                           resources={"metadata": {"path": str(path.parent)}}).execute()
            break
        except RuntimeError as error:
            # jupyter_client picks free ports and the kernel binds them later: another process
            # may take one in between, and the kernel dies at start ("Address already in use").
            # A second start gets new ports; a kernel that cannot start fails both times.
            if attempt == 2 or "before replying to kernel_info" not in str(error):
                raise
            print("kernel start failed, once:", error, file=sys.stderr, flush=True)
    print("ran", path.name, flush=True)
"""


def test_every_lesson_runs_in_the_edition(edition: Path, edition_venv: Path) -> None:
    """The lessons, run by the edition's Python in two processes side by side (two cores)."""
    lessons = sorted(f"notebooks/{path.name}" for path in (edition / "notebooks").glob("*.ipynb"))
    runs = [subprocess.Popen([str(edition_venv / "bin" / "python"), "-c", RUN_LESSONS, *half],
                             cwd=edition, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             text=True) for half in (lessons[0::2], lessons[1::2])]
    ran = []
    for run in runs:
        stdout, stderr = run.communicate(timeout=900)
        assert run.returncode == 0, stdout + stderr[-3000:]
        ran += stdout.split()[1::2]
    assert sorted(ran) == sorted(Path(name).name for name in lessons)


# --- grading what students hand in from the edition ----------------------------------------------

def answered(edition: Path, solution: nbformat.NotebookNode, wrong: bool = False
             ) -> nbformat.NotebookNode:
    """The edition's exercise notebook with the solution's answers typed in (or left blank)."""
    exercise_id = solution.metadata["newslab"]["exercise"]
    notebook = nbformat.read(edition / "exercises" / f"{exercise_id}.ipynb", as_version=4)
    return notebook if wrong else answered_notebook(solution, notebook)


CANVAS_ROSTER = ("Student,ID,SIS User ID,SIS Login ID,Section\n"
                 "    Points Possible,,,,\n"
                 "\"Smith, Jane\",12345,S001,jsmith,A\n"
                 "\"Ngata, Zoë\",4321,S002,zngata,A\n"
                 "\"Okafor, Chidi\",999,S003,cokafor,A\n")


@dataclass
class Graded:
    out: Path
    printed: str
    code: int


@pytest.fixture(scope="module")
def graded(edition: Path, tmp_path_factory: pytest.TempPathFactory) -> Graded:
    root = tmp_path_factory.mktemp("class")
    subs = root / "submissions"
    subs.mkdir(mode=0o700)
    files = {f"smithjane_12345_678901_{FIRST_ID}.ipynb": answered(edition, FIRST),
             f"smithjane_LATE_12345_678902_{FIRST_ID}.ipynb": answered(edition, FIRST, True),
             f"smithjane_12345_678905_{SECOND_ID}.ipynb": answered(edition, SECOND),
             f"ngatazoe_4321_678903_{FIRST_ID}.ipynb": answered(edition, FIRST, True),
             f"ghost_777_678904_{FIRST_ID}.ipynb": answered(edition, FIRST)}
    for name, notebook in files.items():
        nbformat.write(notebook, subs / name)
    (subs / "ngatazoe_4321_678906_essay.pdf").write_bytes(b"%PDF-1.4")
    (root / "roster.csv").write_text(CANVAS_ROSTER, encoding="utf-8")
    # The instructor's round trip: grade, mark every written answer in full, grade with the marks.
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        assert grade_main([str(subs), "--out", str(root / "first"), "--jobs", "2",
                           "--cell-timeout", "30"]) == 0
    marks = root / "marks.csv"
    with marks.open("w", encoding="utf-8", newline="") as file:
        writer = csv.writer(file)
        writer.writerow(["student", "exercise", "question", "points", "comment"])
        for row in read_csv(root / "first" / "written.csv"):
            writer.writerow([row["student"], row["exercise"], row["question"],
                             row["max_points"], "Clear and sourced."])
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed), contextlib.redirect_stderr(io.StringIO()):
        code = grade_main([str(subs), "--out", str(root / "out"), "--jobs", "2",
                           "--cell-timeout", "30", "--roster", str(root / "roster.csv"),
                           "--lms", "canvas", "--marks", str(marks)])
    return Graded(root / "out", printed.getvalue(), code)


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as file:
        return list(csv.DictReader(file))


def test_submissions_from_the_edition_are_graded_by_the_course_grader(graded: Graded) -> None:
    assert graded.code == 0, graded.printed
    rows = {(row["student"], row["exercise"]): row for row in read_csv(graded.out / "grades.csv")}
    first = rows[("smithjane_12345", FIRST_ID)]
    assert first["status"] == "duplicate" and first["points"] == first["max_points"]
    assert rows[("smithjane_12345", SECOND_ID)]["status"] == "graded"
    assert rows[("smithjane_12345", SECOND_ID)]["points"] == \
        rows[("smithjane_12345", SECOND_ID)]["max_points"]
    assert rows[("ngatazoe_4321", FIRST_ID)]["points"] == "0"
    assert rows[("ngatazoe_4321", "")]["status"] == "not a notebook"
    assert not any("older version" in row["note"] for row in rows.values())


def test_the_lms_import_file_and_its_problems(graded: Graded) -> None:
    full = {row["exercise"]: row["max_points"] for row in read_csv(graded.out / "grades.csv")}
    assert (graded.out / "lms_import.csv").read_text() == (
        f"Student,ID,SIS User ID,SIS Login ID,Section,{FIRST_ID},{SECOND_ID}\n"
        f"Points Possible,,,,,{full[FIRST_ID]},{full[SECOND_ID]}\n"
        f"\"Smith, Jane\",12345,S001,jsmith,A,,{full[SECOND_ID]}\n"
        "\"Ngata, Zoë\",4321,S002,zngata,A,0,\n"
        "\"Okafor, Chidi\",999,S003,cokafor,A,,\n")
    problems = (graded.out / "lms_problems.txt").read_text()
    assert "Submission `ghost_777` matches no roster row" in problems
    assert "Okafor, Chidi (999, cokafor, s003) has no submission" in problems
    assert f"Smith, Jane (`smithjane_12345`), {FIRST_ID}: left blank because its status is " \
           "`duplicate`" in problems
    assert "ghost_777" in graded.printed and "Okafor, Chidi" in graded.printed


def test_feedback_comes_back_as_one_canvas_zip(graded: Graded) -> None:
    with zipfile.ZipFile(graded.out / "feedback_canvas.zip") as archive:
        names = archive.namelist()
    assert len(names) == 3  # one per student: smithjane, ngatazoe, ghost
    assert all(name.endswith("_feedback.md") for name in names)
    assert any(name.startswith("ngatazoe_4321_") for name in names)


# --- report.html -------------------------------------------------------------------------------

class Tables(HTMLParser):
    """Every <table data-table=...> of a page, as lists of cell texts per row."""

    def __init__(self) -> None:
        super().__init__()
        self.tables: dict[str, list[list[str]]] = {}
        self.current: str | None = None
        self.cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            self.current = dict(attrs).get("data-table") or ""
            self.tables[self.current] = []
        elif tag == "tr" and self.current is not None:
            self.tables[self.current].append([])
        elif tag in {"td", "th"} and self.current is not None:
            self.cell = []

    def handle_data(self, data: str) -> None:
        if self.cell is not None:
            self.cell.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag in {"td", "th"} and self.cell is not None and self.current is not None:
            self.tables[self.current][-1].append("".join(self.cell))
            self.cell = None
        elif tag == "table":
            self.current = None


def report_tables(out: Path) -> dict[str, list[list[str]]]:
    parser = Tables()
    parser.feed((out / "report.html").read_text(encoding="utf-8"))
    return {name: rows[1:] for name, rows in parser.tables.items()}  # without the header row


def test_the_report_numbers_equal_the_csv_files(graded: Graded) -> None:
    tables = report_tables(graded.out)
    grades = read_csv(graded.out / "grades.csv")
    questions = read_csv(graded.out / "questions.csv")
    statuses = Counter(row["status"] for row in grades)
    assert tables["statuses"] == [[status, str(count)]
                                  for status, count in sorted(statuses.items())]
    for exercise_id in (FIRST_ID, SECOND_ID):
        points = Counter(float(row["points"]) for row in grades if row["exercise"] == exercise_id)
        shown = {float(points_text): int(rows) for points_text, rows in
                 tables[f"distribution:{exercise_id}"]}
        assert shown == points
        mine = [row for row in questions if row["exercise"] == exercise_id]
        for question, rows_text, mean, max_points, full, _ in tables[f"questions:{exercise_id}"]:
            scores = [float(row["points"]) for row in mine if row["question"] == question]
            assert int(rows_text) == len(scores)
            assert mean == f"{sum(scores) / len(scores):.2f}"
            assert int(full) == sum(1 for score in scores if score >= float(max_points))
        for question, message, count in tables[f"feedback:{exercise_id}"]:
            assert int(count) == sum(1 for row in mine if row["question"] == question
                                     and row["feedback"] == message)
    looked = {row[2] for row in tables["look"]}
    assert f"smithjane_12345_678901_{FIRST_ID}.ipynb" in looked or \
        f"smithjane_LATE_12345_678902_{FIRST_ID}.ipynb" in looked
    assert "ngatazoe_4321_678906_essay.pdf" in looked


def test_student_names_appear_only_in_the_rows_that_need_a_look(graded: Graded) -> None:
    page = (graded.out / "report.html").read_text(encoding="utf-8")
    before, _, after = page.partition('<section aria-labelledby="look">')
    assert "ghost_777" not in before and "smithjane" not in before and "ngatazoe" not in before
    assert "smithjane" in after


def test_the_report_draws_every_chart_offline_and_passes_axe(graded: Graded, page: Any) -> None:
    requests, errors = [], []
    page.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file:")
               else (requests.append(route.request.url), route.abort()))
    page.on("console", lambda message: errors.append(message.text)
            if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto((graded.out / "report.html").as_uri())
    figures = page.locator("figure.chart")
    assert figures.count() == 4  # two exercises, two charts each
    for index in range(figures.count()):
        drawing = figures.nth(index).locator("svg")
        box = drawing.bounding_box()
        assert box is not None and box["width"] > 100 and box["height"] > 100
        assert drawing.locator(".mark-rect path").count() >= 1
        assert drawing.get_attribute("aria-label")
    assert requests == [] and errors == []
    assert axe_violations(page) == []
