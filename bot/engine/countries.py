"""Countries as race reports and results tables write them: names, IOC codes and demonyms."""

from __future__ import annotations

from dataclasses import dataclass

from bot.engine.normalize import normalize


@dataclass(frozen=True, slots=True)
class Country:
    code: str
    name: str
    demonym: str
    aliases: tuple[str, ...] = ()


_COUNTRIES = [
    Country("KEN", "Kenya", "Kenyan", ("kenia",)),
    Country("ETH", "Ethiopia", "Ethiopian"),
    Country("GBR", "Great Britain", "British",
            ("gb", "uk", "united kingdom", "britain", "england", "english", "scotland", "scottish",
             "wales", "welsh", "brit", "brits", "briton", "britons", "scot", "scotsman",
             "scotswoman", "englishman", "englishwoman", "welshman")),
    Country("USA", "United States", "American", ("us", "united states of america", "america")),
    Country("UGA", "Uganda", "Ugandan"),
    Country("ERI", "Eritrea", "Eritrean"),
    Country("TAN", "Tanzania", "Tanzanian", ("tza",)),
    Country("RSA", "South Africa", "South African", ("zaf",)),
    Country("MAR", "Morocco", "Moroccan"),
    Country("ALG", "Algeria", "Algerian", ("dza",)),
    Country("BRN", "Bahrain", "Bahraini", ("bhr",)),
    Country("JPN", "Japan", "Japanese"),
    Country("CHN", "China", "Chinese"),
    Country("KOR", "South Korea", "South Korean", ("korea", "korean")),
    Country("IND", "India", "Indian"),
    Country("AUS", "Australia", "Australian", ("aussie",)),
    Country("NZL", "New Zealand", "New Zealander", ("kiwi",)),
    Country("CAN", "Canada", "Canadian"),
    Country("MEX", "Mexico", "Mexican"),
    Country("BRA", "Brazil", "Brazilian"),
    Country("ARG", "Argentina", "Argentinian", ("argentine",)),
    Country("CHI", "Chile", "Chilean", ("chl",)),
    Country("COL", "Colombia", "Colombian"),
    Country("PER", "Peru", "Peruvian"),
    Country("IRL", "Ireland", "Irish"),
    Country("FRA", "France", "French"),
    Country("GER", "Germany", "German", ("deu",)),
    Country("ESP", "Spain", "Spanish"),
    Country("POR", "Portugal", "Portuguese", ("prt",)),
    Country("ITA", "Italy", "Italian"),
    Country("NED", "Netherlands", "Dutch", ("nld", "holland")),
    Country("BEL", "Belgium", "Belgian"),
    Country("SUI", "Switzerland", "Swiss", ("che",)),
    Country("AUT", "Austria", "Austrian"),
    Country("DEN", "Denmark", "Danish", ("dnk", "dane")),
    Country("NOR", "Norway", "Norwegian"),
    Country("SWE", "Sweden", "Swedish", ("swede",)),
    Country("FIN", "Finland", "Finnish", ("finn",)),
    Country("ISL", "Iceland", "Icelandic"),
    Country("POL", "Poland", "Polish", ("pole",)),
    Country("CZE", "Czechia", "Czech", ("czech republic",)),
    Country("SVK", "Slovakia", "Slovak"),
    Country("HUN", "Hungary", "Hungarian"),
    Country("ROU", "Romania", "Romanian"),
    Country("BUL", "Bulgaria", "Bulgarian", ("bgr",)),
    Country("GRE", "Greece", "Greek", ("grc",)),
    Country("TUR", "Turkey", "Turkish", ("turkiye",)),
    Country("ISR", "Israel", "Israeli"),
    Country("UKR", "Ukraine", "Ukrainian"),
    Country("BLR", "Belarus", "Belarusian"),
    Country("RUS", "Russia", "Russian"),
    Country("LTU", "Lithuania", "Lithuanian"),
    Country("LAT", "Latvia", "Latvian", ("lva",)),
    Country("EST", "Estonia", "Estonian"),
    Country("CRO", "Croatia", "Croatian", ("hrv",)),
    Country("SLO", "Slovenia", "Slovenian", ("svn",)),
    Country("SRB", "Serbia", "Serbian"),
    Country("RWA", "Rwanda", "Rwandan"),
    Country("BDI", "Burundi", "Burundian"),
    Country("DJI", "Djibouti", "Djiboutian"),
    Country("ZIM", "Zimbabwe", "Zimbabwean", ("zwe",)),
    Country("LES", "Lesotho", "Basotho", ("lso",)),
    Country("NAM", "Namibia", "Namibian"),
    Country("ECU", "Ecuador", "Ecuadorian"),
    Country("VEN", "Venezuela", "Venezuelan"),
    Country("GUA", "Guatemala", "Guatemalan", ("gtm",)),
    Country("JAM", "Jamaica", "Jamaican"),
    Country("QAT", "Qatar", "Qatari"),
    Country("SGP", "Singapore", "Singaporean"),
    Country("MGL", "Mongolia", "Mongolian", ("mng",)),
    Country("PRK", "North Korea", "North Korean", ("dprk",)),
    Country("TPE", "Chinese Taipei", "Taiwanese", ("taiwan", "twn", "taipei")),
    Country("HKG", "Hong Kong", "Hong Konger"),
    Country("PAR", "Paraguay", "Paraguayan", ("pry",)),
    Country("URU", "Uruguay", "Uruguayan", ("ury",)),
    Country("BOL", "Bolivia", "Bolivian"),
    Country("CRC", "Costa Rica", "Costa Rican", ("cri",)),
    Country("CUB", "Cuba", "Cuban"),
    Country("PUR", "Puerto Rico", "Puerto Rican", ("pri",)),
    Country("MDA", "Moldova", "Moldovan", ("mda",)),
    Country("SOM", "Somalia", "Somali"),
    Country("SUD", "Sudan", "Sudanese", ("sdn",)),
    Country("SSD", "South Sudan", "South Sudanese"),
    Country("EGY", "Egypt", "Egyptian"),
    Country("TUN", "Tunisia", "Tunisian"),
    Country("LBA", "Libya", "Libyan", ("lby",)),
    Country("NGR", "Nigeria", "Nigerian", ("nga",)),
    Country("GHA", "Ghana", "Ghanaian"),
    Country("CMR", "Cameroon", "Cameroonian"),
    Country("ZAM", "Zambia", "Zambian", ("zmb",)),
    Country("MAW", "Malawi", "Malawian", ("mwi",)),
    Country("BOT", "Botswana", "Motswana", ("bwa",)),
    Country("MOZ", "Mozambique", "Mozambican"),
    Country("MAD", "Madagascar", "Malagasy", ("mdg",)),
    Country("SWZ", "Eswatini", "Swazi", ("swaziland",)),
    Country("THA", "Thailand", "Thai"),
    Country("VIE", "Vietnam", "Vietnamese", ("vnm",)),
    Country("PHI", "Philippines", "Filipino", ("phl",)),
    Country("INA", "Indonesia", "Indonesian", ("idn",)),
    Country("MAS", "Malaysia", "Malaysian", ("mys",)),
    Country("KAZ", "Kazakhstan", "Kazakh"),
    Country("KGZ", "Kyrgyzstan", "Kyrgyz"),
    Country("CYP", "Cyprus", "Cypriot"),
    Country("LUX", "Luxembourg", "Luxembourger"),
    Country("NIR", "Northern Ireland", "Northern Irish"),
]  # fmt: skip


