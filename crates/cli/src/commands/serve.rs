//! `chancery serve`: the JSON API and the web UI over the data directory.

use std::io::{self, Write};
use std::path::Path;

use anyhow::{Context, Result};
use chancery_server::ServerConfig;
use chancery_store::Store;

use super::Outcome;
use crate::cli::ServeArgs;
use crate::indexing;

pub fn run(data: &Path, args: &ServeArgs) -> Result<Outcome> {
    {
        let store = Store::open(data)
            .with_context(|| format!("cannot use data directory {}", data.display()))?;
        // Catch up with what the store holds, then let the writer go so an ingest can run
        // beside the server; the server sees its commits as they land.
        let _caught_up = indexing::catch_up(data, &store)?;
    }
    let config = ServerConfig {
        data: data.to_path_buf(),
        addr: args.addr,
    };
    chancery_server::run(&config, |addr| {
        // Printed for people and for scripts waiting on the port; flushed so a pipe sees it now.
        let mut out = io::stdout();
        let _ = writeln!(
            out,
            "serving {} on http://{addr}/ (API under /api)",
            data.display()
        );
        let _ = out.flush();
    })?;
    Ok(Outcome::Clean)
}
