//! Toponym resolution: which place of the gazetteer each mention of a document names.
//!
//! Every mention gets the places whose name, alternate name or adjective has its [`key`]
//! (with fallbacks: a possessive `'s` dropped, then a leading direction such as `northern`,
//! then a trailing generic word such as `province`, then the longest capitalised run of words
//! inside it that names a place: `California` in `University of California`). Each candidate
//! starts from a prior: its kind (countries, continents and capitals first for bare names), the
//! logarithm of its population, and penalties when only an alternate name, an adjective or an
//! inner name matched. A large town named like the division that holds it (`New York`) is
//! preferred to the division, and so is a national capital named like a division of its
//! country (`Washington`). A short form of a longer mention (`Suffolk` beside `Suffolk
//! County`) leans to what the longer one names. A qualifier (`Paris, Texas`, as one span or
//! two adjacent ones) adds a large bonus to the candidates inside the qualifying country or
//! division. Then, a few times over, each mention's candidates are rescored in turn with the
//! rest of the document as resolved so far ([`super::context`]): the share of the document's places in
//! the candidate's country, a division named elsewhere that holds it, and nearness to the
//! other places. Last,
//! mentions of one name share the resolution best over all of them (one sense per discourse),
//! except where a qualifier decided.
//!
//! The default weights were set by a coordinate search on the GeoWebNews half in
//! `../shared/data` (`chancery-eval geo --set NAME=VALUE`).

use std::collections::HashMap;

use super::candidates::{
    adjacent_qualifier, candidates, ends_in_facility, split_qualifier, GENERIC,
};
use super::context::{bonus, ContextPlace};
use super::gazetteer::{Form, Gazetteer};
use super::normalize::key;
use super::place::{Kind, Place};

/// Weights of the resolver's scores.
#[derive(Debug, Clone, PartialEq)]
pub struct ResolverConfig {
    /// Score per factor of ten in population.
    pub population: f64,
    /// Prior of a country.
    pub country: f64,
    /// Prior of a continent.
    pub continent: f64,
    /// Prior of a national capital.
    pub capital: f64,
    /// Prior of a first-order division.
    pub admin1: f64,
    /// Prior of a second-order division (its population stands for its number of towns).
    pub admin2: f64,
    /// Prior of the seat of a first-order division.
    pub seat: f64,
    /// Prior of a curated region or physical feature.
    pub region: f64,
    /// Penalty of a populated place matched only by an alternate name.
    pub alternate_city: f64,
    /// Penalty of any other place matched only by an alternate name.
    pub alternate_other: f64,
    /// Penalty of a place matched by an adjective (`Russian`).
    pub adjective: f64,
    /// Penalty of a place named only inside the mention (`California` in `University of
    /// California`).
    pub inner: f64,
    /// Bonus of a candidate inside the place a qualifier names (`, Texas`).
    pub qualifier: f64,
    /// Bonus of the place a longer mention of the same name names (`Suffolk County` for
    /// `Suffolk`).
    pub longer_form: f64,
    /// Bonus of a large town over the division of the same name that holds it.
    pub city_over_division: f64,
    /// Smallest population of a town for [`ResolverConfig::city_over_division`].
    pub city_over_division_population: u64,
    /// Bonus for holding all of the document's other places (scaled by the share held).
    pub country_context: f64,
    /// Bonus of a city whose first-order division the document names.
    pub admin1_context: f64,
    /// Bonus for being next to another place of the document.
    pub proximity: f64,
    /// Distance at which the proximity bonus falls to 1/e, km (for cities; divisions and
    /// countries use multiples).
    pub proximity_km: f64,
    /// Rescoring rounds with document context.
    pub rounds: usize,
}

