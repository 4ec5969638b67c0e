"""How long a lesson takes: a stated, repeatable estimate per section.

The method (the teacher's guide gives it to teachers):

* **reading** — the student-facing prose (model answers, rubrics and teacher notes left
  out; the Sources and Glossary sections left out, since students skim them) at
  :data:`WORDS_PER_MINUTE`;
* **running a cell** that shows a table or a figure — :data:`DISPLAY_CELL` minutes;
* **an explorer** (a widget) — :data:`EXPLORER` minutes;
* **a checked item**, by the skill its cell metadata name — :data:`ITEM_MINUTES`;
* **a Think!** — :data:`DISCUSSION` minutes when its heading says "(discussion)",
  :data:`WRITTEN` when students write.

A cell whose ``koit`` metadata give ``minutes`` (an exercise, a model-answer cell or a
code cell) uses that time instead, for work the rules above underrate (the capstone's
brief, a Think! asking for many sentences). Each ``## N.`` section states its minutes in
its heading as `` *(about N min)*``; the lesson's time is the sum over all its sections,
rounded up to 5 minutes. ``scripts/lesson_times.py --write`` writes both; a test fails
when they are out of step with the estimate.

The rates are the course's assumptions, not measurements: 150 words a minute is below the
238 words a minute that Brysbaert (2019, *Journal of Memory and Language* 109, 104047,
https://doi.org/10.1016/j.jml.2019.104047) found for adults reading non-fiction silently
in English, because these are 16–20-year-olds reading dense text with numbers, often not
in their first language (the same review finds slower reading in a second language).

Standard library only.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import Any

from koit_lessons import notebook

WORDS_PER_MINUTE = 150
DISPLAY_CELL = 0.5
EXPLORER = 3.0
DISCUSSION = 6.0
WRITTEN = 10.0
ITEM_MINUTES = {
    "recall": 2.0,
    "lookup": 2.0,
    "predict": 3.0,
    "interpret": 3.0,
    "transfer": 3.0,
    "code": 6.0,
}

#: Section headings whose prose students skim: not counted as reading.
SKIMMED = re.compile(r"^(sources|glossary)\b", re.I)
#: A section heading that states its minutes, e.g. "## 2. Your data *(about 8 min)*".
MINUTES_SUFFIX = re.compile(r"\s*\*\(about (\d+) min\)\*\s*$")
_SECTION = re.compile(r"^## (?!#)(.*?)\s*$")
_NUMBERED = re.compile(r"^(\d+\.|Part [A-Z]\b)")
_WIDGET = re.compile(r"^\s*widgets\.\w+\(", re.M)
_LINK_TARGET = re.compile(r"\]\([^)]*\)|<[^>]+>|https?://\S+")
_WORD = re.compile(r"\w+")
_TIME_LINE = re.compile(r"(\*\*Time:\*\* about )(\d+)( minutes)")


@dataclass
class Section:
    """One ``##`` section of a lesson and the minutes the method gives it.

    ``title`` is the heading without ``## `` and without a stated time; ``stated`` is the
    time its heading states (None if none); ``parts`` names what the minutes are made of.
    """

    title: str
    stated: int | None = None
    words: int = 0
    parts: dict[str, float] = field(default_factory=dict)

    def add(self, what: str, minutes: float) -> None:
        self.parts[what] = self.parts.get(what, 0.0) + minutes

    @property
    def exact(self) -> float:
        return self.words / WORDS_PER_MINUTE + sum(self.parts.values())

    @property
    def minutes(self) -> int:
        """The section's minutes, rounded to the nearest whole minute (at least 1 when
        there is anything to do)."""
        if self.exact == 0:
            return 0
        return max(1, int(math.floor(self.exact + 0.5)))

    @property
    def states_time(self) -> bool:
        """Whether the heading should state its minutes: numbered sections and Parts."""
        return bool(_NUMBERED.match(self.title))


def words(text: str) -> int:
    """Words a student reads in a markdown text: link targets, tags and URLs left out.

    >>> words("Read [the report](https://example.org/a/b) now.")
    4
    """
    return len(_WORD.findall(_LINK_TARGET.sub(" ", text)))


def _heading_title(line: str) -> tuple[str, int | None]:
    m = _SECTION.match(line)
    assert m
    title = m.group(1)
    stated = MINUTES_SUFFIX.search(title)
    if stated:
        return title[: stated.start()], int(stated.group(1))
    return title, None


def _think_minutes(cells: list[dict[str, Any]], answer_index: int) -> float:
    for i in range(answer_index - 1, -1, -1):
        text = notebook.cell_text(cells[i])
        if "Think!" in text and cells[i]["cell_type"] == "markdown":
            return DISCUSSION if "(discussion)" in text else WRITTEN
    return WRITTEN


def sections(nb: dict[str, Any]) -> list[Section]:
    """The lesson's sections, in order, with what the method gives each.

    Text before the first ``##`` heading (the title cell) belongs to a section called
    "Introduction".

    Parameters
    ----------
    nb : dict
        A teacher notebook (JSON dict).

    Returns
    -------
    list of Section
    """
    from koit_lessons import lessons  # lessons imports nothing from here

    cells = nb["cells"]
    item_at: dict[int, Any] = {}
    for item in lessons.items(nb, "00"):
        item_at[item.cell_index] = item
    found = [Section("Introduction")]
    for i, cell in enumerate(cells):
        tags = set(notebook.cell_tags(cell))
        koit = cell.get("metadata", {}).get("koit", {})
        override = koit.get("minutes") if isinstance(koit, dict) else None
        text = notebook.cell_text(cell)
        if cell["cell_type"] == "markdown":
            if i in item_at:  # a Think!'s model answer: the item's time
                minutes = override if override is not None else _think_minutes(cells, i)
                found[-1].add("Think!", float(minutes))
                continue
            if tags & {notebook.SOLUTION_TAG, notebook.TEACHER_TAG, notebook.RUBRIC_TAG}:
                continue
            chunk: list[str] = []
            for line in text.splitlines():
                if _SECTION.match(line):
                    if override is None:
                        _read(found[-1], chunk)
                    chunk = []
                    found.append(Section(*_heading_title(line)))
                else:
                    chunk.append(line)
            if override is None:
                _read(found[-1], chunk)
            else:  # dense text (rules, formulas) that takes longer than its words
                found[-1].add("study (set in the cell)", float(override))
        elif cell["cell_type"] == "code":
            if notebook.TEACHER_TAG in tags:
                continue
            if i in item_at:
                item = item_at[i]
                minutes = override if override is not None else ITEM_MINUTES.get(item.skill, 2.0)
                found[-1].add(f"item ({item.skill or 'lookup'})", float(minutes))
            elif "exercise" in tags or notebook.SOLUTION_TAG in tags:
                continue  # the rest of an exercise (a prediction cell): counted with its item
            elif override is not None:
                found[-1].add("activity", float(override))
            elif _WIDGET.search(text):
                found[-1].add("explorer", EXPLORER)
            else:
                found[-1].add("display cells", DISPLAY_CELL)
    return [s for s in found if s.title != "Introduction" or s.exact > 0]


def _read(section: Section, lines: list[str]) -> None:
    if not SKIMMED.match(section.title):
        section.words += words("\n".join(lines))


def lesson_minutes(nb: dict[str, Any]) -> int:
    """The lesson's time: the sum of its sections' minutes, rounded up to 5.

    Parameters
    ----------
    nb : dict
        A teacher notebook (JSON dict).

    Returns
    -------
    int
    """
    total = sum(s.minutes for s in sections(nb))
    return int(5 * math.ceil(total / 5))


def stated_lesson_minutes(nb: dict[str, Any]) -> tuple[int | None, int | None]:
    """The time a lesson states: its metadata ``minutes`` and its "**Time:** about N
    minutes" line (None where missing)."""
    meta = nb.get("metadata", {}).get("koit", {}).get("minutes")
    line = None
    for cell in nb["cells"]:
        m = _TIME_LINE.search(notebook.cell_text(cell))
        if m and cell["cell_type"] == "markdown":
            line = int(m.group(2))
            break
    return meta, line


