//! Text normalisation for matching, with a map from normalised offsets back
//! to byte offsets in the original text.
//!
//! Every lexicon in this crate matches on the *normalised* text and reports
//! ranges in the *original* text. The normalisation is:
//!
//! 1. Unicode lowercase (`char::to_lowercase`, so `Ë` → `ë`, `É` → `é`);
//! 2. NFC composition (so a decomposed `e` + U+0308 becomes `ë`);
//! 3. every run of whitespace (including no-break spaces and line breaks)
//!    becomes one ASCII space, so multiword forms match across line breaks;
//! 4. soft hyphens and zero-width characters (U+00AD, U+200B–U+200D,
//!    U+2060, U+FEFF) are removed, so `uitvoerings\u{AD}toets` still matches;
//! 5. typographic quotes become `'` or `"`, U+2010/U+2011 hyphens become
//!    `-`, and the ellipsis `…` becomes `...`.
//!
//! The text is processed in *chunks*: a starter character followed by its
//! combining marks (canonical combining class ≠ 0), or a run of whitespace.
//! A chunk is normalised on its own and always maps back to the whole
//! original chunk. Composition across two starters (only relevant for Hangul
//! jamo and a few Indic vowel signs) is therefore not performed; Dutch text is
//! unaffected.
//!
//! The offset map is sparse. Where a chunk's normalised form has the same
//! byte length as the original (all ASCII, and also `é` → `é`, `É` → `é`) the
//! offsets advance in lockstep and nothing is stored. Only chunks whose length
//! changes (a decomposed `e` + U+0301, a run of spaces, a no-break space, a
//! removed soft hyphen, `…`) add an [`Anchor`]. For typical Dutch text the map
//! is a handful of entries, and a lookup is a binary search.

use std::ops::Range;

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::{canonical_combining_class, is_combining_mark};

/// A lowercased, NFC-normalised copy of a text with a map back to the
/// original byte offsets.
#[derive(Debug, Clone)]
pub struct NormalizedText {
    lowered: String,
    anchors: Vec<Anchor>,
    original_len: usize,
}

/// One entry of the sparse offset map.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Anchor {
    /// Byte offset in the normalised text where this segment starts.
    lowered: usize,
    /// Byte offset in the original text where this segment starts.
    original: usize,
    /// `false`: offsets advance in lockstep until the next anchor.
    /// `true`: the segment up to the next anchor is one chunk whose length
    /// changed; offsets inside it map to the chunk's start (or end).
    point: bool,
}

impl NormalizedText {
    /// Normalises `text` (see the module documentation).
    pub fn new(text: &str) -> Self {
        let mut b = Builder {
            lowered: String::with_capacity(text.len()),
            anchors: vec![Anchor {
                lowered: 0,
                original: 0,
                point: false,
            }],
            pending: None,
        };
        let bytes = text.as_bytes();
        let n = bytes.len();
        let mut i = 0;
        while i < n {
            let byte = bytes[i];
            // Fast path: a plain ASCII character not followed by a combining
            // mark (which would be non-ASCII), or a single ASCII space.
            if byte.is_ascii() && b.pending.is_none() {
                let next = bytes.get(i + 1).copied();
                if !is_ascii_space(byte) && next.is_none_or(|nb| nb.is_ascii()) {
                    b.lowered.push(byte.to_ascii_lowercase() as char);
                    i += 1;
                    continue;
                }
                if byte == b' ' && next.is_none_or(|nb| nb.is_ascii() && !is_ascii_space(nb)) {
                    b.lowered.push(' ');
                    i += 1;
                    continue;
                }
            }
            i = b.chunk(text, i);
        }
        b.finish(text.len())
    }

    /// The normalised text. All matching happens on this string.
    pub fn as_str(&self) -> &str {
        &self.lowered
    }

    /// Length of the original text in bytes.
    pub fn original_len(&self) -> usize {
        self.original_len
    }

    /// Maps a byte offset in the normalised text to the original text,
    /// for use as the *start* of a range: an offset inside a changed chunk
    /// maps to the start of that chunk.
    pub fn to_original_start(&self, lowered: usize) -> usize {
        let idx = self.anchor_index(lowered);
        let a = self.anchors[idx];
        if a.point {
            a.original
        } else {
            a.original + (lowered - a.lowered)
        }
    }

