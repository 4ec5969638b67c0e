"""The lesson catalogue: which lessons there are, and the student set of all of them.

The notebook format itself (solutions, tags, the student version) is in
:mod:`koit_lessons.notebook`. Standard library only, so the command line stays fast.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from koit_lessons import notebook
from koit_lessons.errors import unknown_name
from koit_lessons.resources import notebooks_dir

_LESSON_FILE = re.compile(r"^(\d\d)_.+\.ipynb$")


@dataclass(frozen=True)
class Lesson:
    """One lesson: its number, file name, title and estimated time in minutes."""

    number: str
    filename: str
    title: str
    minutes: int

    def read(self) -> dict[str, Any]:
        """The teacher notebook (with solutions) as a JSON dict."""
        return json.loads((notebooks_dir() / self.filename).read_text(encoding="utf-8"))


def lessons() -> list[Lesson]:
    """All lessons, in order."""
    found = []
    for entry in sorted(notebooks_dir().iterdir(), key=lambda p: p.name):
        m = _LESSON_FILE.match(entry.name)
        if not m:
            continue
        meta = json.loads(entry.read_text(encoding="utf-8"))["metadata"].get("koit", {})
        found.append(
            Lesson(
                m.group(1), entry.name, meta.get("title", entry.name), int(meta.get("minutes", 0))
            )
        )
    return found


def lesson(number: str) -> Lesson:
    """One lesson by its number, e.g. ``lesson("00")``."""
    all_ = {x.number: x for x in lessons()}
    key = f"{int(number):02d}" if str(number).isdigit() else str(number)
    if key not in all_:
        raise unknown_name("lesson", str(number), all_)
    return all_[key]


def write_student_set(folder: Path, overwrite: bool = False) -> dict[str, list[Path]]:
    """Write the student version of every lesson into ``folder``.

    Existing files are kept unless ``overwrite`` is true, so a student's work is
    never lost. Returns the paths under "written" and "kept".
    """
    return notebook.write_set(
        ((folder / item.filename, notebook.student_version(item.read())) for item in lessons()),
        overwrite,
    )
