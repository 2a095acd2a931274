//! The source map from the virtual Markdown text back to the original file,
//! and the line writer the readers use to build both at once.
//!
//! A [`SourceMap`] is a sorted list of segments. Each segment starts at a
//! virtual byte offset and has an origin in the source: a byte offset in a
//! text source (XML), or a paragraph and character column (.docx, which has
//! no lines). A *verbatim* segment was copied character by character, so an
//! offset inside it maps to the same distance inside the source; any other
//! segment (markers such as `### Artikel`, collapsed whitespace, decoded
//! entities) maps every offset to its origin.

use std::sync::Arc;

/// Where a piece of virtual text came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// Byte offset in the (decoded) source text.
    Byte(usize),
    /// 1-based paragraph number and 1-based character column in it (.docx).
    Para { row: u32, col: u32 },
}

#[derive(Debug, Clone, Copy)]
struct Segment {
    virt: usize,
    origin: Origin,
    verbatim: bool,
}

/// Maps byte offsets of a virtual text back to positions in its source.
#[derive(Debug, Clone, Default)]
pub struct SourceMap {
    segments: Vec<Segment>,
    /// The virtual text (for counting characters inside verbatim segments).
    virt: Arc<str>,
    /// The source text, for text sources.
    source: Option<Arc<str>>,
    /// Byte offsets of line starts in `source`.
    line_starts: Arc<[usize]>,
}

fn line_starts(text: &str) -> Arc<[usize]> {
    let mut v = vec![0];
    v.extend(
        text.bytes()
            .enumerate()
            .filter(|(_, b)| *b == b'\n')
            .map(|(i, _)| i + 1),
    );
    v.into()
}

