//! The index on a real index built from `corpus/`: Swedish stemming, phrases, filters, case
//! numbers in any spelling, stances, snippets, bad queries, locking, incremental updates,
//! interrupted runs and old schema versions.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use protokoll::index::SearchIndex;
use protokoll::index::query::{Filters, SearchRequest, StanceRequest};

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus")
}

/// One index of the whole corpus, built once for the read-only tests.
fn shared() -> &'static SearchIndex {
    static INDEX: OnceLock<(tempfile::TempDir, SearchIndex)> = OnceLock::new();
    &INDEX
        .get_or_init(|| {
            let dir = tempfile::tempdir().expect("temp dir");
            let (index, _) = SearchIndex::open_or_create(dir.path()).expect("create");
            let report = index.update(&[corpus()], &|_| {}).expect("index corpus");
            assert!(report.failed.is_empty(), "{:?}", report.failed);
            (dir, index)
        })
        .1
}

/// A search of `index` without filters, the first `limit` hits.
fn search_in(index: &SearchIndex, q: &str, limit: usize) -> protokoll::index::query::SearchResults {
    index.search(&SearchRequest { query: q.into(), limit, ..Default::default() }).expect(q)
}

fn search(q: &str, filters: Filters) -> protokoll::index::query::SearchResults {
    shared()
        .search(&SearchRequest { query: q.into(), filters, limit: 20, ..Default::default() })
        .expect(q)
}

/// The search as typed and stemmed, without the Swedish widening.
fn plain(q: &str) -> usize {
    shared()
        .search(&SearchRequest { query: q.into(), limit: 20, plain: true, ..Default::default() })
        .expect(q)
        .total
}

fn titles(q: &str) -> Vec<String> {
    search(q, Filters::default()).hits.into_iter().map(|h| h.title).collect()
}

#[test]
fn swedish_stemming_finds_inflections() {
    // "kostnadsreduceringar" (title of § 98) and "kostnadsreducering" (its text) meet.
    assert!(titles("kostnadsreducering").iter().any(|t| t.contains("kostnadsreduceringar")));
    assert!(titles("kostnadsreduceringarna").iter().any(|t| t.contains("kostnadsreduceringar")));
    let a = search("beslutet", Filters::default()).total;
    let b = search("beslut", Filters::default()).total;
    assert!(a > 0 && a == b, "beslutet {a} vs beslut {b}");
}

#[test]
fn phrases_and_boolean_operators() {
    let phrase = search("\"ekonomi i balans\"", Filters::default());
    assert!(phrase.total >= 1);
    assert!(
        phrase
            .hits
            .iter()
            .all(|h| h.snippet.to_lowercase().contains("ekonomi") && !h.highlights.is_empty())
    );
    let words = search("ekonomi balans", Filters::default()).total;
    assert!(words >= phrase.total);
    let both = plain("budget AND uppföljning");
    let either = plain("budget OR uppföljning");
    assert!(both >= 1 && either > both, "AND {both}, OR {either}");
    assert_eq!(plain("budget -uppföljning") + both, plain("budget"));
    // Widened, "budget" also finds "årsbudgeten" and "driftbudget"; "-uppföljning" still
    // takes out every paragraph with the word.
    assert!(search("budget", Filters::default()).total > plain("budget"));
    assert!(search("budget -uppföljning", Filters::default()).hits.iter().all(|h| {
        !h.snippet.to_lowercase().contains("uppföljning") && !h.title.contains("uppföljning")
    }));
}

