//! `stories.parquet`: one row per story, with its sources and the names most of its articles give.

use chancery_model::StoryRecord;

use super::cells::{Cell, Column, Kind};

pub fn columns() -> Vec<Column> {
    use Kind::{Counts, Date, Int, Text};
    vec![
        Column::required("id", Int),
        Column::required("title", Text),
        Column::optional("first_date", Date),
        Column::optional("last_date", Date),
        Column::required("article_count", Int),
        Column::required("independent_sources", Int),
        Column::required("sources", Counts),
        Column::required("key_entities", Counts),
        Column::required("key_places", Counts),
    ]
}

pub fn row(story: StoryRecord) -> Vec<Cell> {
    vec![
        Cell::int(story.id),
        Cell::text(story.title),
        Cell::Date(story.first_date),
        Cell::Date(story.last_date),
        Cell::int(story.articles),
        Cell::int(story.independent_sources),
        Cell::Counts(story.sources),
        Cell::Counts(story.key_entities),
        Cell::Counts(story.key_places),
    ]
}
