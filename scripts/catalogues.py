#!/usr/bin/env python3
"""Refresh or report the translation catalogues of the lessons (see koit_lessons.editions).

    python scripts/catalogues.py update 00 ko it   # write notebooks/locales/{ko,it}/00_*.po
    python scripts/catalogues.py status            # every lesson, every language
    python scripts/catalogues.py messages ko it    # the package's messages, every lesson
                                                   # that has a catalogue in that language

``update`` adds new English units, flags changed ones fuzzy (with the old English kept as
the previous msgid) and records the fingerprint of every translated, non-fuzzy unit. A
translator then edits the .po file (in any PO editor) and clears the fuzzy flag.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from koit_lessons import editions
from koit_lessons.errors import KoitError
from koit_lessons.lessons import lesson, lessons

ROOT = Path(__file__).resolve().parents[1]


def message_ids(lessons_: list[str]) -> list[tuple[str | None, str]]:
    """(context, English) of every message the package translates: each ``tr("...")`` in
    the package's code, and the prompt, hint, explanation and mistakes of the questions
    of ``lessons_``."""
    from babel.messages.extract import extract_from_file

    from koit_lessons import checks

    found: list[tuple[str | None, str]] = []
    for path in sorted((ROOT / "src" / "koit_lessons").rglob("*.py")):
        for _line, text, _comments, _context in extract_from_file(
            "python", str(path), keywords={"tr": None, "marked": None}
        ):
            if isinstance(text, str) and (None, text) not in found:
                found.append((None, text))
    for number in lessons_:
        for qid in checks.questions(number):
            q = checks._get(qid)
            for part in ("prompt", "hint", "explain"):
                if getattr(q, part):
                    found.append((f"{qid}:{part}", getattr(q, part)))
            found.extend((f"{qid}:mistake", m.label) for m in q.mistakes)
            found.extend((f"{qid}:choice", c.feedback) for c in q.choices if c.feedback)
            if q.unit and q.unit != "%" and ("unit", q.unit) not in found:
                found.append(("unit", q.unit))
    return found


def write_messages(lang: str, lessons_: list[str]) -> tuple[Path, int]:
    """Write ``koit_lessons/locales/<lang>/LC_MESSAGES/koit_lessons.po``: every message of
    :func:`message_ids`, the translations already there kept."""
    import io

    from babel.messages.catalog import Catalog
    from babel.messages.pofile import read_po, write_po

    from koit_lessons.language import LOCALES, validate

    path = LOCALES / validate(lang) / "LC_MESSAGES" / "koit_lessons.po"
    old, created = {}, None
    if path.exists():
        previous = read_po(io.BytesIO(path.read_bytes()))
        old = {(m.context, m.id): m.string for m in previous if m.id}
        created = previous.creation_date
    cat = Catalog(locale=lang, project="koit-lessons", fuzzy=False, creation_date=created)
    missing = 0
    for context, text in message_ids(lessons_):
        string = old.get((context, text), "")
        missing += not string
        cat.add(text, string, context=context)
    path.parent.mkdir(parents=True, exist_ok=True)
    buffer = io.BytesIO()
    write_po(buffer, cat, width=0)
    path.write_bytes(buffer.getvalue())
    return path, missing


def translated_lessons(lang: str) -> list[str]:
    """The lessons that have a catalogue in ``lang`` (complete or not), in lesson order."""
    return [
        item.number
        for item in lessons()
        if editions.catalogue_file(item.filename, lang, ROOT / "notebooks").exists()
    ]


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = p.add_subparsers(dest="command", required=True)
    up = sub.add_parser("update", help="write a lesson's catalogues")
    up.add_argument("lesson")
    up.add_argument("langs", nargs="+", metavar="LANG")
    sub.add_parser("status", help="missing and stale units, per lesson and language")
    msg = sub.add_parser("messages", help="write the package's message catalogues")
    msg.add_argument("langs", nargs="+", metavar="LANG")
    msg.add_argument(
        "--lessons",
        nargs="*",
        default=None,
        help="lessons whose questions to include (default: every lesson that has a "
        "catalogue in that language, so no lesson's entries are dropped)",
    )
    args = p.parse_args(argv)
    try:
        if args.command == "messages":
            for lang in args.langs:
                chosen = args.lessons if args.lessons is not None else translated_lessons(lang)
                path, missing = write_messages(lang, chosen)
                print(f"{path.relative_to(ROOT)}: {missing} untranslated")
            return 0
        if args.command == "update":
            item = lesson(args.lesson)
            for lang in args.langs:
                path = editions.catalogue_file(item.filename, lang, ROOT / "notebooks")
                state = editions.update_catalogue(item.read(), lang, path)
                print(f"{path.relative_to(ROOT)}: {state.describe() or 'complete'}")
            return 0
        for item in lessons():
            for lang in ("ko", "it"):
                path = editions.catalogue_file(item.filename, lang, ROOT / "notebooks")
                if path.exists():
                    state = editions.status(item.read(), lang, path)
                    done = lang + ": complete"
                    if not editions.second_read(item.filename, lang, ROOT / "notebooks"):
                        done += ", awaiting a second reader (not offered yet)"
                    print(f"{item.number} {state.describe() or done}")
        return 0
    except KoitError as e:
        print(e, file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
