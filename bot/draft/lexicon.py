"""Word lists and patterns the report reader uses (no names or facts of any particular race)."""

from __future__ import annotations

import re

from bot.engine.countries import _COUNTRIES, Country

NUMBER_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
}  # fmt: skip
_UNITS = "one|two|three|four|five|six|seven|eight|nine"
_NUM = (
    r"(?:\d+|(?:twenty|thirty|forty|fifty)(?:-(?:" + _UNITS + r"))?|zero|one|two|three|four|five|"
    r"six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|"
    r"eighteen|nineteen)"
)
NUM = _NUM
_HOURS = rf"\b{_NUM}\s+(?:hours?|hrs?)\b"
_MINUTES = rf"{_NUM}\s+(?:minutes?|mins?)\b"
_SECONDS = rf"{_NUM}\s+(?:seconds?|secs?)\b"
_SEP = r",?\s*(?:and\s+)?"

WORD_TIME = rf"{_HOURS}(?:{_SEP}{_MINUTES})?(?:{_SEP}{_SECONDS})?"
CLOCK = r"(?<![\d:.])\d{1,2}:[0-5]\d:[0-5]\d(?:\.\d{1,2})?(?!\d|[:.]\d)"
PRESS = r"(?<![\d:.])\d:[0-5]\d\.[0-5]\d(?!\d|[:.]\d)"
SHORT = r"(?<![\d:.])\d{1,2}:[0-5]\d(?:\.\d)?(?!\d|[:.]\d)"
TIME_RE = re.compile(
    rf"(?P<word>{WORD_TIME})|(?P<clock>{CLOCK})|(?P<press>{PRESS})|(?P<short>{SHORT})"
    # "crossed the finish line in 29 minutes and 59 seconds" (a 10K): minutes and seconds in
    # words count only right after a finish ("in", "a time of", "clocked")
    rf"|(?:(?<=\bin )|(?<=\bof )|(?<=ked ))(?P<minutes>{_MINUTES}{_SEP}{_SECONDS})"
    r"(?!\s+(?:behind|ahead|back|off|faster|slower|clear|later|earlier|quicker|outside|inside|"
    r"short|adrift|down|up))",
    re.IGNORECASE,
)
_APPROX = (
    r"(?:nearly|almost|just under|just over|about|around|roughly|approximately|more than|"
    r"less than|over|under|just|some|a little over|a little under)"
)
AMOUNT_RE = re.compile(
    rf"(?:(?P<approx>{_APPROX})\s+)?(?P<amount>(?:{_NUM}|a|an|half an?)\s+"
    rf"(?:minutes?|mins?|seconds?|secs?|hours?)\b(?:{_SEP}{_SECONDS})?|\d+(?:\.\d+)?\s*s\b)",
    re.IGNORECASE,
)

ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20,
}  # fmt: skip
ORDINAL_RE = re.compile(
    r"\b(?P<ord>" + "|".join(ORDINALS) + r"|[1-9]\d{0,3}(?:st|nd|rd|th))\b(?P<after>[^.;]{0,24})",
    re.IGNORECASE,
)
# The word after an ordinal that makes it a place in the race ("third in 2:05:48", "second ahead
# of", "eighth place"); anything else ("third Kenyan", "second half") is not a place.
PLACE_AFTER = re.compile(
    r"^(?:\s*(?:[,.;:)(]|$)|-plac(?:e|ed)\s+finish|\s+(?:place|position|spot|in|ahead|behind|"
    r"with|and|at|after|to|on|"
    r"overall|while|as|for|but|across|just|some|more|less|over|despite|having|\d|one|two|three|"
    r"four|five|six|seven|eight|nine|ten|a\s+(?:few|couple)|nearly|almost|about))",
    re.IGNORECASE,
)
PLACE_NOT_AFTER = re.compile(
    r"^\s+(?:in\s+(?:\d{4}|the\s+(?:world|history|race\s+history|standings))|at\s+[A-Z]|"
    r"on\s+the\s+(?:[\w’'-]+\s+){0,4}list|fastest|all-time|"
    r"and\s+(?:fourth|fifth|third|second|sixth)\s+(?:last|in)\b)",
)

SAY_VERBS = (
    r"said|says|told|added|explained|noted|quipped|admitted|insisted|continued|recalled|"
    r"reflected|declared|commented|remarked|stated|joked|revealed|acknowledged|conceded|"
    r"confirmed|replied|tweeted|wrote|smiled|laughed|beamed|enthused|exclaimed|reckoned|"
    r"observed|sighed|cried|shouted|announced|went on"
)
SAY_RE = re.compile(rf"\b(?:{SAY_VERBS})\b", re.IGNORECASE)

