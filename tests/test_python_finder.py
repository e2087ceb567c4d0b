"""Which Python `make lab` picks for a new .venv, and what it says when none will do.

The Makefile tries PYTHON, or else python3.11, python3.12, python3.13, python3.14, python3 and
python, and takes the first that runs and is 3.11.5 to 3.14. Here each candidate is a stand-in
script on a PATH of our own that prints the version the real one would (`print(*version_info)`).
"""

from __future__ import annotations

import importlib.metadata
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import REPO
from packaging.specifiers import SpecifierSet

OLDEST, NEWEST = "3.11.5", "3.14.99"  # the range the Makefile accepts
MAKE = shutil.which("make")


def fake_pythons(folder: Path, versions: dict[str, str | None]) -> Path:
    """A PATH folder holding `name` scripts that print a version, or fail like a stale shim."""
    folder.mkdir(parents=True)
    for name, version in versions.items():
        script = folder / name
        body = (f'echo "{version}"' if version
                else f'echo "pyenv: {name}: command not found" >&2; exit 127')
        script.write_text(f"#!/bin/sh\n{body}\n")
        script.chmod(0o755)
    for tool in ("date", "id"):  # what the Makefile itself calls while it is read
        (folder / tool).symlink_to(shutil.which(tool) or f"/usr/bin/{tool}")
    return folder


def which_python(tmp_path: Path, versions: dict[str, str | None],
                 *variables: str) -> subprocess.CompletedProcess[str]:
    """`make python` with only the stand-ins on PATH."""
    path = fake_pythons(tmp_path / "bin", versions)
    assert MAKE, "make is needed to test the Makefile"
    return subprocess.run([MAKE, "--no-print-directory", "-s", "-C", str(REPO), "python",
                           *variables], env={"PATH": str(path), "HOME": str(tmp_path)},
                          capture_output=True, text=True, timeout=60)


def chosen(done: subprocess.CompletedProcess[str]) -> str:
    assert done.returncode == 0, done.stderr
    return Path(done.stdout.split(" (Python", 1)[0].strip()).name


def test_the_first_supported_version_wins_and_broken_or_old_ones_are_passed_over(
        tmp_path: Path) -> None:
    done = which_python(tmp_path, {"python3.11": "3 11 2",  # Debian 12's: too old for the pins
                                   "python3.12": None,  # a pyenv shim with nothing behind it
                                   "python3.13": "3 13 1", "python3": "3 14 0"})
    assert chosen(done) == "python3.13"


@pytest.mark.parametrize(("version", "accepted"), [
    ("3 11 4", False), ("3 11 5", True), ("3 12 0", True), ("3 14 2", True), ("3 15 0", False),
    ("3 10 14", False), ("4 0 0", False), ("not a version", False)])
def test_the_range_is_3_11_5_to_3_14(tmp_path: Path, version: str, accepted: bool) -> None:
    done = which_python(tmp_path, {"python3": version})
    assert (done.returncode == 0) == accepted, (version, done.stdout, done.stderr)
    if accepted:
        assert chosen(done) == "python3"


def test_python3_and_python_are_the_last_resort(tmp_path: Path) -> None:
    assert chosen(which_python(tmp_path, {"python": "3 12 3"})) == "python"


def test_without_a_usable_python_one_sentence_says_what_to_install_and_how(
        tmp_path: Path) -> None:
    done = which_python(tmp_path, {"python3": "3 10 12", "python3.15": "3 15 0"})
    assert done.returncode != 0 and done.stdout == ""
    message = [line for line in done.stderr.splitlines() if not line.startswith("make")]
    assert len(message) == 1, done.stderr
    sentence = message[0]
    assert sentence.startswith("No Python from 3.11.5 to 3.14 found")
    for hint in ("brew install python@3.13", "apt install python3 python3-venv", "python.org",
                 "PYTHON=/path/to/python3"):
        assert hint in sentence, hint
    assert sentence.count(". ") == 0 and sentence.endswith(").")


def test_python_given_by_the_reader_is_checked_like_the_others(tmp_path: Path) -> None:
    versions = {"python3.11": "3 11 9", "mine": "3 15 1"}
    refused = which_python(tmp_path, versions, "PYTHON=mine")
    assert refused.returncode != 0 and "(tried mine)" in refused.stderr
    versions = {"python3.11": "3 11 9", "mine": "3 12 8"}
    assert chosen(which_python(tmp_path / "again", versions, "PYTHON=mine")) == "mine"


def test_every_installed_package_accepts_the_whole_range() -> None:
    """The pins (this venv: runtime, test and website tools) all install on 3.11.5 to 3.14."""
    refusing = {}
    for distribution in importlib.metadata.distributions():
        needed = distribution.metadata.get("Requires-Python")
        if needed and not all(version in SpecifierSet(needed) for version in (OLDEST, NEWEST)):
            refusing[distribution.metadata["Name"]] = needed
    assert not refusing, f"these pins do not accept Python {OLDEST} to 3.14: {refusing}"


def test_binder_and_the_lock_use_a_python_the_finder_accepts() -> None:
    runtime = (REPO / "runtime.txt").read_text().strip().removeprefix("python-")
    assert runtime == "3.11", "README, the Makefile and this test name 3.11 as Binder's Python"
    candidates = next(line for line in (REPO / "Makefile").read_text().splitlines()
                      if line.startswith("PYTHON_CANDIDATES ?="))
    assert candidates.split("?=")[1].split()[0] == f"python{runtime}", (
        "the finder tries Binder's Python first, the one constraints.txt was locked with")
