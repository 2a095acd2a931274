// Does a Markdown or plain-text file look like a draft regulation or a
// toelichting? Used to offer switching it to the `wetgeving` language. Pure.

const ARTICLE = /^\s{0,3}(?:#{1,6}\s+)?Artikel\s+[0-9IVXLC][0-9a-zA-Z.:]*\b/m;
const ARTICLE_G = /^\s{0,3}(?:#{1,6}\s+)?Artikel\s+[0-9IVXLC][0-9a-zA-Z.:]*\b/gm;
const TOELICHTING = /^\s{0,3}(?:#{1,6}\s+)?(Memorie van toelichting|Nota van toelichting|Toelichting)\s*$/im;
const UNIT = /^\s{0,3}(?:#{1,6}\s+)?(Hoofdstuk|Afdeling|Paragraaf|§)\s+\d/m;
const FORMULA = /(Wij Willem-Alexander|Allen, die deze zullen zien of horen lezen|wordt verstaan onder:)/;

export function looksLikeDraft(text: string): boolean {
  const head = text.length > 200_000 ? text.slice(0, 200_000) : text;
  const articles = head.match(ARTICLE_G)?.length ?? 0;
  if (TOELICHTING.test(head) && (articles > 0 || /Artikelsgewijs/i.test(head))) {
    return true;
  }
  if (articles >= 2 && (UNIT.test(head) || FORMULA.test(head))) {
    return true;
  }
  return articles >= 3 || (ARTICLE.test(head) && FORMULA.test(head));
}
