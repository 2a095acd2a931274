//! The typed document model of Dutch draft legislation and its toelichting.
//!
//! [`parse`] turns text (plain text or Markdown) into a [`Document`]: its
//! [`DocumentKind`], opschrift and citeertitel, aanhef and considerans, the
//! unit hierarchy rebuilt from label words, articles with leden, onderdelen
//! and sub-onderdelen, begripsbepalingen, internal and external references
//! (internal ones resolved), delegation clauses, and for a toelichting its
//! heading tree and artikelsgewijze entries.
//!
//! Invariants:
//! * parsing never fails and never panics: problems are [`SyntaxError`] values;
//! * no I/O, no knowledge of rules;
//! * every node keeps its byte [`Span`]; [`Document::line_index`] gives rows
//!   and columns (1-based, columns in characters).
//!
//! [`SyntaxTree`] keeps the tree-sitter tree for incremental reparsing, as
//! the language server needs.

mod build;
mod clauses;
mod defs;
mod delegation;
mod kind;
mod line_index;
pub mod lines;
mod model;
pub mod numbers;
pub mod outline;
mod refs;
mod suppress;
mod toelichting;

pub use line_index::{LineCol, LineIndex};
pub use model::*;
pub use refs::resolve;

/// Parses `text` into a document. `file_name` (the base name) helps kind
/// detection when the text does not say what it is.
pub fn parse(text: &str, file_name: Option<&str>) -> Document {
    SyntaxTree::new(text).document(text, file_name)
}

/// Builds a document from an already classified line stream (used by
/// readers of other formats that produce [`lines::Line`] values).
pub fn build_from_lines(text: &str, lines: &[lines::Line], file_name: Option<&str>) -> Document {
    build::build(text, lines, file_name)
}

/// A tree-sitter parse tree that can be edited and reparsed incrementally.
pub struct SyntaxTree {
    parser: tree_sitter::Parser,
    tree: Option<tree_sitter::Tree>,
}

impl std::fmt::Debug for SyntaxTree {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SyntaxTree")
            .field("has_tree", &self.tree.is_some())
            .finish()
    }
}

/// One text edit in byte offsets: `old_start..old_end` of the old text was
/// replaced by `new_len` bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TextEdit {
    pub old_start: usize,
    pub old_end: usize,
    pub new_len: usize,
}

fn point_at(text: &str, offset: usize) -> tree_sitter::Point {
    let offset = offset.min(text.len());
    let before = &text.as_bytes()[..offset];
    let row = before.iter().filter(|&&b| b == b'\n').count();
    let col = before.iter().rev().take_while(|&&b| b != b'\n').count();
    tree_sitter::Point { row, column: col }
}

impl SyntaxTree {
    /// Parses `text` from scratch.
    pub fn new(text: &str) -> Self {
        let mut parser = tree_sitter::Parser::new();
        // The grammar and runtime come from the same workspace; a mismatch
        // would be a build error in practice. If it happens, we fall back to
        // an empty tree and a document built from no lines.
        let ok = parser
            .set_language(&tree_sitter_wetgeving::LANGUAGE.into())
            .is_ok();
        let tree = if ok { parser.parse(text, None) } else { None };
        SyntaxTree { parser, tree }
    }

    /// Applies an edit and reparses incrementally. `old_text` is the text
    /// before the edit, `new_text` after it.
    pub fn edit(&mut self, old_text: &str, new_text: &str, edit: TextEdit) {
        let valid = edit.old_start <= edit.old_end
            && edit.old_end <= old_text.len()
            && edit.old_start + edit.new_len <= new_text.len();
        if let (Some(tree), true) = (self.tree.as_mut(), valid) {
            let new_end = edit.old_start + edit.new_len;
            tree.edit(&tree_sitter::InputEdit {
                start_byte: edit.old_start,
                old_end_byte: edit.old_end,
                new_end_byte: new_end,
                start_position: point_at(old_text, edit.old_start),
                old_end_position: point_at(old_text, edit.old_end),
                new_end_position: point_at(new_text, new_end),
            });
            self.tree = self.parser.parse(new_text, self.tree.as_ref());
        } else {
            self.tree = self.parser.parse(new_text, None);
        }
    }

    /// The raw tree-sitter tree, if parsing produced one.
    pub fn tree(&self) -> Option<&tree_sitter::Tree> {
        self.tree.as_ref()
    }

    /// The classified lines of the current tree.
    pub fn lines(&self, text: &str) -> Vec<lines::Line> {
        match &self.tree {
            Some(tree) => lines::collect(tree.root_node(), text),
            None => Vec::new(),
        }
    }

    /// Builds the document model for the current tree.
    pub fn document(&self, text: &str, file_name: Option<&str>) -> Document {
        build::build(text, &self.lines(text), file_name)
    }
}
