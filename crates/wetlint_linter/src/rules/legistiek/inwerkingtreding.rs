use std::sync::LazyLock;

use wetlint_data::SectionKey;
use wetlint_diagnostics::Severity;
use wetlint_regex::Regex;
use wetlint_syntax::{Clause, DocumentKind, Span};

use super::slot::{
    Instrument, IwtSentence, article_body, article_name, article_name_cap, heading_like,
    in_bijlage, instrument, is_amending, is_checked_regulation, is_placeholder_article,
    iwt_sentences, kind_instrument, next_number, number_span, title_anchor, title_instrument,
};
use crate::rule::{Category, E, I, Profile, Rule, RuleMeta, Scope, Status};
use crate::text::sentences;
use crate::{Context, Finding, Findings, FixEdit, FixSpec, Source, Which};

crate::declare_rule! {
    /// ## Wat het controleert
    /// Of de regeling een eigen bepaling over haar inwerkingtreding heeft
    /// ("Deze wet treedt in werking …", "De artikelen I en II treden in werking
    /// …", of een artikel met het opschrift "Inwerkingtreding"). In een
    /// wijzigingsregeling telt alleen een eigen (Romeins genummerd) artikel;
    /// een inwerkingtredingsbepaling in een artikel dat een andere regeling
    /// wijzigt of in een ingevoegd artikel hoort bij die andere regeling.
    ///
    /// Als de bepaling er is, kijkt de regel naar de formulering
    /// (waarschuwing):
    ///
    /// - het onderwerp past bij de regeling ("dit besluit" in een wet is een
    ///   kopieerfout);
    /// - de inwerkingtreding van een wet of algemene maatregel van bestuur
    ///   wordt niet aan een minister overgelaten;
    /// - geen onbepaald tijdstip ("treedt onmiddellijk in werking", "zodra …")
    ///   en geen tijdstip dat aan bekendmaking, afkondiging of ondertekening is
    ///   gekoppeld buiten het model "met ingang van de dag na de datum van
    ///   uitgifte van het Staatsblad waarin zij wordt geplaatst";
    /// - een wetsvoorstel met een vaste datum krijgt een hint (info): in
    ///   wetsvoorstellen staat in beginsel geen concreet tijdstip, tenzij de
    ///   toelichting dat motiveert.
    ///
    /// Daarnaast controleert de regel de volgorde van de slotbepalingen (was
    /// LEG-013, altijd info): overgangsrecht, intrekking, inwerkingtreding,
    /// citeertitel, elk in een eigen artikel. Een citeertitel vóór de
    /// inwerkingtreding, een overgangs- of intrekkingsartikel erna, een
    /// intrekking vóór het overgangsrecht, of inwerkingtreding en citeertitel
    /// in één artikel worden gemeld; in een wijzigingsregeling ook een
    /// inwerkingtreding die niet in het laatste artikel staat.
    ///
    /// De regel zwijgt als het document geen regeling is of geen eigen
    /// artikelen heeft, bij vervallen artikelen en plaatshouders van een
    /// geconsolideerde tekst ("Wijzigt de …", "[Vervallen]"), en bij
    /// "treedt in werking" in een artikel over iets anders ("Het besluit tot
    /// aanwijzing treedt in werking …"). Bij de auditcontrole van bestaande
    /// regelgeving (profiel batch) meldt zij een ontbrekende
    /// inwerkingtredingsbepaling niet, want een geconsolideerde tekst laat een
    /// uitgewerkte bepaling vaak weg (in de steekproef mist een kwart haar);
    /// de overige meldingen zijn daar info, en "na de inwerkingtreding volgt
    /// nog een artikel" geldt daar alleen voor wijzigingsregelingen (later
    /// ingevoegde artikelen staan in een geconsolideerde tekst soms achteraan).
    ///
    /// ## Waarom
    /// Een regeling voorziet zelf in haar inwerkingtreding (Ar 4.14). Artikel 7
    /// van de Bekendmakingswet is alleen een vangnet en werkt niet voor
    /// rijkswetten. De modellen van Ar 4.21 en 4.22 maken het tijdstip kenbaar
    /// uit het Staatsblad of de Staatscourant, houden de vaste verandermomenten
    /// hanteerbaar en laten de keuze van het tijdstip voor een wet of algemene
    /// maatregel van bestuur aan de regering (koninklijk besluit). Een vaste
    /// volgorde van de slotbepalingen maakt de regeling voorspelbaar.
    ///
    /// ## Voorbeeld
    /// Een wetsvoorstel waarvan het laatste artikel de citeertitel is en dat
    /// geen inwerkingtredingsbepaling heeft. Of: "Deze wet treedt in werking op
    /// een door Onze Minister te bepalen tijdstip."
    ///
    /// ## In plaats daarvan
    /// Wet: "Deze wet treedt in werking op een bij koninklijk besluit te bepalen
    /// tijdstip, dat voor de verschillende artikelen of onderdelen daarvan
    /// verschillend kan worden vastgesteld." Algemene maatregel van bestuur:
    /// "Dit besluit treedt in werking met ingang van 1 januari 2027." of het
    /// KB-model. Ministeriële regeling: "Deze regeling treedt in werking met
    /// ingang van 1 juli 2026." Plaats de bepaling vóór de citeertitel en na
    /// het overgangsrecht en de intrekking; in een wijzigingsregeling in het
    /// laatste Romeinse artikel. De snelle oplossing voegt het model als
    /// nieuw artikel in (vóór een citeertitel die als laatste staat).
    ///
    /// ## Bron
    /// Aanwijzingen 4.14, 4.21 en 4.22 (2012: 172, 178 en 180); volgorde van
    /// de slotbepalingen: aanwijzing 96 (2012).
    pub struct Inwerkingtreding {
        code: "LEG-009",
        name: "inwerkingtreding",
        category: Category::Legistiek,
        summary: "Geen of geen modelmatige inwerkingtredingsbepaling, of slotbepalingen in afwijkende volgorde",
        severity: [E, E, E, I],
        status: Status::Stable,
        scope: Scope::Regeling,
        aanwijzingen: &["4.14", "4.21", "4.22"],
        aliases: &["LEG-013"],
    }
}

