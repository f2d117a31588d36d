"""Check that every number a page states in prose is one its snippets print.

A number in prose must appear in the printed output (``#>`` lines) of a snippet
the page embeds, or be listed with its reason under ``numbers:`` in the front
matter of the English page (a published figure, part of a name). Chinese pages
use their English page's list; parity keeps their numbers the same.
"""

from __future__ import annotations

import re
from pathlib import Path

from tensornotes.pages import Page, english_of, normalize_number
from tensornotes.snippet import Snippet

__all__ = ["printed_numbers", "unchecked_numbers"]

_PLAIN = re.compile(r"\d+(?:\.\d+)?")
_GROUPED = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")


def printed_numbers(snippet: Path) -> set[str]:
    """Return every number printed by a snippet, as written and without thousands separators."""
    text = Snippet(snippet).shown_output()
    return set(_PLAIN.findall(text)) | {normalize_number(n) for n in _GROUPED.findall(text)}


def unchecked_numbers(page_path: Path, root: Path) -> list[str]:
    """Return the numbers in a page's prose that no embedded snippet prints and no reason covers."""
    page = Page(page_path)
    english = Page(english_of(page_path)) if page.is_zh else page
    exempt = {str(key) for key in (english.meta.get("numbers") or {})}
    printed: set[str] = set()
    for snippet in {target.partition(":")[0] for target in page.embeds}:
        printed |= printed_numbers(root / snippet)
    return sorted(n for n in page.numbers - exempt if n not in printed)
