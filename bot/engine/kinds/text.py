"""Narrative questions and quotes, answered by a passage found by its text."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterator

from bot.engine.durations import parse_duration
from bot.engine.errors import DurationError
from bot.engine.findings import Count, NotCovered, NotSaid, Passage, Said, TextFound, Titles
from bot.engine.intents import GENDER_WORDS, LEXICON, ordinal_of
from bot.engine.intents import ORDINAL_WORDS as ORDINALS
from bot.engine.kinds.computed import TIME_ASKED, nearer_someone_else
from bot.engine.knowledge import Athlete
from bot.engine.lexicon import NUMBER_WORDS, PACK_WORDS, ROLE_WORDS, SYNONYMS
from bot.engine.reading import ORDER_WORDS, SAY_VERBS, Reading, clock_figures
from bot.engine.route import Context, Fit
from bot.engine.search import POINT_WORD, Doc, Hit, named_at, stem, words_of

QUOTE_WORDS = frozenset(w for phrase in LEXICON["quote"] for w in phrase.split()) | SAY_VERBS
TOLD_WORDS = frozenset("tell told telling".split())
"""Speaking to someone: a quote that says so ("I told her") is what was said to them."""
MIN_SCORE = 0.3
CLOCK_WORDS = frozenset("split splits time times pace clocked clocking".split())
"""Topic words that ask for a clock figure: "what was her 30k split", "what time did it start"."""
_CLOCK = r"(?<![\d:.])\d{1,2}[:.]\d\d(?:[:.,]\d\d)?(?![\d:])"  # ("1:04,18" in some reports)
_CLOCK_FIGURE = re.compile(
    rf"{_CLOCK}|\b\d+\s*(?:min|sec|hours?)\b|\b\d{{1,2}}\s?(?:a\.m\.|am\b|p\.m\.|pm\b)"
)  # (a time of day: "6am local time", "at 7 a.m.")


def _in_event(ctx: Context, hit: Hit) -> bool:
    """A passage about the people of another event does not answer for this one ("who led the
    women's race": not a sentence about the men's lead group)."""
    query = ctx.query
    event = getattr(query, "event", None)
    if event is None or ctx.athletes:
        return True
    for doc in _told_up_to(ctx, hit.doc):
        people = [ctx.race.athletes[k] for k in doc.about if k in ctx.race.athletes]
        if people:
            return any(a.event is event for a in people)
        # naming no one, a passage of the other sex's race is not of this one ("the six women
        # were still together through the half-way point", asked the men's halfway split)
        told = {GENDER_WORDS[w] for w in doc.words if w in GENDER_WORDS}
        if told:
            return event.gender is None or event.gender in told
    return True


def _told_up_to(ctx: Context, doc: Doc) -> Iterator[Doc]:
    """``doc``, then the sentences before it in its paragraph, nearest first, read only when
    needed: naming no one and no race, a sentence is of the race its paragraph was telling of
    ("That group was only whittled down to 14 by the halfway mark", after "In a men's race")."""
    yield doc
    if doc.paragraph >= 0:
        yield from sorted(
            (
                d
                for d in ctx.text.docs
                if d.kind == "sentence" and d.paragraph == doc.paragraph and d.order < doc.order
            ),
            key=lambda d: -d.order,
        )


def _passage(hit: Hit) -> Passage:
    return passage_of(hit.doc)


def _words(ctx: Context) -> list[str]:
    reading = ctx.reading
    return [w for w in dict.fromkeys((*reading.topic, *reading.uncovered)) if w not in QUOTE_WORDS]


def narrative(ctx: Context) -> Fit | None:
    """A report sentence, fact or record that explains the question's topic words."""
    reading = ctx.reading
    if reading.asks_quote:
        return None
    words = _words(ctx)
    about = [a.key for a in ctx.athletes] + list(ctx.people)
    if not words:
        return _why_of(ctx, about) if reading.form == "why" and about else None
    asks_clock = _asks_clock(reading)
    # a figure may be in a lower-ranked sentence; so may the one just quoted
    limit = 12 if asks_clock or ctx.leaned_on else 5
    hits = [h for h in ctx.text.search(words, about=about, limit=limit) if h.score >= MIN_SCORE]
    hits = [h for h in hits if _in_event(ctx, h)]
    # the words a passage must share: those the concept reader did not already read ("time" in
    # "did tsao hit her time goal" is the structured answers' to explain)
    asked = set(_words(ctx)) & set(reading.topic)
    topic = asked - reading.explained or asked

    # "how many were still in the lead pack at halfway": a passage at that point, if one is
    points = {w for w in topic if POINT_WORD.match(w)}
    points = points if any(points <= h.matched for h in hits) else set()
    hits = [h for h in hits if points <= h.matched]  # (a passage at another point is no answer)

    def covers(hit: Hit) -> bool:  # a passage that shares one word of several is no answer
        if not points <= hit.matched:
            return False
        return len(topic) < 2 or len(hit.matched & topic) / len(topic) >= 0.5

    if ctx.leaned_on and _asks_amount(reading):  # "how fast was that mile": the mile just told
        point = _point_told(ctx)  # of ("made his surge around mile 24, covering it in 4:30")
        if point is not None and all(h.doc is not point.doc for h in hits):
            hits = [point, *hits]
    if ctx.leaned_on:  # "who timed it": the sentences just quoted, if they explain the question
        hits = _prefer(hits, lambda h: covers(h) and h.doc.source in ctx.leaned_on, 0.0)
        if (
            reading.form == "who"
            and reading.narrative
            and not any(h.doc.source in ctx.leaned_on for h in hits)
        ):  # "who did he drop" after "he tore away from Rotich and Desisa": those it names
            told = [d for d in ctx.text.docs if d.source in ctx.leaned_on and d.kind != "quote"]
            named = [d for d in told if _names_another(ctx, d)]
            if named:
                hits = [Hit(named[0], 1.0, frozenset(words), frozenset()), *hits]
    elif not reading.asks_quote:  # what the report says, before what someone said
        hits = _prefer(hits, lambda h: covers(h) and not _said(h.doc), 0.55)
    if len(asked) == 1 and len(SYNONYMS.get(next(iter(asked)), ())) >= 4 and hits and not about:
        # one broad word ("what was the weather like"): the passage that says most about it
        kinds = _stands_for(next(iter(asked)))
        near = [h for h in hits if h.score >= 0.4 * hits[0].score]
        # (of as much, one that measures it: "temperatures a moderate 16C/60F", not "the change
        # of the weather" someone blamed)
        fullest = max(
            near,
            key=lambda h: (
                not h.weak,
                len({stem(w) for w in h.doc.words} & kinds),
                bool(_TEMPERATURE.search(h.doc.text)),
            ),
        )
        hits = [fullest, *(h for h in hits if h is not fullest)]
    if reading.form == "how" and reading.narrative:  # "how did cherono win it": the manner
        hits = _prefer(hits, lambda h: covers(h) and bool(_MANNER.search(h.doc.text)), 0.4)
    if order := ORDER_WORDS & set(reading.topic):  # "who fell off first": who was first to
        hits = _prefer(hits, lambda h: covers(h) and bool(order & h.matched), 0.5)
    asks_years = _asks_years(reading)
    if asks_years:  # "which years did keitany win": a passage that gives her years
        hits = _prefer(hits, lambda h: covers(h) and _years_of(ctx, h.doc), 0.3)
    elif reading.form == "when":  # "when did he make his move": a point of the race (of both,
        # when two are asked: "when did kohnen pass lindwurm": "caught Lindwurm at Mile 23")
        both = len(about) > 1 and any(set(about) <= h.doc.about for h in hits)
        hits = _prefer(
            hits,
            lambda h: (
                covers(h)
                and bool(_POINT_TEXT.search(h.doc.text))
                and (not both or set(about) <= h.doc.about)
            ),
            0.3,
        )
    elif _asks_amount(reading) or (TEMPERATURE_WORDS | HUMIDITY_WORDS) & set(reading.topic):
        # "how long was her stop", "how cold was it", "what was the temperature": a figure
        hot_or_cold = set(reading.words[1:2]) & WEATHER_MEASURES or TEMPERATURE_WORDS & set(
            reading.topic
        )
        figure = _TEMPERATURE if hot_or_cold else _DIGIT
        if HUMIDITY_WORDS & set(reading.topic) and not hot_or_cold:
            figure = _PERCENT  # "humidity in the men's race": "humidity at about 48%"
        if reading.form == "how_many" and not hot_or_cold:  # "how many were in the lead group":
            figure = _HEADCOUNT  # a count of runners, not any figure
        hits = _prefer(hits, lambda h: covers(h) and bool(figure.search(h.doc.text)), 0.4)
        if reading.form == "how_many":  # "how many started": a passage with no count is no answer
            hits = [h for h in hits if _A_COUNT.search(h.doc.text)]
    hits = hits[:3]
    if asks_clock:  # a split or a time: a figure beside what the question names
        subject = _clock_subject(reading)
        hits = [
            h
            for h in hits
            if _figure_beside(h.doc.text, _found_of(h, subject)) or _one_figure_of(h, subject)
        ]
        if not hits and subject:  # "legese's 30k split", "what time did it start": not given
            return _figure_not_given(ctx)
    told_before: Doc | None = None
    if reading.form == "who" and hits and not covers(hits[0]):
        # "who made the first move after the pacers left": the pacers left in one sentence,
        # and the next tells who surged
        joined = _told_on(ctx, hits[0], topic)
        if joined is not None:
            told_before, hits = hits[0].doc, [joined, *hits[1:]]
    if reading.form in ("who", "why") and not ctx.description:
        # "who paced kosgei": a passage that names nobody else is no answer; "why did rupp drop
        # out": nor is one that gives no reason
        answering = [  # (a passage just given that names others answers "who did he drop")
            h
            for h in hits
            if _answers(ctx, h, reading.form)
            or (h.doc.source in ctx.leaned_on and _names_another(ctx, h.doc))
        ]
        if not answering and (reading.form == "why" or hits):
            return _not_said(ctx, words, hits[0] if hits else None, reading.form)
        hits = answering
        if reading.form == "who" and hits:  # the one named beside what is asked, before a
            # pronoun's passage that explains as much
            most = len(hits[0].matched)
            hits = _prefer(hits, lambda h: len(h.matched) >= most and _name_beside(ctx, h), 0.6)
    if not hits:
        return None
    best = hits[0]
    explained = best.matched
    placed_figure = asks_clock and any(_POINT.match(w) for w in reading.topic)
    if placed_figure:  # a figure beside the point it names ("10k split"): the figure asked for
        explained |= frozenset(w for w in reading.topic if w in CLOCK_WORDS)
    if asks_years and _YEAR.search(best.doc.text):  # "who had won in 2014, 2015...": years
        explained |= frozenset(w for w in reading.topic if w in YEAR_WORDS)
    counted = reading.form == "how_many" and points and _HEADCOUNT.search(best.doc.text)
    if PACK_WORDS & set(best.doc.words) or counted:  # "the lead pack" told as "that group",
        # or counted at the point asked ("still six runners in contention with 6 km to go")
        explained |= frozenset(w for w in reading.topic if w in PACK_WORDS)
    if best.doc.source in ctx.leaned_on and _asks_amount(reading) and _points_back(reading, best):
        explained |= frozenset(reading.topic)  # "how fast was that mile": the one just told of
    topic = set(words) & set(reading.topic)
    topic = topic - reading.explained or topic
    reason_of_asked = reading.form == "why" and bool(set(best.doc.about) & set(about))
    if len(topic) >= 2 and len(explained & topic) / len(topic) < 0.5 and not reason_of_asked:
        return None  # a passage that shares one word of several is no answer (but a reason
        # given of the one asked about is: "why was vivian so far back, was she hurt")
    strength = 1.0 if reading.narrative or placed_figure else 0.0
    if reading.form == "yes_no":
        strength += 0.25
    if best.doc.source in ctx.leaned_on:  # "what marathon pace was that": the passage just given
        strength += 1.0
    own = explained - reading.explained  # words only the passage accounts for
    if _asks_amount(reading) and (own or len(explained) > 1) and _DIGIT.search(best.doc.text):
        strength += 0.5  # "how long did she wait": a passage that gives a figure
    # "At that point she was almost a minute ahead": with the sentence telling which point
    if told_before is not None and best.doc.order != told_before.order + 1:
        told_before = None  # (another passage was chosen)
    passages = [passage_of(d) for d in (best.doc.leans_on, told_before, best.doc) if d is not None]
    following = _read_on(ctx, best, topic) if _asks_amount(reading) else None
    if following is not None:  # "how long was her porta-potty stop": the next sentence says
        passages.append(passage_of(following))
    elif (
        best.doc.source not in ctx.leaned_on
        and len(hits) > 1
        and hits[1].score >= 0.8 * best.score
        and (reading.narrative or reading.form == "yes_no")
        and not _same_words(hits[1].doc, best.doc)
    ):
        passages.append(_passage(hits[1]))
    athletes = tuple(a for a in ctx.athletes if a.key in best.doc.about)
    return Fit(
        "fact",
        TextFound(tuple(passages)),
        explained,
        strength,
        athletes=athletes,
        sources=tuple(p.source for p in passages),
        facts=tuple(p.text for p in passages),
        # a clock figure beside what the question names is evidence enough of the words that
        # found it ("through the half in 1:01:05" for "halfway split")
        weak=frozenset() if asks_clock else best.weak,
    )


