"""The website's source folder, laid out like the repository so relative links keep working.

    index.md          README.md, with a table of contents added
    INSTRUCTORS.md    the instructor guide
    glossary.md       GLOSSARY.md or docs/GLOSSARY.md, when the course has one
    notebooks/*.ipynb every lesson, stored outputs prepared for the web (see `outputs`),
                      with a launch box (Binder, JupyterHub, exercise, previous/next) after
                      its first cell (title, time, questions and objectives)
    exercises/*.ipynb every exercise as students get it (generated without solutions)

Lessons and exercises are found by listing their folders, never from a fixed list.
`solutions/` is never read. Links to files the site does not publish (docs/, LICENSE, data/)
point at the repository on GitHub instead.
"""

from __future__ import annotations

import posixpath
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import nbformat
from nbformat import NotebookNode

from newslab.links import GitHubRepo, binder_link, nbgitpuller_link
from newslab.site.outputs import prepare

GLOSSARY_CANDIDATES = ("GLOSSARY.md", "docs/GLOSSARY.md", "docs/glossary.md")
MARKDOWN_LINK = re.compile(r"(!?)\[((?:[^\[\]]|\[[^\]]*\])*)\]\(([^)\s]+)\)")
PLACEHOLDER_BINDER = re.compile(r"https://mybinder\.org/v2/gh/OWNER/REPO/main\?urlpath=[^)\s]*")
TITLE = re.compile(r"^#\s+(.+?)\s*$", re.M)


class SiteError(ValueError):
    """The course folder cannot be turned into a site; the message says why."""


@dataclass(frozen=True)
class Launch:
    """Where launch links point: the repository named at build time, and a hub if any."""

    repo: GitHubRepo
    branch: str = "main"
    hub: str | None = None


@dataclass(frozen=True)
class Page:
    """One notebook page: its path in the repository and its title."""

    path: str  # e.g. "notebooks/01_the_article_as_a_source.ipynb"
    title: str

    @property
    def docname(self) -> str:
        """Sphinx's name for the page (the path without `.ipynb`)."""
        return self.path.removesuffix(".ipynb")


def notebook_title(notebook: NotebookNode, path: Path) -> str:
    """The notebook's `#` title, or its file name when it has none."""
    for cell in notebook.cells:
        if cell.cell_type == "markdown":
            found = TITLE.search(cell.source)
            if found:
                return found.group(1).strip()
    return path.stem


def listed(root: Path, folder: str) -> list[Path]:
    """The notebooks of one folder, in file-name order (the course's numbering)."""
    return sorted((root / folder).glob("*.ipynb"))


def read_notebook(path: Path) -> NotebookNode:
    """Read a notebook, or say which file cannot be read."""
    try:
        return nbformat.read(path, as_version=4)
    except Exception as error:  # nbformat raises several unrelated types
        raise SiteError(f"{path} is not a readable notebook: {error}") from error


def github_address(launch: Launch, path: str) -> str:
    """The file's page in the repository on GitHub."""
    return f"{launch.repo.url}/blob/{launch.branch}/{path}"


def rewrite_links(markdown: str, here: str, published: dict[str, str], launch: Launch,
                  site_here: str | None = None) -> str:
    """Keep links to published pages; send the rest to GitHub; drop remote images.

    `here` is the folder of the file in the repository ("" for the top folder); `published`
    maps a repository path to its path on the site (README.md is index.md); `site_here` is the
    file's folder on the site when it differs (a glossary in docs/ is published at the top).
    A remote image
    (the README's Binder badge) would make the reader's browser leave the site: it becomes its
    alt text. The README's placeholder Binder link becomes the link for the named repository.
    """
    markdown = PLACEHOLDER_BINDER.sub(binder_link(launch.repo, launch.branch), markdown)
    folder_on_site = (here if site_here is None else site_here) or "."

    def replace(match: re.Match[str]) -> str:
        bang, text, target = match.groups()
        if bang:
            return text if re.match(r"^[a-z]+://", target) else match.group(0)
        text = MARKDOWN_LINK.sub(replace, text)
        if re.match(r"^([a-z][a-z0-9+.-]*:|#)", target, re.I):
            return f"[{text}]({target})"
        path, _, anchor = target.partition("#")
        full = posixpath.normpath(posixpath.join(here, path))
        if full in published:
            moved = posixpath.relpath(published[full], folder_on_site)
            return f"[{text}]({moved}{'#' + anchor if anchor else ''})"
        address = github_address(launch, full) + (f"#{anchor}" if anchor else "")
        return f"[{text}]({address})"

    return MARKDOWN_LINK.sub(replace, markdown)


