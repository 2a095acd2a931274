//! An in-process LSP client for the protocol tests: the server runs on
//! tokio duplex pipes with real Content-Length framing, server→client
//! requests are answered automatically, and every message is kept for
//! inspection.

#![allow(dead_code, clippy::unwrap_used, clippy::print_stderr)]

use std::collections::VecDeque;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use serde_json::{Value, json};
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader, DuplexStream};
use tokio::sync::mpsc;

pub const TIMEOUT: Duration = Duration::from_secs(30);

/// A folder with copies of fixtures, removed when dropped.
pub struct TempDir(pub PathBuf);

impl TempDir {
    pub fn new(name: &str) -> TempDir {
        static N: AtomicUsize = AtomicUsize::new(0);
        let dir = std::env::temp_dir().join(format!(
            "wetlint-server-{}-{}-{}",
            name,
            std::process::id(),
            N.fetch_add(1, Ordering::SeqCst)
        ));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        TempDir(std::fs::canonicalize(&dir).unwrap())
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.0.join(name)
    }

    pub fn write(&self, name: &str, text: &str) -> PathBuf {
        let p = self.path(name);
        if let Some(d) = p.parent() {
            std::fs::create_dir_all(d).unwrap();
        }
        std::fs::write(&p, text).unwrap();
        p
    }

    pub fn uri(&self, name: &str) -> String {
        uri_of(&self.path(name))
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

pub fn uri_of(p: &Path) -> String {
    format!("file://{}", p.display())
}

pub fn fixture(rel: &str) -> String {
    let p = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../fixtures")
        .join(rel);
    std::fs::read_to_string(p).unwrap()
}

/// The example bill and its memorie van toelichting in a fresh folder.
pub fn voorbeeldwet(name: &str) -> TempDir {
    let d = TempDir::new(name);
    d.write(
        "wetsvoorstel.md",
        &fixture("drafts/voorbeeldwet/wetsvoorstel.md"),
    );
    d.write(
        "memorie-van-toelichting.md",
        &fixture("drafts/voorbeeldwet/memorie-van-toelichting.md"),
    );
    d
}

pub struct TestClient {
    writer: Arc<tokio::sync::Mutex<DuplexStream>>,
    rx: mpsc::UnboundedReceiver<Value>,
    /// Every server→client message not yet consumed by a wait.
    pub inbox: VecDeque<Value>,
    /// Every server→client message ever received.
    pub log: Arc<Mutex<Vec<Value>>>,
    next_id: i64,
    /// What `workspace/configuration` answers (one value per item).
    pub configuration: Arc<Mutex<Value>>,
    pub versions: std::collections::HashMap<String, i32>,
}

async fn write_frame(w: &tokio::sync::Mutex<DuplexStream>, v: &Value) {
    let body = serde_json::to_string(v).unwrap();
    write_raw(w, &body).await;
}

async fn write_raw(w: &tokio::sync::Mutex<DuplexStream>, body: &str) {
    let mut w = w.lock().await;
    let msg = format!("Content-Length: {}\r\n\r\n{}", body.len(), body);
    let _ = w.write_all(msg.as_bytes()).await;
    let _ = w.flush().await;
}

async fn read_frame(r: &mut BufReader<DuplexStream>) -> Option<Value> {
    let mut len = None;
    loop {
        let mut line = String::new();
        if r.read_line(&mut line).await.ok()? == 0 {
            return None;
        }
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some(v) = line.strip_prefix("Content-Length:") {
            len = v.trim().parse::<usize>().ok();
        }
    }
    let mut buf = vec![0u8; len?];
    r.read_exact(&mut buf).await.ok()?;
    serde_json::from_slice(&buf).ok()
}

impl TestClient {
    pub fn start(options: wetlint_server::Options) -> TestClient {
        let (client_w, server_in) = tokio::io::duplex(1 << 22);
        let (server_out, client_r) = tokio::io::duplex(1 << 22);
        tokio::spawn(wetlint_server::serve(server_in, server_out, options));
        let writer = Arc::new(tokio::sync::Mutex::new(client_w));
        let (tx, rx) = mpsc::unbounded_channel();
        let log = Arc::new(Mutex::new(Vec::new()));
        let configuration = Arc::new(Mutex::new(json!([null])));
        {
            let writer = writer.clone();
            let log = log.clone();
            let configuration = configuration.clone();
            tokio::spawn(async move {
                let mut r = BufReader::new(client_r);
                while let Some(msg) = read_frame(&mut r).await {
                    log.lock().unwrap().push(msg.clone());
                    if let (Some(id), Some(method)) =
                        (msg.get("id"), msg.get("method").and_then(Value::as_str))
                    {
                        let result = match method {
                            "workspace/configuration" => configuration.lock().unwrap().clone(),
                            _ => Value::Null,
                        };
                        write_frame(
                            &writer,
                            &json!({"jsonrpc": "2.0", "id": id, "result": result}),
                        )
                        .await;
                    }
                    if tx.send(msg).is_err() {
                        break;
                    }
                }
            });
        }
        TestClient {
            writer,
            rx,
            inbox: VecDeque::new(),
            log,
            next_id: 0,
            configuration,
            versions: Default::default(),
        }
    }

    pub fn fast() -> TestClient {
        Self::start(wetlint_server::Options {
            debounce: Duration::from_millis(20),
            scan_workspace: true,
            test_hooks: true,
        })
    }

    pub async fn send(&self, v: Value) {
        write_frame(&self.writer, &v).await;
    }

    pub async fn send_raw(&self, body: &str) {
        write_raw(&self.writer, body).await;
    }

    pub async fn notify(&self, method: &str, params: Value) {
        self.send(json!({"jsonrpc": "2.0", "method": method, "params": params}))
            .await;
    }

    async fn next_message(&mut self, deadline: Instant) -> Option<Value> {
        let left = deadline.checked_duration_since(Instant::now())?;
        tokio::time::timeout(left, self.rx.recv())
            .await
            .ok()
            .flatten()
    }

    /// Sends a request and returns the whole response object.
    pub async fn request_full(&mut self, method: &str, params: Value) -> Value {
        self.next_id += 1;
        let id = self.next_id;
        self.send(json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}))
            .await;
        let deadline = Instant::now() + TIMEOUT;
        if let Some(i) = self.inbox.iter().position(|m| is_response(m, id)) {
            return self.inbox.remove(i).unwrap();
        }
        loop {
            let Some(m) = self.next_message(deadline).await else {
                panic!("no response to {method} within {TIMEOUT:?}");
            };
            if is_response(&m, id) {
                return m;
            }
            self.inbox.push_back(m);
        }
    }

