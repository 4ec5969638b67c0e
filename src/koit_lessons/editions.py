"""Lessons in Korean and Italian: translation catalogues and the editions built from them.

The English notebook stays the one source. Beside it, each language has a gettext
catalogue per lesson, ``notebooks/locales/<lang>/<lesson file stem>.po`` (read and
written with Babel, editable in Poedit, Weblate or any PO editor). A catalogue entry is
one *unit* of the English notebook:

- a paragraph of a markdown cell (paragraphs are separated by blank lines; a fenced
  block stays whole), context ``<cell id>/<k>``;
- the text of a figure's ``title=``, ``xlabel=`` or ``ylabel=`` in a code cell (an
  f-string too, when it has words outside its ``{fields}``, which the translation keeps),
  context ``<cell id>/<keyword>``, the name of each of its reference lines (``lines={65: "..."}``),
  context ``<cell id>/line<k>``, the text of an annotation ``ax.text(x, y, "...")``, context
  ``<cell id>/text<k>``, and a code comment, context ``<cell id>/#<k>``;
- the lesson title of the notebook metadata, context ``title``.

A country's English name in quotes in code (``lithium["country"] == "Australia"``) is not a
unit: the edition writes the glossary's name in its place, as its tables show countries.

The entry's ``msgid`` is the English text, and an extracted comment
``fingerprint: <12 hex digits>`` records the SHA-256 of the English text the translation
was made from. When the English changes, ``update`` puts the new English in the msgid,
keeps the old one as the previous msgid, and flags the entry fuzzy; the entry is stale
until a translator revises it and clears the flag (the next ``update`` then records the
new fingerprint). :func:`status` reports missing and stale units by cell.

An edition is generated, the way the student version is, when it is handed out or
started: :func:`edition` swaps each unit for its translation, clears stored outputs (they
are English), records ``koit.lang`` in the metadata, adds ``set_language(...)`` to the
setup cell, so that check's messages and the figures follow the edition, and ends the
lesson with a cell showing the glossary (:func:`koit_lessons.glossary.glossary`). A lesson is
offered in a language only when its catalogue is complete and fresh and a second reader has
read it (``locales/second_readers.csv``, see :func:`offered`).

Maintainers refresh the catalogues with ``python scripts/catalogues.py update 00 ko``.
"""

from __future__ import annotations

import copy
import hashlib
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from koit_lessons.errors import KoitError
from koit_lessons.language import LANGUAGES, validate
from koit_lessons.notebook import cell_text

__all__ = [
    "Unit",
    "Status",
    "units",
    "fingerprint",
    "catalogue_file",
    "read_catalogue",
    "update_catalogue",
    "status",
    "edition",
    "translated",
    "second_read",
    "offered",
    "SETUP_LINE",
]

#: the lines a generated edition's setup cell gets: the import after its imports, the
#: call right after them (``{lang}`` filled in)
SETUP_IMPORT = "from koit_lessons.language import set_language"
SETUP_LINE = 'set_language("{lang}")'
#: the cell every edition ends with: the glossary, in English and the edition's language
GLOSSARY_CELL = "koit-glossary"
GLOSSARY_CODE = "from koit_lessons.glossary import glossary\n\nglossary()"
_FP = "fingerprint: "
_BLANK = re.compile(r"(\n[ \t]*\n\s*)")
#: A section heading's stated minutes (written by koit_lessons.timing): not translated,
#: but put back in the edition's words, so a new estimate never makes a translation stale.
_HEADING_MINUTES = re.compile(r"^(##[^\n]*?)\s*\*\(about (\d+) min\)\*[ \t]*$", re.M)
_MINUTES_WORDS = {"en": "*(about {n} min)*", "ko": "*(약 {n}분)*", "it": "*(circa {n} min)*"}
#: A figure text: one string literal, or several that Python joins ("a\n" "b" on two lines);
#: group 4 holds the further literals, each with the space before it.
_FIGURE_TEXT = re.compile(
    r"""\b(title|xlabel|ylabel|highlight_name)\s*=\s*(["'])((?:(?!\2).)+)\2"""
    r"""((?:\s*\2(?:(?!\2).)+\2)*)"""
)
_COMMENT = re.compile(r"(?<![#\w'\"])#[ ]((?!#).+?)\s*$", re.M)
#: a figure's reference lines, ``lines={65: "65%: CRMA cap"}``: each name (a string value
#: of the dict; an f-string keeps its ``{fields}``, and so must its translation) is a unit
_LINES = re.compile(r"\blines\s*=\s*\{")
_LINE_TEXT = re.compile(r""":\s*(f?)(["'])((?:(?!\2).)+)\2""")
#: the text of an annotation drawn on a figure: ``ax.text(x, y, "...")``, the string right
#: after two arguments without quotes or brackets
_ANNOTATION = re.compile(r"""(\.text\([^()"'\n]*?,[^()"'\n]*?,\s*)(["'])((?:(?!\2).)+)\2""")
#: A figure text written as an f-string (``title=f"{TOPIC}: who supplies it?"``): a unit
#: when it has words outside its ``{fields}``; the translation keeps the same fields.
_FIGURE_FTEXT = re.compile(r"""\b(title|xlabel|ylabel)\s*=\s*f(["'])((?:(?!\2).)+)\2""")
_FIELD = re.compile(r"\{[^{}]*\}")


