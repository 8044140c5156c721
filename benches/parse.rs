//! Parse throughput benchmark (criterion).
//! Parse throughput on the corpus, one core: normalisation alone and the whole parse.
//!
//! `cargo bench --bench parse`; criterion reports MB/s (the corpus bytes per second).

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};

fn corpus() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    protokoll::corpus::walk(&[root])
        .into_iter()
        .filter_map(Result::ok)
        .filter_map(|p| protokoll::source::read(&p).ok())
        .map(|s| s.text)
        .collect()
}

fn bench(c: &mut Criterion) {
    let docs = corpus();
    let bytes: usize = docs.iter().map(String::len).sum();
    let largest = docs.iter().max_by_key(|d| d.len()).cloned().unwrap_or_default();
    let mut g = c.benchmark_group("corpus");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("normalize", |b| {
        b.iter(|| {
            for d in &docs {
                black_box(protokoll::normalize::normalize(black_box(d)));
            }
        });
    });
    g.bench_function("parse", |b| {
        b.iter(|| {
            let mut paragraphs = 0;
            for d in &docs {
                paragraphs += protokoll::parse_str(black_box(d)).value.paragraphs.len();
            }
            assert!(paragraphs >= docs.len());
        });
    });
    g.finish();
    let mut g = c.benchmark_group("largest");
    g.throughput(Throughput::Bytes(largest.len() as u64));
    g.bench_function("parse", |b| {
        b.iter(|| {
            let doc = protokoll::parse_str(black_box(&largest)).value;
            assert!(doc.paragraphs.len() >= 9);
        });
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
