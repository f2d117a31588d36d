"""The corrections page lists every correction of the notes on the built site, in both languages."""

import re
from collections import Counter
from pathlib import Path
from urllib.parse import urljoin

import pytest

from tensornotes.corrections import TITLES

_HEADING_OR_CORRECTION = re.compile(
    r'<h[1-6] id="(?P<anchor>[^"]+)"'
    # an open box (!!!) or a collapsed one (???, an erratum kept out of the lesson)
    r'|(?:<p class="admonition-title">|<details class="warning">\s*<summary>)'
    r"(?P<title>[^<]+)</(?:p|summary)>"
)
_PROOF = {"en": "Proof", "zh": "证明"}


def corrections_on_pages(site_dir: Path, lang: str) -> Counter:
    """Count the correction boxes of each section of the built pages: ``{url#anchor: n}``."""
    root = site_dir / "zh" if lang == "zh" else site_dir
    found = Counter()
    for page in root.rglob("index.html"):
        url = "/" + "".join(f"{part}/" for part in page.relative_to(root).parts[:-1])
        if url.startswith(("/zh/", "/corrections/")):
            continue
        anchor = ""
        for match in _HEADING_OR_CORRECTION.finditer(page.read_text(encoding="utf-8")):
            if match["anchor"]:
                anchor = match["anchor"]
            elif match["title"] == TITLES[lang]:
                found[f"{url}#{anchor}"] += 1
    return found


def listed_corrections(site_dir: Path, lang: str) -> Counter:
    """Count the proof links of the corrections page: ``{url#anchor: n}``."""
    root = site_dir / "zh" if lang == "zh" else site_dir
    html = (root / "corrections" / "index.html").read_text(encoding="utf-8")
    links = re.findall(rf'<a href="([^"]+)">{_PROOF[lang]}: ', html)
    return Counter(urljoin("/corrections/", link) for link in links)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_corrections_page_lists_every_correction(site, lang):
    site_dir, _ = site
    on_pages = corrections_on_pages(site_dir, lang)
    assert sum(on_pages.values()) >= 10, "the site's correction boxes were not found"
    assert listed_corrections(site_dir, lang) == on_pages


def test_a_correction_left_off_the_list_is_found(site, tmp_path):
    site_dir, _ = site
    broken = tmp_path / "site"
    for page in site_dir.rglob("index.html"):
        if "zh" in page.relative_to(site_dir).parts:
            continue
        target = broken / page.relative_to(site_dir)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page.read_text(encoding="utf-8"), encoding="utf-8")
    listing = broken / "corrections" / "index.html"
    html = listing.read_text(encoding="utf-8")
    listing.write_text(re.sub(r'<a href="[^"]+">Proof: [^<]+</a>', "", html, count=1), "utf-8")
    assert listed_corrections(broken, "en") != corrections_on_pages(broken, "en")


def test_a_correction_without_claim_and_correction_sentences_is_an_error(tmp_path):
    from tensornotes.corrections import collect

    (tmp_path / "part").mkdir()
    (tmp_path / "part" / "page.md").write_text(
        '# Page\n\n## Section\n\n!!! warning "Correction"\n    The notes are wrong, see below:\n',
        encoding="utf-8",
    )
    with pytest.raises(ValueError, match="must open with the notes' claim and its correction"):
        collect(tmp_path, [{"Part": ["part/page.md"]}], "en")
