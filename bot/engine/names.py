"""The athlete name index: which athletes a question names, fast at any field size.

Matching a question against every full name with a fuzzy scorer costs tens of milliseconds at
40,000 finishers and is often wrong on casual text. Instead, each name token maps to the athletes
that carry it. A question word is looked up exactly, then through a one-edit typo map of the token
vocabulary (deletions, as in SymSpell), and consecutive words that name the same athlete are
intersected. Only the few survivors are ranked with a rapidfuzz scorer.
"""

from __future__ import annotations

import bisect
import weakref
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from operator import is_

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from bot.engine.bulk import paused_gc
from bot.engine.normalize import normalize
from bot.engine.vocabulary import COMMON_WORDS

MIN_TYPO_LENGTH = 4
"""Shorter words only ever match exactly on their own ("mo" must not become "jo")."""

MIN_SHORT_TYPO_LENGTH = 3
"""Next to other words of the same name, a word of three or four letters may carry a slip
("george web", "oliver kng", "sin wilson"): one edit, keeping the first letter."""


REUSE_FROM = 1000
"""An index of this many items or more is kept (weakly) for an index over the same items."""

_BUILT: weakref.WeakValueDictionary[tuple[int, int, int], NameIndex] = weakref.WeakValueDictionary()


def _deletions(token: str) -> set[str]:
    return {token[:i] + token[i + 1 :] for i in range(len(token))}


@dataclass(frozen=True, slots=True)
class Mention:
    """Words of a question that name one person (or one of several people)."""

    start: int  # index of the first word
    end: int  # index after the last word
    text: str  # the normalised words
    candidates: tuple[int, ...]  # indexes into NameIndex.items, best first
    exact: bool  # every word matched exactly
    ambiguous: bool  # several candidates fit equally well


