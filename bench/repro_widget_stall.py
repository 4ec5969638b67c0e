"""A reproducer of the widget-cell stall with no koit code: plain nbclient runs a
notebook of ``--cells`` cells that each fill an ipywidgets Output widget, again and again.

Each run uses a short cell timeout (``--timeout``, 3 s). A cell that sits idle until its
timeout and then finishes is a stall: nbclient's wait for the ``execute_reply`` missed
the reply's wake-up and found the message only when its poll timed out.

Usage::

    python bench/repro_widget_stall.py --runs 10 [--timeout 3] [--cells 10]
        [--mode capture|direct|none]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time

import nbformat
from nbclient import NotebookClient

WIDGET_CELL = """\
import ipywidgets as w
from IPython.display import display
out = w.Output()
box = w.VBox([w.IntSlider(3), w.HTML("<b>hi</b>"), out])
with out:
    out.clear_output(wait=True)
    print("drawn")
    display({"text/plain": "a figure"}, raw=True)
display(box)
"""

# the same figure area, filled by the kernel itself: nothing for the client to capture
DIRECT_WIDGET_CELL = """\
import ipywidgets as w
from IPython.display import display
out = w.Output()
box = w.VBox([w.IntSlider(3), w.HTML("<b>hi</b>"), out])
out.outputs = (
    {"output_type": "stream", "name": "stdout", "text": "drawn\\n"},
    {"output_type": "display_data", "data": {"text/plain": "a figure"}, "metadata": {}},
)
display(box)
"""

PLAIN_WIDGET_CELL = """\
import ipywidgets as w
from IPython.display import display
box = w.VBox([w.IntSlider(3), w.HTML("<b>hi</b>")])
display(box)
"""


CELLS = {"capture": WIDGET_CELL, "direct": DIRECT_WIDGET_CELL, "none": PLAIN_WIDGET_CELL}


def notebook(mode: str, cells: int = 10) -> nbformat.NotebookNode:
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    nb.cells = [nbformat.v4.new_code_cell("x = 1")]
    for _ in range(cells):
        nb.cells.append(nbformat.v4.new_code_cell(CELLS[mode]))
        nb.cells.append(nbformat.v4.new_code_cell("x + 1"))
    return nb


def one_run(mode: str, timeout: float, cells: int) -> list[float]:
    """Run the notebook once; return each code cell's wall time (s)."""
    nb = notebook(mode, cells)
    client = NotebookClient(nb, timeout=timeout, kernel_name="python3")
    client.extra_arguments = ["--IPKernelApp.log_level=ERROR"]
    times = []
    with client.setup_kernel():
        for index, cell in enumerate(nb.cells):
            start = time.monotonic()
            client.execute_cell(cell, index)
            times.append(time.monotonic() - start)
    return times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=40)
    parser.add_argument("--timeout", type=float, default=5.0)
    parser.add_argument("--cells", type=int, default=10, help="widget cells a notebook")
    parser.add_argument(
        "--mode",
        choices=list(CELLS),
        default="capture",
        help="capture: an Output widget filled with `with out:` (stalls); direct: the same "
        "Output filled by setting out.outputs in the kernel; none: no Output widget",
    )
    parser.add_argument(
        "--no-sync-back",
        action="store_true",
        help="stop nbclient's Output-widget mimic from sending its comm_msg back to the "
        "kernel on the shell socket (an experiment: with it, capture no longer stalls)",
    )
    args = parser.parse_args(argv)
    if args.no_sync_back:
        from nbclient.output_widget import OutputWidget

        OutputWidget.sync_state = lambda self: None
    import ipykernel
    import ipywidgets
    import jupyter_client
    import nbclient
    import tornado
    import zmq

    print(
        f"pyzmq {zmq.__version__} (libzmq {zmq.zmq_version()}), jupyter_client "
        f"{jupyter_client.__version__}, ipykernel {ipykernel.__version__}, nbclient "
        f"{nbclient.__version__}, ipywidgets {ipywidgets.__version__}, tornado {tornado.version}, "
        f"python {sys.version.split()[0]}; mode {args.mode}"
        f"{'; no sync back' if args.no_sync_back else ''}",
        flush=True,
    )
    stalls = 0
    worst = []
    for run in range(args.runs):
        times = one_run(args.mode, args.timeout, args.cells)
        stalled = sum(t >= 0.8 * args.timeout for t in times)
        stalls += stalled
        worst.append(max(times))
        print(
            f"run {run + 1:3d}: slowest cell {max(times):.2f} s"
            f"{f'  STALLED cells: {stalled}' if stalled else ''}",
            flush=True,
        )
    print(
        f"stalled cells: {stalls} of {args.runs * args.cells} widget cells ({args.runs} runs);"
        f" slowest cell a run: median {statistics.median(worst):.2f} s, max {max(worst):.2f} s"
    )
    return 1 if stalls else 0


if __name__ == "__main__":
    sys.exit(main())
