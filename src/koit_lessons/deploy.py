"""Links that give every student the lessons in one click.

- :func:`nbgitpuller_link`: a JupyterHub link that pulls a git repository (for a class:
  a repository holding the *student* set) into each student's home folder with
  nbgitpuller, then opens a lesson. nbgitpuller never overwrites a student's edits.
- :func:`binder_link`: a mybinder.org link that builds this repository's ``binder/``
  environment and opens a lesson (a temporary session: work is lost when it ends).

Only the standard library is used.
"""

from __future__ import annotations

import re
from urllib.parse import quote, urlencode, urlsplit

from koit_lessons.errors import KoitError

__all__ = ["nbgitpuller_link", "binder_link"]

_APPS = {"lab": "lab/tree", "notebook": "tree", "classic": "tree"}


def _http_url(url: str, what: str) -> str:
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc or " " in url.strip():
        raise KoitError(
            f"The {what} must be a web address starting with https:// (or http://), not {url!r}."
        )
    return url.strip().rstrip("/")


def _repo_folder(repo: str) -> str:
    name = urlsplit(repo).path.rstrip("/").rsplit("/", 1)[-1]
    return name[:-4] if name.endswith(".git") else name


def nbgitpuller_link(
    hub: str,
    repo: str,
    branch: str = "main",
    path: str = "",
    app: str = "lab",
    target: str | None = None,
) -> str:
    """A JupyterHub link that pulls ``repo`` (``branch``) with nbgitpuller and opens ``path``.

    ``hub`` is the hub's address (e.g. https://hub.example.edu); ``path`` is a file or
    folder inside the repository (e.g. ``00_start_here.ipynb``); ``app`` is "lab"
    (JupyterLab) or "notebook"; ``target`` is the folder the repository is cloned
    into in the student's home (default: the repository's name).
    """
    hub = _http_url(hub, "hub address")
    repo = _http_url(repo, "repository address")
    if app not in _APPS:
        raise KoitError(f"Unknown app {app!r}. Choose one of: {', '.join(sorted(_APPS))}.")
    if not branch or not re.fullmatch(r"[\w./-]+", branch) or ".." in branch:
        raise KoitError(f"{branch!r} is not a valid branch name.")
    folder = target or _repo_folder(repo)
    if not folder or "/" in folder or folder in (".", ".."):
        raise KoitError(f"{folder!r} is not a valid folder name for the clone.")
    inner = path.strip("/")
    urlpath = f"{_APPS[app]}/{folder}" + (f"/{inner}" if inner else "")
    query = {"repo": repo, "branch": branch, "urlpath": urlpath}
    # nbgitpuller clones into the last part of the address as it is ("koit-class.git"
    # for .../koit-class.git; jupyterhub/nbgitpuller issue 205), so a name with .git left
    # out is passed as the target
    if target or folder != urlsplit(repo).path.rstrip("/").rsplit("/", 1)[-1]:
        query["targetpath"] = folder
    base = hub if hub.endswith("/hub") else f"{hub}/hub"
    return f"{base}/user-redirect/git-pull?{urlencode(query, quote_via=quote, safe='')}"


def binder_link(repo: str, ref: str = "main", path: str = "", app: str = "lab") -> str:
    """A mybinder.org link for a GitHub repository, opening ``path`` in JupyterLab."""
    repo = _http_url(repo, "repository address")
    parts = urlsplit(repo)
    segments = [s for s in parts.path.split("/") if s]
    if parts.netloc.lower() != "github.com" or len(segments) != 2:
        raise KoitError(f"Give a GitHub repository as https://github.com/OWNER/NAME, not {repo!r}.")
    owner, name = segments[0], segments[1].removesuffix(".git")
    if app not in _APPS:
        raise KoitError(f"Unknown app {app!r}. Choose one of: {', '.join(sorted(_APPS))}.")
    if not ref or not re.fullmatch(r"[\w./-]+", ref):
        raise KoitError(f"{ref!r} is not a valid branch, tag or commit.")
    link = f"https://mybinder.org/v2/gh/{owner}/{name}/{quote(ref, safe='')}"
    inner = path.strip("/")
    if inner:
        link += "?" + urlencode({"urlpath": f"{_APPS[app]}/{inner}"}, quote_via=quote, safe="")
    return link