#[test]
fn filters_narrow_the_hits() {
    let all = search("beslut", Filters::default()).total;
    let west = search(
        "beslut",
        Filters { organization: Some("region västernorrland".into()), ..Default::default() },
    );
    assert!(west.total > 0 && west.total < all);
    assert!(west.hits.iter().all(|h| h.organization.as_deref() == Some("Region Västernorrland")));
    let y2023 = search("beslut", Filters { year: Some(2023), ..Default::default() });
    assert!(y2023.hits.iter().all(|h| h.date.as_deref().is_some_and(|d| d.starts_with("2023"))));
    let range = search(
        "",
        Filters {
            from: Some("2024-01-01".into()),
            to: Some("2024-12-31".into()),
            ..Default::default()
        },
    );
    assert!(range.total > 0);
    assert!(
        range.hits.iter().all(|h| h.date.as_deref().is_some_and(|d| d.starts_with("2024"))),
        "{:?}",
        range.hits
    );
    let body = search(
        "",
        Filters { body: Some("Hälso- och sjukvårdsutskottet".into()), ..Default::default() },
    );
    assert_eq!(body.total, 9);
    let party =
        search("", Filters { party: Some("Sjukvårdspartiet".into()), ..Default::default() });
    assert_eq!(party.total, 4, "abstentions in §§ 92, 96, 98 and a motion in § 93");
}

#[test]
fn facets_count_all_hits() {
    let res = shared()
        .search(&SearchRequest {
            query: "beslut".into(),
            limit: 1,
            facets: true,
            ..Default::default()
        })
        .expect("search");
    let f = res.facets.expect("facets");
    let by_org: u64 = f.organization.iter().map(|(_, n)| n).sum();
    assert!(by_org > 0 && by_org <= res.total as u64);
    assert!(f.year.iter().any(|(y, _)| y == "2023"), "{:?}", f.year);
}

#[test]
fn case_numbers_in_any_spelling() {
    for spelling in ["HSN/876/2024", "HSN-876-2024", "HSN 2024/876", "hsn 2024/00876"] {
        let trail = shared().dnr_trail(spelling, &Filters::default()).expect(spelling);
        assert_eq!(trail.len(), 1, "{spelling}");
        assert_eq!(trail[0].relation, "own");
        assert_eq!(trail[0].number, Some(76));
    }
    // Cited, not carried: the report cites HSN-871-2024.
    let cited = shared().dnr_trail("HSN/871/2024", &Filters::default()).expect("cited");
    assert_eq!(cited.iter().map(|e| e.relation).collect::<Vec<_>>(), ["cited"]);
    // 23HSN2705 is § 98's own case and cited from § 92.
    let trail = shared().dnr_trail("23HSN2705", &Filters::default()).expect("trail");
    let rel: Vec<(Option<u64>, &str)> = trail.iter().map(|e| (e.number, e.relation)).collect();
    assert!(rel.contains(&(Some(98), "own")) && rel.contains(&(Some(92), "cited")), "{rel:?}");
    // A case number typed as a search query finds its paragraph first.
    let hits = search("HSN 2024/876", Filters::default()).hits;
    assert_eq!(hits.first().and_then(|h| h.number), Some(76));
    assert!(shared().dnr_trail("Ds 2023:26", &Filters::default()).is_err());
}

#[test]
fn stances_by_person_party_and_kind() {
    let all = shared().stances(&StanceRequest::default()).expect("stances");
    assert!(all.iter().filter(|s| s.kind == "abstained").count() >= 6);
    let pia = shared()
        .stances(&StanceRequest { person: Some("lundin".into()), ..Default::default() })
        .expect("person");
    assert_eq!(pia.iter().map(|s| s.number).collect::<Vec<_>>(), [Some(92), Some(96), Some(98)]);
    assert!(pia.iter().all(|s| s.name == "Pia Lundin" && s.party.as_deref() == Some("SJVP")));
    let sd = shared()
        .stances(&StanceRequest {
            filters: Filters { party: Some("SD".into()), ..Default::default() },
            ..Default::default()
        })
        .expect("party");
    assert!(sd.iter().all(|s| s.name == "Erica Stenberg"));
    let reserved = shared()
        .stances(&StanceRequest { kind: Some("reserved".into()), ..Default::default() })
        .expect("kind");
    assert!(reserved.iter().all(|s| s.kind == "reserved"));
    assert!(
        shared()
            .stances(&StanceRequest { kind: Some("nonsense".into()), ..Default::default() })
            .is_err()
    );
}

