//! The wetlint language server: `wetlint server` speaks LSP over stdio.
//!
//! Architecture:
//! * [`WetlintService`] wraps tower-lsp-server's service and applies
//!   `didOpen`/`didChange`/`didClose` synchronously in `call`, which the
//!   transport invokes strictly in arrival order: edits can never be
//!   reordered by the concurrent request scheduler;
//! * [`session`] holds documents (text, version, incremental tree-sitter
//!   tree), disk files for pairing, configurations and lint outcomes;
//! * a change schedules a debounced lint of an immutable snapshot of the
//!   document and its partner (regulation ↔ toelichting) on a blocking task;
//!   the result is published only if every version it read is still current;
//! * every request handler runs on a blocking task: a panic is caught,
//!   logged to the client (`window/logMessage`) and answered with an error,
//!   and the server keeps serving;
//! * [`convert`] is the only place where byte offsets meet UTF-16 positions.
//!
//! The capability list is in [`capabilities`].

#![deny(clippy::print_stdout, clippy::print_stderr)]

pub mod convert;
mod handlers;
pub mod session;
mod transport;

use std::panic::AssertUnwindSafe;
use std::path::PathBuf;
use std::pin::Pin;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, OnceLock};
use std::task::{Context, Poll};
use std::time::Duration;

use serde_json::Value;
use tower_lsp_server::jsonrpc::{self, Request, Response};
use tower_lsp_server::ls_types::*;
use tower_lsp_server::{Client, ClientSocket, ExitedError, LanguageServer, LspService, Server};

use crate::session::{ClientSettings, LintOutcome, OpenDoc, Session, Snapshot};

pub use handlers::Unit;

/// Name of the custom request returning the public-values coverage matrix.
pub const WAARDEN_DEKKING: &str = "wetlint/waardenDekking";

/// Server options (the binary uses the defaults; tests and benchmarks tune them).
#[derive(Debug, Clone)]
pub struct Options {
    /// Delay between the last change and the lint run.
    pub debounce: Duration,
    /// Index the workspace folders for workspace symbols and pairing.
    pub scan_workspace: bool,
    /// Registers `wetlint/testPanic`, a request whose handler panics (tests only).
    pub test_hooks: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            debounce: Duration::from_millis(200),
            scan_workspace: true,
            test_hooks: false,
        }
    }
}

/// What the client told us it supports.
#[derive(Debug, Clone, Default)]
struct ClientCaps {
    watch_dynamic: bool,
    configuration: bool,
    document_changes: bool,
    hierarchical_symbols: bool,
}

/// Shared server state.
pub struct State {
    client: Client,
    options: Options,
    session: Mutex<Session>,
    caps: OnceLock<ClientCaps>,
    initialized: AtomicBool,
    publish_lock: tokio::sync::Mutex<()>,
}

/// Every capability the server announces, in one place.
pub fn capabilities() -> ServerCapabilities {
    ServerCapabilities {
        position_encoding: Some(PositionEncodingKind::UTF16),
        text_document_sync: Some(TextDocumentSyncCapability::Options(
            TextDocumentSyncOptions {
                open_close: Some(true),
                change: Some(TextDocumentSyncKind::INCREMENTAL),
                will_save: None,
                will_save_wait_until: None,
                save: Some(TextDocumentSyncSaveOptions::Supported(true)),
            },
        )),
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        definition_provider: Some(OneOf::Left(true)),
        references_provider: Some(OneOf::Left(true)),
        document_symbol_provider: Some(OneOf::Left(true)),
        workspace_symbol_provider: Some(OneOf::Left(true)),
        code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
            code_action_kinds: Some(vec![
                CodeActionKind::QUICKFIX,
                CodeActionKind::REFACTOR_REWRITE,
            ]),
            work_done_progress_options: WorkDoneProgressOptions::default(),
            resolve_provider: Some(false),
        })),
        semantic_tokens_provider: Some(SemanticTokensServerCapabilities::SemanticTokensOptions(
            SemanticTokensOptions {
                work_done_progress_options: WorkDoneProgressOptions::default(),
                legend: handlers::semantic_tokens::legend(),
                range: Some(false),
                full: Some(SemanticTokensFullOptions::Bool(true)),
            },
        )),
        folding_range_provider: Some(FoldingRangeProviderCapability::Simple(true)),
        workspace: Some(WorkspaceServerCapabilities {
            workspace_folders: Some(WorkspaceFoldersServerCapabilities {
                supported: Some(true),
                change_notifications: Some(OneOf::Left(true)),
            }),
            file_operations: None,
        }),
        experimental: Some(serde_json::json!({ "waardenDekking": WAARDEN_DEKKING })),
        ..ServerCapabilities::default()
    }
}

