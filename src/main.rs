//! The `copydesk` binary: the language server and the command-line checker.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use copydesk::cli::{self, CheckOptions, OutputFormat};
use copydesk::fsread::{Limits, MIB};
use copydesk::kb::load::KbReads;

#[global_allocator]
static ALLOCATOR: copydesk::allocator::Allocator = copydesk::allocator::Allocator;

/// Hand memory the allocator holds freed back to the system.
fn release_memory() {
    // SAFETY: `mi_collect` has no preconditions; it only returns pages that
    // hold no live allocation.
    unsafe { libmimalloc_sys::mi_collect(true) }
}

#[derive(Parser)]
#[command(
    name = "copydesk",
    version,
    about = "A copy desk for Markdown drafts: unattributed quotes, unclosed quotes, and laws explained."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Run the language server over stdin and stdout (what editors start).
    Lsp {
        /// Accepted for clients that always pass it; stdio is the only transport.
        #[arg(long)]
        stdio: bool,
    },
    /// Check drafts and print what a copy editor would flag.
    ///
    /// Exit status: 0 when nothing at warning or above was found, 1 when
    /// something was, 2 on usage or read errors.
    Check {
        /// Files or directories (default: the current directory); `-` reads stdin.
        paths: Vec<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
        format: OutputFormat,
        /// The name to report for text read from stdin.
        #[arg(long, value_name = "NAME")]
        stdin_filename: Option<String>,
        #[command(flatten)]
        reads: ReadArgs,
    },
    /// Print the analysis of each draft as one JSON object per line.
    Analyze {
        /// Files or directories (default: the current directory); `-` reads stdin.
        paths: Vec<PathBuf>,
        /// The name to report for text read from stdin.
        #[arg(long, value_name = "NAME")]
        stdin_filename: Option<String>,
        #[command(flatten)]
        reads: ReadArgs,
    },
    /// The legislation knowledge base.
    #[command(subcommand)]
    Kb(KbCommand),
}

/// How much, and how far, `check` and `analyze` may read.
#[derive(clap::Args)]
struct ReadArgs {
    /// The largest draft to read, in MiB.
    #[arg(long, value_name = "MIB", default_value_t = Limits::default().draft / MIB)]
    max_draft_mib: u64,
    /// The largest knowledge-base file to read, in MiB.
    #[arg(long, value_name = "MIB", default_value_t = Limits::default().knowledge_base / MIB)]
    max_kb_mib: u64,
    /// Read the knowledge-base files a `copydesk.toml` names outside its
    /// own folder (refused by default: the file may come with someone
    /// else's repository).
    #[arg(long)]
    kb_outside_workspace: bool,
}

impl ReadArgs {
    fn reads(&self) -> KbReads {
        KbReads {
            limits: Limits {
                draft: self.max_draft_mib.saturating_mul(MIB),
                knowledge_base: self.max_kb_mib.saturating_mul(MIB),
                ..Limits::default()
            },
            outside_workspace: self.kb_outside_workspace,
        }
    }
}

#[derive(Subcommand)]
enum KbCommand {
    /// Import govinfo BILLSTATUS XML (files, folders or zips of the bulk
    /// download) into a knowledge-base file the server can load.
    Import {
        /// BILLSTATUS XML files, folders of them, or zips.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Where to write the entries (JSON Lines); stdout when not given.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// The largest document to read, in MiB: an XML file, or a zip
        /// member as it inflates.
        #[arg(long, value_name = "MIB", default_value_t = Limits::default().import_document / MIB)]
        max_document_mib: u64,
    },
    /// Print what copydesk knows about a law, bill, provision or citation,
    /// as the editor's hover shows it.
    Lookup {
        /// A name, alias or citation: "CHIPS Act", "Pub. L. 117-167".
        #[arg(required = true, num_args = 1..)]
        name: Vec<String>,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Lsp { stdio: _ } => {
            let runtime = match tokio::runtime::Builder::new_multi_thread()
                .enable_all()
                .build()
            {
                Ok(runtime) => runtime,
                Err(err) => {
                    eprintln!("copydesk: cannot start the async runtime: {err}");
                    return ExitCode::from(2);
                }
            };
            copydesk::lsp::on_release_memory(release_memory);
            let ending = runtime.block_on(copydesk::lsp::run_stdio());
            // A read of stdin may still be pending on a blocking thread; the
            // protocol says exit now, not when the client closes the pipe.
            runtime.shutdown_background();
            // The LSP specification: 0 after a shutdown request, else 1.
            match ending {
                copydesk::lsp::Ending::AfterShutdown => ExitCode::SUCCESS,
                copydesk::lsp::Ending::WithoutShutdown => ExitCode::from(1),
            }
        }
        Command::Check {
            paths,
            format,
            stdin_filename,
            reads,
        } => cli::check(&CheckOptions {
            paths,
            format,
            stdin_filename,
            reads: reads.reads(),
        }),
        Command::Analyze {
            paths,
            stdin_filename,
            reads,
        } => cli::analyze(&paths, stdin_filename.as_deref(), reads.reads()),
        Command::Kb(KbCommand::Import {
            paths,
            output,
            max_document_mib,
        }) => {
            let limits = Limits {
                import_document: max_document_mib.saturating_mul(MIB),
                ..Limits::default()
            };
            cli::kb_import(&paths, output.as_deref(), &limits)
        }
        Command::Kb(KbCommand::Lookup { name }) => cli::kb_lookup(&name.join(" ")),
    }
}
