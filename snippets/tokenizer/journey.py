"""One text pair through every stage of the tokenizer, with the backend's own parts."""

# --8<-- [start:call]
from transformers import AutoTokenizer

tokenizer = AutoTokenizer.from_pretrained("google-bert/bert-base-uncased")
first, second = "Héllo, Tokenizers!", "They split words into pieces."
batch = tokenizer(first, second, truncation=True, max_length=18, padding="max_length")
print(" ".join(batch.tokens()))
#> [CLS] hello , token ##izer ##s ! [SEP] they split words into pieces . [SEP] [PAD] [PAD] [PAD]
print(batch["input_ids"])
#> [101, 7592, 1010, 19204, 17629, 2015, 999, 102, 2027, 3975, 2616, 2046, 4109, 1012, 102, 0, 0, 0]
# --8<-- [end:call]

# --8<-- [start:parts]
from transformers import AutoTokenizer

tokenizer = AutoTokenizer.from_pretrained("google-bert/bert-base-uncased")
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
print(normalizer)
#> BertNormalizer(clean_text=True, handle_chinese_chars=True, strip_accents=None, lowercase=True)
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

backend = AutoTokenizer.from_pretrained("google-bert/bert-base-uncased").backend_tokenizer
normalized = backend.normalizer.normalize_str("Héllo, Tokenizers!")
words = backend.pre_tokenizer.pre_tokenize_str(normalized)
print(words)  # (word, (start, end) in the normalized text)
#> [('hello', (0, 5)), (',', (5, 6)), ('tokenizers', (7, 17)), ('!', (17, 18))]
# --8<-- [end:pre-tokenizer]

# --8<-- [start:model]
from transformers import AutoTokenizer

backend = AutoTokenizer.from_pretrained("google-bert/bert-base-uncased").backend_tokenizer
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

# --8<-- [start:post-processor]
from transformers import AutoTokenizer

backend = AutoTokenizer.from_pretrained("google-bert/bert-base-uncased").backend_tokenizer
# normalizer + pre-tokenizer + model, without the template
a = backend.encode("Héllo, Tokenizers!", add_special_tokens=False)
b = backend.encode("They split words into pieces.", add_special_tokens=False)
print(a.tokens, b.tokens)
#> ['hello', ',', 'token', '##izer', '##s', '!'] ['they', 'split', 'words', 'into', 'pieces', '.']
pair = backend.post_processor.process(a, b)  # the template [CLS] A [SEP] B [SEP]
print(" ".join(pair.tokens))
#> [CLS] hello , token ##izer ##s ! [SEP] they split words into pieces . [SEP]
print(pair.type_ids)
#> [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1]
print(len(pair.ids))
#> 15
# --8<-- [end:post-processor]

# --8<-- [start:truncation]
from transformers import AutoTokenizer

backend = AutoTokenizer.from_pretrained("google-bert/bert-base-uncased").backend_tokenizer
first, second = "Héllo, Tokenizers!", "They split words into pieces."
for max_length in [18, 10]:
    backend.enable_truncation(max_length=max_length, strategy="longest_first")
    encoding = backend.encode(first, second)  # every stage up to here
    print(max_length, len(encoding.ids), " ".join(encoding.tokens))
    #> 18 15 [CLS] hello , token ##izer ##s ! [SEP] they split words into pieces . [SEP]
    #> 10 10 [CLS] hello , token [SEP] they split words into [SEP]
# --8<-- [end:truncation]

# --8<-- [start:padding]
from transformers import AutoTokenizer

tokenizer = AutoTokenizer.from_pretrained("google-bert/bert-base-uncased")
backend = tokenizer.backend_tokenizer
backend.enable_truncation(max_length=18)
backend.enable_padding(length=18, pad_id=tokenizer.pad_token_id, pad_token=tokenizer.pad_token)
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
print(batch["input_ids"] == encoding.ids, batch["attention_mask"] == encoding.attention_mask)
#> True True
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

# --8<-- [start:out-of-range]
import torch

embedding = torch.nn.Embedding(30522, 768)  # bert-base-uncased's word embeddings
ids = torch.tensor([[101, 7592, 30522, 102]])  # 30522 is one past the last row
try:
    embedding(ids)
except IndexError as error:
    print(f"{type(error).__name__}: {error}")
    #> IndexError: index out of range in self
# the check to run before sending a batch to a device
print(int(ids.min()) >= 0, int(ids.max()) < embedding.num_embeddings)
#> True False
# --8<-- [end:out-of-range]

# the stages, put together by hand, give what the call gives
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
STAGES = [  # (en title, zh title, backend part, value, en note, zh note)
    ("text pair", "文本对", "", f'"{first}"  +  "{second}"',
     "segment A + segment B", "片段 A + 片段 B"),
    ("normalize", "规范化", "normalizer: BertNormalizer", repr(normalizer.normalize_str(first)),
     "lower case, accents stripped (é → e)", "转为小写，去掉重音（é → e）"),
    ("pre-tokenize", "预分词", "pre_tokenizer: BertPreTokenizer", " | ".join(words),
     "split at spaces and punctuation, offsets kept", "按空白和标点切成词，保留偏移"),
    ("split into subwords", "切分为子词", "model: WordPiece", " ".join(a.tokens),
     f"ids {', '.join(map(str, a.ids))}", f"id：{', '.join(map(str, a.ids))}"),
    ("add special tokens", "加入特殊 token", "post_processor: TemplateProcessing",
     "[CLS] A [SEP] B [SEP]", f"{n_real} tokens; token_type_ids 0 for A, 1 for B",
     f"共 {n_real} 个 token；token_type_ids：A 为 0，B 为 1"),
    ("truncate", "截断", "enable_truncation(max_length=18)", f"{n_real} <= 18",
     "nothing to cut; longest_first would cut the longer segment first",
     "无需截断；longest_first 会先截短较长的片段"),
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
            (0.05, y), 2.9, 0.7, boxstyle="round,pad=0.02,rounding_size=0.1",
            facecolor=face, edgecolor="#3f51b5", linewidth=1.2,
        ))
        title = en if lang == "en" else zh
        ax.text(1.5, y + (0.47 if part else 0.35), title, ha="center", va="center",
                fontsize=10, weight="bold")
        if part:
            ax.text(1.5, y + 0.18, part, ha="center", va="center", fontsize=7.2,
                    family="monospace", color="#333333")
        ax.text(3.15, y + 0.47, value, ha="left", va="center", fontsize=8.6, family="monospace")
        note = note_en if lang == "en" else note_zh
        ax.text(3.15, y + 0.18, note, ha="left", va="center", fontsize=8.2, color="#555555")
        if row:
            ax.annotate("", (1.5, y + 0.72), (1.5, y + 1.13),
                        arrowprops=dict(arrowstyle="-|>", color="#333333", lw=1.2))
    return fig


save_charts("tokenizer-journey", draw_journey)
