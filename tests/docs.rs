//! `docs/rules/<name>.md` and `docs/rules/README.md` are generated from the
//! rules' doc comments. This test fails when they are stale; run it with
//! `UPDATE_DOCS=1` to rewrite them.

use wetlint_linter::registry;
use wetlint_tests::repo_root;

fn index() -> String {
    let mut s = String::from(
        "# Regels van wetlint\n\nGegenereerd uit de documentatie in de code (`cargo test -p wetlint_tests --test docs` met `UPDATE_DOCS=1`).\n\n| code | naam | samenvatting |\n|---|---|---|\n",
    );
    for m in registry::metas() {
        s.push_str(&format!(
            "| {} | [`{}`]({}.md) | {} |\n",
            m.code, m.name, m.name, m.summary
        ));
    }
    s
}

#[test]
fn rule_docs_are_up_to_date() {
    let dir = repo_root().join("docs/rules");
    let update = std::env::var_os("UPDATE_DOCS").is_some();
    let mut expected: Vec<(String, String)> = registry::metas()
        .into_iter()
        .map(|m| (format!("{}.md", m.name), m.page()))
        .collect();
    expected.push(("README.md".into(), index()));
    if update {
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("create docs/rules");
        for (name, text) in &expected {
            std::fs::write(dir.join(name), text).expect("write doc page");
        }
        return;
    }
    let mut stale = Vec::new();
    for (name, text) in &expected {
        if std::fs::read_to_string(dir.join(name)).ok().as_deref() != Some(text.as_str()) {
            stale.push(name.clone());
        }
    }
    let on_disk = std::fs::read_dir(&dir).map(|rd| rd.count()).unwrap_or(0);
    assert!(
        stale.is_empty() && on_disk == expected.len(),
        "docs/rules is stale ({}); run `UPDATE_DOCS=1 cargo test -p wetlint_tests --test docs`",
        stale.join(", ")
    );
}
