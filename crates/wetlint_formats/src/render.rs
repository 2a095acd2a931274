//! The shared renderer of legal XML into the Markdown dialect: BWB, STOP and
//! officiële publicaties use the same concepts with different spellings
//! (`nr`/`Nummer`, `titel`/`Opschrift`, `li.nr`/`LiNummer`), so elements are
//! matched on lower-cased local names with aliases.
//!
//! Output conventions: `# opschrift`; divisions `## Hoofdstuk 1 Titel`;
//! articles `### Artikel 1.1 Titel`; a lid is one line `1. tekst` with all
//! its paragraphs joined (as the Basiswettenbestand Markdown does), list
//! items are lines of their own (`a. tekst`, `1°. tekst`, `- tekst`) and
//! text after a list continues its last item; tables are `| a | b |` rows.
//! Toelichting headings get `#` levels from their nesting.

use roxmltree::Node;

use crate::heading::{lid_number, list_marker};
use crate::map::{Doc, Line, Origin};
use crate::xml::{self, origin};

/// Lower-cased local name.
pub(crate) fn lname(n: Node<'_, '_>) -> String {
    xml::name(n).to_ascii_lowercase()
}

pub(crate) fn is(n: Node<'_, '_>, names: &[&str]) -> bool {
    n.is_element() && names.iter().any(|x| xml::name(n).eq_ignore_ascii_case(x))
}

pub(crate) fn find<'a, 'i>(n: Node<'a, 'i>, names: &[&str]) -> Option<Node<'a, 'i>> {
    n.children().find(|c| is(*c, names))
}

const NUMBER: [&str; 2] = ["nr", "nummer"];
const TITLE: [&str; 2] = ["titel", "opschrift"];
const LABEL: [&str; 1] = ["label"];
const LIDNR: [&str; 2] = ["lidnr", "lidnummer"];
const LINR: [&str; 2] = ["li.nr", "linummer"];

/// Division elements above the article.
pub(crate) const DIVISIONS: [&str; 13] = [
    "boek",
    "deel",
    "hoofdstuk",
    "titeldeel",
    "afdeling",
    "paragraaf",
    "sub-paragraaf",
    "subparagraaf",
    "sub-sub-paragraaf",
    "subsubparagraaf",
    "bijlage",
    "divisie",
    "verdragtekst",
];
pub(crate) const ARTICLES: [&str; 3] = ["artikel", "wijzigartikel", "enig-artikel"];
/// Elements that never hold text of the document.
pub(crate) const SKIP: [&str; 14] = [
    "meta-data",
    "jcis",
    "jci",
    "brondata",
    "noot",
    "nootref",
    "noot.ref",
    "illustratie",
    "colspec",
    "bwb-inputbestand",
    "bwb-wijzigingen",
    "redactionele-correcties",
    "metadata",
    "meta",
];

fn bwb_id(s: &str) -> Option<&str> {
    let b = s.as_bytes();
    (0..b.len().saturating_sub(10)).find_map(|i| {
        let w = s.get(i..i + 11)?;
        let ok = w.starts_with("BWB")
            && matches!(b.get(i + 3), Some(b'R' | b'V'))
            && w[4..].bytes().all(|c| c.is_ascii_digit());
        ok.then_some(w)
    })
}

/// The renderer: the source text and the lines of the document being built.
pub(crate) struct Render<'s> {
    pub(crate) src: &'s str,
    pub(crate) doc: Doc,
    pub(crate) title_done: bool,
}

/// Text flow inside an article or section: the lines so far and whether the
/// next paragraph continues the last line.
#[derive(Default)]
pub(crate) struct Flow {
    pub(crate) lines: Vec<Line>,
    pub(crate) glue: bool,
    /// Nesting of lists.
    pub(crate) depth: usize,
}

impl<'s> Render<'s> {
    pub(crate) fn new(src: &'s str) -> Self {
        Render {
            src,
            doc: Doc::default(),
            title_done: false,
        }
    }

