"""The language a lesson speaks to the student in: check's messages, figure titles and
names, in English, Korean or Italian.

The English notebook is the one source; the Korean and Italian editions are generated
from it and a translation catalogue (see :mod:`koit_lessons.editions`). A generated
edition's setup cell calls ``set_language("ko")`` (or ``"it"``), so that every message
the package writes in that kernel follows the edition. Without that call the language is
the ``KOIT_LESSONS_LANG`` environment variable, else English.

Translations of the package's own messages are gettext catalogues,
``koit_lessons/locales/<lang>/LC_MESSAGES/koit_lessons.po``, read with Babel the first
time a message is needed in that language (English never loads Babel). Standard library
only at import, so importing this module costs nothing.

Examples
--------
>>> set_language("it")
>>> tr("Correct!")
'Esatto!'
>>> set_language("en")
>>> tr("Correct!")
'Correct!'
"""

from __future__ import annotations

import io
import os
import re
from pathlib import Path
from typing import Any

from koit_lessons.errors import KoitError

__all__ = [
    "LANGUAGES",
    "ENV_VAR",
    "set_language",
    "current",
    "validate",
    "tr",
    "catalogue",
    "number",
    "numerals",
]

#: The languages lessons can be offered in: code -> name in that language (English name)
LANGUAGES = {"en": "English", "ko": "한국어 (Korean)", "it": "italiano (Italian)"}
ENV_VAR = "KOIT_LESSONS_LANG"
LOCALES = Path(__file__).resolve().parent / "locales"

_chosen: str | None = None
_catalogues: dict[str, dict[tuple[str | None, str], str]] = {}


def validate(lang: object) -> str:
    """A language code in its canonical form ("ko", "it" or "en").

    Parameters
    ----------
    lang : str
        A code such as "ko", "IT" or " en ".

    Returns
    -------
    str

    Raises
    ------
    KoitError
        One sentence naming the languages offered.

    Examples
    --------
    >>> validate(" KO ")
    'ko'
    >>> validate("fr")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    koit_lessons.errors.KoitError: There is no edition in 'fr': the lessons are offered in ...
    """
    code = lang.strip().lower() if isinstance(lang, str) else None
    if code not in LANGUAGES:
        shown = repr(lang) if isinstance(lang, str) else type(lang).__name__
        raise KoitError(
            f"There is no edition in {shown}: the lessons are offered in en (English), "
            "ko (Korean) and it (Italian)."
        )
    return code


def set_language(lang: str) -> None:
    """Speak ``lang`` from now on in this kernel (a generated edition's setup cell calls it).

    Parameters
    ----------
    lang : str
        "en", "ko" or "it".

    Raises
    ------
    KoitError
        For any other language.
    """
    global _chosen
    _chosen = validate(lang)


def current() -> str:
    """The language in use: set by :func:`set_language`, else ``KOIT_LESSONS_LANG``, else "en".

    Returns
    -------
    str
        An unknown value in the environment variable counts as English.
    """
    if _chosen is not None:
        return _chosen
    env = os.environ.get(ENV_VAR, "").strip().lower()
    return env if env in LANGUAGES else "en"


def catalogue(lang: str) -> dict[tuple[str | None, str], str]:
    """The package's messages in ``lang``: (context, English) -> translation.

    Parameters
    ----------
    lang : str
        "ko" or "it" ("en" gives an empty dict).

    Returns
    -------
    dict
        Entries with an empty translation or flagged fuzzy are left out.
    """
    lang = validate(lang)
    if lang == "en":
        return {}
    if lang not in _catalogues:
        from babel.messages.pofile import read_po

        path = LOCALES / lang / "LC_MESSAGES" / "koit_lessons.po"
        cat = read_po(io.BytesIO(path.read_bytes()))
        _catalogues[lang] = {
            (m.context, m.id): m.string
            for m in cat
            if m.id and m.string and not m.fuzzy and isinstance(m.id, str)
        }
    return _catalogues[lang]


def tr(message: str, context: str | None = None, lang: str | None = None, **fields: Any) -> str:
    """``message`` in the current language, with ``{fields}`` filled in.

    Parameters
    ----------
    message : str
        The English text (the catalogue's key); "" stays "".
    context : str, optional
        The catalogue context, e.g. "00-lithium-top:hint" for a question's hint.
    lang : str, optional
        A language to use instead of :func:`current`.
    **fields
        Values for the ``{name}`` fields of the message.

    Returns
    -------
    str
        The English message when it has no translation.
    """
    if not message:
        return message
    code = validate(lang) if lang is not None else current()
    text = catalogue(code).get((context, message), message) if code != "en" else message
    return text.format(**fields) if fields else text


def marked(message: str) -> str:
    """``message`` unchanged: marks English kept in a table to be translated where it is
    shown (with :func:`tr`), so that ``scripts/catalogues.py`` finds it.

    Examples
    --------
    >>> marked("hit the memory limit")
    'hit the memory limit'
    """
    return message


def number(value: float, spec: str = ",.0f", lang: str | None = None) -> str:
    """A number written for prose in the current language: Italian puts a decimal comma
    and a dot between thousands; English and Korean the other way round.

    Parameters
    ----------
    value : float
    spec : str, optional
        A format spec, e.g. ",.1f" (default ",.0f").
    lang : str, optional
        A language to use instead of :func:`current`.

    Returns
    -------
    str

    Examples
    --------
    >>> number(12345.678, ",.1f", lang="it"), number(12345.678, ",.1f", lang="ko")
    ('12.345,7', '12,345.7')
    """
    text = format(value, spec)
    code = validate(lang) if lang is not None else current()
    return text.translate(str.maketrans(",.", ".,")) if code == "it" else text


def numerals(text: str, lang: str | None = None) -> str:
    """Text with numbers already written the English way (by a format string such as
    ``"€{:.1f} bn"`` or ``"{:.1f}%"``), with Italian separators in Italian: only a comma
    or dot between two digits is swapped, so words and sentence punctuation stay.

    Examples
    --------
    >>> numerals("€15.7 bn, 1,234.5", lang="it"), numerals("€15.7 bn", lang="en")
    ('€15,7 bn, 1.234,5', '€15.7 bn')
    """
    code = validate(lang) if lang is not None else current()
    if code != "it":
        return text
    return re.sub(r"(?<=\d)[.,](?=\d)", lambda m: "," if m.group() == "." else ".", text)
