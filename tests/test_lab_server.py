"""`make lab` serves JupyterLab on 127.0.0.1 at the first notebook, without the news pop-up."""

from __future__ import annotations

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

from conftest import REPO, LabServer, find_free_port, start_lab

FIRST_NOTEBOOK = "notebooks/00_start_here.ipynb"
NOTIFICATION_PLUGIN = "@jupyterlab/apputils-extension:notification"
RUNTIME_STAMP = ".venv/.newslab-runtime.stamp"


def make_lab_command(*make_variables: str) -> list[str]:
    """`make lab` without reinstalling (`-o` treats the venv stamp as up to date)."""
    return ["make", "--no-print-directory", "-C", str(REPO), "-o", RUNTIME_STAMP, "lab",
            f"JUPYTER={Path(sys.prefix) / 'bin' / 'jupyter'}", *make_variables]


def test_make_lab_binds_to_localhost_and_opens_the_first_notebook(tmp_path: Path) -> None:
    """A stand-in `jupyter` records the arguments `make lab` passes, then exits."""
    recorded = tmp_path / "arguments.json"
    fake = tmp_path / "jupyter"
    fake.write_text(f"#!{sys.executable}\nimport json, os, sys\n"
                    f"json.dump({{'argv': sys.argv[1:], 'cwd': os.getcwd()}}, "
                    f"open({str(recorded)!r}, 'w'))\n")
    fake.chmod(0o755)
    command = ["make", "--no-print-directory", "-C", str(REPO), "-o", RUNTIME_STAMP, "lab",
               f"JUPYTER={fake}"]
    subprocess.run(command, check=True, capture_output=True, timeout=60)
    seen = json.loads(recorded.read_text())
    assert seen["argv"][0] == "lab"
    assert "--ip=127.0.0.1" in seen["argv"]
    assert seen["argv"][-1] == FIRST_NOTEBOOK
    assert f"--ServerApp.root_dir={REPO}" in seen["argv"]
    assert Path(seen["cwd"]).resolve() == REPO
    if os.geteuid() == 0:
        assert "--allow-root" in seen["argv"]


def test_make_lab_server_answers_and_serves_the_first_notebook(tmp_path: Path) -> None:
    """The real `make lab` (no browser, a free port, a token): /lab, the notebook, the folders."""
    port, token = find_free_port(), secrets.token_hex(16)
    extra = f"LAB_ARGS=--no-browser --port={port} --IdentityProvider.token={token} " \
            "--ServerApp.port_retries=0"
    with start_lab(make_lab_command(extra), port=port, token=token,
                   log=tmp_path / "make-lab.log") as server:
        status, body = server.get("/lab")
        assert status == 200 and b"JupyterLab" in body
        assert server.get(f"/lab/tree/{FIRST_NOTEBOOK}")[0] == 200
        notebook = server.get_json(f"/api/contents/{FIRST_NOTEBOOK}?content=1")
        assert notebook["type"] == "notebook"
        assert notebook["content"]["cells"][0]["cell_type"] == "markdown"
        root = {item["name"] for item in server.get_json("/api/contents")["content"]}
        assert {"notebooks", "data", "exercises"} <= root
        assert server.get("/api/status")[0] == 200
        # Without the token the server refuses: it is not open to anyone on the machine.
        assert LabServer(server.url, "").get("/api/contents")[0] in {401, 403}


def test_news_and_update_checks_are_off(lab_server: LabServer) -> None:
    """The settings overrides in the environment switch off the news pop-up and update checks."""
    overrides = Path(sys.prefix) / "share/jupyter/lab/settings/overrides.json"
    assert json.loads(overrides.read_text()) == json.loads((REPO / "jupyter/overrides.json")
                                                           .read_text())
    # The server applies overrides as the schema's defaults; no user setting changes them.
    settings = lab_server.get_json(f"/lab/api/settings/{NOTIFICATION_PLUGIN}")
    properties = settings["schema"]["properties"]
    assert properties["fetchNews"]["default"] == "false"
    assert properties["checkForUpdates"]["default"] is False
    assert "fetchNews" not in settings["settings"]


def test_kernelspec_found_with_jupyter_state_in_a_temporary_folder(
        jupyter_env: dict[str, str]) -> None:
    """JUPYTER_DATA_DIR points elsewhere, yet the environment's python3 kernel is found."""
    assert os.environ["JUPYTER_DATA_DIR"] == jupyter_env["JUPYTER_DATA_DIR"]
    assert not str(Path(jupyter_env["JUPYTER_DATA_DIR"])).startswith(str(Path.home() / ".local"))
    listed = subprocess.run([sys.executable, "-m", "jupyter", "kernelspec", "list", "--json"],
                            check=True, capture_output=True, text=True, timeout=60)
    specs = json.loads(listed.stdout)["kernelspecs"]
    assert "python3" in specs
    assert Path(specs["python3"]["resource_dir"]).resolve().is_relative_to(
        Path(sys.prefix).resolve())
