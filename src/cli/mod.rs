//! Command-line front end: clap definitions, dispatch, exit codes, broken pipes.
//!
//! Exit status: 0 when everything worked, 1 on a usage or fatal error, 2 when some input file
//! could not be read (every other file is still processed). A closed pipe ends quietly with 0.

use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

mod check;
mod dnr;
mod index;
mod parse;
mod search;
mod stances;

/// Swedish meeting minutes as structured data.
#[derive(Debug, Parser)]
#[command(name = "protokoll", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Parse minutes into the documented JSON model (one object per file; NDJSON).
    Parse(parse::Args),
    /// Build or update the full-text index (incremental: unchanged files are skipped).
    Index(index::Args),
    /// Search paragraphs: Swedish stemming, "phrases", AND/OR, filters, counts.
    Search(search::Args),
    /// Every paragraph that carries or cites a case number, in date order.
    Dnr(dnr::Args),
    /// Who abstained, reserved themselves or declared jäv.
    Stances(stances::Args),
    /// Count the parser's warnings over a corpus, most frequent first.
    Check(check::Args),
}

/// How a command ended.
pub enum Outcome {
    /// Everything worked.
    Ok,
    /// Some inputs failed (each already reported on stderr).
    SomeFailed,
}

/// Runs the command line and returns the process exit code.
#[must_use]
pub fn run() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Parse(args) => parse::run(&args),
        Command::Index(args) => index::run(&args),
        Command::Search(args) => search::run(&args),
        Command::Dnr(args) => dnr::run(&args),
        Command::Stances(args) => stances::run(&args),
        Command::Check(args) => check::run(&args),
    };
    match result {
        Ok(Outcome::Ok) => ExitCode::SUCCESS,
        Ok(Outcome::SomeFailed) => ExitCode::from(2),
        Err(err) if is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("protokoll: {err:#}");
            ExitCode::FAILURE
        }
    }
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|e| {
        e.downcast_ref::<io::Error>().is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
    })
}

/// Documents under the given paths, with unreadable entries reported and counted.
fn documents(paths: &[PathBuf], failed: &mut usize) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in protokoll::corpus::walk(paths) {
        match entry {
            Ok(p) => out.push(p),
            Err(e) => {
                *failed += 1;
                eprintln!("protokoll: {e}");
            }
        }
    }
    out
}

/// A locked, buffered stdout.
fn stdout() -> io::BufWriter<io::StdoutLock<'static>> {
    io::BufWriter::new(io::stdout().lock())
}

/// A person as the summaries print one: `Pia Lundin (SJVP)`, or `(SD)` for a party group.
fn person_label(name: &str, party: Option<&str>) -> String {
    match (party, name.is_empty()) {
        (Some(p), true) => format!("({p})"),
        (Some(p), false) => format!("{name} ({p})"),
        (None, _) => name.to_string(),
    }
}

/// Writes one JSON object and a newline (NDJSON).
fn json_line(out: &mut impl Write, value: &impl serde::Serialize) -> anyhow::Result<()> {
    serde_json::to_writer(&mut *out, value)?;
    line(out, "")?;
    Ok(())
}

/// Writes a line to `out`.
fn line(out: &mut impl Write, text: &str) -> io::Result<()> {
    out.write_all(text.as_bytes())?;
    out.write_all(b"\n")
}

#[cfg(test)]
mod tests {
    /// clap checks its definitions only in debug builds and only for the command being run:
    /// this checks them all (two `--kind` flags on one command once slipped through).
    #[test]
    fn command_line_definitions_are_consistent() {
        use clap::CommandFactory;
        super::Cli::command().debug_assert();
    }
}
