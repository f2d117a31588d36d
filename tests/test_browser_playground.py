"""The tokenizer playground in Chromium: window.playground.encode equals the Python tokenizer."""

import importlib.metadata
import importlib.util
import itertools
import json
import random
import re
from pathlib import Path

import pytest

from tensornotes.hard_cases import HARD
from tensornotes.playground import DATA_FILE
from tensornotes.strings import CATALOG
from tests.browser import visit
from tests.docs_tree import ROOT

PAGES = (
    "appendix/wordpiece/",
    "zh/appendix/wordpiece/",
    "tokenizer/encode-and-vocab/",
    "zh/tokenizer/encode-and-vocab/",
)


def _package_file(distribution: str, name: str) -> str:
    files = importlib.metadata.distribution(distribution).files
    (found,) = [f for f in files if f.name == name and "/" + name in "/" + str(f)]
    return Path(found.locate()).read_text(encoding="utf-8")


def english() -> list[str]:
    """Distinct lines and words of two English texts that matplotlib ships."""
    folder = Path(importlib.util.find_spec("matplotlib").submodule_search_locations[0])
    texts = [
        (folder / "mpl-data" / "matplotlibrc").read_text(encoding="utf-8"),
        importlib.metadata.distribution("matplotlib").read_text("LICENSE")
        or _package_file("matplotlib", "LICENSE"),
    ]
    found = set()
    for text in texts:
        for line in text.splitlines():
            found.add(line.strip())
            found.update(line.split())
    return sorted(found - {""})


def chinese() -> list[str]:
    """Every 120th word of jieba's dictionary, and phrases of eight of them in a row."""
    folder = Path(importlib.util.find_spec("jieba").submodule_search_locations[0])
    lines = (folder / "dict.txt").read_text(encoding="utf-8").splitlines()
    words = [line.split()[0] for line in lines[::120]]
    phrases = ["".join(words[i : i + 8]) for i in range(0, len(words) - 8, 8)]
    return words + phrases


