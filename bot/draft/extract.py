"""From a race report's text to a structured draft: athletes, places, times, countries, records,
comparisons, quotes and facts, each with the sentence it comes from.

Regular expressions and the engine's own duration, country and name code; no model. What is
uncertain carries a ``checks`` note for the reviewer; a figure the report does not give is never
filled in.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from bot.draft import lexicon as lx
from bot.draft.text import DraftError, check_race_report, paragraphs, sentences
from bot.engine.countries import Country, find_country
from bot.engine.durations import parse_duration
from bot.engine.errors import DurationError
from bot.engine.normalize import normalize, slugify

_TOKEN_RE = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")
_QUOTE_OPEN = "“«"
_QUOTE_CLOSE = "”»"
MIN_QUOTE_WORDS = 4


@dataclass
class Note:
    """A value and the sentence it comes from, with what the reviewer should check."""

    value: object
    source: str
    check: str | None = None
    strength: int = 2


@dataclass
class Athlete:
    key: str
    name: str
    aliases: set[str] = field(default_factory=set)
    first_seen: int = 0
    gender_votes: dict[str, int] = field(default_factory=dict)
    event_votes: dict[str, int] = field(default_factory=dict)
    event: str | None = None
    event_check: str | None = None
    positions: list[Note] = field(default_factory=list)
    times: list[Note] = field(default_factory=list)
    countries: list[Note] = field(default_factory=list)
    status: Note | None = None
    descriptions: dict[str, str] = field(default_factory=dict)
    name_source: str | None = None
    racing: bool = False
    """Named as racing (placed, timed, beaten, passed...), so a result, not only a person."""
    role: str | None = None
    links: set[str] = field(default_factory=set)
    position: Note | None = None
    time: Note | None = None
    country: Note | None = None
    implied: bool = False
    result_at: int | None = None
    explicit: dict[str, int] = field(default_factory=dict)
    """Races named in the sentences of this athlete's results."""
    wheelchair: bool = False


@dataclass
class Event:
    id: str
    name: str
    gender: str | None
    kind: str | None
    source: str | None = None

    @property
    def aliases(self) -> list[str]:
        """What people call it: "men", "mens", "men's race"; "men's wheelchair"..."""
        if self.gender is None:
            return []
        word = "men" if self.gender == "M" else "women"
        if self.kind:
            return [f"{word}'s {self.kind}", f"{word}s {self.kind}", f"{self.kind} {word}"]
        extra = ["male", "man"] if self.gender == "M" else ["female", "woman", "ladies"]
        return [word, f"{word}s", f"{word}'s race", f"{word}'s marathon", *extra]


@dataclass
class Record:
    id: str
    title: str
    kind: str
    source: str
    holder: str | None = None
    holder_name: str | None = None
    event: str | None = None
    time: float | None = None
    set_here: bool = False
    previous_holder: str | None = None
    previous_year: int | None = None
    previous_time: float | None = None
    margin: float | None = None
    margin_approx: bool = False
    margin_text: str | None = None
    checks: list[str] = field(default_factory=list)


@dataclass
class Comparison:
    athlete: str
    record: str
    relation: str
    text: str
    source: str
    amount: float | None = None
    approx: bool = False


@dataclass
class Quote:
    by: str | None
    text: str
    source: str
    check: str | None = None


@dataclass
class Fact:
    id: str
    text: str
    about: list[str]
    event: str | None


@dataclass
class Draft:
    race_id: str
    race_name: str
    date: dt.date
    """The race's date; only its year when ``date_known`` is false."""
    date_known: bool
    city: str | None
    distance_km: float | None
    aliases: list[str]
    events: list[Event]
    athletes: list[Athlete]
    """Those with a result, in the order of their events and places."""
    people: list[Athlete]
    records: list[Record]
    comparisons: list[Comparison]
    quotes: list[Quote]
    facts: list[Fact]
    notes: list[str]


@dataclass(frozen=True, slots=True)
class Mention:
    key: str
    start: int
    end: int
    possessive: bool


@dataclass(frozen=True, slots=True)
class Found:
    """A time found in a sentence."""

    seconds: float
    start: int
    end: int
    text: str
    kind: str


def find_times(text: str) -> list[Found]:
    found: list[Found] = []
    for match in lx.TIME_RE.finditer(text):
        kind = match.lastgroup or "short"
        raw = match.group(0)
        if kind == "minutes":
            kind = "word"
        try:
            seconds = parse_duration(raw, press_style=kind == "press")
        except DurationError:
            continue
        found.append(Found(seconds, match.start(), match.end(), raw, kind))
    return found


def amount_seconds(text: str) -> float | None:
    cleaned = re.sub(r"^(?:half an?)\s+hour", "30 minutes", text.strip().lower())
    cleaned = re.sub(r"^(?:an?)\s+", "one ", cleaned)
    try:
        return parse_duration(cleaned)
    except DurationError:
        return None


_DATELINE_RE = re.compile(
    r"^[A-Z][A-Z .'’-]{2,}(?:\s*\([^)]{1,30}\))?(?:,\s*[A-Z][\w.'’ ]{1,30})*,?\s*"
    r"(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2})?\s*[-–—]+\s*"
)
_ASIDE_RE = re.compile(r"\((?![^)]*\d)[^()]{2,60}\)")


def _mask_asides(text: str) -> str:
    """Blank a dateline ("SAN JUAN, Puerto Rico, Feb 27 -") and bracketed asides without
    figures ("(Aldershot Farnham & District)", "(pictured)"): neither names a person."""
    dateline = _DATELINE_RE.match(text)
    if dateline is not None:
        text = " " * dateline.end() + text[dateline.end() :]
    return _ASIDE_RE.sub(lambda m: " " * len(m.group(0)), text)


def mask_quotes(paragraph: str) -> tuple[str, list[tuple[int, int]]]:
    """The paragraph with quoted words blanked out (same length), and the quoted spans."""
    spans: list[tuple[int, int]] = []
    inside = False
    start = 0
    for index, char in enumerate(paragraph):
        if not inside and (char in _QUOTE_OPEN or char == '"'):
            inside, start = True, index
        elif inside and (char in _QUOTE_CLOSE or char == '"'):
            inside = False
            spans.append((start, index + 1))
    if inside:
        spans.append((start, len(paragraph)))
    chars = list(paragraph)
    for begin, end in spans:
        if len(paragraph[begin:end].split()) >= MIN_QUOTE_WORDS:
            for i in range(begin, end):
                chars[i] = " "
    spans = [(b, e) for b, e in spans if len(paragraph[b:e].split()) >= MIN_QUOTE_WORDS]
    return "".join(chars), spans


