"""The built site in Chromium: every page, one pass per language, then what readers do.

The pass (``site_pass``) opens each page once, from a cold cache, and records what
:func:`check_page` finds; a test asserts each kind of finding over all pages.
"""

import re
import shutil
import xml.etree.ElementTree as ET
from urllib.parse import unquote, urlsplit

import pytest

from tensornotes import languages
from tests.browser import (
    AXE_SCRIPT,
    ChromiumMissing,
    axe_findings,
    chromium_path,
    serve,
    site_pages,
    start_axe,
    transferred_bytes,
    visit,
)

MAX_PAGE_BYTES = 125_000  # gzip, transferred by a cold load of one chapter page
# A part's notebook page holds the whole part (every chapter's prose, code and output
# in one page, and no chart twice): its own budget, a chapter's plus the part's text
# (part 01's eleven chapters: 91 KB of gzip HTML in Chinese).
MAX_NOTEBOOK_PAGE_BYTES = 200_000
# Not counted against them: the tokenizer playground's scripts and vocabulary (about
# 150 KB), which only the pages that carry it load, and the language's search index,
# which every page loads and which grows with the whole site, not with the page: it has
# a budget of its own (102 KB of gzip for the Chinese index with four parts).
NOT_COUNTED = ("/assets/playground/", "/search/search_index.json")
MAX_SEARCH_INDEX_BYTES = 130_000
SECTION_PAGE = "tokenizer/attention-mask/"  # a chapter page, for the switcher and dark mode
CHARTS = "/assets/generated/"  # charts drawn by snippets (tensornotes.figures.save_svg)
MIN_LABEL_PX = 9  # the smallest text of a chart, in CSS px, as rendered at a 1280 px viewport
DESKTOP = {"width": 1280, "height": 800}

# images not loaded or decoded, without a stated size, and charts not linked to themselves
_IMAGE_PROBLEMS = """() => [...document.images].flatMap(img => {
    const src = img.currentSrc || img.src, problems = []
    if (!img.complete || img.naturalWidth === 0) problems.push(`not rendered: ${src}`)
    if (!img.getAttribute('width') || !img.getAttribute('height'))
        problems.push(`no width and height: ${src}`)
    if (src.includes('/assets/generated/') && img.closest('a')?.href !== src)
        problems.push(`chart not linked to its full size: ${src}`)
    return problems
})"""


def open_page(page, url):
    """Open ``url`` and start axe-core on it; return what :func:`page_problems` needs."""
    seen = visit(page, url)
    images = page.evaluate(_IMAGE_PROBLEMS)
    # a Chinese page's code and output are its English twin's, checked there
    start_axe(page, skip_code="/zh/" in url)
    return seen, images


def page_problems(page, opened, site_dir):
    """Wait for the page's axe-core run; return its problems by kind (an empty list when none)."""
    seen, images = opened
    found = {
        "console": seen.console_errors,
        "requests": seen.failed_requests,
        "off-host": seen.foreign_requests,
        "images": images,
        "axe": axe_findings(page),
    }
    counted = [r for r in seen.requests if not any(part in r for part in NOT_COUNTED)]
    size = transferred_bytes(site_dir, counted)
    limit = MAX_NOTEBOOK_PAGE_BYTES if seen.url.endswith("/notebook/") else MAX_PAGE_BYTES
    found["bytes"] = [f"{size} bytes, over {limit}"] if size > limit else []
    return found


def check_page(page, url, site_dir):
    """Open ``url``; return its problems by kind (an empty list when none)."""
    return page_problems(page, open_page(page, url), site_dir)


def cold_page(browser, **options):
    """A page in a fresh context with the HTTP cache off, so every load is a first visit.

    axe-core is loaded into each page it opens, before the page's own scripts.
    """
    context = browser.new_context(**options)
    context.add_init_script(path=AXE_SCRIPT)
    page = context.new_page()
    context.new_cdp_session(page).send("Network.setCacheDisabled", {"cacheDisabled": True})
    return page


def language_pages(site_dir, language):
    """The site's pages of one language: the Chinese ones under ``/zh/``."""
    return [path for path in site_pages(site_dir) if path.startswith("/zh/") == (language == "zh")]


