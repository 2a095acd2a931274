//! Parses `wetlint-disable…` comment directives.
//!
//! Forms: `<!-- wetlint-disable-next-line CODE[, CODE]: reden -->`,
//! `<!-- wetlint-disable CODE: reden -->` … `<!-- wetlint-enable CODE -->`,
//! `<!-- wetlint-disable-file CODE: reden -->`. The reason is required by the
//! linter; the parser only records what is written.

use std::sync::LazyLock;

use regex::Regex;

use crate::lines::{Line, LineKind};
use crate::model::{Document, Span, Suppression, SuppressionKind};

static DIRECTIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?s)wetlint-(disable-next-line|disable-file|disable|enable)\b\s*(.*?)\s*(?:-->|$)")
        .expect("valid regex")
});

pub(crate) fn collect(text: &str, lines: &[Line], doc: &mut Document) {
    for (i, line) in lines.iter().enumerate() {
        if line.kind != LineKind::Comment {
            continue;
        }
        let raw = text.get(line.span.start..line.span.end).unwrap_or("");
        let Some(c) = DIRECTIVE.captures(raw) else {
            continue;
        };
        let kind = match c.get(1).map_or("", |m| m.as_str()) {
            "disable-next-line" => SuppressionKind::NextLine,
            "disable-file" => SuppressionKind::File,
            "disable" => SuppressionKind::Disable,
            _ => SuppressionKind::Enable,
        };
        let body = c.get(2).map_or("", |m| m.as_str()).trim();
        let (codes_part, reason) = match body.split_once(':') {
            Some((codes, reason)) => (
                codes,
                Some(reason.trim().to_string()).filter(|r| !r.is_empty()),
            ),
            None => (body, None),
        };
        let codes = codes_part
            .split([',', ' '])
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .collect();
        // The next line with content is the target of a next-line directive.
        let target = (kind == SuppressionKind::NextLine)
            .then(|| {
                lines[i + 1..]
                    .iter()
                    .find(|l| !matches!(l.kind, LineKind::Blank | LineKind::Comment))
                    .map(|l| Span::new(l.span.start, l.span.end))
            })
            .flatten();
        doc.suppressions.push(Suppression {
            kind,
            span: line.span,
            codes,
            reason,
            target,
        });
    }
}