class NameIndex:
    """Token index over a sequence of named items (athletes, or other people)."""

    __slots__ = (
        "__weakref__", "_deletes", "_names", "_ordinary", "_postings", "_sizes", "_sorted", "items"
    )  # fmt: skip
    items: Sequence[object]
    _ordinary: frozenset[str]
    _names: list[str]
    _postings: dict[str, tuple[int, ...]]
    _deletes: dict[str, str | tuple[str, ...]]
    _sizes: list[int]
    _sorted: list[str] | None

    def __init__(
        self,
        items: Sequence[object],
        names: Iterable[Sequence[str]],
        ordinary: frozenset[str] = COMMON_WORDS,
    ) -> None:
        """``names[i]`` lists every name and alias of ``items[i]``. ``ordinary`` words (the
        question vocabulary) match a name only exactly, never through a typo."""
        key = (id(items[0]) if items else 0, len(items), id(ordinary))
        built = _BUILT.get(key) if len(items) >= REUSE_FROM else None
        if built is not None and all(map(is_, built.items, items)):
            # The very same athletes (a race a reload kept as it was): the same index.
            self.items, self._ordinary, self._sorted = items, ordinary, built._sorted
            self._names, self._postings = built._names, built._postings
            self._deletes, self._sizes = built._deletes, built._sizes
            return
        with paused_gc():
            self._build(items, names, ordinary)
        if len(items) >= REUSE_FROM:
            _BUILT[key] = self

    def _build(
        self, items: Sequence[object], names: Iterable[Sequence[str]], ordinary: frozenset[str]
    ) -> None:
        self.items = items
        self._ordinary = ordinary
        postings: dict[str, list[int]] = {}
        posted = postings.get
        self._names = []
        for index, variants in enumerate(names):
            first = True
            for variant in variants:
                text = normalize(variant)
                if first:
                    self._names.append(text)
                    first = False
                for token in text.split():
                    ids = posted(token)
                    if ids is None:
                        postings[token] = [index]
                    elif ids[-1] != index:  # indexes come in order: a repeat is the last one
                        ids.append(index)
            if first:
                self._names.append("")
        self._postings = {t: tuple(ix) for t, ix in postings.items()}
        deletes: dict[str, str | tuple[str, ...]] = {}
        for token in self._postings:
            if len(token) < MIN_SHORT_TYPO_LENGTH:
                continue
            for variant in _deletions(token):
                existing = deletes.get(variant)
                if existing is None:
                    deletes[variant] = token
                elif isinstance(existing, str):
                    if existing != token:
                        deletes[variant] = (existing, token)
                elif token not in existing:
                    deletes[variant] = (*existing, token)
        self._deletes = deletes
        self._sorted = None
        self._sizes = [name.count(" ") + 1 for name in self._names]  # words in each name

    def __len__(self) -> int:
        return len(self.items)

    def name_of(self, index: int) -> str:
        return self._names[index]

    def token_matches(self, word: str) -> tuple[tuple[str, ...], bool]:
        """Vocabulary tokens ``word`` may stand for, and whether the match is exact."""
        if word in self._postings:
            return (word,), True
        if word in self._ordinary or word.isdigit():
            return (), False
        stem = word[:-1] if word.endswith("s") and len(word) >= 3 else None
        if stem is not None and stem in self._postings:
            return (stem,), True  # a possessive typed without its apostrophe: "wus", "kitatas"
        if len(word) < MIN_TYPO_LENGTH:
            return (), False
        found = self.typo_matches(word)
        if not found and stem is not None and len(stem) >= MIN_TYPO_LENGTH:
            # a possessive of a slip ("kipchogs"): one edit only, not two ("degrees": Dereje)
            found = tuple(
                t for t in self.typo_matches(stem) if OSA.distance(stem, t, score_cutoff=1) <= 1
            )
        return found, False

    def _one_edit(self, word: str) -> list[str]:
        """Vocabulary tokens one edit (deletion, insertion, change or swap) from ``word``, and
        some two edits away (a deletion from each: "sain" reaches "sean")."""
        found: list[str] = []

        def add(value: str | tuple[str, ...] | None) -> None:
            if value is None:
                return
            for token in (value,) if isinstance(value, str) else value:
                if token not in found and token != word:
                    found.append(token)

        add(self._deletes.get(word))  # a letter left out: "kipchge"
        for variant in _deletions(word):
            if variant in self._postings:  # a letter too many: "farrah"
                add(variant)
            add(self._deletes.get(variant))  # one letter changed or swapped: "kipchogi"
        return found

    def typo_matches(self, word: str) -> tuple[str, ...]:
        """Vocabulary tokens one edit (deletion, insertion, change or swap) from ``word``."""
        if len(word) < MIN_TYPO_LENGTH or word in self._ordinary:
            return ()
        found = self._one_edit(word)
        if len(found) > 1:  # keep the closest: true one-edit readings, then the same first letter
            edits = [t for t in found if OSA.distance(word, t, score_cutoff=1) <= 1]
            found = edits or found
            first = [t for t in found if t[0] == word[0]]
            found = first or found
        # "farrah" also reaches "sarah" through the last rule; keep the closest only.
        if len(found) > 1:
            best = max(fuzz.ratio(word, t) for t in found)
            found = [t for t in found if fuzz.ratio(word, t) >= best - 0.01]
        return tuple(found)

    def near_matches(self, word: str) -> tuple[str, ...]:
        """Every vocabulary token one edit from ``word``, for a word beside others of the same
        name (which then decide between them).

        Unlike :meth:`typo_matches`, words of two to four letters count, keeping their first
        letter ("web" -> "webb", "kng" -> "king", "sin" -> "sian", "lz" -> "liz"), and no
        reading is dropped for a closer one ("joan" -> "john" as well as "jan")."""
        if len(word) < MIN_SHORT_TYPO_LENGTH - 1 or word in self._ordinary or word.isdigit():
            return ()
        found = [t for t in self._one_edit(word) if OSA.distance(word, t, score_cutoff=1) <= 1]
        if len(word) <= MIN_TYPO_LENGTH:
            found = [token for token in found if token[0] == word[0]]
        stem = word[:-1]
        if word.endswith("s") and len(stem) >= MIN_SHORT_TYPO_LENGTH - 1:  # "cxs pace": Cox's
            if stem in self._postings:
                found.append(stem)
            found.extend(t for t in self.near_matches(stem) if t not in found)
        return tuple(found)

    def _wide(self, word: str, match: tuple[set[int], bool]) -> set[int]:
        """Everyone ``word`` may stand for: its matches, and every token one edit away."""
        return match[0] | self.postings(self.near_matches(word))

    def _narrow(self, current: set[int], word: str) -> set[int]:
        """Candidates of ``current`` that ``word`` also fits, through a typo or a close spelling.

        Used when the word names nobody among ``current`` as typed: "andrew kitaats" narrows the
        Andrews to Andrew Kitata, "george web" the Georges to George Webb. Only the few
        candidates' own name tokens are compared.
        """
        if word in self._ordinary or word.isdigit():
            return set()
        if len(word) <= MIN_TYPO_LENGTH:
            return current & self.postings(self.near_matches(word))
        narrowed = current & self.postings(self.typo_matches(word))
        if narrowed or len(current) > 300:
            return narrowed
        stem = word[:-1] if word.endswith("s") and len(word) > MIN_TYPO_LENGTH else word
        tokens: dict[str, list[int]] = {}
        for candidate in current:
            for token in self._names[candidate].split():
                tokens.setdefault(token, []).append(candidate)
        best = process.extractOne(stem, list(tokens), scorer=fuzz.ratio, score_cutoff=72)
        return set(tokens[best[0]]) if best else set()

    def prefix_tokens(self, prefix: str, limit: int) -> list[str]:
        """Vocabulary tokens starting with ``prefix`` (at most ``limit``)."""
        if self._sorted is None:
            self._sorted = sorted(self._postings)
        start = bisect.bisect_left(self._sorted, prefix)
        found: list[str] = []
        for token in self._sorted[start : start + limit]:
            if not token.startswith(prefix):
                break
            found.append(token)
        return found

    def postings(self, tokens: Iterable[str]) -> set[int]:
        result: set[int] = set()
        for token in tokens:
            result.update(self._postings.get(token, ()))
        return result

    def find(self, words: Sequence[str], skip: frozenset[int] = frozenset()) -> list[Mention]:
        """Every mention of an indexed name in ``words`` (normalised question words)."""
        matches: list[tuple[set[int], bool] | None] = []
        words = list(words)
        for position in range(len(words) - 1):  # "kip choge": a name typed in two parts
            joined = words[position] + words[position + 1]
            if (
                joined in self._postings
                and words[position] not in self._postings
                and position not in skip
                and position + 1 not in skip
            ):
                words[position], words[position + 1] = joined, ""
        for position, word in enumerate(words):
            if position in skip or not word:
                matches.append(None)
                continue
            tokens, exact = self.token_matches(word)
            matches.append((self.postings(tokens), exact) if tokens else None)
        mentions: list[Mention] = []
        i = 0
        start = 0  # words before this belong to an earlier mention
        while i < len(words):
            match = matches[i]
            if match is None:
                i += 1
                continue
            current, exact = set(match[0]), match[1]
            j = i + 1
            while j < len(words) and words[j] and j not in skip:
                following = matches[j]
                narrowed = current & following[0] if following is not None else set()
                if j == i + 1 and following is not None and not (exact and following[1]):
                    # Two name words, one of them a slip: every reading of each ("joan kruger"
                    # is John Kruger as well as Jan-Erik Kruger); the ranking below decides.
                    both = self._wide(words[i], match) & self._wide(words[j], following)
                    narrowed = both or narrowed
                elif j == i + 1 and following is not None and not narrowed:
                    # Both typed as names, but no one has both: a short one may be a slip
                    # ("jun phillips" for Juan Phillips); "farah kipchoge" stays two people.
                    for short, other in ((words[i], following[0]), (words[j], current)):
                        if len(short) <= MIN_TYPO_LENGTH:
                            narrowed |= other & self.postings(self.near_matches(short))
                if narrowed:
                    current, exact = narrowed, exact and following is not None and following[1]
                    j += 1
                    continue
                if j - i >= max(self._sizes[c] for c in current):
                    break  # every word of their names is used ("ruti aga age": not a 3rd)
                narrowed = self._narrow(current, words[j])
                if not narrowed and j == i + 1 and following is not None:
                    # the first word is the slip: "jon smith" for John Smith when no Jon Smith
                    narrowed = self._narrow(following[0], words[i])
                if not narrowed:
                    break
                current, exact = narrowed, False
                j += 1
            # a slip in the word before the name: "sin wilson", "isa robertss"
            while i > start and matches[i - 1] is None and words[i - 1] and i - 1 not in skip:
                narrowed = current & self.postings(self.near_matches(words[i - 1]))
                if not narrowed:
                    break
                current, exact, i = narrowed, False, i - 1
            mention = self._mention(words, i, j, current, exact)
            if mention is not None:
                mentions.append(mention)
            i = start = j
        return mentions

    def _mention(
        self, words: Sequence[str], start: int, end: int, candidates: set[int], exact: bool
    ) -> Mention | None:
        text = " ".join(words[start:end])
        if end - start == 1 and (words[start] in COMMON_WORDS or len(words[start]) < 2):
            return None  # "many", "will", "time": ordinary words, not a name on their own; nor
            # is an initial ("w" of "w kipsang" in "podium w times")
        if len(candidates) == 1:
            return Mention(start, end, text, tuple(candidates), exact, False)
        if exact and end - start == 1:
            # One exact word ("harris") fits its candidates alike: those whose name it is more
            # of ("Mary Harris" before "Mary Harris-Lee") first, then in field order. A word of
            # their own names before one only of an alias ("kipsang": Wilson Kipsang, not
            # Geoffrey Kamworor, "Geoffrey Kipsang Kamworor" in full).
            forms = {text, text.removesuffix("s")}  # "kipsangs pace": Kipsang's
            own = {c for c in candidates if forms & set(self._names[c].split())}
            if own and len(own) < len(candidates):
                if len(own) == 1:
                    return Mention(start, end, text, tuple(own), exact, False)
                candidates = own
            ranked_ids = sorted(sorted(candidates), key=self._sizes.__getitem__)
            return Mention(start, end, text, tuple(ranked_ids), exact, True)
        choices = {c: self._names[c] for c in candidates}
        scored = process.extract(text, choices, scorer=fuzz.token_sort_ratio, limit=None)
        ranked = sorted(((score, key) for _, score, key in scored), key=lambda p: (-p[0], p[1]))
        top = ranked[0][0]
        ambiguous = len(ranked) > 1 and ranked[1][0] >= top - 0.5
        return Mention(start, end, text, tuple(c for _, c in ranked), exact, ambiguous)

    def suggest(self, word: str, limit: int = 3, cutoff: float = 70) -> list[int]:
        """Items whose name tokens look like ``word`` (for "did you mean ...?")."""
        hits = process.extract(
            normalize(word), list(self._postings), scorer=fuzz.ratio, limit=limit,
            score_cutoff=cutoff,
        )  # fmt: skip
        result: list[int] = []
        for token, _score, _ in hits:
            for index in self._postings[token]:
                if index not in result:
                    result.append(index)
        return result[:limit]

    def tied(self, mention: Mention, limit: int = 1000) -> list[int]:
        """The candidates of an ambiguous mention that fit equally well (best first)."""
        if mention.exact and " " not in mention.text:
            fewest = self._names[mention.candidates[0]].count(" ")
            return [c for c in mention.candidates[:limit] if self._names[c].count(" ") == fewest]
        top = fuzz.token_sort_ratio(mention.text, self._names[mention.candidates[0]])
        tied = []
        for candidate in mention.candidates[:limit]:
            if fuzz.token_sort_ratio(mention.text, self._names[candidate]) < top - 0.5:
                break
            tied.append(candidate)
        return tied
