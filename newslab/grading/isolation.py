"""Linux namespaces for one kernel: its own network, processes and view of the file system.

Called by the warm launcher in the child it forks for a kernel, before any student code runs:

1. `enter_namespaces()` (in that child, "A"): new mount, network, PID, IPC and UTS namespaces,
   plus a user namespace when not root (the instructor's uid and gid mapped to themselves).
2. `run_as_init(start)`: a PID namespace applies to children only, so A forks B, which is pid 1
   of the new namespace and runs `start`. A forwards SIGTERM/SIGINT to B, waits for it and
   exits with its status; B dies with A (PR_SET_PDEATHSIG), and when B dies the kernel kills
   everything else in the namespace: nothing a submission forks can outlive its kernel.
3. `enter_view(view)` (in B): a tmpfs as the new root holding read-only binds of what Python
   needs at the same absolute paths, the submission's folders read-write, a fresh /proc, a
   minimal /dev and /etc; then pivot_root into it (not chroot, which can be escaped) and detach
   the old root. Nothing else of the machine's files stays reachable.
4. `no_new_privileges()` and, in a user namespace, `drop_capabilities()`.

Everything here is plain syscalls through ctypes: Python 3.11 has no os.unshare or pivot_root.
"""

from __future__ import annotations

import ctypes
import errno
import os
import platform
import resource
import select
import signal
import stat
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import NoReturn

CLONE_NEWNS, CLONE_NEWUTS, CLONE_NEWIPC = 0x00020000, 0x04000000, 0x08000000
CLONE_NEWUSER, CLONE_NEWPID, CLONE_NEWNET = 0x10000000, 0x20000000, 0x40000000
MS_RDONLY, MS_NOSUID, MS_NODEV, MS_NOEXEC = 1, 2, 4, 8
MS_REMOUNT, MS_BIND, MS_REC, MS_PRIVATE = 32, 4096, 16384, 1 << 18
MS_NOATIME, MS_NODIRATIME, MS_RELATIME, MS_STRICTATIME = 1024, 2048, 1 << 21, 1 << 24
MNT_DETACH = 2
PR_SET_PDEATHSIG, PR_SET_NO_NEW_PRIVS, PR_CAPBSET_DROP = 1, 38, 24
PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL = 47, 4
LINUX_CAPABILITY_VERSION_3 = 0x20080522
SYS_PIVOT_ROOT = {"x86_64": 155, "aarch64": 41}
# statvfs flags a bind inherits from its source: a user namespace may not clear them.
LOCKED_FLAGS = ((os.ST_NOSUID, MS_NOSUID), (os.ST_NODEV, MS_NODEV), (os.ST_NOEXEC, MS_NOEXEC),
                (os.ST_NOATIME, MS_NOATIME), (os.ST_NODIRATIME, MS_NODIRATIME),
                (os.ST_RELATIME, MS_RELATIME))
DEVICES = ("null", "zero", "full", "random", "urandom")

_libc = ctypes.CDLL(None, use_errno=True)


class IsolationError(OSError):
    """A namespace, mount or capability call failed."""


def _check(result: int, what: str) -> int:
    if result < 0:
        number = ctypes.get_errno()
        raise IsolationError(number, f"{what}: {os.strerror(number)}")
    return result


def _encode(text: str | None) -> bytes | None:
    return None if text is None else os.fsencode(text)


def _mount(source: str | None, target: str, fstype: str | None, flags: int,
           data: str | None = None) -> None:
    _check(_libc.mount(_encode(source), _encode(target), _encode(fstype),
                       ctypes.c_ulong(flags), _encode(data)),
           f"mount {source or fstype} on {target}")