impl Rule for Inwerkingtreding {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Findings) {
        let Some(r) = ctx.regeling else { return };
        let doc = r.doc;
        if !is_checked_regulation(doc) || doc.own_articles().next().is_none() {
            return;
        }
        let Some(inst) = instrument(doc) else { return };
        let iwt = iwt_sentences(&r);
        if iwt.is_empty() {
            // Consolidated texts drop spent inwerkingtredingsbepalingen (a
            // quarter of the sample lacks one): no finding in a batch audit.
            if ctx.profile != Profile::Batch {
                missing(ctx, &r, inst, out);
            }
            return;
        }
        wording(ctx, &r, inst, &iwt, out);
        order(ctx, &r, &iwt, out);
    }
}

/// The model text for a regulation of this instrument and kind.
fn model(doc: &wetlint_syntax::Document, inst: Instrument) -> String {
    let minister = doc
        .title
        .as_ref()
        .is_some_and(|t| MINISTER_TITLE.is_match(&t.text));
    let this = crate::text::capitalize(inst.this());
    match inst {
        Instrument::Wet => format!(
            "{this} treedt in werking op een bij koninklijk besluit te bepalen tijdstip, dat voor de \
             verschillende artikelen of onderdelen daarvan verschillend kan worden vastgesteld."
        ),
        Instrument::Besluit if !minister && doc.kind() != DocumentKind::MinisterieleRegeling => {
            format!("{this} treedt in werking op een bij koninklijk besluit te bepalen tijdstip.")
        }
        _ => format!("{this} treedt in werking met ingang van [datum]."),
    }
}

static MINISTER_TITLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*\w+\s+van\s+de\s+(?:minister|staatssecretaris)\b").expect("valid regex")
});

