//! Questions to the index: ranked full-text search with filters, snippets and counts; the
//! follow-up trail of a case number; and who abstained, reserved themselves or declared jäv.

use std::ops::Bound;

use serde::Serialize;
use tantivy::aggregation::AggregationCollector;
use tantivy::aggregation::agg_req::Aggregations;
use tantivy::collector::{Count, DocSetCollector, TopDocs};
use tantivy::query::{
    AllQuery, BooleanQuery, BoostQuery, Occur, Query, QueryParser, RangeQuery, TermQuery,
};
use tantivy::schema::{Field, IndexRecordOption, Value};
use tantivy::snippet::SnippetGenerator;
use tantivy::tokenizer::TokenStream;
use tantivy::{DocAddress, Order, Searcher, TantivyDocument, Term};

use super::SearchIndex;
use super::analyzer;
use super::convert::day_number;
use crate::error::Error;
use crate::model::Decision;

/// Filters shared by every question.
#[derive(Debug, Clone, Default)]
pub struct Filters {
    /// Organisation, as written (case does not matter).
    pub organization: Option<String>,
    /// Deciding body, as written (case does not matter).
    pub body: Option<String>,
    /// Meeting year.
    pub year: Option<u32>,
    /// First meeting date, `YYYY-MM-DD`.
    pub from: Option<String>,
    /// Last meeting date, `YYYY-MM-DD`.
    pub to: Option<String>,
    /// Document kind: `protocol`, `protocol_extract`, …
    pub kind: Option<String>,
    /// Party abbreviation.
    pub party: Option<String>,
}

/// A full-text search.
#[derive(Debug, Clone, Default)]
pub struct SearchRequest {
    /// The query: words, `"phrases"`, `AND`/`OR`/`-`, `field:value`; empty lists everything.
    pub query: String,
    /// Filters.
    pub filters: Filters,
    /// Hits to return.
    pub limit: usize,
    /// Newest first instead of by score.
    pub sort_by_date: bool,
    /// Count hits per organisation, body and year.
    pub facets: bool,
    /// Match the words as typed and stemmed only: no lemmas, compounds, parties or typos.
    pub plain: bool,
}

/// One ranked paragraph.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Hit {
    /// Source file.
    pub path: String,
    /// Organisation.
    pub organization: Option<String>,
    /// Body.
    pub body: Option<String>,
    /// Meeting date.
    pub date: Option<String>,
    /// § number.
    pub number: Option<u64>,
    /// Title.
    pub title: String,
    /// Keys of the paragraph's own case numbers.
    pub dnr: Vec<String>,
    /// Page of the source.
    pub page: Option<u64>,
    /// Source line.
    pub line: Option<u64>,
    /// Relevance.
    pub score: f32,
    /// A fragment of the text around the matches.
    pub snippet: String,
    /// Byte ranges of the matched words in `snippet`.
    #[serde(skip)]
    pub highlights: Vec<(usize, usize)>,
}

/// Hit counts by one field.
pub type Counts = Vec<(String, u64)>;

/// Counts of all matching paragraphs.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Facets {
    /// By organisation.
    pub organization: Counts,
    /// By body.
    pub body: Counts,
    /// By year.
    pub year: Counts,
}

/// The answer to a search.
#[derive(Debug, Clone, Default)]
pub struct SearchResults {
    /// Matching paragraphs in all; with `typed_only`, those matching the words as typed.
    pub total: usize,
    /// The words as typed filled the page, so related forms (which rank after them) were not
    /// searched and `total` does not count them.
    pub typed_only: bool,
    /// The best (or newest) of them.
    pub hits: Vec<Hit>,
    /// Counts, when asked for.
    pub facets: Option<Facets>,
}

