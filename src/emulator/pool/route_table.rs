//! The resources under an applications collection (`/ucwa/psanon/v1/applications` and the
//! on-premises `/ucwa/oauth/v1/applications`) and the methods each answers: the route a request
//! takes, and the `Allow` list of the `405` a method the resource does not support gets
//! (docs/protocol.md §2.4). Path segments are lower case; `*` stands for an id.

use crate::api::wire::Route;

type Template = &'static [&'static str];

/// Each resource once, with every method it answers and the route that serves it.
const RESOURCES: &[(Template, &[(&str, Route)])] = &[
    (&[], &[("POST", Route::CreateApplication)]),
    (
        &["*"],
        &[
            ("GET", Route::GetApplication),
            ("DELETE", Route::DeleteApplication),
        ],
    ),
    (&["*", "events"], &[("GET", Route::Events)]),
    // The `me` operations an anonymous user may not call, at every path the documentation
    // names them under (the application, `me`, `communication`): 403 AnonymousNotAllowed.
    (
        &["*", "reportmyactivity"],
        &[("POST", Route::ReportActivity)],
    ),
    (
        &["*", "me", "reportmyactivity"],
        &[("POST", Route::ReportActivity)],
    ),
    (
        &["*", "communication", "reportmyactivity"],
        &[("POST", Route::ReportActivity)],
    ),
    (
        &["*", "makemeavailable"],
        &[("POST", Route::MakeMeAvailable)],
    ),
    (
        &["*", "me", "makemeavailable"],
        &[("POST", Route::MakeMeAvailable)],
    ),
    (
        &["*", "communication", "makemeavailable"],
        &[("POST", Route::MakeMeAvailable)],
    ),
    (&["*", "me"], &[("GET", Route::GetResource)]),
    (&["*", "policies"], &[("GET", Route::GetResource)]),
    (&["*", "mediapolicies"], &[("GET", Route::GetResource)]),
    (&["*", "communication"], &[("GET", Route::GetResource)]),
    (
        &["*", "communication", "onlinemeetinginvitations"],
        &[("POST", Route::JoinMeeting)],
    ),
    (
        &["*", "communication", "onlinemeetinginvitations", "*"],
        &[("GET", Route::GetResource)],
    ),
    (
        &["*", "communication", "messaginginvitations", "*"],
        &[("GET", Route::GetResource)],
    ),
    (
        &["*", "communication", "phoneaudioinvitations", "*"],
        &[("GET", Route::GetResource)],
    ),
    (
        &["*", "communication", "conversations"],
        &[("GET", Route::GetResource)],
    ),
    (
        &["*", "communication", "conversations", "*"],
        &[
            ("GET", Route::GetResource),
            ("DELETE", Route::DeleteConversation),
        ],
    ),
    (
        &["*", "communication", "conversations", "*", "participants"],
        &[("GET", Route::GetResource)],
    ),
    (
        &[
            "*",
            "communication",
            "conversations",
            "*",
            "participants",
            "*",
        ],
        &[("GET", Route::GetResource)],
    ),
    (
        &["*", "communication", "conversations", "*", "attendees"],
        &[("GET", Route::GetResource)],
    ),
    (
        &["*", "communication", "conversations", "*", "leaders"],
        &[("GET", Route::GetResource)],
    ),
    (
        &["*", "communication", "conversations", "*", "lobby"],
        &[("GET", Route::GetResource)],
    ),
    (
        &["*", "communication", "conversations", "*", "onlinemeeting"],
        &[("GET", Route::GetResource)],
    ),
    (
        &["*", "communication", "conversations", "*", "messaging"],
        &[("GET", Route::GetResource)],
    ),
    (
        &[
            "*",
            "communication",
            "conversations",
            "*",
            "messaging",
            "messaginginvitations",
        ],
        &[("POST", Route::AddMessaging)],
    ),
    (
        &[
            "*",
            "communication",
            "conversations",
            "*",
            "messaging",
            "messages",
        ],
        &[("POST", Route::SendMessage)],
    ),
    (
        &[
            "*",
            "communication",
            "conversations",
            "*",
            "messaging",
            "messages",
            "*",
        ],
        &[("GET", Route::GetResource)],
    ),
    (
        &[
            "*",
            "communication",
            "conversations",
            "*",
            "messaging",
            "typing",
        ],
        &[("POST", Route::Typing)],
    ),
    (
        &[
            "*",
            "communication",
            "conversations",
            "*",
            "messaging",
            "terminate",
        ],
        &[("POST", Route::StopMessaging)],
    ),
    (
        &["*", "onlinemeetings", "phonedialininformation"],
        &[("GET", Route::GetResource)],
    ),
    (
        &["*", "onlinemeetings", "phonedialininformation", "*"],
        &[("GET", Route::GetResource)],
    ),
    (
        &["*", "communication", "conversations", "*", "phoneaudio"],
        &[("GET", Route::GetResource)],
    ),
    (
        &[
            "*",
            "communication",
            "conversations",
            "*",
            "phoneaudio",
            "addphoneaudio",
        ],
        &[("POST", Route::AddPhoneAudio)],
    ),
    (
        &[
            "*",
            "communication",
            "conversations",
            "*",
            "phoneaudio",
            "stopphoneaudio",
        ],
        &[("POST", Route::StopPhoneAudio)],
    ),
];

