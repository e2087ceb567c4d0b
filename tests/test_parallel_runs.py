"""`make test` runs `pytest -n 2 --dist loadgroup --no-loadscope-reorder`: the groups must hold.

tests/conftest.py gives every test an xdist group (its module, or the expensive fixture it
shares with other modules) and puts the slow groups first. If an upgrade of pytest or
pytest-xdist made the groups silently disappear (pytest-dev/pytest-xdist#1386), the Binder-like
install would be built on both workers and module fixtures twice. This runs a few cheap tests of
two modules on two workers and reads where each ran.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections import defaultdict
from pathlib import Path
from types import SimpleNamespace

from conftest import REPO, SPREAD_MODULES, group_of, keep_notebooks_together, worker_groups

RESULT = re.compile(r"^\[(gw\d+)\] \[\s*\d+%\] PASSED (\S+)$")
# The Binder module's cheap tests join the group of its install test (which is deselected); it
# comes last of three on the command line, so only the conftest's sorting can make it start first.
SELECTED = ["tests/test_repo.py", "tests/test_python_finder.py", "tests/test_binder.py", "-k",
            "repo2docker or altair_stays or runtime_is or last_resort"]


def test_two_workers_keep_each_group_together_and_start_with_the_slow_one(tmp_path: Path) -> None:
    env = {key: value for key, value in os.environ.items()
           if not key.startswith(("PYTEST_XDIST", "PYTEST_CURRENT"))}
    done = subprocess.run([sys.executable, "-m", "pytest", "-n", "2", "--dist", "loadgroup",
                           "--no-loadscope-reorder", "-v", "-p", "no:cacheprovider",
                           "--basetemp", str(tmp_path / "basetemp"), *SELECTED],
                          cwd=REPO, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    runs = [RESULT.match(line.strip()) for line in done.stdout.splitlines()]
    ran = [(match.group(1), match.group(2)) for match in runs if match]
    assert len(ran) == 5, done.stdout[-3000:]
    groups: dict[str, set[str]] = defaultdict(set)
    first_on: dict[str, str] = {}
    for worker, nodeid in ran:
        assert "@" in nodeid, f"{nodeid} ran without its group: loadgroup is not grouping"
        group = nodeid.rsplit("@", 1)[1]
        groups[group].add(worker)
        first_on.setdefault(worker, group)
    assert set(groups) == {"fresh-install", "tests/test_repo.py",
                           "tests/test_python_finder.py"}
    assert all(len(workers) == 1 for workers in groups.values()), groups
    assert "fresh-install" in first_on.values(), "the slow group did not start first"


def spread_item(name: str, notebook: str | None) -> SimpleNamespace:
    """A stand-in for a test of the spread module, with a `path` parameter when `notebook`."""
    item = SimpleNamespace(nodeid=f"{SPREAD_MODULES[0]}::{name}", fixturenames=["page"])
    if notebook:
        item.callspec = SimpleNamespace(params={"path": Path(notebook)})
    return item


def test_a_spread_module_groups_each_notebooks_tests_and_other_modules_stay_whole() -> None:
    spread = SPREAD_MODULES[0]
    items = [spread_item("test_a[x]", "notebooks/x.ipynb"),
             spread_item("test_a[y]", "notebooks/y.ipynb"),
             spread_item("test_b[x]", "notebooks/x.ipynb"),
             spread_item("test_c", None),
             SimpleNamespace(nodeid="tests/test_repo.py::test_b", fixturenames=[]),
             SimpleNamespace(nodeid="tests/test_repo.py::test_c", fixturenames=[]),
             SimpleNamespace(nodeid="tests/test_site.py::test_d", fixturenames=["built_site"])]
    groups = worker_groups(items)  # type: ignore[arg-type]
    assert [group_of(item, groups) for item in items] == [  # type: ignore[arg-type]
        f"{spread}::notebooks/x.ipynb", f"{spread}::notebooks/y.ipynb",
        f"{spread}::notebooks/x.ipynb", f"{spread}::test_c", "tests/test_repo.py",
        "tests/test_repo.py", "website"]


def test_one_notebooks_tests_move_together_in_their_written_order_and_others_stay() -> None:
    """test_browser.py's lessons share one page per notebook: its tests must follow each other."""
    items = [SimpleNamespace(nodeid="tests/test_repo.py::test_first", fixturenames=[]),
             spread_item("test_opened[x]", "notebooks/x.ipynb"),
             spread_item("test_run_all[y]", "notebooks/y.ipynb"),
             SimpleNamespace(nodeid="tests/test_repo.py::test_between", fixturenames=[]),
             spread_item("test_run_all[x]", "notebooks/x.ipynb"),
             spread_item("test_other", None),
             spread_item("test_widget[y]", "notebooks/y.ipynb")]
    keep_notebooks_together(items)  # type: ignore[arg-type]
    assert [item.nodeid.split("::")[1] for item in items] == [
        "test_first", "test_opened[x]", "test_run_all[x]", "test_between", "test_run_all[y]",
        "test_widget[y]", "test_other"]
