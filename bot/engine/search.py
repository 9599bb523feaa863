"""Finding a race's facts, quotes, records and report sentences by their text.

Each race gets a :class:`TextIndex`: its report split into sentences, its facts, quotes and
records, each a document of stemmed words (PyStemmer) ranked with BM25 (bm25s). A question's
topic words are stemmed too, widened with synonyms, and a word the race never uses is matched to
the race's own words with a typo tolerance. ``topics`` of a fact are extra words of that fact.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Literal

import bm25s
import numpy as np
import Stemmer
from rapidfuzz import fuzz, process

from bot.engine.countries import country_word
from bot.engine.intents import PRONOUNS
from bot.engine.knowledge import Race
from bot.engine.lexicon import EQUIVALENT, FILLER, IRREGULAR, NUMBER_WORDS, SYNONYMS
from bot.engine.names import NameIndex
from bot.engine.normalize import normalize
from bot.engine.vocabulary import dictionary, inflected

DocKind = Literal["sentence", "fact", "quote", "record"]
VARIANTS_BONUS = 0.5
SYNONYM_WEIGHT = 0.6
TYPO_WEIGHT = 0.8
WEAK_SHARE = 0.5
"""What a word found only through one related word counts for, in the words a document explains."""
PHRASE_BONUS = 0.5
"""Per pair of the question's words a document has side by side, to the words it explains."""

_STEMMER = Stemmer.Stemmer("english")
_SENTENCE_END = re.compile(
    r"(?<![\s.][A-Z]\.)(?<!\b(?:Mr|Ms|Dr|St|Mt|Jr|Sr|No|no)\.)(?<!\bMrs\.)"  # "U.S.", "No. 10"
    r"(?<!\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\.)(?<!\bSept\.)"  # "Sept. 15"
    r"(?<=[.!?…])[\"”’)]*\s+(?=[\"“‘(]?[A-Z0-9])"
)
_UNIT = re.compile(r"\b(\d+(?:\.\d+)?)\s*(?:kms?|ks|k|kilometres|kilometers|kilometre|kilometer)\b")
_UNIT_FIRST = re.compile(r"\b(?:km|kilometres?|kilometers?)\s+(\d{1,2})\b(?!\s*(?:km|k)\b)")
_MILE = re.compile(r"\b(\d+(?:\.\d+)?)\s*(?:miles?|mi)\b")
_MILE_FIRST = re.compile(r"\bmiles? (\d{1,2})\b(?!\s*(?:miles?|mi)\b)")
JOINS = {
    ("half", "way"): "halfway",
    ("pace", "maker"): "pacemaker",
    ("pace", "makers"): "pacemakers",
    ("come", "back"): "comeback",
    ("break", "away"): "breakaway",
    ("all", "time"): "alltime",
    ("first", "time"): "firsttime",
}
"""Two words the report writes either way, read as one (in questions too)."""


def stem(word: str) -> str:
    return str(_STEMMER.stemWord(word))


_IRREGULAR_OF: dict[str, set[str]] = {}
for _form, _base in IRREGULAR.items():
    _IRREGULAR_OF.setdefault(_base, set()).add(_form)


def _irregular(word: str) -> set[str]:
    """The base of an irregular form and the irregular forms of a base: "held" -> "hold",
    "hold" -> "held"; the word itself when it is neither."""
    return {IRREGULAR.get(word, word)} | _IRREGULAR_OF.get(word, set())


_CURRENCY = re.compile(r"[$€£¥]+")


def spell_money(text: str) -> str:
    """A currency sign as the word a question asks with: "takes home $100,000", "how much $$"."""
    return _CURRENCY.sub(" money ", text)


def _mile_points(text: str) -> str:
    """A mile of the course as one word, in normalised text: "the 21 mile mark", "in miles 24
    and 25", "mile 24" -> "21mi", "24mi"."""
    text = _MILE.sub(lambda m: f" {m.group(1).replace('.', '')}mi ", text)
    return _MILE_FIRST.sub(lambda m: f" {m.group(1)}mi ", text)


