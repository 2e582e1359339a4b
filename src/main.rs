//! Entry point: parse the command line, set up logging and the tokio runtime, dispatch.

use clap::Parser;

use guest_join::cli::{Cli, Command};
use guest_join::{headless, logging};

fn main() {
    let cli = Cli::parse();
    logging::init("warn");
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("error: cannot start the async runtime: {e}");
            std::process::exit(1);
        }
    };
    let code = runtime.block_on(async {
        match cli.command {
            Command::Join(args) => headless::join::run(args).await,
            Command::Emulator(args) => headless::servers::run_emulator(args).await,
            Command::ServiceApp(args) => headless::servers::run_service_app(args).await,
        }
    });
    runtime.shutdown_timeout(std::time::Duration::from_secs(2));
    std::process::exit(code);
}