    /// Inline content of `n` (text, emphasis, references) onto `line`.
    pub(crate) fn inline(&self, line: &mut Line, n: Node<'_, '_>) {
        for c in n.children() {
            if c.is_text() {
                xml::push_text(line, self.src, c);
                continue;
            }
            if !c.is_element() {
                continue;
            }
            let name = lname(c);
            match name.as_str() {
                "br" => line.space(origin(c)),
                _ if SKIP.contains(&name.as_str()) => {}
                "nadruk" | "i" | "b" | "strong" | "em" => {
                    let mark = match (name.as_str(), c.attribute("type")) {
                        ("i" | "em", _) | (_, Some("cur")) => "*",
                        ("b" | "strong", _) | (_, Some("vet")) => "**",
                        _ => "",
                    };
                    line.synth(mark, origin(c));
                    self.inline(line, c);
                    line.synth_close(mark, origin(c));
                }
                "extref" | "extioref" => {
                    let target = ["bwb-id", "doc", "ref", "href"]
                        .iter()
                        .filter_map(|a| c.attribute(*a))
                        .find_map(bwb_id);
                    match target {
                        Some(id) => {
                            line.synth("[", origin(c));
                            self.inline(line, c);
                            line.synth_close(
                                &format!("](https://wetten.overheid.nl/{id}/)"),
                                origin(c),
                            );
                        }
                        None => self.inline(line, c),
                    }
                }
                "al" | "tussenkop" | "li" | "lijst" => {
                    line.space(origin(c));
                    self.inline(line, c);
                }
                _ => self.inline(line, c),
            }
        }
    }

    /// A kop as one heading line: label, number and title, each mapped.
    pub(crate) fn kop_line(
        &self,
        marker: &str,
        kop: Option<Node<'_, '_>>,
        owner: Node<'_, '_>,
        default_label: Option<&str>,
    ) -> Line {
        let mut line = Line::new(marker, origin(owner));
        let Some(kop) = kop else {
            if let Some(l) = default_label {
                line.synth(l, origin(owner));
            }
            return line;
        };
        match find(kop, &LABEL) {
            Some(l) if !xml::plain_text(l).is_empty() => self.inline(&mut line, l),
            _ => {
                if let Some(l) = default_label {
                    line.synth(l, origin(kop));
                }
            }
        }
        if let Some(nr) = find(kop, &NUMBER) {
            line.space(origin(nr));
            self.inline(&mut line, nr);
        }
        if let Some(t) = find(kop, &TITLE) {
            line.space(origin(t));
            self.inline(&mut line, t);
        }
        // Any other kop text (rare) follows.
        for c in kop.children().filter(|c| c.is_element()) {
            if !is(c, &LABEL) && !is(c, &NUMBER) && !is(c, &TITLE) {
                line.space(origin(c));
                self.inline(&mut line, c);
            }
        }
        line
    }

    pub(crate) fn push(&mut self, line: Line) {
        self.doc.push(line);
    }

    pub(crate) fn push_flow(&mut self, flow: Flow) {
        for l in flow.lines {
            self.doc.push(l);
        }
    }

    /// The opschrift: `# text`, once.
    pub(crate) fn title(&mut self, n: Node<'_, '_>) {
        let mut line = Line::new(if self.title_done { "" } else { "# " }, origin(n));
        self.inline(&mut line, n);
        if !line.is_blank() {
            self.title_done = true;
            self.push(line);
        }
    }

    /// A paragraph line for `n`'s inline content.
    pub(crate) fn paragraph(&mut self, n: Node<'_, '_>) {
        let mut line = Line::new("", origin(n));
        self.inline(&mut line, n);
        self.push(line);
    }

    /// Every `al`-like descendant of `n` as its own paragraph (aanhef, sluiting).
    pub(crate) fn paragraphs(&mut self, n: Node<'_, '_>) {
        let mut any_block = false;
        for c in n.children().filter(|c| c.is_element()) {
            let name = lname(c);
            if SKIP.contains(&name.as_str()) {
                continue;
            }
            any_block = true;
            if c.children().any(|g| g.is_element() && is_blockish(g)) {
                self.paragraphs(c);
            } else {
                self.paragraph(c);
            }
        }
        if !any_block {
            self.paragraph(n);
        }
    }

    /// The body of a regulation: divisions, articles, loose text.
    pub(crate) fn body(&mut self, n: Node<'_, '_>) {
        for c in n.children().filter(|c| c.is_element()) {
            self.body_item(c);
        }
    }