LOCAL_IMAGE = re.compile(r"!\[[^\]]*\]\((?![a-z][a-z0-9+.-]*:)([^)#\s]+)\)", re.I)


def copy_local_images(markdown: str, root: Path, source: Path) -> None:
    """Copy the images a top-level guide shows (e.g. docs/marking-tool.png) into the site's
    source folder at the same path, so Sphinx publishes them instead of a broken link."""
    for target in LOCAL_IMAGE.findall(markdown):
        image = (root / target).resolve()
        if image.is_file() and root.resolve() in image.parents:
            (source / target).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(image, source / target)


def launch_box(page: Page, index: int, lessons: list[Page], exercises: dict[str, Page],
               launch: Launch) -> str:
    """The MyST block each lesson shows after its opening cell."""
    here = posixpath.dirname(page.path)
    lines = [f"- [Open this lesson in JupyterLab on Binder]"
             f"({binder_link(launch.repo, launch.branch, page.path)}) (free, public; download "
             "your notebook before you leave, Binder does not keep it)"]
    if launch.hub:
        lines.append(f"- [Open this lesson on your class JupyterHub]"
                     f"({nbgitpuller_link(launch.hub, launch.repo, launch.branch, page.path)})")
    else:
        lines.append("- On a class JupyterHub: this site was built without a hub address, so "
                     "ask your instructor for the link (`make site HUB=...` adds it here)")
    exercise = exercises.get(Path(page.path).name)
    if exercise:
        relative = posixpath.relpath(exercise.path, here)
        lines.append(f"- Exercise: [read {exercise.title} on this site]({relative}), or "
                     f"[open the exercise in JupyterLab on Binder]"
                     f"({binder_link(launch.repo, launch.branch, exercise.path)})")
    else:
        lines.append("- This lesson has no exercise notebook.")
    neighbours = []
    if index > 0:
        before = lessons[index - 1]
        neighbours.append(f"previous lesson: [{before.title}]"
                          f"({posixpath.relpath(before.path, here)})")
    if index + 1 < len(lessons):
        after = lessons[index + 1]
        neighbours.append(f"next lesson: [{after.title}]({posixpath.relpath(after.path, here)})")
    if neighbours:
        text = "; ".join(neighbours)
        lines.append(f"- {text[0].upper()}{text[1:]}")
    body = "\n".join(lines)
    return f"```{{admonition}} Run this lesson\n:class: newslab-launch\n\n{body}\n```\n"


def exercise_box(page: Page, lesson: Page | None, launch: Launch) -> str:
    """The MyST block each exercise page shows after its opening cell."""
    here = posixpath.dirname(page.path)
    lines = [f"- [Open this exercise in JupyterLab on Binder]"
             f"({binder_link(launch.repo, launch.branch, page.path)})"]
    if launch.hub:
        lines.append(f"- [Open this exercise on your class JupyterHub]"
                     f"({nbgitpuller_link(launch.hub, launch.repo, launch.branch, page.path)})")
    if lesson:
        lines.append(f"- The lesson it practises: [{lesson.title}]"
                     f"({posixpath.relpath(lesson.path, here)})")
    lines.append("- The answers are not on this site: the check cells tell you how you did.")
    body = "\n".join(lines)
    return f"```{{admonition}} Do this exercise\n:class: newslab-launch\n\n{body}\n```\n"