def _fstring_unit(text: str) -> bool:
    """Whether an f-string figure text has words to translate outside its fields."""
    return re.search(r"[^\W\d_]", _FIELD.sub("", text)) is not None


@dataclass(frozen=True)
class Unit:
    """One translatable piece of a lesson.

    Parameters
    ----------
    key : str
        Its catalogue context: "<cell id>/<k>", "<cell id>/title", "<cell id>/#<k>" or
        "title".
    text : str
        The English text.
    """

    key: str
    text: str

    @property
    def cell(self) -> str:
        """The id of the unit's cell ("" for the lesson title).

        Returns
        -------
        str
        """
        return self.key.split("/", 1)[0] if "/" in self.key else ""


@dataclass(frozen=True)
class Status:
    """How complete a lesson's catalogue in one language is.

    Parameters
    ----------
    lang : str
        The language.
    missing : list of str
        Keys of units with no translation.
    stale : list of str
        Keys of units whose English changed since they were translated.
    """

    lang: str
    missing: list[str] = field(default_factory=list)
    stale: list[str] = field(default_factory=list)

    @property
    def complete(self) -> bool:
        """Whether every unit has a fresh translation.

        Returns
        -------
        bool
        """
        return not self.missing and not self.stale

    def describe(self) -> str:
        """The problems in one sentence, naming the cells ("" when complete).

        Returns
        -------
        str
        """
        parts = []
        for what, keys in (("missing", self.missing), ("stale", self.stale)):
            if keys:
                cells = sorted({k.split("/", 1)[0] for k in keys})
                parts.append(f"{len(keys)} {what} (cells {', '.join(cells)})")
        return f"{LANGUAGES[self.lang]}: " + "; ".join(parts) + "." if parts else ""


def fingerprint(text: str) -> str:
    """The fingerprint of an English text: 12 hex digits of its SHA-256.

    Parameters
    ----------
    text : str

    Returns
    -------
    str

    Examples
    --------
    >>> fingerprint("Who mined lithium in 2024?")
    '2de7e7f3e11f'
    """
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def _paragraphs(text: str) -> list[str]:
    """``text`` cut at blank lines into pieces that alternate text, separator, text...

    A fenced code block (```) is never cut.
    """
    pieces = _BLANK.split(text)
    out = [pieces[0]]
    for sep, piece in zip(pieces[1::2], pieces[2::2], strict=True):
        if out[-1].count("```") % 2 == 1:  # inside a fence: keep it whole
            out[-1] += sep + piece
        else:
            out += [sep, piece]
    return out


def _figure_text(m: re.Match[str]) -> str:
    """The text of a figure-text match: its string literals joined, as Python joins them."""
    quote = m.group(2)
    more = re.findall(rf"{quote}((?:(?!{quote}).)+){quote}", m.group(4))
    return m.group(3) + "".join(more)


def _line_names(src: str) -> list[re.Match[str]]:
    """The names of the reference lines in the ``lines={...}`` arguments of ``src``."""
    found = []
    for m in _LINES.finditer(src):
        depth, i, quote = 1, m.end(), ""
        while i < len(src) and depth:  # to the dict's closing brace, skipping strings
            ch = src[i]
            if quote:
                quote = "" if ch == quote else quote
            elif ch in "\"'":
                quote = ch
            else:
                depth += {"{": 1, "}": -1}.get(ch, 0)
            i += 1
        found += _LINE_TEXT.finditer(src, m.end(), i - 1)
    return found


