//! Prints the entities found in a sentence: `cargo run --example ents -- "text"`.
fn main() {
    let text = std::env::args().nth(1).unwrap();
    for f in vigie::extract::entities::find(&text) {
        println!("{:?} {:?} weak={} canon={:?}", f.kind, &text[f.start..f.end], f.weak, f.canonical);
    }
}
