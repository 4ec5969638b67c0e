"""The site in Korean and Italian: a sub-site per language, and the language switcher.

English stays at the site's root. Each other language gets its own Sphinx project, built
into ``OUT/<lang>/`` with Sphinx's ``language`` set (so the theme's own words and the
page's ``lang`` attribute follow it): a home page in that language and one page per
lesson offered in it (:func:`koit_lessons.lessons.offered`), made from the generated
edition as students get it (:func:`.lesson_pages.published_version`). An edition has no
stored outputs, so it is executed while the site is built (nbclient, with the kernel
manager of :mod:`koit_lessons._kernel`). The teacher's guide and the data catalogue stay
in English, and the home page says so, linking there.

Every page, in every language, carries a switcher (:func:`setup`): a link to the same
page in each other language where it exists, else to that language's home page. Its
fixed words, like the home pages', come from the package's message catalogues
(:func:`koit_lessons.language.tr`).

Hangul needs a font: the theme names the system's fonts, and a system without one for
Hangul shows boxes. The Korean pages therefore serve Noto Sans KR (SIL Open Font License
1.1, from the ``pylopdf-fonts-ko`` package, with its licence beside it) as a web font
for Hangul only; the other languages' pages serve a subset of it with the Hangul they
use (the switcher's "한국어", a lesson's quotation of Korean wording).
"""

from __future__ import annotations

import contextlib
import functools
import html
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from koit_lessons import language, lessons
from koit_lessons.errors import KoitError
from koit_lessons.language import LANGUAGES, tr, validate
from koit_lessons.lessons import Lesson

__all__ = [
    "site_languages",
    "native_name",
    "switch_links",
    "home_page",
    "launch_cell",
    "lesson_page",
    "write_fonts",
    "setup",
]

#: Unicode ranges of Hangul (jamo, compatibility jamo, syllables) for the web font
HANGUL = "U+1100-11FF, U+3130-318F, U+A960-A97F, U+AC00-D7AF, U+D7B0-D7FF"
FONT_FILE = "NotoSansKR-Regular.otf"
FONT_SUBSET = "NotoSansKR-switcher.otf"


def native_name(lang: str) -> str:
    """A language's name in itself ("English", "한국어", "italiano").

    Examples
    --------
    >>> native_name("ko"), native_name("it")
    ('한국어', 'italiano')
    """
    return LANGUAGES[validate(lang)].split(" (")[0]


def site_languages(requested: Any = None) -> list[str]:
    """The languages to build: English first, then each requested one.

    Parameters
    ----------
    requested : str or list of str, optional
        "en,ko,it" or ["en", "ko"]; by default English and every language in which at
        least one lesson is offered. English is always built (the other languages link
        to its teacher's guide and catalogue).

    Returns
    -------
    list of str

    Raises
    ------
    KoitError
        For a language that is not the course's, or one no lesson is offered in (one
        sentence).
    """
    from koit_lessons.lessons import offered

    if requested is None:
        return ["en"] + [code for code in LANGUAGES if code != "en" and offered(code)]
    if isinstance(requested, str):
        requested = [part for part in requested.split(",") if part.strip()]
    chosen = ["en"]
    for part in requested:
        code = validate(part)
        if code not in chosen:
            if not offered(code):
                raise KoitError(
                    f"No lesson is offered in {LANGUAGES[code].split(' (')[-1].rstrip(')')} "
                    "yet, so the site has no pages in it: leave it out of --lang."
                )
            chosen.append(code)
    return chosen


def _root(lang: str) -> str:
    """Where a language's sub-site is, from the site's root ("" for English)."""
    return "" if lang == "en" else f"{lang}/"


def switch_links(
    page: str, lang: str, pages: dict[str, set[str] | list[str]]
) -> list[dict[str, Any]]:
    """The switcher's entries on ``page`` of the ``lang`` sub-site, one per language.

    Parameters
    ----------
    page : str
        A Sphinx document name, e.g. "lessons/00_start_here".
    lang : str
        The language of the page.
    pages : dict
        Each language's document names (the site's languages, in order).

    Returns
    -------
    list of dict
        ``code``, ``name`` (in that language), ``href`` (relative to the page; "" for
        the page's own language) and ``current``.

    Examples
    --------
    >>> pages = {"en": {"index", "lessons/a"}, "ko": {"index"}}
    >>> [e["href"] for e in switch_links("lessons/a", "en", pages)]
    ['', '../ko/index.html']
    >>> [e["href"] for e in switch_links("index", "ko", pages)]
    ['../index.html', '']
    """
    up = "../" * page.count("/") + ("../" if lang != "en" else "")
    found = []
    for code, names in pages.items():
        target = page if page in names else "index"
        found.append(
            {
                "code": code,
                "name": native_name(code),
                "href": "" if code == lang else f"{up}{_root(code)}{target}.html",
                "current": code == lang,
            }
        )
    return found


