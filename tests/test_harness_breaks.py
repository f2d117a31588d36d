"""Each check of the harness fails on a broken copy of its target, naming what broke."""

import re
import subprocess
import sys

import pytest

from tensornotes import generated, runner
from tensornotes.prose_numbers import unchecked_numbers
from tensornotes.snippet import SnippetError
from tensornotes.translations import page_pairs, parity_problems, stale_problem, stamp
from tests.docs_tree import ROOT
from tests.strict_build import build

QUICKSTART = ROOT / "snippets" / "home" / "quickstart.py"
EMBED = '```python\n--8<-- "snippets/home/quickstart.py:quickstart"\n```\n'


def page_pair(tmp_path, english, chinese):
    """Write a stamped page pair into a docs/ folder of tmp_path."""
    docs = tmp_path / "docs"
    docs.mkdir(exist_ok=True)
    (docs / "index.md").write_text(english, encoding="utf-8")
    (docs / "index.zh.md").write_text(chinese, encoding="utf-8")
    stamp(docs / "index.zh.md")
    return docs / "index.md", docs / "index.zh.md"


@pytest.fixture
def home_pair(tmp_path):
    english = f"# Home\n\nThe word `tokenizers` has the id 19204.\n\n{EMBED}"
    chinese = f"# 首页 {{ #home }}\n\n单词 `tokenizers` 的 id 是19204。\n\n{EMBED}"
    return page_pair(tmp_path, english, chinese)


def test_a_missing_zh_page_is_named(home_pair):
    english, chinese = home_pair
    chinese.unlink()
    _, problems = page_pairs(english.parent)
    assert problems == [f"{english} has no Chinese page: create {chinese}"]


def test_a_wrong_number_in_chinese_prose_fails(home_pair):
    english, chinese = home_pair
    assert unchecked_numbers(chinese, ROOT) == [] and parity_problems(english, chinese) == []
    chinese.write_text(
        chinese.read_text(encoding="utf-8").replace("19204", "19205"), encoding="utf-8"
    )
    assert unchecked_numbers(chinese, ROOT) == ["19205"]
    (problem,) = parity_problems(english, chinese)
    assert "numbers in prose differ" in problem and "19205" in problem


def test_a_heading_without_the_english_anchor_fails(home_pair):
    english, chinese = home_pair
    chinese.write_text(
        chinese.read_text(encoding="utf-8").replace(" { #home }", ""), encoding="utf-8"
    )
    (problem,) = parity_problems(english, chinese)
    assert "headings (level, anchor) differ" in problem


def test_a_zh_page_showing_the_english_chart_of_a_chinese_twin_fails(tmp_path):
    charts = tmp_path / "docs" / "assets"
    charts.mkdir(parents=True)
    (charts / "chart.svg").write_text("<svg/>", encoding="utf-8")
    english, chinese = page_pair(
        tmp_path,
        "# Home\n\n![A chart](assets/chart.svg)\n",
        "# 首页 { #home }\n\n![图](assets/chart.zh.svg)\n",
    )
    (charts / "chart.zh.svg").write_text("<svg/>", encoding="utf-8")
    assert parity_problems(english, chinese) == []
    chinese.write_text(
        chinese.read_text(encoding="utf-8").replace("chart.zh.svg", "chart.svg"), encoding="utf-8"
    )
    (problem,) = parity_problems(english, chinese)
    assert "images with a Chinese twin (use x.zh.svg)" in problem and "assets/chart.svg" in problem


def test_an_unreviewed_english_change_makes_the_zh_page_stale(home_pair):
    english, chinese = home_pair
    assert stale_problem(english, chinese) is None
    english.write_text(
        english.read_text(encoding="utf-8") + "\nOne more sentence.\n", encoding="utf-8"
    )
    problem = stale_problem(english, chinese)
    assert str(chinese) in problem and str(english) in problem
    assert f"python -m tensornotes stamp {chinese}" in problem
    stamp(chinese)
    assert stale_problem(english, chinese) is None


def test_a_changed_shown_output_fails(tmp_path):
    snippet = tmp_path / "quickstart.py"
    text = QUICKSTART.read_text(encoding="utf-8")
    snippet.write_text(text.replace("'turn'", "'turns'"), encoding="utf-8")
    with pytest.raises(
        runner.OutputMismatch, match=r"(?s)-#> \['\[CLS\]'.*'turns'.*\+#> \['\[CLS\]'.*'turn'"
    ):
        runner.check(snippet)


def test_a_section_that_is_not_copy_safe_fails(tmp_path):
    snippet = tmp_path / "leaky.py"
    snippet.write_text(
        "# --8<-- [start:first]\nanswer = 42\n# --8<-- [end:first]\n"
        "# --8<-- [start:second]\nprint(answer)\n# --8<-- [end:second]\n",
        encoding="utf-8",
    )
    with pytest.raises(SnippetError, match="section 'second' is not copy-safe"):
        runner.check(snippet)


def test_a_declared_need_runs_the_defining_block_first(tmp_path):
    needs = "# needs answer from the block above\n"
    (tmp_path / "helper.py").write_text(
        "# --8<-- [start:helper]\nanswer = 42\n# --8<-- [end:helper]\n", encoding="utf-8"
    )
    snippet = tmp_path / "user.py"
    snippet.write_text(
        f"# --8<-- [start:use]\n{needs}print(answer)\n#> 42\n# --8<-- [end:use]\n",
        encoding="utf-8",
    )
    runner.check(snippet)
    (tmp_path / "twice.py").write_text(
        "# --8<-- [start:again]\nanswer = 43\n# --8<-- [end:again]\n", encoding="utf-8"
    )
    with pytest.raises(SnippetError, match=r"exactly one section.*helper.py:helper, twice.py"):
        runner.check(snippet)
    # the nearest block above in the same file wins over the folder's
    snippet.write_text(
        "# --8<-- [start:own]\nanswer = 7\n# --8<-- [end:own]\n"
        f"# --8<-- [start:use]\n{needs}print(answer)\n#> 7\n# --8<-- [end:use]\n",
        encoding="utf-8",
    )
    runner.check(snippet)


