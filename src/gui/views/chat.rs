//! The chat of the meeting view, apart from its message list (`chat_list`): message times,
//! the delivery of the guest's own messages, who is typing, and the message input (Enter or
//! Send). Message text is already safe plain text from the engine and is shown as plain labels.

use std::sync::OnceLock;

use egui::{Key, RichText};

use crate::gui::actions::UiAction;
use crate::gui::state::SessionView;
use crate::i18n::Tr;
use crate::join::status::{ChatLine, Delivery};
use crate::t;

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

/// The time of day in local time as the language writes it (`14:05`, `2:05 PM`; UTC when the
/// local offset is unknown).
pub fn clock(tr: &Tr, at_ms: i64) -> String {
    let offset = LOCAL_OFFSET.get().copied().unwrap_or(time::UtcOffset::UTC);
    let nanos = i128::from(at_ms) * 1_000_000;
    match time::OffsetDateTime::from_unix_timestamp_nanos(nanos) {
        Ok(t) => {
            let t = t.to_offset(offset);
            tr.clock().hm(t.hour(), t.minute())
        }
        Err(_) => "--:--".into(),
    }
}

/// What the guest sees about one of their own messages (why one was not delivered is in the
/// hover text: it is the server's own words).
pub fn delivery_text(tr: &Tr, line: &ChatLine) -> Option<String> {
    match line.delivery {
        Delivery::Received => None,
        Delivery::Pending => Some(t!(tr, "chat-sending")),
        Delivery::Delivered => Some(t!(tr, "chat-delivered")),
        Delivery::Failed => Some(t!(tr, "chat-not-delivered")),
    }
}

/// "Ada is typing…", "Ada and Bob are typing…", "3 people are typing…".
pub fn typing_text(tr: &Tr, names: &[String]) -> Option<String> {
    match names {
        [] => None,
        [one] => Some(t!(tr, "chat-typing-one", name = one.as_str())),
        [a, b] => Some(t!(
            tr,
            "chat-typing-two",
            first = a.as_str(),
            second = b.as_str()
        )),
        many => Some(t!(tr, "chat-typing-many", count = many.len())),
    }
}

/// Who is typing, and the message field with Send. `enabled` is false while chat is
/// connecting or the meeting is reconnecting.
pub fn composer(
    ui: &mut egui::Ui,
    tr: &Tr,
    view: &mut SessionView,
    enabled: bool,
    actions: &mut Vec<UiAction>,
) {
    let typing = typing_text(tr, &view.status.typing);
    ui.label(RichText::new(typing.unwrap_or_default()).weak().small());
    ui.add_space(4.0);

    let label = ui.label(t!(tr, "chat-message"));
    let mut send = false;
    ui.horizontal(|ui| {
        // Room for the Send button in any language at any text size (the kiosk's is larger).
        let send_label = t!(tr, "chat-send");
        let font = egui::TextStyle::Button.resolve(ui.style());
        let send_width = ui
            .painter()
            .layout_no_wrap(send_label.clone(), font, egui::Color32::WHITE)
            .size()
            .x;
        let spacing = ui.spacing();
        let button_width = send_width + 2.0 * spacing.button_padding.x + spacing.item_spacing.x;
        let input = ui.add_enabled(
            enabled,
            egui::TextEdit::singleline(&mut view.chat_draft)
                .id_salt("chat-input")
                .hint_text(if enabled {
                    t!(tr, "chat-message-hint")
                } else {
                    String::new()
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
            .add_enabled(enabled && has_text, egui::Button::new(send_label))
            .on_hover_text(t!(tr, "chat-send-hint"))
            .clicked()
        {
            send = true;
        }
    });
    if !view.status.chat_available {
        ui.label(RichText::new(t!(tr, "chat-connecting")).weak().small());
    }
    if send && enabled && !view.chat_draft.trim().is_empty() {
        // What the guest sends, the guest sees: the list goes to its end.
        view.chat_jump = true;
        actions.push(UiAction::SendChat);
    }
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
        let tr = Tr::english();
        assert_eq!(delivery_text(&tr, &line(Delivery::Received)), None);
        assert_eq!(
            delivery_text(&tr, &line(Delivery::Pending)).as_deref(),
            Some("sending…")
        );
        assert_eq!(
            delivery_text(&tr, &line(Delivery::Delivered)).as_deref(),
            Some("delivered")
        );
        assert_eq!(
            delivery_text(&tr, &line(Delivery::Failed)).as_deref(),
            Some("not delivered")
        );
        assert_eq!(typing_text(&tr, &[]), None);
        assert_eq!(
            typing_text(&tr, &["Ada".into()]).as_deref(),
            Some("Ada is typing…")
        );
        assert_eq!(
            typing_text(&tr, &["Ada".into(), "Bob".into()]).as_deref(),
            Some("Ada and Bob are typing…")
        );
        assert_eq!(
            typing_text(&tr, &["A".into(), "B".into(), "C".into()]).as_deref(),
            Some("3 people are typing…")
        );
    }

    #[test]
    fn clock_is_hours_and_minutes_in_the_language() {
        let de = Tr::for_language(&crate::i18n::Language::matching("de").unwrap());
        let s = clock(&de, 1_700_000_000_000);
        assert_eq!(s.len(), 5, "{s}");
        assert_eq!(&s[2..3], ":");
        let en = clock(&Tr::english(), 1_700_000_000_000);
        assert!(en.ends_with("AM") || en.ends_with("PM"), "{en}");
    }
}
