"""`python -m newslab site [--out DIR] [--repo URL] [--branch B] [--hub URL] [--execute]`.

Builds the course website into DIR (default `build/site`): the page folder is written to a
temporary folder (see `pages`), the Vega libraries are copied from `node_modules/` (installed
by `npm ci`, see package.json) into the site, and Sphinx turns it into HTML. Lessons keep their
stored outputs; `--execute` runs them afresh first, in a temporary copy of the course.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from newslab.links import LinkError, parse_hub, parse_repo
from newslab.paths import ROOT
from newslab.site.pages import Launch, SiteError, listed, read_notebook, write_pages

PLACEHOLDER_REPO = "https://github.com/OWNER/REPO"
WEBSITE = ROOT / "website"
VENDOR = {  # file in node_modules -> file in the site's _static/vendor
    "vega/build/vega.min.js": "vega.min.js",
    "vega-lite/build/vega-lite.min.js": "vega-lite.min.js",
    "vega-embed/build/vega-embed.min.js": "vega-embed.min.js",
}


def copy_vendor(node_modules: Path, static: Path) -> None:
    """Copy the chart libraries into the site, or say how to install them."""
    missing = [name for name in VENDOR if not (node_modules / name).is_file()]
    if missing:
        raise SiteError(f"{node_modules} lacks {', '.join(missing)}: run `make node_modules` "
                        "(npm ci) in the course folder first")
    (static / "vendor").mkdir(parents=True, exist_ok=True)
    for name, target in VENDOR.items():
        shutil.copyfile(node_modules / name, static / "vendor" / target)


def execute_lessons(root: Path, scratch: Path) -> dict:
    """Run every lesson afresh in a copy of `notebooks/` and `data/` under `scratch`.

    The course's files are not changed, and what a lesson writes (lesson 04's handouts)
    lands in the copy.
    """
    from nbclient import NotebookClient

    for folder in ("notebooks", "data"):
        shutil.copytree(root / folder, scratch / "course" / folder)
    executed = {}
    for path in listed(scratch / "course", "notebooks"):
        notebook = read_notebook(path)
        NotebookClient(notebook, timeout=600, kernel_name="python3",
                       resources={"metadata": {"path": str(path.parent)}}).execute()
        executed[f"notebooks/{path.name}"] = notebook
    return executed


def run_sphinx(source: Path, out: Path, work: Path) -> None:
    """Sphinx's HTML build; its warnings are printed, an error stops the build."""
    command = [sys.executable, "-m", "sphinx", "-b", "html", "-q", "-E",
               "-d", str(work / "doctrees"), str(source), str(out)]
    finished = subprocess.run(command, capture_output=True, text=True, check=False)
    if finished.stderr.strip():
        print(finished.stderr.strip(), file=sys.stderr)
    if finished.returncode != 0:
        raise SiteError(f"Sphinx stopped with exit code {finished.returncode} (messages above)")


# MyST-NB labels every fold "Toggle hidden content", which hides its visible text ("Show the
# worked answer") from screen readers (axe: label-content-name-mismatch, serious).
FOLD_SUMMARY = '<summary aria-label="Toggle hidden content">'


def name_folds_by_their_text(out: Path) -> None:
    """Let each folded worked answer be named by the words it shows."""
    for page in out.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        if FOLD_SUMMARY in text:
            page.write_text(text.replace(FOLD_SUMMARY, "<summary>"), encoding="utf-8")


def build_site(out: Path, launch: Launch, root: Path = ROOT, execute: bool = False) -> dict:
    """Build the website for the course at `root` into `out`; return what it holds."""
    with tempfile.TemporaryDirectory(prefix="newslab-site-") as scratch:
        work = Path(scratch)
        executed = execute_lessons(root, work) if execute else None
        source = work / "source"
        shutil.copytree(WEBSITE, source)
        copy_vendor(root / "node_modules", source / "_static")
        totals = write_pages(root, source, launch, executed)
        if out.exists():
            shutil.rmtree(out)
        run_sphinx(source, out, work)
    name_folds_by_their_text(out)
    (out / ".nojekyll").write_text("", encoding="utf-8")  # GitHub Pages: serve _static/ as is
    return totals


def parser() -> argparse.ArgumentParser:
    """Command-line options."""
    commands = argparse.ArgumentParser(
        prog="python -m newslab site",
        description="Build the course website from notebooks/, exercises/, README.md and "
                    "INSTRUCTORS.md (never solutions/).")
    commands.add_argument("--out", type=Path, default=ROOT / "build" / "site",
                          help="folder to write the site into (replaced; default build/site)")
    commands.add_argument("--repo", default="",
                          help="repository the launch links open, e.g. "
                               "https://github.com/ORG/student-edition")
    commands.add_argument("--branch", default="main", help="its branch (default: main)")
    commands.add_argument("--hub", default="", help="a class JupyterHub with nbgitpuller")
    commands.add_argument("--execute", action="store_true",
                          help="run the lessons afresh instead of using their stored outputs")
    return commands


def main(argv: list[str]) -> int:
    """Build the site; return 2 with a clear message when it cannot be built."""
    try:
        options = parser().parse_args(argv)
    except SystemExit as stop:
        return int(stop.code or 0)
    if not options.repo:
        print(f"newslab site: no --repo given, so launch links point at {PLACEHOLDER_REPO}; "
              "give the repository students should open (for a class: the student edition)",
              file=sys.stderr)
    started = time.monotonic()
    try:
        launch = Launch(parse_repo(options.repo or PLACEHOLDER_REPO), options.branch,
                        parse_hub(options.hub) if options.hub else None)
        totals = build_site(options.out.resolve(), launch, execute=options.execute)
    except (LinkError, SiteError) as error:
        print(f"newslab site: {error}", file=sys.stderr)
        return 2
    summary = ", ".join(f"{value} {key}" for key, value in totals.items())
    print(f"newslab site: {options.out} ({summary}) in {time.monotonic() - started:.0f} s")
    return 0
