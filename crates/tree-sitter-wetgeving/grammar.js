/**
 * @file Line-structured grammar for Dutch draft legislation and its toelichting.
 * @license EUPL-1.2
 *
 * The grammar classifies every line of a plain-text or Markdown draft: headings
 * (Markdown `#` or a bare label word such as "Artikel"), leden, onderdelen,
 * sub-onderdelen, wijzigingsonderdelen ("A", "B", "AA"), toelichting section
 * numbers ("2.3", "I."), list items, quotes, table rows, HTML comments
 * (suppressions) and plain text. It deliberately stays flat: the unit
 * hierarchy (Boek > Hoofdstuk > Afdeling > Paragraaf > Artikel > lid) is
 * rebuilt by `wetlint_syntax` from the label words, because real repositories
 * put every unit at the same Markdown level.
 *
 * The grammar has no `extras`: horizontal whitespace is part of the tokens, and
 * every line ends with a newline token (except possibly the last one), so any
 * byte sequence parses without ERROR nodes.
 */

/// <reference types="tree-sitter-cli/dsl" />
// @ts-check

const LABELS = [
  'Boek', 'Deel', 'Hoofdstuk', 'Titel', 'Afdeling', 'Paragraaf', 'Artikel',
  'Artikelen', 'Bijlage', 'Aanwijzing', 'Onderdeel', 'Onderdelen',
];

export default grammar({
  name: 'wetgeving',

  extras: _ => [],

  supertypes: $ => [$._content],

  rules: {
    document: $ => seq(
      repeat(choice(
        seq(optional($._line), $._newline),
        $._terminated_line,
      )),
      optional($._line),
    ),

    // Lines whose last token already contains the newline.
    _terminated_line: $ => choice(
      $.change_label,
      alias($._change_heading, $.heading),
    ),

    // `### A` in laws-markdown: an amendment item under `### Artikel I`.
    _change_heading: $ => seq(
      field('marker', $.heading_marker),
      field('change', $.change_letter),
    ),

    // Leading indentation is its own token, so an indented lid or paragraph
    // is still recognised; a line of only whitespace is an `indent` alone.
    _line: $ => choice(
      seq($.indent, optional($._content)),
      $._content,
    ),

    _content: $ => choice(
      $.heading,
      $.unit_line,
      $.lid,
      $.onderdeel,
      $.sub_onderdeel,
      $.section_line,
      $.roman_line,
      $.list_item,
      $.quote,
      $.table_row,
      $.comment,
      $.html,
      $.paragraph_line,
    ),

    // `### Artikel 1.1 Begripsbepalingen`, `##Wet van ...`, `####Title`.
    heading: $ => seq(
      field('marker', $.heading_marker),
      optional(choice(
        seq(
          field('label', $.label),
          optional(field('number', $.number)),
          optional(field('title', $.text)),
        ),
        seq(
          field('section', $.section_number),
          optional(field('title', $.text)),
        ),
        seq(
          field('section', $.roman_number),
          optional(field('title', $.text)),
        ),
        field('title', $.text),
      )),
    ),

    // A bare label line in a plain-text draft: `Artikel 3` or `Hoofdstuk 2. Toezicht`.
    // Whether it is really a heading (and not a sentence that starts with
    // "Artikel 5 is ...") is decided by the document model.
    unit_line: $ => seq(
      field('label', $.label),
      optional(field('number', $.number)),
      optional(field('title', $.text)),
    ),

    lid: $ => seq(field('marker', $.lid_marker), optional(field('text', $.text))),
    onderdeel: $ => seq(field('marker', $.onderdeel_marker), optional(field('text', $.text))),
    sub_onderdeel: $ => seq(field('marker', $.sub_marker), optional(field('text', $.text))),
    // `A`, `B`, `AA` alone on a line: an amendment item in a wijzigingsregeling.
    change_label: $ => field('change', $.change_letter),
    // `2.3 Gevolgen voor de regeldruk` (toelichting sections; also decimal leden in odd drafts).
    section_line: $ => seq(field('section', $.section_number), optional(field('text', $.text))),
    // `I. ALGEMEEN`, `II. ARTIKELSGEWIJS`.
    roman_line: $ => seq(field('section', $.roman_number), optional(field('text', $.text))),
    list_item: $ => seq(field('marker', $.bullet), optional(field('text', $.text))),
    quote: $ => seq(field('marker', $.quote_marker), optional(field('text', $.text))),
    table_row: $ => seq(field('marker', $.pipe), optional(field('text', $.text))),
    paragraph_line: $ => field('text', $.text),

    // ---- tokens -------------------------------------------------------------

    heading_marker: _ => token(prec(5, /#{1,6}[ \t]*/)),

    label: _ => token(prec(4, choice(
      seq(choice(...LABELS), /\.?[ \t\u00a0]+/),
      seq(/Enig/, /[ \t\u00a0]+/, /[Aa]rtikel/, /[ \t\u00a0]*/),
      seq('§', /[ \t\u00a0]*/),
    ))),

    // Unit numbers: 1, 12a, 1.1, 1:1, 2.3.4b, 126m, 509aa, I, IV, A (Bijlage A).
    number: _ => token(prec(3, choice(
      /[0-9]+[0-9a-z.:\-]*[ \t\u00a0]*/,
      /[A-Z]{1,3}[\-. ]?[0-9][0-9a-z.:\-]*[ \t\u00a0]*/,
      /[IVXLCDMl]+[a-zA-Z]{0,2}[ \t\u00a0.:]+/,
      /[A-Z][ \t\u00a0.:]+/,
    ))),

    lid_marker: _ => token(prec(3, /[0-9]+[a-z]?\.[ \t\u00a0]+/)),
    onderdeel_marker: _ => token(prec(3, /[a-z]{1,3}\.[ \t\u00a0]+/)),
    sub_marker: _ => token(prec(3, /[0-9]+[a-z]?[°º][.)]?[ \t\u00a0]*/)),
    change_letter: _ => token(prec(3, /[A-Z]{1,3}[ \t\u00a0]*\r?\n/)),
    section_number: _ => token(prec(3, /[0-9]+(\.[0-9]+)+\.?[ \t\u00a0]+/)),
    roman_number: _ => token(prec(3, /[IVXLC]+[.,][ \t\u00a0]*/)),
    bullet: _ => token(prec(3, /[-*+–•][ \t\u00a0]+/)),
    quote_marker: _ => token(prec(3, /> ?/)),
    pipe: _ => token(prec(3, '|')),
    comment: _ => token(prec(6, seq('<!--', repeat(choice(/[^-]/, /-[^-]/, /--+[^->]/)), /--+>/, /[^\r\n]*/))),
    html: _ => token(prec(2, /<[a-zA-Z\/!][^\r\n]*/)),
    indent: _ => token(prec(1, /[ \t\u00a0\u200b\ufeff]+/)),

    text: _ => token(prec(0, /[^\r\n]+/)),

    _newline: _ => /\r?\n|\r/,
  },
});
