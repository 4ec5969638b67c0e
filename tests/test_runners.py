"""The widget lessons run in the standard runners without stalling (the short version of
bench/bench_runners.py, which also covers papermill, nbgrader and nbval).

A stall: nbclient's wait for a cell's ``execute_reply`` missed the reply's wake-up and
sat idle for the whole cell timeout. It happened when an ipywidgets Output captured a
figure with ``with output:`` (docs/research/runner-stall.md); the explorers now fill
their Output in the kernel.
"""

import json
import sys
from pathlib import Path

import matplotlib
import pytest

matplotlib.use("Agg")

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
import bench_runners  # noqa: E402

from koit_lessons import widgets  # noqa: E402


def test_an_explorer_fills_its_figure_area_in_the_kernel_without_capturing():
    ex = widgets.MineralExplorer()
    # msg_id is what a capturing Output (with output:) sets for the front end to follow
    assert ex.output.msg_id == ""
    # the figure, then its description in words (issue 17)
    assert [o["output_type"] for o in ex.output.outputs] == ["display_data", "display_data"]
    assert "image/png" in ex.output.outputs[0]["data"]
    assert "koit-figure-description" in ex.output.outputs[1]["data"]["text/html"]
    ex.mineral.value = "cobalt"
    assert ex.output.msg_id == "" and len(ex.output.outputs) == 2
    assert "cobalt" in ex.output.outputs[1]["data"]["text/html"].lower()


def test_an_explorer_without_a_figure_shows_its_message_as_text():
    import ipywidgets as w

    class Empty(widgets.base.Explorer):
        def __init__(self):
            self.word = w.Text("none")
            self._assemble([self.word], watch=[self.word])

        def summary_text(self):
            return self.word.value

        def no_figure_text(self):
            return f"Nothing to draw for {self.word.value}."

    ex = Empty()
    assert ex.output.msg_id == ""
    assert ex.output.outputs == (
        {"output_type": "stream", "name": "stdout", "text": "Nothing to draw for none.\n"},
    )


def test_the_widget_lessons_are_found_from_their_outputs():
    assert {"00", "08"} <= set(bench_runners.widget_lessons())


def test_idle_gaps_are_measured_from_the_kernels_times(tmp_path):
    def cell(busy, idle):
        return {
            "cell_type": "code",
            "metadata": {
                "execution": {
                    "iopub.status.busy": f"2026-01-19T10:00:{busy:06.3f}Z",
                    "iopub.status.idle": f"2026-01-19T10:00:{idle:06.3f}Z",
                }
            },
        }

    path = tmp_path / "nb.ipynb"
    path.write_text(json.dumps({"cells": [cell(0, 1), cell(1.02, 2), cell(7, 8)]}))
    assert [round(g, 2) for g in bench_runners.idle_gaps(path)] == [0.02, 5.0]


def test_a_run_is_a_stall_if_a_cell_waited_or_it_took_a_timeout_over_the_fastest():
    runs = [bench_runners.Run(10, True, 0.1), bench_runners.Run(11, True, 0.1)]
    cell = bench_runners.Cell("nbclient", "08", runs)
    assert bench_runners.stalls(cell, timeout=20, gap=3) == 0
    cell.runs.append(bench_runners.Run(12, True, 5.0))  # waited 5 s after idle
    cell.runs.append(bench_runners.Run(40, True, 0.1))  # slow (load), but no cell waited
    assert bench_runners.stalls(cell, timeout=20, gap=3) == 1
    nbval = bench_runners.Cell("nbval", "08", [bench_runners.Run(s, True, None) for s in (10, 25)])
    assert bench_runners.stalls(nbval, timeout=20, gap=3) == 0  # no notebook: wall time
    nbval.runs.append(bench_runners.Run(31, True, None))  # a whole timeout over the fastest
    assert bench_runners.stalls(nbval, timeout=20, gap=3) == 1


@pytest.mark.slow
@pytest.mark.parametrize("runner", ["nbconvert", "nbclient"])
def test_widget_lessons_do_not_stall_in_plain_runners(runner, tmp_path):
    """Each widget lesson once (lesson 08, where the stall was first seen, three times)
    under plain nbconvert and plain nbclient, no koit code in the runner."""
    cells = []
    for number in bench_runners.widget_lessons():
        lesson = bench_runners.Lesson(number, "source", tmp_path)
        runs = [lesson.run(runner, timeout=30, kill=300) for _ in range(3 if number == "08" else 1)]
        cells.append(bench_runners.Cell(runner, number, runs))
    table = bench_runners.table(cells, timeout=30, gap=3)
    assert all(r.ok for c in cells for r in c.runs), table
    assert all(bench_runners.stalls(c, timeout=30, gap=3) == 0 for c in cells), table
