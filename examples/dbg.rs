fn main() {
    let text = std::env::args().nth(1).unwrap();
    for e in vigie::extract::dates::find(&text) {
        println!("{:?} {:?} {:?}", &text[e.start..e.end], e.temporal, e.tense);
    }
    for f in vigie::extract::figures::find(&text, vigie::extract::figures::Decimal::Comma) {
        println!("FIG {:?} {}", &text[f.start..f.end], f.value);
    }
}
