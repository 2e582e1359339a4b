//! The TOML configuration file.

use std::path::Path;

use crate::service_app::config::KNOWN_KEYS;
use crate::service_app::{ConfigErrorKind, ServiceAppConfig, ServiceAppState};

const GOOD: &str = r#"
aad_token_url = "https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/token"
client_id = "5b1f6a2e-0000-4000-8000-000000000001"
client_secret_env = "GUEST_JOIN_SA_CLIENT_SECRET"
resource = "https://api.skypeforbusiness.com"
endpoint_sip = "sip:helpdesk@contoso.com"
platform_discover_url = "https://api.skypeforbusiness.com/platformservice/discover"
allowed_meeting_urls = ["https://meet.lync.com/contoso/*"]
allowed_origins = ["https://contoso.com"]
service_key_env = "GUEST_JOIN_SA_SERVICE_KEY"
rate_limit_per_minute = 60
trusted_proxies = ["127.0.0.1", " 10.0.0.0/8", "2001:db8::/32"]
"#;

fn env(name: &str) -> Option<String> {
    match name {
        "GUEST_JOIN_SA_CLIENT_SECRET" => Some("the-client-secret".into()),
        "GUEST_JOIN_SA_SERVICE_KEY" => Some("the-service-key".into()),
        _ => None,
    }
}

fn parse(text: &str) -> Result<ServiceAppConfig, crate::service_app::ConfigError> {
    ServiceAppConfig::from_toml_str(text, Path::new("/etc/guest-join/sa.toml"), env)
}

#[test]
fn good_file() {
    let c = parse(GOOD).unwrap();
    assert_eq!(
        c.aad_token_url.host_str(),
        Some("login.microsoftonline.com")
    );
    assert_eq!(c.client_id, "5b1f6a2e-0000-4000-8000-000000000001");
    assert_eq!(c.client_secret.expose(), "the-client-secret");
    assert_eq!(
        c.service_key.as_ref().map(|k| k.expose()),
        Some("the-service-key")
    );
    assert_eq!(c.endpoint_sip, "sip:helpdesk@contoso.com");
    assert_eq!(c.allowed_origins, vec!["https://contoso.com"]);
    assert_eq!(
        c.allowed_meeting_urls,
        vec!["https://meet.lync.com/contoso/*"]
    );
    assert_eq!(c.rate_limit_per_minute, 60);
    assert_eq!(
        c.trusted_proxies,
        vec!["127.0.0.1", "10.0.0.0/8", "2001:db8::/32"]
    );
    assert_eq!(c.max_field_len, 2048);
    let debug = format!("{c:?}");
    assert!(!debug.contains("the-client-secret") && !debug.contains("the-service-key"));
    ServiceAppState::new(c).unwrap();
}

#[test]
fn defaults_and_the_shipped_example() {
    let minimal: String = GOOD
        .lines()
        .filter(|l| {
            ![
                "resource",
                "platform_discover_url",
                "service_key_env",
                "rate_limit",
                "trusted_proxies",
            ]
            .iter()
            .any(|k| l.starts_with(k))
        })
        .collect::<Vec<_>>()
        .join("\n");
    let c = parse(&minimal).unwrap();
    assert_eq!(c.resource, "https://api.skypeforbusiness.com");
    assert_eq!(
        c.platform_discover_url.as_str(),
        "https://api.skypeforbusiness.com/platformservice/discover"
    );
    assert!(c.service_key.is_none());
    assert_eq!(c.rate_limit_per_minute, 60);
    assert!(c.trusted_proxies.is_empty());

    let example = include_str!("../../../assets/service-app.example.toml");
    parse(example).unwrap();
}

#[test]
fn from_a_file_on_disk() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sa.toml");
    let text = GOOD
        .replace(
            "client_secret_env = \"GUEST_JOIN_SA_CLIENT_SECRET\"",
            "client_secret_env = \"PATH\"",
        )
        .replace("service_key_env = \"GUEST_JOIN_SA_SERVICE_KEY\"\n", "");
    std::fs::write(&path, text).unwrap();
    // PATH is set in every test environment; it stands in for the secret here.
    let c = ServiceAppConfig::from_toml_file(&path).unwrap();
    assert!(!c.client_secret.is_empty());

    let err = ServiceAppConfig::from_toml_file(&dir.path().join("absent.toml")).unwrap_err();
    assert_eq!(err.kind, ConfigErrorKind::Io);
    assert!(err.to_string().contains("absent.toml"), "{err}");
}

