//! GDELT's eight geography cells (type, full name, country, ADM1, ADM2, latitude, longitude,
//! feature id) for a resolved place or a country, looked up in the gazetteer the places were
//! resolved against.

use std::collections::HashMap;

use anyhow::{Context, Result};
use chancery_annotate::events::alpha3;
use chancery_annotate::geo::{Gazetteer, Kind, Place};
use chancery_model::PlaceRecord;

use super::fields::{cell, coordinate, item};

/// One point on the map as GDELT describes it.
#[derive(Debug, Clone, PartialEq)]
pub struct GeoCells {
    /// 1 country, 2 US state, 3 US city, 4 world city, 5 world state (any other division or
    /// region).
    pub kind: u8,
    /// "Astana, Kazakhstan": the place, then its country.
    pub full_name: String,
    /// ISO 3166-1 alpha-2 code (GDELT writes FIPS 10-4 codes, which mostly agree).
    pub country: String,
    /// The country code followed by the GeoNames first-order division code; for a country, the
    /// country code alone.
    pub adm1: String,
    pub lat: f64,
    pub lon: f64,
    /// GeoNames id; 0 when the place has none.
    pub feature_id: u32,
}

impl GeoCells {
    /// The eight Event-file cells; all empty for `None`.
    pub fn event_cells(geo: Option<&GeoCells>) -> [String; 8] {
        match geo {
            None => Default::default(),
            Some(g) => [
                g.kind.to_string(),
                cell(&g.full_name),
                g.country.clone(),
                g.adm1.clone(),
                String::new(),
                coordinate(g.lat),
                coordinate(g.lon),
                g.feature(),
            ],
        }
    }

    /// A V1LOCATIONS block: `Type#FullName#CountryCode#ADM1Code#Lat#Long#FeatureID`.
    pub fn v1_block(&self) -> String {
        self.block_fields().join("#")
    }

    /// A V2ENHANCEDLOCATIONS block: the V1 fields with ADM2Code (empty) after ADM1Code and the
    /// character offset last.
    pub fn v2_block(&self, offset: usize) -> String {
        let mut fields = self.block_fields().to_vec();
        fields.insert(4, String::new());
        fields.push(offset.to_string());
        fields.join("#")
    }

    fn block_fields(&self) -> [String; 7] {
        [
            self.kind.to_string(),
            item(&self.full_name),
            self.country.clone(),
            self.adm1.clone(),
            coordinate(self.lat),
            coordinate(self.lon),
            self.feature(),
        ]
    }

    fn feature(&self) -> String {
        if self.feature_id == 0 {
            String::new()
        } else {
            self.feature_id.to_string()
        }
    }
}

/// The gazetteer indexed by GeoNames id and by country.
#[derive(Debug)]
pub struct Places {
    gazetteer: Gazetteer,
    by_id: HashMap<u32, u32>,
    /// The country's own entry (the most populous `PCL*` entry), by alpha-2 code.
    countries: HashMap<String, u32>,
    /// Alpha-3 to alpha-2, for the countries the gazetteer holds.
    alpha2: HashMap<&'static str, String>,
}

impl Places {
    /// Indexes the gazetteer built into the binary.
    pub fn load() -> Result<Places> {
        let gazetteer = Gazetteer::from_bytes(crate::annotate::PLACES)
            .context("the built-in gazetteer is bad")?;
        Ok(Places::new(gazetteer))
    }

    /// Indexes `gazetteer`.
    pub fn new(gazetteer: Gazetteer) -> Places {
        let mut by_id = HashMap::new();
        let mut countries: HashMap<String, u32> = HashMap::new();
        for (i, place) in gazetteer.places().iter().enumerate() {
            let Ok(i) = u32::try_from(i) else { break };
            if place.geonameid != 0 {
                by_id.entry(place.geonameid).or_insert(i);
            }
            if place.kind() == Kind::Country && !place.country.is_empty() {
                let bigger = countries
                    .get(&place.country)
                    .and_then(|&j| gazetteer.place(j))
                    .is_none_or(|old| place.population > old.population);
                if bigger {
                    countries.insert(place.country.clone(), i);
                }
            }
        }
        let alpha2 = countries
            .keys()
            .filter_map(|a2| Some((alpha3(a2)?, a2.clone())))
            .collect();
        Places {
            gazetteer,
            by_id,
            countries,
            alpha2,
        }
    }