    /// Sends a request and returns its `result` (panics on an error response).
    pub async fn request(&mut self, method: &str, params: Value) -> Value {
        let r = self.request_full(method, params).await;
        if let Some(e) = r.get("error") {
            panic!("{method} failed: {e}");
        }
        r.get("result").cloned().unwrap_or(Value::Null)
    }

    /// Waits for a server→client message matching `pred`.
    pub async fn wait_for(&mut self, what: &str, pred: impl Fn(&Value) -> bool) -> Value {
        if let Some(i) = self.inbox.iter().position(&pred) {
            return self.inbox.remove(i).unwrap();
        }
        let deadline = Instant::now() + TIMEOUT;
        loop {
            let Some(m) = self.next_message(deadline).await else {
                let seen: Vec<String> = self
                    .inbox
                    .iter()
                    .map(|m| {
                        let s = m.to_string();
                        s.chars().take(300).collect()
                    })
                    .collect();
                panic!(
                    "timed out waiting for {what}; received:\n{}",
                    seen.join("\n")
                );
            };
            if pred(&m) {
                return m;
            }
            self.inbox.push_back(m);
        }
    }

    /// Waits for diagnostics of `uri` at the version last sent, satisfying `pred`.
    pub async fn diagnostics_where(
        &mut self,
        uri: &str,
        pred: impl Fn(&[Value]) -> bool,
    ) -> Vec<Value> {
        let version = self.versions.get(uri).copied();
        let m = self
            .wait_for(
                &format!("diagnostics for {uri} (version {version:?})"),
                |m| {
                    m.get("method").and_then(Value::as_str)
                        == Some("textDocument/publishDiagnostics")
                        && m["params"]["uri"] == uri
                        && (version.is_none()
                            || m["params"]["version"].as_i64() == version.map(i64::from))
                        && pred(
                            m["params"]["diagnostics"]
                                .as_array()
                                .map_or(&[][..], Vec::as_slice),
                        )
                },
            )
            .await;
        m["params"]["diagnostics"]
            .as_array()
            .cloned()
            .unwrap_or_default()
    }

    /// Waits for the diagnostics of `uri` at the version last sent.
    pub async fn diagnostics(&mut self, uri: &str) -> Vec<Value> {
        self.diagnostics_where(uri, |_| true).await
    }

    /// Drops everything received so far.
    pub fn clear(&mut self) {
        while let Ok(m) = self.rx.try_recv() {
            self.inbox.push_back(m);
        }
        self.inbox.clear();
    }

