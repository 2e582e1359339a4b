//! Unit tests of the config file: reading, precedence, round trip, broken files.

use super::*;

fn parsed(text: &str) -> Loaded {
    parse(text, Path::new("/home/u/.config/guest-join/config.toml"))
}

const FULL: &str = r#"
origin = "https://contoso.com"
culture = "de-DE"
text_scale = 1.25
theme = "dark"
display_name = "Ada"
last_profile = "Contoso"

[[profile]]
name = "Contoso"
token_url = "https://join.contoso.com/GetAnonTokenJob"
service_key_env = "CONTOSO_KEY"

[[profile]]
name = "Lab"
token_url = "http://127.0.0.1:8080/GetAnonTokenJob"
"#;

#[test]
fn reads_every_field() {
    let l = parsed(FULL);
    assert!(l.error.is_none() && l.warnings.is_empty(), "{l:?}");
    let c = l.config;
    assert_eq!(c.origin.as_deref(), Some("https://contoso.com"));
    assert_eq!(c.culture.as_deref(), Some("de-DE"));
    assert_eq!(c.text_scale, 1.25);
    assert_eq!(c.theme, Theme::Dark);
    assert_eq!(c.display_name.as_deref(), Some("Ada"));
    assert_eq!(c.profiles.len(), 2);
    assert_eq!(c.profiles[0].service_key_env(), Some("CONTOSO_KEY"));
    assert_eq!(c.profiles[1].service_key_env(), None);
    assert_eq!(parsed("").config, Config::default());
}

#[test]
fn round_trip_through_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sub").join("config.toml");
    let config = parsed(FULL).config;
    save(&config, &path, false).unwrap();
    let back = load(&path);
    assert!(back.error.is_none() && back.warnings.is_empty(), "{back:?}");
    // What is remembered lives in the state file, not here.
    let settings = Config {
        display_name: None,
        last_profile: None,
        ..config.clone()
    };
    assert_eq!(back.config, settings);
    // No temporary file is left behind; saving again replaces the file.
    save(&Config::default(), &path, false).unwrap();
    assert_eq!(load(&path).config, Config::default());
    let names: Vec<_> = std::fs::read_dir(path.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, vec![std::ffi::OsString::from("config.toml")]);
}

#[test]
fn broken_files_name_file_line_and_field() {
    let cases = [
        (
            "origin = \"https://a.com\"\ntext_scale = \"big\"\n",
            2,
            "text_scale",
        ),
        ("theme = \"dark\"\ntheme = \"light\"\n", 2, "theme"),
        ("origin = \"ftp://a.com\"\n", 1, "origin"),
        (
            "[[profile]]\nname = \"X\"\ntoken_url = \"http://contoso.com/t\"\n",
            3,
            "token_url",
        ),
        ("text_scale = 9.0\n", 1, "text_scale"),
        ("culture = \"en US\"\n", 1, "culture"),
        ("language = \"klingon\"\n", 1, "language"),
        (
            "[[profile]]\nname = \"A\"\ntoken_url = \"https://a.com/t\"\n[[profile]]\nname = \"a\"\ntoken_url = \"https://b.com/t\"\n",
            5,
            "name",
        ),
        ("origin = \n", 1, "origin"),
    ];
    for (text, line, field) in cases {
        let l = parsed(text);
        let e = l.error.unwrap_or_else(|| panic!("no error for {text:?}"));
        assert_eq!(e.line, Some(line), "{text:?}: {e}");
        assert_eq!(e.field.as_deref(), Some(field), "{text:?}: {e}");
        let shown = e.to_string();
        assert!(
            shown.starts_with("/home/u/.config/guest-join/config.toml, line ")
                && shown.contains(&format!("field `{field}`"))
                && shown.ends_with("using the defaults"),
            "{shown}"
        );
        assert_eq!(l.config, Config::default());
    }
}

