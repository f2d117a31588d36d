"""One text pair through every stage of the tokenizer, with the backend's own parts."""

# --8<-- [start:pair-table]
from transformers import AutoTokenizer

tokenizer = AutoTokenizer.from_pretrained("google-bert/bert-base-uncased")
batch = tokenizer(
    "Héllo, Tokenizers!", "They split words into pieces.",
    truncation=True, max_length=18, padding="max_length",
)
columns = ["input_ids", "token_type_ids", "attention_mask"]
rows = zip(batch.tokens(), *(batch[column] for column in columns), strict=True)
print("position  token    ", "  ".join(columns), " segment")
#> position  token     input_ids  token_type_ids  attention_mask  segment
for position, (token, token_id, type_id, mask) in enumerate(rows):
    segment = "padding" if mask == 0 else "AB"[type_id]
    print(f"{position:>8}  {token:<7}{token_id:>11}{type_id:>16}{mask:>16}  {segment}")
    #>        0  [CLS]          101               0               1  A
    #>        1  hello         7592               0               1  A
    #>        2  ,             1010               0               1  A
    #>        3  token        19204               0               1  A
    #>        4  ##izer       17629               0               1  A
    #>        5  ##s           2015               0               1  A
    #>        6  !              999               0               1  A
    #>        7  [SEP]          102               0               1  A
    #>        8  they          2027               1               1  B
    #>        9  split         3975               1               1  B
    #>       10  words         2616               1               1  B
    #>       11  into          2046               1               1  B
    #>       12  pieces        4109               1               1  B
    #>       13  .             1012               1               1  B
    #>       14  [SEP]          102               1               1  B
    #>       15  [PAD]            0               0               0  padding
    #>       16  [PAD]            0               0               0  padding
    #>       17  [PAD]            0               0               0  padding
# --8<-- [end:pair-table]

# --8<-- [start:strip]
from transformers import AutoTokenizer

tokenizer = AutoTokenizer.from_pretrained("google-bert/bert-base-uncased")
backend = tokenizer.backend_tokenizer
pair = ["Héllo, Tokenizers!", "They split words into pieces."]
normalized = [backend.normalizer.normalize_str(text) for text in pair]
words = [backend.pre_tokenizer.pre_tokenize_str(text) for text in normalized]
pieces = [backend.encode(text, add_special_tokens=False).tokens for text in pair]
added = backend.num_special_tokens_to_add(is_pair=True)  # [CLS], [SEP], [SEP]
batch = tokenizer(*pair, truncation=True, max_length=18, padding="max_length")
tokens, real = batch.tokens(), sum(batch["attention_mask"])
stages = {
    "text": " + ".join(pair),
    "norm": " + ".join(normalized),
    "words": " + ".join(" ".join(word for word, _ in split) for split in words),
    "subwords": " + ".join(" ".join(split) for split in pieces),
    "truncate": f"{sum(map(len, pieces))} + {added} special <= 18: nothing to cut",
    "template": " ".join(tokens[:real]),
    "pad": f"... [SEP] {' '.join(tokens[real:])}  ({len(tokens)} tokens)",
}
print("\n".join(f"{stage:<9}{value}" for stage, value in stages.items()))
#> text     Héllo, Tokenizers! + They split words into pieces.
#> norm     hello, tokenizers! + they split words into pieces.
#> words    hello , tokenizers ! + they split words into pieces .
#> subwords hello , token ##izer ##s ! + they split words into pieces .
#> truncate 12 + 3 special <= 18: nothing to cut
#> template [CLS] hello , token ##izer ##s ! [SEP] they split words into pieces . [SEP]
#> pad      ... [SEP] [PAD] [PAD] [PAD]  (18 tokens)
# --8<-- [end:strip]

# --8<-- [start:parts]
from transformers import AutoTokenizer, PreTrainedTokenizerFast

tokenizer = AutoTokenizer.from_pretrained("google-bert/bert-base-uncased")
# the transformers class that wraps a Rust tokenizer; 4.x's name for it still works
base = type(tokenizer).__mro__[1]
print(type(tokenizer).__name__, "->", base.__name__, base is PreTrainedTokenizerFast)
#> BertTokenizer -> TokenizersBackend True
backend = tokenizer.backend_tokenizer  # a tokenizers.Tokenizer, written in Rust
print(type(backend).__module__, type(backend).__name__)
#> tokenizers Tokenizer
for part in ["normalizer", "pre_tokenizer", "model", "post_processor"]:
    print(f"{part:>14}: {type(getattr(backend, part)).__name__}")
    #>     normalizer: BertNormalizer
    #>  pre_tokenizer: BertPreTokenizer
    #>          model: WordPiece
    #> post_processor: TemplateProcessing