fn panic_message(p: &(dyn std::any::Any + Send)) -> String {
    p.downcast_ref::<&str>()
        .map(|s| (*s).to_string())
        .or_else(|| p.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "onbekende oorzaak".to_string())
}

impl State {
    fn new(client: Client, options: Options) -> Self {
        State {
            client,
            options,
            session: Mutex::new(Session::default()),
            caps: OnceLock::new(),
            initialized: AtomicBool::new(false),
            publish_lock: tokio::sync::Mutex::new(()),
        }
    }

    /// Locks the session; a poisoned lock (a panic while holding it) is taken over.
    fn lock(&self) -> std::sync::MutexGuard<'_, Session> {
        self.session
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    fn caps(&self) -> ClientCaps {
        self.caps.get().cloned().unwrap_or_default()
    }

    fn debounce(&self) -> Duration {
        self.lock()
            .client_settings
            .debounce_ms
            .map_or(self.options.debounce, Duration::from_millis)
    }

    /// Sends a log message without waiting in the caller.
    fn log(&self, typ: MessageType, message: String) {
        let client = self.client.clone();
        spawn(async move { client.log_message(typ, message).await });
    }

    /// Runs `f` on a blocking thread; a panic is logged and becomes `None`.
    async fn guarded<T: Send + 'static>(
        self: &Arc<Self>,
        feature: &'static str,
        f: impl FnOnce() -> T + Send + 'static,
    ) -> Option<T> {
        match tokio::task::spawn_blocking(f).await {
            Ok(v) => Some(v),
            Err(e) => {
                let why = if e.is_panic() {
                    panic_message(&*e.into_panic())
                } else {
                    "taak afgebroken".to_string()
                };
                self.client
                    .log_message(
                        MessageType::ERROR,
                        format!("wetlint: interne fout bij {feature}: {why}. De server blijft actief; meld dit alstublieft."),
                    )
                    .await;
                None
            }
        }
    }

    /// A request body on a blocking thread; a panic becomes an internal error response.
    async fn request<T: Send + 'static>(
        self: &Arc<Self>,
        feature: &'static str,
        f: impl FnOnce() -> T + Send + 'static,
    ) -> jsonrpc::Result<T> {
        self.guarded(feature, f)
            .await
            .ok_or_else(|| jsonrpc::Error {
                code: jsonrpc::ErrorCode::InternalError,
                message: format!("interne fout bij {feature}; zie het logboek van wetlint").into(),
                data: None,
            })
    }

    // --- document synchronisation (synchronous, in arrival order) -------------

    /// Applies a text synchronisation notification. Called in arrival order;
    /// never awaits, never panics outward.
    fn sync_notification(self: &Arc<Self>, method: &str, params: Option<Value>) {
        let run = std::panic::catch_unwind(AssertUnwindSafe(|| self.sync_inner(method, params)));
        if let Err(p) = run {
            self.log(
                MessageType::ERROR,
                format!(
                    "wetlint: interne fout bij {method}: {}. De server blijft actief.",
                    panic_message(&*p)
                ),
            );
        }
    }

    fn sync_inner(self: &Arc<Self>, method: &str, params: Option<Value>) {
        let params = params.unwrap_or(Value::Null);
        match method {
            "textDocument/didOpen" => {
                match serde_json::from_value::<DidOpenTextDocumentParams>(params) {
                    Ok(p) => self.did_open_sync(p),
                    Err(e) => self.log(
                        MessageType::WARNING,
                        format!("wetlint: ongeldige didOpen genegeerd: {e}"),
                    ),
                }
            }
            "textDocument/didChange" => {
                match serde_json::from_value::<DidChangeTextDocumentParams>(params) {
                    Ok(p) => self.did_change_sync(p),
                    Err(e) => self.log(
                        MessageType::WARNING,
                        format!("wetlint: ongeldige didChange genegeerd: {e}"),
                    ),
                }
            }
            "textDocument/didClose" => {
                match serde_json::from_value::<DidCloseTextDocumentParams>(params) {
                    Ok(p) => self.did_close_sync(p),
                    Err(e) => self.log(
                        MessageType::WARNING,
                        format!("wetlint: ongeldige didClose genegeerd: {e}"),
                    ),
                }
            }
            _ => {}
        }
    }

    fn did_open_sync(self: &Arc<Self>, p: DidOpenTextDocumentParams) {
        let td = p.text_document;
        let key = td.uri.as_str().to_string();
        let doc = OpenDoc::new(td.uri, td.language_id, td.version, td.text);
        let is_config = doc.is_config();
        self.lock().open.insert(key.clone(), doc);
        if is_config {
            return;
        }
        // Documents that may pair with this one (same folder, or paired with
        // it before) get diagnostics that now read its open text.
        let dir = self.lock().open.get(&key).and_then(|d| {
            d.path
                .as_deref()
                .and_then(|p| p.parent())
                .map(std::path::Path::to_path_buf)
        });
        self.relint_related(Some(&key), dir.as_deref());
    }

    fn did_change_sync(self: &Arc<Self>, p: DidChangeTextDocumentParams) {
        let key = p.text_document.uri.as_str().to_string();
        let is_config = {
            let mut s = self.lock();
            match s.open.get_mut(&key) {
                Some(doc) => {
                    doc.apply(p.text_document.version, p.content_changes);
                    doc.is_config()
                }
                None => {
                    drop(s);
                    self.log(
                        MessageType::WARNING,
                        format!("wetlint: wijziging voor een document dat niet geopend is genegeerd: {key}"),
                    );
                    return;
                }
            }
        };
        if !is_config {
            self.schedule_lint(key, false);
        }
    }

    fn did_close_sync(self: &Arc<Self>, p: DidCloseTextDocumentParams) {
        let key = p.text_document.uri.as_str().to_string();
        let (removed, partner) = {
            let mut s = self.lock();
            let removed = s.open.remove(&key);
            let partner = s.partners.remove(&key).flatten();
            (removed, partner)
        };
        if let Some(doc) = removed {
            if !doc.is_config() {
                let client = self.client.clone();
                let state = self.clone();
                spawn(async move {
                    let _g = state.publish_lock.lock().await;
                    client.publish_diagnostics(doc.uri, Vec::new(), None).await;
                });
            }
            let partner = partner.filter(|p| self.lock().open.contains_key(p));
            if let Some(partner) = partner {
                self.schedule_lint(partner, true);
            }
        }
    }

    // --- linting ----------------------------------------------------------------

    /// Schedules a lint of an open document (debounced unless `now`).
    fn schedule_lint(self: &Arc<Self>, key: String, now: bool) {
        let generation = {
            let mut s = self.lock();
            let Some(doc) = s.open.get_mut(&key) else {
                return;
            };
            doc.lint_generation += 1;
            doc.lint_generation
        };
        let delay = if now { Duration::ZERO } else { self.debounce() };
        let state = self.clone();
        spawn(async move {
            if !delay.is_zero() {
                tokio::time::sleep(delay).await;
            }
            let current = state
                .lock()
                .open
                .get(&key)
                .is_some_and(|d| d.lint_generation == generation);
            if current {
                state.lint_now(key).await;
            }
        });
    }

    /// Lints every open draft (after a configuration change).
    fn relint_all(self: &Arc<Self>) {
        let keys: Vec<String> = self
            .lock()
            .open
            .iter()
            .filter(|(_, d)| !d.is_config())
            .map(|(k, _)| k.clone())
            .collect();
        for k in keys {
            self.schedule_lint(k, true);
        }
    }

    /// Lints `key` and the open documents paired with it or living in `dir`.
    fn relint_related(self: &Arc<Self>, key: Option<&str>, dir: Option<&std::path::Path>) {
        let keys: Vec<String> = {
            let s = self.lock();
            s.open
                .iter()
                .filter(|(k, d)| {
                    !d.is_config()
                        && (Some(k.as_str()) == key
                            || key.is_some()
                                && s.partners.get(*k).and_then(Option::as_deref) == key
                            || dir.is_some_and(|dir| {
                                d.path.as_deref().and_then(|p| p.parent()) == Some(dir)
                            }))
                })
                .map(|(k, _)| k.clone())
                .collect()
        };
        for k in keys {
            self.schedule_lint(k, true);
        }
    }

    async fn lint_now(self: &Arc<Self>, key: String) {
        let (snap, seq) = {
            let mut s = self.lock();
            let Some(snap) = s.snapshot(&key) else { return };
            s.lint_seq += 1;
            (snap, s.lint_seq)
        };
        let state = self.clone();
        let ran = self
            .guarded("controleren", move || {
                let unit = handlers::unit_of(&state, snap);
                let settings = state.lock().client_settings.clone();
                let diagnostics = handlers::diagnostics::lint(&unit, &settings);
                (unit, diagnostics)
            })
            .await;
        if let Some((unit, diagnostics)) = ran {
            self.publish(&key, seq, unit, diagnostics).await;
        }
    }

    async fn publish(
        self: &Arc<Self>,
        key: &str,
        seq: u64,
        unit: Unit,
        diagnostics: Vec<wetlint_diagnostics::Diagnostic>,
    ) {
        if let Some(err) = &unit.config_error {
            let fresh = {
                let mut s = self.lock();
                let fresh = !s.reported_config_errors.contains(err);
                if fresh {
                    s.reported_config_errors.push(err.clone());
                }
                fresh
            };
            if fresh {
                let msg = format!("wetlint: {err}. De standaardinstellingen worden gebruikt.");
                self.client
                    .log_message(MessageType::ERROR, msg.clone())
                    .await;
                self.client.show_message(MessageType::ERROR, msg).await;
            }
        }
        let _g = self.publish_lock.lock().await;
        let snapshots: Vec<Arc<Snapshot>> = unit.snapshots().cloned().collect();
        let outcome = Arc::new(LintOutcome {
            seq,
            snapshots,
            diagnostics,
        });
        let mut sends = Vec::new();
        let mut old_partner = None;
        {
            let mut s = self.lock();
            // Publish only when every open document the run read is still at that version.
            let current = outcome
                .snapshots
                .iter()
                .all(|snap| match s.open.get(&snap.key) {
                    Some(doc) => snap.version == Some(doc.version),
                    None => snap.version.is_none(),
                });
            if !current {
                return;
            }
            for snap in &outcome.snapshots {
                let Some(doc) = s.open.get_mut(&snap.key) else {
                    continue;
                };
                if doc.published_seq >= seq {
                    continue;
                }
                doc.published_seq = seq;
                doc.outcome = Some(outcome.clone());
                let diags = handlers::diagnostics::to_lsp_for(&outcome, &snap.key);
                sends.push((doc.uri.clone(), diags, doc.version));
            }
            let partner = unit.partner_of(key).map(|p| p.key.clone());
            let previous = s.partners.insert(key.to_string(), partner.clone());
            if let Some(Some(prev)) = previous
                && Some(&prev) != partner.as_ref()
            {
                old_partner = Some(prev);
            }
            if let Some(p) = &partner {
                s.partners.insert(p.clone(), Some(key.to_string()));
            }
        }
        for (uri, diags, version) in sends {
            self.client
                .publish_diagnostics(uri, diags, Some(version))
                .await;
        }
        drop(_g);
        let old_partner = old_partner.filter(|p| self.lock().open.contains_key(p));
        if let Some(prev) = old_partner {
            self.schedule_lint(prev, true);
        }
    }

    // --- configuration ----------------------------------------------------------

    fn apply_client_settings(self: &Arc<Self>, value: &Value) -> bool {
        let (settings, problems) = ClientSettings::from_json(value);
        for p in problems {
            self.log(MessageType::WARNING, format!("wetlint: {p}"));
        }
        let mut s = self.lock();
        let changed = s.client_settings != settings;
        s.client_settings = settings;
        changed
    }

    async fn pull_configuration(self: &Arc<Self>) {
        if !self.caps().configuration {
            return;
        }
        let items = vec![ConfigurationItem {
            scope_uri: None,
            section: Some("wetlint".to_string()),
        }];
        if let Ok(values) = self.client.configuration(items).await
            && let Some(v) = values.first()
            && !v.is_null()
            && self.apply_client_settings(v)
        {
            self.relint_all();
        }
    }

    fn config_changed(self: &Arc<Self>) {
        self.lock().invalidate_configs();
        self.log(
            MessageType::INFO,
            "wetlint: wetlint.toml gewijzigd; instellingen opnieuw gelezen".to_string(),
        );
        self.relint_all();
    }
}

