//! The `chancery` binary: parse the command line, run it, map the outcome to an exit code.

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = chancery_cli::Cli::parse();
    chancery_cli::run(cli)
}