# --8<-- [end:parts]

# --8<-- [start:normalizer]
from transformers import AutoTokenizer

tokenizer = AutoTokenizer.from_pretrained("google-bert/bert-base-uncased")
normalizer = tokenizer.backend_tokenizer.normalizer
print(type(normalizer).__name__)
#> BertNormalizer
for setting in ["clean_text", "handle_chinese_chars", "strip_accents", "lowercase"]:
    print(f"{setting:>20}: {getattr(normalizer, setting)}")
    #>           clean_text: True
    #> handle_chinese_chars: True
    #>        strip_accents: None
    #>            lowercase: True
for text in ["Héllo, Tokenizers!", "They split words into pieces."]:
    print(repr(normalizer.normalize_str(text)))
    #> 'hello, tokenizers!'
    #> 'they split words into pieces.'
# a tab, a NUL, a zero-width space and two Chinese characters
print(repr(normalizer.normalize_str("Tab\there,\u0000 zero\u200bwidth 中文")))
#> 'tab here, zerowidth  中  文 '
# --8<-- [end:normalizer]

# --8<-- [start:pre-tokenizer]
from transformers import AutoTokenizer

tokenizer = AutoTokenizer.from_pretrained("google-bert/bert-base-uncased")
backend = tokenizer.backend_tokenizer
normalized = backend.normalizer.normalize_str("Héllo, Tokenizers!")
words = backend.pre_tokenizer.pre_tokenize_str(normalized)
print(words)  # (word, (start, end) in the normalized text)
#> [('hello', (0, 5)), (',', (5, 6)), ('tokenizers', (7, 17)), ('!', (17, 18))]
# --8<-- [end:pre-tokenizer]

# --8<-- [start:model]
from transformers import AutoTokenizer

tokenizer = AutoTokenizer.from_pretrained("google-bert/bert-base-uncased")
backend = tokenizer.backend_tokenizer
print(backend.get_vocab_size())
#> 30522
for text in ["Héllo, Tokenizers!", "They split words into pieces."]:
    normalized = backend.normalizer.normalize_str(text)
    for word, _ in backend.pre_tokenizer.pre_tokenize_str(normalized):
        pieces = [(token.value, token.id) for token in backend.model.tokenize(word)]
        print(f"{word:>10} -> {pieces}")
        #>      hello -> [('hello', 7592)]
        #>          , -> [(',', 1010)]
        #> tokenizers -> [('token', 19204), ('##izer', 17629), ('##s', 2015)]
        #>          ! -> [('!', 999)]
        #>       they -> [('they', 2027)]
        #>      split -> [('split', 3975)]
        #>      words -> [('words', 2616)]
        #>       into -> [('into', 2046)]
        #>     pieces -> [('pieces', 4109)]
        #>          . -> [('.', 1012)]
# --8<-- [end:model]

# --8<-- [start:truncation]
from transformers import AutoTokenizer

tokenizer = AutoTokenizer.from_pretrained("google-bert/bert-base-uncased")
backend = tokenizer.backend_tokenizer
# normalizer + pre-tokenizer + model: the two bare segments
a = backend.encode("Héllo, Tokenizers!", add_special_tokens=False)
b = backend.encode("They split words into pieces.", add_special_tokens=False)
added = backend.num_special_tokens_to_add(is_pair=True)  # [CLS], [SEP], [SEP]
print(len(a.ids), len(b.ids), added)
#> 6 6 3
for max_length in [18, 10]:
    backend.enable_truncation(max_length=max_length)  # strategy: longest_first
    # post_process cuts the segments to max_length - 3 first, then adds the template
    pair = backend.post_process(a, b)
    rows = list(zip(pair.tokens, pair.type_ids, pair.special_tokens_mask, strict=True))
    kept = [" ".join(t for t, kind, special in rows if kind == i and not special)
            for i in (0, 1)]
    print(max_length, kept)
    #> 18 ['hello , token ##izer ##s !', 'they split words into pieces .']
    #> 10 ['hello , token', 'they split words into']
# --8<-- [end:truncation]

# --8<-- [start:post-processor]
from transformers import AutoTokenizer

tokenizer = AutoTokenizer.from_pretrained("google-bert/bert-base-uncased")
backend = tokenizer.backend_tokenizer
a = backend.encode("Héllo, Tokenizers!", add_special_tokens=False)
b = backend.encode("They split words into pieces.", add_special_tokens=False)
pair = backend.post_processor.process(a, b)  # the template [CLS] A [SEP] B [SEP]
print(" ".join(pair.tokens))
#> [CLS] hello , token ##izer ##s ! [SEP] they split words into pieces . [SEP]
print(pair.type_ids)
#> [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1]
print(len(pair.ids))
#> 15
# with truncation on, the template comes after the cut: no [SEP] is lost
backend.enable_truncation(max_length=10)
print(" ".join(backend.post_process(a, b).tokens))
#> [CLS] hello , token [SEP] they split words into [SEP]
# --8<-- [end:post-processor]

