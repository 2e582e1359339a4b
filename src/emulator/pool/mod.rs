//! The UCWA pool (the second listener): the guest's application and its routes
//! (`ucwa_routes`, the resource and method table `route_table`), the long-poll event channel (`channel`), messaging (`messaging`), and what a
//! guest sees of the meeting: resources (`resources`, `conv_resources`) and event batches
//! (`batch`, `roster_batch`).

pub(in crate::emulator) mod batch;
pub(in crate::emulator) mod channel;
pub(in crate::emulator) mod conv_resources;
pub(in crate::emulator) mod messaging;
pub(in crate::emulator) mod phone_audio;
pub(in crate::emulator) mod phone_resources;
pub(in crate::emulator) mod resources;
pub(in crate::emulator) mod roster_batch;
pub(in crate::emulator) mod route_table;
pub(in crate::emulator) mod ucwa_routes;