/// One paragraph on a case's trail.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TrailEntry {
    /// Meeting date.
    pub date: Option<String>,
    /// Organisation.
    pub organization: Option<String>,
    /// Body.
    pub body: Option<String>,
    /// Source file.
    pub path: String,
    /// § number.
    pub number: Option<u64>,
    /// Title.
    pub title: String,
    /// `"own"`: the paragraph's own case; `"cited"`: it mentions the case.
    pub relation: &'static str,
    /// The decision, as in SCHEMA.md.
    pub decision: Option<Decision>,
    /// Page of the source PDF or DOCX where the paragraph starts.
    pub page: Option<u64>,
    /// Source line.
    #[serde(skip)]
    pub line: Option<u64>,
}

/// A question about stances.
#[derive(Debug, Clone, Default)]
pub struct StanceRequest {
    /// A name or part of one ("Lundin", "Pia Lundin").
    pub person: Option<String>,
    /// `abstained`, `reserved` or `conflict`.
    pub kind: Option<String>,
    /// Filters (party included).
    pub filters: Filters,
}

/// One person's stance in one paragraph.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StanceEntry {
    /// `abstained`, `reserved` or `conflict`.
    pub kind: String,
    /// The person; empty for a party group.
    pub name: String,
    /// Party.
    pub party: Option<String>,
    /// Meeting date.
    pub date: Option<String>,
    /// Organisation.
    pub organization: Option<String>,
    /// Body.
    pub body: Option<String>,
    /// Source file.
    pub path: String,
    /// § number.
    pub number: Option<u64>,
    /// Paragraph title.
    pub title: String,
}

/// Clauses of a boolean query.
type Clauses = Vec<(Occur, Box<dyn Query>)>;

/// The text part of a search: a query to run as it is, or a plain query as typed with the
/// items to widen it by when its own matches do not fill the page.
enum TextQuery {
    Fixed(Box<dyn Query>),
    /// A case number in any spelling (and its words, as typed).
    Case(Box<dyn Query>),
    Widenable {
        typed: Box<dyn Query>,
        items: Vec<super::expand::Item>,
    },
}

/// What the shape of a plain query lets a search skip.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Shape {
    /// It needs a word or a phrase in title or text, which only paragraphs index (see
    /// [`super::schema`]): it needs no `doctype` clause.
    paragraphs_only: bool,
    /// It is one word. Searched alone, its query is a union of term queries, whose first page
    /// tantivy finds without scoring every match (block-max WAND); counting the matches apart
    /// then costs less than scoring them all. Phrases and conjunctions score every match either
    /// way, and counting apart would read their matches twice.
    one_word: bool,
}

impl Shape {
    /// The shape of a query of `items` ([`super::expand::plain_items`]; `None` for the query
    /// language).
    fn of(items: Option<&[super::expand::Item]>) -> Self {
        use super::expand::Item;
        let Some(items) = items else {
            return Self::default();
        };
        Self {
            paragraphs_only: items.iter().any(|i| matches!(i, Item::Word(_) | Item::Phrase(_))),
            one_word: matches!(items, [Item::Word(_)]),
        }
    }
}

fn term(field: Field, value: &str) -> Box<dyn Query> {
    Box::new(TermQuery::new(Term::from_field_text(field, value), IndexRecordOption::Basic))
}

fn date_bound(
    day_field: Field,
    s: Option<&str>,
    what: &str,
    upper: bool,
) -> Result<Bound<Term>, Error> {
    let Some(s) = s else { return Ok(Bound::Unbounded) };
    let day = day_number(s).or_else(|| {
        // A year alone: "2023" is 2023-01-01 to 2023-12-31.
        let y: u64 = s.trim().parse().ok().filter(|y| (1900..=2100).contains(y))?;
        Some(if upper { y * 10_000 + 1231 } else { y * 10_000 + 101 })
    });
    let day = day.ok_or_else(|| Error::Query {
        message: format!("--{what} `{s}`: expected a date YYYY-MM-DD"),
    })?;
    Ok(Bound::Included(Term::from_field_u64(day_field, day)))
}

