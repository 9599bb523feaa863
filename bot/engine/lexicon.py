"""Word lists of the reading and search layers: stop words, synonyms, event kinds, roles.

These are general English and running vocabulary, never words of one race: a race's own words
come from its knowledge file and report.
"""

from __future__ import annotations

from bot.engine.vocabulary import COMMON_WORDS, ENGLISH_WORDS

FILLER = frozenset(
    """
    lol lmao haha hah ah oh um uh hmm pls plz please mate bro guys guy yo hey hi hello ok okay
    nah ngl tbh idk imo rn omg smh fr lowkey honestly anyway anyways d ll ve re sir dame mr mrs
    rounded rounding now
    exactly actually basically literally like just so really very quite pretty kinda sorta
    anyone anybody someone somebody know knows tell me us again thx thanks cheers btw tho though
    u ur r ya yeah yep nope wat wot whats hows whos wheres whens whys tho im its it is was were
    be been being am are do does did done doing have has had get got gets getting go went gone
    can could would should will shall may might must the a an of in on at to for from by with
    during
    about as into than then there here this that these those what which who whom whose when
    where why how and or but if not no yes any all some each every other another such own same
    i you he she it we they me him her them my your his its our their mine yours hers ours theirs
    himself herself themselves itself up down out off over again once only also still even ever
    too much many more most less few lot lots bit thing things stuff way ways one ones
    today yesterday race races event events marathon runner runners athlete athletes guy person
    people happen happened happening ended end say said says min mins sec secs ppl peeps folks home
    mention mentioned mentions heard hear apparently supposedly make makes made making
    finally eventually ultimately besides beside except
    """.split()
)
"""Words that carry no topic: a question made only of these and names asks nothing new."""

STOP_WORDS = FILLER | COMMON_WORDS | ENGLISH_WORDS
"""Words never taken as the topic of a question by themselves."""

_INJURY = tuple(
    "injury injuries injured hurt pain hamstring knee calf achilles foot hip leg legs ankle "
    "stomach blister blisters cramp cramps ill illness sick".split()
)
_TROUBLE = ("problem", "trouble", "wrong", "pain", "hurt", "injury", "injured", "cramp",
            "cramping", "hamstring", "stomach", "struggled", "stumbled", "fell", "faded", "ill",
            "sick")  # fmt: skip
"""What went wrong in a race: "what went wrong for nageeye" is his "pain in his hamstring"."""

