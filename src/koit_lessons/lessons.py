"""The lesson catalogue: which lessons there are, and the student set of all of them.

The notebook format itself (solutions, tags, the student version) is in
:mod:`koit_lessons.notebook`. Standard library only, so the command line stays fast.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from koit_lessons import notebook
from koit_lessons.errors import as_whole, said, unknown_name
from koit_lessons.resources import notebooks_dir

_LESSON_FILE = re.compile(r"^(\d\d)_.+\.ipynb$")


@dataclass(frozen=True)
class Lesson:
    """One lesson: its number, file name, title and estimated time in minutes.

    Parameters
    ----------
    number : str
        Two digits, e.g. "00".
    filename : str
        The notebook's file name, e.g. "00_....ipynb".
    title : str
        From the notebook's ``koit`` metadata (the file name if it has none).
    minutes : int
        From the notebook's ``koit`` metadata (0 if it has none).
    """

    number: str
    filename: str
    title: str
    minutes: int

    def read(self) -> dict[str, Any]:
        """The teacher notebook (with solutions) as a JSON dict.

        Returns
        -------
        dict
            The notebook JSON, read from the installed notebooks each call.
        """
        return json.loads((notebooks_dir() / self.filename).read_text(encoding="utf-8"))

    def translations(self) -> list[str]:
        """ "en", then each language with a complete, fresh translation, whether or not a
        second reader has read it (the tests run these; students get :meth:`languages`).

        Returns
        -------
        list of str
        """
        from koit_lessons import editions

        return editions.translated(self.read(), self.filename)

    def languages(self) -> list[str]:
        """The languages the lesson is offered in: "en", then each complete translation
        that a second reader has read.

        Returns
        -------
        list of str
        """
        from koit_lessons import editions

        return editions.offered(self.read(), self.filename)

    def edition(self, lang: str = "en") -> dict[str, Any]:
        """The teacher notebook in ``lang``, generated from the English one (see
        :mod:`koit_lessons.editions`); "en" is the source itself.

        Parameters
        ----------
        lang : str, optional
            "en" (the default), "ko" or "it".

        Returns
        -------
        dict
            The notebook JSON; a translated one has no stored outputs.

        Raises
        ------
        KoitError
            If ``lang`` is not a language of the course, or the lesson is not complete in it.
        """
        from koit_lessons import editions

        return editions.edition(self.read(), lang, self.filename)

    def title_in(self, lang: str) -> str:
        """The lesson's title in ``lang`` (the English one if it has no translation).

        Parameters
        ----------
        lang : str
            "en", "ko" or "it".

        Returns
        -------
        str
        """
        return self.edition(lang)["metadata"].get("koit", {}).get("title", self.title)


def lessons() -> list[Lesson]:
    """All lessons, in order.

    Returns
    -------
    list of Lesson
        One for each file "NN_*.ipynb" among the installed notebooks, sorted by file name.
    """
    found = []
    for entry in sorted(notebooks_dir().iterdir(), key=lambda p: p.name):
        m = _LESSON_FILE.match(entry.name)
        if not m:
            continue
        meta = json.loads(entry.read_text(encoding="utf-8"))["metadata"].get("koit", {})
        found.append(
            Lesson(
                m.group(1), entry.name, meta.get("title", entry.name), int(meta.get("minutes", 0))
            )
        )
    return found


def lesson(number: str) -> Lesson:
    """One lesson by its number, e.g. ``lesson("00")``.

    Parameters
    ----------
    number : str
        The lesson number, e.g. "00"; digits such as "0" (or the int 0) are padded to two.

    Returns
    -------
    Lesson

    Raises
    ------
    KoitError
        If there is no lesson with that number.
    """
    all_ = {x.number: x for x in lessons()}
    n = as_whole(number)  # 3, np.int64(3) or 3.0
    text = " ".join(number.split()) if isinstance(number, str) else None
    if n is None and text and text.isdigit():
        n = int(text)
    key = f"{n:02d}" if n is not None and n >= 0 else text
    if key not in all_:
        raise unknown_name("lesson", text if text is not None else said(number), all_)
    return all_[key]


def offered(lang: str = "en") -> list[Lesson]:
    """The lessons offered in ``lang`` (every lesson in English).

    Parameters
    ----------
    lang : str, optional
        "en" (the default), "ko" or "it".

    Returns
    -------
    list of Lesson

    Raises
    ------
    KoitError
        If ``lang`` is not a language of the course (one sentence).
    """
    from koit_lessons.language import validate

    lang = validate(lang)
    return [item for item in lessons() if lang == "en" or lang in item.languages()]


def write_student_set(
    folder: Path, overwrite: bool = False, lang: str = "en"
) -> dict[str, list[Path]]:
    """Write the student version of every lesson offered in ``lang`` into ``folder``.

    Existing files are kept unless ``overwrite`` is true, so a student's work is
    never lost. Returns the paths under "written" and "kept".

    Parameters
    ----------
    folder : pathlib.Path
        Where to write; it and its parents are created if needed.
    overwrite : bool, optional
        Replace files that already exist (default False).
    lang : str, optional
        The edition: "en" (the default), "ko" or "it".

    Returns
    -------
    dict of str to list of pathlib.Path
        The keys "written" and "kept".
    """
    return notebook.write_set(
        (
            (folder / item.filename, notebook.student_version(item.edition(lang)))
            for item in offered(lang)
        ),
        overwrite,
    )


#: What an item asks of a student (the ``skill`` in a cell's ``koit`` metadata).
#: "recall" is a retrieval starter's question on an earlier lesson: its metadata name that
#: lesson (``recalls``) and objectives of that lesson, not of its own.
SKILLS = ("lookup", "predict", "interpret", "transfer", "code", "recall")

_OBJECTIVES_HEADING = "## What you will be able to do"
_OBJECTIVE = re.compile(r"^\s*(\d+)\.\s+(.+?)\s*$")


def objectives(nb: dict[str, Any]) -> dict[int, str]:
    """The numbered learning objectives of a teacher notebook.

    They are the numbered list in the markdown cell headed "## What you will be able to
    do"; bold marks and the closing ";" or "." are left out.

    Parameters
    ----------
    nb : dict
        A teacher notebook (JSON dict).

    Returns
    -------
    dict of int to str
        Objective number -> its text, in order; empty if the notebook has no such cell.

    Examples
    --------
    >>> cell = {"cell_type": "markdown", "metadata": {}, "source":
    ...         "## What you will be able to do\\n\\n1. **read** a table;\\n2. **plot** it."}
    >>> objectives({"cells": [cell]})
    {1: 'read a table', 2: 'plot it'}
    """
    for cell in nb["cells"]:
        text = notebook.cell_text(cell)
        if cell["cell_type"] == "markdown" and text.lstrip().startswith(_OBJECTIVES_HEADING):
            found = {}
            for line in text.splitlines():
                m = _OBJECTIVE.match(line)
                if m:
                    found[int(m.group(1))] = m.group(2).replace("**", "").rstrip(";.")
            return found
    return {}


@dataclass(frozen=True)
class Item:
    """One assessed item of a lesson and what its cell metadata say it assesses.

    Parameters
    ----------
    item : str
        The question id of a checked exercise, or "NN-think-K" for a written Think!.
    kind : str
        "checked" or "written".
    objectives : tuple of int
        The objectives in the cell's ``koit`` metadata (empty if it names none).
    skill : str
        The skill in the metadata, one of :data:`SKILLS` ("" if it names none).
    cell_index : int
        The cell carrying the metadata: the exercise's code cell, or the Think!'s
        model-answer cell.
    recalls : str
        For a retrieval starter's question (skill "recall"), the earlier lesson whose
        objectives it names; "" otherwise.
    """

    item: str
    kind: str
    objectives: tuple[int, ...]
    skill: str
    cell_index: int
    recalls: str = ""


def _meta(cell: dict[str, Any]) -> tuple[tuple[int, ...], str]:
    koit = cell.get("metadata", {}).get("koit", {})
    if not isinstance(koit, dict):
        return (), ""
    numbers = koit.get("objectives", [])
    numbers = numbers if isinstance(numbers, list) else []
    skill = koit.get("skill", "")
    return (
        tuple(n for n in numbers if isinstance(n, int) and not isinstance(n, bool)),
        skill if isinstance(skill, str) else "",
    )


def _recalls(cell: dict[str, Any]) -> str:
    koit = cell.get("metadata", {}).get("koit", {})
    found = koit.get("recalls", "") if isinstance(koit, dict) else ""
    return found if isinstance(found, str) else ""


def items(nb: dict[str, Any], number: str) -> list[Item]:
    """The assessed items of a teacher notebook, in order: checked exercises, then
    written Think! questions.

    A checked exercise is a ``check("ID", ...)`` call after a solution region (see
    :func:`koit_lessons.notebook.exercises`); its metadata are those of its code cell.
    A written item is a ``solution``-tagged markdown cell (the model answer); its
    metadata are on that cell.

    Parameters
    ----------
    nb : dict
        A teacher notebook (JSON dict).
    number : str
        The lesson number, for the ids of the written items, e.g. "07".

    Returns
    -------
    list of Item

    Examples
    --------
    >>> cells = [{"cell_type": "markdown", "source": "### Think!", "metadata": {}},
    ...          {"cell_type": "markdown", "source": "Because.", "metadata": {
    ...              "tags": ["solution"], "koit": {"objectives": [2], "skill": "interpret"}}}]
    >>> items({"cells": cells}, "07")  # doctest: +NORMALIZE_WHITESPACE
    [Item(item='07-think-1', kind='written', objectives=(2,), skill='interpret',
          cell_index=1, recalls='')]
    """
    cells = nb["cells"]
    found = [
        Item(
            e.qid,
            "checked",
            *_meta(cells[e.cell_index]),
            e.cell_index,
            _recalls(cells[e.cell_index]),
        )
        for e in notebook.exercises(nb)
    ]
    answers = [
        i
        for i, c in enumerate(cells)
        if c["cell_type"] == "markdown" and notebook.SOLUTION_TAG in notebook.cell_tags(c)
    ]
    found += [
        Item(f"{number}-think-{k}", "written", *_meta(cells[i]), i)
        for k, i in enumerate(answers, start=1)
    ]
    return found


def objective_map(number: Any) -> Any:
    """Which item assesses which learning objective of a lesson, and how.

    Read from the notebook: the objectives from its "What you will be able to do" cell,
    the items' objectives and skill from their cells' ``koit`` metadata.

    Parameters
    ----------
    number : str or int
        The lesson number, e.g. "07" or 7.

    Returns
    -------
    pandas.DataFrame
        One row per objective and item that assesses it, with the columns ``objective``
        (int), ``text`` (the objective), ``item`` (a question id or "NN-think-K"),
        ``kind`` ("checked" or "written") and ``skill``. An objective no item assesses
        has one row with ``item``, ``kind`` and ``skill`` empty; an item whose metadata
        name no objective known to the lesson has a row with ``objective`` 0 and
        ``text`` empty. A retrieval starter's questions (skill "recall") assess an
        earlier lesson and are left out.

    Raises
    ------
    KoitError
        If there is no lesson with that number.

    Examples
    --------
    >>> table = objective_map("00")
    >>> list(table.columns)
    ['objective', 'text', 'item', 'kind', 'skill']
    >>> table.loc[table["item"] == "00-hhi-four-guess", ["objective", "skill"]].values.tolist()
    [[4, 'predict']]
    >>> objective_map("42")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    koit_lessons.errors.KoitError: There is no lesson called '42'. Allowed: 00, 01, ...
    """
    import pandas as pd

    found = lesson(number)
    nb = found.read()
    goals = objectives(nb)
    rows = []
    listed = [x for x in items(nb, found.number) if x.skill != "recall"]
    for n, text in goals.items():
        mine = [x for x in listed if n in x.objectives]
        rows += [(n, text, x.item, x.kind, x.skill) for x in mine] or [(n, text, "", "", "")]
    rows += [(0, "", x.item, x.kind, x.skill) for x in listed if not set(x.objectives) & set(goals)]
    table = pd.DataFrame(rows, columns=["objective", "text", "item", "kind", "skill"])
    return table.astype({"objective": int})