impl SearchIndex {
    fn filter_clauses(&self, f: &Filters, doctype: &str) -> Result<Clauses, Error> {
        let fields = self.fields();
        let mut out: Vec<(Occur, Box<dyn Query>)> =
            vec![(Occur::Must, term(fields.doctype, doctype))];
        if let Some(o) = &f.organization {
            out.push((Occur::Must, term(fields.organization, &analyzer::key_of(o))));
        }
        if let Some(b) = &f.body {
            out.push((Occur::Must, term(fields.body, &analyzer::key_of(b))));
        }
        if let Some(k) = &f.kind {
            out.push((Occur::Must, term(fields.kind, k.trim())));
        }
        if let Some(p) = &f.party {
            let p = crate::parse::persons::party_by_name(p)
                .map_or_else(|| p.trim().to_uppercase(), str::to_string);
            // Paragraphs index the parties of their stances and motions; a stance its own.
            let field = if doctype == "stance" { fields.party_facet } else { fields.party };
            out.push((Occur::Must, term(field, &p)));
        }
        if let Some(y) = f.year {
            out.push((
                Occur::Must,
                Box::new(TermQuery::new(
                    Term::from_field_u64(fields.year, u64::from(y)),
                    IndexRecordOption::Basic,
                )),
            ));
        }
        if f.from.is_some() || f.to.is_some() {
            let lower = date_bound(fields.day, f.from.as_deref(), "from", false)?;
            let upper = date_bound(fields.day, f.to.as_deref(), "to", true)?;
            out.push((Occur::Must, Box::new(RangeQuery::new(lower, upper))));
        }
        Ok(out)
    }

    /// The text part of a search: the user's query over title and text, and, where the query
    /// is a case number in any spelling, the paragraphs that carry or cite it. A plain query
    /// (words, phrases, `-word`) is widenable in Swedish ([`super::expand`]) unless `plain`.
    fn text_query(&self, q: &str, plain: bool) -> Result<(TextQuery, Shape), Error> {
        let fields = self.fields();
        let items = super::expand::plain_items(q);
        let shape = Shape::of(items.as_deref());
        if q.trim().is_empty() {
            return Ok((TextQuery::Fixed(Box::new(AllQuery)), shape));
        }
        let mut parser = QueryParser::for_index(&self.index, vec![fields.title, fields.text]);
        parser.set_conjunction_by_default();
        parser.set_field_boost(fields.title, 2.0);
        let parsed = parser.parse_query(q);
        if let Some(key) = crate::parse::dnr::key_of(q) {
            let mut should: Vec<(Occur, Box<dyn Query>)> = vec![
                (Occur::Should, Box::new(BoostQuery::new(term(fields.dnr, &key), 3.0))),
                (Occur::Should, term(fields.cited, &key)),
            ];
            if !key.starts_with(|c: char| c.is_ascii_alphabetic()) {
                // No series typed (`00087/2025`): any series with that year and number.
                should.push((Occur::Should, term(fields.case_number, &key)));
            }
            if let Ok(p) = parsed {
                should.push((Occur::Should, p));
            }
            return Ok((TextQuery::Case(Box::new(BooleanQuery::new(should))), shape));
        }
        let parsed =
            parsed.map_err(|e| Error::Query { message: explain_query_error(q, &e.to_string()) })?;
        let text = match items {
            // A phrase is matched as typed: with no free word there is nothing to widen.
            Some(items)
                if !plain && items.iter().any(|i| matches!(i, super::expand::Item::Word(_))) =>
            {
                TextQuery::Widenable { typed: parsed, items }
            }
            _ => TextQuery::Fixed(parsed),
        };
        Ok((text, shape))
    }

