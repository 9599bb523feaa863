"""People named by a description: "the defending champion", "the 2017 runner-up".

A race's athletes and people carry descriptions from their knowledge file (``descriptions``,
``role``) and from the report itself: the words just before a name that hold a role word
("2017 runner-up Dibaba", "course record holder Kipchoge") and a clause just after it ("Kipchoge
..., who also won marathon gold at the Rio Olympics"). A question that names nobody but holds a
role word and another word of one description names that person.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from bot.engine.intents import GENDER_WORDS, LEXICON
from bot.engine.knowledge import Athlete, Race
from bot.engine.lexicon import NUMBER_WORDS, ROLE_WORDS, STOP_WORDS, SYNONYMS
from bot.engine.names import NameIndex
from bot.engine.normalize import normalize
from bot.engine.search import split_sentences, stem, words_of

WINDOW = 6  # words before a name that may describe it
BOUNDARIES = frozenset("and or by from with of as to but while than between including".split())
SOLE_ROLES = frozenset(stem(w) for w in "coach director organiser organizer pacemaker".split())
"""Roles one person has, so that the role alone names them ("the coach")."""
PLAIN_ROLES = frozenset({"winner", "winners", "champion", "champions", "champ"})
"""Alone, these ask who won, which the structured answer does: they need another word."""


@dataclass(frozen=True, slots=True)
class Described:
    key: str  # athlete key or person id
    name: str
    gender: str | None
    stems: frozenset[str]
    text: str
    derived: bool = False  # worked out from another description, which a given one outranks


CANONICAL = {
    "champ": "champion", "champs": "champion", "favorite": "favourite", "favorites": "favourite",
    "medalist": "medallist", "pacer": "pacemaker", "pacers": "pacemaker", "runnerup": "runner",
    "reigning": "defending", "former": "previous", "ex": "previous", "wr": "record",
    "titleholder": "champion", "fav": "favourite", "fave": "favourite", "favs": "favourite",
    "faves": "favourite",
}  # fmt: skip


ROLE_STEMS = frozenset(stem(CANONICAL.get(w, w)) for w in ROLE_WORDS) | {"runner"}


FUNCTION_WORDS = frozenset(
    """a an the of in at to for by with and or as on who whom which that also either neither his
    her their its is was were be been has had have he she they it this these those after before
    s up""".split()
)
QUESTION_WORDS = frozenset(
    """who whos whose what whats which where when how why did does do was were is are the a an
    of in at to for by on lol pls please""".split()
)
ASKED_FOR = frozenset(
    w
    for concept in ("time", "place", "gap", "pace", "compare", "country", "quote", "date", "count")
    for phrase in LEXICON[concept]
    for w in phrase.split()
)
"""What a question asks of the person ("time", "where"): not part of their description."""


def _stems(words: Sequence[str]) -> frozenset[str]:
    """Stems of the words that describe, numbers as digits ("four-time", "4 time": "4")."""
    return frozenset(
        str(NUMBER_WORDS[w]) if w in NUMBER_WORDS else stem(CANONICAL.get(w, w))
        for w in words
        if w not in FUNCTION_WORDS
    )


def build(race: Race, names: NameIndex, others: NameIndex) -> list[Described]:
    """Every description the race's knowledge and report give of its people."""
    found: list[Described] = []
    athletes: dict[str, Athlete] = {a.key: a for a in race.all_athletes()}
    for athlete in athletes.values():
        for text in athlete.descriptions:
            found.append(_make(athlete.key, athlete.name, athlete.gender, text))
    for person in race.people:
        for text in (*person.descriptions, *([person.role] if person.role else [])):
            found.append(_make(person.id, person.name, None, text))
    if race.report and len(names) <= 500:
        for sentence in split_sentences(race.report):
            found.extend(_from_sentence(sentence, names, others))
    return found + [d for item in found if (d := _defending(item)) is not None]


_CHAMPION = frozenset(stem(w) for w in ("champion", "winner", "champ"))
_HOLDING = frozenset(stem(w) for w in ("defending", "reigning"))
_LAST_YEAR = frozenset(stem(w) for w in ("last", "year"))


