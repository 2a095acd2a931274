//! Rule selectors: an id ("UITV-001"), an id prefix ("UITV", "UITV-00"), a
//! name ("uitvoeringstoets-ontbreekt"), a category ("uitvoering") or "ALL".

use crate::rule::RuleMeta;

/// True when `selector` selects the rule.
pub fn matches(selector: &str, meta: &RuleMeta) -> bool {
    let s = selector.trim();
    if s.is_empty() {
        return false;
    }
    if s.eq_ignore_ascii_case("all") {
        return true;
    }
    let upper = s.to_ascii_uppercase();
    meta.code == upper
        || meta.aliases.iter().any(|a| *a == upper)
        || (meta.code.starts_with(&upper)
            && upper
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii_alphabetic()))
        || meta.name == s
        || format!("{:?}", meta.category).eq_ignore_ascii_case(s)
        || meta.category.label_nl() == s
}

/// True when `selector` selects at least one of `metas`.
pub fn is_known(selector: &str, metas: &[&RuleMeta]) -> bool {
    metas.iter().any(|m| matches(selector, m))
}

/// Which rules run: `select` (default: all stable rules), minus `ignore`.
#[derive(Debug, Clone, Default)]
pub struct Selection {
    /// Empty means the default set.
    pub select: Vec<String>,
    pub extend_select: Vec<String>,
    pub ignore: Vec<String>,
    /// Also run rules in preview.
    pub preview: bool,
}

impl Selection {
    pub fn is_enabled(&self, meta: &RuleMeta) -> bool {
        let selected = if self.select.is_empty() {
            meta.status == crate::rule::Status::Stable || self.preview
        } else {
            self.select.iter().any(|s| matches(s, meta))
        } || self.extend_select.iter().any(|s| matches(s, meta));
        // A more specific ignore wins; an explicit select of the exact id beats
        // a broad ignore ("--ignore UITV --select UITV-001" keeps UITV-001).
        let ignored = self.ignore.iter().any(|s| matches(s, meta));
        let exact_select = self
            .select
            .iter()
            .chain(&self.extend_select)
            .any(|s| s.eq_ignore_ascii_case(meta.code) || s == meta.name);
        selected
            && (!ignored
                || exact_select
                    && !self
                        .ignore
                        .iter()
                        .any(|s| s.eq_ignore_ascii_case(meta.code)))
    }
}