    /// Runs a full-text search.
    ///
    /// # Errors
    /// When the query or a filter cannot be understood, or the index cannot be read.
    pub fn search(&self, req: &SearchRequest) -> Result<SearchResults, Error> {
        let fields = *self.fields();
        let searcher = self.searcher();
        let filters = self.filter_clauses(&req.filters, "paragraph")?;
        let (text, shape) = self.text_query(&req.query, req.plain)?;
        // The `doctype` clause alone is no filter for a query that finds paragraphs only, and
        // leaving it out leaves the query as tantivy can prune it.
        let unfiltered = shape.paragraphs_only && filters.len() == 1;
        let with_filters = |q: Box<dyn Query>| -> Box<dyn Query> {
            if unfiltered {
                return q;
            }
            let mut clauses: Clauses = filters.iter().map(|(o, c)| (*o, c.box_clone())).collect();
            clauses.push((Occur::Must, q));
            Box::new(BooleanQuery::new(clauses))
        };
        let limit = req.limit.max(1);
        let err = self.err();
        // `prunable`: the query is one word as typed, as `Shape::one_word` says.
        let ranked =
            |q: &dyn Query, prunable: bool| -> Result<(usize, Vec<(f32, DocAddress)>), Error> {
                let by_score = TopDocs::with_limit(limit).order_by_score();
                if req.sort_by_date {
                    let by_day =
                        TopDocs::with_limit(limit).order_by_fast_field::<u64>("day", Order::Desc);
                    let (n, docs) = searcher.search(q, &(Count, by_day)).map_err(err)?;
                    Ok((n, docs.into_iter().map(|(_, a)| (0.0, a)).collect()))
                } else if unfiltered && prunable {
                    let n = searcher.search(q, &Count).map_err(err)?;
                    Ok((n, searcher.search(q, &by_score).map_err(err)?))
                } else {
                    searcher.search(q, &(Count, by_score)).map_err(err)
                }
            };
        // The words as typed rank above every widened match, so where they fill the page the
        // page is theirs and nothing need be widened. Sorting by date and counting facets take
        // every match, widened or not.
        let (main, typed_only, total, top) = match text {
            TextQuery::Fixed(q) => {
                let (total, top) = ranked(&*with_filters(q.box_clone()), shape.one_word)?;
                (q, false, total, top)
            }
            TextQuery::Case(q) => {
                let (total, top) = ranked(&*with_filters(q.box_clone()), false)?;
                (q, false, total, top)
            }
            TextQuery::Widenable { typed, items } => {
                let first = (!req.sort_by_date && !req.facets)
                    .then(|| ranked(&*with_filters(typed.box_clone()), shape.one_word))
                    .transpose()?;
                match first {
                    Some((total, top)) if top.len() >= limit => {
                        let bonus = super::expand::EXACT_BONUS;
                        let top = top.into_iter().map(|(s, a)| (s + bonus, a)).collect();
                        (typed, true, total, top)
                    }
                    first => {
                        let lexicon = self.lexicon();
                        let mut expander =
                            super::expand::Expander::new(&searcher, &fields, &lexicon);
                        if let Some(w) = expander.query(&items, Some(typed.box_clone())) {
                            let (total, top) = ranked(&*with_filters(w.box_clone()), false)?;
                            (w, false, total, top)
                        } else {
                            let (total, top) = match first {
                                Some(done) => done,
                                None => ranked(&*with_filters(typed.box_clone()), shape.one_word)?,
                            };
                            (typed, false, total, top)
                        }
                    }
                }
            }
        };
        // A widened query searches stems of the text too, so the text's snippet lights up
        // lemmas, compounds and party names as well as the words as typed.
        let mut text_gen = SnippetGenerator::create(&searcher, &*main, fields.text).map_err(err)?;
        text_gen.set_max_num_chars(220);
        let mut hits = Vec::with_capacity(top.len());
        for (score, addr) in top {
            let doc: TantivyDocument = searcher.doc(addr).map_err(err)?;
            let snippet = text_gen.snippet_from_doc(&doc);
            let (text, highlights) = if snippet.fragment().is_empty() {
                let t = first_str(&doc, fields.text).unwrap_or_default();
                (t.chars().take(200).collect::<String>(), Vec::new())
            } else {
                (
                    snippet.fragment().to_string(),
                    snippet.highlighted().iter().map(|r| (r.start, r.end)).collect(),
                )
            };
            hits.push(Hit {
                path: first_str(&doc, fields.path).unwrap_or_default(),
                organization: first_str(&doc, fields.organization),
                body: first_str(&doc, fields.body),
                date: first_str(&doc, fields.date),
                number: first_u64(&doc, fields.number),
                title: first_str(&doc, fields.title).unwrap_or_default(),
                dnr: all_str(&doc, fields.dnr),
                page: first_u64(&doc, fields.page),
                line: first_u64(&doc, fields.line),
                score,
                snippet: text.replace('\n', " "),
                highlights,
            });
        }
        let facets = if req.facets {
            Some(self.facets(&searcher, &*with_filters(main.box_clone()))?)
        } else {
            None
        };
        Ok(SearchResults { total, typed_only, hits, facets })
    }