impl Default for ResolverConfig {
    fn default() -> Self {
        ResolverConfig {
            population: 1.2,
            country: 3.0,
            continent: 2.5,
            capital: 2.0,
            admin1: 0.6,
            admin2: 0.0,
            seat: 0.4,
            region: 1.5,
            alternate_city: 3.0,
            alternate_other: 0.3,
            adjective: 0.5,
            inner: 1.0,
            qualifier: 5.0,
            longer_form: 4.0,
            city_over_division: 1.5,
            city_over_division_population: 100_000,
            country_context: 3.0,
            admin1_context: 1.5,
            proximity: 2.0,
            proximity_km: 150.0,
            rounds: 3,
        }
    }
}

/// The place chosen for a mention.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Resolution {
    /// Index of the place in [`Gazetteer::places`].
    pub place: u32,
    /// Its final score.
    pub score: f64,
    /// Margin over the next best candidate (infinite when it was the only one).
    pub margin: f64,
    /// Number of candidates considered (0 when inferred).
    pub candidates: usize,
    /// No place has the mention's name: it names a street or building (`Frenchmen Street`),
    /// placed at the town the document is about.
    pub inferred: bool,
}

/// Resolves place mentions against a gazetteer.
#[derive(Debug, Clone)]
pub struct Resolver<'g> {
    gazetteer: &'g Gazetteer,
    config: ResolverConfig,
}

/// One mention being resolved.
#[derive(Debug)]
struct Mention {
    key: String,
    qualified: bool,
    /// The mention ends in a street or building word (`Street`, `Hall`).
    facility: bool,
    cands: Vec<Cand>,
}

#[derive(Debug, Clone, Copy)]
struct Cand {
    place: u32,
    base: f64,
    score: f64,
}

impl<'g> Resolver<'g> {
    /// A resolver with the default weights.
    pub fn new(gazetteer: &'g Gazetteer) -> Self {
        Self::with_config(gazetteer, ResolverConfig::default())
    }

    /// A resolver with the given weights.
    pub fn with_config(gazetteer: &'g Gazetteer, config: ResolverConfig) -> Self {
        Resolver { gazetteer, config }
    }

