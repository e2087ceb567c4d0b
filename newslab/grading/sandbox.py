"""Where a submission's kernel runs: private folders, limits, an unprivileged user.

`Sandbox` holds the run's private temporary folder, reserves one unused uid per parallel job,
gives each submission a `KernelPlace` (its folders, user, limits and environment) and cleans up
after it. It starts the warm launcher (`newslab.grading.warm_launcher`), which forks the kernels;
`newslab.grading.kernel` hands them to nbclient. The defaults of `Settings` are the grader's
(`python -m newslab grade` reads them from here).
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import pwd
import shutil
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newslab.grading import GraderError
from newslab.grading.isolation import open_to_others
from newslab.grading.warm_launcher import THREAD_VARIABLES, Launcher
from newslab.paths import DATA

DEFAULT_KERNEL_UID = 61000
# The grader's defaults, written once: Settings and Limits use them, the CLI reads Settings().
CELL_TIMEOUT_SECONDS = 30.0
BUDGET_SECONDS = 120.0
MEMORY_MB = 2048
# A Unix socket's path holds at most 107 bytes; the kernel's are `<runtime>/k-<port>`.
MAX_SOCKET_PATH = 107


@dataclass(frozen=True)
class Limits:
    """Resource limits for one kernel."""

    memory_mb: int = MEMORY_MB
    cpu_seconds: int = 600
    file_size_mb: int = 64
    processes: int = 128
    open_files: int = 512

    def for_kernel(self, dropping_privileges: bool) -> dict[str, int]:
        limits = {"address_space": self.memory_mb * 2**20, "cpu": self.cpu_seconds,
                  "file_size": self.file_size_mb * 2**20, "open_files": self.open_files,
                  "core": 0}
        if dropping_privileges:  # RLIMIT_NPROC counts every process of the user
            limits["processes"] = self.processes
        return limits


@dataclass(frozen=True)
class Settings:
    """How to grade: parallel kernels, time limits (seconds), memory per kernel (MB)."""

    jobs: int = 2
    cell_timeout: float = CELL_TIMEOUT_SECONDS
    budget: float = BUDGET_SECONDS
    memory_mb: int = MEMORY_MB
    kernel_uid: int = DEFAULT_KERNEL_UID

    def limits(self) -> Limits:
        return Limits(memory_mb=self.memory_mb, cpu_seconds=int(self.budget + 60))


LOCKS = Path(tempfile.gettempdir()) / "newslab-kernel-uids"


def reserve_kernel_uids(base: int, count: int) -> list[tuple[int, int]]:
    """`count` uids from `base` up that belong to no account and to no other grader running now.

    One uid per parallel job, so kernels running side by side cannot signal each other; each
    is held with a lock file (returned as (uid, fd); closing the fd frees it), so two graders
    on one machine never share a uid and never kill each other's kernels.
    """
    LOCKS.mkdir(mode=0o700, exist_ok=True)
    if LOCKS.stat().st_uid != 0 or LOCKS.stat().st_mode & 0o077:
        raise GraderError(f"{LOCKS} must be a folder that only root can use.")
    reserved: list[tuple[int, int]] = []
    for uid in range(base, base + 1000):
        if len(reserved) == count:
            return reserved
        try:
            pwd.getpwuid(uid)
            continue  # a real account: never borrow it
        except KeyError:
            pass
        fd = os.open(LOCKS / str(uid), os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            continue
        reserved.append((uid, fd))
    for _, fd in reserved:
        os.close(fd)
    raise GraderError(f"No {count} free uids from {base}; choose another --kernel-uid.")


@dataclass
class KernelPlace:
    """One submission's private folders and the user its kernel runs as."""

    root: Path
    cwd: Path
    home: Path
    runtime: Path
    uid: int | None
    gid: int | None
    limits: dict[str, int] = field(default_factory=dict)
    isolated: bool = False

    @property
    def socket_base(self) -> str:
        """Where the kernel's Unix sockets go (`<this>-<port>`), inside its runtime folder."""
        return str(self.runtime / "k")

    def view(self) -> dict[str, Any] | None:
        """What the launcher needs to build this kernel's view (None: no isolation)."""
        if not self.isolated:
            return None
        return {"mount_point": str(self.root / "view"), "data": str(self.root / "work" / "data"),
                "writable": [str(self.root / name) for name in ("work", "home", "runtime", "tmp")]}

    def env(self) -> dict[str, str]:
        """The kernel's whole environment: nothing of the grader's leaks in."""
        tmp = self.root / "tmp"
        env = {"PATH": f"{Path(sys.executable).parent}:/usr/local/bin:/usr/bin:/bin",
               "HOME": str(self.home), "USER": "student", "LOGNAME": "student",
               "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "TMPDIR": str(tmp),
               "IPYTHONDIR": str(self.home / ".ipython"), "MPLBACKEND": "Agg",
               "JUPYTER_CONFIG_DIR": str(self.home / ".jupyter"),
               "JUPYTER_DATA_DIR": str(self.home / ".local"),
               "JUPYTER_RUNTIME_DIR": str(self.runtime), "PYTHONDONTWRITEBYTECODE": "1"}
        env.update(dict.fromkeys(THREAD_VARIABLES, "1"))
        return env


