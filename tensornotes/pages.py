"""Read a documentation page once, into blocks with line spans.

A page is front matter and a body. [`parse`][tensornotes.pages.parse] splits a
body into blocks, each with the lines it spans: headings (with the anchor the
site gives them), code fences (with the snippet sections they embed),
admonitions and content tabs (with their type, modifiers, title and child
blocks) and prose, the lines in between. Notebooks, corrections, Chinese line
joining, translation parity, prose numbers, the glossary check and drift all
read pages through it, so they agree on what is code and what is prose. A line
the model cannot read (an admonition line it cannot parse, a fence that never
closes) raises [`PageError`][tensornotes.pages.PageError] with the file and line.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import yaml
from markdown.extensions.toc import slugify

from tensornotes.languages import language_of, source_of

__all__ = [
    "EMBED",
    "FRONT_MATTER",
    "HEADING",
    "IMAGE",
    "Admonition",
    "Block",
    "Fence",
    "Heading",
    "Page",
    "PageError",
    "Prose",
    "code_lines",
    "english_of",
    "normalize_number",
    "parse",
]

FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.S)
"""A page's YAML front matter, between two ``---`` lines at the top."""
# a Markdown heading, with its { #anchor } when it has one; an embed line of a snippet
HEADING = re.compile(
    r"^(?P<hashes>#{1,6})\s+(?P<text>.*?)(?:\s+\{\s*#(?P<anchor>[\w-]+)\s*\})?\s*$", re.M
)
EMBED = re.compile(r'^\s*--8<--\s+"([^"]+)"\s*$', re.M)
IMAGE = re.compile(r"!\[(?P<alt>[^\]]*)\]\((?P<target>[^)\s]+)\)")
"""An image: ``![alt](target)``."""
_FENCE = re.compile(
    r"^(?P<quote>(?:[ \t]*>[ \t]?)*)(?P<indent> *)(?P<fence>`{3,}|~{3,})(?P<info>.*)$"
)
_CONTAINER = re.compile(r"^(?P<indent> *)(?P<marker>!!!|\?\?\?\+?|===[!+]?)(?=\s|$)(?P<rest>.*)$")
_CONTAINER_REST = re.compile(r'^\s*(?P<words>[\w-]+(?:\s+[\w-]+)*)?\s*(?:"(?P<title>[^"]*)")?\s*$')
_MARKER = re.compile(r"\[\[[^\]\n]+\]\]")
_LINK_TARGET = re.compile(r"\]\([^)]*\)|<[^>]+>|https?://\S+")
# a number, not part of a version (5.23.0) or an identifier; Chinese text may touch it
_NUMBER = re.compile(
    r"(?<![A-Za-z0-9_.])(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?![A-Za-z0-9_]|\.\d)"
)


class PageError(ValueError):
    """A page holds a line the page model cannot read."""


def normalize_number(text: str) -> str:
    """Drop thousands separators: ``109,482,240`` -> ``109482240``."""
    return text.replace(",", "")


@dataclass(frozen=True)
class Heading:
    """A heading: its level, text and the anchor the built page gives it."""

    start: int
    """Index of its line in the lines parsed (0-based, as every span here)."""
    level: int
    text: str
    anchor: str
    """Its ``{ #anchor }``, or the slug the toc extension makes of its text."""

    @property
    def end(self) -> int:
        return self.start + 1


@dataclass(frozen=True)
class Fence:
    """A fenced code block, from its opening line to its closing line."""

    start: int
    end: int
    """Index after its closing line."""
    quote: str
    """The blockquote prefix before the fence (``>`` for a fence inside a quote), or ``""``."""
    info: str
    """The info string after the fence (``python``, ``{.python notest}``)."""
    code: tuple[str, ...]
    """The lines between the fences, the fence's quote prefix and indent removed."""
    lines: tuple[str, ...]
    """Every line of the fence as written, the two fence lines included."""

    @property
    def embeds(self) -> tuple[str, ...]:
        """The snippet sections the fence embeds (``snippets/x.py:name``), in order."""
        return tuple(match.group(1) for line in self.code if (match := EMBED.match(line)))

    @property
    def only_embeds(self) -> bool:
        """Whether every non-blank line is an embed (the fence shows snippet code only)."""
        lines = [line for line in self.code if line.strip()]
        return bool(lines) and len(self.embeds) == len(lines)


