"""The truth tests fail, and so would `make test`, when a quote in data/ is altered."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

from newslab.paths import DATA, ROOT


def run_truth_tests(folder: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, NEWSLAB_DATA_DIR=str(folder))
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
               str(ROOT / "tests" / "test_data.py")]  # fmt: skip
    return subprocess.run(command, env=env, cwd=ROOT, capture_output=True, text=True, timeout=300)


def test_truth_tests_pass_on_an_untouched_copy(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    shutil.copytree(DATA, folder)
    result = run_truth_tests(folder)
    assert result.returncode == 0, result.stdout[-2000:]


def test_truth_tests_fail_when_a_quote_is_altered(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    shutil.copytree(DATA, folder)
    claims = folder / "claims.csv"
    text = claims.read_text(encoding="utf-8")
    original = "there has reportedly been a noticeable increase in attempted defections"
    assert original in text
    claims.write_text(text.replace(original, "there has been a large increase in defections"),
                      encoding="utf-8")
    result = run_truth_tests(folder)
    assert result.returncode != 0
    assert "test_every_quote_is_verbatim" in result.stdout


def test_truth_tests_fail_when_a_bound_leaves_its_rule(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    shutil.copytree(DATA, folder)
    estimates = folder / "other_estimates.csv"
    text = estimates.read_text(encoding="utf-8")
    original = 'E02,US-2020,100000,"100,000",nearly,,100000,true,under_open,'
    assert original in text
    estimates.write_text(text.replace(original, original.replace("under_open", "up_to")),
                         encoding="utf-8")
    result = run_truth_tests(folder)
    assert result.returncode != 0
    assert "test_each_qualifier_has_exactly_one_rule" in result.stdout
    assert "test_bounds_are_what_the_rule_computes" in result.stdout
