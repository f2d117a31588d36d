"""Hard inputs for tokenizers: the cases every exact re-implementation here is checked on.

Empty and blank text, accents and combining marks (composed and not), CJK
beyond U+FFFF, unassigned and private-use code points, control, format and
zero-width characters, emoji sequences, special-token look-alikes, words at
and over WordPiece's 100-character limit, case and compatibility forms. The
playground's browser tests and the byte-level BPE snippet both use this list.
"""

__all__ = ["HARD"]

HARD = [
    "",
    " ",
    "héllo wörld, Crème Brûlée, naïve façade",
    "e\u0301 a\u0308 A\u030a \u212b \u0130stanbul Stra\u00dfe \u1e9e",
    "\u0344\u0327 x\u0301\u0327 \u1ee5\u031b",
    "\U00020000\U0002a6d6 \U0002b740\U0002f800 \U00030000\U000323af 北京 𠀋𠀌",
    "a\u0378b x\ue000y \U000f0000z \U0010fffd",
    "tab\tnew\nline\r\x0b\x0c\x85 end",
    "\x00\x01\x7f ctl \ufffd\u200bzero\u200dwidth\ufeff\u2060\u00ad",
    "😀👍🏽👨‍👩‍👧 🇨🇳 ❤️ hello😀",
    "[MASK] [mask] a[MASK]b [CLS][SEP][PAD][UNK] [[MASK]] [MAS",
    "a" * 100,
    "a" * 101,
    "b" * 250 + " ok",
    "ΟΔΟΣ Σ ς ﬁne ﬀ Ⅻ ㎏",
    "한국어 텍스트 ᄒᆞᆫ",
    "ﾃｽﾄ テスト 東京 ｶﾞ",
]
"""One or more strings of each hard kind."""
