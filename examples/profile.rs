//! Times each pipeline stage on a directory: `cargo run --release --example profile -- DIR`.
use std::time::Instant;

fn main() {
    let dir = std::path::PathBuf::from(std::env::args().nth(1).expect("usage: profile DIR"));
    let t = Instant::now();
    let loaded = vigie::corpus::load(&[dir]);
    println!("load {:?} ({} docs)", t.elapsed(), loaded.documents.len());
    let docs = &loaded.documents;
    let t = Instant::now();
    for d in docs.iter().take(200) {
        std::hint::black_box(vigie::clean::clean(&d.text));
    }
    println!("clean x200 {:?}", t.elapsed());
    let texts: Vec<String> = docs.iter().take(200).map(|d| vigie::clean::clean(&d.text).paragraphs.join("\n\n")).collect();
    let t = Instant::now();
    for x in &texts { std::hint::black_box(vigie::extract::dates::find(x)); }
    println!("dates x200 {:?}", t.elapsed());
    let t = Instant::now();
    for x in &texts { std::hint::black_box(vigie::extract::entities::find(x)); }
    println!("entities x200 {:?}", t.elapsed());
    let t = Instant::now();
    for x in &texts { std::hint::black_box(vigie::extract::figures::find(x, vigie::extract::figures::Decimal::Comma)); }
    println!("figures x200 {:?}", t.elapsed());
    let lines: Vec<String> = docs.iter().take(200).flat_map(|d| d.text.lines().map(|l| l.trim().to_string()).collect::<Vec<_>>()).collect();
    let t = Instant::now();
    for l in &lines { std::hint::black_box(vigie::clean::classify(l)); }
    println!("classify {} lines {:?}", lines.len(), t.elapsed());
    let t = Instant::now();
    for x in &texts { std::hint::black_box(vigie::clean::repair(x, true)); }
    println!("glue x200 {:?}", t.elapsed());
    let t = Instant::now();
    for x in &texts { let mut d = vigie::clean::Dedup::default(); for p in x.split("\n\n") { std::hint::black_box(d.is_repeat(p)); } }
    println!("dedup x200 {:?}", t.elapsed());
    let t = Instant::now();
    let (mut articles, extractions): (Vec<_>, Vec<_>) = vigie::analyse_all(docs).into_iter().unzip();
    println!("analyse_all {:?}", t.elapsed());
    let t = Instant::now();
    vigie::settle(&mut articles, &extractions);
    println!("settle {:?} ({} articles)", t.elapsed(), articles.len());
}
