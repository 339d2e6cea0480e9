//! Writes a synthetic corpus of about SIZE megabytes into DIR, for load tests:
//! `cargo run --release --example gen_corpus -- DIR SIZE_MB`.

fn main() {
    let mut args = std::env::args().skip(1);
    let dir = std::path::PathBuf::from(args.next().expect("usage: gen_corpus DIR SIZE_MB"));
    let mb: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(6);
    std::fs::create_dir_all(&dir).expect("create the directory");
    let docs = vigie::corpus::synthetic::varied_corpus(mb * 1024 * 1024);
    for d in &docs {
        std::fs::write(dir.join(format!("{}.txt", d.id)), &d.text).expect("write an article");
    }
    println!("{} articles written to {}", docs.len(), dir.display());
}
