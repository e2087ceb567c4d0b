"""Run one submission's cells in a fresh kernel with nbclient, and bring back its answers.

Every cell runs with a per-cell timeout that never exceeds what is left of the submission's total
budget. A cell that runs too long is not interrupted (a loop can swallow KeyboardInterrupt): the
kernel is killed. Errors in a student's cell do not stop the run, as in "Run All" with errors
allowed, so one mistake costs one question. Students' outputs are thrown away as they arrive
(megabytes of printing cost no memory); only error names and capture lines are kept.
"""

from __future__ import annotations

import asyncio
import atexit
import contextlib
import re
import signal
import time
from dataclasses import dataclass, field
from typing import Any

import nbformat
from jupyter_client.manager import AsyncKernelManager
from nbclient import NotebookClient
from nbclient.exceptions import CellTimeoutError, DeadKernelError
from nbformat import NotebookNode

from newslab.grading.capture import MAX_ANSWER_CHARS, parse_capture, prelude
from newslab.grading.kernel import STARTUP_TIMEOUT, ForkProvisioner, make_kernel_manager
from newslab.grading.sandbox import KernelPlace
from newslab.grading.status import Status
from newslab.grading.warm_launcher import Launcher


@dataclass(frozen=True)
class PlannedCell:
    """A cell to run: a student's code (`label` says which cell) or a capture of `question`."""

    source: str
    label: str = ""
    question: str = ""
    variable: str = ""


@dataclass
class Execution:
    """What came back from a kernel: plain answers, how it ended, and what went wrong."""

    answers: dict[str, Any] = field(default_factory=dict)
    status: Status = Status.GRADED
    notes: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def clean_message(text: str, place: KernelPlace) -> str:
    """A short, stable message: no temporary paths, no memory addresses, no colour codes."""
    text = re.sub(r"\x1b\[[0-9;]*m", "", text)
    text = text.replace(str(place.root), "<work>")
    text = re.sub(r"0x[0-9a-fA-F]{6,}", "0x…", text)
    text = " ".join(text.split())
    return text if len(text) <= 200 else text[:199] + "…"


class GradingClient(NotebookClient):  # type: ignore[misc]
    """nbclient's executor, keeping capture lines and error names and dropping everything else."""

    def __init__(self, nb: NotebookNode, km: AsyncKernelManager, place: KernelPlace,
                 **kwargs: Any) -> None:
        super().__init__(nb, km=km, **kwargs)
        self.place = place
        self.captured: dict[int, list[str]] = {}
        self.captured_size: dict[int, int] = {}
        self.errors: list[str] = []

    def output(self, outs: list[NotebookNode], msg: dict[str, Any], display_id: str | None,
               cell_index: int) -> NotebookNode | None:
        role = self.nb.cells[cell_index].metadata.get("newslab_grader", {})
        content = msg.get("content", {})
        if role.get("question"):
            if msg["msg_type"] == "stream" and content.get("name") == "stdout":
                text = str(content.get("text", ""))
                size = self.captured_size.get(cell_index, 0) + len(text)
                if size <= MAX_ANSWER_CHARS * 2:
                    self.captured.setdefault(cell_index, []).append(text)
                self.captured_size[cell_index] = size
        elif msg["msg_type"] == "error" and role.get("label"):
            name = clean_message(str(content.get("ename", "Error")), self.place)
            value = clean_message(str(content.get("evalue", "")), self.place)
            self.errors.append(f"{role['label']} raised {name}: {value}".rstrip(": "))
        return None

    def handle_comm_msg(self, outs: list[NotebookNode], msg: dict[str, Any],
                        cell_index: int) -> None:
        """Widget traffic is not needed for grading: drop it rather than keep its state."""
        return None


def build_notebook(cells: list[PlannedCell]) -> NotebookNode:
    """The notebook nbclient runs: the capture prelude, then the planned cells."""
    nb = nbformat.v4.new_notebook()
    nb.cells.append(nbformat.v4.new_code_cell(prelude(), metadata={"newslab_grader": {}}))
    for cell in cells:
        role = {"label": cell.label, "question": cell.question}
        nb.cells.append(nbformat.v4.new_code_cell(cell.source, metadata={"newslab_grader": role}))
    return nb


def _restore_interrupts() -> None:
    """nbclient makes Ctrl-C clean up one kernel and carry on; the grader wants it to stop."""
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(RuntimeError, ValueError):
            loop.remove_signal_handler(signum)


async def execute(cells: list[PlannedCell], place: KernelPlace, launcher: Launcher,
                  cell_timeout: float, budget: float) -> Execution:
    """Run `cells` in a fresh kernel in `place`; never raises for anything a submission does."""
    result = Execution()
    nb = build_notebook(cells)
    km = make_kernel_manager(place, launcher)
    limit = {"seconds": cell_timeout}
    client = GradingClient(nb, km, place, timeout_func=lambda cell: limit["seconds"],
                           allow_errors=True, shutdown_kernel="immediate", kernel_name="python3",
                           startup_timeout=STARTUP_TIMEOUT, iopub_timeout=2,
                           store_widget_state=False, record_timing=False)
    current = ""
    deadline = time.monotonic() + budget
    crashed = False
    try:
        # cleanup_kc: nbclient stops the kernel, its channels and zmq contexts when done.
        async with client.async_setup_kernel(cwd=str(place.cwd), cleanup_kc=True):
            _restore_interrupts()
            deadline = time.monotonic() + budget
            for index, cell in enumerate(nb.cells):
                current = cell.metadata["newslab_grader"].get("label", "")
                left = deadline - time.monotonic()
                if left <= 0:
                    raise CellTimeoutError("budget")
                limit["seconds"] = max(0.5, min(cell_timeout, left))
                await client.async_execute_cell(cell, index)
    except CellTimeoutError:
        result.status = Status.TIMED_OUT
        where = current or "the grader's set-up cell"
        if deadline - time.monotonic() <= 0.5:
            result.notes.append(f"Stopped: the submission's time budget of {budget:g} s ran out "
                                f"in {where}.")
        else:
            result.notes.append(f"Stopped: {where} ran longer than {cell_timeout:g} s.")
    except DeadKernelError:
        crashed = True
    except (RuntimeError, TimeoutError) as error:
        if not client.code_cells_executed:  # never started: our fault, not the student's
            result.status = Status.GRADER_ERROR
            result.notes.append(f"The kernel did not start ({type(error).__name__}); "
                                "grade this submission again.")
        else:
            result.status = Status.CRASHED
            result.notes.append(f"The kernel stopped responding in {current or 'the set-up'}.")
    finally:
        provisioner = km.provisioner
        if isinstance(provisioner, ForkProvisioner) and provisioner.process is not None:
            await provisioner.kill()
            await provisioner.wait()
        atexit.unregister(client._cleanup_kernel)  # nbclient registers one per client
    if crashed:
        code = provisioner.exit_status if isinstance(provisioner, ForkProvisioner) else None
        how = f" (exit code {code})" if code is not None else ""
        result.status = Status.CRASHED
        result.notes.append(f"The kernel stopped in {current or 'the set-up'}{how}: the cells "
                            "after it did not run.")
    result.errors = client.errors
    for index, cell in enumerate(nb.cells):
        question = cell.metadata["newslab_grader"].get("question")
        if question and index in client.captured:
            value = parse_capture("".join(client.captured[index]), question)
            result.answers[question] = value
    return result
