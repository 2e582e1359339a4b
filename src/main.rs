//! Entry point: parse the command line, set up logging and the tokio runtime, dispatch.

use clap::Parser;

use guest_join::cli::{Cli, Command, GuiArgs};
use guest_join::{commands, gui, logging, qa};

/// The window runs on this (main) thread; the engine on the runtime, entered so that code
/// needing a runtime context finds it.
fn run_gui(
    args: GuiArgs,
    runtime: &tokio::runtime::Runtime,
    log_file: Option<std::path::PathBuf>,
) -> i32 {
    let _guard = runtime.enter();
    let options = gui::GuiOptions {
        config: args.config,
        meeting: args.meeting,
        name: args.name,
        kiosk: args.kiosk,
        language: args.language,
        link: args.link,
        new_window: args.new_window,
    };
    gui::run(options, runtime.handle().clone(), log_file)
}

fn main() {
    // The probe measures start to first frame from here.
    let started = std::time::Instant::now();
    // Still one thread: the only moment the local time offset can be read (chat times).
    gui::init_local_offset();
    let cli = Cli::parse();
    // The window also logs to a file (the terminal it was started from may be long gone);
    // the commands log to stderr only.
    let window = matches!(cli.command, None | Some(Command::Gui(_)));
    let log_file = logging::log_path().filter(|_| window);
    let file_log = match &log_file {
        Some(path) => logging::init_with_file("warn", path),
        None => {
            logging::init("warn");
            None
        }
    };
    let log_file = log_file.filter(|_| file_log.is_some());
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
        None => run_gui(cli.gui, &runtime, log_file),
        Some(Command::Gui(args)) => run_gui(args, &runtime, log_file),
        Some(Command::Join(args)) => runtime.block_on(commands::join::run(args)),
        Some(Command::Load(args)) => runtime.block_on(qa::load::run(args)),
        Some(Command::Bench(args)) => runtime.block_on(qa::bench::run(args)),
        Some(Command::Soak(args)) => runtime.block_on(qa::soak::run(args)),
        Some(Command::Emulator(args)) => runtime.block_on(commands::servers::run_emulator(args)),
        Some(Command::ServiceApp(args)) => {
            runtime.block_on(commands::servers::run_service_app(args))
        }
        Some(Command::CheckService(args)) => runtime.block_on(qa::check_service::run(args)),
        // Like the GUI: the window on this thread, the runtime entered.
        Some(Command::GuiProbe(args)) => qa::gui_probe::run(args, started, &runtime),
        Some(Command::PackageFiles { out }) => commands::package_files::run(&out),
        Some(Command::KioskPin) => guest_join::config::kiosk_pin::pin_command(),
    };
    runtime.shutdown_timeout(std::time::Duration::from_secs(2));
    // Flushes the log file (exit skips destructors).
    drop(file_log);
    std::process::exit(code);
}
