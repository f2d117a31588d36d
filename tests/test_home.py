"""The home pages show the journey diagram with the figures of the recorded run."""

import json
import re

import pytest

from tests.docs_tree import DOCS

RUN = json.loads((DOCS / "assets" / "generated" / "journey.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("home", ["index.html", "zh/index.html"])
def test_the_journey_shows_the_recorded_run_and_links_every_stage(site, home):
    site_dir, _ = site
    html = (site_dir / home).read_text(encoding="utf-8")
    diagram = re.search(r'<div class="journey">(.*?)</div>', html, re.S)
    assert diagram, f"{home} has no journey diagram"
    stages = re.findall(r"<li>(.*?)</li>", diagram.group(1), re.S)
    assert len(stages) == 8
    assert all(re.search(r'<a href="[^"#]+/(#[\w-]+)?">', stage) for stage in stages)
    text = re.sub(r"<[^>]+>", "", diagram.group(1))
    hidden = "(" + ", ".join(map(str, RUN["hidden_shape"])) + ")"
    for figure in (f"{RUN['parameters']:,}", f"{RUN['head_parameters']:,}", hidden):
        assert figure in text, f"{home}: {figure} missing from the diagram"


@pytest.mark.parametrize(
    ("home", "description", "licence"),
    [
        ("index.html", "Executable notes on how", "MIT licence"),
        ("zh/index.html", "可运行的笔记", "MIT 许可证"),
    ],
)
def test_identity_in_the_page_language(site, home, description, licence):
    site_dir, _ = site
    html = (site_dir / home).read_text(encoding="utf-8")
    assert re.search(rf'<meta property="og:description" content="{description}', html)
    assert re.search(rf'<meta name="description" content="{description}', html)
    assert licence in html.split('class="md-copyright"', 1)[1]
    assert 'class="md-header__button md-logo"' in html and "assets/images/logo.svg" in html
