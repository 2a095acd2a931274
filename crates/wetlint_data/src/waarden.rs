//! `rules/waarden.toml`: the public-values lexicon (with its false-positive
//! guards) and the doenvermogen term list, and the [`ValueLexicon`] that
//! finds values in a text.
//!
//! Every form is an explicit word form or phrase; there is no stemming.
//! Exclusions (`uitsluitingen`, `uitsluitpatronen`) take part in the
//! leftmost-longest resolution and then disappear, so they swallow any value
//! form they overlap when they start at or before it (`naar evenredigheid`,
//! `de betrokkene`, `gelijkwaardige maatregel`). `andere_betekenis` phrases
//! produce a hit tagged with a `sense` (e.g. `financieel`), so rules can
//! count it weakly or not at all.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use serde::Deserialize;
use toml::Spanned;

use crate::common::{
    Patroon, PreparedText, Text, Uitsluiting, canonical_form, canonical_order, check_forms,
    check_regex, check_unique_ids, s,
};
use crate::error::{DataProblem, ProblemKind, Problems, Source};
use crate::lexicon::{Lexicon, LexiconBuilder, compile_regex};
use crate::normalize::normalize;
use crate::signalen::{SignaalLijst, SignalLexicon};

/// The file `waarden.toml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WaardenFile {
    #[serde(default)]
    pub waarde: Vec<Waarde>,
    /// The doenvermogen term list (UITV-008), with the same fields as a
    /// list in `signalen.toml`; its id is `doenvermogen`.
    pub doenvermogen: SignaalLijst,
}

/// Value groups.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ValueGroup {
    /// The five core values of the BZK sturingsvisie (2025).
    BzkKern,
    /// The eight steering values for UWV and SVB (wetsvoorstel proactieve dienstverlening).
    UwvSvb,
    /// All 21 values of the policy documents.
    Sturingsvisie,
    /// The efficiency/effectiveness family (New Public Management).
    Npm,
    /// Legal principles that often carry the same argument (optional).
    Aanverwant,
}

/// The category of a value form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ValueCategory {
    /// `zelfstandig_nw`
    Noun,
    /// `bijv_nw`
    Adjective,
    /// `negatief`
    Negative,
    /// `verwant`
    Related,
}

/// A phrase in which a value word has another sense.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AndereBetekenis {
    pub vormen: Vec<Text>,
    /// Short label, e.g. `financieel`, `technisch`, `bestuurlijk`.
    pub betekenis: String,
    pub reden: String,
}

/// One public value.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Waarde {
    pub id: Text,
    pub naam: String,
    pub groepen: Vec<Spanned<ValueGroup>>,
    #[serde(default)]
    pub zelfstandig_nw: Vec<Text>,
    #[serde(default)]
    pub bijv_nw: Vec<Text>,
    #[serde(default)]
    pub negatief: Vec<Text>,
    #[serde(default)]
    pub verwant: Vec<Text>,
    #[serde(default)]
    pub uitsluitingen: Vec<Uitsluiting>,
    #[serde(default)]
    pub uitsluitpatronen: Vec<Patroon>,
    #[serde(default)]
    pub andere_betekenis: Vec<AndereBetekenis>,
    #[serde(default)]
    pub opmerking: Option<String>,
    pub bron: String,
}

impl Waarde {
    pub fn id(&self) -> &str {
        s(&self.id)
    }
    pub fn groups(&self) -> impl Iterator<Item = ValueGroup> + '_ {
        self.groepen.iter().map(|g| *g.get_ref())
    }
    pub fn in_group(&self, g: ValueGroup) -> bool {
        self.groups().any(|x| x == g)
    }
    /// All forms with their category.
    pub fn forms(&self) -> impl Iterator<Item = (&str, ValueCategory)> {
        fn cat(v: &[Text], c: ValueCategory) -> impl Iterator<Item = (&str, ValueCategory)> {
            v.iter().map(move |t| (s(t), c))
        }
        cat(&self.zelfstandig_nw, ValueCategory::Noun)
            .chain(cat(&self.bijv_nw, ValueCategory::Adjective))
            .chain(cat(&self.negatief, ValueCategory::Negative))
            .chain(cat(&self.verwant, ValueCategory::Related))
    }
}

/// One value found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValueHit<'d> {
    pub value_id: &'d str,
    /// The form that matched, as written in the data.
    pub form: &'d str,
    pub category: ValueCategory,
    /// `Some(label)` when the phrase is listed under `andere_betekenis`.
    pub sense: Option<&'d str>,
    /// Byte range in the original text.
    pub range: Range<usize>,
}

#[derive(Debug)]
enum Kind {
    Form(ValueCategory),
    Sense(ValueCategory, String),
    Exclusion,
}

