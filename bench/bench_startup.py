#!/usr/bin/env python3
"""Measure start-up and lesson run times (a benchmark, not a test).

    python bench/bench_startup.py            # prints a table

Reports, as the median of several runs on this machine:
- `koit-lessons --help` (must stay fast: it imports no pandas or matplotlib);
- `import koit_lessons`, and the extra time `from koit_lessons import data, metrics,
  minerals, plots` adds on top of importing pandas and matplotlib;
- each lesson notebook's execution time next to a floor notebook that only starts a
  kernel and imports pandas, matplotlib and ipywidgets;
- one update of the mineral explorer (the work behind one control change).
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[1]
PY = sys.executable


def _median_wall(cmd: list[str], runs: int = 7) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _run_notebook(nb) -> float:
    start = time.perf_counter()
    NotebookClient(nb, timeout=600, kernel_name="python3").execute()
    return time.perf_counter() - start


def _widget_update_ms() -> float:
    """Median time of one explorer update (summary + figure, rendered to PNG)."""
    import io

    import matplotlib

    matplotlib.use("Agg")
    from IPython.utils.capture import capture_output

    from koit_lessons import widgets

    ex = widgets.MineralExplorer()
    times = []
    with capture_output():
        for mineral in ["cobalt", "gallium", "graphite", "rare earths", "lithium"] * 3:
            start = time.perf_counter()
            ex.mineral.value = mineral
            ex.draw().figure.savefig(io.BytesIO(), format="png")  # what the inline backend does
            times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main() -> None:
    rows = []
    rows.append(("python -c pass", _median_wall([PY, "-c", "pass"])))
    rows.append(("koit-lessons --help", _median_wall([PY, "-m", "koit_lessons", "--help"])))
    rows.append(("import koit_lessons", _median_wall([PY, "-c", "import koit_lessons"])))
    base = _median_wall([PY, "-c", "import pandas, matplotlib.pyplot"])
    full = _median_wall(
        [
            PY,
            "-c",
            "import pandas, matplotlib.pyplot; "
            "from koit_lessons import data, metrics, minerals, plots, checks",
        ]
    )
    rows.append(("import pandas + matplotlib", base))
    rows.append(("  + koit_lessons data/metrics/minerals/plots/checks (added)", full - base))

    floor = nbformat.v4.new_notebook()
    floor.cells = [nbformat.v4.new_code_cell("import pandas, matplotlib.pyplot, ipywidgets")]
    floor_time = statistics.median(_run_notebook(nbformat.from_dict(floor)) for _ in range(3))
    rows.append(("floor notebook (kernel + imports)", floor_time))
    lesson_rows = []
    for path in sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb")):
        t = statistics.median(_run_notebook(nbformat.read(path, as_version=4)) for _ in range(3))
        lesson_rows.append((path.name, t, t / floor_time))

    print(f"{'what':<62} {'seconds':>8}")
    for name, t in rows:
        print(f"{name:<62} {t:8.3f}")
    print(f"\nmineral explorer, one control change incl. PNG: {_widget_update_ms():.0f} ms")
    print(f"\n{'notebook':<40} {'seconds':>8} {'x floor':>8}")
    for name, t, ratio in lesson_rows:
        print(f"{name:<40} {t:8.2f} {ratio:8.2f}")


if __name__ == "__main__":
    main()