class Extractor:
    def __init__(self, text: str, race: str, date: dt.date) -> None:
        self.text = text
        self.race = race
        self.date = date
        self.sentences = [s for s in sentences(text)]
        self.paragraph_texts = paragraphs(text)
        self.masks: list[str] = []
        self.quote_spans: list[list[tuple[int, int]]] = []
        for paragraph in self.paragraph_texts:
            mask, spans = mask_quotes(paragraph)
            mask = _mask_asides(mask)
            self.masks.append(mask)
            self.quote_spans.append(spans)
        self.offsets: list[int] = []
        cursor: dict[int, int] = {}
        for sentence in self.sentences:
            paragraph = self.paragraph_texts[sentence.paragraph]
            at = paragraph.find(sentence.text, cursor.get(sentence.paragraph, 0))
            at = max(at, 0)
            cursor[sentence.paragraph] = at + len(sentence.text)
            self.offsets.append(at)
        self.race_words = {w for w in normalize(race).split()}
        self.lower_words = set(re.findall(r"(?<![\w'’])[a-z][a-z'’-]*", text))
        self.athletes: dict[str, Athlete] = {}
        self.events: dict[str, Event] = {}
        self.records: list[Record] = []
        self.comparisons: list[Comparison] = []
        self.quotes: list[Quote] = []
        self.notes: list[str] = []
        self.mentions: list[list[Mention]] = []
        self.subject: list[str | None] = []
        self.context_event: list[str | None] = []
        self.groups: list[tuple[list[str], int, str]] = []
        self.pending: list[tuple[str, str, int]] = []
        self.compatriots: list[tuple[str, str, str]] = []
        self.the_demonym: list[tuple[int, str, str]] = []
        self.ahead: list[tuple[str, str, str]] = []
        self.division_events: dict[int, str] = {}
        self.known_names: list[str] = []
        self.context_kind: dict[int, str | None] = {}

    # ---- names -------------------------------------------------------------------------------

    def masked(self, index: int) -> str:
        sentence = self.sentences[index]
        start = self.offsets[index]
        return self.masks[sentence.paragraph][start : start + len(sentence.text)]

    def _namey(self, token: str) -> bool:
        bare = re.sub(r"['’]s$", "", token)
        low = bare.lower()
        if not bare[:1].isupper() or (bare.isupper() and len(bare) > 2):
            return False
        if low in lx.NOT_NAMES or low in self.race_words or lx.country_of(low) is not None:
            return False
        return low not in self.lower_words or (
            len(low) > 3 and low.capitalize() == bare and (low not in self.lower_words)
        )

    def _groups(self, text: str) -> list[tuple[int, int, list[str], bool]]:
        """Runs of capitalised name words: (start, end, words, possessive)."""
        runs: list[tuple[int, int, list[str], bool]] = []
        current: list[re.Match[str]] = []

        def close() -> None:
            if current:
                words = [m.group(0) for m in current]
                possessive = bool(re.search(r"['’]s$", words[-1]))
                words[-1] = re.sub(r"['’]s$", "", words[-1])
                while words and words[0].lower() in lx.PARTICLES:
                    words.pop(0)
                # "United States", "South Africa": a country, not a name
                for size in range(min(4, len(words)), 1, -1):
                    if lx.country_of(" ".join(words[:size])) is not None:
                        words = words[size:]
                        break
                    if lx.country_of(" ".join(words[-size:])) is not None:
                        words = words[:-size]
                        break
                if words:
                    runs.append((current[0].start(), current[-1].end(), words, possessive))
                current.clear()

        glued = False  # the run touches capitalised words that are no names: an organisation
        previous: re.Match[str] | None = None
        for match in _TOKEN_RE.finditer(text):
            token = match.group(0)
            gap = text[current[-1].end() : match.start()] if current else ""
            particle = token.lower() in lx.PARTICLES and not token[:1].isupper()
            if current and gap != " ":
                if glued:
                    current.clear()
                close()
                glued = False
            capital = token[:1].isupper() and not token.isupper()
            adjacent = previous is not None and text[previous.end() : match.start()] == " "
            if not current and adjacent and previous is not None and self._org_word(previous):
                glued = self._namey(token)
            if current and capital and not self._namey(token) and self._org_word(match):
                glued = True
            if self._namey(token) or (current and particle):
                if current and re.search(r"['’]s$", current[-1].group(0)):
                    close()
                if token.lower() in lx.TITLES:
                    continue
                current.append(match)
            else:
                if glued:
                    current.clear()
                glued = False
                close()
            previous = match
        if glued:
            current.clear()
        close()
        return runs

    def _org_word(self, match: re.Match[str]) -> bool:
        """A capitalised word that makes a run of capitals an organisation or an event:
        "Tamarack Homes National Capital Race Weekend", "Bank of America Chicago Marathon"."""
        token = match.group(0)
        low = token.lower()
        return token[:1].isupper() and low in lx.ORG_WORDS

    def collect_names(self) -> None:
        vocabulary = set(normalize(self.text).split())
        for full in self.known_names:  # only those the report may name: a table can be huge
            parts = full.split()
            if 2 <= len(parts) <= 5 and normalize(parts[-1]) in vocabulary:
                self._add_name(" ".join(parts), len(self.sentences))
        for index, sentence in enumerate(self.sentences):
            if sentence.heading:
                continue
            for _start, _end, words, _possessive in self._groups(self.masked(index)):
                if 2 <= len(words) <= 4:
                    self._add_name(" ".join(words), index)

    def _add_name(self, name: str, index: int) -> str:
        words = name.split()
        for athlete in self.athletes.values():
            known = athlete.name.split()
            a, b = normalize(known[0]), normalize(words[0])
            last_a, last_b = normalize(known[-1]), normalize(words[-1])
            # "Lawrence Cheronon" is "Lawrence Cherono": same first name, a surname typo
            if last_a != last_b and not (
                a == b and len(last_a) >= 5 and fuzz.ratio(last_a, last_b) >= 85
            ):
                continue
            if (
                a == b
                or (len(a) >= 3 and len(b) >= 3 and (a.startswith(b) or b.startswith(a)))
                or (len(a) >= 4 and len(b) >= 4 and fuzz.ratio(a, b) >= 75)
            ):
                if name != athlete.name:
                    athlete.aliases.add(name)
                return athlete.key
        key = slugify(name)
        if key in self.athletes:
            return key
        self.athletes[key] = Athlete(key=key, name=name, first_seen=index)
        return key

    def resolve(self, word: str) -> str | None:
        """The athlete a single name word (a surname, a first name, a misspelling) means."""
        low = normalize(word)
        if not low:
            return None
        by_last = [a for a in self.athletes.values() if normalize(a.name.split()[-1]) == low]
        if len(by_last) == 1:
            return by_last[0].key
        if by_last:
            return None
        by_any = [a for a in self.athletes.values() if low in normalize(a.name).split()[:-1]]
        if len(by_any) == 1:
            return by_any[0].key
        if len(low) >= 5:
            scored = [
                (fuzz.ratio(low, normalize(a.name.split()[-1])), a.key)
                for a in self.athletes.values()
            ]
            scored.sort(reverse=True)
            if scored and scored[0][0] >= 80 and (len(scored) == 1 or scored[1][0] < 80):
                return scored[0][1]
        return None

    def find_mentions(self, index: int) -> list[Mention]:
        text = self.masked(index)
        found: list[Mention] = []
        for start, end, words, possessive in self._groups(text):
            if len(words) >= 2:
                name = " ".join(words)
                key = self._known_full(name)
                if key is None and len(words) <= 4:
                    key = self._add_name(name, index)
                if key is None:
                    # a long run of capitals: look for a known surname inside it
                    for word in words:
                        key = self.resolve(word)
                        if key is not None:
                            break
                if key is not None:
                    found.append(Mention(key, start, end, possessive))
            else:
                key = self.resolve(words[0])
                if key is not None:
                    found.append(Mention(key, start, end, possessive))
        return found

    def _known_full(self, name: str) -> str | None:
        slug = slugify(name)
        if slug in self.athletes:
            return slug
        for athlete in self.athletes.values():
            if name == athlete.name or name in athlete.aliases:
                return athlete.key
        return None

    # ---- events --------------------------------------------------------------------------------

    def event_for(self, gender: str | None, kind: str | None) -> str:
        kind = (kind or "").lower() or None
        if kind in ("elite", "open", "mass"):
            kind = None if kind == "elite" else kind
        parts = [p for p in (("men" if gender == "M" else "women") if gender else None, kind) if p]
        event_id = "-".join(parts) or "race"
        if event_id not in self.events:
            gender_word = {"M": "Men's", "F": "Women's"}.get(gender or "", "")
            label = " ".join(p for p in (gender_word, kind or "") if p) or "Open"
            name = f"{label} race".strip()
            self.events[event_id] = Event(event_id, name[0].upper() + name[1:], gender, kind)
        return event_id

    def events_in(self, text: str) -> list[str]:
        found: list[str] = []
        for match in lx.EVENT_RE.finditer(text):
            gender_word = (match.group("gender") or "").lower()
            gender = None
            if gender_word in ("men", "male", "boys"):
                gender = "M"
            elif gender_word in ("women", "female", "girls"):
                gender = "F"
            kind = match.group("kind") or match.group("kind2")
            if match.group("noun2") and match.group("noun2").endswith("s"):
                continue  # "the wheelchair races": both
            if gender is None and kind is None:
                continue
            if gender is None:
                continue
            event = self.event_for(gender, kind)
            if event not in found:
                found.append(event)
        return found

    # ---- main passes ---------------------------------------------------------------------------

    def run(self) -> None:
        self.collect_names()
        current: str | None = None
        previous_subject: str | None = None
        for index, sentence in enumerate(self.sentences):
            if sentence.heading:
                self.mentions.append([])
                self.subject.append(None)
                self.context_event.append(None)
                current = None
                continue
            mentions = self.find_mentions(index)
            text = self.masked(index)
            plain = [m for m in mentions if not m.possessive]
            subject = plain[0].key if plain else (mentions[0].key if mentions else None)
            lead = self._clause_subject(mentions, (0, len(text)), len(text), text)
            if lead is not None:
                subject = lead.key  # "Breaking away from X and Y, Z won": Z
            early = re.search(
                r"\b(he|she)\b", text[: mentions[0].start] if mentions else text, re.I
            )
            if early is not None and (
                not mentions
                or not re.search(r",\s*$", text[: early.start()])
                or mentions[0].start > early.start()
            ):
                subject = (
                    self._resolve_pronoun(index, early.group(1).lower(), previous_subject)
                    or subject  # "the flag he had draped ..., Geoffrey Mutai couldn't ..."
                )
            elif not mentions:
                loose = re.search(r"\b(his|her|him|himself|herself)\b", text, re.I)
                if loose is not None:
                    subject = self._resolve_pronoun(index, loose.group(1).lower(), previous_subject)
            pronoun = re.match(r"\s*(?:[A-Z][\w ,]{0,20},\s*)?(he|she|his|her)\b", text, re.I)
            if pronoun is not None and (not mentions or mentions[0].start > pronoun.start()):
                subject = self._resolve_pronoun(index, pronoun.group(1).lower(), previous_subject)
            if previous_subject is not None:
                # "The 31-year-old Kenyan has been runner-up..." is the last sentence's subject
                the = re.search(r"\b[Tt]he\s+(?:\d+-year-old\s+)?([A-Z][a-z]+)\b(?!\s+[A-Z])", text)
                if the is not None and mentions and mentions[0].start < the.start():
                    the = None
                if (
                    the is not None
                    and re.match(r"\s+(?:[a-z][\w-]*\s+){0,3}[A-Z]", text[the.end() :])
                    and any(m.start > the.end() and m.start - the.end() < 40 for m in mentions)
                ):
                    the = None  # "the Scottish athlete Callum Hawkins" names him
                if the is not None and lx.country_of(the.group(1)) is not None:
                    subject = self._demonym_referent(index, the.group(1)) or previous_subject
                    self.the_demonym.append((index, subject, the.group(1)))
            if (
                previous_subject is not None
                and re.search(
                    r"\b[Tt]he\s+(?:\d+-year-old\b(?!\s+[A-Z])|(?:[\w-]+\s+){0,4}?(?:champion|"
                    r"medallist|medalist|winner|titleholder|record[- ]holder)\b(?!\s+[A-Z]))",
                    text[: mentions[0].start] if mentions else text,
                )
                and (not mentions or mentions[0].start > 20)
            ):
                subject = previous_subject  # "The 27-year-old finished 43 seconds ahead of X"
            self.mentions.append(mentions)
            self.subject.append(subject)
            events = self.events_in(text)
            if len(events) == 1:
                current = events[0]
            self.context_event.append(current)
            if subject is not None:
                previous_subject = subject
            self._genders(index, text, mentions, subject)
        current = None
        kind: str | None = None
        for index, sentence in enumerate(self.sentences):
            text = self.masked(index) if not sentence.heading else sentence.text
            if sentence.heading:
                named = self.events_in(text)
                current = named[0] if len(named) == 1 else None  # "Women's race"
                kind = "wheelchair" if re.search(r"wheelchair", text, re.I) else None
                continue
            events = self.events_in(text)
            if (
                len(events) == 1
                and kind == "wheelchair"
                and self.events[events[0]].kind is None
                and re.search(r"['’]s\s+(?:division|category)\b", text)
            ):
                # "In the women's division" within a report on the wheelchair races
                gender = self.events[events[0]].gender
                events = [self.event_for(gender, "wheelchair")]
                self.division_events[index] = events[0]
            if len(events) == 1:
                current = events[0]
                kind = self.events[current].kind
            elif re.search(r"\bwheelchair\b", text, re.I):
                kind = "wheelchair"
            if not events:
                counted = {
                    m.group(1).lower()
                    for m in re.finditer(
                        r"\b(?:two|three|four|five|six|seven|eight|nine|ten|\d+)[- ]"
                        r"(?:\w+\s+)?(women|men)\b",
                        text,
                        re.I,
                    )
                }
                if len(counted) == 1:
                    # "A lead pack of seven women passed ...": the women's race
                    current = self.event_for("F" if "women" in counted else "M", kind)
            self.context_event[index] = current
            self.context_kind[index] = kind
            self._results(index)
            subject = self.subject[index]
            if not events and subject is not None:
                votes = self.athletes[subject].explicit
                if votes:
                    current = max(votes, key=lambda e: votes[e])
                    kind = self.events[current].kind
            self._countries(index)
            self._records(index)
            self._descriptions(index)
            self._groups_in(index)
        for _round in range(2):
            for first, key, index in self.pending:
                # placed against each other: if one of them raced, both did
                for one, other in ((first, key), (key, first)):
                    athlete = self.athletes[other]
                    placed = self.athletes[one]
                    if placed.racing and not athlete.racing and athlete.role != "pacemaker":
                        athlete.racing = True
                        self._event_vote(other, index, self.masked(index), 1)
        self._quotes()
        self._decide()

    def _demonym_referent(self, index: int, word: str) -> str | None:
        """Who "the Ethiopian" is: the athlete an earlier sentence names with that country
        ("Ethiopian marathon debutant Guye Adola", "Adola of Ethiopia"), if one does."""
        country = lx.country_of(word)
        for back in range(index - 1, max(-1, index - 2), -1):
            if back >= len(self.mentions) or self.sentences[back].heading:
                break
            text = self.masked(back)
            for match in re.finditer(r"[A-Z][\w.’']+", text):
                if lx.country_of(re.sub(r"['’]s$", "", match.group(0))) is not country:
                    continue
                near = [
                    m for m in self.mentions[back]
                    if (m.start >= match.end() and re.fullmatch(
                        r"\s+(?:[a-z][\w-]*\s+){0,3}", text[match.end() : m.start]))
                    or (m.end <= match.start() and re.fullmatch(
                        r",?\s+of\s+(?:the\s+)?", text[m.end : match.start()]))
                ]  # fmt: skip
                if near:
                    return near[0].key
        return None

    def _resolve_pronoun(self, index: int, pronoun: str, previous: str | None) -> str | None:
        want = "F" if pronoun in ("she", "her", "herself") else "M"
        for back in range(index - 1, max(-1, index - 6), -1):
            if back >= len(self.subject):
                continue
            candidates = [self.subject[back]] + [m.key for m in self.mentions[back]]
            for key in candidates:
                if key is None:
                    continue
                gender = self._gender(key)
                if gender == want or gender is None:
                    return key
        return previous

    def _gender(self, key: str) -> str | None:
        votes = self.athletes[key].gender_votes
        if not votes:
            return None
        best = max(votes, key=lambda g: votes[g])
        return best if votes[best] > votes.get("F" if best == "M" else "M", 0) else None

    def _genders(self, index: int, text: str, mentions: list[Mention], subject: str | None) -> None:
        if subject is None:
            return
        male = len(lx.PRONOUNS_M.findall(text))
        female = len(lx.PRONOUNS_F.findall(text))
        others = {m.key for m in mentions} - {subject}
        opening = re.match(r"\s*(He|She)\b", text)
        if opening is not None:
            votes = self.athletes[subject].gender_votes
            key = "M" if opening.group(1) == "He" else "F"
            votes[key] = votes.get(key, 0) + 1
        elif (male and not female and not others) or (male > female and male >= 2):
            votes = self.athletes[subject].gender_votes
            votes["M"] = votes.get("M", 0) + 1
        elif (female and not male and not others) or (female > male and female >= 2):
            votes = self.athletes[subject].gender_votes
            votes["F"] = votes.get("F", 0) + 1
        women = re.search(r"\b(?:women|woman|female|ladies|girls)\b", text, re.I)
        men = re.search(r"\b(?:men|man|male|boys)\b", text, re.I)
        if bool(women) != bool(men) and not self.events_in(text) and not others:
            # "Kenyan women had swept the medals ... but Gudeta pushed on alone"
            votes = self.athletes[subject].gender_votes
            key = "F" if women else "M"
            votes[key] = votes.get(key, 0) + 1
        events = self.events_in(text)
        if len(events) == 1:
            gender = self.events[events[0]].gender
            if gender:
                for mention in mentions:
                    votes = self.athletes[mention.key].gender_votes
                    votes[gender] = votes.get(gender, 0) + 1

    # ---- results -------------------------------------------------------------------------------

    def _clauses(self, text: str) -> list[tuple[int, int]]:
        bounds = [0]
        for match in re.finditer(
            r";|,?\s+while\s+|,?\s+whereas\s+|,\s+with\s+(?!an?\s+(?:\w+\s+)?time\b)|"
            r"\s+with\s+(?=an?\s(?!(?:\w+\s+)?(?:time|personal|new|course|world|national|"
            r"record|pb|clocking|mark)\b)(?![\d:.]))|"
            r",\s+followed by\s+|,\s+and\s+(?=[A-Z])|\s+with\s+(?=[A-Z])|,?\s+but\s+",
            text,
        ):
            bounds.append(match.start())
            bounds.append(match.end())
        bounds.append(len(text))
        return [(bounds[i], bounds[i + 1]) for i in range(0, len(bounds) - 1, 2)]

    def _event_vote(self, key: str, index: int, text: str, strength: int) -> None:
        events = self.events_in(text)
        if index in self.division_events:
            events = [self.division_events[index]]
        athlete = self.athletes[key]
        if athlete.result_at is None:
            athlete.result_at = index
        if len(events) == 1:
            athlete.event_votes[events[0]] = athlete.event_votes.get(events[0], 0) + 3 * strength
            athlete.explicit[events[0]] = athlete.explicit.get(events[0], 0) + 1
        elif not events and self.context_kind.get(index) == "wheelchair":
            athlete.wheelchair = True
        if not events and self.context_event[index]:
            event = self.context_event[index]
            assert event is not None
            athlete.event_votes[event] = athlete.event_votes.get(event, 0) + 1

    def _owner(
        self,
        index: int,
        mentions: list[Mention],
        at: int,
        clause: tuple[int, int],
        text: str,
        first: bool = False,
    ) -> tuple[str | None, int]:
        """Who a figure at ``at`` belongs to: the nearest name before it in its clause (the
        first, for a win), not a record holder named with 's ("Yeshaneh's time was" is an
        owner), else a pronoun starting the clause, else the subject."""
        before = [
            m
            for m in mentions
            if clause[0] <= m.start
            and m.end <= at
            and (
                not m.possessive
                or re.match(r"\s+(?:(?:winning|finishing|final|official)\s+)?time\b|\s+was\b",
                            text[m.end : m.end + 30])
            )
        ]  # fmt: skip
        if before:
            chosen = before[0] if first else before[-1]
            return chosen.key, chosen.end
        head = text[clause[0] : at]
        pronoun = re.search(r"\b(he|she|his|her)\b", head, re.IGNORECASE)
        if pronoun is not None:
            return self.subject[index], clause[0] + pronoun.end()
        subject = self.subject[index]
        named_here = [m for m in mentions if m.key == subject]
        if named_here and all(m.start > at for m in named_here):
            # "With a time of 2:17:41, second-placed X broke...": an opening phrase is the
            # subject's; "... since X" is not X's
            opening = re.match(
                r"\s*(?:(?:finishing|placing|coming)\s+\w+,\s*)?(?:with|in|after|clocking|"
                r"running)\b[^,]*$",
                text[:at],
                re.I,
            )
            if opening is not None and re.fullmatch(
                r"[^,]*,\s*(?:[\w'’-]+\s+){0,3}", text[at : named_here[0].start]
            ):
                return subject, clause[0]
            return None, clause[0]
        return subject, clause[0]

    def _historical(self, before: str, after: str = "") -> bool:
        """A clause about another year or race ("Last year, Hug completed the course in...").
        Years count only near the figure: "asylum in 2008, who ran 2:12:28" is this race."""
        segment = before.split(",")[-1]
        first = before.split(",")[0] if "," in before else ""
        if lx.HISTORICAL_RE.search(segment + after) or lx.HISTORICAL_RE.match(first.strip()):
            # "... won his first major title after finishing second in London last year,
            # finishing in 2:10:34" is this race's time; "Last year, Hug completed ..." is not
            return True
        opening = re.match(r"\s*(?i:(?:back\s+)?in|during|by)\s+(1[89]\d\d|20\d\d)\b", before)
        if opening is not None and int(opening.group(1)) != self.date.year:
            return True  # "In 2017, he ran his personal best in Fukuoka in 2:05:45"
        near = before[-45:].split(",")[-1] + " " + after[:30]
        for year in re.findall(r"\b(1[89]\d\d|20\d\d)\b", near):
            if int(year) != self.date.year:
                return True
        return False

    def _results(self, index: int) -> None:
        sentence = self.sentences[index].text
        text = self.masked(index)
        mentions = self.mentions[index]
        for mention in mentions:
            athlete = self.athletes[mention.key]
            if athlete.name_source is None:
                athlete.name_source = sentence
        respectively = "respectively" in text or bool(
            re.search(r"-?\s+and\s+\w+[- ]plac(?:e|ed)\b", text)
        )
        if respectively:
            self._respectively(index, text, mentions)
        for clause in self._clauses(text):
            part = text[clause[0] : clause[1]]
            for found in find_times(part):
                start = clause[0] + found.start
                self._time(index, text, mentions, clause, start, found, respectively)
            if not respectively:
                for match in lx.ORDINAL_RE.finditer(part):
                    self._place(index, text, mentions, clause, clause[0] + match.start(), match)
            for match in lx.WIN_RE.finditer(part):
                self._win(index, text, mentions, clause, clause[0] + match.start(), match)
            for regex, status in ((lx.DNF_RE, "dnf"), (lx.DNS_RE, "dns")):
                for match in regex.finditer(part):
                    before = [
                        m for m in mentions if clause[0] <= m.start < clause[0] + match.start()
                    ]
                    if before and not re.search(r"pace ?makers?|pacers?", part, re.I):
                        key = before[0].key
                        self.athletes[key].status = Note(status, sentence)
                        self.athletes[key].racing = True
                        self._event_vote(key, index, text, 1)
        self._relations(index, text, mentions)
        self._ran(index, text, mentions)

    def _time(
        self,
        index: int,
        text: str,
        mentions: list[Mention],
        clause: tuple[int, int],
        start: int,
        found: Found,
        respectively: bool,
    ) -> None:
        sentence = self.sentences[index].text
        end = start + len(found.text)
        before_text = text[max(clause[0], start - 60) : start]
        after_text = text[end : end + 30]
        paren = re.search(r"\(\s*$", text[:start]) is not None
        # "Kipchoge (2:04.17)": the name right before the bracket
        if paren:
            named = [m for m in mentions if m.end <= start and text[m.end : start].strip() == "("]
            after = re.split(r"[,;]", text[end:])[0]
            if named and not self._historical(text[clause[0] : start], after):
                self._take_time(named[-1].key, found, index, text, sentence)
                return
            placed = re.search(
                r"\b(?:"
                + "|".join(lx.ORDINALS)
                + r"|[1-9]\d{0,3}(?:st|nd|rd|th))(?:\s+place)?\s*\(\s*$",
                text[:start],
                re.IGNORECASE,
            )
            if placed is None:
                return  # "Radcliffe (2:15:25)" read above; other bracketed times are not results
        if respectively:
            return
        if found.kind != "word" and re.search(r"\d\s*$", text[:start]):
            return
        if lx.SPLIT_AFTER_RE.search(after_text):
            return
        record_words = lx.FINISH_IN_RECORD_RE.search(before_text)
        if lx.SPLIT_BEFORE_RE.search(before_text) and record_words is None:
            return
        owner, owner_end = self._owner(index, mentions, start, clause, text)
        if owner is None:
            return
        first, _ = self._owner(index, mentions, start, clause, text, first=True)
        lead = self._clause_subject(mentions, clause, start, text)
        if lead is not None:
            first = lead.key
        if first == owner and self.subject[index] not in (None, owner):
            first = self.subject[index]  # "The Kenyan powered away from B ... finishing in T"
        nearest = [m for m in mentions if m.key == owner and m.end == owner_end]
        between = text[clause[0] : nearest[0].start] if nearest else ""
        if re.search(r"\b(?:to win|won|wins|winning|victory)\b", text[owner_end:start]) or (
            first != owner
            and re.search(
                r"\b(?:away from|ahead of|past|beat|beating|behind|passed|overtook|"
                r"held off|outkicked|dropped|ran down|from|compatriot)\s+(?:[\w-]+\s+){0,2}$",
                between,
            )
        ):
            # "A ran down B to win in 2:15:58", "A powered away from B ... before finishing in
            # 2:03:05": the time is A's
            owner = first
            if owner is None:
                return
        holders = [m for m in mentions if m.possessive and m.end <= start and m.start >= owner_end]
        if holders and record_words is None:
            return
        if self._historical(text[clause[0] : start], after_text.split(",")[0]):
            return
        self._take_time(owner, found, index, text, sentence)

    def _take_time(self, key: str, found: Found, index: int, text: str, sentence: str) -> None:
        athlete = self.athletes[key]
        check = None
        if found.kind == "press":
            check = None
        athlete.times.append(Note(found.seconds, sentence, check))
        athlete.racing = True
        self._event_vote(key, index, text, 1)

    def _place(
        self,
        index: int,
        text: str,
        mentions: list[Mention],
        clause: tuple[int, int],
        start: int,
        match: re.Match[str],
    ) -> None:
        sentence = self.sentences[index].text
        word = match.group("ord").lower()
        place = lx.ORDINALS.get(word) or int(re.sub(r"\D", "", word))
        after = match.group("after")
        before = text[max(0, start - 30) : start]
        if not lx.PLACE_AFTER.match(after) or lx.PLACE_NOT_AFTER.match(after):
            return
        if re.search(
            r"\b(?:his|her|their|its|the|one|just|by|per|every|each)\s+$", before, re.I
        ) and (not re.search(r"\bthe\s+$", before) or not re.match(r"\s+place", after)):
            return
        if word == "second" and re.search(r"(?:\b(?:a|an)|\d)\s+$", before, re.I):
            return  # "a second": a unit of time
        if re.match(
            r"\s+(?:half|time|fastest|title|win|victory|straight|successive|"
            r"consecutive|year|marathon|race|lap|km|mile|seconds?|minutes?)\b",
            after,
            re.I,
        ):
            return
        if place == 1 and not re.search(
            r"(?:finish(?:ed|ing)?|came|placed|crossed the line|was|in)\s+(?:in\s+)?$", before
        ):
            return
        if re.search(
            r"\b(?:running|lying|sitting|moved|moving|was running|up to|into|seeded|ranked|seed)"
            r"\b[^.]{0,25}$",
            before,
            re.I,
        ):
            return
        owner, owner_end = self._owner(index, mentions, start, clause, text)
        if owner is None:
            return
        first, _ = self._owner(index, mentions, start, clause, text, first=True)
        nearest = [m for m in mentions if m.key == owner and m.end == owner_end]
        if (
            first not in (None, owner)
            and nearest
            and re.search(
                r"\b(?:overtook|overtaking|passed|passing|past|beat|beating|ahead of|outkicked|"
                r"dropped|held off|ran down)\s+(?:[\w-]+\s+){0,2}$",
                text[clause[0] : nearest[0].start],
            )
        ):
            owner = first  # "Daska overtook a fading Burka to take second place"
        if self._historical(text[min(owner_end, clause[0]) : start], match.group(0)):
            return
        athlete = self.athletes[owner]
        athlete.positions.append(Note(place, sentence))
        athlete.racing = True
        self._event_vote(owner, index, text, 1)
        # "third behind X": X won (the usual way reports write it); "second ahead of Y": Y next
        tail = text[start + len(match.group("ord")) : start + len(match.group("ord")) + 60]
        rel = re.match(r"\s+(?:place\s+)?(behind|ahead of)\s+", tail)
        if rel is not None:
            at = start + len(match.group("ord")) + rel.end()
            nxt = [m for m in mentions if at - 1 <= m.start <= at + 40]
            if nxt:
                other = self.athletes[nxt[0].key]
                other.racing = True
                other.links.add(owner)
                athlete.links.add(other.key)
                if rel.group(1) == "behind":
                    other.positions.append(
                        Note(
                            1,
                            sentence,
                            f"the report says {athlete.name} was {word} behind "
                            f"{other.name}: taken as the winner",
                            strength=1,
                        )
                    )
                else:
                    other.positions.append(
                        Note(
                            place + 1,
                            sentence,
                            f"the report says {athlete.name} was {word} ahead of {other.name}",
                            strength=1,
                        )
                    )

    def _win(
        self,
        index: int,
        text: str,
        mentions: list[Mention],
        clause: tuple[int, int],
        start: int,
        match: re.Match[str],
    ) -> None:
        sentence = self.sentences[index].text
        word = match.group(0).lower()
        before = text[max(0, start - 20) : start]
        after = text[match.end() : match.end() + 40]
        if lx.NOT_WIN_RE.search(before) or lx.NOT_WIN_RE.match(after):
            return
        if re.search(r"\b(?:not|never|n't|without|yet to|failed to)\s+(?:\w+\s+)?$", before):
            return
        if word == "the winner" and re.match(r"\s+of\s+(?:this|last|the\s+\d{4})", after):
            return
        if re.match(r"\s+(?:in|at)\s+[A-Z][a-z]+\s+(?:in|last|earlier)\b", after):
            return
        if word in ("win", "victory") and not re.search(
            r"(?:to|first|maiden|her|his|a|the|sealed|secured|claimed|clinch\w*|swept[\w ]*to)"
            r"\s+(?:[\w'’-]+\s+){0,3}$",
            before,
        ):
            return
        if (
            word == "win"
            and re.search(r"\bto\s+$", before)
            and re.search(
                r"\b(?:chance|hopes?|bid|attempt|trying|tried|aim\w*|looking|bid)\b", text[:start]
            )
        ):
            return
        owner, owner_end = self._owner(index, mentions, start, clause, text, first=True)
        subject = self._clause_subject(mentions, clause, start, text)
        if subject is not None and subject.key != owner:
            # "Breaking away from X and Y after 31km, Z won": Z is the winner
            owner, owner_end = subject.key, subject.end
        if owner is None:
            return
        if self._historical(
            text[min(owner_end, clause[0]) : start],
            text[match.end() : match.end() + 40].split(",")[0],
        ):
            return
        owners = [owner]
        group = [m for m in mentions if clause[0] <= m.start < start and not m.possessive]
        if len(group) >= 2:
            # "A and B were the winners", "A of Switzerland and B of Maryland won"
            joins = [text[a.end : b.start] for a, b in itertools.pairwise(group)]
            if all(
                re.fullmatch(
                    r"(?:\s+of\s+(?:the\s+)?[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)?"
                    r"\s*(?:,|and|,\s*and)\s*",
                    join,
                )
                for join in joins
            ) and not re.search(
                r"\b(?:beat|ahead|behind|past|over)\b", text[group[-1].end : start]
            ):
                owners = [m.key for m in group]
        for key in owners:
            athlete = self.athletes[key]
            athlete.positions.append(Note(1, sentence, strength=2))
            athlete.racing = True
            self._event_vote(key, index, text, 1)

    @staticmethod
    def _clause_subject(
        mentions: list[Mention], clause: tuple[int, int], at: int, text: str
    ) -> Mention | None:
        """The first name before ``at`` in its clause that is no one passed, beaten or
        left behind ("Breaking away from X and Y after 31km, Z won")."""
        for m in mentions:
            if not clause[0] <= m.start < at or m.possessive:
                continue
            if not re.search(
                r"\b(?:away from|ahead of|past|beat|beating|behind|passed|overtook|held off|"
                r"outkicked|ran down|from|and|with|against|over)\s+(?:[\w'’-]+\s+){0,3}$",
                text[max(clause[0], m.start - 40) : m.start],
            ):
                return m
        return None

    def _respectively(self, index: int, text: str, mentions: list[Mention]) -> None:
        sentence = self.sentences[index].text
        times = [t for t in find_times(text) if t.kind != "word" or "hour" in t.text.lower()]
        places = [
            lx.ORDINALS[m.group(1).lower()]
            for m in re.finditer(
                r"\b(" + "|".join(lx.ORDINALS) + r")\b(?=\s+(?:and|,|places?))", text, re.I
            )
        ]
        keys: list[str] = []
        for mention in mentions:
            if mention.key not in keys and not mention.possessive:
                keys.append(mention.key)
        compound = re.search(
            r"\b(" + "|".join(lx.ORDINALS) + r")-?\s+and\s+(" + "|".join(lx.ORDINALS) + r")"
            r"[- ]plac(?:e|ed)\b",
            text,
            re.IGNORECASE,
        )
        if compound is not None:
            named = [m.key for m in mentions if m.start > compound.end() and not m.possessive]
            if len(named) >= 2:
                for key, word in zip(named[:2], compound.groups(), strict=True):
                    self.athletes[key].positions.append(
                        Note(lx.ORDINALS[word.lower()], sentence, "read from a list of places",
                             strength=1)
                    )  # fmt: skip
                    self.athletes[key].racing = True
                    self._event_vote(key, index, text, 1)
        for values, kind in ((times, "time"), (places, "place")):
            if not values:
                continue
            chosen = keys
            if len(keys) == len(values) + 1:
                chosen = keys[1:]
            if len(chosen) != len(values):
                continue
            for key, value in zip(chosen, values, strict=True):
                athlete = self.athletes[key]
                athlete.racing = True
                if kind == "time":
                    assert isinstance(value, Found)
                    athlete.times.append(
                        Note(value.seconds, sentence, "read from a 'respectively' list", strength=1)
                    )
                else:
                    athlete.positions.append(
                        Note(value, sentence, "read from a 'respectively' list", strength=1)
                    )
                self._event_vote(key, index, text, 1)

    def _ran(self, index: int, text: str, mentions: list[Mention]) -> None:
        """Names that plainly ran: "X finished 67 seconds later", "X followed him", and places
        written before a name ("second-placed X") or as a role ("X was the runner-up")."""
        sentence = self.sentences[index].text
        for mention in mentions:
            if mention.possessive:
                continue
            after = text[mention.end : mention.end + 60]
            athlete = self.athletes[mention.key]
            ran = re.match(
                r"(?:,[^,]{1,40},)?\s+(?:finished|followed|trailed|crossed the line|came home|"
                r"came in|was (?:close |just |well )?behind|was \w+ seconds? (?:back|behind))\b",
                after,
            )
            usable = ran and athlete.role != "pacemaker" and not self._historical(after)
            if usable and not athlete.racing:
                athlete.racing = True
                self._event_vote(mention.key, index, text, 1)
            runner_up = re.match(r"(?:,[^,]{1,40},)?\s+(?:was|finished as)\s+the\s+runner-up\b",
                                 after)  # fmt: skip
            if runner_up is not None and not self._historical(after[runner_up.end() :][:30]):
                athlete.positions.append(Note(2, sentence, strength=2))
                athlete.racing = True
                self._event_vote(mention.key, index, text, 1)
            role = re.match(
                r"[^.;]{0,40}?\b(?:as|was)\s+the\s+("
                + "|".join(lx.ORDINALS)
                + r")[- ]plac(?:e|ed)\s+"
                r"finisher\b",
                after,
                re.IGNORECASE,
            )
            if role is not None and not [
                m for m in mentions if mention.end < m.start < mention.end + role.end()
            ]:
                athlete.positions.append(Note(lx.ORDINALS[role.group(1).lower()], sentence))
                athlete.racing = True
                self._event_vote(mention.key, index, text, 1)
            lead = text[max(0, mention.start - 60) : mention.start]
            won = re.search(r"\b(?:winner|champion|victor)\s+(?:was|is)\s+$", lead, re.I)
            if won is not None and not self._historical(lead):
                athlete.positions.append(Note(1, sentence))  # "The women's champion was X"
                athlete.racing = True
                self._event_vote(mention.key, index, text, 1)
            opening_place = re.match(
                r"\s*(?:finishing|placing|coming)\s+(" + "|".join(lx.ORDINALS) + r")\s*,",
                text,
                re.I,
            )
            if opening_place is not None and mention is mentions[0]:
                # "Finishing second, with a time of 2:22:27, 40-year-old Mariya Konovalova"
                athlete.positions.append(
                    Note(lx.ORDINALS[opening_place.group(1).lower()], sentence)
                )
                athlete.racing = True
                self._event_vote(mention.key, index, text, 1)
            inverted = re.search(
                r"\b(?:finishing|placing|placed|coming|in)\s+(" + "|".join(lx.ORDINALS) + r")"
                r"(?:\s+place)?\s+(?:was|came)\s+$",
                lead,
                re.IGNORECASE,
            )
            if inverted is not None:
                athlete.positions.append(Note(lx.ORDINALS[inverted.group(1).lower()], sentence))
                athlete.racing = True  # "Finishing third was Mohamud Aadan"
                self._event_vote(mention.key, index, text, 1)
            if re.match(r"\s+was\s+the\s+(?:first|top|leading)\b[^.;]{0,40}?\b(?:across the line|"
                        r"finisher|home|to finish)\b", after) and not athlete.racing:  # fmt: skip
                athlete.racing = True  # "X was the first 40-plus master across the line"
                self._event_vote(mention.key, index, text, 1)
            before = text[max(0, mention.start - 30) : mention.start]
            placed = re.search(
                r"\b(" + "|".join(lx.ORDINALS) + r")[- ]plac(?:ed|e)\s+(?:[\w'’-]+\s+){0,2}$",
                before,
                re.IGNORECASE,
            )
            if placed is not None and not re.search(r"-?\s+and\s+$", before[: placed.start()]):
                athlete.positions.append(Note(lx.ORDINALS[placed.group(1).lower()], sentence))
                athlete.racing = True
                self._event_vote(mention.key, index, text, 1)

    def _relations(self, index: int, text: str, mentions: list[Mention]) -> None:
        """Names beaten, passed or joined by a racing athlete race too, in the same event."""
        for match in re.finditer(
            r"\b(?:beat|beating|beats|ahead of|behind|past|passed|overtook|overtaking|ran down|"
            r"outkicked|outsprinted|edged out|edged|held off|holding off|joined by|"
            r"followed (?:\w+ ){0,3}by|trailed by|"
            r"[Cc]ompatriot|favourites?|favorites?|rivals?)\b",
            text,
        ):
            after = [m for m in mentions if match.end() <= m.start <= match.end() + 25]
            before = [m for m in mentions if m.end <= match.start() and not m.possessive]
            subject = self.subject[index]
            if match.group(0).lower() == "compatriot" and not before:
                # "Kipchoge's compatriot Amos Kipruto"; "Compatriot X made it a Kenyan double"
                owners = [m for m in mentions if m.end <= match.start()]
                if owners:
                    before = owners[-1:]
                elif index > 0 and self.subject[index - 1] is not None:
                    previous = self.subject[index - 1]
                    assert previous is not None
                    before = [Mention(previous, 0, 0, False)]
            if after and not before and subject is not None and subject != after[0].key:
                # "he barely finished ahead of Kenyan Vincent Kipchumba"
                before = [Mention(subject, 0, 0, False)]
            if not after or not before:
                continue
            if re.search(r"record", text[match.end() : after[0].start], re.I):
                continue
            first = before[-1].key if match.group(0).lower() != "compatriot" else before[0].key
            targets = [after[0].key]
            # "favourites Mary Keitany and Tirunesh Dibaba"
            rest = [m for m in mentions if m.start > after[0].end]
            last = after[0]
            for m in rest:
                if re.fullmatch(
                    r"(?:,?\s+of\s+(?:the\s+)?[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)?\s*(?:,|and|,\s*and)\s*",
                    text[last.end : m.start],
                ):
                    targets.append(m.key)
                    last = m
                else:
                    break
            for key in targets:
                if key == first:
                    continue
                athlete = self.athletes[key]
                athlete.links.add(first)
                self.athletes[first].links.add(key)
                self.pending.append((first, key, index))
                if re.match(r"ahead of|beat|beating|held off|holding off|outkicked|outsprinted|"
                            r"edged", match.group(0)):  # fmt: skip
                    self.ahead.append((first, key, self.sentences[index].text))
                if match.group(0).lower() == "compatriot":
                    self.compatriots.append((key, first, self.sentences[index].text))

    # ---- countries -----------------------------------------------------------------------------

    def _countries(self, index: int) -> None:
        sentence = self.sentences[index].text
        for at, key, word in self.the_demonym:
            if at == index:
                found = lx.country_of(word)
                if found is not None:
                    self.athletes[key].countries.append(
                        Note(
                            found.code, sentence, f"'the {word}' taken as {self.athletes[key].name}"
                        )
                    )
        text = self.masked(index)
        mentions = self.mentions[index]

        def give(key: str, country: Country, check: str | None = None) -> None:
            self.athletes[key].countries.append(Note(country.code, sentence, check))

        def following(at: int) -> list[Mention]:
            first = [m for m in mentions if at <= m.start <= at + 2]
            if not first:
                return []
            chain = [first[0]]
            for m in mentions:
                if m.start > chain[-1].end and re.fullmatch(
                    r"\s*(?:,|and|,\s*and)\s*", text[chain[-1].end : m.start]
                ):
                    chain.append(m)
            return chain

        for match in lx.COUNTRY_NAME_RE.finditer(text):
            country = lx.country_of(match.group(0))
            if country is None or (
                not match.group(0)[:1].isupper() and "u.s" not in (match.group(0).lower())
            ):
                continue
            after = text[match.end() : match.end() + 4]
            if re.match(r"['’]s\s", after):
                chain = following(match.end() + 3)
                for m in chain if len(chain) > 1 else chain[:1]:
                    give(m.key, country)
                continue
            before = text[max(0, match.start() - 12) : match.start()]
            if (
                re.search(r"\bof\s+(?:the\s+)?$", before)
                and not re.search(r"\bthe\s+$", before[-5:])
            ) or re.search(r"\bof\s+$", before):
                named = [
                    m
                    for m in mentions
                    if m.end <= match.start()
                    and re.fullmatch(
                        r",?\s+(?:also\s+|both\s+)?of\s+(?:the\s+)?", text[m.end : match.start()]
                    )
                ]
                if named:
                    give(named[-1].key, country)
        for match in lx.DEMONYM_RE.finditer(text):
            word = match.group(0)
            if not word[:1].isupper():
                continue
            country = lx.country_of(word)
            if country is None:
                continue
            after = text[match.end() :]
            lead = re.match(
                r"\s+(?:(?:runner|athlete|star|ace|veteran|trio|duo|pair|quartet|champion|"
                r"record[- ]holder|debutant|youngster|teenager|woman|man)\s+(?:of\s+)?)?",
                after,
            )
            role = re.match(
                r"\s+(?:[\w'’-]+\s+){0,3}?(?:" + lx.DESCRIPTOR_NOUNS + r"|Olympian)\s+(?=[A-Z])",
                after,
            )
            if role is not None and (lead is None or lead.end() < role.end()):
                lead = role
            at = match.end() + (lead.end() if lead else 0)
            chain = following(at)
            appos = re.match(r",\s+(?:[\w'’-]+\s+){0,4}?(?=[A-Z])", after)
            if not chain and appos is not None and word.lower() == word.lower().rstrip("s"):
                chain = following(match.end() + appos.end())[:1]
            if chain and re.search(r"\bfellow\s+$", text[: match.start()]):
                subject = self.subject[index]
                if subject is not None and subject != chain[0].key:
                    give(
                        subject,
                        country,
                        f"the report calls {self.athletes[chain[0].key].name} a fellow {word}",
                    )
            if chain:
                plural = word.lower().endswith("s") or re.match(
                    r"\s+(?:trio|duo|pair|quartet)", after
                )
                for m in chain if plural else chain[:1]:
                    give(m.key, country)
                continue
            # "the first British finisher", "the top Kenyan": the nearest name before
            if re.search(r"\b(?:first|top|leading|best|fastest)\s+$", text[: match.start()]) and (
                re.match(r"\s+(?:finisher|man|woman|runner|athlete|home)\b", after)
            ):
                earlier = [m for m in mentions if m.end <= match.start() and not m.possessive]
                if earlier:
                    give(earlier[-1].key, country)

    # ---- records -------------------------------------------------------------------------------

    def _records(self, index: int) -> None:
        sentence = self.sentences[index].text
        text = self.masked(index)
        mentions = self.mentions[index]
        for match in lx.RECORD_RE.finditer(text):
            kind_word = (match.group("kind") or "").lower()
            kind: str
            country: Country | None = None
            if match.group("pb"):
                kind = "personal_best"
            elif match.group("gw"):
                kind = "course"
            elif kind_word in ("world",):
                kind = "world"
            elif kind_word in ("course", "race", "event", "all-comers"):
                kind = "course"
            elif kind_word == "national":
                kind = "national"
            else:
                country = lx.country_of(kind_word)
                if country is None and kind_word in self.race_words:
                    kind = "course"  # "the Chicago record"
                elif country is None:
                    continue
                else:
                    kind = "national"
            start = match.start()
            after = text[match.end() : match.end() + 60]
            if re.match(r"[-\s]*(?:pace|bid|attempt|schedule|eligible)", after):
                continue
            before = text[max(0, start - 60) : start]
            if re.search(r"\b(?:of|for)\s+(?:a\s+)?$", before) and re.search(
                r"(?:pace|bid|attempt|hopes?|chance)\s+(?:of|for)\s+(?:a\s+)?$", before
            ):
                continue
            record = Record(id="", title="", kind=kind, source=sentence)
            holder_mention = [
                m
                for m in mentions
                if m.possessive
                and m.end <= start
                and re.fullmatch(r"\s+(?:[\w'’-]+\s+){0,2}", text[m.end : start])
            ]
            holder_word = re.search(r"record[- ]holder\s+$", text[: start + 200][:start])
            after_holder = re.match(r"\s*[- ]holder\s+", after)
            subject, subject_end = self._owner(index, mentions, start, (0, len(text)), text)
            verbs = text[subject_end:start] if subject_end <= start else ""
            sets = bool(
                re.search(
                    r"\b(?:set|sets|setting|broke|breaks|breaking|smashed|smashes|"
                    r"shattered|improved|improving|lowered|bettered|beat|beating|"
                    r"new|equalled|equaled|in a|with a|a huge|a big|claimed)\b",
                    verbs + text[start : match.end()],
                    re.I,
                )
            )
            missed = bool(
                re.search(
                    r"\b(?:missed|missing|short of|outside|slower than|shy of|"
                    r"narrowly|failed|off|fell|inside)\b",
                    verbs + before[-25:],
                    re.I,
                )
            )
            if after_holder is not None and re.search(
                r"\b(?:former|ex|previous|one-time)[- ]\s*$", before
            ):
                continue
            if after_holder is not None:
                holder = [m for m in mentions if m.start >= match.end() + after_holder.end() - 1]
                if holder:
                    record.holder = holder[0].key
                    record.checks.append("held before this race; its time is not given")
                else:
                    continue
            elif holder_mention and not sets:
                record.holder_name = self.athletes[holder_mention[-1].key].name
                self.athletes[holder_mention[-1].key].role = (
                    self.athletes[holder_mention[-1].key].role
                    or f"{kind.replace('_', ' ')} record holder"
                )
            elif holder_mention and sets and subject is not None:
                record.holder = subject
                record.set_here = not missed
                record.previous_holder = self.athletes[holder_mention[-1].key].name
            elif subject is not None and (sets or kind == "personal_best") and not missed:
                record.holder = subject
                record.set_here = True
            elif subject is not None and missed:
                record.kind = kind
                record.holder_name = None
                record.checks.append(
                    f"the report says {self.athletes[subject].name} missed this record"
                )
                record.holder = None
            elif holder_word is not None:
                continue
            else:
                continue
            if record.holder and country is not None:
                self.athletes[record.holder].countries.append(
                    Note(country.code, sentence, f"from the {kind_word.capitalize()} record")
                )
            self._record_details(record, text, match.end(), sentence)
            # "three minutes slower than X's world record"
            comp = re.search(
                r"(?P<amount>(?:(?:nearly|almost|just|about|around|more than|less than|over|under)"
                r"\s+)?(?:"
                + lx.NUM
                + r"|a|an|half a)\s+(?:minutes?|seconds?)(?:,?\s*(?:and\s+)?"
                + lx.NUM
                + r"\s+seconds?)?)\s+(?P<rel>slower|faster|quicker|outside|inside|short of)"
                r"\b[^.;]{0,40}$",
                text[:start],
            )
            if comp is not None:
                owner, _ = self._owner(index, mentions, comp.start(), (0, len(text)), text)
                if owner is not None and owner != record.holder:
                    words = comp.group("amount")
                    approx = re.match(
                        r"(?:nearly|almost|just|about|around|more than|less than|"
                        r"over|under)\s+(.*)",
                        words,
                    )
                    amount = amount_seconds(approx.group(1) if approx else words)
                    relation = (
                        "slower"
                        if comp.group("rel") in ("slower", "outside", "short of")
                        else "faster"
                    )
                    text_end = match.end()
                    self.comparisons.append(
                        Comparison(
                            owner,
                            "",
                            relation,
                            text[comp.start() : text_end].strip(),
                            sentence,
                            amount,
                            approx is not None,
                        )
                    )
                    self._pending_record(record)
            self.records.append(record)
        self._bare_records(index)

    def _record_details(self, record: Record, text: str, at: int, sentence: str) -> None:
        """Previous holder, year and margin: "set back in 1985 by Steve Jones by nearly a
        minute", "taking one minute and 18 seconds off"."""
        match_end = at
        # previous holder and year: "set back in 1985 by Steve Jones", "by X in 2014"
        tail = text[match_end:]
        prev = re.search(
            r"\b(?:set|held)\s+(?:back\s+)?(?:in\s+(?P<y1>\d{4})\s+)?(?:[\w\s]{0,20}?)"
            r"\bby\s+(?:(?:fellow\s+)?[A-Z][a-z]+\s+)?(?P<who>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,3})"
            r"(?:\s+in\s+(?P<y2>\d{4}))?",
            tail,
        )
        if prev is not None and record.set_here and record.kind != "personal_best":
            who = prev.group("who")
            key = self._known_full(who) or self.resolve(who.split()[-1])
            record.previous_holder = self.athletes[key].name if key else who
            year = prev.group("y1") or prev.group("y2")
            if year:
                record.previous_year = int(year)
        # the old mark: "the longstanding Chicago record of 2:17:18, which was set in 2002"
        old = re.match(r"\s+(?:time\s+)?of\s+(?P<t>[\d:.]+\d)(?P<rest>[^.;]{0,40})", tail)
        if old is not None and record.set_here:
            times = find_times(old.group("t"))
            own = {n.value for n in self.athletes[record.holder].times} if record.holder else set()
            if times and times[0].seconds not in own:
                record.previous_time = record.previous_time or times[0].seconds
                year_of = re.search(r"\bset\s+(?:back\s+)?in\s+(\d{4})\b", old.group("rest"))
                if year_of and record.previous_year is None:
                    record.previous_year = int(year_of.group(1))
        margin = re.search(
            r"\bby\s+(?P<m>(?:(?:nearly|almost|just under|just over|about|around|more than|"
            r"less than|over|under|just)\s+)?(?:" + lx.NUM + r"|a|an|half a)\s+(?:minutes?|"
            r"seconds?)(?:,?\s*(?:and\s+)?" + lx.NUM + r"\s+seconds?)?)",
            tail,
        ) or re.search(
            r"\b(?:taking|took|takes|slicing|sliced|cutting|cut|knocking|knocked)\s+"
            r"(?P<m>(?:"
            + lx.NUM
            + r"|a|an)\s+(?:minutes?|seconds?)(?:,?\s*(?:and\s+)?"
            + lx.NUM
            + r"\s+seconds?)?)\s+off\b",
            text,
        )
        if (
            margin is not None
            and margin.re.pattern.startswith(r"\bby")
            and re.search(
                r"\b(?:win|wins|won|winning|victory|lead|ahead|clear|beat|beating)\b",
                tail[: margin.start()],
            )
        ):
            margin = None
        if margin is not None and record.set_here:
            words = margin.group("m")
            record.margin_text = words
            approx = re.match(
                r"(?:nearly|almost|just under|just over|about|around|more than|"
                r"less than|over|under|just)\s+(.*)",
                words,
            )
            amount = amount_seconds(approx.group(1) if approx else words)
            if amount is not None and approx is None:
                record.margin = amount
            if amount is not None and approx is not None:
                record.margin_approx = True
            if record.holder and amount is not None:
                self.comparisons.append(
                    Comparison(
                        record.holder, "", "faster", words, sentence, amount, approx is not None
                    )
                )
                self.comparisons[-1].text = f"beat the record by {words}"
                self._pending_record(record)

    def _bare_records(self, index: int) -> None:
        """ "beating the record set back in 1985 by ...": more about a record the sentence's
        subject set (named as such in an earlier sentence)."""
        text = self.masked(index)
        match = re.search(
            r"\b(?:beating|beat|bested|broke|breaking|smashed|bettering|bettered|improving on|"
            r"eclipsing|lowering|lowered|improved on)\s+the\s+(?:previous\s+|old\s+)?"
            r"(?:record|mark)\b",
            text,
        )
        subject = self.subject[index]
        if match is None or subject is None:
            return
        for record in reversed(self.records):
            # someone else's old mark is no personal best
            if record.holder == subject and record.set_here and record.kind != "personal_best":
                record.source = self.sentences[index].text
                self._record_details(record, text, match.end(), self.sentences[index].text)
                return

    def _link_old_records(self) -> None:
        """A record set here and the same record named as someone else's ("Paula Radcliffe's
        world record of 2:15:25") are one record: its previous holder and time."""
        for new in list(self.records):
            if not new.set_here or new.previous_holder or new.holder is None:
                continue
            event = self.athletes[new.holder].event
            for old in self.records:
                if old is new or old.kind != new.kind or not old.holder_name or old.set_here:
                    continue
                if old.holder_name == self.athletes[new.holder].name:
                    continue
                olds = [r for r in self.records if r.kind == new.kind and r.set_here
                        and r.holder and self.athletes[r.holder].event == event]  # fmt: skip
                if len(olds) > 1 and new is not olds[0]:
                    continue
                new.previous_holder = old.holder_name
                stated = re.search(
                    re.escape(old.holder_name.split()[-1]) + r"['’]s\s+(?:[\w-]+\s+){0,3}record"
                    r"\s+of\s+([\d:.]+\d)",
                    old.source,
                )
                if stated and new.previous_time is None:
                    found = find_times(stated.group(1))
                    if found:
                        new.previous_time = found[0].seconds
                for comparison in self.comparisons:
                    if comparison.record == f"@{id(old)}":
                        comparison.record = f"@{id(new)}"
                self.records.remove(old)
                break

    def _pending_record(self, record: Record) -> None:
        """Comparisons made in the same sentence point at the record being read."""
        for comparison in self.comparisons:
            if comparison.record == "":
                comparison.record = f"@{id(record)}"

    # ---- descriptions and groups ---------------------------------------------------------------

    def _descriptions(self, index: int) -> None:
        text = self.masked(index)
        for mention in self.mentions[index]:
            before = text[max(0, mention.start - 70) : mention.start]
            if re.search(
                r"\b(?:the|a|an|their|his|her)\s+(?:[\w-]+\s+)?(?:pace ?maker|pacer|hare|"
                r"rabbit),?\s+$",
                before,
                re.I,
            ):
                self.athletes[mention.key].role = "pacemaker"
            match = re.search(
                r"(?:^|[,(]\s*|\b(?:the|a|an|by|from|to|of|and|or|with|beat|past|over|as|"
                r"ahead of|behind|favourites?|favorites?)\s+)"
                r"(?P<d>(?:[\w'’-]+\s+){0,4}?(?:" + lx.DESCRIPTOR_NOUNS + r"))\s+$",
                before,
            )
            if match is not None:
                words = match.group("d").strip()
                while words and words.split()[0].lower() in (
                    "the",
                    "a",
                    "an",
                    "either",
                    "both",
                    "neither",
                    "from",
                    "by",
                ):
                    words = " ".join(words.split()[1:])
                athlete = self.athletes[mention.key]
                if words and words.lower() not in {d.lower() for d in athlete.descriptions}:
                    athlete.descriptions.setdefault(words, self.sentences[index].text)
                    if re.search(r"pace ?maker|pacer", words, re.I):
                        athlete.role = "pacemaker"
            after = text[mention.end : mention.end + 80]
            appos = re.match(
                r",\s+(?:the\s+|a\s+)?(?P<d>(?:[\w'’-]+\s+){0,7}?(?:"
                + lx.DESCRIPTOR_NOUNS
                + r")),",
                after,
            )
            if appos is not None and not re.match(r"(?:who|which)\b", appos.group("d")):
                athlete = self.athletes[mention.key]
                athlete.descriptions.setdefault(appos.group("d"), self.sentences[index].text)
                if re.search(r"pace ?maker|pacer", appos.group("d"), re.I):
                    athlete.role = "pacemaker"

    def _groups_in(self, index: int) -> None:
        text = self.masked(index)
        match = lx.GROUP_RE.search(text)
        if match is None:
            return
        word = (match.group("n") or match.group("n2")).lower()
        size = int(word) if word.isdigit() else lx.NUMBER_WORDS[word]
        keys: list[str] = []
        subject = self.subject[index]
        if subject is not None:
            keys.append(subject)
        for mention in self.mentions[index]:
            if mention.key not in keys:
                keys.append(mention.key)
        for mention in self.mentions[index]:
            athlete = self.athletes[mention.key]
            if not athlete.racing and athlete.role != "pacemaker":
                athlete.racing = True
                self._event_vote(mention.key, index, text, 0)
        if len(keys) == size:
            self.groups.append((keys, size, self.sentences[index].text))
            for key in keys:
                self.athletes[key].racing = True
                self.athletes[key].links.update(k for k in keys if k != key)

    # ---- quotes --------------------------------------------------------------------------------

    def _quotes(self) -> None:
        last_speaker: str | None = None
        open_quote = False
        by_paragraph: dict[int, list[int]] = {}
        for index, sentence in enumerate(self.sentences):
            by_paragraph.setdefault(sentence.paragraph, []).append(index)
        for p_index, paragraph in enumerate(self.paragraph_texts):
            spans = self.quote_spans[p_index]
            indexes = by_paragraph.get(p_index, [])
            if not spans or not indexes or self.sentences[indexes[0]].heading:
                open_quote = False
                if indexes and any(self.mentions[i] for i in indexes):
                    last_speaker = None
                continue
            mask = self.masks[p_index]
            parts = [paragraph[b:e].strip(' "“”«»') for b, e in spans]
            # '"... here," he said. "This is ..."' reads as "... here. This is ..."
            parts = [
                re.sub(r",$", ".", part) if n < len(parts) - 1 else part
                for n, part in enumerate(parts)
            ]
            quoted = re.sub(r"\s+", " ", " ".join(parts)).strip()
            speaker = self._speaker(p_index, mask, spans, indexes)
            check = None
            starts_with_quote = paragraph.lstrip()[:1] in ('"', "“", "«")
            outside = re.sub(r"\s+", " ", mask).strip(" ,.")
            if speaker is None and starts_with_quote and (open_quote or not outside):
                speaker = last_speaker
                if speaker is not None and not open_quote:
                    check = "no speaker named in this paragraph: taken as the previous speaker"
            if speaker is None:
                check = "the speaker is not clear: who said this?"
            self.quotes.append(Quote(speaker, quoted, paragraph, check))
            last_speaker = speaker
            end_char = paragraph.rstrip()[-1:]
            open_quote = spans[-1][1] == len(paragraph) and end_char not in ('"', "”", "»")

    def _speaker(
        self, p_index: int, mask: str, spans: list[tuple[int, int]], indexes: list[int]
    ) -> str | None:
        mentions: list[tuple[int, Mention]] = []
        for index in indexes:
            offset = self.offsets[index]
            for mention in self.mentions[index]:
                mentions.append(
                    (
                        index,
                        Mention(
                            mention.key,
                            mention.start + offset,
                            mention.end + offset,
                            mention.possessive,
                        ),
                    )
                )
        says = list(lx.SAY_RE.finditer(mask))
        if not says:
            return None
        # the name right after a closing quote: '"...," Kawauchi, who..., told reporters'
        for _begin, end in spans:
            for _i, mention in mentions:
                between = mask[end : mention.start]
                if mention.start >= end and re.fullmatch(r"[\s,]*", between):
                    tail = mask[mention.end : mention.end + 120]
                    if lx.SAY_RE.search(tail):
                        return mention.key
        for say in says:
            # "said Cherono", "said the 25-year-old Kosgei"
            later = [m for _i, m in mentions if say.end() <= m.start <= say.end() + 30]
            if later and re.fullmatch(
                r"\s+(?:the\s+[\w\s'’-]{0,20})?", mask[say.end() : later[0].start]
            ):
                return later[0].key
            head = [m for _i, m in mentions if m.end <= say.start() and not m.possessive]
            if head and say.start() - head[-1].end <= 80:
                near = head[-1]
                # prefer the first name of its clause ("Kawauchi, who became ..., told")
                clause_start = max(
                    mask.rfind('"', 0, say.start()),
                    mask.rfind("”", 0, say.start()),
                    mask.rfind(".", 0, say.start()),
                    0,
                )
                first = [
                    m
                    for _i, m in mentions
                    if clause_start <= m.start < say.start() and not m.possessive
                ]
                return first[0].key if first else near.key
            pronoun = re.search(
                r"\b(he|she)\s*$", mask[max(0, say.start() - 6) : say.start()], re.IGNORECASE
            )
            if pronoun is not None:
                index = indexes[0]
                for i in indexes:
                    if self.offsets[i] <= say.start():
                        index = i
                return self._resolve_pronoun(index + 1, pronoun.group(1).lower(), None)
        return None

    # ---- decisions -----------------------------------------------------------------------------

    def _decide(self) -> None:
        for athlete in self.athletes.values():
            athlete.country = self._one(athlete.countries, "country")
        for key, other, source in self.compatriots:
            known = self.athletes[other].country
            if self.athletes[key].country is None and known is not None:
                self.athletes[key].country = Note(known.value, source)
        for athlete in self.athletes.values():
            athlete.time = self._one(athlete.times, "time")
            athlete.position = self._one(athlete.positions, "place")
            if athlete.position is not None and athlete.status is not None:
                athlete.position.check = (
                    f"the report also says {str(athlete.status.value).upper()}: "
                    f"{athlete.status.source}"
                )
                athlete.status = None
        self._assign_events()
        self._resolve_conflicts()
        self._implied()
        self._link_old_records()

    def _one(self, notes: list[Note], what: str) -> Note | None:
        if not notes:
            return None
        values = {note.value for note in notes}
        if len(values) == 1:
            best = max(notes, key=lambda n: n.strength)
            checked = [n for n in notes if n.check is None]
            return checked[0] if checked else best
        counts: dict[object, int] = {}
        for note in notes:
            counts[note.value] = counts.get(note.value, 0) + note.strength
        ranked = sorted(counts.items(), key=lambda item: -item[1])
        if ranked[0][1] >= 2 * ranked[1][1] + 1:
            same = [n for n in notes if n.value == ranked[0][0]]
            chosen = next((n for n in same if n.check is None), same[0])
            others = sorted(
                {str(self._show(v, what)) for v in counts} - {str(self._show(chosen.value, what))}
            )
            return Note(
                chosen.value,
                chosen.source,
                f"most sentences say this; the report also gives {what} {', '.join(others)}",
                chosen.strength,
            )
        strong = max(n.strength for n in notes)
        top = [n for n in notes if n.strength == strong]
        if len({n.value for n in top}) == 1:
            chosen = top[0]
            others = sorted(
                {str(self._show(n.value, what)) for n in notes}
                - {str(self._show(chosen.value, what))}
            )
            return Note(
                chosen.value,
                chosen.source,
                f"the report also gives {what} {', '.join(others)}",
                chosen.strength,
            )
        return None

    @staticmethod
    def _show(value: object, what: str) -> object:
        if what == "time" and isinstance(value, float):
            from bot.engine.durations import format_clock

            return format_clock(value)
        return value

    def _assign_events(self) -> None:
        """Each racing athlete's race, from the strongest evidence: a race named in the
        sentences of their results; their pronouns ("she", "his"); athletes they are placed
        against; the race the sentences around them are about. The last two carry a check."""
        athletes = [a for a in self.athletes.values() if a.racing]

        def gendered(gender: str, wheelchair: bool) -> str:
            kind = "wheelchair" if wheelchair else None
            found = [e for e in self.events.values() if e.gender == gender and e.kind == kind]
            return found[0].id if found else self.event_for(gender, kind)

        for athlete in athletes:
            if athlete.explicit:
                athlete.event = max(athlete.explicit, key=lambda e: athlete.explicit[e])
        for _round in range(3):
            for athlete in athletes:
                if athlete.event is not None:
                    continue
                gender = self._gender(athlete.key)
                if gender is not None:
                    context = {
                        e: v for e, v in athlete.event_votes.items()
                        if self.events[e].gender == gender
                    }  # fmt: skip
                    if context:
                        athlete.event = max(context, key=lambda e: context[e])
                    else:
                        athlete.event = gendered(gender, athlete.wheelchair)
                    continue
                linked = {self.athletes[k].event for k in athlete.links} - {None}
                if len(linked) == 1:
                    athlete.event = linked.pop()
        for athlete in athletes:
            if athlete.event is None and athlete.event_votes:
                votes = athlete.event_votes
                athlete.event = max(votes, key=lambda e: votes[e])
        for _round in range(3):
            for athlete in athletes:
                linked = {self.athletes[k].event for k in athlete.links} - {None}
                if athlete.event is None and len(linked) == 1:
                    athlete.event = linked.pop()
        for athlete in athletes:
            if athlete.event is None or not athlete.wheelchair or athlete.explicit:
                continue
            chosen = self.events[athlete.event]
            gender = chosen.gender or self._gender(athlete.key)
            if chosen.kind is None and gender is not None:
                athlete.event = self.event_for(gender, "wheelchair")
        for athlete in athletes:
            if athlete.event is None and athlete.result_at is not None:
                event = self._nearby_event(athlete.result_at, athlete.key)
                if event is not None:
                    athlete.event = event
                    athlete.event_check = (
                        "the report does not name this athlete's race: taken from the "
                        "sentences around it"
                    )
        for athlete in athletes:
            if athlete.event is None:
                kind = "wheelchair" if athlete.wheelchair else None
                athlete.event = self.event_for(None, kind)
                athlete.event_check = "the report does not say which race this athlete ran"
            else:
                gender = self._gender(athlete.key)
                chosen = self.events[athlete.event]
                if gender and chosen.gender and gender != chosen.gender:
                    athlete.event_check = "the report's pronouns and the event disagree"

    def _nearby_event(self, at: int, key: str) -> str | None:
        """The race of the nearest placed athlete before (else after) sentence ``at``, within
        the same article (headings part articles)."""
        order = [*range(at, -1, -1), *range(at + 1, len(self.sentences))]
        for index in range(at, -1, -1):
            if self.sentences[index].heading:
                break
            for mention in self.mentions[index]:
                other = self.athletes[mention.key]
                if other.key != key and other.racing and other.event and not other.event_check:
                    return other.event
        for index in order:
            if index <= at:
                continue
            if self.sentences[index].heading or self.events_in(self.masked(index)):
                break  # a heading or a race named anew starts another part of the report
            for mention in self.mentions[index]:
                other = self.athletes[mention.key]
                if other.key != key and other.racing and other.event and not other.event_check:
                    return other.event
        return None

    def _resolve_conflicts(self) -> None:
        by_event: dict[str, list[Athlete]] = {}
        for athlete in self.athletes.values():
            if athlete.racing and athlete.event:
                by_event.setdefault(athlete.event, []).append(athlete)
        for members in by_event.values():
            taken: dict[int, list[Athlete]] = {}
            for athlete in members:
                if athlete.position is not None:
                    taken.setdefault(int(str(athlete.position.value)), []).append(athlete)
            for place, holders in taken.items():
                if len(holders) < 2:
                    continue
                strong = max(h.position.strength for h in holders if h.position)
                keep = [h for h in holders if h.position and h.position.strength == strong]
                for holder in holders:
                    if holder not in keep or len(keep) > 1:
                        self.notes.append(
                            f"{holder.name}: the report could mean place {place}, also given "
                            f"to another athlete; left out"
                        )
                        holder.position = None
            # times must rise with places
            placed = sorted(
                (a for a in members if a.position and a.time),
                key=lambda a: int(str(a.position.value)) if a.position else 0,
            )
            for earlier, later in itertools.pairwise(placed):
                if (
                    earlier.time
                    and later.time
                    and float(str(earlier.time.value)) > float(str(later.time.value))
                ):
                    later.time.check = (
                        f"slower place but a faster time than {earlier.name}: check both"
                    )

    def _implied(self) -> None:
        # "A finished ahead of B", A first and someone else third: B was second
        for first, key, source in self.ahead:
            a, b = self.athletes[first], self.athletes[key]
            if a.position is None or b.position is not None or a.event != b.event or not b.racing:
                continue
            place = int(str(a.position.value))
            taken = {
                int(str(x.position.value))
                for x in self.athletes.values()
                if x.event == a.event and x.position is not None and x.racing
            }
            if place + 1 not in taken and place + 2 in taken:
                b.position = Note(place + 1, source, f"{a.name} finished ahead of {b.name}")
                b.implied = True
        for keys, size, source in self.groups:
            members = [self.athletes[k] for k in keys]
            events = {m.event for m in members}
            if len(events) != 1:
                continue
            places = {int(str(m.position.value)) for m in members if m.position}
            missing = [m for m in members if m.position is None]
            if (
                len(missing) != 1
                or len(places) != size - 1
                or not places <= set(range(1, size + 1))
            ):
                continue
            free = (set(range(1, size + 1)) - places).pop()
            event = events.pop()
            others = [
                a
                for a in self.athletes.values()
                if a.event == event and a.position and int(str(a.position.value)) == free
            ]
            if others:
                continue
            athlete = missing[0]
            athlete.position = Note(free, source, None)
            athlete.implied = True


