"""Each lesson's stated teaching time is what benchmarks/lesson_load.py estimates from it.

The estimate is a stated method (words at 200 a minute plus allowances per code cell, task and
new feature; see the script and INSTRUCTORS.md), so an edit that makes a lesson longer must
re-time its header, and a core lesson stays within an hour.
"""

from __future__ import annotations

import importlib.util
import re
import sys

import nbformat
import pytest
from conftest import REPO

SPEC = importlib.util.spec_from_file_location("lesson_load", REPO / "benchmarks" / "lesson_load.py")
assert SPEC and SPEC.loader
lesson_load = importlib.util.module_from_spec(SPEC)
sys.modules["lesson_load"] = lesson_load  # dataclasses look their module up there
SPEC.loader.exec_module(lesson_load)

PATHS = sorted((REPO / "notebooks").glob("[0-9][0-9]*_*.ipynb"))
LOADS = dict(zip(PATHS, lesson_load.measure(PATHS), strict=True))


def stated(path) -> int:
    opening = nbformat.read(path, as_version=4).cells[0].source
    return int(re.search(r"\*\*Time:\*\* (\d+) min teaching", opening).group(1))


@pytest.mark.parametrize("path", PATHS, ids=[p.stem for p in PATHS])
def test_the_stated_time_is_the_estimate(path) -> None:
    assert stated(path) == LOADS[path].minutes, "re-time the header: benchmarks/lesson_load.py"


@pytest.mark.parametrize("path", PATHS, ids=[p.stem for p in PATHS])
def test_a_lesson_takes_at_most_an_hour(path) -> None:
    assert LOADS[path].minutes <= 60, "move extras into an optional NNb_ notebook"


def test_the_estimate_adds_reading_cells_tasks_and_features_and_rounds_up_to_5() -> None:
    def minutes(code: int = 10, features: int = 4, words: int = 1000, tasks: int = 2) -> int:
        return lesson_load.Load("x", code, ["f"] * features, words, tasks).minutes

    assert minutes() == 25  # 1000/200 + 10 + 2 * 4 + 4 * 0.5 = 25
    assert minutes(code=11) == minutes(tasks=3) == minutes(words=1201) == 30
    assert minutes(features=5) == 30


def test_new_features_count_once_in_the_course(tmp_path) -> None:
    first, second = tmp_path / "01_a.ipynb", tmp_path / "02_b.ipynb"
    for path, source in [(first, "len(text.split())"), (second, "len(text)\n[w for w in text]")]:
        nbformat.write(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(source)]), path)
    one, two = lesson_load.measure([first, second])
    assert one.new_features == ["len()", ".split()"]
    assert two.new_features == ["list comprehension"]


def test_the_instructor_guide_prints_the_same_estimates() -> None:
    guide = (REPO / "INSTRUCTORS.md").read_text(encoding="utf-8")
    rows = dict(re.findall(r"^\| (\d\d\w*) \| \d+ \| \d+ \| \d+ \| \d+ \| (\d+) \|$", guide, re.M))
    assert rows == {path.stem: str(LOADS[path].minutes) for path in PATHS}


def exercise_minutes() -> dict[str, int]:
    """Each exercise's time as its own header states it (the source of every exercise time)."""
    minutes = {}
    for path in sorted((REPO / "exercises").glob("[0-9][0-9]_*.ipynb")):
        opening = nbformat.read(path, as_version=4).cells[0].source
        minutes[path.stem[:2]] = int(re.search(r"\*\*Time:\*\* about (\d+) minutes", opening)[1])
    return minutes


def test_the_instructor_guide_states_each_exercise_time_from_its_header() -> None:
    guide = (REPO / "INSTRUCTORS.md").read_text(encoding="utf-8")
    stated = {number: int(minutes)
              for minutes, number in re.findall(r"\| (\d+) min \(exercise (\d\d)\) \|", guide)}
    headers = exercise_minutes()
    lessons = {path.stem[:2] for path in PATHS}
    assert {number: headers[number] for number in stated} == stated, "copy the exercise headers"
    assert {number for number in headers if number in lessons} <= set(stated)


def test_lesson_headers_state_their_exercise_time_from_the_exercise_header() -> None:
    headers = exercise_minutes()
    checked = 0
    for path in PATHS:
        opening = nbformat.read(path, as_version=4).cells[0].source
        match = re.search(r"· (\d+) min exercises(?: \(exercise (\d\d))?", opening)
        if match:
            checked += 1
            assert int(match[1]) == headers[match[2] or path.stem[:2]], path.name
    assert checked >= 6


def test_the_totals_add_up_the_timing_table() -> None:
    guide = (REPO / "INSTRUCTORS.md").read_text(encoding="utf-8")
    table = guide.split("| lesson | by the end, students can |", 1)[1].split("\n\n", 1)[0]
    core = optional = exercises = 0
    row = re.compile(r"^\| (\d\d\w* [^|]+) \|[^|]*\| (\d+) min \| ([^|]*) \|$", re.M)
    for name, teaching, exercise in row.findall(table):
        if "(optional)" in name:
            optional += int(teaching)
        else:
            core += int(teaching)
        exercises += int(exercise.split()[0]) if exercise[:1].isdigit() else 0

    def hours(minutes: int) -> str:
        return f"{minutes // 60} h {minutes % 60} min"

    assert f"| **total, core lessons** | **{hours(core)}** | **{hours(exercises)}** |" in table
    assert f"| {hours(optional)} | |" in table
