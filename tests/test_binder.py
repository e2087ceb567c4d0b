"""Binder: read the repository as repo2docker does, then do what it does in a fresh venv.

repo2docker (the Python buildpack, as of 2026) uses runtime.txt for the Python version, installs
`requirements.txt` with pip, then `pip install .` (not editable) because pyproject.toml has
[project] and [build-system], then runs postBuild. A `binder/` or `.binder/` folder, a Dockerfile
or environment.yml would change all that. The install test repeats those steps in a fresh venv
(conftest's `fresh_install`: pip reuses its cache, the venv starts empty), checks what got
installed, starts JupyterLab from that venv at the first notebook, and proves that every lesson,
exercise and solution notebook runs with that venv's kernel:

- under `make test` (which sets NEWSLAB_BINDER_HOME), it registers the venv's kernel there as
  `newslab-binder`, checks that this kernelspec starts the venv's own Python, and leaves the
  notebooks to `make test`'s nbval stages, which run every one of them with that kernel
  (`--nbval-kernel-name newslab-binder`): lessons and solutions with their outputs compared,
  exercises with every cell required to run without error. Each notebook is executed once per
  `make test`, in the environment students get, instead of once here and again by nbval;
- run on its own (`pytest tests/test_binder.py`), it executes them all here, as before.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from conftest import (
    BINDER_HOME_VARIABLE,
    BINDER_KERNEL,
    REPO,
    FreshInstall,
    find_free_port,
    lab_command,
    run,
    start_lab,
)
from packaging.specifiers import SpecifierSet

FIRST_NOTEBOOK = "notebooks/00_start_here.ipynb"
# Files that make repo2docker choose another buildpack, or read another folder.
OTHER_BUILDPACKS = ["binder", ".binder", "Dockerfile", "environment.yml", "Pipfile",
                    "Pipfile.lock", "Project.toml", "REQUIRE", "install.R", "DESCRIPTION",
                    "default.nix", "requirements3.txt"]
# A script's start: takes a kernel name from its first argument; kernel_python(name) says which
# Python that kernel runs.
KERNEL_PYTHON = """
import json, sys
from pathlib import Path
import nbformat
from nbclient import NotebookClient
KERNEL = sys.argv.pop(1)
def kernel_python(name):
    probe = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(
        "import sys; print(sys.executable)")])
    NotebookClient(probe, timeout=60, kernel_name=name).execute()
    return probe.cells[0].outputs[0]["text"].strip()
"""
# Runs after KERNEL_PYTHON: executes the notebooks named by the other arguments with KERNEL.
EXECUTE = """
results = {}
for name in sys.argv[1:]:
    path = Path(name)
    notebook = nbformat.read(path, as_version=4)
    try:
        NotebookClient(notebook, timeout=120, kernel_name=KERNEL,
                       resources={"metadata": {"path": str(path.parent)}}).execute()
        results[name] = "ok"
    except Exception as error:
        results[name] = f"{type(error).__name__}: {str(error)[-800:]}"
print(json.dumps({"kernel_python": kernel_python(KERNEL), "results": results}))
"""


def repo2docker_steps(root: Path) -> list[str]:
    """The build steps repo2docker's Python buildpack would run for `root` (fails otherwise)."""
    present = [name for name in OTHER_BUILDPACKS if (root / name).exists()]
    assert not present, f"repo2docker would read {present} instead of the repository root"
    runtime = (root / "runtime.txt").read_text().strip()
    assert runtime.startswith("python-"), "runtime.txt must name a Python runtime"
    version = runtime.removeprefix("python-")
    pyproject = tomllib.loads((root / "pyproject.toml").read_text())
    assert version in SpecifierSet(pyproject["project"]["requires-python"]), (
        "repo2docker refuses a runtime.txt outside pyproject's requires-python")
    steps = [f"python {version}", "pip install -r requirements.txt"]
    if "project" in pyproject and "build-system" in pyproject:
        steps.append("pip install .")
    if (root / "postBuild").exists():
        steps.append("./postBuild")
    return steps


def test_repo2docker_reads_runtime_requirements_package_and_postbuild() -> None:
    assert repo2docker_steps(REPO) == ["python 3.11", "pip install -r requirements.txt",
                                       "pip install .", "./postBuild"]
    post_build = REPO / "postBuild"
    assert os.access(post_build, os.X_OK), "postBuild must be executable"
    assert "set -e" in post_build.read_text(), "without set -e a failing postBuild is ignored"


def test_repo2docker_steps_notice_a_conflicting_binder_folder(tmp_path: Path) -> None:
    for name in ("runtime.txt", "pyproject.toml", "postBuild"):
        shutil.copy(REPO / name, tmp_path / name)
    assert repo2docker_steps(tmp_path)[-1] == "./postBuild"
    (tmp_path / "binder").mkdir()
    with pytest.raises(AssertionError, match="binder"):
        repo2docker_steps(tmp_path)