@pytest.fixture(scope="session", params=["en", "zh"])
def site_pass(request, site, served_site, browser):
    """Every page of one language, visited once: ``{path: {kind: [problem, ...]}}``."""
    site_dir, _ = site
    # two tabs of the one browser, in turn: a page loads in one while axe-core checks the
    # page before it in the other (each tab has its own renderer process)
    tabs = [cold_page(browser), cold_page(browser)]
    found, pending = {}, None
    for index, path in enumerate(language_pages(site_dir, request.param)):
        tab = tabs[index % 2]
        opened = (path, tab, open_page(tab, served_site + path[1:]))
        if pending:
            found[pending[0]] = page_problems(pending[1], pending[2], site_dir)
        pending = opened
    if pending:
        found[pending[0]] = page_problems(pending[1], pending[2], site_dir)
    for tab in tabs:
        tab.context.close()
    return found


def test_every_page_of_both_languages_is_visited(site, site_pass):
    site_dir, _ = site
    english, chinese = language_pages(site_dir, "en"), language_pages(site_dir, "zh")
    assert "/" in english and "/zh/" in chinese
    assert ["/zh" + path for path in english] == chinese
    assert set(site_pass) in ({*english}, {*chinese})


def test_each_language_has_a_search_index_within_its_budget(site, served_site):
    site_dir, _ = site
    urls = [
        ("" if language == languages.default() else f"/{language}") + "/search/search_index.json"
        for language in languages.codes()
    ]
    sizes = {url: transferred_bytes(site_dir, [url]) for url in urls}
    assert all(sizes.values()), f"a search index is missing: {sizes}"
    assert max(sizes.values()) <= MAX_SEARCH_INDEX_BYTES, sizes


@pytest.mark.parametrize("kind", ["console", "requests", "off-host", "images", "axe", "bytes"])
def test_no_page_has_problems_of_this_kind(site_pass, kind):
    found = {path: problems[kind] for path, problems in site_pass.items() if problems[kind]}
    assert not found


def switch_language(page, url):
    """Open ``url``, pick the other language in the switcher; return the URL it lands on."""
    visit(page, url)
    other = "en" if "/zh/" in url else "zh"
    page.hover(".md-header__option .md-select")
    with page.expect_navigation():
        page.click(f"a[hreflang={other}]")
    return page.url


def first_anchor(site_dir, path):
    html = (site_dir / path / "index.html").read_text(encoding="utf-8")
    return re.search(r'<h2 id="([^"]+)"', html).group(1)


def test_language_switcher_keeps_the_section(site, served_site, page):
    site_dir, _ = site
    anchor = first_anchor(site_dir, SECTION_PAGE)
    english = f"{served_site}{SECTION_PAGE}#{anchor}"
    chinese = f"{served_site}zh/{SECTION_PAGE}#{anchor}"
    assert switch_language(page, english) == chinese
    assert page.evaluate(f"document.getElementById('{anchor}').getBoundingClientRect().top") < 200
    assert switch_language(page, chinese) == english


def search(page, url, query):
    """Type ``query`` in the search box of ``url``; return ``[(href, [marked words])]``."""
    visit(page, url)
    page.fill(".md-search__input", query)
    page.press(".md-search__input", "End")  # Material searches on keyup
    page.wait_for_selector(".md-search-result__item", state="attached")
    return page.evaluate(
        """[...document.querySelectorAll('.md-search-result__item > a')].map(a =>
            [a.getAttribute('href'), [...a.querySelectorAll('mark')].map(m => m.textContent)])"""
    )


def path_of(href):
    return unquote(urlsplit(href).path)


def test_search_stays_in_the_page_language(served_site, page):
    english = search(page, served_site, "attention mask")
    assert all(not path_of(href).startswith("/zh/") for href, _ in english), english
    assert path_of(english[0][0]) == f"/{SECTION_PAGE}"
    chinese = search(page, served_site + "zh/", "attention_mask")
    assert all(path_of(href).startswith("/zh/") for href, _ in chinese), chinese


@pytest.mark.parametrize(
    ("query", "words", "first"),
    [
        (
            "注意力掩码",
            {"注意力", "掩码"},
            {f"/zh/{SECTION_PAGE}", "/zh/tokenizer/mask-in-attention/"},
        ),
        ("分词", {"分词"}, None),
    ],
)
def test_chinese_search_matches_whole_words(served_site, page, query, words, first):
    results = search(page, served_site + "zh/", query)
    marked = {word for _, marks in results for word in marks}
    # every match starts with a word of the query (分词 finds 分词器), never with a part of one
    assert marked and all(any(m.startswith(w) for w in words) for m in marked), marked
    assert all(any(m.startswith(w) for m in marked) for w in words), marked
    if first:
        # one of the pages about the attention mask ranks first
        assert path_of(results[0][0]) in first


