//! Runs one stage many times for profiling: `hot DIR clean|extract`.
fn main() {
    let mut args = std::env::args().skip(1);
    let dir = std::path::PathBuf::from(args.next().unwrap());
    let stage = args.next().unwrap();
    let docs = vigie::corpus::load(&[dir]).documents;
    let texts: Vec<String> = docs.iter().map(|d| vigie::clean::clean(&d.text).paragraphs.join("\n\n")).collect();
    for _ in 0..3 {
        for (d, t) in docs.iter().zip(&texts) {
            match stage.as_str() {
                "clean" => { std::hint::black_box(vigie::clean::clean(&d.text)); }
                _ => { std::hint::black_box(vigie::extract::extract(t)); }
            }
        }
    }
}