def write_times(nb: dict[str, Any]) -> list[str]:
    """Write the estimate into a notebook: each numbered section's heading, the "Time:"
    line and the metadata. Returns what changed, one line each (empty if nothing)."""
    changes = []
    by_title = {s.title: s for s in sections(nb)}
    total = lesson_minutes(nb)
    for cell in nb["cells"]:
        if cell["cell_type"] != "markdown":
            continue
        lines = notebook.cell_text(cell).split("\n")
        changed = False
        for k, line in enumerate(lines):
            if not _SECTION.match(line):
                continue
            title, stated = _heading_title(line)
            section = by_title.get(title)
            if section is None or not section.states_time:
                continue
            if stated != section.minutes:
                lines[k] = f"## {title} *(about {section.minutes} min)*"
                changes.append(f"{title}: {stated} -> {section.minutes} min")
                changed = True
        joined = "\n".join(lines)
        m = _TIME_LINE.search(joined)
        if m and int(m.group(2)) != total:
            joined = joined[: m.start(2)] + str(total) + joined[m.end(2) :]
            changes.append(f"Time line: {m.group(2)} -> {total} min")
            changed = True
        if changed:
            cell["source"] = joined
    koit = nb.setdefault("metadata", {}).setdefault("koit", {})
    if koit.get("minutes") != total:
        changes.append(f"metadata: {koit.get('minutes')} -> {total} min")
        koit["minutes"] = total
    return changes


