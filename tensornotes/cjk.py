"""Join Chinese lines wrapped in Markdown source, outside code blocks.

Browsers and Jupyter render a source line break as a space, and Chinese puts no
space between two characters: where a line ends and the next one (in the same
blockquote, if any) starts with a CJK character, the two lines become one.
"""

from __future__ import annotations

import re

from tensornotes.pages import code_lines

__all__ = ["CJK", "join_cjk_lines"]

CJK = "\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef"
"""The code point ranges read as Chinese text (CJK punctuation, ideographs, full-width forms)."""
_ENDS_CJK = re.compile(rf"[{CJK}]$")
_STARTS_CJK = re.compile(rf"[{CJK}]")
_PREFIX = re.compile(r"^[ \t]*(?:>[ \t]?)*[ \t]*")


def join_cjk_lines(markdown: str) -> str:
    """Return ``markdown`` with lines wrapped between two CJK characters joined (code is kept)."""
    lines = markdown.split("\n")
    code = code_lines(lines)
    joined: list[str] = []
    for index, line in enumerate(lines):
        if index not in code and joined and _ENDS_CJK.search(joined[-1]):
            prefix = _PREFIX.match(line).group(0)
            same_quote = prefix.count(">") == _PREFIX.match(joined[-1]).group(0).count(">")
            if same_quote and _STARTS_CJK.match(line, len(prefix)):
                joined[-1] += line[len(prefix) :]
                continue
        joined.append(line)
    return "\n".join(joined)
