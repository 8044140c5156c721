//! The index schema: field names as constants, one builder, and the [`Fields`] handles.
//!
//! One tantivy schema holds three kinds of documents, told apart by `doctype`:
//! `paragraph` (one per § — what `search` and `dnr` return), `stance` (one per person and
//! stance — what `stances` counts), and `file` (one per source file: its path and content
//! hash, the manifest that makes `index` incremental and is committed atomically with the rest).
//!
//! Only paragraphs index words and case numbers (`title`, `text`, `party`, `dnr`, `cited`,
//! `case_number`); a stance keeps its paragraph's title and its party in fields of its own. A
//! query of words or case numbers therefore finds paragraphs alone, with no `doctype` clause
//! to intersect, and tantivy may then skip matches that cannot reach the first page.

use tantivy::schema::{
    FAST, Field, INDEXED, IndexRecordOption, STORED, STRING, Schema, TextFieldIndexing, TextOptions,
};

use super::analyzer::{KEY, SWEDISH};

/// Bumped whenever the schema or an analyzer changes; an index with another version is rebuilt.
pub const INDEX_SCHEMA_VERSION: u32 = 9;

/// Handles of every field.
#[derive(Debug, Clone, Copy)]
pub struct Fields {
    /// `paragraph`, `stance` or `file`.
    pub doctype: Field,
    /// Source path as indexed (a column too, for the manifest).
    pub path: Field,
    /// SHA-256 of the source file: `file` documents only, as a column (the manifest is read
    /// from the columns, without opening the stored documents).
    pub sha256: Field,
    /// Organisation, lower-cased for filtering, stored as written.
    pub organization: Field,
    /// Organisation as written, for counts.
    pub organization_facet: Field,
    /// Body, lower-cased for filtering, stored as written.
    pub body: Field,
    /// Body as written, for counts.
    pub body_facet: Field,
    /// Document kind.
    pub kind: Field,
    /// Meeting year.
    pub year: Field,
    /// Meeting date as `yyyymmdd`, for ranges and sorting.
    pub day: Field,
    /// Meeting date as written in the model.
    pub date: Field,
    /// § number.
    pub number: Field,
    /// Source line of the paragraph.
    pub line: Field,
    /// Page of the paragraph.
    pub page: Field,
    /// Paragraph title (Swedish analysis).
    pub title: Field,
    /// Paragraph text (Swedish analysis, positions for phrases).
    pub text: Field,
    /// Keys of the paragraph's own case numbers.
    pub dnr: Field,
    /// Keys of the case numbers it cites.
    pub cited: Field,
    /// Year and number of every case number it carries or cites, without the series
    /// (`2025-87`), for a query that leaves the series out.
    pub case_number: Field,
    /// The case numbers as written, stored.
    pub dnr_raw: Field,
    /// Parties with a stance or a motion in the paragraph (paragraphs only: see `party_facet`).
    pub party: Field,
    /// The decision, as JSON (SCHEMA.md's shape).
    pub decision: Field,
    /// Stance documents: `abstained`, `reserved`, `conflict`.
    pub stance: Field,
    /// Stance documents: the person, tokenised for name look-ups.
    pub person: Field,
    /// Stance documents: the person as written, for counts.
    pub person_facet: Field,
    /// Stance documents: the party as written, for filters, counts and output.
    pub party_facet: Field,
    /// Stance documents: the paragraph's title, stored only (see the module's note).
    pub stance_title: Field,
}

/// Builds the schema.
#[must_use]
pub fn build() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let key = TextOptions::default()
        .set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(KEY)
                .set_index_option(IndexRecordOption::Basic),
        )
        .set_stored();
    let swedish = |positions: bool| {
        let option = if positions {
            IndexRecordOption::WithFreqsAndPositions
        } else {
            IndexRecordOption::WithFreqs
        };
        TextOptions::default()
            .set_indexing_options(
                TextFieldIndexing::default().set_tokenizer(SWEDISH).set_index_option(option),
            )
            .set_stored()
    };
    let person = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(super::analyzer::NAME)
            .set_index_option(IndexRecordOption::WithFreqsAndPositions),
    );
    let fields = Fields {
        doctype: b.add_text_field("doctype", STRING | FAST),
        path: b.add_text_field("path", STRING | STORED | FAST),
        sha256: b.add_text_field("sha256", STRING | STORED | FAST),
        organization: b.add_text_field("organization", key.clone()),
        organization_facet: b.add_text_field("organization_facet", STRING | FAST),
        body: b.add_text_field("body", key.clone()),
        body_facet: b.add_text_field("body_facet", STRING | FAST),
        kind: b.add_text_field("kind", STRING | STORED | FAST),
        year: b.add_u64_field("year", INDEXED | FAST | STORED),
        day: b.add_u64_field("day", INDEXED | FAST | STORED),
        date: b.add_text_field("date", STORED),
        number: b.add_u64_field("number", INDEXED | STORED),
        line: b.add_u64_field("line", STORED),
        page: b.add_u64_field("page", STORED),
        title: b.add_text_field("title", swedish(true)),
        text: b.add_text_field("text", swedish(true)),
        dnr: b.add_text_field("dnr", STRING | STORED),
        cited: b.add_text_field("cited", STRING | STORED),
        case_number: b.add_text_field("case_number", STRING),
        dnr_raw: b.add_text_field("dnr_raw", STORED),
        party: b.add_text_field("party", STRING | STORED),
        decision: b.add_text_field("decision", STORED),
        stance: b.add_text_field("stance", STRING | STORED | FAST),
        person: b.add_text_field("person", person.set_stored()),
        person_facet: b.add_text_field("person_facet", STRING | FAST),
        party_facet: b.add_text_field("party_facet", STRING | FAST | STORED),
        stance_title: b.add_text_field("stance_title", STORED),
    };
    (b.build(), fields)
}

/// Reads the handles from an opened index's schema.
///
/// # Errors
/// When a field is missing (an index of another schema).
pub fn fields_of(schema: &Schema) -> tantivy::Result<Fields> {
    let f = |name: &str| schema.get_field(name);
    Ok(Fields {
        doctype: f("doctype")?,
        path: f("path")?,
        sha256: f("sha256")?,
        organization: f("organization")?,
        organization_facet: f("organization_facet")?,
        body: f("body")?,
        body_facet: f("body_facet")?,
        kind: f("kind")?,
        year: f("year")?,
        day: f("day")?,
        date: f("date")?,
        number: f("number")?,
        line: f("line")?,
        page: f("page")?,
        title: f("title")?,
        text: f("text")?,
        dnr: f("dnr")?,
        cited: f("cited")?,
        case_number: f("case_number")?,
        dnr_raw: f("dnr_raw")?,
        party: f("party")?,
        decision: f("decision")?,
        stance: f("stance")?,
        person: f("person")?,
        person_facet: f("person_facet")?,
        party_facet: f("party_facet")?,
        stance_title: f("stance_title")?,
    })
}