class Sandbox:
    """The run's private temporary folder, the kernels' users, and the warm launcher.

    Creating one starts the launcher without waiting for it: create it early.

    With `isolate` (the default) every kernel gets its own namespaces and view of the file
    system where Linux allows it (`isolated` says whether it does); otherwise, and where it does
    not, kernels run as before: an unprivileged uid when root, and a read-only copy of data/.
    """

    def __init__(self, jobs: int, limits: Limits, kernel_uid: int = DEFAULT_KERNEL_UID,
                 drop_privileges: bool | None = None, isolate: bool = True) -> None:
        self.root = Path(tempfile.mkdtemp(prefix="newslab-grade-"))
        self.root.chmod(0o711)  # others may pass through, never list
        self.as_root = os.geteuid() == 0 if drop_privileges is None else drop_privileges
        self.limits = limits
        self._locks: list[tuple[int, int]] = []
        try:  # the launcher warms up while the grader reads the submissions
            self.launcher = Launcher(self.root, isolate)
            self._locks = reserve_kernel_uids(kernel_uid, jobs) if self.as_root else []
        except BaseException:
            self._release()
            raise
        self.free_uids: list[int | None] = (
            [uid for uid, _ in self._locks] if self.as_root else [None] * jobs)
        self.all_uids = list(self.free_uids)
        self.data = self.root / "data"
        self._prepared = False

    @classmethod
    def for_settings(cls, settings: Settings) -> Sandbox:
        return cls(settings.jobs, settings.limits(), settings.kernel_uid)

    @property
    def isolated(self) -> bool:
        return self.launcher.isolated

    def _prepare(self) -> None:
        """Once the launcher is ready: the shared data copy (no isolation), stale kernels."""
        if self._prepared:
            return
        self._prepared = True
        if not self.isolated:
            _copy_read_only(DATA, self.data)
        for uid in self.all_uids:  # whatever an earlier, interrupted run may have left
            if uid is not None:
                self.launcher.request(op="kill_user", uid=uid)

    def warnings(self, submissions: Path) -> list[str]:
        """What the instructor must know about this run's protection, in words (or nothing)."""
        if self.isolated:
            return []
        who = "their own user" if self.as_root else "you"
        said = (f"Kernels cannot be isolated on this machine ({self.launcher.why_not}): they "
                f"can use the network and read every file {who} can read")
        if not self.as_root:
            said += (", and change your files. Grade as root, or where user namespaces are "
                     "allowed, for the full sandbox")
        warnings = [said + "; see docs/GRADING.md."]
        if self.as_root and not environment_readable_by_others():
            warnings.append(f"The course's Python environment ({sys.prefix}) or the newslab "
                            "package sits below a folder other users cannot enter, so kernels "
                            "running as an unprivileged user cannot start without namespaces: "
                            "grade from a folder other users can enter, or on a machine that "
                            "allows namespaces.")
        if self.as_root and submissions.is_dir() and open_to_others(submissions):
            warnings.append(f"{submissions} is readable by every user, including the kernels' "
                            f"users: run `chmod 700 {submissions}` so a submission cannot read "
                            "its classmates' files.")
        return warnings

    def open(self) -> KernelPlace:
        """A fresh private folder for one submission: work/exercises (cwd), work/data, home."""
        self._prepare()
        uid = self.free_uids.pop(0)
        folder = Path(tempfile.mkdtemp(prefix="submission-", dir=self.root))
        cwd = folder / "work" / "exercises"
        for path in (cwd, folder / "home", folder / "runtime", folder / "tmp"):
            path.mkdir(parents=True)
        if self.isolated:  # data/ is bound there, read-only, when the view is built
            (folder / "work" / "data").mkdir()
            (folder / "view").mkdir()
        elif self.as_root:
            (folder / "work" / "data").symlink_to(self.data)
        else:  # the kernel runs as us and could change a shared copy: give it its own
            _copy_read_only(DATA, folder / "work" / "data")
        place = KernelPlace(folder, cwd, folder / "home", folder / "runtime", uid, uid,
                            self.limits.for_kernel(uid is not None), self.isolated)
        if len(place.socket_base) + 6 > MAX_SOCKET_PATH:
            _remove(folder)
            self.free_uids.insert(0, uid)
            raise GraderError(f"The temporary folder {self.root} has too long a path for the "
                              "kernels' sockets: set TMPDIR to a shorter one, such as /tmp.")
        if uid is not None:
            for path in [folder, *folder.rglob("*")]:
                os.lchown(path, uid, uid)
        folder.chmod(0o700)
        return place

    def close_place(self, place: KernelPlace) -> None:
        """Kill whatever the submission left running, remove its folder, free its user."""
        if place.uid is not None:
            self.launcher.request(op="kill_user", uid=place.uid)
        _remove(place.root)
        self.free_uids.append(place.uid)

    def close(self) -> None:
        """Kill anything any kernel user still runs, stop the launcher, remove the folder."""
        for uid in self.all_uids:
            if uid is not None:
                with contextlib.suppress(GraderError):
                    self.launcher.request(op="kill_user", uid=uid)
        self.launcher.close()
        self._release()

    def _release(self) -> None:
        for _, fd in self._locks:
            os.close(fd)
        self._locks = []
        _remove(self.root)


def environment_readable_by_others() -> bool:
    """True when a user with no relation to us can reach the venv and the newslab package."""
    package = Path(__file__).resolve().parent.parent
    return all(open_to_others(path) for path in (Path(sys.prefix).resolve(), package))


def _remove(folder: Path) -> None:
    """Remove a folder, read-only copies included (their folders are made writable first)."""
    for path in [folder, *folder.rglob("*")]:
        if path.is_dir() and not path.is_symlink():
            with contextlib.suppress(OSError):
                path.chmod(0o700)
    shutil.rmtree(folder, ignore_errors=True)


def _copy_read_only(source: Path, target: Path) -> None:
    shutil.copytree(source, target)
    for path in target.rglob("*"):
        path.chmod(0o755 if path.is_dir() else 0o444)
    target.chmod(0o555)
