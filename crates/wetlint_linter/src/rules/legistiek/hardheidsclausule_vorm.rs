use std::sync::LazyLock;

use wetlint_diagnostics::Severity;
use wetlint_regex::Regex;
use wetlint_syntax::{Container, ReferenceKind, Resolution, Span};

use super::slot::{article_body, article_name, in_quotes, is_checked_regulation};
use crate::rule::{Category, I, Rule, RuleMeta, Scope, Status, W};
use crate::text::sentences;
use crate::{Context, Finding, Findings, Source, Which};

crate::declare_rule! {
    /// ## Wat het controleert
    /// De vorm van elke hardheidsclausule in de regeling: een bepaling met
    /// "onbillijkheid van overwegende aard", of een artikel met het opschrift
    /// "Hardheidsclausule". Ook een hardheidsclausule die een
    /// wijzigingsregeling in een andere regeling invoegt, telt mee.
    ///
    /// - De clausule noemt concreet van welke artikelen (leden, onderdelen)
    ///   kan worden afgeweken, en niet "deze wet" of "het bepaalde bij of
    ///   krachtens deze wet" als geheel (Ar 5.26, eerste lid), tenzij de
    ///   toelichting uitlegt waarom een algemene clausule nodig is.
    /// - De clausule noemt het belang waarop de afwijking is gericht: "gelet
    ///   op het belang van …" of "gelet op het belang dat deze wet beoogt te
    ///   beschermen" (Ar 5.26, tweede lid).
    /// - De clausule gebruikt de maatstaf "onbillijkheid van overwegende aard".
    /// - De toelichting motiveert de clausule (Ar 5.25). Dit wordt alleen
    ///   gecontroleerd als de toelichting is meegegeven.
    /// - Info: de artikelen waarvan mag worden afgeweken gaan over derden
    ///   (zienswijzen, bedenkingen, derde-belanghebbenden); afwijking kan dan
    ///   derden raken (Ar 5.25, tweede lid).
    ///
    /// De regel zwijgt over een hardheidsclausule die alleen tussen
    /// aanhalingstekens staat (een tekst die wordt vervangen), over een
    /// clausule die wel concrete bepalingen noemt ("het eerste lid", "artikel
    /// 2.1"), en over de motivering als de toelichting ergens op de
    /// hardheidsclausule of de onbillijkheid ingaat.
    ///
    /// ## Waarom
    /// Een hardheidsclausule geeft een bestuursorgaan de bevoegdheid om van de
    /// wet af te wijken. Dat raakt het primaat van de wetgever en werkt vaak
    /// conflictopwekkend. Daarom is terughoudendheid geboden, en als er toch een
    /// clausule komt, moet zij zo concreet mogelijk zijn en in de toelichting
    /// worden gemotiveerd. Tegelijk vraagt het kabinet ruimte voor de menselijke
    /// maat: de regel vraagt dus niet om een clausule, maar om een goed
    /// gevormde en gemotiveerde keuze.
    ///
    /// ## Voorbeeld
    /// "Onze Minister kan in bijzondere gevallen van deze wet afwijken voor
    /// zover toepassing zal leiden tot een onbillijkheid van overwegende aard."
    ///
    /// ## In plaats daarvan
    /// Het model van Ar 5.26: "[bestuursorgaan] kan artikel … buiten toepassing
    /// laten of daarvan afwijken voor zover toepassing, gelet op het belang van
    /// [doel of strekking], zal leiden tot een onbillijkheid van overwegende
    /// aard." Leg in de toelichting uit voor welke gevallen de clausule is
    /// bedoeld en waarom een algemene regel daar niet volstaat.
    ///
    /// ## Bron
    /// Aanwijzingen 5.25 en 5.26 (2012: 131 en 131a).
    pub struct HardheidsclausuleVorm {
        code: "LEG-011",
        name: "hardheidsclausule-vorm",
        category: Category::Legistiek,
        summary: "Een hardheidsclausule wijkt af van het model of is niet gemotiveerd",
        severity: [W, W, W, I],
        status: Status::Stable,
        scope: Scope::Paar,
        aanwijzingen: &["5.25", "5.26"],
        aliases: &[],
    }
}

