"""Text normalisation shared by the loader, the name index and the intent matcher.

Everything that compares text goes through :func:`normalize` once, so that case, accents,
punctuation and possessives never matter.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from itertools import accumulate
from operator import add

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "ʼ": "'"})
# Characters that carry no meaning for matching: zero-width and bidi controls, BOMs.
_ZERO_WIDTH = (0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x2060, 0xFEFF, 0x00AD)
_INVISIBLE = dict.fromkeys((*_ZERO_WIDTH, *range(0x202A, 0x202F), *range(0x2066, 0x206A)))
_TOKEN_RE = re.compile(r"[a-z0-9]+")
# Most names in a results table are plain ASCII words: their normal form needs no regex pass.
_PLAIN_RE = re.compile(r"[A-Za-z0-9]+(?:[ -][A-Za-z0-9]+)*")
_POSSESSIVE_RE = re.compile(r"(\w)'s\b|(\ws)'(?=\s|$)")
# Letters that do not decompose into a base letter plus accent under NFKD.
_SPECIAL_LETTERS = str.maketrans(
    {
        "ø": "o",
        "Ø": "O",
        "ß": "ss",
        "æ": "ae",
        "Æ": "AE",
        "œ": "oe",
        "Œ": "OE",
        "ł": "l",
        "Ł": "L",
        "đ": "d",
        "Đ": "D",
        "ð": "d",
        "þ": "th",
        "ı": "i",
    }
)


def strip_accents(text: str) -> str:
    """Return ``text`` with diacritics removed (``"Müller" -> "Muller"``)."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_SPECIAL_LETTERS))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def normalize(text: str) -> str:
    """Casefold, strip accents, possessives and punctuation; collapse spaces.

    >>> normalize("  Farah's TIME?! ")
    'farah time'
    >>> normalize("Kipchoge’s")
    'kipchoge'
    """
    if text.isascii() and _PLAIN_RE.fullmatch(text):
        return text.lower().replace("-", " ")
    # Word by word, each word's normal form kept: a big field's names share a few thousand words.
    words = text.split()
    parts = list(map(_WORDS.get, words))
    if None in parts:
        for index, word in enumerate(words):
            if parts[index] is None:
                normal = parts[index] = _normalize_any(word)
                if len(word) <= _MAX_WORD and len(_WORDS) < _MAX_WORDS:
                    _WORDS[word] = normal
    return " ".join(filter(None, parts))


_WORDS: dict[str, str] = {}
_MAX_WORDS = 100_000  # with words of at most _MAX_WORD characters: a few MB at most, whatever
_MAX_WORD = 24  # people type into questions


def _normalize_any(text: str) -> str:
    """:func:`normalize` without the shortcut for plain ASCII words."""
    if text.isascii():
        text = text.lower().replace("`", "'")
    else:
        text = text.translate(_INVISIBLE).translate(_APOSTROPHES)
        text = strip_accents(text).casefold()
    text = _POSSESSIVE_RE.sub(lambda m: m.group(1) or m.group(2), text)
    return " ".join(_TOKEN_RE.findall(text))


def not_plain(texts: list[str], joined: str) -> set[int]:
    """Indexes of the texts (``joined`` by NUL, none holding one) that are not plain ASCII
    words, that is not matched by ``_PLAIN_RE``: a character other than a letter, a digit, a
    space or a hyphen, or a space or hyphen at an edge or beside another."""
    nuls = list(map(add, accumulate(map(len, texts)), range(len(texts))))  # where each NUL is
    places = [m.start() for m in _ODD_CHARACTER_RE.finditer(joined)]
    for pair, offset in _ODD_PAIRS:
        found = joined.find(pair)
        while found >= 0:
            places.append(found + offset)
            found = joined.find(pair, found + 1)
    if joined[:1] in (" ", "-"):
        places.append(0)
    if joined[-1:] in (" ", "-"):
        places.append(len(joined) - 1)
    return {bisect_right(nuls, place) for place in places}


_ODD_CHARACTER_RE = re.compile(r"[^A-Za-z0-9 \x00-]")
# separator pairs that make a text not plain, with the offset of the character inside a text
_ODD_PAIRS = (("  ", 0), ("--", 0), (" -", 0), ("- ", 0), ("\x00 ", 1), ("\x00-", 1),
              (" \x00", 0), ("-\x00", 0))  # fmt: skip


def tokens(text: str) -> list[str]:
    """Normalised tokens of ``text``."""
    return normalize(text).split()


def slugify(text: str) -> str:
    """A stable identifier: ``"Vivian Cheruiyot" -> "vivian-cheruiyot"``."""
    if _PLAIN_RE.fullmatch(text):
        return text.lower().replace(" ", "-")
    return "-".join(tokens(text))