    pub(crate) fn body_item(&mut self, c: Node<'_, '_>) {
        let name = lname(c);
        let nm = name.as_str();
        if SKIP.contains(&nm) || nm == "kop" || repealed(c) {
            return;
        }
        if ARTICLES.contains(&nm) {
            self.article(c);
        } else if DIVISIONS.contains(&nm) {
            let kop = find(c, &["kop"]);
            let line = self.kop_line("## ", kop, c, None);
            if !line.is_blank() {
                self.push(line);
            }
            self.body(c);
        } else if matches!(
            nm,
            "al" | "tussenkop" | "considerans.al" | "wij" | "slotformulering"
        ) {
            self.paragraph(c);
        } else if matches!(nm, "lijst" | "table" | "lid" | "begrippenlijst" | "li") {
            let mut flow = Flow::default();
            self.flow_item(&mut flow, c);
            self.push_flow(flow);
        } else if matches!(
            nm,
            "divisietekst" | "inhoud" | "tekst" | "vrije-tekst" | "wat"
        ) {
            if let Some(kop) = find(c, &["kop"]) {
                let line = self.kop_line("## ", Some(kop), c, None);
                if !line.is_blank() {
                    self.push(line);
                }
            }
            let mut flow = Flow::default();
            for g in c.children().filter(|g| g.is_element() && !is(*g, &["kop"])) {
                self.flow_item(&mut flow, g);
            }
            self.push_flow(flow);
        } else if c.children().any(|g| g.is_element()) {
            self.body(c);
        } else {
            self.paragraph(c);
        }
    }

    /// An article: heading, then leden, lists and paragraphs.
    pub(crate) fn article(&mut self, n: Node<'_, '_>) {
        let kop = find(n, &["kop"]);
        let line = self.kop_line("### ", kop, n, Some("Artikel"));
        self.push(line);
        let mut flow = Flow::default();
        for c in n.children().filter(|c| c.is_element()) {
            if is(c, &["kop"]) {
                continue;
            }
            self.flow_item(&mut flow, c);
        }
        self.push_flow(flow);
    }

    /// One element of an article's or section's text flow.
    pub(crate) fn flow_item(&self, flow: &mut Flow, c: Node<'_, '_>) {
        let name = lname(c);
        let nm = name.as_str();
        if SKIP.contains(&nm) || repealed(c) {
            return;
        }
        match nm {
            "lid" => {
                let nr = find(c, &LIDNR);
                let marker = nr
                    .map(|n| lid_number(&xml::plain_text(n)))
                    .filter(|n| !n.is_empty())
                    .map(|n| format!("{n}. "))
                    .unwrap_or_default();
                let line = Line::new(marker, nr.map_or(origin(c), origin));
                flow.lines.push(line);
                flow.glue = true;
                for g in c.children().filter(|g| g.is_element() && !is(*g, &LIDNR)) {
                    self.flow_item(flow, g);
                }
                flow.glue = false;
            }
            "al" | "wat" | "considerans.al" => {
                if flow.glue
                    && let Some(l) = flow.lines.last_mut()
                {
                    l.space(origin(c));
                    self.inline(l, c);
                } else {
                    let mut l = Line::new("", origin(c));
                    self.inline(&mut l, c);
                    flow.lines.push(l);
                }
            }
            "lijst" => {
                flow.depth += 1;
                for li in c.children().filter(|g| g.is_element()) {
                    if is(li, &["li"]) {
                        self.list_item(flow, li);
                    } else {
                        self.flow_item(flow, li);
                    }
                }
                flow.depth = flow.depth.saturating_sub(1);
                // Text after a list continues its last item (laws-markdown style).
                flow.glue = true;
            }
            "li" => self.list_item(flow, c),
            "lijstaanhef" | "lijstsluiting" => {
                let mut l = Line::new("", origin(c));
                self.inline(&mut l, c);
                flow.lines.push(l);
            }
            "tussenkop" => {
                let mut l = Line::new("", origin(c));
                self.inline(&mut l, c);
                flow.lines.push(l);
                flow.glue = false;
            }
            "table" => {
                self.table(flow, c);
                flow.glue = false;
            }
            "begrippenlijst" => {
                self.begrippen(flow, c);
                flow.glue = false;
            }
            "inhoud" | "divisietekst" | "tekst" | "vrije-tekst" | "gereserveerd" => {
                for g in c.children().filter(|g| g.is_element()) {
                    self.flow_item(flow, g);
                }
                if nm == "gereserveerd" && !c.children().any(|g| g.is_element()) {
                    let mut l = Line::new("", origin(c));
                    l.synth("[Gereserveerd]", origin(c));
                    flow.lines.push(l);
                }
            }
            "figuur" | "plaatje" | "illustratie" | "formule" => {}
            _ if ARTICLES.contains(&nm) || DIVISIONS.contains(&nm) => {
                // Nested structure inside a flow (quoted in mutations): as text.
                let kop = find(c, &["kop"]);
                let mut line = self.kop_line("", kop, c, None);
                line.tight = false;
                flow.lines.push(line);
                flow.glue = false;
                for g in c.children().filter(|g| g.is_element() && !is(*g, &["kop"])) {
                    self.flow_item(flow, g);
                }
            }
            _ => {
                if c.children().any(|g| g.is_element() && is_blockish(g)) {
                    for g in c.children().filter(|g| g.is_element()) {
                        self.flow_item(flow, g);
                    }
                } else {
                    let mut l = Line::new("", origin(c));
                    self.inline(&mut l, c);
                    if !l.is_blank() {
                        flow.lines.push(l);
                        flow.glue = false;
                    }
                }
            }
        }
    }

