//! The message files agree with each other: every file parses, has every English id, no id
//! English lacks, and uses the same variables in each message. (That every id the code uses is
//! in the English file, with the variables it passes, is checked when the code is compiled.)

use std::collections::{BTreeMap, BTreeSet};

use fluent_syntax::ast;

use super::*;

/// id → the variables its value and attributes use.
type Vars = BTreeMap<String, BTreeSet<String>>;

fn file(language: &Language) -> String {
    let path = format!("{}/guest_join.ftl", language.tag());
    let file = Localizations::get(&path).unwrap_or_else(|| panic!("no {path}"));
    String::from_utf8(file.data.to_vec()).unwrap()
}

fn messages(language: &Language) -> Vars {
    let text = file(language);
    let resource = fluent_syntax::parser::parse(text.as_str())
        .unwrap_or_else(|(_, errors)| panic!("{}: {errors:?}", language.tag()));
    let mut out = Vars::new();
    for entry in resource.body {
        if let ast::Entry::Message(m) = entry {
            let mut vars = BTreeSet::new();
            if let Some(p) = &m.value {
                pattern_vars(p, &mut vars);
            }
            for a in &m.attributes {
                pattern_vars(&a.value, &mut vars);
            }
            out.insert(m.id.name.to_string(), vars);
        }
    }
    out
}

fn pattern_vars(p: &ast::Pattern<&str>, out: &mut BTreeSet<String>) {
    for e in &p.elements {
        if let ast::PatternElement::Placeable { expression } = e {
            expression_vars(expression, out);
        }
    }
}

fn expression_vars(e: &ast::Expression<&str>, out: &mut BTreeSet<String>) {
    match e {
        ast::Expression::Inline(i) => inline_vars(i, out),
        ast::Expression::Select { selector, variants } => {
            inline_vars(selector, out);
            for v in variants {
                pattern_vars(&v.value, out);
            }
        }
    }
}

fn inline_vars(i: &ast::InlineExpression<&str>, out: &mut BTreeSet<String>) {
    match i {
        ast::InlineExpression::VariableReference { id } => {
            out.insert(id.name.to_string());
        }
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for a in &arguments.positional {
                inline_vars(a, out);
            }
        }
        ast::InlineExpression::Placeable { expression } => expression_vars(expression, out),
        _ => {}
    }
}

#[test]
fn the_ten_languages_are_there() {
    let tags: Vec<String> = Tr::available().iter().map(Language::tag).collect();
    for tag in [
        "en", "de", "fr", "es", "it", "nl", "pt-BR", "pl", "ja", "zh-CN",
    ] {
        assert!(
            tags.contains(&tag.to_string()),
            "{tag} missing from {tags:?}"
        );
    }
    assert_eq!(tags[0], "en");
}

#[test]
fn every_language_has_every_message_with_the_same_variables() {
    let english = messages(&Language::fallback());
    assert!(english.len() > 100, "{}", english.len());
    for language in Tr::available() {
        let other = messages(language);
        let tag = language.tag();
        let missing: Vec<_> = english.keys().filter(|k| !other.contains_key(*k)).collect();
        assert!(missing.is_empty(), "{tag} lacks {missing:?}");
        let extra: Vec<_> = other.keys().filter(|k| !english.contains_key(*k)).collect();
        assert!(extra.is_empty(), "{tag} has ids English lacks: {extra:?}");
        for (id, vars) in &english {
            assert_eq!(&other[id], vars, "{tag}: {id} uses other variables");
        }
    }
}

#[test]
fn every_message_formats_without_errors_in_every_language() {
    for language in Tr::available() {
        let tr = Tr::for_language(language);
        let english = messages(&Language::fallback());
        for (id, vars) in english {
            let args: std::collections::HashMap<String, fluent_bundle::FluentValue<'_>> = vars
                .iter()
                .map(|v| (v.clone(), fluent_bundle::FluentValue::from(2)))
                .collect();
            let text = tr.loader().get_args(&id, args);
            assert!(!text.trim().is_empty(), "{}: {id} is empty", language.tag());
            // Fluent shows a placeable it could not resolve as `{…}`.
            assert!(
                !text.contains("No localization for id") && !text.contains('{'),
                "{}: {id} = {text}",
                language.tag()
            );
        }
    }
}