    fn facets(&self, searcher: &Searcher, query: &dyn Query) -> Result<Facets, Error> {
        let agg: Aggregations = serde_json::from_value(serde_json::json!({
            "organization": { "terms": { "field": "organization_facet", "size": 50 } },
            "body": { "terms": { "field": "body_facet", "size": 50 } },
            "year": { "terms": { "field": "year", "size": 100, "order": { "_key": "desc" } } },
        }))
        .map_err(|e| Error::Query { message: e.to_string() })?;
        let collector =
            AggregationCollector::from_aggs(agg, tantivy::aggregation::AggContextParams::default());
        let res = searcher.search(query, &collector).map_err(self.err())?;
        let json =
            serde_json::to_value(res).map_err(|e| Error::Query { message: e.to_string() })?;
        let counts = |name: &str| -> Counts {
            json[name]["buckets"]
                .as_array()
                .map(|b| {
                    b.iter()
                        .map(|x| {
                            let key = match &x["key"] {
                                serde_json::Value::String(s) => s.clone(),
                                other => other.to_string().trim_end_matches(".0").to_string(),
                            };
                            (key, x["doc_count"].as_u64().unwrap_or(0))
                        })
                        .collect()
                })
                .unwrap_or_default()
        };
        Ok(Facets {
            organization: counts("organization"),
            body: counts("body"),
            year: counts("year"),
        })
    }

    /// Every paragraph that carries or cites the case `dnr` (any spelling), oldest first.
    ///
    /// # Errors
    /// When `dnr` is not a case number, or the index cannot be read.
    pub fn dnr_trail(&self, dnr: &str, filters: &Filters) -> Result<Vec<TrailEntry>, Error> {
        let key = crate::parse::dnr::key_of(dnr).ok_or_else(|| Error::Query {
            message: format!("`{dnr}` is not a case number (try `HSN 2024/876` or `23HSN1782`)"),
        })?;
        let fields = *self.fields();
        let searcher = self.searcher();
        let mut either: Clauses = vec![
            (Occur::Should, term(fields.dnr, &key)),
            (Occur::Should, term(fields.cited, &key)),
        ];
        let no_series = !key.starts_with(|c: char| c.is_ascii_alphabetic());
        if no_series {
            // `00087/2025`: the case in any series.
            either.push((Occur::Should, term(fields.case_number, &key)));
        }
        let either = BooleanQuery::new(either);
        let mut clauses = self.filter_clauses(filters, "paragraph")?;
        clauses.push((Occur::Must, Box::new(either)));
        let err = self.err();
        let docs = searcher.search(&BooleanQuery::new(clauses), &DocSetCollector).map_err(err)?;
        let mut out = Vec::with_capacity(docs.len());
        for addr in docs {
            let doc: TantivyDocument = searcher.doc(addr).map_err(err)?;
            let own = all_str(&doc, fields.dnr)
                .iter()
                .any(|k| *k == key || (no_series && super::convert::case_number(k) == key));
            out.push(TrailEntry {
                date: first_str(&doc, fields.date),
                organization: first_str(&doc, fields.organization),
                body: first_str(&doc, fields.body),
                path: first_str(&doc, fields.path).unwrap_or_default(),
                number: first_u64(&doc, fields.number),
                title: first_str(&doc, fields.title).unwrap_or_default(),
                relation: if own { "own" } else { "cited" },
                decision: first_str(&doc, fields.decision)
                    .and_then(|j| serde_json::from_str(&j).ok()),
                page: first_u64(&doc, fields.page),
                line: first_u64(&doc, fields.line),
            });
        }
        out.sort_by(|a, b| {
            (a.date.as_deref().unwrap_or("9999"), &a.path, a.number).cmp(&(
                b.date.as_deref().unwrap_or("9999"),
                &b.path,
                b.number,
            ))
        });
        Ok(out)
    }