_MANNER = re.compile(
    r"\b(?:sprint\w*|(?:out)?kick\w*|dip|surg\w*|pulled away|broke away|breakaway|attack\w*|"
    r"stormed|burst|charg\w*|gear|solo|alone|overt(?:ook|ake)|ran down|reeled|pass(?:ed|ing)|"
    r"fought|dominat\w*|clear of|held off|hung on)\b",
    re.I,
)
"""How a race was won or lost: "outkicked", "pulled away", "ran alone", "held off"."""
_QUOTE_MARK = re.compile(r"[“”\"]")
_SCARE_QUOTED = re.compile(r"[“\"]\S+(?: \S+){0,2}[”\"]")
"""A phrase of one to three words in quotation marks: a name for something ("a “rain world
record”"), not someone's words."""


def _said(doc: Doc) -> bool:
    """Whether a passage is someone's words (a quote, or a sentence quoting them)."""
    return doc.kind == "quote" or bool(_QUOTE_MARK.search(_SCARE_QUOTED.sub("", doc.text)))


WEATHER_MEASURES = frozenset("cold hot warm chilly".split())
TEMPERATURE_WORDS = frozenset("temperature temperatures temp degrees".split())
HUMIDITY_WORDS = frozenset("humidity humid".split())
_PERCENT = re.compile(r"\d\s?%|\d+ per ?cent\b", re.I)
_TEMPERATURE = re.compile(
    r"\d+\s?(?:°|degrees?|deg\b|c\b|f\b)|in the (?:low |high |mid )?\d0s|\bfreezing\b", re.I
)
_DIGIT = re.compile(
    r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|"
    r"thirty|forty|fifty|hundred|half)\b",
    re.I,
)
"""A figure, in digits or words ("for three miles")."""
_A_COUNT = re.compile(
    rf"{_DIGIT.pattern}|\b(?:once|twice|thrice|dozen|both|all|none|no one|first|second|third|"
    r"fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth)\b",
    re.I,
)
"""A count, in figures or words ("twice", "both", "for the sixth straight time")."""
_HEADCOUNT = re.compile(
    r"\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|"
    r"a dozen|dozen)[ -](?:\w+ )?(?:men|women|runners|athletes|others|of them|guys|leaders|"
    r"contenders|men's|women's|remained|were|still)\b|\b(?:down|reduced|whittled|cut) to "
    r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty)\b",
    re.I,
)
"""A count of runners ("twelve men were still together", "a dozen runners in the lead pack")."""
MEASURES = frozenset("cold hot warm windy wet fast quick slow big large long far close old".split())
"""Asked as "how cold", "how big": a figure answers them."""