# --8<-- [start:padding]
from transformers import AutoTokenizer

tokenizer = AutoTokenizer.from_pretrained("google-bert/bert-base-uncased")
backend = tokenizer.backend_tokenizer
backend.enable_truncation(max_length=18)
backend.enable_padding(
    length=18, pad_id=tokenizer.pad_token_id, pad_token=tokenizer.pad_token
)
encoding = backend.encode("Héllo, Tokenizers!", "They split words into pieces.")
print(encoding.tokens[-4:], len(encoding.ids))
#> ['[SEP]', '[PAD]', '[PAD]', '[PAD]'] 18
print(encoding.attention_mask)
#> [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0]
print(encoding.type_ids)
#> [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0]
# --8<-- [end:padding]

# --8<-- [start:batch-encoding]
from transformers import AutoTokenizer

tokenizer = AutoTokenizer.from_pretrained("google-bert/bert-base-uncased")
first, second = "Héllo, Tokenizers!", "They split words into pieces."
batch = tokenizer(first, second, truncation=True, max_length=18, padding="max_length")
print(type(batch).__name__, list(batch.keys()))
#> BatchEncoding ['input_ids', 'token_type_ids', 'attention_mask']
encoding = batch.encodings[0]  # the backend's own result, kept beside the lists
print(type(encoding).__module__, type(encoding).__name__)
#> tokenizers Encoding
print(batch["input_ids"] == encoding.ids)
#> True
print(batch["attention_mask"] == encoding.attention_mask)
#> True
# the call configured the backend, and the settings stay there after it
print(tokenizer.backend_tokenizer.truncation["max_length"])
#> 18
print(tokenizer.backend_tokenizer.padding["length"])
#> 18
# --8<-- [end:batch-encoding]

# --8<-- [start:embedding-rows]
import torch
from transformers import AutoConfig, AutoTokenizer
from transformers.models.bert.modeling_bert import BertEmbeddings

name = "google-bert/bert-base-uncased"
tokenizer = AutoTokenizer.from_pretrained(name)
batch = tokenizer(
    "Héllo, Tokenizers!", "They split words into pieces.",
    truncation=True, max_length=18, padding="max_length", return_tensors="pt",
)
torch.manual_seed(0)
embeddings = BertEmbeddings(AutoConfig.from_pretrained(name)).eval()  # untrained rows
ids, types = batch["input_ids"][0], batch["token_type_ids"][0]
words = embeddings.word_embeddings.weight[ids]  # row 101, row 7592, ...
segments = embeddings.token_type_embeddings.weight[types]  # row 0 or row 1
positions = embeddings.position_embeddings.weight[: len(ids)]  # rows 0 to 17
print(tuple(words.shape), tuple(segments.shape), tuple(positions.shape))
#> (18, 768) (18, 768) (18, 768)
with torch.no_grad():
    by_hand = embeddings.LayerNorm(words + segments + positions)
    by_model = embeddings(**{k: batch[k] for k in ["input_ids", "token_type_ids"]})[0]
print(torch.allclose(by_hand, by_model))
#> True
# --8<-- [end:embedding-rows]

# the stages, put together by hand, give what the call gives
tokenizer = AutoTokenizer.from_pretrained("google-bert/bert-base-uncased")
first, second = "Héllo, Tokenizers!", "They split words into pieces."
backend = tokenizer.backend_tokenizer
backend.no_truncation()
backend.no_padding()
a = backend.encode(first, add_special_tokens=False)
b = backend.encode(second, add_special_tokens=False)
pair = backend.post_processor.process(a, b)
pair.pad(18, pad_id=0, pad_token="[PAD]")
call = tokenizer(first, second, truncation=True, max_length=18, padding="max_length")
assert pair.ids == call["input_ids"] and pair.type_ids == call["token_type_ids"]
assert pair.attention_mask == call["attention_mask"]
assert type(tokenizer).__mro__[1] is PreTrainedTokenizerFast

backend.no_padding()  # the call above set it

# truncation comes before the template: [CLS] and both [SEP] survive every max_length,
# and max_length - 3 content tokens are kept, where a cut after the template would drop [SEP]
untruncated = backend.post_processor.process(a, b).tokens
assert len(untruncated) == 15
for max_length in range(3, 19):
    backend.enable_truncation(max_length=max_length)
    tokens = backend.post_process(a, b).tokens
    assert tokens[0] == "[CLS]" and tokens[-1] == "[SEP]", tokens
    assert tokens.count("[SEP]") == 2 and len(tokens) == min(15, max_length), tokens
    called = tokenizer(first, second, truncation=True, max_length=max_length).tokens()
    assert called == tokens, (called, tokens)
    if max_length < 15:
        assert untruncated[:max_length].count("[SEP]") < 2  # what template-then-cut gives
