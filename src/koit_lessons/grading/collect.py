"""The collect stage: read every submission into the grader's memory before any runs.

The teacher's folder is read once, here, and never again: what a student's code might
later write there (or into a classmate's file) cannot change what is graded. Only
regular files inside the folder are read; links, devices and pipes are listed with a
problem and not read.
"""

from __future__ import annotations

import hashlib
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path

from koit_lessons import lessons as _lessons
from koit_lessons.errors import KoitError
from koit_lessons.language import tr

__all__ = ["Submission", "collect", "read_one", "find_submissions", "MAX_BYTES"]

#: the largest file read as a submission (a lesson notebook with outputs is about 1 MB)
MAX_BYTES = 25 * 1024 * 1024
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


@dataclass(frozen=True)
class Submission:
    """One submitted file as collected: who, which file, its bytes and their hash."""

    student: str
    file: str  #: path relative to the submissions folder, with / between parts
    data: bytes | None  #: None when it was not read (see ``problem``)
    sha256: str = ""
    problem: str = ""


def _visible(parts: tuple[str, ...]) -> bool:
    return not any(p.startswith(".") or p in ("__pycache__", "__MACOSX") for p in parts)


def _clean(text: str) -> str:
    """A name as it can be shown in one line (file names may hold control characters)."""
    return _CONTROL.sub("?", text)


def _entries(folder: Path) -> list[tuple[Path, os.stat_result]]:
    """Every visible entry below ``folder``, without following links."""
    found = []
    for root, dirs, files in os.walk(folder, followlinks=False):
        rel = Path(root).relative_to(folder).parts
        if not _visible(rel):
            dirs[:] = []
            continue
        for name in sorted(files) + sorted(
            d for d in dirs if os.path.islink(os.path.join(root, d))
        ):
            path = Path(root, name)
            if _visible((name,)):
                found.append((path, os.lstat(path)))
    return found


def find_submissions(folder: Path, lesson: _lessons.Lesson) -> list[tuple[str, Path]]:
    """The submissions in ``folder`` as (student, path), sorted by student.

    Two layouts are understood: one sub-folder per student (``alice/00_start_here.ipynb``,
    as nbgrader and many learning platforms collect them), or files side by side
    (``alice_00_start_here.ipynb`` or ``alice.ipynb``). The student is the sub-folder
    name, or the file name without the lesson's file name.
    """
    folder = Path(folder)
    if not folder.is_dir():
        raise KoitError(
            f"{folder} is not a folder of submissions. Give the folder that holds them."
        )
    stem = Path(lesson.filename).stem
    by_dir: dict[Path, list[Path]] = {}
    for p, _ in _entries(folder):
        by_dir.setdefault(p.parent, []).append(p)
    found = []
    for parent, group in sorted(by_dir.items()):
        notebooks = [p for p in group if p.suffix == ".ipynb"]
        if parent != folder and notebooks:
            group = notebooks  # a student's folder: only their notebooks count
        for p in group:
            if parent != folder:
                student = p.relative_to(folder).parts[0]
                if len(group) > 1:
                    student = f"{student}/{p.name}"
            else:
                student = re.sub(r"[ _.-]*$|^[ _.-]*", "", p.stem.replace(stem, "")) or p.stem
            found.append((_clean(student), p))
    return sorted(found, key=lambda x: (x[0], str(x[1])))


def _read(path: Path) -> tuple[bytes | None, str]:
    """The bytes of a regular file, read without following a link; or None and why."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except OSError as exc:
        if os.path.islink(path):
            return None, tr("a link, not a file (links are not followed); not graded")
        return None, tr("could not be read ({why}); not graded", why=exc.strerror)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            return None, tr("not a regular file (a device, pipe or socket); not graded")
        if info.st_size > MAX_BYTES:
            mb = info.st_size / 1024 / 1024
            return None, tr(
                "too large for a lesson notebook ({size} MB; at most {most} MB); not graded",
                size=f"{mb:.0f}",
                most=MAX_BYTES // 1024 // 1024,
            )
        chunks, size = [], 0
        while size <= MAX_BYTES:
            chunk = os.read(fd, 1 << 20)
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        if size > MAX_BYTES:
            most = MAX_BYTES // 1024 // 1024
            return None, tr(
                "too large for a lesson notebook (at most {most} MB); not graded", most=most
            )
        return b"".join(chunks), ""
    finally:
        os.close(fd)


def read_one(path: Path, student: str, file: str) -> Submission:
    """One submission read into memory (see :func:`collect`)."""
    data, problem = _read(Path(path))
    digest = hashlib.sha256(data).hexdigest() if data is not None else ""
    return Submission(student, file, data, digest, problem)


def collect(folder: Path, lesson: _lessons.Lesson) -> list[Submission]:
    """Read every submission in ``folder`` (see :func:`find_submissions`) into memory."""
    folder = Path(folder)
    return [
        read_one(path, student, _clean(path.relative_to(folder).as_posix()))
        for student, path in find_submissions(folder, lesson)
    ]
