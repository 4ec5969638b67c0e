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


def _offered_sentences():
    import importlib.util

    path = Path(__file__).resolve().parents[1] / "scripts" / "offered_sentences.py"
    spec = importlib.util.spec_from_file_location("offered_sentences", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.sentences()


@pytest.mark.parametrize("key", ["ko", "it", "guide", "README"])
def test_the_guides_and_readme_say_which_lessons_each_language_has(key):
    path, pattern, sentence = _offered_sentences()[key]
    found = pattern.findall(path.read_text(encoding="utf-8"))
    assert found == [sentence], "run: python scripts/offered_sentences.py --write"


def test_the_sentences_name_exactly_the_lessons_offered(monkeypatch):
    every = [i.number for i in lessons.lessons()]
    sentences = _offered_sentences()
    for lang in ("ko", "it"):
        offered = [i.number for i in lessons.offered(lang)]
        named = re.findall(r"(?<!\d)\d\d(?!\d)", sentences[lang][2])
        if offered == every:  # "00부터 09까지 모든 수업", "tutte le lezioni, dalla 00 alla 09"
            assert named == [every[0], every[-1]]
            assert {"ko": "모든 수업", "it": "tutte le lezioni"}[lang] in sentences[lang][2]
        else:
            assert set(named) == set(offered) and offered[0] == "00"
    # with fewer lessons offered, each sentence lists them and says the rest will follow
    some = [i for i in lessons.lessons() if i.number in ("00", "05")]
    monkeypatch.setattr(lessons, "offered", lambda lang="en": some)
    partial = _offered_sentences()
    assert "00, 05이고(그중 이탈리아어로도 제공되는 수업은 00, 05)" in partial["ko"][2]
    assert "나머지 수업은" in partial["ko"][2]
    assert "Oggi le lezioni 00 e 05 sono disponibili" in partial["it"][2]
    assert "le altre si aggiungeranno" in partial["it"][2]
    assert partial["README"][2] == "Today lessons 00 and 05 are offered in Korean, and 00 and 05 in Italian."
    assert "today lessons 00 and 05 are offered in Korean and 00 and 05 in Italian" in partial["guide"][2]
    for key, (_path, pattern, sentence) in partial.items():
        assert pattern.fullmatch(sentence), key  # the next --write finds it again


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
