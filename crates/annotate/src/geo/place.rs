//! A gazetteer entry ([`Place`]), the coarse kind the resolver reasons with ([`Kind`]), and
//! great-circle distance.

/// One place of the gazetteer.
#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    /// GeoNames id; 0 for the project's curated regions, which have none.
    pub geonameid: u32,
    /// Preferred name.
    pub name: String,
    /// Alternate names (English names, exonyms, other Latin-script spellings).
    pub alternates: Vec<String>,
    /// ISO 3166-1 alpha-2 country code; empty for places in several countries.
    pub country: String,
    /// GeoNames first-order division code within the country (`CA` for California); may be
    /// empty.
    pub admin1: String,
    /// Latitude, degrees.
    pub lat: f64,
    /// Longitude, degrees.
    pub lon: f64,
    /// Population (for curated regions, a stand-in for prominence).
    pub population: u64,
    /// GeoNames feature class (`P` populated place, `A` administrative, `H` water, `L` area,
    /// `T` terrain).
    pub class: char,
    /// GeoNames feature code (`PPLC`, `PCLI`, `ADM1`, `SEA`...).
    pub code: String,
    /// Adjectives that name the place (`Russian` for Russia).
    pub adjectives: Vec<String>,
}

/// What a place is, as far as choosing between places of one name goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    /// A continent.
    Continent,
    /// An independent or dependent country.
    Country,
    /// A first-order administrative division (state, province, region).
    Admin1,
    /// A second-order administrative division (county, district).
    Admin2,
    /// A national capital.
    Capital,
    /// The seat of a first-order division.
    Seat,
    /// Any other populated place.
    City,
    /// A curated macro-region, sea, river, mountain range...
    Region,
}

impl Place {
    /// The kind of this place, from its feature class and code.
    pub fn kind(&self) -> Kind {
        match (self.class, self.code.as_str()) {
            (_, "CONT") => Kind::Continent,
            ('A', c) if c.starts_with("PCL") => Kind::Country,
            ('A', "ADM1") => Kind::Admin1,
            ('A', "ADM2") => Kind::Admin2,
            ('P', "PPLC") => Kind::Capital,
            ('P', "PPLA") => Kind::Seat,
            ('P', _) => Kind::City,
            _ => Kind::Region,
        }
    }

    /// Great-circle distance to another place, km.
    pub fn distance_km(&self, other: &Place) -> f64 {
        distance_km(self.lat, self.lon, other.lat, other.lon)
    }
}

/// Mean Earth radius, km.
const EARTH_RADIUS_KM: f64 = 6371.0088;

/// Great-circle (haversine) distance between two points given in degrees, km.
pub fn distance_km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let dp = p2 - p1;
    let dl = (lon2 - lon1).to_radians();
    let a = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * EARTH_RADIUS_KM * a.sqrt().min(1.0).asin()
}
