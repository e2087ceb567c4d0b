"""`python -m newslab COMMAND ...`: the course's maintenance and classroom commands."""

import importlib
import sys

# Each command lives in its own module, which has `main(argv: list[str]) -> int`.
COMMANDS = {
    "build": ("newslab.build", "write exercises/ from solutions/"),
    "grade": ("newslab.grading.cli", "grade a folder of submitted exercise notebooks"),
    "links": ("newslab.links", "print Binder and nbgitpuller links for a class"),
    "site": ("newslab.site.build", "build the course website (needs requirements-site.txt)"),
    "release": ("newslab.release", "write the student edition (no solutions) as a git repo"),
}


def usage() -> str:
    lines = ["usage: python -m newslab COMMAND [options]", "", "commands:"]
    lines += [f"  {name:<8}{summary}" for name, (_, summary) in COMMANDS.items()]
    lines.append("\n`python -m newslab COMMAND --help` explains each command.")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if not argv or argv[0] in {"-h", "--help"}:
        print(usage())
        return 0 if argv else 2
    name, rest = argv[0], argv[1:]
    if name not in COMMANDS:
        print(f"Unknown command {name!r}.\n\n{usage()}", file=sys.stderr)
        return 2
    module = importlib.import_module(COMMANDS[name][0])
    return int(module.main(rest) or 0)