    /// The gazetteer resolved against.
    pub fn gazetteer(&self) -> &'g Gazetteer {
        self.gazetteer
    }

    /// The place of a resolution.
    pub fn place(&self, r: &Resolution) -> Option<&'g Place> {
        self.gazetteer.place(r.place)
    }

    /// Resolves place names taken as one document (each may be `City, Country`).
    pub fn resolve_names(&self, names: &[&str]) -> Vec<Option<Resolution>> {
        let mut mentions: Vec<Mention> = names
            .iter()
            .map(|n| {
                let (head, qual) = split_qualifier(n);
                self.mention(head, qual)
            })
            .collect();
        self.rescore(&mut mentions);
        self.resolutions(&mentions)
    }

    /// Resolves the mentions at byte ranges `spans` of `text`, taken as one document. A span
    /// followed by a comma and another span (`Portland, Maine`) takes that one as qualifier.
    /// Spans outside the text or not on character boundaries are left unresolved.
    pub fn resolve_spans(&self, text: &str, spans: &[(usize, usize)]) -> Vec<Option<Resolution>> {
        let mut mentions = self.span_mentions(text, spans);
        self.rescore(&mut mentions);
        self.resolutions(&mentions)
    }

    /// Like [`Resolver::resolve_spans`], but every candidate of each mention with its final
    /// score, best first: for explaining a choice, or a confidence.
    pub fn rank_spans(&self, text: &str, spans: &[(usize, usize)]) -> Vec<Vec<(u32, f64)>> {
        let mut mentions = self.span_mentions(text, spans);
        self.rescore(&mut mentions);
        mentions
            .iter()
            .map(|m| {
                let mut r: Vec<(u32, f64)> = m.cands.iter().map(|c| (c.place, c.score)).collect();
                r.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
                r
            })
            .collect()
    }

    fn span_mentions(&self, text: &str, spans: &[(usize, usize)]) -> Vec<Mention> {
        let starts: HashMap<usize, usize> = spans.iter().map(|&(s, e)| (s, e)).collect();
        spans
            .iter()
            .map(|&(s, e)| {
                let Some(surface) = text.get(s..e) else {
                    return self.mention("", None);
                };
                let (head, mut qual) = split_qualifier(surface);
                if qual.is_none() {
                    qual = adjacent_qualifier(text, e, &starts);
                }
                self.mention(head, qual)
            })
            .collect()
    }

    fn mention(&self, head: &str, qual: Option<&str>) -> Mention {
        let hits = candidates(self.gazetteer, head);
        let quals: Vec<&Place> = qual
            .map(|q| candidates(self.gazetteer, q))
            .unwrap_or_default()
            .iter()
            .filter_map(|h| self.gazetteer.place(h.place))
            .filter(|p| matches!(p.kind(), Kind::Country | Kind::Admin1))
            .collect();
        let mut cands: Vec<Cand> = hits
            .iter()
            .filter_map(|h| {
                let p = self.gazetteer.place(h.place)?;
                let mut base = self.prior(p, h.form);
                if quals.iter().any(|q| inside(p, q)) {
                    base += self.config.qualifier;
                }
                Some(Cand {
                    place: h.place,
                    base,
                    score: base,
                })
            })
            .collect();
        self.prefer_city_over_its_division(&mut cands);
        let facility = ends_in_facility(head);
        Mention {
            key: key(head),
            qualified: !quals.is_empty(),
            facility,
            cands,
        }
    }

    /// A large town named like the division that holds it (`New York`, `Kabul`, `Fresno` of
    /// Fresno County), or a national capital named like a division of its country wherever
    /// that lies (`Washington`: the capital, and the government it stands for, far more often
    /// than the state) unless the name is also the country's, is what news means by the name:
    /// it gets
    /// [`ResolverConfig::city_over_division`].
    fn prefer_city_over_its_division(&self, cands: &mut [Cand]) {
        let g = self.gazetteer;
        let divisions: Vec<&Place> = cands
            .iter()
            .filter_map(|c| g.place(c.place))
            .filter(|p| matches!(p.kind(), Kind::Admin1 | Kind::Admin2))
            .collect();
        if divisions.is_empty() {
            return;
        }
        // `Mexico` names the country before its capital or its state.
        let names_country = |cc: &str| {
            cands
                .iter()
                .filter_map(|c| g.place(c.place))
                .any(|p| p.kind() == Kind::Country && p.country == cc)
        };
        let bonus: Vec<bool> = cands
            .iter()
            .map(|c| {
                g.place(c.place).is_some_and(|p| {
                    let capital = p.kind() == Kind::Capital
                        && divisions.iter().any(|d| d.country == p.country)
                        && !names_country(&p.country);
                    capital
                        || (p.class == 'P'
                            && p.population >= self.config.city_over_division_population
                            && divisions.iter().any(|d| holds(d, p)))
                })
            })
            .collect();
        for (c, b) in cands.iter_mut().zip(bonus) {
            if b {
                c.base += self.config.city_over_division;
                c.score = c.base;
            }
        }
    }

    fn prior(&self, p: &Place, form: Form) -> f64 {
        let c = &self.config;
        let kind = p.kind();
        let prior = match kind {
            Kind::Country => c.country,
            Kind::Continent => c.continent,
            Kind::Capital => c.capital,
            Kind::Admin1 => c.admin1,
            Kind::Admin2 => c.admin2,
            Kind::Seat => c.seat,
            Kind::Region => c.region,
            Kind::City => 0.0,
        };
        let penalty = match (form, kind) {
            (Form::Name, _) => 0.0,
            (Form::Inner, _) => c.inner,
            (Form::Adjective, _) => c.adjective,
            (Form::Alternate, Kind::City | Kind::Seat | Kind::Capital | Kind::Admin2) => {
                c.alternate_city
            }
            (Form::Alternate, _) => c.alternate_other,
        };
        prior + c.population * (1.0 + p.population as f64).log10() - penalty
    }

    /// A short form of a longer mention of the document (`Suffolk` beside `Suffolk County`,
    /// `Idlib` beside `Idlib province`; not `Mexico` beside `Mexico City`) names what the
    /// longer one names: the longer one's best candidate, added to the short
    /// one's if need be, gets [`ResolverConfig::longer_form`].
    fn follow_longer_forms(&self, mentions: &mut [Mention]) {
        let longer: HashMap<&str, u32> = mentions
            .iter()
            .filter_map(|m| {
                let (short, last) = m.key.rsplit_once(' ')?;
                let b = best(&m.cands)?;
                // `Mexico City` is not what `Mexico` names.
                (GENERIC.contains(&last) && last != "city").then_some((short, b.place))
            })
            .collect();
        let borrowed: Vec<Option<u32>> = mentions
            .iter()
            .map(|m| longer.get(m.key.as_str()).copied())
            .collect();
        for (m, place) in mentions.iter_mut().zip(borrowed) {
            let Some(place) = place.filter(|_| !m.qualified) else {
                continue;
            };
            if !m.cands.iter().any(|c| c.place == place) {
                let base = self
                    .gazetteer
                    .place(place)
                    .map_or(0.0, |p| self.prior(p, Form::Name));
                m.cands.push(Cand {
                    place,
                    base,
                    score: base,
                });
            }
            for c in m.cands.iter_mut().filter(|c| c.place == place) {
                c.base += self.config.longer_form;
                c.score = c.base;
            }
        }
    }

    /// Rescores each mention in turn against the others' current choices, so that a change
    /// is seen by the mentions after it in the same round (updating all at once lets two
    /// names flip each other back and forth: `Cambridge` and `Boston` each moving to the
    /// other's old country).
    fn rescore(&self, mentions: &mut [Mention]) {
        self.follow_longer_forms(mentions);
        for _ in 0..self.config.rounds {
            for i in 0..mentions.len() {
                let scores: Vec<f64> = {
                    let current = self.context(mentions);
                    let m = &mentions[i];
                    let others: Vec<&ContextPlace> =
                        current.iter().filter(|c| c.key != m.key).collect();
                    m.cands
                        .iter()
                        .map(|c| match self.gazetteer.place(c.place) {
                            Some(p) => c.base + bonus(&self.config, p, &others),
                            None => c.base,
                        })
                        .collect()
                };
                for (c, s) in mentions[i].cands.iter_mut().zip(scores) {
                    c.score = s;
                }
            }
        }
        self.share_by_name(mentions);
    }

    /// The places the mentions resolve to for now: each (name, place) once, weighted by its
    /// number of mentions.
    fn context<'m>(&self, mentions: &'m [Mention]) -> Vec<ContextPlace<'m>>
    where
        'g: 'm,
    {
        let mut counts: HashMap<(&str, u32), f64> = HashMap::new();
        for m in mentions {
            if let Some(b) = best(&m.cands) {
                *counts.entry((m.key.as_str(), b.place)).or_default() += 1.0;
            }
        }
        let mut current: Vec<ContextPlace> = counts
            .into_iter()
            .filter_map(|((key, place), weight)| {
                Some(ContextPlace {
                    key,
                    place: self.gazetteer.place(place)?,
                    weight,
                })
            })
            .collect();
        current.sort_by(|a, b| {
            a.key
                .cmp(b.key)
                .then(a.place.geonameid.cmp(&b.place.geonameid))
        });
        current
    }

    /// One sense per discourse: unqualified mentions of one name take the candidate with the
    /// highest score summed over them.
    fn share_by_name(&self, mentions: &mut [Mention]) {
        let mut totals: HashMap<&str, HashMap<u32, f64>> = HashMap::new();
        for m in mentions.iter().filter(|m| !m.qualified) {
            let t = totals.entry(m.key.as_str()).or_default();
            for c in &m.cands {
                *t.entry(c.place).or_default() += c.score;
            }
        }
        let chosen: HashMap<String, u32> = totals
            .into_iter()
            .filter_map(|(k, t)| {
                let (&place, _) = t
                    .iter()
                    .max_by(|a, b| a.1.total_cmp(b.1).then(b.0.cmp(a.0)))?;
                Some((k.to_string(), place))
            })
            .collect();
        for m in mentions.iter_mut().filter(|m| !m.qualified) {
            if let Some(&place) = chosen.get(&m.key) {
                let top = m
                    .cands
                    .iter()
                    .map(|c| c.score)
                    .fold(f64::NEG_INFINITY, f64::max);
                if let Some(c) = m.cands.iter_mut().find(|c| c.place == place) {
                    c.score = top + 1e-9;
                }
            }
        }
    }
}

