//! What a rule sees: the regulation and/or its toelichting, the data, the
//! profile, and lexicon scans computed at most once per check and shared by
//! all rules (the "one walk").

use std::sync::OnceLock;

use wetlint_data::{Data, OrgHit, PreparedText, SectionKey, SignalHit, ToetsHit, ValueHit};
use wetlint_syntax::{Container, Document, Span};

use crate::rule::Profile;

/// One input document.
#[derive(Debug, Clone, Copy)]
pub struct Source<'a> {
    /// Path as displayed in diagnostics.
    pub path: &'a str,
    pub text: &'a str,
    pub doc: &'a Document,
}

impl<'a> Source<'a> {
    pub fn slice(&self, span: Span) -> &'a str {
        self.text.get(span.start..span.end).unwrap_or("")
    }
}

/// Lexicon hits over one document, computed lazily.
#[derive(Default)]
pub struct Scans<'a> {
    prepared: OnceLock<PreparedText<'a>>,
    orgs: OnceLock<Vec<OrgHit<'a>>>,
    toetsen: OnceLock<Vec<ToetsHit<'a>>>,
    values: OnceLock<Vec<ValueHit<'a>>>,
    /// One slot per signal list: `opvolging`, `doenvermogen`, then the lists
    /// of `signalen.toml` in order.
    signals: Vec<OnceLock<Vec<SignalHit<'a>>>>,
}

impl Scans<'_> {
    fn new(data: &Data) -> Self {
        Scans {
            signals: (0..data.signaallijsten().len() + 2)
                .map(|_| OnceLock::new())
                .collect(),
            ..Scans::default()
        }
    }
}

/// Everything a rule can read.
pub struct Context<'a> {
    pub regeling: Option<Source<'a>>,
    pub toelichting: Option<Source<'a>>,
    pub data: &'a Data,
    pub profile: Profile,
    /// The definitions/citeertitel index of the repository, if one was given.
    pub index: Option<&'a wetlint_index::Index>,
    reg_scans: Scans<'a>,
    toel_scans: Scans<'a>,
    section_keys: OnceLock<Vec<Vec<SectionKey>>>,
}

impl<'a> Context<'a> {
    pub fn new(
        regeling: Option<Source<'a>>,
        toelichting: Option<Source<'a>>,
        data: &'a Data,
        profile: Profile,
    ) -> Self {
        Context {
            regeling,
            toelichting,
            data,
            profile,
            index: None,
            reg_scans: Scans::new(data),
            toel_scans: Scans::new(data),
            section_keys: OnceLock::new(),
        }
    }

    /// Attaches the repository index (FRAG-004, external references).
    pub fn with_index(mut self, index: Option<&'a wetlint_index::Index>) -> Self {
        self.index = index;
        self
    }

    fn scans(&self, which: crate::Which) -> (&Scans<'a>, Option<Source<'a>>) {
        match which {
            crate::Which::Regeling => (&self.reg_scans, self.regeling),
            crate::Which::Toelichting => (&self.toel_scans, self.toelichting),
        }
    }