YEAR_WORDS = frozenset("year years".split())
_YEAR = re.compile(r"\b(?:19|20)\d\d\b|[’']\d\d\b")
"""A year: "in 2014", "in ’15"."""


def _years_of(ctx: Context, doc: Doc) -> bool:
    """Whether a passage gives a year nearer the athlete asked about than anyone else."""
    years = [m.start() for m in _YEAR.finditer(doc.text)]
    if not years or len(ctx.athletes) != 1:
        return bool(years)
    return any(not nearer_someone_else(ctx, doc.about, doc.text, at) for at in years)


def _asks_years(reading: Reading) -> bool:
    """ "which years did she win", "what year did he set it": years are the answer."""
    return bool(YEAR_WORDS & set(reading.topic)) and reading.form in ("which", "what", "when")


def _asks_amount(reading: Reading) -> bool:
    if reading.form in ("how_long", "how_much", "how_many", "how_far"):
        return True
    words = reading.words
    return reading.form == "how" and len(words) > 1 and words[0] == "how" and words[1] in MEASURES


_UNIT_OF_POINT = {"mile": "mi", "km": "k", "k": "k", "kilometre": "k", "kilometer": "k"}


def _point_told(ctx: Context) -> Hit | None:
    """The sentence just quoted that tells of the point "that mile" points at ("around mile
    24"), with a figure, as a hit for the words asked."""
    words = ctx.reading.words
    unit = next(
        (
            _UNIT_OF_POINT[w]
            for this, w in itertools.pairwise(words)
            if this in ("that", "this") and w in _UNIT_OF_POINT
        ),
        None,
    )
    if unit is None:
        return None
    point = re.compile(rf"^\d+(?:\.\d+)?{unit}$")
    for doc in ctx.text.docs:
        if (
            doc.kind == "sentence"
            and doc.source in ctx.leaned_on
            and any(point.match(w) for w in doc.words)
            and _CLOCK_FIGURE.search(doc.text)
        ):
            asked = frozenset(ctx.reading.topic)
            return Hit(doc, 1.0, asked, frozenset())
    return None


def _points_back(reading: Reading, hit: Hit) -> bool:
    """Whether the question points at a thing of the passage it found, that has a figure: "that
    mile" of "a 4 minute, 52 second mile"."""
    pairs = itertools.pairwise(reading.words)
    pointed = any(this in ("that", "this") and word in hit.matched for this, word in pairs)
    return pointed and bool(_DIGIT.search(hit.doc.text))


def _same_words(one: Doc, other: Doc) -> bool:
    """Whether one passage says what the other does (a quote and the sentence quoting it)."""
    a, b = " ".join(one.words), " ".join(other.words)
    return a in b or b in a


def _told_on(ctx: Context, hit: Hit, topic: set[str]) -> Hit | None:
    """The sentence just after ``hit``'s, in its paragraph, that names someone and tells the
    rest of what is asked, as one passage with it; ``None`` when there is none."""
    doc = hit.doc
    following = next(
        (
            d
            for d in ctx.text.docs
            if d.kind == "sentence" and d.order == doc.order + 1 and d.paragraph == doc.paragraph
        ),
        None,
    )
    if following is None or not _names_another(ctx, following):
        return None
    stems = {stem(w) for w in following.words}
    more = frozenset(w for w in topic - hit.matched if _stands_for(w) & stems)
    if not more or len((hit.matched | more) & topic) * 2 < len(topic):
        return None
    return Hit(following, hit.score, hit.matched | more, hit.weak)


