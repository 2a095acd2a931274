//! Numbering helpers: Dutch ordinals, Roman numerals, article numbers.

/// "eerste" → 1 … "twintigste" → 20. "laatste" is handled by callers.
pub fn ordinal(word: &str) -> Option<u32> {
    let w = word.to_lowercase();
    ORDINALS.iter().position(|o| *o == w).map(|i| i as u32 + 1)
}

/// 1 → "eerste" … 30 → "dertigste".
pub fn ordinal_word(n: u32) -> Option<&'static str> {
    ORDINALS.get((n as usize).checked_sub(1)?).copied()
}

/// The Dutch ordinals "eerste" … "dertigste".
const ORDINALS: [&str; 30] = [
    "eerste",
    "tweede",
    "derde",
    "vierde",
    "vijfde",
    "zesde",
    "zevende",
    "achtste",
    "negende",
    "tiende",
    "elfde",
    "twaalfde",
    "dertiende",
    "veertiende",
    "vijftiende",
    "zestiende",
    "zeventiende",
    "achttiende",
    "negentiende",
    "twintigste",
    "eenentwintigste",
    "tweeëntwintigste",
    "drieëntwintigste",
    "vierentwintigste",
    "vijfentwintigste",
    "zesentwintigste",
    "zevenentwintigste",
    "achtentwintigste",
    "negenentwintigste",
    "dertigste",
];

/// Regex alternation of the ordinals, for reference patterns.
pub const ORDINAL_ALT: &str = "eerste|tweede|derde|vierde|vijfde|zesde|zevende|achtste|negende|tiende|elfde|twaalfde|dertiende|veertiende|vijftiende|zestiende|zeventiende|achttiende|negentiende|twintigste|eenentwintigste|tweeëntwintigste|drieëntwintigste|vierentwintigste|vijfentwintigste|zesentwintigste|zevenentwintigste|achtentwintigste|negenentwintigste|dertigste|laatste";

/// A Roman numeral for 1 ≤ v < 4000 ("IV" for 4).
pub fn to_roman(mut v: u32) -> String {
    const TABLE: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut s = String::new();
    for (n, r) in TABLE {
        while v >= n {
            s.push_str(r);
            v -= n;
        }
    }
    s
}

/// Value of a Roman numeral (I … MMMM), or `None`.
pub fn roman_value(s: &str) -> Option<u32> {
    if s.is_empty() || s.len() > 15 {
        return None;
    }
    let mut total = 0u32;
    let mut prev = 0u32;
    for c in s.chars().rev() {
        let v = match c {
            'I' => 1,
            'V' => 5,
            'X' => 10,
            'L' => 50,
            'C' => 100,
            'D' => 500,
            'M' => 1000,
            _ => return None,
        };
        if v < prev {
            total = total.checked_sub(v)?;
        } else {
            total += v;
            prev = v;
        }
    }
    Some(total)
}

/// True when `s` is an amendment-item label: A…Z, AA…ZZ, AAA….
pub fn is_change_label(s: &str) -> bool {
    let mut chars = s.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    first.is_ascii_uppercase() && s.len() <= 3 && s.chars().all(|c| c == first)
        || (s.len() <= 3 && s.chars().all(|c| c.is_ascii_uppercase()))
}

/// Normalises a unit number as written in a heading: trims whitespace and
/// trailing punctuation, removes inner spaces and `<sup>` markup.
pub fn normalize_number(raw: &str) -> String {
    let s = raw.replace("<sup>", "").replace("</sup>", "");
    let s = s.trim().trim_end_matches(['.', ':', ',', ';', ')']).trim();
    let s: String = s
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '*' && *c != '_')
        .collect();
    // "lll", "lV": a lowercase L typed for a Roman I.
    if s.contains('l') && s.chars().all(|c| matches!(c, 'l' | 'I' | 'V' | 'X')) {
        return s.replace('l', "I");
    }
    s
}

/// True for a Roman article number, optionally with a letter suffix ("IIIa", "IIIA").
pub fn is_roman_number(s: &str) -> bool {
    let core = s.trim_end_matches(|c: char| c.is_ascii_lowercase());
    let core = if core.len() > 1
        && core.ends_with(|c: char| c.is_ascii_uppercase() && !"IVXLCDM".contains(c))
    {
        &core[..core.len() - 1]
    } else {
        core
    };
    !core.is_empty() && s.len() - core.len() <= 2 && roman_value(core).is_some()
}

/// True when `s` looks like an article number: digits with optional letter
/// suffixes and dotted/colon parts, or a Roman numeral.
pub fn is_article_number(s: &str) -> bool {
    if s.is_empty() || s.len() > 24 {
        return false;
    }
    if is_roman_number(s) {
        return true;
    }
    // "A-1", "B.2": a letter prefix before a number (some AMvB's).
    let body = s.trim_start_matches(|c: char| c.is_ascii_uppercase());
    let prefix = s.len() - body.len();
    let body = if prefix > 0 {
        body.trim_start_matches(['-', '.'])
    } else {
        body
    };
    prefix <= 3
        && body.chars().next().is_some_and(|c| c.is_ascii_digit())
        && body
            .chars()
            .all(|c| c.is_ascii_digit() || c.is_ascii_lowercase() || matches!(c, '.' | ':' | '-'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinals_and_romans() {
        assert_eq!(ordinal("derde"), Some(3));
        assert_eq!(ordinal("Twintigste"), Some(20));
        assert_eq!(ordinal("laatste"), None);
        assert_eq!(roman_value("IV"), Some(4));
        assert_eq!(roman_value("XIX"), Some(19));
        assert_eq!(roman_value("ABC"), None);
        assert!(is_change_label("A"));
        assert!(is_change_label("AA"));
        assert!(!is_change_label("Ab"));
        assert_eq!(normalize_number(" 1.1. "), "1.1");
        assert_eq!(normalize_number("2<sup>e</sup>"), "2e");
        assert_eq!(normalize_number("lll"), "III");
        assert_eq!(normalize_number("D 1"), "D1");
        assert!(is_article_number("12a"));
        assert!(is_article_number("1:1"));
        assert!(is_article_number("IV"));
        assert!(is_article_number("IIIa"));
        assert!(is_roman_number("IIIA"));
        assert!(!is_roman_number("ABC"));
        assert!(!is_article_number("Inleiding"));
        assert!(is_article_number("A-1"));
        assert!(!is_article_number("A"));
    }
}
