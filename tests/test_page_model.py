"""The page model (one reader of pages), the marker registry, and the notebook trimming checks."""

import pytest

from tensornotes import markers, notebooks
from tensornotes.cjk import join_cjk_lines
from tensornotes.notebook_html import NotebookHtmlError, trim
from tensornotes.pages import Admonition, Fence, Heading, Page, PageError, Prose, parse
from tests.docs_tree import ROOT

PAGE = """---
numbers: {}
---

# Title { #title }

!!! note inline end "Aside"
    An aside with 1234 in it.

    ```python
    --8<-- "snippets/home/quickstart.py:quickstart"
    ```

1. A question?

    ??? success "Answer"
        Yes.

> A quote with code:
> ```python
> x = 98765
> ```
"""


def _page(tmp_path, text=PAGE):
    path = tmp_path / "page.md"
    path.write_text(text, encoding="utf-8")
    return Page(path)


def test_blocks_carry_kinds_modifiers_children_and_spans(tmp_path):
    page = _page(tmp_path)
    kinds = [type(block).__name__ for block in page.blocks]
    assert kinds == [
        "Prose", "Heading", "Prose", "Admonition", "Prose", "Admonition", "Prose", "Fence", "Prose"
    ]
    _, heading, _, aside, question, answer, _, quoted, _ = page.blocks
    assert (heading.anchor, heading.level) == ("title", 1)
    assert page.lines[heading.start] == "# Title { #title }"
    assert (aside.kind, aside.modifiers, aside.label) == ("note", ("inline", "end"), "Aside")
    assert [type(child) for child in aside.children] == [Prose, Fence]
    fence = aside.children[1]
    assert fence.only_embeds and page.lines[fence.start] == "    ```python"
    assert "1. A question?" in question.lines
    assert answer.indent == 4 and answer.label == "Answer" and answer.children[0].lines == ("Yes.",)
    assert quoted.quote == "> " and quoted.code == ("x = 98765",)
    assert isinstance(heading, Heading) and isinstance(aside, Admonition)


def test_a_fence_inside_a_quote_is_code_for_every_reader(tmp_path):
    page = _page(tmp_path)
    assert "98765" not in page.numbers and "1234" in page.numbers
    quoted = "> 中文\n> ```\n> 代码\n> ```\n> 中文"
    assert join_cjk_lines(quoted) == quoted, "a line of code was joined as prose"


def test_an_admonition_reaches_the_notebook_as_a_quote(tmp_path):
    items = notebooks._blocks(_page(tmp_path).blocks, tmp_path / "page.md", "en")
    text = "\n".join(value for what, value in items if what == "md")
    assert "!!!" not in text and "???" not in text
    assert "> **Aside**\n>\n> An aside with 1234 in it." in text
    assert "    > **Answer**\n    >\n    > Yes." in text
    assert ("code", "snippets/home/quickstart.py:quickstart") in items


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("# T\n\n```python\nx = 1\n", r"page\.md:6: this code fence is never closed"),
        ('# T\n\n!!! note "unclosed\n    body\n', r"page\.md:6: cannot read this admonition"),
        ('=== tab "Title"\n    body\n', r"page\.md:4: a content tab takes a quoted title only"),
    ],
)
def test_a_line_the_model_cannot_read_fails_with_file_and_line(tmp_path, text, message):
    page = _page(tmp_path, "---\nnumbers: {}\n---\n" + text)
    with pytest.raises(PageError, match=message):
        _ = page.blocks


def test_every_page_of_the_site_parses():
    for path in sorted((ROOT / "docs").rglob("*.md")):
        assert Page(path).blocks, path
    assert parse([]) == ()


def test_an_unknown_marker_fails_and_a_known_one_expands_once():
    text = "# Home\n\n[[jounrey]] and `[[code]]`\n\n```\n[[fenced]]\n```\n"
    with pytest.raises(markers.MarkerError, match=r"index\.md: unknown marker \(line 3: \[\[jou"):
        markers.check_expanded(text, "index.md")
    assert markers.expand("a [[journey]] b", "journey", lambda: "J", "x.md") == "a J b"
    with pytest.raises(markers.MarkerError, match="not a registered marker"):
        markers.expand("[[jouney]]", "jouney", str, "x.md")
    with pytest.raises(markers.MarkerError, match="once per page"):
        markers.expand("[[playground]] [[playground]]", "playground", str, "x.md", once=True)


@pytest.mark.parametrize(
    ("html", "message"),
    [
        ('<div class="highlight-ipynb hl-py"><pre class="new">x</pre></div>', "highlight-ipynb"),
        ('<div class="jp-Cell jp-CodeCell jp-Notebook-cell" id="cell-id=a">x</div>', "0 of 1 code"),
    ],
)
def test_trimming_a_notebook_fails_when_nbconvert_s_markup_changes(html, message):
    with pytest.raises(NotebookHtmlError, match=f"nbconvert's template changed: .*{message}"):
        trim(html, {})