_SEX_OF_NOUN = {"man": "M", "men": "M", "woman": "F", "women": "F"}


def _build(codes: bool) -> dict[str, Country]:
    table: dict[str, Country] = {}
    for country in _COUNTRIES:
        people = [country.demonym, *(a for a in country.aliases if " " not in a)]
        words = [country.name, *people, *(w + "s" for w in people if not w.endswith("s"))]
        words += country.aliases
        words += [w + noun for w in words if w.endswith(("ch", "sh")) for noun in _SEX_OF_NOUN]
        if codes:
            words.insert(0, country.code)
        for word in words:
            table.setdefault(normalize(word), country)
    return table


_LOOKUP = _build(codes=True)
# In free text, three-letter codes are mostly English words ("can", "per", "den").
_WORDS = {k: v for k, v in _build(codes=False).items() if len(k) > 3 or k in ("uk", "usa")}
PERSON_DEMONYMS = {
    word: sex
    for word in _WORDS
    for noun, sex in _SEX_OF_NOUN.items()
    if word.endswith(("ch" + noun, "sh" + noun))
}
"""Words naming a person of a country, with their sex: "dutchman", "irishwomen"."""
PERSON_NOUNS_OF_COUNTRY = frozenset(
    "scot brit briton kiwi aussie dane swede finn pole".split()
) | frozenset(PERSON_DEMONYMS)
"""Words that name one person of a country ("the scot"), not what is of it ("the kenyans")."""


def country_word(word: str) -> Country | None:
    """The country a single normalised question word names (no IOC codes)."""
    return _WORDS.get(word)


def find_country(text: str, codes: bool = True) -> Country | None:
    """The country a name, IOC code or demonym refers to (``"kenyan" -> Kenya``).

    With ``codes=False`` (for words of a question), IOC codes and short aliases are not read.
    """
    table = _LOOKUP if codes else _WORDS
    found = table.get(text)  # most callers pass words that are normalised already
    return found if found is not None else table.get(normalize(text))


def display_country(value: str | None) -> str | None:
    """``"KEN" -> "Kenya"``; unknown values are returned as given."""
    if value is None:
        return None
    country = find_country(value)
    return country.name if country else value


_WITH_THE = (
    "United ", "Netherlands", "Czech Republic", "Dominican Republic", "Philippines", "Bahamas",
    "Gambia", "Maldives", "Central African", "Democratic Republic", "Republic of",
    "Marshall Islands", "Solomon Islands", "Comoros", "Seychelles",
)  # fmt: skip


def from_country(value: str) -> str:
    """ "from Kenya", "from the United States": a country's name as it follows "from"."""
    name = display_country(value) or value
    return f"the {name}" if name.startswith(_WITH_THE) else name


def same_country(value: str | None, country: Country) -> bool:
    if value is None:
        return False
    found = find_country(value)
    return found is country if found else normalize(value) == normalize(country.name)
