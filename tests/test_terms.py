"""One Chinese term per concept: the glossary names it, and no Chinese text uses a variant."""

import json
import posixpath
import re

import pytest

from tensornotes.pages import Page
from tensornotes.terms import (
    GLOSSARY,
    banned_uses,
    check_markdown,
    check_notebook,
    check_python,
    check_svg,
    chinese_sources,
    glossary_terms,
)
from tests.docs_tree import DOCS, ROOT, relative

TERMS = glossary_terms(ROOT / GLOSSARY)
ENGLISH_GLOSSARY = ROOT / "docs/reference/glossary.md"
SOURCES = chinese_sources(ROOT)
_LINK = r"\]\((?P<target>[^)#\s]+)(?:#(?P<anchor>[^)\s]+))?\)"


def test_the_glossary_gives_each_concept_one_term():
    assert len(TERMS) >= 30, "the glossary's terms table was not read"
    terms = [term.term for term in TERMS]
    assert all(terms) and len(set(terms)) == len(terms), terms
    for term in TERMS:
        for form in term.forms:
            # a term never counts as a variant of itself or of another concept
            assert banned_uses(form, TERMS) == [], (term, form)


def test_both_glossaries_list_the_same_terms_and_variants():
    english = glossary_terms(ENGLISH_GLOSSARY, lang="en")
    assert [(t.term, t.banned) for t in english] == [(t.term, t.banned) for t in TERMS]


@pytest.mark.parametrize("page", [ENGLISH_GLOSSARY, ROOT / GLOSSARY], ids=relative)
def test_every_term_links_the_section_that_explains_it(page):
    lines = page.read_text(encoding="utf-8").splitlines()
    rows = [line for line in lines if line.startswith("| ") and "](../" in line]
    assert len(rows) == len(TERMS)
    for row in rows:
        match = re.search(_LINK, row.split("|")[5])
        assert match, row
        target = DOCS / posixpath.normpath(posixpath.join("reference", match["target"]))
        if page.name.endswith(".zh.md"):
            target = target.with_name(target.name.removesuffix(".md") + ".zh.md")
        assert target.is_file(), f"{relative(page)}: {match['target']} does not exist"
        anchors = {heading.anchor for heading in Page(target).headings}
        assert not match["anchor"] or match["anchor"] in anchors, (
            f"{relative(page)}: {relative(target)} has no heading #{match['anchor']}"
        )


@pytest.mark.parametrize(("path", "check"), SOURCES, ids=[relative(path) for path, _ in SOURCES])
def test_chinese_text_uses_the_glossary_terms(path, check):
    found = check(path, TERMS, relative(path))
    assert not found, "use the glossary's term (docs/reference/glossary.zh.md):\n" + "\n".join(
        map(str, found)
    )


# --- the check finds what it should, and only that ---


def test_a_banned_variant_in_a_page_names_file_line_and_term(tmp_path):
    page = tmp_path / "page.zh.md"
    page.write_text(
        "# 标题 { #title }\n\n每个 token 都有偏移量。\n\n"
        "这里写成了偏移，\n也提到演练\n场。\n\n"
        "代码里的 `演练场` 不算：\n\n```python\nx = '批量'\n```\n",
        encoding="utf-8",
    )
    found = check_markdown(page, TERMS, "docs/x/page.zh.md")
    messages = [str(v) for v in found]
    assert len(found) == 2, messages
    assert messages[0] == "docs/x/page.zh.md, line 5: '偏移' -> use '偏移量' (`offset_mapping`)"
    # a variant split over two wrapped lines (the page joins them) is found where it starts
    assert messages[1] == "docs/x/page.zh.md, line 6: '演练场' -> use '在线试用' (playground)"


def test_variants_with_spaces_and_latin_letters(tmp_path):
    assert [v for _, v, _ in banned_uses("查 Embedding表 和 embedding  表", TERMS)] == [
        "Embedding表",
        "embedding  表",
    ]
    # 段落 is a paragraph of prose; only 段落 A / 段落 B name a segment
    assert banned_uses("引用前一条消息的段落", TERMS) == []
    assert [t.term for _, _, t in banned_uses("段落 B 的 token", TERMS)] == ["片段"]


def test_a_banned_variant_in_a_notebook_chart_or_label(tmp_path):
    notebook = tmp_path / "notebook.zh.ipynb"
    cells = [
        {"cell_type": "code", "metadata": {}, "source": ["x = '批量'\n"], "outputs": []},
        {"cell_type": "markdown", "metadata": {}, "source": ["## 标题\n", "一个批量有两条文本。"]},
    ]
    notebook.write_text(json.dumps({"cells": cells}), encoding="utf-8")
    assert [str(v) for v in check_notebook(notebook, TERMS, "n.zh.ipynb")] == [
        "n.zh.ipynb, cell 2, line 2: '批量' -> use '批次' (batch)"
    ]
    chart = tmp_path / "chart.zh.svg"
    chart.write_text('<svg>\n<g>\n<text x="1">掩码语言建模的损失</text>\n</g>\n</svg>\n', "utf-8")
    assert [str(v) for v in check_svg(chart, TERMS, "c.zh.svg")] == [
        "c.zh.svg, line 3: '掩码语言建模' -> use '掩码语言模型' (MLM)"
    ]
    snippet = tmp_path / "snippet.py"
    snippet.write_text(
        '"""归一化器 in a docstring is not a label."""\n'
        'LABELS = {\n    "en": {"x": "normalizer"},\n    "zh": {"x": "归一化器的输出"},\n}\n',
        encoding="utf-8",
    )
    assert [str(v) for v in check_python(snippet, TERMS, "s.py")] == [
        "s.py, line 4: '归一化器' -> use '规范化器' (normalizer)"
    ]
