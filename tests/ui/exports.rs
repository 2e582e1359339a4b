//! "Export HAR…" and "Save diagnostics…" on the ended screen, with a fake save dialog: the
//! files appear, are valid, and hold no token; a cancelled dialog does nothing; a path that
//! cannot be written is reported with the path.

use std::sync::Arc;
use std::time::Duration;

use egui::accesskit::Role;
use egui_kittest::kittest::Queryable as _;

use guest_join::emulator::LobbyPolicy;
use guest_join::join::Phase;

use crate::common::exports::{file, har_problems, unzip};
use crate::common::secrets::{NOT_IN_A_JOIN, assert_no_secret};
use crate::support::*;

fn leave(j: &mut Joined) {
    wait_for(&mut j.h, "Participants (");
    press_leave(&mut j.h);
    wait_for(&mut j.h, "You left the meeting");
}

#[test]
fn export_har_after_a_join_writes_a_valid_archive_without_tokens() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("session.har");
    let dialog = Arc::new(FakeDialog::answering(path.clone()));
    let mut j = joined_with_dialog(LobbyPolicy::Open, dialog.clone());
    leave(&mut j);
    j.h.get_by_label("Export HAR…").click();
    wait_for(&mut j.h, "Saved to ");
    assert!(shows(&j.h, &format!("Saved to {}", path.display())));
    let asked = dialog.asked();
    assert_eq!(asked.len(), 1);
    assert_eq!(asked[0].extensions, ["har"]);
    assert!(asked[0].file_name.ends_with(".har"));

    let text = std::fs::read_to_string(&path).unwrap();
    assert_no_secret("HAR", &text, &NOT_IN_A_JOIN);
    let doc: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(har_problems(&doc), Vec::<String>::new());
    let entries = doc["log"]["entries"].as_array().unwrap();
    let steps: Vec<&str> = entries.iter().filter_map(|e| e["_step"].as_str()).collect();
    for step in ["service_application", "discovery", "application", "leave"] {
        assert!(steps.contains(&step), "no {step} exchange in {steps:?}");
    }
    j.close();
}

#[test]
fn save_diagnostics_after_a_denied_join_writes_the_bundle() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("denied.zip");
    let dialog = Arc::new(FakeDialog::answering(path.clone()));
    let mut j = joined_with_dialog(LobbyPolicy::Manual, dialog.clone());
    until_phase(&mut j.h, Phase::InLobby);
    j.demo.control().deny(URL, None).unwrap();
    wait_for(&mut j.h, "The organizer did not let you in");
    j.h.get_by_label("Save diagnostics…").click();
    wait_for(&mut j.h, "Saved to ");
    assert_eq!(dialog.asked()[0].extensions, ["zip"]);

    let files = unzip(&std::fs::read(&path).unwrap());
    let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        [
            "README.txt",
            "about.json",
            "config.json",
            "timeline.json",
            "traffic.har",
            "events.jsonl",
            "correlation.json"
        ]
    );
    for (name, text) in &files {
        assert_no_secret(name, text, &NOT_IN_A_JOIN);
        assert!(!text.contains("UITEST01") || name == "traffic.har" || name == "events.jsonl");
    }
    let timeline: serde_json::Value = serde_json::from_str(file(&files, "timeline.json")).unwrap();
    assert_eq!(timeline["failure"]["id"], "GJ-LOBBY-DENIED");
    let har: serde_json::Value = serde_json::from_str(file(&files, "traffic.har")).unwrap();
    assert_eq!(har_problems(&har), Vec::<String>::new());
    assert!(!har["log"]["entries"].as_array().unwrap().is_empty());
    let events = file(&files, "events.jsonl");
    assert!(
        events
            .lines()
            .all(|l| serde_json::from_str::<serde_json::Value>(l).is_ok())
    );
    assert!(events.contains("\"type\":\"failed\""));
    // "Copy diagnostics" is still there.
    assert!(j.h.query_by_label("Copy diagnostics").is_some());
    j.close();
}