fn spawn<F: std::future::Future<Output = ()> + Send + 'static>(f: F) {
    if let Ok(h) = tokio::runtime::Handle::try_current() {
        h.spawn(f);
    }
}

/// The language server backend (tower-lsp-server's [`LanguageServer`]).
pub struct Backend {
    state: Arc<State>,
}

impl Backend {
    fn uri_key(uri: &Uri) -> String {
        uri.as_str().to_string()
    }

    async fn waarden_dekking(&self, params: Value) -> jsonrpc::Result<Value> {
        let uri = params
            .get("textDocument")
            .and_then(|t| t.get("uri"))
            .and_then(Value::as_str)
            .and_then(|u| u.parse::<Uri>().ok())
            .ok_or_else(|| jsonrpc::Error::invalid_params("verwacht { textDocument: { uri } }"))?;
        let state = self.state.clone();
        self.state
            .request("waardendekking", move || {
                handlers::value_coverage::coverage(&state, &Self::uri_key(&uri))
            })
            .await?
    }

    async fn test_panic(&self, _params: Value) -> jsonrpc::Result<Value> {
        self.state
            .request("testPanic", || -> Value {
                panic!("opzettelijke paniek voor de test")
            })
            .await
    }
}

impl LanguageServer for Backend {
    async fn initialize(&self, params: InitializeParams) -> jsonrpc::Result<InitializeResult> {
        let caps = &params.capabilities;
        let text = caps.text_document.as_ref();
        let ws = caps.workspace.as_ref();
        let _ = self.state.caps.set(ClientCaps {
            watch_dynamic: ws
                .and_then(|w| w.did_change_watched_files.as_ref())
                .and_then(|d| d.dynamic_registration)
                .unwrap_or(false),
            configuration: ws.and_then(|w| w.configuration).unwrap_or(false),
            document_changes: ws
                .and_then(|w| w.workspace_edit.as_ref())
                .and_then(|e| e.document_changes)
                .unwrap_or(false),
            hierarchical_symbols: text
                .and_then(|t| t.document_symbol.as_ref())
                .and_then(|d| d.hierarchical_document_symbol_support)
                .unwrap_or(false),
        });
        let mut roots: Vec<PathBuf> = params
            .workspace_folders
            .iter()
            .flatten()
            .filter_map(|f| session::file_path(&f.uri))
            .collect();
        #[allow(deprecated)]
        if roots.is_empty()
            && let Some(root) = params.root_uri.as_ref().and_then(session::file_path)
        {
            roots.push(root);
        }
        self.state.lock().roots = roots;
        if let Some(opts) = &params.initialization_options {
            self.state.apply_client_settings(opts);
        }
        self.state.initialized.store(true, Ordering::SeqCst);
        Ok(InitializeResult {
            capabilities: capabilities(),
            server_info: Some(ServerInfo {
                name: "wetlint".to_string(),
                version: Some(env!("CARGO_PKG_VERSION").to_string()),
            }),
            offset_encoding: None,
        })
    }

