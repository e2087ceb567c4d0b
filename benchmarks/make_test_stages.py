"""Print where `make test` spends its time on a fresh clone (targets: 8 min, then 5 min again).

    python3 benchmarks/make_test_stages.py                 # fresh clone of this branch, one run
    python3 benchmarks/make_test_stages.py --again         # then `make test` once more there
    python3 benchmarks/make_test_stages.py --branch main --keep

Clones this repository (the committed branch, not the work tree) into a new private folder
(`mktemp -d`, mode 0700, as an instructor's clone would be), runs `make test` there and prints
the time of each stage as `make test` reports it (set-up, ruff, pytest, nbval strict, nbval
lax), the tests counted, the CPU time, and the load average before and after: on a shared
machine the load says how much of the wall-clock time was waiting for a core. The CPU time is
counted by a cgroup of its own when this runs as root on a machine with cgroup v1's cpuacct
controller (/sys/fs/cgroup/cpuacct): that counts every process of the run, also the kernels and
servers that outlive their parents. Otherwise it is what the finished children report
(getrusage), which misses those: a lower bound. `--again` runs
`make test` a second time in the same clone (venv, node_modules and Chromium present). The
clone is removed afterwards unless `--keep`. Each run's output is in RUN.log beside the clone
while it runs. Needs only Python 3 and git; nothing from the course is imported. Not a test:
read, don't assert.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGETS = {"fresh": 8 * 60, "again": 5 * 60}
STAGE = re.compile(r"^\s{3}(\S+)\s+(\d+)$")
COUNTS = re.compile(r"=+ (.*\d+ (?:passed|failed|error).*) in [\d.]+s")


def children_cpu_seconds() -> float:
    """User + system CPU time of every finished child process so far."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


CPUACCT = Path("/sys/fs/cgroup/cpuacct")


def cpu_cgroup() -> Path | None:
    """A new cpuacct cgroup for the run, or None where that cannot be made."""
    try:
        group = CPUACCT / f"make-test-benchmark-{os.getpid()}"
        group.mkdir()
        return group
    except OSError:
        return None


def current_branch() -> str:
    return subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--abbrev-ref", "HEAD"],
                          check=True, capture_output=True, text=True).stdout.strip()


def run_make_test(clone: Path, log: Path) -> dict[str, object]:
    """One `make test` in `clone`: its exit code, wall and CPU seconds, stages and counts."""
    load_before = os.getloadavg()
    group = cpu_cgroup()

    def join_group() -> None:  # in the child, before `make` starts: all it starts is counted
        if group is not None:
            (group / "cgroup.procs").write_text(str(os.getpid()))

    cpu_before, started = children_cpu_seconds(), time.monotonic()
    with log.open("w") as output:
        code = subprocess.run(["make", "test"], cwd=clone, stdout=output,
                              stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                              preexec_fn=join_group).returncode
    wall, cpu = time.monotonic() - started, children_cpu_seconds() - cpu_before
    cpu_counted_by = "getrusage, a lower bound"
    if group is not None:
        cpu, cpu_counted_by = int((group / "cpuacct.usage").read_text()) / 1e9, "a cgroup"
        with contextlib.suppress(OSError):  # busy while a stray process of the run lives on
            group.rmdir()
    lines = log.read_text(errors="replace").splitlines()
    stages: dict[str, int] = {}
    if "== make test: time of each stage (s)" in lines:
        table = lines[lines.index("== make test: time of each stage (s)") + 1:]
        for line in table:
            match = STAGE.match(line)
            if not match:
                break
            stages[match.group(1)] = int(match.group(2))
    counts = [match.group(1) for line in lines if (match := COUNTS.search(line))]
    return {"code": code, "wall": wall, "cpu": cpu, "stages": stages, "counts": counts,
            "load": (load_before, os.getloadavg()), "cpu_counted_by": cpu_counted_by}


def report(name: str, result: dict[str, object]) -> None:
    """Print one run's stages, counts and load."""
    target = TARGETS[name]
    stages = result["stages"]
    assert isinstance(stages, dict)
    print(f"\n{name} run: exit code {result['code']}, {result['wall']:.0f} s wall "
          f"({result['wall'] / 60:.1f} min; target {target // 60} min: "
          f"{'met' if result['wall'] <= target else 'NOT met'}), "
          f"{result['cpu']:.0f} s CPU of its processes ({result['cpu_counted_by']})")
    for stage, seconds in stages.items():
        print(f"  {stage:<14} {seconds:>5} s")
    for count, label in zip(result["counts"], ("pytest tests", "nbval strict", "nbval lax"),
                            strict=False):
        print(f"  {label:<14} {count}")
    (before, after) = result["load"]
    print(f"  load average before {before[0]:.1f} / {before[1]:.1f} / {before[2]:.1f}, "
          f"after {after[0]:.1f} / {after[1]:.1f} / {after[2]:.1f} (1 / 5 / 15 min) "
          f"on {os.cpu_count()} cores")


def main() -> int:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--branch", help="branch to clone (default: the current one)")
    options.add_argument("--again", action="store_true", help="run `make test` a second time")
    options.add_argument("--keep", action="store_true", help="keep the clone")
    arguments = options.parse_args()
    branch = arguments.branch or current_branch()
    folder = Path(tempfile.mkdtemp(prefix="make-test-benchmark-"))  # mode 0700, like mktemp -d
    clone = folder / "clone"
    print(f"make test on a fresh clone of {branch!r} in {clone} (mode "
          f"{folder.stat().st_mode & 0o777:o}), {os.cpu_count()} cores")
    codes = []
    try:
        subprocess.run(["git", "clone", "-q", "-b", branch, str(ROOT), str(clone)], check=True)
        for name in ("fresh", "again") if arguments.again else ("fresh",):
            result = run_make_test(clone, folder / f"{name}.log")
            report(name, result)
            codes.append(result["code"])
            if result["code"] != 0:
                print(f"  (the log's end)\n{(folder / f'{name}.log').read_text()[-3000:]}")
                break
    finally:
        if arguments.keep:
            print(f"\nkept: {folder}")
        else:
            shutil.rmtree(folder, ignore_errors=True)
    return 0 if all(code == 0 for code in codes) else 1


if __name__ == "__main__":
    sys.exit(main())
