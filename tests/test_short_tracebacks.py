"""A KoitError in a notebook shows the student's own line and the one sentence, not a
page of the package's frames; other errors keep their whole traceback."""

import os
import re

import nbformat
from nbclient import NotebookClient

from koit_lessons import errors


def _errors(*sources):
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(s) for s in sources]
    # jupyter_client 8.8 reads the kernel's environment from env= and fails on None
    NotebookClient(nb, timeout=120, allow_errors=True, kernel_name="python3").execute(
        env=dict(os.environ)
    )
    out = []
    for cell in nb.cells[1:]:
        [error] = [o for o in cell.outputs if o.output_type == "error"]
        text = re.sub(r"\x1b\[[0-9;]*m", "", "\n".join(error.traceback))
        out.append((error.ename, error.evalue, text))
    return out


def test_a_koit_error_shows_the_cell_line_and_the_sentence_only():
    [(ename, evalue, text), (other, _, other_text)] = _errors(
        "from koit_lessons import metrics\nimport koit_lessons",
        "shares = [50, 30, 20]\nmetrics.hhi('lithium')",
        "import json\njson.loads('{')",
    )
    assert ename == "KoitError" and evalue  # the grader still reads both
    assert "metrics.hhi('lithium')" in text and evalue in text
    assert "koit_lessons" + os.sep not in text  # no frame of the package
    assert len(text.splitlines()) < 15
    # an error that is not the package's keeps its frames (json's own lines)
    assert other == "JSONDecodeError" and "json" + os.sep in other_text


def test_short_traceback_cuts_at_the_first_frame_of_the_package():
    def frames(tb):
        names = []
        while tb is not None:
            names.append(tb.tb_frame.f_code.co_name)
            tb = tb.tb_next
        return names

    try:
        errors.require_number("3", "growth rate")
    except errors.KoitError as error:
        tb = error.__traceback__
    assert frames(tb)[-2:] == ["require_number", "_real"]
    assert frames(errors.short_traceback(tb)) == [
        "test_short_traceback_cuts_at_the_first_frame_of_the_package"
    ]
    try:  # a traceback with no frame of the package is kept whole
        raise errors.KoitError("bad")
    except errors.KoitError as error:
        tb = error.__traceback__
    assert errors.short_traceback(tb) is tb and len(frames(tb)) == 1


def test_outside_a_kernel_nothing_is_installed():
    assert errors.install_short_tracebacks() is False
