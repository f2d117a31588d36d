"""The project's facts, each read in one place: root, pins, nav, languages, the string catalog."""

import pytest

from tensornotes import languages, project
from tensornotes.strings import CATALOG
from tests.docs_tree import ROOT


def _keys(value, prefix=""):
    if not isinstance(value, dict):
        return {prefix}
    return set().union(*(_keys(item, f"{prefix}.{key}") for key, item in value.items()))


def test_the_catalog_has_every_key_in_every_language():
    keys = {code: _keys(CATALOG[code]) for code in languages.codes()}
    default = keys[languages.default()]
    for code, found in keys.items():
        assert found == default, (
            f"{code} lacks {sorted(default - found)} and adds {sorted(found - default)}"
        )
    assert set(CATALOG) == set(languages.codes()), "the catalog's languages are the site's"


def test_an_unknown_language_raises():
    with pytest.raises(languages.UnknownLanguage, match=r"'fr'.*en, zh"):
        languages.strings("fr")
    with pytest.raises(languages.UnknownLanguage):
        languages.localized("index.md", "fr")


def test_languages_come_from_the_i18n_plugin():
    assert languages.codes() == ("en", "zh") and languages.default() == "en"
    assert languages.localized("tokenizer/index.md", "zh") == "tokenizer/index.zh.md"
    assert languages.localized(ROOT / "a.ipynb", "zh") == ROOT / "a.zh.ipynb"
    assert languages.localized("chart.svg", "en") == "chart.svg"
    assert languages.source_of("tokenizer/index.zh.md") == "tokenizer/index.md"
    assert languages.language_of("x.zh.svg") == "zh" and languages.language_of("x.md") == "en"
    assert languages.nav_title("Tokenizer", "zh") != "Tokenizer"


def test_the_root_is_found_from_below(tmp_path):
    assert project.root(ROOT / "docs" / "tokenizer") == ROOT
    with pytest.raises(project.ProjectError, match=r"no mkdocs\.yml"):
        project.root(tmp_path)


def test_pins_read_any_requirement(tmp_path):
    (tmp_path / "pyproject.toml").write_text(
        "[project]\ndependencies = "
        '["Torch==2.13.0", "numpy>=2", "a_b.c[x]==1; python_version>\'3\'"]\n'
    )
    assert set(project.pins(tmp_path)) == {"torch", "numpy", "a-b-c"}
    assert project.pin("torch", tmp_path) == "2.13.0" and project.pin("A_B.c", tmp_path) == "1"
    with pytest.raises(project.ProjectError, match="no single version of numpy"):
        project.pin("numpy", tmp_path)
    assert project.pin("transformers") == "5.23.0"


def test_nav_parts_flatten_nested_sections_and_refuse_what_they_cannot_read():
    nav = [
        {"Home": "index.md"},
        {"Part": ["part/index.md", {"Deeper": ["part/a.md", {"B": "part/b.md"}]}]},
        {"Notebook part": ["nb/index.md", {"Notebook": "nb/n.ipynb"}]},
    ]
    part, with_notebook = project.nav_parts(nav)
    assert part.pages == ("part/index.md", "part/a.md", "part/b.md")
    assert part.notebook is None and part.index == "part/index.md"
    assert with_notebook.notebook == "nb/n.ipynb" and with_notebook.pages == ("nb/index.md",)
    with pytest.raises(project.ProjectError, match="Part > Deeper"):
        project.nav_parts([{"Part": [{"Deeper": [42]}]}])