fn floor_char(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

impl SourceMap {
    /// The identity map of a text onto itself (Markdown and plain text).
    pub fn identity(text: &str) -> SourceMap {
        let source: Arc<str> = Arc::from(text);
        SourceMap {
            segments: vec![Segment {
                virt: 0,
                origin: Origin::Byte(0),
                verbatim: true,
            }],
            virt: source.clone(),
            line_starts: line_starts(text),
            source: Some(source),
        }
    }

    /// The source text, for text sources (XML); `None` for .docx.
    pub fn source_text(&self) -> Option<&str> {
        self.source.as_deref()
    }

    fn segment(&self, offset: usize) -> Option<&Segment> {
        let i = self
            .segments
            .partition_point(|s| s.virt <= offset)
            .checked_sub(1)?;
        self.segments.get(i)
    }

    /// Byte offset in the source text for a virtual offset (text sources only).
    pub fn source_offset(&self, virtual_offset: usize) -> Option<usize> {
        let src = self.source.as_deref()?;
        let seg = self.segment(virtual_offset)?;
        let Origin::Byte(b) = seg.origin else {
            return None;
        };
        let off = if seg.verbatim {
            b + virtual_offset.saturating_sub(seg.virt)
        } else {
            b
        };
        Some(floor_char(src, off))
    }

    /// The source position (1-based row and column) of a virtual offset.
    /// Columns count characters. For .docx the row is the paragraph number.
    pub fn locate(&self, virtual_offset: usize) -> (u32, u32) {
        let Some(seg) = self.segment(virtual_offset) else {
            return (1, 1);
        };
        self.locate_in(seg, virtual_offset)
    }

    fn locate_in(&self, seg: &Segment, virtual_offset: usize) -> (u32, u32) {
        match seg.origin {
            Origin::Byte(b) => {
                let off = if seg.verbatim {
                    b + virtual_offset.saturating_sub(seg.virt)
                } else {
                    b
                };
                self.row_col(off)
            }
            Origin::Para { row, col } => {
                if !seg.verbatim {
                    return (row, col);
                }
                let from = floor_char(&self.virt, seg.virt);
                let to = floor_char(&self.virt, virtual_offset.max(seg.virt));
                let n = self.virt.get(from..to).map_or(0, |s| s.chars().count());
                (row, col.saturating_add(n as u32))
            }
        }
    }

    /// Source positions of a virtual range `start..end`; the end is exclusive
    /// and mapped through the segment of the last character of the range.
    pub fn locate_range(&self, start: usize, end: usize) -> ((u32, u32), (u32, u32)) {
        let from = self.locate(start);
        if end <= start {
            return (from, from);
        }
        let last = floor_char(&self.virt, end - 1);
        let to = match self.segment(last) {
            Some(seg) if seg.verbatim => self.locate_in(seg, end),
            Some(seg) => {
                let (r, c) = self.locate_in(seg, last);
                (r, c.saturating_add(1))
            }
            None => from,
        };
        (from, to.max(from))
    }

    /// Source byte range of a virtual range (text sources only).
    pub fn source_range(&self, start: usize, end: usize) -> Option<(usize, usize)> {
        let s = self.source_offset(start)?;
        if end <= start {
            return Some((s, s));
        }
        let last = floor_char(&self.virt, end - 1);
        let seg = self.segment(last)?;
        let src = self.source.as_deref()?;
        let e = match seg.origin {
            Origin::Byte(b) if seg.verbatim => b + end.saturating_sub(seg.virt),
            Origin::Byte(b) => {
                // One source character (or entity) at the origin.
                let rest = src.get(b..).unwrap_or("");
                b + rest.chars().next().map_or(0, char::len_utf8)
            }
            Origin::Para { .. } => return None,
        };
        let e = floor_char(src, e);
        Some((s, e.max(s)))
    }

    fn row_col(&self, off: usize) -> (u32, u32) {
        let Some(src) = self.source.as_deref() else {
            return (1, 1);
        };
        let off = floor_char(src, off);
        let line = self
            .line_starts
            .partition_point(|&s| s <= off)
            .saturating_sub(1);
        let start = self.line_starts.get(line).copied().unwrap_or(0).min(off);
        let col = src.get(start..off).map_or(0, |s| s.chars().count());
        ((line + 1) as u32, (col + 1) as u32)
    }
}

/// A growing text with its segments: used both for one line and for the
/// whole virtual document.
#[derive(Debug, Default, Clone)]
pub(crate) struct Writer {
    text: String,
    segs: Vec<Segment>,
    /// Characters in the last segment (for merging docx segments).
    last_chars: usize,
}

impl Writer {
    pub(crate) fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    pub(crate) fn as_str(&self) -> &str {
        &self.text
    }

    /// Appends synthetic text: every byte maps to `origin`.
    pub(crate) fn synth(&mut self, s: &str, origin: Origin) {
        if s.is_empty() {
            return;
        }
        let merge = self
            .segs
            .last()
            .is_some_and(|l| !l.verbatim && l.origin == origin);
        if !merge {
            self.segs.push(Segment {
                virt: self.text.len(),
                origin,
                verbatim: false,
            });
            self.last_chars = 0;
        }
        self.text.push_str(s);
    }

    /// Appends one character copied verbatim from `origin`.
    pub(crate) fn verbatim(&mut self, c: char, origin: Origin) {
        let merge = self.segs.last().is_some_and(|l| {
            l.verbatim
                && match (l.origin, origin) {
                    (Origin::Byte(a), Origin::Byte(b)) => a + (self.text.len() - l.virt) == b,
                    (Origin::Para { row: r1, col: c1 }, Origin::Para { row: r2, col: c2 }) => {
                        r1 == r2 && c1 as usize + self.last_chars == c2 as usize
                    }
                    _ => false,
                }
        });
        if !merge {
            self.segs.push(Segment {
                virt: self.text.len(),
                origin,
                verbatim: true,
            });
            self.last_chars = 0;
        }
        self.text.push(c);
        self.last_chars += 1;
    }

    /// Appends another writer's text and segments.
    pub(crate) fn append(&mut self, other: &Writer) {
        let base = self.text.len();
        for s in &other.segs {
            self.segs.push(Segment {
                virt: base + s.virt,
                ..*s
            });
        }
        self.last_chars = other.last_chars;
        self.text.push_str(&other.text);
    }

    /// Removes trailing ASCII spaces (their segments are kept; harmless).
    pub(crate) fn trim_end(&mut self) {
        let t = self.text.trim_end_matches(' ').len();
        self.text.truncate(t);
        while self.segs.last().is_some_and(|s| s.virt >= t && t > 0) {
            self.segs.pop();
            self.last_chars = 0;
        }
    }

    /// Finishes into the virtual text and its map. `source` is the decoded
    /// source text for text sources, `None` for .docx.
    pub(crate) fn finish(self, source: Option<Arc<str>>) -> (String, SourceMap) {
        let virt: Arc<str> = Arc::from(self.text.as_str());
        let starts = source.as_deref().map(line_starts).unwrap_or_default();
        let mut segments = self.segs;
        if segments.is_empty() {
            segments.push(Segment {
                virt: 0,
                origin: match source {
                    Some(_) => Origin::Byte(0),
                    None => Origin::Para { row: 1, col: 1 },
                },
                verbatim: false,
            });
        }
        (
            self.text,
            SourceMap {
                segments,
                virt,
                source,
                line_starts: starts,
            },
        )
    }
}

/// One logical line of the virtual text being built: a marker ("### ",
/// "1. ") and a body whose whitespace runs collapse to one space.
#[derive(Debug, Clone)]
pub(crate) struct Line {
    pub(crate) marker: String,
    pub(crate) marker_origin: Origin,
    pub(crate) body: Writer,
    pending: Option<Origin>,
    /// Written directly after the previous line, without a blank line (table rows).
    pub(crate) tight: bool,
}

impl Line {
    pub(crate) fn new(marker: impl Into<String>, origin: Origin) -> Line {
        Line {
            marker: marker.into(),
            marker_origin: origin,
            body: Writer::default(),
            pending: None,
            tight: false,
        }
    }

    pub(crate) fn is_blank(&self) -> bool {
        self.body.is_empty()
    }

    pub(crate) fn text(&self) -> &str {
        self.body.as_str()
    }

    fn flush_space(&mut self) {
        if let Some(o) = self.pending.take()
            && !self.body.is_empty()
        {
            self.body.synth(" ", o);
        }
    }

    /// Adds one source character; ASCII whitespace collapses.
    pub(crate) fn push(&mut self, c: char, origin: Origin, verbatim: bool) {
        if c.is_ascii_whitespace() || c == '\u{200b}' {
            if self.pending.is_none() {
                self.pending = Some(origin);
            }
            return;
        }
        // Keep the virtual text free of control characters.
        if c.is_control() {
            return;
        }
        self.flush_space();
        if verbatim {
            self.body.verbatim(c, origin);
        } else {
            let mut buf = [0u8; 4];
            self.body.synth(c.encode_utf8(&mut buf), origin);
        }
    }

    /// Adds synthetic text (an inline marker), after any pending space.
    pub(crate) fn synth(&mut self, s: &str, origin: Origin) {
        self.flush_space();
        self.body.synth(s, origin);
    }

    /// Adds synthetic text that closes an inline span: a pending space
    /// stays pending, so it comes after the marker.
    pub(crate) fn synth_close(&mut self, s: &str, origin: Origin) {
        self.body.synth(s, origin);
    }

    /// A word separator (e.g. for `<br/>` or between joined paragraphs).
    pub(crate) fn space(&mut self, origin: Origin) {
        if self.pending.is_none() {
            self.pending = Some(origin);
        }
    }

    /// Appends another line's body (after any pending space).
    pub(crate) fn join_body(&mut self, other: &Line) {
        if other.body.is_empty() {
            return;
        }
        self.flush_space();
        self.body.append(&other.body);
    }
}

/// The lines of one virtual document, in order.
#[derive(Debug, Default)]
pub(crate) struct Doc {
    pub(crate) lines: Vec<Line>,
}

impl Doc {
    pub(crate) fn push(&mut self, line: Line) {
        self.lines.push(line);
    }

    /// True if no line has text.
    pub(crate) fn is_empty(&self) -> bool {
        self.lines
            .iter()
            .all(|l| l.is_blank() && l.marker.trim().is_empty())
    }

    /// Writes the lines, separated by blank lines, into text and map.
    pub(crate) fn finish(self, source: Option<Arc<str>>) -> (String, SourceMap) {
        let mut w = Writer::default();
        let mut first = true;
        let mut last = None;
        for mut line in self.lines {
            if line.is_blank() && line.marker.trim().is_empty() {
                continue;
            }
            line.body.trim_end();
            if !first {
                w.synth(if line.tight { "\n" } else { "\n\n" }, line.marker_origin);
            }
            first = false;
            w.synth(&line.marker, line.marker_origin);
            w.append(&line.body);
            last = Some(line.marker_origin);
        }
        if let Some(o) = last {
            w.synth("\n", o);
        }
        w.finish(source)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identity_map() {
        let m = SourceMap::identity("ab\ncdé f");
        assert_eq!(m.locate(0), (1, 1));
        assert_eq!(m.locate(4), (2, 2));
        assert_eq!(m.locate(7), (2, 4));
        assert_eq!(m.source_offset(7), Some(7));
        assert_eq!(m.locate_range(3, 5), ((2, 1), (2, 3)));
    }

    #[test]
    fn lines_collapse_whitespace_and_map_verbatim() {
        let src = "<a>\n  een  twee</a>";
        let mut line = Line::new("### ", Origin::Byte(0));
        for (i, c) in src.char_indices().skip(3).take(12) {
            line.push(c, Origin::Byte(i), true);
        }
        let mut doc = Doc::default();
        doc.push(line);
        let (text, map) = doc.finish(Some(Arc::from(src)));
        assert_eq!(text, "### een twee\n");
        // "een" maps to line 2, column 3; "twee" to column 8.
        assert_eq!(map.locate(4), (2, 3));
        assert_eq!(map.locate(8), (2, 8));
        // The marker maps to its origin; the collapsed space to the first blank.
        assert_eq!(map.locate(0), (1, 1));
        assert_eq!(map.locate_range(8, 12), ((2, 8), (2, 12)));
        assert_eq!(map.source_range(8, 12), Some((11, 15)));
    }

    #[test]
    fn paragraph_positions() {
        let mut line = Line::new("", Origin::Para { row: 3, col: 1 });
        for (i, c) in "één twee".chars().enumerate() {
            line.push(
                c,
                Origin::Para {
                    row: 3,
                    col: i as u32 + 1,
                },
                true,
            );
        }
        let mut doc = Doc::default();
        doc.push(line);
        let (text, map) = doc.finish(None);
        let t = text.find("twee").unwrap_or(0);
        assert_eq!(map.locate(t), (3, 5));
        assert_eq!(map.locate_range(t, t + 4), ((3, 5), (3, 9)));
        assert!(map.source_offset(t).is_none());
    }
}
