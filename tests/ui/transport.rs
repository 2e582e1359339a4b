//! UI tests of the network settings: the proxy and CA file fields are validated as you type
//! and saved; a CA file that cannot be used is reported in a banner naming it.

use std::time::Duration;

use egui_kittest::kittest::Queryable as _;

use guest_join::config::Config;
use guest_join::gui::AppInit;

use crate::support::*;

/// A throw-away CA certificate (PEM) written to `path`.
fn write_test_ca(path: &std::path::Path) {
    let key = rcgen::KeyPair::generate().unwrap();
    let mut params = rcgen::CertificateParams::new(Vec::<String>::new()).unwrap();
    params.is_ca = rcgen::IsCa::Ca(rcgen::BasicConstraints::Unconstrained);
    std::fs::write(path, params.self_signed(&key).unwrap().pem()).unwrap();
}

#[test]
fn an_unusable_ca_file_in_the_config_is_a_banner_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("company-ca.pem");
    let init = AppInit::with_config(Config {
        ca_file: Some(missing.clone()),
        ..Config::default()
    });
    let rt = runtime();
    let mut h = harness(&rt, init);
    h.run();
    assert!(
        shows(&h, &format!("CA file {}: not found", missing.display())),
        "a banner names the CA file"
    );
}

#[test]
fn settings_validate_and_save_the_proxy_and_ca_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("config.toml");
    let ca = dir.path().join("company-ca.pem");
    let init = AppInit {
        config_path: Some(path.clone()),
        ..AppInit::with_config(Config::default())
    };
    let rt = runtime();
    let mut h = harness(&rt, init);
    h.run();
    h.get_by_label("Settings").click();
    h.run();

    type_into(&mut h, "Proxy", "socks5://proxy.example:1080");
    assert!(
        shows(&h, "a proxy URL like http://proxy.contoso.com:8080"),
        "inline proxy check"
    );
    type_into(
        &mut h,
        "CA certificates file (PEM, optional)",
        ca.to_str().unwrap(),
    );
    assert!(
        shows(&h, "company-ca.pem: not found"),
        "inline CA file check"
    );
    h.get_by_label("Save").click();
    h.run();
    assert!(shows(&h, "Fix the marked fields"));

    type_into(&mut h, "Proxy", "http://proxy.example:3128");
    assert!(!shows(&h, "must be an http:// or https:// URL"));
    write_test_ca(&ca);
    // The same text is not read again; a changed text is.
    type_into(
        &mut h,
        "CA certificates file (PEM, optional)",
        &format!("{} ", ca.display()),
    );
    assert!(!shows(&h, "not found"), "the CA file is valid now");
    type_into(&mut h, "No proxy for (with a proxy URL)", ".corp.example");
    h.get_by_label("Save").click();
    step_until(&mut h, "the saved file", Duration::from_secs(10), |_| {
        std::fs::read_to_string(&path).is_ok_and(|t| t.contains("proxy.example"))
    });
    let saved = guest_join::config::load(&path);
    assert!(saved.error.is_none(), "{:?}", saved.error);
    assert_eq!(
        saved.config.proxy.as_deref(),
        Some("http://proxy.example:3128")
    );
    assert_eq!(saved.config.no_proxy.as_deref(), Some(".corp.example"));
    assert_eq!(saved.config.ca_file.as_deref(), Some(ca.as_path()));
    h.run();
    assert!(
        !shows(&h, "Network set-up failed"),
        "the new client was built"
    );
}
