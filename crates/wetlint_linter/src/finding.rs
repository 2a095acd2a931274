//! What rules report: findings in byte spans of one of the two documents.

use wetlint_diagnostics::Severity;
use wetlint_syntax::Span;

/// Which document of the pair a finding points into.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Which {
    Regeling,
    Toelichting,
}

/// A location in another place, shown as related information.
#[derive(Debug, Clone)]
pub struct RelatedFinding {
    pub which: Which,
    pub span: Span,
    pub message: String,
}

/// A text edit proposed as a fix.
#[derive(Debug, Clone)]
pub struct FixEdit {
    pub which: Which,
    pub span: Span,
    pub content: String,
}

/// A fix: edits with a Dutch title.
#[derive(Debug, Clone)]
pub struct FixSpec {
    pub title: String,
    /// Safe fixes may be applied without review; others need a jurist's eye.
    pub safe: bool,
    pub edits: Vec<FixEdit>,
}

/// One finding of one rule.
#[derive(Debug, Clone)]
pub struct Finding {
    pub which: Which,
    pub span: Span,
    pub message: String,
    pub help: Option<String>,
    pub related: Vec<RelatedFinding>,
    pub fix: Option<FixSpec>,
    /// Lowers the profile severity to at most this (e.g. a short ministeriële regeling).
    pub cap: Option<Severity>,
    /// Raises a warning-or-higher profile severity to at least this (never an info).
    pub floor: Option<Severity>,
}

impl Finding {
    pub fn new(which: Which, span: Span, message: impl Into<String>) -> Self {
        Finding {
            which,
            span,
            message: message.into(),
            help: None,
            related: Vec::new(),
            fix: None,
            cap: None,
            floor: None,
        }
    }

    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    pub fn related(mut self, which: Which, span: Span, message: impl Into<String>) -> Self {
        self.related.push(RelatedFinding {
            which,
            span,
            message: message.into(),
        });
        self
    }

    pub fn fix(mut self, fix: FixSpec) -> Self {
        self.fix = Some(fix);
        self
    }

    /// At most this severity, whatever the profile says.
    pub fn at_most(mut self, severity: Severity) -> Self {
        self.cap = Some(severity);
        self
    }

    /// At least this severity, when the profile reports the rule as a warning or an error.
    pub fn at_least(mut self, severity: Severity) -> Self {
        self.floor = Some(severity);
        self
    }

    /// The severity after applying cap and floor to the profile's severity.
    pub fn effective(&self, profile: Severity) -> Severity {
        let mut s = profile;
        if let Some(c) = self.cap {
            s = s.min(c);
        }
        if let Some(fl) = self.floor
            && s >= Severity::Warning
        {
            s = s.max(fl);
        }
        s
    }
}

/// The findings of one rule run.
#[derive(Debug, Default)]
pub struct Findings {
    pub(crate) items: Vec<Finding>,
}

impl Findings {
    pub fn push(&mut self, f: Finding) {
        self.items.push(f);
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    pub fn len(&self) -> usize {
        self.items.len()
    }

    pub fn iter(&self) -> impl Iterator<Item = &Finding> {
        self.items.iter()
    }
}
