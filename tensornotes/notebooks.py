"""Generate one Jupyter notebook per part and language from the pages and their snippets.

A part is a section of ``nav`` in ``mkdocs.yml`` that lists a notebook
(``tokenizer/notebook.ipynb``); its pages are the section's other entries, in
nav order. The English notebook is written beside its Chinese twin
(``notebook.zh.ipynb``), so the site's suffix structure applies to both.

Each page becomes Markdown cells (its prose in that language, headings one level
down under the part's title, admonitions as a bold label over a quote, source
symbols as the same pinned-release links the site shows, charts as embedded
images) and one code cell per embedded snippet section. A code cell holds the
section without its ``#>`` lines, and those lines, the output the page shows,
become the cell's output: nothing is executed here, the snippet files are the
one record of output. The first code cell, tagged ``colab``, installs the pinned
packages the notebook imports.

The JSON is written with sorted keys, no execution counts and cell ids derived
from the content, so generating twice gives the same bytes.
"""

from __future__ import annotations

import ast
import base64
import copy
import functools
import hashlib
import importlib.metadata
import re
import textwrap
import tomllib
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

import nbformat
import yaml
from markdown.extensions.toc import slugify
from nbformat import v4

from tensornotes.cjk import join_cjk_lines
from tensornotes.pages import EMBED, HEADING, Page
from tensornotes.snippet import Snippet, SnippetError
from tensornotes.sources import SYMBOL, render, resolve
from tensornotes.versions import STATED, installed_version, listed

__all__ = [
    "COLAB_TAG",
    "LANGUAGES",
    "NotebookError",
    "Part",
    "build",
    "colab_url",
    "first_difference",
    "generate",
    "notebook_path",
    "parts",
    "parts_from_nav",
    "read_config",
    "render_json",
]

ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = ("en", "zh")
COLAB_TAG = "colab"
"""Tag of the first code cell: the ``%pip install`` that only Colab (or a bare kernel) needs."""

_TEXT = {
    "en": {
        "intro": (
            "This notebook holds every page of the part *{title}*, in the order of the site, "
            "generated from the same pages and snippets. Each code cell is a block the site "
            "shows, and the output under it is the output the site shows, recorded by running "
            "the snippet with {versions}. Every cell runs on its own, top to bottom, on a CPU."
        ),
        "setup": (
            "In Colab, run the next cell first: it installs the pinned versions. "
            "Locally, with the project installed, skip it and start Jupyter with the "
            "project's offline hub cache (the README, *Notebooks*, says how)."
        ),
        "versions": "Outputs in this notebook were produced with {}.",
        "and": (", ", " and "),
        "source": "Source",
        "playground": (
            "*On the site, the tokenizer playground stands here: type a text and watch "
            "every stage of the tokenizer in the browser.*"
        ),
    },
    "zh": {
        "intro": (
            "本笔记本按网站中的顺序收录“{title}”部分的全部页面，由网站所用的同一批页面和代码片段生成。"
            "每个代码单元格都是网站展示的一段代码，其下的输出就是网站展示的输出，"
            "由 {versions} 运行代码片段记录而来。每个单元格都能单独运行，自上而下，只需 CPU。"
        ),
        "setup": (
            "在 Colab 中请先运行下一个单元格：它会安装固定的版本。"
            "在本地已安装本项目时，可以跳过它，并用项目的离线 Hub 缓存启动 Jupyter"
            "（做法见 README 的 *Notebooks* 一节）。"
        ),
        "versions": "本笔记本的输出由 {} 生成。",
        "and": ("、", " 与 "),
        "source": "源代码",
        "playground": "*网站的这个位置是在线试用：输入文本，在浏览器中查看分词器的每一步。*",
    },
}

