"""The warm kernel launcher: a process that imports the heavy libraries once, then forks kernels.

Run by the grader as `python -m newslab.grading.warm_launcher`. It never imports the checks and
never sees an answer, a submission or a kernel's connection key: it only receives, one JSON line at
a time on stdin, where a kernel should live and which limits apply, and answers on stdout.

Requests and answers (one JSON object per line):
- {"op": "spawn", "connection_file", "cwd", "env", "uid", "gid", "limits", "view"} -> {"pid": N}
  The child starts a session of its own; with a `view` (its mount point, writable folders and
  where data/ goes) it enters namespaces of its own and builds that view (`isolation`); then
  it sets its resource limits, drops to `uid`/`gid` (when given) or its capabilities, and
  becomes an IPython kernel (ipykernel) on the given connection file.
- {"op": "reap", "pid": N} -> {"status": code or null while it still runs}
- {"op": "kill_user", "uid": U} -> {"ok": true}: kill every process of that user (root only).
Its first line says {"ready": true, "isolated": bool, "why_not": reason}: before warming up it
tries the isolation once (`isolation.probe`). On end of input it kills its kernels and exits.

`Launcher` is the grader's side of the same protocol: it starts this process and sends it
requests.
"""

from __future__ import annotations

import contextlib
import importlib
import io
import json
import os
import resource
import signal
import subprocess
import sys
import sysconfig
import threading
import warnings
from pathlib import Path
from typing import Any

from newslab.grading import GraderError, isolation
from newslab.paths import ROOT

# What a course notebook needs; the checks (newslab.checks) are deliberately absent.
WARM_MODULES = ("numpy", "pandas", "altair", "IPython", "ipykernel.kernelapp",
                "ipykernel.ipkernel", "ipykernel.zmqshell", "ipykernel.debugger",
                "IPython.core.completerlib", "IPython.core.debugger", "IPython.core.oinspect",
                "IPython.extensions.storemagic", "IPython.utils.wildcard", "psutil",
                "tornado.platform.asyncio", "newslab", "newslab.data", "newslab.plain", "jedi",
                "csv", "json", "re", "statistics")
# Parts of the standard library that must not or need not be imported ahead of time.
SKIPPED_STDLIB = ("antigravity", "this", "idlelib", "tkinter", "turtle", "turtledemo",
                  "lib2to3", "ensurepip", "venv", "test", "__main__", "pydoc_data",
                  "distutils")

# One thread per library in every kernel: set before numpy loads, in the launcher and each kernel.
THREAD_VARIABLES = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS",
                    "NUMEXPR_NUM_THREADS")
LIMITS = {"address_space": resource.RLIMIT_AS, "cpu": resource.RLIMIT_CPU,
          "file_size": resource.RLIMIT_FSIZE, "processes": resource.RLIMIT_NPROC,
          "open_files": resource.RLIMIT_NOFILE, "core": resource.RLIMIT_CORE}