#[test]
fn unknown_keys_are_reported_not_fatal() {
    let l = parsed(
        "origin = \"https://a.com\"\nproxi = \"x\"\n[[profile]]\nname = \"A\"\ntoken_url = \"https://a.com/t\"\n",
    );
    assert!(l.error.is_none());
    assert_eq!(l.config.origin.as_deref(), Some("https://a.com"));
    assert_eq!(
        l.warnings,
        vec!["/home/u/.config/guest-join/config.toml, line 2: unknown key `proxi` ignored"]
    );
    // Inside a profile an unknown key is an error (a typo there would lose the setting).
    let l = parsed(
        "[[profile]]\nname = \"A\"\ntoken_url = \"https://a.com/t\"\nservice_key = \"s3cret\"\n",
    );
    let e = l.error.unwrap();
    assert_eq!(e.line, Some(4), "{e}");
    assert_eq!(e.field.as_deref(), Some("service_key"), "{e}");
    assert!(!e.to_string().contains("s3cret"), "{e}");
}

#[test]
fn missing_and_unreadable_files() {
    let dir = tempfile::tempdir().unwrap();
    let l = load(&dir.path().join("none.toml"));
    assert!(l.error.is_none());
    let l = load(dir.path());
    assert!(l.error.unwrap().to_string().contains("cannot be read"));
}

#[test]
fn path_precedence_flag_env_default() {
    let flag = Path::new("/f.toml");
    let env = OsStr::new("/e.toml");
    assert_eq!(config_path(Some(flag), Some(env)), Some(flag.to_path_buf()));
    assert_eq!(config_path(None, Some(env)), Some(PathBuf::from("/e.toml")));
    let default = config_path(None, Some(OsStr::new(""))).unwrap();
    assert!(default.ends_with("guest-join/config.toml"), "{default:?}");
}

#[test]
fn value_precedence_env_file_default() {
    assert_eq!(pick(Some(1), Some((2, "E")), Some(3), 4), (1, Source::Flag));
    assert_eq!(
        pick(None, Some((2, "E")), Some(3), 4),
        (2, Source::Env("E"))
    );
    assert_eq!(pick(None, None, Some(3), 4), (3, Source::File));
    assert_eq!(pick::<i32>(None, None, None, 4), (4, Source::Default));

    let file = Config {
        origin: Some("https://file.example".into()),
        culture: Some("fr-FR".into()),
        ..Config::default()
    };
    let env = EnvOverrides {
        origin: Some("https://env.example".into()),
        culture: None,
        ..EnvOverrides::default()
    };
    let e = effective(&file, &env, "en-GB");
    assert_eq!(
        e.origin,
        ("https://env.example".into(), Source::Env(ENV_ORIGIN))
    );
    assert_eq!(e.culture, ("fr-FR".into(), Source::File));
    let e = effective(&Config::default(), &EnvOverrides::default(), "en-GB");
    assert_eq!(e.culture, ("en-GB".into(), Source::Default));
    assert_eq!(e.origin.1, Source::Default);
    let bad = EnvOverrides {
        origin: Some("contoso".into()),
        culture: Some("x y".into()),
        ..EnvOverrides::default()
    };
    let e = effective(&file, &bad, "en-GB");
    assert_eq!(e.origin, ("https://file.example".into(), Source::File));
    assert_eq!(e.problems.len(), 2, "{:?}", e.problems);
}

// The validators: `Ok` with the normalised value, or `Err` with the message.

#[test]
fn urls_are_normalised_or_refused_with_what_to_use() {
    let url = |t: &str| check_token_url(t).map(String::from);
    assert_eq!(
        url(" https://a.com/GetAnonTokenJob "),
        Ok("https://a.com/GetAnonTokenJob".into())
    );
    assert_eq!(url("HTTPS://A.com"), Ok("https://a.com/".into()));
    assert_eq!(
        url("http://localhost:9/t"),
        Ok("http://localhost:9/t".into())
    );
    let https_only = "The token URL must use https:// (http:// only for localhost).";
    assert_eq!(url("http://a.com/t"), Err(https_only.into()));
    assert_eq!(url("ftp://a.com/t"), Err(https_only.into()));
    assert_eq!(
        url("a.com/t"),
        Err("Enter the full token URL, like https://join.contoso.com/GetAnonTokenJob.".into())
    );

    let discover = |t: &str| check_autodiscover_url(t).map(String::from);
    assert_eq!(
        discover("https://lyncdiscover.contoso.com"),
        Ok("https://lyncdiscover.contoso.com/".into())
    );
    assert_eq!(
        discover("http://lyncdiscover.contoso.com/"),
        Err("The autodiscover URL must use https:// (http:// only for localhost).".into())
    );
    assert_eq!(
        discover("lyncdiscover"),
        Err("Enter the full autodiscover URL, like https://lyncdiscover.contoso.com/.".into())
    );
}

