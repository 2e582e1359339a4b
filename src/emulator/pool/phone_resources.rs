//! The telephone resources a guest sees (docs/protocol.md §6a): the meeting's
//! `phoneDialInInformation` and its `dialInRegion`s, built from the meeting's
//! [`crate::emulator::config::DialIn`]. Hrefs are relative to the pool.

use crate::api::wire::phone::{DialInRegion, PhoneDialInInformation};
use crate::api::wire::{Embedded, Link, Links, Rel};

use crate::emulator::config::DialIn;
use crate::emulator::resources::Paths;

impl Paths {
    /// The application-level dial-in hub, as the documentation's sample links it.
    pub fn dial_in(&self) -> String {
        self.sub("onlineMeetings/phoneDialInInformation")
    }
    /// Region `n` (1-based) of the dial-in hub.
    pub fn dial_in_region(&self, n: usize) -> String {
        format!("{}/{n}", self.dial_in())
    }
}

fn region(p: &Paths, n: usize, spec: &crate::emulator::config::DialInRegionSpec) -> DialInRegion {
    DialInRegion {
        name: Some(spec.name.clone()),
        number: Some(format!("tel:{}", spec.number)),
        languages: spec.languages.clone(),
        rel: Some(Rel::DialInRegion.into()),
        links: Links::new().with(Rel::SelfLink, Link::new(p.dial_in_region(n))),
    }
}

/// `phoneDialInInformation` of a meeting with dial-in, for the guest of `app_id`.
pub(crate) fn dial_in_information(app_id: &str, dial_in: &DialIn) -> PhoneDialInInformation {
    let p = Paths::new(app_id);
    let regions: Vec<DialInRegion> = dial_in
        .regions
        .iter()
        .enumerate()
        .map(|(i, r)| region(&p, i + 1, r))
        .collect();
    let provider = dial_in.provider.as_ref();
    PhoneDialInInformation {
        conference_id: Some(dial_in.conference_id.clone()),
        default_region: Some(dial_in.default_region.clone()),
        external_directory_uri: dial_in.directory_url.clone(),
        internal_directory_uri: dial_in.directory_url.clone(),
        is_audio_conference_provider_enabled: Some(provider.is_some()),
        participant_pass_code: provider.map(|a| a.participant_passcode.clone()),
        toll_free_numbers: provider.map(|a| a.toll_free_numbers.clone()),
        toll_number: provider.map(|a| a.toll_number.clone()),
        rel: Some(Rel::PhoneDialInInformation.into()),
        links: Links::new().with(Rel::SelfLink, Link::new(p.dial_in())),
        embedded: Embedded::new().with(Rel::DialInRegion, &regions),
    }
}

/// Region `n` (1-based) of the meeting's dial-in, if there is one.
pub(crate) fn dial_in_region(app_id: &str, dial_in: &DialIn, n: usize) -> Option<DialInRegion> {
    let spec = dial_in.regions.get(n.checked_sub(1)?)?;
    Some(region(&Paths::new(app_id), n, spec))
}
