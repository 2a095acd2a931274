//! The one place where byte offsets meet LSP positions.
//!
//! Inside wetlint everything is a byte offset into the UTF-8 text; the
//! Language Server Protocol speaks 0-based lines and UTF-16 code-unit columns
//! (the default `positionEncoding`). Every conversion in the server goes
//! through this module, in both directions, and never panics:
//!
//! * offsets past the end clamp to the end, offsets inside a multi-byte
//!   character round down to the start of that character;
//! * lines past the end clamp to the end of the text, columns past the end of
//!   a line clamp to the end of that line (before its line break), as the
//!   LSP specification asks;
//! * a column in the middle of a surrogate pair (a character outside the
//!   BMP) rounds down to the start of that character; [`LineMap::offset_strict`]
//!   reports such positions instead, for requests that should answer "nothing".
//!
//! Lines end at `\n`, `\r\n` or a lone `\r`, the same rule as
//! [`wetlint_syntax::LineIndex`] and the LSP specification.

use tower_lsp_server::ls_types::{Position, Range};
use wetlint_syntax::Span;

/// Line starts of one text, for conversions between byte offsets and LSP positions.
#[derive(Debug, Clone, Default)]
pub struct LineMap {
    starts: Vec<usize>,
    len: usize,
}

/// Why a position does not denote a place in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BadPosition {
    /// The line does not exist.
    LineOutOfRange,
    /// The column lies past the end of the line.
    ColumnOutOfRange,
    /// The column points between the two halves of a surrogate pair.
    InsideSurrogatePair,
}

impl LineMap {
    /// Indexes `text`.
    pub fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        let mut starts = Vec::with_capacity(bytes.len() / 40 + 1);
        starts.push(0);
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'\n' => starts.push(i + 1),
                b'\r' if bytes.get(i + 1) != Some(&b'\n') => starts.push(i + 1),
                _ => {}
            }
            i += 1;
        }
        LineMap {
            starts,
            len: text.len(),
        }
    }

    /// Number of lines (an empty text has one).
    pub fn line_count(&self) -> usize {
        self.starts.len()
    }

    /// Byte range of the content of 0-based `line`, without its line break.
    pub fn line_span(&self, text: &str, line: usize) -> Option<Span> {
        let start = *self.starts.get(line)?;
        let mut end = self.starts.get(line + 1).copied().unwrap_or(self.len);
        let bytes = text.as_bytes();
        if end > start && bytes.get(end - 1) == Some(&b'\n') {
            end -= 1;
        }
        if end > start && bytes.get(end - 1) == Some(&b'\r') {
            end -= 1;
        }
        Some(Span::new(start.min(text.len()), end.min(text.len())))
    }

    /// 0-based line containing `offset` (clamped to the text).
    pub fn line_of(&self, offset: usize) -> usize {
        let offset = offset.min(self.len);
        match self.starts.binary_search(&offset) {
            Ok(line) => line,
            Err(next) => next.saturating_sub(1),
        }
    }

    /// The LSP position of a byte offset.
    pub fn position(&self, text: &str, offset: usize) -> Position {
        let offset = floor_char_boundary(text, offset.min(self.len));
        let line = self.line_of(offset);
        let start = self.starts.get(line).copied().unwrap_or(0).min(offset);
        let character = text
            .get(start..offset)
            .map_or(0, |s| s.chars().map(char::len_utf16).sum::<usize>());
        Position::new(
            u32::try_from(line).unwrap_or(u32::MAX),
            u32::try_from(character).unwrap_or(u32::MAX),
        )
    }

    /// The LSP range of a byte span.
    pub fn range(&self, text: &str, span: Span) -> Range {
        let start = span.start.min(span.end);
        let end = span.end.max(span.start);
        Range::new(self.position(text, start), self.position(text, end))
    }

    /// The byte offset of an LSP position, clamping as the module doc says.
    pub fn offset(&self, text: &str, pos: Position) -> usize {
        match self.locate(text, pos) {
            Ok(o) => o,
            Err((o, _)) => o,
        }
    }

    /// The byte offset of an LSP position, or why it is not a valid place.
    pub fn offset_strict(&self, text: &str, pos: Position) -> Result<usize, BadPosition> {
        self.locate(text, pos).map_err(|(_, e)| e)
    }

    /// The byte span of an LSP range (clamped; reversed ranges are swapped).
    pub fn span(&self, text: &str, range: Range) -> Span {
        let a = self.offset(text, range.start);
        let b = self.offset(text, range.end);
        Span::new(a.min(b), a.max(b))
    }

    fn locate(&self, text: &str, pos: Position) -> Result<usize, (usize, BadPosition)> {
        let line = pos.line as usize;
        let Some(span) = self.line_span(text, line) else {
            return Err((text.len(), BadPosition::LineOutOfRange));
        };
        let Some(line_text) = text.get(span.start..span.end) else {
            return Err((span.start.min(text.len()), BadPosition::LineOutOfRange));
        };
        let want = pos.character as usize;
        let mut units = 0usize;
        for (i, c) in line_text.char_indices() {
            if units == want {
                return Ok(span.start + i);
            }
            let w = c.len_utf16();
            if units + w > want {
                // `want` points into the middle of a surrogate pair.
                return Err((span.start + i, BadPosition::InsideSurrogatePair));
            }
            units += w;
        }
        if units == want {
            Ok(span.end)
        } else {
            Err((span.end, BadPosition::ColumnOutOfRange))
        }
    }
}

