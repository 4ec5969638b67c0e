"""The course website: every lesson readable in a browser, built offline by one command.

``koit-lessons site OUT`` (or :func:`build`) writes a Sphinx source folder and builds
it with myst-nb and sphinx-book-theme (the ``site`` extra) into ``OUT``:

- a home page (what the course is, the summit in brief, who it is for, how to start);
- one page per lesson: the student version with the outputs a student sees, from the
  stored outputs of the executed lessons (:mod:`.lesson_pages`; nothing is run), with
  links to run it live (JupyterHub via nbgitpuller, Binder; :class:`Launch`) and the
  student notebook to download;
- the teacher's guide (``docs/teacher-guide.md``);
- the data catalogue (:mod:`.catalogue`).

With ``languages`` (``--lang``), each other language gets its own sub-site,
``OUT/ko/`` and ``OUT/it/``: a home page in that language and the lessons offered in it,
executed while building (:mod:`.languages`); every page has a language switcher.

Nothing is fetched while building, and the pages load nothing from elsewhere: the
theme's fonts and scripts are its own files, and myst-nb's widget scripts (from a CDN)
are switched off, since widgets are shown as pictures.
"""

from __future__ import annotations

import re
import shutil
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from koit_lessons import __version__
from koit_lessons.errors import KoitError

__all__ = ["Launch", "BuildResult", "build", "write_source"]

_HERE = Path(__file__).parent


@dataclass(frozen=True)
class Launch:
    """Where a reader runs a lesson live; every part optional.

    Parameters
    ----------
    hub : str
        A JupyterHub's address, for nbgitpuller links (needs ``student_repo``).
    student_repo : str
        The git repository holding the student set (``koit-lessons handout``), which
        nbgitpuller pulls into each student's home.
    binder_repo : str
        A GitHub repository with this project's ``binder/`` folder, for Binder links
        (its ``postBuild`` writes the student set to ``koit-lessons-work/``).
    branch : str
        The branch of both repositories (default "main").
    """

    hub: str = ""
    student_repo: str = ""
    binder_repo: str = ""
    branch: str = "main"

    def links(self, filename: str) -> dict[str, str]:
        """The launch links of one lesson file, by name ("JupyterHub", "Binder").

        Examples
        --------
        >>> Launch(binder_repo="https://github.com/you/koit").links("00_start_here.ipynb")
        ... # doctest: +ELLIPSIS
        {'Binder': 'https://mybinder.org/v2/gh/you/koit/main?urlpath=lab%2Ftree%2Fkoit-...'}
        """
        from koit_lessons import deploy

        found = {}
        if self.hub or self.student_repo:
            if not (self.hub and self.student_repo):
                raise KoitError("A JupyterHub link needs both the hub and the student repository.")
            found["JupyterHub"] = deploy.nbgitpuller_link(
                self.hub, self.student_repo, self.branch, filename
            )
        if self.binder_repo:
            found["Binder"] = deploy.binder_link(
                self.binder_repo, self.branch, f"koit-lessons-work/{filename}"
            )
        return found


@dataclass
class BuildResult:
    """What a build made: the folder, its pages, and the time it took."""

    out: Path
    pages: list[str] = field(default_factory=list)
    seconds: float = 0.0


def _teacher_guide(lang: str = "en") -> str:
    """The teacher's guide: in English in full; in Korean and Italian a summary page."""
    from koit_lessons.resources import docs_dir

    name = "teacher-guide.md" if lang == "en" else f"teacher-guide.{lang}.md"
    return (docs_dir() / name).read_text(encoding="utf-8")


#: What axe-core finds in the theme's own HTML on every page (pydata-sphinx-theme 0.20),
#: mended after the build: the search button's name "Search" is not its visible text
#: "Search Ctrl+K" (WCAG 2.5.3), and the chevron that opens a section of the sidebar is a
#: <summary> without a name (4.1.2).
def _theme_mends(lang: str) -> list[tuple[re.Pattern[str], str]]:
    from koit_lessons.language import tr

    label = tr("Show or hide the pages of this section", lang=lang)
    return [
        (
            re.compile(r'(<button class="btn search-button-field[^"]*"[^>]*?) aria-label="[^"]*"'),
            r"\1",
        ),
        (
            re.compile(r'<summary>(\s*<span class="toctree-toggle")'),
            f'<summary aria-label="{label}">' + r"\1",
        ),
    ]