    async fn initialized(&self, _: InitializedParams) {
        let state = self.state.clone();
        if state.caps().watch_dynamic {
            let client = state.client.clone();
            spawn(async move {
                let watchers = ["**/wetlint.toml", "**/*.{md,markdown,txt}"]
                    .into_iter()
                    .map(|g| FileSystemWatcher {
                        glob_pattern: GlobPattern::String(g.to_string()),
                        kind: None,
                    })
                    .collect();
                let reg = Registration {
                    id: "wetlint-watch".to_string(),
                    method: "workspace/didChangeWatchedFiles".to_string(),
                    register_options: serde_json::to_value(
                        DidChangeWatchedFilesRegistrationOptions { watchers },
                    )
                    .ok(),
                };
                let _ = client.register_capability(vec![reg]).await;
            });
        }
        let st = state.clone();
        spawn(async move { st.pull_configuration().await });
        if state.options.scan_workspace {
            let st = state.clone();
            spawn(async move {
                let roots = st.lock().roots.clone();
                if let Some(files) = st
                    .guarded("werkruimte lezen", move || session::scan_workspace(&roots))
                    .await
                {
                    st.lock().set_workspace_files(files);
                }
            });
        }
        state.log(
            MessageType::INFO,
            format!("wetlint {} gestart", env!("CARGO_PKG_VERSION")),
        );
    }

