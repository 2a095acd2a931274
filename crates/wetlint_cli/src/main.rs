//! The `wetlint` binary: argument parsing and dispatch to subcommands.

mod baseline;
mod cache;
mod check;
mod formats;
mod index_cmd;
mod input;
mod report;
mod rule_cmd;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use wetlint_diagnostics::{OutputFormat, Severity};
use wetlint_linter::Profile;

#[derive(Parser)]
#[command(
    name = "wetlint",
    version,
    about = "Linter voor Nederlandse conceptregelgeving en toelichtingen",
    long_about = "wetlint controleert conceptregelgeving (wet, AMvB, ministeriële regeling, wijzigingsregeling) \
                  en de toelichting daarbij op uitvoerbaarheid, publieke waarden, fragmentatie en de \
                  Aanwijzingen voor de regelgeving."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, ValueEnum)]
enum ProfileArg {
    Concept,
    Consultatie,
    Indiening,
    Batch,
}

impl From<ProfileArg> for Profile {
    fn from(p: ProfileArg) -> Self {
        match p {
            ProfileArg::Concept => Profile::Concept,
            ProfileArg::Consultatie => Profile::Consultatie,
            ProfileArg::Indiening => Profile::Indiening,
            ProfileArg::Batch => Profile::Batch,
        }
    }
}

#[derive(Clone, Copy, ValueEnum)]
enum FailOn {
    Error,
    Warning,
    Info,
}