_COUNTED = rf"\b({'|'.join(NUMBER_WORDS)})\s+(?=(?:kms?|kilomet(?:re|er)s?|miles?)\b"
_COUNTED_UNIT = re.compile(_COUNTED + ")")
_COUNTED_POINT = re.compile(
    _COUNTED + r"\s+(?:(?:[a-z]+\s+){0,2}in\s+\d|(?:to\s+go|left|remaining)\b))"
)
"""In a report, a distance in words is a point of the course when a time follows ("passing five
kilometres in 14:28") or it is what was left ("with two miles to go", as a question's "2 miles to
go" is read), not when it is a stretch ("a five-kilometre segment", "five km later")."""


def course_points(text: str, *, report: bool = False) -> str:
    """Distances along the course as one word each, in normalised text: "25 km", "25km",
    "kilometre 25" and "five km" -> "25k", "5k"; "mile 24" and "the 24-mile mark" -> "24mi"."""
    counted = _COUNTED_POINT if report else _COUNTED_UNIT
    text = counted.sub(lambda m: f"{NUMBER_WORDS[m.group(1)]} ", text)
    text = _UNIT.sub(lambda m: f" {m.group(1).replace('.', '')}k ", text)
    text = _UNIT_FIRST.sub(lambda m: f" {m.group(1)}k ", text)  # "kilometre 40" -> "40k"
    return _mile_points(text)


def words_of(text: str) -> list[str]:
    """Normalised words, with distances along the course as one word (:func:`course_points`)
    and the pairs of :data:`JOINS` joined."""
    words = course_points(normalize(spell_money(text)), report=True).split()
    joined: list[str] = []
    for word in words:
        if joined and (joined[-1], word) in JOINS:
            joined[-1] = JOINS[(joined[-1], word)]
        else:
            joined.append(word)
    return joined


def terms_of(words: Iterable[str]) -> list[str]:
    """The stems a document is indexed by: every word but stop words."""
    return [stem(w) for w in words if w not in FILLER or w.isdigit()]


def paragraphs(text: str) -> list[str]:
    """A report's paragraphs: one a line (blank lines between them or not)."""
    return re.split(r"\n\s*\n|\n", text)


def split_sentences(text: str) -> list[str]:
    """A report's sentences, in order (paragraphs first, then sentence ends)."""
    sentences: list[str] = []
    for paragraph in paragraphs(text):
        paragraph = " ".join(paragraph.split())
        if paragraph:
            sentences.extend(s.strip() for s in _SENTENCE_END.split(paragraph) if s.strip())
    return sentences


@dataclass(slots=True)
class Doc:
    """One searchable piece of a race's knowledge."""

    kind: DocKind
    text: str  # what to say
    source: str | None  # the report's sentence behind it, verbatim
    about: set[str] = field(default_factory=set)  # athlete and person keys it names
    by: str | None = None  # who said it (quotes)
    words: list[str] = field(default_factory=list)
    order: int = 0  # position in the report
    extra: list[str] = field(default_factory=list)  # topics: matched as given, never widened
    proper: set[str] = field(default_factory=set)  # words written as names ("Windy City")
    paragraph: int = -1  # which paragraph of the report it is in
    leans_on: Doc | None = None  # the sentence before, that "at that point" refers to


@dataclass(frozen=True, slots=True)
class Hit:
    doc: Doc
    score: float
    matched: frozenset[str]  # the question words it explains
    weak: frozenset[str] = frozenset()
    """Of those, the words it matches by one stand-in alone (one synonym or near spelling:
    "second wind" for "weather"), which is no evidence it is about them."""


@functools.cache
def _country_forms(word: str) -> tuple[str, ...]:
    """The one-word names a country goes by, when ``word`` is one of them ("denmark": "danish",
    "dane"); two-letter ones are left out ("us" is mostly a pronoun)."""
    country = country_word(word)
    if country is None:
        return ()
    forms = (country.name, country.demonym, country.demonym + "s", *country.aliases)
    return tuple(
        f for f in dict.fromkeys(normalize(x) for x in forms) if " " not in f and len(f) > 2
    )


COMPOUND_PART = 3
"""The shortest first part of a compound word whose last part is a word asked ("forearm",
"tailwind", "outrun")."""


