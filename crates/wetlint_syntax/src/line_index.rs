//! Byte offset ↔ (row, column) conversion for one text.
//!
//! Rows and columns are 1-based; columns count Unicode scalar values
//! (characters), as the CLI's JSON contract requires. The language server
//! converts to UTF-16 at its own edge.

use serde::Serialize;

/// A 1-based row and a 1-based column counted in characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct LineCol {
    pub row: u32,
    pub column: u32,
}

/// Line start offsets of a text, for fast offset → position lookups.
#[derive(Debug, Clone, Default)]
pub struct LineIndex {
    line_starts: Vec<usize>,
    len: usize,
}

impl LineIndex {
    /// Indexes `text`. A line ends at `\n`, at `\r\n` or at a lone `\r`.
    pub fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        let mut line_starts = vec![0];
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'\n' => line_starts.push(i + 1),
                b'\r' if bytes.get(i + 1) != Some(&b'\n') => line_starts.push(i + 1),
                _ => {}
            }
            i += 1;
        }
        Self {
            line_starts,
            len: text.len(),
        }
    }

    /// Number of lines (an empty text has one line).
    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }

    /// Byte offset where 0-based `line` starts, if it exists.
    pub fn line_start(&self, line: usize) -> Option<usize> {
        self.line_starts.get(line).copied()
    }

    /// 0-based line that contains `offset` (clamped to the text).
    pub fn line_of(&self, offset: usize) -> usize {
        let offset = offset.min(self.len);
        match self.line_starts.binary_search(&offset) {
            Ok(line) => line,
            Err(next) => next.saturating_sub(1),
        }
    }

    /// Converts a byte offset to a 1-based row and character column. Offsets
    /// past the end clamp to the end; offsets inside a multi-byte character
    /// count as that character.
    pub fn line_col(&self, text: &str, offset: usize) -> LineCol {
        let offset = offset.min(self.len).min(text.len());
        let line = self.line_of(offset);
        let start = self.line_starts[line].min(offset);
        let column = text
            .get(start..)
            .map(|rest| {
                rest.char_indices()
                    .take_while(|(i, c)| start + i + c.len_utf8() <= offset)
                    .count()
            })
            .unwrap_or(0);
        LineCol {
            row: (line + 1) as u32,
            column: (column + 1) as u32,
        }
    }

    /// Converts a 1-based row and character column back to a byte offset,
    /// clamping to the line's end and to the text.
    pub fn offset(&self, text: &str, pos: LineCol) -> usize {
        let line = (pos.row.max(1) - 1) as usize;
        let Some(&start) = self.line_starts.get(line) else {
            return self.len;
        };
        let end = self.line_starts.get(line + 1).copied().unwrap_or(self.len);
        let line_text = text.get(start..end).unwrap_or("");
        let col = (pos.column.max(1) - 1) as usize;
        start
            + line_text
                .char_indices()
                .nth(col)
                .map(|(i, _)| i)
                .unwrap_or(line_text.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_are_one_based_and_count_chars() {
        let text = "ab\nëé x\r\nz\rq";
        let idx = LineIndex::new(text);
        assert_eq!(idx.line_count(), 4);
        assert_eq!(idx.line_col(text, 0), LineCol { row: 1, column: 1 });
        let x = text.find('x').unwrap_or(0);
        assert_eq!(idx.line_col(text, x), LineCol { row: 2, column: 4 });
        assert_eq!(idx.offset(text, LineCol { row: 2, column: 4 }), x);
        let q = text.find('q').unwrap_or(0);
        assert_eq!(idx.line_col(text, q), LineCol { row: 4, column: 1 });
        assert_eq!(idx.line_col(text, 10_000).row, 4);
        // Inside the two-byte "ë": counts as that character.
        assert_eq!(idx.line_col(text, 4), LineCol { row: 2, column: 1 });
    }
}