def alternate_links(page: str, lang: str, pages: dict[str, set[str]]) -> str:
    """``<link rel="alternate" hreflang>`` tags for the page's head: one for each language
    that has this very page (its own language included), so search engines offer a
    reader the page in their language.

    >>> pages = {"en": {"index", "lessons/a"}, "ko": {"index"}}
    >>> print(alternate_links("index", "ko", pages))
    <link rel="alternate" hreflang="en" href="../index.html" />
    <link rel="alternate" hreflang="ko" href="index.html" />
    <BLANKLINE>
    >>> alternate_links("lessons/a", "en", pages)
    ''
    """
    here = [e for e in switch_links(page, lang, pages) if page in pages[e["code"]]]
    if len(here) < 2:
        return ""
    name = page.rsplit("/", 1)[-1] + ".html"
    return "".join(
        f'<link rel="alternate" hreflang="{e["code"]}" href="{e["href"] or name}" />\n'
        for e in here
    )


def _template(label: str) -> str:
    return (
        "{%- if koit_languages %}\n"
        f'<nav class="koit-languages" aria-label="{html.escape(label)}">\n'
        "<ul>\n"
        "{%- for l in koit_languages %}\n"
        "<li>{% if l.current %}"
        '<span lang="{{ l.code }}" aria-current="page">{{ l.name }}</span>'
        "{% else %}"
        '<a href="{{ l.href }}" lang="{{ l.code }}" hreflang="{{ l.code }}">{{ l.name }}</a>'
        "{% endif %}</li>\n"
        "{%- endfor %}\n"
        "</ul>\n"
        "</nav>\n"
        "{%- endif %}\n"
    )


#: the switcher's look: a row of short links in the page's header
SWITCHER_CSS = """.header-article-items__end { display: flex; align-items: center; }
.koit-languages { display: flex; align-items: center;
  min-height: var(--pst-header-article-height); }
.koit-languages ul { display: flex; gap: 0.75em; list-style: none; margin: 0;
  padding: 0 0.5em; align-items: center; font-size: 0.9em; }
.koit-languages li { margin: 0; }
.koit-languages [aria-current] { font-weight: bold; }
"""


def write_switcher(folder: Path, lang: str) -> None:
    """Write the switcher's template into the Sphinx source ``folder``."""
    templates = folder / "_templates"
    templates.mkdir(exist_ok=True)
    label = tr("Languages of this site", lang=lang)
    (templates / "koit-languages.html").write_text(_template(label), encoding="utf-8")


def setup(app: Any, site: dict[str, Any]) -> None:
    """Give every page its switcher entries (``koit_languages`` in the page's context).

    ``site`` is ``{"lang": ..., "pages": {lang: [document, ...]}}``, written into the
    sub-site's ``conf.py`` by :func:`koit_lessons.site.write_source`.
    """
    pages = {code: set(names) for code, names in site["pages"].items()}
    if site["lang"] == "it":
        # docutils' smart quotes for Italian close a single quote as ” (its secondary
        # quotes are “”), so the apostrophe of "un po' di" became "po”": use the quotes
        # the translations are typed with (“” and ‘’), as in English
        from docutils.utils.smartquotes import smartchars

        smartchars.quotes["it"] = "“”‘’"

    def add(app, pagename, templatename, context, doctree):
        if len(pages) > 1:
            context["koit_languages"] = switch_links(pagename, site["lang"], pages)
            context["metatags"] = context.get("metatags", "") + alternate_links(
                pagename, site["lang"], pages
            )
        else:
            context["koit_languages"] = []

    app.connect("html-page-context", add)


# --- the home page of a language ---------------------------------------------------------


