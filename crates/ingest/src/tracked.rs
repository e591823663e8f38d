//! A buffered reader that counts the bytes it hands out, can look ahead, and can scan for markers.
//!
//! Provenance needs exact positions in the underlying stream (WARC record offsets, gzip member
//! offsets, JSONL line offsets). `std::io::BufReader` cannot report its position without a seek
//! and cannot guarantee a minimum look-ahead, which scanning for a multi-byte marker that may
//! straddle two reads needs; this reader does both.

use std::io::{self, BufRead, Read, Seek, SeekFrom};

/// Buffer size: large enough to amortise reads, small enough to allocate once per gzip member.
const DEFAULT_CAPACITY: usize = 64 * 1024;

/// A buffered reader over `R` that knows how many bytes have been consumed from it.
#[derive(Debug)]
pub(crate) struct TrackedReader<R> {
    inner: R,
    buffer: Vec<u8>,
    /// Unconsumed bytes are `buffer[start..end]`.
    start: usize,
    end: usize,
    /// Bytes of `inner` consumed so far (or the position sought to, plus consumed bytes).
    position: u64,
}

impl<R: Read> TrackedReader<R> {
    pub(crate) fn new(inner: R) -> Self {
        TrackedReader {
            inner,
            buffer: vec![0; DEFAULT_CAPACITY],
            start: 0,
            end: 0,
            position: 0,
        }
    }

    /// Bytes consumed so far: the stream position of the next unread byte.
    pub(crate) fn position(&self) -> u64 {
        self.position
    }

    pub(crate) fn get_ref(&self) -> &R {
        &self.inner
    }

    /// The underlying reader. Buffered bytes are dropped, so callers seek before reading again.
    pub(crate) fn into_inner(self) -> R {
        self.inner
    }

    /// Makes at least `wanted` bytes available unless the stream ends first, and returns all
    /// available bytes without consuming them.
    pub(crate) fn peek(&mut self, wanted: usize) -> io::Result<&[u8]> {
        if self.end - self.start < wanted {
            if self.start > 0 {
                self.buffer.copy_within(self.start..self.end, 0);
                self.end -= self.start;
                self.start = 0;
            }
            if self.buffer.len() < wanted {
                self.buffer.resize(wanted, 0);
            }
            while self.end < wanted {
                match self.inner.read(&mut self.buffer[self.end..]) {
                    Ok(0) => break,
                    Ok(read) => self.end += read,
                    Err(error) if error.kind() == io::ErrorKind::Interrupted => continue,
                    Err(error) => return Err(error),
                }
            }
        }
        Ok(&self.buffer[self.start..self.end])
    }

    /// Consumes bytes up to the next occurrence of `marker`, leaving the marker unread.
    /// Returns `false`, with everything consumed, when the stream ends without one.
    pub(crate) fn skip_to(&mut self, marker: &[u8]) -> io::Result<bool> {
        let finder = memchr::memmem::Finder::new(marker);
        loop {
            let available = self.peek(marker.len())?;
            if available.len() < marker.len() {
                let rest = available.len();
                self.consume(rest);
                return Ok(false);
            }
            if let Some(found) = finder.find(available) {
                self.consume(found);
                return Ok(true);
            }
            // Keep a marker's length minus one: a match may straddle this window and the next.
            let safe = available.len() + 1 - marker.len();
            self.consume(safe);
        }
    }
}

impl<R: Read + Seek> TrackedReader<R> {
    /// Moves to an absolute position of the underlying stream, dropping buffered bytes.
    pub(crate) fn seek_to(&mut self, position: u64) -> io::Result<()> {
        self.inner.seek(SeekFrom::Start(position))?;
        self.start = 0;
        self.end = 0;
        self.position = position;
        Ok(())
    }
}

impl<R: Read> Read for TrackedReader<R> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        if self.start == self.end && out.len() >= self.buffer.len() {
            // Large reads bypass the buffer, as `BufReader` does.
            let read = self.inner.read(out)?;
            self.position += read as u64;
            return Ok(read);
        }
        let available = self.fill_buf()?;
        let count = available.len().min(out.len());
        out[..count].copy_from_slice(&available[..count]);
        self.consume(count);
        Ok(count)
    }
}

impl<R: Read> BufRead for TrackedReader<R> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        if self.start == self.end {
            self.start = 0;
            self.end = 0;
            loop {
                match self.inner.read(&mut self.buffer) {
                    Ok(read) => {
                        self.end = read;
                        break;
                    }
                    Err(error) if error.kind() == io::ErrorKind::Interrupted => continue,
                    Err(error) => return Err(error),
                }
            }
        }
        Ok(&self.buffer[self.start..self.end])
    }

    fn consume(&mut self, amount: usize) {
        let amount = amount.min(self.end - self.start);
        self.start += amount;
        self.position += amount as u64;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Cursor;

    /// Hands out at most `step` bytes per read, to exercise markers that straddle reads.
    struct Trickle<'a> {
        data: &'a [u8],
        step: usize,
    }

    impl Read for Trickle<'_> {
        fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
            let count = self.step.min(out.len()).min(self.data.len());
            out[..count].copy_from_slice(&self.data[..count]);
            self.data = &self.data[count..];
            Ok(count)
        }
    }

    #[test]
    fn counts_consumed_bytes_across_reads() {
        let mut reader = TrackedReader::new(Cursor::new(b"hello world".to_vec()));
        let mut word = [0u8; 5];
        reader.read_exact(&mut word).unwrap();
        assert_eq!(reader.position(), 5);
        assert_eq!(reader.peek(3).unwrap(), b" world");
        reader.consume(1);
        assert_eq!(reader.position(), 6);
    }

    #[test]
    fn finds_markers_split_between_reads() {
        let data = b"aaaaaaaaaa\nWARC/1.0 rest";
        for step in 1..6 {
            let mut reader = TrackedReader::new(Trickle { data, step });
            assert!(reader.skip_to(b"\nWARC/1.").unwrap());
            assert_eq!(reader.position(), 10, "step {step}");
            assert!(reader.peek(8).unwrap().starts_with(b"\nWARC/1."));
        }
        let mut reader = TrackedReader::new(Trickle {
            data: b"no marker here",
            step: 3,
        });
        assert!(!reader.skip_to(b"WARC").unwrap());
        assert_eq!(reader.position(), 14);
    }

    #[test]
    fn seeking_resets_the_position() {
        let mut reader = TrackedReader::new(Cursor::new(b"0123456789".to_vec()));
        reader.seek_to(4).unwrap();
        assert_eq!(reader.position(), 4);
        assert_eq!(reader.fill_buf().unwrap(), b"456789");
    }
}
