"""The site's own words: the home page, and the "run this lesson" box of each lesson."""

from __future__ import annotations

from typing import Any

from koit_lessons.lessons import Lesson

__all__ = ["home_page", "launch_cell"]


def launch_cell(item: Lesson, links: dict[str, str]) -> dict[str, Any]:
    """The Markdown cell under a lesson's title: how to run it, and the notebook itself.

    Examples
    --------
    >>> from koit_lessons.lessons import lesson
    >>> "download" in launch_cell(lesson("00"), {})["source"]
    True
    """
    live = " or ".join(f"[on {name}]({url})" for name, url in links.items())
    lines = [
        "```{admonition} Work through this lesson",
        ":class: tip",
        f"About {item.minutes} minutes. What you see here is the lesson as students get "
        "it, with the outputs it shows when run; the exercises are left for you to answer.",
        "",
    ]
    if live:
        lines.append(f"- **Run it live** {live}: the lesson opens in JupyterLab.")
    lines += [
        f"- **On your own computer:** {{download}}`download the notebook "
        f"<../_downloads_src/{item.filename}>`, or install the course and run "
        f"`koit-lessons start {item.number}` (see [how to start](../index.md#how-to-start)).",
        "```",
    ]
    return {
        "cell_type": "markdown",
        "metadata": {},
        "source": "\n".join(lines),
        "id": f"koit-launch-{item.number}",
    }


def home_page(items: list[Lesson], launch: Any) -> str:
    """The home page (MyST Markdown): what the course is, the summit in brief, who it is
    for, how to start, and the lessons with their times."""
    total = sum(i.minutes for i in items)
    times = [i.minutes for i in items]
    low, high = min(times, default=0), max(times, default=0)
    rows = [
        f"| {i.number} | [{i.title}](lessons/{i.filename.removesuffix('.ipynb')}) | "
        f"~{i.minutes} min |"
        for i in items
    ]
    first = items[0]
    live = launch.links(first.filename) if items else {}
    live_line = (
        "- **In the browser, nothing to install:** open a lesson and follow its "
        "*run it live* link ("
        + ", ".join(f"[{name}]({url})" for name, url in live.items())
        + " for the first lesson).\n"
        if live
        else ""
    )
    # the sidebar names each lesson alike ("00 · Start here: ..."), whatever its heading
    toctree = "\n".join(
        f"{i.number} · {i.title} <lessons/{i.filename.removesuffix('.ipynb')}>" for i in items
    )
    return f"""# AI chips, critical minerals and alliances

*A course of {len(items)} Jupyter lessons for students who read data and argue from it.*

## What the course is

Jupyter lessons on the building blocks of the AI era: **AI chips, critical minerals and
alliance politics**. Students read real, sourced data about who makes chips, who mines
and refines minerals, and why countries ally; they compute shares and concentration,
draw the figures, and end by writing a policy brief. Every number comes from a named
public source (see the [data catalogue](data/index.md)), and everything runs offline.

## The summit in brief

On **19 January 2026** in Seoul, South Korea's President **Lee Jae Myung** and Italy's
Prime Minister **Giorgia Meloni** agreed to deepen cooperation on artificial
intelligence, semiconductors, aerospace and critical minerals, and a memorandum of
understanding on chip-industry cooperation was signed. Why would a maker of the world's
most advanced memory chips and a country at the heart of Europe's industry talk about
*minerals*? The lessons follow that question through the data.

## Who it is for

- **Students** in their first university years or the last years of school, with a
  little Python (a variable, a list, calling a function). A lesson takes {low} to {high}
  minutes; the whole course about {round(total / 60)} hours.
- **Teachers** of economics, politics, geography or data science who want a ready unit
  with checked exercises, model answers and a gradebook: see the
  [teacher's guide](teacher-guide.md).

## How to start

{live_line}- **On your own computer** (Python 3.10 or newer):

  ```bash
  python3 -m venv .venv && .venv/bin/python -m pip install koit-lessons
  .venv/bin/koit-lessons start
  ```

  This copies the student versions of the lessons into `koit-lessons-work/` and opens
  JupyterLab on the first lesson. Each lesson page here also has its notebook to
  download.
- **For a class:** `koit-lessons handout` writes the student set and your answer key;
  the [teacher's guide](teacher-guide.md) shows the way from install to a gradebook.

## The lessons

| # | Lesson | Time |
|---|---|---|
{chr(10).join(rows)}

These pages show each lesson as students get it: exercises are left to answer and model
answers are not shown. Interactive explorers appear as a picture of their default state.

```{{toctree}}
:caption: Lessons
:hidden:

{toctree}
```

```{{toctree}}
:caption: For teachers
:hidden:

teacher-guide
data/index
```
"""
