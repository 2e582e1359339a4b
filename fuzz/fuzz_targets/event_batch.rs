//! An event-channel answer from a hostile server: bytes → `EventBatch` (the client's own
//! decoding path) → the meeting tracker. Nothing may panic, overflow the stack or hang.

#![no_main]

use guest_join::api::response::Response;
use guest_join::api::wire::{ChannelNext, EventBatch};
use guest_join::join::tracker::MeetingTracker;
use libfuzzer_sys::fuzz_target;
use url::Url;

fuzz_target!(|data: &[u8]| {
    let base = Url::parse("https://pool.example/ucwa/oauth/v1/applications/1/events?ack=1")
        .expect("static URL");
    let resp = Response {
        status: 200,
        headers: Default::default(),
        body: data.to_vec().into(),
        url: base.clone(),
        elapsed: Default::default(),
    };
    let Ok(batch) = resp.json::<EventBatch>() else {
        return;
    };
    match batch.continuation() {
        ChannelNext::Next(h) | ChannelNext::Resync(h) | ChannelNext::Resume(h) => {
            let _ = base.join(h);
        }
        ChannelNext::None => {}
    }
    for (_, event) in batch.events() {
        let _ = event.resource::<serde_json::Value>();
        let _ = (event.succeeded(), event.failed());
    }
    // The tracker sees the batch as the engine does, twice (duplicates must be harmless).
    let mut tracker = MeetingTracker::new("op-1");
    tracker.set_invitation(
        base.join("communication/onlineMeetingInvitations/1")
            .expect("join"),
    );
    let _ = tracker.observe(&batch, &base);
    let _ = tracker.observe(&batch, &base);
    let _ = tracker.roster().count();
    // What the client decoded must survive its own serialisation.
    let again = serde_json::to_vec(&batch).expect("an EventBatch serialises");
    let _ = serde_json::from_slice::<EventBatch>(&again).expect("re-decodes");
});
