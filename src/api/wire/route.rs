//! The emulator's routes: what its journal records for each request (`JournalEntry.route`),
//! what a fault names to hit a request (`Fault.route`, also in the control API's JSON), and
//! what the routers return. One enum, so a misspelt route name does not compile; its JSON is
//! the stable snake_case name.

use std::fmt;

use serde::de::Error as _;

macro_rules! routes {
    ($($(#[$doc:meta])* $variant:ident = $text:literal,)*) => {
        /// One of the emulator's routes. [`Route::as_str`] is its stable name.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Route {
            $($(#[$doc])* $variant,)*
        }

        impl Route {
            /// Every route, in declaration order.
            pub const ALL: &'static [Route] = &[$(Route::$variant,)*];

            /// The route's stable snake_case name (journal, faults, README).
            pub const fn as_str(self) -> &'static str {
                match self {
                    $(Route::$variant => $text,)*
                }
            }
        }
    };
}

routes! {
    // Any listener.
    /// `/control/...` on the platform listener (never delayed or faulted).
    Control = "control",
    /// A CORS preflight (`OPTIONS`).
    Preflight = "preflight",
    /// A request no route matches (answered 404).
    Unknown = "unknown",
    /// A method the resource does not support (answered 405 with `Allow`).
    MethodNotAllowed = "method_not_allowed",

    // The platform listener: the service-application stand-in, Azure AD, the Trusted
    // Application API and the guest's discover.
    /// `POST /serviceapp/GetAnonTokenJob`.
    ServiceStandin = "service_standin",
    /// `GET /serviceapp/health`.
    ServiceStandinHealth = "service_standin_health",
    /// `POST /{tenant}/oauth2/token`.
    AadToken = "aad_token",
    /// The guest's `GET /platformservice/discover?anonymousMeetingJoinContext=...`.
    AnonDiscover = "anon_discover",
    /// The service application's `GET /platformservice/discover`.
    PlatformDiscover = "platform_discover",
    Applications = "applications",
    /// The application's capabilities.
    Application = "application",
    /// `POST .../anonApplicationTokens`.
    AnonTokens = "anon_tokens",
    AdhocMeetings = "adhoc_meetings",

    // The pool listener (and the on-premises `/ucwa/oauth/v1/applications`).
    CreateApplication = "create_application",
    GetApplication = "get_application",
    DeleteApplication = "delete_application",
    /// The event channel's P-GET.
    Events = "events",
    ReportActivity = "report_activity",
    MakeMeAvailable = "make_me_available",
    /// `POST .../onlineMeetingInvitations`.
    JoinMeeting = "join_meeting",
    DeleteConversation = "delete_conversation",
    AddMessaging = "add_messaging",
    SendMessage = "send_message",
    Typing = "typing",
    StopMessaging = "stop_messaging",
    /// `POST {phoneAudio}/addPhoneAudio` ("call me").
    AddPhoneAudio = "add_phone_audio",
    StopPhoneAudio = "stop_phone_audio",
    /// Any other `GET` under an application.
    GetResource = "get_resource",

    // The on-premises listeners (flow B).
    /// `GET /` on `lyncdiscover`.
    Lyncdiscover = "lyncdiscover",
    AutodiscoverRoot = "autodiscover_root",
    AutodiscoverUser = "autodiscover_user",
    Xframe = "xframe",
    /// `POST /WebTicket/oauthtoken`.
    Webticket = "webticket",
}

impl Route {
    /// The route named `name` (exactly as [`Route::as_str`] spells it).
    pub fn parse(name: &str) -> Option<Route> {
        Route::ALL.iter().copied().find(|r| r.as_str() == name)
    }

    /// Every route name, comma-separated (for messages that list them).
    pub fn names() -> String {
        Route::ALL
            .iter()
            .map(|r| r.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    }
}

impl fmt::Display for Route {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl serde::Serialize for Route {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> serde::Deserialize<'de> for Route {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let name = <std::borrow::Cow<'de, str> as serde::Deserialize>::deserialize(d)?;
        Route::parse(&name).ok_or_else(|| {
            D::Error::custom(format!(
                "unknown route {name:?}; the routes are {}",
                Route::names()
            ))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_route_round_trips_through_its_name() {
        for &route in Route::ALL {
            let name = route.as_str();
            assert_eq!(Route::parse(name), Some(route));
            assert_eq!(route.to_string(), name);
            let json = serde_json::to_string(&route).unwrap();
            assert_eq!(json, format!("\"{name}\""));
            assert_eq!(serde_json::from_str::<Route>(&json).unwrap(), route);
            assert!(
                name.bytes().all(|b| b.is_ascii_lowercase() || b == b'_'),
                "{name} is snake_case"
            );
        }
        let mut names: Vec<&str> = Route::ALL.iter().map(|r| r.as_str()).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), Route::ALL.len(), "route names are unique");
    }

    #[test]
    fn a_misspelt_route_is_refused_with_the_list() {
        assert_eq!(Route::parse("Events"), None);
        let err = serde_json::from_str::<Route>("\"evnts\"").unwrap_err();
        let text = err.to_string();
        assert!(text.contains("unknown route \"evnts\""), "{text}");
        assert!(text.contains("delete_conversation"), "{text}");
    }
}