def home_page(items: list[Lesson], lang: str) -> str:
    """The home page of the ``lang`` sub-site (MyST Markdown): what the course is, the
    summit in brief, who it is for, how to start, the lessons offered in ``lang``, and
    where the rest is (in English)."""
    lang = validate(lang)
    # the page's words in ``lang``; called ``tr`` so that scripts/catalogues.py finds them
    tr = functools.partial(language.tr, lang=lang)
    stem = {i.number: i.filename.removesuffix(".ipynb") for i in items}
    every = lessons.lessons()  # the times of the whole course, not only those offered
    rows = [
        f"| {i.number} | [{i.title_in(lang)}](lessons/{stem[i.number]}) | "
        + tr("~{minutes} min", minutes=i.minutes)
        + " |"
        for i in items
    ]
    toctree = [f"{i.number} · {i.title_in(lang)} <lessons/{stem[i.number]}>" for i in items]
    rest = tr(
        "The other lessons, the teacher's guide and the data catalogue are in English: "
        "see {home}, {guide} and {data}.",
        home='<a href="../index.html" hreflang="en">' + tr("all the lessons") + "</a>",
        guide='<a href="../teacher-guide.html" hreflang="en">' + tr("the teacher's guide") + "</a>",
        data='<a href="../data/index.html" hreflang="en">' + tr("the data catalogue") + "</a>",
    )
    first = items[0].number if items else "00"
    lines = [
        "# " + tr("AI chips, critical minerals and alliances"),
        "",
        "*" + tr("Jupyter lessons for students who read data and argue from it.") + "*",
        "",
        "## " + tr("What the course is"),
        "",
        tr(
            "Jupyter lessons on the building blocks of the AI era: AI chips, critical "
            "minerals and alliance politics. You read real data about who makes chips, who "
            "mines and refines minerals, and why countries ally; you compute shares, draw "
            "figures, and end by writing a policy brief. Every number comes from a named "
            "public source, and everything runs offline."
        ),
        "",
        "## " + tr("The summit in brief"),
        "",
        tr(
            "On 19 January 2026 in Seoul, South Korea's President Lee Jae Myung and Italy's "
            "Prime Minister Giorgia Meloni agreed to work together more closely on artificial "
            "intelligence, semiconductors, aerospace and critical minerals, and a memorandum "
            "of understanding on chips was signed. Why would a maker of the world's most "
            "advanced memory chips and a big industrial country of Europe talk about "
            "minerals? The lessons follow that question through the data."
        ),
        "",
        "## " + tr("Who it is for"),
        "",
        tr(
            "Students of about 16 to 20 who know a little Python (a variable, a list, "
            "calling a function). A lesson takes {low} to {high} minutes.",
            low=min((i.minutes for i in every), default=0),
            high=max((i.minutes for i in every), default=0),
        ),
        "",
        "(koit-how-to-start)=",
        "## " + tr("How to start"),
        "",
        tr(
            "On your own computer (Python 3.10 or newer), install the course and open the "
            "first lesson in this language:"
        ),
        "",
        "```bash",
        "python3 -m venv .venv && .venv/bin/python -m pip install koit-lessons",
        f".venv/bin/koit-lessons start {first} --lang {lang}",
        "```",
        "",
        tr("Each lesson page here also has its notebook to download."),
        "",
        "## " + tr("The lessons in this language"),
        "",
        "| # | " + tr("Lesson") + " | " + tr("Time") + " |",
        "|---|---|---|",
        *rows,
        "",
        tr(
            "Teachers: {summary}.",
            summary='<a href="teacher-guide.html">' + tr("the teacher's guide in brief") + "</a>",
        ),
        "",
        rest,
        "",
        "```{toctree}",
        ":caption: " + tr("Lessons"),
        ":hidden:",
        "",
        *toctree,
        "```",
        "",
        "```{toctree}",
        ":hidden:",
        "",
        "teacher-guide",
        "```",
        "",
    ]
    return "\n".join(lines)


def launch_cell(item: Lesson, lang: str) -> dict[str, Any]:
    """The box under a translated lesson's title: how to run it, and its notebook."""
    tr = functools.partial(language.tr, lang=lang)
    download = tr("download the notebook")
    how = tr("how to start")
    lines = [
        "```{admonition} " + tr("Work through this lesson"),
        ":class: tip",
        tr(
            "About {minutes} minutes. What you see here is the lesson as students get it, "
            "with the outputs it shows when run; the exercises are left for you to answer.",
            minutes=item.minutes,
        ),
        "",
        "- "
        + tr(
            "On your own computer: {download}, or install the course and run {command} "
            "(see {how}).",
            download=f"{{download}}`{download} <../_downloads_src/{item.filename}>`",
            command=f"`koit-lessons start {item.number} --lang {lang}`",
            how=f"{{ref}}`{how} <koit-how-to-start>`",
        ),
        "```",
    ]
    return {
        "cell_type": "markdown",
        "metadata": {},
        "source": "\n".join(lines),
        "id": f"koit-launch-{item.number}",
    }


# --- a lesson page, executed -------------------------------------------------------------


@contextlib.contextmanager
def speaking(lang: str) -> Iterator[None]:
    """Speak ``lang`` in this process for a while (check's feedback on the page)."""
    from koit_lessons import language

    before = language._chosen
    language.set_language(lang)
    try:
        yield
    finally:
        language._chosen = before


