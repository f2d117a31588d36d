"""Show each part's notebook as a page of the part, and link it from every page of the part.

mkdocs-static-i18n rebuilds every File in ``on_files`` (priority -100) and so
drops mkdocs-jupyter's NotebookFile: the notebook would be copied as raw JSON
and the Chinese one never rendered. ``on_files`` here runs after it and wraps
the ``.ipynb`` files again, at the path mkdocs-jupyter gave them and
mkdocs-static-i18n moved into the language's folder (``zh/...``).

A notebook page gets a download link (and "Open in Colab" when ``repo_url``
names a GitHub repository) at its top, stays out of the search index (its text
repeats the chapters'), and is trimmed by :func:`tensornotes.notebook_html.trim`:
no template CSS or scripts (among them MathJax and mermaid from CDNs: the
notebooks hold no maths and no diagrams), code cells as the site's code blocks,
charts linked to the site's files. Every other page of a part links to the
part's notebook in the same way.
"""

import posixpath
import re
from pathlib import Path
from types import SimpleNamespace

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File
from mkdocs.structure.toc import get_toc
from mkdocs.utils import get_relative_url
from mkdocs_jupyter.plugin import NotebookFile

from tensornotes.languages import build_strings, codes, localized, source_of
from tensornotes.notebook_html import digest, toc_tokens, trim
from tensornotes.notebooks import colab_url
from tensornotes.project import nav_parts


def on_pre_build(config, **kwargs):
    """Keep mkdocs-jupyter's cache of rendered notebooks apart for each language.

    After each build mkdocs-jupyter deletes the cached renders that build did not use,
    and mkdocs-static-i18n builds every language in turn with the same plugin: each
    language's build would delete the other's renders, and no build would ever find
    one. Each language gets its own folder under the configured ``cache_dir``.
    """
    jupyter = config.plugins.get("mkdocs-jupyter")
    if jupyter is None or not jupyter.config["cache"]:
        return
    root = jupyter.config["cache_dir"]
    if posixpath.basename(root) in codes():  # set by the build of the language before
        root = posixpath.dirname(root)
    jupyter.config["cache_dir"] = posixpath.join(root, config.theme["language"])


@event_priority(-200)
def on_files(files, config):
    for file in list(files):
        if not file.src_uri.endswith(".ipynb") or isinstance(file, NotebookFile):
            continue
        files.remove(file)
        # mkdocs-jupyter's own on_files does this (NotebookFile(file, **config)); check the
        # result, so a change of its File class fails here rather than copying raw JSON
        notebook = NotebookFile(file, **config)
        if not (isinstance(notebook, File) and notebook.is_documentation_page()):
            raise PluginError(
                f"{file.src_uri}: mkdocs-jupyter's NotebookFile no longer makes a page; "
                "hooks/notebooks.py rebuilds one the way its on_files did"
            )
        # mkdocs-static-i18n kept the page's destination (zh/part/notebook/index.html),
        # which mkdocs-jupyter's on_files had set before it ran
        if not file.dest_uri.endswith(".html"):
            raise PluginError(f"{file.src_uri}: mkdocs-jupyter did not make it a page")
        notebook.dest_path = file.dest_path
        notebook.abs_dest_path = file.abs_dest_path
        notebook.url = file.url
        notebook.alternates = _alternates(notebook, config)
        files.append(notebook)
    return files


def _alternates(notebook, config):
    """The same notebook in every language, for the language switcher.

    mkdocs-static-i18n pairs only the pages it saw as pages; it saw notebooks as assets.
    """
    i18n = config.plugins.get("i18n")
    if i18n is None:
        return {}
    current, default = i18n.current_language, i18n.default_language
    url = notebook.url
    if current != default:
        url = url.removeprefix(f"{current}/")
    return {
        language: SimpleNamespace(url=url if language == default else f"{language}/{url}")
        for language in i18n.build_languages
    }


def _part_notebook(page, config):
    """Return the docs-relative English notebook of the page's part, or None."""
    plain = source_of(page.file.src_uri)
    for part in nav_parts(config.nav or []):
        if plain in part.pages or plain == part.notebook:
            return part.notebook
    return None


def _download_url(notebook, files):
    """URL of the .ipynb that mkdocs-jupyter copies beside the rendered notebook page.

    It lies in the page's folder under the source's own name, so it follows the
    build's ``use_directory_urls`` (``tokenizer/notebook/notebook.ipynb`` on the site,
    ``tokenizer/notebook.ipynb`` in the offline copy).
    """
    for file in files:
        if isinstance(file, NotebookFile) and source_of(file.src_uri) == notebook:
            folder = posixpath.dirname(file.dest_uri)
            return posixpath.join(folder, posixpath.basename(file.abs_src_path))
    raise PluginError(f"{notebook}: the part's notebook is not among the site's files")


def _links(page, config, files, notebook):
    """HTML for the download and Colab links of ``notebook``, relative to ``page``."""
    language = config.theme["language"]
    text = build_strings(config, "notebook_links")
    href = get_relative_url(_download_url(notebook, files), page.url or ".")
    stem = posixpath.dirname(notebook) or "notebook"
    download = localized(f"{stem}.ipynb", language)
    links = [f'<a href="{href}" download="{download}">{text["download"]}</a>']
    colab = colab_url(config.repo_url, notebook, language)
    if colab:
        links.append(f'<a href="{colab}">{text["colab"]}</a>')
    label = text["notebook"] if page.file.src_uri.endswith(".ipynb") else text["page"]
    return f'<p class="notebook-links">{label} {" · ".join(links)}</p>'


def on_page_markdown(markdown, page, config, files, **kwargs):
    notebook = _part_notebook(page, config)
    if notebook is None or page.file.src_uri.endswith(".ipynb"):
        return markdown
    links = _links(page, config, files, notebook)
    # under the page's title, where a reader looks first
    title = re.search(r"^# .*$", markdown, re.M)
    if title is None:
        return links + "\n\n" + markdown
    return f"{markdown[: title.end()]}\n\n{links}\n{markdown[title.end() :]}"


_IMAGES = (".svg", ".png", ".jpg")


def _image_urls(page, files):
    """``{digest of an image's bytes: its URL relative to page}`` over the site's images."""
    urls = {}
    for file in files:
        if file.src_uri.endswith(_IMAGES) and not file.is_documentation_page():
            data = Path(file.abs_src_path).read_bytes()
            urls.setdefault(digest(data), get_relative_url(file.url, page.url))
    return urls


def on_page_content(html, page, config, files, **kwargs):
    if not page.file.src_uri.endswith(".ipynb"):
        return html
    page.meta["search"] = {"exclude": True}
    notebook = _part_notebook(page, config)
    try:
        html = trim(html, _image_urls(page, files))
    except ValueError as error:
        raise PluginError(f"{page.file.src_uri}: {error}") from error
    page.toc = get_toc(toc_tokens(html))
    return (_links(page, config, files, notebook) if notebook else "") + html
