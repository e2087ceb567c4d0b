"""axe-core in a Playwright page: inject the npm package, run it, return the violations.

Shared by every test that checks a page's accessibility (the website, the class report).
axe-core comes from `node_modules/` (`make node_modules`, pinned in package-lock.json); the
page loads it from a local file, so nothing is fetched.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

AXE = Path(__file__).resolve().parent.parent / "node_modules" / "axe-core" / "axe.min.js"
SERIOUS = ("serious", "critical")


def axe_source() -> str:
    """The axe-core script, or a clear message on how to install it."""
    if not AXE.is_file():
        raise FileNotFoundError(f"{AXE} is missing: run `make node_modules` (npm ci) first")
    return AXE.read_text(encoding="utf-8")


def run_axe(page: Any, options: dict | None = None) -> list[dict]:
    """Inject axe-core into `page` (already loaded), run it on the document, return violations.

    Each violation is axe's own dict: `id` (the rule), `impact`, `help`, `nodes`.
    """
    page.add_script_tag(content=axe_source())
    return page.evaluate("options => axe.run(document, options).then(r => r.violations)",
                         options or {"resultTypes": ["violations"]})


def serious(violations: list[dict]) -> list[dict]:
    """Only the serious and critical violations."""
    return [violation for violation in violations if violation.get("impact") in SERIOUS]


def rule_counts(violations: list[dict]) -> Counter[str]:
    """How many elements break each rule, as `rule (impact)` -> count."""
    return Counter({f"{v['id']} ({v.get('impact')})": len(v.get("nodes", []))
                    for v in violations})


def describe(violations: list[dict]) -> str:
    """A readable list: rule, impact, help text and the first offending elements."""
    lines = []
    for violation in violations:
        targets = [", ".join(node.get("target", [])) for node in violation.get("nodes", [])[:3]]
        lines.append(f"{violation['id']} ({violation.get('impact')}): {violation.get('help')} "
                     f"at {'; '.join(targets)}")
    return "\n".join(lines)


def axe_violations(page: Any) -> list[dict[str, Any]]:
    """The serious and critical violations on the open page, each with the rule id, its
    impact, its help text and up to three offending elements (used by the class report test)."""
    return [{"id": item["id"], "impact": item["impact"], "help": item["help"],
             "nodes": [node["target"] for node in item["nodes"][:3]]}
            for item in serious(run_axe(page))]
