"""The offline copy, unzipped, in Chromium from file://: search in each language, the
language switcher, and a chart."""

import json
import re

import pytest

from tests.browser import visit

_CHART = re.compile(r'<img[^>]+src="([^"]*assets/generated/[^"]+\.svg)"')


def _search(page, query: str) -> list[str]:
    """Type a query into Material's search box; return the links of the results."""
    page.click("input.md-search__input")
    # fill, then a key: Material reads the query on keyup; typed CJK sends no key events
    page.fill("input.md-search__input", query)
    page.press("input.md-search__input", "End")
    page.wait_for_selector("li.md-search-result__item a", timeout=20000)
    return page.eval_on_selector_all(
        "li.md-search-result__item a", "links => links.map(a => a.href)"
    )


@pytest.mark.parametrize(
    ("home", "query"), [("index.html", "attention"), ("zh/index.html", "分词")]
)
def test_search_works_from_disk_in_each_language(offline_copy, page, home, query):
    _, folder = offline_copy
    seen = visit(page, (folder / home).as_uri())
    assert not seen.foreign_requests, seen.foreign_requests
    links = _search(page, query)
    root = folder.as_uri() + "/"
    assert links and all(link.startswith(root) for link in links), links
    pages = [re.split(r"[?#]", link.removeprefix(root))[0] for link in links]
    assert any(p.startswith("zh/") == home.startswith("zh/") for p in pages), pages
    assert all((folder / p).is_file() for p in pages), pages


def test_the_language_switcher_lands_on_the_same_page(offline_copy, page):
    _, folder = offline_copy
    english = folder / "tokenizer" / "attention-mask.html"
    visit(page, english.as_uri())
    page.hover(".md-header__option .md-select")
    with page.expect_navigation():
        page.click("a.md-select__link[hreflang=zh]")
    assert page.url == (folder / "zh" / "tokenizer" / "attention-mask.html").as_uri()
    assert page.get_attribute("html", "lang") == "zh"
    page.hover(".md-header__option .md-select")
    with page.expect_navigation():
        page.click("a.md-select__link[hreflang=en]")
    assert page.url == english.as_uri()


@pytest.mark.parametrize("language", ["en", "zh"])
def test_a_chart_renders_from_disk(offline_copy, page, language):
    _, folder = offline_copy
    pages = sorted(
        path
        for path in folder.rglob("*.html")
        if (path.relative_to(folder).parts[0] == "zh") == (language == "zh")
    )
    with_chart = next(p for p in pages if _CHART.search(p.read_text(encoding="utf-8")))
    seen = visit(page, with_chart.as_uri())
    assert not seen.failed_requests and not seen.foreign_requests, seen.problems
    charts = page.eval_on_selector_all(
        "img[src*='assets/generated/'][src$='.svg']",
        "imgs => imgs.map(img => [img.src, img.complete && img.naturalWidth > 0])",
    )
    assert charts and all(ok for _, ok in charts), charts


@pytest.mark.parametrize(
    "path", ["appendix/wordpiece.html", "zh/tokenizer/encode-and-vocab.html"]
)
def test_the_playground_works_from_disk(offline_copy, page, path):
    """From file:// the playground loads its scripts and vocabulary, and encodes exactly."""
    from transformers import AutoTokenizer

    _, folder = offline_copy
    seen = visit(page, (folder / path).as_uri())
    assert not seen.failed_requests and not seen.foreign_requests, seen.problems
    text, pair = "Tokenization isn't magic: 北京 😀", "[MASK] héllo"
    got = page.evaluate(
        "([text, pair]) => window.playground.encode(text, pair).then(JSON.stringify)",
        [text, pair],
    )
    tokenizer = AutoTokenizer.from_pretrained("google-bert/bert-base-uncased")
    want = tokenizer(text, pair, return_offsets_mapping=True)
    got = json.loads(got)
    assert got["input_ids"] == want["input_ids"]
    assert got["token_type_ids"] == want["token_type_ids"]
    assert got["offsets"] == [list(offset) for offset in want["offset_mapping"]]
    # the widget itself: typing shows the tokens
    page.fill("#pg-text", "unaffable")
    shown = ["[CLS]", *tokenizer.tokenize("unaffable"), "[SEP]"]
    page.wait_for_function(
        "shown => JSON.stringify([...document.querySelectorAll('.pg-token')]"
        ".map(el => el.textContent)) === JSON.stringify(shown)",
        arg=shown,
    )
