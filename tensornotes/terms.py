"""One Chinese term per concept: read it from the glossary and find the variants it rules out.

The terms table of ``docs/reference/glossary.zh.md`` gives, for each concept,
the one Chinese term (column ``中文``) and the variants the Chinese text does not
use (column ``不用的说法``, separated by ``、``; ``—`` for none). The English
glossary repeats both columns, row for row. A variant is plain text, not a
pattern: a space in it stands for any space or none, and Latin letters match in
either case. A variant never counts where it is part of a term of the table:
the offsets variant does not match inside the offsets term that contains it.

Chinese text is checked wherever readers see it: the zh pages and the markdown
cells of the zh notebooks (prose only, code spans and code blocks left out;
the glossary's banned column and the section that explains it are the one
place that names the variants), the ``<text>`` of the zh charts, the Chinese
strings of the snippets, hooks and package (labels of charts, notebooks and
page widgets) and the Chinese lines of ``mkdocs.yml``.
"""

from __future__ import annotations

import ast
import html
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from tensornotes.cjk import CJK
from tensornotes.pages import HEADING, code_lines

__all__ = [
    "GLOSSARY",
    "Term",
    "Violation",
    "banned_uses",
    "check_markdown",
    "check_notebook",
    "check_project",
    "check_python",
    "check_svg",
    "check_text",
    "chinese_sources",
    "glossary_terms",
]

GLOSSARY = Path("docs/reference/glossary.zh.md")
"""The Chinese glossary, relative to the project root: the source of the Chinese terms."""

_TERMS_ANCHOR = "terms"
_AVOIDS_ANCHOR = "chinese-terms-the-site-avoids"
_TERM_COLUMN = "中文"
_BANNED_COLUMN = {"zh": "不用的说法", "en": "Not used in Chinese"}
_NONE = "—"
_HAS_CJK = re.compile(f"[{CJK}]")
_CODE_SPAN = re.compile(r"(`+)(?!`).+?(?<!`)\1(?!`)")
_CELL_SPLIT = re.compile(r"(?<!\\)\|")
_SVG_TEXT = re.compile(r"<text\b[^>]*>(?P<text>.*?)</text>", re.S)
_TAG = re.compile(r"<[^>]+>")


@dataclass(frozen=True)
class Term:
    """One row of the glossary: the concept, its Chinese term and the variants not used."""

    concept: str
    """The row's first column, as written: ``normalizer``, or ``offset_mapping`` in backticks."""
    term: str
    """The ``中文`` column, as written (``注意力掩码（`attention_mask`）``)."""
    banned: tuple[str, ...]
    """The variants the Chinese text does not use for this concept."""

    @property
    def forms(self) -> list[str]:
        """The Chinese words of the term: ``文本对（句子对）`` -> ``文本对``, ``句子对``."""
        words = re.split(r"[（）()、]", _CODE_SPAN.sub("", self.term))
        return [word.strip() for word in words if _HAS_CJK.search(word)]


@dataclass(frozen=True)
class Violation:
    """A banned variant found in Chinese text: where, which, and the term to use."""

    path: str
    where: str
    """``line 12``, or ``cell 30, line 2`` in a notebook."""
    variant: str
    term: Term

    def __str__(self) -> str:
        return (
            f"{self.path}, {self.where}: {self.variant!r} -> use {self.term.term!r} "
            f"({self.term.concept})"
        )


def _heading_line(lines: list[str], anchor: str) -> int:
    for index, line in enumerate(lines):
        heading = HEADING.match(line)
        if heading and heading["anchor"] == anchor:
            return index
    raise ValueError(f"no heading {{ #{anchor} }}")


def _table(lines: list[str], anchor: str) -> tuple[list[str], list[tuple[int, list[str]]]]:
    """The first table under the heading ``anchor``: header cells, (line index, cells) rows."""
    start = _heading_line(lines, anchor)
    rows = []
    for index in range(start + 1, len(lines)):
        line = lines[index].strip()
        if HEADING.match(line):
            break
        if line.startswith("|"):
            rows.append((index, [cell.strip() for cell in _CELL_SPLIT.split(line.strip("|"))]))
        elif rows:
            break
    if len(rows) < 3:
        raise ValueError(f"no table under {{ #{anchor} }}")
    return rows[0][1], rows[2:]


def _split_variants(cell: str) -> tuple[str, ...]:
    if cell in ("", _NONE):
        return ()
    return tuple(variant.strip() for variant in cell.split("、") if variant.strip())


def glossary_terms(path: Path | str = GLOSSARY, lang: str = "zh") -> list[Term]:
    """Parse a glossary page's terms table into (concept, Chinese term, banned variants) rows.

    ``lang`` names the page's language, which names the banned column (``不用的说法``
    on the Chinese page, ``Not used in Chinese`` on the English one).
    """
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    header, rows = _table(lines, _TERMS_ANCHOR)
    term_column, banned_column = header.index(_TERM_COLUMN), header.index(_BANNED_COLUMN[lang])
    return [
        Term(cells[0], cells[term_column], _split_variants(cells[banned_column]))
        for _, cells in rows
    ]


def _pattern(text: str) -> str:
    return r"\s*".join(re.escape(part) for part in text.split())