def _code_units(cell_id: str, src: str) -> Iterator[tuple[str, str]]:
    for m in _FIGURE_TEXT.finditer(src):
        yield f"{cell_id}/{m.group(1)}", _figure_text(m)
    for m in _FIGURE_FTEXT.finditer(src):
        if _fstring_unit(m.group(3)):
            yield f"{cell_id}/{m.group(1)}", m.group(3)
    for k, m in enumerate(_line_names(src)):
        yield f"{cell_id}/line{k}", m.group(3)
    for k, m in enumerate(_ANNOTATION.finditer(src)):
        yield f"{cell_id}/text{k}", m.group(3)
    for k, m in enumerate(_COMMENT.finditer(src)):
        yield f"{cell_id}/#{k}", m.group(1)


def units(nb: dict[str, Any]) -> list[Unit]:
    """The translatable units of an English notebook, in order.

    Parameters
    ----------
    nb : dict
        A teacher notebook (JSON dict).

    Returns
    -------
    list of Unit

    Raises
    ------
    KoitError
        If a cell has no id (nbformat 4.5 gives every cell one).
    """
    found = []
    title = nb.get("metadata", {}).get("koit", {}).get("title")
    if title:
        found.append(Unit("title", title))
    for cell in nb["cells"]:
        cell_id = cell.get("id")
        if not cell_id:
            raise KoitError("A cell has no id: save the notebook with nbformat 4.5 or newer.")
        src = cell_text(cell)
        if cell["cell_type"] == "markdown":
            pieces = _paragraphs(src)
            for k, piece in enumerate(pieces[::2]):
                if piece.strip():
                    found.append(Unit(f"{cell_id}/{k}", _HEADING_MINUTES.sub(r"\1", piece)))
        elif cell["cell_type"] == "code":
            found.extend(Unit(key, text) for key, text in _code_units(cell_id, src))
    return found


def _locales(root: Any = None) -> Any:
    """The ``locales`` folder beside the notebooks (default: the installed notebooks)."""
    if root is None:
        from koit_lessons.resources import notebooks_dir

        root = notebooks_dir()
    return root / "locales"


def catalogue_file(filename: str, lang: str, root: Any = None) -> Any:
    """Where a lesson's catalogue in ``lang`` is: ``locales/<lang>/<stem>.po``.

    Parameters
    ----------
    filename : str
        The lesson's file name, e.g. "00_start_here.ipynb".
    lang : str
        "ko" or "it".
    root : path-like or Traversable, optional
        The notebooks folder (default: the installed one).

    Returns
    -------
    pathlib.Path or importlib.abc.Traversable
    """
    return _locales(root) / validate(lang) / (filename.rsplit(".", 1)[0] + ".po")


@dataclass(frozen=True)
class _Entry:
    english: str
    translation: str
    recorded: str  # the fingerprint the translation was made from
    fuzzy: bool


def read_catalogue(path: Any) -> dict[str, _Entry]:
    """A lesson catalogue, by unit key ({} when the file does not exist).

    Parameters
    ----------
    path : path-like or Traversable

    Returns
    -------
    dict
    """
    if not path.is_file():
        return {}
    from babel.messages.pofile import read_po

    cat = read_po(io.BytesIO(path.read_bytes()))
    entries = {}
    for m in cat:
        if not m.id or not m.context:
            continue
        recorded = next((c[len(_FP) :] for c in m.auto_comments if c.startswith(_FP)), "")
        entries[m.context] = _Entry(m.id, m.string or "", recorded, m.fuzzy)
    return entries


def _created(path: Any) -> Any:
    """The creation date in an existing catalogue's header (None for a new one), so that
    an update does not change the header."""
    if not path.is_file():
        return None
    from babel.messages.pofile import read_po

    return read_po(io.BytesIO(path.read_bytes())).creation_date


def _is_stale(entry: _Entry, english: str) -> bool:
    return entry.fuzzy or entry.recorded != fingerprint(english) or entry.english != english


def status(nb: dict[str, Any], lang: str, path: Any = None, filename: str = "") -> Status:
    """Which units of a notebook lack a fresh translation in ``lang``.

    Parameters
    ----------
    nb : dict
        The English teacher notebook.
    lang : str
        "ko" or "it".
    path : path-like or Traversable, optional
        The catalogue (default: the installed one for ``filename``).
    filename : str, optional
        The lesson's file name, when ``path`` is not given.

    Returns
    -------
    Status
    """
    lang = validate(lang)
    entries = read_catalogue(path if path is not None else catalogue_file(filename, lang))
    result = Status(lang)
    for unit in units(nb):
        entry = entries.get(unit.key)
        if entry is None or not entry.translation:
            result.missing.append(unit.key)
        elif _is_stale(entry, unit.text):
            result.stale.append(unit.key)
    return result


