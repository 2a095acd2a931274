//! Zed extension: starts `wetlint server` (stdio LSP) for Markdown files.

use zed_extension_api::{self as zed, settings::LspSettings, LanguageServerId, Result, Worktree};

struct Wetlint;

fn lsp_settings(worktree: &Worktree) -> Option<LspSettings> {
    LspSettings::for_worktree("wetlint", worktree).ok()
}

impl zed::Extension for Wetlint {
    fn new() -> Self {
        Wetlint
    }

    fn language_server_command(
        &mut self,
        _id: &LanguageServerId,
        worktree: &Worktree,
    ) -> Result<zed::Command> {
        let binary = lsp_settings(worktree).and_then(|s| s.binary);
        let path = binary
            .as_ref()
            .and_then(|b| b.path.clone())
            .or_else(|| worktree.which("wetlint"))
            .ok_or_else(|| {
                "wetlint is niet gevonden: installeer wetlint (cargo install --path crates/wetlint_cli) \
                 of vul lsp.wetlint.binary.path in bij de instellingen"
                    .to_string()
            })?;
        let args = binary
            .as_ref()
            .and_then(|b| b.arguments.clone())
            .unwrap_or_else(|| vec!["server".to_string()]);
        Ok(zed::Command {
            command: path,
            args,
            env: worktree.shell_env(),
        })
    }

    fn language_server_initialization_options(
        &mut self,
        _id: &LanguageServerId,
        worktree: &Worktree,
    ) -> Result<Option<zed::serde_json::Value>> {
        Ok(lsp_settings(worktree).and_then(|s| s.initialization_options))
    }

    fn language_server_workspace_configuration(
        &mut self,
        _id: &LanguageServerId,
        worktree: &Worktree,
    ) -> Result<Option<zed::serde_json::Value>> {
        Ok(lsp_settings(worktree).and_then(|s| s.settings))
    }
}

zed::register_extension!(Wetlint);
