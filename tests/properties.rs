//! Properties that hold for every input: parsing never panics, warnings and paragraphs point at
//! real lines in order, normalisation is idempotent, and every spelling of a case number has
//! the same key.

use proptest::prelude::*;
use protokoll::normalize::normalize;
use protokoll::parse::dnr;

/// Lines that look like minutes, so the grammars are exercised, not only rejected.
fn minutes_line() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        Just("§ 92 Reviderad verksamhetsplan 2024–2026".to_string()),
        Just("Beslut:".to_string()),
        Just(
            "Hälso- och sjukvårdsutskottet föreslår att Hälso- och sjukvårdsnämnden beslutar"
                .to_string()
        ),
        Just("att anta reviderad verksamhetsplan;".to_string()),
        Just(
            "Pia Lundin (SJVP) och Erica Stenberg (SD) avstår från att delta i beslut.".to_string()
        ),
        Just("Expedieras till".to_string()),
        Just("Regiondirektör, hälso- och sjukvårdsdirektör och Akten".to_string()),
        Just("Diarienummer: 23HSN1782".to_string()),
        Just("Ledamöter".to_string()),
        Just("Elina Backlund Arab (S)\tOrdförande".to_string()),
        Just("Tid: 2023-12-07 -- 08 kl. 09:15".to_string()),
        Just("Ordförandens sign\tJusterandens sign".to_string()),
        Just("Samman-".to_string()),
        Just("Justeras".to_string()),
        Just("Pia Lundin §§ 90–91, 93–95, 97".to_string()),
        "[§a-zåäöA-ZÅÄÖ0-9 ()/:;,.*\\t-]{0,60}",
        any::<String>(),
    ]
}

fn minutes() -> impl Strategy<Value = String> {
    prop::collection::vec(minutes_line(), 0..40).prop_map(|v| v.join("\n"))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn parsing_never_panics_and_lines_are_real(text in minutes()) {
        let doc = protokoll::parse_str(&text).value;
        let last = text.split('\n').count() as u32;
        for w in &doc.warnings {
            prop_assert!(w.line >= 1 && w.line <= last, "warning line {} of {}", w.line, last);
        }
        let mut prev = 0;
        for p in &doc.paragraphs {
            prop_assert!(p.line >= 1 && p.line <= last);
            prop_assert!(p.line >= prev, "paragraph lines go back: {} after {}", p.line, prev);
            prev = p.line;
        }
    }

    /// The line tests look at a line's ends byte by byte: no slice may cut a character.
    #[test]
    fn furniture_tests_never_panic(line in "[§a-zåäöA-ZÅÄÖ0-9 ()/:;,.*\\t-]{0,40}( (Sida|av|/) [0-9]{1,3}| ?\\([0-9]{1,2}\\))?") {
        use protokoll::normalize::furniture;
        let _ = furniture::is_furniture(&line);
        let _ = furniture::is_page_seam_marker(&line);
        let _ = furniture::is_page_edge(&line);
        let _ = furniture::running_header(&line);
        let _ = furniture::continued_heading(&line);
    }

    #[test]
    fn arbitrary_text_never_panics(text in any::<String>()) {
        let _ = protokoll::parse_str(&text);
    }

    #[test]
    fn normalize_is_idempotent(text in minutes()) {
        let once: Vec<String> = normalize(&text).lines.into_iter().map(|l| l.text).collect();
        let twice: Vec<String> = normalize(&once.join("\n")).lines.into_iter().map(|l| l.text).collect();
        prop_assert_eq!(once, twice);
    }

    #[test]
    fn every_spelling_has_one_key(series in "[A-Z]{2,4}", year in 1990i32..2060, number in 1u32..99_999) {
        prop_assume!(!["DS", "SOU", "SFS", "ISO", "EU", "EG", "EEG", "EUT", "FS", "KAP", "SEK", "KR", "NR", "ID", "SS", "EN", "IEC", "AFS", "BFS", "NFS", "SIS", "KL", "LOU", "LSS", "LVU", "LVM", "LPT", "LRV", "HSL", "PBL", "SOL", "PROP", "HSLF", "MNKR", "TKR", "TSFS"].contains(&series.as_str()));
        let key = format!("{series}-{year}-{number}");
        let spellings = [
            format!("{series}/{number}/{year}"),
            format!("{series}-{number}-{year}"),
            format!("{series} {year}/{number}"),
            format!("{series} {year}/{number:05}"),
            format!("{series}-{year}-{number:05}"),
            format!("{:02}{series}{number}", year % 100),
        ];
        for (k, s) in spellings.iter().enumerate() {
            if k == 1 && (1950..=2100).contains(&number) {
                continue; // `AA-1950-1990`: both parts look like years; the first is read as the year
            }
            if s.starts_with(|c: char| c.is_ascii_digit()) && !(2000..2070).contains(&year) {
                continue; // two-digit years are read as 2000–2069
            }
            let (rest, d) = dnr::labelled_one(s).map_err(|e| TestCaseError::fail(format!("{s}: {e}")))?;
            prop_assert_eq!(rest, "");
            prop_assert_eq!(&d.key, &key, "{}", s);
            prop_assert_eq!(&d.raw, s);
            prop_assert_eq!(dnr::key_of(s), Some(key.clone()));
        }
    }
}

/// Damaged corpus documents: truncated anywhere, lines dropped or doubled, bytes flipped.
mod mutations {
    use super::*;

    fn corpus_texts() -> Vec<String> {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
        protokoll::corpus::walk(&[root])
            .into_iter()
            .filter_map(Result::ok)
            .filter_map(|p| std::fs::read_to_string(p).ok())
            .collect()
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]

        #[test]
        fn damaged_documents_never_panic(pick in any::<prop::sample::Index>(), cut in any::<prop::sample::Index>(), flips in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 0..20)) {
            let texts = corpus_texts();
            let text = pick.get(&texts);
            let mut bytes = text.as_bytes().to_vec();
            for (at, b) in flips {
                if !bytes.is_empty() {
                    let i = at.index(bytes.len());
                    bytes[i] = b;
                }
            }
            let end = cut.index(bytes.len() + 1);
            bytes.truncate(end);
            let decoded = protokoll::source::decode(&bytes).unwrap_or_default();
            let _ = protokoll::parse_str(&decoded);
        }

        /// Real lines in new company: every grammar meets lines of other layouts before and
        /// after it, a page edge, a heading or a list where it never stood.
        #[test]
        fn corpus_lines_in_any_order_never_panic(picks in prop::collection::vec((any::<prop::sample::Index>(), any::<prop::sample::Index>()), 0..120), form_feeds in any::<bool>()) {
            let texts = corpus_texts();
            let lines: Vec<&str> = texts.iter().flat_map(|t| t.lines()).collect();
            let mut text = String::new();
            for (k, (line, gap)) in picks.iter().enumerate() {
                text.push_str(lines[line.index(lines.len())]);
                // Now and then a page breaks.
                text.push_str(match gap.index(12) {
                    0 if form_feeds => "\n\x0c",
                    1 => "\n\n",
                    _ => "\n",
                });
                if k % 37 == 36 {
                    text.push_str("Justerandes sign\tUtdragsbestyrkande\n");
                }
            }
            let doc = protokoll::parse_str(&text).value;
            let total = text.lines().count() as u32 + 1;
            for p in &doc.paragraphs {
                prop_assert!(p.line >= 1 && p.line <= total);
            }
        }
    }
}