_INTEGER = re.compile(r"(?<![\d.,])\d+(?![\d.,]\d)")


def renumbered(old_english: str, new_english: str, translation: str) -> str | None:
    """The translation with its numbers changed as the English's were, when the English
    changed in whole numbers only (a new time estimate, say); None otherwise, or when a
    changed number is not in the translation exactly once, so a translator must look.

    >>> renumbered("about 45 minutes", "about 65 minutes", "약 45분")
    '약 65분'
    >>> renumbered("about 45 minutes", "about 65 min", "약 45분") is None
    True
    """
    old_parts, new_parts = _INTEGER.split(old_english), _INTEGER.split(new_english)
    if old_parts != new_parts:
        return None
    pairs = [
        (a, b)
        for a, b in zip(_INTEGER.findall(old_english), _INTEGER.findall(new_english), strict=True)
        if a != b
    ]
    for old, new in pairs:
        found = [m for m in _INTEGER.finditer(translation) if m.group() == old]
        if len(found) != 1 or _INTEGER.findall(old_english).count(old) != 1:
            return None
        m = found[0]
        translation = translation[: m.start()] + new + translation[m.end() :]
    return translation


def update_catalogue(nb: dict[str, Any], lang: str, path: Path) -> Status:
    """Write the catalogue of ``nb`` in ``lang``: every unit, with the translations kept.

    A unit whose English changed gets the new English as msgid, the old one as previous
    msgid, and the fuzzy flag, unless only whole numbers changed and the fresh translation
    holds each of them once (as the old English did): then they change in the translation
    too (:func:`renumbered`). A translated unit that is not fuzzy gets the fingerprint of
    its English recorded. Units no longer in the notebook are dropped.

    Parameters
    ----------
    nb : dict
        The English teacher notebook.
    lang : str
        "ko" or "it".
    path : pathlib.Path
        The .po file (created, with its folder, if missing).

    Returns
    -------
    Status
        The catalogue's status after the update.
    """
    from babel.messages.catalog import Catalog
    from babel.messages.pofile import write_po

    lang = validate(lang)
    old = read_catalogue(path)
    cat = Catalog(locale=lang, project="koit-lessons", fuzzy=False, creation_date=_created(path))
    for unit in units(nb):
        entry = old.get(unit.key)
        translation, flags, previous, recorded = "", set(), (), ""
        if entry is not None and entry.translation:
            translation = entry.translation
            again = renumbered(entry.english, unit.text, translation) if not entry.fuzzy else None
            if (
                entry.english != unit.text
                and again is not None
                and entry.recorded == fingerprint(entry.english)
            ):
                translation, recorded = again, fingerprint(unit.text)
            elif entry.english != unit.text:
                flags, previous, recorded = {"fuzzy"}, (entry.english,), entry.recorded
            elif entry.fuzzy:
                flags, recorded = {"fuzzy"}, entry.recorded
            else:
                recorded = fingerprint(unit.text)
        comments = [_FP + recorded] if recorded else []
        cat.add(
            unit.text,
            translation,
            context=unit.key,
            auto_comments=comments,
            flags=flags,
            previous_id=previous,
        )
    path.parent.mkdir(parents=True, exist_ok=True)
    buffer = io.BytesIO()
    write_po(buffer, cat, width=0, include_previous=True, omit_header=False)
    path.write_bytes(buffer.getvalue())
    return status(nb, lang, path)


def translated(nb: dict[str, Any], filename: str) -> list[str]:
    """English, and each language whose catalogue of the lesson is complete and fresh
    (whether or not a second reader has read it yet; see :func:`offered`).

    Parameters
    ----------
    nb : dict
        The English teacher notebook.
    filename : str
        Its file name.

    Returns
    -------
    list of str
    """
    return ["en"] + [
        lang for lang in LANGUAGES if lang != "en" and status(nb, lang, filename=filename).complete
    ]


#: the record of second readings, beside the catalogues: lesson, lang, date, reader,
#: what they corrected
SECOND_READERS = "second_readers.csv"