def import_standard_library() -> None:
    """Import the whole standard library, for kernels that may not read it after dropping root.

    Needed when Python lives in a private folder (for example /root/.pyenv): a kernel running
    as an unprivileged user could otherwise not import `csv` or `datetime` on its own.
    """
    root = Path(sysconfig.get_paths()["stdlib"])
    names = set(sys.stdlib_module_names)
    for path in root.rglob("*.py"):
        parts = list(path.relative_to(root).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        if parts and parts[0] in sys.stdlib_module_names and all(p.isidentifier() for p in parts):
            names.add(".".join(parts))
    for name in sorted(names):
        parts = name.split(".")
        if parts[0] in SKIPPED_STDLIB or parts[0].startswith("_") or any(
                part.startswith(("test", "__main__")) or part == "idle_test" for part in parts):
            continue
        with contextlib.suppress(BaseException):
            importlib.import_module(name)


def warm_up(isolated: bool) -> None:
    """Import what kernels need and exercise it once, so every fork starts warm."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for name in WARM_MODULES:
            importlib.import_module(name)
        if not isolated and not isolation.open_to_others(Path(sysconfig.get_paths()["stdlib"])):
            import_standard_library()
        import altair as alt
        import pandas as pd

        table = pd.read_csv(io.StringIO("a,b\nx,1\ny,2\n"))
        alt.Chart(table).mark_bar().encode(x="a", y="b").to_dict()
        table.to_html()


def system_binds() -> list[tuple[str, str, bool]]:
    """What every kernel sees read-only at its own path: /usr, Python, the venv, newslab, data.

    Not the repository root (an editable install puts it on sys.path: it then holds only
    newslab/ and data/). A folder inside another one on the list is not bound twice.
    """
    import newslab
    from newslab.paths import DATA

    wanted = {"/usr", os.path.realpath(sys.base_prefix), os.path.realpath(sys.prefix),
              os.path.realpath(Path(newslab.__file__).parent), os.path.realpath(DATA)}
    chosen: list[str] = []
    for path in sorted(wanted, key=len):
        if os.path.isdir(path) and not any(path.startswith(c.rstrip("/") + "/") for c in chosen):
            chosen.append(path)
    return [(path, path, False) for path in chosen]


def kernel_view(request: dict[str, Any], uid: int, gid: int) -> isolation.View:
    """The submission's view: the system binds, its own folders, data/ read-only, /etc."""
    from newslab.paths import DATA

    place = request["view"]
    binds = system_binds()
    binds += [(folder, folder, True) for folder in place["writable"]]
    binds += [(str(DATA), place["data"], False)]
    home = request["env"]["HOME"]
    files = {"/etc/passwd": f"root:x:0:0:root:/root:/bin/sh\n"
                            f"student:x:{uid}:{gid}:student:{home}:/bin/sh\n",
             "/etc/group": f"root:x:0:\nstudent:x:{gid}:\n"}
    return isolation.View(place["mount_point"], binds, files, request["cwd"])


def start_kernel(request: dict[str, Any], isolated: bool) -> None:
    """Limit, drop privileges, then run ipykernel; with `isolated`, inside the kernel's view."""
    uid, gid = request.get("uid"), request.get("gid")
    if isolated:
        isolation.enter_view(kernel_view(request, os.getuid() if uid is None else uid,
                                         os.getgid() if gid is None else gid))
    for name, value in request.get("limits", {}).items():
        resource.setrlimit(LIMITS[name], (value, value))
    os.chdir(request["cwd"])
    os.environ.clear()
    os.environ.update(request["env"])
    if isolated:
        isolation.no_new_privileges()
    if uid is not None and gid is not None:
        os.setgroups([])
        os.setgid(gid)
        os.setuid(uid)
        if os.getuid() != uid or os.geteuid() != uid:
            raise PermissionError("could not drop privileges")
    elif isolated:  # same uid (a user namespace's creator, or root kept): no capabilities
        isolation.drop_capabilities()
    if isolated:
        isolation.stay_tied_to_parent()  # changing uid cleared it
    os.umask(0o077)
    from ipykernel.kernelapp import IPKernelApp

    app = IPKernelApp.instance()
    app.initialize(["-f", request["connection_file"]])
    app.start()


def become_kernel(request: dict[str, Any]) -> None:
    """In the forked child: isolate, limit, drop privileges, then run ipykernel. Never returns."""
    try:
        os.setsid()
        signal.signal(signal.SIGCHLD, signal.SIG_DFL)
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)
        null = os.open(os.devnull, os.O_RDWR)
        for fd in (0, 1, 2):
            os.dup2(null, fd)
        os.closerange(3, 1024)  # nothing of the launcher's survives, including its pipes
        if request.get("view"):
            isolation.enter_namespaces()
            isolation.run_as_init(lambda: start_kernel(request, True))
        start_kernel(request, False)
    except BaseException:  # a kernel that cannot start must never return into the launcher
        os._exit(70)
    os._exit(0)


def kill_user(uid: int) -> None:
    """Kill every process that `uid` owns, from a short-lived child running as that user."""
    pid = os.fork()
    if pid == 0:
        try:
            os.setgroups([])
            os.setgid(uid)
            os.setuid(uid)
            os.kill(-1, signal.SIGKILL)  # as `uid`, -1 reaches only that user's processes
        except BaseException:
            os._exit(1)
        os._exit(0)
    os.waitpid(pid, 0)


