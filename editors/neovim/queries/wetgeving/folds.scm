; Copied from crates/tree-sitter-wetgeving/queries/folds.scm — keep in sync (editors/neovim/README.md).
; Multi-line HTML comments (suppression blocks) fold. Unit folding (Hoofdstuk,
; Artikel) needs the hierarchy that wetlint_syntax rebuilds; the language
; server offers it as LSP folding ranges instead.
(comment) @fold
