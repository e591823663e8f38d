//! The chancery command line: one module per command; this crate is the only one that prints.
//!
//! Exit codes (also in `chancery --help`):
//! - 0: success;
//! - 1: a fatal error (the store cannot be opened, an output cannot be written, an unknown id);
//! - 2: bad usage (unknown flag, invalid value);
//! - 3: the command completed, but some inputs had problems (each reported on standard error).

mod annotate;
mod cli;
mod commands;
mod indexing;
mod place;
mod report;

pub use cli::{Cli, Command};

use std::process::ExitCode;

/// Exit code when a command completed but some inputs had problems.
pub const EXIT_PROBLEMS: u8 = 3;

/// Runs a parsed command line.
pub fn run(cli: Cli) -> ExitCode {
    let outcome = match cli.command {
        Command::Ingest(args) => commands::ingest::run(&cli.data, &args),
        Command::Articles(args) => commands::articles::run(&cli.data, &args),
        Command::Show(args) => commands::show::run(&cli.data, &args),
        Command::Export(args) => commands::export::run(&cli.data, &args),
        Command::Extract(args) => commands::extract::run(&args),
        Command::Demo(args) => commands::demo::run(&cli.data, &args),
        Command::Relations(args) => commands::relations::run(&cli.data, &args),
        Command::Stories(args) => commands::stories::run(&cli.data, &args),
        Command::Entities(args) => commands::entities::run(&cli.data, &args),
        Command::Serve(args) => commands::serve::run(&cli.data, &args),
        Command::Reindex => commands::reindex::run(&cli.data),
        Command::Check => commands::check::run(&cli.data),
    };
    match outcome {
        Ok(commands::Outcome::Clean) => ExitCode::SUCCESS,
        Ok(commands::Outcome::WithProblems) => ExitCode::from(EXIT_PROBLEMS),
        // A reader that went away (`chancery articles | head`) is not a failure of ours.
        Err(error) if is_broken_pipe(&error) => ExitCode::SUCCESS,
        Err(error) => {
            report::error(&error);
            ExitCode::FAILURE
        }
    }
}

fn is_broken_pipe(error: &anyhow::Error) -> bool {
    error.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
