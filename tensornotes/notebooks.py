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
from pathlib import Path, PurePosixPath

import nbformat
from nbformat import v4
from packaging.utils import canonicalize_name

from tensornotes import project
from tensornotes.cjk import join_cjk_lines
from tensornotes.languages import codes, localized, nav_title, strings
from tensornotes.pages import IMAGE, Admonition, Block, Fence, Heading, Page
from tensornotes.project import Part
from tensornotes.snippet import OUTPUT_LINE, Snippet, SnippetError
from tensornotes.sources import SYMBOL, render, resolve
from tensornotes.versions import STATED, installed_version, listed

__all__ = [
    "COLAB_TAG",
    "NotebookError",
    "build",
    "colab_url",
    "first_difference",
    "generate",
    "notebook_path",
    "parts",
    "render_json",
]

COLAB_TAG = "colab"
"""Tag of the first code cell: the ``%pip install`` that only Colab (or a bare kernel) needs."""

# a widget of the site on a line of its own ([[playground]]): a note in the notebook
_WIDGET_LINE = re.compile(r"^\s*\[\[(?P<name>[a-z]+)\]\]\s*$")
_SOURCE_LINE = re.compile(r"^\s*\[\[source (?P<symbol>[\w.]+:[\w.]+)\]\]\s*$")
_LINK = re.compile(r"(?<!!)\[(?P<text>[^\]]+)\]\((?P<target>[^)\s]+)\)")
_GITHUB = re.compile(r"^https://github\.com/(?P<owner>[\w.-]+)/(?P<repo>[\w-]+(?:\.(?!git/?$)[\w-]+)*)(?:\.git)?/?$")
COLAB_BRANCH = "main"
"""The branch that Colab links open the notebooks from."""
_IMPORT_MIME = {".svg": "image/svg+xml", ".png": "image/png", ".jpg": "image/jpeg"}


class NotebookError(ValueError):
    """A page or the navigation holds something a notebook cannot represent."""


def parts(root: Path | None = None) -> list[Part]:
    """Return the parts of the site that list a notebook in ``nav``, in nav order."""
    return [part for part in project.parts(root) if part.notebook]


def notebook_path(part: Part, language: str, root: Path | None = None) -> Path:
    """Return where the notebook of ``part`` in ``language`` lives."""
    return project.docs(root) / localized(part.notebook, language)


def colab_url(repo_url: str | None, notebook: str, language: str) -> str | None:
    """Return the "Open in Colab" address of a notebook, or None without a GitHub ``repo_url``.

    Colab opens a notebook from a GitHub repository's branch; the notebooks are
    committed on ``COLAB_BRANCH`` under ``docs/``.
    """
    match = _GITHUB.match(repo_url or "")
    if match is None:
        return None
    path = PurePosixPath("docs") / localized(notebook, language)
    return (
        f"https://colab.research.google.com/github/{match['owner']}/{match['repo']}"
        f"/blob/{COLAB_BRANCH}/{path}"
    )


def _page_path(root: Path, page: str, language: str) -> Path:
    return root / "docs" / localized(page, language)


def _title(part: Part, language: str) -> str:
    return nav_title(part.title, language)


def _versions_text(language: str) -> str:
    names = [f"`{name}` {installed_version(name)}" for name in STATED]
    return listed(names, *strings(language)["notebook"]["and"])


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
        if not OUTPUT_LINE.match(line) and "--8<--" not in line
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

    text = IMAGE.sub(image, text)
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
    label = strings(language)["notebook"]["source"]
    return (
        f"<details><summary>{label}: <code>{qualname}</code></summary>\n\n"
        f"[{where}]({source.url})\n\n```python\n{code}\n```\n\n</details>"
    )


def _quote(text: str) -> str:
    return "\n".join(f"> {line}".rstrip() for line in text.split("\n"))