#[test]
fn missing_field_names_file_line_and_field() {
    let text = GOOD.replace("endpoint_sip = \"sip:helpdesk@contoso.com\"\n", "");
    let err = parse(&text).unwrap_err();
    assert_eq!(err.kind, ConfigErrorKind::MissingField);
    assert_eq!(err.field.as_deref(), Some("endpoint_sip"));
    // A missing key has no line of its own: toml points at the start of the table.
    assert_eq!(err.line, Some(1));
    assert_eq!(
        err.to_string(),
        "/etc/guest-join/sa.toml:1: field `endpoint_sip`: required, but the file does not set it"
    );
}

#[test]
fn unknown_key_is_an_error_at_its_line() {
    let text = format!("{GOOD}colour = \"blue\"\n");
    let err = parse(&text).unwrap_err();
    assert_eq!(err.kind, ConfigErrorKind::UnknownField);
    assert_eq!(err.field.as_deref(), Some("colour"));
    assert_eq!(err.line, Some(GOOD.lines().count() + 1));
    assert!(
        err.to_string()
            .contains(&format!("sa.toml:{}:", GOOD.lines().count() + 1)),
        "{err}"
    );
}

#[test]
fn missing_env_var_names_the_variable_not_a_value() {
    let text = GOOD.replace("GUEST_JOIN_SA_SERVICE_KEY", "GUEST_JOIN_SA_NOT_SET");
    let err = parse(&text).unwrap_err();
    assert_eq!(err.kind, ConfigErrorKind::MissingEnvVar);
    assert_eq!(err.field.as_deref(), Some("service_key_env"));
    assert_eq!(err.line, Some(10));
    assert!(err.to_string().contains("GUEST_JOIN_SA_NOT_SET"), "{err}");

    let err = ServiceAppConfig::from_toml_str(GOOD, Path::new("sa.toml"), |n| {
        (n == "GUEST_JOIN_SA_SERVICE_KEY").then(|| "k".to_string())
    })
    .unwrap_err();
    assert_eq!(err.field.as_deref(), Some("client_secret_env"));
    assert!(
        err.to_string()
            .contains("GUEST_JOIN_SA_CLIENT_SECRET is not set"),
        "{err}"
    );
}

#[test]
fn bad_values_are_located() {
    let cases: [(&str, &str, &str); 9] = [
        (
            "rate_limit_per_minute = 60",
            "rate_limit_per_minute = \"many\"",
            "rate_limit_per_minute",
        ),
        (
            "aad_token_url = \"https://login",
            "aad_token_url = \"http://login",
            "aad_token_url",
        ),
        ("endpoint_sip = \"sip:", "endpoint_sip = \"", "endpoint_sip"),
        (
            "[\"https://contoso.com\"]",
            "[\"https://contoso.com\", \"contoso.com\"]",
            "allowed_origins",
        ),
        (
            "[\"https://meet.lync.com/contoso/*\"]",
            "[\"https://meet.lync.com*\"]",
            "allowed_meeting_urls",
        ),
        (
            "[\"https://meet.lync.com/contoso/*\"]",
            "[]",
            "allowed_meeting_urls",
        ),
        (
            "client_id = \"5b1f6a2e-0000-4000-8000-000000000001\"",
            "client_id = \"  \"",
            "client_id",
        ),
        (
            "rate_limit_per_minute = 60",
            "rate_limit_per_minute = 60\nmax_field_len = 0",
            "max_field_len",
        ),
        (
            "\"127.0.0.1\", ",
            "\"127.0.0.1\", \"proxy.example\", ",
            "trusted_proxies",
        ),
    ];
    for (from, to, field) in cases {
        let text = GOOD.replace(from, to);
        assert_ne!(text, GOOD, "{from}");
        let err = parse(&text).unwrap_err();
        assert_eq!(err.field.as_deref(), Some(field), "{to}: {err}");
        let line = err.line.unwrap_or_else(|| panic!("{to}: no line in {err}"));
        let line_text = text.lines().nth(line - 1).unwrap();
        assert!(
            line_text.starts_with(field),
            "{to}: line {line} is {line_text:?}"
        );
    }
}

