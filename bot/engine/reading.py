"""Reading: a question becomes a frozen :class:`Reading` of what its words are.

The resolver (``Engine.read``) has found which words name athletes, people, races, clubs and
categories, and the concept reader (:mod:`bot.engine.intents`) which words ask for a time, a
place, a gap... A reading gathers that with the question's form (who, when, why, yes/no...), the
clock figures it gives ("did he break 2:05"), and its *topic words*: the words that are neither
names nor filler. Routing weighs answers by which of those words they explain.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from bot.engine.countries import country_word
from bot.engine.intents import (
    GENDER_WORDS,
    LEXICON,
    MEDALS,
    ORDINAL_WORDS,
    UNKNOWN_TOPICS,
    first_ever,
)
from bot.engine.lexicon import (
    FILLER,
    NARRATIVE_STARTS,
    PERSON_NOUNS,
    RESULT_VERBS,
    ROLE_WORDS,
    STOP_WORDS,
    TIME_VERBS,
)
from bot.engine.search import stem

if TYPE_CHECKING:
    from bot.engine.engine import Query

Form = Literal[
    "why", "how", "how_many", "how_much", "how_far", "how_long", "when", "where", "who", "what",
    "which", "yes_no", "other",
]  # fmt: skip

SAY_VERBS = frozenset("tell told telling think thought thinks reckon reckons reckoned".split())
"""Beyond the concept reader's quote words: "what did linden tell flanagan", "what did he think"."""

WHO_RESULT = RESULT_VERBS | frozenset(
    """won win wins winning was were is are beat beaten placed finished came ran set broke holds
    held had has made make makes got get reached took takes""".split()
)
"""After "who": a result is asked ("who won", "who came 2nd"), not a story ("who passed farah")."""

_CLOCK = re.compile(r"(?<![\d:])(\d{1,2}):(\d\d)(?::(\d\d))?(?![\d:])")
_YES_NO_STARTS = frozenset(
    "did does do was were is are has have had could can will would should".split()
)
_CONCEPT_WORDS = frozenset(w for phrases in LEXICON.values() for p in phrases for w in p.split())
_SLOT_WORDS = frozenset(GENDER_WORDS) | frozenset(ORDINAL_WORDS) - MEDALS  # ("silvers claimed by")
ORDER_WORDS = frozenset("first last".split())
"""In a story asked ("who fell off first"), the order it asks for, not a finishing place."""


@dataclass(frozen=True, slots=True)
class Reading:
    """What the words of one question are."""

    words: tuple[str, ...]  # normalised, typos in question words corrected
    free: tuple[str, ...]  # the words that name nobody (no athlete, person, race, description)
    form: Form
    narrative: bool  # asks for a story (why, how did X win, when did X break away)
    names: frozenset[int]  # positions of words that name athletes, people, races, groups
    topic: tuple[str, ...]  # the words that are neither names, slots nor filler
    explained: frozenset[str]  # topic words the concept reader understood
    uncovered: tuple[str, ...]  # topic words nothing understood (or known unknown topics)
    figures: tuple[tuple[float, ...], ...]  # clock figures: each read every way it can be
    asks_quote: bool  # "what did X say", "quote"


REACH_VERBS = frozenset("make made crack cracked reach reached break broke sneak snuck".split())
"""Verbs of getting into the top places ("crack the top 5", "make the podium")."""

KEEP_VERBS = frozenset("keep keeps kept keeping".split())
"""Verbs of going on doing something: no topic of their own before another verb."""

FUTURE_WORDS = frozenset("tomorrow tomorrows tonight forecast upcoming".split())
"""Words asking of a day to come, which no report of a race run tells."""


_WHEN_UNITS = frozenset("point stage km k kilometre kilometer mile mark".split())
_AT_WHAT = re.compile(
    rf"(?:^|\b(?:at|between|near|around|from|by) )(?:what|which) (?:{'|'.join(_WHEN_UNITS)})s?\b"
)
"""A point of the race asked for: "at what point", "at which km", "between which miles" (when,
not a pace)."""


