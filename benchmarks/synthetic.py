"""A synthetic big-city marathon field, and casual questions about it. Deterministic by seed.

    python benchmarks/synthetic.py --finishers 40000 --seed 1 --out benchmarks/out

writes ``results-40000.csv`` with realistic headers (Place, Bib, First Name, Last Name, Gender,
Category, Country, Club, Chip Time, Gun Time). Names are international, with accents, hyphens,
apostrophes, particles ("van der", "De la"), many shared surnames and some fully shared names.
Chip times run from about 2:02 to 7:30 (log-normal, median about 4:20 for men and 4:45 for
women); start delays grow with slowness, and places follow gun time. A handful of DNF and DNS
rows close the table.
"""

from __future__ import annotations

import argparse
import csv
import math
import random
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script
    sys.path.insert(0, str(ROOT))

from bot.engine.durations import format_clock  # noqa: E402
from bot.engine.importer import AthleteIds  # noqa: E402
from bot.engine.normalize import normalize, strip_accents  # noqa: E402

FIRST_M = """James John Robert Michael David William Richard Joseph Thomas Charles Daniel Matthew
Anthony Mark Paul Steven Andrew Joshua Kevin Brian George Edward Ronald Timothy Jason Jeffrey Ryan
Jacob Gary Nicholas Eric Jonathan Stephen Larry Justin Scott Brandon Benjamin Samuel Gregory
Alexander Patrick Frank Raymond Jack Dennis Jerry Tyler Aaron José Luis Carlos Juan Javier Miguel
Pedro Álvaro Sébastien François Jérôme Loïc Mathéo Jörg Jürgen Björn Søren Øyvind Håkon Mikkel
Lars Anders Sven Piotr Paweł Łukasz Wojciech Tomáš Jiří Ondřej Mehmet Ahmet Yusuf Kenji Hiroshi
Takumi Haruto Wei Jun Hao Arjun Rohan Vikram Kofi Kwame Tendai Eliud Geoffrey Kenenisa Tadesse
Hassan Omar Ali Liam Noah Oliver Elijah Lucas Mason Logan Ethan Aiden Seán Ciarán Dónal Eoin Rhys
Dafydd Ewan Hamish Callum Fraser Mo Tom Ben Sam Joe Dan Rob Chris Nick Alex Pat Matt Guðmundur
Maximilian Jean-Pierre Jan-Erik Bartholomew Nnamdi Oluwaseun""".split()
FIRST_F = """Mary Patricia Jennifer Linda Elizabeth Barbara Susan Jessica Sarah Karen Lisa Nancy
Betty Margaret Sandra Ashley Kimberly Emily Donna Michelle Carol Amanda Dorothy Melissa Deborah
Stephanie Rebecca Sharon Laura Cynthia Kathleen Amy Angela Shirley Anna Brenda Pamela Emma Nicole
Helen Samantha Katherine Christine Debra Rachel Carolyn Janet Catherine María Lucía Sofía
Valentina Camila Inés Zoë Chloé Amélie Hélène Maëlle Lena Greta Birgit Dörte Ingrid Sigrid Åsa
Sólveig Guðrún Maja Zofia Małgorzata Agnieszka Kateřina Tereza Ayşe Elif Yuki Sakura Hana Mei Ying
Priya Ananya Aisha Amina Fatuma Tirunesh Almaz Vivian Brigid Olivia Ava Isabella Mia Charlotte
Amelia Harper Evelyn Abigail Siobhán Aoife Niamh Caoimhe Sìne Eilidh Ffion Cerys Paula Jo Kate Liz
Beth Meg Jen Sue Lily Anne-Marie Marie-Claire Oluwakemi Alexandrina""".split()
SURNAMES = """Smith Jones Williams Taylor Brown Davies Evans Wilson Thomas Roberts Johnson Lewis
Walker Robinson Wood Thompson White Watson Jackson Wright Green Harris Cooper King Lee Martin
Clarke James Morgan Hughes Edwards Hill Moore Clark Harrison Scott Young Morris Hall Ward Turner
Carter Phillips Mitchell Patel Adams Campbell Anderson Allen Cook Bailey Parker Miller Davis
Murphy Price Bell Baker Griffiths Kelly Simpson Marshall Collins Bennett Cox Richardson Fox Gray
Rose Chapman Hunt Robertson Shaw Reynolds Lloyd Ellis Richards Russell Wilkinson Khan Graham
Stewart Reid Murray Powell Palmer Holmes Rogers Stevens Walsh Hunter Thomson Matthews Ross Owen
Mason Knight Kennedy Butler Saunders García Fernández González Rodríguez López Martínez Sánchez
Pérez Gómez Núñez Muñoz Jiménez Álvarez Cruz Müller Schmidt Schneider Fischer Weber Meyer Wagner
Becker Schäfer Koch Bauer Richter Klein Wolf Schröder Neumann Schwarz Zimmermann Braun Krüger
Hofmann Hartmann Lange Dupont Durand Lefèvre Moreau Laurent Simon Michel Lefebvre Leroy Roux
Fournier Girard Bonnet François Mercier Rossi Russo Ferrari Esposito Bianchi Romano Colombo
Ricci Marino Greco Bruno Gallo Conti Costa Giordano Mancini Rizzo Lombardi Nielsen Jensen Hansen
Pedersen Andersen Larsen Sørensen Rasmussen Jørgensen Ødegaard Johansson Karlsson Nilsson
Eriksson Larsson Olsson Persson Svensson Gustafsson Björk Lindqvist Åberg Kowalski Wiśniewski
Wójcik Kowalczyk Kamiński Lewandowski Zieliński Szymański Woźniak Dvořák Novák Svoboda Černý
Yılmaz Kaya Demir Şahin Çelik Yıldız Tanaka Suzuki Takahashi Watanabe Itō Yamamoto Nakamura
Kobayashi Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou Kim Park Choi Jung Sharma Singh Kumar
Gupta Reddy Iyer Kipchoge Kiprop Kipruto Cheruiyot Keitany Kosgei Chepngetich Kamworor Wanjiru
Bekele Tadese Gebrselassie Dibaba Defar Ayana Tola Kitata Desisa Lemma Mekonnen Abebe Okafor
Mensah Osei Boateng Nkosi Dlamini Moyo O'Brien O'Connor O'Neill O'Sullivan McCarthy MacDonald
McLeod D'Souza D'Angelo Guðmundsdóttir Papadopoulos Vasilakopoulou Oyelaran-Adebayo""".split()
PARTICLES = ["van der", "van", "de", "De la", "von", "da", "dos", "di", "Van den", "del"]
COUNTRIES = ["GBR"] * 60 + ["USA"] * 6 + ["IRL"] * 5 + ["FRA"] * 4 + ["GER"] * 4 + ["ITA"] * 3 + [
    "ESP", "ESP", "NED", "NED", "AUS", "CAN", "SWE", "NOR", "DEN", "POL", "JPN", "CHN", "IND",
    "KEN", "KEN", "ETH", "RSA", "BRA", "MEX", "BEL", "SUI", "POR",
]  # fmt: skip
CLUBS = """Serpentine RC|Herne Hill Harriers|Thames Hare and Hounds|Victoria Park Harriers|Clapham
Chasers|Dulwich Runners|Highgate Harriers|Belgrave Harriers|Blackheath & Bromley|Ranelagh Harriers|
Orion Harriers|Hackney Harriers|Stragglers RC|Run Dem Crew|Mornington Chasers|Edinburgh AC|
Leeds City AC|Bristol & West AC|Cardiff AAC|Manchester Harriers""".replace("\n", " ").split("|")
COMMON_NAMES = [("John", "Smith"), ("David", "Jones"), ("Sarah", "Williams"), ("James", "Brown")]
HEADER = ["Place", "Bib", "First Name", "Last Name", "Gender", "Category", "Country", "Club",
          "Chip Time", "Gun Time"]  # fmt: skip