def _defending(item: Described) -> Described | None:
    """The defending champion is last year's winner, and the other way round: one description
    stands for the other ("last year's women's winner" asks for the defending champion)."""
    if not item.stems & _CHAMPION or any(s.isdigit() and len(s) == 4 for s in item.stems):
        return None
    words = "last year's winner" if item.stems & _HOLDING else "defending champion"
    if not item.stems & _HOLDING and not {"last", "year"} <= item.stems:
        return None  # the given text stays: it is what my source says of them
    return Described(item.key, item.name, item.gender, _stems(words_of(words)), item.text, True)


def _make(key: str, name: str, gender: str | None, text: str) -> Described:
    return Described(key, name, gender, _stems(words_of(text)), text)


def _from_sentence(sentence: str, names: NameIndex, others: NameIndex) -> list[Described]:
    words = words_of(sentence)
    found = []
    mentions = names.find(words)
    ends = sorted(m.end for m in [*mentions, *(others.find(words) if len(others) else [])])
    for mention in mentions:
        if not mention.exact or mention.ambiguous:
            continue
        athlete = names.items[mention.candidates[0]]
        assert isinstance(athlete, Athlete)
        start = max([mention.start - WINDOW, *(e for e in ends if e <= mention.start)])
        before = words[max(0, start) : mention.start]  # never across another person's name
        for i in range(len(before) - 1, -1, -1):
            if before[i] in BOUNDARIES:
                before = before[i + 1 :]
                break
        times = [i for i, w in enumerate(before) if w.isdigit() and len(w) != 4]
        if times:  # "kitata (2:06:01) passed defending champion": not across a time
            before = before[times[-1] + 1 :]
        while before and before[0] in FUNCTION_WORDS:  # "either defending champion"
            before = before[1:]
        if _stems(before) & ROLE_STEMS:
            found.append(_make(athlete.key, athlete.name, athlete.gender, " ".join(before)))
        surname = re.escape(athlete.name.split()[-1])
        after = re.search(
            rf"{surname}\s*(?:\([^)]*\))?\s*,\s*((?:who|a|an|the)\s[^,.;]+)", sentence
        )
        if after:
            found.append(_make(athlete.key, athlete.name, athlete.gender, after.group(1)))
        being = re.search(rf"\b{surname} (?:is|was) ((?:a|an|the)\s[^,.;]+)", sentence)
        if being:  # "Cabral is a two-time Olympian"
            found.append(_make(athlete.key, athlete.name, athlete.gender, being.group(1)))
        aside = re.search(rf"{surname}\s*\(((?:the|a|an)\s[^)]+)\)", sentence)
        if aside:  # "Geoffrey Kamworor (the defending champion)"
            found.append(_make(athlete.key, athlete.name, athlete.gender, aside.group(1)))
    return found


_SEX_OF = {stem(w): sex for w, sex in GENDER_WORDS.items()}
_SEX_STEMS = frozenset(_SEX_OF)
_RACE_STEMS = frozenset(stem(w) for w in ("race", "marathon"))
"""Words of the sex asked ("women's"): no qualifier that tells one year's holder from another."""


