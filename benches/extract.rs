//! Text extraction throughput (criterion), one core: the PDF and DOCX fixtures, made by
//! LibreOffice from corpus documents (`tests/fixtures/`).
//!
//! `cargo bench --bench extract`; criterion reports MB/s of input for each file (group
//! `bytes`) and pages per second for the PDFs (group `pages`).

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use protokoll::extract::Format;

const FILES: [&str; 4] = [
    "vasternorrland-hsu-2023-12-07.pdf",
    "jamtland-hsn-2024-06-13-extract.pdf",
    "vasternorrland-hsu-2023-12-07.docx",
    "jamtland-hsn-2024-06-13-extract.docx",
];

fn bench(c: &mut Criterion) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let files: Vec<(&str, Vec<u8>)> =
        FILES.iter().map(|f| (*f, std::fs::read(dir.join(f)).expect("fixture"))).collect();
    let is_pdf = |bytes: &[u8]| Format::sniff(bytes) == Format::Pdf;
    let extract = |bytes: &[u8]| {
        if is_pdf(bytes) {
            protokoll::extract::pdf::text(bytes)
        } else {
            protokoll::extract::docx::text(bytes)
        }
        .expect("extracts")
    };
    let mut g = c.benchmark_group("bytes");
    for (name, bytes) in &files {
        g.throughput(Throughput::Bytes(bytes.len() as u64));
        g.bench_function(*name, |b| b.iter(|| black_box(extract(black_box(bytes)))));
    }
    g.finish();
    let mut g = c.benchmark_group("pages");
    for (name, bytes) in files.iter().filter(|(_, b)| is_pdf(b)) {
        let pages = extract(bytes).pages.unwrap_or(1);
        g.throughput(Throughput::Elements(u64::from(pages)));
        g.bench_function(*name, |b| b.iter(|| black_box(extract(black_box(bytes)))));
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