    /// Maps a byte offset in the normalised text to the original text,
    /// for use as the *end* of a range: an offset inside a changed chunk
    /// maps to the end of that chunk.
    pub fn to_original_end(&self, lowered: usize) -> usize {
        let idx = self.anchor_index(lowered);
        let a = self.anchors[idx];
        if lowered == a.lowered {
            a.original
        } else if a.point {
            self.anchors
                .get(idx + 1)
                .map_or(self.original_len, |next| next.original)
        } else {
            a.original + (lowered - a.lowered)
        }
    }

    /// Maps a range in the normalised text to the corresponding range in the
    /// original text.
    pub fn to_original(&self, range: Range<usize>) -> Range<usize> {
        self.to_original_start(range.start)..self.to_original_end(range.end)
    }

    /// Index of the last anchor whose normalised offset is `<= lowered`.
    fn anchor_index(&self, lowered: usize) -> usize {
        // anchors[0].lowered == 0, so the partition point is at least 1.
        self.anchors
            .partition_point(|a| a.lowered <= lowered)
            .saturating_sub(1)
    }
}

/// Normalises a short string (a form from a data file, a heading).
/// Same rules as [`NormalizedText::new`], without the offset map.
pub fn normalize(text: &str) -> String {
    NormalizedText::new(text).lowered
}

struct Builder {
    lowered: String,
    anchors: Vec<Anchor>,
    /// Start of removed characters (soft hyphen, …) not yet attached to a
    /// chunk. They are attached to the *next* chunk, so that a hit ending
    /// just before them does not include them.
    pending: Option<usize>,
}

impl Builder {
    /// Processes the chunk starting at byte `start` and returns the byte
    /// offset after it.
    fn chunk(&mut self, text: &str, start: usize) -> usize {
        let rest = &text[start..];
        let mut chars = rest.char_indices();
        let Some((_, first)) = chars.next() else {
            return text.len();
        };
        if is_removed(first) {
            self.pending.get_or_insert(start);
            return start + first.len_utf8();
        }
        if first.is_whitespace() {
            let mut end = start + first.len_utf8();
            for (off, c) in chars {
                if c.is_whitespace() || is_removed(c) {
                    end = start + off + c.len_utf8();
                } else {
                    break;
                }
            }
            self.emit(start, end, " ");
            return end;
        }
        let mut end = start + first.len_utf8();
        for (off, c) in chars {
            if canonical_combining_class(c) != 0 || (is_combining_mark(c) && !c.is_whitespace()) {
                end = start + off + c.len_utf8();
            } else {
                break;
            }
        }
        let chunk = &text[start..end];
        let mut mapped = String::with_capacity(chunk.len() + 2);
        for c in chunk.chars() {
            match replacement(c) {
                Some(r) => mapped.push_str(r),
                None => mapped.extend(c.to_lowercase()),
            }
        }
        let out: String = if mapped.is_ascii() {
            mapped
        } else {
            mapped.nfc().collect()
        };
        self.emit(start, end, &out);
        end
    }

    /// Appends `out` as the normalised form of original bytes `start..end`.
    fn emit(&mut self, start: usize, end: usize, out: &str) {
        let orig_start = self.pending.take().unwrap_or(start);
        let out_start = self.lowered.len();
        self.lowered.push_str(out);
        let out_end = self.lowered.len();
        if out_end - out_start == end - orig_start {
            // Same length: lockstep. Only store an anchor if the delta changes.
            self.push_anchor(out_start, orig_start, false);
        } else {
            self.push_anchor(out_start, orig_start, true);
            self.push_anchor(out_end, end, false);
        }
    }

    fn push_anchor(&mut self, lowered: usize, original: usize, point: bool) {
        let new = Anchor {
            lowered,
            original,
            point,
        };
        if let Some(last) = self.anchors.last_mut() {
            if last.lowered == lowered {
                *last = new;
                return self.merge_last();
            }
            if !point && !last.point && last.original + (lowered - last.lowered) == original {
                // Continues the current lockstep segment.
                return;
            }
        }
        self.anchors.push(new);
    }

    /// After replacing the last anchor, drop it if it is a lockstep anchor
    /// that merely continues the previous lockstep segment.
    fn merge_last(&mut self) {
        let len = self.anchors.len();
        if len >= 2 {
            let prev = self.anchors[len - 2];
            let last = self.anchors[len - 1];
            if !prev.point
                && !last.point
                && prev.original + (last.lowered - prev.lowered) == last.original
            {
                self.anchors.pop();
            }
        }
    }

    fn finish(self, original_len: usize) -> NormalizedText {
        NormalizedText {
            lowered: self.lowered,
            anchors: self.anchors,
            original_len,
        }
    }
}

/// ASCII characters with the Unicode `White_Space` property.
fn is_ascii_space(b: u8) -> bool {
    b == b' ' || (0x09..=0x0D).contains(&b)
}