def _compounds(words: Iterable[str]) -> dict[str, set[str]]:
    """The report's compound words by their last part, which names what they are: a forearm is
    an arm, a tailwind a wind. Both parts are words; a word that is another one inflected
    ("coupled", not "coup" and "led") is no compound."""
    english = dictionary()
    found: dict[str, set[str]] = {}
    for word in set(words):
        if not word.isalpha() or inflected(word):
            continue
        for cut in range(COMPOUND_PART, len(word) - 2):
            if word[:cut] in english and word[cut:] in english:
                found.setdefault(word[cut:], set()).add(word)
    return found


class TextIndex:
    """BM25 over one race's documents."""

    def __init__(self, race: Race, people: NameIndex, names: NameIndex) -> None:
        self.docs = _documents(race, people, names)
        self.ages = _ages(race, [d for d in self.docs if d.kind == "sentence"])
        self.hometowns = _hometowns(race, [d for d in self.docs if d.kind == "sentence"])
        self.vocabulary: set[str] = set()  # stems of the text itself, not of topics
        self._common: set[str] = set()  # stems used as ordinary words somewhere, not only as names
        corpus = []
        for doc in self.docs:
            terms = terms_of(doc.words)
            self.vocabulary.update(terms)
            self._common.update(terms_of(w for w in doc.words if w not in doc.proper))
            corpus.append(terms + terms_of(doc.extra) or ["_"])
        self._words = sorted({w for d in self.docs for w in d.words if w not in FILLER})
        self._compounds = _compounds(w for d in self.docs for w in d.words if w not in d.proper)
        self._extra = {t for d in self.docs for t in terms_of(d.extra)}
        self._bm25: bm25s.BM25 | None = None
        self._pair_cache: dict[int, set[tuple[str, str]]] = {}
        if corpus:
            self._bm25 = bm25s.BM25()
            self._bm25.index(corpus, show_progress=False)

    def __len__(self) -> int:
        return len(self.docs)

    def _pairs(self, index: int) -> set[tuple[str, str]]:
        """The pairs of words next to each other in a document."""
        pairs = self._pair_cache.get(index)
        if pairs is None:
            words = self.docs[index].words
            pairs = self._pair_cache[index] = set(itertools.pairwise(words))
        return pairs

    def knows(self, word: str) -> bool:
        """Whether the race's text uses ``word``: itself, a synonym, a near spelling, or a word
        of the same root ("holds" and "holder", "held" and "hold")."""
        own = stem(word)
        if own in self.vocabulary and own not in self._common and own not in self._extra:
            return False  # only ever a name here ("Virgin Money"), never the thing itself
        if self._variants(word):
            return True
        root = stem(IRREGULAR.get(word, word))
        return len(root) >= 4 and any(term.startswith(root) for term in self._common)

    def uses(self, word: str) -> bool:
        """Whether the race's text writes ``word`` itself (or a form of it: "wore" for "wear")
        as a word, not as a name."""
        forms = {word} | _irregular(word)
        return any(stem(form) in self._common for form in forms)

    def _variants(self, word: str) -> list[tuple[str, float]]:
        found: list[tuple[str, float]] = []
        if word[:1].isdigit():  # "40km" as the report's "40 km" is indexed: "40k"
            word = next(iter(words_of(word)), word)
        own = stem(word)
        if own in self.vocabulary or own in self._extra:
            found.append((own, 1.0))
        forms = _irregular(word) | _IRREGULAR_OF.get(own, set())  # "leading", "led": "lead"
        for form in forms - {word}:
            if (s := stem(form)) in self.vocabulary and s != own:
                found.append((s, 1.0))
        if own not in self.vocabulary:  # "arm": the report's "forearm"
            found.extend((stem(c), 1.0) for c in self._compounds.get(word, ()))
        for form in _country_forms(word):  # "denmark": the report's "danish"
            if (s := stem(form)) in self._common and s != own:
                found.append((s, 1.0))
        same = EQUIVALENT.get(word, frozenset())
        for synonym in SYNONYMS.get(word, SYNONYMS.get(word.removesuffix("s"), ())):
            weight = 1.0 if synonym in same else SYNONYM_WEIGHT
            for part in words_of(synonym):
                if (s := stem(part)) in self._common and s != own:
                    found.append((s, weight))
                elif s not in self.vocabulary:  # "wind" for "weather": the report's "tailwind"
                    found.extend((stem(c), weight) for c in self._compounds.get(part, ()))
        if not found and len(word) >= 5 and not word.isdigit():
            for match, _score, _ in process.extract(
                word, self._words, scorer=fuzz.ratio, score_cutoff=84, limit=2
            ):
                found.append((stem(match), TYPO_WEIGHT))
        return found

    def _joined(self, words: Sequence[str]) -> dict[str, list[tuple[str, float]]]:
        """Two words asked that the report writes as one ("nose" and "bleeding": its
        "nosebleed"): that word, as a form of each."""
        found: dict[str, list[tuple[str, float]]] = {}
        for i, first in enumerate(words):
            for second in words[i + 1 : i + 3]:
                if not (first.isalpha() and second.isalpha()) or first in FILLER:
                    continue
                for form in (first + second, first + stem(second)):
                    if (s := stem(form)) in self._common:
                        found.setdefault(first, []).append((s, 1.0))
                        found.setdefault(second, []).append((s, 1.0))
                        break
        return found

    def search(
        self,
        words: Sequence[str],
        *,
        about: Iterable[str] = (),
        kinds: Iterable[DocKind] | None = None,
        by: Iterable[str] = (),
        limit: int = 3,
    ) -> list[Hit]:
        """Documents that fit ``words`` best. ``about``: keys a document must name (any of them);
        ``by``: speakers of quotes; ``kinds``: document kinds to keep."""
        if self._bm25 is None:
            return []
        wanted_kinds = set(kinds) if kinds is not None else None
        about_keys, speakers = set(about), set(by)
        total = np.zeros(len(self.docs))
        matched: list[set[str]] = [set() for _ in self.docs]
        weak: list[set[str]] = [set() for _ in self.docs]
        stood_for: list[set[str]] = [set() for _ in self.docs]  # the stand-ins that found them
        joined = self._joined(words)
        for word in dict.fromkeys(words):
            variants = self._variants(word) + joined.get(word, [])
            if not variants:
                continue
            scores = [weight * self._bm25.get_scores([term]) for term, weight in variants]
            best = np.max(scores, axis=0)
            # more of a word's variants in one document is more about it ("rain" and "cold"
            # for "weather"): the others add a little
            total += best + VARIANTS_BONUS * (np.sum(scores, axis=0) - best)
            direct = [s for s, (_, weight) in zip(scores, variants, strict=True) if weight >= 1]
            own = np.max(direct, axis=0) if direct else np.zeros(len(self.docs))
            stand_ins = np.count_nonzero(scores, axis=0)
            terms = np.argmax(scores, axis=0)
            for i in np.flatnonzero(best):
                matched[i].add(word)
                if not own[i] and stand_ins[i] < 2:
                    weak[i].add(word)
                    stood_for[i].add(variants[terms[i]][0])
        for n, stood_in in enumerate(weak):
            if len(stood_in) >= 2 and len(stood_for[n]) >= 2:  # two words each found by its own
                # stand-in agree ("injury problems": "started to feel a minor hamstring"); one
                # word standing in for both does not ("half marathon" for "halfway split")
                weak[n] = set()
        hits = []
        # documents that explain more of the question's words first, then by BM25
        covered = np.array(  # a figure asked ("5k", "2011") is the most telling word; one
            # found only through a related word ("half" for "split") counts half
            [
                sum(
                    (2 if any(c.isdigit() for c in w) else 1) * (WEAK_SHARE if w in k else 1)
                    for w in m
                )
                for m, k in zip(matched, weak, strict=True)
            ],
            dtype=float,
        )
        if len(about_keys) > 1:  # "when did kawauchi pass kirui": a passage naming both
            covered += [0.5 * max(0, len(about_keys & d.about) - 1) for d in self.docs]
        asked = list(dict.fromkeys(words))
        pairs = set(itertools.pairwise(asked))
        if pairs:  # "a rain world record": the passage with those words together, in that order
            covered += [PHRASE_BONUS * len(pairs & self._pairs(i)) for i in range(len(self.docs))]
        for i in np.lexsort((-total, -covered)):
            score = float(total[i])
            if score <= 0:
                continue
            doc = self.docs[i]
            if wanted_kinds is not None and doc.kind not in wanted_kinds:
                continue
            if about_keys and not about_keys & doc.about:
                continue
            if speakers and doc.by not in speakers:
                continue
            hits.append(Hit(doc, score, frozenset(matched[i]), frozenset(weak[i])))
            if len(hits) >= limit:
                break
        return hits


