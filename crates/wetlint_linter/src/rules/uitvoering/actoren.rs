//! Shared detection for the UITV actor rules: which organisations get tasks in the regulation, and where the toelichting mentions them and their toetsen.
