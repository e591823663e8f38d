//! `events.parquet`: one row per event, with its PLOVER type on the CAMEO, QuadClass and
//! Goldstein scales, both actors, and the date, place and amount nearest the action.

use chancery_model::{plover_scale, ActorRecord, Article, EventRecord};
use chrono::NaiveDate;

use super::cells::{Cell, Column, Kind};
use super::located::{entity_key_of, location_cells, location_columns};

pub fn columns() -> Vec<Column> {
    use Kind::{Date, Float, Int, Text, Texts};
    let mut columns = vec![
        Column::required("article_id", Text),
        Column::required("event_index", Int),
        Column::required("type", Text),
        Column::optional("frame", Text),
        Column::required("trigger", Text),
        Column::required("modality", Text),
        Column::optional("cameo_root", Text),
        Column::optional("quad_class", Int),
        Column::optional("goldstein", Float),
    ];
    for actor in ["source", "target"] {
        columns.extend([
            Column::optional(format!("{actor}_text"), Text),
            Column::optional(format!("{actor}_name"), Text),
            Column::optional(format!("{actor}_kind"), Text),
            Column::optional(format!("{actor}_country"), Text),
            Column::required(format!("{actor}_countries"), Texts),
            Column::optional(format!("{actor}_entity"), Text),
            Column::optional(format!("{actor}_entity_key"), Text),
        ]);
    }
    columns.extend([
        Column::optional("date_text", Text),
        Column::optional("date_value", Text),
        Column::optional("date", Date),
        Column::optional("place_text", Text),
        Column::optional("place_country", Text),
        Column::optional("amount_text", Text),
        Column::optional("amount_value", Float),
        Column::optional("amount_unit", Text),
        Column::required("evidence", Text),
    ]);
    columns.extend(location_columns(""));
    columns
}

/// The row of `event`, the `index`-th event of `article`.
pub fn row(article: &Article, index: usize, event: &EventRecord) -> Vec<Cell> {
    let scale = plover_scale(&event.event_type);
    let mut cells = vec![
        Cell::text(article.id.as_str()),
        Cell::int(index),
        Cell::text(&event.event_type),
        Cell::maybe_text(event.frame.as_deref()),
        Cell::text(&event.trigger),
        Cell::text(&event.modality),
        Cell::maybe_text(scale.map(|s| s.cameo_root)),
        Cell::maybe_int(scale.map(|s| s.quad_class)),
        Cell::Float(scale.map(|s| s.goldstein)),
    ];
    cells.extend(actor_cells(article, event.source.as_ref()));
    cells.extend(actor_cells(article, event.target.as_ref()));
    let (date, place, amount) = (&event.date, &event.place, &event.amount);
    cells.extend([
        Cell::maybe_text(date.as_ref().map(|d| d.text.as_str())),
        Cell::maybe_text(date.as_ref().and_then(|d| d.value.as_deref())),
        Cell::Date(date.as_ref().and_then(|d| full_day(d.value.as_deref()?))),
        Cell::maybe_text(place.as_ref().map(|p| p.text.as_str())),
        Cell::maybe_text(place.as_ref().and_then(|p| p.country.as_deref())),
        Cell::maybe_text(amount.as_ref().map(|a| a.text.as_str())),
        Cell::Float(amount.as_ref().map(|a| a.value)),
        Cell::maybe_text(amount.as_ref().map(|a| a.unit.as_str())),
        Cell::text(&event.evidence),
    ]);
    cells.extend(location_cells(Some(&event.at)));
    cells
}

fn actor_cells(article: &Article, actor: Option<&ActorRecord>) -> [Cell; 7] {
    let countries: Vec<String> = actor
        .map(|a| a.countries().into_iter().map(String::from).collect())
        .unwrap_or_default();
    // One country when the actor stands for exactly one, its own or all its members'.
    let country = match countries.as_slice() {
        [one] => Some(one.clone()),
        _ => None,
    };
    let entity = actor.and_then(|a| a.entity.as_deref());
    [
        Cell::maybe_text(actor.map(|a| a.text.as_str())),
        Cell::maybe_text(actor.map(|a| a.name.as_str())),
        Cell::maybe_text(actor.map(|a| a.kind.as_str())),
        Cell::Text(country),
        Cell::Texts(countries),
        Cell::maybe_text(entity),
        Cell::Text(entity_key_of(article, entity)),
    ]
}

/// The day a TIMEX3 value names, when it names a whole day ("2023-02-28", not "2023-02" or
/// "PRESENT_REF").
fn full_day(value: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(value.get(..10)?, "%Y-%m-%d").ok()
}