#[derive(Debug)]
struct ValuePayload {
    value_id: String,
    form: String,
    kind: Kind,
}

/// Finds public values in a text.
pub struct ValueLexicon {
    lexicon: Lexicon<ValuePayload>,
}

impl ValueLexicon {
    /// All value mentions in `text` with the exclusions applied, in text
    /// order. A form shared by two values yields one hit per value.
    pub fn find_in<'d>(&'d self, text: &str) -> Vec<ValueHit<'d>> {
        self.find_in_prepared(&PreparedText::new(text))
    }

    /// As [`Self::find_in`], on a text prepared once for several lexicons.
    pub fn find_in_prepared<'d>(&'d self, text: &PreparedText<'_>) -> Vec<ValueHit<'d>> {
        let mut out = Vec::new();
        for hit in self.lexicon.find(text.original(), text.normalized()) {
            for p in hit.payloads {
                let (category, sense) = match &p.kind {
                    Kind::Form(c) => (*c, None),
                    Kind::Sense(c, label) => (*c, Some(label.as_str())),
                    Kind::Exclusion => continue,
                };
                out.push(ValueHit {
                    value_id: &p.value_id,
                    form: &p.form,
                    category,
                    sense,
                    range: hit.range.clone(),
                });
            }
        }
        out
    }
}

pub(crate) fn validate(src: &Source<'_>, file: &WaardenFile, problems: &mut Problems) {
    check_unique_ids(
        src,
        "waarde-id",
        file.waarde.iter().map(|w| &w.id),
        problems,
    );
    let mut all_forms: HashMap<String, &str> = HashMap::new();
    for w in &file.waarde {
        if w.groepen.is_empty() {
            problems.push(src.problem(
                Some(w.id.span()),
                ProblemKind::Empty,
                format!("waarde `{}` heeft geen `groepen`", w.id()),
            ));
        }
        let mut groups = HashSet::new();
        for g in &w.groepen {
            if !groups.insert(*g.get_ref()) {
                problems.push(src.problem(
                    Some(g.span()),
                    ProblemKind::Duplicate,
                    "groep staat twee keer in `groepen`",
                ));
            }
        }
        if w.zelfstandig_nw.is_empty() && w.bijv_nw.is_empty() {
            problems.push(src.problem(
                Some(w.id.span()),
                ProblemKind::Empty,
                format!(
                    "waarde `{}` heeft geen `zelfstandig_nw` en geen `bijv_nw`",
                    w.id()
                ),
            ));
        }
        if w.bron.trim().is_empty() {
            problems.push(src.problem(
                Some(w.id.span()),
                ProblemKind::Empty,
                format!("waarde `{}` heeft een lege `bron`", w.id()),
            ));
        }
        for (name, list) in [
            ("zelfstandig_nw", &w.zelfstandig_nw),
            ("bijv_nw", &w.bijv_nw),
            ("negatief", &w.negatief),
            ("verwant", &w.verwant),
        ] {
            check_forms(src, name, list, problems);
        }
        // One form, one category within a value.
        let mut own: HashMap<String, &str> = HashMap::new();
        for (name, list) in [
            ("zelfstandig_nw", &w.zelfstandig_nw),
            ("bijv_nw", &w.bijv_nw),
            ("negatief", &w.negatief),
            ("verwant", &w.verwant),
        ] {
            for f in list {
                let n = normalize(s(f).trim());
                if let Some(prev) = own.get(&n)
                    && *prev != name
                {
                    problems.push(src.problem(
                        Some(f.span()),
                        ProblemKind::Duplicate,
                        format!("vorm `{n}` staat al in `{prev}` van `{}`", w.id()),
                    ));
                }
                own.insert(n.clone(), name);
                all_forms.entry(n).or_insert(w.id());
            }
        }
        for u in &w.uitsluitingen {
            if u.vormen.is_empty() {
                problems.push(src.problem(
                    Some(w.id.span()),
                    ProblemKind::Empty,
                    "uitsluiting zonder `vormen`",
                ));
            }
            check_forms(src, "uitsluitingen", &u.vormen, problems);
        }
        for a in &w.andere_betekenis {
            if a.vormen.is_empty() {
                problems.push(src.problem(
                    Some(w.id.span()),
                    ProblemKind::Empty,
                    "andere_betekenis zonder `vormen`",
                ));
            }
            if a.betekenis.trim().is_empty() {
                problems.push(src.problem(
                    Some(w.id.span()),
                    ProblemKind::Empty,
                    "andere_betekenis met lege `betekenis`",
                ));
            }
            check_forms(src, "andere_betekenis", &a.vormen, problems);
        }
        for p in &w.uitsluitpatronen {
            check_regex(src, p, problems);
        }
    }
    // An exclusion or other-sense phrase must not also be a value form.
    for w in &file.waarde {
        let guards = w
            .uitsluitingen
            .iter()
            .flat_map(|u| &u.vormen)
            .chain(w.andere_betekenis.iter().flat_map(|a| &a.vormen));
        for f in guards {
            let n = normalize(s(f).trim());
            if let Some(owner) = all_forms.get(&n) {
                problems.push(src.problem(
                    Some(f.span()),
                    ProblemKind::Duplicate,
                    format!("`{n}` is een uitsluiting of andere betekenis, maar ook een vorm van `{owner}`"),
                ));
            }
        }
    }
    crate::signalen::validate_list(src, &file.doenvermogen, problems);
    if file.doenvermogen.id() != "doenvermogen" {
        problems.push(src.problem(
            Some(file.doenvermogen.id.span()),
            ProblemKind::Invalid,
            "de tabel [doenvermogen] hoort `id = \"doenvermogen\"` te hebben",
        ));
    }
}