def _blocks(blocks: tuple[Block, ...], page: Path, language: str) -> list[tuple[str, str]]:
    """Turn page blocks into ("md", text) and ("code", embed target) items."""
    items: list[tuple[str, str]] = []
    prose: list[str] = []

    def flush():
        text = "\n".join(prose).strip("\n")
        if text:
            items.append(("md", text))
        prose.clear()

    for block in blocks:
        if isinstance(block, Fence) and block.only_embeds and not block.quote:
            flush()
            items.extend(("code", target) for target in block.embeds)
        elif isinstance(block, Fence):
            prose.extend(block.lines)
        elif isinstance(block, Admonition):
            flush()
            indent = " " * block.indent
            inner = _blocks(block.children, page, language)
            if not inner or inner[0][0] != "md":
                inner.insert(0, ("md", ""))
            first = True
            for what, value in inner:
                if what == "md":
                    shown = [f"**{block.label}**"] if first and block.label else []
                    shown += [value] if value else []
                    if shown:
                        quoted = _quote("\n\n".join(shown)).split("\n")
                        items.append(("md", "\n".join(indent + line for line in quoted)))
                    first = False
                else:
                    items.append((what, value))
        elif isinstance(block, Heading):
            level = min(block.level + 1, 6)
            # the heading's anchor on the site, the same in both languages, as an
            # empty link target: its { #id }, or the slug Markdown gives its text
            anchor = f' <a id="{block.anchor}"></a>' if block.anchor else ""
            prose.append("#" * level + " " + _inline(block.text, page) + anchor)
        else:
            lines = "\n".join(block.lines)
            for line in (join_cjk_lines(lines) if language == "zh" else lines).split("\n"):
                source_line = _SOURCE_LINE.match(line)
                widget = _WIDGET_LINE.match(line)
                if source_line:
                    prose.append(_source_excerpt(source_line["symbol"], language))
                elif widget and widget["name"] in strings(language)["notebook"]:
                    prose.append(strings(language)["notebook"][widget["name"]])
                else:
                    prose.append(_inline(line, page))
    flush()
    return items


def _page_cells(root: Path, page_path: Path, language: str) -> list[nbformat.NotebookNode]:
    page = Page(page_path)
    cells = []
    for what, value in _blocks(page.blocks, page_path, language):
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
            names.add(canonicalize_name(dist))
    return names


_FINDERS = {"find_spec", "import_module"}
"""Calls that reach a package by a string: ``importlib.util.find_spec("snownlp")``."""


def modules_used(source: str) -> set[str]:
    """The top-level modules a cell uses: what it imports, and what it finds by name.

    A cell that reads a package's files through ``find_spec("snownlp")`` needs the
    package installed as much as one that imports it.
    """
    used = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            used.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            used.add(node.module.split(".")[0])
        elif (
            isinstance(node, ast.Call)
            and getattr(node.func, "attr", getattr(node.func, "id", None)) in _FINDERS
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            used.add(node.args[0].value.split(".")[0])
    return used


def _install_cell(root: Path, code_cells: list) -> nbformat.NotebookNode:
    """The ``%pip install`` of the pinned packages that the code cells use."""
    imported = {"transformers"}
    for cell in code_cells:
        imported |= modules_used(cell.source)
    pins = project.pins(root)
    wanted = sorted({str(pins[dist]) for dist in _distributions(imported) if dist in pins})
    cell = v4.new_code_cell("%pip install " + " ".join(f'"{pin}"' for pin in wanted))
    cell.metadata["tags"] = [COLAB_TAG]
    cell.id = "colab-install"
    return cell


def _markdown_id(cell) -> str:
    digest = hashlib.sha1(cell.source.encode("utf-8")).hexdigest()[:12]
    return f"md-{digest}"


def build(part: Part, language: str, root: Path | None = None) -> nbformat.NotebookNode:
    """Return the notebook of ``part`` in ``language``, built from its pages and snippets."""
    root = root or project.root()
    title = _title(part, language)
    text = strings(language)["notebook"]
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


def generate(root: Path | None = None) -> list[Path]:
    """Write every part's notebooks that differ from a fresh generation; return them."""
    written = []
    for part in parts(root):
        for language in codes():
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