#[test]
fn names_are_trimmed_or_refused_with_what_to_use() {
    let env_name = "Use the name of an environment variable, like CONTOSO_SERVICE_KEY.";
    assert_eq!(check_env_name(" CONTOSO_KEY "), Ok("CONTOSO_KEY".into()));
    assert_eq!(check_env_name("_key2"), Ok("_key2".into()));
    for bad in ["1KEY", "my key", "", "KEY-1"] {
        assert_eq!(check_env_name(bad), Err(env_name.into()), "{bad:?}");
    }

    assert_eq!(check_profile_name("  Contoso  "), Ok("Contoso".into()));
    assert_eq!(
        check_profile_name("  "),
        Err("Give the join service a name.".into())
    );
    let too_long = "Use at most 64 characters and no control characters.";
    assert_eq!(check_profile_name(&"x".repeat(65)), Err(too_long.into()));
    assert_eq!(check_profile_name("a\tb"), Err(too_long.into()));
}

#[test]
fn culture_and_origin_are_normalised_or_refused() {
    let culture = "Use a language tag like en-US or de-DE.";
    assert_eq!(check_culture(" en-US "), Ok("en-US".into()));
    for bad in ["x y", "1en", "e", ""] {
        assert_eq!(check_culture(bad), Err(culture.into()), "{bad:?}");
    }

    let origin = "Use an origin like https://contoso.com (no path).";
    assert_eq!(
        check_origin("https://Contoso.com/"),
        Ok("https://contoso.com".into())
    );
    assert_eq!(
        check_origin("http://localhost:3000"),
        Ok("http://localhost:3000".into())
    );
    for bad in ["https://a.com/path", "http://a.com", "a.com"] {
        assert_eq!(check_origin(bad), Err(origin.into()), "{bad:?}");
    }
}

#[test]
fn network_and_display_values_are_kept_or_refused() {
    assert_eq!(check_proxy(" System "), Ok("System".into()));
    assert_eq!(check_proxy("none"), Ok("none".into()));
    assert_eq!(
        check_proxy(" http://proxy.example:3128 "),
        Ok("http://proxy.example:3128".into())
    );
    assert_eq!(
        check_proxy("socks5://proxy.example:1080"),
        Err("the proxy must be an http:// or https:// URL, not socks5://".into())
    );
    assert_eq!(
        check_proxy("http://proxy.example:3128/path"),
        Err("the proxy URL takes only a scheme, host and port (no path)".into())
    );

    assert_eq!(
        check_no_proxy(" .corp.example, 10.0.0.0/8 "),
        Ok(".corp.example, 10.0.0.0/8".into())
    );
    assert_eq!(
        check_no_proxy("a.example; b.example"),
        Err("List host names, IP addresses or networks separated by commas, like .corp.example, 10.0.0.0/8.".into())
    );

    let ca = "Give the path of a PEM file with one or more CA certificates.";
    assert_eq!(
        check_ca_file(" /etc/ssl/company.pem "),
        Ok(PathBuf::from("/etc/ssl/company.pem"))
    );
    assert_eq!(check_ca_file("  "), Err(ca.into()));
    assert_eq!(check_ca_file("a\nb.pem"), Err(ca.into()));

    assert_eq!(check_text_scale(1.25), Ok(1.25));
    assert_eq!(
        check_text_scale(9.0),
        Err(format!(
            "text size must be between {MIN_TEXT_SCALE} and {MAX_TEXT_SCALE}"
        ))
    );
}

#[test]
fn the_example_file_is_valid() {
    let l = parsed(include_str!("../../assets/config.example.toml"));
    assert!(l.error.is_none() && l.warnings.is_empty(), "{l:?}");
    assert_eq!(l.config.profiles.len(), 3);
    assert_eq!(
        l.config.profiles[1],
        Profile::direct(
            "Fabrikam Server",
            Some("https://lyncdiscover.fabrikam.com/")
        )
    );
}