    pub async fn initialize_with(
        &mut self,
        root: Option<&Path>,
        init: Value,
        caps: Value,
    ) -> Value {
        let root_uri = root.map(uri_of);
        let folders = root
            .map(|r| json!([{"uri": uri_of(r), "name": "ws"}]))
            .unwrap_or(Value::Null);
        let res = self
            .request(
                "initialize",
                json!({
                    "processId": null,
                    "rootUri": root_uri,
                    "workspaceFolders": folders,
                    "capabilities": caps,
                    "initializationOptions": init,
                }),
            )
            .await;
        self.notify("initialized", json!({})).await;
        res
    }

    pub async fn initialize(&mut self, root: Option<&Path>) -> Value {
        self.initialize_with(root, Value::Null, default_caps())
            .await
    }

    pub async fn open(&mut self, uri: &str, text: &str) {
        self.versions.insert(uri.to_string(), 1);
        self.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": text}}),
        )
        .await;
    }

    /// Sends one incremental change and bumps the version.
    pub async fn change(&mut self, uri: &str, range: Value, text: &str) {
        self.change_many(uri, vec![json!({"range": range, "text": text})])
            .await;
    }

    pub async fn change_many(&mut self, uri: &str, changes: Vec<Value>) {
        let v = self.versions.entry(uri.to_string()).or_insert(0);
        *v += 1;
        let v = *v;
        self.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri, "version": v}, "contentChanges": changes}),
        )
        .await;
    }

    pub async fn shutdown(&mut self) {
        let _ = self.request_full("shutdown", Value::Null).await;
        self.notify("exit", Value::Null).await;
    }
}

fn is_response(m: &Value, id: i64) -> bool {
    m.get("method").is_none() && m.get("id").and_then(Value::as_i64) == Some(id)
}

pub fn default_caps() -> Value {
    json!({
        "workspace": {
            "configuration": true,
            "didChangeWatchedFiles": {"dynamicRegistration": true},
            "workspaceEdit": {"documentChanges": true},
        },
        "textDocument": {
            "documentSymbol": {"hierarchicalDocumentSymbolSupport": true},
            "publishDiagnostics": {"relatedInformation": true},
        },
    })
}

pub fn pos(line: u64, character: u64) -> Value {
    json!({"line": line, "character": character})
}

pub fn range(l1: u64, c1: u64, l2: u64, c2: u64) -> Value {
    json!({"start": pos(l1, c1), "end": pos(l2, c2)})
}

/// The 0-based line and UTF-16 column of the first occurrence of `needle`
/// (plus `delta` characters).
pub fn find(text: &str, needle: &str, delta: usize) -> Value {
    let at = text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} not in text"));
    let before = &text[..at];
    let line = before.matches('\n').count();
    let col: usize = before
        .rsplit('\n')
        .next()
        .unwrap()
        .chars()
        .map(char::len_utf16)
        .sum();
    pos(line as u64, (col + delta) as u64)
}

pub fn codes(diags: &[Value]) -> Vec<String> {
    diags
        .iter()
        .filter_map(|d| d["code"].as_str().map(str::to_string))
        .collect()
}

/// Applies LSP text edits to a text (UTF-16 positions), last first.
pub fn apply_edits(text: &str, edits: &[Value]) -> String {
    let lines = wetlint_server::convert::LineMap::new(text);
    let mut spans: Vec<(usize, usize, String)> = edits
        .iter()
        .map(|e| {
            let r: tower_lsp_server::ls_types::Range =
                serde_json::from_value(e["range"].clone()).unwrap();
            let s = lines.span(text, r);
            (s.start, s.end, e["newText"].as_str().unwrap().to_string())
        })
        .collect();
    spans.sort_by_key(|(s, e, _)| (std::cmp::Reverse(*s), std::cmp::Reverse(*e)));
    let mut out = text.to_string();
    for (s, e, t) in spans {
        out.replace_range(s..e, &t);
    }
    out
}

/// The edits of a workspace edit for `uri` (`changes` or `documentChanges`).
pub fn edits_for(edit: &Value, uri: &str) -> Vec<Value> {
    if let Some(e) = edit["changes"][uri].as_array() {
        return e.clone();
    }
    edit["documentChanges"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|d| d["textDocument"]["uri"] == uri)
        .flat_map(|d| d["edits"].as_array().cloned().unwrap_or_default())
        .collect()
}

/// Replaces the whole text of an open document (full sync).
pub async fn replace_all(c: &mut TestClient, uri: &str, text: &str) {
    c.change_many(uri, vec![json!({"text": text})]).await;
}
