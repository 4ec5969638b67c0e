"""Estimate each lesson's time with the stated method (koit_lessons.timing) and,
with --write, put it into the notebooks: each numbered section's heading, the
"**Time:** about N minutes" line and the metadata ``minutes``.

    python scripts/lesson_times.py               # print the estimate, section by section
    python scripts/lesson_times.py --write 04 08 # write it into lessons 04 and 08

Writing changes only text, so outputs stay valid; run scripts/execute_notebooks.py
anyway before committing, as for every notebook change. tests/test_timing.py fails
when a notebook is out of step with the estimate.
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat

from koit_lessons import lessons, timing

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"


def main(argv: list[str]) -> int:
    write = "--write" in argv
    wanted = [a for a in argv if not a.startswith("--")]
    for item in lessons.lessons():
        if wanted and item.number not in wanted:
            continue
        path = NOTEBOOKS / item.filename
        nb = nbformat.read(path, as_version=4)
        print(f"Lesson {item.number}: {timing.lesson_minutes(nb)} min (stated {item.minutes})")
        for s in timing.sections(nb):
            parts = ", ".join(f"{k} {v:g}" for k, v in s.parts.items())
            print(f"  {s.minutes:3d} min  {s.title[:60]:60s} ({s.words} words; {parts})")
        if write:
            changes = timing.write_times(nb)
            if changes:
                nbformat.write(nb, path)
                print("  wrote: " + "; ".join(changes))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