SYNONYMS: dict[str, tuple[str, ...]] = {
    **{
        word: tuple(w for w in _TROUBLE if w != word)
        for word in ("wrong", "problem", "trouble", "struggle", "struggling")
    },
    "win": ("won", "victory", "champion", "title", "triumph", "winner"),
    "won": ("win", "victory", "champion", "title", "winner"),
    "champ": ("champion",),
    "champion": ("winner", "won", "title", "gold"),
    "reigning": ("defending",),
    "defending": ("reigning",),
    "gold": ("champion", "won"),
    "medallist": ("medal", "medalist"),
    "favourite": ("favorite", "favourites", "favorites", "favored", "favoured"),
    "favorite": ("favourite", "favourites", "favorites"),
    **{word: ("favourite", "favorite", "favourites", "favorites") for word in ("fav", "fave")},
    **{  # "she looked wrecked"
        word: ("knackered", "exhausted", "fatigue", "tough", "hard", "hurt", "pain", "struggled",
               "walk", "walked", "walking", "tired")
        for word in ("tired", "wrecked", "cooked", "gassed", "spent", "shattered", "exhausted")
    },
    "weather": ("conditions", "rain", "rainy", "wind", "cold", "temperature", "temperatures",
                "hot", "heat", "sunny", "mild", "humid", "humidity", "windy", "headwind",
                "freezing", "degrees", "cloudy", "overcast", "drizzle", "snow", "cool"),
    "conditions": ("weather", "rain", "rainy", "wind", "cold", "temperature", "temperatures",
                   "hot", "heat", "humid", "humidity", "windy", "headwind", "freezing", "degrees",
                   "wet", "cloudy", "overcast"),
    "cold": ("chilly", "freezing", "temperatures", "temperature", "degrees", "low", "wet"),
    "chilly": ("cold", "freezing", "temperatures", "temperature", "degrees"),
    "rain": ("raining", "rained", "rainy", "wet", "drizzle", "drizzling", "downpour", "showers"),
    "raining": ("rain", "rained", "rainy", "wet", "drizzle", "drizzling", "downpour", "showers"),
    "rainy": ("rain", "raining", "wet", "drizzle", "drizzling", "downpour", "showers"),
    "wet": ("rain", "rainy", "drizzle", "drizzling", "soaked", "soaking"),
    "hot": ("heat", "warm", "warmest", "hottest", "temperatures", "temperature", "humid", "sun"),
    "warm": ("heat", "hot", "warmest", "hottest", "temperatures", "temperature", "humid", "sun"),
    "windy": ("wind", "winds", "headwind", "headwinds", "gusts", "gusty", "breeze"),
    "wind": ("windy", "winds", "headwind", "headwinds", "gusts", "gusty", "breeze"),
    # a split as a report tells it: "covered the first 10 kilometres in 29:33"
    "split": ("halfway", "half", "splits", "passed", "through", "km", "mark", "covered",
              "reached", "reaching"),
    "halfway": ("half", "split", "midway"),
    "half": ("halfway", "midway", "midpoint"),
    "drink": ("drinks", "bottle", "bottles", "water", "feed", "fluid", "fluids", "refreshment"),
    "drinks": ("drink", "bottle", "bottles", "water", "feed"),
    "bottle": ("bottles", "drink", "drinks", "water", "feed"),
    "water": ("bottle", "bottles", "drink", "drinks"),
    "pacer": ("pacemaker", "pacemakers", "pacers", "pacesetter", "pacesetters", "rabbit"),
    "rabbit": ("pacemaker", "pacemakers", "pacer", "pacers", "pacesetter", "pacesetters"),
    "rabbits": ("pacemaker", "pacemakers", "pacer", "pacers", "pacesetter", "pacesetters"),
    "pass": ("passed", "passing", "overtook", "overtake", "overtaking", "caught", "past",
             "surged"),
    "past": ("passed", "pass", "passing", "overtook", "overtake", "caught"),
    "pull": ("pulled", "dropped", "drop", "withdrew", "quit", "abandoned"),
    "crack": ("cracked", "dropped", "fell", "faded", "struggled", "lost", "contact", "break"),
    "cracked": ("crack", "dropped", "fell", "faded", "struggled", "lost", "contact", "break"),
    "outsprint": ("sprint", "sprinted", "sprints", "kick", "kicked", "outkicked", "dip"),
    "outsprinted": ("sprint", "sprinted", "sprints", "kick", "kicked", "outkicked", "dip"),
    "passed": ("pass", "overtook", "overtake", "caught", "past", "surged"),
    "overtake": ("overtook", "passed", "pass", "caught", "past"),
    "overtook": ("overtake", "passed", "pass", "caught", "past"),
    "catch": ("caught", "passed", "overtook", "reeled"),
    "caught": ("catch", "passed", "overtook", "reeled"),
    "pacemaker": ("pacer", "pacers", "pacemakers", "pacesetter", "pacesetters"),
    "paced": ("pacemaker", "pacemakers", "pacer", "pacers"),
    "lead": ("leading", "front", "led", "ahead", "leader"),
    "led": ("lead", "leading", "front", "ahead", "leader"),
    "leading": ("lead", "led", "front", "ahead", "leader"),
    "call": ("called", "known", "nicknamed", "nickname", "dubbed"),
    "called": ("call", "known", "nicknamed", "nickname", "dubbed"),
    "nickname": ("called", "known", "nicknamed", "dubbed"),
    "front": ("lead", "led", "leading", "ahead", "leader"),
    "early": ("start", "opening", "beginning", "gun", "first"),
    "break": ("broke", "breakaway", "surge", "surged", "pulled", "attack", "move", "kick", "gear",
              "separated", "clear"),
    "breakaway": ("break", "broke", "surge", "surged", "pulled", "clear", "away", "separated",
                  "alone"),
    "clear": ("breakaway", "break", "broke", "away", "pulled", "separated", "alone", "surged"),
    "surge": ("break", "move", "pulled", "attack", "kick", "gear", "accelerated", "surges"),
    "move": ("surge", "surged", "attack", "attacked", "kick", "kicked", "pulled", "broke",
             "burst", "charge", "injected", "upped", "strong", "gear", "command", "clear",
             "accelerated", "sped", "increased"),
    **{
        word: ("push", "pushed", "pace", "surge", "led", "front", "forced", "upped", "quickened")
        for word in ("push", "pushed", "pushing")
    },
    **{  # a move, as a report may tell it
        word: ("surge", "surged", "surges", "move", "break", "broke", "accelerated", "kick",
               "pulled", "burst")
        for word in ("attack", "attacked", "attacking", "surging", "surged")
    },
    # being dropped and dropping the others are one moment told from either side
    "drop": ("dropped", "fade", "faded", "fell", "back", "behind", "struggled", "pulled",
             "shook", "shaken", "gapped", "broke", "breakaway", "accelerated", "surged",
             "contact"),
    "lose": ("lost", "dropped", "dropping", "without", "alone", "left", "withdrew", "withdrawn"),
    "fade": ("faded", "drop", "dropped", "fell", "back"),
    "dropout": ("dnf", "withdrew", "pulled", "abandoned", "quit"),
    "dnf": ("dropped", "dropout", "withdrew", "pulled", "abandoned", "quit", "stopped", "retired"),
    "quit": ("dnf", "dropped", "withdrew", "abandoned", "stopped"),
    "old": ("age", "aged", "year-old", "years"),
    "age": ("old", "aged", "year-old"),
    "crowd": ("crowds", "spectators", "fans", "supporters"),
    "job": ("work", "works", "worked", "working", "occupation", "profession", "employed"),
    # an injury, however a report tells it: the word, the hurt, or the part that hurt
    **{
        word: tuple(w for w in _INJURY if w != word)
        for word in ("injury", "injuries", "hurt", "injured")
    },
    "trip": ("tripped", "stumble", "stumbled", "tumble", "fell", "fall", "slipped"),
    "tripped": ("trip", "stumble", "stumbled", "tumble", "fell", "fall", "slipped"),
    "stumble": ("stumbled", "trip", "tripped", "tumble", "fell", "fall", "slipped"),
    "sprint": ("kick", "dip", "finish", "outkick", "lunge"),
    "finish": ("line", "crossed", "finished", "ending", "ends"),
    "fast": ("quick", "speed", "rapid"),
    "slow": ("slowest", "slower"),
    "start": ("started", "gun", "opening", "early", "begins", "began", "begin", "beginning"),
    "course": ("route",),
    "record": ("best", "wr", "fastest"),
    "pb": ("personal", "best"),
    "pr": ("personal", "best"),
    "wr": ("world", "record"),
    "happy": ("delighted", "pleased", "proud", "thrilled", "happy"),
    "feel": ("felt", "feeling", "feels"),
    "plan": ("strategy", "tactics", "plans", "planned"),
    **{
        word: ("target", "targeting", "targeted", "goal", "hoped", "hoping", "bid", "attempt",
               "planned")
        for word in ("aim", "aiming", "aimed")
    },
    "goal": ("target", "targeting", "targeted", "aim", "aiming", "hoped"),
    "target": ("aim", "aiming", "goal", "hoped", "hoping"),
    "olympic": ("olympics", "rio"),
    "olympics": ("olympic",),
    "runner-up": ("second", "runner"),
    "last": ("final", "closing"),
    "final": ("last", "closing"),
    "prize": ("money", "purse", "paycheck"),
    "firsttime": ("debut", "debutant", "first"),  # "her first time running twin cities"
    "left": ("remained", "remaining", "remain", "still"),  # "how many were left": remained
    **{  # "is valentine related to gideon kipketer": "his sister"
        word: ("brother", "brothers", "sister", "sisters", "sibling", "siblings", "cousin",
               "cousins", "niece", "nephew", "uncle", "aunt", "wife", "husband", "daughter",
               "son", "father", "mother", "family")
        for word in ("related", "relation", "relative", "relatives")
    },
    **{  # "who hung with merachi early on": who stayed with her
        word: ("stayed", "stay", "keeping", "kept", "contact", "together", "alongside", "company",
               "pack", "group")
        for word in ("hang", "hung", "hanging", "hangs")
    },
    "rank": ("ranked", "ranking", "list", "alltime", "performer", "fastest"),
    "ranking": ("rank", "ranked", "list", "alltime", "performer", "fastest"),
}  # fmt: skip

