//! `quotes.parquet`: one row per attribution, with its speaker and addressee as written and as
//! the article's entities they resolve to.

use chancery_model::{Article, PartyRecord, QuoteRecord};

use super::cells::{Cell, Column, Kind};
use super::located::{entity_key_of, location_cells, location_columns};

pub fn columns() -> Vec<Column> {
    use Kind::{Int, Text};
    let mut columns = vec![
        Column::required("article_id", Text),
        Column::required("quote_index", Int),
        Column::required("kind", Text),
        Column::required("text", Text),
        Column::optional("cue", Text),
    ];
    for party in ["speaker", "addressee"] {
        columns.extend([
            Column::optional(party, Text),
            Column::optional(format!("{party}_entity"), Text),
            Column::optional(format!("{party}_entity_key"), Text),
            Column::optional(format!("{party}_link"), Text),
        ]);
    }
    columns.push(Column::required("piece_count", Int));
    columns.extend(location_columns(""));
    columns
}

/// The row of `quote`, the `index`-th quote of `article`; located at its first piece.
pub fn row(article: &Article, index: usize, quote: &QuoteRecord) -> Vec<Cell> {
    let mut cells = vec![
        Cell::text(article.id.as_str()),
        Cell::int(index),
        Cell::text(&quote.kind),
        Cell::text(&quote.text),
        Cell::maybe_text(quote.cue.as_deref()),
    ];
    cells.extend(party_cells(article, quote.speaker.as_ref()));
    cells.extend(party_cells(article, quote.addressee.as_ref()));
    cells.push(Cell::int(quote.pieces.len()));
    cells.extend(location_cells(quote.pieces.first()));
    cells
}

fn party_cells(article: &Article, party: Option<&PartyRecord>) -> [Cell; 4] {
    let entity = party.and_then(|p| p.entity.as_deref());
    [
        Cell::maybe_text(party.map(|p| p.text.as_str())),
        Cell::maybe_text(entity),
        Cell::Text(entity_key_of(article, entity)),
        Cell::maybe_text(party.map(|p| p.link.as_str())),
    ]
}
