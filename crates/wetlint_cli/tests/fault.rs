//! Fault matrix over the CLI: every case gives a clear error or a correct
//! result, never a panic, and the findings of the readable files are kept.

use std::path::Path;
use std::process::{Command, Output, Stdio};

const GOOD: &str = "# Memorie van toelichting\n\n## I. Algemeen deel\n\n### 1. Inleiding\n\nDit voorstel regelt een vergoeding.\n";

fn wetlint(args: &[&str], cwd: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_wetlint"))
        .args(args)
        .current_dir(cwd)
        .env("NO_COLOR", "1")
        .output()
        .expect("run wetlint")
}

fn text(o: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

fn no_panic(o: &Output) {
    let t = text(o);
    assert!(
        !t.contains("panicked") && !t.contains("RUST_BACKTRACE"),
        "panic: {t}"
    );
    assert!(o.status.code().is_some(), "killed by a signal: {t}");
}

/// The good file's finding is reported whatever else is in the folder.
fn good_finding_kept(o: &Output) {
    assert!(
        text(o).contains("goed.md:1:3: UITV-002"),
        "lost the finding of the readable file: {}",
        text(o)
    );
}

fn setup() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("goed.md"), GOOD).expect("write");
    dir
}

#[test]
fn directory_loop_via_symlink() {
    let dir = setup();
    std::fs::create_dir(dir.path().join("sub")).expect("mkdir");
    #[cfg(unix)]
    std::os::unix::fs::symlink("..", dir.path().join("sub/lus")).expect("symlink");
    let o = wetlint(
        &["check", ".", "--output-format", "concise", "--no-cache"],
        dir.path(),
    );
    no_panic(&o);
    good_finding_kept(&o);
    assert_eq!(o.status.code(), Some(1));
}

#[test]
fn dangling_symlink_and_special_files() {
    let dir = setup();
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink("weg.md", dir.path().join("kapot.md")).expect("symlink");
        let fifo = dir.path().join("pijp.md");
        let ok = Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .is_ok_and(|s| s.success());
        assert!(ok, "mkfifo");
    }
    let o = wetlint(
        &[
            "check",
            ".",
            "kapot.md",
            "pijp.md",
            "--output-format",
            "concise",
            "--no-cache",
        ],
        dir.path(),
    );
    no_panic(&o);
    good_finding_kept(&o);
    let t = text(&o);
    assert!(t.contains("kapot.md") && t.contains("pijp.md"), "{t}");
    assert_eq!(o.status.code(), Some(2), "{t}");
}

#[test]
fn huge_file_is_refused_clearly() {
    let dir = setup();
    let f = std::fs::File::create(dir.path().join("groot.md")).expect("create");
    f.set_len(200 * 1024 * 1024).expect("sparse 200 MB file");
    let o = wetlint(
        &["check", ".", "--output-format", "concise", "--no-cache"],
        dir.path(),
    );
    no_panic(&o);
    good_finding_kept(&o);
    assert!(
        text(&o).contains("groot.md") && text(&o).contains("te groot"),
        "{}",
        text(&o)
    );
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn invalid_utf8_nul_bytes_and_nesting() {
    let dir = setup();
    std::fs::write(
        dir.path().join("latin1.md"),
        b"# Toelichting\n\nCaf\xe9 en cr\xe8me.\n",
    )
    .expect("write");
    std::fs::write(dir.path().join("nul.md"), b"# Toelichting\n\x00\x00\x00").expect("write");
    let mut nested = String::from("# Wet van 1 januari 2027, houdende regels\n\n### Artikel 1\n\n");
    for depth in 0..5000 {
        nested.push_str(&"  ".repeat(depth % 400));
        nested.push_str("- a. 1°. > | lid\n");
    }
    std::fs::write(dir.path().join("genest.md"), nested).expect("write");
    let o = wetlint(
        &["check", ".", "--output-format", "concise", "--no-cache"],
        dir.path(),
    );
    no_panic(&o);
    good_finding_kept(&o);
    let t = text(&o);
    assert!(t.contains("latin1.md:3:4") && t.contains("UTF-8"), "{t}");
    assert!(t.contains("nul.md") && t.contains("binair"), "{t}");
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn many_files_in_one_folder() {
    let dir = setup();
    let n = std::env::var("WETLINT_FAULT_FILES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100_000usize);
    let sub = dir.path().join("veel");
    std::fs::create_dir(&sub).expect("mkdir");
    for i in 0..n {
        std::fs::write(sub.join(format!("r{i}.md")), "# Besluit van 1 januari 2027, houdende regels\n\n### Artikel 1\n\nDit besluit treedt in werking op 1 januari 2027.\n").expect("write");
    }
    let o = wetlint(
        &[
            "check",
            ".",
            "--output-format",
            "concise",
            "--no-cache",
            "--select",
            "UITV-002",
        ],
        dir.path(),
    );
    no_panic(&o);
    good_finding_kept(&o);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
}

#[test]
fn output_pipe_closed_early() {
    let dir = setup();
    for i in 0..200 {
        std::fs::write(dir.path().join(format!("t{i}.md")), GOOD).expect("write");
    }
    let mut child = Command::new(env!("CARGO_BIN_EXE_wetlint"))
        .args(["check", ".", "--output-format", "concise", "--no-cache"])
        .current_dir(dir.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    // Close our end of stdout at once: the writer sees a broken pipe.
    drop(child.stdout.take());
    let o = child.wait_with_output().expect("wait");
    no_panic(&o);
    // Findings existed; a closed pipe is not an internal error.
    assert!(
        matches!(o.status.code(), Some(1) | Some(2)),
        "{:?}",
        o.status
    );
}

#[test]
fn file_deleted_mid_run_is_an_error_not_a_crash() {
    // Discovery and reading are separate steps; a file listed but gone by the
    // time it is read must be reported by name. A dangling path given
    // explicitly exercises the same path deterministically.
    let dir = setup();
    let o = wetlint(
        &[
            "check",
            ".",
            "verdwenen.md",
            "--output-format",
            "concise",
            "--no-cache",
        ],
        dir.path(),
    );
    no_panic(&o);
    good_finding_kept(&o);
    assert!(
        text(&o).contains("verdwenen.md") && text(&o).contains("bestaat niet"),
        "{}",
        text(&o)
    );
    assert_eq!(o.status.code(), Some(2));
}