    async fn shutdown(&self) -> jsonrpc::Result<()> {
        Ok(())
    }

    // Used only when the backend runs without [`WetlintService`] (which applies
    // these three in `call`).
    async fn did_open(&self, params: DidOpenTextDocumentParams) {
        self.state.did_open_sync(params);
    }

    async fn did_change(&self, params: DidChangeTextDocumentParams) {
        self.state.did_change_sync(params);
    }

    async fn did_close(&self, params: DidCloseTextDocumentParams) {
        self.state.did_close_sync(params);
    }

    async fn did_save(&self, params: DidSaveTextDocumentParams) {
        let path = session::file_path(&params.text_document.uri);
        if path
            .as_deref()
            .and_then(|p| p.file_name())
            .is_some_and(|n| n == wetlint_config::config::FILE_NAME)
        {
            self.state.config_changed();
        }
    }

    async fn did_change_configuration(&self, params: DidChangeConfigurationParams) {
        if !params.settings.is_null() && params.settings.get("wetlint").is_some() {
            if self.state.apply_client_settings(&params.settings) {
                self.state.relint_all();
            }
        } else {
            self.state.pull_configuration().await;
        }
    }

    async fn did_change_watched_files(&self, params: DidChangeWatchedFilesParams) {
        let mut config = false;
        let mut dirs = Vec::new();
        for change in params.changes {
            let Some(path) = session::file_path(&change.uri) else {
                continue;
            };
            if path
                .file_name()
                .is_some_and(|n| n == wetlint_config::config::FILE_NAME)
            {
                config = true;
            } else {
                self.state.lock().invalidate_disk(Some(&path));
                if let Some(d) = path.parent() {
                    dirs.push(d.to_path_buf());
                }
            }
        }
        if config {
            self.state.config_changed();
        }
        dirs.sort();
        dirs.dedup();
        for d in dirs {
            self.state.relint_related(None, Some(&d));
        }
    }