def _read_on(ctx: Context, best: Hit, topic: set[str]) -> Doc | None:
    """When the passage found gives no figure, the sentence just after it that does and that
    shares a word of the question, as a reader reads on ("Flanagan had to duck into a
    porta-potty." ... "Linden slowed to wait for Flanagan's stop, timed ... in 13.86 seconds")."""
    doc = best.doc
    if doc.kind != "sentence" or _DIGIT.search(doc.text):
        return None
    wanted = {stem(w) for w in topic - MEASURES - best.matched}
    for later in ctx.text.docs:
        if (
            later.kind == "sentence"
            and doc.order < later.order <= doc.order + 3
            and later.paragraph <= doc.paragraph + 1
            and _DIGIT.search(later.text)
            and wanted & {stem(w) for w in later.words}
        ):
            return later
    return None


def _prefer(hits: list[Hit], wanted: Callable[[Hit], bool], share: float = 0.6) -> list[Hit]:
    """The best hit that has what the question wants first, if it ranks near the best."""
    good = next((h for h in hits if wanted(h)), None)
    if good is None or good is hits[0] or good.score < share * hits[0].score:
        return hits
    return [good, *(h for h in hits if h is not good)]


def _names_another(ctx: Context, doc: Doc) -> bool:
    """Whether a passage names a person (or a name-like word) the question did not."""
    asked = {a.key for a in ctx.athletes} | set(ctx.people)
    if doc.about - asked:
        return True
    named = set(ctx.reading.words) | {w for a in ctx.athletes for w in words_of(a.name)}
    return bool(doc.proper - named - {"i"})


def _asks_clock(reading: Reading) -> bool:
    return (
        reading.form in ("what", "which", "other")
        and "when" not in reading.words  # "slowest winning time since when": a year
        and bool(CLOCK_WORDS & set(reading.topic))
    )


def _figure_not_given(ctx: Context) -> Fit:
    words = ctx.reading.topic
    # weaker than any kind that works the figure out ("his second half split")
    return Fit("unknown", NotCovered(words, ctx.race.name), frozenset(words), -0.5, kind="unknown")


_POINT_TEXT = re.compile(
    r"\b(?:\d+(?:\.\d+)?[\s-]?(?:k|km|kilomet\w*|mi|miles?)\b|half[- ]?way|midway|miles? \d+"
    r"|(?:final|last|closing) (?:mile|kilomet\w*|stretch|straight|stages|\d+)"
    r"|(?:one|two|three|four|five|six|seven|eight|nine|ten|\d+) (?:miles|kilomet\w*) "
    r"(?:left|to go|to run|remaining))",
    re.I,
)
"""Where in a race something happened: "after 30km", "in miles 24 and 25", "the final mile"."""
_POINT = re.compile(r"^(?:\d+(?:k|km|mi|miles?)|halfway|midway|half|mile|miles|km)$")
"""A point of the course: "30k", "halfway", "mile" (in "what was her 30k split")."""


_GOING = frozenset("run runs ran running go goes going went do does did doing".split())
"""How anyone covers ground: no subject of a figure ("what pace was the pack running")."""


def _clock_subject(reading: Reading) -> set[str]:
    """What the figure asked for is of: "halfway" in "what was the halfway split"."""
    return {w for w in reading.topic if w not in CLOCK_WORDS and w not in _GOING}


def _found_of(hit: Hit, subject: set[str]) -> set[str]:
    """The subject words a passage was found by, when it has two or more of them ("qualify"
    and "mgc", not the "need" of "what time did u need to qualify for the mgc")."""
    found = subject & (hit.matched - hit.weak)
    return found if len(found) >= 2 else subject


def _one_figure_of(hit: Hit, subject: set[str]) -> bool:
    """A sentence that names what the figure is of in the question's own words and gives one
    clock figure: that figure, however far ("down to five by the halfway mark, with ... at
    1:11:39")."""
    own = hit.matched - hit.weak
    return bool(subject) and subject <= own and len(_CLOCK_FIGURE.findall(hit.doc.text)) == 1


def _figure_beside(text: str, subject: set[str], reach: int = 50) -> bool:
    """Whether a clock figure stands within ``reach`` characters of every subject word (or a
    word it stands for: "through the half in 1:01:05" for "halfway"); of a point of the race
    asked, of the point alone ("halfway split for the lead pack": "the half in 1:01:05")."""
    subject = {w for w in subject if _POINT.match(w)} or subject
    text = _NOT_HALFWAY.sub(lambda m: " " * len(m.group()), text)  # (same places)
    for m in _CLOCK_FIGURE.finditer(text):
        near = {stem(w) for w in words_of(text[max(0, m.start() - reach) : m.end() + reach])}
        if all(near & _stands_for(word) for word in subject):
            return True
    return False


_NOT_HALFWAY = re.compile(
    r"\bhalf(?:[- ]a)?[- ]mile\b|\bhalf[- ]marathon\b(?!\s+(?:mark|point|split|in\b))", re.I
)
"""A half that is no halfway point: "with a half mile to go", "the New York half marathon"."""


def _stands_for(word: str) -> set[str]:
    return {stem(word)} | {stem(s) for s in SYNONYMS.get(word, ())}


def time_told_then(ctx: Context) -> Fit | None:
    """ "what did she run back then", after a sentence telling her win two years ago in 2:22:44:
    the one time that sentence gives of her, which is not this race's."""
    reading = ctx.reading
    if not ctx.leaned_on or len(ctx.athletes) != 1 or "then" not in reading.words:
        return None
    if not TIME_ASKED & set(reading.words):
        return None
    athlete = ctx.athletes[0]
    for doc in ctx.text.docs:
        if doc.source not in ctx.leaned_on or athlete.key not in doc.about:
            continue
        told = [c[0] for c in clock_figures(doc.text) if len(c) == 1 and c[0] != athlete.time]
        if len(told) == 1:
            explained = frozenset(w for w in reading.topic if w in TIME_ASKED or w == "then")
            return Fit("fact", TextFound((passage_of(doc),)), explained, 1.5,
                       athletes=(athlete,), sources=(doc.source,), facts=(doc.text,))  # fmt: skip
    return None


MOVE_ASKED = frozenset(
    """move moves break broke breakaway drop dropped pull pulled attack attacked surge surged
    kick kicked go went escape escaped separate separated away clear gap""".split()
)
"""Words asking of a decisive moment: "when did he make his move", "when did she drop them"."""
_MOVE_TOLD = re.compile(
    r"\b(?:surg\w*|(?:broke|break\w*) (?:away|clear|free|from)|breakaway|pull\w* (?:away|clear)|"
    r"clear of|went clear|attack\w*|"
    r"(?:out)?kick\w*|accelerat\w*|sped|speed\w* up|inject\w*|forg\w* ahead|emerged|"
    r"(?:turn|turned) on the jets|open\w* (?:up )?(?:an? |the )?(?:gap|advantage|lead)|dropp\w*|"
    r"shook|shake|shaken|made (?:his|her|their|a|the) (?:move|break)|burst|"
    r"took (?:the )?lead|took over|took control|moved (?:into|to) the (?:front|lead)|"
    r"(?:ran|running) alone|solo|separat\w*|tested|test the)\b",
    re.I,
)
"""How a report tells a runner's decisive moment: "turned on the jets", "broke clear", "sped
up", "opened a gap"."""