/// Characters that are dropped entirely.
fn is_removed(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}'
    )
}

/// Typographic characters with a plain replacement.
fn replacement(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' => "'",
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{00AB}' | '\u{00BB}' => "\"",
        '\u{2010}' | '\u{2011}' => "-",
        '\u{2026}' => "...",
        _ => return None,
    })
}

/// Whether `c` counts as part of a word for whole-word matching:
/// any alphanumeric character (Unicode-aware) or a combining mark.
pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_combining_mark(c)
}

/// Whether `range` in `text` sits on whole-word boundaries: if the first
/// character of the range is a word character, the character before it must
/// not be one, and likewise at the end. Edges that are punctuation (a form
/// such as `(volgt)` or `u&h-`) need no boundary.
pub fn on_word_boundaries(text: &str, range: &Range<usize>) -> bool {
    let inner = &text[range.clone()];
    let (Some(first), Some(last)) = (inner.chars().next(), inner.chars().next_back()) else {
        return false;
    };
    if is_word_char(first)
        && text[..range.start]
            .chars()
            .next_back()
            .is_some_and(is_word_char)
    {
        return false;
    }
    if is_word_char(last) && text[range.end..].chars().next().is_some_and(is_word_char) {
        return false;
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn roundtrip(text: &str, needle: &str) -> String {
        let nt = NormalizedText::new(text);
        let start = nt.as_str().find(needle).expect("needle in normalised text");
        let r = nt.to_original(start..start + needle.len());
        text[r].to_string()
    }

    #[test]
    fn ascii_is_lockstep() {
        let nt = NormalizedText::new("Het UWV voert uit.");
        assert_eq!(nt.as_str(), "het uwv voert uit.");
        assert_eq!(nt.anchors.len(), 1);
        assert_eq!(roundtrip("Het UWV voert uit.", "uwv"), "UWV");
    }

    #[test]
    fn decomposed_and_precomposed() {
        let text = "Cafe\u{301} en re\u{308}ünie: De Inspecteur";
        let nt = NormalizedText::new(text);
        assert_eq!(nt.as_str(), "café en rëünie: de inspecteur");
        assert_eq!(roundtrip(text, "de inspecteur"), "De Inspecteur");
        assert_eq!(roundtrip(text, "café"), "Cafe\u{301}");
    }

    #[test]
    fn whitespace_and_soft_hyphen() {
        let text = "uitvoerings\u{AD}toets  van\n\tde\u{A0}VNG\u{AD} x";
        let nt = NormalizedText::new(text);
        assert_eq!(nt.as_str(), "uitvoeringstoets van de vng x");
        assert_eq!(
            roundtrip(text, "uitvoeringstoets"),
            "uitvoerings\u{AD}toets"
        );
        assert_eq!(roundtrip(text, "van de vng"), "van\n\tde\u{A0}VNG");
    }

    #[test]
    fn uppercase_non_ascii() {
        let text = "ÉÉN ËN Ĳ";
        let nt = NormalizedText::new(text);
        assert_eq!(nt.as_str(), "één ën ĳ");
        assert_eq!(roundtrip(text, "ën"), "ËN");
    }

    #[test]
    fn every_word_maps_back_to_its_original() {
        let text = "  Ëen  \u{212A}elvin\u{AD}-schaal, İstanbul „citaat” re\u{301}gime\u{A0}\u{A0}UWV… \
                    e\u{301}\u{302}x ĳs\u{200B}baan \ttab\r\nEINDE\u{AD}";
        let nt = NormalizedText::new(text);
        let lowered = nt.as_str();
        let mut start = 0;
        for word in lowered.split(' ') {
            let end = start + word.len();
            if !word.is_empty() {
                let r = nt.to_original(start..end);
                assert!(
                    text.is_char_boundary(r.start) && text.is_char_boundary(r.end),
                    "{word}"
                );
                assert_eq!(normalize(&text[r.clone()]), word, "{word} ← {:?}", &text[r]);
            }
            start = end + 1;
        }
        assert_eq!(
            nt.to_original_end(lowered.len()),
            text.len() - "\u{AD}".len()
        );
    }

    #[test]
    fn boundaries() {
        let t = "inclusiefste inclusief";
        assert!(!on_word_boundaries(t, &(0..9)));
        assert!(on_word_boundaries(t, &(13..22)));
        assert!(!on_word_boundaries("reünie", &(2..7)));
        assert!(on_word_boundaries("reünie", &(0..7)));
    }
}
