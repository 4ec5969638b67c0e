"""Every figure of every lesson, drawn as the lesson draws it.

:func:`lesson_figures` runs a lesson notebook's code cells in order (the teacher
version, with its solutions) with Matplotlib's Agg backend, and hands back each figure
the lesson shows: the ones a cell leaves open, and the ones an explorer widget shows in
its output area (it closes them once shown). Nothing is written into the notebook.

Run as a script it saves every figure as a PNG and prints what the figure audit
(:func:`koit_lessons.plots._audit.audit`) finds::

    python tests/lesson_figures.py /tmp/figures
"""

from __future__ import annotations

import contextlib
import io
import json
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
from matplotlib.backends.backend_agg import FigureCanvasAgg  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"

#: a cell that draws: a call of a figure function of ``plots``
DRAWS = re.compile(r"\bplots\.(?!use_style\b|color_for\b|add_source\b)\w+\(")


@dataclass
class LessonFigure:
    """One figure a lesson shows: the notebook, the index of its cell, and which figure
    of that cell it is (0 for the first)."""

    notebook: str
    cell: int
    number: int
    figure: Figure

    @property
    def name(self) -> str:
        return f"{Path(self.notebook).stem}_cell{self.cell:02d}_{self.number}"


def lessons() -> list[Path]:
    return sorted(NOTEBOOKS.glob("[0-9][0-9]_*.ipynb"))


def code_cells(path: Path) -> list[tuple[int, str]]:
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    return [
        (i, "".join(c["source"]) if isinstance(c["source"], list) else c["source"])
        for i, c in enumerate(cells)
        if c["cell_type"] == "code"
    ]


def drawing_cells(path: Path) -> list[int]:
    """The indices of the cells whose code calls a figure function of ``plots``."""
    return [i for i, src in code_cells(path) if DRAWS.search(src)]


def lesson_figures(path: Path, explorers: set[int] | None = None) -> Iterator[LessonFigure]:
    """Run the code cells of the notebook ``path`` in order and yield every figure it
    shows, cell by cell. Matplotlib's and pandas' settings are restored afterwards.

    The indices of the cells that build an explorer with a figure area are added to
    ``explorers`` (each should show a figure)."""
    from koit_lessons.widgets import base

    shown: list[Figure] = []
    real_output = base._figure_output  # how an explorer shows its figure (set in the kernel)
    real_assemble = base.Explorer._assemble
    current = [-1]

    def assemble(self, rows, watch, *, figure=True):
        if figure and explorers is not None:
            explorers.add(current[0])
        return real_assemble(self, rows, watch, figure=figure)

    def figure_output(figure):  # an explorer showing its figure
        shown.append(figure)
        return real_output(figure)

    namespace: dict = {"__name__": "__lesson__"}
    options = {k: pd.get_option(k) for k in ("display.precision", "display.max_colwidth", "display.float_format")}
    base._figure_output = figure_output
    base.Explorer._assemble = assemble
    try:
        with matplotlib.rc_context():
            plt.close("all")
            for index, source in code_cells(path):
                current[0] = index
                code = "\n".join(
                    line for line in source.splitlines() if not line.lstrip().startswith(("%", "!"))
                )
                with contextlib.redirect_stdout(io.StringIO()):
                    exec(compile(code, f"{path.name}[{index}]", "exec"), namespace)
                figures = shown + [plt.figure(n) for n in plt.get_fignums()]
                shown.clear()
                plt.close("all")
                for number, fig in enumerate(figures):
                    FigureCanvasAgg(fig)  # closed figures lose their canvas
                    fig.canvas.draw()  # as the notebook draws it, in the lesson's style
                    yield LessonFigure(path.name, index, number, fig)
    finally:
        base._figure_output = real_output
        base.Explorer._assemble = real_assemble
        for key, value in options.items():
            pd.set_option(key, value)
        plt.close("all")


def main(out: str) -> int:
    from koit_lessons.plots._audit import audit

    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    problems = 0
    for path in lessons():
        for item in lesson_figures(path):
            item.figure.savefig(folder / f"{item.name}.png")
            found = audit(item.figure)
            problems += len(found)
            print(item.name, "OK" if not found else "")
            for p in found:
                print("   -", p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "figures"))
