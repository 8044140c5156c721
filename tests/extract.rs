//! PDF and DOCX input, on fixtures made from corpus documents (`tests/fixtures/make.py`): the
//! parse of a PDF or DOCX gives what the parse of its text gives, pages are kept, page
//! furniture goes, and bad files get a clear error, never a panic.

use std::path::{Path, PathBuf};

use proptest::prelude::*;
use protokoll::Document;
use protokoll::error::Error;
use protokoll::extract::ExtractError;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf()
}

fn fixture(name: &str) -> PathBuf {
    root().join("tests/fixtures").join(name)
}

fn parse(path: &Path) -> Document {
    protokoll::parse_file(path).unwrap_or_else(|e| panic!("{e}"))
}

/// (fixture stem, the corpus text it was made from)
const PAIRS: [(&str, &str); 2] = [
    (
        "jamtland-hsn-2024-06-13-extract",
        "corpus/region-jämtland-härjedalen/000_9fe46fef686c33c5.txt",
    ),
    ("vasternorrland-hsu-2023-12-07", "corpus/region-västernorrland/004_2881339b2791bead.txt"),
];

/// What a parse must agree on, paragraph by paragraph.
fn essentials(doc: &Document) -> Vec<serde_json::Value> {
    doc.paragraphs
        .iter()
        .map(|p| {
            let keys =
                |d: &[protokoll::model::Dnr]| d.iter().map(|d| d.key.clone()).collect::<Vec<_>>();
            serde_json::json!({
                "number": p.number,
                "title": p.title,
                "dnr": keys(&p.dnr),
                "cited": keys(&p.references.dnr),
                "laws": p.references.laws,
                "decision": p.decision,
                "proposal": p.proposal,
                "abstained": p.abstained,
                "reserved": p.reserved,
                "conflicts": p.conflicts,
                "votes": p.votes,
                "expedition": p.expedition,
            })
        })
        .collect()
}

#[test]
fn pdf_and_docx_parse_as_their_text_does() {
    for (stem, text) in PAIRS {
        let from_text = parse(&root().join(text));
        for ext in ["pdf", "docx"] {
            let doc = parse(&fixture(&format!("{stem}.{ext}")));
            assert_eq!(doc.source.format, ext);
            assert_eq!(essentials(&doc), essentials(&from_text), "{stem}.{ext}");
            assert_eq!(doc.kind, from_text.kind, "{stem}.{ext}");
            assert_eq!(doc.body, from_text.body, "{stem}.{ext}");
            assert_eq!(doc.date, from_text.date, "{stem}.{ext}");
            // The corpus text takes the organisation from its folder; the fixtures from
            // their page header.
            assert_eq!(doc.organization, from_text.organization, "{stem}.{ext}");
            assert_eq!(doc.attendees, from_text.attendees, "{stem}.{ext}");
            assert_eq!(doc.adjusters, from_text.adjusters, "{stem}.{ext}");
        }
    }
}

/// Another producer: Ghostscript's ps2pdf, Type 1C fonts in WinAnsi without a Unicode map,
/// as older archives hold them.
#[test]
fn a_ghostscript_pdf_parses_as_its_text_does() {
    let from_text = parse(&root().join(PAIRS[0].1));
    let doc = parse(&fixture("jamtland-hsn-2024-06-13-extract-ghostscript.pdf"));
    assert_eq!(essentials(&doc), essentials(&from_text));
    assert_eq!(
        (doc.kind, &doc.organization, &doc.body, &doc.date),
        (from_text.kind, &from_text.organization, &from_text.body, &from_text.date)
    );
}

#[test]
fn pdf_paragraphs_know_their_page() {
    let doc = parse(&fixture("vasternorrland-hsu-2023-12-07.pdf"));
    let pages: Vec<(Option<u32>, Option<u32>)> =
        doc.paragraphs.iter().map(|p| (p.number, p.page)).collect();
    // Read off the PDF (`pdftotext -f N -l N`): § 90–92 on page 2, § 93 on 4, § 98 on 9.
    assert_eq!(pages[0], (Some(90), Some(2)));
    assert_eq!(pages[3], (Some(93), Some(4)));
    assert_eq!(pages[8], (Some(98), Some(9)));
    let extract = parse(&fixture("jamtland-hsn-2024-06-13-extract.pdf"));
    assert_eq!(extract.paragraphs[0].page, Some(1));
    // Text input has no pages.
    assert_eq!(parse(&root().join(PAIRS[1].1)).paragraphs[0].page, None);
}

#[test]
fn page_headers_and_footers_are_furniture() {
    let doc = parse(&fixture("vasternorrland-hsu-2023-12-07.pdf"));
    for p in &doc.paragraphs {
        for mark in ["(12)", "Utdragsbestyrkande", "Justerandens sign", "REGION VÄSTERNORRLAND"] {
            assert!(!p.text.contains(mark), "§ {:?} keeps `{mark}`: {}", p.number, p.text);
        }
    }
    // A clause cut by a page break is one clause again.
    let p96 = doc.paragraphs.iter().find(|p| p.number == Some(96)).expect("§ 96");
    let clause = &p96.decision.as_ref().expect("decision").clauses[0];
    assert!(clause.ends_with("tandvården (Ds 2023:26)”"), "{clause}");
}