fn missing(ctx: &Context<'_>, r: &Source<'_>, inst: Instrument, out: &mut Findings) {
    let doc = r.doc;
    let model = model(doc, inst);
    let roman =
        doc.own_articles().filter(|(_, a)| a.is_roman()).count() * 2 > doc.own_articles().count();
    let mut msg = format!(
        "{} bevat geen bepaling over de inwerkingtreding.",
        inst.the()
    );
    if roman {
        msg.push_str(" Neem haar op in het laatste Romeinse artikel.");
    }
    let mut f = Finding::new(Which::Regeling, title_anchor(doc), msg).help(format!(
        "Een regeling voorziet zelf in haar inwerkingtreding; artikel 7 van de Bekendmakingswet is \
         alleen een vangnet (Ar 4.14). Model (Ar 4.21): \"{model}\""
    ));
    // An inwerkingtreding inside an amendment belongs to the amended regulation.
    if let Some((i, a)) = doc
        .articles
        .iter()
        .enumerate()
        .find(|(i, a)| (a.quoted || is_amending(a)) && IWT_ANY.is_match(&article_body(r, *i)))
    {
        let _ = i;
        f = f.related(
            Which::Regeling,
            a.heading,
            "Deze inwerkingtreding staat in een wijziging van een andere regeling en geldt niet voor deze regeling.",
        );
    }
    if let Some(t) = ctx.toelichting
        && let Some(&s) = ctx.sections_with(SectionKey::OvergangIwt).first()
    {
        f = f.related(
            Which::Toelichting,
            t.doc.sections[s].heading,
            "De toelichting bespreekt de inwerkingtreding hier.",
        );
    }
    if let Some(fix) = insert_fix(r, &model) {
        f = f.fix(fix);
    }
    out.push(f);
}

static IWT_ANY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:treedt|treden)\b[^.;]{0,200}?\bin\s+werking\b").expect("valid regex")
});

/// Inserts the model as a new article: before a citeertitel that is the
/// last article (which is renumbered), otherwise after the last article.
fn insert_fix(r: &Source<'_>, model: &str) -> Option<FixSpec> {
    let doc = r.doc;
    let (_, last) = doc.own_articles().last()?;
    if last.number.eq_ignore_ascii_case("enig") || last.number.is_empty() {
        return None;
    }
    let next = next_number(&last.number)?;
    let edits = if last.clauses.contains(&Clause::Citeertitel) && !is_amending(last) {
        let heading = heading_like(r, last, &last.number, "Inwerkingtreding");
        let num = number_span(r, last)?;
        vec![
            FixEdit {
                which: Which::Regeling,
                span: Span::new(last.heading.start, last.heading.start),
                content: format!("{heading}\n\n{model}\n\n"),
            },
            FixEdit {
                which: Which::Regeling,
                span: num,
                content: next,
            },
        ]
    } else {
        let heading = heading_like(r, last, &next, "Inwerkingtreding");
        let at = last.span.end.min(r.text.len());
        let before = &r.text[..at];
        let lead = if before.ends_with("\n\n") {
            ""
        } else if before.ends_with('\n') {
            "\n"
        } else {
            "\n\n"
        };
        vec![FixEdit {
            which: Which::Regeling,
            span: Span::new(at, at),
            content: format!("{lead}{heading}\n\n{model}\n\n"),
        }]
    };
    Some(FixSpec {
        title: "Voeg een inwerkingtredingsartikel volgens het model toe".to_string(),
        safe: false,
        edits,
    })
}

