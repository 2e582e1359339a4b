//! Property tests: the tracker takes any batch the client could decode (arbitrary JSON bodies
//! and generated batches, duplicates included) without a panic.

use proptest::prelude::*;

use super::*;
use crate::api::wire::events::props::{batch, json_value};

fn base() -> Url {
    Url::parse("https://pool.example/ucwa/oauth/v1/applications/1/events?ack=2").expect("static")
}

fn tracker() -> MeetingTracker {
    let mut t = MeetingTracker::new("op-1");
    t.set_invitation(
        base()
            .join("communication/onlineMeetingInvitations/5")
            .expect("static"),
    );
    t
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn generated_batches_never_panic(batches in prop::collection::vec(batch(), 1..4)) {
        let mut t = tracker();
        for b in &batches {
            let _ = t.observe(b, &base());
            // A batch delivered twice (a retried P-GET) must be harmless too.
            let _ = t.observe(b, &base());
        }
        prop_assert!(t.roster().count() <= batches.iter().map(|b| b.events().count()).sum());
    }

    #[test]
    fn arbitrary_json_bodies_never_panic(value in json_value()) {
        if let Ok(b) = serde_json::from_value::<EventBatch>(value) {
            let mut t = tracker();
            let _ = t.observe(&b, &base());
            let _ = t.observe(&b, &base());
        }
    }
}
