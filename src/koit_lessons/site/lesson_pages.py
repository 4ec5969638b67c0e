"""A lesson as the public site shows it: the student version with the outputs a student
sees on running it unanswered, taken from the stored outputs of the executed lesson
(nothing is run again).

:func:`koit_lessons.notebook.student_version` drops every output. The site keeps them,
because no code cell of a lesson uses a variable that an exercise sets (a test checks
that the kept outputs equal those of the executed student version), except:

- an exercise cell (one with a solution region) shows the feedback a student gets
  before answering, computed by :func:`koit_lessons.checks.check` with ``...``;
- a widget shows a static picture of its default state (the image its figure area
  held when the lesson was executed, with the figure's description) and the summary
  it showed, because a static page has no kernel; the page links to a live session.

Teacher-only cells, model answers and solution code never reach the page.
"""

from __future__ import annotations

import ast
import copy
from typing import Any

from koit_lessons import notebook

__all__ = ["published_version", "figure_description", "WIDGET_MIME"]

WIDGET_MIME = "application/vnd.jupyter.widget-view+json"
_FIGURE_REPR = "<Figure size"


def figure_description(output: dict[str, Any]) -> str:
    """The description a figure output carries ("" if it carries none).

    The figure functions of :mod:`koit_lessons.plots` put it in the output's metadata as
    ``metadata["image/png"]["alt"]`` (what nbconvert's classic HTML template reads) and
    as its ``text/plain``; Matplotlib's own ``<Figure size ...>`` is not a description.

    Examples
    --------
    >>> figure_description({"data": {"text/plain": "<Figure size 800x450 with 1 Axes>"}})
    ''
    >>> figure_description({"metadata": {"image/png": {"alt": "Bar chart of ..."}}})
    'Bar chart of ...'
    """
    alt = output.get("metadata", {}).get("image/png", {}).get("alt")
    if alt:
        return str(alt)
    text = notebook.cell_text({"source": output.get("data", {}).get("text/plain", "")})
    return "" if not text or text.startswith(_FIGURE_REPR) else text


def _with_alt(output: dict[str, Any]) -> dict[str, Any]:
    """An image output with its description (if it has one) as ``alt`` in its metadata."""
    if "image/png" in output.get("data", {}):
        alt = figure_description(output)
        if alt:
            output.setdefault("metadata", {}).setdefault("image/png", {})["alt"] = alt
    return output


def _unanswered_feedback(exercise: notebook.Exercise, earlier: list[str]) -> dict[str, Any]:
    from koit_lessons.checks import check

    context = {}
    if exercise.context:
        keyword, variable = exercise.context
        context[keyword] = _literal(variable, earlier)
    feedback = check(exercise.qid, ..., **context)
    return {
        "output_type": "execute_result",
        "execution_count": None,
        "data": {"text/plain": repr(feedback)},
        "metadata": {},
    }


def _literal(name: str, sources: list[str]) -> Any:
    """The last value given to ``name`` by a plain ``name = <literal>`` in ``sources``."""
    value = None
    for source in sources:
        try:
            tree = ast.parse(source)
        except SyntaxError:
            continue
        for node in tree.body:
            if (
                isinstance(node, ast.Assign)
                and any(isinstance(t, ast.Name) and t.id == name for t in node.targets)
                and isinstance(node.value, ast.Constant)
            ):
                value = node.value.value
    return value


def _widget_outputs(nb: dict[str, Any], model_id: str) -> list[dict[str, Any]]:
    """The outputs of the Output widgets and the text of the HTML widgets under the
    widget ``model_id``, from the widget state stored with the executed notebook."""
    state = (
        nb.get("metadata", {})
        .get("widgets", {})
        .get("application/vnd.jupyter.widget-state+json", {})
        .get("state", {})
    )
    found: list[dict[str, Any]] = []

    def walk(ref: str) -> None:
        model = state.get(ref.removeprefix("IPY_MODEL_"))
        if model is None:
            return
        name, st = model.get("model_name"), model.get("state", {})
        if name == "OutputModel":
            found.extend(copy.deepcopy(st.get("outputs", [])))
        elif name == "HTMLModel" and st.get("value"):
            found.append(
                {
                    "output_type": "display_data",
                    "data": {"text/html": st["value"]},
                    "metadata": {},
                }
            )
        for child in st.get("children", []):
            walk(child)

    walk(model_id)
    return found


def _static_widget(nb: dict[str, Any], output: dict[str, Any], live: str) -> list[dict[str, Any]]:
    shown = _widget_outputs(nb, output["data"][WIDGET_MIME]["model_id"])
    from koit_lessons.language import tr

    link = " " + tr("[Run it live]({live}) to move its controls.", live=live) if live else ""
    shown_note = tr(
        "An interactive explorer, shown here in its default state (a picture: its "
        "controls do nothing on this page)."
    )
    note = {
        "output_type": "display_data",
        "data": {"text/markdown": f"*{shown_note}*{link}"},
        "metadata": {},
    }
    return [note, *shown]


def published_version(teacher: dict[str, Any], live_link: str = "") -> dict[str, Any]:
    """The lesson as the public site shows it (see the module's docstring).

    Parameters
    ----------
    teacher : dict
        The executed teacher notebook (JSON dict); it is not changed.
    live_link : str, optional
        Where a reader can run the lesson live (a JupyterHub or Binder link), named
        under each widget's picture; "" for none.

    Returns
    -------
    dict
        The student version (:func:`koit_lessons.notebook.student_version`) with outputs.

    Examples
    --------
    >>> from koit_lessons.lessons import lesson
    >>> page = published_version(lesson("00").read())
    >>> "### BEGIN SOLUTION" in str(page)
    False
    """
    student = notebook.student_version(teacher)
    exercises = {e.cell_index: e for e in notebook.exercises(teacher)}
    # the student version keeps every cell but the teacher-only ones, in order
    kept = [
        (i, c)
        for i, c in enumerate(teacher["cells"])
        if notebook.TEACHER_TAG not in notebook.cell_tags(c)
    ]
    earlier: list[str] = []
    for (at, source_cell), cell in zip(kept, student["cells"], strict=True):
        if cell["cell_type"] != "code":
            continue
        if at in exercises:
            outputs = [_unanswered_feedback(exercises[at], earlier)]
        else:
            outputs = []
            for out in source_cell.get("outputs", []):
                if WIDGET_MIME in out.get("data", {}):
                    outputs.extend(_static_widget(teacher, out, live_link))
                else:
                    outputs.append(copy.deepcopy(out))
        cell["outputs"] = [_with_alt(o) for o in outputs]
        earlier.append(notebook.cell_text(cell))
    return student
