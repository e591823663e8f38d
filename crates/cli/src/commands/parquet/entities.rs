//! `entities.parquet`: one row per entity of an article (an article naming Blinken five times
//! gives one row, with five mentions and where the first is), so a row count per key is a count
//! of articles and the table joins `articles.parquet` on `article_id`.

use chancery_model::{entity_key, Article, EntityRecord, TextLocation};

use super::cells::{Cell, Column, Kind};
use super::located::{location_cells, location_columns};

pub fn columns() -> Vec<Column> {
    use Kind::{Float, Int, Text, Texts};
    let mut columns = vec![
        Column::required("article_id", Text),
        Column::required("entity_key", Text),
        Column::required("name", Text),
        Column::required("type", Text),
        Column::required("aliases", Texts),
        Column::required("roles", Texts),
        Column::optional("affiliation", Text),
        Column::optional("country", Text),
        Column::optional("place_name", Text),
        Column::optional("geonames_id", Int),
        Column::optional("latitude", Float),
        Column::optional("longitude", Float),
        Column::required("mention_count", Int),
    ];
    columns.extend(location_columns("first_"));
    columns
}

pub fn row(article: &Article, entity: &EntityRecord) -> Vec<Cell> {
    let place = entity.place.as_ref();
    let first = entity.mentions.first().map(|m| TextLocation {
        block: m.block,
        index: m.index,
        start: m.start,
        end: m.end,
        raw: m.raw,
    });
    let mut cells = vec![
        Cell::text(article.id.as_str()),
        Cell::text(entity_key(&entity.name, entity.kind)),
        Cell::text(&entity.name),
        Cell::text(entity.kind.as_str()),
        Cell::Texts(entity.aliases.clone()),
        Cell::Texts(entity.roles.clone()),
        Cell::maybe_text(entity.affiliation.as_deref()),
        Cell::maybe_text(entity.country.as_deref()),
        Cell::maybe_text(place.map(|p| p.name.as_str())),
        Cell::maybe_int(place.map(|p| p.geonames_id)),
        Cell::Float(place.map(|p| p.lat)),
        Cell::Float(place.map(|p| p.lon)),
        Cell::int(entity.mentions.len()),
    ];
    cells.extend(location_cells(first.as_ref()));
    cells
}
