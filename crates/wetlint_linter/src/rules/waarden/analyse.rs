//! Shared value analysis for the WAARDE rules: which public values the toelichting names and argues, per section.
