//! Expanding command-line paths into input files: directories are walked recursively in sorted
//! order, hidden entries skipped, and unreadable entries reported.

use std::path::{Path, PathBuf};

use chancery_model::{Diagnostic, DiagnosticKind};
use walkdir::{DirEntry, WalkDir};

use crate::error::describe_io;
use crate::InputFile;

/// Expands `paths` into input files, in order: `-` is standard input, a file is itself, and a
/// directory is every regular file below it, sorted by path, skipping hidden files and
/// directories (names starting with `.`). Symbolic links are followed. Paths that cannot be read
/// become `Unreadable` diagnostics.
pub fn expand_inputs(paths: &[PathBuf]) -> (Vec<InputFile>, Vec<Diagnostic>) {
    let mut inputs = Vec::new();
    let mut problems = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            inputs.push(InputFile::stdin());
            continue;
        }
        let display = path.display().to_string();
        match std::fs::metadata(path) {
            Err(error) => problems.push(Diagnostic::new(
                DiagnosticKind::Unreadable,
                display,
                format!("cannot read: {}", describe_io(&error)),
            )),
            Ok(metadata) if metadata.is_dir() => walk_directory(path, &mut inputs, &mut problems),
            // Pipes and devices (`<(zcat ...)`) have no size; they are spooled when read.
            Ok(metadata) => {
                let size = if metadata.is_file() {
                    metadata.len()
                } else {
                    0
                };
                inputs.push(InputFile {
                    path: path.clone(),
                    display,
                    size,
                });
            }
        }
    }
    (inputs, problems)
}

/// Adds every regular, non-hidden file below `root`.
fn walk_directory(root: &Path, inputs: &mut Vec<InputFile>, problems: &mut Vec<Diagnostic>) {
    let walker = WalkDir::new(root)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|entry| entry.depth() == 0 || !is_hidden(entry));
    for entry in walker {
        match entry {
            Ok(entry) if entry.file_type().is_file() => match entry.metadata() {
                Ok(metadata) => inputs.push(InputFile {
                    display: entry.path().display().to_string(),
                    path: entry.into_path(),
                    size: metadata.len(),
                }),
                Err(error) => problems.push(walk_problem(root, &error)),
            },
            Ok(_) => {}
            Err(error) => problems.push(walk_problem(root, &error)),
        }
    }
}

fn is_hidden(entry: &DirEntry) -> bool {
    entry.file_name().to_string_lossy().starts_with('.')
}

fn walk_problem(root: &Path, error: &walkdir::Error) -> Diagnostic {
    let path = error.path().unwrap_or(root).display().to_string();
    let message = match (error.io_error(), error.loop_ancestor()) {
        (_, Some(ancestor)) => format!("symbolic link loop back to {}", ancestor.display()),
        (Some(io_error), _) => format!("cannot read: {}", describe_io(io_error)),
        (None, None) => format!("cannot read: {error}"),
    };
    Diagnostic::new(DiagnosticKind::Unreadable, path, message)
}