#[test]
fn snippets_highlight_matched_words() {
    let hit = search("visselblåsarfunktionen", Filters::default())
        .hits
        .into_iter()
        .next()
        .expect("a hit");
    assert!(!hit.highlights.is_empty());
    let (s, e) = hit.highlights[0];
    assert_eq!(hit.snippet[s..e].to_lowercase(), "visselblåsarfunktionen");
}

#[test]
fn malformed_queries_get_one_line_errors() {
    for q in ["\"ekonomi i balans", "(budget AND", "nosuchfield:x"] {
        let err = shared()
            .search(&SearchRequest { query: q.into(), limit: 5, ..Default::default() })
            .expect_err(q);
        let msg = err.to_string();
        assert!(!msg.contains('\n') && msg.contains(q), "{msg}");
    }
}

#[test]
fn incremental_updates_skip_replace_and_remove() {
    let dir = tempfile::tempdir().expect("temp");
    let docs = dir.path().join("docs");
    std::fs::create_dir_all(&docs).expect("mkdir");
    let src = corpus().join("region-jämtland-härjedalen");
    for name in ["000_9fe46fef686c33c5.txt", "002_8dac811150ac7724.txt"] {
        std::fs::copy(src.join(name), docs.join(name)).expect("copy");
    }
    let idx = dir.path().join("index");
    let (index, _) = SearchIndex::open_or_create(&idx).expect("create");
    let first = index.update(std::slice::from_ref(&docs), &|_| {}).expect("first");
    assert_eq!((first.added, first.skipped), (2, 0));
    let second = index.update(std::slice::from_ref(&docs), &|_| {}).expect("second");
    assert_eq!((second.documents, second.skipped, second.removed), (0, 2, 0));
    // Change one file, move the other.
    let changed = docs.join("000_9fe46fef686c33c5.txt");
    let mut text = std::fs::read_to_string(&changed).expect("read");
    text.push_str("\n\nTillägg om sotningstaxa.\n");
    std::fs::write(&changed, text).expect("write");
    std::fs::rename(docs.join("002_8dac811150ac7724.txt"), docs.join("moved.txt")).expect("move");
    let third = index.update(std::slice::from_ref(&docs), &|_| {}).expect("third");
    assert_eq!((third.replaced, third.added, third.removed), (1, 1, 1), "{third:?}");
    assert_eq!(search_in(&index, "sotningstaxa", 5).total, 1);
    let manifest = index.manifest().expect("manifest");
    assert_eq!(manifest.len(), 2);
    assert!(manifest.keys().any(|k| k.ends_with("moved.txt")));
    let all = index.search(&SearchRequest { limit: 50, ..Default::default() }).expect("all");
    assert_eq!(all.total, 2, "one paragraph per file, nothing left from before");
}

#[test]
fn a_second_writer_is_told_the_index_is_locked() {
    let dir = tempfile::tempdir().expect("temp");
    let (a, _) = SearchIndex::open_or_create(dir.path()).expect("create");
    let (b, _) = SearchIndex::open_or_create(dir.path()).expect("open");
    std::thread::scope(|s| {
        let (tx, rx) = std::sync::mpsc::channel();
        let (go_tx, go_rx) = std::sync::mpsc::channel::<()>();
        let go_rx = std::sync::Mutex::new(go_rx);
        s.spawn(move || {
            // Hold the writer lock from inside an update's progress callback.
            let _ = a.update(&[corpus().join("region-västernorrland")], &|_| {
                let _ = tx.send(());
                if let Ok(rx) = go_rx.lock() {
                    let _ = rx.recv_timeout(std::time::Duration::from_secs(10));
                }
            });
        });
        rx.recv().expect("first writer started");
        let err = b.update(&[corpus().join("region-västernorrland")], &|_| {}).expect_err("locked");
        assert!(matches!(err, protokoll::Error::Locked { .. }), "{err}");
        assert!(err.to_string().contains("locked"));
        let _ = go_tx.send(());
    });
}