#: the site's own style: printed outputs (a check's feedback, a citation) wrap at the
#: page's width instead of running off its edge
_CSS = """div.cell_output .output pre { white-space: pre-wrap; word-break: break-word; }
"""


def _mend_theme(folder: Path, lang: str = "en") -> None:
    mends = _theme_mends(lang)
    for page in folder.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        mended = text
        for pattern, replacement in mends:
            mended = pattern.sub(replacement, mended)
        if mended != text:
            page.write_text(mended, encoding="utf-8")


def _documents(lang: str) -> list[str]:
    """The page names (Sphinx documents) of the ``lang`` sub-site, without writing it."""
    from koit_lessons import data
    from koit_lessons import lessons as lesson_list

    stems = [i.filename.removesuffix(".ipynb") for i in lesson_list.offered(lang)]
    if lang != "en":
        return ["index", "teacher-guide", *(f"lessons/{s}" for s in stems)]
    return [
        "index",
        "teacher-guide",
        "data/index",
        *(f"lessons/{s}" for s in stems),
        *(f"data/{n}" for n in data.names()),
    ]


def _write_conf(folder: Path, lang: str, languages: list[str]) -> None:
    from koit_lessons.language import tr
    from koit_lessons.site import languages as site_languages

    css = _CSS + site_languages.SWITCHER_CSS
    if len(languages) > 1 and "ko" in languages:
        css += site_languages.write_fonts(folder / "_static", lang)
    (folder / "_static" / "koit.css").write_text(css, encoding="utf-8")
    site_languages.write_switcher(folder, lang)
    site = {
        "lang": lang,
        "title": tr("AI chips, critical minerals and alliances", lang=lang),
        "pages": {code: _documents(code) for code in languages},
    }
    conf = (_HERE / "conf_template.py").read_text(encoding="utf-8")
    line = next(x for x in conf.splitlines() if x.endswith("# @SITE@"))
    conf = conf.replace("@VERSION@", __version__).replace(line, f"KOIT_SITE = {site!r}")
    (folder / "conf.py").write_text(conf, encoding="utf-8")


def write_source(
    folder: Path,
    launch: Launch = Launch(),
    lang: str = "en",
    languages: list[str] | None = None,
) -> list[str]:
    """Write the Sphinx source of the ``lang`` sub-site into ``folder`` (which must be
    empty or missing).

    Parameters
    ----------
    folder : pathlib.Path
    launch : Launch
        Where the English lessons' "run it live" links point.
    lang : str
        "en" (the site's root: every lesson, the teacher's guide, the catalogue), or a
        language in which lessons are offered: its home page and those lessons, executed
        now (see :mod:`.languages`).
    languages : list of str, optional
        Every language of the site, for the switcher (default: ``lang`` alone).

    Returns
    -------
    list of str
        The page names (documents) written, e.g. ``"lessons/00_start_here"``.
    """
    from koit_lessons import lessons as lesson_list
    from koit_lessons import notebook
    from koit_lessons.language import validate
    from koit_lessons.site import catalogue, home
    from koit_lessons.site import languages as site_languages
    from koit_lessons.site.lesson_pages import published_version

    lang = validate(lang)
    languages = languages or [lang]
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "lessons").mkdir()
    (folder / "_downloads_src").mkdir()
    (folder / "_static").mkdir()
    if lang != "en":
        items = lesson_list.offered(lang)
        pages = ["index"]
        for item in items:
            page, student = site_languages.lesson_page(item, lang)
            notebook.write_notebook(student, folder / "_downloads_src" / item.filename)
            notebook.write_notebook(page, folder / "lessons" / item.filename)
            pages.append(f"lessons/{item.filename.removesuffix('.ipynb')}")
        (folder / "index.md").write_text(site_languages.home_page(items, lang), encoding="utf-8")
        (folder / "teacher-guide.md").write_text(_teacher_guide(lang), encoding="utf-8")
        pages.insert(1, "teacher-guide")
        _write_conf(folder, lang, languages)
        return pages
    items = lesson_list.lessons()
    pages = ["index", "teacher-guide", "data/index"]
    for item in items:
        links = launch.links(item.filename)
        teacher = item.read()
        live = next(iter(links.values()), "")
        page = published_version(teacher, live)
        student_file = folder / "_downloads_src" / item.filename
        notebook.write_notebook(notebook.student_version(teacher), student_file)
        page["cells"].insert(1, home.launch_cell(item, links))
        stem = item.filename.removesuffix(".ipynb")
        notebook.write_notebook(page, folder / "lessons" / item.filename)
        pages.append(f"lessons/{stem}")
    guide = _teacher_guide()
    for other in ("ko", "it"):  # the summaries' links, to their pages in the other sub-sites
        link = re.compile(r"\[([^\]]+)\]\(teacher-guide\." + other + r"\.md\)")
        guide = link.sub(
            (
                rf'<a href="{other}/teacher-guide.html" hreflang="{other}">\1</a>'
                if other in languages
                else r"\1"
            ),
            guide,
        )
    (folder / "teacher-guide.md").write_text(guide, encoding="utf-8")
    names = catalogue.write_catalogue(folder / "data")
    pages += [f"data/{n}" for n in names]
    (folder / "index.md").write_text(home.home_page(items, launch), encoding="utf-8")
    _write_conf(folder, lang, languages)
    return pages


