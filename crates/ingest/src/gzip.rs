//! Gzip input: member-by-member decompression, bounded reads, and dispatch on the content.
//!
//! A `.gz` file may hold a WARC (one record per member, as CC-NEWS writes them), JSONL, or a single
//! text or HTML document; which one is decided by sniffing the decompressed start. Members are
//! decoded one at a time with `flate2::bufread::GzDecoder`, which stops exactly at the end of its
//! member, so the compressed position of every member is known.

use std::fs::File;
use std::io::{self, BufRead, Read, Seek, SeekFrom};

use chancery_model::{DiagnosticKind, DocFormat};
use flate2::bufread::GzDecoder;

use crate::document::Whole;
use crate::error::describe_io;
use crate::tracked::TrackedReader;
use crate::{document, jsonl, sniff, warc, Emitter, Sniffed, SNIFF_LEN};

/// The two magic bytes every gzip member starts with.
pub(crate) const GZIP_MAGIC: [u8; 2] = [0x1F, 0x8B];
/// Magic plus the deflate method byte: the marker scanned for when resynchronising.
pub(crate) const MEMBER_MARKER: [u8; 3] = [0x1F, 0x8B, 0x08];

/// Whether `bytes` start like a gzip member header: marker, then a flag byte whose reserved bits
/// are clear (which rules out most accidental `1f 8b 08` sequences inside compressed data).
pub(crate) fn is_member_start(bytes: &[u8]) -> bool {
    bytes.len() >= 4 && bytes[..3] == MEMBER_MARKER && bytes[3] & 0xE0 == 0
}

/// The decompressed bytes of all members of a gzip stream, one after another.
///
/// Zero bytes after the last member (padding some tools write) are ignored; any other trailing
/// data is an error.
#[derive(Debug)]
pub(crate) struct GzMembers<R: Read> {
    state: Option<MemberState<R>>,
}

#[derive(Debug)]
enum MemberState<R: Read> {
    Inside(GzDecoder<TrackedReader<R>>),
    Between(TrackedReader<R>),
}

impl<R: Read> GzMembers<R> {
    pub(crate) fn new(reader: TrackedReader<R>) -> Self {
        GzMembers {
            state: Some(MemberState::Between(reader)),
        }
    }

    /// Compressed bytes consumed so far.
    pub(crate) fn raw_position(&self) -> u64 {
        match &self.state {
            Some(MemberState::Inside(decoder)) => decoder.get_ref().position(),
            Some(MemberState::Between(reader)) => reader.position(),
            None => 0,
        }
    }

    /// The compressed stream, for rewinding.
    fn into_inner(self) -> Option<R> {
        match self.state? {
            MemberState::Inside(decoder) => Some(decoder.into_inner().into_inner()),
            MemberState::Between(reader) => Some(reader.into_inner()),
        }
    }
}

impl<R: Read> Read for GzMembers<R> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        if out.is_empty() {
            return Ok(0);
        }
        loop {
            match self.state.take() {
                None => return Ok(0),
                Some(MemberState::Inside(mut decoder)) => match decoder.read(out) {
                    Ok(0) => self.state = Some(MemberState::Between(decoder.into_inner())),
                    Ok(read) => {
                        self.state = Some(MemberState::Inside(decoder));
                        return Ok(read);
                    }
                    Err(error) => {
                        self.state = Some(MemberState::Inside(decoder));
                        return Err(error);
                    }
                },
                Some(MemberState::Between(mut reader)) => {
                    let next = next_member(&mut reader);
                    match next {
                        Ok(true) => self.state = Some(MemberState::Inside(GzDecoder::new(reader))),
                        Ok(false) => {
                            self.state = Some(MemberState::Between(reader));
                            return Ok(0);
                        }
                        Err(error) => {
                            self.state = Some(MemberState::Between(reader));
                            return Err(error);
                        }
                    }
                }
            }
        }
    }
}

/// Skips zero padding; returns whether another member follows (`false` at the end of the
/// stream), or an error when something other than a member follows.
fn next_member<R: Read>(reader: &mut TrackedReader<R>) -> io::Result<bool> {
    if !skip_zero_padding(reader)? {
        return Ok(false);
    }
    if reader.peek(GZIP_MAGIC.len())?.starts_with(&GZIP_MAGIC) {
        return Ok(true);
    }
    let message = format!(
        "data at byte {} after a gzip member is not another gzip member",
        reader.position()
    );
    Err(io::Error::new(io::ErrorKind::InvalidData, message))
}

/// Consumes zero bytes; returns whether anything else follows.
pub(crate) fn skip_zero_padding<R: Read>(reader: &mut TrackedReader<R>) -> io::Result<bool> {
    loop {
        let available = reader.fill_buf()?;
        if available.is_empty() {
            return Ok(false);
        }
        let zeros = available.iter().take_while(|&&byte| byte == 0).count();
        let more = zeros < available.len();
        reader.consume(zeros);
        if more {
            return Ok(true);
        }
    }
}

