"""Source symbols resolve to the right lines of the pinned releases."""

import inspect

import pytest
import torch
import transformers
from transformers.models.bert import modeling_bert

from tensornotes.sources import SourceError, render, resolve


@pytest.mark.parametrize(
    ("symbol", "obj"),
    [
        (
            "transformers.tokenization_utils_base:PreTrainedTokenizerBase.__call__",
            transformers.PreTrainedTokenizerBase.__call__,
        ),
        (
            "transformers.models.bert.modeling_bert:BertEmbeddings.forward",
            modeling_bert.BertEmbeddings.forward,
        ),
        ("transformers.models.bert.modeling_bert:BertModel", modeling_bert.BertModel),
        ("torch.autograd.grad_mode:no_grad", torch.no_grad),
    ],
)
def test_symbol_resolves_to_the_lines_inspect_finds(symbol, obj):
    source = resolve(symbol)
    lines, start = inspect.getsourcelines(inspect.unwrap(obj))
    assert (source.start, source.end) == (start, start + len(lines) - 1)
    assert "\n".join(source.lines) == "".join(lines).rstrip("\n")
    package = symbol.split(".")[0]
    tag = transformers.__version__ if package == "transformers" else torch.__version__.split("+")[0]
    assert f"/blob/v{tag}/" in source.url
    assert source.url.endswith(f"#L{source.start}-L{source.end}")


def test_transformers_links_point_into_src():
    url = resolve("transformers.models.bert.modeling_bert:BertModel").url
    assert url.startswith(
        "https://github.com/huggingface/transformers/blob/v5.23.0/src/transformers/models/bert/modeling_bert.py#L"
    )


def test_excerpt_is_a_collapsed_block_with_line_numbers():
    block = render("torch.autograd.grad_mode:no_grad", excerpt=True)
    assert block.startswith('??? quote "`no_grad`"')
    assert f'linenums="{resolve("torch.autograd.grad_mode:no_grad").start}"' in block
    assert "class no_grad(" in block


@pytest.mark.parametrize(
    "symbol",
    [
        "transformers.models.bert.modeling_bert:BertEmbeddings.no_such_method",
        "transformers.no_such_module:Thing",
        "numpy:array",
    ],
)
def test_unknown_symbols_raise(symbol):
    with pytest.raises(SourceError, match=symbol.split(":")[0].split(".")[0]):
        resolve(symbol)
