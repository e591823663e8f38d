//! One GDELT 2.0 Event row per stored event that has a source, a target and a PLOVER type:
//! actors by country code and name, the PLOVER type as a CAMEO code with its QuadClass and
//! Goldstein score, places from the article's resolved entities, the date the event happened.

use chancery_model::{plover_scale, ActorRecord, Article, EventRecord, MentionBlock};
use chrono::NaiveDate;

use super::fields::{cell, day_timestamp, fraction_date, month_year, sql_date, timestamp};
use super::geo::{GeoCells, Places};

/// The 61 cells of `event`, the `index`-th event of `article`; `None` when GDELT could not hold
/// it: no source, no target, an unknown type, or a modality that says it did not happen
/// (`negated`, `hypothetical`).
pub fn row(
    article: &Article,
    index: usize,
    event: &EventRecord,
    places: &Places,
) -> Option<Vec<String>> {
    let (source, target) = (event.source.as_ref()?, event.target.as_ref()?);
    let scale = plover_scale(&event.event_type)?;
    if matches!(event.modality.as_str(), "negated" | "hypothetical") {
        return None;
    }
    let day = event_day(article, event);
    let code = event_code(scale.cameo_root, event.frame.as_deref());
    let mut cells = Vec::with_capacity(61);
    cells.push(global_event_id(article, index));
    cells.push(day.map(sql_date).unwrap_or_default());
    cells.push(day.map(month_year).unwrap_or_default());
    cells.push(day.map(|d| d.format("%Y").to_string()).unwrap_or_default());
    cells.push(day.map(fraction_date).unwrap_or_default());
    cells.extend(actor_cells(source));
    cells.extend(actor_cells(target));
    cells.push(is_root_event(event).to_string());
    cells.push(code.clone());
    cells.push(code.chars().take(3).collect());
    cells.push(scale.cameo_root.to_string());
    cells.push(scale.quad_class.to_string());
    cells.push(format!("{:.1}", scale.goldstein));
    // One mention in one article from one source: each row stands for one article's statement.
    cells.extend(["1", "1", "1"].map(String::from));
    // No tone is measured.
    cells.push(String::new());
    cells.extend(GeoCells::event_cells(
        actor_geo(article, source, places).as_ref(),
    ));
    cells.extend(GeoCells::event_cells(
        actor_geo(article, target, places).as_ref(),
    ));
    cells.extend(GeoCells::event_cells(
        action_geo(article, event, places).as_ref(),
    ));
    cells.push(date_added(article, day));
    cells.push(cell(&source_url(article)));
    Some(cells)
}

/// A stable id: 63 bits of a hash of the article id and the event's position in it.
fn global_event_id(article: &Article, index: usize) -> String {
    let hash = blake3::hash(format!("{}:{index}", article.id).as_bytes());
    let mut bytes = [0u8; 8];
    bytes.copy_from_slice(&hash.as_bytes()[..8]);
    (u64::from_be_bytes(bytes) >> 1).to_string()
}

/// The event's own date when the text states it in full, else the article's publication date,
/// else the day it was fetched.
pub fn event_day(article: &Article, event: &EventRecord) -> Option<NaiveDate> {
    let stated = event
        .date
        .as_ref()
        .and_then(|d| d.value.as_deref())
        .and_then(|v| v.get(..10))
        .and_then(|v| NaiveDate::parse_from_str(v, "%Y-%m-%d").ok());
    stated.or_else(|| article_day(article))
}

/// The article's publication date, else the day it was first fetched.
pub fn article_day(article: &Article) -> Option<NaiveDate> {
    article
        .published
        .or_else(|| article.meta.published.map(|p| p.date))
        .or_else(|| {
            article
                .provenance
                .iter()
                .find_map(|p| p.fetched_at.map(|f| f.date_naive()))
        })
}