static MINISTER_TIJDSTIP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?:\b(?:door|bij)\s+(?:regeling\s+van\s+)?(?:onze|de)\s+minister\w*\b[^.;]{0,80}|\bbij\s+ministeriële\s+regeling\s+)te\s+bepalen\s+(?:tijdstip|datum|dag)",
    )
    .expect("valid regex")
});
static ONBEPAALD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:onmiddellijk|terstond|dadelijk|direct)\s+in\s+werking\b|\bin\s+werking\s+(?:zodra|onmiddellijk|terstond)\b|\b(?:treedt|treden)\b[^.;]{0,60}\bzodra\b")
        .expect("valid regex")
});
static BEKENDMAKING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:dag|datum|tijdstip)\s+(?:van|na|volgende\s+op)\s+(?:die\s+(?:van|der)\s+)?(?:de\s+|zijn\s+|haar\s+|hun\s+)?(?:bekendmaking|afkondiging|publicatie|ondertekening|plaatsing)\b|\bna\s+(?:de\s+|zijn\s+|haar\s+)?(?:bekendmaking|afkondiging|publicatie|ondertekening)\b",
    )
    .expect("valid regex")
});
static VASTE_DATUM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\bmet\s+ingang\s+van\s+\d{1,2}\s+(?:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december)\s+\d{4}\b")
        .expect("valid regex")
});
static IWT_MOTIVERING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:omdat|aangezien|gelet\s+op|vanwege|in\s+verband\s+met|om\s+die\s+reden|zodat|belastingjaar|boekjaar|kalenderjaar|schooljaar|studiejaar)\b")
        .expect("valid regex")
});

fn wording(
    ctx: &Context<'_>,
    r: &Source<'_>,
    inst: Instrument,
    iwt: &[IwtSentence],
    out: &mut Findings,
) {
    let doc = r.doc;
    let kind = doc.kind();
    let title_inst = title_instrument(doc);
    let kind_inst = kind_instrument(kind);
    let batch = ctx.profile == Profile::Batch;
    let mut dated_wet: Option<&IwtSentence> = None;
    let mut kb = false;
    for s in iwt {
        let t = r.slice(s.span);
        let a = &doc.articles[s.article];
        let name = article_name_cap(a);
        let mut push = |f: Finding| {
            let f = f.at_most(Severity::Warning);
            out.push(if batch { f.at_most(Severity::Info) } else { f });
        };
        if t.to_lowercase()
            .contains("bij koninklijk besluit te bepalen")
        {
            kb = true;
        }
        // The subject names another instrument than this regulation.
        if let Some(noun) = &s.subject
            && let Some(si) = Instrument::from_noun(noun)
        {
            let mut allowed: Vec<Instrument> = title_inst.into_iter().chain(kind_inst).collect();
            if kind == DocumentKind::Beleidsregel {
                allowed.extend([Instrument::Regeling, Instrument::Besluit]);
            }
            if !allowed.is_empty() && !allowed.contains(&si) {
                let written = if si == Instrument::Besluit || si == Instrument::Reglement {
                    format!("dit {noun}")
                } else {
                    format!("deze {noun}")
                };
                push(
                    Finding::new(
                        Which::Regeling,
                        s.span,
                        format!(
                            "{name} spreekt van '{written}', maar dit is {}.",
                            kind_phrase(kind, inst)
                        ),
                    )
                    .help(format!(
                        "Gebruik het onderwerp van deze regeling: \"{} treedt in werking …\".",
                        crate::text::capitalize(inst.this())
                    )),
                );
                continue;
            }
        }
        // Entry into force of a wet or AMvB left to a minister.
        let ministerial = doc
            .title
            .as_ref()
            .is_some_and(|t| MINISTER_TITLE.is_match(&t.text));
        let government = matches!(inst, Instrument::Wet)
            || kind == DocumentKind::Amvb
            || (kind == DocumentKind::Wijzigingsregeling
                && inst == Instrument::Besluit
                && !ministerial);
        if government
            && let Some(m) = MINISTER_TIJDSTIP.find(t)
            && !t[..m.start()].to_lowercase().contains("vervalt")
        {
            push(
                Finding::new(
                    Which::Regeling,
                    s.span,
                    format!(
                        "{name} laat het tijdstip van inwerkingtreding aan een minister over; voor {} is \
                         het model een bij koninklijk besluit te bepalen tijdstip.",
                        if inst == Instrument::Wet {
                            "een wet"
                        } else {
                            "een algemene maatregel van bestuur"
                        }
                    ),
                )
                .help(format!("Model (Ar 4.21): \"{}\"", model(doc, inst))),
            );
            continue;
        }
        if ONBEPAALD.is_match(t) {
            push(
                Finding::new(
                    Which::Regeling,
                    s.span,
                    format!(
                        "{name} noemt geen bepaald tijdstip van inwerkingtreding (\"onmiddellijk\", \"zodra\")."
                    ),
                )
                .help(
                    "Het tijdstip blijkt uit het Staatsblad of de Staatscourant: gebruik een vaste datum, een bij \
                     koninklijk besluit te bepalen tijdstip of \"met ingang van de dag na de datum van uitgifte van \
                     het Staatsblad waarin zij wordt geplaatst\" (Ar 4.21, 4.22).",
                ),
            );
            continue;
        }
        if BEKENDMAKING.is_match(t) && !t.to_lowercase().contains("uitgifte") {
            push(
                Finding::new(
                    Which::Regeling,
                    s.span,
                    format!(
                        "{name} koppelt de inwerkingtreding aan bekendmaking, afkondiging of ondertekening \
                         buiten het model van Ar 4.22."
                    ),
                )
                .help(
                    "Model (Ar 4.22): \"… treedt in werking met ingang van de dag na de datum van uitgifte van het \
                     Staatsblad (de Staatscourant) waarin zij wordt geplaatst.\" Dat model is voor \
                     uitzonderingen; gebruikelijk is een vast verandermoment (Ar 4.17).",
                ),
            );
            continue;
        }
        if inst == Instrument::Wet && VASTE_DATUM.is_match(t) && dated_wet.is_none() {
            dated_wet = Some(s);
        }
    }
    // A fixed date in a wetsvoorstel: a hint, unless the toelichting motivates it.
    if let Some(s) = dated_wet
        && !kb
        && !batch
        && !iwt_motivated(ctx)
    {
        let a = &doc.articles[s.article];
        out.push(
            Finding::new(
                Which::Regeling,
                s.span,
                format!(
                    "{} noemt een vaste datum van inwerkingtreding; in een wetsvoorstel wordt in beginsel geen \
                     concreet tijdstip opgenomen.",
                    article_name_cap(a)
                ),
            )
            .help(
                "Gebruik \"Deze wet treedt in werking op een bij koninklijk besluit te bepalen tijdstip\" (Ar 4.21), \
                 of motiveer de vaste datum in de toelichting (bijvoorbeeld samenhang met een belastingjaar).",
            )
            .at_most(Severity::Info),
        );
    }
}