def moment(ctx: Context) -> Fit | None:
    """ "when did gezahegn make his move": the sentence about the runner that tells a decisive
    moment and where it came ("turned on the jets in the final 5K")."""
    reading = ctx.reading
    asked = set(reading.free) & MOVE_ASKED
    if reading.form != "when" or not asked or not 1 <= len(ctx.athletes) <= 2:
        return None
    mover = ctx.athletes[0]
    keys = {a.key for a in ctx.athletes}
    pronoun = {"F": "she", "M": "he"}.get(mover.gender or "")
    told: dict[int, tuple[bool, int, int]] = {}  # by doc: its rank
    docs = [d for d in ctx.text.docs if d.kind == "sentence"]
    last: tuple[int, str | None] = (-1, None)  # who the paragraph named last, for "she"
    for n, d in enumerate(docs):
        before = last[1] if last[0] == d.paragraph else None
        for m in _MOVE_TOLD.finditer(d.text):
            who = _done_by(ctx, d, m.start())
            if who is None and before == mover.key and pronoun in d.words:
                who = mover.key  # "Surging ahead at around 38 kilometers she set ..."
            if who != mover.key:
                continue
            # the point told nearest the move, one after it before one before ("surging ahead at
            # around 38 kilometers", not "through 30km before she decided to test them")
            points = [p.start() - m.end() if p.start() >= m.end() else 2 * (m.start() - p.end())
                      for p in _POINT_TEXT.finditer(d.text)]  # fmt: skip
            gap = min((g for g in points if g <= 120), default=None)
            if gap is not None:
                rank = (not keys <= d.about, gap, d.order)
                told[n] = min(told.get(n, rank), rank)
        last = (d.paragraph, _done_by(ctx, d, len(d.text)) or before)
    if not told:
        return None
    # both runners asked named before one, then the move told nearest its point
    at = min(told, key=lambda n: told[n])
    chosen = [docs[at]] if mover.key in docs[at].about else docs[at - 1 : at + 1]  # (who "she" is)
    explained = frozenset(w for w in reading.topic if w in MOVE_ASKED or w in ("make", "made"))
    return Fit("fact", TextFound(tuple(passage_of(d) for d in chosen)), explained, 1.0,
               athletes=(mover,), sources=tuple(d.source for d in chosen),
               facts=tuple(d.text for d in chosen))  # fmt: skip


def _done_by(ctx: Context, doc: Doc, at: int) -> str | None:
    """The runner a verb at ``at`` is told of: the one named last before it ("another surge
    from Matsuda at 37 km": the one named just after a noun of it)."""
    named = [(start, key) for start, _, key in named_at(ctx.race, doc.about, doc.text)]
    before = [n for n in named if n[0] < at]
    if before:
        return max(before)[1]
    after = [n for n in named if at < n[0] <= at + 25]  # "a surge from Matsuda"
    return min(after)[1] if after else None


def quotes(ctx: Context) -> Fit | None:
    """What someone said, about what the question asks when it names a topic."""
    reading = ctx.reading
    if not reading.asks_quote:
        return None
    speakers = [a.key for a in ctx.athletes] + list(ctx.people)
    names = [a.name for a in ctx.athletes] + list(ctx.people_names)
    if not speakers:
        return None
    topic = _words(ctx)
    if len(speakers) > 1:  # "what did linden tell flanagan": the first speaks, of the others
        topic += [w for n in names[1:] for w in words_of(n)]
        topic += [w for w in reading.words if w in TOLD_WORDS]  # "I told her ..."
        speakers, names = speakers[:1], names[:1]
    said = [d for d in ctx.text.docs if d.kind == "quote" and d.by in speakers]
    if not said and len(speakers) == 1 and ctx.athletes and not _names_someone_else(ctx):
        return _reported(ctx, ctx.athletes[0], topic)
    if not said:
        return None
    hits = ctx.text.search(topic, kinds=["quote"], by=speakers, limit=2) if topic else []
    hits = [h for h in hits if h.score >= MIN_SCORE] or _said_after(ctx, topic, said)
    chosen = [h.doc for h in hits] or said
    explained = hits[0].matched if hits else frozenset()
    if hits:
        chosen = [hits[0].doc]
    speaker = names[speakers.index(chosen[0].by)] if chosen[0].by in speakers else names[0]
    quoted = tuple(Passage(d.text, d.source, (d.by or "",)) for d in chosen[:3])
    said_words = frozenset(w for w in reading.topic if w in QUOTE_WORDS)
    return Fit(
        "quote",
        Said(speaker, quoted, tuple(topic)),
        explained | said_words,
        1.5,
        athletes=tuple(a for a in ctx.athletes if a.key == chosen[0].by),
        sources=tuple(d.source for d in chosen[:3]),
        facts=tuple(d.text for d in chosen[:3]),
    )


_REPORTED = (
    r"(?:said|says|told|tells|added|believes|believed|maintained|insisted|admitted|explained|"
    r"revealed|reckons|reckoned|stated|wrote)"
)
"""A verb that tells what someone said without quoting them: "Kipruto maintained his result was
an encouraging sign"."""


def _names_someone_else(ctx: Context) -> bool:
    """Whether the question names, in full, someone of the report who did not run ("dan
    salpeter", not the runner Lonah Chemtai Salpeter)."""
    asked = set(ctx.reading.words)
    return any(set(words_of(p.name)) <= asked for p in ctx.race.people)


def _reported(ctx: Context, athlete: Athlete, topic: list[str]) -> Fit | None:
    """What a runner said as the report tells it, when it quotes none of their words: a
    sentence with their name as the one saying it ("Kipruto maintained ...", "said Kipruto")."""
    surname = re.escape(athlete.name.split()[-1])
    saying = re.compile(
        rf"\b{surname}\b(?:,?\s+\S+){{0,4}}?,?\s+{_REPORTED}\b(?!\s+(?:a|an|another)\b)"
        rf"|\b{_REPORTED}\s+(?:\S+\s+)?{surname}\b",  # (not "added a world gold")
        re.I,
    )
    speaker = athlete.key
    told = [
        d
        for d in ctx.text.docs
        if d.kind == "sentence" and speaker in d.about and saying.search(d.text)
    ]
    if not told:
        return None
    hits = ctx.text.search(topic, about=[speaker], kinds=["sentence"], limit=5) if topic else []
    ranked = [h.doc for h in hits if h.doc in told and h.score >= MIN_SCORE]
    chosen = (ranked or told)[:2]
    explained = next((h.matched for h in hits if h.doc is chosen[0]), frozenset())
    passages = tuple(passage_of(d) for d in chosen)
    said_words = frozenset(w for w in ctx.reading.topic if w in QUOTE_WORDS)
    athletes = tuple(a for a in ctx.athletes if a.key == speaker)
    return Fit("fact", TextFound(passages), explained | said_words, 1.5, athletes=athletes,
               sources=tuple(p.source for p in passages),
               facts=tuple(p.text for p in passages))  # fmt: skip