NON_FINISHERS = 20
FASTEST, SLOWEST = 2 * 3600 + 2 * 60, 7 * 3600 + 30 * 60
MEDIAN = {"M": 4 * 3600 + 20 * 60, "F": 4 * 3600 + 45 * 60}
SPREAD = 0.19  # sigma of log(chip time)
BANDS = [(18, "18-39"), (40, "40-44"), (45, "45-49"), (50, "50-54"), (55, "55-59"),
         (60, "60-64"), (65, "65-69"), (70, "70-74"), (75, "75-79"), (80, "80+")]  # fmt: skip


@dataclass(frozen=True)
class Runner:
    position: int | None
    bib: str
    first: str
    last: str
    gender: str
    category: str
    country: str
    club: str
    chip: float | None
    gun: float | None
    status: str = "finished"

    @property
    def name(self) -> str:
        return f"{self.first} {self.last}"


def _surname(rng: random.Random) -> str:
    roll = rng.random()
    base = rng.choice(SURNAMES)
    if roll < 0.06:
        return f"{base}-{rng.choice(SURNAMES)}"
    if roll < 0.09:
        return f"{rng.choice(PARTICLES)} {base}"
    return base


def _category(rng: random.Random, gender: str) -> str:
    age = min(89, max(18, round(rng.gauss(40, 11))))
    band = next(label for low, label in reversed(BANDS) if age >= low)
    return f"{gender}{band}"


