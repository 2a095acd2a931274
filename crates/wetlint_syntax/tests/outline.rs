//! Document-model snapshots: the text outline of every draft in
//! `fixtures/drafts/` and every case in `fixtures/syntax/`, stored next to
//! the input as `<file>.outline.snap`.

use std::path::{Path, PathBuf};

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn files_below(dir: &Path, ext: &str) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).into_iter().flatten().flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == ext) {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

#[test]
fn outlines() {
    let root = repo_root();
    let mut files = files_below(&root.join("fixtures/drafts"), "md");
    files.extend(files_below(&root.join("fixtures/drafts"), "txt"));
    files.extend(files_below(&root.join("fixtures/syntax"), "md"));
    files.extend(files_below(&root.join("fixtures/syntax"), "txt"));
    files.retain(|f| {
        !f.file_name()
            .is_some_and(|n| n == "README.md" || n == "DEFECTS.md")
    });
    assert!(files.len() >= 10, "fixtures missing");
    for f in files {
        let text = std::fs::read_to_string(&f).expect("read fixture");
        let name = f.file_name().and_then(|n| n.to_str()).unwrap_or("");
        let doc = wetlint_syntax::parse(&text, Some(name));
        let rel = f
            .strip_prefix(&root)
            .unwrap_or(&f)
            .to_string_lossy()
            .replace('\\', "/");
        let out = wetlint_syntax::outline::to_text(&doc, &text, &rel);
        let dir = f.parent().map(|p| p.to_path_buf()).unwrap_or_default();
        insta::with_settings!({
            snapshot_path => dir,
            prepend_module_to_snapshot => false,
            omit_expression => true,
        }, {
            insta::assert_snapshot!(format!("{name}.outline"), out);
        });
    }
}
