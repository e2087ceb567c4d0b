"""The repository's set-up files: pins, runtime, Binder layout, lint, package metadata."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from conftest import REPO
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;#]+)$")


def requirement_lines(path: Path) -> list[str]:
    """Non-empty lines of a requirements file, without comments."""
    lines = (line.split("#", 1)[0].strip() for line in path.read_text().splitlines())
    return [line for line in lines if line]


def pins(path: Path) -> dict[str, str]:
    """{canonical name: version} for every requirement line; fails on anything but `==`."""
    found: dict[str, str] = {}
    for line in requirement_lines(path):
        if line.startswith("-c "):
            continue
        match = PIN.match(line)
        assert match, f"{path.name}: {line!r} is not pinned with =="
        found[canonicalize_name(match.group(1))] = match.group(2)
    return found


REQUIREMENTS = ["requirements.txt", "requirements-test.txt", "requirements-site.txt"]


@pytest.mark.parametrize("name", REQUIREMENTS)
def test_every_line_is_an_exact_pin_under_the_lock(name: str) -> None:
    path = REPO / name
    assert "-c constraints.txt" in requirement_lines(path)
    assert pins(path), f"{name} pins nothing"


@pytest.mark.parametrize("name", REQUIREMENTS)
def test_direct_pins_match_the_lock(name: str) -> None:
    lock = pins(REPO / "constraints.txt")
    for package, version in pins(REPO / name).items():
        assert lock.get(package) == version, f"{package}=={version} differs in constraints.txt"


def test_test_tools_stay_out_of_the_runtime_requirements() -> None:
    runtime, test_only = pins(REPO / "requirements.txt"), pins(REPO / "requirements-test.txt")
    assert not set(runtime) & set(test_only)
    for tool in ("pytest", "nbval", "playwright", "ruff", "frictionless"):
        assert tool in test_only and tool not in runtime


def test_website_tools_stay_out_of_the_runtime_requirements() -> None:
    runtime, site = pins(REPO / "requirements.txt"), pins(REPO / "requirements-site.txt")
    assert "sphinx" in site and "myst-nb" in site
    assert not set(runtime) & set(site)


def test_javascript_is_pinned_exactly_and_locked() -> None:
    package = json.loads((REPO / "package.json").read_text())
    lock = json.loads((REPO / "package-lock.json").read_text())["packages"]
    wanted = {**package.get("dependencies", {}), **package.get("devDependencies", {})}
    assert wanted["axe-core"] == "4.14.1"
    for name, version in wanted.items():
        assert re.fullmatch(r"\d+\.\d+\.\d+", version), f"{name}: {version} is not exact"
        assert lock[f"node_modules/{name}"]["version"] == version, name


def test_altair_stays_on_5_5_for_offline_charts() -> None:
    assert pins(REPO / "requirements.txt")["altair"] == "5.5.0"


def test_altair_imports_without_the_slow_iri_check() -> None:
    """requirements.txt installs rfc3987 so that jsonschema skips rfc3987-syntax's import."""
    imported = subprocess.run([sys.executable, "-c", (
        "import sys, altair, jsonschema\n"
        "print('rfc3987_syntax' in sys.modules, 'rfc3987' in sys.modules)")],
        capture_output=True, text=True, timeout=120, check=True).stdout.split()
    assert imported == ["False", "True"], (
        f"rfc3987_syntax imported: {imported[0]}, rfc3987 imported: {imported[1]}; jsonschema "
        "no longer prefers rfc3987, or it is not installed: see requirements.txt")


def test_runtime_is_python_3_11() -> None:
    assert (REPO / "runtime.txt").read_text().strip() == "python-3.11"


def test_binder_reads_the_repository_root() -> None:
    """repo2docker reads only binder/ or .binder/ when either exists: neither may."""
    assert not (REPO / "binder").exists() and not (REPO / ".binder").exists()
    post_build = (REPO / "postBuild").read_text()
    assert post_build.startswith("#!/bin/bash") and "set -e" in post_build
    assert "jupyter/overrides.json" in post_build


def test_ruff_is_clean() -> None:
    ruff = Path(sys.prefix) / "bin" / "ruff"
    result = subprocess.run([str(ruff), "check", "--no-cache", "."], cwd=REPO,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


def test_package_metadata_is_installable() -> None:
    project = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]
    assert project["name"] == "newslab" and project["version"]
    assert project["requires-python"] == ">=3.11"
    runtime = pins(REPO / "requirements.txt")
    for dependency in map(Requirement, project["dependencies"]):
        name = canonicalize_name(dependency.name)
        assert name in runtime, f"{name} is a package dependency but not pinned for Binder"
        assert dependency.specifier.contains(runtime[name]), f"{name} pin outside {dependency}"


def test_package_is_installed_from_this_repository() -> None:
    """`pip install -e .` points the environment at this checkout's newslab."""
    import newslab

    assert Path(newslab.__file__).resolve().is_relative_to(REPO)
