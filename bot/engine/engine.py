"""The question engine: text in, structured :class:`Answer` out. No Discord, no network.

``Engine.ask`` finds which race and athletes a question is about (race aliases and years, then the
race's name index), reads what it asks (:mod:`bot.engine.intents`), resolves follow-ups from the
:class:`Conversation`, and hands a :class:`Query` to one answer function of
:mod:`bot.engine.answers`.
"""

from __future__ import annotations

import functools
import itertools
import re
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, fields, replace
from pathlib import Path

from bot.engine import answers, describe
from bot.engine.answer import Answer, Conversation
from bot.engine.countries import (
    PERSON_DEMONYMS,
    PERSON_NOUNS_OF_COUNTRY,
    Country,
    country_word,
    same_country,
)
from bot.engine.durations import parse_duration
from bot.engine.errors import UnknownRaceError
from bot.engine.findings import NotCovered
from bot.engine.intents import GENDER_WORDS, KNOWN_WORDS, PRONOUNS, UNKNOWN_TOPICS, Parsed, parse
from bot.engine.kinds import computed, people, records, text
from bot.engine.kinds.computed import ABBREVIATIONS, OVER_WORDS, RECORD_KIND_WORDS, UNDER_WORDS
from bot.engine.knowledge import Athlete, Event, KnowledgeBase, Race
from bot.engine.lexicon import (
    EVENT_KINDS,
    FILLER,
    PACK_WORDS,
    PERSON_NOUNS,
    QUESTION_SLIPS,
    SHORTHAND,
    STOP_WORDS,
    SYNONYMS,
)
from bot.engine.loader import load_directory
from bot.engine.names import Mention, NameIndex
from bot.engine.normalize import normalize
from bot.engine.phrase import phrase as phrase_finding
from bot.engine.reading import Reading, clock_figures
from bot.engine.reading import read as read_question
from bot.engine.route import Context, KindFit, all_but_one, choose, not_covered
from bot.engine.search import JOINS, POINT_WORD, Doc, TextIndex, course_points, spell_money, stem
from bot.engine.vocabulary import COMMON_WORDS

KINDS: tuple[KindFit, ...] = (
    text.narrative,
    text.quotes,
    text.moment,
    text.time_told_then,
    computed.threshold,
    computed.places_apart,
    computed.same_time,
    computed.record_age,
    computed.years_since,
    computed.old_record_time,
    computed.second_half,
    computed.to_the_line,
    computed.stated_difference,
    computed.time_then,
    records.broken,
    records.margin,
    records.missed_by,
    records.against_holder,
    records.when_set,
    records.time_of,
    records.held_before,
    text.field_size,
    text.other_year,
    text.history,
    text.title_count,
    text.edition,
    people.finished,
    people.age,
    people.who_is,
    people.who_is_runner,
    people.did_not_run,
    people.described,
    people.is_described,
)
"""The kinds weighed against the structured answer (one module each under ``kinds/``)."""

MAX_QUESTION_CHARS = 500
"""Longer questions are cut to this many characters before they are read."""


@dataclass(slots=True)
class RaceIndex:
    """The per-race search structures, built once when the race is loaded."""

    race: Race
    names: NameIndex
    others: NameIndex  # people the race's records mention who did not run (Radcliffe...)
    other_names: list[str]
    groups: dict[tuple[str, ...], tuple[str, str]]  # words -> ("club" | "category", value)
    longest_group: int
    person_ids: dict[str, str]  # name of someone who did not run -> their id in ``race.people``
    _text: TextIndex | None = None
    _described: list[describe.Described] | None = None

    @property
    def described(self) -> list[describe.Described]:
        """How the knowledge and the report describe the race's people (built on use)."""
        if self._described is None:
            self._described = describe.build(self.race, self.names, self.others)
        return self._described

    @property
    def text(self) -> TextIndex:
        """The race's facts, quotes, records and report sentences, searchable (built on use)."""
        if self._text is None:
            self._text = TextIndex(self.race, self.others, self.names)
        return self._text

    @classmethod
    def build(cls, race: Race) -> RaceIndex:
        athletes = list(race.all_athletes())
        initials = _initials(athletes)
        names = NameIndex(
            athletes,
            ([a.name, *a.aliases, *initials.get(a.key, ())] for a in athletes),
            ORDINARY_WORDS,
        )
        people: list[str] = []
        variants: list[list[str]] = []
        person_ids: dict[str, str] = {}
        for person in race.people:
            person_ids[person.name] = person.id
            people.append(person.name)
            variants.append([person.name, *person.aliases])
        for record in race.records:
            for name in (record.holder_name, record.previous_holder):
                if name and name not in people:
                    people.append(name)
                    variants.append([name])
        others = NameIndex(people, variants, ORDINARY_WORDS)
        groups: dict[tuple[str, ...], tuple[str, str]] = {}
        short: dict[str, set[str]] = {}
        seen: set[str | None] = {None, ""}
        for athlete in athletes:
            for kind, value in (("club", athlete.club), ("category", athlete.category)):
                if value not in seen:
                    seen.add(value)
                    assert value is not None
                    key = tuple(normalize(value).split())
                    if key and key not in groups:
                        groups[key] = (kind, value)
                        if kind == "category" and len(key) > 1:
                            short.setdefault(key[0], set()).add(value)
        for word, values in short.items():  # "m40" for "M40-44", when it names one category
            if len(values) == 1 and (word,) not in groups:
                groups[(word,)] = ("category", next(iter(values)))
        longest = max((len(k) for k in groups), default=0)
        return cls(race, names, others, people, groups, longest, person_ids)

    def find_groups(self, words: list[str], skip: set[int]) -> list[tuple[str, str, range]]:
        """Clubs and categories named in ``words``: (kind, value, word positions)."""
        found: list[tuple[str, str, range]] = []
        used: set[int] = set(skip)
        for size in range(min(self.longest_group, len(words)), 0, -1):
            for start in range(len(words) - size + 1):
                span = range(start, start + size)
                if used.intersection(span):
                    continue
                hit = self.groups.get(tuple(words[start : start + size]))
                if hit is None or (size == 1 and words[start] in COMMON_WORDS):
                    continue
                found.append((hit[0], hit[1], span))
                used.update(span)
        return found


@dataclass(slots=True)
class Query:
    """A question once read: what it is about and what it asks."""

    question: str
    words: list[str]
    parsed: Parsed
    race: Race | None = None
    event: Event | None = None
    athletes: list[Athlete] = field(default_factory=list)
    ambiguous: list[list[Athlete]] = field(default_factory=list)
    others: list[str] = field(default_factory=list)  # non-runners named (record holders)
    from_context: bool = False  # athletes came from the conversation, not the words
    event_from_context: bool = False  # the event came from the conversation
    pronoun_unfit: bool = False  # "she" after a man: nobody asked about before is of its sex
    candidate_races: list[Race] = field(default_factory=list)
    engine: Engine | None = None
    unknown_race: str | None = None  # "the Boston Marathon", when no loaded race is called that
    gender: str | None = None  # "women" in an event of men and women
    club: str | None = None
    category: str | None = None
    taken: set[int] = field(default_factory=set)  # word positions naming people, races, groups
    people: list[str] = field(default_factory=list)  # ids of people named who did not run
    events: list[Event] = field(default_factory=list)  # several events asked about at once
    missing_event: str | None = None  # "wheelchair" when no event of the race is one
    described: set[int] = field(default_factory=set)  # positions of a description that named
    description: describe.Described | None = None  # ... and the description itself
    described_each: tuple[describe.Described, ...] = ()  # a description naming one per event
    checked: describe.Described | None = None  # "was she the defending champion": asked of
    # the athlete named, not naming them
    passages: tuple[str, ...] = ()  # the sentences just quoted, when the question leans on
    # them ("who timed it" after the answer telling of a stop)