#[test]
fn reads_the_transport_keys() {
    let l = parsed(
        "proxy = \"http://proxy.corp.example:3128\"\nno_proxy = \".corp.example, 10.0.0.0/8\"\nca_file = \"/etc/corp/ca.pem\"\n",
    );
    assert!(l.error.is_none() && l.warnings.is_empty(), "{l:?}");
    assert_eq!(
        l.config.proxy.as_deref(),
        Some("http://proxy.corp.example:3128")
    );
    assert_eq!(
        l.config.no_proxy.as_deref(),
        Some(".corp.example, 10.0.0.0/8")
    );
    assert_eq!(l.config.ca_file, Some(PathBuf::from("/etc/corp/ca.pem")));
    for (text, field, line) in [
        (
            "theme = \"dark\"\nproxy = \"socks5://p:1080\"\n",
            "proxy",
            2,
        ),
        ("proxy = \"proxy.example:3128\"\n", "proxy", 1),
        ("no_proxy = \"a b\"\n", "no_proxy", 1),
        ("\nca_file = \"\"\n", "ca_file", 2),
    ] {
        let e = parsed(text).error.expect(text);
        assert_eq!(e.field.as_deref(), Some(field), "{text}: {e}");
        assert_eq!(e.line, Some(line), "{text}: {e}");
    }
}

#[test]
fn transport_keys_round_trip() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("config.toml");
    let config = Config {
        proxy: Some("none".into()),
        no_proxy: Some("intranet.example".into()),
        ca_file: Some(dir.path().join("ca.pem")),
        ..Config::default()
    };
    save(&config, &path, false).unwrap();
    assert_eq!(load(&path).config, config);
}

#[test]
fn transport_precedence_is_flag_env_file_default() {
    use crate::api::transport::ProxyPolicy;
    let file = Config {
        proxy: Some("http://file-proxy.example:3128".into()),
        no_proxy: Some(".corp.example".into()),
        ca_file: Some(PathBuf::from("/file/ca.pem")),
        ..Config::default()
    };
    let env = EnvOverrides {
        proxy: Some("none".into()),
        ca_file: Some("/env/ca.pem".into()),
        ..EnvOverrides::default()
    };
    let t = transport(Some("system"), Some(Path::new("/flag/ca.pem")), &env, &file).unwrap();
    assert_eq!(t.proxy, (ProxyPolicy::System, Source::Flag));
    assert_eq!(t.ca_file, (Some("/flag/ca.pem".into()), Source::Flag));
    let t = transport(None, None, &env, &file).unwrap();
    assert_eq!(t.proxy, (ProxyPolicy::None, Source::Env(ENV_PROXY)));
    assert_eq!(
        t.ca_file,
        (Some("/env/ca.pem".into()), Source::Env(ENV_CA_FILE))
    );
    let t = transport(None, None, &EnvOverrides::default(), &file).unwrap();
    let ProxyPolicy::Explicit { url, no_proxy } = &t.proxy.0 else {
        panic!("expected the file's proxy: {t:?}");
    };
    assert_eq!(url.shown(), "http://file-proxy.example:3128");
    assert_eq!(no_proxy, ".corp.example");
    assert_eq!(t.proxy.1, Source::File);
    assert_eq!(t.ca_file, (Some("/file/ca.pem".into()), Source::File));
    let t = transport(None, None, &EnvOverrides::default(), &Config::default()).unwrap();
    assert_eq!(t.proxy, (ProxyPolicy::System, Source::Default));
    assert_eq!(t.ca_file, (None, Source::Default));
}

#[test]
fn bad_transport_values_are_errors_not_fallbacks() {
    let env = EnvOverrides {
        proxy: Some("ftp://p.example".into()),
        ..EnvOverrides::default()
    };
    let e = transport(None, None, &env, &Config::default()).unwrap_err();
    assert!(e.contains(ENV_PROXY), "{e}");
    let e = transport(Some("proxy:3128"), None, &env, &Config::default()).unwrap_err();
    assert!(e.contains("--proxy"), "{e}");
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("corp-ca.pem");
    let t = transport(
        None,
        Some(&missing),
        &EnvOverrides::default(),
        &Config::default(),
    )
    .unwrap();
    let e = t.http_options().unwrap_err();
    assert!(e.contains("corp-ca.pem") && e.contains("not found"), "{e}");
}