    fn list_item(&self, flow: &mut Flow, li: Node<'_, '_>) {
        let nr = find(li, &LINR);
        let raw = nr.map(xml::plain_text).unwrap_or_default();
        let marker = format!("{} ", list_marker(&raw));
        flow.lines
            .push(Line::new(marker, nr.map_or(origin(li), origin)));
        flow.glue = true;
        for g in li.children().filter(|g| g.is_element() && !is(*g, &LINR)) {
            self.flow_item(flow, g);
        }
        flow.glue = true;
    }

    /// `Begrippenlijst` › `Begrip` (`Term`, `Definitie`) as list items
    /// `- term: definitie;` after an intro "wordt verstaan onder:".
    fn begrippen(&self, flow: &mut Flow, n: Node<'_, '_>) {
        let has_intro = flow
            .lines
            .last()
            .is_some_and(|l| l.text().to_lowercase().contains("verstaan onder"));
        if !has_intro {
            // Synthetic: the model recognises definitions after an intro.
            let mut l = Line::new("", origin(n));
            l.synth("In deze regeling wordt verstaan onder:", origin(n));
            flow.lines.push(l);
        }
        let begrippen: Vec<Node<'_, '_>> = n.children().filter(|c| is(*c, &["begrip"])).collect();
        let count = begrippen.len();
        for (i, b) in begrippen.into_iter().enumerate() {
            let mut l = Line::new("- ", origin(b));
            if let Some(t) = find(b, &["term"]) {
                self.inline(&mut l, t);
            }
            l.synth_close(":", origin(b));
            if let Some(d) = find(b, &["definitie"]) {
                l.space(origin(d));
                self.inline(&mut l, d);
            }
            let t = l.text().trim_end();
            if !t.ends_with([';', '.', ':']) {
                l.synth_close(if i + 1 == count { "." } else { ";" }, origin(b));
            }
            flow.lines.push(l);
            // Lists inside a definition follow as their own lines.
        }
        flow.glue = false;
    }

    /// Tables (CALS `table`/`tgroup`/`row`/`entry`) row by row.
    fn table(&self, flow: &mut Flow, n: Node<'_, '_>) {
        let mut first = true;
        for d in n.descendants().filter(|d| d.is_element()) {
            let nm = lname(d);
            if nm == "title" {
                let mut l = Line::new("", origin(d));
                self.inline(&mut l, d);
                flow.lines.push(l);
            }
            if nm != "row" {
                continue;
            }
            let mut l = Line::new("|", origin(d));
            for e in d.children().filter(|e| is(*e, &["entry"])) {
                l.synth(" ", origin(e));
                self.inline(&mut l, e);
                l.synth_close(" |", origin(e));
            }
            l.tight = !first;
            first = false;
            flow.lines.push(l);
        }
    }

