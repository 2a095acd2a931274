//! Turns the tree-sitter parse tree into a flat stream of classified lines.
//!
//! This is the only module that knows the grammar's node kinds. Everything
//! after it works on [`Line`] values, so other front ends (XML readers) can
//! feed the same model builder.

use tree_sitter::Node;

use crate::Span;

/// Line classes, mirroring the grammar's line nodes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineKind {
    /// `#` heading, with its number of hashes.
    Heading(u8),
    /// A bare label line ("Artikel 3").
    UnitLine,
    Lid,
    Onderdeel,
    Sub,
    /// `A`, `B`, `AA` alone on a line (or `### A`).
    Change,
    /// `2.3 Tekst`
    Section,
    /// `I. Tekst`
    Roman,
    ListItem,
    Quote,
    Table,
    Comment,
    Html,
    Paragraph,
    /// Only whitespace, or a parse error region (kept as text).
    Blank,
}

/// One classified line with the spans of its parts.
#[derive(Debug, Clone)]
pub struct Line {
    pub kind: LineKind,
    /// The whole line content, without the newline.
    pub span: Span,
    /// Marker of lid/onderdeel/sub/list/quote/heading, or the section number.
    pub marker: Option<Span>,
    /// Label word of a unit heading ("Artikel").
    pub label: Option<Span>,
    /// Unit number after the label.
    pub number: Option<Span>,
    /// Text after the marker/label/number (title or content).
    pub text: Option<Span>,
    /// The line came from a tree-sitter ERROR region.
    pub error: bool,
}

impl Line {
    fn new(kind: LineKind, span: Span) -> Self {
        Line {
            kind,
            span,
            marker: None,
            label: None,
            number: None,
            text: None,
            error: false,
        }
    }
}

fn span(node: Node<'_>) -> Span {
    Span::new(node.start_byte(), node.end_byte())
}

/// Collects the lines of a parsed document in order. ERROR regions become
/// paragraph lines of their own text (best effort, never a failure).
pub fn collect(root: Node<'_>, text: &str) -> Vec<Line> {
    let mut out = Vec::with_capacity(root.child_count() as usize);
    let mut cursor = root.walk();
    for child in root.children(&mut cursor) {
        push_node(child, text, &mut out);
    }
    out
}

fn push_node(node: Node<'_>, text: &str, out: &mut Vec<Line>) {
    let kind = node.kind();
    let s = span(node);
    let line = match kind {
        "indent" => return,
        "heading" => {
            let marker = node.child_by_field_name("marker").map(span);
            let hashes = marker
                .and_then(|m| text.get(m.start..m.end))
                .map(|m| m.bytes().take_while(|b| *b == b'#').count() as u8)
                .unwrap_or(1);
            let mut l = Line::new(LineKind::Heading(hashes), trim_newline(s, text));
            l.marker = marker;
            l.label = node.child_by_field_name("label").map(span);
            l.number = node
                .child_by_field_name("number")
                .or_else(|| node.child_by_field_name("section"))
                .map(span);
            if let Some(c) = node.child_by_field_name("change") {
                l.number = Some(trim_newline(span(c), text));
                l.kind = LineKind::Change;
            }
            l.text = node.child_by_field_name("title").map(span);
            l
        }
        "unit_line" => {
            let mut l = Line::new(LineKind::UnitLine, s);
            l.label = node.child_by_field_name("label").map(span);
            l.number = node.child_by_field_name("number").map(span);
            l.text = node.child_by_field_name("title").map(span);
            l
        }
        "change_label" => {
            let mut l = Line::new(LineKind::Change, trim_newline(s, text));
            l.number = Some(trim_newline(s, text));
            l
        }
        "lid" | "onderdeel" | "sub_onderdeel" | "list_item" | "quote" | "table_row" => {
            let k = match kind {
                "lid" => LineKind::Lid,
                "onderdeel" => LineKind::Onderdeel,
                "sub_onderdeel" => LineKind::Sub,
                "list_item" => LineKind::ListItem,
                "quote" => LineKind::Quote,
                _ => LineKind::Table,
            };
            let mut l = Line::new(k, s);
            l.marker = node.child_by_field_name("marker").map(span);
            l.text = node.child_by_field_name("text").map(span);
            l
        }
        "section_line" | "roman_line" => {
            let k = if kind == "section_line" {
                LineKind::Section
            } else {
                LineKind::Roman
            };
            let mut l = Line::new(k, s);
            l.marker = node.child_by_field_name("section").map(span);
            l.text = node.child_by_field_name("text").map(span);
            l
        }
        "paragraph_line" => {
            let mut l = Line::new(LineKind::Paragraph, s);
            l.text = Some(s);
            l
        }
        "comment" => Line::new(LineKind::Comment, s),
        "html" => Line::new(LineKind::Html, s),
        _ => {
            // ERROR or an unexpected node: keep its text as a paragraph line
            // per physical line, so nothing is lost.
            if node.is_error() || node.is_missing() || node.child_count() == 0 {
                for piece in split_lines(s, text) {
                    let mut l = Line::new(LineKind::Paragraph, piece);
                    l.text = Some(piece);
                    l.error = node.is_error();
                    out.push(l);
                }
            } else {
                let mut cursor = node.walk();
                for child in node.children(&mut cursor) {
                    push_node(child, text, out);
                }
            }
            return;
        }
    };
    out.push(line);
}

fn trim_newline(s: Span, text: &str) -> Span {
    let mut end = s.end;
    let bytes = text.as_bytes();
    while end > s.start && matches!(bytes.get(end - 1), Some(b'\n' | b'\r')) {
        end -= 1;
    }
    Span::new(s.start, end)
}

fn split_lines(s: Span, text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut start = s.start;
    let end = s.end.min(bytes.len());
    let mut i = s.start;
    while i < end {
        if bytes[i] == b'\n' || bytes[i] == b'\r' {
            if i > start {
                out.push(Span::new(start, i));
            }
            start = i + 1;
        }
        i += 1;
    }
    if end > start {
        out.push(Span::new(start, end));
    }
    out
}
