"""pytest set-up for the doctests of the package (``--doctest-modules``; see
``testpaths`` in pyproject.toml). The tests' own set-up is in each test module."""

from __future__ import annotations

import contextlib
import importlib.util
import io
import os
import sys
from pathlib import Path

import pytest

# running it would start the command line (python -m koit_lessons)
collect_ignore = ["src/koit_lessons/__main__.py"]
# the site's Sphinx plug-ins import Sphinx, myst-nb and latex2mathml: without the site
# extra (the oldest-dependencies run) there is nothing of them to collect
if importlib.util.find_spec("myst_nb") is None or importlib.util.find_spec("latex2mathml") is None:
    collect_ignore += ["src/koit_lessons/site/render.py", "src/koit_lessons/site/mathml.py"]

# pytest imports src/koit_lessons/... to collect its doctests. Where the package is
# installed from a wheel (CI: pip install ".[test]"), the tests have already imported
# that copy, and pytest would refuse the same module found at a second path: let the
# doctests run on the installed copy of these files instead.
_SRC = Path(__file__).resolve().parent / "src" / "koit_lessons"
_spec = importlib.util.find_spec("koit_lessons")
if _spec is not None and _spec.origin and Path(_spec.origin).resolve().parent != _SRC:
    os.environ["PY_IGNORE_IMPORTMISMATCH"] = "1"


@pytest.fixture(autouse=True)
def _doctest_as_in_a_notebook(request, monkeypatch):
    """For doctests only: draw with Matplotlib's Agg backend and show widgets as a
    notebook does: ``display(widget)`` and what an explorer writes into its output area
    do not appear as printed text. Close the figures afterwards."""
    if type(request.node).__name__ != "DoctestItem":
        yield
        return
    import ipywidgets
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    redirects = []  # ``with output:`` can nest (Output.clear_output enters it again)

    def enter(output):
        redirects.append(contextlib.redirect_stdout(io.StringIO()))
        redirects[-1].__enter__()
        return output

    def leave(output, *exc):
        redirects.pop().__exit__(*exc)

    monkeypatch.setattr(ipywidgets.Output, "__enter__", enter)
    monkeypatch.setattr(ipywidgets.Output, "__exit__", leave)
    for name, module in list(sys.modules.items()):
        if name.startswith("koit_lessons.widgets") and hasattr(module, "display"):
            monkeypatch.setattr(module, "display", lambda *objs, **kwargs: None)
    yield
    plt.close("all")