/// The largest char boundary at or below `offset` (clamped to the text).
pub fn floor_char_boundary(text: &str, offset: usize) -> usize {
    let mut o = offset.min(text.len());
    while o > 0 && !text.is_char_boundary(o) {
        o -= 1;
    }
    o
}

/// Length of a string in UTF-16 code units.
pub fn utf16_len(s: &str) -> u32 {
    u32::try_from(s.chars().map(char::len_utf16).sum::<usize>()).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(line: u32, character: u32) -> Position {
        Position::new(line, character)
    }

    #[test]
    fn ascii_and_line_breaks() {
        let t = "ab\r\ncd\ref\ngh";
        let m = LineMap::new(t);
        assert_eq!(m.line_count(), 4);
        assert_eq!(m.position(t, 0), p(0, 0));
        assert_eq!(m.position(t, 2), p(0, 2));
        assert_eq!(m.position(t, 4), p(1, 0));
        assert_eq!(m.position(t, 7), p(2, 0));
        assert_eq!(m.position(t, 10), p(3, 0));
        assert_eq!(m.offset(t, p(1, 1)), 5);
        // Past the end of a line: the line end, before "\r\n".
        assert_eq!(m.offset(t, p(0, 99)), 2);
        assert_eq!(
            m.offset_strict(t, p(0, 99)),
            Err(BadPosition::ColumnOutOfRange)
        );
        // Past the last line: the end of the text.
        assert_eq!(m.offset(t, p(99, 0)), t.len());
        assert_eq!(
            m.offset_strict(t, p(99, 0)),
            Err(BadPosition::LineOutOfRange)
        );
        assert_eq!(m.position(t, 10_000), p(3, 2));
    }

    #[test]
    fn utf16_and_surrogates() {
        // "é" is 2 bytes / 1 unit, "😀" is 4 bytes / 2 units.
        let t = "é😀x\n😀";
        let m = LineMap::new(t);
        assert_eq!(m.position(t, 2), p(0, 1));
        assert_eq!(m.position(t, 6), p(0, 3));
        assert_eq!(m.offset(t, p(0, 3)), 6);
        // Middle of the surrogate pair: rounds down, strict reports it.
        assert_eq!(m.offset(t, p(0, 2)), 2);
        assert_eq!(
            m.offset_strict(t, p(0, 2)),
            Err(BadPosition::InsideSurrogatePair)
        );
        // Offset inside a multi-byte char rounds down.
        assert_eq!(m.position(t, 3), p(0, 1));
        assert_eq!(m.position(t, 1), p(0, 0));
        assert_eq!(m.offset(t, p(1, 2)), t.len());
        assert_eq!(utf16_len("é😀"), 3);
    }

    #[test]
    fn round_trip_every_boundary() {
        let t = "Artikel 1 — één\r\n\r\n😀 lid\rslot";
        let m = LineMap::new(t);
        for (i, _) in t.char_indices().chain(std::iter::once((t.len(), ' '))) {
            if t[..i].ends_with('\r') && t[i..].starts_with('\n') {
                continue; // between "\r" and "\n": not a place a client can name
            }
            let pos = m.position(t, i);
            let back = m.offset(t, pos);
            assert_eq!(back, i, "offset {i} -> {pos:?}");
        }
        assert_eq!(m.span(t, Range::new(p(0, 5), p(0, 2))), Span::new(2, 5));
        assert_eq!(LineMap::new("").position("", 5), p(0, 0));
    }
}
