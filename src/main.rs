//! The `protokoll` command line: see `protokoll --help`.

mod cli;

fn main() -> std::process::ExitCode {
    cli::run()
}
