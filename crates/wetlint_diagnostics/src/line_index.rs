//! [`LineIndex`]: converts between byte offsets and 1-based
//! [`Position`]s (row, column in `char`s) for one file's text.
//!
//! Conversions never panic: offsets past the end clamp to the end, offsets
//! inside a multi-byte character snap back to the start of that character,
//! and out-of-range positions clamp to the nearest valid place.

use crate::model::{Position, TextRange};

/// Start offsets of the lines of one text.
///
/// The index does not keep the text; pass the same text to every method.
/// Passing another text never panics, but gives meaningless results.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineIndex {
    /// Byte offset of the start of each line; always starts with 0.
    line_starts: Vec<usize>,
}

impl LineIndex {
    /// Indexes the lines of `text`. Lines end after `\n`; a `\r` before it
    /// belongs to the line it ends.
    pub fn new(text: &str) -> Self {
        let mut line_starts = Vec::with_capacity(text.len() / 40 + 1);
        line_starts.push(0);
        line_starts.extend(
            text.bytes()
                .enumerate()
                .filter(|&(_, byte)| byte == b'\n')
                .map(|(i, _)| i + 1),
        );
        Self { line_starts }
    }

    /// Number of lines (a text ending in `\n` has an empty last line).
    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }

    /// Byte offset of the start of the 1-based `row`, if it exists.
    pub fn line_start(&self, row: u32) -> Option<usize> {
        let index = usize::try_from(row).ok()?.checked_sub(1)?;
        self.line_starts.get(index).copied()
    }

    /// The 1-based position of byte `offset` in `text`.
    pub fn position(&self, text: &str, offset: usize) -> Position {
        let offset = floor_char_boundary(text, offset);
        // Index of the last line start <= offset; line_starts[0] == 0.
        let line = self
            .line_starts
            .partition_point(|&start| start <= offset)
            .saturating_sub(1);
        let line_start = self.line_starts.get(line).copied().unwrap_or(0).min(offset);
        let columns = text
            .get(line_start..offset)
            .map_or(0, |slice| slice.chars().count());
        Position {
            row: saturating_u32(line + 1),
            column: saturating_u32(columns + 1),
        }
    }

    /// Start and end position of `range` in `text`.
    pub fn positions(&self, text: &str, range: TextRange) -> (Position, Position) {
        (
            self.position(text, range.start),
            self.position(text, range.end),
        )
    }

    /// The byte offset of `position` in `text`.
    ///
    /// A row of 0 counts as 1, a row past the last line gives `text.len()`;
    /// a column of 0 counts as 1, a column past the end of the line gives the
    /// offset of the line's end (its `\n`, or the end of the text).
    pub fn offset(&self, text: &str, position: Position) -> usize {
        let row = position.row.max(1);
        let Some(line_start) = self.line_start(row) else {
            return text.len();
        };
        let line_start = floor_char_boundary(text, line_start);
        let line_end = self
            .line_start(row.saturating_add(1))
            .map_or(text.len(), |next| next.saturating_sub(1))
            .clamp(line_start, text.len());
        let line_end = floor_char_boundary(text, line_end);
        let wanted = usize::try_from(position.column.max(1) - 1).unwrap_or(usize::MAX);
        let line = text.get(line_start..line_end).unwrap_or("");
        match line.char_indices().nth(wanted) {
            Some((index, _)) => line_start + index,
            None => line_end,
        }
    }
}

/// The largest char boundary `<= offset`, and at most `text.len()`.
pub(crate) fn floor_char_boundary(text: &str, offset: usize) -> usize {
    let mut offset = offset.min(text.len());
    while offset > 0 && !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// The smallest char boundary `>= offset`, and at most `text.len()`.
pub(crate) fn ceil_char_boundary(text: &str, offset: usize) -> usize {
    let mut offset = offset.min(text.len());
    while offset < text.len() && !text.is_char_boundary(offset) {
        offset += 1;
    }
    offset
}

fn saturating_u32(value: usize) -> u32 {
    u32::try_from(value).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pos(row: u32, column: u32) -> Position {
        Position::new(row, column)
    }

    #[test]
    fn ascii_positions() {
        let text = "ab\ncd\n";
        let index = LineIndex::new(text);
        assert_eq!(index.line_count(), 3);
        assert_eq!(index.position(text, 0), pos(1, 1));
        assert_eq!(index.position(text, 2), pos(1, 3));
        assert_eq!(index.position(text, 3), pos(2, 1));
        assert_eq!(index.position(text, 5), pos(2, 3));
        assert_eq!(index.position(text, 6), pos(3, 1));
    }

    #[test]
    fn columns_count_chars_not_bytes() {
        // "ë" and "é" are two bytes each.
        let text = "één\nbeëindigen";
        let index = LineIndex::new(text);
        let offset = text.find('n').unwrap();
        assert_eq!(index.position(text, offset), pos(1, 3));
        let offset = text.find("indigen").unwrap();
        assert_eq!(index.position(text, offset), pos(2, 4));
        assert_eq!(index.offset(text, pos(2, 4)), offset);
    }

    #[test]
    fn offsets_clamp_safely() {
        let text = "aé\nb";
        let index = LineIndex::new(text);
        // Past the end clamps to the end.
        assert_eq!(index.position(text, 999), pos(2, 2));
        // Inside "é" (bytes 1..3) snaps back to its start.
        assert_eq!(index.position(text, 2), pos(1, 2));
        assert_eq!(index.position("", 5), pos(1, 1));
    }

    #[test]
    fn position_to_offset_round_trips_and_clamps() {
        let text = "één\r\ntwee\n\ndrie";
        let index = LineIndex::new(text);
        for offset in 0..=text.len() {
            if text.is_char_boundary(offset) {
                let position = index.position(text, offset);
                assert_eq!(index.offset(text, position), offset, "offset {offset}");
            }
        }
        assert_eq!(index.offset(text, pos(0, 0)), 0);
        assert_eq!(index.offset(text, pos(99, 1)), text.len());
        // Past the end of line 2 ("twee") gives the offset of its '\n'.
        let newline = text.find("twee").unwrap() + 4;
        assert_eq!(index.offset(text, pos(2, 50)), newline);
        assert_eq!(index.offset(text, pos(u32::MAX, u32::MAX)), text.len());
    }

    #[test]
    fn wrong_text_does_not_panic() {
        let index = LineIndex::new("a\nb\nc\nd\n");
        let other = "é";
        for offset in 0..10 {
            let position = index.position(other, offset);
            let _ = index.offset(other, position);
        }
        for row in 0..8 {
            for column in 0..4 {
                let _ = index.offset(other, pos(row, column));
            }
        }
    }

    #[test]
    fn char_boundary_helpers() {
        let text = "aé";
        assert_eq!(floor_char_boundary(text, 2), 1);
        assert_eq!(ceil_char_boundary(text, 2), 3);
        assert_eq!(ceil_char_boundary(text, 10), 3);
    }
}
