"""How long the course website takes to build, next to a floor, in one run.

    python bench/bench_site.py [--runs 3] [--jobs 1]

Each round builds, in a fresh process each:

- **floor**: a plain ``sphinx-build`` of one empty page (Sphinx's default theme): what
  starting Sphinx costs on this machine at this moment;
- **english**: ``koit-lessons site OUT --lang en`` (the whole course in English: home
  page, every lesson from its stored outputs, the teacher's guide, the data catalogue);
- **site**: ``koit-lessons site OUT`` (English and every language a lesson is offered
  in: the Korean and Italian sub-sites execute their lessons while building).

The three alternate, so that all meet the same load. Prints the median and the range of
each, the pages, and the ratio of the medians. Target: the site under 5 minutes on 2
cores. Needs the ``site`` extra.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def _timed(command: list[str]) -> tuple[float, str]:
    start = time.perf_counter()
    done = subprocess.run(command, check=True, capture_output=True, text=True)
    return time.perf_counter() - start, done.stdout


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="rounds (default 3)")
    parser.add_argument("--jobs", type=int, default=1, help="Sphinx jobs for the site")
    args = parser.parse_args(argv)
    times: dict[str, list[float]] = {"floor": [], "english": [], "site": []}
    with tempfile.TemporaryDirectory(prefix="bench-site-") as tmp:
        root = Path(tmp)
        floor_src = root / "floor"
        floor_src.mkdir()
        (floor_src / "conf.py").write_text('project = "floor"\n', encoding="utf-8")
        (floor_src / "index.rst").write_text("Floor\n=====\n", encoding="utf-8")
        pages: dict[str, int] = {}
        for i in range(args.runs):
            floor = [sys.executable, "-m", "sphinx", "-b", "html", "-q", "-E"]
            floor += [str(floor_src), str(root / f"floor-out-{i}")]
            times["floor"].append(_timed(floor)[0])
            counts = {}
            for name, extra in (("english", ["--lang", "en"]), ("site", [])):
                out = root / f"{name}-out-{i}"
                site = [sys.executable, "-m", "koit_lessons", "site", str(out)]
                times[name].append(_timed(site + ["--jobs", str(args.jobs), *extra])[0])
                counts[name] = sum(
                    1 for p in out.rglob("*.html") if p.name not in ("genindex.html", "search.html")
                )
            pages = counts
            print(
                f"round {i + 1}: floor {times['floor'][-1]:.1f} s, english "
                f"{times['english'][-1]:.1f} s, site {times['site'][-1]:.1f} s"
            )
    print(f"\n{os.cpu_count()} CPUs; load average {os.getloadavg()[0]:.1f} at the end")
    for name, values in times.items():
        print(
            f"{name:7s}: median {statistics.median(values):6.1f} s "
            f"(min {min(values):.1f}, max {max(values):.1f}, {len(values)} runs)"
        )
    ratio = statistics.median(times["site"]) / statistics.median(times["floor"])
    print(
        f"pages: {pages}; site / floor: {ratio:.1f} x; languages add "
        f"{statistics.median(times['site']) - statistics.median(times['english']):.1f} s; "
        "target: site under 300 s"
    )


if __name__ == "__main__":
    main()