    /// The cells of a place an entity was resolved to.
    pub fn of_record(&self, record: &PlaceRecord) -> GeoCells {
        let found = self
            .by_id
            .get(&record.geonames_id)
            .and_then(|&i| self.gazetteer.place(i));
        match found {
            Some(place) => self.cells(place),
            // A curated region: no GeoNames entry, so no kind beyond "a region".
            None => GeoCells {
                kind: 5,
                full_name: self.full_name(&record.name, &record.country, false),
                country: record.country.clone(),
                adm1: record.country.clone(),
                lat: record.lat,
                lon: record.lon,
                feature_id: record.geonames_id,
            },
        }
    }

    /// The cells of the country with ISO 3166-1 alpha-3 code `alpha3`.
    pub fn of_country(&self, alpha3: &str) -> Option<GeoCells> {
        let alpha2 = self.alpha2.get(alpha3)?;
        let place = self.gazetteer.place(*self.countries.get(alpha2)?)?;
        Some(self.cells(place))
    }

    fn cells(&self, place: &Place) -> GeoCells {
        let kind = place.kind();
        let us = place.country == "US";
        let gdelt_kind = match kind {
            Kind::Country => 1,
            Kind::Admin1 if us => 2,
            Kind::Capital | Kind::Seat | Kind::City if us => 3,
            Kind::Capital | Kind::Seat | Kind::City => 4,
            Kind::Admin1 | Kind::Admin2 | Kind::Region | Kind::Continent => 5,
        };
        let adm1 = if kind == Kind::Country || place.admin1.is_empty() {
            place.country.clone()
        } else {
            format!("{}{}", place.country, place.admin1)
        };
        GeoCells {
            kind: gdelt_kind,
            full_name: self.full_name(&place.name, &place.country, kind == Kind::Country),
            country: place.country.clone(),
            adm1,
            lat: place.lat,
            lon: place.lon,
            feature_id: place.geonameid,
        }
    }

    /// The place's name followed by its country's, unless it is the country.
    fn full_name(&self, name: &str, country: &str, is_country: bool) -> String {
        let country_name = self
            .countries
            .get(country)
            .and_then(|&i| self.gazetteer.place(i))
            .map(|p| p.name.as_str());
        match country_name {
            Some(c) if !is_country && c != name => format!("{name}, {c}"),
            _ => name.to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn place(id: u32, name: &str, country: &str, class: char, code: &str) -> Place {
        Place {
            geonameid: id,
            name: name.into(),
            alternates: Vec::new(),
            country: country.into(),
            admin1: "05".into(),
            lat: 51.18,
            lon: 71.45,
            population: 1000,
            class,
            code: code.into(),
            adjectives: Vec::new(),
        }
    }

    fn places() -> Places {
        Places::new(Gazetteer::from_places(vec![
            place(1522867, "Kazakhstan", "KZ", 'A', "PCLI"),
            place(1526273, "Astana", "KZ", 'P', "PPLC"),
        ]))
    }

    #[test]
    fn cities_and_countries_take_gdelt_types_and_names() {
        let places = places();
        let astana = places.of_record(&PlaceRecord {
            name: "Astana".into(),
            geonames_id: 1526273,
            country: "KZ".into(),
            lat: 51.18,
            lon: 71.45,
        });
        assert_eq!(astana.kind, 4);
        assert_eq!(astana.full_name, "Astana, Kazakhstan");
        assert_eq!(astana.adm1, "KZ05");
        assert_eq!(
            astana.v1_block(),
            "4#Astana, Kazakhstan#KZ#KZ05#51.1800#71.4500#1526273"
        );
        assert_eq!(
            astana.v2_block(7),
            "4#Astana, Kazakhstan#KZ#KZ05##51.1800#71.4500#1526273#7"
        );
        let kaz = places
            .of_country("KAZ")
            .expect("Kazakhstan is in the gazetteer");
        assert_eq!((kaz.kind, kaz.adm1.as_str()), (1, "KZ"));
        assert_eq!(kaz.full_name, "Kazakhstan");
        assert!(places.of_country("USA").is_none());
        assert_eq!(GeoCells::event_cells(None), <[String; 8]>::default());
    }
}
