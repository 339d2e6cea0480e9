//! Runs the per-article pipeline (clean + extract) repeatedly for profiling: `hot DIR`.
fn main() {
    let dir = std::path::PathBuf::from(std::env::args().nth(1).expect("usage: hot DIR"));
    let docs = vigie::corpus::load(&[dir]).documents;
    for _ in 0..3 {
        for d in &docs {
            std::hint::black_box(vigie::draft(d));
        }
    }
}