#[test]
fn each_language_names_itself() {
    let names: Vec<(String, String)> = Tr::available()
        .iter()
        .map(|l| (l.tag(), l.own_name()))
        .collect();
    let name = |tag: &str| names.iter().find(|(t, _)| t == tag).map(|(_, n)| n.clone());
    assert_eq!(name("en").as_deref(), Some("English"));
    assert_eq!(name("de").as_deref(), Some("Deutsch"));
    assert_eq!(name("ja").as_deref(), Some("日本語"));
    assert_eq!(name("zh-CN").as_deref(), Some("简体中文"));
}

#[test]
fn wishes_find_the_closest_language() {
    let tag = |wish: &str| Language::matching(wish).map(|l| l.tag());
    assert_eq!(tag("de").as_deref(), Some("de"));
    assert_eq!(tag("de-AT").as_deref(), Some("de"));
    assert_eq!(tag("de_CH.UTF-8").as_deref(), Some("de"));
    assert_eq!(tag("pt").as_deref(), Some("pt-BR"));
    assert_eq!(tag("pt_BR.utf8").as_deref(), Some("pt-BR"));
    assert_eq!(tag("ja_JP.UTF-8").as_deref(), Some("ja"));
    assert_eq!(tag("zh").as_deref(), Some("zh-CN"));
    assert_eq!(tag("zh-Hans").as_deref(), Some("zh-CN"));
    assert_eq!(tag("C"), None);
    assert_eq!(tag("xx"), None);
    assert_eq!(tag(""), None);
    assert!(check_language("klingon").unwrap_err().contains("de, "));
}

#[test]
fn the_culture_follows_the_language_and_keeps_the_systems_region() {
    let de = Language::matching("de").unwrap();
    assert_eq!(de.culture(Some("de_AT.UTF-8")), "de-AT");
    assert_eq!(de.culture(Some("en_US.UTF-8")), "de-DE");
    assert_eq!(de.culture(None), "de-DE");
    let ja = Language::matching("ja").unwrap();
    assert_eq!(ja.culture(Some("de_DE")), "ja-JP");
    let pt = Language::matching("pt-BR").unwrap();
    assert_eq!(pt.culture(Some("pt_PT")), "pt-BR");
    assert_eq!(Language::fallback().culture(Some("en_GB.UTF-8")), "en-GB");
    assert_eq!(Language::fallback().culture(None), "en-US");
}

#[test]
fn times_follow_the_language() {
    let clock = |tag: &str| {
        Tr::for_language(&Language::matching(tag).unwrap())
            .clock()
            .hm(14, 5)
    };
    assert_eq!(clock("en"), "2:05\u{a0}PM");
    assert_eq!(clock("de"), "14:05");
    assert_eq!(clock("ja"), "14:05");
    assert_eq!(clock("fr"), "14:05");
}

#[test]
fn durations_read_in_the_language() {
    let en = Tr::english();
    assert_eq!(duration_text(&en, 5), "5 s");
    assert_eq!(duration_text(&en, 65), "1 min 05 s");
    assert_eq!(duration_text(&en, 3720), "1 h 02 min");
}

#[test]
fn the_pseudo_language_wraps_and_stretches_every_message() {
    let tr = Tr::pseudo();
    let text = crate::t!(tr, "failure-lobby-timeout");
    assert!(text.starts_with('⟦') && text.ends_with('⟧'), "{text}");
    assert!(text.contains("Ñöböd"), "{text}");
    assert!(tr.is_pseudo() && !Tr::english().is_pseudo());
}