def scheme(page):
    return page.evaluate("document.body.dataset.mdColorScheme")


@pytest.mark.parametrize(("system", "expected"), [("dark", "slate"), ("light", "default")])
def test_the_scheme_follows_the_system_and_toggles(browser, served_site, system, expected):
    page = cold_page(browser, color_scheme=system)
    visit(page, served_site + SECTION_PAGE)
    assert scheme(page) == expected
    if system == "dark":
        assert axe_findings(page) == []
        page.click("label.md-header__button[for^=__palette]:visible")
        assert scheme(page) == "default"  # the toggle's next choice: light
    page.context.close()


def pages_with_charts(site_dir):
    """URL paths of the pages, of both languages, that show a generated chart."""
    chart = re.compile(rf'<img\b[^>]*\bsrc="[^"]*{CHARTS}')
    return [
        path
        for path in site_pages(site_dir)
        if chart.search((site_dir / path[1:] / "index.html").read_text("utf-8"))
    ]


def test_charts_stay_on_white_in_the_dark_scheme(site, browser, served_site):
    site_dir, _ = site
    with_charts = pages_with_charts(site_dir)
    assert with_charts
    page = cold_page(browser, color_scheme="dark")
    visit(page, served_site + with_charts[0][1:])
    backgrounds = page.evaluate(
        "[...document.querySelectorAll('img.chart')].map(i => getComputedStyle(i).backgroundColor)"
    )
    page.context.close()
    assert backgrounds and set(backgrounds) == {"rgb(255, 255, 255)"}


_SVG = "{http://www.w3.org/2000/svg}"
_FONT_SIZE = re.compile(r"font-size:\s*([^;]+)")


def _font_size(element, inherited):
    """The font size an SVG element sets (style or attribute) in user units, else ``inherited``."""
    found = _FONT_SIZE.search(element.get("style", ""))
    value = (found.group(1) if found else element.get("font-size", "")).strip()
    if not value:
        return inherited
    number = re.fullmatch(r"([\d.]+)(px)?", value)
    if not number:
        raise ValueError(f"font size {value!r}: only user units (px or none) are measured")
    return float(number.group(1))


def smallest_label(svg):
    """``(size, label, viewbox_width)``: the smallest text of an SVG chart and its font size.

    The size is in the SVG's user units (the viewBox's); ``label`` is the whole ``<text>``
    the smallest run belongs to (matplotlib writes ``10²`` as three ``<tspan>``s).
    A scaling transform would change the size the text is drawn at: it raises.
    """
    root = ET.fromstring(svg)
    _, _, viewbox_width, _ = (float(v) for v in root.get("viewBox").replace(",", " ").split())
    found = []

    def walk(element, size, label):
        if re.search(r"scale|matrix", element.get("transform", "")):
            raise ValueError(f"a scaling transform ({element.get('transform')}) on chart text")
        size = _font_size(element, size)
        if element.tag == _SVG + "text":
            label = " ".join("".join(t for t in element.itertext() if t.strip()).split())
        if label is not None and (element.text or "").strip():
            found.append((size, label))
        for child in element:
            walk(child, size, label)

    walk(root, 16.0, None)  # 16 px: the SVG default, never reached by matplotlib's text
    if not found:
        raise ValueError("the chart holds no <text>: save it with svg.fonttype none")
    size, label = min(found)
    return size, label, viewbox_width


def chart_source(chart):
    """The generated file a chart URL serves: zh/ pages get the ``.zh.svg`` twin."""
    name = chart.rsplit("/", 1)[1]
    if chart.startswith("/zh/"):
        name = name.removesuffix(".svg") + ".zh.svg"
    return f"docs/assets/generated/{name}"


def label_problem(page_path, chart, css_width, svg):
    """``(px, problem)``: the chart's smallest label in CSS px, and why it is too small, or None."""
    size, label, viewbox_width = smallest_label(svg)
    px = size * css_width / viewbox_width
    if px >= MIN_LABEL_PX:
        return px, None
    return px, (
        f"{page_path}: {chart_source(chart)} is drawn {css_width:.0f} px wide, so its label "
        f"{label!r} (font size {size:g} in a viewBox {viewbox_width:g} wide) renders at "
        f"{px:.2f} px, under {MIN_LABEL_PX} px; fix: give that text a larger font size in the "
        "chart's snippet (or in tensornotes.figures.chart_style for every chart), or draw the "
        "figure narrower (figsize), then run `python -m tensornotes generate` on the snippet"
    )


