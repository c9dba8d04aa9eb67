//! The `copydesk` binary: the language server and the command-line checker.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use copydesk::cli::{self, CheckOptions, OutputFormat};

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
    },
    /// Print the analysis of each draft as one JSON object per line.
    Analyze {
        /// Files or directories (default: the current directory); `-` reads stdin.
        paths: Vec<PathBuf>,
        /// The name to report for text read from stdin.
        #[arg(long, value_name = "NAME")]
        stdin_filename: Option<String>,
    },
    /// The legislation knowledge base.
    #[command(subcommand)]
    Kb(KbCommand),
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
        } => cli::check(&CheckOptions {
            paths,
            format,
            stdin_filename,
        }),
        Command::Analyze {
            paths,
            stdin_filename,
        } => cli::analyze(&paths, stdin_filename.as_deref()),
        Command::Kb(KbCommand::Import { paths, output }) => {
            cli::kb_import(&paths, output.as_deref())
        }
        Command::Kb(KbCommand::Lookup { name }) => cli::kb_lookup(&name.join(" ")),
    }
}