def draft_text(
    text: str,
    *,
    race: str,
    date: dt.date,
    name: str = "report",
    date_known: bool = True,
    known_names: list[str] | None = None,
) -> Draft:
    """Read a race report; raise :class:`DraftError` when it is not one or names no times.

    ``known_names`` (a results table's) let the report's surnames find their athletes ("Okello
    took second" is Peter Okello's).
    """
    check_race_report(text, name)
    if not any(find_times(s.text) for s in sentences(text) if not s.heading):
        raise DraftError(f"{name}: the report names no times, so there is no result to draft")
    extractor = Extractor(text, race, date)
    extractor.known_names = list(known_names or [])
    extractor.run()
    draft = build_draft(extractor, race, date)
    draft.date_known = date_known
    if not draft.athletes and not known_names:
        raise DraftError(
            f"{name}: the report names times but no athlete they belong to, so there is no "
            "result to draft"
        )
    return draft


def build_draft(ex: Extractor, race: str, date: dt.date) -> Draft:
    year_in_name = str(date.year) in race
    race_name = race if year_in_name else f"{race} {date.year}"
    racing = [a for a in ex.athletes.values() if a.racing and a.role != "pacemaker"]
    racing_keys = {a.key for a in racing}
    # records: ids, events, times; comparisons point at them
    records: list[Record] = []
    ids: set[str] = set()
    for record in ex.records:
        if record.holder is not None and record.holder not in racing_keys:
            record.holder_name = ex.athletes[record.holder].name
            record.holder = None
        holder = ex.athletes[record.holder] if record.holder else None
        if holder is not None:
            record.event = holder.event
            if record.set_here and holder.time is not None:
                record.time = float(str(holder.time.value))
        base = {
            "world": "world-record",
            "course": "course-record",
            "national": "national-record",
            "personal_best": "personal-best",
        }.get(record.kind, "record")
        if record.kind == "personal_best" and holder is not None:
            base = f"{holder.key}-personal-best"
        elif record.event:
            base = f"{base}-{record.event}"
        duplicate = next(
            (
                r
                for r in records
                if r.kind == record.kind
                and r.holder == record.holder
                and r.holder_name == record.holder_name
                and r.event == record.event
            ),
            None,
        )
        if duplicate is None and record.holder is None and record.holder_name is None:
            # "failed attempts to break the world record": a record named again, held by nobody
            duplicate = next((r for r in records if r.kind == record.kind), None)
        if duplicate is not None:
            for comparison in ex.comparisons:
                if comparison.record == f"@{id(record)}":
                    comparison.record = f"@{id(duplicate)}"
            for name in ("previous_holder", "previous_year", "previous_time", "margin",
                         "margin_text", "time"):  # fmt: skip
                if getattr(duplicate, name) is None and getattr(record, name) is not None:
                    setattr(duplicate, name, getattr(record, name))
                    if name == "margin_text":
                        duplicate.margin_approx = record.margin_approx
            continue
        record.id = base
        number = 2
        while record.id in ids:
            record.id = f"{base}-{number}"
            number += 1
        ids.add(record.id)
        record.title = _record_title(record, holder, ex)
        records.append(record)
    by_ref = {f"@{id(r)}": r for r in records}
    comparisons = []
    for comparison in ex.comparisons:
        target = by_ref.get(comparison.record)
        if target is None or comparison.athlete not in racing_keys:
            continue
        comparison.record = target.id
        if comparison.text.startswith("beat the record by "):
            margin = comparison.text.removeprefix("beat the record by ")
            owner = f"{target.previous_holder}'s " if target.previous_holder else "the "
            year = f"{target.previous_year} " if target.previous_year else ""
            comparison.text = f"beat {owner}{year}{target.title} by {margin}"
        comparisons.append(comparison)
    used: set[str] = set()
    for record in records:
        if record.holder:
            used.add(record.holder)
    quotes: list[Quote] = []
    for quote in ex.quotes:
        if quote.by is not None:
            used.add(quote.by)
        quotes.append(quote)
    for record in records:
        previous = ex._known_full(record.previous_holder or "")
        if previous is not None and previous not in racing_keys:
            used.add(previous)
            ex.athletes[previous].role = ex.athletes[previous].role or (
                f"held the {record.title} before"
            )
    people = [
        a
        for a in ex.athletes.values()
        if a.key not in racing_keys and (a.key in used or a.role == "pacemaker")
    ]
    for person in people:
        if person.role is None and person.descriptions:
            person.role = next(iter(person.descriptions))  # "executive race director"
    order = {e: i for i, e in enumerate(ex.events)}
    racing.sort(
        key=lambda a: (
            order.get(a.event or "", 99),
            int(str(a.position.value)) if a.position else 10**6,
            a.first_seen,
        )
    )
    events = [e for e in ex.events.values() if any(a.event == e.id for a in racing)]
    events.sort(key=lambda e: (e.kind is not None, e.gender != "M"))
    for event in events:
        for index, sentence in enumerate(ex.sentences):
            if event.id in ex.events_in(ex.masked(index)):
                event.source = sentence.text
                break
    facts: list[Fact] = []
    fact_ids: set[str] = set()
    known = racing_keys | {p.key for p in people}
    quote_paragraphs = {q.source for q in quotes}
    for index, sentence in enumerate(ex.sentences):
        if sentence.heading or (
            ex.paragraph_texts[sentence.paragraph] in quote_paragraphs
            and (not ex.masked(index).strip(" ,."))
        ):
            continue
        about = []
        for mention in ex.mentions[index]:
            if mention.key in known and mention.key not in about:
                about.append(mention.key)
        subject = ex.subject[index]
        if subject in known and subject not in about:
            about.insert(0, subject)
        events_here = ex.events_in(ex.masked(index))
        fact_event = events_here[0] if len(events_here) == 1 else None
        if fact_event is None and about:
            first = ex.athletes[about[0]]
            fact_event = first.event if first.key in racing_keys else None
        if fact_event is not None and fact_event not in {e.id for e in events}:
            fact_event = None
        words = slugify(" ".join(sentence.text.split()[:6]))[:50].strip("-") or "fact"
        fact_id = words
        number = 2
        while fact_id in fact_ids:
            fact_id = f"{words}-{number}"
            number += 1
        fact_ids.add(fact_id)
        facts.append(Fact(fact_id, sentence.text, about, fact_event))
    city = None
    for word in race.split():
        if normalize(word) in lx.RACE_CITIES:
            city = word
    distance = None
    low = normalize(race)
    if "half marathon" in low or "half" in low.split():
        distance = 21.0975
    elif "marathon" in low:
        distance = 42.195
    elif m := re.search(r"\b(\d+(?:\.\d+)?)\s*k(?:m)?\b", low):
        distance = float(m.group(1))
    names = {normalize(race), normalize(race_name)}
    if city:
        names |= {normalize(city), normalize(f"{city} {date.year}")}
    aliases = sorted(names - {"", normalize(race_name)})
    return Draft(
        race_id=slugify(race_name),
        race_name=race_name,
        date=date,
        date_known=True,
        city=city,
        distance_km=distance,
        aliases=aliases,
        events=events,
        athletes=racing,
        people=people,
        records=records,
        comparisons=comparisons,
        quotes=quotes,
        facts=facts,
        notes=ex.notes,
    )


