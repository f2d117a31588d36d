"""The notebooks: committed as generated, the same code in both languages, rendered in the site."""

import re
import sys
from urllib.parse import urljoin

import nbformat
import pytest
import yaml

from tensornotes import languages, notebooks, project
from tests.docs_tree import ROOT, relative
from tests.strict_build import build

PARTS = notebooks.parts()
REGENERATE = "python -m tensornotes generate"


def _part_id(part):
    return part.notebook.removesuffix(".ipynb")


def test_every_part_has_a_notebook():
    assert [part.title for part in PARTS] == [
        "Tokenizer",
        "Architecture",
        "Tokenizer families",
        "Appendices",
    ]


@pytest.mark.parametrize("language", languages.codes())
@pytest.mark.parametrize("part", PARTS, ids=_part_id)
def test_committed_notebook_is_a_fresh_generation(part, language):
    path = notebooks.notebook_path(part, language)
    assert path.is_file(), f"{relative(path)} is missing; generate it with: {REGENERATE}"
    fresh = notebooks.build(part, language)
    difference = notebooks.first_difference(path.read_text(encoding="utf-8"), fresh)
    assert difference is None, (
        f"{relative(path)} differs from a fresh generation: {difference}. "
        f"Regenerate with: {REGENERATE}"
    )


@pytest.mark.parametrize("part", PARTS, ids=_part_id)
def test_a_notebook_imports_only_what_its_install_cell_installs(part):
    # a reader's kernel (Colab, a bare Jupyter) has the pinned packages, never this project
    notebook = nbformat.read(notebooks.notebook_path(part, "en"), as_version=4)
    install, *cells = [cell for cell in notebook.cells if cell.cell_type == "code"]
    pins = {name: str(requirement) for name, requirement in project.pins().items()}
    unmet = []
    for cell in cells:
        for module in sorted(notebooks.modules_used(cell.source)):
            if module in sys.stdlib_module_names:
                continue
            dists = notebooks._distributions({module})
            if module == "tensornotes" or not any(
                dist not in pins or pins[dist] in install.source for dist in dists
            ):
                unmet.append(f"{module} (cell {cell.id})")
    assert not unmet, f"{part.notebook} imports {unmet}, which its install cell does not install"


def test_a_package_found_by_name_counts_as_used():
    source = (
        "import importlib.util\nfrom pathlib import Path\n"
        'folder = Path(importlib.util.find_spec("snownlp").origin).parent\n'
        'module = importlib.import_module("jieba.analyse")\n'
    )
    assert notebooks.modules_used(source) == {"importlib", "pathlib", "snownlp", "jieba"}


def test_the_install_cell_names_the_distribution_not_the_module():
    assert notebooks._distributions({"sklearn", "torch"}) == {"scikit-learn", "torch"}


@pytest.mark.parametrize("part", PARTS, ids=_part_id)
def test_both_languages_hold_the_same_code_cells(part):
    code = {}
    for language in languages.codes():
        notebook = nbformat.read(notebooks.notebook_path(part, language), as_version=4)
        code[language] = [
            (cell.id, cell.source, cell.outputs)
            for cell in notebook.cells
            if cell.cell_type == "code"
        ]
    english, chinese = code["en"], code["zh"]
    for index, (en_cell, zh_cell) in enumerate(zip(english, chinese, strict=False)):
        assert en_cell == zh_cell, f"{_part_id(part)}: code cell {index} ({en_cell[0]}) differs"
    assert len(english) == len(chinese), f"{_part_id(part)}: different numbers of code cells"


_LINKS = re.compile(r'<p class="notebook-links">(.*?)</p>', re.S)
_HREF = re.compile(r'<a href="([^"]+)"( download="[^"]+")?>')


def _site_page(site_dir, docs_path, language):
    """Return the built HTML file of a docs page (``tokenizer/index.md``) in ``language``."""
    stem = docs_path.rsplit(".", 1)[0]
    folder = stem.removesuffix("index").rstrip("/")
    prefix = "" if language == "en" else f"{language}/"
    return site_dir / f"{prefix}{folder}" / "index.html", f"/{prefix}{folder}/".replace("//", "/")


def _links(html):
    found = _LINKS.findall(html)
    assert len(found) == 1, f"expected one notebook-links paragraph, found {len(found)}"
    return _HREF.findall(found[0])


@pytest.mark.parametrize("language", languages.codes())
@pytest.mark.parametrize("part", PARTS, ids=_part_id)
def test_notebook_is_a_rendered_page_with_its_download(site, part, language):
    site_dir, _ = site
    page, url = _site_page(site_dir, part.notebook, language)
    assert page.is_file(), f"{url} was not built: the notebook is not a page in {language}"
    html = page.read_text(encoding="utf-8")
    committed = notebooks.notebook_path(part, language)
    cells = nbformat.read(committed, as_version=4).cells
    # rendered by nbconvert, cell by cell, not copied as JSON
    assert re.findall(r'id="cell-id=([\w-]+)"', html) == [cell.id for cell in cells], url
    assert '"nbformat"' not in html, url
    (href, download), *_ = _links(html)
    assert download, f"{url}: the notebook link does not download"
    target = site_dir / urljoin(url, href).lstrip("/")
    assert target.read_bytes() == committed.read_bytes(), f"{url}: {href} is not the notebook"


