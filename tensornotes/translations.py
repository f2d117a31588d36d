"""Keep each Chinese page in step with its English page: parity and freshness.

Parity: both pages exist, with the same headings (level and anchor, so links
and the language switcher land on the same section), the same embedded
snippets, the same source symbols and images, and the same numbers in prose.
Freshness: a zh page records, as ``source_hash`` in its front matter, the
English revision it translates; [`stamp`][tensornotes.translations.stamp]
records a reviewed one.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from tensornotes.languages import localized
from tensornotes.pages import FRONT_MATTER, Page, english_of

__all__ = ["page_pairs", "parity_problems", "revision", "stale_problem", "stamp"]

_HASH_LINE = re.compile(r"^source_hash:.*$", re.M)
# a chart's Chinese twin, and where the language goes in its name (figures.chart_name)
_ZH_IMAGE = re.compile(r"\.zh(\.\w+)$")
_ZH_IMAGE_NAME = re.compile(r"(\.\w+)$")


def revision(english: Path) -> str:
    """Return the content hash that names a revision of an English page."""
    return hashlib.sha256(english.read_bytes()).hexdigest()[:12]


def page_pairs(docs: Path) -> tuple[list[tuple[Path, Path]], list[str]]:
    """Pair every ``page.md`` with its ``page.zh.md``; report pages without a partner."""
    pairs, problems = [], []
    english = {p for p in docs.rglob("*.md") if not p.name.endswith(".zh.md")}
    chinese = set(docs.rglob("*.zh.md"))
    for page in sorted(english):
        zh = localized(page, "zh")
        if zh in chinese:
            pairs.append((page, zh))
        else:
            problems.append(f"{page} has no Chinese page: create {zh}")
    for zh in sorted(chinese):
        if english_of(zh) not in english:
            problems.append(f"{zh} translates {english_of(zh)}, which does not exist")
    return pairs, problems


def _compare(what: str, english: list | set, chinese: list | set) -> str | None:
    if english == chinese:
        return None
    return f"  {what} differ:\n    en: {english}\n    zh: {chinese}"


def _english_twin(image: str) -> str:
    """Name the English image of a Chinese chart: ``x.zh.svg`` -> ``x.svg``."""
    return _ZH_IMAGE.sub(r"\1", image)


def _untranslated_images(zh: Page) -> list[str]:
    """The images a zh page shows in English although a Chinese twin exists."""
    return [
        image
        for image in zh.images
        if not _ZH_IMAGE.search(image)
        and (zh.path.parent / _ZH_IMAGE_NAME.sub(r".zh\1", image)).is_file()
    ]


def parity_problems(english_path: Path, zh_path: Path) -> list[str]:
    """Return how the zh page departs from the English one (empty when in parity).

    A chart drawn in both languages counts as the same image: the zh page must
    show its Chinese twin (``x.zh.svg``) where one exists.
    """
    en, zh = Page(english_path), Page(zh_path)
    found = [
        _compare(
            "headings (level, anchor)",
            [(h.level, h.anchor) for h in en.headings],
            [(h.level, h.anchor) for h in zh.headings],
        ),
        _compare("snippet embeds", en.embeds, zh.embeds),
        _compare("source symbols and markers", sorted(en.markers), sorted(zh.markers)),
        _compare("images", en.images, [_english_twin(image) for image in zh.images]),
        _compare("images with a Chinese twin (use x.zh.svg)", [], _untranslated_images(zh)),
        _compare("numbers in prose", sorted(en.numbers), sorted(zh.numbers)),
    ]
    found = [problem for problem in found if problem]
    return (
        [f"{zh_path} is out of parity with {english_path}:\n" + "\n".join(found)] if found else []
    )


def stale_problem(english_path: Path, zh_path: Path) -> str | None:
    """Say how a zh page is stale, or return None when it translates the current English page."""
    recorded = Page(zh_path).meta.get("source_hash")
    current = revision(english_path)
    if recorded == current:
        return None
    return (
        f"{zh_path} translates revision {recorded} of {english_path}, which is now {current}: "
        f"review the translation, then run: python -m tensornotes stamp {zh_path}"
    )


def stamp(zh_path: Path) -> Path:
    """Record in a zh page's front matter that it translates the current English page."""
    line = f"source_hash: {revision(english_of(zh_path))}"
    text = zh_path.read_text(encoding="utf-8")
    front = FRONT_MATTER.match(text)
    if front and _HASH_LINE.search(front.group(1)):
        text = "---\n" + _HASH_LINE.sub(line, front.group(1)) + "\n---\n" + text[front.end() :]
    elif front:
        text = "---\n" + line + "\n" + text[4:]
    else:
        text = f"---\n{line}\n---\n\n{text}"
    zh_path.write_text(text, encoding="utf-8")
    return zh_path