def _chip_time(rng: random.Random, gender: str) -> float:
    """Log-normal around the median for the gender, kept within 2:02:00-7:30:00."""
    while True:
        seconds = MEDIAN[gender] * math.exp(rng.gauss(0, SPREAD))
        if FASTEST <= seconds <= SLOWEST:
            return float(round(seconds))


def _start_delay(rng: random.Random, chip: float) -> float:
    """Seconds from the gun to crossing the start: the slower the runner, the further back."""
    slowness = (chip - FASTEST) / (SLOWEST - FASTEST)
    return float(round(slowness * 1800 * rng.uniform(0.5, 1.4) + rng.uniform(0, 45)))


def make_field(finishers: int, seed: int = 1) -> list[Runner]:
    """``finishers`` runners ordered by gun time, then a few DNF/DNS rows."""
    rng = random.Random(seed)
    people: list[tuple[float, float, str, str, str]] = []
    for index in range(finishers):
        gender = "M" if rng.random() < 0.6 else "F"
        if index % 199 == 0:  # a few names shared in full: several John Smiths
            first, last = COMMON_NAMES[(index // 199) % len(COMMON_NAMES)]
            gender = "F" if first == "Sarah" else "M"
        else:
            first = rng.choice(FIRST_M if gender == "M" else FIRST_F)
            last = _surname(rng)
        chip = _chip_time(rng, gender)
        people.append((chip + _start_delay(rng, chip), chip, first, last, gender))
    people.sort()
    total = finishers + NON_FINISHERS
    bibs = rng.sample(range(100, 100 + max(total * 2, 1000)), total)
    runners: list[Runner] = []
    for position, (gun, chip, first, last, gender) in enumerate(people, start=1):
        club = rng.choice(CLUBS) if rng.random() < 0.4 else ""
        category, country = _category(rng, gender), rng.choice(COUNTRIES)
        bib = str(bibs[position - 1])
        runners.append(
            Runner(position, bib, first, last, gender, category, country, club, chip, gun)
        )
    for extra in range(NON_FINISHERS):
        gender = "M" if rng.random() < 0.6 else "F"
        runners.append(
            Runner(
                None,
                str(bibs[finishers + extra]),
                rng.choice(FIRST_M if gender == "M" else FIRST_F),
                _surname(rng),
                gender,
                _category(rng, gender),
                rng.choice(COUNTRIES),
                "",
                None,
                None,
                "DNF" if extra % 3 else "DNS",
            )
        )
    return runners


def write_csv(runners: list[Runner], path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", newline="", encoding="utf-8") as file:
        writer = csv.writer(file)
        writer.writerow(HEADER)
        for r in runners:
            place = str(r.position) if r.position else r.status
            writer.writerow([place, r.bib, r.first, r.last, r.gender, r.category, r.country,
                             r.club, format_clock(r.chip) if r.chip else "",
                             format_clock(r.gun) if r.gun else ""])  # fmt: skip
    return path


def athlete_ids(runners: list[Runner]) -> list[str]:
    """The ids the importer gives these runners (as written by :func:`write_csv`), in order."""
    ids = AthleteIds()
    return [
        ids.take(r.name, bib=r.bib, position=r.position, line=line)
        for line, r in enumerate(runners, start=2)
    ]


def _typo(word: str, rng: random.Random, shortest: int = 5) -> str:
    """One deleted, swapped, doubled or substituted letter (not the first); words shorter than
    ``shortest`` kept."""
    if len(word) < max(shortest, 3):
        return word
    i = rng.randrange(1, len(word) - 1)
    kind = rng.choice(["delete", "swap", "double", "substitute"])
    if kind == "delete":
        return word[:i] + word[i + 1 :]
    if kind == "swap":
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    if kind == "double":
        return word[:i] + word[i] + word[i:]
    letters = "aeiourstnl"
    return word[:i] + rng.choice([c for c in letters if c != word[i]]) + word[i + 1 :]


def _casual(text: str) -> str:
    """How people type a name: lower case, no accents, hyphens and apostrophes kept."""
    return strip_accents(text).lower()


FORMS = [
    "what was {name}'s time", "where did {name} finish", "{name} time?", "how did {name} do",
    "{name} result", "what position was {name}", "{name}s pace per km", "how fast was {name}",
    "{name}'s time?", "where did {name} come", "did {name} finish", "{name} place",
]  # fmt: skip


class _Meanings:
    """Which runners a name as typed in a question can mean."""

    def __init__(self, runners: list[Runner], ids: list[str]) -> None:
        self.full: dict[str, set[str]] = defaultdict(set)  # whole name, either order
        self.by_token: dict[str, set[str]] = defaultdict(set)
        self.names: dict[str, str] = {}  # id -> normalised "first last" and "last first"
        for runner, key in zip(runners, ids, strict=True):
            first, last = normalize(runner.first), normalize(runner.last)
            self.full[f"{first} {last}"].add(key)
            self.full[f"{last} {first}"].add(key)
            self.names[key] = f" {first} {last} | {last} {first} "
            for token in f"{first} {last}".split():
                self.by_token[token].add(key)

    def whole(self, words: str) -> set[str]:
        """Runners whose whole name is ``words``, in either order."""
        return set(self.full.get(normalize(words), ()))

    def part(self, words: str) -> set[str]:
        """Runners with ``words`` in their name: "smith" means Smith, Smith-Jones, Smith Kelly."""
        text = normalize(words)
        if not text:
            return set()
        candidates = self.by_token.get(text.split()[0], set())
        return {key for key in candidates if f" {text} " in self.names[key]}


def make_questions(
    runners: list[Runner], n: int, seed: int = 2, shortest: int = 5
) -> list[tuple[str, frozenset[str]]]:
    """Casual questions naming finishers, each with every athlete id it could mean.

    Forms: the name as written or lower case without accents; first and last name swapped;
    the surname alone; possessives (with and without the apostrophe); one typo (deleted,
    swapped, doubled or substituted letter) in a first name or surname. The meaning set is
    honest: a full name means everyone of that name (in either order); a surname alone means
    everyone with that word in their name (Smith, Smith-Jones, and a James for "james"); a typo
    that spells another runner's name means them too. Beside another name word, a typo may hit
    words of ``shortest`` letters or more (5 by default; 3 puts slips in short names too). A
    surname alone keeps its typos to words of 5 letters or more.
    """
    rng = random.Random(seed)
    ids = athlete_ids(runners)
    meanings = _Meanings(runners, ids)
    finishers = [(r, i) for r, i in zip(runners, ids, strict=True) if r.position is not None]
    questions: list[tuple[str, frozenset[str]]] = []
    while len(questions) < n:
        runner, key = rng.choice(finishers)
        written = rng.random() < 0.3  # as in the results, accents and capitals
        first = runner.first if written else _casual(runner.first)
        last = runner.last if written else _casual(runner.last)
        style = rng.random()
        if style < 0.3:
            words, meaning = f"{first} {last}", meanings.whole(f"{first} {last}")
        elif style < 0.45:
            words, meaning = f"{last} {first}", meanings.whole(f"{first} {last}")
        elif style < 0.6:
            words, meaning = last, meanings.part(last)
        elif style < 0.68 and " " not in last:
            typo = _typo(last, rng)
            words, meaning = typo, meanings.part(last) | meanings.part(typo)
        elif style < 0.9 and " " not in last:
            typo = _typo(last, rng, shortest)
            words = f"{first} {typo}"
            meaning = meanings.whole(f"{first} {last}") | meanings.whole(words)
        else:
            plain = " " not in first and "-" not in first
            typo = _typo(first, rng, shortest) if plain else first
            words = f"{typo} {last}"
            meaning = meanings.whole(f"{first} {last}") | meanings.whole(words)
        question = rng.choice(FORMS).format(name=words)
        if words.endswith("s") and "'s" in question and rng.random() < 0.5:
            question = question.replace("'s", "'", 1)  # "james' time"
        questions.append((question, frozenset(meaning | {key})))
    return questions


def make_short_typo_questions(
    runners: list[Runner], n: int, seed: int = 3
) -> list[tuple[str, frozenset[str]]]:
    """Casual questions with a one-letter slip in a short name ("george web", "oliver kng",
    "sin wilson", "isa robertss pace"): runners with a name word of three or four letters, that
    word misspelt, the other word as written (now and then with a slip of its own, or swapped,
    or possessive). The meaning set is honest as in :func:`make_questions`."""
    rng = random.Random(seed)
    ids = athlete_ids(runners)
    meanings = _Meanings(runners, ids)
    short = [
        (r, key)
        for r, key in zip(runners, ids, strict=True)
        if r.position is not None
        and " " not in r.first + r.last
        and "-" not in r.first + r.last
        and (3 <= len(_casual(r.first)) <= 4 or 3 <= len(_casual(r.last)) <= 4)
    ]
    questions: list[tuple[str, frozenset[str]]] = []
    while len(questions) < n:
        runner, key = rng.choice(short)
        first, last = _casual(runner.first), _casual(runner.last)
        if 3 <= len(first) <= 4 and (len(last) > 4 or len(last) < 3 or rng.random() < 0.5):
            first = _typo(first, rng, shortest=3)
            if rng.random() < 0.1:
                last = _typo(last, rng)
        else:
            last = _typo(last, rng, shortest=3)
            if rng.random() < 0.1:
                first = _typo(first, rng)
        words = f"{first} {last}" if rng.random() < 0.8 else f"{last} {first}"
        meaning = meanings.whole(f"{runner.first} {runner.last}") | meanings.whole(words)
        question = rng.choice(FORMS).format(name=words)
        questions.append((question, frozenset(meaning | {key})))
    return questions


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--finishers", type=int, default=40_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, default=Path("benchmarks/out"))
    args = parser.parse_args(argv)
    if args.finishers < 1:
        parser.error("--finishers must be at least 1")
    path = write_csv(make_field(args.finishers, args.seed),
                     args.out / f"results-{args.finishers}.csv")  # fmt: skip
    print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