/// Decompresses all of `compressed` unless it exceeds `limit` bytes (`Ok(None)`).
pub(crate) fn gunzip_bounded(compressed: &[u8], limit: u64) -> io::Result<Option<Vec<u8>>> {
    let mut members = GzMembers::new(TrackedReader::new(compressed));
    let mut out = Vec::new();
    Read::by_ref(&mut members)
        .take(limit + 1)
        .read_to_end(&mut out)?;
    Ok((out.len() as u64 <= limit).then_some(out))
}

/// Reads a gzip file: sniffs the decompressed start and hands the file to the matching reader.
pub(crate) fn read_gzip(file: File, size: u64, emitter: &mut Emitter) {
    let mut members = GzMembers::new(TrackedReader::new(file));
    let mut head = Vec::with_capacity(SNIFF_LEN);
    let sniffed = Read::by_ref(&mut members)
        .take(SNIFF_LEN as u64)
        .read_to_end(&mut head);
    if let Err(error) = &sniffed {
        if head.is_empty() {
            let message = format!("cannot decompress: {}", describe_io(error));
            emitter.problem(DiagnosticKind::Truncated, None, message);
            return;
        }
    }
    let format = match sniff(&head) {
        Sniffed::Warc => {
            if let Some(file) = rewind(members, emitter) {
                warc::read_gz(file, emitter);
            }
            return;
        }
        Sniffed::Jsonl => {
            if let Some(file) = rewind(members, emitter) {
                let mut reader = TrackedReader::new(GzMembers::new(TrackedReader::new(file)));
                jsonl::read_jsonl(
                    &mut reader,
                    |reader| reader.get_ref().raw_position(),
                    emitter,
                );
            }
            return;
        }
        Sniffed::Gzip => {
            let message = "gzip inside gzip is not supported; decompress the outer layer first";
            emitter.problem(DiagnosticKind::Binary, None, message);
            return;
        }
        Sniffed::Binary => {
            let message = format!("decompressed {}", sniff::describe_binary(&head));
            emitter.problem(DiagnosticKind::Binary, None, message);
            return;
        }
        Sniffed::EcbPlus => Whole::EcbPlus,
        Sniffed::Html => Whole::Doc(DocFormat::Html),
        Sniffed::Text | Sniffed::Empty => Whole::Doc(DocFormat::Text),
    };
    // A single document: continue decompressing after the sniffed start, up to the limit.
    let limit = emitter.config().max_doc_bytes;
    let rest_limit = (limit + 1).saturating_sub(head.len() as u64);
    let read = sniffed.and_then(|_| {
        Read::by_ref(&mut members)
            .take(rest_limit)
            .read_to_end(&mut head)
    });
    if let Err(error) = read {
        let message = format!(
            "gzip data ends early or is corrupt: {}",
            describe_io(&error)
        );
        emitter.problem(DiagnosticKind::Truncated, None, message);
        return;
    }
    if head.len() as u64 > limit {
        let message = format!("decompressed document exceeds the limit of {limit} bytes");
        emitter.problem(DiagnosticKind::TooLarge, None, message);
        return;
    }
    let provenance = emitter.provenance(0, size);
    document::emit_whole(head, format, provenance, emitter);
}

/// Recovers the file from a decoder and seeks back to its start.
fn rewind(members: GzMembers<File>, emitter: &mut Emitter) -> Option<File> {
    let rewound = members
        .into_inner()
        .map(|mut file| file.seek(SeekFrom::Start(0)).map(|_| file));
    match rewound {
        Some(Ok(file)) => Some(file),
        Some(Err(error)) => {
            emitter.problem(
                DiagnosticKind::Unreadable,
                None,
                format!("cannot seek: {}", describe_io(&error)),
            );
            None
        }
        None => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use flate2::write::GzEncoder;
    use flate2::Compression;
    use std::io::Write;

    fn gzip(data: &[u8]) -> Vec<u8> {
        let mut encoder = GzEncoder::new(Vec::new(), Compression::default());
        encoder.write_all(data).unwrap();
        encoder.finish().unwrap()
    }

    #[test]
    fn reads_all_members_and_padding() {
        let mut stream = gzip(b"first ");
        stream.extend(gzip(b"second"));
        stream.extend([0u8; 16]);
        assert_eq!(
            gunzip_bounded(&stream, 100).unwrap().unwrap(),
            b"first second"
        );
        assert_eq!(gunzip_bounded(&stream, 5).unwrap(), None);
    }

    #[test]
    fn trailing_garbage_and_truncation_are_errors() {
        let mut stream = gzip(b"data");
        stream.extend_from_slice(b"junk");
        assert!(gunzip_bounded(&stream, 100).is_err());
        let whole = gzip(b"some longer data to compress");
        assert!(gunzip_bounded(&whole[..whole.len() - 5], 100).is_err());
    }

    #[test]
    fn member_starts_are_recognised() {
        assert!(is_member_start(&gzip(b"x")));
        assert!(!is_member_start(b"\x1f\x8b\x08\xff"));
        assert!(!is_member_start(b"\x1f\x8b"));
    }
}