def enter_namespaces() -> None:
    """Unshare every namespace the kernel needs (the new PID namespace is for children)."""
    flags = CLONE_NEWNS | CLONE_NEWNET | CLONE_NEWPID | CLONE_NEWIPC | CLONE_NEWUTS
    as_root = os.geteuid() == 0
    uid, gid = os.geteuid(), os.getegid()
    _check(_libc.unshare(flags if as_root else flags | CLONE_NEWUSER), "unshare")
    if not as_root:  # map only ourselves: no other uid exists inside
        Path("/proc/self/setgroups").write_text("deny")
        Path("/proc/self/uid_map").write_text(f"{uid} {uid} 1")
        Path("/proc/self/gid_map").write_text(f"{gid} {gid} 1")


_parent_pidfd = -1  # in pid 1: a pidfd of A, readable once A has exited


def stay_tied_to_parent() -> None:
    """In pid 1: die when A dies. Call again after changing uid (that clears the setting)."""
    _check(_libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0), "prctl(PDEATHSIG)")
    poller = select.poll()
    poller.register(_parent_pidfd, select.POLLIN)
    if poller.poll(0):  # A died before the line above took effect: do not linger
        os._exit(70)


def run_as_init(start: Callable[[], None]) -> NoReturn:
    """Fork the namespace's pid 1 to run `start`; mirror its end as our own. Never returns."""
    global _parent_pidfd
    _parent_pidfd = os.pidfd_open(os.getpid())  # pid 1 cannot see our pid, but can poll this
    child = os.fork()
    if child == 0:
        try:
            stay_tied_to_parent()
            start()
        except BaseException:
            os._exit(70)
        os._exit(0)
    os.close(_parent_pidfd)
    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, lambda number, frame: os.kill(child, number))
    _, status = os.waitpid(child, 0)
    code = os.waitstatus_to_exitcode(status)
    if code < 0:  # die of the same signal, so the grader reads e.g. -11 for a segfault
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
        signal.signal(-code, signal.SIG_DFL)
        signal.pthread_sigmask(signal.SIG_UNBLOCK, [-code])
        os.kill(os.getpid(), -code)
    os._exit(code if code >= 0 else 70)


@dataclass(frozen=True)
class View:
    """What one kernel sees of the file system, each path at its own absolute place.

    `mount_point` is an empty folder the new root (a small tmpfs) is built on; `binds` are
    (source, target, writable) in order, so a later bind may sit inside an earlier one;
    `files` are small files written into the new root (/etc/passwd and the like).
    """

    mount_point: str
    binds: list[tuple[str, str, bool]]
    files: dict[str, str] = field(default_factory=dict)
    cwd: str = "/"


def _make_target(root: str, target: str, is_dir: bool) -> str:
    path = root + target
    if is_dir:
        os.makedirs(path, mode=0o755, exist_ok=True)
    else:
        os.makedirs(os.path.dirname(path), mode=0o755, exist_ok=True)
        if not os.path.lexists(path):
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT, 0o644))
    return path


def _bind(source: str, path: str, writable: bool) -> None:
    _mount(source, path, None, MS_BIND | MS_REC)
    if not writable:
        locked = os.statvfs(source).f_flag
        flags = MS_REMOUNT | MS_BIND | MS_RDONLY | MS_NOSUID
        flags |= sum(ms for st, ms in LOCKED_FLAGS if locked & st)
        _mount(None, path, None, flags)


def _top_level_links(root: str) -> None:
    """/bin, /lib, /lib64, /sbin: symlinks into /usr on merged systems, folders elsewhere."""
    for name in ("bin", "sbin", "lib", "lib32", "lib64", "libx32"):
        path = "/" + name
        if os.path.islink(path):
            os.symlink(os.readlink(path), root + path)
        elif os.path.isdir(path):
            _bind(path, _make_target(root, path, True), False)