def _said_after(ctx: Context, topic: list[str], said: list[Doc]) -> list[Hit]:
    """A quote on the topic told by the sentence it stands in or the one just before it
    ("winning $45,000 ..." before “the 45K was the most important goal”), when no quote has its
    words."""
    if not topic:
        return []
    sentences = [d for d in ctx.text.docs if d.kind == "sentence"]
    # where each quote stands: the first sentence of the report's words that hold it
    where = {
        id(quote): min((d.order for d in sentences if d.text in (quote.source or "")), default=None)
        for quote in said
    }
    for hit in ctx.text.search(topic, kinds=["sentence"], limit=3):
        if hit.score < MIN_SCORE or hit.weak:
            continue
        for quote in said:
            order = where[id(quote)]
            if order is not None and 0 <= order - hit.doc.order <= 1:
                return [Hit(quote, hit.score, hit.matched, hit.weak)]
    return []


FIELD_WORDS = frozenset(
    """ran run runners people ppl finishers finished finish started starters entrants entered
    participants competitors athletes field took""".split()
)
FINISHED_WORDS = frozenset("finished finishers finish finishing completed crossed".split())
_COUNTED = re.compile(
    r"\b(\d{1,3}(?:[,.\s]\d{3})+|\d{3,6})\s+(?:\w+\s+)?(?:runners|finishers|participants|"
    r"entrants|athletes|people|starters|competitors)\b"
)


def field_size(ctx: Context) -> Fit | None:
    """ "how many people ran it?": a count of runners the report states."""
    reading = ctx.reading
    words = set(reading.words)
    if reading.form != "how_many" or not words & FIELD_WORDS or ctx.athletes:
        return None
    finishers = bool(words & FINISHED_WORDS)  # "how many finished": not how many started
    for doc in ctx.text.docs:
        m = _COUNTED.search(doc.text)
        if m and finishers and not FINISHED_WORDS & set(words_of(doc.text)):
            continue  # "about 38,000 runners competed" does not say how many finished
        if m:
            explained = frozenset(w for w in reading.topic if w in FIELD_WORDS)
            return Fit("count", Count(m.group(1), doc.text), explained, 1.0,
                       sources=(doc.source,))  # fmt: skip
    return None


REASON_CUES = frozenset(
    """because as due since forced suffered injury injured cramp cramps struggled
    struggling conditions wind rain cold heat hot humid ill illness sick blister hamstring calf
    knee stomach tired pain aid help bid attempt order aim aimed hoping hope wanted plan reason
    reasons health flu virus focus motivated motivation inspired driven suspension suspended
    ban banned doping explained explains explaining owing caused result resulted""".split()
)
"""Words that give a reason: causal connectives ("because", "due", "owing"), an explanation
told ("he explained"), and the usual causes in a race (an injury, the heat, a plan)."""


def _gives_reason(text: str) -> bool:
    return bool(REASON_CUES & set(words_of(text)))


def _why_of(ctx: Context, about: list[str]) -> Fit:
    """ "why tho?" about someone, with no other word: a passage about them giving a reason, or
    that my source gives none (and what it does say of them)."""
    docs = [d for d in ctx.text.docs if set(about) & d.about and d.kind != "quote"]
    reasoned = next((d for d in docs if _gives_reason(d.text)), None)
    if reasoned is None:
        said = passage_of(docs[0]) if docs else None
        found = NotSaid((), ctx.race.name, "why", said)
        return Fit("unknown", found, frozenset(), 0.5, kind="unknown",
                   sources=(said.source,) if said else ())  # fmt: skip
    passage = passage_of(reasoned)
    return Fit("fact", TextFound((passage,)), frozenset(), 1.0, sources=(passage.source,),
               facts=(passage.text,))  # fmt: skip


def _answers(ctx: Context, hit: Hit, form: str) -> bool:
    if form == "who":  # on one word alone, a name must stand beside it (but "who was still
        # with ekiru at half": anyone else the passage at that point names)
        at_point = any(POINT_WORD.match(w) for w in hit.matched)
        return _names_another(ctx, hit.doc) and (
            len(hit.matched) > 1 or at_point or _name_beside(ctx, hit)
        )
    return _gives_reason(hit.doc.text)


NAME_REACH = 6
"""Words between a name and what the question asks of it ("pacemaker Josphat Boit")."""


def _name_beside(ctx: Context, hit: Hit) -> bool:
    """Whether a name the question did not give stands near a word it asks about: "who were
    the pacemakers" is not answered by the three runners who broke away "with two pacemakers"."""
    asked = set(ctx.reading.words) | {w for a in ctx.athletes for w in words_of(a.name)}
    wanted = {s for w in hit.matched for s in _stands_for(w)}
    tokens = hit.doc.text.split()
    named = {  # the names of those the passage is about, wherever they stand
        w for k in hit.doc.about if (a := ctx.race.athletes.get(k)) for w in words_of(a.name)
    }
    names, topics = [], []
    for i, token in enumerate(tokens):
        words = words_of(token)
        after_start = i and not tokens[i - 1].endswith((".", ":", "“", '"'))
        if token[:1].isupper() and (after_start or set(words) & named) and set(words) - asked:
            names.append(i)  # "Chumba was the first to break": a name, though it opens
        pair = words_of(f"{tokens[i - 1]} {token}") if i else []  # "miles 24": "24mi"
        if {stem(w) for w in (*words, *pair)} & wanted:
            topics.append(i)
    if any(abs(n - t) <= NAME_REACH for n in names for t in topics):
        return True
    # a list after a colon gives who the words before it ask for: "At the midway point (1:03:55)
    # only 5 remained in contention: Desisa, Kitata and ..."
    colon = next((i for i, token in enumerate(tokens) if token.endswith(":")), None)
    return colon is not None and any(t <= colon for t in topics) and any(n > colon for n in names)


