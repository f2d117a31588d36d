"""Collect the site's corrections of the notes: every ``Correction`` admonition, in nav order.

A page corrects the notes in an admonition titled ``Correction`` (``更正`` on
Chinese pages) whose first sentence states the notes' claim and whose next
sentence corrects it; the proof follows in the same section. The corrections
page lists them all, grouped by part, from the pages themselves: the build
expands ``[[corrections]]`` with [`render`][tensornotes.corrections.render].
"""

from __future__ import annotations

import posixpath
import re
import textwrap
from dataclasses import dataclass
from pathlib import Path

from tensornotes.cjk import join_cjk_lines
from tensornotes.languages import localized, strings
from tensornotes.pages import Admonition, Heading, Page, Prose
from tensornotes.project import Part, nav_parts

__all__ = ["Correction", "collect", "render", "title"]


# full-width punctuation (，：。 and the like): Chinese puts no space on either side of it
_FULL_WIDTH_PUNCTUATION = re.compile(
    "[\u3000-\u303f\uff00-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65]"
)
_SENTENCE_END = {
    "en": re.compile(r"(?<=[.!?])\s+(?=[A-Z`(\[\"'])"),
    "zh": re.compile(r"(?<=[。！？])"),
}
_RELATIVE_LINK = re.compile(r"\]\((?!https?:|#|/)(?P<target>[^)\s]+\.md)(?P<anchor>#[^)\s]*)?\)")


def title(lang: str) -> str:
    """Return the admonition title that marks a correction in ``lang``."""
    return strings(lang)["corrections"]["title"]


@dataclass(frozen=True)
class Correction:
    """One correction admonition: where it stands, the notes' claim and its correction."""

    page: str
    """The page's path under ``docs/`` (``tokenizer/call-chain.md``)."""
    page_title: str
    section: str
    """The heading above the admonition, and its anchor (the proof is in that section)."""
    anchor: str
    claim: str
    """The admonition's first sentence: what the notes say."""
    correction: str
    """Its next sentence: what holds instead."""


def _sentences(paragraph: str, lang: str) -> list[str]:
    return [part.strip() for part in _SENTENCE_END[lang].split(paragraph) if part.strip()]


def _first_paragraph(lines: list[str]) -> str:
    """The first paragraph as one line.

    Lines wrapped between Chinese characters join as on the page
    ([`join_cjk_lines`][tensornotes.cjk.join_cjk_lines]); the other breaks become
    spaces, except beside full-width punctuation, which takes none.
    """
    text = textwrap.dedent("\n".join(lines)).strip("\n").split("\n\n", 1)[0]
    joined = ""
    for line in join_cjk_lines(text).splitlines():
        line = line.strip()
        touching = any(_FULL_WIDTH_PUNCTUATION.match(char) for char in (joined[-1:], line[:1]))
        joined += line if touching or not joined else " " + line
    return joined


def _rebase_links(text: str, page: str, target_page: str) -> str:
    """Make links relative to ``page`` work from ``target_page``."""
    here, there = posixpath.dirname(page), posixpath.dirname(target_page)

    def rebase(match: re.Match) -> str:
        target = posixpath.normpath(posixpath.join(here, match["target"]))
        return f"]({posixpath.relpath(target, there or '.')}{match['anchor'] or ''})"

    return _RELATIVE_LINK.sub(rebase, text)


def _page_corrections(docs: Path, page: str, lang: str) -> list[Correction]:
    source = Page(docs / localized(page, lang))
    page_title = next((h.text for h in source.headings if h.level == 1), page)
    found, section, anchor = [], page_title, ""
    for block in source.walk():
        if isinstance(block, Heading) and block.level > 1:
            section, anchor = block.text, block.anchor
        if not (
            isinstance(block, Admonition)
            and block.kind == "warning"
            and block.title == title(lang)
        ):
            continue
        first = block.children[0] if block.children else None
        body = list(first.lines) if isinstance(first, Prose) else []
        sentences = _sentences(_first_paragraph(body), lang)
        if len(sentences) < 2 or sentences[1].endswith((":", "：")):
            raise ValueError(
                f"docs/{localized(page, lang)}:{source.body_line + block.start + 1}: a "
                f"{title(lang)!r} admonition under {section!r} must open with the notes' claim "
                "and its correction, in the first two sentences of its first paragraph (the "
                "second not ending in a colon)"
            )
        found.append(Correction(page, page_title, section, anchor, sentences[0], sentences[1]))
    return found


def collect(docs: Path, nav: list, lang: str) -> list[tuple[Part, list[Correction]]]:
    """Return, for each part of the nav, the corrections on its pages in ``lang``, in order."""
    title(lang)  # an unknown language raises here
    return [
        (part, [c for page in part.pages for c in _page_corrections(docs, page, lang)])
        for part in nav_parts(nav)
    ]


def render(docs: Path, nav: list, lang: str, page: str) -> str:
    """Return the Markdown list of every correction, grouped by part, for the page ``page``."""
    text = strings(lang)["corrections"]
    said, corrected, proof = text["headings"]
    colon = text["colon"]
    blocks = []
    for part, corrections in collect(docs, nav, lang):
        if not corrections:
            continue
        part_title = part.title
        if part.index:
            part_title = Page(docs / localized(part.index, lang)).headings[0].text
        # the same anchor in both languages (a Chinese title has no slug of its own)
        anchor = re.sub(r"[^a-z0-9]+", "-", part.title.lower()).strip("-")
        blocks.append(f"## {part_title} {{ #{anchor} }}\n")
        for c in corrections:
            link = posixpath.relpath(c.page, posixpath.dirname(page) or ".")
            claim = _rebase_links(c.claim, c.page, page)
            correction = _rebase_links(c.correction, c.page, page)
            blocks.append(
                f"- **{c.page_title} › {c.section}**\n"
                f"    - {said}{colon}{claim}\n"
                f"    - {corrected}{colon}{correction}\n"
                f"    - [{proof}{colon}{c.page_title} › {c.section}]({link}#{c.anchor})\n"
            )
    return "\n".join(blocks)
