//! Places on the map: a GeoNames-derived gazetteer and a resolver that says which place each
//! place mention of a document names.
//!
//! - [`gazetteer`]: places (name, alternate names, country, GeoNames id, point, population,
//!   feature code) read from bytes the caller hands over, indexed by name;
//! - [`normalize`]: the lookup key of a name (case, diacritics, punctuation);
//! - [`place`]: a place, its kind, and great-circle distance;
//! - [`candidates`]: a mention's candidate places by name, with fallbacks, and qualifiers;
//! - [`resolve`]: priors, qualifiers (`Paris, Texas`), document context, one sense per name;
//! - [`context`]: the document-context signals;
//! - [`spot`]: place names found in text by gazetteer lookup, beside the tagger's.
//!
//! The gazetteer file is built by `crates/annotate/resources/build-geo.sh`; the built file
//! (`data/places.tsv.gz`, GeoNames data, CC-BY 4.0, see `data/README.md`) ships beside this
//! module. Nothing here reads files or panics on odd input.
//!
//! Measured on GeoWebNews (`chancery-eval geo`, see `crates/eval/src/geo.rs`): with the NER's
//! LOC mentions and gazetteer spots, toponym recognition F1 0.889 (overlap; P 0.899, R 0.879)
//! and 80.8% of recognised toponyms resolved within 161 km (84% to the gold GeoNames id); 77.6%
//! given the gold spans. Most of the rest are country points that are not GeoNames' own (the
//! United States, Canada and Japan alone account for about 100: right place, point over 161 km
//! from GeoNames'; no registry package ships GeoNames' country points), places the gazetteer
//! lacks (rivers, islands, buildings, neighbourhoods) and divisions whose point, the centre of
//! their towns, lies far from GeoNames' (Ontario, Alberta, British Columbia).
//!
//! ```no_run
//! # use chancery_annotate::geo::{Gazetteer, Resolver};
//! let bytes = std::fs::read("crates/annotate/src/geo/data/places.tsv.gz").unwrap();
//! let gazetteer = Gazetteer::from_bytes(&bytes).unwrap();
//! let resolver = Resolver::new(&gazetteer);
//! for r in resolver.resolve_names(&["Georgia", "Atlanta", "Florida"]).iter().flatten() {
//!     let p = resolver.place(r).unwrap();
//!     println!("{} {} {} {} {}", p.name, p.country, p.geonameid, p.lat, p.lon);
//! }
//! ```

pub mod candidates;
pub mod context;
pub mod gazetteer;
pub mod normalize;
pub mod place;
pub mod resolve;
pub mod spot;

pub use gazetteer::{Form, Gazetteer, GazetteerError, NameHit};
pub use place::{distance_km, Kind, Place};
pub use resolve::{Resolution, Resolver, ResolverConfig};

#[cfg(test)]
mod tests;
