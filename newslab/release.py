"""`python -m newslab release --out DIR [--repo URL]`: the course as students should get it.

The student edition holds the lessons, the exercises (never their solutions), the data, the
`newslab` package (its checks give feedback in the student's own kernel, so they stay
readable), the launch files (requirements.txt, constraints.txt, runtime.txt, postBuild,
pyproject.toml, jupyter/) and a Makefile whose `make lab` works as in the course. It has no
solutions/, tests, benchmarks, tools, instructor guides or grading docs. DIR becomes a git
repository with one commit per run that changed something, ready to push; a README for
students carries the launch badge for `--repo`.

A run over an existing edition rewrites the files it made and removes only files that an
earlier run made and that the course no longer has (`.newslab-release.json` lists them). Any
other file in DIR (a student's or instructor's own) is never changed, deleted or committed.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from newslab.links import FIRST_NOTEBOOK, LinkError, badge_markdown, binder_link, parse_repo
from newslab.paths import ROOT

MANIFEST = ".newslab-release.json"
COPIED = ("notebooks", "exercises", "data", "newslab", "jupyter", "requirements.txt",
          "constraints.txt", "runtime.txt", "postBuild", "pyproject.toml", "LICENSE",
          "LICENSE-CONTENT")
SKIPPED_PARTS = {"__pycache__", ".ipynb_checkpoints"}
GITIGNORE = ".venv/\n__pycache__/\n*.egg-info/\n.ipynb_checkpoints/\nhandouts/\nbuild/\n"
COMMITTER = ("-c", "user.name=newslab release", "-c", "user.email=newslab-release@localhost")


class ReleaseError(Exception):
    """Why the edition cannot be written; nothing was changed when this is raised."""


@dataclass(frozen=True)
class Outcome:
    """What a run did: files written and removed, and the commit made (None: no change)."""

    written: list[str]
    removed: list[str]
    commit: str | None


def course_files(root: Path = ROOT) -> list[str]:
    """The course's files that go to students, relative to the course root, sorted."""
    listed = _git(root, "ls-files", "-z", check=False)
    if listed is not None:
        names = [name for name in listed.split("\0") if name]
    else:  # not a clone (an unpacked archive): walk the folders
        names = [str(path.relative_to(root)) for top in COPIED
                 for path in ([root / top] if (root / top).is_file()
                              else sorted((root / top).rglob("*"))) if path.is_file()]
    chosen = []
    for name in names:
        parts = Path(name).parts
        if parts and parts[0] in COPIED and not SKIPPED_PARTS & set(parts) \
                and not name.endswith(".pyc") and (root / name).is_file():
            chosen.append(name)
    return sorted(chosen)


def section(markdown: str, heading: str) -> str:
    """One `## heading` section of a Markdown text (without the heading), or ""."""
    lines, inside, out = markdown.splitlines(), False, []
    for line in lines:
        if line.startswith("## "):
            inside = line[3:].strip() == heading
            continue
        if inside:
            out.append(line)
    return "\n".join(out).strip()


def student_readme(course_readme: str, repo_url: str | None) -> str:
    """The README students see: how to start, the lessons, what is readable, the licences."""
    launch = ("Your instructor gives you the link that opens the course (Binder or your "
              "school's JupyterHub).")
    badge = ""
    if repo_url:
        link = binder_link(parse_repo(repo_url))
        badge = badge_markdown(link) + "\n\n"
        launch = (f"Click the badge above (or open {link}) to start the course in your browser "
                  "on Binder: nothing to install. Binder forgets your work when you close it, so "
                  "download your notebooks (File > Download) before you leave. If your "
                  "instructor gave you a JupyterHub link, use that instead: it keeps your work.")
    return f"""# Reading the News as Data

{badge}A short course in JupyterLab that reads one news article closely, as data: you split it
into sentences, put every figure in a table, label who says what and how sure they sound, chart
the numbers honestly and set them beside other published estimates. Then you do the same with
an article of your own choosing. No programming needed: lesson 00 starts from running a cell.

## Start

{launch}

On your own computer you need Python (3.11.5 to 3.14) and `make` (on Windows, use WSL). In a
terminal, in this folder, run `make lab`: the first time it installs the course's packages into
`.venv` (a minute or two), then JupyterLab opens at `{FIRST_NOTEBOOK}`.

## Lessons

{section(course_readme, "Lessons")}

## Exercises and feedback

Each exercise notebook in `exercises/` has questions, a cell for each answer, and a check cell
that tells you at once how your answer looks. Hand in the exercise notebook itself (in
JupyterLab: File > Download), as your instructor asks. Your instructor grades it with the same
checks, run again on your answers.

The checks are in the `newslab` package (`newslab/checks/`) and run in your own notebook, so you
can read them, and the course's data in `data/` is what they compare with. That is by design:
reading a check teaches you what it looks for. Answers you work out yourself are what the
course is for.

## Licences and credit

{section(course_readme, "Licences and credit")}
"""


def student_makefile(course_makefile: str) -> str:
    """The course Makefile's variables and its `venv` and `lab` rules, nothing else."""
    keep: list[str] = []
    blocks = course_makefile.split("\n\n")
    wanted_rules = ("venv:", "$(VENV)/bin/python:", "# The stamp is newer", "lab:")
    variables = ("SHELL", "PYTHON ?=", "# The Python that creates", "RUNTIME_STAMP")
    for block in blocks:
        first = block.lstrip("\n").split("\n", 1)[0]
        if first.startswith(variables) or first.startswith(wanted_rules):
            keep.append(block.strip("\n"))
    header = ("# Reading the News as Data, student edition: `make lab` is all you need.\n"
              "# It needs only Python (3.11.5 to 3.14) and make. (Made by `python -m newslab "
              "release` from the course's Makefile.)\n\n.PHONY: venv lab")
    text = "\n\n".join([header, *keep]) + "\n"
    text = text.replace(".DEFAULT_GOAL := help", ".DEFAULT_GOAL := lab")
    return text.replace(".PHONY: help venv lab test-venv browser test grade lock clean distclean",
                        ".PHONY: venv lab")