#[test]
fn bad_trusted_proxies_name_the_field_and_the_entry() {
    for (entry, value) in [
        ("proxy.example", "[\"proxy.example\"]"),
        ("10.0.0.0/33", "[\"127.0.0.1\", \"10.0.0.0/33\"]"),
        ("10.0.0.1:80", "[\"10.0.0.1:80\"]"),
        ("", "[\"\"]"),
    ] {
        let text = GOOD.replace("[\"127.0.0.1\", \" 10.0.0.0/8\", \"2001:db8::/32\"]", value);
        assert_ne!(text, GOOD);
        let err = parse(&text).unwrap_err();
        assert_eq!(err.kind, ConfigErrorKind::InvalidValue, "{err}");
        assert_eq!(err.field.as_deref(), Some("trusted_proxies"), "{err}");
        assert_eq!(err.line, Some(GOOD.lines().count()), "{err}");
        let msg = err.to_string();
        assert!(
            msg.contains(&format!("{entry:?}")) && msg.contains("CIDR"),
            "{msg}"
        );
    }
    let text = GOOD.replace(
        "[\"127.0.0.1\", \" 10.0.0.0/8\", \"2001:db8::/32\"]",
        "\"127.0.0.1\"",
    );
    let err = parse(&text).unwrap_err();
    assert_eq!(err.field.as_deref(), Some("trusted_proxies"), "{err}");
    assert_eq!(err.kind, ConfigErrorKind::InvalidValue, "{err}");
    // An empty list is the default.
    let text = GOOD.replace("[\"127.0.0.1\", \" 10.0.0.0/8\", \"2001:db8::/32\"]", "[]");
    assert!(parse(&text).unwrap().trusted_proxies.is_empty());
}

#[test]
fn the_example_and_the_module_doc_name_every_key() {
    let example = include_str!("../../../assets/service-app.example.toml");
    let doc = include_str!("../config.rs");
    for key in KNOWN_KEYS {
        let line = format!("\n{key} = ");
        assert!(example.contains(&line), "the example does not set {key}");
        assert!(
            doc.contains(&format!("//! {key} = ")),
            "the module doc does not show {key}"
        );
    }
}

#[test]
fn secrets_in_the_file_are_refused() {
    let text = format!("{GOOD}client_secret = \"oops-a-secret\"\n");
    let err = parse(&text).unwrap_err();
    assert_eq!(err.kind, ConfigErrorKind::SecretInFile);
    assert_eq!(err.field.as_deref(), Some("client_secret"));
    let msg = err.to_string();
    assert!(
        msg.contains("client_secret_env") && !msg.contains("oops-a-secret"),
        "{msg}"
    );
}

#[test]
fn toml_syntax_error_has_a_line() {
    let text = GOOD.replace("client_id = ", "client_id == ");
    let err = parse(&text).unwrap_err();
    assert_eq!(err.kind, ConfigErrorKind::Syntax);
    assert_eq!(err.line, Some(3));
}

#[test]
fn state_checks_a_config_built_in_code() {
    let good = parse(GOOD).unwrap();
    let mut c = good.clone();
    c.aad_token_url = url::Url::parse("http://login.example/oauth2/token").unwrap();
    let err = ServiceAppState::new(c).err().unwrap();
    assert_eq!(err.kind(), std::io::ErrorKind::InvalidInput);
    assert!(err.to_string().contains("aad_token_url"), "{err}");
    let mut c = good.clone();
    c.allowed_origins.push("https://contoso.com/path".into());
    assert!(
        ServiceAppState::new(c)
            .err()
            .unwrap()
            .to_string()
            .contains("allowed_origins")
    );
    let mut c = good.clone();
    c.trusted_proxies.push("10.0.0.0/40".into());
    let err = ServiceAppState::new(c).err().unwrap().to_string();
    assert!(
        err.contains("trusted_proxies") && err.contains("\"10.0.0.0/40\""),
        "{err}"
    );
    let mut c = good;
    c.allowed_meeting_urls
        .push("https://meet.contoso.com*".into());
    assert!(
        ServiceAppState::new(c)
            .err()
            .unwrap()
            .to_string()
            .contains("allowed_meeting_urls")
    );
}
