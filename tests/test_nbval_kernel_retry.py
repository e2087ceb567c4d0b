"""The nbval stages start a kernel that died at start once more, and only then."""

import re
from pathlib import Path

import pytest
from nbval_kernel_retry import DIED, HERE, once_more, without_this_folder

REPO = Path(__file__).resolve().parents[1]


def starter(*failures: Exception):
    """A kernel start that raises each of `failures` in turn, then succeeds."""
    calls = []

    def start(*args, **kwargs):
        calls.append((args, kwargs))
        if len(calls) <= len(failures):
            raise failures[len(calls) - 1]
        return "km", "kc"
    return start, calls


def test_a_kernel_that_died_at_start_is_started_once_more() -> None:
    start, calls = starter(RuntimeError(DIED))
    assert once_more(start)(kernel_name="newslab-binder") == ("km", "kc")
    assert calls == [((), {"kernel_name": "newslab-binder"})] * 2


def test_a_kernel_that_dies_twice_fails() -> None:
    start, calls = starter(RuntimeError(DIED), RuntimeError(DIED))
    with pytest.raises(RuntimeError, match=DIED):
        once_more(start)()
    assert len(calls) == 2


def test_any_other_error_fails_at_once() -> None:
    start, calls = starter(RuntimeError("Kernel didn't respond in 60 seconds"))
    with pytest.raises(RuntimeError, match="60 seconds"):
        once_more(start)()
    assert len(calls) == 1


def test_both_nbval_stages_load_the_plugin() -> None:
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    command = re.search(r"nbval\(\) \{.*?return \$\$rc; \};", makefile, re.DOTALL)
    assert command and "-p nbval_kernel_retry" in command.group(0)
    assert 'PYTHONPATH="$(CURDIR)/tests' in command.group(0)


def test_the_kernels_do_not_get_tests_on_their_path() -> None:
    assert without_this_folder(f"{HERE}") == ""
    assert without_this_folder(f"/opt/a:{HERE}:/opt/b") == "/opt/a:/opt/b"