SAME_MEANING: tuple[frozenset[str], ...] = tuple(
    frozenset(group.split())
    for group in (
        "halfway midway midpoint half-way",
        "pacemaker pacemakers pacer pacers pacesetter pacesetters rabbit rabbits",
        "overtake overtook overtaken overtaking",
        "outsprint outsprinted outkick outkicked",
        "temperature temperatures temp temps",
        "dnf withdrew withdraw withdrawn",
        "debut debutant",
        "until till til",
        "wins victories",
        "straight consecutive successive",
        "biggest largest greatest widest",
        "bigger larger greater wider",
        "faster quicker",
        "fastest quickest",
        "money cash purse paycheck",
        "rain rainy raining rained",
        "wind windy winds",
        "sun sunny sunshine",
        "cloud clouds cloudy",
        "humid humidity",
        "heat hot",
        "1st first",
        "2nd second",
        "3rd third",
        "4th fourth",
        "5th fifth",
        "6th sixth",
        "7th seventh",
        "8th eighth",
        "9th ninth",
        "10th tenth",
    )
)
"""Words that mean the same: one found for another is as good as the word itself ("midway" for
"halfway"), unlike a related word ("wind" for "weather")."""

EQUIVALENT: dict[str, frozenset[str]] = {
    word: group - {word} for group in SAME_MEANING for word in group
}
for _word, _others in EQUIVALENT.items():
    SYNONYMS[_word] = tuple(dict.fromkeys((*SYNONYMS.get(_word, ()), *sorted(_others))))

