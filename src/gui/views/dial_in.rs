//! "Listen by phone": the meeting's dial-in numbers (the default region first), the conference
//! ID, "Find a local number" and an audio conference provider's bridge, in the lobby and the
//! meeting. A guest copies a number ready for a phone (`+14255550123,,12983487#`) with one
//! click; a kiosk shows the numbers large and offers no copying and no web link.

use egui::RichText;

use crate::gui::actions::UiAction;
use crate::gui::state::SessionView;
use crate::i18n::Tr;
use crate::join::DialIn;
use crate::join::dial_in::DialInNumber;
use crate::t;

/// The panel, when the meeting has dial-in details; folded in the meeting until opened.
pub fn show(ui: &mut egui::Ui, tr: &Tr, view: &SessionView, actions: &mut Vec<UiAction>) {
    let Some(dial_in) = &view.status.dial_in else {
        return;
    };
    let open_at_first = view.booth || view.status.phase == crate::join::Phase::InLobby;
    // One scope for the lobby and the meeting, so the panel stays as the guest left it.
    let scope = egui::UiBuilder::new().scope_id(egui::Id::unique(("dial-in-scope", view.id)));
    ui.scope_builder(scope, |ui| {
        egui::CollapsingHeader::new(RichText::new(t!(tr, "dial-in-title")).strong())
            .id_salt(("dial-in", view.id))
            .default_open(open_at_first)
            .show(ui, |ui| body(ui, tr, view, dial_in, actions));
    });
}

fn body(
    ui: &mut egui::Ui,
    tr: &Tr,
    view: &SessionView,
    dial_in: &DialIn,
    actions: &mut Vec<UiAction>,
) {
    let explain = if dial_in.conference_id.is_some() {
        t!(tr, "dial-in-explain")
    } else {
        t!(tr, "dial-in-explain-no-id")
    };
    ui.label(explain);
    ui.add_space(4.0);
    egui::Grid::new(("dial-in-numbers", view.id))
        .num_columns(3)
        .spacing([12.0, 6.0])
        .show(ui, |ui| {
            for n in &dial_in.numbers {
                number_row(ui, tr, view, n, dial_in.dial_string(&n.number), actions);
            }
        });
    if let Some(id) = &dial_in.conference_id {
        let text = t!(tr, "dial-in-conference-id", id = spaced(id));
        ui.label(sized(view, RichText::new(text).strong()));
    }
    if let (Some(url), false) = (&dial_in.directory_url, view.booth) {
        ui.hyperlink_to(t!(tr, "dial-in-find-local"), url)
            .on_hover_text(url.as_str());
    }
    if let Some(p) = &dial_in.provider {
        ui.add_space(6.0);
        ui.label(RichText::new(t!(tr, "dial-in-provider")).strong());
        egui::Grid::new(("dial-in-provider", view.id))
            .num_columns(3)
            .spacing([12.0, 6.0])
            .show(ui, |ui| {
                let toll = p.toll_number.iter().map(|n| (n, false));
                let free = p.toll_free_numbers.iter().map(|n| (n, true));
                for (number, toll_free) in toll.chain(free) {
                    let region = if toll_free {
                        t!(tr, "dial-in-toll-free")
                    } else {
                        t!(tr, "dial-in-toll")
                    };
                    let n = DialInNumber {
                        region,
                        number: number.clone(),
                        languages: Vec::new(),
                        default: false,
                    };
                    let dial = dial_in.provider_dial_string(number);
                    number_row(ui, tr, view, &n, dial, actions);
                }
            });
        if let Some(code) = &p.passcode {
            let text = t!(tr, "dial-in-passcode", code = spaced(code));
            ui.label(sized(view, RichText::new(text).strong()));
        }
    }
}

/// One number: its region, the number, and (not on a kiosk) Copy.
fn number_row(
    ui: &mut egui::Ui,
    tr: &Tr,
    view: &SessionView,
    n: &DialInNumber,
    dial: String,
    actions: &mut Vec<UiAction>,
) {
    let region = if n.default {
        t!(tr, "dial-in-main-number", region = n.region.as_str())
    } else {
        n.region.clone()
    };
    ui.label(sized(view, RichText::new(region)));
    ui.label(sized(view, RichText::new(readable(&n.number)).monospace()));
    if !view.booth {
        let copied = view.dial_in_copied.as_deref() == Some(dial.as_str());
        let label = if copied {
            t!(tr, "dial-in-copied")
        } else {
            t!(tr, "dial-in-copy")
        };
        if ui
            .button(label)
            .on_hover_text(t!(tr, "dial-in-copy-hint", dial = dial.as_str()))
            .clicked()
        {
            actions.push(UiAction::CopyDialIn(dial));
        }
    }
    ui.end_row();
}

/// Larger on a kiosk, where the guest reads the number off the screen into a phone.
fn sized(view: &SessionView, text: RichText) -> RichText {
    if view.booth { text.size(26.0) } else { text }
}

/// A number grouped for reading aloud: `+493023125100` → `+49 30 23125100` (by the
/// numbering plan where it is known), else the digits as given.
pub fn readable(number: &str) -> String {
    phonenumber::parse(None, number)
        .map(|p| {
            p.format()
                .mode(phonenumber::Mode::International)
                .to_string()
        })
        .unwrap_or_else(|_| number.to_string())
}

/// A code in groups of four for reading: `12983487` → `1298 3487`.
fn spaced(code: &str) -> String {
    code.as_bytes()
        .chunks(4)
        .map(|c| String::from_utf8_lossy(c).into_owned())
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_codes_are_grouped_for_reading() {
        assert_eq!(readable("+493023125100"), "+49 30 23125100");
        assert_eq!(readable("+14255550123"), "+1 425-555-0123");
        assert_eq!(readable("12"), "12");
        assert_eq!(spaced("12983487"), "1298 3487");
        assert_eq!(spaced("4477120"), "4477 120");
    }
}
