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

    def languages(self) -> list[str]:
        """The languages the lesson is offered in: "en", then each complete translation.

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
