//! `protokoll index [PATH...]`: build or update the index, incrementally, with progress.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use anyhow::Result;
use indicatif::{ProgressBar, ProgressStyle};
use protokoll::index::{Opened, Report, SearchIndex};

use super::Outcome;

/// Where the index lives unless `--index` or `PROTOKOLL_INDEX` says otherwise.
pub const DEFAULT_INDEX: &str = ".protokoll-index";

/// The corpus indexed when no path is given.
pub const DEFAULT_CORPUS: &str = "corpus";

/// The index folder option shared by every command that reads or writes the index.
#[derive(Debug, Clone, clap::Args)]
pub struct IndexDir {
    /// Index folder.
    #[arg(long = "index", value_name = "DIR", env = "PROTOKOLL_INDEX", default_value = DEFAULT_INDEX)]
    pub dir: PathBuf,
}

/// Arguments of `protokoll index`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Folders or files to index (default: corpus/).
    paths: Vec<PathBuf>,
    #[command(flatten)]
    index: IndexDir,
    /// No progress bar, no summary.
    #[arg(long, short)]
    quiet: bool,
}

/// Runs `protokoll index`.
pub fn run(args: &Args) -> Result<Outcome> {
    let paths = if args.paths.is_empty() {
        vec![PathBuf::from(DEFAULT_CORPUS)]
    } else {
        args.paths.clone()
    };
    let report = build(&args.index.dir, &paths, args.quiet)?;
    Ok(if report.failed.is_empty() { Outcome::Ok } else { Outcome::SomeFailed })
}

/// Opens (or creates, or rebuilds) the index and updates it from `paths`, reporting on stderr.
pub fn build(dir: &Path, paths: &[PathBuf], quiet: bool) -> Result<Report> {
    let (index, opened) = SearchIndex::open_or_create(dir)?;
    match &opened {
        Opened::Rebuilt { found } => {
            eprintln!(
                "protokoll: index {} had schema version {found}; rebuilding it",
                dir.display()
            );
        }
        Opened::Damaged { reason } => {
            eprintln!("protokoll: index {} is damaged ({reason}); rebuilding it", dir.display());
        }
        Opened::Existing | Opened::Created => {}
    }
    let bar = if quiet || !std::io::stderr().is_terminal() {
        ProgressBar::hidden()
    } else {
        let bar = ProgressBar::new(0);
        bar.set_style(
            ProgressStyle::with_template(
                "{spinner} [{elapsed_precise}] {bar:40} {pos}/{len} files {msg}",
            )
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
        );
        bar
    };
    let report = index.update(paths, &|r: &Report| {
        bar.set_length(r.files as u64);
        bar.set_position(r.done as u64);
        bar.set_message(format!("{} paragraphs", r.paragraphs));
    })?;
    bar.finish_and_clear();
    for failure in &report.failed {
        eprintln!("protokoll: {failure}");
    }
    if !quiet {
        let secs = report.elapsed.as_secs_f64();
        #[expect(clippy::cast_precision_loss, reason = "a rate for people to read")]
        let mb = report.bytes as f64 / 1e6;
        eprintln!(
            "indexed {} documents ({} new, {} changed), {} paragraphs, {} warnings; {} unchanged skipped, {} removed, {} failed; {:.2} s{}",
            report.documents,
            report.added,
            report.replaced,
            report.paragraphs,
            report.warnings,
            report.skipped,
            report.removed,
            report.failed.len(),
            secs,
            if mb > 1.0 { format!(" ({:.1} MB/s)", mb / secs.max(1e-9)) } else { String::new() },
        );
    }
    Ok(report)
}

/// Opens the index for a question, building it from the bundled corpus first when there is
/// none at the default place (the README's first command works on a fresh clone). An index
/// chosen with `--index` is never filled with the bundled corpus: its absence, age or damage
/// is an error that says to run `protokoll index`.
pub fn open_for_reading(dir: &Path) -> Result<SearchIndex> {
    match SearchIndex::open(dir) {
        Ok(index) => Ok(index),
        Err(
            protokoll::Error::NoIndex { .. }
            | protokoll::Error::OldIndex { .. }
            | protokoll::Error::DamagedIndex { .. },
        ) if dir == Path::new(DEFAULT_INDEX) && Path::new(DEFAULT_CORPUS).is_dir() => {
            eprintln!(
                "protokoll: no usable index in {}; building it from {DEFAULT_CORPUS}/ first",
                dir.display()
            );
            build(dir, &[PathBuf::from(DEFAULT_CORPUS)], false)?;
            Ok(SearchIndex::open(dir)?)
        }
        Err(e) => Err(e.into()),
    }
}
