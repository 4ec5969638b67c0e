"""The glossary: one identifier per mineral and country, names in three languages, and
helpers that take a student's input in any of them."""

import re

import pytest

from koit_lessons import data, editions, glossary, language, minerals
from koit_lessons.checks import check, expected
from koit_lessons.errors import KoitError
from koit_lessons.lessons import lessons


@pytest.fixture(autouse=True)
def _english_afterwards():
    yield
    language._chosen = None


def test_every_country_and_mineral_of_the_data_has_its_names():
    table = data.load("glossary")
    production = data.load("mineral_production")
    codes = set(production["iso3"].dropna())
    assert codes <= set(table.loc[table["kind"] == "country", "id"])
    assert set(minerals.mineral_names()) <= set(table.loc[table["kind"] == "mineral", "id"])
    assert table[["en", "ko", "it"]].notna().all().all()
    # Korean names are written in Hangul
    assert table.loc[table["kind"] != "term", "ko"].str.contains("[가-힣]").all()


def test_the_glossary_is_a_reference_not_a_data_set_to_analyse():
    assert "glossary" not in set(data.list_datasets()["name"])
    assert len(data.load("glossary")) >= 60  # loaded like any data set
    assert "Ministry of Foreign Affairs" in data.source_line("glossary")


@pytest.mark.parametrize("name", ["리튬", "litio", "Lithium", " LITIO "])
def test_minerals_accept_a_name_in_any_language(name):
    assert minerals.producers(name, 2024).equals(minerals.producers("lithium", 2024))


def test_an_unknown_mineral_is_still_one_friendly_error():
    with pytest.raises(KoitError, match="lithum.*Did you mean 'lithium'"):
        minerals.producers("lithum", 2024)


@pytest.mark.parametrize("lang, first", [("ko", "호주"), ("it", "Australia"), ("en", "Australia")])
def test_producers_name_countries_in_the_lesson_language(lang, first):
    english = minerals.producers("cobalt", 2024)
    language.set_language(lang)
    table = minerals.producers("cobalt", 2024)
    assert table["iso3"].tolist() == english["iso3"].tolist()
    assert table["share_pct"].tolist() == english["share_pct"].tolist()
    assert minerals.producers("lithium", 2024)["country"].iloc[0] == first
    if lang == "it":
        assert table.set_index("iso3").loc["COD", "country"] == "Repubblica Democratica del Congo"
    names = minerals.concentration_table(2024, minerals=["리튬", "cobalt"])["mineral"].tolist()
    assert (
        names
        == {"ko": ["코발트", "리튬"], "it": ["cobalto", "litio"], "en": ["cobalt", "lithium"]}[lang]
    )


@pytest.mark.parametrize("lang", ["en", "ko", "it"])
@pytest.mark.parametrize("answer", ["Australia", "호주", "australia", "AUS"])
def test_check_takes_a_country_in_any_language(lang, answer):
    language.set_language(lang)
    assert check("00-lithium-top", answer).correct


@pytest.mark.parametrize("answer", [["graphite"], ["흑연"], ["Grafite"]])
def test_check_takes_minerals_in_any_language(answer):
    assert expected("00-korea-minerals") == ["graphite"]
    assert check("00-korea-minerals", answer).correct


def test_glossary_shows_english_beside_the_lesson_language():
    language.set_language("ko")
    table = glossary.glossary("country")
    assert table.columns.tolist() == ["kind", "en", "ko"]
    assert table.set_index("en").loc["Italy", "ko"] == "이탈리아"
    language.set_language("en")
    assert glossary.glossary().columns.tolist() == ["kind", "en", "ko", "it"]
    with pytest.raises(KoitError, match="glossary kind"):
        glossary.glossary("planet")


def _mentions(text, term, kind):
    """Whether ``text`` names ``term`` as a word; a possessive ("Italy's Prime Minister")
    does not count, as languages often write it as an adjective ("italiana"). A grouping
    (the USGS rows "Other countries", "World total") counts only as written in the data."""
    for name in TITLES:
        text = text.replace(name, "")
    pattern = rf"(?<![\w-]){re.escape(term)}(?![\w-]|['’]s\b)"
    return re.search(pattern, text, 0 if kind == "grouping" else re.I) is not None


#: names of publishers and titles that contain a glossary term and are quoted as they are
TITLES = ("Focus Taiwan",)


def test_translated_lessons_use_the_glossary_terms():
    """For each glossary entry a unit of a translated lesson mentions in English, its
    translation uses the glossary's term."""
    table = data.load("glossary").to_dict("records")
    checked, problems = 0, []
    for item in lessons():
        for lang in item.translations()[1:]:
            entries = editions.read_catalogue(editions.catalogue_file(item.filename, lang))
            for key, entry in entries.items():
                if entry.english.startswith("## Sources"):
                    continue  # the source list: titles are quoted in their own language
                for row in table:
                    if _mentions(entry.english, row["en"], row["kind"]):
                        checked += 1
                        if row[lang].lower() not in entry.translation.lower():
                            problems.append(
                                f"{item.number} {lang} {key}: {row['en']} -> {row[lang]}"
                            )
    assert not problems, "\n".join(problems)
    assert checked > 0 or not any(len(item.translations()) > 1 for item in lessons())


@pytest.mark.parametrize("lang, first", [("ko", "칠레"), ("it", "Cile"), ("en", "Chile")])
def test_reserve_holders_name_countries_in_the_lesson_language(lang, first):
    english = minerals.reserve_holders("lithium")
    language.set_language(lang)
    table = minerals.reserve_holders("lithium")
    assert table["country"].iloc[0] == first
    assert table["iso3"].tolist() == english["iso3"].tolist()
    assert table["share_pct"].tolist() == english["share_pct"].tolist()
    assert check("04-lithium-reserves-top", "Chile").correct
    assert check("04-lithium-reserves-top", first).correct


@pytest.mark.parametrize(
    "lang, names",
    [
        ("ko", ["구리", "알루미늄(보크사이트에서 알루미나로)", "채굴", "정련"]),
        ("en", ["copper", "aluminium (bauxite to alumina)", "mining", "refining"]),
    ],
)
def test_stage_bars_write_stages_and_minerals_in_the_lesson_language(lang, names):
    import matplotlib.pyplot as plt

    from koit_lessons import plots

    language.set_language(lang)
    stages = minerals.mine_vs_refine(2024)
    assert set(stages["stage"]) == {"mining", "refining"}  # the data keep their names
    ax = plots.stage_bars(stages, "top1_pct", "chain", title="t")
    ticks = [t.get_text() for t in ax.get_yticklabels()][::-1]
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert ticks + legend == names
    assert all(name in plots.describe(ax) for name in names)
    plt.close(ax.figure)


@pytest.mark.parametrize(
    "lang, names", [("ko", ["금속 실리콘", "알루미나", "구리"]), ("en", ["silicon", "alumina", "copper"])]
)
def test_refined_materials_are_named_in_the_lesson_language(lang, names):
    language.set_language(lang)
    table = minerals.concentration_table(2024, dataset="mineral_processing")
    assert table["mineral"].tolist() == names
