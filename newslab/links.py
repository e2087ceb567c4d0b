"""`python -m newslab links REPO_URL [--branch B] [--hub HUB_URL]`: launch links for a class.

Prints the Binder launch link and its badge Markdown, and, for a class JupyterHub, the
nbgitpuller link that clones (or updates) the course in each student's home folder and opens
JupyterLab at the first notebook.
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass
from urllib.parse import quote, urlsplit

FIRST_NOTEBOOK = "notebooks/00_start_here.ipynb"
BINDER = "https://mybinder.org/v2/gh"
BADGE_IMAGE = "https://mybinder.org/badge_logo.svg"
OWNER = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$")
NAME = re.compile(r"^[A-Za-z0-9._-]{1,100}$")
SSH = re.compile(r"^git@github\.com:(?P<path>.+)$")


class LinkError(ValueError):
    """A repository or hub address the links cannot be built from."""


@dataclass(frozen=True)
class GitHubRepo:
    """A public GitHub repository, as OWNER/NAME."""

    owner: str
    name: str

    @property
    def url(self) -> str:
        """The address to clone."""
        return f"https://github.com/{self.owner}/{self.name}"


def parse_repo(address: str) -> GitHubRepo:
    """Read `https://github.com/OWNER/REPO` (also `.git`, a final `/`, `git@github.com:`)."""
    address = address.strip()
    ssh = SSH.match(address)
    if ssh:
        path = ssh.group("path")
    else:
        parts = urlsplit(address)
        if parts.scheme not in {"https", "http"} or not parts.netloc:
            raise LinkError(f"{address!r} is not a web address: expected "
                            "https://github.com/OWNER/REPO")
        if parts.netloc.lower() not in {"github.com", "www.github.com"}:
            raise LinkError(f"{address!r} is not on GitHub ({parts.netloc}): Binder's links here "
                            "are for https://github.com/OWNER/REPO")
        if parts.query or parts.fragment:
            raise LinkError(f"{address!r} has a query or fragment: give the repository's address "
                            "only, https://github.com/OWNER/REPO")
        path = parts.path
    segments = [segment for segment in path.strip("/").split("/") if segment]
    if len(segments) != 2:
        raise LinkError(f"{address!r} should name exactly an owner and a repository, as in "
                        "https://github.com/OWNER/REPO (use --branch for a branch)")
    owner, name = segments[0], segments[1].removesuffix(".git")
    if not OWNER.match(owner):
        raise LinkError(f"{owner!r} is not a valid GitHub owner name")
    if not NAME.match(name) or name in {".", ".."}:
        raise LinkError(f"{name!r} is not a valid GitHub repository name")
    return GitHubRepo(owner, name)


def parse_hub(address: str) -> str:
    """Normalise a JupyterHub address to `https://host[/prefix]` (no trailing slash)."""
    address = address.strip()
    if "://" not in address:
        address = f"https://{address}"
    parts = urlsplit(address)
    if parts.scheme not in {"https", "http"} or not parts.hostname:
        raise LinkError(f"{address!r} is not a JupyterHub address such as https://hub.example.org")
    if parts.query or parts.fragment:
        raise LinkError(f"{address!r} has a query or fragment: give the hub's address only")
    prefix = parts.path.rstrip("/").removesuffix("/hub")
    return f"{parts.scheme}://{parts.netloc}{prefix}"


def check_branch(branch: str) -> str:
    """Refuse branch names git itself would refuse (the common cases)."""
    if (not branch or branch.startswith(("-", "/")) or branch.endswith(("/", ".lock"))
            or ".." in branch or re.search(r"[\s~^:?*\[\\]", branch)):
        raise LinkError(f"{branch!r} is not a valid branch name")
    return branch


def lab_path(notebook: str, course_folder: str = "") -> str:
    """JupyterLab path that opens `notebook` with the file browser at the course's top folder.

    Without `file-browser-path`, the file browser would open in `notebooks/` and hide
    `exercises/` and `data/` from students.
    """
    prefix = f"{course_folder}/" if course_folder else ""
    return f"lab/tree/{prefix}{notebook}?file-browser-path=/{course_folder}"


def binder_link(repo: GitHubRepo, branch: str = "main", notebook: str = FIRST_NOTEBOOK) -> str:
    """mybinder.org link that builds the repository and opens JupyterLab at `notebook`."""
    ref = quote(check_branch(branch), safe="")
    return f"{BINDER}/{repo.owner}/{repo.name}/{ref}?urlpath={quote(lab_path(notebook))}"


def badge_markdown(link: str) -> str:
    """The Binder badge as Markdown, with alt text that says what it does."""
    return f"[![Launch the course on Binder]({BADGE_IMAGE})]({link})"


def nbgitpuller_link(hub: str, repo: GitHubRepo, branch: str = "main",
                     notebook: str = FIRST_NOTEBOOK) -> str:
    """JupyterHub link that pulls the course into the student's home and opens `notebook`.

    Query values are encoded as nbgitpuller's own link generator encodes them.
    """
    values = {"repo": repo.url, "branch": check_branch(branch),
              "urlpath": lab_path(notebook, repo.name)}
    query = "&".join(f"{key}={quote(value, safe='')}" for key, value in values.items())
    return f"{parse_hub(hub)}/hub/user-redirect/git-pull?{query}"


def render(repo: GitHubRepo, branch: str, hub: str | None) -> str:
    """The text `links` prints."""
    binder = binder_link(repo, branch)
    lines = ["Binder launch link (opens JupyterLab at the first notebook):", f"  {binder}", "",
             "Badge for a README or course page (Markdown):", f"  {badge_markdown(binder)}", ""]
    if hub:
        lines += [f"JupyterHub link (nbgitpuller; clones into ~/{repo.name}):",
                  f"  {nbgitpuller_link(hub, repo, branch)}"]
    else:
        lines += ["For a class JupyterHub with nbgitpuller installed, add --hub HUB_URL."]
    return "\n".join(lines)


def parser() -> argparse.ArgumentParser:
    """Command-line options."""
    commands = argparse.ArgumentParser(
        prog="python -m newslab links",
        description="Print the Binder launch link, its badge and a JupyterHub (nbgitpuller) link.")
    commands.add_argument("repo_url", help="the course's GitHub repository, "
                          "e.g. https://github.com/OWNER/REPO")
    commands.add_argument("--branch", default="main", help="branch to launch (default: main)")
    commands.add_argument("--hub", help="your JupyterHub's address, e.g. https://hub.example.org")
    return commands


def main(argv: list[str]) -> int:
    """Print the links; return 2 with a clear message for an address that cannot work."""
    try:
        options = parser().parse_args(argv)
    except SystemExit as stop:
        return int(stop.code or 0)
    try:
        text = render(parse_repo(options.repo_url), options.branch, options.hub)
    except LinkError as error:
        print(f"newslab links: {error}", file=sys.stderr)
        return 2
    print(text)
    return 0
