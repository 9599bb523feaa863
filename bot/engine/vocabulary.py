"""Common English words that are never taken as (fuzzy) athlete names on their own.

A casual question is mostly ordinary words; some of them are one letter away from a name
("many" / "mary", "time" / "tim"). Such words may only match a name exactly and only next to
another word of the same name ("mary keitany"), never through the typo map.
"""

from __future__ import annotations

import functools
from collections.abc import Collection, Sequence

from english_words import get_english_words_set

COMMON_WORDS = frozenset(
    """
    a about above after again against ago all almost also am an and another any anyone anything
    are around as ask asked at away back bad be beat beaten became because been before behind
    being best better between big both but by came can cannot could did didnt do does doing done
    down during each else end even ever every fast faster fastest few find first for from full
    gap get give go going good got great had has have having he her here hers herself him himself
    his how i if in into is it its itself just know last least less let like long longer lose
    lost made make many may me mean might mine more most much must my near need never new next
    no nor not now of off old on once one only or other our out over own place please put quick
    race ran rather really right run runner running runs said same say see set shall she should
    show since so some still such take tell than thank thanks that the their them then there
    these they thing think this those though through time times to told too top under until up
    upon us very was way we well went were what when where which while who whom whose why will
    win with won would yeah yes yet you your yours
    men mens women womens man woman ladies female male guys girls boys event events
    winner winners second third fourth fifth sixth seventh eighth ninth tenth position positions
    finish finished finishing finisher finishers record records pace speed mile miles km
    kilometre kilometer per average minute minutes hour hours seconds slow slower podium medal
    country nationality from world course personal help summary marathon london year years
    close closer closest near nearly almost far away later early earlier late today yesterday
    tomorrow week month day night morning evening people person someone something anything
    everything nothing nobody everyone group team name names called call look looking work
    worked world words word part point points number numbers really quite pretty about again
    want wanted wants tell told thing things great good nice bad best worst hard easy long short
    high low big small little much many more most less least first last next final only also
    still even ever never always often sometimes maybe perhaps please thanks cheers okay ok
    sure fine right wrong true false real actually anyway whatever which what when where how
    why who whose while during after before since until ago then than that this these those
    there here into onto upon with without within about above below under over across along
    among around behind beside between beyond near off through toward towards
    """.split()
)

ENGLISH_WORDS = COMMON_WORDS | frozenset(
    """
    able again ahead also answer around became become begin began being believe brought
    came change check city close come comes coming could course crossed crossing did does
    doing done drop dropped end ended ending enough every fall fell finally follow followed
    found gave give given giving goes going gone happen happened happens heard hold
    include just keep kept kind knew know known leave left line lines list live make makes
    making mark may mean meant might miss missed move moved moves moving need never open
    over pass passed passing play played put quite reach reached read ready rest return
    same saw seem seemed seen show shown side start started state stay stayed stop stopped
    such take taken taking talk than their them they thought three through took tried try
    turn turned two until use used very walk walked want went were while whole would write
    wrote year
    """.split()
)


@functools.cache
def dictionary() -> frozenset[str]:
    """English words (GCIDE, the Collaborative International Dictionary of English), read the
    first time they are needed."""
    return frozenset(get_english_words_set(["gcide"], lower=True, alpha=True))


_ENDINGS = ("s", "es", "d", "ed", "ing", "er", "est", "y")


def inflected(
    word: str, known: Collection[str] | None = None, endings: Sequence[str] = _ENDINGS
) -> bool:
    """Whether ``word`` is a word of ``known`` (English, by default) with one of ``endings``:
    "coupled", "controlled", "comers", "running", "hotter"."""
    words = dictionary() if known is None else known
    for ending in endings:
        base = word.removesuffix(ending)
        if base == word or len(base) < 3:
            continue
        doubled = len(base) > 3 and base[-1] == base[-2]
        if base in words or base + "e" in words or (doubled and base[:-1] in words):
            return True
    return False
