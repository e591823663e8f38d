//! The column types the tables use, one cell of each, and the Arrow arrays a column's cells
//! become. A table is a list of [`Column`]s and its rows lists of [`Cell`]s in the same order;
//! every cell is checked against its column as it arrives, so building the arrays cannot fail
//! on a wrong type.

use std::sync::Arc;

use anyhow::{bail, Result};
use arrow_array::{
    ArrayRef, Date32Array, Float64Array, Int64Array, ListArray, StringArray, StructArray,
    TimestampMicrosecondArray,
};
use arrow_buffer::OffsetBuffer;
use arrow_schema::{ArrowError, DataType, Field, Fields, TimeUnit};
use chancery_model::NamedCount;
use chrono::{DateTime, NaiveDate, Utc};

/// The type of a column's values.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// UTF-8 text (`string`).
    Text,
    /// A signed 64-bit integer (`int64`): counts, offsets, ids.
    Int,
    /// A 64-bit float (`double`).
    Float,
    /// A calendar day (`date32`).
    Date,
    /// An instant in UTC, to the microsecond (`timestamp[us, tz=UTC]`).
    Time,
    /// A list of texts (`list<string>`); empty rather than null.
    Texts,
    /// A list of names with counts (`list<struct<name: string, count: int64>>`).
    Counts,
}

/// One column: its name, type and whether it may hold nulls.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Column {
    pub name: String,
    pub kind: Kind,
    pub nullable: bool,
}

impl Column {
    /// A column every row fills.
    pub fn required(name: impl Into<String>, kind: Kind) -> Column {
        Column {
            name: name.into(),
            kind,
            nullable: false,
        }
    }

    /// A column that is null where the store holds nothing for it.
    pub fn optional(name: impl Into<String>, kind: Kind) -> Column {
        Column {
            nullable: true,
            ..Column::required(name, kind)
        }
    }

    pub fn field(&self) -> Field {
        Field::new(&self.name, self.kind.data_type(), self.nullable)
    }
}

impl Kind {
    pub fn data_type(self) -> DataType {
        match self {
            Kind::Text => DataType::Utf8,
            Kind::Int => DataType::Int64,
            Kind::Float => DataType::Float64,
            Kind::Date => DataType::Date32,
            Kind::Time => DataType::Timestamp(TimeUnit::Microsecond, Some("UTC".into())),
            Kind::Texts => DataType::List(Arc::new(text_item())),
            Kind::Counts => DataType::List(Arc::new(count_item())),
        }
    }
}

/// A list's elements are never null: a missing list is an empty one.
fn text_item() -> Field {
    Field::new("item", DataType::Utf8, false)
}

fn count_fields() -> Fields {
    Fields::from(vec![
        Field::new("name", DataType::Utf8, false),
        Field::new("count", DataType::Int64, false),
    ])
}

fn count_item() -> Field {
    Field::new("item", DataType::Struct(count_fields()), false)
}

/// One value of a row.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(Option<String>),
    Int(Option<i64>),
    Float(Option<f64>),
    Date(Option<NaiveDate>),
    Time(Option<DateTime<Utc>>),
    Texts(Vec<String>),
    Counts(Vec<NamedCount>),
}

impl Cell {
    pub fn text(text: impl Into<String>) -> Cell {
        Cell::Text(Some(text.into()))
    }

    pub fn maybe_text(text: Option<&str>) -> Cell {
        Cell::Text(text.map(String::from))
    }

    /// A count or offset; the store's are far below `i64::MAX`, so saturating loses nothing.
    pub fn int(value: impl TryInto<i64>) -> Cell {
        Cell::Int(Some(value.try_into().unwrap_or(i64::MAX)))
    }

    pub fn maybe_int(value: Option<impl TryInto<i64>>) -> Cell {
        Cell::Int(value.map(|v| v.try_into().unwrap_or(i64::MAX)))
    }

    fn kind(&self) -> Kind {
        match self {
            Cell::Text(_) => Kind::Text,
            Cell::Int(_) => Kind::Int,
            Cell::Float(_) => Kind::Float,
            Cell::Date(_) => Kind::Date,
            Cell::Time(_) => Kind::Time,
            Cell::Texts(_) => Kind::Texts,
            Cell::Counts(_) => Kind::Counts,
        }
    }

    /// Refuses a cell of another type than its column's, or a null in a required column: either
    /// would make the file disagree with its schema.
    pub fn check(&self, column: &Column) -> Result<()> {
        if self.kind() != column.kind {
            bail!(
                "a {:?} cell in the column {} of type {:?}",
                self.kind(),
                column.name,
                column.kind
            );
        }
        if self.is_null() && !column.nullable {
            bail!("a null in the required column {}", column.name);
        }
        Ok(())
    }