@pytest.mark.parametrize("part", PARTS, ids=_part_id)
def test_both_languages_of_a_notebook_page_share_their_anchors(site, part):
    """The language switcher keeps the section: a heading's anchor is the page's own."""
    site_dir, _ = site
    anchors = {}
    for language in languages.codes():
        page, _ = _site_page(site_dir, part.notebook, language)
        html = page.read_text(encoding="utf-8")
        anchors[language] = re.findall(r'<h[2-6] id="([^"]+)"', html)
    assert anchors["en"] == anchors["zh"], _part_id(part)
    assert not [a for a in anchors["en"] if a.startswith("section")], anchors["en"]
    assert len(set(anchors["en"])) == len(anchors["en"]), "anchors repeat"


def test_notebook_pages_stay_out_of_the_search_index(site):
    site_dir, _ = site
    index = (site_dir / "search" / "search_index.json").read_text(encoding="utf-8")
    for part in PARTS:
        folder = part.notebook.removesuffix(".ipynb")
        assert f'"location":"{folder}/' not in index.replace(" ", "")
        assert f'"location":"zh/{folder}/' not in index.replace(" ", "")


@pytest.mark.parametrize("language", languages.codes())
def test_every_page_of_a_part_downloads_its_notebook(site, language):
    site_dir, _ = site
    for part in PARTS:
        committed = notebooks.notebook_path(part, language).read_bytes()
        for docs_path in part.pages:
            page, url = _site_page(site_dir, docs_path, language)
            links = _links(page.read_text(encoding="utf-8"))
            # without repo_url there is no address for Colab: only the download
            assert len(links) == 1, f"{url}: {links}"
            href, download = links[0]
            assert download, url
            target = site_dir / urljoin(url, href).lstrip("/")
            assert target.is_file() and target.read_bytes() == committed, f"{url}: {href}"


def test_repo_url_adds_open_in_colab(tmp_path):
    """A small site with the real plugins and hooks, one part, and a repo_url."""
    # the part with the smallest notebook: nbconvert renders it in each language
    part = min(PARTS, key=lambda part: notebooks.notebook_path(part, "en").stat().st_size)
    folder = part.notebook.rsplit("/", 1)[0]
    docs = tmp_path / "docs"
    (docs / folder).mkdir(parents=True)
    for language in languages.codes():
        suffix = "" if language == "en" else f".{language}"
        (docs / f"index{suffix}.md").write_text("# Home\n", encoding="utf-8")
        (docs / folder / f"index{suffix}.md").write_text("# Part\n\nText.\n", encoding="utf-8")
        notebook = notebooks.notebook_path(part, language)
        (docs / folder / notebook.name).write_bytes(notebook.read_bytes())
    (docs / "assets").symlink_to(ROOT / "docs" / "assets")
    config = project.read_config(ROOT / "mkdocs.yml")
    config.pop("watch", None)  # for mkdocs serve only
    if config["theme"].get("custom_dir"):
        config["theme"]["custom_dir"] = str(ROOT / config["theme"]["custom_dir"])
    config["repo_url"] = "https://github.com/example-owner/example-repo"
    config["nav"] = [{"Home": "index.md"}, {part.title: [f"{folder}/index.md", part.notebook]}]
    config["plugins"] = [
        plugin
        for plugin in config["plugins"]
        if (plugin if isinstance(plugin, str) else next(iter(plugin)))
        in ("search", "i18n", "mkdocs-jupyter")
    ]
    config["hooks"] = [str(ROOT / "hooks" / "notebooks.py"), str(ROOT / "hooks" / "versions.py")]
    (tmp_path / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), "utf-8")
    result = build(tmp_path / "mkdocs.yml", tmp_path / "site", cwd=tmp_path)
    assert result.returncode == 0, result.stderr[-3000:]
    # the header links the repository, and asks GitHub's API for nothing (no "source" component)
    home = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert 'class="md-source"' in home and 'data-md-component="source"' not in home
    colab = "https://colab.research.google.com/github/example-owner/example-repo/blob/main/docs/"
    for language in languages.codes():
        name = notebooks.notebook_path(part, language).name
        for docs_path in (f"{folder}/index.md", part.notebook):
            page, url = _site_page(tmp_path / "site", docs_path, language)
            hrefs = [href for href, _ in _links(page.read_text(encoding="utf-8"))]
            assert hrefs[1:] == [f"{colab}{folder}/{name}"], f"{url}: {hrefs}"