_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)
_FENCE_OPEN = re.compile(r"^(?P<indent> *)(?P<fence>`{3,}|~{3,})(?P<info>.*)$")
_BLOCK = re.compile(r'^(?:!!!|\?\?\?\+?|===)\s*(?P<kind>[\w-]+)?\s*(?:"(?P<title>[^"]*)")?\s*$')
# a widget of the site on a line of its own ([[playground]]): a note in the notebook
_WIDGET_LINE = re.compile(r"^\s*\[\[(?P<name>[a-z]+)\]\]\s*$")
_SOURCE_LINE = re.compile(r"^\s*\[\[source (?P<symbol>[\w.]+:[\w.]+)\]\]\s*$")
_IMAGE = re.compile(r"!\[(?P<alt>[^\]]*)\]\((?P<target>[^)\s]+)\)")
_LINK = re.compile(r"(?<!!)\[(?P<text>[^\]]+)\]\((?P<target>[^)\s]+)\)")
_OUTPUT_LINE = re.compile(r"^\s*#>( |$)")
_GITHUB = re.compile(r"^https://github\.com/(?P<owner>[\w.-]+)/(?P<repo>[\w-]+(?:\.(?!git/?$)[\w-]+)*)(?:\.git)?/?$")
COLAB_BRANCH = "main"
"""The branch that Colab links open the notebooks from."""
_IMPORT_MIME = {".svg": "image/svg+xml", ".png": "image/png", ".jpg": "image/jpeg"}


class NotebookError(ValueError):
    """A page or the navigation holds something a notebook cannot represent."""


@dataclass(frozen=True)
class Part:
    """A section of the navigation that has a notebook."""

    title: str
    """The section's title in ``nav`` (English)."""
    notebook: str
    """The English notebook, relative to ``docs/`` (``tokenizer/notebook.ipynb``)."""
    pages: tuple[str, ...]
    """The section's pages, relative to ``docs/``, in nav order."""


class _Loader(yaml.SafeLoader):
    """Reads mkdocs.yml: tags such as ``!ENV`` or ``!!python/name:`` become None."""


_Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
_Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def read_config(path: Path) -> dict:
    """Read an mkdocs.yml; values behind tags (``!ENV REPO_URL``) read as None."""
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)


def _config(root: Path) -> dict:
    return read_config(root / "mkdocs.yml")


def _entries(items) -> list[str]:
    """Flatten a nav subtree into its file paths, in order."""
    found = []
    for item in items or []:
        if isinstance(item, str):
            found.append(item)
        elif isinstance(item, dict):
            for value in item.values():
                found.extend([value] if isinstance(value, str) else _entries(value))
    return found


def parts(root: Path = ROOT) -> list[Part]:
    """Return the parts of the site that list a notebook in ``nav``, in nav order."""
    return parts_from_nav(_config(root).get("nav") or [])


def parts_from_nav(nav: list) -> list[Part]:
    """Return the parts that list a notebook in ``nav`` (mkdocs.yml's list), in order."""
    found = []
    for item in nav:
        if not isinstance(item, dict):
            continue
        for title, value in item.items():
            if not isinstance(value, list):
                continue
            entries = _entries(value)
            notebooks = [entry for entry in entries if entry.endswith(".ipynb")]
            if not notebooks:
                continue
            if len(notebooks) > 1:
                raise NotebookError(f"nav section {title!r} lists more than one notebook")
            pages = tuple(entry for entry in entries if entry.endswith(".md"))
            found.append(Part(title, notebooks[0], pages))
    return found


def notebook_path(part: Part, language: str, root: Path = ROOT) -> Path:
    """Return where the notebook of ``part`` in ``language`` lives."""
    path = root / "docs" / part.notebook
    return path if language == "en" else path.with_suffix(f".{language}.ipynb")


def colab_url(repo_url: str | None, notebook: str, language: str) -> str | None:
    """Return the "Open in Colab" address of a notebook, or None without a GitHub ``repo_url``.

    Colab opens a notebook from a GitHub repository's branch; the notebooks are
    committed on ``COLAB_BRANCH`` under ``docs/``.
    """
    match = _GITHUB.match(repo_url or "")
    if match is None:
        return None
    path = PurePosixPath("docs") / notebook
    if language != "en":
        path = path.with_suffix(f".{language}.ipynb")
    return (
        f"https://colab.research.google.com/github/{match['owner']}/{match['repo']}"
        f"/blob/{COLAB_BRANCH}/{path}"
    )


def _page_path(root: Path, page: str, language: str) -> Path:
    path = root / "docs" / page
    return path if language == "en" else path.with_suffix(f".{language}.md")


def _title(root: Path, part: Part, language: str) -> str:
    if language == "en":
        return part.title
    for plugin in _config(root).get("plugins") or []:
        if isinstance(plugin, dict) and "i18n" in plugin:
            for entry in plugin["i18n"].get("languages", []):
                if entry.get("locale") == language:
                    return (entry.get("nav_translations") or {}).get(part.title, part.title)
    return part.title