@dataclass(frozen=True)
class Admonition:
    """An admonition (``!!!``, ``???``, ``???+``) or a content tab (``===``) and its body."""

    start: int
    end: int
    """Index after the last line of its body (trailing blank lines excluded)."""
    indent: int
    """Spaces before the marker; the body is indented four more."""
    marker: str
    kind: str
    """The admonition's type (``note``, ``warning``); ``""`` for a tab."""
    modifiers: tuple[str, ...]
    """Words after the type (``inline``, ``end``)."""
    title: str | None
    """The quoted title, or None when there is none."""
    children: tuple[Block, ...]
    """The blocks of its body, parsed from the body dedented (spans stay the page's)."""

    @property
    def label(self) -> str:
        """The title the site shows: the quoted one, else the type capitalized."""
        return self.title if self.title is not None else self.kind.capitalize()


@dataclass(frozen=True)
class Prose:
    """A run of lines that are none of the above (paragraphs, lists, tables, HTML)."""

    start: int
    end: int
    lines: tuple[str, ...]
    """The lines, with the enclosing admonitions' indents removed."""


Block = Heading | Fence | Admonition | Prose


def _fence_end(lines: list[str], start: int, opening: re.Match, where: str, first: int = 0) -> int:
    mark, width = opening["fence"][0], len(opening["fence"])
    quote = opening["quote"].replace(" ", "").replace("\t", "")
    for end in range(start + 1, len(lines)):
        closing = _FENCE.match(lines[end])
        if (
            closing
            and closing["quote"].replace(" ", "").replace("\t", "") == quote
            and closing["indent"] == opening["indent"]
            and closing["fence"][0] == mark
            and len(closing["fence"]) >= width
            and not closing["info"].strip()
        ):
            return end + 1
    raise PageError(f"{where}:{first + start + 1}: this code fence is never closed")


def code_lines(lines: list[str], where: str = "<text>") -> set[int]:
    """Return the indexes of the lines that belong to code fences (fence lines included)."""
    found: set[int] = set()
    index = 0
    while index < len(lines):
        opening = _FENCE.match(lines[index])
        if opening:
            end = _fence_end(lines, index, opening, where)
            found.update(range(index, end))
            index = end
        else:
            index += 1
    return found


def parse(
    lines: list[str], where: str = "<text>", offset: int = 0, first: int = 0
) -> tuple[Block, ...]:
    """Split lines into blocks.

    Spans count from ``offset``; errors name the file ``where`` and its line, the
    lines parsed starting after ``first`` lines of the file (its front matter).
    """
    blocks: list[Block] = []
    prose_start, index = 0, 0

    def flush(upto: int) -> None:
        if upto > prose_start:
            run = tuple(lines[prose_start:upto])
            blocks.append(Prose(offset + prose_start, offset + upto, run))

    while index < len(lines):
        line = lines[index]
        fence = _FENCE.match(line)
        container = None if fence else _CONTAINER.match(line)
        heading = None if fence or container else HEADING.match(line)
        if not (fence or container or heading):
            index += 1
            continue
        flush(index)
        if fence:
            end = _fence_end(lines, index, fence, where, first + offset)
            cut = len(fence["quote"]) + len(fence["indent"])
            code = tuple(text[cut:] for text in lines[index + 1 : end - 1])
            fenced = tuple(lines[index:end])
            blocks.append(
                Fence(offset + index, offset + end, fence["quote"], fence["info"], code, fenced)
            )
        elif container:
            blocks.append(_admonition(lines, index, container, where, offset, first))
            end = blocks[-1].end - offset
        else:
            anchor = heading["anchor"] or slugify(heading["text"], "-")
            blocks.append(Heading(offset + index, len(heading["hashes"]), heading["text"], anchor))
            end = index + 1
        prose_start = index = end
    flush(len(lines))
    return tuple(blocks)


