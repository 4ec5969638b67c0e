"""The teacher's guide in brief, in Korean and Italian (issue 16): the summary pages
exist, ship with the package, give commands that the command line accepts, say which
lessons are offered in their language, and are on the Korean and Italian sites."""

import re
import shlex
from pathlib import Path

import pytest

from koit_lessons import cli, lessons

DOCS = Path(__file__).resolve().parents[1] / "docs"


def _page(lang: str) -> str:
    return (DOCS / f"teacher-guide.{lang}.md").read_text(encoding="utf-8")


def _commands(text: str) -> list[list[str]]:
    blocks = re.findall(r"```bash\n(.*?)```", text, re.S)
    found = []
    for block in blocks:
        for line in block.splitlines():
            for part in line.split("&&"):
                words = shlex.split(part)
                if words and words[0].endswith("koit-lessons"):
                    found.append(words[1:])
    return found


@pytest.mark.parametrize("lang", ["ko", "it"])
def test_every_command_of_a_summary_is_one_the_command_line_accepts(lang):
    commands = _commands(_page(lang))
    assert len(commands) >= 6
    for words in commands:
        cli._parser().parse_args(words)  # argparse exits (SystemExit) on a bad command
        if words[0] in ("list", "start", "handout", "grade"):
            assert words[words.index("--lang") + 1] == lang, words


@pytest.mark.parametrize("lang", ["ko", "it"])
def test_a_summary_says_which_lessons_its_language_has(lang):
    offered = [i.number for i in lessons.offered(lang)]
    text = _page(lang)
    # the lessons offered today and the sentence naming them; rewrite both when more are
    # offered
    want, named = {
        "ko": (["00", "01", "03", "05", "07"], "지금은 수업 00, 01, 03, 05, 07가 한국어로 제공되고"),
        "it": (["00", "01", "02", "05"], "Oggi le lezioni 00, 01, 02 e 05 "),
    }[lang]
    assert offered == want, "other lessons are offered now: rewrite the summaries' sentence"
    assert named in text


@pytest.mark.parametrize("lang", ["ko", "it"])
def test_summaries_follow_the_same_outline(lang):
    """Both summaries cover the same six topics, in the same order."""
    headings = re.findall(r"^## ", _page(lang), re.M)
    assert len(headings) == 6


def test_the_english_guide_links_both_summaries_and_the_site_rewrites_the_links():
    from koit_lessons import site

    guide = (DOCS / "teacher-guide.md").read_text(encoding="utf-8")
    assert "(teacher-guide.ko.md)" in guide and "(teacher-guide.it.md)" in guide
    assert "teacher-guide" in site._documents("ko") and "teacher-guide" in site._documents("it")


def test_the_summaries_ship_with_the_package():
    pyproject = (DOCS.parent / "pyproject.toml").read_text(encoding="utf-8")
    for lang in ("ko", "it"):
        assert f'"docs/teacher-guide.{lang}.md" = "koit_lessons/_docs/teacher-guide.{lang}.md"' in (
            pyproject
        )