def _git(folder: Path, *args: str, check: bool = True) -> str | None:
    """Run git in `folder`; its output, or None when git failed and `check` is False."""
    result = subprocess.run(["git", "-C", str(folder), *args], capture_output=True, text=True)
    if result.returncode != 0:
        if check:
            raise ReleaseError(f"git {' '.join(args[:2])} failed in {folder}: "
                               f"{result.stderr.strip()[:300]}")
        return None
    return result.stdout


def previous_files(out: Path) -> set[str]:
    """The files an earlier run made; ReleaseError when DIR holds anything else and no record."""
    record = out / MANIFEST
    if record.is_file():
        try:
            return set(json.loads(record.read_text(encoding="utf-8"))["files"])
        except (ValueError, KeyError, TypeError):
            raise ReleaseError(f"{record} is damaged; restore it from the edition's git "
                               "history, or release into a new folder.") from None
    if out.exists() and any(entry.name != ".git" for entry in out.iterdir()):
        raise ReleaseError(f"{out} is not empty and was not made by `newslab release`: choose "
                           "a new or empty folder, so no file of yours is overwritten.")
    return set()


def planned_texts(root: Path, repo_url: str | None) -> dict[str, bytes]:
    """Every file of the edition and its bytes."""
    files = {name: (root / name).read_bytes() for name in course_files(root)}
    files["README.md"] = student_readme((root / "README.md").read_text(encoding="utf-8"),
                                        repo_url).encode()
    files["Makefile"] = student_makefile((root / "Makefile").read_text(encoding="utf-8")).encode()
    files[".gitignore"] = GITIGNORE.encode()
    return files


def release(out: Path, repo_url: str | None = None, root: Path = ROOT) -> Outcome:
    """Write (or update) the student edition in `out` and commit the change."""
    if repo_url:
        try:
            parse_repo(repo_url)
        except LinkError as error:
            raise ReleaseError(str(error)) from None
    if out.resolve() == root.resolve() or root.resolve() in out.resolve().parents:
        raise ReleaseError(f"{out} is inside the course repository: choose a folder outside it.")
    if shutil.which("git") is None:
        raise ReleaseError("git is not installed: the edition is a git repository.")
    before = previous_files(out)
    files = planned_texts(root, repo_url)
    mine = set(files) | {MANIFEST}
    clashes = sorted(name for name in files if name not in before and (out / name).exists())
    if clashes:
        raise ReleaseError(f"{out} already has files the edition would overwrite but did not "
                           f"make: {', '.join(clashes[:5])}. Move them away first.")
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, data in sorted(files.items()):
        target = out / name
        if target.is_file() and target.read_bytes() == data:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        if name in {"postBuild"}:
            target.chmod(0o755)
        written.append(name)
    removed = sorted(before - mine)
    for name in removed:
        (out / name).unlink(missing_ok=True)
        for folder in (out / name).parents:
            if folder == out or any(folder.iterdir()):
                break
            folder.rmdir()
    (out / MANIFEST).write_text(json.dumps({"files": sorted(mine)}, indent=1) + "\n",
                                encoding="utf-8")
    return Outcome(written, removed, commit(out, sorted(mine | set(removed)), root))


def commit(out: Path, paths: list[str], root: Path) -> str | None:
    """Commit the edition's own paths (never anything else in DIR); None when nothing changed."""
    if not (out / ".git").exists():
        _git(out, "init", "-q", "-b", "main")
    _git(out, "add", "--all", "--", *paths)
    staged = subprocess.run(["git", "-C", str(out), "diff", "--cached", "--quiet", "--", *paths])
    if staged.returncode == 0:
        return None
    source = (_git(root, "rev-parse", "--short", "HEAD", check=False) or "").strip()
    message = "Student edition of Reading the News as Data" + (
        f" (course commit {source})" if source else "")
    identity = () if (_git(out, "config", "user.email", check=False) or "").strip() else COMMITTER
    _git(out, *identity, "commit", "-q", "-m", message, "--", *paths)
    return (_git(out, "rev-parse", "--short", "HEAD") or "").strip()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m newslab release",
        description="Write the student edition of the course (no solutions, tests or "
                    "instructor guides) into DIR as a git repository; run again to update it.")
    parser.add_argument("--out", type=Path, required=True, help="the edition's folder (DIR)")
    parser.add_argument("--repo", help="where the edition will live, https://github.com/OWNER/REPO"
                                       " (for the launch badge in its README)")
    args = parser.parse_args(sys.argv[1:] if argv is None else argv)
    try:
        outcome = release(args.out, args.repo)
    except ReleaseError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    if outcome.commit is None:
        print(f"{args.out} is already up to date: nothing to commit.")
        return 0
    print(f"{args.out}: {len(outcome.written)} files written, {len(outcome.removed)} removed, "
          f"commit {outcome.commit}.")
    print(f"Next: push it, e.g. `git -C {args.out} remote add origin {args.repo or 'URL'}` and "
          f"`git -C {args.out} push -u origin main`; then `python -m newslab links "
          f"{args.repo or 'URL'}` prints the links to hand out.")
    return 0