TITLES = {"sir", "dame", "dr", "mr", "mrs", "ms", "miss", "lord", "lady", "prof"}
PARTICLES = {"van", "von", "de", "der", "den", "di", "da", "del", "la", "le", "du", "bin", "el",
             "al", "ter", "ten", "dos", "das", "st"}  # fmt: skip

# Capitalised words that never start or make up a person's name in a race report.
NOT_NAMES = frozenset(
    """
    a an and as at after also although another around before behind being both but by despite
    during each earlier either even for from further he her here his however i if in into it its
    later last like meanwhile much neither no nor not now of on once only or our over she since
    so still than that the their then there these they this those though through to under
    unlike until up we when where whereas which while who whose with yet you your my me him
    they're it's i'm i've i'd we're let's running shortly fewer completing regarding former
    multiple defending reigning olympic olympics olympian world worlds championship championships
    games gold silver bronze label road race races racing series major majors marathon marathons
    half university college club track team athletics federation association sunday monday
    tuesday wednesday thursday friday saturday january february march april may june july august
    september october november december money bank virgin city park street hill bridge mile press
    associated news report capital daily times post sport sports gate tower hall avenue square
    river lake stadium mall commonwealth european african asian diamond league cup grand prix
    festival country trials trial trio quartet duo men women men's women's mens womens
    elite wheelchair wheelchairs division divisions event events record records photo getty
    images reuters afp ap gmt bst utc am pm km mile miles kilometres kilometers tv radio
    national international capital weekend homes series classic
    pacemaker pacemakers champion champions winner winners debutant rio tokyo boston berlin london
    chicago new york paris vienna dubai rotterdam valencia amsterdam frankfurt houston seoul
    osaka nagoya fukuoka hamburg seville lisbon prague sydney beijing doha eugene oregon
    island islands county province state valley mountain mountains coast bay beach point port
    fort saint road airport centre center institute ministry government police council
    portland newton heartbreak maryland california texas florida windy final finish start
    strong mild heavy cold hot wet mist rain sun wind one two three four five six seven eight
    nine ten first second third fourth fifth sixth seventh eighth ninth tenth just then there
    today yesterday tomorrow organizers organisers officials spectators fans crowd crowds mr
    mrs ms dr sir dame lord lady coach coaches manager management agent medal medals gps iaaf
    aims wma bmw tcs nyrr baa hoka nike adidas asics
    """.split()
)

# Capitalised words that make a run of capitals an organisation or an event, never a person:
# "Tamarack Homes National Capital Race Weekend", "Aldershot Farnham & District".
ORG_WORDS = frozenset(
    """
    national international capital weekend homes series classic race races marathon marathons
    championships championship games club university college bank federation association league
    cup festival trials road team athletics city park street hill bridge stadium district
    society harriers striders runners council ministry institute company group
    """.split()
)

# Capitalised only because they start a sentence or a title: they do not make a run of capitals
# an organisation's name.
STARTERS = frozenset(
    """
    a an and as at after also although another around before behind being both but by despite
    during each earlier either even for from further he her here his however i if in into it its
    later last like meanwhile much neither no nor not now of on once only or our over she since
    so still than that the their then there these they this those though through to under
    unlike until up we when where whereas which while who whose with yet you your my me him
    running shortly fewer completing regarding former multiple defending reigning olympic
    world champion winner debutant one two three four five six seven eight nine ten first second
    third fourth fifth sixth seventh eighth ninth tenth just today yesterday tomorrow final
    strong mild heavy cold hot wet sir dame lord lady mr mrs ms dr men women men's women's
    """.split()
)

RACE_CITIES = frozenset(
    "london berlin boston chicago new york tokyo paris rotterdam valencia amsterdam frankfurt "
    "dubai seoul vienna houston".split()
)

EVENT_RE = re.compile(
    r"\b(?P<gender>men|women|male|female|boys|girls)['’]?s?\s+"
    r"(?:(?:only|elite|open|professional|pro|individual|marathon|half(?:-| )?marathon|world|"
    r"olympic|national|european|road)\s+){0,2}"
    r"(?:(?P<kind>wheelchair|elite|handcycle|masters|mass|open)\s+)?"
    r"(?P<noun>race|races|marathon|title|division|event|field|contest|competition|winner|"
    r"champion|crown|record|podium|wheelchair|category|side|section|10k|5k|10km|"
    r"half-marathon|10,000|mile)\b"
    r"|\b(?P<kind2>wheelchair|handcycle)\s+(?P<noun2>race|races|division|divisions|event|events|"
    r"title|titles|category)\b",
    re.IGNORECASE,
)