def _versions_text(language: str) -> str:
    names = [f"`{name}` {installed_version(name)}" for name in STATED]
    return listed(names, *_TEXT[language]["and"])


# -- code cells -------------------------------------------------------------------------


def _print_order(snippet: Snippet, first: int, last: int) -> list[str]:
    """Return the printed lines of lines first..last, in the order a run prints them.

    ``#>`` lines sit under their print statement, and prints run in source order: a
    snippet holds no loop with two prints (:class:`~tensornotes.snippet.Snippet` rejects
    one). A print inside a function could run at any later line: it is refused.
    """
    for node in ast.walk(ast.parse(snippet.text)):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
            for call in snippet.prints:
                if first <= call.first <= last and node.lineno < call.first <= node.end_lineno:
                    raise NotebookError(
                        f"{snippet.path}:{call.first}: a print inside a function: "
                        "the notebook cannot tell when its output appears"
                    )
    lines: list[str] = []
    for call in snippet.prints:
        if first <= call.first <= last:
            lines.extend(call.shown)
    return lines


def _code_cell(root: Path, target: str) -> nbformat.NotebookNode:
    """Return the code cell of one embed, ``snippets/x.py:section``, with its shown output."""
    path, _, name = target.partition(":")
    snippet = Snippet(root / path)
    if name:
        section = snippet.section(name)
        first, last = section.first, section.last
    else:
        first, last = 1, len(snippet.lines)
    code = [
        line
        for line in snippet.lines[first - 1 : last]
        if not _OUTPUT_LINE.match(line) and "--8<--" not in line
    ]
    source = "\n".join(code).strip("\n")
    shown = _print_order(snippet, first, last)
    cell = v4.new_code_cell(source)
    if shown:
        cell.outputs = [v4.new_output("stream", name="stdout", text="\n".join(shown) + "\n")]
    stem = PurePosixPath(path).with_suffix("").as_posix().removeprefix("snippets/")
    cell.id = re.sub(r"[^A-Za-z0-9_-]", "-", f"{stem}-{name}" if name else stem)[-64:]
    return cell


# -- Markdown cells ---------------------------------------------------------------------


def _data_uri(path: Path) -> str:
    mime = _IMPORT_MIME.get(path.suffix.lower())
    if mime is None:
        raise NotebookError(f"{path}: cannot embed an image of this type in a notebook")
    return f"data:{mime};base64," + base64.b64encode(path.read_bytes()).decode("ascii")


def _inline(text: str, page: Path) -> str:
    """Rewrite a run of prose: images inline, site-relative links as text, symbols as links."""

    def image(match):
        target = match["target"]
        if re.match(r"[a-z]+:", target):
            return match.group(0)
        return f"![{match['alt']}]({_data_uri((page.parent / target).resolve())})"

    def link(match):
        target = match["target"]
        if re.match(r"[a-z]+:", target):
            return match.group(0)
        return match["text"]  # a link into the site: the notebook keeps its words

    def symbol(match):
        if match["source"]:
            raise NotebookError(f"{page}: [[source ...]] must stand on a line of its own")
        return render(match["symbol"], excerpt=False)

    text = _IMAGE.sub(image, text)
    text = _LINK.sub(link, text)
    text = SYMBOL.sub(symbol, text)
    if "[[" in re.sub(r"`[^`]*`", "", text):
        raise NotebookError(f"{page}: a [[...]] marker the notebooks cannot resolve")
    return text


def _source_excerpt(symbol: str, language: str) -> str:
    """A source symbol on a line of its own: its lines, collapsed, under a link."""
    source = resolve(symbol)
    qualname = symbol.partition(":")[2]
    where = f"{source.path} L{source.start}-L{source.end}, {source.package} {source.version}"
    code = textwrap.dedent("\n".join(source.lines))
    return (
        f"<details><summary>{_TEXT[language]['source']}: <code>{qualname}</code></summary>\n\n"
        f"[{where}]({source.url})\n\n```python\n{code}\n```\n\n</details>"
    )


def _quote(text: str) -> str:
    return "\n".join(f"> {line}".rstrip() for line in text.split("\n"))