fn matches(template: Template, rest: &[&str]) -> bool {
    template.len() == rest.len() && template.iter().zip(rest).all(|(t, s)| *t == "*" || t == s)
}

fn methods_of(rest: &[&str]) -> Option<&'static [(&'static str, Route)]> {
    RESOURCES
        .iter()
        .find(|(template, _)| matches(template, rest))
        .map(|(_, methods)| *methods)
}

/// The route of `method` on `rest` (the segments after `.../applications`): the resource's
/// route; [`Route::MethodNotAllowed`] for a method the resource does not answer; any other GET
/// is [`Route::GetResource`] (which answers 404 for what does not exist), anything else
/// [`Route::Unknown`].
pub(crate) fn route(method: &str, rest: &[&str]) -> Route {
    match methods_of(rest) {
        Some(methods) => methods
            .iter()
            .find(|(m, _)| *m == method)
            .map_or(Route::MethodNotAllowed, |(_, route)| *route),
        None if method == "GET" && !rest.is_empty() => Route::GetResource,
        None => Route::Unknown,
    }
}

/// The `Allow` header's value for the resource at `rest` (empty when no resource is there).
pub(crate) fn allow(rest: &[&str]) -> String {
    methods_of(rest)
        .unwrap_or_default()
        .iter()
        .map(|(m, _)| *m)
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_resource_is_listed_once() {
        for (i, (a, _)) in RESOURCES.iter().enumerate() {
            for (b, _) in &RESOURCES[i + 1..] {
                let overlap = a.len() == b.len()
                    && a.iter()
                        .zip(b.iter())
                        .all(|(x, y)| x == y || *x == "*" || *y == "*");
                assert!(!overlap, "{a:?} and {b:?} overlap");
            }
        }
    }

    #[test]
    fn methods_route_or_answer_405_with_allow() {
        assert_eq!(route("POST", &[]), Route::CreateApplication);
        assert_eq!(route("DELETE", &["1"]), Route::DeleteApplication);
        assert_eq!(route("PUT", &["1"]), Route::MethodNotAllowed);
        assert_eq!(allow(&["1"]), "GET, DELETE");
        for path in [
            ["1", "reportmyactivity"].as_slice(),
            &["1", "me", "reportmyactivity"],
            &["1", "communication", "reportmyactivity"],
        ] {
            assert_eq!(route("POST", path), Route::ReportActivity);
            assert_eq!(route("GET", path), Route::MethodNotAllowed);
            assert_eq!(allow(path), "POST");
        }
        let send = [
            "1",
            "communication",
            "conversations",
            "c",
            "messaging",
            "messages",
        ];
        assert_eq!(route("GET", &send), Route::MethodNotAllowed);
        assert_eq!(route("POST", &send), Route::SendMessage);
        assert_eq!(route("DELETE", &["1", "me"]), Route::MethodNotAllowed);
        assert_eq!(
            route("GET", &["1", "no", "such", "thing"]),
            Route::GetResource
        );
        assert_eq!(route("POST", &["1", "no", "such", "thing"]), Route::Unknown);
        assert_eq!(route("POST", &["1", "batch"]), Route::Unknown);
        assert_eq!(route("GET", &[]), Route::MethodNotAllowed);
        assert_eq!(allow(&["1", "nothing"]), "");
    }
}