def long_text(size: int) -> str:
    """Real English and Chinese text, a line of each in turn, repeated to ``size`` characters."""
    lines = [line for pair in itertools.zip_longest(english(), chinese()) for line in pair if line]
    base = "\n".join(lines)
    return (base * (size // len(base) + 1))[:size]


def fuzz(count: int) -> list[str]:
    """Random short strings of the characters where JavaScript and Rust tables differ."""
    rng = random.Random(12)
    script = (ROOT / DATA_FILE).read_text(encoding="utf-8")
    data = json.loads(script[script.index("{") : script.rindex("}") + 1])["tables"]
    pools = [
        sorted(int(cp) for cp in data["nfd"]),
        [cp for first, last, _ in data["ccc"] for cp in range(first, last + 1)],
        sorted(int(cp) for cp in data["lower"]),
        [cp for first, last in data["punctuation"] for cp in range(first, last + 1)],
        data["whitespace"] + data["spaces"],
        [0x0378, 0x0379, 0xE000, 0xF8FF, 0xF0000, 0x10FFFD, 0x0001, 0x0085, 0x200D, 0xFEFF],
        [0x20000 + rng.randrange(0x12000) for _ in range(200)],
        [0x1F600 + rng.randrange(0x50) for _ in range(50)] + [0xFE0F, 0x1F3FD, 0x200D],
        list(range(0x61, 0x7B)) + list(range(0x41, 0x5B)),
    ]
    return [
        "".join(chr(rng.choice(rng.choice(pools))) for _ in range(rng.randrange(1, 12)))
        for _ in range(count)
    ]


@pytest.fixture(scope="module")
def tokenizer():
    from transformers import AutoTokenizer

    return AutoTokenizer.from_pretrained("google-bert/bert-base-uncased")


@pytest.fixture(scope="module")
def playground(browser, served_site):
    """The English WordPiece page, loaded once; its window.playground is what the tests call."""
    context = browser.new_context()
    page = context.new_page()
    seen = visit(page, served_site + PAGES[0])
    assert not [p for p in seen.problems if "playground" in p], seen.problems
    page.wait_for_function("() => window.playground !== undefined")
    yield page
    context.close()


def python_encodings(tokenizer, texts, pairs=None):
    batch = tokenizer(texts, pairs, return_offsets_mapping=True)
    return [
        {
            "tokens": tokenizer.convert_ids_to_tokens(ids),
            "input_ids": ids,
            "token_type_ids": batch["token_type_ids"][i],
            "attention_mask": batch["attention_mask"][i],
            "offsets": [list(offset) for offset in batch["offset_mapping"][i]],
        }
        for i, ids in enumerate(batch["input_ids"])
    ]


def js_encodings(page, inputs):
    script = "async inputs => JSON.stringify(await window.playground.encodeAll(JSON.parse(inputs)))"
    return json.loads(page.evaluate(script, json.dumps(inputs)))


def mismatches(inputs, expected, got):
    return [
        {"input": text, "python": want, "javascript": have}
        for text, want, have in zip(inputs, expected, got, strict=True)
        if want != have
    ]


def test_encode_equals_the_python_tokenizer_on_real_text_pairs_and_hard_cases(
    playground, tokenizer
):
    en, zh = english(), chinese()
    assert len(en) >= 5000 and len(zh) >= 2000, (len(en), len(zh))
    singles = en + zh + HARD + fuzz(3000)
    pairs = [
        *zip(en[0::14], en[1::14], strict=False),
        *zip(zh[0::6], zh[1::6], strict=False),
        *((text, "second") for text in HARD[1:]),
    ]
    firsts, seconds = [a for a, _ in pairs], [b for _, b in pairs]
    expected = python_encodings(tokenizer, singles) + python_encodings(tokenizer, firsts, seconds)
    inputs = [[text, None] for text in singles] + [list(pair) for pair in pairs]
    got = js_encodings(playground, inputs)
    wrong = mismatches(inputs, expected, got)
    assert not wrong, f"{len(wrong)} of {len(inputs)} inputs differ, the first ones: {wrong[:5]}"


def test_an_empty_second_text_is_no_pair_and_a_lone_surrogate_is_refused(playground, tokenizer):
    for text, pair in [("a", ""), ("", "b"), ("", "")]:
        want = tokenizer(text, pair, return_offsets_mapping=True)
        (got,) = js_encodings(playground, [[text, pair]])
        assert got["input_ids"] == want["input_ids"], (text, pair)
        assert got["token_type_ids"] == want["token_type_ids"], (text, pair)
        assert got["offsets"] == [list(o) for o in want["offset_mapping"]], (text, pair)
    with pytest.raises(TypeError):
        tokenizer("a\ud800b")
    refused = playground.evaluate(
        "window.playground.encode('a\\ud800b').then(() => 'accepted', error => error.name)"
    )
    assert refused == "TypeError"


def test_the_api_example_of_the_wordpiece_page(playground, tokenizer):
    got = playground.evaluate(
        "window.playground.encode('Hello, world!', 'Second text').then(JSON.stringify)"
    )
    assert json.loads(got) == python_encodings(tokenizer, ["Hello, world!"], ["Second text"])[0]
    assert json.loads(got)["tokens"] == [
        "[CLS]", "hello", ",", "world", "!", "[SEP]", "second", "text", "[SEP]",
    ]  # fmt: skip


def test_tokenizers_js_alone_differs_where_the_page_says(playground, tokenizer):
    """The page says why the stages before WordPiece are the playground's own."""
    config = tokenizer.backend_tokenizer.to_str()
    for text in ["𠀋𠀌 北京", "ΟΔΟΣ"]:
        library = playground.evaluate(
            """([config, text]) => new window.TokenizersJS.Tokenizer(JSON.parse(config), {})
                .encode(text).ids""",
            [config, text],
        )
        (ours,) = js_encodings(playground, [[text, None]])
        want = tokenizer(text)["input_ids"]
        assert ours["input_ids"] == want and library != want, (text, library, want)


def test_truncation_cuts_what_the_python_tokenizer_cuts(playground, tokenizer):
    cases = [(600,), (510,), (511,), (400, 300), (50, 600), (600, 50), (300, 300), (255, 254)]
    for lengths in cases:
        texts = [" ".join(["word"] * n) for n in lengths]
        full = tokenizer(*texts)["token_type_ids"]
        cut = tokenizer(*texts, truncation=True, max_length=512)["token_type_ids"]
        specials = [2, 1]  # [CLS] and [SEP] of A, [SEP] of B
        python_kept = [cut.count(k) - specials[k] for k in range(len(lengths))]
        full_lengths = [full.count(k) - specials[k] for k in range(len(lengths))]
        assert playground.evaluate("l => window.playground.kept(l, 512)", full_lengths) == (
            python_kept
        ), lengths


def test_the_widget_shows_padding_and_truncation_and_announces_counts(browser, served_site):
    context = browser.new_context()
    page = context.new_page()
    for path in (PAGES[0], PAGES[3]):
        seen = visit(page, served_site + path)
        assert not [p for p in seen.problems if "playground" in p], seen.problems
        page.fill("#pg-text", "Hello world")
        page.fill("#pg-pair", "")
        page.fill("#pg-pad", "8")
        page.wait_for_function(
            "() => document.querySelectorAll('.playground .pg-token.pg-pad').length === 4"
        )
        mask = page.locator(".pg-table tbody tr").nth(4).locator("td").all_inner_texts()
        assert mask == ["1", "1", "1", "1", "0", "0", "0", "0"], (path, mask)
        page.fill("#pg-pad", "")
        page.fill("#pg-text", "word " * 600)
        page.wait_for_function("() => document.querySelectorAll('.pg-token.pg-cut').length > 0")
        assert page.locator(".pg-token.pg-cut").count() == 600 - 510
        page.wait_for_function(
            "() => document.querySelector('.pg-announce').textContent.includes('602')"
        )
        assert page.locator(".pg-announce").get_attribute("aria-live") == "polite"
    context.close()


def test_other_pages_do_not_load_the_tokenizer_files(browser, served_site):
    context = browser.new_context()
    page = context.new_page()
    for path in ["", "zh/", "tokenizer/attention-mask/"]:
        visit(page, served_site + path)
        loaded = page.evaluate(
            "() => performance.getEntriesByType('resource').map(entry => entry.name)"
        )
        assert not [url for url in loaded if "/assets/playground/" in url], (path, loaded)
    context.close()


# The widget on long text. Chromium's long-animation-frame observer lists each frame over
# 50 ms with the scripts that ran in it, each with the file it comes from and how long it
# ran (layout it forced included): none of the widget's own scripts may pass LONG_TASK_MS,
# whatever the length of the text. What the browser does with a long text by itself
# (laying out a megabyte in a textarea, editing it key by key) is not the widget's, and is
# not counted: it is there without the widget.
LONG_TASK_MS = 200
SHOWN = 800  # tokens of each text the widget lists (SHOWN in playground.js)

# window.paste(selector, text) does what a paste does: the text lands in the field, then
# one input event.
WATCH = """() => {
    window.frames_ = [];
    window.widgetScripts = [];
    new PerformanceObserver(list => {
        for (const frame of list.getEntries()) {
            window.frames_.push(frame.duration);
            for (const script of frame.scripts) {
                if (script.sourceURL.includes("/assets/playground/")) {
                    window.widgetScripts.push([script.invoker, Math.round(script.duration)]);
                }
            }
        }
    }).observe({type: "long-animation-frame"});
    window.paste = (selector, text) => {
        const field = document.querySelector(selector);
        field.value = text;
        field.dispatchEvent(new InputEvent("input", {bubbles: true, inputType: "insertFromPaste"}));
    };
}"""
PASTE = "([selector, text]) => window.paste(selector, text)"


def open_widget(browser, served_site, path):
    context = browser.new_context()
    page = context.new_page()
    seen = visit(page, served_site + path)
    assert not [p for p in seen.problems if "playground" in p], seen.problems
    page.locator("#pg-text").scroll_into_view_if_needed()
    page.wait_for_function("() => /\\d/.test(document.querySelector('.pg-count').textContent)")
    page.evaluate(WATCH)
    return context, page


def widget_long_tasks(page):
    """How long each of the widget's scripts ran, in the long frames so far (ms).

    Fails when the observer saw no long frame at all: a megabyte in a textarea makes
    some, so an observer that sees none is not working.
    """
    frames, scripts = page.evaluate("() => [window.frames_, window.widgetScripts]")
    assert frames, "the long-animation-frame observer saw no long frame"
    return [duration for _, duration in scripts]


def wait_for_count(page, total):
    """Wait until the widget's count says ``total`` tokens; return the count's text."""
    page.wait_for_function(
        """total => document.querySelector('.pg-count').textContent
            .match(/[\\d,]+/)?.[0].replaceAll(',', '') === total""",
        arg=str(total),
        timeout=60_000,
    )
    return page.locator(".pg-count").inner_text()


def counted(text: str) -> int:
    """The first number of the widget's count, as the reader sees it."""
    return int(re.search(r"[\d,]+", text).group().replace(",", ""))


def test_a_pasted_megabyte_shows_its_counts_with_no_long_task(browser, served_site, tokenizer):
    text = long_text(1_000_000)
    total = len(tokenizer(text)["input_ids"])
    context, page = open_widget(browser, served_site, PAGES[0])
    page.evaluate(PASTE, ["#pg-text", text])
    message = wait_for_count(page, total)
    assert counted(message) == total and f"{total - 512:,}" in message, message
    page.wait_for_function("() => document.querySelector('.pg-tokens .pg-more')")
    tokens = page.locator(".pg-tokens > li.pg-token")
    assert tokens.count() == SHOWN + 2
    assert tokens.first.text_content() == "[CLS]" and tokens.last.text_content() == "[SEP]"
    left = page.locator(".pg-tokens > li.pg-more").text_content()
    assert f"{total - SHOWN - 2:,}" in left, left
    assert page.locator(".pg-table thead th").count() == 1 + SHOWN + 2 + 1  # a column for the gap
    assert f"{total:,}" in page.locator(".pg-shown").inner_text()
    long_tasks = widget_long_tasks(page)
    assert max(long_tasks, default=0) < LONG_TASK_MS, long_tasks
    context.close()


def test_the_widget_says_how_many_tokens_it_lists_in_both_languages(
    browser, served_site, tokenizer
):
    text, pair = long_text(30_000), long_text(50_000)[30_000:]
    for path, language in ((PAGES[0], "en"), (PAGES[1], "zh")):
        strings = CATALOG[language]["playground"]
        context, page = open_widget(browser, served_site, path)
        for second, template, shown in (
            ("", "shownOne", SHOWN + 2),
            (pair, "shownPair", 2 * SHOWN + 3),
        ):
            total = len(tokenizer(text, second or None)["input_ids"])
            page.evaluate(PASTE, ["#pg-pair", second])
            page.evaluate(PASTE, ["#pg-text", text])
            wait_for_count(page, total)
            want = strings[template].format(
                shown=f"{shown:,}", total=f"{total:,}", limit=f"{SHOWN:,}"
            )
            page.wait_for_function(
                "want => document.querySelector('.pg-shown')?.textContent === want", arg=want
            )
            page.wait_for_function(
                "n => document.querySelectorAll('.pg-tokens > li.pg-token').length === n", arg=shown
            )
            page.wait_for_function(
                "want => document.querySelector('.pg-announce').textContent.endsWith(want)",
                arg=want,
            )
        context.close()


PASTE_WHILE_WORKING = """async ([first, second]) => {
    const count = document.querySelector(".pg-count");
    const working = new Promise(resolve => {
        const observer = new MutationObserver(() => {
            if (!count.textContent.includes("%")) return;
            observer.disconnect();
            resolve();
        });
        observer.observe(count, {childList: true, characterData: true, subtree: true});
    });
    window.paste("#pg-text", first);
    await working;
    await new Promise(resolve => setTimeout(resolve));
    window.paste("#pg-text", second);
}"""


def test_typing_in_long_text_stays_responsive_and_the_newest_input_wins(
    browser, served_site, tokenizer
):
    text = long_text(100_000)
    context, page = open_widget(browser, served_site, PAGES[0])
    page.evaluate(PASTE, ["#pg-text", text])
    wait_for_count(page, len(tokenizer(text)["input_ids"]))
    page.focus("#pg-text")
    page.keyboard.press("Control+End")
    typed = " and a few words typed at the end"
    page.keyboard.type(typed, delay=20)
    wait_for_count(page, len(tokenizer(text + typed)["input_ids"]))
    # a megabyte, then a short text while the megabyte is being tokenized: its counts never show
    page.evaluate(PASTE_WHILE_WORKING, [long_text(1_000_000), "Hello world"])
    wait_for_count(page, 4)
    page.wait_for_timeout(1500)
    assert counted(page.locator(".pg-count").inner_text()) == 4
    assert page.locator(".pg-shown").count() == 0
    long_tasks = widget_long_tasks(page)
    assert max(long_tasks, default=0) < LONG_TASK_MS, long_tasks
    context.close()