PRONOUNS_M = re.compile(r"\b(?:he|his|him|himself)\b", re.IGNORECASE)
PRONOUNS_F = re.compile(r"\b(?:she|her|hers|herself)\b", re.IGNORECASE)

# A result stated about an earlier year or another race is no result of this one.
HISTORICAL_RE = re.compile(
    r"\b(?:(?i:last year(?!['’]s)|previous (?:\w+ )?years?|earlier this year|last month|"
    r"years? ago|"
    r"previously|in the past|a year ago|last season|have ever|has ever|had ever|ever ran|"
    r"ever run)|(?:at|in) (?:the )?[A-Z][a-z]+ (?:Marathon|Half|Games|Championships?|Olympics))\b"
)
SPLIT_BEFORE_RE = re.compile(
    # a split, a pace or a past best: "through halfway in 1:01:06", "reached in 43:38", "a shade
    # outside 1:41:00", "improving her personal best of 2:19:25", "has run as fast as 2:04:49"
    r"(?:half-?way|half way|halfway|split|through|passed|passing|reached|reaching|pace|"
    r"schedule|suggest|indicat|inside|outside|under|sub-|projected|target|previous|record of|"
    r"record time of|(?:improv\w+|beat\w*|lower\w*|bettered|with)\s+(?:\w+\s+)?"
    r"(?:personal best|pb)\s+of|clocking|covered|covering|arrears|lead of|ahead by|behind by|"
    r"less than|more than|faster than|slower than|within|below|above|as fast as|has run|"
    r"had run|best of)[^.;]{0,40}$"
    # a distance right before the time: "10 kilometres in 29:21", "at 30km (1:28:58)"
    r"|(?:\bkm\b|(?<!women['’]s )(?<!men['’]s )\b\d+\s*k\b|kilomet\w*|\bmiles?\b|\bmark\b|"
    r"\bmarker\b)(?!\s+(?:event|race|course|marathon|distance|run)\b)\s*,?\s*"
    r"(?:[\w-]+\s+)?(?:in|at|of|was|\()?\s*$",
    re.IGNORECASE,
)
SPLIT_AFTER_RE = re.compile(
    r"^[\s,)]*(?:marathon pace|pace|finish at that point|split|for the first|at halfway|"
    r"at half|at the half|at \d+\s*k|at the \d+|mark|at \d+ ?(?:km|miles?)|for \d+\s*k|"
    r"(?:(?:world|course|national|area)\s+|(?-i:[A-Z][a-z]+)\s+)?record\b)",
    re.IGNORECASE,
)
FINISH_IN_RECORD_RE = re.compile(
    # the race's own time named as a record: "in a course record of 2:18:11", "ran a personal
    # best of 32:05", "with a course record of"
    r"(?:\bin|\bwas|\bclocking|\bclocked|\bof|\bran|\bset|\bsetting|\brunning)\s+"
    r"(?:a|an|the)?\s*(?:new\s+)?(?:[\w'’-]+\s+){0,4}(?:record|best)\s+(?:time\s+)?(?:of\s+)?$"
    r"|\bwith\s+(?:a|an|the)?\s*(?:new\s+)?(?:[\w'’-]+\s+){0,3}record\s+(?:time\s+)?(?:of\s+)?$",
    re.IGNORECASE,
)
WIN_RE = re.compile(
    r"\b(?:won|wins|win|winning|victory|victorious|triumphed|triumphs|prevailed|prevail|"
    r"retained (?:her|his|the) (?:[\w'’-]+ ){0,4}(?:title|crown)|retains|"
    r"defended (?:her|his|the) (?:[\w'’-]+ ){0,4}title|"
    r"took the (?:title|crown|win)|claimed (?:the|her|his) (?:title|win|crown)|"
    r"were the winners|was the winner|the winner|emerged victorious|cut the tape|broke the tape|"
    r"captur\w+ the (?:[A-Z][\w'’]* )*(?:Marathon|title|crown|race)|"
    r"(?:won|took|claimed|earned|with|rewarded with) the gold medal)\b",
    re.IGNORECASE,
)
NOT_WIN_RE = re.compile(
    r"(?:\bfor\s+|\bof\s+(?:the\s+)?|\bto\s+the\s+)$|^\s*(?:\w+\s+){0,3}(?-i:gold|silver|bronze|medals?|titles|"
    r"marathons|races|majors|straight)\b|^\s+(?:by\s+(?:a|an)\s+[A-Z])"
    r"|^\s+(?:an?\s+)?(?:extra\s+|additional\s+)?(?:time\s+)?(?:[$€£]|bonus|prize|money|award)",
    re.IGNORECASE,
)
DNF_RE = re.compile(
    r"\b(?:did not finish|didn't finish|failed to finish|dropped out|DNF|pulled out|"
    r"was forced to retire|retired from the race|abandoned|"
    r"(?:forced to |had to )?withdr(?:aw|ew|awn) from the race(?! before))\b",
    re.IGNORECASE,
)
DNS_RE = re.compile(r"\b(?:did not start|didn't start|withdrew before|DNS|was a late withdrawal)\b")
RECORD_RE = re.compile(
    r"\b(?P<kind>world|course|national|race|event|area|continental|all-comers|championship|"
    r"[A-Z][a-z]+)\s+(?:(?:marathon|half[- ]marathon|road|women['’]s|men['’]s|best|all-time)\s+)?"
    r"record\b(?!-eligible)(?!\s+(?:pace|bid|attempt|schedule|eligible|attempts|time))"
    r"|\b(?P<pb>personal best|personal record|lifetime best|\bPB\b|\bPR\b)"
    r"|\b(?P<gw>women['’]s|men['’]s)\s+record\s+for\s+the\b",
)
RECORD_HOLDER_RE = re.compile(
    r"\b(?P<kind>world|course|national|[A-Z][a-z]+)\s+record[- ]holder\s+$", re.IGNORECASE
)
SET_VERBS_RE = re.compile(
    r"\b(?:set|sets|setting|broke|breaks|breaking|smashed|smashes|shattered|improved|improving|"
    r"lowered|lowering|bettered|beat|beating|new|equalled|equaled|took|taking|clocked|ran|"
    r"sets?|with|in)\b",
    re.IGNORECASE,
)
MISSED_RE = re.compile(
    r"\b(?:missed|missing|miss|short of|outside|slower than|off|failed|fail|shy of|"
    r"narrowly|bid|attempt|pace|eligible)\b",
    re.IGNORECASE,
)
GROUP_RE = re.compile(
    r"\b(?:lead(?:ing)? (?:group|pack|bunch)|front (?:group|pack)|trio|quartet|leaders)\b.{0,60}?"
    r"\b(?:to|of|down to)\s+(?P<n>two|three|four|five|six|seven|eight|nine|ten|[2-9])\b"
    r"|\b(?P<n2>two|three|four|five|six|seven|eight|nine|ten)\s+(?:men|women|athletes|runners)"
    r"\s+(?:together|left)\b",
    re.IGNORECASE,
)
DESCRIPTOR_NOUNS = (
    r"champion|runner-up|record[- ]holder|medallist|medalist|debutant|winner|favourite|favorite|"
    r"pacemaker|pacer|bronze medallist|silver medallist|titleholder|title holder|director|coach|"
    r"manager|agent|organi[sz]er|spokes(?:man|woman|person)|president|founder|commentator"
)