def serve(requests: io.TextIOBase, answers: io.TextIOBase) -> None:
    """Answer requests until end of input."""
    children: set[int] = set()
    for line in requests:
        request = json.loads(line)
        answer: dict[str, Any]
        if request["op"] == "spawn":
            pid = os.fork()
            if pid == 0:
                become_kernel(request)
            children.add(pid)
            answer = {"pid": pid}
        elif request["op"] == "reap":
            pid = int(request["pid"])
            answer = {"status": None}
            if pid in children:
                done, status = os.waitpid(pid, os.WNOHANG)
                if done:
                    children.discard(pid)
                    answer = {"status": os.waitstatus_to_exitcode(status)}
        elif request["op"] == "kill_user":
            kill_user(int(request["uid"]))
            answer = {"ok": True}
        else:
            answer = {"error": f"unknown request {request['op']!r}"}
        answers.write(json.dumps(answer) + "\n")
        answers.flush()
    for pid in children:
        with contextlib.suppress(OSError):
            os.killpg(pid, signal.SIGKILL)
        with contextlib.suppress(OSError):
            os.waitpid(pid, 0)


class Launcher:
    """The grader's handle on the warm launcher process."""

    def __init__(self, workdir: Path, isolate: bool = True) -> None:
        self._lock = threading.Lock()
        self._log = workdir / "launcher.log"
        env = {key: value for key, value in os.environ.items() if not key.startswith("JPY_")}
        env.update(dict.fromkeys(THREAD_VARIABLES, "1"))  # before numpy loads, not after
        env["NEWSLAB_ROOT"] = str(ROOT)  # its cwd is not the course's (pip install . needs it)
        if not isolate:
            env["NEWSLAB_ISOLATION"] = "0"
        with open(os.open(self._log, os.O_WRONLY | os.O_CREAT, 0o600), "wb") as log:
            self._process = subprocess.Popen(
                [sys.executable, "-m", "newslab.grading.warm_launcher"], stdin=subprocess.PIPE,
                stdout=subprocess.PIPE, stderr=log, cwd=workdir, env=env, text=True,
                encoding="utf-8")
        self._ready: dict[str, Any] | None = None

    def wait_ready(self) -> dict[str, Any]:
        """Wait until the launcher has warmed up (it starts warming as soon as it is created)."""
        if self._ready is None:
            ready = self._read()
            if not ready.get("ready"):
                raise GraderError(f"the kernel launcher did not start: {self._log_tail()}")
            self._ready = ready
        return self._ready

    @property
    def isolated(self) -> bool:
        """Whether kernels get their own namespaces and view (the launcher's probe says)."""
        return bool(self.wait_ready().get("isolated"))

    @property
    def why_not(self) -> str:
        return str(self.wait_ready().get("why_not") or "")

    def _log_tail(self) -> str:
        text = self._log.read_text(encoding="utf-8", errors="replace").strip()
        return text.splitlines()[-1] if text else "no message"

    def _read(self) -> dict[str, Any]:
        assert self._process.stdout is not None
        line = self._process.stdout.readline()
        if not line:
            raise GraderError(f"the kernel launcher stopped: {self._log_tail()}")
        return json.loads(line)

    def request(self, **request: Any) -> dict[str, Any]:
        """Send one request and wait for its answer (requests are short: no await needed)."""
        self.wait_ready()
        with self._lock:
            assert self._process.stdin is not None
            try:
                self._process.stdin.write(json.dumps(request) + "\n")
                self._process.stdin.flush()
            except OSError as error:
                raise GraderError(f"the kernel launcher stopped: {self._log_tail()}") from error
            return self._read()

    def close(self) -> None:
        """Stop the launcher (it kills any kernel still running)."""
        with contextlib.suppress(OSError):
            if self._process.stdin:
                self._process.stdin.close()
        try:
            self._process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()
        if self._process.stdout:
            self._process.stdout.close()


def main() -> None:
    """Keep the protocol on the original stdout; anything else printed goes to stderr."""
    answers = os.fdopen(os.dup(1), "w", encoding="utf-8")
    os.dup2(2, 1)
    sys.stdout = sys.stderr
    for name in THREAD_VARIABLES:
        os.environ[name] = "1"
    why_not = isolation.probe() if os.environ.get("NEWSLAB_ISOLATION", "1") != "0" else (
        "turned off by NEWSLAB_ISOLATION=0")
    warm_up(why_not is None)
    answers.write(json.dumps({"ready": True, "isolated": why_not is None,
                              "why_not": why_not}) + "\n")
    answers.flush()
    serve(sys.stdin, answers)
    answers.close()
    os._exit(0)  # skip tearing down 1,500 modules one by one


if __name__ == "__main__":
    main()
