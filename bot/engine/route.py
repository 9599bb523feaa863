"""Routing by evidence: each kind says which topic words of the question it explains.

The structured answer (places, times, gaps, records...) explains the words the concept reader
understood; the text kinds explain the words their passage matches; the worked-out kinds explain
the words of the sum they do. The best explanation wins. Topic words that nothing explains and
that the race's text never uses make the reply an honest "my source doesn't say", naming them.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace

from bot.engine.answer import Answer, Kind
from bot.engine.countries import country_word
from bot.engine.describe import Described
from bot.engine.findings import Age, Finding, NotCovered, NotSaid
from bot.engine.intents import LEXICON, MEDALS, TIME_UNITS, ordinal_of
from bot.engine.knowledge import Athlete, Race
from bot.engine.lexicon import FILLER, IRREGULAR, SYNONYMS
from bot.engine.reading import Reading
from bot.engine.search import POINT_WORD, TextIndex, stem, words_of

NOT_EXPLAINING = frozenset({"help", "which_race"})
"""Structured intents that explain none of the question's topic words by themselves."""
UNRANKED = frozenset({"winner", "time", "summary", "result", "position"})
"""Structured intents that answer about one place or time, and so no superlative of a field."""
SUPERLATIVES = frozenset("fastest slowest quickest".split())
LEAD_WORDS = frozenset("lead leading led".split())
HOLDING = frozenset(stem(w) for w in "hold holder own owner belong".split())
"""Having a record: what a records answer naming its holder tells ("who held the old record")."""


@dataclass(frozen=True, slots=True)
class Context:
    """What every kind gets: the resolved question, its reading and the race's text."""

    query: object  # bot.engine.engine.Query (kept untyped here to avoid an import cycle)
    reading: Reading
    race: Race
    text: TextIndex
    athletes: tuple[Athlete, ...]
    people: tuple[str, ...]  # keys of people named who did not run
    people_names: tuple[str, ...]
    description: Described | None = None  # how the question named its person, if it did
    checked: Described | None = None  # "was she the defending champion": the one so described
    described_each: tuple[Described, ...] = ()  # one per event, when a description names several
    leaned_on: tuple[str, ...] = ()  # the sentences just quoted, when the question leans on them


@dataclass(frozen=True, slots=True)
class Fit:
    intent: str
    finding: Finding
    explained: frozenset[str]
    strength: float = 1.0
    kind: Kind = "answer"
    athletes: tuple[Athlete, ...] = ()
    sources: tuple[str | None, ...] = ()
    facts: tuple[str, ...] = field(default=())
    weak: frozenset[str] = frozenset()  # explained by one stand-in alone (see search.Hit)

    @property
    def score(self) -> float:
        return len(self.explained) + self.strength


KindFit = Callable[[Context], Fit | None]


_PLACES = {"place", "who", "win", "finishers", "event_words", "time", "last", "neighbours"}
INTENT_CONCEPTS: dict[str, frozenset[str]] = {
    intent: frozenset(concepts)
    for intent, concepts in {
        "winner": {"win", "who", "time", "event_words", "place", "compare", "finishers"},
        "time": _PLACES,
        "position": _PLACES | {"podium"},  # "did the scot get a medal": his place tells
        "result": _PLACES | {"gap", "summary", "record"},
        "gap": _PLACES | {"gap", "compare"},
        "compare": _PLACES | {"gap", "compare"},
        "pace": {"pace", "time", "win", "who", "event_words", "compare"},
        "podium": _PLACES | {"podium", "top", "gap", "count"},
        "top": _PLACES | {"podium", "top", "gap", "count"},
        "records": {"record", "previous", "broke", "win", "time", "who", "event_words",
                    "compare", "under", "over", "place"},
        "country": _PLACES | {"country", "count", "top", "podium"},
        "nationality": {"country", "who", "place"},
        "count": {"count", "finishers", "who", "event_words", "country", "top", "podium",
                  "win", "under", "over", "place"},
        "date": {"date", "event_words", "win", "time"},
        "distance": {"distance", "event_words", "time"},
        "threshold": _PLACES | {"under", "over", "count", "compare", "broke"},  # "break 2:10"
    }.items()
}  # fmt: skip
"""The concepts each structured intent answers: a word the concept reader took for another
concept ("start" read as asking for help) is not explained by it."""
_CONCEPTS_OF: dict[str, frozenset[str]] = {}
for _concept, _phrases in LEXICON.items():
    for _word in {w for p in _phrases for w in p.split()}:
        _CONCEPTS_OF[_word] = _CONCEPTS_OF.get(_word, frozenset()) | {_concept}