/// Category of the longest form of `w` contained (as whole words) in
/// `phrase`, or [`ValueCategory::Related`].
fn contained_category(w: &Waarde, phrase: &str) -> ValueCategory {
    let phrase = normalize(phrase);
    let mut best: Option<(usize, ValueCategory)> = None;
    for (form, cat) in w.forms() {
        let form = normalize(form);
        let mut from = 0;
        while let Some(pos) = phrase[from..].find(&form) {
            let start = from + pos;
            let r = start..start + form.len();
            if crate::normalize::on_word_boundaries(&phrase, &r)
                && best.is_none_or(|(len, _)| form.len() > len)
            {
                best = Some((form.len(), cat));
            }
            from = start + form.len().max(1);
            while from < phrase.len() && !phrase.is_char_boundary(from) {
                from += 1;
            }
            if from >= phrase.len() {
                break;
            }
        }
    }
    best.map_or(ValueCategory::Related, |(_, c)| c)
}

pub(crate) fn compile(file: &WaardenFile) -> Result<(ValueLexicon, SignalLexicon), String> {
    let mut b = LexiconBuilder::new();
    for w in &file.waarde {
        for (form, cat) in w.forms() {
            b.literal(
                form,
                false,
                0,
                ValuePayload {
                    value_id: w.id().to_string(),
                    form: form.to_string(),
                    kind: Kind::Form(cat),
                },
            );
        }
        for a in &w.andere_betekenis {
            for f in &a.vormen {
                b.literal(
                    s(f),
                    false,
                    0,
                    ValuePayload {
                        value_id: w.id().to_string(),
                        form: s(f).to_string(),
                        kind: Kind::Sense(contained_category(w, s(f)), a.betekenis.clone()),
                    },
                );
            }
        }
        for u in &w.uitsluitingen {
            for f in &u.vormen {
                b.literal(
                    s(f),
                    false,
                    1,
                    ValuePayload {
                        value_id: w.id().to_string(),
                        form: s(f).to_string(),
                        kind: Kind::Exclusion,
                    },
                );
            }
        }
        for p in &w.uitsluitpatronen {
            let re =
                compile_regex(p.pattern(), p.hoofdlettergevoelig).map_err(|e| e.to_string())?;
            b.regex(
                re,
                p.hoofdlettergevoelig,
                1,
                ValuePayload {
                    value_id: w.id().to_string(),
                    form: p.pattern().to_string(),
                    kind: Kind::Exclusion,
                },
            );
        }
    }
    let values = ValueLexicon {
        lexicon: b.build()?,
    };
    let doen = crate::signalen::compile_list(&file.doenvermogen)?;
    Ok((values, doen))
}

pub(crate) fn canonical(src: &Source<'_>, file: &WaardenFile, out: &mut Vec<DataProblem>) {
    canonical_order(
        src,
        "waarde-id",
        file.waarde.iter().map(|w| (w.id(), w.id.span())),
        out,
    );
    for w in &file.waarde {
        let lists = [&w.zelfstandig_nw, &w.bijv_nw, &w.negatief, &w.verwant];
        for f in lists.into_iter().flatten() {
            canonical_form(src, "waarde", f, out);
        }
        for f in w.uitsluitingen.iter().flat_map(|u| &u.vormen) {
            canonical_form(src, "uitsluitingen", f, out);
        }
        for f in w.andere_betekenis.iter().flat_map(|a| &a.vormen) {
            canonical_form(src, "andere_betekenis", f, out);
        }
    }
    crate::signalen::canonical_list(src, &file.doenvermogen, out);
}