/// CAMEO codes for the diplomacy frames the event finder names; other events take their root's
/// "not specified" code (`040`).
fn event_code(root: &str, frame: Option<&str>) -> String {
    let fine = match frame {
        Some("meet") => "040",
        Some("visit" | "travel") => "042",
        Some("negotiate") => "046",
        Some("provide aid") => "070",
        Some("censure") => "111",
        Some("sanction") => "163",
        _ => "",
    };
    if fine.starts_with(root) {
        fine.to_string()
    } else {
        format!("{root}0")
    }
}

/// The ten actor cells: code, name, country, known group, ethnic, two religions, three types.
fn actor_cells(actor: &ActorRecord) -> [String; 10] {
    let countries = actor.countries();
    let country = match countries.as_slice() {
        [one] => *one,
        _ => "",
    };
    let type1 = if actor.kind == "international" {
        "IGO"
    } else {
        ""
    };
    [
        format!("{country}{type1}"),
        cell(&actor.name),
        country.to_string(),
        String::new(),
        String::new(),
        String::new(),
        String::new(),
        type1.to_string(),
        String::new(),
        String::new(),
    ]
}

/// 1 when the event is stated in the title or the first paragraph, as GDELT marks lead events.
fn is_root_event(event: &EventRecord) -> u8 {
    match event.at.block {
        MentionBlock::Title => 1,
        MentionBlock::Paragraph if event.at.index == 0 => 1,
        _ => 0,
    }
}

/// The place the actor is: its entity's resolved place when it is a place, else its country.
fn actor_geo(article: &Article, actor: &ActorRecord, places: &Places) -> Option<GeoCells> {
    let resolved = actor.entity.as_ref().and_then(|name| {
        article
            .entities
            .iter()
            .find(|e| &e.name == name)
            .and_then(|e| e.place.as_ref())
    });
    if let Some(place) = resolved {
        return Some(places.of_record(place));
    }
    match actor.countries().as_slice() {
        [one] => places.of_country(one),
        _ => None,
    }
}

/// Where the event happened: the resolved place entity mentioned where the event's place is,
/// else one of the same name, else the place's country.
fn action_geo(article: &Article, event: &EventRecord, places: &Places) -> Option<GeoCells> {
    let place = event.place.as_ref()?;
    let at = &place.at;
    let resolved = article.entities.iter().filter(|e| e.place.is_some());
    let by_mention = resolved.clone().find(|e| {
        e.mentions.iter().any(|m| {
            m.block == at.block && m.index == at.index && m.start < at.end && at.start < m.end
        })
    });
    let by_name = || {
        resolved.clone().find(|e| {
            std::iter::once(&e.name)
                .chain(&e.aliases)
                .any(|n| n.eq_ignore_ascii_case(&place.text))
        })
    };
    if let Some(record) = by_mention.or_else(by_name).and_then(|e| e.place.as_ref()) {
        return Some(places.of_record(record));
    }
    places.of_country(place.country.as_deref()?)
}

/// When the article was fetched, else its day at midnight.
fn date_added(article: &Article, day: Option<NaiveDate>) -> String {
    let fetched = article.provenance.iter().find_map(|p| p.fetched_at);
    match (fetched, article_day(article).or(day)) {
        (Some(instant), _) => timestamp(instant),
        (None, Some(day)) => day_timestamp(day),
        (None, None) => String::new(),
    }
}

/// The article's URL, else its canonical URL, else the first URL it was fetched from, else the
/// path of the input it was read from.
pub fn source_url(article: &Article) -> String {
    article
        .url
        .clone()
        .or_else(|| article.meta.canonical_url.clone())
        .or_else(|| article.provenance.iter().find_map(|p| p.url.clone()))
        .or_else(|| article.provenance.first().map(|p| p.path.clone()))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frames_refine_codes_only_within_their_root() {
        assert_eq!(event_code("04", Some("meet")), "040");
        assert_eq!(event_code("04", Some("negotiate")), "046");
        assert_eq!(event_code("16", Some("sanction")), "163");
        assert_eq!(event_code("04", Some("sanction")), "040");
        assert_eq!(event_code("19", None), "190");
    }
}