def _not_said(ctx: Context, words: list[str], best: Hit | None, asked: str) -> Fit:
    """ "why did rupp drop out?" when no passage gives a cause, "who paced kosgei?" when none
    names anyone: say so, never a neighbour, and what my source does say of it when a passage
    explains the question's words."""
    topic = frozenset(w for w in words if w in ctx.reading.topic)
    said = _passage(best) if best is not None and topic <= best.matched else None
    found = NotSaid(tuple(words), ctx.race.name, asked, said)
    sources = (said.source,) if said is not None else ()
    # no structured answer gives a reason; but one may well say who ("who made the podium")
    strength = 0.5 if asked == "why" else -0.5
    return Fit("unknown", found, topic, strength, kind="unknown", sources=sources)


def other_year(ctx: Context) -> Fit | None:
    """ "hug's time last year", "how did linden do in 2011": what the report says of that year."""
    reading, race = ctx.reading, ctx.race
    if race.info.year is None or not ctx.athletes:
        return None
    text = " ".join(reading.words)
    # "how did last year's winner do": the year names the athlete, it asks of this race
    naming = ctx.description.stems if ctx.description is not None else frozenset()
    years = [
        w
        for w in reading.words
        if w.isdigit() and len(w) == 4 and int(w) != race.info.year and w not in naming
    ]
    asks_last_year = "last year" in text and not {"last", "year"} <= naming
    # "who beat her in 2017", asked of the 2018 race: also what the report says of "last year"
    asks_last_year |= str(race.info.year - 1) in years
    last_year = ["last year", str(race.info.year - 1)] if asks_last_year else []
    phrases = [*years, *last_year]  # "last year": also the year before, as a report may write it
    if not phrases:
        return None
    keys = {a.key for a in ctx.athletes}
    docs = [
        d for d in ctx.text.docs if keys & d.about and any(p in " ".join(d.words) for p in phrases)
    ]
    docs.sort(key=lambda d: not any(y in d.words for y in years))  # the year as asked first
    if CLOCK_WORDS & set(reading.topic):  # "chumba's winning time last year": a time of then,
        # not one of this race's (his or a rival's named beside it)
        def then(doc: Doc) -> bool:
            now = {a.time for k in doc.about if (a := race.athletes.get(k)) is not None}
            return _figure_near(doc.text, phrases, now)

        docs.sort(key=lambda d: not then(d))
    for doc in docs:
        if doc.text:
            explained = frozenset(w for w in reading.topic if w in doc.words or w in phrases)
            return Fit("fact", TextFound((passage_of(doc),)), explained | {"year"}, 1.0,
                       athletes=tuple(ctx.athletes), sources=(doc.source,),
                       facts=(doc.text,))  # fmt: skip
    return None


def _figure_near(text: str, phrases: list[str], now: set[float | None], reach: int = 25) -> bool:
    """Whether a clock time other than those of this race stands beside one of ``phrases``."""
    lowered = text.lower()
    for phrase in phrases:
        for at in (m.start() for m in re.finditer(re.escape(phrase), lowered)):
            for m in _CLOCK_FIGURE.finditer(text[max(0, at - reach) : at + len(phrase) + reach]):
                try:
                    value = parse_duration(m.group(0))
                except DurationError:
                    continue
                if value not in now:
                    return True
    return False


def passage_of(doc: Doc) -> Passage:
    return Passage(doc.text, doc.source, tuple(sorted(doc.about)))


_IN_PLACE = re.compile(r"^\s*\w*\s*(?:in|at)\s+(?:the\s+)?([A-Z][\w.]*(?:\s+[A-Z][\w.]*)*)")


def _elsewhere(after: str, race_words: set[str]) -> bool:
    """Whether ``after`` (the words after a count) places it at another race ("a 2-time winner
    in Boston") or names another one ("the three-time Olympic champion")."""
    m = _IN_PLACE.match(after)
    if m is not None and not set(words_of(m.group(1))) & race_words:
        return True
    clause = re.split(r"[.,;:!?]", after, maxsplit=1)[0].split()[:4]
    named = [w for w in clause if w[:1].isupper()]
    return bool(named) and not any(set(words_of(w)) & race_words for w in named)


TITLE_WORDS = frozenset("wins win won titles title victories victory crowns crown".split())
_TIMES = re.compile(r"\b(\w+)-time\b", re.I)
_LATER = r"second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th)"
"""An ordinal after the first, in words or figures."""
_ORDINAL = rf"({_LATER})"
_NTH = re.compile(rf"\b{_ORDINAL}\s+(?:\w+\s+){{0,2}}(?:title|win|victory|crown)", re.I)
_NTH_TIME = re.compile(rf"\bfor the {_ORDINAL} time\b", re.I)


def title_count(ctx: Context) -> Fit | None:
    """ "how many boston wins does she have now?": a count the report gives ("her fifth title",
    "a hat-trick of titles", "the five-time champion")."""
    reading = ctx.reading
    words = set(reading.words)
    if reading.form != "how_many" or not words & TITLE_WORDS or len(ctx.athletes) != 1:
        return None
    athlete = ctx.athletes[0]
    for doc in ctx.text.docs:
        if athlete.key not in doc.about:
            continue
        # "for the second time after 2015 Gladys Cherono took...": her name, no other race
        count = _count_in(doc.text, _race_words(ctx) | set(words_of(athlete.name)))
        if count is not None:
            explained = frozenset(w for w in reading.topic if w in TITLE_WORDS | {"now"})
            return Fit("count", Titles(athlete, count, doc.text), explained | {"many"}, 1.0,
                       athletes=(athlete,), sources=(doc.source,))  # fmt: skip
    return None


_NTH_OF_RACE = re.compile(
    r"\b\d{1,3}(?:st|nd|rd|th)\s+(?:annual\s+|edition\s+of\s+(?:the\s+)?)?((?:[A-Z][\w'’.-]*\s+){1,4})"
)
"""An edition told by its number before the race's name: "the 73rd Fukuoka Marathon"."""


def edition(ctx: Context) -> Fit | None:
    """ "which edition of fukuoka was this": the number the report gives the race."""
    if "edition" not in ctx.reading.words:
        return None
    here = _race_words(ctx)
    for doc in ctx.text.docs:
        if doc.kind != "sentence":
            continue
        for m in _NTH_OF_RACE.finditer(doc.text):
            if set(words_of(m.group(1))) & here:
                return Fit("fact", TextFound((passage_of(doc),)), frozenset({"edition"}), 1.5,
                           sources=(doc.source,), facts=(doc.text,))  # fmt: skip
    return None


def _race_words(ctx: Context) -> set[str]:
    """The words that name this race ("new york", "nyc", "big apple"...)."""
    info = ctx.race.info
    names = [info.name, info.official_name or "", info.city or "", *info.aliases]
    return {w for name in names for w in words_of(name) if not w.isdigit()}


