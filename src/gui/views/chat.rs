//! The chat pane of the meeting view: messages with sender and local time, the delivery of
//! the guest's own messages, who is typing, and the message input (Enter or Send).
//! Message text is already safe plain text from the engine and is shown as plain labels.

use std::sync::OnceLock;

use egui::{Key, RichText};

use crate::gui::actions::UiAction;
use crate::gui::state::SessionView;
use crate::join::status::{ChatLine, Delivery};

use super::{error_color, ok_color};

/// Height of the message list, in points.
const LIST_HEIGHT: f32 = 280.0;

/// Longest message the input takes (the engine also bounds what it sends).
const MAX_MESSAGE_CHARS: usize = 4000;

static LOCAL_OFFSET: OnceLock<time::UtcOffset> = OnceLock::new();

/// Find the local UTC offset for message times. Call once at start, while the process still
/// has one thread (the only moment the platform lets it be read soundly); UTC otherwise.
pub fn init_local_offset() {
    if let Ok(offset) = time::UtcOffset::current_local_offset() {
        LOCAL_OFFSET.get_or_init(|| offset);
    }
}

/// `HH:MM` in local time (UTC when the local offset is unknown).
pub fn clock(at_ms: i64) -> String {
    let offset = LOCAL_OFFSET.get().copied().unwrap_or(time::UtcOffset::UTC);
    let nanos = i128::from(at_ms) * 1_000_000;
    match time::OffsetDateTime::from_unix_timestamp_nanos(nanos) {
        Ok(t) => {
            let t = t.to_offset(offset);
            format!("{:02}:{:02}", t.hour(), t.minute())
        }
        Err(_) => "--:--".into(),
    }
}

/// What the guest sees about one of their own messages.
pub fn delivery_text(line: &ChatLine, reason: Option<&str>) -> Option<String> {
    match line.delivery {
        Delivery::Received => None,
        Delivery::Pending => Some("sending…".into()),
        Delivery::Delivered => Some("delivered".into()),
        Delivery::Failed => Some(match reason {
            Some(r) if !r.is_empty() => format!("not delivered: {r}"),
            _ => "not delivered".into(),
        }),
    }
}

/// "Ada is typing…", "Ada and Bob are typing…", "3 people are typing…".
pub fn typing_text(names: &[String]) -> Option<String> {
    match names {
        [] => None,
        [one] => Some(format!("{one} is typing…")),
        [a, b] => Some(format!("{a} and {b} are typing…")),
        many => Some(format!("{} people are typing…", many.len())),
    }
}

/// `enabled` is false while chat is connecting or the meeting is reconnecting.
pub fn show(ui: &mut egui::Ui, view: &mut SessionView, enabled: bool, actions: &mut Vec<UiAction>) {
    ui.label(RichText::new("Chat").strong());
    ui.separator();
    egui::ScrollArea::vertical()
        .id_salt("chat-messages")
        .max_height(LIST_HEIGHT)
        .auto_shrink([false, true])
        .stick_to_bottom(true)
        .show(ui, |ui| {
            if view.status.chat.is_empty() {
                ui.label(RichText::new("No messages yet.").weak());
            }
            for line in &view.status.chat {
                message(ui, view, line);
            }
        });
    let typing = typing_text(&view.status.typing);
    ui.label(RichText::new(typing.unwrap_or_default()).weak().small());
    ui.add_space(4.0);

    let label = ui.label("Message");
    let mut send = false;
    ui.horizontal(|ui| {
        // Room for the Send button at any text size (the kiosk's is larger).
        let spacing = ui.spacing();
        let text = ui.text_style_height(&egui::TextStyle::Button);
        let button_width =
            (2.6 * text + 2.0 * spacing.button_padding.x + spacing.item_spacing.x).max(64.0);
        let input = ui.add_enabled(
            enabled,
            egui::TextEdit::singleline(&mut view.chat_draft)
                .id_salt("chat-input")
                .hint_text(if enabled {
                    "Type a message, Enter sends"
                } else {
                    ""
                })
                .char_limit(MAX_MESSAGE_CHARS)
                .desired_width((ui.available_width() - button_width).max(80.0)),
        );
        let input = input.labelled_by(label.id);
        if input.changed() && !view.chat_draft.trim().is_empty() {
            actions.push(UiAction::ChatTyping);
        }
        if input.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter)) {
            send = true;
            input.request_focus();
        }
        let has_text = !view.chat_draft.trim().is_empty();
        if ui
            .add_enabled(enabled && has_text, egui::Button::new("Send"))
            .on_hover_text("Send the message to everyone in the meeting")
            .clicked()
        {
            send = true;
        }
    });
    if !view.status.chat_available {
        ui.label(RichText::new("Chat is connecting…").weak().small());
    }
    if send && enabled && !view.chat_draft.trim().is_empty() {
        actions.push(UiAction::SendChat);
    }
}

fn message(ui: &mut egui::Ui, view: &SessionView, line: &ChatLine) {
    ui.horizontal_wrapped(|ui| {
        let from = if line.outgoing {
            "You".to_string()
        } else {
            line.from.clone()
        };
        ui.label(RichText::new(from).strong());
        ui.label(RichText::new(clock(line.at_ms)).weak().small());
        let reason = view.chat_failures.get(&line.id).map(String::as_str);
        if let Some(d) = delivery_text(line, reason) {
            let color = match line.delivery {
                Delivery::Delivered => ok_color(ui),
                Delivery::Failed => error_color(ui),
                _ => ui.visuals().weak_text_color(),
            };
            ui.label(RichText::new(d).small().color(color));
        }
    });
    // Plain text, never interpreted.
    ui.add(egui::Label::new(line.text.as_str()).wrap());
    ui.add_space(4.0);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(delivery: Delivery) -> ChatLine {
        ChatLine {
            id: 1,
            outgoing: true,
            from: "Gus".into(),
            text: "hi".into(),
            at_ms: 0,
            delivery,
        }
    }

    #[test]
    fn delivery_and_typing_texts() {
        assert_eq!(delivery_text(&line(Delivery::Received), None), None);
        assert_eq!(
            delivery_text(&line(Delivery::Pending), None).as_deref(),
            Some("sending…")
        );
        assert_eq!(
            delivery_text(&line(Delivery::Delivered), None).as_deref(),
            Some("delivered")
        );
        assert_eq!(
            delivery_text(&line(Delivery::Failed), Some("no one received it")).as_deref(),
            Some("not delivered: no one received it")
        );
        assert_eq!(typing_text(&[]), None);
        assert_eq!(
            typing_text(&["Ada".into()]).as_deref(),
            Some("Ada is typing…")
        );
        assert_eq!(
            typing_text(&["Ada".into(), "Bob".into()]).as_deref(),
            Some("Ada and Bob are typing…")
        );
    }

    #[test]
    fn clock_is_hours_and_minutes() {
        let s = clock(1_700_000_000_000);
        assert_eq!(s.len(), 5);
        assert_eq!(&s[2..3], ":");
    }
}
