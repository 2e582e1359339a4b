//! Meeting behaviour: joining (lobby policies, both event styles), admission, denial, lobby
//! timeout, leaving, ending, ejection, and roster changes seen by every guest.

use std::sync::Arc;
use std::time::Duration;

use axum::http::StatusCode;

use crate::api::wire::events::EventType;
use crate::api::wire::ucwa::OnlineMeetingInvitationRequest;
use crate::api::wire::{
    ConversationState, InvitationState, ModalityState, OperationStatus, UcwaCode, UcwaError,
    UcwaSubcode,
};
use crate::emulator::config::{EventStyle, LobbyPolicy};
use crate::emulator::http::{UcwaErrorReply, check_operation_id, hex_id};
use crate::emulator::resources::{
    self as res, GroupBuilder, GuestView, Paths, Person, local_person,
};
use crate::emulator::world::{Conv, MsgState, Phase, PhoneLeg, World};

/// A lobby decision taken later by a timer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Decision {
    Admit,
    Deny,
    Timeout,
}

pub(crate) struct JoinOutcome {
    pub location: String,
    /// `(delay, decision, conversation id)` when the lobby policy decides by itself.
    pub timer: Option<(Duration, Decision, String)>,
}

/// Why a guest leaves its conversation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Exit {
    /// The client DELETEd the conversation.
    ClientDelete,
    /// The application was deleted, expired or lost: no events to it.
    AppGone,
    Ended,
    Ejected,
}

impl Exit {
    fn reason(self) -> Option<UcwaError> {
        match self {
            Exit::ClientDelete | Exit::AppGone => None,
            Exit::Ended => Some(UcwaError::new(
                UcwaCode::Gone,
                Some(UcwaSubcode::Ended),
                "The conference has finished.",
            )),
            Exit::Ejected => Some(UcwaError::new(
                UcwaCode::Gone,
                Some(UcwaSubcode::Ejected),
                "The user is removed from conference.",
            )),
        }
    }
}

pub(crate) fn denied() -> UcwaError {
    UcwaError::new(
        UcwaCode::Forbidden,
        Some(UcwaSubcode::Denied),
        "The lobby participant was denied from the conference.",
    )
}

pub(crate) fn lobby_timeout() -> UcwaError {
    UcwaError::new(
        UcwaCode::Timeout,
        Some(UcwaSubcode::Timeout),
        "The lobby wait timed out before a leader admitted the participant.",
    )
}

fn locked() -> UcwaError {
    UcwaError::new(
        UcwaCode::Forbidden,
        Some(UcwaSubcode::NotAllowed),
        "The meeting is locked",
    )
}