def _record_title(record: Record, holder: Athlete | None, ex: Extractor) -> str:
    """ "British marathon record", "women's marathon world record", "London Marathon men's
    course record", "Lily Partridge's personal best"."""
    event = ex.events.get(record.event or "")
    prefix = ""
    if event is not None and event.gender:
        prefix = "men's " if event.gender == "M" else "women's "
    if event is not None and event.kind:
        prefix += f"{event.kind} "
    race = normalize(ex.race)
    distance = next(
        (word for word in ("half marathon", "marathon", "10k", "5k", "10 miles") if word in race),
        "",
    )
    if record.kind == "personal_best":
        return f"{holder.name}'s personal best" if holder else "personal best"
    if record.kind == "world":
        return " ".join(f"{prefix}{distance} world record".split())
    if record.kind == "course":
        name = re.sub(r"\s*\b\d{4}\b", "", ex.race).strip()
        return f"{name} {prefix}course record".replace("  ", " ")
    if record.kind == "national":
        demonym = None
        if holder is not None and holder.country is not None:
            country = find_country(str(holder.country.value))
            demonym = country.demonym if country else None
        word = re.search(r"\b([A-Z][a-z]+)\s+(?:[\w'’]+\s+)?record\b", record.source)
        if demonym is None and word and lx.country_of(word.group(1)):
            demonym = word.group(1)
        return " ".join(f"{demonym or 'national'} {distance} record".split())
    return " ".join(f"{prefix}{distance} record".split())
