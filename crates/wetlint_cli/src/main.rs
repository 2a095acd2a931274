//! The `wetlint` binary: argument parsing and dispatch to subcommands.

mod outline;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

#[derive(Parser)]
#[command(
    name = "wetlint",
    version,
    about = "Linter voor Nederlandse conceptregelgeving en toelichtingen"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Toon de structuur van een document (artikelen, begrippen, verwijzingen, koppen).
    Outline {
        /// Het bestand.
        file: PathBuf,
        /// Uitvoerformaat.
        #[arg(long, value_enum, default_value_t = OutlineFormat::Text)]
        output_format: OutlineFormat,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum OutlineFormat {
    Text,
    Json,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Outline {
            file,
            output_format,
        } => {
            let display = file.display().to_string();
            let text = match read_text(&file) {
                Ok(t) => t,
                Err(e) => {
                    eprintln!("wetlint: {display}: {e}");
                    return ExitCode::from(2);
                }
            };
            let name = file.file_name().and_then(|n| n.to_str());
            let doc = wetlint_syntax::parse(&text, name);
            let out = match output_format {
                OutlineFormat::Json => outline::to_json(&doc, &text, &display),
                OutlineFormat::Text => outline::to_text(&doc, &text, &display),
            };
            println!("{out}");
            ExitCode::SUCCESS
        }
    }
}

/// Reads a file as UTF-8, with a Dutch error naming the reason and position.
fn read_text(path: &std::path::Path) -> Result<String, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("kan het bestand niet lezen: {e}"))?;
    String::from_utf8(bytes).map_err(|e| {
        format!(
            "het bestand is geen geldige UTF-8-tekst (ongeldige byte op positie {})",
            e.utf8_error().valid_up_to()
        )
    })
}
