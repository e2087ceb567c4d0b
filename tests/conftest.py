"""Shared fixtures for the course's tests.

Reuse these rather than starting servers by hand:

- `jupyter_env` (session, automatic): Jupyter and IPython state in a temporary folder.
- `free_port`: a TCP port that was free on 127.0.0.1 a moment ago.
- `lab_server` (session): a JupyterLab server for the repository, as `(url, token)`.
- `start_lab(...)`: the context manager behind `lab_server`, for a server with other arguments.
- `course_copy` / `course_lab` (session): a temporary copy of the course folders and a JupyterLab
  serving it, for tests that run or edit notebooks (nothing in the repository is ever saved over).
- `fresh_install` (session): the course as Binder installs it (requirements.txt, `pip install
  .`, postBuild) in a fresh venv, all in a private `mkdtemp` folder; built once, shared by the
  Binder test and the grader's private-folder test.
- `shutdown_kernels(server)`: stop every kernel a test started through a server.
- `open_notebook` (uses `page` and `course_lab`): open a notebook as a `labpage.NotebookPage`.
- `shared_page` (module): one `labpage.SharedNotebookPage` that a module's tests take turns on.
- `marking_output`: `grading-output/written.csv` in the course copy (two written answers, no
  marks yet), for the instructors' marking notebook.
- `chromium_executable` / `browser` / `page`: Debian's Chromium driven by Playwright,
  skipped with a reason outside CI when Chromium is missing, a failure under CI.

`make test` runs these tests on two workers (pytest-xdist, `--dist loadgroup`): each worker
builds its own session fixtures, in its own temporary folders and on its own ports.
`pytest_collection_modifyitems` below keeps a module's tests on one worker (those of
SPREAD_MODULES: one notebook's tests, one after another) and every test that uses
`fresh_install` or `built_site` on one worker, and starts the slow groups first.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple

import psutil
import pytest
from labpage import NotebookPage, SharedNotebookPage

REPO = Path(__file__).resolve().parent.parent
ARTIFACTS = REPO / "test-artifacts"
JUPYTER_DIR_VARIABLES = ("JUPYTER_CONFIG_DIR", "JUPYTER_DATA_DIR", "JUPYTER_RUNTIME_DIR",
                         "IPYTHONDIR")
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run"]


def course_files(destination: Path) -> Path:
    """Copy what a clone would hold (tracked and new, unignored files) to `destination`."""
    listed = subprocess.run(["git", "ls-files", "--cached", "--others", "--exclude-standard",
                             "-z"], cwd=REPO, capture_output=True, check=True, timeout=60)
    for name in filter(None, listed.stdout.decode().split("\0")):
        source = REPO / name
        if source.is_file():
            (destination / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, destination / name)
    return destination


def run(command: list[str], cwd: Path, env: dict[str, str], timeout: float = 600) -> str:
    """Run a set-up step; fail with its output if it fails."""
    done = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=timeout)
    assert done.returncode == 0, f"{' '.join(command)} failed:\n{done.stdout}\n{done.stderr}"
    return done.stdout


@dataclass
class FreshInstall:
    """A Binder-like install: `folder` (mode 0700) holds `home` (the course) and `venv`."""

    folder: Path
    home: Path
    venv: Path
    env: dict[str, str]


# `make test` names a folder of its own here (mode 0711): the Binder-like install is then made
# in it and kept after the session, and the Binder test registers the install's kernel there as
# BINDER_KERNEL, with which `make test`'s nbval stages run every notebook (see test_binder.py).
BINDER_HOME_VARIABLE = "NEWSLAB_BINDER_HOME"
BINDER_KERNEL = "newslab-binder"


@pytest.fixture(scope="session")
def fresh_install() -> Iterator[FreshInstall]:
    """repo2docker's steps in a fresh venv: requirements.txt, `pip install .`, postBuild.

    pip runs with the caller's configuration, so it reuses the wheels `make test-venv` already
    downloaded (pip's cache, and PIP_FIND_LINKS where set) instead of fetching them again, while
    the venv itself starts empty and gets nothing but what those steps install (30-90 s). The
    folder is removed after the session, unless `make test` gave one (BINDER_HOME_VARIABLE) to
    build it in: `make test` removes that after its nbval stages.
    """
    keep_in = os.environ.get(BINDER_HOME_VARIABLE) or None
    folder = Path(tempfile.mkdtemp(prefix="newslab-fresh-", dir=keep_in))
    try:
        home = course_files(folder / "home")
        venv = folder / "venv"
        base_python = getattr(sys, "_base_executable", sys.executable)
        subprocess.run([base_python, "-m", "venv", str(venv)], check=True, timeout=120)
        env = {key: value for key, value in os.environ.items()
               if key not in {"VIRTUAL_ENV", "PYTHONPATH", "PYTHONHOME", "NEWSLAB_ROOT"}}
        env["PATH"] = f"{venv / 'bin'}{os.pathsep}{env.get('PATH', '')}"
        pip = [str(venv / "bin" / "python"), "-m", "pip", "--disable-pip-version-check",
               "install", "--quiet"]
        run([*pip, "-r", "requirements.txt"], home, env)
        run([*pip, "."], home, env)
        run(["./postBuild"], home, env)
        yield FreshInstall(folder, home, venv, env)
    finally:
        if keep_in is None:
            shutil.rmtree(folder, ignore_errors=True)


def pytest_configure(config: pytest.Config) -> None:
    """Register the course's markers."""
    config.addinivalue_line("markers", "binder: builds a Binder-like venv from PyPI (~1-2 min)")


# Parallel runs: `make test` runs `pytest -n 2 --dist loadgroup` (pytest-xdist). Each worker is
# a process with its own session fixtures, so every test is given an `xdist_group`: a fixture too
# expensive to build twice names the group of every module that uses it (they all run on one
# worker, which builds it once); any other module is a group of its own (its module fixtures are
# built once, its tests keep their order).
BUILD_ONCE_GROUPS = {"fresh_install": "fresh-install", "built_site": "website"}
# The longest module, whose tests share session fixtures (each worker builds its own JupyterLab
# on its own copy of the course), the module's Chromium (a launch takes a second) and one page
# per lesson (`shared_page`): the tests of one notebook (their `path` parameter) are a group, kept
# together in the order they are written, so that they take turns on one page; the groups are
# spread over every worker.
SPREAD_MODULES = ("tests/test_browser.py",)
# Groups using these start first, so that the long ones do not end up alone at the end.
SLOW_FIXTURES = ("fresh_install", "course_lab", "lab_server", "browser", "built_site")


def module_of(item: pytest.Item) -> str:
    """The test file part of a node id."""
    return item.nodeid.split("::", 1)[0]


def worker_groups(items: list[pytest.Item]) -> dict[str, str]:
    """Each test module's group: the build-once fixture one of its tests uses, or itself."""
    groups = {module_of(item): module_of(item) for item in items}
    for item in items:
        for fixture, group in BUILD_ONCE_GROUPS.items():
            if fixture in getattr(item, "fixturenames", ()):
                groups[module_of(item)] = group
                break
    return groups


def notebook_of(item: pytest.Item) -> str | None:
    """The notebook a test looks at: its `path` parameter, if it has one."""
    callspec = getattr(item, "callspec", None)
    path = callspec.params.get("path") if callspec is not None else None
    return None if path is None else str(path)


def group_of(item: pytest.Item, groups: dict[str, str]) -> str:
    """The item's group: its module's, or in a spread module its notebook's (else itself)."""
    module = module_of(item)
    if module in SPREAD_MODULES and groups[module] == module:
        notebook = notebook_of(item)
        return f"{module}::{notebook}" if notebook else item.nodeid
    return groups[module]


def keep_notebooks_together(items: list[pytest.Item]) -> None:
    """In SPREAD_MODULES, move each test of a notebook up behind that notebook's first test.

    Stable: one notebook's tests keep the order they are written in, the notebooks the order of
    their first test, and every other test its place.
    """
    places = [index for index, item in enumerate(items) if module_of(item) in SPREAD_MODULES]
    spread = [items[index] for index in places]
    first: dict[str, int] = {}
    for position, item in enumerate(spread):
        first.setdefault(notebook_of(item) or item.nodeid, position)
    spread.sort(key=lambda item: first[notebook_of(item) or item.nodeid])
    for index, item in zip(places, spread, strict=True):
        items[index] = item


def slowness_rank(item: pytest.Item) -> int:
    """0 for tests of the Binder-like install, 1 for those with a server or browser, else 2."""
    used = set(getattr(item, "fixturenames", ()))
    if "fresh_install" in used:
        return 0
    return 1 if used.intersection(SLOW_FIXTURES) else 2


@pytest.hookimpl(tryfirst=True)  # before xdist's own hook reads the groups
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Keep one notebook's browser tests together; under pytest-xdist, also group the tests for
    the workers and put the slow groups first.

    The sort is stable and by each group's slowest rank, so modules stay whole and in order;
    without xdist only the browser tests of one notebook move next to each other.
    """
    keep_notebooks_together(items)
    if not hasattr(config, "workerinput"):
        return
    groups = worker_groups(items)
    rank: dict[str, int] = {}
    for item in items:
        group = group_of(item, groups)
        rank[group] = min(rank.get(group, 2), slowness_rank(item))
        item.add_marker(pytest.mark.xdist_group(group))
    items.sort(key=lambda item: rank[group_of(item, groups)])


class LabServer(NamedTuple):
    """A running JupyterLab: `url` ends without a slash; `token` authenticates every request."""

    url: str
    token: str

    def get(self, path: str, timeout: float = 10) -> tuple[int, bytes]:
        """GET `path` (starting with /) with the token; return (status, body)."""
        return http_request(f"{self.url}{path}", self.token, timeout=timeout)

    def get_json(self, path: str) -> Any:
        """GET `path` and decode its JSON body (asserting status 200)."""
        status, body = self.get(path)
        assert status == 200, f"GET {path} answered {status}"
        return json.loads(body)


def http_request(url: str, token: str | None = None, method: str = "GET",
                 timeout: float = 10) -> tuple[int, bytes]:
    """Send one HTTP request; return (status, body), also for 4xx/5xx answers."""
    request = urllib.request.Request(url, method=method)
    if token:
        request.add_header("Authorization", f"token {token}")
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


@pytest.fixture(scope="session", autouse=True)
def jupyter_env(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    """Point Jupyter's and IPython's config, data and runtime folders at a temporary folder.

    Applies to this process and to every server or kernel started from it. Kernelspecs and
    JupyterLab's settings overrides still come from the environment (`sys.prefix/share/jupyter`),
    which Jupyter searches whatever JUPYTER_DATA_DIR says.
    """
    base = tmp_path_factory.mktemp("jupyter-state")
    values = {name: str(base / name.lower()) for name in JUPYTER_DIR_VARIABLES}
    values["JUPYTER_PLATFORM_DIRS"] = "1"
    with pytest.MonkeyPatch.context() as patch:
        for name, value in values.items():
            patch.setenv(name, value)
        yield values


def find_free_port() -> int:
    """Ask the kernel for a port that is free on 127.0.0.1 right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def free_port() -> int:
    """A port that was free on 127.0.0.1 when the test started."""
    return find_free_port()


def stop_process_tree(process: subprocess.Popen[bytes], timeout: float = 10) -> None:
    """Stop `process` and every descendant (kernels start in sessions of their own)."""
    try:
        family = [psutil.Process(process.pid), *psutil.Process(process.pid).children(True)]
    except psutil.NoSuchProcess:
        family = []
    for member in family:
        with contextlib.suppress(psutil.NoSuchProcess):
            member.send_signal(signal.SIGTERM)
    _, alive = psutil.wait_procs(family, timeout=timeout)
    for member in alive:
        with contextlib.suppress(psutil.NoSuchProcess):
            member.kill()
    psutil.wait_procs(alive, timeout=timeout)
    process.wait(timeout=timeout)


def wait_until_answers(url: str, token: str, process: subprocess.Popen[bytes],
                       timeout: float = 60) -> None:
    """Poll `url` until it answers 200; fail early if the server process exits."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the server exited with code {process.returncode}")
        with contextlib.suppress(OSError):
            if http_request(url, token, timeout=2)[0] == 200:
                return
        time.sleep(0.25)
    raise TimeoutError(f"{url} did not answer within {timeout} s")


def lab_command(port: int, token: str, root: Path = REPO,
                jupyter: tuple[str, ...] = (sys.executable, "-m", "jupyterlab")) -> list[str]:
    """The JupyterLab command line the tests use: 127.0.0.1, a token, no browser."""
    command = [*jupyter, "--no-browser", "--ip=127.0.0.1", f"--port={port}",
               f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={root}",
               "--ServerApp.port_retries=0"]
    if os.geteuid() == 0:
        command.append("--allow-root")
    return command


@contextlib.contextmanager
def start_lab(command: list[str] | None = None, port: int | None = None,
              token: str | None = None, cwd: Path = REPO,
              log: Path | None = None) -> Iterator[LabServer]:
    """Start JupyterLab (by default `lab_command(...)`), wait until it answers, stop it after.

    Pass your own `command` (e.g. `make lab ...`) together with the `port` and `token` it uses.
    Kernels started through the server are shut down, then the whole process tree is stopped.
    """
    port = port or find_free_port()
    token = token or secrets.token_hex(16)
    command = command or lab_command(port, token)
    output = open(log, "wb") if log else subprocess.DEVNULL  # noqa: SIM115
    process = subprocess.Popen(command, cwd=cwd, stdout=output, stderr=subprocess.STDOUT,
                               start_new_session=True)
    server = LabServer(f"http://127.0.0.1:{port}", token)
    try:
        wait_until_answers(f"{server.url}/api/status", token, process)
        yield server
    finally:
        with contextlib.suppress(Exception):
            for kernel in server.get_json("/api/kernels"):
                http_request(f"{server.url}/api/kernels/{kernel['id']}", token, "DELETE")
        stop_process_tree(process)
        if log:
            output.close()


@pytest.fixture(scope="session")
def lab_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LabServer]:
    """One JupyterLab for the session, serving the repository root on 127.0.0.1.

    Yields `LabServer(url, token)` (unpacks as `url, token`). Open notebooks at
    `f"{url}/lab/tree/notebooks/NAME.ipynb?reset&token={token}"`.
    """
    log = tmp_path_factory.mktemp("lab-server") / "jupyterlab.log"
    with start_lab(log=log) as server:
        yield server


def shutdown_kernels(server: LabServer) -> None:
    """Delete every session and kernel on `server` (each open notebook starts a kernel)."""
    for session in server.get_json("/api/sessions"):
        http_request(f"{server.url}/api/sessions/{session['id']}", server.token, "DELETE")
    for kernel in server.get_json("/api/kernels"):
        http_request(f"{server.url}/api/kernels/{kernel['id']}", server.token, "DELETE")


COURSE_FOLDERS = ("notebooks", "solutions", "exercises", "data", "instructors")


@pytest.fixture(scope="session")
def course_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A temporary copy of notebooks/, solutions/, exercises/ and data/ (same relative layout)."""
    root = tmp_path_factory.mktemp("course")
    for folder in COURSE_FOLDERS:
        if (REPO / folder).is_dir():
            shutil.copytree(REPO / folder, root / folder,
                            ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    return root


@pytest.fixture(scope="session")
def course_lab(course_copy: Path, tmp_path_factory: pytest.TempPathFactory
               ) -> Iterator[LabServer]:
    """A JupyterLab on 127.0.0.1 serving `course_copy`: run, edit and autosave freely."""
    port, token = find_free_port(), secrets.token_hex(16)
    log = tmp_path_factory.mktemp("course-lab") / "jupyterlab.log"
    with start_lab(lab_command(port, token, root=course_copy), port=port, token=token,
                   cwd=course_copy, log=log) as server:
        yield server


# Invented answers for the marking notebook's browser test (its screenshot is in docs/).
MARKING_ANSWERS = {
    "ann": "I would check the time stamp and the URL of the Daily NK page, then the Korean "
           "edition, which dates the sources' statement to the 21st, and an archived copy of "
           "the page. \"Last month\" stays uncertain until the article's own date is settled.",
    "bob": "Look at the date on the page.",
}


@pytest.fixture
def marking_output(course_copy: Path) -> Path:
    """`grading-output/` of the course copy, as `newslab grade` leaves it: two students' written
    answers to the course's first written question in written.csv, and no marks.csv yet."""
    import csv

    from newslab.checks import exercises

    exercise, question = next((exercise, question) for exercise in exercises().values()
                              for question in exercise.questions if question.written)
    out = course_copy / "grading-output"
    out.mkdir(exist_ok=True)
    (out / "marks.csv").unlink(missing_ok=True)
    with (out / "written.csv").open("w", newline="", encoding="utf-8") as file:
        writer = csv.writer(file, lineterminator="\n")
        writer.writerow(["student", "exercise", "question", "answer", "max_points"])
        for student, answer in MARKING_ANSWERS.items():
            writer.writerow([student, exercise.id, question.id, answer,
                             f"{question.max_points:g}"])
    return out


def chromium_path() -> str | None:
    """Debian's Chromium, if installed (never a browser downloaded by Playwright)."""
    for candidate in ("/usr/bin/chromium", shutil.which("chromium") or ""):
        if candidate and Path(candidate).exists():
            return candidate
    return None


def under_ci() -> bool:
    """Whether the CI environment variable is set (to anything but an explicit no)."""
    return os.environ.get("CI", "").strip().lower() not in {"", "0", "false", "no"}


def require_chromium() -> str:
    """Chromium's path; without it, skip with the reason, or fail when running under CI."""
    path = chromium_path()
    if path is None:
        message = "Chromium is not installed (apt-get install chromium, or run `make browser`)"
        if under_ci():
            pytest.fail(f"{message}; the CI environment variable is set, so this is a failure")
        pytest.skip(message)
    return path


@pytest.fixture(scope="session")
def chromium_executable() -> str:
    """Path to Chromium; skipped with a reason without it, but a failure when CI is set."""
    return require_chromium()


@pytest.fixture(scope="module")
def browser(chromium_executable: str) -> Iterator[Any]:
    """A headless Chromium for one test module, launched by Playwright with the tested flags.

    Module scope on purpose: Playwright's sync API keeps an event loop running while it is open,
    and later modules that call `asyncio.run()` (nbclient, the grader) would fail under it.
    """
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=chromium_executable,
                                              args=CHROMIUM_FLAGS, headless=True)
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    """A fresh page in a tall viewport (full-page screenshots miss the notebook's scroll area)."""
    context = browser.new_context(viewport={"width": 1280, "height": 4000})
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def open_notebook(page: Any, course_lab: LabServer, course_copy: Path
                  ) -> Iterator[Callable[[Path | str], NotebookPage]]:
    """Open a notebook of the course copy, given by its repository path (or a path relative to
    the copy); `NotebookPage.file` is the copy that is open. Every kernel stops after the test."""

    def opener(path: Path | str) -> NotebookPage:
        relative = path.relative_to(REPO).as_posix() if isinstance(path, Path) else path
        notebook = NotebookPage(page, course_lab, relative, course_copy / relative)
        notebook.open()
        return notebook

    yield opener
    shutdown_kernels(course_lab)


@pytest.fixture(scope="module")
def shared_page(browser: Any, course_lab: LabServer, course_copy: Path
                ) -> Iterator[SharedNotebookPage]:
    """One page for a module's notebooks, each opened (and run) once for all the tests that look
    at it (`labpage.SharedNotebookPage`); closed, with every kernel it started, after the module."""
    shared = SharedNotebookPage(browser, course_lab, course_copy, shutdown_kernels)
    yield shared
    shared.close()