#[test]
fn a_cancelled_dialog_does_nothing() {
    let dialog = Arc::new(FakeDialog::cancelling());
    let mut j = joined_with_dialog(LobbyPolicy::Open, dialog.clone());
    leave(&mut j);
    j.h.get_by_label("Export HAR…").click();
    step_until(&mut j.h, "the dialog", Duration::from_secs(10), |_| {
        !dialog.asked().is_empty()
    });
    for _ in 0..5 {
        j.h.step();
    }
    assert!(!shows(&j.h, "Saved to") && !shows(&j.h, "could not be saved"));
    j.close();
}

#[test]
fn without_a_file_dialog_the_export_goes_to_the_fallback_folder_and_says_where() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("taken.txt"), "not ours").unwrap();
    let dialog = Arc::new(FakeDialog::unavailable(dir.path().to_path_buf()));
    let mut j = joined_with_dialog(LobbyPolicy::Open, dialog.clone());
    leave(&mut j);
    let hars = |dir: &std::path::Path| {
        let mut v: Vec<_> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "har"))
            .collect();
        // In the order they were written: `name.har`, then `name-2.har`.
        v.sort_by_key(|p| (p.as_os_str().len(), p.clone()));
        v
    };
    for round in 1..=2 {
        j.h.get_by_label("Export HAR…").click();
        // The second export does not overwrite the first; the note names the new file.
        step_until(&mut j.h, "a new HAR file", Duration::from_secs(10), |h| {
            let all = hars(dir.path());
            all.len() == round
                && shows(
                    h,
                    &format!(
                        "No file dialog is available on this desktop. Saved to {}",
                        all[round - 1].display()
                    ),
                )
        });
        let text = std::fs::read_to_string(&hars(dir.path())[round - 1]).unwrap();
        assert!(har_problems(&serde_json::from_str(&text).unwrap()).is_empty());
        assert_no_secret("fallback HAR", &text, &NOT_IN_A_JOIN);
    }
    j.h.get_by_label("Save diagnostics…").click();
    wait_for(&mut j.h, ".zip");
    assert!(
        dir.path()
            .read_dir()
            .unwrap()
            .any(|e| { e.unwrap().path().extension().is_some_and(|x| x == "zip") })
    );
    assert_eq!(dialog.asked().len(), 3);
    j.close();
}

#[test]
fn a_path_that_cannot_be_written_is_reported_with_the_path() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("no-such-dir").join("x.har");
    let dialog = Arc::new(FakeDialog::answering(path.clone()));
    let mut j = joined_with_dialog(LobbyPolicy::Open, dialog);
    leave(&mut j);
    j.h.get_by_label("Export HAR…").click();
    wait_for(&mut j.h, "The HAR file could not be saved");
    assert!(shows(&j.h, &path.display().to_string()));
    j.close();
}

#[test]
fn diagnostics_can_be_saved_while_joining() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("joining.zip");
    let dialog = Arc::new(FakeDialog::answering(path.clone()));
    let rt = runtime();
    let demo = start_env(&rt, LobbyPolicy::Manual);
    // Latency on every exchange keeps the joining screen up for a while.
    demo.control().set_latency(Duration::from_millis(800));
    let mut h = harness_with_dialog(
        &rt,
        guest_join::gui::AppInit::with_config(config_for(&demo)),
        dialog,
    );
    fill_and_join(&mut h, URL, "Ada Guest");
    wait_for(&mut h, "Joining the meeting on");
    h.get_by_label("Save diagnostics…").click();
    // Complete once the zip opens (its directory is written last).
    step_until(&mut h, "the bundle", Duration::from_secs(30), |_| {
        std::fs::read(&path).is_ok_and(|b| zip::ZipArchive::new(std::io::Cursor::new(b)).is_ok())
    });
    let files = unzip(&std::fs::read(&path).unwrap());
    assert_eq!(files.len(), 7);
    demo.control().set_latency(Duration::ZERO);
    until_phase(&mut h, Phase::InLobby);
    h.get_by_role_and_label(Role::Button, "Cancel").click();
    h.step();
    until_deleted(Some(&mut h), &demo);
    drop(h);
    rt.block_on(demo.shutdown());
}
