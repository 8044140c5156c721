//! `protokoll check PATH...`: the parser's warnings over a corpus, counted by kind, so a new
//! layout's gaps show at a glance.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::PathBuf;

use anyhow::Result;

use super::{Outcome, documents, line, stdout};

/// Arguments of `protokoll check`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Files or folders to check.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// Also list every warning with its file and line.
    #[arg(long)]
    verbose: bool,
}

/// Runs `protokoll check`.
pub fn run(args: &Args) -> Result<Outcome> {
    let mut failed = 0;
    let files = documents(&args.paths, &mut failed);
    let mut out = stdout();
    let mut histogram: BTreeMap<String, usize> = BTreeMap::new();
    let (mut docs, mut paragraphs, mut warnings) = (0, 0, 0);
    for path in files {
        match protokoll::parse_file(&path) {
            Ok(doc) => {
                docs += 1;
                paragraphs += doc.paragraphs.len();
                for w in &doc.warnings {
                    warnings += 1;
                    // The kind of a warning is its text up to the first quote or number.
                    let kind: String =
                        w.message.split(['`', '§']).next().unwrap_or("").trim().to_string();
                    *histogram.entry(kind).or_default() += 1;
                    if args.verbose {
                        line(&mut out, &format!("{}:{}: {}", doc.source.path, w.line, w.message))?;
                    }
                }
            }
            Err(e) => {
                failed += 1;
                eprintln!("protokoll: {e}");
            }
        }
    }
    let mut rows: Vec<_> = histogram.into_iter().collect();
    rows.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    for (kind, n) in rows {
        line(&mut out, &format!("{n:6}  {kind}"))?;
    }
    line(
        &mut out,
        &format!("{docs} documents, {paragraphs} paragraphs, {warnings} warnings, {failed} failed"),
    )?;
    out.flush()?;
    Ok(if failed > 0 { Outcome::SomeFailed } else { Outcome::Ok })
}