for _medal in MEDALS:  # a place on the podium, that no nationality tells
    _CONCEPTS_OF[_medal] = frozenset({"podium", "win"})


TIMED_INTENTS = frozenset("gap compare time pace winner result".split())
"""Answers that give an amount of time, which the question may ask in any unit."""


_UNITS = frozenset("mile miles km k kilometre kilometer kilometres kilometers".split())


def points_asked(reading: Reading) -> set[str]:
    """The points of the course a question names: "5k", "halfway", "10th" of "10th mile"."""
    words = reading.words
    points = {w for w in reading.topic if POINT_WORD.match(w)}
    points |= {w for w, after in itertools.pairwise(words) if ordinal_of(w) and after in _UNITS}
    return points & set(reading.topic)


def structured_explains(answer: Answer, reading: Reading) -> frozenset[str]:
    """The topic words a structured answer accounts for: those the concept reader used for a
    concept the answer answers, and those its own reply contains."""
    if answer.intent in NOT_EXPLAINING or answer.kind == "help":
        return frozenset()
    if answer.kind != "answer":  # "I don't have anything about the weather" explains no weather
        return reading.explained
    reply: set[str] = set()  # the stems of the reply, read the first time a word needs them

    def said(word: str) -> bool:  # "holds" in "held by": irregular forms as their base
        if not reply:
            words = words_of(" ".join((answer.text, *answer.facts)))
            reply.update(stem(IRREGULAR.get(w, w)) for w in words)
        return stem(IRREGULAR.get(word, word)) in reply

    if answer.intent in INTENT_CONCEPTS:  # "how long did he lead at the start": no start in a gap
        answered = INTENT_CONCEPTS[answer.intent]
        off = {
            w
            for w in reading.explained
            if w in _CONCEPTS_OF
            and not _CONCEPTS_OF[w] & answered
            and country_word(w) is None
            and not said(w)  # "british": a country before a "british record"
        } | {  # "how close did naert get to the belgian record": not his personal best
            w
            for w in reading.explained
            if answer.intent == "records" and country_word(w) and not said(w)
        }
        reading = replace(reading, explained=reading.explained - off)
    if answer.intent != "records" and _before_with_nothing_after(reading.words):
        # "had kohnen run twin cities before": her past, not who finished before her
        reading = replace(reading, explained=reading.explained - {"before"})
    # "how fast was keitany's 10th mile", "how quick was the first 5k": a point of the course
    # is explained by an answer that tells of it, not by a pace of the whole race
    untold = {w for w in points_asked(reading) if not said(w)}
    reading = replace(reading, explained=reading.explained - untold)
    if (answer.intent == "gap" and answer.athletes and answer.athletes[0].position != 1) or (
        answer.intent == "compare" and any(a.position is None for a in answer.athletes)
    ):  # "how big was kirui's lead", "hawkins' lead before he went down": the lead of one who
        # finished behind or did not finish was in the race, not the margin at the finish
        reading = replace(reading, explained=reading.explained - LEAD_WORDS)
    if answer.intent in UNRANKED:  # "the slowest winning time in years": a winner isn't that
        superlatives = {w for w in reading.explained if w in SUPERLATIVES and not said(w)}
        reading = replace(reading, explained=reading.explained - superlatives)
    if answer.intent in TIMED_INTENTS:  # "how many seconds between them": a gap, in seconds
        reading = replace(
            reading, explained=reading.explained | (frozenset(reading.topic) & TIME_UNITS)
        )
    if answer.intent == "records" and answer.athletes:  # "who held the old record": a holder
        held = {w for w in reading.topic if stem(IRREGULAR.get(w, w)) in HOLDING}
        reading = replace(reading, explained=reading.explained | held)
    if set(reading.topic) <= reading.explained:
        return reading.explained  # nothing left for the reply's own words to explain
    return reading.explained | {w for w in reading.topic if said(w)}


_AFTER_BEFORE = frozenset("this that then now right yeah too already tho though".split())