def banned_uses(text: str, terms: list[Term]) -> list[tuple[int, str, Term]]:
    """Return ``(offset, variant, term)`` for each banned variant in ``text``, in order.

    A variant inside an occurrence of a glossary term does not count, and where
    two variants start at one place only the longer one is reported.
    """
    allowed = [
        match.span()
        for term in terms
        for form in term.forms
        for match in re.finditer(_pattern(form), text, re.I)
    ]
    found: dict[int, tuple[int, str, Term]] = {}
    for term in terms:
        for variant in term.banned:
            for match in re.finditer(_pattern(variant), text, re.I):
                start, end = match.span()
                if any(a <= start and end <= b for a, b in allowed):
                    continue
                if start not in found or len(found[start][1]) < len(match.group(0)):
                    found[start] = (start, match.group(0), term)
    return [found[start] for start in sorted(found)]


def _prose_lines(text: str) -> list[str]:
    """Markdown lines with code blocks emptied and code spans blanked (line numbers kept)."""
    lines = text.split("\n")
    code = code_lines(lines)
    return ["" if i in code else _CODE_SPAN.sub("\x00", line) for i, line in enumerate(lines)]


def _check_lines(lines: list[str], terms: list[Term]):
    """Yield (line index, variant, term); a line wrapped between two CJK characters joins the next.

    The rendered page joins such lines (tensornotes.cjk), so a variant may
    straddle them; it is reported on the line where it starts.
    """
    for index, line in enumerate(lines):
        text = line
        following = lines[index + 1].lstrip(" \t>") if index + 1 < len(lines) else ""
        if _HAS_CJK.match(line[-1:]) and _HAS_CJK.match(following[:1]):
            text += following
        for start, variant, term in banned_uses(text, terms):
            if start < len(line):
                yield index, variant, term


def _glossary_exempt(lines: list[str]) -> list[str]:
    """The zh glossary without what names the variants: the banned column, the section on them."""
    lines = list(lines)
    header, rows = _table(lines, _TERMS_ANCHOR)
    column = header.index(_BANNED_COLUMN["zh"])
    for index, cells in rows:
        cells[column] = ""
        lines[index] = "| " + " | ".join(cells) + " |"
    avoids = _heading_line(lines, _AVOIDS_ANCHOR)
    end = next((i for i in range(avoids + 1, len(lines)) if HEADING.match(lines[i])), len(lines))
    return lines[:avoids] + [""] * (end - avoids) + lines[end:]


def check_markdown(path: Path, terms: list[Term], name: str | None = None) -> list[Violation]:
    """Check a zh page's prose."""
    lines = _prose_lines(path.read_text(encoding="utf-8"))
    if path.as_posix().endswith(GLOSSARY.as_posix()):
        lines = _glossary_exempt(lines)
    return [
        Violation(name or str(path), f"line {i + 1}", variant, term)
        for i, variant, term in _check_lines(lines, terms)
    ]


def check_notebook(path: Path, terms: list[Term], name: str | None = None) -> list[Violation]:
    """Check the markdown cells of a zh notebook; cells and lines are counted from 1."""
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    found = []
    for number, cell in enumerate(cells, 1):
        if cell["cell_type"] != "markdown":
            continue
        source = "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
        for i, variant, term in _check_lines(_prose_lines(source), terms):
            where = f"cell {number}, line {i + 1}"
            found.append(Violation(name or str(path), where, variant, term))
    return found


def check_svg(path: Path, terms: list[Term], name: str | None = None) -> list[Violation]:
    """Check the ``<text>`` elements of a zh chart."""
    source = path.read_text(encoding="utf-8")
    found = []
    for match in _SVG_TEXT.finditer(source):
        line = source.count("\n", 0, match.start()) + 1
        text = html.unescape(_TAG.sub("", match["text"]))
        for _, variant, term in banned_uses(text, terms):
            found.append(Violation(name or str(path), f"line {line}", variant, term))
    return found


def check_python(path: Path, terms: list[Term], name: str | None = None) -> list[Violation]:
    """Check a Python file's Chinese strings (chart and widget labels); docstrings are not text."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {
        id(node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)
    }
    found = []
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and id(node) not in docstrings
            and _HAS_CJK.search(node.value)
        ):
            for start, variant, term in banned_uses(node.value, terms):
                line = node.lineno + node.value.count("\n", 0, start)
                found.append(Violation(name or str(path), f"line {line}", variant, term))
    return found


def check_text(path: Path, terms: list[Term], name: str | None = None) -> list[Violation]:
    """Check each line of a plain text file (``mkdocs.yml``) that holds Chinese."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return [
        Violation(name or str(path), f"line {i + 1}", variant, term)
        for i, line in enumerate(lines)
        if _HAS_CJK.search(line)
        for _, variant, term in banned_uses(line, terms)
    ]


def chinese_sources(root: Path) -> list[tuple[Path, Callable]]:
    """Every file with Chinese text readers see, with the function that checks it."""
    docs = root / "docs"
    python = [
        p
        for folder in ("snippets", "hooks", "tensornotes")
        for p in sorted((root / folder).rglob("*.py"))
        if "vendor" not in p.relative_to(root).parts
    ]
    return (
        [(p, check_markdown) for p in sorted(docs.rglob("*.zh.md"))]
        + [(p, check_notebook) for p in sorted(docs.rglob("notebook.zh.ipynb"))]
        + [(p, check_svg) for p in sorted((docs / "assets" / "generated").glob("*.zh.svg"))]
        + [(p, check_python) for p in python]
        + [(root / "mkdocs.yml", check_text)]
    )


def check_project(root: Path, terms: list[Term] | None = None) -> list[Violation]:
    """Check every Chinese text of the project against the glossary at ``root``."""
    terms = glossary_terms(root / GLOSSARY) if terms is None else terms
    return [
        violation
        for path, check in chinese_sources(root)
        for violation in check(path, terms, path.relative_to(root).as_posix())
    ]
