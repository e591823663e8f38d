//! Reading inputs: every news format in, decoded [`RawDoc`]s with provenance out.
//!
//! [`expand_inputs`] turns command-line paths into input files (directories walked recursively);
//! [`read_input`] detects each file's format by content (gzip, WARC, JSONL, ECB+ XML, HTML, text), decodes
//! its documents to UTF-8 with an offset map back to the raw bytes, and reports every problem as a
//! [`Diagnostic`] through the same callback. Reading never fails as a whole: a bad record, line or
//! file is reported and the reader goes on with the next one.
//!
//! This is, with the store and the CLI, the only crate that does IO. It never prints.

mod charset;
mod document;
mod ecbplus;
mod error;
mod gzip;
mod http;
mod jsonl;
mod sniff;
mod tracked;
mod walk;
mod warc;

use std::fs::File;
use std::io::{self, Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};

use chancery_model::{Diagnostic, DiagnosticKind, DocFormat, Provenance, RawDoc};

pub use charset::{decode, Decoded};
pub use sniff::{sniff, Sniffed};
pub use walk::expand_inputs;

use document::Whole;
use error::describe_io;

/// Limits that keep one oversized input from exhausting memory.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReadConfig {
    /// Largest document or record, after decompression, that is read; larger ones are skipped
    /// with a `TooLarge` diagnostic.
    pub max_doc_bytes: u64,
    /// Longest JSONL line that is parsed; longer lines are skipped without being buffered.
    pub max_line_bytes: u64,
}

impl Default for ReadConfig {
    fn default() -> Self {
        ReadConfig {
            max_doc_bytes: 64 << 20,
            max_line_bytes: 64 << 20,
        }
    }
}

/// One input file found by expanding the paths given on the command line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputFile {
    /// Where to read it; `-` means standard input.
    pub path: PathBuf,
    /// The path as given, joined with the relative path inside a walked directory; `-` for
    /// standard input. Used as the provenance and diagnostic path.
    pub display: String,
    /// Size in bytes when known (0 for standard input and pipes).
    pub size: u64,
}

impl InputFile {
    /// The input for standard input.
    pub fn stdin() -> Self {
        InputFile {
            path: PathBuf::from(STDIN_PATH),
            display: STDIN_PATH.to_string(),
            size: 0,
        }
    }

    /// Whether this input is standard input.
    pub fn is_stdin(&self) -> bool {
        self.path == Path::new(STDIN_PATH)
    }
}

/// The path that stands for standard input.
const STDIN_PATH: &str = "-";

/// What reading an input produces, in input order.
#[derive(Debug, Clone)]
pub enum Event {
    /// A decoded document.
    Doc(RawDoc),
    /// A problem with the input; reading goes on after it.
    Problem(Diagnostic),
    /// Raw bytes of this input consumed so far; sent every few MB and once at the end.
    Progress { bytes: u64 },
}

/// How many leading bytes decide an input's format.
const SNIFF_LEN: usize = 64 * 1024;
/// Progress is reported each time this many more raw bytes have been consumed.
const PROGRESS_STEP: u64 = 4 << 20;

/// Reads one input and sends its documents, problems and progress to `out`.
///
/// The format is detected from the content, not the extension. Standard input and other
/// unseekable inputs (pipes) are first spooled to a temporary file so that WARC readers can seek
/// back to resynchronise after a corrupt record.
pub fn read_input(input: &InputFile, config: &ReadConfig, out: &mut dyn FnMut(Event)) {
    let mut emitter = Emitter::new(&input.display, config, out);
    let (file, size) = match open_input(input) {
        Ok(opened) => opened,
        Err(message) => {
            emitter.problem(DiagnosticKind::Unreadable, None, message);
            return;
        }
    };
    read_file(file, size, &mut emitter);
    emitter.finish(size);
}

/// Opens an input as a seekable file of known size.
fn open_input(input: &InputFile) -> Result<(File, u64), String> {
    if input.is_stdin() {
        return spool(io::stdin().lock())
            .map_err(|error| format!("cannot read standard input: {}", describe_io(&error)));
    }
    let file =
        File::open(&input.path).map_err(|error| format!("cannot open: {}", describe_io(&error)))?;
    let metadata = file
        .metadata()
        .map_err(|error| format!("cannot read metadata: {}", describe_io(&error)))?;
    if metadata.is_dir() {
        return Err("is a directory".to_string());
    }
    if metadata.is_file() {
        return Ok((file, metadata.len()));
    }
    spool(file).map_err(|error| format!("cannot read: {}", describe_io(&error)))
}