def _documents(race: Race, people: NameIndex, names: NameIndex) -> list[Doc]:
    docs: list[Doc] = []
    sources: dict[str, list[Doc]] = {}

    def named(words: list[str]) -> set[str]:
        keys: set[str] = set()
        for index in (names, people):
            if len(index):
                for mention in index.find(words):
                    if mention.exact and not mention.ambiguous:
                        keys.add(_key(index.items[mention.candidates[0]]))
        return keys

    if race.report:
        order = 0
        for paragraph, line in enumerate(paragraphs(race.report)):
            for sentence in split_sentences(line):
                order += 1
                if _heading(sentence):
                    continue
                words = words_of(sentence)
                doc = Doc("sentence", sentence, sentence, named(words), None, words, order)
                doc.proper = _proper_words(sentence)
                doc.paragraph = paragraph
                docs.append(doc)
                sources.setdefault(normalize(sentence), []).append(doc)
    _pronouns_follow(race, [d for d in docs if d.kind == "sentence"])
    _points_follow([d for d in docs if d.kind == "sentence"])
    _demonstratives_follow([d for d in docs if d.kind == "sentence"])
    for fact in race.facts:
        extra = [w for topic in fact.topics for w in words_of(topic)]
        enriched = _enrich(sources, fact.source, set(fact.about), extra)
        if not enriched:
            words = words_of(fact.text) + words_of(fact.source or "")
            docs.append(Doc("fact", fact.text, fact.source, set(fact.about), None, words, 0, extra))
    for quote in race.quotes:
        words = words_of(quote.text)
        docs.append(Doc("quote", quote.text, quote.source, {quote.by}, quote.by, words))
        _enrich(sources, quote.source, {quote.by}, [])
    for record in race.records:
        text = " ".join(filter(None, [record.title, record.margin_text, record.previous_holder]))
        keys = {record.holder} if record.holder else set()
        if not _enrich(sources, record.source, keys, words_of(record.title)):
            words = words_of(text) + words_of(record.source or "")
            docs.append(Doc("record", record.source or text, record.source, keys, None, words))
    for doc in docs:
        doc.words = [w for w in doc.words if w]
    return docs