#[test]
fn two_column_attendance_table() {
    let doc = parse(&fixture("vasternorrland-hsu-2023-12-07.pdf"));
    let people: Vec<(&str, String)> = doc
        .attendees
        .iter()
        .map(|a| {
            (
                a.name.as_str(),
                serde_json::to_value(a.role).expect("role").as_str().unwrap_or("").to_string(),
            )
        })
        .collect();
    let people: Vec<(&str, &str)> = people.iter().map(|(n, r)| (*n, r.as_str())).collect();
    assert_eq!(
        &people[..8],
        [
            ("Elina Backlund Arab", "ordförande"),
            ("Viktoria Jansson", "vice ordförande"),
            ("Pia Lundin", "ledamot"),
            ("Erica Stenberg", "ledamot"),
            ("Dennis Moström", "ledamot"),
            ("Gudrun Sjödin", "ersättare"),
            ("Torgny Jarl", "ersättare"),
            ("Ingela Korhonen", "ersättare"),
        ]
    );
}

fn extract_error(path: &Path) -> ExtractError {
    match protokoll::source::read(path) {
        Err(Error::Extract { source, .. }) => source,
        other => panic!("{}: {other:?}", path.display()),
    }
}

#[test]
fn bad_files_get_a_clear_error() {
    assert_eq!(extract_error(&fixture("bad-encrypted.pdf")), ExtractError::Encrypted);
    assert!(matches!(
        extract_error(&fixture("bad-scanned.pdf")),
        ExtractError::NoTextLayer { pages: 1, letters: 0 }
    ));
    let odt = extract_error(&fixture("bad-odt-named.docx"));
    assert!(odt.to_string().contains("OpenDocument"), "{odt}");

    let pdf = std::fs::read(fixture("jamtland-hsn-2024-06-13-extract.pdf")).expect("fixture");
    let docx = std::fs::read(fixture("jamtland-hsn-2024-06-13-extract.docx")).expect("fixture");
    let p = Path::new("cut.pdf");
    match protokoll::source::from_bytes(p, &pdf[..pdf.len() / 2]) {
        // lopdf rebuilds a lost cross-reference table where it can: what it reads is text.
        Ok(src) => assert!(src.text.contains("§76"), "{}", src.text),
        Err(e) => assert!(e.to_string().starts_with("cut.pdf: damaged PDF"), "{e}"),
    }
    let cut = protokoll::source::from_bytes(Path::new("cut.docx"), &docx[..docx.len() / 2]);
    assert!(
        matches!(cut, Err(Error::Extract { source: ExtractError::DamagedDocx(_), .. })),
        "{cut:?}"
    );
}

#[test]
fn a_huge_file_is_refused_unread() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("huge.pdf");
    // Sparse: no disk is used, and nothing may be read to refuse it.
    let f = std::fs::File::create(&path).expect("create");
    f.set_len(protokoll::source::MAX_BYTES + 1).expect("set_len");
    let err = protokoll::source::read(&path).expect_err("too large");
    assert!(matches!(err, Error::TooLarge { .. }), "{err}");
    assert!(err.to_string().contains("too large"), "{err}");
}

/// `pdftotext`, where installed, is the oracle: the same words, in the same number, but for a
/// handful (it joins `hälso-` and `och` across a line end into `hälsooch`; rules of dashes are
/// not words).
#[test]
fn words_agree_with_pdftotext() {
    use std::collections::HashMap;
    let pdf = fixture("vasternorrland-hsu-2023-12-07.pdf");
    let Ok(out) =
        std::process::Command::new("pdftotext").args(["-enc", "UTF-8"]).arg(&pdf).arg("-").output()
    else {
        eprintln!("pdftotext is not installed: the oracle comparison is skipped");
        return;
    };
    let words = |t: &str| {
        let mut w: HashMap<String, i64> = HashMap::new();
        for word in t.split_whitespace().filter(|w| w.chars().any(char::is_alphanumeric)) {
            *w.entry(word.to_string()).or_default() += 1;
        }
        w
    };
    let theirs = words(&String::from_utf8_lossy(&out.stdout));
    let ours = words(&protokoll::source::read(&pdf).expect("reads").text);
    let total: i64 = theirs.values().sum();
    let mut differ: Vec<(String, i64)> = Vec::new();
    for w in theirs.keys().chain(ours.keys()) {
        let d = ours.get(w).copied().unwrap_or(0) - theirs.get(w).copied().unwrap_or(0);
        if d != 0 && !differ.iter().any(|(x, _)| x == w) {
            differ.push((w.clone(), d));
        }
    }
    assert!(total > 3000, "{total} words");
    assert!(differ.len() <= 4, "{} of {total} words differ: {differ:?}", differ.len());
}

fn damaged(bytes: Vec<u8>) -> impl Strategy<Value = Vec<u8>> {
    let len = bytes.len();
    (0..len, prop::collection::vec((0..len, any::<u8>()), 0..40), any::<bool>()).prop_map(
        move |(cut, flips, truncate)| {
            let mut b = bytes.clone();
            for (at, v) in flips {
                b[at] = v;
            }
            if truncate {
                b.truncate(cut.max(8));
            }
            b
        },
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    /// Damaged PDFs and DOCX files give text or an error, never a panic.
    #[test]
    fn damaged_files_never_panic(
        pdf in damaged(std::fs::read(fixture("jamtland-hsn-2024-06-13-extract.pdf")).expect("fixture")),
        docx in damaged(std::fs::read(fixture("jamtland-hsn-2024-06-13-extract.docx")).expect("fixture")),
    ) {
        let _ = protokoll::extract::pdf::text(&pdf);
        let _ = protokoll::extract::docx::text(&docx);
        let _ = protokoll::source::from_bytes(Path::new("x"), &pdf);
    }
}
