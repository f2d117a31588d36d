"""The offline copy: one zip of the whole site, linked from both home pages, with nothing online."""

import re
import zipfile

from tensornotes.offline import FOLDER, SHIM, ZIP
from tests.docs_tree import ROOT

_FOREIGN = re.compile(
    r"""<(?:script|link|img|iframe)\b[^>]*\b(?:src|href)=["'](?:https?:)?//""", re.I
)


def test_the_zip_holds_the_site_in_one_folder_with_search_inlined(offline_copy):
    archive, folder = offline_copy
    names = zipfile.ZipFile(archive).namelist()
    assert all(name.startswith(f"{FOLDER}/") for name in names)
    for path in ("index.html", "zh/index.html", "search/search_index.js", SHIM):
        assert (folder / path).is_file(), path
    # one inlined index per language, each with its own pages only
    for index_dir, lang in (("search", "en"), ("zh/search", "zh")):
        index = (folder / index_dir / "search_index.js").read_text(encoding="utf-8")
        assert index.startswith("var __index = {") and f'"lang":["{lang}"]' in index
        assert '"location":"zh/' not in index


def test_the_copy_links_files_not_folders_and_loads_nothing_from_elsewhere(offline_copy):
    _, folder = offline_copy
    home = (folder / "index.html").read_text(encoding="utf-8")
    assert 'href="zh/index.html" hreflang="zh"' in home
    assert f'src="{SHIM}"' in home
    for page in folder.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert not _FOREIGN.findall(html), f"{page} loads {_FOREIGN.findall(html)}"


def test_both_home_pages_link_the_zip_and_the_copy_says_what_it_is(site, offline_copy):
    site_dir, _ = site
    _, folder = offline_copy
    assert f'<a href="{ZIP}" download>' in (site_dir / "index.html").read_text(encoding="utf-8")
    zh = (site_dir / "zh" / "index.html").read_text(encoding="utf-8")
    assert f'<a href="../{ZIP}" download>' in zh
    copy_en = (folder / "index.html").read_text(encoding="utf-8")
    copy_zh = (folder / "zh" / "index.html").read_text(encoding="utf-8")
    assert "offline copy" in copy_en and "离线副本" in copy_zh
    assert ZIP not in copy_en + copy_zh


def test_every_notebook_link_of_the_copy_downloads_the_notebook(offline_copy):
    """Each part's notebook lies beside its page, as docs/ holds it, in both languages."""
    from tensornotes.notebooks import parts

    _, folder = offline_copy
    checked = 0
    for page in folder.rglob("*.html"):
        found = re.search(
            r'<p class="notebook-links">.*?<a href="([^"]+)" download',
            page.read_text(encoding="utf-8"),
            re.S,
        )
        if not found:
            continue
        target = (page.parent / found[1]).resolve()
        name = page.relative_to(folder)
        assert target.is_file(), f"{name}: {found[1]} is missing"
        language_root = folder / "zh" if name.parts[0] == "zh" else folder
        committed = ROOT / "docs" / target.relative_to(language_root)
        assert target.read_bytes() == committed.read_bytes(), f"{name}: {found[1]}"
        checked += 1
    assert checked > 2 * len(parts()), checked
