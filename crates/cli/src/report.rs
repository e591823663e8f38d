//! How the command line speaks to people: errors and diagnostics on standard error.

#![allow(clippy::print_stderr)]

use chancery_model::Diagnostic;

/// Prints a fatal error with its chain of causes.
pub fn error(error: &anyhow::Error) {
    eprintln!("error: {error}");
    for cause in error.chain().skip(1) {
        eprintln!("  caused by: {cause}");
    }
}

/// Prints a problem with one input.
pub fn diagnostic(diagnostic: &Diagnostic) {
    eprintln!("warning: {diagnostic}");
}

/// Prints a warning that concerns the run rather than one input.
pub fn warning(message: &str) {
    eprintln!("warning: {message}");
}