    async fn did_change_workspace_folders(&self, params: DidChangeWorkspaceFoldersParams) {
        let mut s = self.state.lock();
        for f in params.event.removed {
            if let Some(p) = session::file_path(&f.uri) {
                s.roots.retain(|r| *r != p);
            }
        }
        for f in params.event.added {
            if let Some(p) = session::file_path(&f.uri) {
                s.roots.push(p);
            }
        }
        let roots = s.roots.clone();
        drop(s);
        let st = self.state.clone();
        spawn(async move {
            if let Some(files) = st
                .guarded("werkruimte lezen", move || session::scan_workspace(&roots))
                .await
            {
                st.lock().set_workspace_files(files);
            }
        });
    }

    async fn hover(&self, params: HoverParams) -> jsonrpc::Result<Option<Hover>> {
        let p = params.text_document_position_params;
        let key = Self::uri_key(&p.text_document.uri);
        let state = self.state.clone();
        self.state
            .request("hover", move || {
                handlers::hover::hover(&state, &key, p.position)
            })
            .await
    }

    async fn goto_definition(
        &self,
        params: GotoDefinitionParams,
    ) -> jsonrpc::Result<Option<GotoDefinitionResponse>> {
        let p = params.text_document_position_params;
        let key = Self::uri_key(&p.text_document.uri);
        let state = self.state.clone();
        self.state
            .request("ga naar definitie", move || {
                handlers::definition::definition(&state, &key, p.position)
            })
            .await
    }

    async fn references(&self, params: ReferenceParams) -> jsonrpc::Result<Option<Vec<Location>>> {
        let p = params.text_document_position;
        let key = Self::uri_key(&p.text_document.uri);
        let include = params.context.include_declaration;
        let state = self.state.clone();
        self.state
            .request("verwijzingen zoeken", move || {
                handlers::references::references(&state, &key, p.position, include)
            })
            .await
    }