def match(
    described: Sequence[Described],
    words: Sequence[str],
    genders: set[str],
    ran: frozenset[str] = frozenset(),
    need_role: bool = True,
) -> Described | None:
    """The one person the question's words describe, if exactly one fits best."""
    # "how old" and "age" ask of the person, as "time" does ("how old is the men's winner")
    words = [w for n, w in enumerate(words) if not (w == "old" and words[n - 1 : n] == ["how"])]
    words = [w for w in words if w not in QUESTION_WORDS and w not in ("age", "aged")]
    words = [w for w in words if w not in ASKED_FOR or w in ROLE_WORDS]
    words = _spelled(words, described)
    direct = set(_stems(words))
    widened: set[str] = set()
    for word in words:
        for synonym in SYNONYMS.get(CANONICAL.get(word, word), ()):
            widened |= _stems(words_of(synonym))
    asked_years = {s for s in direct if s.isdigit() and len(s) == 4}
    roles = direct & ROLE_STEMS
    if not roles and need_role:
        return None
    role_like = roles | {
        s
        for w in words
        if stem(CANONICAL.get(w, w)) in roles
        for synonym in SYNONYMS.get(CANONICAL.get(w, w), ())
        for s in _stems(words_of(synonym))
    }
    qualifiers = direct - ROLE_STEMS
    if {normalize(w) for w in words} & PLAIN_ROLES and not qualifiers:
        return None
    scores: dict[str, tuple[int, Described]] = {}
    for item in described:
        if genders and item.gender not in genders | {None}:
            continue
        told = {_SEX_OF[s] for s in item.stems if s in _SEX_OF}
        if genders and told and not told & genders:
            continue  # "last year's women's winner": not "last year's men's winner"
        fitting = (item.stems & direct) | (item.stems & widened)
        if roles == {"runner"} and not fitting - role_like - _RACE_STEMS - _SEX_STEMS:
            continue  # "how many runners finished the marathon": no one described
        if direct & _HOLDING and not item.stems & _HOLDING:
            continue  # "the defending champ": the title held coming in, not the one won here
        if direct >= _LAST_YEAR and not (item.stems >= _LAST_YEAR or item.stems & _HOLDING):
            continue  # "who won the women's race last year": not this year's winner
        past = any(s.isdigit() and len(s) == 4 for s in item.stems - direct)
        if past and asked_years:
            continue  # "the 2017 winner" is no answer to "who won in 2019"
        if need_role and past and not fitting - role_like - _SEX_STEMS:
            continue  # "1990 men's winner" is no answer to "who was the men's winner" (but
            # "2008 Olympic silver medallist" is to "the olympic silver medallist")
        if not need_role:
            if len(item.stems & direct - _RACE_STEMS) < 3:
                continue  # no role word: most of the description must be asked (more than
                # "the women's race" it was told in)
        elif not item.stems & role_like:
            continue
        elif not fitting - role_like and not _only_one(described, item, roles):
            continue  # a role alone ("champion") describes too many people
        score = 2 * len(item.stems & direct) + len((item.stems & widened) - direct)
        if item.key not in scores or score > scores[item.key][0]:
            scores[item.key] = (score, item)
    if not scores:
        return None

    # the best score; among equals, those who ran this race before those who did not, then the
    # description with least the question did not ask ("defending champion" before "defending
    # champion in Berlin, Chicago...")
    def rank(pair: tuple[int, Described]) -> tuple[int, bool, bool, int]:
        score, item = pair
        return -score, item.key not in ran, item.derived, len(item.stems - direct - widened)

    ranked = sorted(scores.values(), key=rank)
    if len(ranked) > 1 and rank(ranked[0]) == rank(ranked[1]):
        return None
    return ranked[0][1]


@functools.lru_cache(maxsize=64)
def _words_of_all(texts: tuple[str, ...]) -> frozenset[str]:
    """The words of a race's descriptions, read once per race rather than per question."""
    return frozenset(w for text in texts for w in words_of(text))


def _spelled(words: list[str], described: Sequence[Described]) -> list[str]:
    """A slip in a description's word read as the word ("the defendng champ"): a long word no
    English and no description uses, near one word of a description."""
    known = _words_of_all(tuple(item.text for item in described))
    fixed = []
    for word in words:
        if len(word) >= 6 and word.isalpha() and word not in known and word not in STOP_WORDS:
            near = process.extractOne(word, known, scorer=fuzz.ratio, score_cutoff=85)
            word = near[0] if near else word
        fixed.append(word)
    return fixed


def _only_one(described: Sequence[Described], item: Described, roles: set[str]) -> bool:
    """Whether ``item`` is the only person with this role ("the coach"), a role the structured
    answer does not read as a winner."""
    if not roles <= SOLE_ROLES:
        return False
    return all(other.key == item.key for other in described if other.stems & roles)


def describes(item: Described, word: str) -> bool:
    """Whether ``word`` of a question is one of the words of the description it matched."""
    return bool(_stems([word]) & (item.stems | ROLE_STEMS))