def write_notebook(notebook: NotebookNode, box: str, published: dict[str, str], path: str,
                   launch: Launch, target: Path) -> dict[str, int]:
    """Prepare outputs, add the box after the first cell, fix links, write to `target`."""
    counts = prepare(notebook)
    here = posixpath.dirname(path)
    for cell in notebook.cells:
        if cell.cell_type == "markdown":
            cell.source = rewrite_links(cell.source, here, published, launch)
    notebook.cells.insert(1 if notebook.cells else 0, nbformat.v4.new_markdown_cell(box))
    target.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(notebook, target)
    return counts


def toctree(caption: str, docnames: list[str]) -> str:
    """A hidden table of contents (the theme shows it as the side bar)."""
    if not docnames:
        return ""
    entries = "\n".join(docnames)
    return f"\n```{{toctree}}\n:hidden:\n:caption: {caption}\n\n{entries}\n```\n"


def write_pages(root: Path, source: Path, launch: Launch,
                executed: dict[str, NotebookNode] | None = None) -> dict[str, int]:
    """Write the site's source folder for the course at `root`; return what was prepared.

    `executed` maps a lesson's path to a freshly executed copy (`make site EXECUTE=1`);
    otherwise the stored outputs are used.
    """
    lesson_paths = listed(root, "notebooks")
    if not lesson_paths:
        raise SiteError(f"{root / 'notebooks'} holds no notebook: nothing to publish")
    read = {f"notebooks/{path.name}": read_notebook(path) for path in lesson_paths}
    read.update({f"exercises/{path.name}": read_notebook(path)
                 for path in listed(root, "exercises")})
    if executed:
        read.update(executed)
    pages = {path: Page(path, notebook_title(notebook, root / path))
             for path, notebook in read.items()}
    lessons = [page for path, page in pages.items() if path.startswith("notebooks/")]
    exercises = {Path(path).name: page for path, page in pages.items()
                 if path.startswith("exercises/")}
    glossary = next((root / name for name in GLOSSARY_CANDIDATES if (root / name).is_file()),
                    None)
    published = {path: path for path in pages}
    published.update({"README.md": "index.md", "INSTRUCTORS.md": "INSTRUCTORS.md"})
    if glossary:
        published[str(glossary.relative_to(root))] = "glossary.md"

    totals = {"lessons": len(lessons), "exercises": len(exercises), "charts": 0, "widgets": 0,
              "folded": 0}
    lesson_by_name = {Path(page.path).name: page for page in lessons}
    for index, page in enumerate(lessons):
        box = launch_box(page, index, lessons, exercises, launch)
        counts = write_notebook(read[page.path], box, published, page.path, launch,
                                source / page.path)
        for key, value in counts.items():
            totals[key] += value
    for name, page in exercises.items():
        box = exercise_box(page, lesson_by_name.get(name), launch)
        write_notebook(read[page.path], box, published, page.path, launch, source / page.path)

    readme = (root / "README.md").read_text(encoding="utf-8")
    index = rewrite_links(readme, "", published, launch)
    index += toctree("Lessons", [page.docname for page in lessons])
    index += toctree("Exercises", [page.docname for page in exercises.values()])
    guides = []
    if (root / "INSTRUCTORS.md").is_file():
        guide = (root / "INSTRUCTORS.md").read_text(encoding="utf-8")
        (source / "INSTRUCTORS.md").write_text(rewrite_links(guide, "", published, launch),
                                               encoding="utf-8")
        copy_local_images(guide, root, source)
        guides.append("INSTRUCTORS")
    if glossary:
        here = posixpath.dirname(str(glossary.relative_to(root)))
        text = rewrite_links(glossary.read_text(encoding="utf-8"), here, published, launch, "")
        (source / "glossary.md").write_text(text, encoding="utf-8")
        guides.append("glossary")
    index += toctree("Guides", guides)
    (source / "index.md").write_text(index, encoding="utf-8")
    return totals