    /// The normalised text of a document (prepared once).
    pub fn prepared(&self, which: crate::Which) -> Option<&PreparedText<'a>> {
        let (scans, src) = self.scans(which);
        let src = src?;
        Some(scans.prepared.get_or_init(|| PreparedText::new(src.text)))
    }

    /// Organisation mentions in a document.
    pub fn orgs(&self, which: crate::Which) -> &[OrgHit<'a>] {
        let (scans, _) = self.scans(which);
        let Some(p) = self.prepared(which) else {
            return &[];
        };
        scans
            .orgs
            .get_or_init(|| self.data.organisations().find_in_prepared(p))
    }

    /// Toets mentions in a document.
    pub fn toetsen(&self, which: crate::Which) -> &[ToetsHit<'a>] {
        let (scans, _) = self.scans(which);
        let Some(p) = self.prepared(which) else {
            return &[];
        };
        scans
            .toetsen
            .get_or_init(|| self.data.toetsen().find_in_prepared(p))
    }

    /// Public-value mentions in a document.
    pub fn values(&self, which: crate::Which) -> &[ValueHit<'a>] {
        let (scans, _) = self.scans(which);
        let Some(p) = self.prepared(which) else {
            return &[];
        };
        scans
            .values
            .get_or_init(|| self.data.values().find_in_prepared(p))
    }

    /// Hits of a named signal list of `signalen.toml` (or `opvolging`,
    /// `doenvermogen`), cached per list.
    pub fn signals(&self, which: crate::Which, list: &str) -> &[SignalHit<'a>] {
        let (scans, _) = self.scans(which);
        let Some(p) = self.prepared(which) else {
            return &[];
        };
        let (slot, lexicon) = match list {
            "opvolging" => (0, Some(self.data.toets_followups())),
            "doenvermogen" => (1, Some(self.data.doenvermogen())),
            other => match self
                .data
                .signaallijsten()
                .iter()
                .position(|l| l.id() == other)
            {
                Some(i) => (i + 2, self.data.signals(other)),
                None => return &[],
            },
        };
        let Some(cell) = scans.signals.get(slot) else {
            return &[];
        };
        cell.get_or_init(|| lexicon.map(|l| l.find_in_prepared(p)).unwrap_or_default())
    }

    /// Section keys (from `koppen.toml`) of every toelichting section, by index.
    pub fn section_keys(&self) -> &[Vec<SectionKey>] {
        self.section_keys.get_or_init(|| match self.toelichting {
            Some(t) => t
                .doc
                .sections
                .iter()
                .map(|s| self.data.headings().classify(&s.title))
                .collect(),
            None => Vec::new(),
        })
    }

    /// Toelichting sections whose heading (or an ancestor's) has `key`.
    pub fn sections_with(&self, key: SectionKey) -> Vec<usize> {
        let Some(t) = self.toelichting else {
            return Vec::new();
        };
        let keys = self.section_keys();
        (0..t.doc.sections.len())
            .filter(|&i| {
                t.doc
                    .section_path(i)
                    .iter()
                    .any(|&p| keys.get(p).is_some_and(|k| k.contains(&key)))
            })
            .collect()
    }

    /// The toelichting section (innermost) that contains `offset`.
    pub fn section_at(&self, offset: usize) -> Option<usize> {
        self.toelichting?.doc.section_at(offset)
    }

    /// The article of the regulation that contains `offset`.
    pub fn article_at(&self, offset: usize) -> Option<usize> {
        self.regeling?.doc.article_at(offset)
    }

    /// Spans of the text blocks of the toelichting that are the government's
    /// own text (not quotes), in order.
    pub fn toelichting_blocks(&self) -> impl Iterator<Item = &wetlint_syntax::Block> {
        self.toelichting
            .into_iter()
            .flat_map(|t| t.doc.blocks.iter())
            .filter(|b| {
                matches!(
                    b.kind,
                    wetlint_syntax::BlockKind::Paragraph
                        | wetlint_syntax::BlockKind::ListItem
                        | wetlint_syntax::BlockKind::Table
                        | wetlint_syntax::BlockKind::Quote
                        | wetlint_syntax::BlockKind::Heading
                )
            })
    }

    /// The block of a document containing `offset`.
    pub fn block_at(&self, which: crate::Which, offset: usize) -> Option<&wetlint_syntax::Block> {
        let src = match which {
            crate::Which::Regeling => self.regeling,
            crate::Which::Toelichting => self.toelichting,
        }?;
        let blocks = &src.doc.blocks;
        let i = blocks
            .partition_point(|b| b.span.start <= offset)
            .checked_sub(1)?;
        let b = &blocks[i];
        (b.span.start <= offset && offset <= b.span.end).then_some(b)
    }

    /// True when the text at `offset` lies in an article that belongs to the
    /// regulation itself (not quoted in an amendment).
    pub fn in_own_article(&self, offset: usize) -> bool {
        let Some(r) = self.regeling else { return false };
        match self
            .block_at(crate::Which::Regeling, offset)
            .map(|b| b.container)
        {
            Some(Container::Article { index }) => !r.doc.articles[index].quoted,
            _ => false,
        }
    }
}