/// Copies a stream into an anonymous temporary file and rewinds it.
fn spool(mut source: impl Read) -> io::Result<(File, u64)> {
    let mut file = tempfile::tempfile()?;
    let size = io::copy(&mut source, &mut file)?;
    file.seek(SeekFrom::Start(0))?;
    Ok((file, size))
}

/// Detects the format of an open file and hands it to the matching reader.
fn read_file(mut file: File, size: u64, emitter: &mut Emitter) {
    let mut head = Vec::with_capacity(SNIFF_LEN);
    let rewound = Read::by_ref(&mut file)
        .take(SNIFF_LEN as u64)
        .read_to_end(&mut head)
        .and_then(|_| file.seek(SeekFrom::Start(0)));
    if let Err(error) = rewound {
        emitter.unreadable(&error);
        return;
    }
    match sniff(&head) {
        Sniffed::Gzip => gzip::read_gzip(file, size, emitter),
        Sniffed::Warc => warc::read_plain(file, emitter),
        Sniffed::Jsonl => jsonl::read_plain(file, emitter),
        Sniffed::EcbPlus => document::read_file(file, size, Whole::EcbPlus, emitter),
        Sniffed::Html => document::read_file(file, size, Whole::Doc(DocFormat::Html), emitter),
        Sniffed::Text => document::read_file(file, size, Whole::Doc(DocFormat::Text), emitter),
        // A whitespace prefix longer than the sniffed window: read it as text and let the
        // document check decide whether anything follows.
        Sniffed::Empty if size > head.len() as u64 => {
            document::read_file(file, size, Whole::Doc(DocFormat::Text), emitter)
        }
        Sniffed::Empty => {
            let message = if size == 0 {
                "the file is empty"
            } else {
                "the file holds only whitespace"
            };
            emitter.problem(DiagnosticKind::Empty, None, message);
        }
        Sniffed::Binary => {
            emitter.problem(DiagnosticKind::Binary, None, sniff::describe_binary(&head))
        }
    }
}

/// Sends events for one input: stamps diagnostics with the input's path and paces progress.
pub(crate) struct Emitter<'a> {
    display: &'a str,
    config: &'a ReadConfig,
    out: &'a mut dyn FnMut(Event),
    next_progress: u64,
}

impl<'a> Emitter<'a> {
    fn new(display: &'a str, config: &'a ReadConfig, out: &'a mut dyn FnMut(Event)) -> Self {
        Emitter {
            display,
            config,
            out,
            next_progress: PROGRESS_STEP,
        }
    }

    pub(crate) fn display(&self) -> &'a str {
        self.display
    }

    pub(crate) fn config(&self) -> &'a ReadConfig {
        self.config
    }

    pub(crate) fn send(&mut self, event: Event) {
        (self.out)(event);
    }

    pub(crate) fn problem(
        &mut self,
        kind: DiagnosticKind,
        location: Option<String>,
        message: impl Into<String>,
    ) {
        let diagnostic = diagnostic(self.display, kind, location, message);
        self.send(Event::Problem(diagnostic));
    }

    /// Reports that the input could not be read further.
    pub(crate) fn unreadable(&mut self, error: &std::io::Error) {
        self.problem(
            DiagnosticKind::Unreadable,
            None,
            format!("cannot read: {}", describe_io(error)),
        );
    }

    /// A provenance for this input with the given stored position.
    pub(crate) fn provenance(&self, offset: u64, length: u64) -> Provenance {
        Provenance {
            path: self.display.to_string(),
            offset,
            length,
            ..Provenance::default()
        }
    }

    /// Reports progress when another step of raw bytes has been consumed.
    pub(crate) fn progress(&mut self, bytes: u64) {
        if bytes >= self.next_progress {
            self.next_progress = bytes + PROGRESS_STEP;
            self.send(Event::Progress { bytes });
        }
    }

    fn finish(&mut self, bytes: u64) {
        self.send(Event::Progress { bytes });
    }
}

/// Builds a diagnostic for input `path`.
pub(crate) fn diagnostic(
    path: &str,
    kind: DiagnosticKind,
    location: Option<String>,
    message: impl Into<String>,
) -> Diagnostic {
    let diagnostic = Diagnostic::new(kind, path, message);
    match location {
        Some(location) => diagnostic.at(location),
        None => diagnostic,
    }
}
