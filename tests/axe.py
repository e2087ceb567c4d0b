"""axe-core in the tests' Chromium: inject the npm package's script into a page and run it.

axe-core comes from `node_modules/` (`make node_modules`, pinned in package.json and
package-lock.json); it runs inside the page, offline. Without it, tests skip with the reason,
or fail when the CI environment variable is set.
"""

from __future__ import annotations

from typing import Any

import pytest
from conftest import REPO, under_ci

AXE_SCRIPT = REPO / "node_modules" / "axe-core" / "axe.min.js"
SERIOUS = {"serious", "critical"}


def require_axe() -> str:
    """The path of axe.min.js; skip (or fail under CI) when `make node_modules` has not run."""
    if not AXE_SCRIPT.is_file():
        message = f"{AXE_SCRIPT} is missing: run `make node_modules` (npm ci)"
        if under_ci():
            pytest.fail(f"{message}; the CI environment variable is set, so this is a failure")
        pytest.skip(message)
    return str(AXE_SCRIPT)


def axe_violations(page: Any, impacts: set[str] = SERIOUS) -> list[dict[str, Any]]:
    """Run axe-core on the open page; the violations of the given impacts, each with the
    rule id, its help text and up to three offending elements."""
    page.add_script_tag(path=require_axe())
    result = page.evaluate("async () => await axe.run(document)")
    return [{"id": item["id"], "impact": item["impact"], "help": item["help"],
             "nodes": [node["target"] for node in item["nodes"][:3]]}
            for item in result["violations"] if item.get("impact") in impacts]