backend.no_truncation()


# Journey diagram, drawn from this run's values in each language (not shown on the page)
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
from matplotlib.patches import FancyBboxPatch

from tensornotes.figures import save_charts

normalizer, pre_tokenizer = backend.normalizer, backend.pre_tokenizer
words = [w for w, _ in pre_tokenizer.pre_tokenize_str(normalizer.normalize_str(first))]
call_tokens = call.tokens()
n_real, n_total = sum(call["attention_mask"]), len(call["input_ids"])
n_pad = n_total - n_real
n_added = backend.num_special_tokens_to_add(is_pair=True)
STAGES = [  # (en title, zh title, backend part, value, en note, zh note)
    ("text pair", "文本对", "", f'"{first}"  +  "{second}"',
     "segment A + segment B", "片段 A + 片段 B"),
    ("normalize", "规范化", "normalizer: BertNormalizer", repr(normalizer.normalize_str(first)),
     "lower case, accents stripped (é → e)", "转为小写，去掉重音（é → e）"),
    ("pre-tokenize", "预分词", "pre_tokenizer: BertPreTokenizer", " | ".join(words),
     "split at spaces and punctuation, offsets kept", "按空白和标点切成词，保留偏移量"),
    ("split into subwords", "切分为子词", "model: WordPiece", " ".join(a.tokens),
     f"ids {', '.join(map(str, a.ids))}", f"id：{', '.join(map(str, a.ids))}"),
    ("truncate", "截断", "enable_truncation(max_length=18)",
     f"{len(a.ids) + len(b.ids)} + {n_added} <= 18",
     "cuts the bare segments, before [CLS] and [SEP] are added; nothing to cut here",
     "在加入 [CLS] 和 [SEP] 之前截断两个片段；这里无需截断"),
    ("add special tokens", "加入特殊 token", "post_processor: TemplateProcessing",
     "[CLS] A [SEP] B [SEP]", f"{n_real} tokens; token_type_ids 0 for A, 1 for B",
     f"共 {n_real} 个 token；token_type_ids：A 为 0，B 为 1"),
    ("pad", "填充", "enable_padding(length=18)",
     f"+ {n_pad} [PAD]   attention_mask: {n_real} x 1, {n_pad} x 0",
     f"to length {n_total}, on the right", f"在右侧填充到长度 {n_total}"),
    ("return BatchEncoding", "返回 BatchEncoding", "BatchEncoding(encodings=[Encoding])",
     "input_ids, token_type_ids, attention_mask",
     "Python lists, plus the backend's Encoding", "Python 列表，外加后端的 Encoding"),
    ("look up embedding rows", "查找嵌入行", "BertEmbeddings",
     f"word + position + segment rows -> ({n_total}, 768)", "then LayerNorm", "再经过 LayerNorm"),
]
assert call_tokens[-1] == "[PAD]" and len(STAGES) == 9


def draw_journey(lang):
    fig, ax = plt.subplots(figsize=(10, 7.4))
    ax.set_xlim(0, 10)
    ax.set_ylim(0, len(STAGES))
    ax.axis("off")
    for row, (en, zh, part, value, note_en, note_zh) in enumerate(STAGES):
        y = len(STAGES) - row - 0.85
        face = "#f5f5f5" if row == 0 else "#e8eaf6"
        ax.add_patch(FancyBboxPatch(
            (0.05, y), 3.4, 0.7, boxstyle="round,pad=0.02,rounding_size=0.1",
            facecolor=face, edgecolor="#3f51b5", linewidth=1.2,
        ))
        title = en if lang == "en" else zh
        ax.text(1.75, y + (0.47 if part else 0.35), title, ha="center", va="center",
                fontsize=10, weight="bold")
        if part:
            ax.text(1.75, y + 0.18, part, ha="center", va="center", fontsize=8,
                    family="monospace", color="#333333")
        ax.text(3.65, y + 0.47, value, ha="left", va="center", fontsize=8.6, family="monospace")
        note = note_en if lang == "en" else note_zh
        ax.text(3.65, y + 0.18, note, ha="left", va="center", fontsize=8.2, color="#555555")
        if row:
            ax.annotate("", (1.75, y + 0.72), (1.75, y + 1.13),
                        arrowprops=dict(arrowstyle="-|>", color="#333333", lw=1.2))
    return fig


save_charts("tokenizer-journey", draw_journey)