def read(query: Query) -> Reading:
    """The reading of a question the resolver has been through."""
    words = tuple(query.parsed.words) if query.parsed.words else tuple(query.words)
    names = frozenset(query.taken)
    topic: list[str] = []
    explained: set[str] = set()
    leftover = set(query.parsed.leftover)
    asked_topic = query.parsed.unknown_topic
    form = _form(words)
    # "who fell off first": the order of a story, not a finishing place
    order = ORDER_WORDS if form == "who" and _narrative(words, form, names) else frozenset()
    for i, word in enumerate(words):
        # (but "was it bahrain's first medal": whether it was the first ever)
        ever = form == "yes_no" and first_ever(word, words[i + 1] if i + 1 < len(words) else "")
        if i in names or word in FILLER or (word in _SLOT_WORDS and word not in order and not ever):
            continue
        if word in ("year", "time") and i and words[i - 1] == "this":
            continue  # "this year": the race asked about, no topic
        if word == "apart" and words[i + 1 : i + 2] == ("from",):
            continue  # "who apart from matsuda": the others, as "besides" asks
        if word == "else" and {"besides", "beside", "except", "apart"} & set(words):
            continue  # "who else ... besides matsuda": "besides" says it
        if (
            word.removesuffix("s") in _WHEN_UNITS
            and i
            and words[i - 1] in ("what", "which")
            and _AT_WHAT.search(" ".join(words))
        ):
            continue  # "at what point", "at what km": when
        if word in KEEP_VERBS and words[i + 1 : i + 2] and words[i + 1].endswith("ing"):
            continue  # "who kept surging": surging, again and again
        if word in REACH_VERBS and {"top", "podium"} & set(words[i + 1 : i + 4]):
            continue  # "did kirui crack the top 5": whether he was in it, no topic of its own
        if word.isdigit() and not (len(word) == 4 and word[:2] in ("19", "20")):
            continue  # a year is a subject ("second in 2011"); other numbers are slots
        if word not in topic:
            topic.append(word)
        if word not in leftover and not (asked_topic and word in UNKNOWN_TOPICS):
            explained.add(word)  # the concept reader used it (a concept, country, event...)
    unknown = {
        w
        for w in topic
        if asked_topic and UNKNOWN_TOPICS.get(w) == asked_topic and w not in _CONCEPT_WORDS
    }  # "old" also means "previous": only a topic of its own when nothing else reads it
    sport = query.parsed.other_sport  # "nba": a subject no race's text explains
    uncovered = tuple(
        w for w in topic if w in unknown or w == sport or w in FUTURE_WORDS or _unread(w, leftover)
    )
    return Reading(
        words=words,
        free=tuple(w for i, w in enumerate(words) if i not in names),
        form=form,
        narrative=_narrative(words, form, names),
        names=names,
        topic=tuple(topic),
        explained=frozenset(explained),
        uncovered=uncovered,
        figures=tuple(clock_figures(query.question)),
        asks_quote=query.parsed.has("quote")
        or (form in ("what", "how", "yes_no") and bool(set(words) & SAY_VERBS)),
    )


_ORDINARY_STEMS = frozenset(stem(w) for w in STOP_WORDS | _CONCEPT_WORDS)


def _unread(word: str, leftover: set[str]) -> bool:
    """A word nothing understood that may be the question's subject."""
    return (
        word in leftover
        and len(word) > 2
        and word not in STOP_WORDS
        and stem(word) not in _ORDINARY_STEMS
        and not _numeric(word)
    )


def _numeric(word: str) -> bool:
    """A figure, but not a point of the course ("30k", "20mi"), which is a subject."""
    return any(ch.isdigit() for ch in word) and not word.endswith(("k", "mi"))