    /// Who abstained, reserved themselves or declared jäv, oldest first.
    ///
    /// # Errors
    /// When a filter cannot be understood, or the index cannot be read.
    pub fn stances(&self, req: &StanceRequest) -> Result<Vec<StanceEntry>, Error> {
        let fields = *self.fields();
        let searcher = self.searcher();
        let mut clauses = self.filter_clauses(&req.filters, "stance")?;
        if let Some(kind) = &req.kind {
            let k = match kind.as_str() {
                "abstained" | "avstår" | "abstain" => "abstained",
                "reserved" | "reservation" | "reserverar" => "reserved",
                "conflict" | "jäv" => "conflict",
                other => {
                    return Err(Error::Query {
                        message: format!(
                            "--kind `{other}`: expected abstained, reserved or conflict"
                        ),
                    });
                }
            };
            clauses.push((Occur::Must, term(fields.stance, k)));
        }
        if let Some(person) = &req.person {
            let mut analyzer = analyzer::name();
            let mut stream = analyzer.token_stream(person);
            let mut any = false;
            while stream.advance() {
                any = true;
                clauses.push((Occur::Must, term(fields.person, &stream.token().text)));
            }
            if !any {
                return Err(Error::Query {
                    message: format!("--person `{person}`: no name in it"),
                });
            }
        }
        let err = self.err();
        let docs = searcher.search(&BooleanQuery::new(clauses), &DocSetCollector).map_err(err)?;
        let mut out = Vec::with_capacity(docs.len());
        for addr in docs {
            let doc: TantivyDocument = searcher.doc(addr).map_err(err)?;
            out.push(StanceEntry {
                kind: first_str(&doc, fields.stance).unwrap_or_default(),
                name: first_str(&doc, fields.person).unwrap_or_default(),
                party: first_str(&doc, fields.party_facet),
                date: first_str(&doc, fields.date),
                organization: first_str(&doc, fields.organization),
                body: first_str(&doc, fields.body),
                path: first_str(&doc, fields.path).unwrap_or_default(),
                number: first_u64(&doc, fields.number),
                title: first_str(&doc, fields.stance_title).unwrap_or_default(),
            });
        }
        out.sort_by(|a, b| {
            (&a.date, &a.path, a.number, &a.name).cmp(&(&b.date, &b.path, b.number, &b.name))
        });
        Ok(out)
    }
}

fn first_str(doc: &TantivyDocument, f: Field) -> Option<String> {
    doc.get_first(f).and_then(|v| v.as_str()).map(str::to_string)
}

fn all_str(doc: &TantivyDocument, f: Field) -> Vec<String> {
    doc.get_all(f).filter_map(|v| v.as_str().map(str::to_string)).collect()
}

fn first_u64(doc: &TantivyDocument, f: Field) -> Option<u64> {
    doc.get_first(f).and_then(|v| v.as_u64())
}

/// A one-line explanation of a query that could not be parsed, pointing at the likely cause.
fn explain_query_error(q: &str, err: &str) -> String {
    if q.matches('"').count() % 2 == 1 {
        let at = q.rfind('"').unwrap_or(0);
        return format!("unclosed quote at column {} in `{q}`", at + 1);
    }
    let open = q.matches('(').count();
    let close = q.matches(')').count();
    if open != close {
        return format!("unbalanced parentheses ({open} opening, {close} closing) in `{q}`");
    }
    if let Some(field) = err.strip_prefix("Field does not exist: ") {
        return format!(
            "unknown field {field} in `{q}` (fields: title, text, dnr, party, organization, body, kind, year)"
        );
    }
    format!("cannot read `{q}`: {err}")
}
