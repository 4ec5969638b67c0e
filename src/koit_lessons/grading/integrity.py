"""Is the installed package the one that was installed? Checked before and during grading.

The answer key is computed from the installed ``koit_lessons`` package, so a package
changed on disk (by a student's code in an earlier batch, say) would grade wrongly.
Before a batch, every file of the package is compared with the hashes pip recorded
when it was installed (the wheel's ``RECORD``); a package changed since is refused
with a sentence. During the batch, the package's files and the ``.pth`` start-up
files beside it are fingerprinted after every submission, so a change is caught at
once, whatever the protection level.
"""

from __future__ import annotations

import base64
import hashlib
import os
import site
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

import koit_lessons
from koit_lessons.errors import KoitError

__all__ = ["Fingerprint", "fingerprint", "verify_installed"]

PACKAGE = Path(koit_lessons.__file__).resolve().parent


@dataclass(frozen=True)
class Fingerprint:
    """Hashes of every file of the package and of the .pth files next to it."""

    files: dict[str, str]

    def changes(self, other: Fingerprint) -> list[str]:
        """The files that differ between two fingerprints (added, removed or changed)."""
        keys = set(self.files) | set(other.files)
        return sorted(k for k in keys if self.files.get(k) != other.files.get(k))


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def _site_dirs() -> list[Path]:
    dirs = {PACKAGE.parent, *map(Path, site.getsitepackages()), Path(site.getusersitepackages())}
    return sorted(d for d in dirs if d.is_dir())


def fingerprint() -> Fingerprint:
    """The package's files and the start-up (.pth) files of its site folders, hashed."""
    from koit_lessons.grading.sandbox import _shipped

    files = {}
    # the package, and the data and lessons where a source checkout keeps them apart
    folders = {PACKAGE, *(p for p in _shipped() if p.is_dir() and PACKAGE not in p.parents)}
    for folder in sorted(folders):
        for root, _, names in os.walk(folder):
            for name in names:
                path = Path(root, name)
                files[str(path)] = _sha256(path) if not path.is_symlink() else "link"
    for d in _site_dirs():
        for path in d.glob("*.pth"):
            files[str(path)] = _sha256(path)
    return Fingerprint(files)


def verify_installed() -> str:
    """Compare the package with the hashes recorded at install; return what was checked.

    Raises KoitError naming the changed files when the package differs from what was
    installed. An editable or source install has no such record: then only changes
    during the batch are caught, and the returned text says so.
    """
    try:
        dist = metadata.distribution("koit-lessons")
    except metadata.PackageNotFoundError:
        return "package not installed with pip: checked for changes during the batch only"
    changed, checked = [], 0
    for entry in dist.files or []:
        if not entry.parts or entry.parts[0] != "koit_lessons" or entry.hash is None:
            continue
        path = Path(entry.locate()).resolve()
        if PACKAGE not in path.parents:
            continue
        want = entry.hash.value
        try:
            digest = hashlib.new(entry.hash.mode, path.read_bytes()).digest()
        except OSError:
            changed.append(str(entry))
            continue
        got = base64.urlsafe_b64encode(digest).rstrip(b"=").decode()
        checked += 1
        if got != want:
            changed.append(str(entry))
    if changed:
        shown = ", ".join(changed[:5]) + (
            f" and {len(changed) - 5} more" if len(changed) > 5 else ""
        )
        raise KoitError(
            f"The installed koit-lessons package was changed after it was installed ({shown}), "
            "so its answer key cannot be trusted. Reinstall it (pip install --force-reinstall "
            "koit-lessons) and grade again."
        )
    if not checked:
        return "editable or source install: checked for changes during the batch only"
    return f"package verified against its install record ({checked} files)"