_PRONOUN_START = re.compile(r"^(?:But |And |Then )?(He|His|Him|She|Her)\b")


def _pronouns_follow(race: Race, docs: list[Doc]) -> None:
    """A sentence that opens with "He" or "Her" and names no athlete is about the one athlete
    (of that gender) the sentence before it in the paragraph names: "Chumba entered the race
    as the defending champion. His winning time in 2018 was 2:05:30". One that opens with
    "Both" is about the two the sentence before names. A pronoun's sentence that tells no point
    of the race is at the point the sentence before tells."""
    for before, doc in itertools.pairwise(docs):
        m = _PRONOUN_START.match(doc.text)
        both = _BOTH_START.match(doc.text)
        if (m is None and both is None) or before.paragraph != doc.paragraph:
            continue
        named = [race.athletes[k] for k in before.about if k in race.athletes]
        if both is not None:  # "Both athletes were first-time competitors in the race"
            keys = {a.key for a in named}
            if len(keys) == 2 and not keys <= doc.about:  # (told after the sentence naming them)
                doc.about.update(keys)
                doc.leans_on = doc.leans_on or before
            continue
        if any(k in race.athletes for k in doc.about):
            continue
        assert m is not None
        gender = PRONOUNS[m.group(1).lower()]
        fitting = [a for a in named if a.gender in (gender, None)]
        if len(fitting) == 1:
            doc.about.add(fitting[0].key)
            # "In the Vondelpark (39 km) Azimeraw emerged as the fastest. She sped up the
            # already fast pace": what she did, at the point told before
            if not any(POINT_WORD.match(w) for w in doc.words):
                _at_point_of(before, doc)


_BOTH_START = re.compile(r"^(?:both|the (?:two|pair|duo))\b", re.I)
"""A sentence about the two people the sentence before it names: "Both athletes were..."."""

