"""One search index per language, without code blocks, and Chinese queries cut into words.

mkdocs-static-i18n merges both languages into ``search/search_index.json``, so an
English query finds Chinese pages and every page loads both languages' index.
After the last language is built, this hook moves each non-default language's
entries to ``<lang>/search/search_index.json`` (locations relative to that
language's root, which ``overrides/main.html`` gives its pages as search base). Code
blocks (``<pre>``: snippets and their ``#>`` output) leave the index: they were 40% of
its bytes, loaded by every page; prose and inline code, where pages name things, stay.

Chinese text is indexed as jieba's words (Material's search plugin, at build
time). In the browser, Material's worker cuts a Chinese query into the longest
words the index holds, but its loop never tries a word that ends the query, so
分词 was searched as 分 and 注意力掩码 as 注意力. The worker of the pinned
Material (9.8.1) is fixed here, and the build fails if its code changed.
"""

import json
import re
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

# Material's segment(): the word at s may end at the query's end (o<=t.length),
# and the last word may be one character long (a<t.length)
_WORKER_FIXES = {
    "for(let o=s+1;o<t.length;o++)": "for(let o=s+1;o<=t.length;o++)",
    "n[a]&&a<t.length-1&&(i[s++]=a)": "n[a]&&a<t.length&&(i[s++]=a)",
}


_CODE_BLOCK = re.compile(r"<pre\b.*?</pre>", re.S)


def _split_index(site_dir: Path, default: str) -> None:
    index_path = site_dir / "search" / "search_index.json"
    index = json.loads(index_path.read_text(encoding="utf-8"))
    by_language: dict[str, list] = {}
    for doc in index["docs"]:
        doc = {**doc, "text": _CODE_BLOCK.sub("", doc["text"])}
        first, _, rest = doc["location"].partition("/")
        language = first if first in index["config"]["lang"] and first != default else default
        if language != default:
            doc = {**doc, "location": rest}
        by_language.setdefault(language, []).append(doc)
    if len(by_language) < 2:
        return  # an inner build of one language, or already split
    # Material's offline plugin (-100) has inlined the merged index into a script: split it too
    inlined = (site_dir / "search" / "search_index.js").is_file()
    for language, docs in by_language.items():
        folder = site_dir if language == default else site_dir / language
        own = {**index, "config": {**index["config"], "lang": [language]}, "docs": docs}
        path = folder / "search" / "search_index.json"
        path.parent.mkdir(parents=True, exist_ok=True)
        data = json.dumps(own, ensure_ascii=False, separators=(",", ":"))
        path.write_text(data, "utf-8")
        if inlined:
            path.with_suffix(".js").write_text(f"var __index = {data}", "utf-8")


def _fix_worker(site_dir: Path) -> None:
    for worker in (site_dir / "assets" / "javascripts" / "workers").glob("search.*.min.js"):
        code = worker.read_text(encoding="utf-8")
        for wrong, right in _WORKER_FIXES.items():
            if code.count(wrong) + code.count(right) != 1:
                raise PluginError(
                    f"{worker.name}: Material's query segmentation changed; review "
                    f"hooks/search_per_language.py (looked for {wrong!r})"
                )
            code = code.replace(wrong, right)
        worker.write_text(code, encoding="utf-8")


# after mkdocs-static-i18n (-100), which builds the other languages and merges the index
@event_priority(-200)
def on_post_build(config, **kwargs):
    site_dir = Path(config.site_dir)
    _split_index(site_dir, default="en")
    _fix_worker(site_dir)