def _blocks(lines: list[str], page: Path, language: str) -> list[tuple[str, str]]:
    """Split Markdown lines into ("md", text) and ("code", embed target) items."""
    items: list[tuple[str, str]] = []
    prose: list[str] = []

    def flush():
        text = "\n".join(prose).strip("\n")
        if text:
            items.append(("md", text))
        prose.clear()

    i = 0
    while i < len(lines):
        line = lines[i]
        fence = _FENCE_OPEN.match(line)
        block = _BLOCK.match(line)
        if fence:
            end = i + 1
            mark, width = fence["fence"][0], len(fence["fence"])
            closing = re.compile(rf"^{fence['indent']}{re.escape(mark)}{{{width},}}\s*$")
            while end < len(lines) and not closing.match(lines[end]):
                end += 1
            inner = [text for text in lines[i + 1 : end] if text.strip()]
            embeds = [EMBED.match(text) for text in inner]
            if inner and all(embeds):
                flush()
                items.extend(("code", match.group(1)) for match in embeds)
            else:
                prose.extend(lines[i : end + 1])
            i = end + 1
        elif block:
            end = i + 1
            while end < len(lines) and (not lines[end].strip() or lines[end].startswith("    ")):
                end += 1
            body = textwrap.dedent("\n".join(lines[i + 1 : end])).split("\n")
            kind = block["kind"] or ""
            label = block["title"] if block["title"] is not None else kind.capitalize()
            flush()
            inner = _blocks(body, page, language)
            if not inner or inner[0][0] != "md":
                inner.insert(0, ("md", ""))
            first = True
            for what, value in inner:
                if what == "md":
                    shown = [f"**{label}**"] if first and label else []
                    shown += [value] if value else []
                    if shown:
                        items.append(("md", _quote("\n\n".join(shown))))
                    first = False
                else:
                    items.append((what, value))
            i = end
        else:
            source_line = _SOURCE_LINE.match(line)
            heading = HEADING.match(line)
            widget = _WIDGET_LINE.match(line)
            if source_line:
                prose.append(_source_excerpt(source_line["symbol"], language))
            elif widget and widget["name"] in _TEXT[language]:
                prose.append(_TEXT[language][widget["name"]])
            elif heading:
                level = min(len(heading["hashes"]) + 1, 6)
                # the heading's anchor on the site, the same in both languages, as an
                # empty link target: its { #id }, or the slug Markdown gives its text
                name = heading["anchor"] or slugify(heading["text"], "-")
                anchor = f' <a id="{name}"></a>' if name else ""
                prose.append("#" * level + " " + _inline(heading["text"], page) + anchor)
            else:
                prose.append(_inline(line, page))
            i += 1
    flush()
    return items


def _page_cells(root: Path, page_path: Path, language: str) -> list[nbformat.NotebookNode]:
    page = Page(page_path)
    body = _FRONT_MATTER.sub("", page.text)
    if language == "zh":
        body = join_cjk_lines(body)
    cells = []
    for what, value in _blocks(body.split("\n"), page_path, language):
        if what == "md" and language == "zh":
            value = join_cjk_lines(value)  # again: a link made plain text may start a line
        if what == "code":
            try:
                cells.append(_code_cell(root, value))
            except SnippetError as error:
                raise NotebookError(f"{page_path}: {error}") from error
        elif cells and cells[-1].cell_type == "markdown":
            cells[-1].source += "\n\n" + value
        else:
            cells.append(v4.new_markdown_cell(value))
    return cells


# -- the notebook -----------------------------------------------------------------------


def _pins(root: Path) -> dict[str, str]:
    """Return the pinned dependencies of pyproject.toml: normalized name -> requirement."""
    data = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))
    pins = {}
    for requirement in data["project"]["dependencies"]:
        name = re.split(r"[=<>!~\[; ]", requirement, maxsplit=1)[0]
        pins[re.sub(r"[-_.]+", "-", name).lower()] = requirement
    return pins


@functools.cache
def _provided() -> dict[str, list[str]]:
    return importlib.metadata.packages_distributions()  # reads every installed package: once


def _distributions(modules: set[str]) -> set[str]:
    """The normalized names of the installed distributions that provide these modules.

    ``sklearn`` is provided by ``scikit-learn``: read from the installed packages'
    metadata, never guessed from the import name.
    """
    provided = _provided()
    names = set()
    for module in modules:
        for dist in provided.get(module, [module]):
            names.add(re.sub(r"[-_.]+", "-", dist).lower())
    return names


