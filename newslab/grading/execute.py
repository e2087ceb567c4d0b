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
import os
import re
import signal
import time
import uuid
from dataclasses import dataclass, field
from queue import Empty
from typing import Any

import nbformat
from jupyter_client.asynchronous import AsyncKernelClient
from jupyter_client.connect import KernelConnectionInfo
from jupyter_client.manager import AsyncKernelManager
from jupyter_client.provisioning import LocalProvisioner
from nbclient import NotebookClient
from nbclient.exceptions import CellTimeoutError, DeadKernelError
from nbformat import NotebookNode

from newslab.grading.capture import MAX_ANSWER_CHARS, parse_capture, prelude
from newslab.grading.sandbox import ForkedKernel, KernelPlace, Launcher
from newslab.grading.status import Status

STARTUP_TIMEOUT = 60


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


class GradingKernelClient(AsyncKernelClient):  # type: ignore[misc]
    """jupyter_client's client, ready as soon as IOPub carries the kernel's answer to kernel_info.

    The stock wait always adds 0.2 s of IOPub silence, and often 0.2 s more when the first
    request's status messages go out before the subscription is live; here each attempt waits
    at most 50 ms for the idle status that closes our own request, which proves IOPub works.
    """

    async def _async_wait_for_ready(self, timeout: float | None = None) -> None:
        deadline = time.monotonic() + (timeout or STARTUP_TIMEOUT)
        while time.monotonic() < deadline:
            self.kernel_info()
            try:
                reply = await self.shell_channel.get_msg(timeout=1)
            except Empty:
                reply = None
            if reply is not None and reply["msg_type"] == "kernel_info_reply":
                request = reply["parent_header"].get("msg_id")
                with contextlib.suppress(Empty):
                    while True:
                        msg = await self.iopub_channel.get_msg(timeout=0.05)
                        if (msg["parent_header"].get("msg_id") == request
                                and msg["msg_type"] == "status"
                                and msg["content"].get("execution_state") == "idle"):
                            self._handle_kernel_info_reply(reply)
                            return
            if not await self._async_is_alive():
                raise RuntimeError("Kernel died before replying to kernel_info")
        raise RuntimeError(f"Kernel didn't respond in {timeout} seconds")

    wait_for_ready = _async_wait_for_ready  # the async client binds the name at class level


class ForkProvisioner(LocalProvisioner):  # type: ignore[misc]
    """Start the kernel by asking the warm launcher to fork one, in the submission's place."""

    place: KernelPlace | None = None
    launcher: Launcher | None = None
    exit_status: int | None = None

    async def launch_kernel(self, cmd: list[str], **kwargs: Any) -> KernelConnectionInfo:
        assert self.place is not None and self.launcher is not None and self.parent is not None
        connection_file = self.parent.connection_file
        if self.place.uid is not None:
            os.chown(connection_file, self.place.uid, self.place.uid)
        answer = self.launcher.request(
            op="spawn", connection_file=connection_file, cwd=str(self.place.cwd),
            env=self.place.env(), uid=self.place.uid, gid=self.place.gid,
            limits=self.place.limits, view=self.place.view())
        self.process = ForkedKernel(int(answer["pid"]), self.launcher)
        self.pid = self.pgid = self.process.pid
        self.cwd = str(self.place.cwd)
        return self.connection_info

    async def send_signal(self, signum: int) -> None:
        """Signal the kernel's process group, but only while its leader is not yet reaped (after
        that its pid, and so the group id, may belong to someone else)."""
        if self.process is not None and self.process.poll() is None:
            with contextlib.suppress(OSError):
                os.killpg(self.pid, signum)
            self.process.send_signal(signum)

    async def wait(self) -> int | None:
        status = 0
        if self.process is not None:
            while await self.poll() is None:
                await asyncio.sleep(0.01)
            status = self.exit_status = self.process.poll()
            self.process.close()
            self.process = None
        return status


class GradingKernelManager(AsyncKernelManager):  # type: ignore[misc]
    """jupyter_client's manager, checking every 5 ms (not 100 ms) whether a dead kernel is gone."""

    async def _async_wait(self, pollinterval: float = 0.1) -> None:
        await super()._async_wait(pollinterval=0.005)


def make_kernel_manager(place: KernelPlace, launcher: Launcher) -> AsyncKernelManager:
    km = GradingKernelManager(kernel_name="python3", client_factory=GradingKernelClient)
    # Unix sockets in the kernel's runtime folder: it has no network at all, and a path works
    # across network namespaces. Absolute: the default "kernel-ipc" depends on each cwd.
    km.transport = "ipc"
    km.ip = place.socket_base
    km.connection_file = str(place.runtime / f"kernel-{uuid.uuid4()}.json")
    provisioner = ForkProvisioner(kernel_id=str(uuid.uuid4()), kernel_spec=km.kernel_spec,
                                  parent=km)
    provisioner.place, provisioner.launcher = place, launcher
    km.provisioner = provisioner
    return km


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