def enter_view(view: View) -> None:
    """Build the view on a tmpfs, pivot_root into it, detach the old root, make it read-only."""
    root = view.mount_point
    _mount(None, "/", None, MS_REC | MS_PRIVATE)  # nothing we do propagates back out
    _mount("tmpfs", root, "tmpfs", MS_NOSUID | MS_NODEV, "size=4m,mode=0755")
    _top_level_links(root)
    for source, target, writable in view.binds:
        _bind(source, _make_target(root, target, os.path.isdir(source)), writable)
    _mount("proc", _make_target(root, "/proc", True), "proc", MS_NOSUID | MS_NODEV | MS_NOEXEC)
    for name in DEVICES:
        _bind(f"/dev/{name}", _make_target(root, f"/dev/{name}", False), True)
    for target, text in view.files.items():
        _make_target(root, os.path.dirname(target), True)
        Path(root + target).write_text(text)
    os.chdir(root)
    machine = platform.machine()
    if machine not in SYS_PIVOT_ROOT:
        raise IsolationError(errno.ENOSYS, f"pivot_root: unknown machine {machine}")
    # pivot_root(".", "."): the old root ends up stacked on the new one, then is detached.
    _check(_libc.syscall(SYS_PIVOT_ROOT[machine], b".", b"."), "pivot_root")
    _check(_libc.umount2(b".", MNT_DETACH), "umount old root")
    os.chdir("/")
    _mount(None, "/", None, MS_REMOUNT | MS_BIND | MS_RDONLY | MS_NOSUID | MS_NODEV)
    os.chdir(view.cwd)


def no_new_privileges() -> None:
    """No exec can ever gain privileges again (setuid files, file capabilities)."""
    _check(_libc.prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0), "prctl(NO_NEW_PRIVS)")


class _CapHeader(ctypes.Structure):
    _fields_ = [("version", ctypes.c_uint32), ("pid", ctypes.c_int)]


class _CapData(ctypes.Structure):
    _fields_ = [("effective", ctypes.c_uint32), ("permitted", ctypes.c_uint32),
                ("inheritable", ctypes.c_uint32)]


def drop_capabilities() -> None:
    """Give up every capability (those a new user namespace grants its creator included)."""
    for capability in range(64):  # the bounding set first: that needs CAP_SETPCAP
        if _libc.prctl(PR_CAPBSET_DROP, capability, 0, 0, 0) < 0:
            break  # EINVAL past the last capability this kernel knows
    _libc.prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL, 0, 0, 0)
    header = _CapHeader(LINUX_CAPABILITY_VERSION_3, 0)
    data = (_CapData * 2)()
    _check(_libc.capset(ctypes.byref(header), data), "capset")


def open_to_others(path: Path) -> bool:
    """True when any user on the machine can reach and read `path` (resolved): every folder down
    to it can be entered by others, and it can be read by others.

    Used where kernels are not isolated: can an unprivileged kernel import the standard library,
    reach the course's Python and package, or read classmates' submissions?
    """
    path = path.resolve()
    for folder in [*reversed(path.parents), path]:
        if not folder.stat().st_mode & stat.S_IXOTH:
            return False
    return bool(path.stat().st_mode & stat.S_IROTH)


def probe() -> str | None:
    """None when a kernel can be isolated here; otherwise why not, in a few words.

    Runs the real sequence (namespaces, pid 1, a view with /proc, pivot_root) in a throw-away
    child, so a kernel or security module that refuses any step is found once, at start-up.
    """
    folder = tempfile.mkdtemp(prefix="newslab-probe-")
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(read)
        try:
            enter_namespaces()
            child = os.fork()
            if child == 0:
                try:
                    enter_view(View(folder, []))
                    no_new_privileges()
                    if os.getpid() != 1 or os.listdir("/proc") == []:
                        raise IsolationError(errno.EPERM, "no PID namespace")
                except BaseException as error:
                    os.write(write, str(error).encode()[:500])
                    os._exit(1)
                os._exit(0)
            _, status = os.waitpid(child, 0)
            os._exit(os.waitstatus_to_exitcode(status))
        except BaseException as error:
            os.write(write, str(error).encode()[:500])
            os._exit(1)
    os.close(write)
    with os.fdopen(read, "rb") as pipe:
        message = pipe.read().decode(errors="replace").strip()
    _, status = os.waitpid(pid, 0)
    os.rmdir(folder)
    code = os.waitstatus_to_exitcode(status)
    if code == 0 and not message:
        return None
    return message or f"the test child ended with status {code}"