def _before_with_nothing_after(words: Sequence[str]) -> bool:
    """Whether "before" ends the question, its object left out ("had she run here before",
    "won it before right"), or opens a clause: a time before this race or before something
    happened, not a place before someone."""
    if "before" not in words:
        return False
    rest = words[len(words) - list(reversed(words)).index("before") :]
    # ("how big was his lead before he went down": a clause, the time before something)
    return all(w in _AFTER_BEFORE for w in rest) or rest[0] in ("he", "she", "they")


def choose(
    ctx: Context, structured: Answer, kinds: Sequence[KindFit]
) -> tuple[Fit | None, frozenset[str]]:
    """The best fit of the kinds, or ``None`` when the structured answer explains as much."""
    reading = ctx.reading
    explained = structured_explains(structured, reading)
    # the structured answer wins ties, except against a story asked for as a story, and an
    # honest "my source doesn't give that" loses them to an answer that explains as much
    structured_score = len(explained) + (0.5 if not reading.narrative else 0.0)
    if structured.kind == "unknown":
        structured_score -= 0.5
    if reading.form == "why":
        structured_score -= 1.0  # a reason is the text kinds' to find (or to say is not given)
    elif reading.form == "when" and structured.intent != "date":
        structured_score -= 0.75  # "when did he take the lead": a moment, not a place or gap
    # words nothing in the structured answer reads ("halfway" in "how far ahead was she at
    # halfway") lower its confidence, so a passage that explains them can win
    structured_score -= 0.75 * len(set(reading.uncovered) - explained)
    if structured.kind == "clarify":
        return None, explained
    best: Fit | None = None
    best_score = 0.0
    unread = (set(reading.uncovered) | points_asked(reading)) - explained
    for kind in kinds:
        found = kind(ctx)
        if found is None:
            continue
        score = found.score + (0.5 if found.explained & unread else 0.0)
        if structured.kind == "unknown" and _year_told(found, reading):
            score += 0.5  # "who won berlin in 2015": not "I don't have the 2015 race"
        if best is None or score > best_score:
            best, best_score = found, score
    if best is None or best_score <= structured_score + 0.25:
        return None, explained
    # "why", "who", "how old": about the one asked, nearer than a structured unknown
    not_said = isinstance(best.finding, NotSaid | Age)
    left = set(reading.uncovered) - (best.explained - best.weak)
    if structured.kind == "unknown" and (
        (best.kind == "unknown" and not not_said)
        or (left and not all_but_one(best, reading, explained))
        # "any world records?": not a "world bronze medallist" (but "who won in 2015": "the
        # 2015 Berlin winner", the year asked told)
        or (
            bool(best.weak & explained)
            and not _year_told(best, reading)
            # (but "how many were in the lead group at 30k": the point, read by the fit alone)
            and not unread & points_asked(reading) & (best.explained - best.weak)
        )
    ):
        return None, explained  # an honest "I don't know" stands unless a fit covers it all
    return best, best.explained


def _year_told(fit: Fit, reading: Reading) -> bool:
    """Whether ``fit`` tells of a year the question asks, with the rest it asks: "who won in
    2015" by "the 2015 Berlin winner", not "the 2017 winner" by "2017 runner-up Dibaba"."""
    years = {w for w in reading.topic if len(w) == 4 and w.isdigit()}
    if not years & (fit.explained - fit.weak):
        return False
    told = {stem(w) for text in fit.facts for w in words_of(text)}
    asked = [w for w in reading.free if w not in FILLER and w not in years]
    return all(told & {stem(s) for s in (w, *SYNONYMS.get(w, ()))} for w in asked)


def all_but_one(fit: Fit, reading: Reading, other: frozenset[str] = frozenset()) -> bool:
    """Whether ``fit`` explains all the question's words but one ("pack" in "how many were still
    in the front pack at 35k"), two or more of them, and more than ``other`` (an unknown's)."""
    told = fit.explained - fit.weak
    left = set(reading.uncovered) - told
    return len(left) == 1 and len(told & set(reading.topic)) >= 2 and len(other) < len(told)


def not_covered(ctx: Context, words: Sequence[str]) -> Fit:
    return Fit("unknown", NotCovered(tuple(words), ctx.race.name), frozenset(words), kind="unknown")
