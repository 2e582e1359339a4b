//! The transport policy through the built binary: certificates verified against a test CA
//! given with `--ca-file`, proxies (explicit, `HTTPS_PROXY`, `NO_PROXY`, never for loopback),
//! and redirects never followed (a second listener gets nothing, so no token either).

use guest_join::emulator::{DEMO_OPEN_URL, STANDIN_TOKEN_PATH};

use crate::common::binary::{result, stderr, stdout};
use crate::transport_kit::{
    CountingListener, EMULATOR_HOST, TestPki, TestProxy, redirecting_server, run, tls_emulator,
};

fn join_args<'a>(service: &'a str, extra: &[&'a str]) -> Vec<&'a str> {
    let mut args = vec![
        "join",
        "--service",
        service,
        "--meeting",
        DEMO_OPEN_URL,
        "--name",
        "Ada",
        "--json",
        "--timeout",
        "30",
    ];
    args.extend_from_slice(extra);
    args
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn tls_join_needs_the_test_ca_and_succeeds_with_ca_file() {
    let pki = TestPki::new();
    let emu = tls_emulator(&pki, None).await;
    let service = emu.service_standin_url().to_string();
    assert!(service.starts_with("https://127.0.0.1:"), "{service}");
    let dir = pki.dir.path();

    let out = run(dir, &join_args(&service, &[]), &[]).await;
    assert_eq!(out.status.code(), Some(7), "stderr: {}", stderr(&out));
    let r = result(&out);
    let message = r["error"]["message"].as_str().unwrap_or("").to_lowercase();
    assert!(
        message.contains("certificate") || message.contains("tls"),
        "{r}"
    );

    let ca = pki.ca_file();
    let ca = ca.to_str().unwrap();
    let out = run(dir, &join_args(&service, &["--ca-file", ca]), &[]).await;
    assert_eq!(out.status.code(), Some(0), "stderr: {}", stderr(&out));
    assert_eq!(result(&out)["outcome"], "joined");

    let out = run(
        dir,
        &join_args(&service, &[]),
        &[("GUEST_JOIN_CA_FILE", ca)],
    )
    .await;
    assert_eq!(out.status.code(), Some(0), "stderr: {}", stderr(&out));

    std::fs::write(pki.path("config.toml"), format!("ca_file = {ca:?}\n")).unwrap();
    let out = run(dir, &join_args(&service, &[]), &[]).await;
    assert_eq!(out.status.code(), Some(0), "stderr: {}", stderr(&out));
    emu.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_unusable_ca_file_is_bad_input_naming_the_file() {
    let pki = TestPki::new();
    let dir = pki.dir.path();
    let missing = pki.path("no-such-ca.pem");
    let not_pem = pki.path("notes.txt");
    std::fs::write(&not_pem, "hello\n").unwrap();
    for file in [&missing, &not_pem] {
        let path = file.to_str().unwrap();
        let out = run(
            dir,
            &[
                "join",
                "--demo",
                "--name",
                "Ada",
                "--json",
                "--ca-file",
                path,
            ],
            &[],
        )
        .await;
        assert_eq!(out.status.code(), Some(2), "stderr: {}", stderr(&out));
        let r = result(&out);
        let message = r["error"]["message"].as_str().unwrap_or("");
        let name = file.file_name().unwrap().to_str().unwrap();
        assert!(message.contains(name), "{r}");
    }
    let out = run(
        dir,
        &["join", "--demo", "--name", "Ada", "--json"],
        &[("GUEST_JOIN_PROXY", "socks9://nope")],
    )
    .await;
    assert_eq!(out.status.code(), Some(2), "stderr: {}", stderr(&out));
}

/// The emulator known by a name only the proxy reaches (`.test` never resolves).
async fn named_setup() -> (
    TestPki,
    guest_join::emulator::EmulatorHandle,
    TestProxy,
    String,
) {
    let pki = TestPki::new();
    let emu = tls_emulator(&pki, Some(EMULATOR_HOST)).await;
    let proxy = TestProxy::start().await;
    let service = emu.service_standin_url().to_string();
    assert!(
        service.starts_with(&format!("https://{EMULATOR_HOST}:"))
            && service.ends_with(STANDIN_TOKEN_PATH),
        "{service}"
    );
    (pki, emu, proxy, service)
}

fn tunnels_to(requests: &[String], url: &url::Url) -> bool {
    let target = format!(
        "CONNECT {}:{} ",
        url.host_str().unwrap(),
        url.port().unwrap()
    );
    requests.iter().any(|r| r.starts_with(&target))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_explicit_proxy_carries_every_request() {
    let (pki, emu, proxy, service) = named_setup().await;
    let ca = pki.ca_file();
    let proxy_url = proxy.url();
    let args = join_args(
        &service,
        &["--ca-file", ca.to_str().unwrap(), "--proxy", &proxy_url],
    );
    let out = run(pki.dir.path(), &args, &[]).await;
    assert_eq!(out.status.code(), Some(0), "stderr: {}", stderr(&out));
    let seen = proxy.requests();
    assert!(seen.iter().all(|r| r.starts_with("CONNECT ")), "{seen:?}");
    assert!(tunnels_to(&seen, &emu.platform_url()), "{seen:?}");
    assert!(tunnels_to(&seen, &emu.pool_url()), "{seen:?}");
    emu.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn https_proxy_from_the_environment_is_used_and_credentials_stay_hidden() {
    let (pki, emu, proxy, service) = named_setup().await;
    let ca = pki.ca_file();
    let with_creds = format!("http://ada:pr0xy-s3cret@{}", proxy.addr);
    let args = join_args(&service, &["--ca-file", ca.to_str().unwrap()]);
    let out = run(pki.dir.path(), &args, &[("HTTPS_PROXY", &with_creds)]).await;
    assert_eq!(out.status.code(), Some(0), "stderr: {}", stderr(&out));
    assert!(tunnels_to(&proxy.requests(), &emu.pool_url()));
    for text in [stdout(&out), stderr(&out)] {
        assert!(!text.contains("pr0xy-s3cret"), "{text}");
    }
    // The same through GUEST_JOIN_PROXY, which wins over HTTPS_PROXY.
    let before = proxy.requests().len();
    let out = run(
        pki.dir.path(),
        &args,
        &[
            ("HTTPS_PROXY", "http://127.0.0.1:9"),
            ("GUEST_JOIN_PROXY", &proxy.url()),
        ],
    )
    .await;
    assert_eq!(out.status.code(), Some(0), "stderr: {}", stderr(&out));
    assert!(proxy.requests().len() > before);
    emu.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn no_proxy_and_proxy_none_bypass_the_proxy() {
    let (pki, emu, proxy, service) = named_setup().await;
    let ca = pki.ca_file();
    let args = join_args(&service, &["--ca-file", ca.to_str().unwrap()]);
    let via = proxy.url();
    // Direct, the name does not resolve: the service application is unreachable (exit 3).
    let out = run(
        pki.dir.path(),
        &args,
        &[("HTTPS_PROXY", &via), ("NO_PROXY", "guest-join.test")],
    )
    .await;
    assert_eq!(out.status.code(), Some(3), "stderr: {}", stderr(&out));
    let mut none = args.clone();
    none.extend(["--proxy", "none"]);
    let out = run(pki.dir.path(), &none, &[("HTTPS_PROXY", &via)]).await;
    assert_eq!(out.status.code(), Some(3), "stderr: {}", stderr(&out));
    std::fs::write(
        pki.path("config.toml"),
        format!("proxy = {via:?}\nno_proxy = \".guest-join.test\"\n"),
    )
    .unwrap();
    let out = run(pki.dir.path(), &args, &[]).await;
    assert_eq!(out.status.code(), Some(3), "stderr: {}", stderr(&out));
    assert_eq!(proxy.requests(), Vec::<String>::new());
    emu.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn loopback_never_goes_through_a_proxy() {
    let proxy = TestProxy::start().await;
    let dir = tempfile::tempdir().unwrap();
    let via = proxy.url();
    let args = ["join", "--demo", "--name", "Ada", "--json"];
    let out = run(
        dir.path(),
        &args,
        &[("HTTPS_PROXY", &via), ("HTTP_PROXY", &via)],
    )
    .await;
    assert_eq!(out.status.code(), Some(0), "stderr: {}", stderr(&out));
    let mut explicit = args.to_vec();
    explicit.extend(["--proxy", &via]);
    let out = run(dir.path(), &explicit, &[]).await;
    assert_eq!(out.status.code(), Some(0), "stderr: {}", stderr(&out));
    assert_eq!(proxy.requests(), Vec::<String>::new());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_redirect_is_not_followed_and_the_token_stays_home() {
    for status in [302u16, 307] {
        let second = CountingListener::start().await;
        let to = format!("http://{}/GetAnonTokenJob", second.addr);
        let (first, auth, task) = redirecting_server(status, to).await;
        let service = format!("http://{first}/GetAnonTokenJob");
        let dir = tempfile::tempdir().unwrap();
        let out = run(
            dir.path(),
            &join_args(&service, &["--service-key", "sk-redirect-test"]),
            &[],
        )
        .await;
        let r = result(&out);
        assert_ne!(out.status.code(), Some(0), "{r}");
        let message = r["error"]["message"].as_str().unwrap_or("");
        assert!(message.to_lowercase().contains("redirect"), "{status}: {r}");
        assert_eq!(r["error"]["http_status"], status, "{r}");
        assert_eq!(second.count(), 0, "the second listener was contacted");
        let auth = auth.lock().unwrap().clone();
        assert!(!auth.is_empty() && auth.iter().all(|a| a == "Bearer sk-redirect-test"));
        let shown = format!("{}{}", stdout(&out), stderr(&out));
        assert!(!shown.contains("sk-redirect-test"), "{shown}");
        task.abort();
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn check_service_verifies_with_the_ca_file_too() {
    let pki = TestPki::new();
    let emu = tls_emulator(&pki, None).await;
    let service = emu.service_standin_url().to_string();
    let dir = pki.dir.path();
    let ca = pki.ca_file();
    let out = run(
        dir,
        &[
            "check-service",
            &service,
            "--json",
            "--ca-file",
            ca.to_str().unwrap(),
        ],
        &[],
    )
    .await;
    assert_eq!(out.status.code(), Some(0), "stdout: {}", stdout(&out));
    let out = run(dir, &["check-service", &service, "--json"], &[]).await;
    assert_ne!(out.status.code(), Some(0), "accepted without the CA");
    let missing = pki.path("gone.pem");
    let out = run(
        dir,
        &[
            "check-service",
            &service,
            "--ca-file",
            missing.to_str().unwrap(),
        ],
        &[],
    )
    .await;
    assert_eq!(out.status.code(), Some(2), "stderr: {}", stderr(&out));
    assert!(stderr(&out).contains("gone.pem"), "{}", stderr(&out));
    emu.shutdown().await;
}