/// `POST {app}/communication/onlineMeetingInvitations`. Long on purpose: the server's checks
/// and the guest's admission in the order the protocol has them.
pub(crate) fn join(
    w: &mut World,
    tenant: &str,
    app_id: &str,
    asi: &str,
    req: &OnlineMeetingInvitationRequest,
) -> Result<JoinOutcome, UcwaErrorReply> {
    let app = w.app(app_id, asi)?;
    if app.live_conv().is_some() {
        return Err(UcwaErrorReply::conflict(
            Some(UcwaSubcode::AlreadyExists),
            "The application is already joining or in a meeting.",
        ));
    }
    let uri = req.online_meeting_uri.trim();
    if uri.is_empty() {
        return Err(UcwaErrorReply::invalid(
            "onlineMeetingUri",
            "The onlineMeetingUri property is required.",
        ));
    }
    if !app
        .confid
        .as_deref()
        .is_some_and(|c| c.eq_ignore_ascii_case(uri))
    {
        return Err(UcwaErrorReply::forbidden(
            None,
            "The target conference URI does not match the conference URI provisioned in anonymous web ticket.",
        ));
    }
    let m = w
        .meeting_by_uri(uri)
        .filter(|m| w.meetings.get(*m).is_some_and(|x| !x.ended))
        .ok_or_else(|| {
            UcwaErrorReply::new(
                StatusCode::NOT_FOUND,
                UcwaCode::NotFound,
                Some(UcwaSubcode::DestinationNotFound),
                "The meeting could not be found.",
            )
        })?;
    let name = req
        .anonymous_display_name
        .as_deref()
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .or(app.name.as_deref())
        .map(str::to_string)
        .ok_or_else(|| {
            UcwaErrorReply::invalid(
                "anonymousDisplayName",
                "The anonymousDisplayName property is required for anonymous users.",
            )
        })?;
    if name.chars().count() > 250 {
        return Err(UcwaErrorReply::invalid(
            "anonymousDisplayName",
            "The display name is longer than 250 characters.",
        ));
    }
    check_operation_id(req.operation_id.as_deref())?;
    let (policy, style) = {
        let spec = &w.meetings[m].spec;
        (spec.policy, spec.event_style)
    };
    let conv = Conv {
        id: hex_id(12),
        inv_id: hex_id(12),
        op_id: req.operation_id.clone(),
        meeting: m,
        importance: req.importance.clone().unwrap_or_else(|| "Normal".into()),
        subject: req.subject.clone(),
        thread_id: hex_id(32),
        phase: Phase::Lobby,
        inv_state: InvitationState::Connecting,
        messaging: MsgState {
            state: ModalityState::Disconnected,
            ..MsgState::default()
        },
        phone: PhoneLeg::default(),
    };
    let conv_id = conv.id.clone();
    let location = Paths::new(app_id).invitation(&conv.inv_id);
    let app = w.app_mut(app_id, asi)?;
    app.name = Some(name);
    app.conv = Some(conv);
    let started = started_group(w, app_id);
    let mut timer = None;
    match policy {
        LobbyPolicy::Locked => {
            push(w, app_id, started);
            fail(w, app_id, locked());
        }
        LobbyPolicy::Open => match style {
            EventStyle::Detailed => {
                push(w, app_id, started);
                admit(w, tenant, app_id, false);
            }
            EventStyle::Collapsed => {
                admit(w, tenant, app_id, true);
            }
        },
        _ => {
            w.meetings[m].lobby.push(app_id.to_string());
            let lobby = lobby_group(w, app_id);
            match style {
                EventStyle::Detailed => {
                    push(w, app_id, started);
                    push(w, app_id, lobby);
                }
                EventStyle::Collapsed => {
                    let mut all = started;
                    all.append(lobby);
                    push(w, app_id, all);
                }
            }
            timer = match policy {
                LobbyPolicy::AdmitAfter(d) => Some((d, Decision::Admit, conv_id)),
                LobbyPolicy::DenyAfter(d) => Some((d, Decision::Deny, conv_id)),
                LobbyPolicy::TimeoutAfter(d) => Some((d, Decision::Timeout, conv_id)),
                _ => None,
            };
        }
    }
    Ok(JoinOutcome { location, timer })
}

fn push(w: &mut World, app_id: &str, g: GroupBuilder) {
    if let Some(app) = w.apps.get_mut(app_id) {
        app.channel.push(g.build());
    }
}

/// Batch 1: invitation started, conversation added (both Connecting).
fn started_group(w: &World, app_id: &str) -> GroupBuilder {
    let mut g = GroupBuilder::default();
    if let Some(v) = GuestView::of(w, app_id) {
        v.comm(&mut g, v.invitation(EventType::Started));
        v.comm(
            &mut g,
            v.conversation(EventType::Added, ConversationState::Connecting, 0),
        );
    }
    g
}

/// Batch 2: the local participant waits in the lobby; conversation InLobby.
fn lobby_group(w: &World, app_id: &str) -> GroupBuilder {
    let mut g = GroupBuilder::default();
    if let Some(v) = GuestView::of(w, app_id) {
        v.conv(&mut g, v.local_participant(EventType::Added, true));
        v.comm(
            &mut g,
            v.conversation(EventType::Updated, ConversationState::InLobby, 0),
        );
    }
    g
}

