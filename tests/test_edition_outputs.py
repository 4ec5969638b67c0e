"""Numbers are the same in every edition: each translated edition of a lesson is run, and
every code output is compared with the English one's, numbers only (text is translated).
"""

import json
import re

import nbformat
import pytest
from nbclient import NotebookClient

from koit_lessons._kernel import KernelManager
from koit_lessons.lessons import lessons
from koit_lessons.notebook import cell_tags

NUMBER = re.compile(r"-?\d[\d,]*(?:\.\d+)?(?:e[+-]?\d+)?")
TAGS = re.compile(r"<[^>]+>")
FEEDBACK = ("✅", "❌", "⏳", "⚠️")  # check's messages are prose: translated, numbers too


def _numbers(cell) -> list[str]:
    found = []
    for out in cell.get("outputs", []):
        assert out["output_type"] != "error", out.get("evalue")
        texts = [out.get("text", "")] if out["output_type"] == "stream" else []
        bundle = out.get("data", {})
        if "image/png" in bundle:
            continue  # a figure: its size follows its title's length, not the data
        if "koit-figure-description" in "".join(bundle.get("text/html", "")):
            continue  # a figure in words: its translated labels write numbers their way
        if "text/html" in bundle:
            texts.append(TAGS.sub(" ", "".join(bundle["text/html"])))
        elif "text/plain" in bundle:
            texts.append("".join(bundle["text/plain"]))
        for text in texts:
            if not text.lstrip().startswith(FEEDBACK):
                found += NUMBER.findall(text)
    return found


def _run(nb: dict, tmp_path) -> dict:
    node = nbformat.reads(json.dumps(nb), as_version=4)  # sources as strings
    NotebookClient(
        node,
        timeout=600,
        kernel_name="python3",
        kernel_manager_class=KernelManager,
        resources={"metadata": {"path": str(tmp_path)}},
    ).execute()
    return {c["id"]: c for c in node.cells}


EDITIONS = [(item, lang) for item in lessons() for lang in item.translations()[1:]]


_ENGLISH: dict[str, dict] = {}


def _english(item, tmp_path_factory) -> dict:
    """The English lesson run once, for both of its editions (half the kernels)."""
    if item.number not in _ENGLISH:
        _ENGLISH[item.number] = _run(item.read(), tmp_path_factory.mktemp(f"en{item.number}"))
    return _ENGLISH[item.number]


@pytest.mark.slow
@pytest.mark.parametrize("item, lang", EDITIONS, ids=[f"{i.number}-{lang}" for i, lang in EDITIONS])
def test_every_number_is_the_same_as_in_english(item, lang, tmp_path, tmp_path_factory):
    english = _english(item, tmp_path_factory)
    translated = _run(item.edition(lang), tmp_path)
    compared = 0
    for cell_id, cell in english.items():
        if cell["cell_type"] != "code" or "nbval-ignore-output" in cell_tags(cell):
            continue
        if "sorted-by-name" in cell_tags(cell):
            # rows sorted by a name come in the edition's alphabetical order (독일, 영국,
            # 이탈리아): the same numbers, in another order
            assert sorted(_numbers(translated[cell_id])) == sorted(_numbers(cell)), cell_id
        else:
            assert _numbers(translated[cell_id]) == _numbers(cell), cell_id
        compared += len(_numbers(cell))
    assert compared > 100  # tables, citations, figures' descriptions
    # the edition's own last cell shows the glossary
    shown = "".join(translated["koit-glossary"]["outputs"][0]["data"]["text/html"])
    assert "lithium" in shown and {"ko": "리튬", "it": "litio"}[lang] in shown


def test_lesson_00_is_offered_in_korean_and_italian():
    assert [i.languages() for i in lessons() if i.number == "00"] == [["en", "ko", "it"]]