# each chart's URL path and its content width in CSS px (padding and border off)
_CHART_WIDTHS = """(charts) => [...document.images]
    .filter(img => new URL(img.currentSrc || img.src).pathname.includes(charts))
    .map(img => {
        const style = getComputedStyle(img), sides = ['Left', 'Right']
        const inset = sides.reduce((sum, side) => sum + parseFloat(style['padding' + side])
            + parseFloat(style['border' + side + 'Width']), 0)
        return [new URL(img.currentSrc || img.src).pathname,
                img.getBoundingClientRect().width - inset]
    })"""


def test_the_label_check_fails_on_a_small_label():
    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 100">'
        '<text style="font-size: 10px">axis label</text>'
        '<g transform="translate(5 5)"><text style="font-size: 10px">'
        '<tspan>10</tspan><tspan style="font-size: 6px">2</tspan></text></g></svg>'
    )
    assert smallest_label(svg) == (6.0, "102", 400.0)
    px, problem = label_problem("/zh/some/page/", "/zh/assets/generated/chart.svg", 500, svg)
    assert px == 7.5
    assert "/zh/some/page/: docs/assets/generated/chart.zh.svg" in problem
    assert "'102'" in problem and "7.50 px" in problem and "tensornotes generate" in problem
    assert label_problem("/", "/assets/generated/chart.svg", 600, svg) == (9.0, None)
    with pytest.raises(ValueError, match="scaling"):
        smallest_label(svg.replace("translate(5 5)", "scale(2)"))


def test_chart_labels_are_readable_at_1280_px(site, browser, served_site):
    site_dir, _ = site
    with_charts = pages_with_charts(site_dir)
    assert any(path.startswith("/zh/") for path in with_charts)
    page = cold_page(browser, viewport=DESKTOP)
    sizes, problems = {}, []
    for path in with_charts:
        visit(page, served_site + path[1:])
        charts = page.evaluate(_CHART_WIDTHS, CHARTS)
        assert charts, f"{path}: no chart found in the rendered page"
        for chart, css_width in charts:
            svg = (site_dir / unquote(chart)[1:]).read_text(encoding="utf-8")
            px, problem = label_problem(path, chart, css_width, svg)
            sizes[f"{path} {chart_source(chart)}"] = round(px, 2)
            problems += [problem] if problem else []
    page.context.close()
    print("smallest chart label, CSS px:", *sorted(sizes.items()), sep="\n  ")
    assert not problems, "\n".join(problems)


def test_a_broken_copy_fails_the_checks(site, browser, page, tmp_path):
    """A console error, a contrast failure and a lost anchor, in a copy of a page."""
    site_dir, _ = site
    copy = tmp_path / "site"
    shutil.copytree(site_dir, copy)
    target = copy / SECTION_PAGE / "index.html"
    broken = target.read_text(encoding="utf-8").replace(
        "</head>",
        "<script>console.error('broken')</script>"
        "<style>.highlight .c1 { color: #bbb !important }</style></head>",
    )
    broken = re.sub(r"<script>[^<]*keepSectionInLanguageLinks[^<]*</script>", "", broken)
    assert "keepSectionInLanguageLinks" not in broken
    target.write_text(broken, encoding="utf-8")
    anchor = first_anchor(copy, SECTION_PAGE)
    with serve(copy) as url:
        found = check_page(cold_page(browser), url + SECTION_PAGE, copy)
        landed = switch_language(page, f"{url}{SECTION_PAGE}#{anchor}")
    assert any("broken" in line for line in found["console"])
    assert any(line.startswith("color-contrast") for line in found["axe"])
    assert landed == f"{url}zh/{SECTION_PAGE}"  # the section is lost


def test_a_missing_chromium_fails_saying_how_to_provide_one(monkeypatch, tmp_path):
    monkeypatch.setenv("CHROME_PATH", str(tmp_path / "no-chromium"))
    with pytest.raises(ChromiumMissing, match="apt-get install -y chromium"):
        chromium_path()
