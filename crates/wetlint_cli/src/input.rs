//! Reading input files: existence, size, binary content, UTF-8. Every
//! problem becomes a Dutch error naming the file and, where it applies, the
//! position.

use std::path::Path;

/// Files above this size are refused (a draft is rarely over a few MB; the
/// largest regulation in the national collection is 2.8 MB).
pub const MAX_BYTES: u64 = 64 * 1024 * 1024;

/// A readable text, or the reason (and 1-based row/column) why not.
pub fn read_text(path: &Path) -> Result<String, (String, Option<(u32, u32)>)> {
    let meta = std::fs::metadata(path).map_err(|e| (describe_io(&e), None))?;
    if meta.is_dir() {
        return Err(("is een map, geen bestand".into(), None));
    }
    if meta.len() > MAX_BYTES {
        return Err((
            format!(
                "het bestand is te groot ({} MB; de grens is {} MB)",
                meta.len() / 1_000_000,
                MAX_BYTES / 1_000_000
            ),
            None,
        ));
    }
    let bytes = std::fs::read(path).map_err(|e| (describe_io(&e), None))?;
    if bytes.is_empty() || bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(("het bestand is leeg".into(), None));
    }
    if let Some(nul) = bytes.iter().take(8192).position(|&b| b == 0) {
        let (row, col) = wetlint_formats::bytes_position(&bytes, nul);
        return Err((
            "het bestand is binair (bevat een NUL-byte), geen tekst".into(),
            Some((row, col)),
        ));
    }
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            let bytes = e.into_bytes();
            let (row, col) = wetlint_formats::bytes_position(&bytes, at);
            return Err((
                format!(
                    "het bestand is geen geldige UTF-8-tekst (ongeldige byte 0x{:02x} op regel {row}, kolom {col}); sla het op als UTF-8",
                    bytes.get(at).copied().unwrap_or(0)
                ),
                Some((row, col)),
            ));
        }
    };
    Ok(text
        .strip_prefix('\u{feff}')
        .map(str::to_string)
        .unwrap_or(text))
}

fn describe_io(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "bestand of map bestaat niet".into(),
        std::io::ErrorKind::PermissionDenied => "geen leesrechten".into(),
        _ => format!("kan het bestand niet lezen: {e}"),
    }
}