    /// A toelichting: title, sections with `#` levels, paragraphs.
    pub(crate) fn toelichting(&mut self, n: Node<'_, '_>, title: &str) {
        let kop = find(n, &["kop"]);
        let kop_line = self.kop_line("# ", kop, n, None);
        let kop_says = kop_line.text().to_lowercase().contains("toelichting");
        if kop_says {
            self.push(kop_line);
        } else {
            let mut l = Line::new("# ", origin(n));
            l.synth(title, origin(n));
            self.push(l);
            if !kop_line.is_blank() {
                let mut k = kop_line;
                k.marker = "## ".into();
                self.push(k);
            }
        }
        self.title_done = true;
        self.sections(n, 2);
    }

    /// Sections of a toelichting at heading depth `depth`.
    pub(crate) fn sections(&mut self, n: Node<'_, '_>, depth: usize) {
        let mut flow = Flow::default();
        for c in n.children().filter(|c| c.is_element()) {
            let nm = lname(c);
            if nm == "kop" || SKIP.contains(&nm.as_str()) {
                continue;
            }
            let has_kop = find(c, &["kop"]).is_some();
            let sectionish = has_kop
                && (matches!(
                    nm.as_str(),
                    "algemenetoelichting"
                        | "artikelgewijzetoelichting"
                        | "divisie"
                        | "divisietekst"
                        | "paragraaf"
                        | "hoofdstuk"
                        | "afdeling"
                        | "deel"
                        | "artikel"
                        | "bijlage"
                        | "toelichting"
                ) || nm.contains("toelichting"));
            let container = matches!(
                nm.as_str(),
                "algemenetoelichting" | "artikelgewijzetoelichting"
            );
            if sectionish || container {
                self.push_flow(std::mem::take(&mut flow));
                let hashes = "#".repeat(depth.min(6));
                let line = self.kop_line(&format!("{hashes} "), find(c, &["kop"]), c, None);
                if !line.is_blank() {
                    self.push(line);
                }
                self.sections(c, if has_kop { depth + 1 } else { depth });
            } else if nm == "tussenkop" {
                self.push_flow(std::mem::take(&mut flow));
                let text = xml::plain_text(c);
                let entry = [
                    "Artikel",
                    "Artikelen",
                    "Onderdeel",
                    "Onderdelen",
                    "Enig artikel",
                ]
                .iter()
                .any(|p| text.starts_with(p));
                let hashes = "#".repeat((depth + usize::from(entry)).min(6));
                let mut l = Line::new(format!("{hashes} "), origin(c));
                self.inline(&mut l, c);
                self.push(l);
            } else if !has_kop
                && (matches!(nm.as_str(), "tekst" | "vrije-tekst")
                    || c.children()
                        .any(|g| is(g, &["tussenkop", "divisie", "divisietekst"])))
            {
                // A wrapper without heading: its sections at this depth.
                self.push_flow(std::mem::take(&mut flow));
                self.sections(c, depth);
            } else {
                self.flow_item(&mut flow, c);
            }
        }
        self.push_flow(flow);
    }
}

/// A repealed element of a consolidated text (BWB `status="vervallen"`):
/// left out, as the Basiswettenbestand Markdown does.
fn repealed(n: Node<'_, '_>) -> bool {
    n.attribute("status") == Some("vervallen")
}

/// True for elements that hold paragraphs rather than inline text.
pub(crate) fn is_blockish(n: Node<'_, '_>) -> bool {
    is(
        n,
        &[
            "al",
            "lijst",
            "li",
            "lid",
            "table",
            "tussenkop",
            "inhoud",
            "divisietekst",
            "begrippenlijst",
            "considerans.al",
            "wij",
            "considerans",
            "afkondiging",
            "ondertekening",
            "slotformulering",
            "gegeven",
            "artikel",
            "tekst",
        ],
    )
}

/// A line with synthetic text only (for fixed headings).
pub(crate) fn synthetic(marker: &str, text: &str, at: Origin) -> Line {
    let mut l = Line::new(marker, at);
    l.synth(text, at);
    l
}
