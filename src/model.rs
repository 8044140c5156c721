//! The parsed-document contract: the types behind `protokoll parse --json`.
//!
//! Field names and meanings follow `SCHEMA.md` (schema version [`SCHEMA_VERSION`]). Every field
//! is always serialised (`null` or `[]` when empty), field names are English and values keep the
//! documents' Swedish words. This module knows nothing of parsing, indexing or the CLI.

use serde::{Deserialize, Serialize};

/// Version of the JSON contract; bumped when a field is renamed or changes meaning.
pub const SCHEMA_VERSION: u32 = 1;

/// One parsed minutes document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// Always [`SCHEMA_VERSION`].
    pub schema_version: u32,
    /// Where the text came from.
    pub source: SourceInfo,
    /// What kind of document this is.
    pub kind: Kind,
    /// The document's title ("Hälso- och sjukvårdsutskottet protokoll").
    pub title: Option<String>,
    /// The organisation: "Region Västernorrland", "Norrtälje kommun".
    pub organization: Option<String>,
    /// The deciding body whose document this is: "Hälso- och sjukvårdsutskottet".
    pub body: Option<String>,
    /// Meeting date (first day), else the document's own date, as `YYYY-MM-DD`.
    pub date: Option<String>,
    /// Last day of a meeting over several days.
    pub end_date: Option<String>,
    /// Start time, `HH:MM`.
    pub time: Option<String>,
    /// Where the meeting was held.
    pub place: Option<String>,
    /// The document's own case numbers.
    pub dnr: Vec<Dnr>,
    /// Who attended, in document order.
    pub attendees: Vec<Attendee>,
    /// Ordförande.
    pub chair: Option<String>,
    /// Sekreterare.
    pub secretary: Option<String>,
    /// Justerare; an empty paragraph list means the whole protocol.
    pub adjusters: Vec<Adjuster>,
    /// The paragraphs (§) in document order; never empty for a non-empty text.
    pub paragraphs: Vec<Paragraph>,
    /// What the parser skipped or guessed, with the source line.
    pub warnings: Vec<Warning>,
}

/// Provenance of a parsed text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceInfo {
    /// The path as given.
    pub path: String,
    /// Hex SHA-256 of the file's bytes.
    pub sha256: String,
    /// `"text"`, `"pdf"`, `"docx"`.
    pub format: String,
    /// Size of the file in bytes.
    pub bytes: u64,
}

/// The kind of a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// Full minutes of a meeting.
    Protocol,
    /// Protokollsutdrag: one or a few paragraphs.
    ProtocolExtract,
    /// Tjänsteskrivelse / ärendeskrivelse.
    OfficialLetter,
    /// Rapport, uppföljning without a decision.
    Report,
    /// None of the above could be told.
    Unknown,
}

impl Kind {
    /// The JSON spelling (`"protocol_extract"`).
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Protocol => "protocol",
            Kind::ProtocolExtract => "protocol_extract",
            Kind::OfficialLetter => "official_letter",
            Kind::Report => "report",
            Kind::Unknown => "unknown",
        }
    }
}

/// A diarienummer (case number).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Dnr {
    /// As written, without its label: "23HSN1782", "HSN/876/2024".
    pub raw: String,
    /// "HSN", "KS"; `None` where the format has none.
    pub series: Option<String>,
    /// Four-digit year.
    pub year: Option<i32>,
    /// The running number, leading zeros dropped.
    pub number: Option<u32>,
    /// Canonical look-up key, equal for every spelling of one case: "HSN-2023-1782".
    pub key: String,
}

/// The role of an attendee.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Role {
    /// Chair.
    #[serde(rename = "ordförande")]
    Chair,
    /// First vice chair.
    #[serde(rename = "vice ordförande")]
    ViceChair,
    /// Second vice chair.
    #[serde(rename = "andre vice ordförande")]
    SecondViceChair,
    /// Member.
    #[serde(rename = "ledamot")]
    Member,
    /// Deputy serving in a member's place.
    #[serde(rename = "tjänstgörande ersättare")]
    ServingDeputy,
    /// Deputy present without a vote.
    #[serde(rename = "ersättare")]
    Deputy,
    /// An official.
    #[serde(rename = "tjänsteperson")]
    Official,
    /// The secretary.
    #[serde(rename = "sekreterare")]
    Secretary,
    /// Anyone else present.
    #[serde(rename = "övrig")]
    Other,
}