def test_a_typo_is_reported_as_a_name_error_not_as_copy_safety(tmp_path):
    snippet = tmp_path / "typo.py"
    snippet.write_text(
        "# --8<-- [start:first]\nanswer = 42\nprint(answr)\n# --8<-- [end:first]\n",
        encoding="utf-8",
    )
    with pytest.raises(NameError, match="name 'answr' is not defined"):
        runner.check(snippet)


def test_generate_check_names_a_stale_snippet_and_generate_remakes_it(tmp_path, monkeypatch):
    # the notebooks and the playground data have tests of their own: not rebuilt here
    monkeypatch.setattr(generated, "stale_notebooks", list)
    monkeypatch.setattr(generated, "stale_playground_data", lambda: None)
    monkeypatch.setattr(generated, "write_notebooks", list)
    monkeypatch.setattr(generated, "write_playground_data", list)
    snippet = tmp_path / "stale.py"
    snippet.write_text("print(1 + 1)\n#> 3\n", encoding="utf-8")
    with pytest.raises(generated.Stale, match=r"(?s)stale\.py:1.*python -m tensornotes generate"):
        generated.check([snippet])
    assert snippet in generated.regenerate([snippet])
    generated.check([snippet])
    assert snippet.read_text(encoding="utf-8") == "print(1 + 1)\n#> 2\n"


def test_each_section_starts_from_the_seeds_a_fresh_run_has(tmp_path):
    # the second block, pasted alone, prints what the first prints: state does not leak
    block = "import random\n\nprint(random.random())\n"
    snippet = tmp_path / "seeds.py"
    snippet.write_text(
        "".join(f"# --8<-- [start:{name}]\n{block}# --8<-- [end:{name}]\n" for name in "ab"),
        encoding="utf-8",
    )
    first, second = runner.run(snippet).outputs.values()
    assert first == second


def test_a_loop_with_two_prints_is_refused(tmp_path):
    snippet = tmp_path / "loop.py"
    snippet.write_text("for i in range(2):\n    print(i)\n    print(-i)\n", encoding="utf-8")
    with pytest.raises(SnippetError, match=r"loop.py:1: a loop with 2 prints \(lines \[2, 3\]\)"):
        runner.check(snippet)


def test_a_memory_address_in_output_fails(tmp_path):
    snippet = tmp_path / "address.py"
    snippet.write_text("print(object())\n", encoding="utf-8")
    with pytest.raises(SnippetError, match="memory address"):
        runner.check(snippet)


def mini_site(tmp_path, page):
    """A one-page copy of the site (same config, hooks and snippets) around a broken page."""
    # drop the nav block as text: the config's tags (`!ENV`) stay as they are
    config = re.sub(r"(?m)^nav:\n(?:[ #].*\n|\n)*", "", (ROOT / "mkdocs.yml").read_text("utf-8"))
    (tmp_path / "mkdocs.yml").write_text(config, encoding="utf-8")
    for name in ("hooks", "overrides", "snippets", "tensornotes"):
        (tmp_path / name).symlink_to(ROOT / name)
    page_pair(tmp_path, page, page)
    return build(tmp_path / "mkdocs.yml", tmp_path / "site", cwd=tmp_path)


def test_an_unknown_source_symbol_fails_the_build(tmp_path):
    symbol = "transformers.models.bert.modeling_bert:BertEmbeddings.no_such_method"
    result = mini_site(tmp_path, f"# Home\n\nSee [[{symbol}]].\n")
    assert result.returncode != 0
    assert "index.md: unknown source symbol" in result.stderr and symbol in result.stderr


def test_a_missing_snippet_section_fails_the_build(tmp_path):
    result = mini_site(
        tmp_path, '# Home\n\n```python\n--8<-- "snippets/home/quickstart.py:nope"\n```\n'
    )
    assert result.returncode != 0
    assert "nope" in result.stderr


def test_a_broken_link_or_anchor_fails_the_build(tmp_path):
    result = mini_site(tmp_path, "# Home\n\nSee [this](#no-such-heading) and [that](missing.md).\n")
    assert result.returncode != 0
    assert "no-such-heading" in result.stderr and "missing.md" in result.stderr


def test_markdown_fences_run_and_embed_fences_are_left_to_the_runner(tmp_path):
    page = tmp_path / "page.md"
    page.write_text(
        "```python\nassert 1 + 1 == 2\n```\n\n```python\nassert 1 + 1 == 3\n```\n\n" + EMBED,
        encoding="utf-8",
    )
    options = "--markdown-docs --markdown-docs-syntax=superfences"
    (tmp_path / "pytest.ini").write_text(f"[pytest]\naddopts = {options}\n", encoding="utf-8")
    (tmp_path / "conftest.py").write_text(  # the project's own, from the project's root
        f"import sys\nsys.path.insert(0, {str(ROOT)!r})\n"
        "from tests.markdown_fences import pytest_collection_modifyitems\n",
        encoding="utf-8",
    )
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-p",
            "no:xdist",
            "-p",
            "no:cacheprovider",
            "-q",
            str(page),
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert "1 failed, 1 passed, 1 deselected" in result.stdout, result.stdout[-2000:]
