"""The kernels' side of jupyter_client, overridden for the grader: where a kernel comes from and
how fast the grader notices it is ready or gone.

- `ForkedKernel`: a Popen look-alike for a kernel forked by the warm launcher, watched through
  a pidfd;
- `ForkProvisioner`: a jupyter_client provisioner that asks the warm launcher for a kernel
  instead of starting `python -m ipykernel` from scratch;
- `GradingKernelClient`: ready as soon as IOPub answers kernel_info (no fixed 0.2 s wait);
- `GradingKernelManager`: checks every 5 ms (not 100 ms) whether a dead kernel is gone;
- `make_kernel_manager`: the three together, for one submission's place.

Each override relies on jupyter_client internals (private method names and signatures);
`tests/test_grading_kernel.py` pins them, so an upgrade that changes them fails there, loudly.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import select
import signal
import time
import uuid
from queue import Empty
from typing import Any

from jupyter_client.asynchronous import AsyncKernelClient
from jupyter_client.connect import KernelConnectionInfo
from jupyter_client.manager import AsyncKernelManager
from jupyter_client.provisioning import LocalProvisioner

from newslab.grading.sandbox import KernelPlace
from newslab.grading.warm_launcher import Launcher

STARTUP_TIMEOUT = 60


class ForkedKernel:
    """A Popen look-alike for a kernel forked by the launcher, watched through a pidfd."""

    def __init__(self, pid: int, launcher: Launcher) -> None:
        self.pid = pid
        self.returncode: int | None = None
        self.stdin = self.stdout = self.stderr = None
        self._launcher = launcher
        self._pidfd = os.pidfd_open(pid)

    def _exited(self, timeout: float | None = 0) -> bool:
        if self._pidfd < 0:
            return True
        poller = select.poll()  # not select(): a busy grader may hold fds above 1024
        poller.register(self._pidfd, select.POLLIN)
        return bool(poller.poll(None if timeout is None else timeout * 1000))

    def poll(self) -> int | None:
        if self.returncode is None and self._exited():
            self.returncode = self._launcher.request(op="reap", pid=self.pid)["status"]
        return self.returncode

    def wait(self, timeout: float | None = None) -> int | None:
        self._exited(timeout)
        return self.poll()

    def send_signal(self, signum: int) -> None:
        if self.returncode is None and self._pidfd >= 0:
            with contextlib.suppress(ProcessLookupError):
                signal.pidfd_send_signal(self._pidfd, signum)

    def kill(self) -> None:
        self.send_signal(signal.SIGKILL)

    def terminate(self) -> None:
        self.send_signal(signal.SIGTERM)

    def close(self) -> None:
        if self._pidfd >= 0:
            os.close(self._pidfd)
            self._pidfd = -1


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