/// Admit the guest of `app_id` (from the lobby or straight in): admission events to it,
/// `participant added` to every other guest. `collapsed` sends one batch that includes
/// `conversation added` and skips `started`.
pub(crate) fn admit(w: &mut World, tenant: &str, app_id: &str, collapsed: bool) -> bool {
    let Some(conv) = w.apps.get_mut(app_id).and_then(|a| a.conv.as_mut()) else {
        return false;
    };
    if conv.phase != Phase::Lobby {
        return false;
    }
    conv.phase = Phase::InMeeting;
    conv.inv_state = InvitationState::Connected;
    let m = conv.meeting;
    if let Some(meeting) = w.meetings.get_mut(m) {
        meeting.lobby.retain(|a| a != app_id);
        meeting.guests.push(app_id.to_string());
    }
    let people = res::roster(w, m, app_id);
    let mut g = GroupBuilder::default();
    if let Some(v) = GuestView::of(w, app_id) {
        let count = people.len() + 1;
        if collapsed {
            v.comm(
                &mut g,
                v.conversation(EventType::Added, ConversationState::Conferenced, count),
            );
        }
        v.conv(&mut g, v.local_participant(EventType::Added, false));
        g.roster_added(&v.conv.id, people);
        v.conv(&mut g, v.online_meeting_added(tenant));
        v.conv(&mut g, v.messaging_updated());
        v.conv(&mut g, v.phone_audio_updated());
        if !collapsed {
            v.comm(
                &mut g,
                v.conversation(EventType::Updated, ConversationState::Conferenced, count),
            );
        }
        v.comm(
            &mut g,
            v.invitation(EventType::Completed)
                .status(OperationStatus::Success),
        );
    }
    push(w, app_id, g);
    if let Some(me) = w.apps.get(app_id).map(local_person) {
        broadcast_person(w, m, &me, EventType::Added, app_id);
    }
    true
}

/// The join fails: invitation completed with Failure and `reason`, conversation deleted.
pub(crate) fn fail(w: &mut World, app_id: &str, reason: UcwaError) {
    let Some(conv) = w.apps.get_mut(app_id).and_then(|a| a.conv.as_mut()) else {
        return;
    };
    conv.phase = Phase::Ended;
    conv.inv_state = InvitationState::Failed;
    let m = conv.meeting;
    if let Some(meeting) = w.meetings.get_mut(m) {
        meeting.lobby.retain(|a| a != app_id);
    }
    let mut g = GroupBuilder::default();
    if let Some(v) = GuestView::of(w, app_id) {
        let completed = v
            .invitation(EventType::Completed)
            .status(OperationStatus::Failure);
        v.comm(&mut g, completed.reason(reason.clone()));
        let deleted = v.conversation(EventType::Deleted, ConversationState::Disconnected, 0);
        v.comm(&mut g, deleted.reason(reason));
    }
    push(w, app_id, g);
}

/// Apply a timer's lobby decision if the guest still waits in the same conversation.
pub(crate) fn decide(w: &mut World, tenant: &str, app_id: &str, conv_id: &str, decision: Decision) {
    let waiting = w
        .apps
        .get(app_id)
        .and_then(|a| a.live_conv())
        .is_some_and(|c| c.id == conv_id && c.phase == Phase::Lobby);
    if !waiting {
        return;
    }
    match decision {
        Decision::Admit => {
            admit(w, tenant, app_id, false);
        }
        Decision::Deny => fail(w, app_id, denied()),
        Decision::Timeout => fail(w, app_id, lobby_timeout()),
    }
}

