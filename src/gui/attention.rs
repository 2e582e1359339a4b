//! Getting a guest's attention while the window is behind others: the window title says where
//! the guest is ("Waiting in the lobby — guest-join", "(2) In the meeting — … — guest-join"),
//! and when the guest is let in, the meeting ends for them, or a message arrives while the
//! window is not focused, the window asks for attention and a desktop notification is shown
//! (unless switched off). Never on a kiosk, whose screen is the only window.

use std::sync::Arc;

use crate::i18n::Tr;
use crate::join::Phase;
use crate::t;

use super::notifier::{Notice, Notify};
use super::state::SessionView;

/// What was seen of the session last frame, to tell what is new.
#[derive(Debug, Clone, Copy)]
struct Seen {
    session: u64,
    phase: Phase,
    joined: bool,
    last_chat: Option<u64>,
}

/// The window title, the unread count and the notices.
pub struct Attention {
    notifier: Option<Arc<dyn Notify>>,
    title: String,
    unread: u32,
    seen: Option<Seen>,
}

/// What happened since the last frame that the guest should hear of.
#[derive(Debug, Default)]
struct News {
    admitted: bool,
    ended: bool,
    /// Incoming messages: (sender, text).
    messages: Vec<(String, String)>,
}

/// The app's name, the end of every title.
const APP: &str = "guest-join";

impl Attention {
    pub fn new(notifier: Option<Arc<dyn Notify>>) -> Self {
        Self {
            notifier,
            title: APP.to_string(),
            unread: 0,
            seen: None,
        }
    }

    /// Messages that arrived while the window was not focused, since it last was.
    pub fn unread(&self) -> u32 {
        self.unread
    }

    /// The title the window has now.
    pub fn title(&self) -> &str {
        &self.title
    }

    /// Once per frame: compare the session with last frame, tell the guest what is new, set the
    /// title. `notify`: the Settings switch.
    pub fn update(
        &mut self,
        ctx: &egui::Context,
        tr: &Tr,
        view: Option<&SessionView>,
        notify: bool,
    ) {
        // Unknown focus (some platforms never say) counts as focused: nothing to announce.
        let focused = ctx.input(|i| i.viewport().focused.unwrap_or(true));
        if focused {
            self.unread = 0;
        }
        let news = self.news(view);
        if !focused {
            self.tell(ctx, tr, view, &news, notify);
        }
        let title = self.compose_title(tr, view);
        if title != self.title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title = title;
        }
    }

    fn news(&mut self, view: Option<&SessionView>) -> News {
        let Some(view) = view else {
            self.seen = None;
            return News::default();
        };
        let status = &view.status;
        // Message ids grow through a session: the newest are at the end (a long chat is not
        // walked every frame).
        let last_chat = status.chat.iter().rev().find(|l| !l.outgoing).map(|l| l.id);
        let now = Seen {
            session: view.id,
            phase: status.phase,
            joined: status.joined,
            last_chat,
        };
        let before = match self.seen.replace(now) {
            Some(s) if s.session == view.id => s,
            // A new session: what it starts with is not news.
            _ => return News::default(),
        };
        let was_waiting_or_in = matches!(
            before.phase,
            Phase::InLobby | Phase::InMeeting | Phase::Reconnecting
        );
        News {
            admitted: !before.joined && status.joined,
            ended: was_waiting_or_in && status.phase == Phase::Failed,
            messages: {
                let mut new: Vec<(String, String)> = status
                    .chat
                    .iter()
                    .rev()
                    .take_while(|l| before.last_chat.is_none_or(|seen| l.id > seen))
                    .filter(|l| !l.outgoing)
                    .map(|l| (l.from.clone(), l.text.clone()))
                    .collect();
                new.reverse();
                new
            },
        }
    }

    fn tell(
        &mut self,
        ctx: &egui::Context,
        tr: &Tr,
        view: Option<&SessionView>,
        news: &News,
        notify: bool,
    ) {
        self.unread += u32::try_from(news.messages.len()).unwrap_or(u32::MAX);
        if !news.admitted && !news.ended && news.messages.is_empty() {
            return;
        }
        ctx.send_viewport_cmd(egui::ViewportCommand::RequestUserAttention(
            egui::UserAttentionType::Informational,
        ));
        let Some(notifier) = self.notifier.as_ref().filter(|_| notify) else {
            return;
        };
        let Some(view) = view else {
            return;
        };
        if news.admitted {
            let meeting =
                view.status.subject.clone().unwrap_or_else(|| {
                    t!(tr, "lobby-meeting-on", host = view.meeting_host.as_str())
                });
            notifier.notify(Notice {
                summary: t!(tr, "notify-admitted"),
                body: t!(tr, "notify-admitted-body", meeting = meeting),
            });
        }
        if news.ended
            && let Some(failure) = &view.status.failure
        {
            notifier.notify(Notice {
                summary: tr.failure_title(failure.kind),
                body: tr.failure_remedy(failure.kind),
            });
        }
        for (from, text) in &news.messages {
            notifier.notify(Notice {
                summary: t!(tr, "notify-message", name = from.as_str()),
                body: text.clone(),
            });
        }
    }

    fn compose_title(&self, tr: &Tr, view: Option<&SessionView>) -> String {
        let place = view.and_then(|view| {
            let status = &view.status;
            Some(match status.phase {
                Phase::Idle | Phase::Left | Phase::Cancelled => return None,
                Phase::RequestingToken
                | Phase::Discovering
                | Phase::CreatingApplication
                | Phase::Joining => t!(tr, "title-joining"),
                Phase::Reconnecting if !status.joined => t!(tr, "title-joining"),
                Phase::InLobby => t!(tr, "title-lobby"),
                Phase::InMeeting | Phase::Reconnecting | Phase::Leaving => {
                    let meeting = status
                        .subject
                        .clone()
                        .unwrap_or_else(|| view.meeting_host.clone());
                    t!(tr, "title-in-meeting", meeting = meeting)
                }
                Phase::Failed => tr.failure_title(status.failure.as_ref()?.kind),
            })
        });
        let title = match place {
            Some(place) => format!("{place} — {APP}"),
            None => APP.to_string(),
        };
        if self.unread > 0 {
            t!(tr, "title-unread", count = self.unread, title = title)
        } else {
            title
        }
    }
}