def _country_patterns() -> tuple[dict[str, Country], re.Pattern[str], re.Pattern[str]]:
    names: dict[str, Country] = {}
    demonyms: dict[str, Country] = {}
    for country in _COUNTRIES:
        names[country.name.lower()] = country
        demonyms[country.demonym.lower()] = country
        demonyms[country.demonym.lower() + "s"] = country
        for alias in country.aliases:
            if len(alias) > 3:
                names[alias.lower()] = country
                demonyms.setdefault(alias.lower(), country)  # "Scottish", "Brit"
    names["the u.s."] = names["u.s."] = names["the us"] = names["the united states"] = next(
        c for c in _COUNTRIES if c.code == "USA"
    )
    names["u.s"] = names["u.s."]
    names["the netherlands"] = next(c for c in _COUNTRIES if c.code == "NED")
    names["great britain"] = next(c for c in _COUNTRIES if c.code == "GBR")
    demonyms["u.s."] = names["u.s."]
    table = {**names, **demonyms}
    name_re = re.compile(
        r"(?<![\w.])(?:"
        + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
        + r")(?![\w])",
        re.IGNORECASE,
    )
    demonym_re = re.compile(
        r"(?<![\w.])(?:"
        + "|".join(re.escape(n) for n in sorted(demonyms, key=len, reverse=True))
        + r")(?![\w])",
        re.IGNORECASE,
    )
    return table, name_re, demonym_re


COUNTRY_TABLE, COUNTRY_NAME_RE, DEMONYM_RE = _country_patterns()


def country_of(text: str) -> Country | None:
    return COUNTRY_TABLE.get(text.lower().strip())