_THAT_POINT = re.compile(
    r"\b(?:at|by|from|after) (?:that|this) (?:point|stage|mark|juncture)\b|\bby then\b", re.I
)
POINT_WORD = re.compile(r"^(?:\d+(?:\.\d+)?(?:k|mi)|halfway|midway)$")
"""A point of the course as :func:`words_of` writes it: "30k", "24mi", "halfway"."""


def _points_follow(docs: list[Doc]) -> None:
    """A sentence that tells of "that point" is about the point the sentence before it names
    last: "She went through ... 15km in 47:26. At that point she was almost a
    minute ahead of Yeshaneh" is about 15k. A paragraph's first sentence leans on the one
    ending the paragraph before (news reports give a paragraph a sentence or two)."""
    for before, doc in itertools.pairwise(docs):
        if doc.paragraph - before.paragraph > 1 or not _THAT_POINT.search(doc.text):
            continue
        _at_point_of(before, doc)


_THAT_WAS = re.compile(r"^(?:that|this)(?:'s| (?:was|is)\b)", re.I)
"""A sentence whose subject is what the one before it said: "That was the motto written across
Dakotah Lindwurm's arm", after the motto."""


def _demonstratives_follow(docs: list[Doc]) -> None:
    """A sentence that opens on "that was" is told with the sentence before it."""
    for before, doc in itertools.pairwise(docs):
        if doc.paragraph - before.paragraph <= 1 and _THAT_WAS.search(doc.text):
            doc.leans_on = doc.leans_on or before


def _at_point_of(before: Doc, doc: Doc) -> None:
    """``doc`` tells of the point of the course ``before`` names last: it is found by that
    point, and quoted after ``before``."""
    points = [w for w in before.words if POINT_WORD.match(w)]
    if points and points[-1] not in doc.words:
        doc.extra.append(points[-1])
        doc.leans_on = doc.leans_on or before


def _ages(race: Race, docs: list[Doc]) -> dict[str, tuple[int, Doc | None]]:
    """Each athlete's age, where my source gives it: beside the name ("Cherono, 35,"), in the
    knowledge file's descriptions ("37-year-old"), or as "the 37-year-old" in a paragraph that
    names no other athlete. Sentences that call someone "the 37-year-old" become about them."""
    found: dict[str, tuple[int, Doc | None]] = {}
    for athlete in race.all_athletes():
        for text in athlete.descriptions:
            if m := re.fullmatch(r"(?:the\s+)?(\d{2})(?:-year-old)?", text.strip()):
                found[athlete.key] = (int(m.group(1)), None)
    paragraphs: dict[int, list[Doc]] = {}
    for doc in docs:
        paragraphs.setdefault(doc.paragraph, []).append(doc)
        for key in doc.about:
            named = race.athletes.get(key)
            if named is not None and (age := stated_age(doc.text, named.name)) is not None:
                found[key] = (age, doc)
    for members in paragraphs.values():
        aged = [(d, int(m.group(1))) for d in members for m in _THE_AGED.finditer(d.text)]
        keys = {k for d in members for k in d.about if k in race.athletes}
        if not aged or len(keys) != 1:
            continue
        key, (doc, age) = next(iter(keys)), aged[0]
        if key not in found or found[key] == (age, None):
            found[key] = (age, doc)  # the sentence that says it, over the file's description
    by_age: dict[int, set[str]] = {}
    for key, (age, _) in found.items():
        by_age.setdefault(age, set()).add(key)
    for doc in docs:
        for m in _THE_AGED.finditer(doc.text):
            keys = by_age.get(int(m.group(1)), set())
            if len(keys) == 1:
                doc.about |= keys
    return found


_PLACE = r"[A-Z][\w.'-]*(?: [A-Z][\w.'-]*)*(?:, [A-Z][\w]*\.?)?"
"""A place as a report writes it: "Brantford, Ont.", "St. Paul", "Hartford, Conn."."""


