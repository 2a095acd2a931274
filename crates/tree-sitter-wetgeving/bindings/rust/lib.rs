//! tree-sitter grammar for Dutch draft legislation (wet, AMvB, ministeriële
//! regeling, wijzigingsregeling) and its toelichting, in plain text or Markdown.
//!
//! The grammar is line-structured and flat: it classifies each line (heading,
//! lid, onderdeel, sub-onderdeel, wijzigingsonderdeel, section number, …) and
//! leaves the unit hierarchy to `wetlint_syntax`. Any input parses.
//!
//! ```
//! let mut parser = tree_sitter::Parser::new();
//! parser
//!     .set_language(&tree_sitter_wetgeving::LANGUAGE.into())
//!     .expect("grammar ABI matches the tree-sitter runtime");
//! let tree = parser.parse("### Artikel 1\n\n1. Tekst.\n", None).expect("parse");
//! assert_eq!(tree.root_node().kind(), "document");
//! ```

use tree_sitter_language::LanguageFn;

unsafe extern "C" {
    fn tree_sitter_wetgeving() -> *const ();
}

/// The tree-sitter [`LanguageFn`] for this grammar.
#[allow(unsafe_code)]
pub const LANGUAGE: LanguageFn = unsafe { LanguageFn::from_raw(tree_sitter_wetgeving) };

/// The content of the [`node-types.json`] file for this grammar.
pub const NODE_TYPES: &str = include_str!("../../src/node-types.json");

/// Syntax highlighting query (also used by Neovim and by the tests).
pub const HIGHLIGHTS_QUERY: &str = include_str!("../../queries/highlights.scm");

/// Folding query for editors that support tree-sitter folds.
pub const FOLDS_QUERY: &str = include_str!("../../queries/folds.scm");

#[cfg(test)]
mod tests {
    #[test]
    fn can_load_grammar() {
        let mut parser = tree_sitter::Parser::new();
        parser
            .set_language(&super::LANGUAGE.into())
            .expect("Error loading wetgeving parser");
    }

    #[test]
    fn queries_compile() {
        let language: tree_sitter::Language = super::LANGUAGE.into();
        tree_sitter::Query::new(&language, super::HIGHLIGHTS_QUERY).expect("highlights.scm");
        tree_sitter::Query::new(&language, super::FOLDS_QUERY).expect("folds.scm");
    }
}
