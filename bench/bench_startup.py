#!/usr/bin/env python3
"""Measure start-up, lesson run times, widget updates and kernel memory (a benchmark,
not a test).

    python bench/bench_startup.py            # prints a table (markdown)

Reports, on this machine, in one run:
- `koit-lessons --help` (median of 7; it imports no pandas or matplotlib);
- `import koit_lessons`, and the extra time the lesson modules add on top of
  importing pandas and matplotlib;
- each lesson notebook's execution time (median of 5) next to a floor notebook that
  only starts a kernel and imports pandas, matplotlib and ipywidgets, run alternately
  with the lesson, and the ratio;
- the peak memory (max RSS) of each lesson's kernel;
- one update of each interactive widget (the work behind one control change), with
  and without rendering the figure to PNG as the notebook's inline backend does.
"""

from __future__ import annotations

import io
import statistics
import subprocess
import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

from koit_lessons._kernel import KernelManager

ROOT = Path(__file__).resolve().parents[1]
PY = sys.executable
RUNS = 5  # runs of each notebook (and of the floor next to it); the median is reported
MAXRSS = "import resource; print('MAXRSS', resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)"


def _median_wall(cmd: list[str], runs: int = 7) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _run_notebook(nb) -> tuple[float, float]:
    """Execution time in seconds and the kernel's peak memory in MiB."""
    nb.cells.append(nbformat.v4.new_code_cell(MAXRSS))
    start = time.perf_counter()
    NotebookClient(
        nb, timeout=600, kernel_name="python3", kernel_manager_class=KernelManager
    ).execute()
    elapsed = time.perf_counter() - start
    text = "".join(o.get("text", "") for o in nb.cells[-1].outputs)
    kib = int(text.split("MAXRSS")[1].split()[0])
    return elapsed, kib / 1024


def _notebook_rows(floor):
    """Each lesson run RUNS times, each run right after a run of the floor notebook, so
    that the ratio compares runs made under the same machine load (kernel start-up
    time drifts by 10-20 % between minutes on a shared machine)."""
    for path in sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb")):
        floors, runs = [], []
        for _ in range(RUNS):
            floors.append(_run_notebook(nbformat.from_dict(floor))[0])
            runs.append(_run_notebook(nbformat.read(path, as_version=4)))
        t = statistics.median(r[0] for r in runs)
        f = statistics.median(floors)
        yield path.name, t, f, t / f, max(r[1] for r in runs)


def _time_updates(change_control, repeats: int = 15) -> tuple[float, float]:
    """Median ms of one control change: with the explorers' figure display (in
    :func:`koit_lessons.widgets.base.redraw`) doing nothing, and with it rendering the
    figure to PNG, as the notebook's inline backend does."""
    from koit_lessons.widgets import base

    def render(obj):
        if hasattr(obj, "savefig"):
            obj.savefig(io.BytesIO(), format="png")

    results = []
    for shown in (lambda obj: None, render):
        base.display = shown
        times = []
        for i in range(repeats):
            start = time.perf_counter()
            change_control(i)
            times.append(time.perf_counter() - start)
        results.append(statistics.median(times) * 1000)
    return results[0], results[1]


def _widget_rows():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from IPython.utils.capture import capture_output

    from koit_lessons import widgets

    rows = []
    with capture_output():
        ex = widgets.MineralExplorer()
        names = ["cobalt", "gallium", "graphite", "rare earths", "lithium"]

        def mineral(i):
            ex.mineral.value = names[i % len(names)]

        rows.append(("MineralExplorer: mineral", *_time_updates(mineral)))

        calc = widgets.TrainingRunCalculator()
        lo, hi = calc.utilisation.min, calc.utilisation.max

        def utilisation(i):
            calc.utilisation.value = lo + (hi - lo) * ((i % 5) + 1) / 6

        rows.append(("TrainingRunCalculator: utilisation", *_time_updates(utilisation)))

        sim = widgets.ShockSimulator()

        def cut(i):
            sim.cut.value = 10 + 5 * (i % 15)

        rows.append(("ShockSimulator: cut", *_time_updates(cut)))

        clubs = widgets.ClubExplorer()
        measures = ["betweenness", "eigenvector", "degree"]

        def measure(i):
            clubs.measure.value = measures[i % len(measures)]

        rows.append(("ClubExplorer: centrality", *_time_updates(measure)))

        def club(i):
            box = clubs.boxes["NATO"]
            box.value = not box.value

        rows.append(("ClubExplorer: tick a club", *_time_updates(club)))

        trade = widgets.TradeGrowthExplorer()

        def flow(i):
            trade.flow.value = trade.flow.options[i % len(trade.flow.options)]

        rows.append(("TradeGrowthExplorer: flow", *_time_updates(flow)))
        plt.close("all")
    return rows


def main() -> None:
    print("| What | Seconds |\n|---|---|")
    print(f"| `python -c pass` | {_median_wall([PY, '-c', 'pass']):.3f} |")
    print(f"| `koit-lessons --help` | {_median_wall([PY, '-m', 'koit_lessons', '--help']):.3f} |")
    print(f"| `import koit_lessons` | {_median_wall([PY, '-c', 'import koit_lessons']):.3f} |")
    base = _median_wall([PY, "-c", "import pandas, matplotlib.pyplot"])
    full = _median_wall(
        [PY, "-c", "import pandas, matplotlib.pyplot; "
         "from koit_lessons import data, metrics, minerals, plots, checks, chips, compute, shocks"]
    )  # fmt: skip
    print(f"| `import pandas, matplotlib.pyplot` | {base:.3f} |")
    print(f"| lesson modules added on top | {full - base:.3f} |")

    floor = nbformat.v4.new_notebook()
    floor.cells = [nbformat.v4.new_code_cell("import pandas, matplotlib.pyplot, ipywidgets")]
    floor_runs = [_run_notebook(nbformat.from_dict(floor)) for _ in range(RUNS)]
    floor_time = statistics.median(r[0] for r in floor_runs)
    floor_mem = max(r[1] for r in floor_runs)
    print(
        "\n| Notebook | Seconds | Floor alongside | × floor | Kernel peak MiB |"
        "\n|---|---|---|---|---|"
    )
    print(f"| floor (kernel + imports) | {floor_time:.2f} | | 1.00 | {floor_mem:.0f} |")
    for name, t, f, ratio, mem in _notebook_rows(floor):
        print(f"| {name} | {t:.2f} | {f:.2f} | {ratio:.2f} | {mem:.0f} |")

    print("\n| Widget update | ms | ms incl. PNG |\n|---|---|---|")
    for name, bare, png in _widget_rows():
        print(f"| {name} | {bare:.0f} | {png:.0f} |")


if __name__ == "__main__":
    main()