static HARDHEID: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)onbillijkhe(?:id|den)\s+van\s+overwegende\s+aard").expect("valid regex")
});
static AFWIJKING_CLAUSULE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\bbuiten\s+toepassing\b|\bafwijk\w*|\baf\s+te\s+wijken\b|\bwijk\w*\s+(?:\w+\s+){0,6}?af\b")
        .expect("valid regex")
});
static AFWIJKING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\bbuiten\s+toepassing\b|\bafwijk\w*|\baf\s+te\s+wijken\b|\bwijk\w*\s+(?:\w+\s+){0,6}?af\b|\bontheffing\b")
        .expect("valid regex")
});
/// A concrete designation of provisions.
static CONCREET: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:artikel(?:en)?\s+\d|art\.\s*\d|(?:eerste|tweede|derde|vierde|vijfde|zesde|zevende|achtste|negende|tiende|vorige|voorgaande)\s+(?:en\s+\w+\s+)?(?:lid|leden)\b|\bleden\b|onderde(?:e)?l(?:en)?\s+[a-z]\b|hoofdstuk(?:ken)?\s+[\dIVX]|paragra(?:af|fen)\s+\d|§\s*\d|afdeling(?:en)?\s+\d|titel\s+\d|dit\s+artikel|die\s+bepaling|deze\s+bepaling)",
    )
    .expect("valid regex")
});
/// The whole regulation as the object of the deviation.
static ALGEMEEN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:deze|dit)\s+(?:wet|besluit|regeling|beleidsregel)\b|\bdeze\s+regels\b")
        .expect("valid regex")
});
/// "gelet op het belang van …", with the phrase itself (removed before the concreteness test).
static BELANG: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:gelet\s+op|gezien|in\s+het\s+licht\s+van|met\s+het\s+oog\s+op)\s+(?:het|de)\s+(?:belang|belangen|doel|doelen|doelstelling|doelstellingen|strekking)\b[^,]*",
    )
    .expect("valid regex")
});
static ALGEMEEN_MOTIVERING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:algeme\w*|generie\w*|gehele|hele\s+(?:wet|regeling)|alle\s+(?:bepalingen|artikelen)|niet\s+(?:precies\s+)?(?:te\s+)?voorzien\w*|onvoorzien\w*|voorzienbaar)")
        .expect("valid regex")
});
static DERDEN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:derde-belanghebbenden?|derde\s+belanghebbenden?|zienswijzen?|bedenkingen)\b",
    )
    .expect("valid regex")
});

const MODEL: &str = "Model (Ar 5.26): \"[bestuursorgaan] kan artikel … buiten toepassing laten of daarvan afwijken voor \
     zover toepassing, gelet op het belang van [doel of strekking], zal leiden tot een onbillijkheid van overwegende aard.\"";

/// One hardheidsclausule: the sentence that holds it.
struct Clausule {
    article: usize,
    span: Span,
    /// The sentence has the "onbillijkheid van overwegende aard" standard.
    maatstaf: bool,
}

fn clausules(r: &Source<'_>) -> Vec<Clausule> {
    let doc = r.doc;
    let mut out: Vec<Clausule> = Vec::new();
    for b in &doc.blocks {
        let Container::Article { index } = b.container else {
            continue;
        };
        if matches!(
            b.kind,
            wetlint_syntax::BlockKind::Heading | wetlint_syntax::BlockKind::Comment
        ) {
            continue;
        }
        for s in sentences(r.text, b.text) {
            let t = r.slice(s);
            // A hardheidsclausule deviates from rules; "onbillijkheid van
            // overwegende aard" as the criterion of another power (a
            // terugvordering, an ontheffing) is not one.
            if let Some(m) = HARDHEID.find(t)
                && !in_quotes(r.text, b.text, s.start + m.start())
                && AFWIJKING_CLAUSULE.is_match(t)
            {
                out.push(Clausule {
                    article: index,
                    span: s,
                    maatstaf: true,
                });
            }
        }
    }
    // An article titled "Hardheidsclausule" without the standard.
    for (i, a) in doc.articles.iter().enumerate() {
        let titled = a
            .title
            .as_deref()
            .is_some_and(|t| t.to_lowercase().contains("hardheidsclausule"));
        if !titled || out.iter().any(|c| c.article == i) {
            continue;
        }
        let sent = super::slot::article_blocks(doc, i)
            .flat_map(|b| sentences(r.text, b.text))
            .find(|s| AFWIJKING.is_match(r.slice(*s)));
        if let Some(s) = sent {
            out.push(Clausule {
                article: i,
                span: s,
                maatstaf: false,
            });
        }
    }
    out.sort_by_key(|c| c.span.start);
    out
}