def second_read(filename: str, lang: str, root: Any = None) -> bool:
    """Whether a second reader fluent in ``lang`` has read the lesson's translation
    against the English (a row in ``locales/second_readers.csv``).

    Parameters
    ----------
    filename : str
        The lesson's file name, e.g. "05_supply_shock_simulator.ipynb".
    lang : str
        "ko" or "it".
    root : path-like or Traversable, optional
        The notebooks folder (default: the installed one).

    Returns
    -------
    bool
    """
    import csv

    record = _locales(root) / SECOND_READERS
    if not record.is_file():
        return False
    number = filename.split("_", 1)[0]
    with record.open(encoding="utf-8", newline="") as fh:
        return any(
            r["lesson"] == number and r["lang"] == validate(lang) and r["reader"].strip()
            for r in csv.DictReader(fh)
        )


def offered(nb: dict[str, Any], filename: str) -> list[str]:
    """The languages a lesson is offered in: English, and each language whose catalogue is
    complete and fresh and whose translation a second reader has read (see
    :func:`second_read`). A complete translation not yet read is tested, not offered.

    Parameters
    ----------
    nb : dict
        The English teacher notebook.
    filename : str
        Its file name.

    Returns
    -------
    list of str
    """
    return [
        lang for lang in translated(nb, filename) if lang == "en" or second_read(filename, lang)
    ]


def _country_names(lang: str) -> dict[str, str]:
    """English country name -> its name in ``lang``, from the glossary table."""
    import csv

    from koit_lessons.resources import data_dir

    with (data_dir() / "glossary.csv").open(encoding="utf-8", newline="") as fh:
        return {r["en"]: r[lang] for r in csv.DictReader(fh) if r["kind"] == "country"}


_STRING = re.compile(r"""(["'])([^"'\n]+)\1""")


def _with_setup_line(src: str, lang: str) -> str:
    """The setup cell with ``set_language(lang)`` imported after its imports and called
    right after them, before anything draws or checks."""
    lines = src.split("\n")
    last = max(i for i, line in enumerate(lines) if re.match(r"(import|from)\s", line))
    call = SETUP_LINE.format(lang=lang)
    rest = lines[last + 1 :]
    body = rest[1:] if rest and not rest[0].strip() else rest
    return "\n".join([*lines[: last + 1], SETUP_IMPORT, "", call, *body])


def _translate_code(
    cell_id: str,
    src: str,
    table: dict[str, str],
    lang: str = "en",
    code_names: dict[str, str] | None = None,
) -> str:
    """The code of a cell in ``lang``: figure texts and comments from the catalogue, and a
    country's English name in quotes (``== "Australia"``) as the edition's tables write it.

    ``code_names`` maps further names the lesson's code uses to glossary identifiers
    (``{"Korea": "KOR"}``, from the notebook's ``koit.code_names`` metadata): for a lesson
    whose tables all show countries by their glossary names (lesson 08), so that its code
    names them as its tables do."""
    if lang != "en":
        from koit_lessons import glossary

        names = _country_names(lang)
        for english, code in (code_names or {}).items():
            names[english] = glossary.name(code, lang)
        src = _STRING.sub(
            lambda m: (
                f"{m.group(1)}{names[m.group(2)]}{m.group(1)}"
                if m.group(2) in names
                else m.group(0)
            ),
            src,
        )

    def figure_text(m: re.Match[str]) -> str:
        new = table[f"{cell_id}/{m.group(1)}"]
        quote = m.group(2)
        if quote in new:
            quote = "'" if quote == '"' else '"'
        if not m.group(4):
            return f"{m.group(1)}={quote}{new}{quote}"
        # several literals in the English: break the translation after each "\n" likewise
        gap = m.group(4)[: len(m.group(4)) - len(m.group(4).lstrip())]
        pieces = [p for p in re.split(r"(?<=\\n)", new) if p]
        return f"{m.group(1)}=" + gap.join(f"{quote}{p}{quote}" for p in pieces)

    def figure_ftext(m: re.Match[str]) -> str:
        if not _fstring_unit(m.group(3)):
            return m.group(0)
        new, quote = table[f"{cell_id}/{m.group(1)}"], m.group(2)
        if sorted(_FIELD.findall(new)) != sorted(_FIELD.findall(m.group(3))):
            raise KoitError(
                f"The translation of {cell_id}/{m.group(1)} must keep the fields of its "
                f"English f-string {m.group(3)!r}, not {new!r}."
            )
        if quote in _FIELD.sub("", new):
            quote = "'" if quote == '"' else '"'
        return f"{m.group(1)}=f{quote}{new}{quote}"

    pieces, last = [], 0
    for k, m in enumerate(_line_names(src)):
        new, quote = table[f"{cell_id}/line{k}"], m.group(2)
        if quote in new:
            quote = "'" if quote == '"' else '"'
        pieces += [src[last : m.start(1)], f"{m.group(1)}{quote}{new}{quote}"]
        last = m.end()
    src = "".join(pieces) + src[last:]
    src = _FIGURE_TEXT.sub(figure_text, src)
    src = _FIGURE_FTEXT.sub(figure_ftext, src)
    notes = iter(range(10_000))

    def annotation(m: re.Match[str]) -> str:
        new = table[f"{cell_id}/text{next(notes)}"]
        quote = m.group(2)
        if quote in new:
            quote = "'" if quote == '"' else '"'
        return f"{m.group(1)}{quote}{new}{quote}"

    src = _ANNOTATION.sub(annotation, src)
    counter = iter(range(10_000))
    return _COMMENT.sub(lambda m: "# " + table[f"{cell_id}/#{next(counter)}"], src)