class Engine:
    """Answers questions about the races of a :class:`KnowledgeBase`."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self.indexes: dict[str, RaceIndex] = {
            race_id: RaceIndex.build(race) for race_id, race in kb.races.items()
        }
        self._race_phrases: list[tuple[tuple[str, ...], Race]] = []
        for race in kb.races.values():
            for key in kb.race_keys(race):
                self._race_phrases.append((tuple(key.split()), race))
        self._race_phrases.sort(key=lambda item: -len(item[0]))

    @classmethod
    def from_path(cls, path: Path | str) -> Engine:
        """Load and validate every knowledge file of ``path`` (raises ``KnowledgeError``)."""
        return cls(load_directory(path))

    # ------------------------------------------------------------------ lookups for adapters

    @property
    def races(self) -> list[Race]:
        return list(self.kb.races.values())

    def race(self, name: str | None) -> Race | None:
        """The race ``name`` refers to (id, name, alias or year); the only race when ``None``.

        Raises :class:`UnknownRaceError` when ``name`` matches no race; returns ``None`` when
        ``name`` is ``None`` and several races are loaded.
        """
        if name is None or not name.strip():
            return self.races[0] if len(self.kb.races) == 1 else None
        if name in self.kb.races:
            return self.kb.races[name]
        words = normalize(name).split()
        found = self._races_in(words)[0]
        if len(found) == 1:
            return found[0]
        raise UnknownRaceError(name, self.kb.race_names())

    def search_athletes(
        self, text: str, race: Race | None = None, limit: int = 25
    ) -> list[Athlete]:
        """Athletes whose names fit ``text`` (for autocomplete): prefix and fuzzy, best first."""
        races = [race] if race else self.races
        words = normalize(text).split()
        results: list[Athlete] = []
        for current in races:
            index = self.indexes[current.id].names
            if not words:
                results.extend(current.all_athletes())
                continue
            results.extend(_search(index, words, limit))
        return results[:limit]

    def search_races(self, text: str, limit: int = 25) -> list[Race]:
        words = normalize(text)
        if not words:
            return self.races[:limit]
        scored = []
        for race in self.races:
            keys = [race.id, *self.kb.race_keys(race)]
            score = max(
                (100.0 if k.startswith(words) or words in k else _ratio(words, k)) for k in keys
            )
            scored.append((score, race.name, race))
        scored.sort(key=lambda item: (-item[0], item[1]))
        return [race for score, _, race in scored if score >= 50][:limit]

    # ------------------------------------------------------------------ commands

    def athlete(self, text: str, race: Race | None = None) -> list[Athlete]:
        """Athletes ``text`` names: an exact ``race-id/athlete-id`` (from autocomplete) or a name.

        Returns one athlete, several equally good ones, or none.
        """
        if "/" in text:
            race_id, _, key = text.partition("/")
            found = self.kb.races.get(race_id)
            if found is not None and key in found.athletes and race in (None, found):
                return [found.athletes[key]]
        words = normalize(text).split()
        matches: list[Athlete] = []
        for current in [race] if race else self.races:
            index = self.indexes[current.id].names
            mentions = index.find(words)
            if not mentions:
                continue
            best = max(mentions, key=lambda m: m.end - m.start)
            tied = index.tied(best) if best.ambiguous else [best.candidates[0]]
            matches.extend(index.items[c] for c in tied)  # type: ignore[misc]
        return matches

    def command(
        self,
        intent: str,
        *,
        race: str | None = None,
        athlete: str | None = None,
        other: str | None = None,
        event: str | None = None,
        count: int | None = None,
    ) -> Answer:
        """Answer a slash command: ``result``, ``compare``, ``podium``, ``top``, ``records``,
        ``race`` (summary) or ``help``. Raises :class:`UnknownRaceError` for an unknown race."""
        chosen = self.race(race)
        words = [w for part in (athlete, other, event) if part for w in normalize(part).split()]
        query = Query(question=" ".join(words), words=words, parsed=Parsed(words=[]), engine=self)
        query.race = chosen
        people: list[Athlete] = []
        for name in (athlete, other):
            if name is None:
                continue
            found = self.athlete(name, chosen)
            if not found:
                query.race = query.race or (self.races[0] if self.races else None)
                if query.race is None:
                    return answers.which_race(query)
                return answers.unknown_athlete(query, normalize(name).split())
            if len(found) > 1:
                query.race = query.race or found[0].race
                return answers.clarify(query, found)
            people.append(found[0])
        if people and chosen is None:
            query.race = people[0].race
        if query.race is None:
            return answers.which_race(query)
        if event:
            query.event = self.event(query.race, event)
            if query.event is None:
                names = ", ".join(e.name for e in query.race.events)
                return answers.make(
                    query, "unknown_event",
                    f"The {query.race.name} has no event like that. Its events: {names}.",
                    kind="unknown",
                )  # fmt: skip
        query.athletes = people
        if intent == "result" and people:
            return answers.result(query, people[0])
        if intent == "compare" and len(people) == 2:
            return answers.compare(query, people[0], people[1])
        if intent == "podium":
            return answers.podium(query)
        if intent == "top":
            return answers.top(query, count or 10)
        if intent == "records":
            return answers.records(query)
        if intent == "race":
            return answers.summary(query)
        return answers.help_answer(query)

    def event(self, race: Race, text: str) -> Event | None:
        """The event of ``race`` that ``text`` names (id, name, alias, or men/women)."""
        from bot.engine.intents import GENDER_WORDS

        key = normalize(text)
        for event in race.events:
            names = {event.id, normalize(event.name), *(normalize(a) for a in event.aliases)}
            if key in names:
                return event
        genders = {GENDER_WORDS[w] for w in key.split() if w in GENDER_WORDS}
        for event in race.events:
            if event.gender is not None and event.gender in genders:
                return event
        return None

    def search_events(self, text: str, race: Race | None = None) -> list[Event]:
        key = normalize(text)
        events = [e for r in ([race] if race else self.races) for e in r.events]
        if not key:
            return events
        return [
            e
            for e in events
            if key in normalize(e.name)
            or key in e.id
            or any(key in normalize(a) for a in e.aliases)
            or self.event(e.race, text) is e
        ]

    # ------------------------------------------------------------------ asking

    def ask(self, text: str, conversation: Conversation | None = None) -> Answer:
        """Answer one question. ``conversation`` carries context between one person's questions."""
        text = text[:MAX_QUESTION_CHARS]
        now = time.monotonic()
        if conversation is not None and conversation.expired(now):
            conversation.forget()
        parts = _two_questions(text)
        if parts is not None:  # "how old is kosgei and where is she from": each in turn
            context = replace(conversation) if conversation is not None else Conversation()
            first = self._ask_one(parts[0], context, now)
            second = self._ask_one(parts[1], context, now, continuing=True)
            if first.kind in ("answer", "unknown") and second.kind in ("answer", "unknown"):
                if conversation is not None:  # what the two parts were about, for follow-ups
                    for name in (f.name for f in fields(Conversation)):
                        setattr(conversation, name, getattr(context, name))
                return _joined(text, first, second)
        return self._ask_one(text, conversation, now)

    def _ask_one(
        self, text: str, conversation: Conversation | None, now: float, continuing: bool = False
    ) -> Answer:
        text = self._same_for_another(text, conversation) or text
        query = self.read(text, conversation, continuing)
        answer = self._each_described(query, conversation) or self._route(
            query, answers.answer(query, conversation)
        )
        if conversation is not None:
            conversation.remember(answer, now)
            asked = tuple(  # "the french record": its country too; "a debut record": what
                # the record answered is of, besides names and question words
                w
                for i, w in enumerate(query.words)
                if w in records.RECORD_WORDS | RECORD_KIND_WORDS
                or country_word(w) is not None
                or (answer.intent == "records" and i not in query.taken and w not in STOP_WORDS)
            )
            if not set(asked) & records.RECORD_WORDS:
                asked = ()
            conversation.record_words = asked if answer.intent != "help" else ()
            if answer.kind in ("answer", "unknown"):
                conversation.last_words = tuple(query.words)
                conversation.passages = answer.sources if answer.intent == "fact" else ()
        return answer

    def _same_for_another(self, text: str, conversation: Conversation | None) -> str | None:
        """ "and sumgong?" after "how old is kipchoge": the question before, asked of the one
        named now (the structured follow-ups, time, place, pace..., carry without it)."""
        if conversation is None or not conversation.last_words or conversation.race_id is None:
            return None
        if conversation.intent in FOLLOWED_INTENTS:
            return None
        index = self.indexes.get(conversation.race_id)
        if index is None:
            return None
        words = normalize(text).split()
        if not _FOLLOW_UP_OPENERS & set(words):
            return None  # (no name lookup twice for a question that is no "and X?")
        now = index.names.find(words)
        if len(now) != 1 or not now[0].exact:
            return None
        rest = words[: now[0].start] + words[now[0].end :]
        if not any(" ".join(rest).startswith(s) for s in FOLLOW_UP_STARTS) or not set(rest) <= (
            _ANOTHER_WORDS
        ):
            return None
        before = list(conversation.last_words)
        then = index.names.find(before)
        if len(then) != 1 or then[0].candidates == now[0].candidates:
            return None
        named = words[now[0].start : now[0].end]
        return " ".join(before[: then[0].start] + named + before[then[0].end :])

    def _each_described(self, query: Query, conversation: Conversation | None) -> Answer | None:
        """ "what was the defending champs pace": a description that names one runner in each
        event, asked something of a runner, is answered for each in turn."""
        race = query.race
        if race is None or query.athletes or len(query.described_each) < 2:
            return None
        if query.parsed.has("who") or not answers.wants_athlete(query):
            return None  # "who were the defending champions": the people, said once
        index = self.indexes[race.id]
        free = [(i, w) for i, w in enumerate(query.words) if i not in query.taken]
        replies = []
        for found in query.described_each:
            athlete = race.athletes.get(found.key)
            if athlete is None:
                continue
            each = replace(query, athletes=[], others=[], people=[], described_each=(),
                           event=athlete.event)  # fmt: skip
            self._named_by(each, index, found, free)
            replies.append(self._route(each, answers.answer(each, conversation)))
        if len(replies) < 2:
            return None
        return functools.reduce(lambda a, b: _joined(query.question, a, b), replies)

    def context(self, query: Query, reading: Reading) -> Context:
        """What every kind of answer is given: the resolved question and its race's text."""
        assert query.race is not None
        return Context(
            query=query,
            reading=reading,
            race=query.race,
            text=self.indexes[query.race.id].text,
            athletes=tuple(query.athletes),
            people=tuple(query.people),
            people_names=tuple(query.others),
            description=query.description,
            checked=query.checked,
            described_each=tuple(query.described_each),
            leaned_on=query.passages,
        )

    def _route(self, query: Query, structured: Answer) -> Answer:
        """Weigh the structured answer against the text-found and worked-out kinds."""
        race = query.race
        if race is None or not query.words or structured.intent in ("clarify", "which_race"):
            return structured
        if structured.kind == "help" and query.parsed.has("help"):
            return structured  # "start", "hi": nothing asked but help
        index = self.indexes[race.id]
        reading = read_question(query)
        ctx = self.context(query, reading)
        if query.missing_event and not query.athletes:
            events = tuple(e.name for e in race.events)
            found = NotCovered((query.missing_event,), race.name, event_kind=True, events=events)
            return answers.make(query, "unknown", phrase_finding(found), kind="unknown")
        plain = not len(index.text) and not reading.uncovered and not reading.figures
        if plain and reading.form not in ("yes_no", "how_many", "who"):
            return structured  # a results table and a plain question: nothing else can explain it
        fit, explained = choose(ctx, structured, KINDS)
        remaining = [w for w in reading.uncovered if w not in explained]
        unknown_to_text = [w for w in remaining if not index.text.knows(w)] or [
            w
            for w in remaining
            if w in UNKNOWN_TOPICS  # "prize money" the answer doesn't give
        ]
        # a question of a form the engine reads, but about something it has no word for
        unread = structured.kind == "help" and reading.form != "other"
        if (
            fit is not None
            and fit.kind == "answer"
            and set(unknown_to_text) <= PACK_WORDS
            and all_but_one(fit, reading)
        ):
            unknown_to_text = []  # "halfway split for the lead pack": the report's "group"
        if (
            fit is not None
            and fit.intent == "quote"
            and len(unknown_to_text) == 1
            and (fit.explained - fit.weak) & set(reading.uncovered)
        ):
            unknown_to_text = []  # "what did the race director say about the hospital cases"
        verb = _verb_asked(reading)
        told = (fit.explained - fit.weak) if fit is not None and fit.kind == "answer" else explained
        if (
            unknown_to_text == [verb]
            and (fit is not None or structured.kind == "answer")
            and set(reading.topic) - {verb}
            and set(reading.topic) - {verb} <= told
        ):  # "did kuma skip a water station", "did mo manage to break 2:06": the rest is told
            unknown_to_text = []
        if unknown_to_text and (
            structured.kind not in ("unknown", "help")
            or fit is not None
            or (unread and not query.parsed.has("help"))
            # "who won the cup final": not the unknown last finisher, a cup nothing tells of
            or (
                structured.kind == "unknown"
                and structured.intent not in NAMES_UNKNOWN
                and not set(unknown_to_text) & explained
            )
        ):
            fit = not_covered(ctx, reading.uncovered)  # name all the question asked
        if fit is None and remaining and structured.kind == "answer" and not explained:
            # "who was kipchoge's pacemaker": the answer found explains none of what is asked
            fit = not_covered(ctx, remaining)
        elif (
            fit is None and structured.kind == "answer" and _modified(reading, remaining, explained)
        ):
            # "who was the defending champion": a champion, but not the one the answer found
            fit = not_covered(ctx, remaining)
        if fit is None:
            return structured
        return answers.make(
            query,
            fit.intent,
            phrase_finding(fit.finding),
            kind=fit.kind,
            athletes=fit.athletes,
            sources=fit.sources,
            facts=fit.facts,
        )

    def read(
        self, text: str, conversation: Conversation | None = None, continuing: bool = False
    ) -> Query:
        """Find what ``text`` is about (race, event, athletes) and what it asks; ``continuing``:
        the second half of one question ("who was 3rd and how far back"), about the same
        people as the first."""
        # "how much $$ did he get", "who led at mile 24": read as the report's text is
        read_as_report = course_points(normalize(spell_money(text)))
        words = [v for w in read_as_report.split() for v in SHORTHAND.get(w, w).split()]
        if words and words[0] in QUESTION_SLIPS:  # "hoo won the mens": a question word
            words[0] = QUESTION_SLIPS[words[0]]
        words = _joined_words(words)
        words = _back_then(words)
        words = _on_own(words)
        words = _taken_home(words)
        words += _money_asked(words)
        if conversation is not None:  # "by how much?" after "did he break the wr?"
            if words and set(words) <= BARE_FOLLOW_UP and conversation.last_words:
                words += conversation.last_words  # "why tho?": why what was just asked
            words += _same_record(words, conversation)
            words += _same_mark(words, conversation.last_words)
            words += _same_point(words, conversation.last_words)
            words += _at_another_point(words, conversation.last_words)
            words = _for_other_event(words, conversation.last_words)
        races, race_positions, years = self._races_in(words)
        race_words = frozenset(race_positions)  # "the berlin debutant": a description's too
        query = Query(question=text, words=words, parsed=Parsed(words=words), engine=self)
        # "who timed it", "who did he drop": the moment just told
        leaning = REFERRING | (PERSONAL_PRONOUNS if words[:1] == ["who"] else frozenset())
        if computed.TIME_ASKED & set(words):  # "what did he run back then": the time just told
            leaning |= {"then"}
        if conversation is not None and len(words) <= 12 and leaning & set(words):
            query.passages = conversation.passages
        query.candidate_races = races
        if not races:
            query.unknown_race = _unknown_race_name(words)
        race = self._pick_race(races, years, words, race_positions, conversation)
        name_positions: set[int] = set()
        if race is not None:
            query.race = race
            index = self.indexes[race.id]
            for kind, value, span in index.find_groups(words, race_positions):
                setattr(query, kind, value)
                race_positions = race_positions | set(span)
            mentions = [
                m
                for m in index.names.find(words, frozenset(race_positions))
                if not self._ordinary_in_report(race, m, words)
            ]
            if not mentions and len(index.names) <= SMALL_FIELD:
                mentions = self._misspelt_name(index, words, race_positions)
            for mention in mentions:
                name_positions.update(range(mention.start, mention.end))
                if "".join(words[mention.start : mention.end + 1]) == mention.text.replace(" ", ""):
                    name_positions.add(mention.end)  # "kip choge": a name typed in two parts
                self._take(query, index.names, mention, conversation)
            others = (
                index.others.find(words, frozenset(race_positions | name_positions))
                if len(index.others)
                else []
            )
            for mention in others:
                if mention.exact or len(mention.text) >= 5:
                    name_positions.update(range(mention.start, mention.end))
                    name = index.other_names[mention.candidates[0]]
                    query.others.append(name)
                    if name in index.person_ids:
                        query.people.append(index.person_ids[name])
        query.taken = name_positions | race_positions
        named = {words[i] for i in name_positions if i < len(words)}
        if query.unknown_race and named & set(query.unknown_race.lower().split()):
            query.unknown_race = None  # "kosgei 5k": an athlete's name, not a race's
        if race is not None and len(query.others) == 1 and not query.athletes:
            self._described_relative(query, self.indexes[race.id])  # "kipchoges training partner"
        elif race is not None and not query.others:
            if _asks_is_described(words, query.athletes):
                self._checked_description(query, self.indexes[race.id])
            elif not query.athletes or (
                len(query.athletes) == 1 and not query.from_context and _compares(words)
            ):  # ("how far behind ekiru was the two time olympian": one more, described)
                self._described_person(query, self.indexes[race.id], race_words)
                if query.description is None and words[:1] in (["last"], ["previous"]):
                    self._described_before_pronoun(query, conversation)
            elif len(query.athletes) == 1 and words[:1] in (
                ["who"],
                ["whos"],
                ["last"],
                ["previous"],
            ):
                self._described_relative(query, self.indexes[race.id])
        query.parsed = parse(words, query.taken)
        query.parsed.years.extend(
            y
            for y in years
            if y not in query.parsed.years
            and any(w == str(y) and i not in query.taken for i, w in enumerate(words))
        )
        if race is not None and race.info.year and not query.athletes and not query.others:
            free = [w for i, w in enumerate(words) if i not in query.taken]
            if _last_year(free):  # "who won last year": the year before, which no result holds
                query.parsed.years.append(race.info.year - 1)
        others_asked = words[:1] == ["who"] and bool(answers.OTHER_THAN & set(words))
        if race is not None and (not query.athletes or others_asked):
            self._clock_threshold(query, text, race)  # "under 2:30": not "under 2" hours
        if race is not None:
            query.event = self._pick_event(query, conversation)
            if query.event is not None and query.parsed.country is not None:
                in_name = {country_word(w) for w in event_qualifiers(query.event)}
                if query.parsed.country in in_name:  # "the australian championship": its name
                    query.parsed.country = None
            gender = query.parsed.gender
            if gender is not None and not any(e.gender == gender for e in race.events):
                query.gender = gender  # a mixed event: filter its athletes
            self._resolve_pronouns(query, conversation, continuing)
            self._placed_person(query)
            self._aged_person(query, words)
            self._person_from(query, words)
            self._national_person(query, words)
            self._old_record_threshold(query)
            self._mark_threshold(query)
        return query

    @staticmethod
    def _mark_threshold(query: Query) -> None:
        """ "how far under the olympic standard was milly": a mark no one holds (a qualifying
        time, a standard) that the question names, as the line to run under."""
        p = query.parsed
        words = set(p.words)
        if p.threshold is not None or query.race is None or len(query.athletes) != 1:
            return
        if not words & (UNDER_WORDS | OVER_WORDS | MEETING_WORDS) or not words & MARK_WORDS:
            return
        event = query.athletes[0].event.id
        marks = [
            r
            for r in query.race.records
            if r.time is not None
            and not r.set_here
            and r.holder is None
            and r.holder_name is None
            and r.event in (None, event)
            and set(normalize(r.title).split()) & MARK_WORDS
        ]
        named = answers.titled_as_asked(query, marks)
        told = [(r.time, r.title) for r in named if r.time is not None]
        if not marks and query.engine is not None:  # "The qualifying standard for the men's
            # marathon at the world championships is 2:16:00": a mark the report states
            told = _marks_told(query, query.engine.indexes[query.race.id].text.docs)
        if len({time for time, _ in told}) == 1:
            p.threshold = told[0][0]
            title = set(normalize(told[0][1]).split())
            p.threshold_named = frozenset(w for w in words if w in title | MARK_WORDS
                                          or stem(w) in {stem(t) for t in title})  # fmt: skip
            p.concepts.add("over" if words & (OVER_WORDS | computed.MISSED) else "under")

    @staticmethod
    def _old_record_threshold(query: Query) -> None:
        """ "how many guys went under the old course record", "did eshete go under the old cr
        as well": the old record's time as the line, read as "under 2:11:18"."""
        p = query.parsed
        words = set(p.words)
        if p.threshold is not None or query.race is None:
            return
        if not words & BEATING_WORDS or not words & RECORD_NOUNS or not words & OLD_WORDS:
            return
        wanted = answers.record_kinds(p.words)
        events = {e.id for e in ([query.event] if query.event else query.race.events)}
        lines: dict[int, float] = {}  # the old mark: one a new record beat, or one titled old
        for r in query.race.records:
            if r.event not in events or (wanted and not answers.kinds_of(r) & wanted):
                continue
            if r.set_here and r.previous_time is not None:
                lines[id(r)] = r.previous_time
            elif not r.set_here and r.time is not None and answers.titled_old(r):
                lines[id(r)] = r.time  # "the previous Prague Marathon course record, 2:21:57"
        stood = [r for r in query.race.records if id(r) in lines]
        # the record the question names ("the old all comers record"), else the course record
        old = answers.titled_as_asked(query, stood) or [
            r for r in stood if "course" in answers.kinds_of(r)
        ]
        if {a.key for a in query.athletes} & {r.holder for r in old}:
            return  # "did salpeter break the old record": the record she set, as records tell
        if len({lines[id(r)] for r in old}) == 1:
            p.threshold = lines[id(old[0])]
            p.concepts.add("under")
            p.concepts.discard("record")

    @staticmethod
    def _clock_threshold(query: Query, text: str, race: Race) -> None:
        """ "did anyone break 2:20 in the women's race": a clock figure as a threshold, read as
        h:mm or m:ss, whichever is nearer the race's own times."""
        words = set(query.parsed.words)
        if not words & (UNDER_WORDS | OVER_WORDS):
            return
        figures = clock_figures(text)
        timed = (a.time for a in race.all_athletes() if a.time is not None)
        times = list(itertools.islice(timed, 200))  # enough to tell h:mm from m:ss
        if not figures or not times:
            return
        middle = sorted(times)[len(times) // 2]
        query.parsed.threshold = min(figures[0], key=lambda value: abs(value - middle))
        query.parsed.concepts.add("over" if words & OVER_WORDS else "under")

    @staticmethod
    def _placed_person(query: Query) -> None:
        """ "how far back was the women's runner-up": the athlete in that place, when the
        question asks something of them (a gap, a time, a pace, a country), not who they were."""
        p = query.parsed
        if len(query.athletes) == 1 and p.has("gap", "compare") and query.race is not None:
            # "how much quicker was mo than the women's winner": a place in another event
            named = query.athletes[0]
            place = p.ordinal or (1 if WINNING_WORDS & set(query.words) else None)
            genders = {GENDER_WORDS[w] for w in query.words if w in GENDER_WORDS}
            other = [
                e
                for e in query.race.events
                if e.gender in genders and e is not named.event and not event_qualifiers(e)
            ]
            if place is not None and len(other) == 1:
                athlete = other[0].by_position.get(place)
                if athlete is not None:
                    query.athletes.append(athlete)
            return
        if (
            not query.athletes
            and len(query.events) == 2
            and (p.has("gap", "compare") or {"diff", "difference"} & set(query.words))
            and (WINNING_WORDS & set(query.words) or _winning_times(query.words))
        ):  # "how much quicker was the men's winner than the women's winner": one of each
            winners = [e.by_position.get(1) for e in query.events]
            query.athletes.extend(a for a in winners if a is not None)
            return
        if (
            not query.athletes
            and p.country is not None
            and p.has("gap", "time", "pace")
            and not p.has("count")
        ):  # "the ethiopian woman on the podium, how far back was she": the one there was (of
            # the whole race when no event is named: "the tanzanian")
            top = p.count or (3 if p.has("podium") else None)
            race_events = query.race.events if query.race is not None else []
            events = [query.event] if query.event is not None else race_events
            finishers = [a for e in events for a in e.finishers]
            within = [a for a in finishers if top is None or (a.position or 0) <= top]
            one = _only_one_of(within, p.country)
            if one is not None:
                query.athletes.append(one)
            return
        if query.athletes or query.event is None or p.ordinal is None or p.count is not None:
            return
        if len(set(p.ordinals)) > 1 or p.has("who", "top", "podium"):
            return
        if not p.has("gap", "time", "pace", "country"):
            return
        athlete = query.event.by_position.get(p.ordinal)
        if athlete is not None:
            query.athletes.append(athlete)

    def _person_from(self, query: Query, words: list[str]) -> None:
        """ "the guy from guelph": the one runner (of the sex asked) a sentence gives that home
        town."""
        race, p = query.race, query.parsed
        if race is None or query.athletes or query.others or "from" not in words[:-1]:
            return
        at = words.index("from") + 1
        if at in query.taken or country_word(words[at]) is not None:
            return
        gender = _sex_asked(p, words)
        homes = self.indexes[race.id].text.hometowns
        fitting = [
            race.athletes[key]
            for key, (place, _) in homes.items()
            if normalize(place).split()[:1] == [words[at]]
            and (gender is None or race.athletes[key].gender in (gender, None))
        ]
        if len(fitting) == 1:
            query.athletes.append(fitting[0])
            nouns = {i for i, w in enumerate(words) if w in PERSON_NOUNS}
            query.taken = query.taken | {at - 1, at} | nouns
            if not {"country", "nationality"} & set(words):
                p.concepts.discard("country")  # "where did the woman from guelph finish"

    def _aged_person(self, query: Query, words: list[str]) -> None:
        """ "the 39 year old canadian", "the 31 yo kenyan": the one runner of that age (and that
        country or sex, when asked) whose age the report gives."""
        race, p = query.race, query.parsed
        if race is None or query.athletes or query.others:
            return
        at = next(
            (
                i
                for i, w in enumerate(words)
                if w.isdigit()
                and 14 <= int(w) <= 90
                and (tuple(words[i + 1 : i + 3]) in AGE_WORDS or words[i + 1 : i + 2] == ["yo"])
            ),
            None,
        )
        if at is None:
            return
        span = {at, at + 1} if words[at + 1] == "yo" else {at, at + 1, at + 2}
        ages = self.indexes[race.id].text.ages
        gender = _sex_asked(p, words)
        aged = [
            a
            for a in race.all_athletes()
            if ages.get(a.key, (None, None))[0] == int(words[at])
            and (p.country is None or same_country(a.country, p.country))
            and (gender is None or a.gender in (gender, None))
        ]
        if len(aged) != 1:
            return
        query.athletes.append(aged[0])
        query.taken = query.taken | span | {i for i, w in enumerate(words) if w in PERSON_NOUNS}
        if p.country is not None:  # "the 39 year old canadian": a name now, no country asked
            query.taken = query.taken | {i for i, w in enumerate(words) if country_word(w)}
            p.country = None

    @staticmethod
    def _national_person(query: Query, words: list[str]) -> None:
        """ "why did the dutch guy struggle", "what did the american woman run": the one athlete
        of that country (in the event asked, or of that sex) the race names."""
        p = query.parsed
        country = p.country
        beside = query.athletes[0] if len(query.athletes) == 1 else None
        if country is None or query.race is None:
            return
        if beside is not None and p.ordinal is not None and answers.ordinal_of_country(words):
            # "how far behind girma was the first canadian woman": that place of her country
            placed = answers.of_country(beside.event, country)
            if len(placed) >= p.ordinal and placed[p.ordinal - 1] is not beside:
                query.athletes.append(placed[p.ordinal - 1])
                p.country = None
            return
        if p.ordinal is not None and not answers.ordinal_of_something_else(words):
            return  # "the first kenyan" (but "the kiwi's first marathon" is his)
        if query.athletes and (beside is None or same_country(beside.country, country)):
            return  # "gap between merachi and the canadian": one more, of her race
        person = any(
            w in PERSON_NOUNS_OF_COUNTRY and words[i - 1 : i] == ["the"]
            for i, w in enumerate(words)
        )  # "did the scot get a medal": one runner, whatever else is asked
        if (p.count is not None or p.has("count", "top", "podium", "win")) and not person:
            return
        if p.has("compare") and beside is None:
            return
        named = next(
            (
                i + 1
                for i in range(len(words) - 1)
                if words[i] == "the"
                and country_word(words[i + 1]) is not None
                and (
                    i + 2 == len(words)
                    or words[i + 2] in PERSON_NOUNS
                    or words[i + 1] in PERSON_NOUNS_OF_COUNTRY  # "the dutchman", "the scot"
                    or _possessive(query.question, words[i + 1])  # "the kiwi's debut"
                    or (  # "the kiwis debut", the apostrophe left out
                        words[i + 1].endswith("s") and country_word(words[i + 1][:-1]) is not None
                    )
                )
            ),
            None,
        )
        if named is None:
            return
        events = [query.event] if query.event is not None else query.race.events
        gender = _sex_asked(p, words)
        if beside is not None:
            events, gender = [beside.event], beside.gender
        of_sex = [
            a for e in events for a in e.athletes if gender is None or a.gender in (gender, None)
        ]
        one = _only_one_of(of_sex, country)
        if one is not None and one is not beside:
            query.athletes.append(one)
            # "dutch guy", "dutchman": a name now, no topic, and no country asked of him
            noun = named + 1 < len(words) and words[named + 1] in PERSON_NOUNS
            query.taken = query.taken | {named, named + 1} if noun else query.taken | {named}
            p.country = None

    # ------------------------------------------------------------------ helpers

    def _races_in(self, words: list[str]) -> tuple[list[Race], set[int], list[int]]:
        """Races named in ``words``, the word positions used, and the years mentioned."""
        found: list[Race] = []
        positions: set[int] = set()
        years = [int(w) for w in words if w.isdigit() and len(w) == 4 and 1800 <= int(w) <= 2200]
        for phrase, race in self._race_phrases:
            size = len(phrase)
            for start in range(len(words) - size + 1):
                if tuple(words[start : start + size]) == phrase and not positions.intersection(
                    range(start, start + size)
                ):
                    positions.update(range(start, start + size))
                    if race not in found:
                        found.append(race)
        if years:
            by_year = [r for r in (found or self.races) if r.info.year in years]
            if by_year:
                found = by_year
                for i, word in enumerate(words):
                    if word.isdigit() and int(word) in years:
                        positions.add(i)
            elif found:
                found = [r for r in found if r.info.year is None]
        return found, positions, years

    def _ordinary_in_report(self, race: Race, mention: Mention, words: list[str]) -> bool:
        """A one-word near miss of a name that the race's report uses as a word of its own
        ("what bib did gebre wear": "wear", which it writes as "he wore", not David Weir)."""
        if mention.exact or mention.end - mention.start != 1:
            return False
        if country_word(words[mention.start]) is not None:
            return True  # "how many kenyans on the podium": a country, not Kenya Sonota
        return bool(race.report) and self.indexes[race.id].text.uses(words[mention.start])

    def _pick_race(
        self,
        found: list[Race],
        years: list[int],
        words: list[str],
        race_positions: set[int],
        conversation: Conversation | None,
    ) -> Race | None:
        if len(found) == 1:
            return found[0]
        if len(self.kb.races) == 1:
            return self.races[0]
        pool = found or self.races
        if not found and conversation is not None and conversation.race_id in self.kb.races:
            return self.kb.races[conversation.race_id]
        # the race whose finishers the question names best, when one fits better than the rest
        scored = []
        for race in pool:
            mentions = self.indexes[race.id].names.find(words, frozenset(race_positions))
            score = sum((m.end - m.start) * (2 if m.exact else 1) for m in mentions)
            if score:
                scored.append((score, race))
        scored.sort(key=lambda item: -item[0])
        if scored and (len(scored) == 1 or scored[0][0] > scored[1][0]):
            return scored[0][1]
        return None

    @staticmethod
    def _misspelt_name(index: RaceIndex, words: list[str], skip: set[int]) -> list[Mention]:
        """In a field small enough to know by heart, a word no English and no report uses that
        is near one athlete's name only: that athlete ("did geremu go under 2:06": Geremew)."""
        for position, word in enumerate(words):
            if (
                position in skip
                or len(word) < 5
                or not word.isalpha()
                or word in STOP_WORDS
                or word in _ENGINE_WORDS
                or index.text.uses(word)
                or country_word(word) is not None  # "kenyans": not Kenya Sonota
            ):
                continue
            near = set(index.names.suggest(word, limit=3, cutoff=MISSPELT_CUTOFF))
            if len(near) == 1:
                return [Mention(position, position + 1, word, tuple(near), False, False)]
        return []

    def _take(
        self,
        query: Query,
        index: NameIndex,
        mention: Mention,
        conversation: Conversation | None,
    ) -> None:
        items: Sequence[Athlete] = index.items  # type: ignore[assignment]
        first = items[mention.candidates[0]]
        if conversation is not None and conversation.pending:
            # the answer to "which one?": keep to the athletes offered
            pending = [items[c] for c in mention.candidates if items[c].key in conversation.pending]
            if len(pending) > 1:
                query.ambiguous.append(pending)
            if pending:
                first = pending[0]
        elif mention.ambiguous:
            tied = [items[c] for c in index.tied(mention)]
            # "abdi": Bashir Abdi by his surname, before Abdi Nageeye by his first name
            by_surname = [a for a in tied if normalize(a.name).split()[-1:] == [mention.text]]
            if len(by_surname) == 1:
                first = by_surname[0]
            else:
                query.ambiguous.append(tied)
        if first not in query.athletes:
            query.athletes.append(first)

    def _described_person(
        self, query: Query, index: RaceIndex, race_words: frozenset[int] = frozenset()
    ) -> None:
        """ "the defending champion": someone the question names by a description, which may
        hold the race's own name ("the berlin debutant")."""
        taken = query.taken - race_words
        free = [(i, w) for i, w in enumerate(query.words) if i not in taken]
        genders = {GENDER_WORDS[w] for _, w in free if w in GENDER_WORDS}
        ran = frozenset(index.race.athletes)
        free = _won_then(free)
        found = describe.match(index.described, [w for _, w in free], genders, ran)
        if found is not None and _qualifies_record(query.words, found):
            found = None  # "was that a debut record": a record's kind, no one described
        if found is not None and not _in_event_asked(index.race, found.key, free):
            found = None  # "runner up in the half marathon": not a marathon runner described
        if found is not None:
            self._named_by(query, index, found, free)
        elif not genders:  # "the defending champion": maybe one in each event
            by_event: dict[str, list[describe.Described]] = {}
            for item in index.described:
                athlete = index.race.athletes.get(item.key)
                if athlete is not None:
                    by_event.setdefault(athlete.event.id, []).append(item)
            words = [w for _, w in free]
            each = [m for items in by_event.values() if (m := describe.match(items, words, set()))]
            if len(each) > 1:
                query.described_each = tuple(each)

    def _checked_description(self, query: Query, index: RaceIndex) -> None:
        """ "was cheruiyot the defending champion", "is she the course record holder": a
        description asked of an athlete (or a pronoun), to be checked rather than followed."""
        free = [(i, w) for i, w in enumerate(query.words) if i not in query.taken]
        genders = {query.athletes[0].gender or ""} if query.athletes else set()
        genders |= {GENDER_WORDS[w] for _, w in free if w in GENDER_WORDS}
        genders |= {PRONOUNS[w] for _, w in free if w in SUBJECT_PRONOUNS}
        ran = frozenset(index.race.athletes)
        items = index.described
        if query.athletes:  # of the athlete's own event ("defending champion": each has one)
            event = query.athletes[0].event
            items = [
                d
                for d in items
                if (a := index.race.athletes.get(d.key)) is None or a.event is event
            ]
        query.checked = describe.match(items, [w for _, w in free], genders - {"", "*"}, ran)

    def _described_relative(self, query: Query, index: RaceIndex) -> None:
        """ "who was the last american woman to win before linden", "kipchoges training
        partner": a person described by way of the one named (an athlete, or someone who did
        not run). The named person's name must be part of the description."""
        named = query.athletes[0].name if query.athletes else query.others[0]
        surname = normalize(named).split()[-1:]
        free = [(i, w) for i, w in enumerate(query.words) if i not in query.taken]
        words = [w for _, w in free] + surname
        ran = frozenset(index.race.athletes)
        found = describe.match(index.described, words, set(), ran, need_role=False)
        if found is None or found.name == named or not describe.describes(found, surname[0]):
            return
        query.athletes.clear()  # the question is about the person described, not the one named
        query.others.clear()
        query.people.clear()
        self._named_by(query, index, found, free)

    def _described_before_pronoun(self, query: Query, conversation: Conversation | None) -> None:
        """ "last japanese man to win boston before him": the one just asked about stands for
        "him", and the person described is found by way of them."""
        if conversation is None or len(conversation.athlete_keys) != 1 or query.race is None:
            return
        if not SUBJECT_PRONOUNS.intersection(query.words):
            return
        previous = query.race.athletes.get(conversation.athlete_keys[0])
        if previous is None:
            return
        query.athletes.append(previous)
        self._described_relative(query, self.indexes[query.race.id])
        if query.description is None:
            query.athletes.clear()

    @staticmethod
    def _named_by(
        query: Query, index: RaceIndex, found: describe.Described, free: list[tuple[int, str]]
    ) -> None:
        """Record on ``query`` the person a description named, and the words that named them."""
        if any(a.key == found.key for a in query.athletes):
            return  # ("how far behind kipchoge was the defending champion": not himself)
        if found.key in index.race.athletes:
            query.athletes.append(index.race.athletes[found.key])
        else:
            query.people.append(found.key)
            query.others.append(found.name)
        query.description = found
        query.described = {i for i, w in free if describe.describes(found, w)}
        query.taken |= query.described

    def _pick_event(self, query: Query, conversation: Conversation | None) -> Event | None:
        """The event asked about. Every word that qualifies an event ("wheelchair", "masters")
        must fit it: "men's wheelchair" never falls back to the men's race. Both sexes named
        ("men and women") asks about both events; a qualifier no event has is not covered."""
        race = query.race
        assert race is not None
        if len(race.events) == 1:
            return race.events[0]
        words = query.parsed.words
        free = [i for i in range(len(words)) if i not in query.taken]
        known = set().union(*(event_qualifiers(e) for e in race.events))
        asked = {words[i] for i in free if words[i] in EVENT_KINDS or words[i] in known}
        if not query.athletes and any(
            words[i : i + 2] == ["half", "marathon"]
            and " ".join(words[i + 2 : i + 3]) not in _MEASURED
            for i in free
        ):  # "who won the half marathon": an event, not the halfway point nor a distance run
            asked.add("half")
        if not query.athletes and "half" in known and _the_half(query.question):
            asked.add("half")  # "who won the half": the half marathon, not "at the half"
            query.taken |= {i for i in free if words[i] == "halfway"}
        genders = {
            GENDER_WORDS.get(words[i]) or PERSON_DEMONYMS[words[i]]  # "the dutchman"
            for i in free
            if words[i] in GENDER_WORDS or words[i] in PERSON_DEMONYMS
        }
        previous = None
        if conversation is not None and conversation.event_id and conversation.race_id == race.id:
            previous = race.event(conversation.event_id)
        if not asked and previous is not None and _is_follow_up(query.words) and genders:
            asked = set(event_qualifiers(previous))  # "men's wheelchair?" -> "and the women?"
        query.taken |= {i for i in free if words[i] in asked}
        if query.athletes and not (genders and query.parsed.country is not None):
            return query.athletes[0].event
        if asked:
            fitting = [
                e
                for e in race.events
                if asked <= event_qualifiers(e) and (not genders or e.gender in genders | {None})
            ]
            if not fitting:
                query.missing_event = " ".join(sorted(asked)).replace("half", "half marathon")
                return None
            if len(fitting) == 1:
                return fitting[0]
            query.events = fitting
            return None
        plain = [e for e in race.events if not event_qualifiers(e)] or race.events
        if len(genders) > 1:
            query.events = [e for e in plain if e.gender in genders]
            return None
        if genders:
            gender = next(iter(genders))
            for event in plain:
                if event.gender == gender:
                    return event
        text = " ".join(query.words)
        for event in race.events:
            for alias in (event.name, *event.aliases):
                key = normalize(alias)
                if key and f" {key} " in f" {text} " and key not in GENERIC_EVENT_WORDS:
                    return event
        if query.athletes:
            return query.athletes[0].event
        short = len(query.words) <= 6
        placing = short and (query.parsed.ordinal is not None or query.parsed.has("gap"))
        if previous is not None and (_is_follow_up(query.words) or placing):
            # "who was 2nd" after "who won the women's race": of the women's race still
            query.event_from_context = True
            return previous
        return None

    def _resolve_pronouns(
        self, query: Query, conversation: Conversation | None, continuing: bool = False
    ) -> None:
        if conversation is None or not conversation.athlete_keys or query.race is None:
            return
        if conversation.race_id != query.race.id:
            return
        previous = [
            query.race.athletes[k] for k in conversation.athlete_keys if k in query.race.athletes
        ]
        if not previous:
            return
        pronoun = query.parsed.pronoun
        if pronoun is not None and query.athletes and _possessive_only(query.words):
            pronoun = None  # "when did kipchoge make his move": his = Kipchoge
        if pronoun is not None and len(query.athletes) == 1 and _named_first(query, pronoun):
            pronoun = None  # "kipsang, how did he do": he = Kipsang
        if pronoun is not None:
            # "where did she finish" after a man: not him (a pronoun of no one's sex is unread)
            fitting = [a for a in previous if pronoun == "*" or a.gender in (pronoun, None)]
            query.pronoun_unfit = not fitting and not query.athletes
            if pronoun == "*" and not query.athletes:
                chosen = fitting
            else:
                chosen = [a for a in fitting if a not in query.athletes][:1]
            if chosen:
                query.from_context = not query.athletes
                query.athletes = chosen + query.athletes
            return
        if (
            not query.athletes
            and not query.others
            and answers.wants_athlete(query)
            # (an event named is a new subject; a race of one event names none)
            and (
                query.event is None
                or query.event_from_context
                or continuing
                or len(query.race.events) == 1
            )
            and (
                _is_follow_up(query.words)
                or continuing
                or _bare(query.question)
                # "whats that per km" after his time: that time, his (not a split just told)
                or (
                    len(query.words) <= 5
                    and bool(REFERRING & set(query.words))
                    and conversation.intent in FOLLOWED_INTENTS
                )
            )
            and not answers.unknown_words(query)
        ):
            query.athletes = previous[:1] if len(previous) == 1 else previous
            query.from_context = True


def _in_event_asked(race: Race, key: str, free: list[tuple[int, str]]) -> bool:
    """Whether the runner ``key`` (anyone else passes) ran the kind of event the question's
    words name ("wheelchair", "half"), if they name one."""
    athlete = race.athletes.get(key)
    if athlete is None:
        return True
    known = set().union(*(event_qualifiers(e) for e in race.events))
    asked = {w for _, w in free if w in known}
    if not asked and any(w in GENDER_WORDS for _, w in free) and event_qualifiers(athlete.event):
        # "the men's race": its plain event, not the men's wheelchair race
        return not any(not event_qualifiers(e) for e in race.events)
    return asked <= event_qualifiers(athlete.event)


BEATING_WORDS = frozenset("under sub below beat beaten beating inside faster quicker".split())
MARK_WORDS = frozenset("standard standards mark qualifier qualifying qualification".split())
"""What a time to run under is called when no one holds it: "the olympic qualifying mark"."""
MEETING_WORDS = computed.MET_WORDS | computed.MISSED
"""What is done to a mark: "did he hit the worlds standard", "by how much did she miss it"."""


def _marks_told(query: Query, docs: Sequence[Doc]) -> list[tuple[float, str]]:
    """The marks report sentences state that share a word with the question besides the mark's
    own ("worlds" in "the worlds standard": "the qualifying standard for ... the world ...
    championships ... is 2:16:00"): a sentence naming a mark with one clock figure, not the
    runner's own time."""
    free = [w for i, w in enumerate(query.words) if i not in query.taken]  # (not the names)
    asked = {stem(w) for w in free} - {stem(w) for w in MARK_WORDS | FILLER}
    athlete = query.athletes[0]
    found = []
    for doc in docs:
        words = set(doc.words)
        if doc.kind != "sentence" or not words & MARK_WORDS:
            continue
        if not asked & {stem(w) for w in words - MARK_WORDS - FILLER}:
            continue
        told = [c[0] for c in clock_figures(doc.text) if len(c) == 1]
        told += [parse_duration(m.group(0)) for m in _HOURS_TOLD.finditer(doc.text)]
        told = [t for t in told if t != athlete.time]
        if len(told) == 1:
            found.append((told[0], doc.text))
    return found


_HOURS_TOLD = re.compile(r"\b\d hours?,? \d{1,2} minutes?(?:,? and \d{1,2} seconds?)?", re.I)
"""A time in words: "2 hours, 29 minutes and 30 seconds"."""


RECORD_NOUNS = frozenset("record records cr wr".split())
OLD_WORDS = frozenset(answers.PREVIOUS_WORDS)
"""Words of a count against a record that stood before the race: "how many went under the old
course record"."""

_AT_POINT = frozenset("at through by past after before until till to into from around".split())


_THE_HALF = re.compile(r"(?:^|\b(\w+) )the half\b(?![ -]?(?:way|split|mark|point|marathon))")


def _the_half(question: str) -> bool:
    """Whether the question asks of "the half" as a race ("who won the half"), not the halfway
    point ("who led at the half", "the half split")."""
    m = _THE_HALF.search(normalize(question))
    return m is not None and m.group(1) not in _AT_POINT


def _verb_asked(reading: Reading) -> str | None:
    """The verb of a yes-or-no question about someone named: "skip" in "did kuma skip a water
    station" (what it is done to, the rest, is the question's subject)."""
    words = reading.words
    if not words or words[0] not in ("did", "does", "do", "has", "had") or 1 not in reading.names:
        return None
    after = next((i for i in range(1, len(words)) if i not in reading.names), None)
    return words[after] if after is not None else None


def _possessive(question: str, word: str) -> bool:
    """Whether ``word`` is written with a possessive "'s" in the question ("the kiwi's")."""
    return re.search(rf"\b{re.escape(word)}['’]s\b", question.lower()) is not None


def _only_one_of(athletes: Iterable[Athlete], country: Country) -> Athlete | None:
    """The one athlete of ``country`` among ``athletes``; ``None`` when none or several are."""
    fitting = [a for a in athletes if same_country(a.country, country)]
    return fitting[0] if len(fitting) == 1 else None


SMALL_FIELD = 500
"""A field this small is one a report tells of: fans call a star by initials ("kb"), and a word
near one athlete's name only is that athlete ("geremu")."""


def _initials(athletes: list[Athlete]) -> dict[str, tuple[str]]:
    """ "kb" for Kenenisa Bekele: the initials of a first and last name that no one else of a
    small field shares and that are no word or shorthand of a question."""
    if len(athletes) > SMALL_FIELD:
        return {}
    owners: dict[str, list[str]] = {}
    for athlete in athletes:
        parts = normalize(athlete.name).split()
        if len(parts) >= 2 and parts[0][:1].isalpha() and parts[-1][:1].isalpha():
            owners.setdefault(parts[0][0] + parts[-1][0], []).append(athlete.key)
    return {
        keys[0]: (letters,)
        for letters, keys in owners.items()
        if len(keys) == 1 and letters not in ORDINARY_WORDS and letters not in NOT_INITIALS
    }


NOT_INITIALS = frozenset(
    "pb pr wr cr nr sb km mi hm us uk ok vs yo ny la dc st mr ms dr jr sr nz sa tv hr mm ss".split()
)
"""Two letters fans type for something else than a runner ("pb", "wr", "ny")."""

WINNING_WORDS = frozenset("winner winners champion champions fastest quickest first".split())
"""Words that name an event's first finisher ("the women's winner", "the fastest woman")."""


def _winning_times(words: list[str]) -> bool:
    """ "the men's and women's winning times": the winners' times (not "winning margins")."""
    return any(
        w == "winning" and after in ("time", "times") for w, after in itertools.pairwise(words)
    )


AGE_WORDS = frozenset({("year", "old"), ("years", "old"), ("yr", "old")})
FOLLOW_UP_STARTS = ("and", "what about", "how about", "same for", "now", "then")
_ANOTHER_WORDS = frozenset("and what about how same for now then".split())
_FOLLOW_UP_OPENERS = frozenset(start.split()[0] for start in FOLLOW_UP_STARTS)
FOLLOWED_INTENTS = frozenset("time position pace nationality quote".split())
"""Answers a follow-up naming another runner carries by itself ("and rupp?" after a pace)."""
SUBJECT_PRONOUNS = frozenset({"he", "she", "they", "him", "them"})
REFERRING = frozenset({"it", "that", "this", "there"})
"""Words leaning on what was just said: "who timed it", "when was that"."""
PERSONAL_PRONOUNS = SUBJECT_PRONOUNS | {"her"}
"""After "who", words leaning on the moment just told: "who did he drop"."""


COPULAS = frozenset("was is were are wasnt isnt werent".split())


def _sex_asked(parsed: Parsed, words: list[str]) -> str | None:
    """The sex a question asks of ("the women's", "the guy"), if any."""
    return parsed.gender or GENDER_WORDS.get(next((w for w in words if w in PERSON_NOUNS), ""))


def _compares(words: list[str]) -> bool:
    """Whether a question measures one runner against another ("how far behind", "faster"),
    not asking who it was ("who beat kipchoge in berlin")."""
    return bool(COMPARING & set(words)) and words[:1] != ["who"]


COMPARING = frozenset("behind ahead faster slower quicker beat beaten gap than".split())
"""Words that measure one runner against another ("lose" is not one: "lose his pacemakers")."""


def _asks_is_described(words: list[str], athletes: list[Athlete]) -> bool:
    """ "was <athlete or pronoun> the <description>?" """
    if not words or words[0] not in COPULAS:
        return False
    # ("was the rio olympian happy with how he ran": he is the one described, no check)
    return len(athletes) == 1 or (
        not athletes and words[1:2] != [] and words[1] in SUBJECT_PRONOUNS
    )


BARE_FOLLOW_UP = frozenset(
    "why how when where come though really so then and not which years".split()
)
"""A question of only these words asks about the one before it ("why tho?", "how come?")."""
BARE_QUANTITY = frozenset("by how much many far long exactly what was the margin gap".split())
MISSED_BY = frozenset("off close closer near short miss missed it did get got come came".split())


_SECOND_QUESTION = re.compile(
    r"^(.{8,}?)\s*(?:,\s*)?\b(?:and|n|&)\s+((?:how|where|what|whats|who|whos|when|why|did|was|"
    r"is|were|does|had|has)\b.{4,})$"
    # "prize money for the winners? was there a time bonus too": two questions, two marks
    r"|^(.{8,}?\?)\s+((?:how|where|what|whats|who|whos|when|why|did|was|is|were|does|had|has|"
    r"any|and)\b.{4,})$"
    # "did kiprotich go sub 2:10? pace per km?": two questions of a few words, each marked
    r"|^((?:\S+\s+){2,}\S+?\?)\s+(\S+(?:\s+\S+)+\?)$",
    re.I,
)
_SECOND_ATTRIBUTE = re.compile(
    r"^(.{4,}?)\s*(?:,\s*)?(?:\band|\bn|&)\s+((?:(?:his|her|their|the)\s+)?(?:age|nationality|"
    r"country|pb|pr|personal best|time|place|position|pace|split|splits)\W*)$",
    re.I,
)
"""A second thing asked of the same runner, in a word: "desisa nationality and age?"."""


def _qualifies_record(words: list[str], found: describe.Described) -> bool:
    """Whether the words that matched ``found`` only qualify a record the question goes on to
    name ("a debut record"), one the description itself is not ("the course record holder")."""
    said = {i for i, w in enumerate(words) if describe.describes(found, w)}
    ends = [i for i in said if i + 1 not in said]  # the last word of each run of them
    return bool(ends) and all(words[i + 1 : i + 2] and words[i + 1] in records.RECORD_WORDS
                              for i in ends)  # fmt: skip


def _last_year(words: list[str]) -> bool:
    """Whether ``words`` ask of last year, not of someone a pronoun names ("what did he run
    when he won last year" asks of him)."""
    return ("last", "year") in itertools.pairwise(words) and not PRONOUNS.keys() & set(words)


def _won_then(free: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """ "who won last year": the winner a description of last year names ("last year's men's
    winner", "the defending champion"); this year's is in the results, so "won" alone describes
    no one. (A year by number is found in the report's sentences telling of it.)"""
    if not _last_year([w for _, w in free]):
        return free
    return [(i, "winner" if w in ("won", "win") else w) for i, w in free]


def _two_questions(text: str) -> tuple[str, str] | None:
    """ "how old is kosgei and where is she from", "kitata age n pb": two questions, each asked
    in turn."""
    text = " ".join(text.split())
    m = _SECOND_QUESTION.match(text) or _SECOND_ATTRIBUTE.match(text)
    if m is None:
        return None
    first, second = (g for g in m.groups() if g is not None)
    return first, second


def _joined(question: str, first: Answer, second: Answer) -> Answer:
    """One reply to a question asked in two parts."""
    athletes = tuple(dict.fromkeys((*first.athletes, *second.athletes)))
    # one passage may answer both ("halfway split for degefa and how big was her lead there")
    text = first.text if second.text in first.text else f"{first.text}\n{second.text}"
    return replace(
        first,
        question=question,
        text=text,
        kind="answer" if "answer" in (first.kind, second.kind) else "unknown",
        athletes=athletes,
        rows=(*first.rows, *second.rows),
        facts=(*first.facts, *second.facts),
        sources=tuple(dict.fromkeys((*first.sources, *second.sources))),
    )


def _same_record(words: list[str], conversation: Conversation) -> list[str]:
    """The words of the record the last question was about, that a short question after it
    leaves out: all of them for one that leans on it and names no record ("by how much?", "who
    held it before?", "and farah?"), the kind of record for one naming it only as "the
    record"."""
    weather = any(UNKNOWN_TOPICS.get(w) == UNKNOWN_TOPICS["weather"] for w in words)
    if not conversation.record_words or len(words) > 10 or weather:
        return []  # ("was it windy": the weather, not the record asked before)
    own = set(words) & (records.RECORD_WORDS | RECORD_KIND_WORDS)
    leaning = (
        bool({"it", "that", "one", "mark"} & set(words))  # "who held it", "his old one"
        or any(" ".join(words).startswith(s + " ") for s in ("and", "what about", "how about"))
        # "by how much?", "how far off was he"
        or set(words) - SUBJECT_PRONOUNS <= BARE_QUANTITY | MISSED_BY
    )
    if not own:
        return list(conversation.record_words) if leaning else []
    if own & (RECORD_KIND_WORDS | ABBREVIATIONS.keys()):
        return []  # "did she break the cr?" names its record
    return [  # "the record" after "did she break the cr?": the course record
        w for w in conversation.record_words if w in RECORD_KIND_WORDS or w in ABBREVIATIONS
    ]


_GAINING = frozenset("get got gets receive received earn earned pocket pocketed make made win won "
                     "take took collect collected bank banked".split())  # fmt: skip
_MARGIN_WORDS = frozenset("by behind ahead faster slower quicker back lead margin".split())


def _same_mark(words: list[str], before: Sequence[str]) -> list[str]:
    """ "by how much did he miss it" after "did hofbauer hit the worlds standard": the mark
    asked of before, when the question leans on it and names none."""
    if set(words) & MARK_WORDS or not set(words) & REFERRING or not set(before) & MARK_WORDS:
        return []
    if not set(words) & (MEETING_WORDS | UNDER_WORDS | OVER_WORDS | BARE_QUANTITY):
        return []
    doing = MEETING_WORDS | UNDER_WORDS | OVER_WORDS  # (what this question asks of it)
    return [w for w in before if w not in set(words) and w not in FILLER and w not in doing]


def _on_own(words: list[str]) -> list[str]:
    """ "was she on her own at the end": alone."""
    for i in range(len(words) - 2):
        if words[i] == "on" and words[i + 1] in ("her", "his", "their") and words[i + 2] == "own":
            return [*words[:i], "alone", *words[i + 3 :]]
    return words


def _back_then(words: list[str]) -> list[str]:
    """ "what did she run back then": then, the time just told of, no gap ("how far back")."""
    return [
        w for i, w in enumerate(words) if not (w == "back" and words[i + 1 : i + 2] == ["then"])
    ]


def _taken_home(words: list[str]) -> list[str]:
    """ "what do the winners take home": the money they win, asked in other words."""
    for i, (word, after) in enumerate(itertools.pairwise(words)):
        if word in ("take", "took", "takes") and after == "home":
            return [*words[:i], "money", *words[i + 2 :]]
    return words


def _money_asked(words: list[str]) -> list[str]:
    """ "how much did the wheelchair winners get", "how much did kamworor win": money, when the
    question ends on what was gained and asks no margin ("how much did he win by")."""
    if "money" in words or _MARGIN_WORDS & set(words):
        return []
    if words[:3] not in (["how", "much", "did"], ["how", "much", "does"]) or len(words) < 5:
        return []
    return ["money"] if words[-1] in _GAINING else []


def _same_point(words: list[str], last: tuple[str, ...]) -> list[str]:
    """ "how big was her lead there" (or "at that point") after "degefa halfway split?": at the
    point of the race the question before named."""
    text = f" {' '.join(words)} "
    if not (" there " in text or " that point " in text or " that stage " in text):
        return []
    if any(POINT_WORD.match(w) for w in words):
        return []
    return [w for w in last if POINT_WORD.match(w)][:1]


def _at_another_point(words: list[str], last: tuple[str, ...]) -> list[str]:
    """ "and by 30k?" after "how big was her lead at halfway": that question, at the point now
    named."""
    own = [w for w in words if w not in FILLER and w not in _AT]
    if not own or not all(POINT_WORD.match(w) for w in own):
        return []
    return [w for w in last if not POINT_WORD.match(w) and w not in REFERRING and w != "point"]


def _joined_words(words: list[str]) -> list[str]:
    """ "all time" as the report's "all-time" is read: one word, and no "time" asked; "go off"
    as "start"; "at half" as "at halfway"."""
    joined: list[str] = []
    for i, word in enumerate(words):
        if joined and (joined[-1], word) in QUESTION_JOINS:
            joined[-1] = QUESTION_JOINS[(joined[-1], word)]
        elif (
            word == "half"
            and joined[-1:]
            and joined[-1] in _AT
            and words[i + 1 : i + 2] != ["marathon"]
        ):
            joined.append("halfway")  # "the lead group at half", "through the half"
        else:
            joined.append(word)
        if tuple(joined[-3:]) in LAST_YEAR:  # "the year before": last year, as asked most
            joined[-3:] = ["last", "year"]
    return joined


_MEASURED = frozenset("split splits time times mark pb pr best record wr".split())
"""Words after "half marathon" that make it a distance run ("his half marathon pb")."""

LAST_YEAR = frozenset(
    {("the", "year", "before"), ("the", "previous", "year"), ("a", "year", "ago")}
)
"""Other ways to say "last year"."""

_AT = frozenset("at by through thru the".split())


_ENGINE_WORDS = (
    KNOWN_WORDS
    | {w for phrase in UNKNOWN_TOPICS for w in phrase.split()}
    | {w for word, related in SYNONYMS.items() for w in (word, *related)}
)
"""Words the engine reads as what they mean ("degrees"), never as a misspelt name."""


NAMES_UNKNOWN = frozenset({"unknown_athlete", "unknown_race", "unknown"})
"""Structured replies that already name what no one knows ("I don't have anyone called", "I
don't have anything about the weather")."""

MISSPELT_CUTOFF = 75
"""How alike (rapidfuzz ratio) a word must be to a name token to be read as that name."""

QUESTION_JOINS = {
    **JOINS,  # "half way" as the report's "halfway" is read
    ("go", "off"): "start",  # "what time did they go off"
    ("went", "off"): "started",
    ("a", "row"): "straight",  # "three in a row": three straight
    ("going", "for"): "aiming",  # "was bekele going for the world record": his aim
    ("go", "for"): "aim",
    ("gone", "for"): "aimed",
    ("went", "for"): "aimed",
}


def _for_other_event(words: list[str], last: tuple[str, ...]) -> list[str]:
    """ "what about the womens" after "4th place mens?": the question before, of the event now
    named ("4th place womens")."""
    named = [w for w in words if w in GENDER_WORDS]
    rest = [w for w in words if w not in GENDER_WORDS]
    if not named or not last or not set(rest) <= OTHER_EVENT_WORDS:
        return words
    before = [w for w in last if w not in GENDER_WORDS]
    if not before or before == list(last):
        return words  # the question before named no event to swap
    return [*before, *named]


OTHER_EVENT_WORDS = frozenset("and what about how the for same in race event side".split())
"""The words around an event named alone as a follow-up: "and the women?", "same for men"."""


def _modified(reading: Reading, remaining: list[str], explained: frozenset[str]) -> bool:
    """Whether a word nothing explains qualifies the word the answer explains, just before it
    ("defending" of "defending champion"): the answer is of the word, not of what was asked."""
    words = reading.words
    return any(
        word in remaining and after in explained for word, after in itertools.pairwise(words)
    )


def _is_follow_up(words: list[str]) -> bool:
    """ "and the 2nd?", "what about 5th": a short question leaning on the one before."""
    text = " ".join(words)
    return len(words) <= 2 or any(text.startswith(start + " ") for start in FOLLOW_UP_STARTS)


def _bare(question: str) -> bool:
    """ "by how much?", "why tho": a question of nothing but what it asks of the one before."""
    words = set(normalize(question).split())
    return bool(words) and words <= BARE_QUANTITY | BARE_FOLLOW_UP


_ASKING = frozenset("who whos what whats how hows when where why which did does was is".split())


def _named_first(query: Query, pronoun: str) -> bool:
    """Whether the one athlete named is the topic the question then asks of, with a pronoun of
    their sex ("kamworor, what did he run"; not "how far behind kosgei was she")."""
    words = query.words
    asking = next((i for i, w in enumerate(words) if w in _ASKING), None)
    first = next((i for i, w in enumerate(words) if w in PRONOUNS), None)
    named = [i for i in query.taken if i < len(words)]
    return (
        asking is not None
        and first is not None
        and bool(named)
        and max(named) < asking < first
        and query.athletes[0].gender in (pronoun, None)
        and not query.from_context
    )


def _possessive_only(words: list[str]) -> bool:
    """The only pronouns are possessive ("his", "her"), so they refer to the named athlete."""
    return not SUBJECT_PRONOUNS.intersection(words)


RACE_WORDS = ("marathon", "half", "10k", "5k", "ultra")


def _unknown_race_name(words: list[str]) -> str | None:
    """ "boston marathon" when the question names a race by a word nothing else explains."""
    from bot.engine.intents import GENDER_WORDS, KNOWN_WORDS

    for i, word in enumerate(words[1:], start=1):
        before = words[i - 1]
        end = i + 1
        while end < len(words) and words[end] in RACE_WORDS:
            end += 1  # "european half marathon champion": the words of a race, then a title
        after = words[end] if end < len(words) else ""
        if after in NOT_A_RACE_AFTER:
            continue  # "the british marathon record", "the olympic marathon champion"
        if (
            word in RACE_WORDS
            and before.isalpha()
            and before not in KNOWN_WORDS
            and before not in GENDER_WORDS
            and before not in RACE_WORDS
            and len(before) > 2
        ):
            name = [before, word]
            if i >= 2 and words[i - 2] in CITY_PREFIXES:
                name.insert(0, words[i - 2])
            return "the " + " ".join(w.capitalize() for w in name)
    return None


NOT_A_RACE_AFTER = frozenset(
    """record records best bests champ champion champions title titles gold medal medals
    medallist medalist winner winners holder debut pb wr split splits pace mark
    point""".split()
)  # "kosgei 5k split": a point in the race, not a race

CITY_PREFIXES = frozenset(
    "new san los las st saint hong cape tel buenos rio el santa sao mexico".split()
)


ORDINARY_WORDS = COMMON_WORDS | KNOWN_WORDS | FILLER | answers.AGE_ASKED
"""Question words: they match a name exactly or not at all, never through a typo."""

GENERIC_EVENT_WORDS = frozenset({"race", "event", "marathon", "elite", "field", "open"})


def event_qualifiers(event: Event) -> frozenset[str]:
    """The words that set an event apart from the plain race of its sex: "wheelchair"."""
    words = normalize(" ".join(filter(None, [event.name, event.kind]))).split()
    return frozenset(
        w
        for w in words
        if w not in GENDER_WORDS
        and w not in GENERIC_EVENT_WORDS
        and w not in STOP_WORDS
        and not w.isdigit()
        and w not in ("s", "race", "races")
    )


def _ratio(a: str, b: str) -> float:
    from rapidfuzz import fuzz

    return float(fuzz.partial_ratio(a, b))


def _search(index: NameIndex, words: list[str], limit: int) -> list[Athlete]:
    """Autocomplete: every word must match a name token exactly, by prefix, or by a typo."""
    from rapidfuzz import fuzz

    last = words[-1]
    complete = words[:-1]
    candidates: set[int] | None = None
    for word in complete:
        tokens, _ = index.token_matches(word)
        found = index.postings(tokens)
        candidates = found if candidates is None else candidates & found
    prefix_tokens = index.prefix_tokens(last, 200)
    typo_tokens, _ = index.token_matches(last)
    found = index.postings((*prefix_tokens, *typo_tokens))
    candidates = found if candidates is None else candidates & found
    query = " ".join(words)
    ranked = sorted(
        candidates,
        key=lambda c: (-fuzz.WRatio(query, index.name_of(c)), index.name_of(c)),
    )
    return [index.items[c] for c in ranked[:limit]]  # type: ignore[misc]
