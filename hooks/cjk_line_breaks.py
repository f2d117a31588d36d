"""Join Chinese lines wrapped in the Markdown source, outside code blocks.

Browsers render a source line break as a space, and Chinese puts no space
between two characters: where a line ends and the next one (in the same
blockquote, if any) starts with a CJK character, the two lines become one.
"""

import re

_CJK = "\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef"
_ENDS_CJK = re.compile(rf"[{_CJK}]$")
_STARTS_CJK = re.compile(rf"[{_CJK}]")
_PREFIX = re.compile(r"^[ \t]*(?:>[ \t]?)*[ \t]*")
_FENCE = re.compile(r"^[ \t>]*(`{3,}|~{3,})")


def on_page_markdown(markdown, **kwargs):
    lines = markdown.split("\n")
    joined: list[str] = []
    fence = None
    for line in lines:
        opening = _FENCE.match(line)
        if fence is None and opening:
            fence = opening.group(1)
        elif fence is not None and opening and opening.group(1).startswith(fence):
            fence = None
        elif fence is None and joined and _ENDS_CJK.search(joined[-1]):
            prefix = _PREFIX.match(line).group(0)
            same_quote = prefix.count(">") == _PREFIX.match(joined[-1]).group(0).count(">")
            if same_quote and _STARTS_CJK.match(line, len(prefix)):
                joined[-1] += line[len(prefix) :]
                continue
        joined.append(line)
    return "\n".join(joined)