def _count_in(text: str, race_words: set[str]) -> int | None:
    """A count of titles the text gives, unless it names another race beside it ("a 2-time
    winner in Boston", asked about New York)."""
    if "hat-trick" in text.lower() or "hat trick" in text.lower():
        return 3
    for pattern in (_NTH, _NTH_TIME, _TIMES):
        m = pattern.search(text)
        if m and _elsewhere(text[m.end() : m.end() + 30], race_words):
            continue
        if m:
            word = m.group(1).lower()
            number = ORDINALS.get(word) or NUMBER_WORDS.get(word)
            if number is None and word[:-2].isdigit():
                number = int(word[:-2])
            if number is None and word.isdigit():
                number = int(word)
            if number:
                return number
    return None


PAST_WORDS = frozenset("previously previous ever past prior earlier already history career".split())
"""Words that ask of a runner's races before this one ("has bekele won berlin before?")."""
TAG_WORDS = frozenset("right yeah yes eh no too already tho though".split())
"""Words that end a statement asked as a question: "desisa won boston before right?"."""
ATTEMPT_WORDS = frozenset("go try attempt shot crack outing appearance time marathon".split())
"""After an ordinal, a count of tries, not a place: "was this desisa's 1st go at nyc"."""
_ANY_ORDINAL = rf"(?:first|{_LATER})"
"""An ordinal, in words or figures: "second", "5th"."""


def _ordinal_pattern(n: int) -> str:
    """An ordinal in any of its spellings: "(?:first|1st)"."""
    words = [w for w, value in ORDINALS.items() if value == n and " " not in w]
    return "(?:" + "|".join([*words, rf"{n}(?:st|nd|rd|th)"]) + ")"


_PAST_TEXT = re.compile(
    rf"{_YEAR.pattern}|\blast (?:\w+ )?(?:years?|time|marathons?|races?|month|week)\b"
    r"|\bprevious(?:ly)?\b|\bbefore\b"
    r"|\bearlier\b|\bdebut\w*|\bformer\b|\bago\b|\bhad (?:won|finished|run|been|never)\b"
    rf"|\b\w+-time\b|\b{_ANY_ORDINAL}(?:[- ]ever)? "
    r"(?:try|attempt|time|title|win|appearance|outing|marathon)\b",
    re.I,
)
"""What a report says of a runner's past: a year gone by, "previously", "a 2-time winner",
"on his fifth try", "her debut"."""
_TRIED = re.compile(
    rf"\b(?:try|tries|attempts?|debut\w*|{_ANY_ORDINAL}(?:[- ]ever)? (?:time|marathon))\b", re.I
)
"""A try counted or a first one: what "was this his 1st go" is answered by."""
_FIRST_ONE = re.compile(r"\b(?:first (?:time|marathon)|debut\w*)\b", re.I)
"""A first one: what "had she ever won a marathon before" is answered by."""


def history(ctx: Context) -> Fit | None:
    """ "has bekele won berlin before?", "was this desisa's 1st go at nyc", "when was her first
    win", "how did aga do in her marathons before this one": what the report says of the
    runner's past races."""
    reading = ctx.reading
    if len(ctx.athletes) != 1 or reading.form == "why":
        return None
    if set(reading.topic) & {"pb", "pr", "best", "record", "records"}:
        return None  # "milaw's pb before this race": the records' to answer
    words = reading.words
    past = [w for w in words if w in PAST_WORDS]
    here = _race_words(ctx)
    if "before" in words:  # "before this one", "before ny": not "who finished before farah"
        rest = [w for w in words[words.index("before") + 1 :] if w not in TAG_WORDS]
        ends = {"this", "that", "then", "now", "today", "which", "what", "when", "how", "who"}
        ends |= {"didnt", "hasnt", "hadnt", "wasnt", "isnt", "did", "has", "had", "was"}  # a tag
        if not rest or rest[0] in ends | here:  # (or a next question begins: "which years")
            past.append("before")  # ("won boston before right?": a tag asks nothing more)
    tried = [  # "1st go", "which attempt", "her first boston"
        (w, words[i + 1])
        for i, w in enumerate(words[:-1])
        # (an ordinal, not a role: "winner chicago 2016" asks this race's winner; "what time"
        # asks a clock)
        if ((ordinal_of(w) is not None and w not in ROLE_WORDS) or w in ("which", "what"))
        and (words[i + 1] in ATTEMPT_WORDS | TITLE_WORDS or words[i + 1] in here)
        and (w, words[i + 1]) != ("what", "time")
    ]
    tries = [noun for _, noun in tried]
    # "when was his first win": "his first win came in 2017", the try asked in its words
    phrases = [
        re.compile(rf"\b{_ordinal_pattern(n)} {re.escape(noun)}", re.I)
        for w, noun in tried
        if (n := ordinal_of(w)) is not None
    ]
    if not past and not tries:
        return None  # "when did he win": this race; "when was her first win": her past;
        # "when did kipsang win nyc before": his past
    athlete = ctx.athletes[0]
    asked = [w for w in reading.topic if w not in PAST_WORDS | ATTEMPT_WORDS and w not in past]
    if tries:  # "1st go": a try counted ("on his fifth try"), or a first one ("her debut")
        asked += ["try", "attempt", "debut"]
    docs = [  # what the report tells of their past, not their own words
        d
        for d in ctx.text.docs
        if athlete.key in d.about and d.kind != "quote" and _PAST_TEXT.search(d.text)
    ]
    if not docs:
        return None
    hits = {id(h.doc): h for h in ctx.text.search(asked, about=[athlete.key], limit=20)}
    ever = "ever" in words  # "had she ever won one before": a first one answers it

    def fit(doc: Doc) -> float:  # what the question asks, then how much of the past it tells
        hit = hits.get(id(doc))
        told = min(len(_PAST_TEXT.findall(doc.text)), 3)
        return (
            2 * len(hit.matched if hit else ())
            + told
            + (4 if tries and _TRIED.search(doc.text) else 0)
            + (2 if ever and _FIRST_ONE.search(doc.text) else 0)  # "winning her first marathon"
            + (4 if any(p.search(doc.text) for p in phrases) else 0)
            + (1 if reading.form == "when" and _YEAR.search(doc.text) else 0)
            - (0.5 if _said(doc) else 0)  # the report's words before someone's own
        )

    best = max(docs, key=fit)
    matched = hits[id(best)].matched if id(best) in hits else frozenset()
    explained = frozenset(past) | frozenset(tries) | (matched & set(reading.topic))
    passage = passage_of(best)
    return Fit("fact", TextFound((passage,)), explained, 1.0, athletes=(athlete,),
               sources=(passage.source,), facts=(passage.text,))  # fmt: skip
