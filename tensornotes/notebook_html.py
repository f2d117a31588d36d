"""Trim mkdocs-jupyter's rendering of a notebook to the site's own look and weight.

nbconvert's template brings about 600 KB of JupyterLab CSS, a copy-button script,
MathJax and mermaid loaders, and embeds every chart as a ``data:`` URI. On the
site, a notebook page is one more page of its part, so :func:`trim` keeps the
cells and drops the rest:

- styles, scripts and comments of the template go (``notebook.css`` styles what
  is left, and Material's own copy button serves the code cells);
- a code cell's highlighted source becomes a Material code block
  (``div.highlight > pre > code``), with the site's contrast-checked colours in
  both schemes;
- a chart embedded as a ``data:`` URI links to the site's copy of the same bytes
  (the same file the chapter shows), so the page carries it once and
  ``hooks/images.py`` sizes it like any other image;
- headings get the site's permalinks, and :func:`toc_tokens` reads the table of
  contents from them (mkdocs-jupyter's own loses headings that start with code).
"""

from __future__ import annotations

import base64
import hashlib
import html as html_lib
import re

_TEMPLATE_PARTS = re.compile(
    r"<style\b[^>]*>.*?</style>"
    r"|<script\b[^>]*>.*?</script>"
    r"|<!--.*?-->"
    r'|<div class="zeroclipboard-container">.*?</clipboard-copy>\s*</div>'
    r'|<div class="clipboard-copy-txt"[^>]*>.*?</div>'
    r'|<div class="celltoolbar">\s*<div class="button_container[^"]*">.*?</div>\s*</div>',
    re.S,
)
_CODE = re.compile(
    r'<div class="highlight-ipynb hl-(?P<lexer>[\w-]+)"><pre>(?:<span></span>)?'
    r"(?P<code>.*?)</pre></div>",
    re.S,
)
_CODE_CELL = re.compile(r'<div class="jp-Cell jp-CodeCell[^"]*" id="cell-id=')
_LEFT_OVER = re.compile(r"<style\b|<script\b|highlight-ipynb|zeroclipboard|clipboard-copy")
_FOCUSABLE_INPUT = re.compile(r'(<div class="jp-Cell-inputWrapper") tabindex="0"')
_ANCHOR_LINK = re.compile(r'<a class="anchor-link" href="#[^"]*">¶</a>')
_HEADING = re.compile(r'<h(?P<level>[1-6]) id="(?P<id>[^"]*)">(?P<inner>.*?)</h(?P=level)>', re.S)
_TAG = re.compile(r"<[^>]+>")
_TARGET = re.compile(r'\s*<a id="(?P<id>[\w-]+)"></a>')
_DATA_IMAGE = re.compile(r'\bsrc="data:image/[\w.+-]+;base64,(?P<data>[A-Za-z0-9+/=\s]+)"')


class NotebookHtmlError(ValueError):
    """A rendered notebook holds something the site cannot show as the site's own."""


def digest(data: bytes) -> str:
    """Return the key under which :func:`trim` looks up an image's bytes."""
    return hashlib.sha256(data).hexdigest()


def trim(html: str, image_urls: dict[str, str]) -> str:
    """Return a notebook page's HTML without the template's styles and scripts.

    ``image_urls`` maps :func:`digest` of an image's bytes to the URL, relative to
    the page, of the site's copy of that image. An embedded image with no copy on
    the site raises :class:`NotebookHtmlError`: the page would carry it inline.
    """
    code_cells = len(_CODE_CELL.findall(html))
    html = _TEMPLATE_PARTS.sub("", html)
    html, converted = _CODE.subn(
        lambda m: (
            f'<div class="language-{m["lexer"]} highlight"><pre><span></span>'
            f"<code>{m['code']}</code></pre></div>"
        ),
        html,
    )
    # nbconvert's class names are what this reads: a change must fail, not pass unnoticed
    left = _LEFT_OVER.search(html)
    if left:
        raise NotebookHtmlError(
            f"nbconvert's template changed: {left.group(0)!r} is left after trimming "
            "(tensornotes.notebook_html)"
        )
    if converted < code_cells:
        raise NotebookHtmlError(
            f"nbconvert's template changed: {converted} of {code_cells} code cells became "
            "the site's code blocks (tensornotes.notebook_html)"
        )
    html = _FOCUSABLE_INPUT.sub(r"\1", html)
    html = _ANCHOR_LINK.sub("", html)
    seen: dict[str, int] = {"section": 1}

    def permalinked(match: re.Match) -> str:
        # the page's own anchor, which the notebook keeps as an empty link target in the
        # heading: the same in both languages (nbconvert's id is the heading's slug, empty
        # for a heading of Chinese characters only)
        inner = match["inner"]
        target = _TARGET.search(inner)
        anchor = target["id"] if target else match["id"] or "section"
        if match["level"] == "1":
            anchor = "notebook"  # the notebook's title, in any language
        inner = _TARGET.sub("", inner).rstrip()
        # a part repeats headings ("Check yourself"); ids stay unique as Markdown's are
        count = seen.get(anchor, 0)
        seen[anchor] = count + 1
        if count:
            anchor = f"{anchor}_{count}"
        link = f'<a class="headerlink" href="#{anchor}" title="Permanent link">¶</a>'
        return f'<h{match["level"]} id="{anchor}">{inner}{link}</h{match["level"]}>'

    html = _HEADING.sub(permalinked, html)

    def linked(match: re.Match) -> str:
        data = base64.b64decode(re.sub(r"\s", "", match["data"]))
        url = image_urls.get(digest(data))
        if url is None:
            raise NotebookHtmlError(
                f"an embedded image ({len(data)} bytes, sha256 {digest(data)[:12]}) "
                "is not a file of the site"
            )
        return f'src="{url}"'

    return _DATA_IMAGE.sub(linked, html)


def toc_tokens(html: str, levels: range = range(2, 4)) -> list[dict]:
    """Return the table of contents of a trimmed page, as MkDocs' ``get_toc`` reads it.

    Headings of ``levels`` only (the ``h1`` is the page's title), nested by level.
    """
    tokens: list[dict] = []
    stack: list[dict] = []
    for match in _HEADING.finditer(html):
        level = int(match["level"])
        if level not in levels:
            continue
        inner = re.sub(r'<a class="headerlink".*?</a>', "", match["inner"], flags=re.S)
        name = html_lib.unescape(_TAG.sub("", inner)).strip()
        token = {"level": level, "id": match["id"], "name": name, "children": []}
        while stack and stack[-1]["level"] >= level:
            stack.pop()
        (stack[-1]["children"] if stack else tokens).append(token)
        stack.append(token)
    return tokens