def test_installed_package_finds_the_course_data(tmp_path: Path) -> None:
    """Binder installs newslab with `pip install .`: a copy in site-packages, not this folder.

    Run from a notebook's folder, as a kernel is, that copy must still find the course's data.
    """
    target = tmp_path / "site-packages"
    subprocess.run([sys.executable, "-m", "pip", "--disable-pip-version-check", "install",
                    "--quiet", "--no-deps", "--target", str(target), str(REPO)],
                   check=True, capture_output=True, timeout=300)
    env = {**os.environ, "PYTHONPATH": str(target)}
    found = subprocess.run([sys.executable, "-c", (
        "import json, newslab, newslab.paths as paths\n"
        "print(json.dumps([newslab.__file__, str(paths.DATA), paths.DATA.is_dir()]))")],
        cwd=REPO / "notebooks", env=env, capture_output=True, text=True, timeout=60)
    assert found.returncode == 0, found.stderr
    module, data, exists = json.loads(found.stdout)
    assert Path(module).is_relative_to(target), "the test must use the installed copy"
    assert exists and Path(data).resolve() == (REPO / "data").resolve(), (
        f"an installed newslab looks for the course data in {data}, which "
        f"{'is' if exists else 'does not exist and is'} not the course's data folder")


@pytest.mark.binder
def test_binder_build_serves_the_first_notebook_and_runs_every_notebook(
        tmp_path: Path, fresh_install: FreshInstall) -> None:
    home, venv, env = fresh_install.home, fresh_install.venv, fresh_install.env
    python = venv / "bin" / "python"
    installed = json.loads(run([str(python), "-c", (
        "import json, sys, altair, jupyterlab, newslab\n"
        "print(json.dumps({'altair': altair.__version__, 'jupyterlab': jupyterlab.__version__,"
        " 'newslab': newslab.__file__, 'prefix': sys.prefix,"
        " 'slow_iri_check': 'rfc3987_syntax' in sys.modules}))")], home / "notebooks", env))
    assert installed["altair"] == "5.5.0" and installed["jupyterlab"] == "4.6.6"
    assert not installed["slow_iri_check"], (
        "importing Altair imported rfc3987_syntax (a second per kernel): see requirements.txt")
    assert Path(installed["newslab"]).is_relative_to(venv), "newslab not installed into the venv"
    overrides = venv / "share/jupyter/lab/settings/overrides.json"
    assert json.loads(overrides.read_text()) == json.loads(
        (REPO / "jupyter/overrides.json").read_text())

    port, token = find_free_port(), "binder-test-token"
    command = lab_command(port, token, root=home, jupyter=(str(python), "-m", "jupyterlab"))
    with start_lab(command, port=port, token=token, cwd=home,
                   log=tmp_path / "lab.log") as server:
        assert server.get(f"/lab/tree/{FIRST_NOTEBOOK}")[0] == 200
        assert server.get_json(f"/api/contents/{FIRST_NOTEBOOK}")["type"] == "notebook"
        assert "python3" in server.get_json("/api/kernelspecs")["kernelspecs"]

    # What students run on Binder: the lessons, and the exercises with their check cells.
    lessons = sorted(str(path.relative_to(home)) for path in (home / "notebooks").glob("*.ipynb"))
    assert lessons[0] == FIRST_NOTEBOOK
    nbval_home = os.environ.get(BINDER_HOME_VARIABLE)
    if nbval_home:
        # `make test`'s nbval stages run every notebook with this kernel (module docstring).
        kernels = Path(nbval_home) / "kernels"
        register_kernel(venv, kernels)
        probe_env = {**os.environ, "JUPYTER_PATH": str(Path(nbval_home))}
        probed = run([sys.executable, "-c", KERNEL_PYTHON + "print(kernel_python(KERNEL))",
                      BINDER_KERNEL], home, probe_env).splitlines()[-1]
        assert Path(probed).parent == venv / "bin", (
            f"the kernel {BINDER_KERNEL} that nbval will use runs {probed}, not the venv's Python")
        return
    # Solutions stand for a student who answered everything: their checks load reference data.
    others = sorted(str(path.relative_to(home)) for folder in ("exercises", "solutions")
                    for path in (home / folder).glob("*.ipynb"))
    report = json.loads(run([str(python), "-c", KERNEL_PYTHON + EXECUTE, "python3", *lessons,
                             *others], home, env).splitlines()[-1])
    assert Path(report["kernel_python"]).parent == venv / "bin", "the kernel is not the venv's"
    failed = {name: outcome for name, outcome in report["results"].items() if outcome != "ok"}
    assert not failed, f"in the Binder environment these notebooks fail: {failed}"


def register_kernel(venv: Path, kernels: Path) -> Path:
    """Write the venv's own `python3` kernelspec into `kernels` as BINDER_KERNEL.

    Its `python` becomes the venv's absolute path: jupyter_client would otherwise start the
    kernel with the Python of the process that launches it (nbval's, not the venv's).
    """
    spec = json.loads((venv / "share/jupyter/kernels/python3/kernel.json").read_text())
    assert spec["argv"][0] in {"python", "python3"}, spec["argv"]
    spec["argv"][0] = str(venv / "bin" / "python")
    spec["display_name"] = "Python 3 (the Binder-like venv of make test)"
    target = kernels / BINDER_KERNEL
    target.mkdir(parents=True, exist_ok=True)
    (target / "kernel.json").write_text(json.dumps(spec, indent=1))
    return target