def _execute(nb: dict[str, Any], item: Lesson, lang: str, timeout: int = 600) -> dict[str, Any]:
    """``nb`` run top to bottom in a fresh kernel, as scripts/execute_notebooks.py does."""
    import logging
    import tempfile

    import nbformat
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError, CellTimeoutError

    from koit_lessons._kernel import KernelManager

    node = nbformat.reads(json.dumps(nb), as_version=4)
    quiet = logging.getLogger("koit_lessons.site")  # nbclient's INFO lines stay out
    quiet.setLevel(logging.WARNING)
    with tempfile.TemporaryDirectory(prefix="koit-edition-") as tmp:
        try:
            NotebookClient(
                node,
                timeout=timeout,
                kernel_name="python3",
                kernel_manager_class=KernelManager,
                resources={"metadata": {"path": tmp}},
                record_timing=False,
                log=quiet,
            ).execute()
        except (CellExecutionError, CellTimeoutError) as e:
            name = LANGUAGES[lang].split(" (")[-1].rstrip(")")
            first = str(e).strip().splitlines()[-1] if str(e).strip() else type(e).__name__
            raise KoitError(
                f"Lesson {item.number} in {name} failed while the site was built: {first}"
            ) from None
    for cell in node.cells:
        cell.metadata.pop("execution", None)
    return json.loads(nbformat.writes(node))


def lesson_page(item: Lesson, lang: str) -> tuple[dict[str, Any], dict[str, Any]]:
    """A translated lesson's page and its student notebook to download.

    Returns
    -------
    (dict, dict)
        The page (the executed edition as students get it, with its launch box) and the
        student version of the edition.
    """
    from koit_lessons import notebook
    from koit_lessons.site.lesson_pages import published_version

    edition = item.edition(lang)
    executed = _execute(edition, item, lang)
    with speaking(lang):
        page = published_version(executed)
    page["cells"].insert(1, launch_cell(item, lang))
    return page, notebook.student_version(edition)


# --- Hangul on the page ------------------------------------------------------------------


def _font_source() -> tuple[Path, str]:
    """Noto Sans KR and its licence text (from the package's metadata)."""
    from importlib import metadata

    import pylopdf_fonts_ko

    dist = metadata.distribution("pylopdf-fonts-ko")
    licence = dist.read_text("licenses/LICENSE") or dist.metadata.get("License", "")
    return Path(pylopdf_fonts_ko.sans_path()), licence


def _hangul_in(folder: Path) -> str:
    """The Hangul characters of a sub-site's source (its pages and notebooks)."""
    import re

    found: set[str] = set()
    for path in folder.rglob("*"):
        if path.suffix in (".md", ".ipynb") and "_downloads_src" not in path.parts:
            found.update(
                re.findall(r"[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]", path.read_text("utf-8"))
            )
    return "".join(sorted(found))


def write_fonts(static: Path, lang: str) -> str:
    """Put the Hangul web font into a sub-site's ``_static`` and return its CSS.

    The Korean pages get the whole of Noto Sans KR; the others a subset (fontTools) with
    the glyphs of "한국어" (the switcher's link) and of the Hangul their pages quote (a
    lesson cites the Korean wording of a statement). Either way only Hangul is drawn with
    it (``unicode-range``), and the licence goes beside it. Call it once the sub-site's
    pages are written.
    """
    source, licence = _font_source()
    fonts = static / "fonts"
    fonts.mkdir(parents=True, exist_ok=True)
    if lang == "ko":
        name = FONT_FILE
        (fonts / name).write_bytes(source.read_bytes())
    else:
        import logging

        from fontTools import subset

        logging.getLogger("fontTools").setLevel(logging.WARNING)  # not a report per table
        name = FONT_SUBSET
        options = subset.Options()
        options.name_IDs = ["*"]  # keep the copyright and licence names
        font = subset.load_font(str(source), options)
        sub = subset.Subsetter(options)
        sub.populate(text=native_name("ko") + _hangul_in(static.parent))
        sub.subset(font)
        subset.save_font(font, str(fonts / name), options)
    (fonts / "NotoSansKR-OFL.txt").write_text(
        "Noto Sans KR, from the pylopdf-fonts-ko package (https://github.com/notofonts/"
        "noto-cjk)"
        + (", subset to the Hangul these pages use" if lang != "ko" else "")
        + ".\n\n"
        + licence,
        encoding="utf-8",
    )
    return (
        "@font-face { font-family: 'Noto Sans KR'; font-style: normal; font-weight: 400 700;\n"
        f"  src: url('fonts/{name}') format('opentype'); unicode-range: {HANGUL}; }}\n"
        # first in the lists: after system-ui, Chromium on Linux drew boxes in some places
        # (the header, the sidebar) with the font loaded; unicode-range keeps it to Hangul
        "html:root { --pst-font-family-base-system: 'Noto Sans KR', system-ui, sans-serif,\n"
        "  'Apple Color Emoji', 'Segoe UI Emoji', 'Segoe UI Symbol', 'Noto Color Emoji';\n"
        "  --pst-font-family-monospace-system: 'Noto Sans KR', ui-monospace, 'Cascadia Code',\n"
        "  'Source Code Pro', Menlo, Consolas, 'DejaVu Sans Mono', monospace; }\n"
    )
