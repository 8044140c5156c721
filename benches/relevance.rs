//! Recall@10 and MRR of `protokoll search` on the judged query set, per kind of query, beside
//! a plain stemmed search of the same index: `cargo bench --bench relevance`
//! (`-- --queries` lists every query's scores).

// A benchmark reports on standard output.
#![allow(clippy::print_stdout)]

#[path = "../tests/relevance/judge.rs"]
mod judge;

fn main() {
    let detail = std::env::args().any(|a| a == "--queries");
    let set = judge::load();
    let index = judge::corpus_index();
    let widened = judge::run(&index, &set, false);
    let plain = judge::run(&index, &set, true);
    if detail {
        for (w, p) in widened.iter().zip(&plain) {
            println!(
                "{:<32} {:<15} recall {:.2} (plain {:.2})  rr {:.2} (plain {:.2})",
                w.id, w.kind, w.recall, p.recall, w.reciprocal_rank, p.reciprocal_rank
            );
        }
        println!();
    }
    let (w, p) = (judge::summarize(&widened), judge::summarize(&plain));
    println!("| kind | queries | recall@10 | MRR | plain recall@10 | plain MRR |");
    println!("|---|---:|---:|---:|---:|---:|");
    for (kind, s) in w.iter().filter(|(k, _)| *k != "all").chain(w.get_key_value("all")) {
        let b = p[kind];
        println!(
            "| {kind} | {} | {:.3} | {:.3} | {:.3} | {:.3} |",
            s.queries, s.recall, s.mrr, b.recall, b.mrr
        );
    }
}