def _install_cell(root: Path, code_cells: list) -> nbformat.NotebookNode:
    """The ``%pip install`` of the pinned packages that the code cells import."""
    imported = {"transformers"}
    for cell in code_cells:
        for node in ast.walk(ast.parse(cell.source)):
            if isinstance(node, ast.Import):
                imported.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                imported.add(node.module.split(".")[0])
    pins = _pins(root)
    wanted = sorted({pins[dist] for dist in _distributions(imported) if dist in pins})
    cell = v4.new_code_cell("%pip install " + " ".join(f'"{pin}"' for pin in wanted))
    cell.metadata["tags"] = [COLAB_TAG]
    cell.id = "colab-install"
    return cell


def _markdown_id(cell) -> str:
    digest = hashlib.sha1(cell.source.encode("utf-8")).hexdigest()[:12]
    return f"md-{digest}"


def build(part: Part, language: str, root: Path = ROOT) -> nbformat.NotebookNode:
    """Return the notebook of ``part`` in ``language``, built from its pages and snippets."""
    title = _title(root, part, language)
    text = _TEXT[language]
    cells = []
    for page in part.pages:
        cells.extend(_page_cells(root, _page_path(root, page, language), language))
    # the part's own page usually opens with the part's title: say it once
    if cells and cells[0].cell_type == "markdown":
        cells[0].source = re.sub(rf"\A## {re.escape(title)}\n+", "", cells[0].source)
    code_cells = [cell for cell in cells if cell.cell_type == "code"]
    versions = _versions_text(language)
    head = [
        v4.new_markdown_cell(
            f"# {title}\n\n" + text["intro"].format(title=title, versions=versions)
            + "\n\n" + text["setup"]
        ),
        _install_cell(root, code_cells),
    ]
    tail = [v4.new_markdown_cell(text["versions"].format(versions))]
    # a section embedded on two pages is one cell object twice: give each place its own,
    # with a unique id, before nbformat validates (it would replace a duplicate at random)
    cells = [copy.deepcopy(cell) for cell in head + cells + tail]
    seen: dict[str, int] = {}
    for cell in cells:
        if cell.cell_type == "markdown":
            cell.id = _markdown_id(cell)
        count = seen.get(cell.id, 0)
        seen[cell.id] = count + 1
        if count:
            cell.id = f"{cell.id[:60]}-{count + 1}"
        if cell.cell_type == "code":
            cell.execution_count = None
    notebook = v4.new_notebook(
        cells=cells,
        metadata={
            "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
            "language_info": {"name": "python"},
        },
    )
    nbformat.validate(notebook)
    return notebook


def render_json(notebook: nbformat.NotebookNode) -> str:
    """Serialize a notebook with sorted keys and a final newline, the committed form."""
    return nbformat.writes(notebook, version=4) + "\n"


def generate(root: Path = ROOT) -> list[Path]:
    """Write every part's notebooks that differ from a fresh generation; return them."""
    written = []
    for part in parts(root):
        for language in LANGUAGES:
            path = notebook_path(part, language, root)
            text = render_json(build(part, language, root))
            if not path.is_file() or path.read_text(encoding="utf-8") != text:
                path.write_text(text, encoding="utf-8")
                written.append(path)
    return written


def first_difference(committed: str, fresh: nbformat.NotebookNode) -> str | None:
    """Describe where a committed notebook differs from a fresh generation, or return None."""
    if committed == render_json(fresh):
        return None
    try:
        old = nbformat.reads(committed, as_version=4)
    except Exception as error:  # unreadable JSON is a difference too
        return f"the committed file is not a readable notebook ({error})"
    for index, (was, now) in enumerate(zip(old.cells, fresh.cells, strict=False)):
        if was != now:
            where = f"cell {index} ({now.cell_type}, id {now.get('id')})"
            if was.get("source") == now.get("source"):
                return f"{where} differs in its outputs or metadata"
            old_lines, new_lines = was.source.split("\n"), now.source.split("\n")
            for number, (before, after) in enumerate(zip(old_lines, new_lines, strict=False), 1):
                if before != after:
                    return f"{where}, line {number}: committed {before!r}, fresh {after!r}"
            return f"{where} has {len(old_lines)} lines, a fresh generation {len(new_lines)}"
    if len(old.cells) != len(fresh.cells):
        return f"it has {len(old.cells)} cells, a fresh generation has {len(fresh.cells)}"
    return "the notebook metadata or the JSON layout differs"
