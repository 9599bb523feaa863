"""What a question asks: its concepts (time, place, gap...), ordinals, counts, years, events.

The question's words are normalised once. Name words are located by the name index first; the
remaining words are read against a small lexicon of concept words, with a one-edit typo map so that
"finsh", "podum" and "recrod" still count.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from bot.engine.countries import PERSON_DEMONYMS, Country, country_word
from bot.engine.lexicon import IRREGULAR, STOP_WORDS, SYNONYMS
from bot.engine.names import MIN_TYPO_LENGTH
from bot.engine.normalize import normalize
from bot.engine.vocabulary import ENGLISH_WORDS, dictionary, inflected

# concept -> words and phrases (normalised) that signal it
LEXICON: dict[str, tuple[str, ...]] = {
    "win": ("win", "won", "winner", "winners", "wins", "winning", "victor", "victory", "champion",
            "title", "took the title", "won the title", "first across the line", "triumphed",
            "champ", "triumph", "triumphed", "first place", "take it", "took it", "gold",
            "swept", "sweep"),
    "place": ("place", "placed", "placing", "position", "pos", "finish", "finished", "finishing",
              "rank", "ranked", "ranking", "came", "come", "where", "standing", "end up",
              "ended up",
              "result", "results", "how did", "how do", "how was", "do", "get", "got"),
    "time": ("time", "times", "clock", "clocked", "long", "duration", "take", "took", "run in",
             "ran in", "finishing time", "finish time", "official time", "chip", "gun", "timing",
             "hours", "fast was", "how quick", "how fast"),
    "gap": ("behind", "ahead", "gap", "gaps", "margin", "margins", "far", "difference", "diff",
            "between", "apart", "separated", "lead", "back", "by how much", "how much",
            "distance between", "close", "closer", "closest", "lose by", "lost by", "win by",
            "won by", "beat by", "beaten by"),
    "compare": ("faster", "quicker", "slower", "fastest", "quickest", "slowest", "better", "worse",
                "compare", "comparison", "versus", "vs", "v", "beat", "beaten", "outran",
                "hold off", "held off", "holding off", "holds off", "lose to", "lost to",
                "who was first", "finished first", "ahead of", "who won between"),
    "pace": ("pace", "paces", "per km", "per kilometre", "per kilometer", "per mile", "a mile",
             "a km", "km", "kilometre", "kilometer", "kms", "mile", "miles", "speed", "average",
             "avg", "min km", "min mile", "minutes per", "mph", "kmh"),
    "podium": ("podium", "medal", "medals", "medallists", "medalists", "top three", "top 3",
               "first three", "1 2 3", "top3"),
    "top": ("top", "leaders", "leaderboard", "standings", "results", "ranking", "rankings",
            "list", "finishers", "order", "table", "who finished", "first few", "full results"),
    "record": ("record", "records", "wr", "cr", "nr", "pb", "personal best", "personal record",
               "pr", "best ever", "fastest ever", "world best", "national record", "british record",
               "course record", "world record"),
    "previous": ("before", "previous", "previously", "old", "prior",
                 "former", "used to", "who had", "going in", "going into", "coming in",
                 "coming into", "heading into", "beforehand"),
    "broke": ("broke", "break", "broken", "beating", "beat", "set", "smash", "smashed",
              "new"),
    "neighbours": ("behind", "ahead", "after", "before", "in front", "next", "beat", "beaten",
                   "just behind", "just ahead", "either side"),
    "thanks": ("thanks", "thank you", "thx", "ty", "cheers", "great", "cool", "nice", "ok",
               "okay", "awesome", "perfect", "brilliant", "bye", "goodbye", "good bot"),
    "distance": ("distance", "how far is", "how long is", "length", "kilometres", "km long"),
    "country": ("country", "countries", "nationality", "nationalities", "nation", "nations",
                "flag", "where from", "represent", "represents", "representing", "born",
                "come from", "comes from", "from where", "which country", "what country"),
    "quote": ("say", "said", "says", "quote", "quotes", "quoted", "saying", "comment",
              "comments", "commented", "words", "interview", "react", "reacted",
              "reaction", "speak", "spoke", "feel", "felt", "thoughts"),
    "summary": ("summary", "summarise", "summarize", "summarised", "recap", "overview",
                "happened", "report", "tldr", "tl dr", "story", "sum up", "highlights",
                "tell me about", "about the race",
                "what went on", "rundown", "run down", "gist", "news"),
    "help": ("help", "commands", "command", "usage", "what can you do", "what can i ask",
             "how do i use", "how to use", "options", "examples", "instructions", "hi", "hello",
             "hey", "hiya", "yo", "sup", "start"),
    "count": ("how many", "number of", "count", "total", "field size"),
    "finishers": ("finished", "finishers", "runners", "athletes", "people", "entrants",
                  "participants", "competitors", "ran", "run", "starters", "completed", "made it"),
    "last": ("last", "final", "slowest", "bottom", "dead last", "back of the field"),
    "date": ("when", "date", "day", "what day", "which day", "month"),
    "event_words": ("race", "event", "marathon", "field", "elite"),
    "who": ("who", "whom", "whose", "which athlete", "which runner", "anyone", "somebody"),
    "club": ("club", "clubs", "team", "teams", "harriers", "ac", "rc"),
    "bib": ("bib", "bib number", "race number", "number"),
    "under": ("under", "below", "sub", "faster than", "quicker than", "less than", "within"),
    "over": ("over", "above", "slower than", "more than", "longer than", "beyond"),
    "categories": ("category", "categories", "age group", "age groups", "division", "vet",
                   "veteran", "masters", "age category"),
}  # fmt: skip

GENDER_WORDS: dict[str, str] = {
    "men": "M", "mens": "M", "man": "M", "male": "M", "males": "M", "guys": "M", "boys": "M",
    "guy": "M",
    "gents": "M", "gentlemen": "M", "mans": "M", "bloke": "M", "blokes": "M", "lads": "M",
    "fella": "M", "fellas": "M",
    "women": "F", "womens": "F", "woman": "F", "female": "F", "females": "F", "ladies": "F",
    "lady": "F", "girls": "F", "womans": "F", "womes": "F", "wome": "F", "woemn": "F",
    "gals": "F", "lasses": "F",
}  # fmt: skip

PRONOUNS: dict[str, str] = {
    "he": "M", "him": "M", "his": "M", "himself": "M",
    "she": "F", "her": "F", "hers": "F", "herself": "F",
    "they": "*", "them": "*", "their": "*", "theirs": "*",
}  # fmt: skip

UNKNOWN_TOPICS: dict[str, str] = {
    "weather": "the weather", "temperature": "the weather", "temperatures": "the weather",
    "temp": "the weather", "temps": "the weather",
    "rain": "the weather", "raining": "the weather", "hot": "the weather", "heat": "the weather",
    "warm": "the weather", "sunny": "the weather", "wind": "the weather", "windy": "the weather",
    "humid": "the weather", "humidity": "the weather", "cold": "the weather",
    "degrees": "the weather", "celsius": "the weather", "fahrenheit": "the weather",
    "crowd": "the crowds", "crowds": "the crowds", "spectators": "the crowds",
    "fans": "the crowds", "prize": "prize money", "money": "prize money",
    "paid": "prize money", "earn": "prize money", "earned": "prize money",
    "shoes": "kit and shoes", "shoe": "kit and shoes", "nike": "kit and shoes",
    "adidas": "kit and shoes", "sponsor": "sponsors", "sponsors": "sponsors",
    "age": "ages", "old": "ages", "birthday": "ages", "height": "athletes' height or weight",
    "weight": "athletes' height or weight", "tall": "athletes' height or weight",
    "coach": "coaches", "coached": "coaches", "coaches": "coaches", "route": "the route",
    "start time": "the start time", "tv": "TV coverage", "broadcast": "TV coverage",
    "charity": "charity fundraising", "raised": "charity fundraising",
    "injury": "injuries", "injured": "injuries", "wife": "athletes' families",
    "husband": "athletes' families", "kids": "athletes' families", "children": "athletes' families",
    "married": "athletes' families", "family": "athletes' families",
    "heart rate": "heart rate data", "calories": "nutrition", "diet": "nutrition",
    "splits": "split times", "halfway": "split times", "half way": "split times",
    "10k split": "split times",
}  # fmt: skip

OTHER_SPORTS = frozenset(
    """football soccer tennis cricket rugby golf basketball nba nfl baseball hockey f1 boxing ufc
    mma snooker darts cycling swimming wimbledon chess badminton volleyball netball""".split()
)

ORDINAL_WORDS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "runner up": 2, "runnerup": 2, "winner": 1, "silver": 2,
    "bronze": 3,
}  # fmt: skip

MEDALS = frozenset(("silver", "bronze"))
"""Medals that are places: silver is second (gold is a win)."""

NUMBER_WORDS: dict[str, int] = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "fifty": 50,
    "hundred": 100,
}  # fmt: skip

_ORDINAL_RE = re.compile(r"^(\d{1,7})(st|nd|rd|th)$")


FIRST_EVER = frozenset(
    """medal medals win wins title titles victory gold major majors appearance attempt ever
    career""".split()
)
"""What "first" before them counts: the first ever, not a place ("bahrain's first medal")."""


def first_ever(word: str, after: str) -> bool:
    return word == "first" and after in FIRST_EVER


def ordinal_of(word: str) -> int | None:
    """3 for "third" or "3rd"; ``None`` for a word that is no ordinal."""
    if word in ORDINAL_WORDS:
        return ORDINAL_WORDS[word]
    m = _ORDINAL_RE.match(word)
    return int(m.group(1)) if m else None


_HOURS_RE = re.compile(r"^(\d{1,2})(?:h|hr|hrs|hour|hours)?$")


def _phrase_table() -> tuple[dict[str, set[str]], int]:
    table: dict[str, set[str]] = {}
    longest = 1
    for concept, phrases in LEXICON.items():
        for phrase in phrases:
            table.setdefault(phrase, set()).add(concept)
            longest = max(longest, len(phrase.split()))
    return table, longest


PHRASES, LONGEST_PHRASE = _phrase_table()
SINGLE_WORDS = frozenset(p for p in PHRASES if " " not in p)
KNOWN_WORDS = (
    SINGLE_WORDS
    | frozenset(GENDER_WORDS)
    | frozenset(PRONOUNS)
    | frozenset(ORDINAL_WORDS)
    | frozenset(NUMBER_WORDS)
    | ENGLISH_WORDS
)


def _typo_map(words: Iterable[str]) -> dict[str, str]:
    table: dict[str, str] = {}
    ambiguous: set[str] = set()
    for word in words:
        if len(word) < MIN_TYPO_LENGTH + 1:
            continue
        for i in range(len(word)):
            variant = word[:i] + word[i + 1 :]
            if variant in table and table[variant] != word:
                ambiguous.add(variant)
            table.setdefault(variant, word)
    for variant in ambiguous:
        del table[variant]
    return table


_LEXICON_WORDS = SINGLE_WORDS | frozenset(GENDER_WORDS) | frozenset(ORDINAL_WORDS)
_TYPOS = _typo_map(_LEXICON_WORDS)


_SHORT_WORDS = frozenset(w for w in SINGLE_WORDS if 3 <= len(w) <= 4)
_GENDER_LIST = sorted(GENDER_WORDS)


def correct(word: str) -> str:
    """A lexicon word that ``word`` is one typo away from, or ``word`` itself."""
    if word in KNOWN_WORDS or word.isdigit():
        return word
    if word.endswith("s") and word[:-1] in KNOWN_WORDS:
        return word  # a plural ("places"), not a typo of another word ("paces")
    for i in range(len(word) - 1):  # a key held down: "wonn" -> "won", "timme" -> "time"
        if word[i] == word[i + 1] and (single := word[:i] + word[i + 1 :]) in _LEXICON_WORDS:
            return single
    if inflected(word, KNOWN_WORDS, ("ing", "ed", "er", "est", "y")):
        return word  # "raining" is no typo of "ranking" (but "happend" is of "happened")
    if word in SYNONYMS or word in IRREGULAR:
        return word  # a word of its own ("tired" is no typo of "third")
    if 3 <= len(word) <= 4:  # short words: only two letters swapped ("tpo" -> "top")
        for i in range(len(word) - 1):
            swapped = word[:i] + word[i + 1] + word[i] + word[i + 2 :]
            if swapped in _SHORT_WORDS:
                return swapped
        return word
    if len(word) < MIN_TYPO_LENGTH + 1:
        return word
    if (hit := _TYPOS.get(word)) is not None:  # a letter left out
        return hit
    for i in range(len(word)):
        variant = word[:i] + word[i + 1 :]
        if variant in KNOWN_WORDS and len(variant) >= MIN_TYPO_LENGTH + 1:
            if word in dictionary() or inflected(word):
                return word  # a word of its own ("comers" is no "comes" with a letter too many)
            return variant  # a letter too many
        if (hit := _TYPOS.get(variant)) is not None and (i or hit[0] == word[0]):
            return hit  # a letter changed or two swapped (not the first: "aiming" is no "timing")
    if len(word) >= 5:  # "wimmens": men and women are worth a second look
        hit2 = process.extractOne(word, _GENDER_LIST, scorer=fuzz.ratio, score_cutoff=76)
        if hit2 is not None:
            return hit2[0]
    return word


@dataclass(slots=True)
class Parsed:
    """What the non-name words of a question say."""

    words: list[str]
    concepts: set[str] = field(default_factory=set)
    gender: str | None = None
    pronoun: str | None = None
    ordinal: int | None = None
    ordinals: list[int] = field(default_factory=list)  # "1st, 2nd and 3rd"
    count: int | None = None
    years: list[int] = field(default_factory=list)
    country: Country | None = None
    other_country: bool = False  # "the first non kenyan": anyone but the country's athletes
    unknown_topic: str | None = None
    other_sport: str | None = None
    threshold: float | None = None  # seconds, for "under 3 hours"
    threshold_named: frozenset[str] = frozenset()  # the words naming it ("olympic standard")
    bib: str | None = None
    leftover: list[str] = field(default_factory=list)  # words nothing understood

    def has(self, *concepts: str) -> bool:
        return any(c in self.concepts for c in concepts)


def parse(words: list[str], name_positions: set[int]) -> Parsed:
    """Read the concepts of ``words`` (normalised), skipping the positions of names."""
    corrected = [w if i in name_positions else correct(w) for i, w in enumerate(words)]
    parsed = Parsed(words=corrected)
    used: set[int] = set(name_positions)
    n = len(corrected)
    phrase_spans: set[int] = set()  # words inside a multi-word concept phrase
    help_spans: set[int] = set()  # words that may ask for help ("start", "options")
    help_asked = False
    for size in range(min(LONGEST_PHRASE, n), 0, -1):  # phrases, longest first
        for start in range(0, n - size + 1):
            span = range(start, start + size)
            if any(i in name_positions for i in span):
                continue
            phrase = " ".join(corrected[start : start + size])
            concepts = PHRASES.get(phrase)
            if concepts:
                parsed.concepts.update(concepts)
                used.update(span)
                if "help" in concepts and size == 1:
                    help_spans.update(span)  # one word: help only when nothing else is asked
                elif "help" in concepts:
                    help_asked = True  # "what can you do", "how do i use this"
                if size > 1:
                    phrase_spans.update(span)
            if size > 1 and phrase in ORDINAL_WORDS:
                parsed.ordinal = ORDINAL_WORDS[phrase]
                used.update(span)
            topic = UNKNOWN_TOPICS.get(phrase)
            if topic and parsed.unknown_topic is None and not phrase_spans.intersection(span):
                parsed.unknown_topic = topic
                used.update(span)
    for i, word in enumerate(corrected):
        if i in name_positions:
            continue
        _read_word(parsed, corrected, i, word, used)
    more = parsed.concepts - {"help"} or set(corrected) - _HELP_WORDS - STOP_WORDS
    if "help" in parsed.concepts and not help_asked and (more or name_positions):
        parsed.concepts.discard("help")  # "what was the temp at the start": no call for help
        used -= help_spans
    ever = [i for i, w in enumerate(corrected) if w == "ever"]
    if ever and {"fastest", "quickest"} & set(corrected[: ever[0]]):
        parsed.concepts.add("record")  # "the fastest marathon ever run in denmark": a best ever
        used.update(ever)
    parsed.leftover = [w for i, w in enumerate(corrected) if i not in used]
    if (
        parsed.unknown_topic == UNKNOWN_TOPICS["old"]
        and not {"age", "aged", "birthday"} & set(corrected)
        and not re.search(r"\bhow old\b|\bold (?:is|was|are|were)\b", " ".join(corrected))
    ):
        parsed.unknown_topic = None  # "bekele's old pb", "his old one": the previous, no age
    lasts = [i for i, w in enumerate(corrected) if w == "last" and i not in name_positions]
    if lasts and all(corrected[i + 1 : i + 2] and corrected[i + 1] in _WHEN_WORDS for i in lasts):
        parsed.concepts.discard("last")  # "who won last year": a time, no last place
    for i in range(n - 2):  # "how many secs between 2nd and 3rd": an amount of time, no count
        if corrected[i : i + 2] == ["how", "many"] and corrected[i + 2] in TIME_UNITS:
            parsed.concepts.discard("count")
            parsed.concepts.add("gap")
        elif corrected[i : i + 2] == ["how", "many"] and corrected[i + 2] in UNKNOWN_TOPICS:
            parsed.concepts.discard("count")  # "how many degrees was it": no runners counted
    return parsed


_WHEN_WORDS = frozenset(
    "year years yr yrs time season week weekend month edition spring summer autumn fall winter "
    "outing".split()
)
"""Words that make "last" a time ("last year", "last time"), not the last place."""

_HELP_WORDS = frozenset(w for phrase in LEXICON["help"] for w in phrase.split())
"""A question made of these words (and filler) alone asks for help: "hi", "start", "options"."""

TIME_UNITS = frozenset("s sec secs second seconds min mins minute minutes hours hrs".split())


def _number(word: str) -> int | None:
    if word.isdigit() and len(word) <= 7:
        return int(word)
    return NUMBER_WORDS.get(word)


def _read_word(parsed: Parsed, words: list[str], i: int, word: str, used: set[int]) -> None:
    before = words[i - 1] if i > 0 else ""
    after = words[i + 1] if i + 1 < len(words) else ""
    if word in GENDER_WORDS:
        parsed.gender = GENDER_WORDS[word]
        used.add(i)
    elif word in PRONOUNS:
        parsed.pronoun = parsed.pronoun or PRONOUNS[word]
        used.add(i)
    if word in OTHER_SPORTS:
        parsed.other_sport = word
        used.add(i)
    if i - 1 in used and before and country_word(f"{before} {word}") is not None:
        pass  # "north koreans": read with the word before
    elif (
        (country := country_word(word)) is not None
        and before == "in"
        and word == normalize(country.name)
    ):
        pass  # "the fastest marathon ever run in australia": a place, not runners of it
    elif country is not None:
        parsed.country = country
        parsed.gender = parsed.gender or PERSON_DEMONYMS.get(word)  # "the dutchman"
        used.add(i)
    elif after and (country := country_word(f"{word} {after}")) is not None:
        parsed.country = country
        used.update((i, i + 1))
    if word in ("non", "not") and after and country_word(after) is not None:
        parsed.other_country = True  # "the first non kenyan", "top non-african"
        used.add(i)
    if word == "from" and "where" in words:
        parsed.concepts.add("country")  # "where is kosgei from"
    if first_ever(word, after):
        pass  # "bahrain's first medal", "her first win": ever, no place in the race
    elif word in ORDINAL_WORDS:
        value = ORDINAL_WORDS[word]
        if word == "first" and after and _number(after) is not None:
            parsed.count = _number(after)  # "first 10"
        elif word != "winner":
            parsed.ordinal = parsed.ordinal or value
            parsed.ordinals.append(value)
        used.add(i)
    elif m := _ORDINAL_RE.match(word):
        parsed.ordinal = parsed.ordinal or int(m.group(1))
        parsed.ordinals.append(int(m.group(1)))
        used.add(i)
    elif (number := _number(word)) is not None:
        if word.isdigit() and len(word) == 4 and 1800 <= number <= 2200:
            parsed.years.append(number)
        elif before in ("top", "first", "best", "fastest", "leading") or after in (
            "finishers",
            "runners",
            "athletes",
            "places",
            "positions",
        ):
            parsed.count = number
        elif before in ("bib", "number", "no", "num") or (before == "bib" and word.isdigit()):
            parsed.bib = word
        elif before in ("under", "sub", "below", "within", "over", "above", "than") or after in (
            "hours",
            "hour",
            "h",
            "hrs",
            "hr",
        ):
            if number <= 24:
                parsed.threshold = float(number * 3600)
        elif after in ("times", "time", "x") and before not in ("place", "position"):
            pass  # "won it 4 times": how often, no place
        elif before in ("place", "position", "number", "no", "pos", "in", "at", "was", "came"):
            parsed.ordinal = parsed.ordinal or number
        elif parsed.ordinal is None and number >= 1 and word.isdigit():
            parsed.ordinal = number
        used.add(i)
    elif (clock := re.fullmatch(r"(\d{1,2})(\d\d)", word)) is not None and before in (
        "under",
        "sub",
    ):
        parsed.threshold = float(int(clock.group(1)) * 3600 + int(clock.group(2)) * 60)
        used.add(i)
