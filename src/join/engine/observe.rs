//! What the event channel brings: batches turned into observations, lobby, admission,
//! roster, server-side ends and channel loss.

use crate::api::error::ApiError;
use crate::api::wire::{UcwaCode, UcwaSubcode};

use super::super::channel::{ChannelLoss, ChannelMsg};
use super::super::failure::{FailureInfo, FailureKind, kind_for_join_reason, kind_for_removal};
use super::super::status::{JoinEvent, Phase, Step};
use super::super::tracker::Observation;
use super::{Session, Stop, recv};

impl Session<'_> {
    /// In the meeting until asked to leave; server-side ends and channel loss are failures.
    pub(super) async fn stay(&mut self) -> Result<(), Stop> {
        loop {
            self.run_actions().await;
            let renew_at = self.renew_at;
            let msg = tokio::select! {
                biased;
                _ = self.control.cancel.cancelled() => return Err(Stop::Cancelled),
                _ = self.control.leave.cancelled() => return Ok(()),
                _ = sleep_until_some(renew_at) => {
                    if self.renews_in_place() {
                        self.renew_at = None;
                        if let Err(info) = self.renew_ticket().await {
                            return Err(self.lost_or_failed(info, true));
                        }
                        continue;
                    }
                    let info = FailureInfo::new(
                        FailureKind::ConnectionLost,
                        Some(Step::InMeeting),
                        "the guest token expires soon; renewing the session",
                    );
                    return Err(self.lost_or_failed(info, true));
                }
                command = recv_command(&mut self.inbox) => {
                    match command {
                        Some(c) => self.on_command(c),
                        None => self.inbox = None,
                    }
                    continue;
                }
                m = recv(&mut self.channel) => m,
            };
            self.on_channel_msg(msg)?;
        }
    }

    pub(super) async fn next_channel_msg(
        &mut self,
        guarded: bool,
    ) -> Result<Option<ChannelMsg>, Stop> {
        if guarded {
            let cancel = self.control.cancel.clone();
            let leave = self.control.leave.clone();
            let deadline = self.deadline;
            tokio::select! {
                biased;
                _ = cancel.cancelled() => Err(Stop::Cancelled),
                _ = leave.cancelled() => Err(Stop::Cancelled),
                _ = tokio::time::sleep_until(deadline) => Err(Stop::Deadline),
                m = recv(&mut self.channel) => Ok(m),
            }
        } else {
            Ok(recv(&mut self.channel).await)
        }
    }

    pub(super) fn confirm_channel(&mut self) {
        if !self.channel_confirmed {
            self.channel_confirmed = true;
            let ms = self.channel_started.map(Self::ms_since).unwrap_or(0);
            self.emit(JoinEvent::StepDone {
                step: Step::EventChannel,
                ms,
                http_status: Some(200),
            });
        }
    }

    pub(super) fn on_channel_msg(&mut self, msg: Option<ChannelMsg>) -> Result<(), Stop> {
        let Some(msg) = msg else {
            let info = FailureInfo::new(
                FailureKind::ConnectionLost,
                Some(Step::EventChannel),
                "the event channel stopped",
            );
            return Err(self.lost_or_failed(info, true));
        };
        match msg {
            ChannelMsg::Batch { batch, base } => {
                self.confirm_channel();
                // Meeting details of a batch are announced before any phase change it brings.
                let (info, rest): (Vec<_>, Vec<_>) = self
                    .tracker
                    .observe(&batch, &base)
                    .into_iter()
                    .partition(|o| matches!(o, Observation::MeetingInfo { .. }));
                for obs in info.into_iter().chain(rest) {
                    self.on_observation(obs)?;
                }
                if std::mem::take(&mut self.reconcile_roster) {
                    self.reconcile_roster_after_rejoin();
                }
                Ok(())
            }
            ChannelMsg::Resynced => {
                // The channel re-fetches from the first unacknowledged batch; nothing is lost.
                self.emit(JoinEvent::ChannelResynced);
                Ok(())
            }
            ChannelMsg::Interrupted { reason } => {
                self.emit(JoinEvent::ChannelInterrupted { reason });
                Ok(())
            }
            ChannelMsg::Recovered { attempts } => {
                self.emit(JoinEvent::ChannelRecovered { attempts });
                Ok(())
            }
            ChannelMsg::Lost(loss) => {
                let inactive = loss.error().and_then(ApiError::ucwa_subcode)
                    == Some(&UcwaSubcode::InactiveApplicationExpired);
                let kind = match (&loss, self.status.joined) {
                    (ChannelLoss::ApplicationGone(_), _) if inactive => FailureKind::Inactive,
                    (ChannelLoss::Unauthorized(_), _)
                    | (ChannelLoss::ApplicationGone(_), _)
                    | (ChannelLoss::Resume, _) => FailureKind::ConnectionLost,
                    (ChannelLoss::Failed(e), false) if e.is_network() => FailureKind::Network,
                    _ => FailureKind::ConnectionLost,
                };
                let step = if self.channel_confirmed {
                    Step::InMeeting
                } else {
                    Step::EventChannel
                };
                let e = loss.error();
                let info = FailureInfo::new(kind, Some(step), loss.to_string()).with_codes(
                    e.and_then(ApiError::status),
                    e.and_then(ApiError::code),
                    e.and_then(ApiError::subcode),
                );
                // Another instance taking the channel is not ours to fight over.
                let recoverable = !matches!(loss, ChannelLoss::Replaced(_));
                if !self.status.joined && !self.may_rejoin() {
                    self.fail_step(step, &info);
                }
                Err(self.lost_or_failed(info, recoverable))
            }
        }
    }

    /// Once in the lobby or the meeting, a lost connection is worth a rejoin.
    pub(super) fn may_rejoin(&self) -> bool {
        self.req.limits.rejoin_attempts > 0
            && (self.status.joined || self.status.phase == Phase::InLobby || self.rejoining)
    }

    fn lost_or_failed(&self, info: FailureInfo, recoverable: bool) -> Stop {
        if recoverable && self.may_rejoin() {
            Stop::Lost(info)
        } else {
            Stop::Failed(info)
        }
    }

    /// After a rejoin, participants who left while the guest was away leave the roster too.
    fn reconcile_roster_after_rejoin(&mut self) {
        let present: std::collections::HashSet<String> =
            self.tracker.roster().map(|p| p.id.clone()).collect();
        let gone: Vec<(String, String)> = self
            .status
            .roster
            .iter()
            .filter(|p| !p.me && !present.contains(&p.id))
            .map(|p| (p.id.clone(), p.name.clone()))
            .collect();
        for (id, name) in gone {
            self.emit(JoinEvent::ParticipantLeft { id, name });
        }
    }

    // Long on purpose: one arm per observation, each a few lines; splitting would scatter them.
    pub(super) fn on_observation(&mut self, obs: Observation) -> Result<(), Stop> {
        match obs {
            Observation::Lobby => {
                // `in_meeting` stays open: it measures from the accepted join request to admission.
                self.phase(Phase::InLobby);
                self.start_step(Step::Lobby);
            }
            Observation::Admitted => {
                self.reconcile_roster = self.rejoining;
                self.finish_step_if_running(Step::Lobby, None);
                if self.status.step(Step::InMeeting).state
                    != super::super::status::StepState::Running
                {
                    self.start_step(Step::InMeeting);
                }
                self.finish_step(Step::InMeeting, None);
                self.phase(Phase::InMeeting);
                for early in std::mem::take(&mut self.early_roster) {
                    self.on_observation(early)?;
                }
                self.maybe_add_messaging();
            }
            Observation::JoinFailed { reason } => {
                let kind = kind_for_join_reason(&reason.code, reason.subcode.as_ref());
                let step = if self.status.phase == Phase::InLobby {
                    Step::Lobby
                } else {
                    Step::InMeeting
                };
                let message = reason
                    .message
                    .clone()
                    .filter(|m| !m.is_empty())
                    .unwrap_or_else(|| kind.title().to_string());
                let info = FailureInfo::new(kind, Some(step), message).with_codes(
                    None,
                    Some(reason.code.as_str()),
                    reason.subcode.as_ref().map(UcwaSubcode::as_str),
                );
                self.fail_step(step, &info);
                return Err(Stop::Failed(info));
            }
            Observation::Ended { reason } => {
                let code = reason.as_ref().map(|r| r.code.clone());
                let subcode = reason.as_ref().and_then(|r| r.subcode.clone());
                let (kind, step) = if self.status.joined {
                    (kind_for_removal(subcode.as_ref()), Step::InMeeting)
                } else {
                    let k = reason
                        .as_ref()
                        .map(|r| kind_for_join_reason(&r.code, r.subcode.as_ref()))
                        .unwrap_or(FailureKind::Protocol);
                    (
                        k,
                        if self.status.phase == Phase::InLobby {
                            Step::Lobby
                        } else {
                            Step::InMeeting
                        },
                    )
                };
                let message = reason
                    .and_then(|r| r.message)
                    .filter(|m| !m.is_empty())
                    .unwrap_or_else(|| kind.title().to_string());
                let info = FailureInfo::new(kind, Some(step), message).with_codes(
                    None,
                    code.as_ref().map(UcwaCode::as_str),
                    subcode.as_ref().map(UcwaSubcode::as_str),
                );
                if !self.status.joined {
                    self.fail_step(step, &info);
                }
                return Err(Stop::Failed(info));
            }
            Observation::MeetingInfo { subject, organizer } => {
                self.emit(JoinEvent::MeetingInfo { subject, organizer })
            }
            Observation::ParticipantJoined(_)
            | Observation::ParticipantUpdated(_)
            | Observation::ParticipantLeft { .. }
                if !self.status.joined =>
            {
                self.early_roster.push(obs);
            }
            Observation::ParticipantJoined(participant) => {
                self.emit(JoinEvent::ParticipantJoined { participant })
            }
            Observation::ParticipantUpdated(participant) => {
                self.emit(JoinEvent::ParticipantUpdated { participant })
            }
            Observation::ParticipantLeft { id, name } => {
                self.emit(JoinEvent::ParticipantLeft { id, name })
            }
            Observation::Messaging {
                state,
                add,
                send,
                typing,
            } => self.on_messaging(state, add, send, typing),
            Observation::MessageReceived { from, text, at_ms } => {
                self.on_message_received(from, text, at_ms)
            }
            Observation::MessageOutcome {
                operation_id,
                delivered,
                reason,
            } => {
                let reason = reason.map(|r| {
                    r.message
                        .filter(|m| !m.is_empty())
                        .unwrap_or_else(|| r.code.to_string())
                });
                self.on_message_outcome(operation_id, delivered, reason);
            }
            Observation::Typing { name, typing } => self.emit(JoinEvent::Typing { name, typing }),
            Observation::OnlineMeeting { href, dial_in } => self.on_online_meeting(href, dial_in),
            Observation::PhoneAudio { state, add, stop } => self.on_phone_audio(state, add, stop),
            Observation::PhoneInvitation {
                operation_id,
                outcome,
            } => self.on_phone_invitation(operation_id, outcome),
            Observation::Ignored { what } => tracing::info!(%what, "event ignored"),
        }
        Ok(())
    }

    pub(super) fn finish_step_if_running(&mut self, step: Step, http_status: Option<u16>) {
        if self.status.step(step).state == super::super::status::StepState::Running {
            self.finish_step(step, http_status);
        }
    }
}

async fn recv_command(
    inbox: &mut Option<tokio::sync::mpsc::UnboundedReceiver<super::Command>>,
) -> Option<super::Command> {
    match inbox {
        Some(rx) => rx.recv().await,
        None => std::future::pending().await,
    }
}

async fn sleep_until_some(at: Option<tokio::time::Instant>) {
    match at {
        Some(at) => tokio::time::sleep_until(at).await,
        None => std::future::pending().await,
    }
}