#[test]
fn an_interrupted_run_keeps_the_last_commit_and_the_next_completes_it() {
    let dir = tempfile::tempdir().expect("temp");
    let docs = dir.path().join("docs");
    std::fs::create_dir_all(&docs).expect("mkdir");
    let src = corpus().join("region-jämtland-härjedalen");
    std::fs::copy(src.join("000_9fe46fef686c33c5.txt"), docs.join("a.txt")).expect("copy");
    let idx = dir.path().join("index");
    {
        let (index, _) = SearchIndex::open_or_create(&idx).expect("create");
        index.update(std::slice::from_ref(&docs), &|_| {}).expect("first");
    }
    std::fs::copy(src.join("002_8dac811150ac7724.txt"), docs.join("b.txt")).expect("copy");
    // A run that dies before its commit: the panic stands for a kill.
    let died = std::panic::catch_unwind(|| {
        let (index, _) = SearchIndex::open_or_create(&idx).expect("open");
        let _ = index.update(std::slice::from_ref(&docs), &|r| {
            assert!(r.done != 1, "killed");
        });
    });
    assert!(died.is_err());
    let (index, opened) = SearchIndex::open_or_create(&idx).expect("reopen");
    assert_eq!(opened, protokoll::index::Opened::Existing);
    assert_eq!(index.manifest().expect("manifest").len(), 1, "the last commit, no more");
    let next = index.update(std::slice::from_ref(&docs), &|_| {}).expect("complete");
    assert_eq!((next.added, next.skipped), (1, 1));
    drop(index);
    // The lexicon beside the index covers both files once reopened: "hälsovårdsdirektör" is
    // found only through it ("hälso- och sjukvårdsdirektör").
    let reopened = SearchIndex::open(&idx).expect("open");
    let mut files: Vec<String> = search_in(&reopened, "hälsovårdsdirektör", 10)
        .hits
        .into_iter()
        .map(|h| h.path.rsplit('/').next().unwrap_or_default().to_string())
        .collect();
    files.sort();
    files.dedup();
    assert_eq!(files, ["a.txt", "b.txt"]);
}

/// Found by the 1 GB benchmark: a commit in the middle of a run, while every parsing thread
/// waits to hand over a file, must not wait for those threads (the lexicon merge once did).
#[test]
fn many_commits_while_files_wait_for_the_writer() {
    let dir = tempfile::tempdir().expect("temp");
    let docs = dir.path().join("docs");
    let mut copies = 0;
    for k in 0..8 {
        let to = docs.join(format!("copy-{k}"));
        for entry in walkdir::WalkDir::new(corpus()).into_iter().filter_map(Result::ok) {
            if entry.file_type().is_file() && entry.path().extension().is_some_and(|e| e == "txt") {
                let name = entry.path().strip_prefix(corpus()).expect("under corpus");
                let target = to.join(name);
                std::fs::create_dir_all(target.parent().expect("parent")).expect("mkdir");
                std::fs::copy(entry.path(), &target).expect("copy");
                copies += 1;
            }
        }
    }
    let (index, _) = SearchIndex::open_or_create(&dir.path().join("index")).expect("create");
    let index = index.with_commit_every(16 * 1024);
    let report = index.update(&[docs], &|_| {}).expect("update");
    assert_eq!(report.documents, copies);
    assert!(report.bytes > 20 * 16 * 1024, "{} bytes: too few commits", report.bytes);
    // Words of every batch reached the lexicon: found only through it, once per copy.
    for q in ["klädregler", "visselblåsare"] {
        assert_eq!(search_in(&index, q, 100).total, 8, "{q}");
    }
    // A run that wrote several parts leaves one, the one a run with one commit writes.
    let parts = protokoll::index::lexicon::part_files(&dir.path().join("index"));
    assert_eq!(parts.len(), 1, "{parts:?}");
    let (once, _) = SearchIndex::open_or_create(&dir.path().join("once")).expect("create");
    once.update(&[dir.path().join("docs")], &|_| {}).expect("update");
    let once_parts = protokoll::index::lexicon::part_files(&dir.path().join("once"));
    assert_eq!(once_parts.len(), 1, "{once_parts:?}");
    let bytes = |p: &Path| std::fs::read(p).expect("lexicon");
    assert!(bytes(&parts[0].1) == bytes(&once_parts[0].1), "the lexicons differ");
    // A small update adds a part of its own and leaves the others alone.
    let extra = dir.path().join("extra");
    std::fs::create_dir_all(&extra).expect("mkdir");
    std::fs::write(extra.join("x.txt"), "§ 1 Sotningstaxa\n\nNämnden beslutar om sotningstaxa.\n")
        .expect("write");
    let again = index.update(&[dir.path().join("docs"), extra], &|_| {}).expect("update");
    assert_eq!((again.added, again.skipped), (1, copies));
    let parts = protokoll::index::lexicon::part_files(&dir.path().join("index"));
    assert_eq!(parts.len(), 2, "{parts:?}");
    assert_eq!(search_in(&index, "sotningstaxor", 10).total, 1);
}

