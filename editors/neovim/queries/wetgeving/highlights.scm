; Copied from crates/tree-sitter-wetgeving/queries/highlights.scm — keep in sync (editors/neovim/README.md).
; Highlights for Dutch draft legislation and toelichting.

(heading_marker) @punctuation.special

(heading
  label: (label) @keyword
  number: (number) @number)
(heading label: (label) @keyword)
(heading section: (section_number) @number)
(heading section: (roman_number) @number)
(heading title: (text) @markup.heading)
(heading change: (change_letter) @label)

(unit_line label: (label) @keyword)
(unit_line number: (number) @number)

(lid marker: (lid_marker) @markup.list.numbered)
(onderdeel marker: (onderdeel_marker) @markup.list)
(sub_onderdeel marker: (sub_marker) @markup.list)
(change_label change: (change_letter) @label)
(section_line section: (section_number) @number)
(roman_line section: (roman_number) @number)
(list_item marker: (bullet) @markup.list)
(quote marker: (quote_marker) @punctuation.special)
(quote text: (text) @markup.quote)
(table_row marker: (pipe) @punctuation.delimiter)

(comment) @comment
(html) @tag