def build(
    out: Path | str,
    *,
    launch: Launch = Launch(),
    overwrite: bool = False,
    jobs: int = 1,
    quiet: bool = True,
    languages: Any = None,
) -> BuildResult:
    """Build the site into ``out`` (HTML), offline.

    Parameters
    ----------
    out : path
        The folder to write; an existing folder with files in it is replaced only with
        ``overwrite=True``.
    launch : Launch
        Where the "run it live" links point (none by default).
    overwrite : bool
        Replace what is in ``out``.
    jobs : int
        Sphinx's parallel jobs.
    quiet : bool
        Print only warnings and errors.
    languages : str or list of str, optional
        The site's languages, e.g. "en,ko,it" (English is always built, at ``out``;
        each other one goes to ``out/<lang>/``). By default English and every language
        in which at least one lesson is offered.

    Returns
    -------
    BuildResult

    Raises
    ------
    KoitError
        If ``out`` is not empty and ``overwrite`` is false, if the ``site`` extra is not
        installed, if a language is not the course's or has no lesson offered, if a
        translated lesson fails to run, or if Sphinx reports a warning or an error.
    """
    from koit_lessons.site.languages import site_languages

    out = Path(out)
    chosen = site_languages(languages)
    if out.exists() and not out.is_dir():
        raise KoitError(f"{out} is a file, not a folder: give a folder for the site.")
    if out.is_dir() and any(out.iterdir()) and not overwrite:
        raise KoitError(
            f"{out} is not empty. Pass --overwrite to replace what is in it, or give a new folder."
        )
    try:
        from sphinx import locale as sphinx_locale
        from sphinx.cmd.build import build_main
    except ImportError:
        raise KoitError(
            "Building the site needs Sphinx and myst-nb: pip install 'koit-lessons[site]'."
        ) from None
    start = time.perf_counter()
    pages: list[str] = []
    with tempfile.TemporaryDirectory(prefix="koit-site-") as tmp:
        staging = Path(tmp) / "html"
        for lang in chosen:
            source = Path(tmp) / "source" / lang
            prefix = "" if lang == "en" else f"{lang}/"
            pages += [prefix + p for p in write_source(source, launch, lang, chosen)]
            target = staging / prefix if prefix else staging
            args = [
                "-b",
                "html",
                "-W",
                "--keep-going",
                "-j",
                str(jobs),
                "-d",
                str(Path(tmp) / "doctrees" / lang),
            ]
            args += ["-q"] if quiet else []
            # Sphinx keeps the theme's and its own translations for the process: the
            # second language would fall back to the first one's words
            sphinx_locale.translators.clear()
            code = build_main([*args, str(source), str(target)])
            if code != 0:
                raise KoitError(
                    f"Sphinx could not build the site in {lang} (exit code {code}); see above."
                )
            _mend_theme(target, lang)
        if out.exists():
            shutil.rmtree(out)
        shutil.copytree(staging, out)
    return BuildResult(out, pages, time.perf_counter() - start)