#[test]
fn an_index_with_a_damaged_lexicon_is_rebuilt() {
    let dir = tempfile::tempdir().expect("temp");
    let part = corpus().join("region-västernorrland");
    {
        let (index, _) = SearchIndex::open_or_create(dir.path()).expect("create");
        index.update(std::slice::from_ref(&part), &|_| {}).expect("index");
    }
    let parts = protokoll::index::lexicon::part_files(dir.path());
    assert_eq!(parts.len(), 1, "{parts:?}");
    std::fs::write(&parts[0].1, b"not a map").expect("damage");
    let err = SearchIndex::open(dir.path()).err().expect("refused");
    assert!(matches!(err, protokoll::Error::DamagedIndex { .. }), "{err}");
    assert!(err.to_string().contains("protokoll-lexicon-000001.fst"), "{err}");
    let (index, opened) = SearchIndex::open_or_create(dir.path()).expect("rebuild");
    assert!(matches!(opened, protokoll::index::Opened::Damaged { .. }), "{opened:?}");
    assert!(index.manifest().expect("manifest").is_empty());
    index.update(&[part], &|_| {}).expect("index again");
    assert_eq!(search_in(&index, "visselblåsare", 10).total, 1);
}

#[test]
fn an_index_of_another_schema_version_is_rebuilt() {
    let dir = tempfile::tempdir().expect("temp");
    {
        let (index, _) = SearchIndex::open_or_create(dir.path()).expect("create");
        index.update(&[corpus().join("region-västernorrland")], &|_| {}).expect("index");
    }
    std::fs::write(dir.path().join("protokoll-index.json"), r#"{"schema_version":0}"#)
        .expect("write");
    assert!(matches!(SearchIndex::open(dir.path()), Err(protokoll::Error::OldIndex { .. })));
    let (index, opened) = SearchIndex::open_or_create(dir.path()).expect("rebuild");
    assert_eq!(opened, protokoll::index::Opened::Rebuilt { found: "0".into() });
    assert!(index.manifest().expect("manifest").is_empty());
}

/// The paragraphs (file name, §) of a widened search, best first.
fn ranked(q: &str) -> Vec<(String, Option<u64>)> {
    search(q, Filters::default())
        .hits
        .into_iter()
        .map(|h| (h.path.rsplit('/').next().unwrap_or_default().to_string(), h.number))
        .collect()
}

#[test]
fn exact_matches_rank_above_compounds_lemmas_and_typos() {
    for q in ["nämnd", "budget", "beslut", "protokollet", "revision"] {
        let exact = plain(q);
        let widened = search(q, Filters::default());
        assert!(widened.total >= exact, "{q}");
        // The first `exact` hits are the words as typed, each scored above the rest.
        for (rank, hit) in widened.hits.iter().enumerate() {
            let bonus = hit.score >= protokoll::index::expand::EXACT_BONUS;
            assert_eq!(bonus, rank < exact, "{q}: hit {rank} {hit:?}");
        }
    }
}

/// When the words as typed fill the page, the page is theirs and related forms are not
/// searched; a longer page brings them in after the typed ones.
#[test]
fn a_page_the_typed_words_fill_is_not_widened() {
    let exact = plain("nämnd");
    assert!(exact >= 3, "{exact}");
    let req = |limit| SearchRequest { query: "nämnd".into(), limit, ..Default::default() };
    let page = shared().search(&req(exact)).expect("search");
    assert!(page.typed_only);
    assert_eq!(page.total, exact);
    let all = shared().search(&req(1000)).expect("search");
    assert!(!all.typed_only);
    assert!(all.total > exact, "{} > {exact}", all.total);
    // The first page is the same either way.
    let first: Vec<_> = page.hits.iter().map(|h| (&h.path, h.number)).collect();
    let again: Vec<_> = all.hits.iter().take(exact).map(|h| (&h.path, h.number)).collect();
    assert_eq!(first.len(), again.len());
    for hit in &first {
        assert!(again.contains(hit), "{hit:?}");
    }
}

#[test]
fn compounds_are_found_by_their_last_part() {
    // "Socialnämnden" is the only form in § 49 of Vilhelmina; "nämnd" finds it after the
    // paragraphs with the word itself.
    assert!(
        ranked("nämnd").contains(&("24_vilhelmina-socialnamnden-2016-06-09.txt".into(), Some(49)))
    );
    // "revision" finds "miljörevision" (§ 94) and nothing that merely ends in the letters.
    assert!(ranked("revision").contains(&("004_2881339b2791bead.txt".into(), Some(94))));
}

#[test]
fn compounds_are_found_by_their_first_part() {
    // § 93 says "Visselblåsarärenden" and "visselblåsarfunktionen", never "visselblåsare".
    assert_eq!(plain("visselblåsare"), 0);
    assert_eq!(
        ranked("visselblåsare").first(),
        Some(&("004_2881339b2791bead.txt".into(), Some(93)))
    );
    let hit = &search("visselblåsare", Filters::default()).hits[0];
    assert!(hit.snippet.to_lowercase().contains("visselblåsar"), "{hit:?}");
    // § 95 has only "revisionsrapporter".
    assert!(ranked("revision").contains(&("004_2881339b2791bead.txt".into(), Some(95))));
    // Only § 93 speaks of whistle-blowers: nothing else comes in through the first part.
    assert_eq!(search("visselblåsare", Filters::default()).total, 1);
}

#[test]
fn elided_compounds_are_found() {
    // Jämtland writes "kläd- och hygienregler"; "klädregler" is never written.
    assert_eq!(plain("klädregler"), 0);
    let hits = search("klädregler", Filters::default()).hits;
    assert_eq!(hits.len(), 1, "{hits:?}");
    assert!(hits[0].path.ends_with("003_47a2c9f5086c0156.txt"));
    assert!(hits[0].snippet.contains("kläd"), "{:?}", hits[0]);
}

#[test]
fn forms_that_snowball_misses_are_found() {
    // The text says "avstår från att delta"; Snowball leaves "avstod" and "avstår" apart.
    assert_eq!(plain("avstod"), 0);
    assert!(ranked("avstod").contains(&("004_2881339b2791bead.txt".into(), Some(96))));
    // A plural that changes its vowel: Kramfors writes only "ledamöter".
    assert!(ranked("ledamot").contains(&("13_kramfors-ksau-2018.txt".into(), None)));
    // A verb and its noun of action: Hultsfred's "tillsättning" for "tillsätta".
    assert!(ranked("tillsätta").contains(&("09_hultsfred-ksau-2014.txt".into(), Some(130))));
}

#[test]
fn word_searches_find_paragraphs_and_nothing_else() {
    // Stance documents carry their paragraph's path, §, title and party. A search of words
    // has no `doctype` clause, so a stance that indexed any of them would come back beside its
    // paragraph, as a second hit with the same path and §.
    let index = shared();
    for q in
        ["kostnadsreduceringar", "Sjukvårdspartiet", "SJVP", "\"ekonomi i balans\"", "HSN/876/2024"]
    {
        let res = search_in(index, q, 10_000);
        assert!(res.total > 0, "{q}");
        assert_eq!(res.hits.len(), res.total, "{q}");
        let mut seen = std::collections::HashSet::new();
        for h in &res.hits {
            assert!(seen.insert((h.path.clone(), h.number, h.line)), "{q}: twice {h:?}");
        }
    }
    // One of them has stances, found by the party filter of `stances`.
    let sjvp = index
        .stances(&StanceRequest {
            filters: Filters { party: Some("SJVP".into()), ..Default::default() },
            ..Default::default()
        })
        .expect("stances");
    assert!(sjvp.iter().any(|s| s.title.contains("kostnadsreduceringar")), "{sjvp:?}");
}

#[test]
fn parties_by_name_or_abbreviation() {
    // Only "(SJVP)" is written in the minutes.
    assert_eq!(plain("Sjukvårdspartiet"), 0);
    let hits = ranked("Sjukvårdspartiet");
    assert!(hits.contains(&("004_2881339b2791bead.txt".into(), Some(96))), "{hits:?}");
    // Every hit names the party; "Sjukvårdspartiet Västernorrland" in the party table must not
    // bring in the region's other paragraphs.
    for h in search("Sjukvårdspartiet", Filters::default()).hits {
        assert!(h.snippet.contains("SJVP") || h.title.contains("SJVP"), "{h:?}");
    }
    // A party named only in titles: "… av Helene Öberg (MP) om …" (§ 143, § 144).
    let hits = ranked("Miljöpartiet");
    for n in [143, 144] {
        let p = ("26_stockholms-lans-landstingsfullmaktige-2013.txt".to_string(), Some(n));
        assert!(hits.contains(&p), "{hits:?}");
    }
}

#[test]
fn a_typo_finds_its_word_and_a_rare_word_is_not_drowned() {
    assert_eq!(plain("folkomrösting"), 0);
    assert_eq!(
        ranked("folkomrösting").first(),
        Some(&("11_atvidaberg-ks-2013-01-09.txt".into(), Some(1)))
    );
    // "Votering" occurs once: no fuzzy neighbours are added to a word the index has.
    assert_eq!(plain("votering"), 1);
    assert_eq!(search("votering", Filters::default()).total, 1);
}

#[test]
fn a_case_number_without_its_series_finds_every_series() {
    let dir = tempfile::tempdir().expect("temp dir");
    let docs = dir.path().join("docs");
    std::fs::create_dir(&docs).expect("docs");
    // A classification code glued on, as document systems print it, and a citation.
    std::fs::write(
        docs.join("a.txt"),
        "§ 5 Avgifter\n\nDiarienummer: 1.1.3-00087/2025\n\nSe även KS 00012/2024.\n",
    )
    .expect("write");
    let (index, _) = SearchIndex::open_or_create(&dir.path().join("ix")).expect("create");
    index.update(&[docs], &|_| {}).expect("index");
    let trail = index.dnr_trail("00087/2025", &Filters::default()).expect("trail");
    assert_eq!(trail.len(), 1);
    assert_eq!(trail[0].relation, "own");
    let cited = index.dnr_trail("12/2024", &Filters::default()).expect("cited");
    assert_eq!(cited.iter().map(|t| t.relation).collect::<Vec<_>>(), ["cited"]);
    assert_eq!(search_in(&index, "00087/2025", 5).total, 1);
}
