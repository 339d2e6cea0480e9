//! Number words in French and English (`douze`, `vingt-quatre`, `soixante-dix`,
//! `twenty-one`, `un million`), shared by figures and relative dates.

/// The value of a single number word or hyphenated compound (`vingt-quatre`,
/// `quatre-vingt-dix`, `twenty-one`); `None` when the word is not a number.
pub fn word_value(word: &str) -> Option<f64> {
    let lower = word.to_lowercase().replace('’', "'");
    if let Some(v) = unit_value(&lower) {
        return Some(v);
    }
    // Hyphenated or "et"-joined compounds: add the parts, multiplying by "cent(s)".
    let parts: Vec<&str> = lower.split(['-', ' ']).filter(|p| !p.is_empty() && *p != "et").collect();
    if parts.len() < 2 {
        return None;
    }
    let mut total = 0.0;
    let mut current = 0.0;
    for part in parts {
        let v = unit_value(part)?;
        if v == 100.0 {
            current = if current == 0.0 { 100.0 } else { current * 100.0 };
        } else if v == 20.0 && current == 4.0 {
            current = 80.0; // quatre-vingt(s)
        } else if v >= 1000.0 {
            total += if current == 0.0 { 1.0 } else { current } * v;
            current = 0.0;
        } else {
            current += v;
        }
    }
    Some(total + current)
}

/// Whether a word multiplies what precedes it (`millions`, `milliards`, `billion`).
pub fn scale_value(word: &str) -> Option<f64> {
    match word.to_lowercase().as_str() {
        "mille" | "thousand" | "thousands" => Some(1e3),
        "million" | "millions" => Some(1e6),
        "milliard" | "milliards" | "billion" | "billions" => Some(1e9),
        "billion_fr" => Some(1e12),
        "trillion" | "trillions" => Some(1e12),
        "md" | "mds" | "mrd" | "mrds" => Some(1e9),
        "m" | "mn" => Some(1e6),
        "bn" => Some(1e9),
        "k" => Some(1e3),
        _ => None,
    }
}

fn unit_value(w: &str) -> Option<f64> {
    let v = match w {
        "zéro" | "zero" => 0.0,
        "un" | "une" | "one" => 1.0,
        "deux" | "two" => 2.0,
        "trois" | "three" => 3.0,
        "quatre" | "four" => 4.0,
        "cinq" | "five" => 5.0,
        "six" => 6.0,
        "sept" | "seven" => 7.0,
        "huit" | "eight" => 8.0,
        "neuf" | "nine" => 9.0,
        "dix" | "ten" => 10.0,
        "onze" | "eleven" => 11.0,
        "douze" | "twelve" => 12.0,
        "treize" | "thirteen" => 13.0,
        "quatorze" | "fourteen" => 14.0,
        "quinze" | "fifteen" => 15.0,
        "seize" | "sixteen" => 16.0,
        "seventeen" => 17.0,
        "eighteen" => 18.0,
        "nineteen" => 19.0,
        "vingt" | "vingts" | "twenty" => 20.0,
        "trente" | "thirty" => 30.0,
        "quarante" | "forty" => 40.0,
        "cinquante" | "fifty" => 50.0,
        "soixante" | "sixty" => 60.0,
        "septante" | "seventy" => 70.0,
        "octante" | "huitante" | "eighty" => 80.0,
        "nonante" | "ninety" => 90.0,
        "cent" | "cents" | "hundred" => 100.0,
        "mille" | "thousand" => 1000.0,
        "dix-sept" => 17.0,
        "dix-huit" => 18.0,
        "dix-neuf" => 19.0,
        "douzaine" | "dozen" => 12.0,
        _ => return None,
    };
    Some(v)
}

#[cfg(test)]
mod tests {
    use super::word_value;

    #[test]
    fn french_and_english_number_words() {
        assert_eq!(word_value("douze"), Some(12.0));
        assert_eq!(word_value("Quatre"), Some(4.0));
        assert_eq!(word_value("vingt-quatre"), Some(24.0));
        assert_eq!(word_value("soixante-dix"), Some(70.0));
        assert_eq!(word_value("quatre-vingt-dix"), Some(90.0));
        assert_eq!(word_value("vingt-et-un"), Some(21.0));
        assert_eq!(word_value("deux-cents"), Some(200.0));
        assert_eq!(word_value("twelve"), Some(12.0));
        assert_eq!(word_value("twenty-one"), Some(21.0));
        assert_eq!(word_value("maison"), None);
        assert_eq!(word_value("vingt-maison"), None);
    }
}
