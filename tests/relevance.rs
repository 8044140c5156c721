//! Search quality on the judged query set: the widened Swedish search must find what a plain
//! stemmed search misses, per kind of query, and never do worse than it.

#[path = "relevance/judge.rs"]
mod judge;

#[test]
fn judged_queries_are_found() {
    let set = judge::load();
    assert!(set.queries.len() >= 40, "{} queries", set.queries.len());
    let index = judge::corpus_index();
    let widened = judge::summarize(&judge::run(&index, &set, false));
    let plain = judge::summarize(&judge::run(&index, &set, true));
    let all = widened["all"];
    assert!(all.recall >= 0.8, "recall@10 {:.3} (plain {:.3})", all.recall, plain["all"].recall);
    assert!(all.mrr >= plain["all"].mrr, "MRR {:.3} < plain {:.3}", all.mrr, plain["all"].mrr);
    for (kind, s) in &widened {
        assert!(
            s.recall + 1e-9 >= plain[kind].recall,
            "{kind}: {s:?} below plain {:?}",
            plain[kind]
        );
    }
}

#[test]
fn every_judged_paragraph_exists() {
    let set = judge::load();
    let index = judge::corpus_index();
    let all = index
        .search(&protokoll::index::query::SearchRequest { limit: 10_000, ..Default::default() })
        .expect("all");
    for q in &set.queries {
        assert!(!q.relevant.is_empty(), "{}: nothing relevant", q.id);
        for r in &q.relevant {
            assert!(
                all.hits.iter().any(|h| h.path.ends_with(&r.path) && h.number == r.number),
                "{}: no paragraph {r:?}",
                q.id
            );
        }
    }
}
