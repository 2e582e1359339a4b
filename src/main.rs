//! Entry point: parse the command line, set up logging and the tokio runtime, dispatch.

use clap::Parser;

use guest_join::cli::{Cli, Command, GuiArgs};
use guest_join::{gui, headless, logging};

fn gui_options(args: GuiArgs) -> gui::GuiOptions {
    gui::GuiOptions {
        config: args.config,
        meeting: args.meeting,
        name: args.name,
    }
}

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
    let code = match cli.command {
        // The window runs on this (main) thread; the engine on the runtime.
        None => {
            let _guard = runtime.enter();
            gui::run(gui_options(cli.gui), runtime.handle().clone())
        }
        Some(Command::Gui(args)) => {
            let _guard = runtime.enter();
            gui::run(gui_options(args), runtime.handle().clone())
        }
        Some(command) => runtime.block_on(async {
            match command {
                Command::Join(args) => headless::join::run(args).await,
                Command::Emulator(args) => headless::servers::run_emulator(args).await,
                Command::ServiceApp(args) => headless::servers::run_service_app(args).await,
                Command::Gui(_) => 2,
            }
        }),
    };
    runtime.shutdown_timeout(std::time::Duration::from_secs(2));
    std::process::exit(code);
}
