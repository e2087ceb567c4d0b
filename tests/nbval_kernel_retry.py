"""A pytest plugin for `make test`'s nbval stages: start a notebook's kernel once more when it
dies before it answers.

Under `make test` two xdist workers start kernels at the same moment. Now and then one of them
dies before replying to kernel_info (seen once on 1 December 2026, in a second `make test`,
for solutions/03, which ran cleanly in every other run that day); one likely cause is that
jupyter_client picks a kernel's ports by asking the system for free ones and releasing them,
so two processes starting kernels together can be handed the same port. That says nothing
about the notebook, so the start is tried once more. A kernel that dies twice, any other error,
and every cell's result still fail the run.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import nbval.kernel

HERE = str(Path(__file__).resolve().parent)

DIED = "Kernel died before replying to kernel_info"


def once_more(start: Any) -> Any:
    """`start`, tried a second time if the kernel died before replying to kernel_info."""
    def start_new_kernel(*args: Any, **kwargs: Any) -> Any:
        try:
            return start(*args, **kwargs)
        except RuntimeError as error:
            if DIED not in str(error):
                raise
            return start(*args, **kwargs)
    start_new_kernel.once_more = True  # type: ignore[attr-defined]
    return start_new_kernel


def without_this_folder(pythonpath: str) -> str:
    """PYTHONPATH without tests/ (the Makefile puts it there only so pytest finds this plugin)."""
    return os.pathsep.join(entry for entry in pythonpath.split(os.pathsep)
                           if entry and str(Path(entry).resolve()) != HERE)


def pytest_configure(config: Any) -> None:
    """Wrap nbval's kernel start (RunningKernel looks it up in its module when it runs), and
    keep tests/ off the kernels' path: they run in the students' environment, nothing more."""
    if not getattr(nbval.kernel.start_new_kernel, "once_more", False):
        nbval.kernel.start_new_kernel = once_more(nbval.kernel.start_new_kernel)
    if "PYTHONPATH" in os.environ:
        rest = without_this_folder(os.environ["PYTHONPATH"])
        if rest:
            os.environ["PYTHONPATH"] = rest
        else:
            del os.environ["PYTHONPATH"]