/// "een wet", "een algemene maatregel van bestuur", …
fn kind_phrase(kind: DocumentKind, inst: Instrument) -> String {
    match kind {
        DocumentKind::Wet => "een wet".to_string(),
        DocumentKind::Amvb => "een algemene maatregel van bestuur".to_string(),
        DocumentKind::MinisterieleRegeling => "een ministeriële regeling".to_string(),
        DocumentKind::Beleidsregel => "een beleidsregel".to_string(),
        _ => match inst {
            Instrument::Wet => "een wet".to_string(),
            Instrument::Besluit => "een besluit".to_string(),
            other => format!("een {}", other.this().trim_start_matches("deze ")),
        },
    }
}

/// True when the toelichting explains the chosen moment of entry into force.
fn iwt_motivated(ctx: &Context<'_>) -> bool {
    let Some(t) = ctx.toelichting else {
        return false;
    };
    t.doc.blocks.iter().any(|b| {
        sentences(t.text, b.text).iter().any(|s| {
            let l = t.slice(*s).to_lowercase();
            (l.contains("inwerkingtreding") || l.contains("in werking"))
                && IWT_MOTIVERING.is_match(&l)
        })
    })
}

static INTREKKING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\W*(?:\d+[.)]?\s+)?(?:(?:De|Het)\s+(?:[A-Z][\w-]*\s+)?[A-Z]?\w*(?:[Ww]et|[Bb]esluit|[Rr]egeling|[Bb]eschikking|[Rr]eglement|[Ww]etboek)\b|De\s+volgende\s+(?:wetten|besluiten|regelingen|beschikkingen)\b)[^.;]{0,200}\b(?:wordt|worden)\s+ingetrokken\b")
        .expect("valid regex")
});

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Role {
    Overgangsrecht,
    Intrekking,
    Inwerkingtreding,
    Citeertitel,
}