# -- course plans: lessons' sections packed into a teacher's slots ---------------------

_PREREQ = re.compile(r"\*\*Prerequisites:\*\*(.*?)(?:\*\*|$)", re.S)


def prerequisites(nb: dict[str, Any]) -> list[str]:
    """The lessons a lesson needs, from its "**Prerequisites:**" line: every lesson number
    in a clause (clauses are cut at ";") that does not say it only "helps".

    >>> cell = {"cell_type": "markdown", "metadata": {}, "source":
    ...         "**Prerequisites:** lesson 00 (shares); lessons 01 and 02 help. **Data:** x"}
    >>> prerequisites({"cells": [cell]})
    ['00']
    """
    for cell in nb["cells"]:
        m = _PREREQ.search(notebook.cell_text(cell))
        if m and cell["cell_type"] == "markdown":
            clauses = [c for c in m.group(1).split(";") if not re.search(r"\bhelps?\b", c)]
            return sorted({n for c in clauses for n in re.findall(r"\b\d\d\b", c)})
    return []


@dataclass(frozen=True)
class Chunk:
    """A piece of a lesson a plan never cuts: one numbered section, with the lesson's
    opening (title, objectives, setup, starter) joined to its first section and its
    ending (summary, next, data caveats) to its last."""

    lesson: str
    sections: tuple[str, ...]
    minutes: int


def chunks(number: str, nb: dict[str, Any]) -> list[Chunk]:
    """A lesson cut into the chunks a plan may put in different sessions."""
    found = sections(nb)
    numbered = [k for k, s in enumerate(found) if s.states_time]
    if not numbered:
        return [Chunk(number, (), sum(s.minutes for s in found))]
    out = []
    for j, k in enumerate(numbered):
        lo = 0 if j == 0 else k
        hi = len(found) if j == len(numbered) - 1 else numbered[j + 1]
        out.append(Chunk(number, (found[k].title,), sum(s.minutes for s in found[lo:hi])))
    return out


@dataclass
class Session:
    """One slot of a plan: the chunks done in class, in order, and their minutes."""

    number: int
    slot: int
    chunks: list[Chunk] = field(default_factory=list)

    @property
    def minutes(self) -> int:
        return sum(c.minutes for c in self.chunks)


def pack(
    numbers: list[str], slot: int, homework: dict[str, list[str]] | None = None
) -> tuple[list[Session], list[Chunk]]:
    """Pack lessons, in order, into sessions of ``slot`` minutes without cutting a chunk.

    Parameters
    ----------
    numbers : list of str
        The lessons, in teaching order.
    slot : int
        Minutes of class time in one session.
    homework : dict, optional
        Lesson number -> titles (their start) of sections set as homework instead.

    Returns
    -------
    (list of Session, list of Chunk)
        The sessions, and the chunks set as homework.

    Raises
    ------
    ValueError
        If a chunk is longer than a session (one sentence naming it).
    """
    from koit_lessons import lessons

    homework = homework or {}
    sessions: list[Session] = [Session(1, slot)]
    home: list[Chunk] = []
    for number in numbers:
        for chunk in chunks(number, lessons.lesson(number).read()):
            if any(t.startswith(h) for t in chunk.sections for h in homework.get(number, [])):
                home.append(chunk)
                continue
            if chunk.minutes > slot:
                raise ValueError(
                    f"Lesson {number}, {chunk.sections[0]!r}, takes {chunk.minutes} min: "
                    f"longer than a {slot}-minute session."
                )
            if sessions[-1].minutes + chunk.minutes > slot:
                sessions.append(Session(len(sessions) + 1, slot))
            sessions[-1].chunks.append(chunk)
    return sessions, home