#[derive(Subcommand)]
enum Command {
    /// Controleer bestanden of mappen (recursief) en rapporteer bevindingen.
    Check {
        /// Bestanden of mappen (standaard: de huidige map).
        paths: Vec<PathBuf>,
        /// Fase: concept (tijdens het schrijven), consultatie, indiening (voor de Raad van State) of batch.
        #[arg(long, value_enum)]
        profile: Option<ProfileArg>,
        /// Alleen deze regels (id, prefix, naam of categorie; komma-gescheiden).
        #[arg(long, value_delimiter = ',')]
        select: Vec<String>,
        /// Regels toevoegen aan de selectie.
        #[arg(long, value_delimiter = ',')]
        extend_select: Vec<String>,
        /// Deze regels overslaan.
        #[arg(long, value_delimiter = ',')]
        ignore: Vec<String>,
        /// Ook regels in preview uitvoeren.
        #[arg(long)]
        preview: bool,
        /// Uitvoerformaat.
        #[arg(long, value_enum, default_value_t = OutputFormat::Human)]
        output_format: OutputFormat,
        /// Exitcode 1 bij bevindingen van deze ernst of hoger (standaard: error).
        #[arg(long, value_enum)]
        fail_on: Option<FailOn>,
        /// Altijd exitcode 0 bij bevindingen (fouten in de invoer geven nog steeds 2).
        #[arg(long)]
        exit_zero: bool,
        /// Toon het aantal bevindingen per regel in plaats van de bevindingen.
        #[arg(long)]
        statistics: bool,
        /// Sla bevindingen over die in deze baseline staan.
        #[arg(long)]
        baseline: Option<PathBuf>,
        /// Schrijf alle huidige bevindingen als baseline naar dit bestand.
        #[arg(long)]
        write_baseline: Option<PathBuf>,
        /// De toelichting bij de (enige) regeling in PATHS.
        #[arg(long)]
        toelichting: Option<PathBuf>,
        /// Gebruik dit configuratiebestand in plaats van wetlint.toml-bestanden te zoeken.
        #[arg(long)]
        config: Option<PathBuf>,
        /// Kleur in de uitvoer (auto: alleen op een terminal).
        #[arg(long, value_enum, default_value_t = ColorArg::Auto)]
        color: ColorArg,
        /// Index van begripsbepalingen en citeertitels (gemaakt met `wetlint index`).
        #[arg(long)]
        index: Option<PathBuf>,
        /// Gebruik en vul de resultatencache niet.
        #[arg(long)]
        no_cache: bool,
        /// Map voor de resultatencache (standaard .wetlint-cache).
        #[arg(long)]
        cache_dir: Option<PathBuf>,
        /// Maak de resultatencache eerst leeg.
        #[arg(long)]
        clear_cache: bool,
    },
    /// Toon de structuur van een document (artikelen, begrippen, verwijzingen, koppen).
    Outline {
        /// Het bestand.
        file: PathBuf,
        /// Uitvoerformaat.
        #[arg(long, value_enum, default_value_t = OutlineFormat::Text)]
        output_format: OutlineFormat,
    },
    /// Bouw de index van begripsbepalingen en citeertitels over een verzameling regelgeving.
    Index {
        /// Bestanden of mappen.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Het indexbestand dat wordt geschreven.
        #[arg(long)]
        out: PathBuf,
    },
    /// Start de taalserver (Language Server Protocol over stdin/stdout) voor editors.
    Server,
    /// Schrijf een HTML-rapport van een batchcontrole (zelfstandig, zonder netwerk te openen).
    Report {
        /// Bestanden of mappen.
        paths: Vec<PathBuf>,
        /// Het HTML-bestand dat wordt geschreven.
        #[arg(long)]
        html: PathBuf,
        /// Fase (standaard batch).
        #[arg(long, value_enum)]
        profile: Option<ProfileArg>,
        /// Alleen deze regels (id, prefix, naam of categorie).
        #[arg(long, value_delimiter = ',')]
        select: Vec<String>,
        /// Deze regels overslaan.
        #[arg(long, value_delimiter = ',')]
        ignore: Vec<String>,
        /// Index van begripsbepalingen (gemaakt met `wetlint index`).
        #[arg(long)]
        index: Option<PathBuf>,
        /// Gebruik de resultatencache niet.
        #[arg(long)]
        no_cache: bool,
    },
    /// Toon de documentatie van een regel, of van alle regels.
    Rule {
        /// Regelcode (UITV-001) of naam (uitvoeringstoets-ontbreekt).
        id: Option<String>,
        /// Alle regels.
        #[arg(long)]
        all: bool,
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

#[derive(Clone, Copy, ValueEnum)]
enum ColorArg {
    Auto,
    Always,
    Never,
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    let code = match cli.command {
        Command::Check {
            paths,
            profile,
            select,
            extend_select,
            ignore,
            preview,
            output_format,
            fail_on,
            exit_zero,
            statistics,
            baseline,
            write_baseline,
            toelichting,
            config,
            color,
            no_cache,
            index,
            cache_dir,
            clear_cache,
        } => {
            let color = match color {
                ColorArg::Always => true,
                ColorArg::Never => false,
                ColorArg::Auto => wetlint_diagnostics::HumanOptions::for_stdout().color,
            };
            check::run(&check::Options {
                paths,
                profile: profile.map(Into::into),
                select,
                extend_select,
                ignore,
                preview,
                output_format,
                fail_on: fail_on.map(|f| match f {
                    FailOn::Error => Severity::Error,
                    FailOn::Warning => Severity::Warning,
                    FailOn::Info => Severity::Info,
                }),
                exit_zero,
                statistics,
                baseline,
                write_baseline,
                toelichting,
                config,
                color,
                no_cache,
                index,
                cache_dir,
                clear_cache,
            })
        }
        Command::Outline {
            file,
            output_format,
        } => outline_cmd(&file, output_format),
        Command::Index { paths, out } => index_cmd::run(&paths, &out),
        Command::Report {
            paths,
            html,
            profile,
            select,
            ignore,
            index,
            no_cache,
        } => report::run(
            &check::Options {
                paths,
                profile: Some(profile.map(Into::into).unwrap_or(Profile::Batch)),
                select,
                ignore,
                index,
                no_cache,
                ..check::Options::default()
            },
            &html,
        ),
        Command::Server => server_cmd(),
        Command::Rule {
            id,
            all,
            output_format,
        } => {
            if id.is_none() && !all {
                eprintln!("wetlint: geef een regelcode of --all");
                2
            } else {
                rule_cmd::run(
                    id.as_deref(),
                    all,
                    matches!(output_format, OutlineFormat::Json),
                )
            }
        }
    };
    ExitCode::from(code)
}

/// `wetlint server`: the language server over stdio, in a tokio runtime.
fn server_cmd() -> u8 {
    match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => {
            rt.block_on(wetlint_server::run_stdio());
            // A read on stdin may still be pending: do not wait for it.
            rt.shutdown_timeout(std::time::Duration::from_millis(500));
            0
        }
        Err(e) => {
            eprintln!("wetlint: kan de taalserver niet starten: {e}");
            2
        }
    }
}

fn outline_cmd(file: &std::path::Path, format: OutlineFormat) -> u8 {
    if let Some(code) = formats::outline(file, matches!(format, OutlineFormat::Json)) {
        return code;
    }
    let display = file.display().to_string();
    let text = match input::read_text(file) {
        Ok(t) => t,
        Err((e, pos)) => {
            let pos = pos.map(|(r, c)| format!(":{r}:{c}")).unwrap_or_default();
            eprintln!("wetlint: {display}{pos}: {e}");
            return 2;
        }
    };
    let name = file.file_name().and_then(|n| n.to_str());
    let doc = wetlint_syntax::parse(&text, name);
    let out = match format {
        OutlineFormat::Json => wetlint_syntax::outline::to_json(&doc, &text, &display),
        OutlineFormat::Text => wetlint_syntax::outline::to_text(&doc, &text, &display),
    };
    println!("{out}");
    0
}
