"""`make test` itself: its stages, their flags, and the time of each printed at the end.

The real stages take minutes, so `ruff` and `pytest` here are stand-ins in a venv folder of our
own (VENV=...) that record their arguments and exit as told; `-o` keeps make from setting up the
real prerequisites (venv, test tools, website tools, node_modules, Chromium). The stand-in for
`pytest tests` registers the Binder kernel as the real Binder test does (conftest's name for it:
the Makefile must use the same), unless told not to.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

from conftest import BINDER_HOME_VARIABLE, BINDER_KERNEL, REPO

SKIPPED_SETUP = ["-o", "test-venv", "-o", "site-venv", "-o", "node_modules", "-o", "browser"]
STAGE_LINE = re.compile(r"^ {3}(\S+) +(\d+)$")


def stand_ins(venv: Path, failing: str = "", registers: bool = True) -> Path:
    """`ruff` and `pytest` that append their arguments to calls.log; `pytest` fails when its
    arguments contain `failing`; `pytest tests` writes the Binder kernel's kernelspec into the
    folder `make test` names (when `registers`)."""
    bin_folder = venv / "bin"
    bin_folder.mkdir(parents=True)
    log = venv / "calls.log"
    for tool in ("ruff", "pytest"):
        fail = (f'case "$*" in *"{failing}"*) exit 1;; esac\n'
                if failing and tool == "pytest" else "")
        spec = f'"${BINDER_HOME_VARIABLE}/kernels/{BINDER_KERNEL}"'
        register = (f'case "$*" in *" tests") mkdir -p {spec} && echo {{}} > {spec}/kernel.json;;'
                    ' esac\n' if registers and tool == "pytest" else "")
        (bin_folder / tool).write_text(f'#!/bin/sh\necho "{tool} $*" >> "{log}"\n{fail}{register}')
        (bin_folder / tool).chmod(0o755)
    return log


def make_test(tmp_path: Path, *variables: str, failing: str = "", registers: bool = True
              ) -> tuple[subprocess.CompletedProcess[str], list[str], dict[str, int]]:
    venv = tmp_path / "venv"
    log = stand_ins(venv, failing, registers)
    make = shutil.which("make")
    assert make
    # `make test TEST_JOBS=4` exports TEST_JOBS to this test: the defaults are tested here.
    env = {key: value for key, value in os.environ.items() if key != "TEST_JOBS"}
    done = subprocess.run([make, "--no-print-directory", "-C", str(REPO), "test",
                           f"VENV={venv}", *SKIPPED_SETUP, *variables],
                          env={**env, "MAKEFLAGS": ""}, capture_output=True, text=True,
                          timeout=120)
    lines = done.stdout.splitlines()
    assert "== make test: time of each stage (s)" in lines, done.stdout + done.stderr
    table = lines[lines.index("== make test: time of each stage (s)") + 1:]
    stages = {match.group(1): int(match.group(2))
              for line in table if (match := STAGE_LINE.match(line))}
    calls = log.read_text().splitlines() if log.exists() else []
    return done, calls, stages


def test_stages_run_in_order_on_two_workers_and_each_time_is_printed(tmp_path: Path) -> None:
    done, calls, stages = make_test(tmp_path)
    assert done.returncode == 0, done.stderr
    assert [call.split()[:2] for call in calls] == [
        ["ruff", "check"], ["pytest", "-n"], ["pytest", "--nbval"], ["pytest", "--nbval-lax"]]
    assert "-n 2 --dist loadgroup --no-loadscope-reorder --durations=15 tests" in calls[1]
    assert calls[2].startswith("pytest --nbval -p nbval_kernel_retry -n 2 --dist loadfile ")
    assert all(f" --nbval-kernel-name {BINDER_KERNEL} " in call for call in calls[2:])
    assert all(" -p nbval_kernel_retry " in call for call in calls[2:])
    assert calls[2].endswith(" notebooks solutions") and calls[3].endswith(" exercises")
    assert list(stages) == ["setup", "ruff", "pytest", "nbval-strict", "nbval-lax", "total"]
    assert stages["total"] >= sum(seconds for name, seconds in stages.items() if name != "total")
    assert "make test: all passed" in done.stdout


def test_one_process_when_asked(tmp_path: Path) -> None:
    done, calls, _ = make_test(tmp_path, "TEST_JOBS=0")
    assert done.returncode == 0, done.stderr
    assert not any(" -n " in call or "--dist" in call for call in calls), calls


def test_a_failing_stage_stops_the_run_and_is_named_with_its_time(tmp_path: Path) -> None:
    done, calls, stages = make_test(tmp_path, failing="--nbval ")
    assert done.returncode != 0
    assert not any("--nbval-lax" in call for call in calls)
    assert list(stages) == ["setup", "ruff", "pytest", "nbval-strict(failed)", "total"]
    assert "all passed" not in done.stdout


def test_nbval_does_not_start_without_the_binder_kernel(tmp_path: Path) -> None:
    done, calls, stages = make_test(tmp_path, registers=False)
    assert done.returncode != 0
    assert not any("--nbval" in call for call in calls), calls
    assert f"did not register the kernel {BINDER_KERNEL}" in done.stderr
    assert list(stages) == ["setup", "ruff", "pytest", "nbval-strict(failed)", "total"]
