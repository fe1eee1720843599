//! Text folding for search: case- and accent-insensitive matching.
//!
//! We fold by hand instead of pulling in a Unicode normalisation crate: the
//! tables that crate carries would cost tens of kilobytes in the first-load
//! wasm, and catalog and FAQ text only needs the Latin letters with marks
//! that names and loanwords use (café, Māori, Zürich, Łódź).

/// Lower-cases `text` and strips diacritics from Latin letters, so that
/// "Café", "CAFE" and "cafe" all fold to "cafe".
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        match fold_char(ch) {
            Folded::One(c) => out.push(c),
            Folded::Two(a, b) => {
                out.push(a);
                out.push(b);
            }
            Folded::Skip => {}
            Folded::Lower => out.extend(ch.to_lowercase()),
        }
    }
    out
}

enum Folded {
    One(char),
    Two(char, char),
    /// A combining mark on its own (text that arrived decomposed).
    Skip,
    Lower,
}

fn fold_char(ch: char) -> Folded {
    use Folded::{One, Skip, Two};
    let c = match ch {
        'A'..='Z' => return One(ch.to_ascii_lowercase()),
        'a'..='z' | '0'..='9' | ' ' => return One(ch),
        '\u{0300}'..='\u{036f}' => return Skip,
        'ß' => return Two('s', 's'),
        'Æ' | 'æ' => return Two('a', 'e'),
        'Œ' | 'œ' => return Two('o', 'e'),
        'À'..='Å' | 'à'..='å' | 'Ā'..='ą' => 'a',
        'Ç' | 'ç' | 'Ć'..='č' => 'c',
        'Ď'..='đ' | 'Ð' | 'ð' => 'd',
        'È'..='Ë' | 'è'..='ë' | 'Ē'..='ě' => 'e',
        'Ĝ'..='ģ' => 'g',
        'Ĥ'..='ħ' => 'h',
        'Ì'..='Ï' | 'ì'..='ï' | 'Ĩ'..='ı' => 'i',
        'Ĵ' | 'ĵ' => 'j',
        'Ķ' | 'ķ' => 'k',
        'Ĺ'..='ł' => 'l',
        'Ñ' | 'ñ' | 'Ń'..='ň' => 'n',
        'Ò'..='Ö' | 'Ø' | 'ò'..='ö' | 'ø' | 'Ō'..='ő' => 'o',
        'Ŕ'..='ř' => 'r',
        'Ś'..='š' => 's',
        'Ţ'..='ŧ' => 't',
        'Ù'..='Ü' | 'ù'..='ü' | 'Ũ'..='ų' => 'u',
        'Ŵ' | 'ŵ' => 'w',
        'Ý' | 'ý' | 'ÿ' | 'Ŷ' | 'ŷ' | 'Ÿ' => 'y',
        'Ź'..='ž' => 'z',
        '\u{2019}' | '\u{2018}' => '\'',
        '\u{2010}'..='\u{2015}' => '-',
        _ => return Folded::Lower,
    };
    One(c)
}

/// Splits folded text into search words: runs of letters and digits.
pub fn words(folded: &str) -> impl Iterator<Item = &str> {
    folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
}

/// A URL- and anchor-safe slug: folded, words joined by `-`.
///
/// ```
/// assert_eq!(microcred::domain::text::slugify("What is a Micro-credential?"), "what-is-a-micro-credential");
/// ```
pub fn slugify(text: &str) -> String {
    let folded = fold(text);
    let mut slug = String::with_capacity(folded.len());
    for word in words(&folded) {
        if !slug.is_empty() {
            slug.push('-');
        }
        slug.push_str(word);
    }
    slug
}

/// True when every word of `query` is a prefix of some word of `haystack`.
/// Both must already be folded. An empty query matches everything.
pub fn matches_prefixes(haystack: &str, query: &str) -> bool {
    words(query).all(|q| words(haystack).any(|w| w.starts_with(q)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_table() {
        for (input, expected) in [
            ("Café", "cafe"),
            ("CAFÉ", "cafe"),
            ("Māori", "maori"),
            ("Zürich", "zurich"),
            ("Łódź", "lodz"),
            ("Straße", "strasse"),
            ("Cafe\u{301}", "cafe"),
            ("Ελληνικά", "ελληνικά"),
            ("naïve résumé", "naive resume"),
        ] {
            assert_eq!(fold(input), expected, "fold({input:?})");
        }
    }

    #[test]
    fn prefixes_match_any_word_in_any_order() {
        let hay = fold("How are micro-credentials assessed?");
        assert!(matches_prefixes(&hay, &fold("ASSESS micro")));
        assert!(matches_prefixes(&hay, ""));
        assert!(!matches_prefixes(&hay, "fees"));
        assert!(!matches_prefixes(&hay, "credentialsx"));
    }

    #[test]
    fn slugs_are_stable_and_ascii() {
        assert_eq!(
            slugify("  Fees & enrolment: what’s upfront? "),
            "fees-enrolment-what-s-upfront"
        );
        assert_eq!(slugify("Über CPD"), "uber-cpd");
    }
}
