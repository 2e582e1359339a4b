//! The standalone servers as QA runs them: `guest-join emulator` prints a service-application
//! config, `guest-join service-app --config` serves tokens from it, and `join --service` joins.

use crate::common::binary::{Spawned, json_lines, run_binary, stderr};

#[test]
fn emulator_and_service_app_commands_serve_a_join() {
    let mut emulator = Spawned::start(&["emulator"], &[]);
    let printed = emulator.read_until("press Ctrl-C");
    let config: String = printed
        .iter()
        .skip_while(|l| !l.starts_with("aad_token_url"))
        .take_while(|l| !l.is_empty())
        .map(|l| format!("{l}\n"))
        .collect();
    assert!(config.contains("platform_discover_url"), "{printed:?}");
    assert!(
        printed
            .iter()
            .any(|l| l.contains(guest_join::demo::LOBBY_MEETING_URL))
    );

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("service-app.toml");
    std::fs::write(&path, config).unwrap();
    let secret = guest_join::emulator::DEFAULT_CLIENT_SECRET;
    let mut service = Spawned::start(
        &[
            "service-app",
            "--config",
            path.to_str().unwrap(),
            "--listen",
            "127.0.0.1:0",
        ],
        &[("GUEST_JOIN_SA_CLIENT_SECRET", secret)],
    );
    let line = service.read_until("token URL:").pop().unwrap();
    let token_url = line.rsplit(' ').next().unwrap().to_string();

    let out = run_binary(
        &[
            "join",
            "--service",
            &token_url,
            "--meeting",
            guest_join::demo::LOBBY_MEETING_URL,
            "--name",
            "QA",
            "--json",
        ],
        &[],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let lines = json_lines(&out);
    assert!(
        lines
            .iter()
            .any(|l| l["type"] == "phase" && l["phase"] == "in_lobby"),
        "the lobby demo meeting admits after a wait"
    );
    assert_eq!(lines.last().unwrap()["outcome"], "joined");
}

#[test]
fn service_app_with_a_broken_config_names_file_line_and_field() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.toml");
    std::fs::write(&path, "client_id = \"x\"\nendpoint_sip = 12\n").unwrap();
    let out = run_binary(&["service-app", "--config", path.to_str().unwrap()], &[]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains("bad.toml") && err.contains("endpoint_sip"),
        "{err}"
    );
}
