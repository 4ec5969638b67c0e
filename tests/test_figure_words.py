"""A figure's description reaches its reader inside JupyterLab too: JupyterLab 4 sets no
alt text on output images, so once a cell has run, the descriptions of the figures it
showed follow them as a closed "details" element ("The figure in words") that a reader
opens and a screen reader reads; an explorer's figure carries its own (issue 17)."""

import nbformat
from nbclient import NotebookClient

from koit_lessons.plots._describe import SUMMARY

SETUP = """\
import pandas as pd
from koit_lessons import plots
from koit_lessons.widgets.base import redraw
import ipywidgets
plots.use_style()
plots.use_style()  # twice: still one description per figure
shares = pd.DataFrame({"country": ["Australia", "Chile"], "share_pct": [37.2, 21.9]})
"""


def _run(*cells):
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(SETUP)] + [nbformat.v4.new_code_cell(c) for c in cells]
    NotebookClient(nb, timeout=120, kernel_name="python3").execute()
    return nb.cells[1:]


def _words(outputs):
    return [
        o for o in outputs if "koit-figure-description" in o.get("data", {}).get("text/html", "")
    ]


def test_a_cell_s_figures_are_followed_by_their_description_and_other_cells_are_not():
    drawn, plain, two, explorer, after = _run(
        'ax = plots.barh(shares, "share_pct", "country", fmt="{:.0f} %", source="Example.")',
        "1 + 1",
        "import matplotlib.pyplot as plt\n"
        'plots.barh(shares, "share_pct", "country", title="First", source="Example.")\n'
        'plots.barh(shares, "share_pct", "country", title="Second", source="Example.")',
        "out = ipywidgets.Output()\n"
        '_ = redraw(out, lambda: plots.barh(shares, "share_pct", "country", source="Example."))\n'
        "[o['output_type'] for o in out.outputs], "
        f"{SUMMARY!r} in out.outputs[-1]['data']['text/html']",
        "2 + 2",
    )
    figure, words = drawn.outputs[-2], drawn.outputs[-1]
    assert "image/png" in figure["data"]
    alt = figure["metadata"]["image/png"]["alt"]
    assert alt.startswith("Horizontal bar chart") and "Australia 37 %" in alt
    html = words["data"]["text/html"]
    assert html.startswith('<details class="koit-figure-description">') and "<summary>" in html
    assert alt in html and words["data"]["text/plain"] == f"{SUMMARY}: {alt}"
    assert _words(plain.outputs) == []
    # two figures in one cell: both described, in one element after both
    assert [o["output_type"] for o in two.outputs][-1] == "display_data"
    assert len(_words(two.outputs)) == 1
    text = _words(two.outputs)[0]["data"]["text/html"]
    assert (
        "'First'" in text and "'Second'" in text and text.index("'First'") < text.index("'Second'")
    )
    # an explorer shows the words under its own figure, and nothing leaks into the cell
    # that runs next
    assert "['display_data', 'display_data'], True" in explorer.outputs[-1]["data"]["text/plain"]
    assert _words(explorer.outputs) == [] and _words(after.outputs) == []
