"""Where the shipped data and notebooks live, in an installed wheel or a source checkout.

In a wheel, ``data/``, ``notebooks/`` and the teacher's guide are packaged as
``koit_lessons/_data``, ``koit_lessons/_notebooks`` and ``koit_lessons/_docs`` and read
through :mod:`importlib.resources`, so a read-only site-packages works. In a source
checkout (an editable install) the folders at the repository root are used instead.
"""

from __future__ import annotations

from importlib import resources
from importlib.abc import Traversable
from pathlib import Path

from koit_lessons.errors import KoitError

_REPO_ROOT = Path(__file__).resolve().parents[2]


def _folder(packaged: str, in_repo: str) -> Traversable:
    shipped = resources.files("koit_lessons") / packaged
    if shipped.is_dir():
        return shipped
    checkout = _REPO_ROOT / in_repo
    if checkout.is_dir() and (_REPO_ROOT / "pyproject.toml").is_file():
        return checkout
    raise KoitError(
        f"The koit-lessons {in_repo} folder is missing from this installation. "
        "Reinstall the package with: python -m pip install --force-reinstall koit-lessons"
    )


def data_dir() -> Traversable:
    """The folder that holds ``datapackage.json`` and the CSV files."""
    return _folder("_data", "data")


def notebooks_dir() -> Traversable:
    """The folder that holds the lesson notebooks (teacher versions, with solutions)."""
    return _folder("_notebooks", "notebooks")


def docs_dir() -> Traversable:
    """The folder that holds the teacher's guide (``teacher-guide.md``)."""
    return _folder("_docs", "docs")