impl Resolver<'_> {
    fn resolutions(&self, mentions: &[Mention]) -> Vec<Option<Resolution>> {
        let focus = self.focus(mentions);
        mentions
            .iter()
            .map(|m| match best(&m.cands) {
                Some(b) => Some(resolution(m, b)),
                None if m.facility => focus.map(|place| Resolution {
                    place,
                    score: 0.0,
                    margin: 0.0,
                    candidates: 0,
                    inferred: true,
                }),
                None => None,
            })
            .collect()
    }

    /// The town the document is about: the town most of its mentions resolve to (ties: the
    /// most populous).
    fn focus(&self, mentions: &[Mention]) -> Option<u32> {
        let mut counts: HashMap<u32, usize> = HashMap::new();
        for m in mentions {
            let Some(b) = best(&m.cands) else { continue };
            if self
                .gazetteer
                .place(b.place)
                .is_some_and(|p| matches!(p.kind(), Kind::City | Kind::Seat | Kind::Capital))
            {
                *counts.entry(b.place).or_default() += 1;
            }
        }
        let population = |i: u32| self.gazetteer.place(i).map_or(0, |p| p.population);
        counts
            .into_iter()
            .max_by_key(|&(i, n)| (n, population(i), std::cmp::Reverse(i)))
            .map(|(i, _)| i)
    }
}