def _admonition(
    lines: list[str], index: int, match: re.Match, where: str, offset: int, first: int
) -> Admonition:
    line = first + offset + index + 1
    rest = _CONTAINER_REST.match(match["rest"])
    if rest is None:
        raise PageError(f"{where}:{line}: cannot read this admonition or tab line")
    words = (rest["words"] or "").split()
    if match["marker"].startswith("===") and words:
        raise PageError(f"{where}:{line}: a content tab takes a quoted title only")
    indent = len(match["indent"])
    body_indent = " " * (indent + 4)
    end = last = index + 1
    while end < len(lines) and (not lines[end].strip() or lines[end].startswith(body_indent)):
        end += 1
        if lines[end - 1].strip():
            last = end
    body = [text[indent + 4 :] for text in lines[index + 1 : last]]
    return Admonition(
        start=offset + index,
        end=offset + last,
        indent=indent,
        marker=match["marker"],
        kind=words[0] if words else "",
        modifiers=tuple(words[1:]),
        title=rest["title"],
        children=parse(body, where, offset + index + 1, first),
    )


def walk(blocks: tuple[Block, ...]) -> Iterator[Block]:
    """Yield every block, admonitions' children after their admonition, in page order."""
    for block in blocks:
        yield block
        if isinstance(block, Admonition):
            yield from walk(block.children)


class Page:
    """One Markdown page of ``docs/``, read once."""

    def __init__(self, path: Path | str):
        self.path = Path(path)
        self.text = self.path.read_text(encoding="utf-8")
        match = FRONT_MATTER.match(self.text)
        self.meta: dict = (yaml.safe_load(match.group(1)) or {}) if match else {}
        self.body = self.text[match.end() :] if match else self.text
        self.body_line = self.text[: match.end()].count("\n") if match else 0
        """Index of the body's first line in the file."""

    @property
    def is_zh(self) -> bool:
        """Whether this is the Chinese page (``page.zh.md``)."""
        return language_of(self.path) == "zh"

    @cached_property
    def lines(self) -> list[str]:
        """The body's lines."""
        return self.body.split("\n")

    @cached_property
    def blocks(self) -> tuple[Block, ...]:
        """The body's blocks; spans index [`lines`][tensornotes.pages.Page.lines]."""
        return parse(self.lines, str(self.path), first=self.body_line)

    def walk(self) -> Iterator[Block]:
        """Every block of the page, nested ones included, in page order."""
        return walk(self.blocks)

    @cached_property
    def prose(self) -> str:
        """The body without code fences (in quotes and admonitions too): code is never prose."""
        fences = [block for block in self.walk() if isinstance(block, Fence)]
        code = {i for fence in fences for i in range(fence.start, fence.end)}
        return "\n".join(line for i, line in enumerate(self.lines) if i not in code)

    @cached_property
    def headings(self) -> list[Heading]:
        """Headings with the anchor the toc extension gives them (explicit or slugified)."""
        return [block for block in self.walk() if isinstance(block, Heading)]

    @cached_property
    def embeds(self) -> list[str]:
        """The ``--8<--`` targets, in order (``snippets/x.py:section``)."""
        return [t for block in self.walk() if isinstance(block, Fence) for t in block.embeds]

    @cached_property
    def markers(self) -> list[str]:
        """The ``[[...]]`` markers (source symbols, ``[[versions]]``), in order."""
        return _MARKER.findall(self.prose)

    @cached_property
    def images(self) -> list[str]:
        """The image targets, in order."""
        return [match["target"] for match in IMAGE.finditer(self.prose)]

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