/// One person present at a meeting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attendee {
    /// The person's name only.
    pub name: String,
    /// Party abbreviation: "S", "SJVP".
    pub party: Option<String>,
    /// Role at the meeting.
    pub role: Role,
    /// An official's job title.
    pub title: Option<String>,
    /// "deltar digitalt", "§§ 1-5", "ersätter Anna Ek (S)".
    pub note: Option<String>,
}

/// A person with an optional party; an empty name stands for a party group.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Person {
    /// The name; empty for "Ledamöterna från M".
    pub name: String,
    /// Party abbreviation.
    pub party: Option<String>,
}

/// A justerare and the paragraphs they check.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Adjuster {
    /// The person's name.
    pub name: String,
    /// The § numbers; empty means the whole protocol.
    pub paragraphs: Vec<u32>,
}

/// One paragraph (§) of a protocol, or the single body of an extract or letter.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Paragraph {
    /// § number; `None` for an unnumbered extract or a letter.
    pub number: Option<u32>,
    /// The title, whitespace collapsed, markup removed.
    pub title: String,
    /// 1-based source line where the paragraph starts.
    pub line: u32,
    /// Page of the source where it starts (PDF/DOCX input).
    pub page: Option<u32>,
    /// The paragraph's own case numbers.
    pub dnr: Vec<Dnr>,
    /// Ärendeansvarig.
    pub case_owner: Option<String>,
    /// Handläggare.
    pub officers: Vec<String>,
    /// What was decided ("Beslut"), or proposed where the body only proposes.
    pub decision: Option<Decision>,
    /// "Förslag till beslut", kept apart from the decision.
    pub proposal: Option<Decision>,
    /// Yrkanden.
    pub motions: Vec<Motion>,
    /// "avstår från att delta i beslutet", "deltar inte i beslutet".
    pub abstained: Vec<Person>,
    /// "reserverar sig mot beslutet".
    pub reserved: Vec<Person>,
    /// Jäv.
    pub conflicts: Vec<Person>,
    /// Omröstning.
    pub votes: Option<Votes>,
    /// Recipients of "Expedieras till".
    pub expedition: Vec<String>,
    /// Case numbers and statutes cited in the text.
    pub references: References,
    /// The full normalised text.
    pub text: String,
}

/// Whether a body decides or proposes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DecisionKind {
    /// "X beslutar".
    Decision,
    /// "X föreslår att Y beslutar".
    Proposal,
}

/// A decision or proposal with its clauses.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Decision {
    /// Decision or proposal.
    pub kind: DecisionKind,
    /// The body that decides or proposes.
    pub by: Option<String>,
    /// For a proposal: the body that is to decide.
    pub to: Option<String>,
    /// Each att-clause without "att" and the trailing ";", or each decision sentence.
    pub clauses: Vec<String>,
}

/// A yrkande.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Motion {
    /// Who moved it.
    pub name: String,
    /// Their party.
    pub party: Option<String>,
    /// What was moved: "bifall till beredningens förslag".
    pub text: String,
}

/// The outcome of an omröstning.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Votes {
    /// Ja-röster.
    pub yes: Option<u32>,
    /// Nej-röster.
    pub no: Option<u32>,
    /// Those who abstained.
    pub abstain: Option<u32>,
    /// Individual votes where listed.
    pub ballots: Vec<Ballot>,
}

/// One member's vote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ballot {
    /// The member.
    pub name: String,
    /// Their party.
    pub party: Option<String>,
    /// `"ja"`, `"nej"` or `"avstår"`.
    pub vote: String,
}

/// What a paragraph cites.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct References {
    /// Case numbers other than the paragraph's own.
    pub dnr: Vec<Dnr>,
    /// Statutes: "lagen (1991:1128)", "HSLF-FS 2022:62", "31 kap. 3 § brottsbalken".
    pub laws: Vec<String>,
}

/// Something the parser could not make sense of, at a 1-based source line.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Warning {
    /// 1-based source line.
    pub line: u32,
    /// What happened, quoting the text.
    pub message: String,
}

impl Warning {
    /// A warning at `line`.
    pub fn new(line: u32, message: impl Into<String>) -> Self {
        Warning { line, message: message.into() }
    }
}
