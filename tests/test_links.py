"""`python -m newslab links`: Binder and nbgitpuller links, correctly encoded, clear errors."""

from __future__ import annotations

import subprocess
import sys
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newslab import links
from newslab.cli import main as cli_main

REPO_URL = "https://github.com/newsroom-lab/reading-news"
BINDER = ("https://mybinder.org/v2/gh/newsroom-lab/reading-news/main"
          "?urlpath=lab/tree/notebooks/00_start_here.ipynb%3Ffile-browser-path%3D/")


@pytest.mark.parametrize("address", [
    REPO_URL, f"{REPO_URL}/", f"{REPO_URL}.git", "http://github.com/newsroom-lab/reading-news",
    "https://www.github.com/newsroom-lab/reading-news",
    "git@github.com:newsroom-lab/reading-news.git",
    f"  {REPO_URL}  ",
])
def test_repository_addresses_in_their_usual_spellings(address: str) -> None:
    assert links.parse_repo(address) == links.GitHubRepo("newsroom-lab", "reading-news")


def test_binder_link_opens_the_first_notebook_in_lab() -> None:
    assert links.binder_link(links.parse_repo(REPO_URL)) == BINDER


def test_binder_urlpath_decodes_to_the_notebook_with_the_course_root_in_the_browser() -> None:
    query = parse_qs(urlsplit(BINDER).query, strict_parsing=True)
    assert query == {"urlpath": ["lab/tree/notebooks/00_start_here.ipynb?file-browser-path=/"]}


def test_branch_with_a_slash_is_one_path_segment() -> None:
    link = links.binder_link(links.parse_repo(REPO_URL), "spring-2027/class-a")
    assert urlsplit(link).path == "/v2/gh/newsroom-lab/reading-news/spring-2027%2Fclass-a"


def test_badge_markdown_has_alt_text_and_the_link() -> None:
    assert links.badge_markdown(BINDER) == (
        f"[![Launch the course on Binder](https://mybinder.org/badge_logo.svg)]({BINDER})")


def test_nbgitpuller_link_encodes_every_value() -> None:
    link = links.nbgitpuller_link("https://hub.example.edu/", links.parse_repo(REPO_URL), "main")
    assert link == ("https://hub.example.edu/hub/user-redirect/git-pull"
                    "?repo=https%3A%2F%2Fgithub.com%2Fnewsroom-lab%2Freading-news&branch=main"
                    "&urlpath=lab%2Ftree%2Freading-news%2Fnotebooks%2F00_start_here.ipynb"
                    "%3Ffile-browser-path%3D%2Freading-news")
    query = parse_qs(urlsplit(link).query, strict_parsing=True)
    assert query == {"repo": [REPO_URL], "branch": ["main"],
                     "urlpath": ["lab/tree/reading-news/notebooks/00_start_here.ipynb"
                                 "?file-browser-path=/reading-news"]}


@pytest.mark.parametrize(("hub", "base"), [
    ("hub.example.edu", "https://hub.example.edu"),
    ("https://hub.example.edu/hub/", "https://hub.example.edu"),
    ("https://example.edu/jupyter/", "https://example.edu/jupyter"),
    ("http://localhost:8000", "http://localhost:8000"),
])
def test_hub_addresses_are_normalised(hub: str, base: str) -> None:
    link = links.nbgitpuller_link(hub, links.parse_repo(REPO_URL))
    assert link.startswith(f"{base}/hub/user-redirect/git-pull?repo=")


@given(st.text(alphabet="abcXYZ019-_./&=#?% +é", min_size=1, max_size=30))
def test_any_valid_branch_round_trips_through_both_links(branch: str) -> None:
    repo = links.parse_repo(REPO_URL)
    try:
        binder = links.binder_link(repo, branch)
    except links.LinkError:
        return
    assert unquote(urlsplit(binder).path.rsplit("/", 1)[1]) == branch
    pulled = parse_qs(urlsplit(links.nbgitpuller_link("hub.example.edu", repo, branch)).query)
    assert pulled["branch"] == [branch]


@pytest.mark.parametrize(("address", "message"), [
    ("https://gitlab.com/newsroom-lab/reading-news", "not on GitHub"),
    ("https://github.com/newsroom-lab", "exactly an owner and a repository"),
    ("https://github.com/", "exactly an owner and a repository"),
    ("https://github.com/newsroom-lab/reading-news/tree/dev", "exactly an owner and a repository"),
    ("github.com/newsroom-lab/reading-news", "not a web address"),
    ("ftp://github.com/newsroom-lab/reading-news", "not a web address"),
    ("https://github.com/newsroom-lab/reading-news?tab=readme", "query or fragment"),
    ("https://github.com/-bad-/reading-news", "not a valid GitHub owner"),
    ("https://github.com/newsroom-lab/bad%20name", "not a valid GitHub repository"),
])
def test_bad_repository_addresses_are_explained(address: str, message: str) -> None:
    with pytest.raises(links.LinkError, match=message):
        links.parse_repo(address)


@pytest.mark.parametrize("branch", ["", "-rf", "a..b", "a b", "x:y", "ends/", "x.lock"])
def test_bad_branch_names_are_refused(branch: str) -> None:
    with pytest.raises(links.LinkError, match="not a valid branch name"):
        links.binder_link(links.parse_repo(REPO_URL), branch)


@pytest.mark.parametrize("hub", ["ftp://hub.example.edu", "https://", "https://hub.example.edu/?x=1"])
def test_bad_hub_addresses_are_explained(hub: str) -> None:
    with pytest.raises(links.LinkError):
        links.parse_hub(hub)


def test_command_prints_all_three(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli_main(["links", REPO_URL, "--hub", "hub.example.edu"]) == 0
    printed = capsys.readouterr().out
    assert BINDER in printed
    assert links.badge_markdown(BINDER) in printed
    assert links.nbgitpuller_link("hub.example.edu", links.parse_repo(REPO_URL)) in printed


def test_command_without_a_hub_says_how_to_get_one(capsys: pytest.CaptureFixture[str]) -> None:
    assert links.main([REPO_URL, "--branch", "dev"]) == 0
    printed = capsys.readouterr().out
    assert "/reading-news/dev?urlpath=" in printed and "--hub" in printed
    assert "git-pull" not in printed


def test_command_errors_go_to_stderr_with_status_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert links.main(["https://gitlab.com/a/b"]) == 2
    captured = capsys.readouterr()
    assert captured.out == "" and "not on GitHub" in captured.err
    assert links.main([]) == 2


def test_module_entry_point() -> None:
    result = subprocess.run([sys.executable, "-m", "newslab", "links", REPO_URL],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0 and BINDER in result.stdout
