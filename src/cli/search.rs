//! `protokoll search QUERY`: ranked paragraphs with their §, date, body and a highlighted snippet.

use std::io::{IsTerminal, Write};

use anyhow::Result;
use protokoll::index::query::{Filters, Hit, SearchRequest};

use super::index::{IndexDir, open_for_reading};
use super::{Outcome, json_line, line, stdout};

/// Filters shared by `search`, `dnr` and `stances`.
#[derive(Debug, Clone, clap::Args)]
pub struct FilterArgs {
    /// Only this organisation ("Region Västernorrland").
    #[arg(long)]
    org: Option<String>,
    /// Only this body ("Hälso- och sjukvårdsutskottet").
    #[arg(long)]
    body: Option<String>,
    /// Only this year.
    #[arg(long)]
    year: Option<u32>,
    /// From this date on (YYYY-MM-DD or a year).
    #[arg(long)]
    from: Option<String>,
    /// Up to this date (YYYY-MM-DD or a year).
    #[arg(long)]
    to: Option<String>,
    /// Only paragraphs where this party took a stance or moved (abbreviation or name).
    #[arg(long)]
    party: Option<String>,
}

impl FilterArgs {
    /// The library's filters, with the document kind the command takes under its own name.
    pub fn filters(&self, kind: Option<&String>) -> Filters {
        Filters {
            organization: self.org.clone(),
            body: self.body.clone(),
            year: self.year,
            from: self.from.clone(),
            to: self.to.clone(),
            kind: kind.cloned(),
            party: self.party.clone(),
        }
    }
}

/// Arguments of `protokoll search`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Words, "a phrase", AND/OR/-word, field:value (title, text, dnr, party).
    query: String,
    #[command(flatten)]
    filters: FilterArgs,
    /// Only this kind of document (protocol, protocol_extract, official_letter, report).
    #[arg(long)]
    kind: Option<String>,
    /// How many hits.
    #[arg(long, short = 'n', default_value_t = 10)]
    limit: usize,
    /// Order: by score (default) or by date, newest first.
    #[arg(long, value_parser = ["score", "date"], default_value = "score")]
    sort: String,
    /// Also count all hits per organisation, body and year.
    #[arg(long)]
    facets: bool,
    /// Only the words as typed (stemmed): no lemmas, compounds, party names or typo fallback.
    #[arg(long)]
    plain: bool,
    /// One JSON object per hit.
    #[arg(long)]
    json: bool,
    #[command(flatten)]
    index: IndexDir,
}

/// Runs `protokoll search`.
pub fn run(args: &Args) -> Result<Outcome> {
    let index = open_for_reading(&args.index.dir)?;
    let req = SearchRequest {
        query: args.query.clone(),
        filters: args.filters.filters(args.kind.as_ref()),
        limit: args.limit,
        sort_by_date: args.sort == "date",
        facets: args.facets,
        plain: args.plain,
    };
    let res = index.search(&req)?;
    let mut out = stdout();
    if args.json {
        for hit in &res.hits {
            json_line(&mut out, hit)?;
        }
        if let Some(f) = &res.facets {
            serde_json::to_writer(
                &mut out,
                &serde_json::json!({ "facets": f, "total": res.total }),
            )?;
            line(&mut out, "")?;
        }
        out.flush()?;
        return Ok(Outcome::Ok);
    }
    let colour = std::io::stdout().is_terminal();
    line(
        &mut out,
        &format!(
            "{} matching paragraphs{}{}",
            res.total,
            if res.typed_only { " as typed (related forms would rank after them)" } else { "" },
            if res.total > res.hits.len() {
                format!(", showing {}", res.hits.len())
            } else {
                String::new()
            }
        ),
    )?;
    for (k, hit) in res.hits.iter().enumerate() {
        print_hit(&mut out, k + 1, hit, colour)?;
    }
    if let Some(f) = &res.facets {
        for (name, counts) in
            [("organisation", &f.organization), ("body", &f.body), ("year", &f.year)]
        {
            if counts.is_empty() {
                continue;
            }
            let cells: Vec<String> = counts.iter().map(|(k, n)| format!("{k} {n}")).collect();
            line(&mut out, &format!("by {name}: {}", cells.join(" · ")))?;
        }
    }
    out.flush()?;
    Ok(Outcome::Ok)
}

fn print_hit(out: &mut impl Write, rank: usize, hit: &Hit, colour: bool) -> std::io::Result<()> {
    let (bold, hl, dim, reset) =
        if colour { ("\x1b[1m", "\x1b[1;31m", "\x1b[2m", "\x1b[0m") } else { ("", "**", "", "") };
    let hl_end = if colour { reset } else { "**" };
    let number = hit.number.map_or_else(String::new, |n| format!("§ {n} "));
    let dnr = if hit.dnr.is_empty() { String::new() } else { format!(" [{}]", hit.dnr.join(", ")) };
    line(
        out,
        &format!(
            "{rank:>2}. {} · {} · {} · {bold}{number}{}{reset}{dnr}",
            hit.date.as_deref().unwrap_or("----------"),
            hit.organization.as_deref().unwrap_or("-"),
            hit.body.as_deref().unwrap_or("-"),
            hit.title,
        ),
    )?;
    let mut snippet = String::with_capacity(hit.snippet.len() + 16);
    let mut at = 0;
    for &(s, e) in &hit.highlights {
        if s < at
            || e > hit.snippet.len()
            || !hit.snippet.is_char_boundary(s)
            || !hit.snippet.is_char_boundary(e)
        {
            continue;
        }
        snippet.push_str(&hit.snippet[at..s]);
        snippet.push_str(hl);
        snippet.push_str(&hit.snippet[s..e]);
        snippet.push_str(hl_end);
        at = e;
    }
    snippet.push_str(&hit.snippet[at..]);
    line(out, &format!("    {}", snippet.trim()))?;
    let place = match (hit.page, hit.line) {
        (Some(p), _) => format!("{} (page {p})", hit.path),
        (None, Some(l)) => format!("{}:{l}", hit.path),
        _ => hit.path.clone(),
    };
    line(out, &format!("    {dim}{place}{reset}"))
}
