"""Read a documentation page: front matter, headings, embeds, source symbols, prose numbers."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import yaml
from markdown.extensions.toc import slugify

from tensornotes.languages import language_of, source_of

__all__ = ["Heading", "Page", "english_of", "normalize_number"]

_FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.S)
_FENCE = re.compile(
    r"^(?P<indent> *)(?P<fence>`{3,}|~{3,})(?P<info>[^\n]*)\n.*?^(?P=indent)(?P=fence)\s*$",
    re.S | re.M,
)
# a Markdown heading, with its { #anchor } when it has one; an embed line of a snippet
HEADING = re.compile(
    r"^(?P<hashes>#{1,6})\s+(?P<text>.*?)(?:\s+\{\s*#(?P<anchor>[\w-]+)\s*\})?\s*$", re.M
)
EMBED = re.compile(r'^\s*--8<--\s+"([^"]+)"\s*$', re.M)
_MARKER = re.compile(r"\[\[[^\]\n]+\]\]")
_IMAGE = re.compile(r"!\[[^\]]*\]\(([^)\s]+)")
_LINK_TARGET = re.compile(r"\]\([^)]*\)|<[^>]+>|https?://\S+")
# a number, not part of a version (5.23.0) or an identifier; Chinese text may touch it
_NUMBER = re.compile(
    r"(?<![A-Za-z0-9_.])(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?![A-Za-z0-9_]|\.\d)"
)


def normalize_number(text: str) -> str:
    """Drop thousands separators: ``109,482,240`` -> ``109482240``."""
    return text.replace(",", "")


@dataclass(frozen=True)
class Heading:
    """A heading's level and anchor, as the built page will have them."""

    level: int
    anchor: str
    text: str


class Page:
    """One Markdown page of ``docs/``."""

    def __init__(self, path: Path | str):
        self.path = Path(path)
        self.text = self.path.read_text(encoding="utf-8")
        match = _FRONT_MATTER.match(self.text)
        self.meta: dict = (yaml.safe_load(match.group(1)) or {}) if match else {}
        self.body = self.text[match.end() :] if match else self.text

    @property
    def is_zh(self) -> bool:
        """Whether this is the Chinese page (``page.zh.md``)."""
        return language_of(self.path) == "zh"

    @cached_property
    def prose(self) -> str:
        """The body without code blocks, so code never counts as prose."""
        return _FENCE.sub("", self.body)

    @cached_property
    def headings(self) -> list[Heading]:
        """Headings with the anchor the toc extension gives them (explicit or slugified)."""
        return [
            Heading(len(hashes), anchor or slugify(text, "-"), text)
            for hashes, text, anchor in HEADING.findall(self.prose)
        ]

    @cached_property
    def embeds(self) -> list[str]:
        """The ``--8<--`` targets, in order (``snippets/x.py:section``)."""
        return EMBED.findall(self.body)

    @cached_property
    def markers(self) -> list[str]:
        """The ``[[...]]`` markers (source symbols, ``[[versions]]``), in order."""
        return _MARKER.findall(self.prose)

    @cached_property
    def images(self) -> list[str]:
        """The image targets, in order."""
        return _IMAGE.findall(self.prose)

    @cached_property
    def numbers(self) -> set[str]:
        """Numbers stated in prose, thousands separators dropped.

        Headings, code blocks, markers, link targets and HTML tags are not
        prose; integers below 10 are left out (ordinals, list counts).
        """
        text = HEADING.sub("", self.prose)
        text = _MARKER.sub("", text)
        text = _LINK_TARGET.sub("", text)
        found = set()
        for match in _NUMBER.finditer(text):
            number = normalize_number(match.group(0))
            if "." in number or int(number) >= 10:
                found.add(number)
        return found


def english_of(zh_path: Path) -> Path:
    """Return the English page that ``page.zh.md`` translates."""
    return source_of(zh_path)