    async fn document_symbol(
        &self,
        params: DocumentSymbolParams,
    ) -> jsonrpc::Result<Option<DocumentSymbolResponse>> {
        let key = Self::uri_key(&params.text_document.uri);
        let state = self.state.clone();
        let nested = self.state.caps().hierarchical_symbols;
        self.state
            .request("documentstructuur", move || {
                handlers::document_symbol::symbols(&state, &key, nested)
            })
            .await
    }

    async fn symbol(
        &self,
        params: WorkspaceSymbolParams,
    ) -> jsonrpc::Result<Option<WorkspaceSymbolResponse>> {
        let state = self.state.clone();
        self.state
            .request("symbolen zoeken", move || {
                handlers::workspace_symbol::symbols(&state, &params.query)
            })
            .await
    }

    async fn code_action(
        &self,
        params: CodeActionParams,
    ) -> jsonrpc::Result<Option<CodeActionResponse>> {
        let state = self.state.clone();
        let document_changes = self.state.caps().document_changes;
        self.state
            .request("snelle oplossingen", move || {
                handlers::code_action::actions(&state, &params, document_changes)
            })
            .await
    }

    async fn semantic_tokens_full(
        &self,
        params: SemanticTokensParams,
    ) -> jsonrpc::Result<Option<SemanticTokensResult>> {
        let key = Self::uri_key(&params.text_document.uri);
        let state = self.state.clone();
        self.state
            .request("semantische markering", move || {
                handlers::semantic_tokens::full(&state, &key)
            })
            .await
    }

    async fn folding_range(
        &self,
        params: FoldingRangeParams,
    ) -> jsonrpc::Result<Option<Vec<FoldingRange>>> {
        let key = Self::uri_key(&params.text_document.uri);
        let state = self.state.clone();
        self.state
            .request("invouwen", move || {
                handlers::folding_range::ranges(&state, &key)
            })
            .await
    }
}

/// The LSP service with in-order document synchronisation (see the crate docs).
pub struct WetlintService {
    inner: LspService<Backend>,
    state: Arc<State>,
}

type BoxedResponse =
    Pin<Box<dyn std::future::Future<Output = Result<Option<Response>, ExitedError>> + Send>>;

impl tower_service::Service<Request> for WetlintService {
    type Response = Option<Response>;
    type Error = ExitedError;
    type Future = BoxedResponse;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, req: Request) -> Self::Future {
        let sync = matches!(
            req.method(),
            "textDocument/didOpen" | "textDocument/didChange" | "textDocument/didClose"
        ) && req.id().is_none();
        if sync {
            if self.state.initialized.load(Ordering::SeqCst) {
                let (method, _, params) = req.into_parts();
                self.state.sync_notification(&method, params);
            }
            return Box::pin(std::future::ready(Ok(None)));
        }
        Box::pin(self.inner.call(req))
    }
}

/// Builds the service and the client socket (for in-process use).
pub fn service(options: Options) -> (WetlintService, ClientSocket) {
    let test_hooks = options.test_hooks;
    let mut builder = LspService::build(|client| Backend {
        state: Arc::new(State::new(client, options)),
    })
    .custom_method(WAARDEN_DEKKING, Backend::waarden_dekking);
    if test_hooks {
        builder = builder.custom_method("wetlint/testPanic", Backend::test_panic);
    }
    let (inner, socket) = builder.finish();
    let state = inner.inner().state.clone();
    (WetlintService { inner, state }, socket)
}

/// Serves LSP over the given byte streams until the client exits. Malformed
/// frames are answered with errors and dropped (see `transport`), so that
/// one bad message cannot end the session.
pub async fn serve<I, O>(input: I, output: O, options: Options)
where
    I: tokio::io::AsyncRead + Unpin,
    O: tokio::io::AsyncWrite,
{
    transport::guarded(input, output, |server_in, server_out| async move {
        let (service, socket) = service(options);
        Server::new(server_in, server_out, socket)
            .serve(service)
            .await;
    })
    .await;
}

/// `wetlint server`: LSP over stdin/stdout.
pub async fn run_stdio() {
    serve(tokio::io::stdin(), tokio::io::stdout(), Options::default()).await;
}
