//! Columns several tables share: where a piece of text lies, and the cross-article key of the
//! entity a name refers to.

use chancery_model::{entity_key, Article, TextLocation};

use super::cells::{Cell, Column, Kind};

/// The six columns locating a piece of text, their names starting with `prefix`: the block
/// (`title`, `caption`, `paragraph`), its position among blocks of its kind, byte offsets into
/// the block's text, and the same bytes in the raw input when known.
pub fn location_columns(prefix: &str) -> Vec<Column> {
    [
        "block",
        "block_index",
        "start",
        "end",
        "raw_start",
        "raw_end",
    ]
    .into_iter()
    .map(|name| Column::optional(format!("{prefix}{name}"), location_kind(name)))
    .collect()
}

fn location_kind(name: &str) -> Kind {
    if name == "block" {
        Kind::Text
    } else {
        Kind::Int
    }
}

/// The cells of [`location_columns`]; all null when there is no location.
pub fn location_cells(at: Option<&TextLocation>) -> Vec<Cell> {
    vec![
        Cell::maybe_text(at.map(|a| a.block.as_str())),
        Cell::maybe_int(at.map(|a| a.index)),
        Cell::maybe_int(at.map(|a| a.start)),
        Cell::maybe_int(at.map(|a| a.end)),
        Cell::maybe_int(at.and_then(|a| a.raw).map(|r| r.start)),
        Cell::maybe_int(at.and_then(|a| a.raw).map(|r| r.end)),
    ]
}

/// The cross-article key (as in `entities.parquet`) of the article's entity named `name`.
pub fn entity_key_of(article: &Article, name: Option<&str>) -> Option<String> {
    let name = name?;
    let entity = article.entities.iter().find(|e| e.name == name)?;
    Some(entity_key(&entity.name, entity.kind))
}