    fn is_null(&self) -> bool {
        matches!(
            self,
            Cell::Text(None)
                | Cell::Int(None)
                | Cell::Float(None)
                | Cell::Date(None)
                | Cell::Time(None)
        )
    }
}

/// The cells of one column waiting to be written, typed by the column.
#[derive(Debug)]
pub enum Buffer {
    Text(Vec<Option<String>>),
    Int(Vec<Option<i64>>),
    Float(Vec<Option<f64>>),
    Date(Vec<Option<NaiveDate>>),
    Time(Vec<Option<DateTime<Utc>>>),
    Texts(Vec<Vec<String>>),
    Counts(Vec<Vec<NamedCount>>),
}

impl Buffer {
    pub fn new(kind: Kind) -> Buffer {
        match kind {
            Kind::Text => Buffer::Text(Vec::new()),
            Kind::Int => Buffer::Int(Vec::new()),
            Kind::Float => Buffer::Float(Vec::new()),
            Kind::Date => Buffer::Date(Vec::new()),
            Kind::Time => Buffer::Time(Vec::new()),
            Kind::Texts => Buffer::Texts(Vec::new()),
            Kind::Counts => Buffer::Counts(Vec::new()),
        }
    }

    /// Adds `cell`, which [`Cell::check`] has found to fit this buffer's column.
    pub fn push(&mut self, cell: Cell) -> Result<()> {
        match (self, cell) {
            (Buffer::Text(cells), Cell::Text(v)) => cells.push(v),
            (Buffer::Int(cells), Cell::Int(v)) => cells.push(v),
            (Buffer::Float(cells), Cell::Float(v)) => cells.push(v),
            (Buffer::Date(cells), Cell::Date(v)) => cells.push(v),
            (Buffer::Time(cells), Cell::Time(v)) => cells.push(v),
            (Buffer::Texts(cells), Cell::Texts(v)) => cells.push(v),
            (Buffer::Counts(cells), Cell::Counts(v)) => cells.push(v),
            (_, cell) => bail!("a {:?} cell in a column of another type", cell.kind()),
        }
        Ok(())
    }

    /// The buffered cells as one Arrow array, leaving the buffer empty.
    pub fn take_array(&mut self) -> Result<ArrayRef, ArrowError> {
        Ok(match self {
            Buffer::Text(cells) => Arc::new(StringArray::from(std::mem::take(cells))),
            Buffer::Int(cells) => Arc::new(Int64Array::from(std::mem::take(cells))),
            Buffer::Float(cells) => Arc::new(Float64Array::from(std::mem::take(cells))),
            Buffer::Date(cells) => Arc::new(Date32Array::from_iter(
                cells.drain(..).map(|d| d.map(days_since_epoch)),
            )),
            Buffer::Time(cells) => Arc::new(
                TimestampMicrosecondArray::from_iter(
                    cells.drain(..).map(|t| t.map(|t| t.timestamp_micros())),
                )
                .with_timezone("UTC"),
            ),
            Buffer::Texts(lists) => {
                let lengths: Vec<usize> = lists.iter().map(Vec::len).collect();
                let values = StringArray::from_iter_values(lists.drain(..).flatten());
                list_array(text_item(), &lengths, Arc::new(values))?
            }
            Buffer::Counts(lists) => {
                let lengths: Vec<usize> = lists.iter().map(Vec::len).collect();
                let counts: Vec<NamedCount> = lists.drain(..).flatten().collect();
                let names = StringArray::from_iter_values(counts.iter().map(|c| &c.name));
                let numbers =
                    Int64Array::from_iter_values(counts.iter().map(|c| i64::from(c.count)));
                let items = StructArray::try_new(
                    count_fields(),
                    vec![Arc::new(names), Arc::new(numbers)],
                    None,
                )?;
                list_array(count_item(), &lengths, Arc::new(items))?
            }
        })
    }
}

/// A list column of `lengths.len()` rows, row `i` holding the next `lengths[i]` of `values`.
fn list_array(item: Field, lengths: &[usize], values: ArrayRef) -> Result<ArrayRef, ArrowError> {
    let offsets = OffsetBuffer::<i32>::from_lengths(lengths.iter().copied());
    Ok(Arc::new(ListArray::try_new(
        Arc::new(item),
        offsets,
        values,
        None,
    )?))
}

/// Arrow's `date32`: days since 1970-01-01.
fn days_since_epoch(day: NaiveDate) -> i32 {
    let days = day
        .signed_duration_since(DateTime::UNIX_EPOCH.date_naive())
        .num_days();
    i32::try_from(days).unwrap_or(i32::MAX)
}
