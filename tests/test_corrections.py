"""The corrections page lists every correction of the notes on the built site, in both languages."""

import re
from collections import Counter
from pathlib import Path
from urllib.parse import urljoin

import pytest

from tensornotes.corrections import title

_HEADING_OR_CORRECTION = re.compile(
    r'<h[1-6] id="(?P<anchor>[^"]+)"'
    # an open box (!!!) or a collapsed one (???, an erratum kept out of the lesson)
    r'|(?:<p class="admonition-title">|<details class="warning">\s*<summary>)'
    r"(?P<title>[^<]+)</(?:p|summary)>"
)
# the proof link's label, with the colon of its language (full-width, no space, in Chinese)
_PROOF = {"en": "Proof: ", "zh": "证明："}


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
            elif match["title"] == title(lang):
                found[f"{url}#{anchor}"] += 1
    return found


def listed_corrections(site_dir: Path, lang: str) -> Counter:
    """Count the proof links of the corrections page: ``{url#anchor: n}``."""
    root = site_dir / "zh" if lang == "zh" else site_dir
    html = (root / "corrections" / "index.html").read_text(encoding="utf-8")
    links = re.findall(rf'<a href="([^"]+)">{_PROOF[lang]}', html)
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


def test_chinese_listing_puts_no_space_beside_full_width_punctuation(tmp_path):
    from tensornotes.corrections import render

    (tmp_path / "part").mkdir()
    (tmp_path / "part" / "page.zh.md").write_text(
        '# 页面\n\n## 小节 { #section }\n\n!!! warning "更正"\n'
        "    原笔记说 `encode` 调用 `encode_plus`。其实它已经不存在（见下文）：\n"
        "    `encode` 直接调用 `_encode_plus`，\n    返回 `input_ids`。\n",
        encoding="utf-8",
    )
    listing = render(tmp_path, [{"Part": ["part/page.md"]}], "zh", "corrections.md")
    assert "更正：其实它已经不存在（见下文）：`encode` 直接调用 `_encode_plus`，返回" in listing
    assert "笔记原文：原笔记说" in listing and "[证明：页面 › 小节]" in listing
    assert not re.search(r" [，：]|[，：] ", listing), listing