impl Rule for HardheidsclausuleVorm {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Findings) {
        let Some(r) = ctx.regeling else { return };
        if !is_checked_regulation(r.doc) {
            return;
        }
        let cls = clausules(&r);
        if cls.is_empty() {
            return;
        }
        let t_mentions = toelichting_mentions(ctx);
        let t_general = toelichting_motivates_general(ctx);
        for c in &cls {
            let a = &r.doc.articles[c.article];
            let where_ = article_name(a);
            let text = r.slice(c.span);
            let without_belang = BELANG.replace_all(text, "");
            let concrete = CONCREET.is_match(&without_belang);
            let mut issues: Vec<&str> = Vec::new();
            if !concrete && ALGEMEEN.is_match(&without_belang) && !t_general {
                issues.push("zij noemt geen concrete artikelen maar de hele regeling");
            }
            if !BELANG.is_match(text) {
                issues.push("zij noemt niet het belang waarop de afwijking is gericht (\"gelet op het belang van …\")");
            }
            if !c.maatstaf {
                issues.push("zij gebruikt niet de maatstaf \"onbillijkheid van overwegende aard\"");
            }
            if !issues.is_empty() {
                out.push(
                    Finding::new(
                        Which::Regeling,
                        c.span,
                        format!(
                            "De hardheidsclausule in {where_} wijkt af van het model: {}.",
                            crate::text::join_nl(
                                &issues.iter().map(|s| s.to_string()).collect::<Vec<_>>()
                            )
                        ),
                    )
                    .help(MODEL),
                );
            }
            if let Some(t) = ctx.toelichting
                && !t_mentions
                && !entry_discusses(ctx, &a.number)
            {
                let anchor = t.doc.title.as_ref().map_or(Span::new(0, 0), |s| s.span);
                out.push(
                    Finding::new(
                        Which::Regeling,
                        c.span,
                        format!("De toelichting motiveert de hardheidsclausule in {where_} niet."),
                    )
                    .help(
                        "Leg in de toelichting uit waarom de clausule nodig is: voor welke niet te voorziene gevallen \
                         toepassing tot een onbillijkheid van overwegende aard kan leiden, en waarom een algemene regel \
                         daar niet volstaat (Ar 5.25).",
                    )
                    .related(Which::Toelichting, anchor, "Deze toelichting noemt de hardheidsclausule niet."),
                );
            }
            // Deviating from provisions about third parties.
            let derden = r
                .doc
                .references
                .iter()
                .filter(|_| c.maatstaf)
                .find_map(|rf| {
                    if rf.span.start < c.span.start || rf.span.end > c.span.end {
                        return None;
                    }
                    if !matches!(rf.kind, ReferenceKind::Internal) {
                        return None;
                    }
                    let Resolution::Resolved { article, .. } = rf.resolution else {
                        return None;
                    };
                    DERDEN
                        .is_match(&article_body(&r, article))
                        .then(|| (article, rf.text.clone()))
                });
            if let Some((target, written)) = derden {
                out.push(
                    Finding::new(
                        Which::Regeling,
                        c.span,
                        format!(
                            "De hardheidsclausule in {where_} laat afwijking toe van {written}, dat over derden gaat; \
                             afwijking kan derden-belanghebbenden raken."
                        ),
                    )
                    .help(
                        "Een hardheidsclausule wordt niet opgenomen voor situaties waarin afwijken nadelig kan zijn voor \
                         derden-belanghebbenden (Ar 5.25, tweede lid). Ga na of dat hier speelt en licht het toe.",
                    )
                    .related(Which::Regeling, r.doc.articles[target].heading, "Dit artikel gaat over derden.")
                    .at_most(Severity::Info),
                );
            }
        }
    }
}

/// True when the toelichting discusses a hardheidsclausule at all.
fn toelichting_mentions(ctx: &Context<'_>) -> bool {
    let Some(t) = ctx.toelichting else {
        return false;
    };
    let l = t.text.to_lowercase();
    l.contains("hardheidsclausule") || l.contains("hardheidsregeling") || HARDHEID.is_match(t.text)
}

/// True when the toelichting explains why the clausule covers the whole regulation.
fn toelichting_motivates_general(ctx: &Context<'_>) -> bool {
    let Some(t) = ctx.toelichting else {
        return false;
    };
    t.doc.blocks.iter().any(|b| {
        let s = t.slice(b.text);
        let l = s.to_lowercase();
        (l.contains("hardheidsclausule") || HARDHEID.is_match(s)) && ALGEMEEN_MOTIVERING.is_match(s)
    })
}

/// True when the artikelsgewijze toelichting of `number` speaks of deviating.
fn entry_discusses(ctx: &Context<'_>, number: &str) -> bool {
    let Some(t) = ctx.toelichting else {
        return false;
    };
    t.doc
        .toelichting_articles
        .iter()
        .filter(|e| e.keys.iter().any(|k| k.article == number))
        .any(|e| {
            AFWIJKING.is_match(t.slice(e.span))
                || t.slice(e.span).to_lowercase().contains("onbillijk")
        })
}
