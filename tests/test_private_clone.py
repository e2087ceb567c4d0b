"""The grader as a new instructor meets it: the course and its venv in a private folder.

`mktemp -d` makes a folder only its owner may enter (0700), like /root or a private home. The
session's `fresh_install` (conftest) holds what a clone holds and a fresh venv built from
requirements.txt in such a folder (shared with the Binder test: building it is the expensive
part). From there the correct and the hostile cases are graded twice: as root (the kernels then
run as an unprivileged uid that could not even enter that folder) and as an ordinary user who
owns the folder (user namespaces instead of root). Both must give every case its status and
points, and leave no connection and no process behind.
"""

from __future__ import annotations

import csv
import os
import pwd
import socket
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import FreshInstall
from grading_cases import ORPHAN_NAME, Builder, Case, solution_paths
from test_grading import WHY_NOT_ISOLATED, accepted, processes_named

ORDINARY_UID = 62500  # the first uid from here that belongs to no account
GRADE = ["-m", "newslab", "grade", "--jobs", "2", "--cell-timeout", "6", "--budget", "30",
         "--memory", "1536"]

pytestmark = [pytest.mark.binder,  # it uses the Binder-like install
              pytest.mark.skipif(WHY_NOT_ISOLATED is not None,
                                 reason=f"kernels cannot be isolated here: {WHY_NOT_ISOLATED}")]


def unused_uid(start: int) -> int:
    for uid in range(start, start + 1000):
        try:
            pwd.getpwuid(uid)
        except KeyError:
            return uid
    raise RuntimeError(f"no unused uid from {start}")


def closed_folder(path: Path) -> Path | None:
    """The outermost folder above `path` that other users may not enter (e.g. /root), if any."""
    for folder in reversed(path.parents):
        if folder != Path("/") and not folder.stat().st_mode & 0o001:
            return folder
    return None


def as_user(uid: int | None) -> list[str]:
    """The command prefix that runs a program as `uid` with no groups (None: as we are).

    The ordinary user must be able to run our Python. When it lives in a private folder (pyenv
    under /root), the command gets a mount namespace of its own in which that folder holds
    only Python's own folder: the machine's /root is not changed, nor anything else.
    """
    if uid is None:
        return []
    drop = ["setpriv", f"--reuid={uid}", f"--regid={uid}", "--clear-groups", "--"]
    base = Path(sys.base_prefix).resolve()
    closed = closed_folder(base)
    if closed is None:
        return drop
    inner = closed / base.relative_to(closed).parts[0]  # e.g. /root/.pyenv
    script = ('set -e; keep=$(mktemp -d); mount --bind "$1" "$keep"; '
              'mount -t tmpfs -o mode=0755,size=1m tmpfs "$2"; mkdir "$1"; '
              'mount --move "$keep" "$1"; rmdir "$keep"; shift 2; exec "$@"')
    return ["unshare", "--mount", "--propagation", "private", "sh", "-c", script, "sh",
            str(inner), str(closed), *drop]


@dataclass
class Clone:
    folder: Path  # the private folder made by mkdtemp
    repo: Path  # the course in it
    python: Path  # its venv's Python
    owner: int | None  # the ordinary user who owns the folder (None when we are one)


@pytest.fixture(scope="module")
def clone(fresh_install: FreshInstall) -> Iterator[Clone]:
    folder = fresh_install.folder
    assert folder.stat().st_mode & 0o777 == 0o700
    owner = unused_uid(ORDINARY_UID) if os.geteuid() == 0 else None
    before = folder.stat()
    if owner is not None:
        os.chown(folder, owner, owner)  # its files stay root's, readable as a clone's are
    try:
        yield Clone(folder, fresh_install.home, fresh_install.venv / "bin" / "python", owner)
    finally:
        os.chown(folder, before.st_uid, before.st_gid)


def grade_in_clone(clone: Clone, uid: int | None, work: Path) -> tuple[list[Case], dict, dict,
                                                                        str, int, list[str]]:
    """Write the correct and hostile cases into `work`, grade them with the clone's venv."""
    solutions = solution_paths()
    work.mkdir(mode=0o700)
    submissions, out, home = work / "submissions", work / "out", work / "home"
    for path in (submissions, home):
        path.mkdir(mode=0o700)
    listener = socket.create_server(("127.0.0.1", 0))
    listener.setblocking(False)
    builder = Builder(solutions[0], solutions[1], submissions, out, listener.getsockname()[1],
                      clone.repo)
    cases = [case for case in builder.cases()
             if case.file.startswith(("correct_", "hostile-", "snooping_"))]
    for case in cases:
        (submissions / case.file).write_bytes(case.build())
    if uid is not None:
        for path in [work, *work.rglob("*")]:
            os.lchown(path, uid, uid)
    env = {"PATH": "/usr/local/bin:/usr/bin:/bin", "HOME": str(home), "LANG": "C.UTF-8",
           "JUPYTER_CONFIG_DIR": str(home / "config"), "JUPYTER_DATA_DIR": str(home / "data"),
           "JUPYTER_RUNTIME_DIR": str(home / "runtime"), "IPYTHONDIR": str(home / "ipython")}
    try:
        run = subprocess.run([*as_user(uid), str(clone.python),
                              *GRADE, str(submissions), "--out", str(out)],
                             cwd=clone.repo, env=env, capture_output=True, text=True, timeout=600)
        connections = accepted(listener)
    finally:
        listener.close()
    assert run.returncode == 0, run.stderr[-3000:]
    with open(out / "grades.csv", encoding="utf-8") as handle:
        grades = {row["file"]: row for row in csv.DictReader(handle)}
    with open(out / "questions.csv", encoding="utf-8") as handle:
        feedback: dict[str, list[str]] = {}
        for row in csv.DictReader(handle):
            feedback.setdefault(row["student"], []).append(row["feedback"])
    return cases, grades, feedback, run.stderr, connections, processes_named(ORPHAN_NAME)


def check_every_case(cases: list[Case], grades: dict, feedback: dict) -> None:
    for case in cases:
        row = grades[case.file]
        said = row["note"] + " ".join(feedback.get(row["student"], []))
        # points so far: what the checks gave plus written answers marked (none are, here)
        so_far = sum(float(row[column]) for column in ("points_auto", "points_written")
                     if row[column])
        assert (row["status"], so_far) == (case.status, case.points), (
            case.file, row)
        assert case.note in said, (case.file, case.note, said)


def test_as_root_from_a_private_folder(clone: Clone) -> None:
    if os.geteuid() != 0:
        pytest.skip("needs root (the ordinary user's run below covers this machine)")
    cases, grades, feedback, stderr, connections, orphans = grade_in_clone(
        clone, None, clone.folder / "as-root")
    check_every_case(cases, grades, feedback)
    assert "cannot be isolated" not in stderr
    assert connections == 0 and orphans == []


def test_as_an_ordinary_user_from_a_private_folder(clone: Clone) -> None:
    cases, grades, feedback, stderr, connections, orphans = grade_in_clone(
        clone, clone.owner, clone.folder / "as-user")
    check_every_case(cases, grades, feedback)
    assert "cannot be isolated" not in stderr  # user namespaces did the work of root
    assert connections == 0 and orphans == []
