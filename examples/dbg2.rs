fn main() {
    let text = std::fs::read_to_string(std::env::args().nth(1).unwrap()).unwrap();
    let c = vigie::clean::clean(&text);
    println!("TITLE {:?} DATE {:?} META {:?}", c.title, c.date, c.meta);
    for p in c.paragraphs { println!("P: {p}"); }
}
