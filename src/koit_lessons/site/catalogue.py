"""The data catalogue of the site, written from ``data/datapackage.json``: an index of
every data set with its data years, and one page per data set (description, fields,
sources, licence, notes, how current it is, the first rows, the CSV to download).

The pages are MyST Markdown; the CSV files are copied beside them for download.
"""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Any

from koit_lessons import data
from koit_lessons.resources import data_dir

__all__ = ["write_catalogue", "PREVIEW_ROWS"]

#: rows shown on a data set's page
PREVIEW_ROWS = 8


def _cell(value: object) -> str:
    """Text for a Markdown table cell: no line breaks, pipes escaped."""
    return " ".join(str(value).split()).replace("|", "\\|")


def _constraints(field: dict[str, Any]) -> str:
    parts = []
    for key, value in field.get("constraints", {}).items():
        if key == "required":
            parts.append("required" if value else "optional")
        elif key == "enum":
            parts.append("one of: " + ", ".join(f"`{v}`" for v in value))
        elif key == "pattern":
            parts.append(f"pattern `{value}`")
        elif key == "unique":
            parts.append("unique" if value else "")
        else:
            parts.append(f"{key} {value}")
    return "; ".join(p for p in parts if p)


def _link(text: str, url: str) -> str:
    if url.startswith(("http://", "https://")):
        return f"[{_cell(text)}]({url})"
    return _cell(text)


def _source(s: dict[str, Any]) -> str:
    title = _link(s.get("title", "untitled"), s.get("path", ""))
    bits = [b for b in (s.get("publisher", ""), f"*{title}*") if b and b != "**"]
    line = ", ".join(bits)
    extras = [
        ("edition", "edition"),
        ("published", "published"),
        ("data_year", "data year"),
        ("table", "table or page"),
        ("accessed", "accessed"),
    ]
    details = [f"{label}: {_cell(s[key])}" for key, label in extras if s.get(key)]
    return f"- {line}" + (f" ({'; '.join(details)})" if details else "")


def _preview(name: str) -> str:
    df = data.load(name).head(PREVIEW_ROWS)
    head = "| " + " | ".join(_cell(c) for c in df.columns) + " |"
    rule = "|" + "---|" * len(df.columns)
    rows = [
        "| " + " | ".join("" if _missing(v) else _cell(v) for v in row) + " |"
        for row in df.itertuples(index=False)
    ]
    return "\n".join([head, rule, *rows])


def _missing(value: object) -> bool:
    try:
        return bool(value != value) or value is None  # NaN, NA
    except (TypeError, ValueError):
        return False


def _uses() -> dict[str, list[tuple[str, str]]]:
    """By data set: the lessons (number, page file) that name it (in code, or in the
    list of data sets the lesson uses)."""
    from koit_lessons import lessons, notebook

    found: dict[str, list[tuple[str, str]]] = {}
    for item in lessons.lessons():
        text = " ".join(notebook.cell_text(c) for c in item.read()["cells"])
        for name in data.names():
            if re.search(rf"\b{name}\b", text):
                found.setdefault(name, []).append((item.number, item.filename))
    return found


def _lesson_links(uses: list[tuple[str, str]]) -> str:
    return ", ".join(f"[{number}](../lessons/{filename})" for number, filename in uses) or "—"


def _page(res: dict[str, Any], rows: int, uses: list[tuple[str, str]]) -> str:
    name = res["name"]
    status = res.get("koit_status", {})
    lines = [
        f"# {_cell(res.get('title', name))}",
        "",
        f"`{name}` · {rows} rows · data years {data.data_years(name)} · "
        f"{{download}}`download the CSV <{res['path']}>`",
        "",
        html.escape(res.get("description", ""), quote=False),
        "",
        f"Used in lessons: {_lesson_links(uses)}. In Python: `data.load({name!r})`; "
        f"citation: `koit-lessons data cite {name}`.",
        "",
        "## Fields",
        "",
        "| Field | Type | Unit | Description | Constraints |",
        "|---|---|---|---|---|",
    ]
    for f in res["schema"]["fields"]:
        lines.append(
            f"| `{f['name']}` | {f.get('type', '')} | {_cell(f.get('unit', ''))} | "
            f"{_cell(f.get('description', ''))} | {_cell(_constraints(f))} |"
        )
    lines += ["", "## Sources", ""]
    lines += [_source(s) for s in res.get("sources", [])]
    lines += ["", "## Licence", ""]
    for lic in res.get("licenses", []):
        lines.append("- " + _link(lic.get("title", lic.get("name", "")), lic.get("path", "")))
    if status:
        lines += ["", "## How current it is", ""]
        labels = [
            ("edition", "Edition used"),
            ("published", "Published"),
            ("accessed", "Read on"),
            ("cadence", "How often it is released"),
            ("next", "Next edition"),
            ("newer", "Newer edition"),
        ]
        lines += [f"- **{label}:** {_cell(status[k])}" for k, label in labels if status.get(k)]
    notes = res.get("notes", [])
    if notes:
        lines += ["", "## Notes", ""]
        notes = [notes] if isinstance(notes, str) else notes
        lines += [f"- {html.escape(_cell(n), quote=False)}" for n in notes]
    lines += [
        "",
        f"## The first {min(PREVIEW_ROWS, rows)} rows",
        "",
        _preview(name),
        "",
    ]
    return "\n".join(lines)


def write_catalogue(folder: Path) -> list[str]:
    """Write the catalogue into ``folder``: ``index.md``, one ``<name>.md`` per data set,
    and the CSV files.

    Parameters
    ----------
    folder : pathlib.Path
        The catalogue's folder in the site's source (created if missing).

    Returns
    -------
    list of str
        The data set names, in the order of ``datapackage.json``.
    """
    folder.mkdir(parents=True, exist_ok=True)
    listing = data.list_datasets().set_index("name")
    names = data.names()
    index = [
        "# Data catalogue",
        "",
        "Every number in the lessons comes from one of these data sets, each from a "
        "named public source. Nothing is estimated or filled in: a figure the source "
        "does not give is left out and the gap is said in the notes. Each page lists the "
        "fields with their units, the sources with their editions, the licence, the "
        "notes, the first rows and the CSV file.",
        "",
        "| Data set | What it holds | Data years | Rows | Lessons |",
        "|---|---|---|---|---|",
    ]
    uses = _uses()
    for name in names:
        res = data.describe(name)
        # a reference table (the glossary) is not in list_datasets(), but has its page
        rows = int(listing.loc[name, "rows"]) if name in listing.index else len(data.load(name))
        index.append(
            f"| [`{name}`]({name}.md) | {_cell(res.get('title', ''))} | "
            f"{_cell(data.data_years(name))} | {rows} | {_lesson_links(uses.get(name, []))} |"
        )
        page = _page(res, rows, uses.get(name, []))
        (folder / f"{name}.md").write_text(page, encoding="utf-8")
        source = data_dir() / res["path"]
        (folder / res["path"]).write_bytes(source.read_bytes())
    index += [
        "",
        "```{toctree}",
        ":hidden:",
        "",
        *names,
        "```",
        "",
    ]
    (folder / "index.md").write_text("\n".join(index), encoding="utf-8")
    return names