const DIRECT: &str = r#"
[[profile]]
name = "Fabrikam Server"
kind = "direct"
autodiscover = "https://lyncdiscover.fabrikam.com/"

[[profile]]
name = "Any Server"
kind = "direct"

[[profile]]
name = "Contoso"
kind = "service"
token_url = "https://join.contoso.com/GetAnonTokenJob"
"#;

#[test]
fn direct_profiles_load_and_round_trip() {
    let l = parsed(DIRECT);
    assert!(l.error.is_none() && l.warnings.is_empty(), "{l:?}");
    let p = &l.config.profiles;
    assert_eq!(
        p[0],
        Profile::direct(
            "Fabrikam Server",
            Some("https://lyncdiscover.fabrikam.com/")
        )
    );
    assert_eq!(p[1], Profile::direct("Any Server", None));
    assert!(p[1].is_direct() && p[1].token_url().is_none());
    assert_eq!(
        p[2],
        Profile::service("Contoso", "https://join.contoso.com/GetAnonTokenJob", None)
    );
    // A file without `kind` (written before the direct mode) still loads as service profiles.
    assert!(parsed(FULL).config.profiles.iter().all(|p| !p.is_direct()));

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("config.toml");
    save(&l.config, &path, false).unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    assert_eq!(text.matches("kind = \"direct\"").count(), 2, "{text}");
    assert!(
        !text.contains("kind = \"service\""),
        "the default is not written: {text}"
    );
    let back = load(&path);
    assert!(back.error.is_none() && back.warnings.is_empty(), "{back:?}");
    assert_eq!(back.config, l.config);
}

#[test]
fn keys_of_the_other_kind_name_their_line_and_field() {
    let cases = [
        (
            "[[profile]]\nname = \"S\"\nkind = \"direct\"\ntoken_url = \"https://a.com/t\"\n",
            4,
            "token_url",
            "a direct profile has no token_url",
        ),
        (
            "[[profile]]\nname = \"S\"\nkind = \"direct\"\nservice_key_env = \"KEY\"\n",
            4,
            "service_key_env",
            "a direct profile has no service_key_env",
        ),
        (
            "[[profile]]\nname = \"S\"\nkind = \"service\"\n",
            3,
            "token_url",
            "a service profile needs a token_url",
        ),
        (
            "origin = \"https://a.com\"\n[[profile]]\nname = \"S\"\n",
            3,
            "token_url",
            "a service profile needs a token_url",
        ),
        (
            "[[profile]]\nname = \"S\"\ntoken_url = \"https://a.com/t\"\nautodiscover = \"https://l.a.com/\"\n",
            4,
            "autodiscover",
            "autodiscover belongs to a direct profile",
        ),
        (
            "[[profile]]\nname = \"S\"\nkind = \"direct\"\nautodiscover = \"http://lyncdiscover.a.com/\"\n",
            4,
            "autodiscover",
            "https://",
        ),
        (
            "[[profile]]\nname = \"S\"\nkind = \"both\"\n",
            3,
            "kind",
            "unknown variant",
        ),
    ];
    for (text, line, field, message) in cases {
        let l = parsed(text);
        let e = l.error.unwrap_or_else(|| panic!("no error for {text:?}"));
        assert_eq!(
            (e.line, e.field.as_deref()),
            (Some(line), Some(field)),
            "{text:?}: {e}"
        );
        assert!(e.message.contains(message), "{text:?}: {e}");
        assert_eq!(l.config, Config::default());
    }
    // Loopback autodiscover over http is allowed, as for token URLs.
    let l = parsed(
        "[[profile]]\nname = \"Lab\"\nkind = \"direct\"\nautodiscover = \"http://127.0.0.1:9/\"\n",
    );
    assert!(l.error.is_none(), "{l:?}");
}

#[test]
fn the_language_is_a_shipped_one_or_system() {
    assert_eq!(
        parsed("language = \"de\"\n").config.language.as_deref(),
        Some("de")
    );
    assert_eq!(
        parsed("language = \"System\"\n").config.language.as_deref(),
        Some("system")
    );
    let e = parsed("language = \"xx\"\n").error.unwrap().to_string();
    assert!(
        e.contains("there are no messages for \"xx\" (there are for en, de"),
        "{e}"
    );
}
