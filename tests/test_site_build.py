"""The strict build: no warnings, both languages, Chinese search, links, no third-party hosts."""

import json
import re
from urllib.parse import urljoin

from tests.docs_tree import DOCS

_EXTERNAL_ASSET = re.compile(
    # a canonical link names the page's own address (site_url): it loads nothing
    r"""<(?:script|link(?![^>]*\brel="canonical")|img)\b[^>]*\b(?:src|href)=["'](?:https?:)?//""",
    re.I,
)


def test_strict_build_has_no_warnings(site):
    _, result = site
    problems = [
        line for line in result.stderr.splitlines() if line.startswith(("WARNING", "ERROR"))
    ]
    assert result.returncode == 0 and not problems, result.stderr[-3000:]


_MKDOCS_OWN = re.compile(
    r"INFO    -  (Cleaning site directory|Building documentation to directory: .*"
    r"|Documentation built in [\d.]+ seconds)$"
)


def test_build_prints_only_mkdocs_own_messages(site):
    # no jieba dictionary lines, no per-notebook or per-setting lines of the plugins
    _, result = site
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    chatter = [line for line in lines if not _MKDOCS_OWN.match(line)]
    assert not chatter, "\n".join(chatter[:20])


def test_zh_mirrors_en(site):
    site_dir, _ = site
    english = {
        p.relative_to(site_dir)
        for p in site_dir.rglob("index.html")
        if "zh" not in p.relative_to(site_dir).parts
    }
    chinese = {p.relative_to(site_dir / "zh") for p in (site_dir / "zh").rglob("index.html")}
    pages = {
        p.relative_to(DOCS).with_suffix("")
        for p in [*DOCS.rglob("*.md"), *DOCS.rglob("*.ipynb")]
        if not p.name.endswith((".zh.md", ".zh.ipynb"))
    }
    assert english == chinese
    assert len(english) == len(pages)


def test_language_switcher_lands_on_the_same_page(site):
    site_dir, _ = site
    for page in site_dir.rglob("index.html"):
        url = "/" + "".join(f"{part}/" for part in page.relative_to(site_dir).parts[:-1])
        if url.startswith(("/assets/", "/search/")):
            continue
        english = url.removeprefix("/zh")
        html = page.read_text(encoding="utf-8")
        targets = {
            lang: urljoin(url, href)
            for href, lang in re.findall(r'<a href="([^"]*)" hreflang="(\w+)"', html)
        }
        assert targets == {"en": english, "zh": "/zh" + english}, url


def test_chinese_word_from_mid_sentence_finds_the_zh_home_page(site):
    site_dir, _ = site
    # each language has its own index, locations relative to its root (zh/)
    path = site_dir / "zh" / "search" / "search_index.json"
    index = json.loads(path.read_text(encoding="utf-8"))
    separator = re.compile(index["config"]["separator"])
    hits = {
        doc["location"].split("#")[0]
        for doc in index["docs"]
        if "分词" in separator.split(doc["text"])
    }
    assert "" in hits


def test_each_language_has_its_own_search_index(site):
    site_dir, _ = site
    for folder, lang in [(site_dir, "en"), (site_dir / "zh", "zh")]:
        index = json.loads((folder / "search" / "search_index.json").read_text(encoding="utf-8"))
        assert index["config"]["lang"] == [lang]
        assert not any(doc["location"].startswith("zh/") for doc in index["docs"])


def test_every_page_states_the_versions_and_no_symbol_is_left(site):
    site_dir, _ = site
    for page in site_dir.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        if page.name == "404.html":
            continue
        assert 'class="versions"' in html, page
        # code is not prose: code blocks, and the copy-button text of notebook cells
        code = r"<pre.*?</pre>|<code.*?</code>|<div [^>]*class=\"clipboard-copy-txt\".*?</div>"
        assert "[[" not in re.sub(code, "", html, flags=re.S), page


def test_no_asset_from_a_third_party_host(site):
    site_dir, _ = site
    for page in site_dir.rglob("*.html"):
        found = _EXTERNAL_ASSET.findall(page.read_text(encoding="utf-8"))
        assert not found, f"{page} loads {found}"


def test_no_line_break_between_chinese_characters(site):
    site_dir, _ = site
    cjk = "\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef"
    wrapped = re.compile(rf"[{cjk}]\n\s*[{cjk}]")
    for page in (site_dir / "zh").rglob("*.html"):
        html = re.sub(r"<pre.*?</pre>", "", page.read_text(encoding="utf-8"), flags=re.S)
        found = wrapped.findall(html)
        assert not found, f"{page} renders a space inside Chinese text: {found[:3]}"