fn resolution(m: &Mention, b: &Cand) -> Resolution {
    let second = m
        .cands
        .iter()
        .filter(|c| c.place != b.place)
        .map(|c| c.score)
        .fold(f64::NEG_INFINITY, f64::max);
    Resolution {
        place: b.place,
        score: b.score,
        margin: b.score - second,
        candidates: m.cands.len(),
        inferred: false,
    }
}

fn best(cands: &[Cand]) -> Option<&Cand> {
    cands
        .iter()
        .max_by(|a, b| a.score.total_cmp(&b.score).then(b.place.cmp(&a.place)))
}

/// Whether division `d` holds town `p`: its first-order division, or a second-order one of
/// the same first-order division within [`COUNTY_REACH_KM`] (towns carry no second-order code).
fn holds(d: &Place, p: &Place) -> bool {
    match d.kind() {
        Kind::Admin2 => {
            p.country == d.country && p.admin1 == d.admin1 && p.distance_km(d) <= COUNTY_REACH_KM
        }
        _ => inside(p, d),
    }
}

/// How far a town may lie from the point of the second-order division it is taken to be in.
const COUNTY_REACH_KM: f64 = 60.0;

/// Whether place `p` lies in the country or first-order division `q`.
fn inside(p: &Place, q: &Place) -> bool {
    if p.country.is_empty() || p.country != q.country || std::ptr::eq(p, q) {
        return false;
    }
    match q.kind() {
        Kind::Country => true,
        Kind::Admin1 => !q.admin1.is_empty() && p.admin1 == q.admin1 && p.kind() != Kind::Admin1,
        _ => false,
    }
}
