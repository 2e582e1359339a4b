//! `guest-join package-files DIR` (hidden): the files a package installs that come from the
//! command-line definitions themselves, so they never drift from it — a man page per command
//! (`man/guest-join.1`, `man/guest-join-join.1`, …) and completions for bash, zsh and fish
//! (`completions/`). The `.deb` build runs it on the release binary.

use std::path::Path;

use clap::CommandFactory;
use clap_complete::Shell;

use crate::cli::Cli;

/// The program's name in man pages and completions.
const BIN: &str = "guest-join";

/// Where each shell's completion file goes inside `DIR/completions`.
const SHELLS: [Shell; 3] = [Shell::Bash, Shell::Zsh, Shell::Fish];

/// Write the man pages and completions under `out`; exit code 0, or 1 with the reason.
pub fn run(out: &Path) -> i32 {
    match write_all(out) {
        Ok(count) => {
            println!("{count} files written under {}", out.display());
            0
        }
        Err(e) => {
            eprintln!("error: {}: {e}", out.display());
            1
        }
    }
}

fn write_all(out: &Path) -> std::io::Result<usize> {
    let man = out.join("man");
    let completions = out.join("completions");
    std::fs::create_dir_all(&man)?;
    std::fs::create_dir_all(&completions)?;
    let mut count = 0;
    // One page for the program and one per visible subcommand (hidden ones are left out).
    let cmd = Cli::command().name(BIN).bin_name(BIN);
    clap_mangen::generate_to(cmd, &man)?;
    count += std::fs::read_dir(&man)?.count();
    for shell in SHELLS {
        let mut cmd = Cli::command();
        clap_complete::generate_to(shell, &mut cmd, BIN, &completions)?;
        count += 1;
    }
    Ok(count)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn man_pages_and_completions_cover_the_commands() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(run(dir.path()), 0);
        let page = std::fs::read_to_string(dir.path().join("man/guest-join.1")).unwrap();
        assert!(page.contains(".TH guest-join 1"), "{page}");
        assert!(
            page.contains("\\-\\-new\\-window"),
            "the window's options are in it"
        );
        let join = std::fs::read_to_string(dir.path().join("man/guest-join-join.1")).unwrap();
        assert!(join.contains("\\-\\-meeting"));
        assert!(
            !dir.path().join("man/guest-join-gui-probe.1").exists(),
            "hidden stays hidden"
        );
        assert!(!dir.path().join("man/guest-join-package-files.1").exists());
        let bash = std::fs::read_to_string(dir.path().join("completions/guest-join.bash")).unwrap();
        assert!(bash.contains("check-service"));
        let zsh = std::fs::read_to_string(dir.path().join("completions/_guest-join")).unwrap();
        assert!(zsh.contains("#compdef guest-join"));
        let fish = std::fs::read_to_string(dir.path().join("completions/guest-join.fish")).unwrap();
        assert!(fish.contains("complete -c guest-join"));
    }
}
