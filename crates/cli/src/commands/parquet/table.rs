//! One Parquet table being written: rows are buffered column by column and written as a record
//! batch every [`BATCH_ROWS`] rows, and a row group is closed once its encoded pages reach
//! [`ROW_GROUP_BYTES`], so memory stays bounded however large the store is.

use std::fs::{self, File};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::{bail, Context, Result};
use arrow_array::RecordBatch;
use arrow_schema::{Schema, SchemaRef};
use parquet::arrow::ArrowWriter;
use parquet::basic::Compression;
use parquet::file::properties::WriterProperties;

use super::cells::{Buffer, Cell, Column};

/// Rows per record batch.
pub const BATCH_ROWS: usize = 8192;

/// Encoded bytes a row group may buffer before it is written out: article bodies make rows large,
/// so a row count alone would not bound memory.
const ROW_GROUP_BYTES: usize = 64 << 20;

/// A table file under construction. It is written under a temporary name and renamed by
/// [`TableFile::finish`], so an export that fails leaves no truncated file under the final name.
#[derive(Debug)]
pub struct TableFile {
    path: PathBuf,
    partial: PathBuf,
    columns: Vec<Column>,
    schema: SchemaRef,
    buffers: Vec<Buffer>,
    buffered: usize,
    batch_rows: usize,
    rows: u64,
    writer: ArrowWriter<File>,
}

impl TableFile {
    pub fn create(path: &Path, columns: Vec<Column>) -> Result<TableFile> {
        TableFile::with_batch_rows(path, columns, BATCH_ROWS)
    }

    pub fn with_batch_rows(
        path: &Path,
        columns: Vec<Column>,
        batch_rows: usize,
    ) -> Result<TableFile> {
        let schema = Arc::new(Schema::new(
            columns.iter().map(Column::field).collect::<Vec<_>>(),
        ));
        let partial = path.with_extension("parquet.partial");
        let file = File::create(&partial)
            .with_context(|| format!("cannot create {}", partial.display()))?;
        let properties = WriterProperties::builder()
            .set_compression(Compression::SNAPPY)
            .set_created_by(format!("chancery {}", env!("CARGO_PKG_VERSION")))
            .build();
        let writer = ArrowWriter::try_new(file, schema.clone(), Some(properties))
            .with_context(|| format!("cannot start {}", path.display()))?;
        Ok(TableFile {
            path: path.to_path_buf(),
            partial,
            buffers: columns.iter().map(|c| Buffer::new(c.kind)).collect(),
            columns,
            schema,
            buffered: 0,
            batch_rows: batch_rows.max(1),
            rows: 0,
            writer,
        })
    }

    /// Adds one row: a cell per column, in the columns' order.
    pub fn push(&mut self, row: Vec<Cell>) -> Result<()> {
        if row.len() != self.columns.len() {
            bail!(
                "a row of {} cells for the {} columns of {}",
                row.len(),
                self.columns.len(),
                self.path.display()
            );
        }
        // Every cell is checked before any is buffered, so a refused row leaves no partial row.
        for (column, cell) in self.columns.iter().zip(&row) {
            cell.check(column)
                .with_context(|| format!("in {}", self.path.display()))?;
        }
        for (buffer, cell) in self.buffers.iter_mut().zip(row) {
            buffer.push(cell)?;
        }
        self.buffered += 1;
        self.rows += 1;
        if self.buffered >= self.batch_rows {
            self.write_batch()?;
        }
        Ok(())
    }

    fn write_batch(&mut self) -> Result<()> {
        if self.buffered == 0 {
            return Ok(());
        }
        let target = self.partial.display().to_string();
        let what = || format!("cannot write to {target}");
        let arrays = self
            .buffers
            .iter_mut()
            .map(Buffer::take_array)
            .collect::<Result<Vec<_>, _>>()
            .with_context(what)?;
        let batch = RecordBatch::try_new(self.schema.clone(), arrays).with_context(what)?;
        self.buffered = 0;
        self.writer.write(&batch).with_context(what)?;
        if self.writer.in_progress_size() >= ROW_GROUP_BYTES {
            self.writer.flush().with_context(what)?;
        }
        Ok(())
    }

    /// Writes what is buffered and the file's footer, and gives the file its final name; the
    /// number of rows written.
    pub fn finish(mut self) -> Result<u64> {
        self.write_batch()?;
        let what = format!("cannot write to {}", self.partial.display());
        self.writer.close().context(what)?;
        fs::rename(&self.partial, &self.path).with_context(|| {
            format!(
                "cannot rename {} to {}",
                self.partial.display(),
                self.path.display()
            )
        })?;
        Ok(self.rows)
    }
}

#[cfg(test)]
mod tests {
    use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;

    use super::*;
    use crate::commands::parquet::cells::Kind;

    #[test]
    fn rows_beyond_one_batch_are_all_written_in_order() {
        let dir = tempfile::tempdir().expect("temporary directory");
        let path = dir.path().join("numbers.parquet");
        let columns = vec![
            Column::required("n", Kind::Int),
            Column::required("words", Kind::Texts),
        ];
        let mut table = TableFile::with_batch_rows(&path, columns, 4).expect("created");
        for n in 0..10i64 {
            let words = (0..n % 3).map(|w| w.to_string()).collect();
            table
                .push(vec![Cell::Int(Some(n)), Cell::Texts(words)])
                .expect("a row");
        }
        assert_eq!(table.finish().expect("finished"), 10);
        assert!(!dir.path().join("numbers.parquet.partial").exists());

        let file = File::open(&path).expect("written");
        let reader = ParquetRecordBatchReaderBuilder::try_new(file)
            .expect("a Parquet file")
            .build()
            .expect("a reader");
        let mut numbers = Vec::new();
        for batch in reader {
            let batch = batch.expect("a batch");
            let column = batch.column(0);
            let ints = column
                .as_any()
                .downcast_ref::<arrow_array::Int64Array>()
                .expect("int64");
            numbers.extend(ints.values().iter().copied());
        }
        assert_eq!(numbers, (0..10).collect::<Vec<i64>>());
    }

    #[test]
    fn a_cell_of_the_wrong_type_or_a_null_in_a_required_column_is_refused() {
        let dir = tempfile::tempdir().expect("temporary directory");
        let path = dir.path().join("t.parquet");
        let columns = vec![Column::required("id", Kind::Text)];
        let mut table = TableFile::create(&path, columns).expect("created");
        assert!(table.push(vec![Cell::Int(Some(1))]).is_err());
        assert!(table.push(vec![Cell::Text(None)]).is_err());
        assert!(table.push(vec![]).is_err());
        table.push(vec![Cell::text("a")]).expect("a good row");
    }
}