impl Role {
    fn label(self) -> &'static str {
        match self {
            Role::Overgangsrecht => "overgangsrecht",
            Role::Intrekking => "intrekking",
            Role::Inwerkingtreding => "inwerkingtreding",
            Role::Citeertitel => "citeertitel",
        }
    }
}

/// The final-provision roles of an own article.
fn roles(r: &Source<'_>, index: usize, iwt: &[IwtSentence]) -> Vec<Role> {
    let a = &r.doc.articles[index];
    let title = a.title.as_deref().unwrap_or("").to_lowercase();
    let mut v = Vec::new();
    if title.contains("overgang") {
        v.push(Role::Overgangsrecht);
    }
    let intrekking = title.contains("intrekking")
        || super::slot::article_blocks(r.doc, index).any(|b| {
            sentences(r.text, b.text)
                .iter()
                .any(|s| INTREKKING.is_match(r.slice(*s)))
        });
    if intrekking {
        v.push(Role::Intrekking);
    }
    if iwt.iter().any(|s| s.article == index) {
        v.push(Role::Inwerkingtreding);
    }
    if a.clauses.contains(&Clause::Citeertitel) {
        v.push(Role::Citeertitel);
    }
    v
}

fn order(ctx: &Context<'_>, r: &Source<'_>, iwt: &[IwtSentence], out: &mut Findings) {
    let doc = r.doc;
    let batch = ctx.profile == Profile::Batch;
    // Own, non-amending articles with text, in order, with their roles.
    let arts: Vec<(usize, Vec<Role>)> = doc
        .own_articles()
        .filter(|(i, a)| !is_amending(a) && !is_placeholder_article(r, *i))
        .map(|(i, _)| (i, roles(r, i, iwt)))
        .collect();
    let own_count = doc.own_articles().count();
    let Some(iwt_art) = iwt.iter().map(|s| s.article).max() else {
        return;
    };
    let info = |f: Finding| f.at_most(Severity::Info);
    let name = |i: usize| article_name(&doc.articles[i]);
    // Several final provisions in one article.
    if own_count > 1 {
        for (i, rs) in &arts {
            if rs.len() >= 2 && rs.contains(&Role::Inwerkingtreding) {
                let labels: Vec<String> = rs.iter().map(|r| format!("de {}", r.label())).collect();
                out.push(info(
                    Finding::new(
                        Which::Regeling,
                        doc.articles[*i].heading,
                        format!(
                            "{} regelt {} in één artikel; zet elk van deze slotbepalingen in een eigen artikel.",
                            article_name_cap(&doc.articles[*i]),
                            crate::text::join_nl(&labels)
                        ),
                    )
                    .help(ORDER_HELP),
                ));
            }
        }
    }
    let pos = |i: usize| arts.iter().position(|(j, _)| *j == i);
    let Some(ip) = pos(iwt_art) else { return };
    // A citeertitel before the inwerkingtreding.
    if let Some((c, _)) = arts[..ip]
        .iter()
        .rev()
        .find(|(_, rs)| rs.contains(&Role::Citeertitel) && !rs.contains(&Role::Inwerkingtreding))
    {
        out.push(info(
            Finding::new(
                Which::Regeling,
                doc.articles[*c].heading,
                format!(
                    "De citeertitel ({}) staat vóór de inwerkingtredingsbepaling ({}); de citeertitel is de laatste slotbepaling.",
                    name(*c),
                    name(iwt_art)
                ),
            )
            .help(ORDER_HELP)
            .related(Which::Regeling, doc.articles[iwt_art].heading, "De inwerkingtredingsbepaling."),
        ));
    }
    // Overgangsrecht or intrekking after the inwerkingtreding.
    let mut reported_after = false;
    for (j, rs) in &arts[ip + 1..] {
        if let Some(role) = rs
            .iter()
            .find(|r| matches!(r, Role::Overgangsrecht | Role::Intrekking))
        {
            reported_after = true;
            out.push(info(
                Finding::new(
                    Which::Regeling,
                    doc.articles[*j].heading,
                    format!(
                        "{} ({}) staat na de inwerkingtredingsbepaling ({}).",
                        article_name_cap(&doc.articles[*j]),
                        role.label(),
                        name(iwt_art)
                    ),
                )
                .help(ORDER_HELP)
                .related(
                    Which::Regeling,
                    doc.articles[iwt_art].heading,
                    "De inwerkingtredingsbepaling.",
                ),
            ));
            break;
        }
    }
    // Intrekking before overgangsrecht, within the closing run of final provisions.
    let tail_start = arts[..ip]
        .iter()
        .rposition(|(_, rs)| rs.is_empty())
        .map_or(0, |p| p + 1);
    let tail = &arts[tail_start..ip];
    if let Some(t) = tail
        .iter()
        .position(|(_, rs)| rs.contains(&Role::Intrekking))
        && let Some((o, _)) = tail[t + 1..]
            .iter()
            .find(|(_, rs)| rs.contains(&Role::Overgangsrecht) && !rs.contains(&Role::Intrekking))
    {
        out.push(info(
            Finding::new(
                Which::Regeling,
                doc.articles[*o].heading,
                format!(
                    "{} (overgangsrecht) staat na de intrekking ({}).",
                    article_name_cap(&doc.articles[*o]),
                    name(tail[t].0)
                ),
            )
            .help(ORDER_HELP),
        ));
    }
    // Other articles after the inwerkingtreding (a wijzigingsregeling: not in
    // the last Roman article). Consolidated texts insert later articles, so
    // in batch this only applies to wijzigingsregelingen.
    if reported_after || (batch && doc.kind() != DocumentKind::Wijzigingsregeling) {
        return;
    }
    let base = |n: &str| {
        n.trim_end_matches(|c: char| c.is_ascii_lowercase())
            .to_string()
    };
    let iwt_base = base(&doc.articles[iwt_art].number);
    let iwt_head = doc.articles[iwt_art].heading.start;
    // A Bijlage after the inwerkingtreding may number its own articles.
    let bijlage_between = |at: usize| {
        doc.units.iter().any(|u| {
            u.kind == wetlint_syntax::UnitKind::Bijlage
                && u.heading.start > iwt_head
                && u.heading.start < at
        })
    };
    let later = doc.own_articles().find(|(j, a)| {
        *j > iwt_art
            && !in_bijlage(doc, a)
            && !bijlage_between(a.heading.start)
            && !is_placeholder_article(r, *j)
            && !a.clauses.contains(&Clause::Citeertitel)
            && !a.clauses.contains(&Clause::Horizonbepaling)
            && !iwt.iter().any(|s| s.article == *j)
            && base(&a.number) != iwt_base
    });
    if let Some((j, a)) = later {
        let _ = j;
        out.push(info(
            Finding::new(
                Which::Regeling,
                doc.articles[iwt_art].heading,
                format!(
                    "Na de inwerkingtredingsbepaling ({}) volgt nog {}; de inwerkingtreding hoort in het laatste artikel, \
                     alleen gevolgd door de citeertitel.",
                    name(iwt_art),
                    article_name(a)
                ),
            )
            .help(ORDER_HELP)
            .related(Which::Regeling, a.heading, "Dit artikel volgt op de inwerkingtreding."),
        ));
    }
}

const ORDER_HELP: &str = "Volgorde van de slotbepalingen, elk in een eigen artikel: overgangsrecht, intrekking, \
     inwerkingtreding, citeertitel (aanwijzing 96 (2012)).";
