//! Document context: how well a candidate place fits the other places of the document as
//! resolved so far.
//!
//! Three signals, added to the candidate's prior:
//! - country: the share of the other places that lie in the candidate's country (a country
//!   named outright counts more than a town in it), smoothed so one other place is not all;
//! - division: a town whose first-order division is named elsewhere in the document;
//! - nearness: how close the candidate lies to the nearest other specific place (not a country
//!   or continent), decaying with distance, on a wider scale for divisions and countries.

use super::place::{Kind, Place};
use super::resolve::ResolverConfig;

/// Another mention of the document and the place it resolves to for now.
#[derive(Debug, Clone, Copy)]
pub struct ContextPlace<'a> {
    /// Its lookup key (mentions of the same name are not context for each other).
    pub key: &'a str,
    /// The place.
    pub place: &'a Place,
    /// How many mentions of the document it stands for.
    pub weight: f64,
}

/// Context bonus of candidate `p` given the other mentions' places.
pub fn bonus(config: &ResolverConfig, p: &Place, others: &[&ContextPlace]) -> f64 {
    if others.is_empty() {
        return 0.0;
    }
    let kind = p.kind();
    if kind == Kind::Continent {
        return 0.0;
    }
    let mut score = 0.0;
    if !p.country.is_empty() {
        let mut mass = 0.0;
        let mut total = 1.0;
        for o in others {
            let w = country_weight(o.place.kind()) * o.weight;
            total += w;
            if o.place.country == p.country {
                mass += w;
            }
        }
        score += config.country_context * mass / total;
    }
    if matches!(kind, Kind::City | Kind::Seat | Kind::Capital | Kind::Admin2)
        && !p.admin1.is_empty()
    {
        let named = others.iter().any(|o| {
            o.place.kind() == Kind::Admin1
                && o.place.country == p.country
                && o.place.admin1 == p.admin1
        });
        if named {
            score += config.admin1_context;
        }
    }
    let scale = config.proximity_km
        * match kind {
            Kind::Country => 4.0,
            Kind::Admin1 | Kind::Region => 2.0,
            _ => 1.0,
        };
    let nearest = others
        .iter()
        .filter(|o| specific(o.place.kind()))
        .map(|o| p.distance_km(o.place))
        .fold(f64::INFINITY, f64::min);
    if nearest.is_finite() {
        score += config.proximity * (-nearest / scale).exp();
    }
    score
}

/// How much a place of this kind says about which country the document is about.
fn country_weight(kind: Kind) -> f64 {
    match kind {
        Kind::Country => 1.0,
        Kind::Continent => 0.0,
        Kind::Region => 0.3,
        _ => 0.6,
    }
}

/// Places precise enough for nearness to mean something.
fn specific(kind: Kind) -> bool {
    matches!(
        kind,
        Kind::City | Kind::Seat | Kind::Capital | Kind::Admin1 | Kind::Admin2
    )
}