def _with_minutes(english: str, translated: str, lang: str) -> str:
    """The translated paragraph, its heading given the English heading's stated minutes."""
    m = _HEADING_MINUTES.search(english)
    if not m:
        return translated
    words = _MINUTES_WORDS[lang].format(n=m.group(2))
    heading = re.compile(r"^(##[^\n]*?)[ \t]*$", re.M)
    return heading.sub(lambda h: f"{h.group(1)} {words}", translated, count=1)


def edition(nb: dict[str, Any], lang: str, filename: str = "", path: Any = None) -> dict[str, Any]:
    """The notebook in ``lang``, generated from the English one and its catalogue.

    Parameters
    ----------
    nb : dict
        The English teacher notebook; it is not changed.
    lang : str
        "en", "ko" or "it" ("en" returns a copy).
    filename : str, optional
        The lesson's file name, to find the installed catalogue.
    path : path-like or Traversable, optional
        The catalogue to use instead.

    Returns
    -------
    dict
        A teacher notebook in ``lang`` with no stored outputs.

    Raises
    ------
    KoitError
        If the lesson is not complete in ``lang`` (one sentence naming the cells).
    """
    lang = validate(lang)
    nb = copy.deepcopy(nb)
    if lang == "en":
        return nb
    path = path if path is not None else catalogue_file(filename, lang)
    state = status(nb, lang, path)
    if not state.complete:
        name = LANGUAGES[lang].split(" (")[-1].rstrip(")")
        title = nb.get("metadata", {}).get("koit", {}).get("title", "This lesson")
        if not state.stale and len(state.missing) == len(units(nb)):
            raise KoitError(f"{title!r} is not translated into {name}: it is offered in English.")
        raise KoitError(
            f"This lesson is not offered in {name} yet: its translation has "
            + state.describe().split(": ", 1)[1]
        )
    table = {key: e.translation for key, e in read_catalogue(path).items()}
    koit = nb.setdefault("metadata", {}).setdefault("koit", {})
    if "title" in table:
        koit["title"] = table["title"]
    koit["lang"] = lang
    nb["metadata"].pop("widgets", None)
    setup_done = False
    for cell in nb["cells"]:
        src = cell_text(cell)
        if cell["cell_type"] == "markdown":
            pieces = _paragraphs(src)
            for k in range(0, len(pieces), 2):
                if pieces[k].strip():
                    pieces[k] = _with_minutes(pieces[k], table[f"{cell['id']}/{k // 2}"], lang)
            cell["source"] = "".join(pieces)
        elif cell["cell_type"] == "code":
            src = _translate_code(cell["id"], src, table, lang, koit.get("code_names"))
            if not setup_done and re.search(r"^from koit_lessons\b", src, re.M):
                src = _with_setup_line(src, lang)
                setup_done = True
            cell["source"] = src
            cell["outputs"] = []
            cell["execution_count"] = None
    nb["cells"].append(
        {
            "id": GLOSSARY_CELL,
            "cell_type": "code",
            "metadata": {},
            "execution_count": None,
            "outputs": [],
            "source": GLOSSARY_CODE,
        }
    )
    return nb