def _hometowns(race: Race, docs: list[Doc]) -> dict[str, tuple[str, Doc]]:
    """Each athlete's home town, where a sentence gives it beside the name ("Krista Duchene
    (2:38:46) of Brantford, Ont.", "Calgary's Trevor Hofbauer"); a country is no town."""
    found: dict[str, tuple[str, Doc]] = {}
    for doc in docs:
        for key in doc.about:
            athlete = race.athletes.get(key)
            if athlete is None or key in found:
                continue
            surname = re.escape(athlete.name.split()[-1])
            first = re.escape(athlete.name.split()[0])
            after = re.search(
                rf"\b(?i:{surname})\s*(?:\([^)]*\))?,?\s+(?:of|from)\s+({_PLACE})", doc.text
            )
            before = re.search(
                rf"\b({_PLACE})['’]s\s+(?:{first}\s+)?(?:[A-Z]\w+\s+)*(?i:{surname})\b", doc.text
            )
            for m in (after, before):
                place = m.group(1).rstrip(",") if m else None
                if (
                    place
                    and country_word(normalize(place)) is None
                    and place.split()[0] not in ("The", "Team")
                ):
                    found[key] = (place, doc)
                    break
    return found


def name_parts(name: str) -> list[str]:
    """The words of a name worth finding in a sentence, escaped for a pattern ("de" left out)."""
    return [re.escape(p) for p in name.split() if len(p) > 2]


def named_at(
    race: Race, keys: Iterable[str], text: str, surname_only: bool = False
) -> list[tuple[int, int, str]]:
    """Where the runners ``keys`` are named in ``text``: (start, end, key) of each word of their
    names (of the surname alone with ``surname_only``), case ignored."""
    found = []
    for key in keys:
        athlete = race.athletes.get(key)
        if athlete is None:
            continue
        words = athlete.name.split()
        parts = [re.escape(words[-1] if words else athlete.name)] if surname_only else None
        for part in parts or name_parts(athlete.name):
            found += [(m.start(), m.end(), key) for m in re.finditer(rf"\b{part}\b", text, re.I)]
    return found


def stated_age(text: str, name: str) -> int | None:
    """The age ``text`` gives the athlete called ``name``: "Cherono, 35,", "the 34-year-old
    Keitany", "Kosgei (25)", "Romanchuk ... at 20 years"."""
    parts = name_parts(name)
    if not parts:
        return None
    who = "(?:" + "|".join(parts) + ")"
    for pattern in (
        rf"\b{who}\s*,\s*(\d{{2}})\s*,",
        rf"(\d{{2}})-year-old\s+(?:[A-Z][\w'’-]*\s+){{0,3}}{who}\b",
        rf"\b{who}\s*\((\d{{2}})\)",
        # "Romanchuk is the youngest winner of the race at 20 years", "Hug, aged 33"
        rf"\b{who}\b[^.;]{{0,60}}?\b(?:at (\d{{2}}) years\b|aged (\d{{2}})\b)",
    ):
        if m := re.search(pattern, text):
            return int(next(g for g in m.groups() if g))
    return None


_THE_AGED = re.compile(r"\b[Tt]he (\d{2})-year-old\b(?!\s+[A-Z])")


def _proper_words(sentence: str) -> set[str]:
    """Words written with a capital inside a sentence: names of people, places, things."""
    found: set[str] = set()
    tokens = sentence.split()
    for i, token in enumerate(tokens[1:], start=1):
        if token[:1].isupper() and not tokens[i - 1].endswith((".", ":", "“", '"')):
            found.update(words_of(token))
    return found


def _heading(line: str) -> bool:
    """A title or by-line rather than a sentence: an address, or mostly capitalised words."""
    if "http" in line or "www." in line:
        return True
    words = [w for w in line.split() if w[:1].isalpha()]
    capitals = sum(w[0].isupper() for w in words)
    return len(words) >= 4 and capitals / len(words) > 0.6 and not line.rstrip().endswith(".")


def _enrich(
    sources: dict[str, list[Doc]], source: str | None, keys: set[str], extra: list[str]
) -> bool:
    """Add what a fact says about a sentence to that sentence's document; False if no such."""
    if not source:
        return False
    key = normalize(source)
    found = sources.get(key) or [
        doc for text, docs in sources.items() if text and text in key for doc in docs
    ]
    for doc in found:
        doc.about |= keys
        doc.extra.extend(extra)
    return bool(found)


def _key(item: object) -> str:
    key = getattr(item, "key", None) or getattr(item, "id", None)
    return str(key) if key is not None else str(item)