/// The guest leaves its live conversation for `exit`.
pub(crate) fn leave(w: &mut World, app_id: &str, exit: Exit) -> bool {
    let Some(conv) = w.apps.get(app_id).and_then(|a| a.live_conv()) else {
        return false;
    };
    let (m, phase) = (conv.meeting, conv.phase);
    // The phone leg ends with the conversation.
    crate::emulator::phone_audio::end_with_conversation(w, app_id);
    if phase == Phase::Lobby {
        if exit == Exit::AppGone {
            if let Some(meeting) = w.meetings.get_mut(m) {
                meeting.lobby.retain(|a| a != app_id);
            }
            end_conv(w, app_id);
        } else {
            let reason = exit.reason().unwrap_or_else(|| {
                UcwaError::new(
                    UcwaCode::Gone,
                    Some(UcwaSubcode::Canceled),
                    "The invitation was cancelled by the participant.",
                )
            });
            fail(w, app_id, reason);
        }
        return true;
    }
    if let Some(meeting) = w.meetings.get_mut(m) {
        meeting.guests.retain(|a| a != app_id);
    }
    if exit != Exit::AppGone {
        let mut g = GroupBuilder::default();
        if let Some(v) = GuestView::of(w, app_id) {
            let mut e = v.local_participant(EventType::Deleted, false);
            e.reason = exit.reason();
            v.conv(&mut g, e);
            let mut e = v.conversation(EventType::Deleted, ConversationState::Disconnected, 0);
            e.reason = exit.reason();
            v.comm(&mut g, e);
        }
        push(w, app_id, g);
    }
    end_conv(w, app_id);
    if let Some(me) = w.apps.get(app_id).map(local_person) {
        broadcast_person(w, m, &me, EventType::Deleted, app_id);
    }
    true
}

fn end_conv(w: &mut World, app_id: &str) {
    if let Some(conv) = w.apps.get_mut(app_id).and_then(|a| a.conv.as_mut()) {
        conv.phase = Phase::Ended;
        conv.messaging.state = ModalityState::Disconnected;
    }
}

/// Tell every admitted guest of meeting `m` (except `except`) that `who` was added or deleted.
/// The change is queued compactly (one shared snapshot of `who`) and coalesced per guest.
pub(crate) fn broadcast_person(
    w: &mut World,
    m: usize,
    who: &Person,
    kind: EventType,
    except: &str,
) {
    let who = Arc::new(who.clone());
    let Some(meeting) = w.meetings.get(m) else {
        return;
    };
    for gid in meeting.guests.iter().filter(|g| g.as_str() != except) {
        let Some(app) = w.apps.get_mut(gid) else {
            continue;
        };
        let Some(conv) = app.conv.as_ref().filter(|c| c.phase == Phase::InMeeting) else {
            continue;
        };
        let conv_id = conv.id.clone();
        app.channel.push_roster(&conv_id, kind, &who);
    }
}

/// End meeting `m`: everyone in the lobby and the meeting is removed with reason Ended.
pub(crate) fn end_meeting(w: &mut World, m: usize) -> usize {
    let Some(meeting) = w.meetings.get_mut(m) else {
        return 0;
    };
    meeting.ended = true;
    let everyone: Vec<String> = meeting
        .lobby
        .iter()
        .chain(meeting.guests.iter())
        .cloned()
        .collect();
    everyone
        .iter()
        .filter(|id| leave(w, id, Exit::Ended))
        .count()
}

/// Guests of meeting `m` named `name` (case-insensitive; `None` = all) in the lobby
/// (`lobby = true`) or in the meeting.
pub(crate) fn guests_named(w: &World, m: usize, name: Option<&str>, lobby: bool) -> Vec<String> {
    let Some(meeting) = w.meetings.get(m) else {
        return Vec::new();
    };
    let ids = if lobby {
        &meeting.lobby
    } else {
        &meeting.guests
    };
    ids.iter()
        .filter(|id| {
            name.is_none_or(|n| {
                w.apps
                    .get(*id)
                    .is_some_and(|a| a.display_name().trim().eq_ignore_ascii_case(n.trim()))
            })
        })
        .cloned()
        .collect()
}