EVENT_KINDS = frozenset(
    """
    wheelchair wheelchairs mass masters veteran veterans vets junior juniors youth para
    paralympic handbike handcycle handcycles amateur amateurs club relay team teams ambulant
    visually impaired blind walk walkers
    """.split()
)
"""Words that qualify an event: asked about but not in a race's events, they are not covered."""


ROLE_WORDS = frozenset(
    """
    champion champions champ champs winner winners runner-up runnerup holder holders medallist
    medalist medallists medalists favourite favorite favourites favorites fav fave favs faves
    pacemaker pacemakers pacer pacers leader coach director organiser organizer debutant
    olympian olympians
    """.split()
)
"""Words that describe a person by a role ("the defending champion", "the course record holder")."""

PACK_WORDS = frozenset("pack packs bunch group groups peloton chasers trio quartet".split())
"""Words for runners together, which a report may call by another ("the lead pack": "a group
of five")."""

PERSON_NOUNS = frozenset("guy man woman lady girl bloke chap dude runner athlete one".split())
"""What "the dutch ..." may be followed by when it names a person."""

RESULT_VERBS = frozenset(
    "do did does doing go went get got fare fared finish finished place placed come came end "
    "ended perform performed run ran".split()
)
"""After "how did X ...": the result is asked ("how did keitany do"), not a story."""

TIME_VERBS = frozenset("run ran clock clocked post posted".split())
"""After "what did X ...": a time is asked ("what did korir run"), not a story."""

NARRATIVE_STARTS = (
    "why", "how come", "what happened", "what went", "at what point", "at which point",
    "at what stage", "what made", "what caused", "describe", "tell me about", "explain",
    "what did", "what was the reason", "whats the story", "what about the",
)  # fmt: skip

NUMBER_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
}  # fmt: skip

IRREGULAR = {
    "held": "hold", "holds": "hold", "won": "win", "ran": "run", "broke": "break",
    "broken": "break", "led": "lead", "fell": "fall", "took": "take", "taken": "take",
    "went": "go", "gone": "go", "came": "come", "beat": "beat", "beaten": "beat", "set": "set",
    "ate": "eat", "drank": "drink", "drunk": "drink", "felt": "feel", "lost": "lose",
    "left": "leave", "kept": "keep", "got": "get", "gave": "give", "given": "give",
    "said": "say", "told": "tell", "thought": "think", "caught": "catch", "fought": "fight",
    "ridden": "ride", "rode": "ride", "wore": "wear", "worn": "wear", "hit": "hit",
    "quit": "quit", "stood": "stand", "slept": "sleep", "sped": "speed", "overtook": "overtake",
}  # fmt: skip
"""Irregular verb forms, to their base: "held" is a form of "holder"'s verb."""


SHORTHAND: dict[str, str] = {
    "yr": "year", "yrs": "years", "thru": "through", "b4": "before", "abt": "about",
    "wat": "what", "wut": "what", "cuz": "because", "coz": "because", "bc": "because",
    "tho": "though", "btwn": "between", "euro": "european", "uni": "university", "ppl": "people",
    "didnt": "did not", "doesnt": "does not", "wasnt": "was not", "werent": "were not",
    "isnt": "is not", "hasnt": "has not", "hadnt": "had not", "havent": "have not",
    "dont": "do not", "coulda": "could have", "woulda": "would have", "shoulda": "should have",
    "gonna": "going to", "wanna": "want to", "hes": "he is", "shes": "she is",
}  # fmt: skip
"""Chat shorthand read as the word it stands for ("how many yrs", "thru 5k", "last us woman b4")."""

QUESTION_SLIPS: dict[str, str] = {
    "hoo": "who", "woh": "who", "wen": "when", "whn": "when", "wehn": "when", "wher": "where",
    "whr": "where", "whre": "where", "wehre": "where", "wht": "what", "waht": "what",
    "hwat": "what", "hw": "how",
}  # fmt: skip
"""Question words as typed in a hurry, read so when they open the question ("hoo won the mens",
"wher did farah finish"); elsewhere they may be names ("Wen")."""

DROP_STEMS = ("did not finish", "drop", "withdr", "pulled out", "abandon", "retir", "dnf", "quit",
              "stop", "fell")  # fmt: skip
"""How reports say someone stopped, the surest first."""


def stop_told(text: str) -> int | None:
    """How surely ``text`` tells that someone stopped (0 surest), or ``None`` if it doesn't."""
    lowered = text.lower()
    return next((i for i, s in enumerate(DROP_STEMS) if s in lowered), None)
