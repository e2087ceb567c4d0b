"""The jupyter_client and nbclient internals that newslab/grading/kernel.py and execute.py rely
on, pinned in one place: an upgrade that renames or reshapes one of them fails here, loudly,
instead of slowing or breaking the grader in silence."""

import inspect
import re
from importlib.metadata import version

import pytest
from jupyter_client.asynchronous import AsyncKernelClient
from jupyter_client.client import KernelClient
from jupyter_client.manager import AsyncKernelManager, KernelManager
from jupyter_client.provisioning import LocalProvisioner
from nbclient import NotebookClient

from newslab.grading import kernel
from newslab.grading.execute import GradingClient
from newslab.paths import ROOT

# What each override replaces or calls, with the parameters it passes or accepts.
OVERRIDDEN = [
    (AsyncKernelClient, "_async_wait_for_ready", ["self", "timeout"]),
    (AsyncKernelClient, "_handle_kernel_info_reply", ["self", "msg"]),
    (AsyncKernelClient, "_async_is_alive", ["self"]),
    (AsyncKernelManager, "_async_wait", ["self", "pollinterval"]),
    (LocalProvisioner, "launch_kernel", ["self", "cmd", "kwargs"]),
    (LocalProvisioner, "send_signal", ["self", "signum"]),
    (LocalProvisioner, "wait", ["self"]),
    (LocalProvisioner, "poll", ["self"]),
    (LocalProvisioner, "kill", ["self", "restart"]),
    (NotebookClient, "output", ["self", "outs", "msg", "display_id", "cell_index"]),
    (NotebookClient, "handle_comm_msg", ["self", "outs", "msg", "cell_index"]),
    (NotebookClient, "async_execute_cell", ["self", "cell", "cell_index", "execution_count",
                                            "store_history"]),
]


@pytest.mark.parametrize(("owner", "name", "parameters"), OVERRIDDEN,
                         ids=[f"{owner.__name__}.{name}" for owner, name, _ in OVERRIDDEN])
def test_the_methods_the_overrides_rely_on_keep_their_names_and_parameters(
        owner: type, name: str, parameters: list[str]) -> None:
    method = getattr(owner, name, None)
    assert callable(method), f"{owner.__name__}.{name} is gone: see newslab/grading/kernel.py"
    assert list(inspect.signature(method).parameters) == parameters


def test_the_async_client_binds_wait_for_ready_at_class_level() -> None:
    """Why GradingKernelClient rebinds `wait_for_ready` after overriding the async method."""
    assert AsyncKernelClient.wait_for_ready is KernelClient._async_wait_for_ready
    assert kernel.GradingKernelClient.wait_for_ready is (
        kernel.GradingKernelClient._async_wait_for_ready)


def test_the_attributes_the_overrides_set_or_read_still_exist() -> None:
    provisioner = inspect.getsource(LocalProvisioner)
    for attribute in ("self.process", "self.pid", "self.pgid", "self.connection_info"):
        assert attribute in provisioner, attribute
    manager = AsyncKernelManager
    for trait in ("transport", "ip", "connection_file", "client_factory"):
        assert trait in manager.class_trait_names(), trait
    assert "provisioner" in vars(KernelManager)  # a plain class attribute, set per manager
    assert "_cleanup_kernel" in vars(NotebookClient)  # execute unregisters it from atexit
    assert "cleanup_kc" in inspect.getsource(NotebookClient.async_setup_kernel)
    assert "code_cells_executed" in inspect.getsource(NotebookClient)
    assert {"timeout_func", "allow_errors", "store_widget_state", "record_timing"} <= set(
        NotebookClient.class_trait_names())
    assert issubclass(GradingClient, NotebookClient)


@pytest.mark.parametrize("package", ["jupyter_client", "nbclient"])
def test_the_installed_versions_are_those_the_overrides_were_checked_against(package: str
                                                                              ) -> None:
    """Moving one of these pins: re-read kernel.py's overrides against the new source first."""
    pinned = re.search(rf"^{package}==(\S+)$",
                       (ROOT / "constraints.txt").read_text(encoding="utf-8"), re.M)
    assert pinned, f"{package} is not pinned in constraints.txt"
    assert version(package) == pinned.group(1)