def _form(words: tuple[str, ...]) -> Form:
    text = " ".join(words)
    if _AT_WHAT.search(text) and "pace" not in words:  # "at what km did masai make her move",
        return "when"  # "between which miles was lindwurm in front"
    for start, form in (
        ("how many", "how_many"),
        ("how much", "how_much"),
        ("how far", "how_far"),
        ("how long", "how_long"),
    ):
        if f" {start} " in f" {text} ":
            return form  # type: ignore[return-value]
    for word in words[:3]:
        if word in ("why", "how", "when", "where", "who", "what", "which"):
            return word  # type: ignore[return-value]
        if word in ("whos", "whose"):
            return "who"
        if word in ("whats",):
            return "what"
    if words and words[0] in _YES_NO_STARTS:
        return "yes_no"
    if words[:1] in (("name",), ("names",)) and words[1:2] in (("of",), ("the",)):
        return "who"  # "names of the pacemakers?", "name the top 3"
    return "other"


def _narrative(words: tuple[str, ...], form: Form, names: frozenset[int]) -> bool:
    """Whether the question asks for a story rather than a figure."""
    text = " ".join(words)
    if "what" in words and _verb_after(words, names, asking=("what",)) in TIME_VERBS:
        return False  # "what did korir run", "kipchoge's training partner, what did he run"
    if form == "why" or any(
        text.startswith(s) or f" {s} " in f" {text} " for s in NARRATIVE_STARTS
    ):
        return True
    if form in ("how", "when", "where"):
        verb = _verb_after(words, names)
        return verb is not None and verb not in RESULT_VERBS
    if form == "how_long" and words[:2] == ("how", "long"):  # "how long did he lead": a story
        verb = _verb_after(words, names, asking=("long",))
        return verb is not None and verb not in RESULT_VERBS | DURATION_VERBS
    if form == "who" and words[0] == "who" and len(words) > 1:
        if words[1] in ("did", "does") and len(words) > 2:  # "who did he drop": his verb
            verb = _verb_after(words, names, asking=("who",))
            return verb is not None and verb not in WHO_RESULT and not verb.isdigit()
        verb = _passive(words, 1)  # "who got dropped first": a story
        return verb not in WHO_RESULT and not verb.isdigit() and verb not in FILLER
    return False


def _verb_after(
    words: tuple[str, ...],
    names: frozenset[int],
    asking: tuple[str, ...] = ("how", "when", "where", "what"),
) -> str | None:
    """The verb of "how|when|where|what did|does NAME VERB": the first word after the name that is
    not filler. ``None`` when the question word is not followed by such a helper verb ("how
    close was he", "how far behind"). ``asking``: the words the helper verb follows."""
    starts = [i for i, w in enumerate(words) if w in asking]
    if not starts or starts[0] + 1 >= len(words):
        return None
    aux = starts[0] + 1
    if words[aux] not in ("did", "does", "do", "had", "has"):
        return None  # "when was the old record set": a fact asked, no story
    for j in range(aux + 1, len(words)):
        if j in names or (words[j] in FILLER and words[j] not in RESULT_VERBS):
            continue
        if words[j] in _SUBJECT_WORDS or country_word(words[j]) is not None:
            continue  # "where did the top american woman finish", "the defending womens champ"
        return _passive(words, j)
    return None


_SUBJECT_WORDS = frozenset(GENDER_WORDS) | PERSON_NOUNS | ROLE_WORDS | {"top", "fastest"}
"""Words of a person described, between "did" and the verb: no verb of their own."""

_GET = frozenset("get gets got getting".split())
DURATION_VERBS = frozenset("take takes took taken last lasted".split())
"""After "how long did it ...": a time is asked ("how long did it take")."""


def _passive(words: tuple[str, ...], j: int) -> str:
    """The verb at ``j``, or the one it makes passive: "got" in "when did kosgei get dropped"
    is "dropped"."""
    after = words[j + 1] if j + 1 < len(words) else ""
    if words[j] in _GET and after.endswith("ed") and after not in FILLER:
        return after
    return words[j]


def clock_figures(text: str) -> list[tuple[float, ...]]:
    """ "2:05" may be h:mm (a marathon) or m:ss (a split); "2:04:17" is one time."""
    found: list[tuple[float, ...]] = []
    for m in _CLOCK.finditer(text):
        a, b, c = m.groups()
        if c is not None:
            found.append((int(a) * 3600 + int(b) * 60 + int(c),))
        elif int(b) < 60:
            found.append((int(a) * 3600 + int(b) * 60, int(a) * 60 + int(b)))
    return found
