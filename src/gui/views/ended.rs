//! The end of a session: a plain-language title and what to do, the stable error id and the
//! UCWA code/subcode in small text, Rejoin / Back / Copy diagnostics / Export HAR… / Save
//! diagnostics…, and the timeline.

use egui::RichText;

use crate::gui::actions::UiAction;
use crate::gui::state::SessionView;
use crate::i18n::Tr;
use crate::join::Phase;
use crate::t;

use super::{error_color, ok_color};

/// Title and one sentence of what to do.
pub fn texts(tr: &Tr, view: &SessionView) -> (String, String) {
    match (&view.status.failure, view.phase()) {
        (Some(f), _) => (tr.failure_title(f.kind), tr.failure_remedy(f.kind)),
        // Leave pressed while reconnecting: the engine stops the rejoin as cancelled.
        (None, Phase::Cancelled) if !(view.leave_requested && view.status.joined) => {
            (t!(tr, "ended-cancelled"), t!(tr, "ended-cancelled-remedy"))
        }
        _ => (t!(tr, "ended-left"), t!(tr, "ended-left-remedy")),
    }
}

pub fn show(ui: &mut egui::Ui, tr: &Tr, view: &SessionView, actions: &mut Vec<UiAction>) {
    let (title, remedy) = texts(tr, view);
    let failed = view.status.failure.is_some();
    ui.add_space(8.0);
    let color = if failed {
        error_color(ui)
    } else {
        ok_color(ui)
    };
    ui.heading(RichText::new(title).color(color));
    ui.label(remedy);
    if let Some(f) = &view.status.failure {
        let mut ids = vec![t!(tr, "ended-error-id", id = f.id)];
        if let Some(c) = &f.code {
            ids.push(t!(tr, "ended-code", code = c.as_str()));
        }
        if let Some(c) = &f.subcode {
            ids.push(t!(tr, "ended-subcode", subcode = c.as_str()));
        }
        if let Some(h) = f.http_status {
            ids.push(format!("HTTP {h}"));
        }
        ui.label(RichText::new(ids.join(" · ")).small().weak());
        // The engine's message is the server's or the network's own words (English).
        if !f.message.is_empty() && f.message != f.kind.title() {
            ui.label(
                RichText::new(t!(tr, "ended-details", details = f.message.as_str()))
                    .small()
                    .weak(),
            );
        }
    }
    match (view.finished, view.status.left_cleanly) {
        (false, _) => {
            ui.label(RichText::new(t!(tr, "ended-cleaning-up")).small().weak());
        }
        (true, Some(false)) => {
            ui.label(RichText::new(t!(tr, "ended-not-told")).small().weak());
        }
        _ => {}
    }
    ui.add_space(12.0);
    ui.horizontal(|ui| {
        if ui
            .button(RichText::new(t!(tr, "ended-rejoin")).strong())
            .on_hover_text(t!(tr, "ended-rejoin-hint"))
            .clicked()
        {
            actions.push(UiAction::Rejoin);
        }
        if ui
            .button(t!(tr, "ended-back"))
            .on_hover_text(t!(tr, "ended-back-hint"))
            .clicked()
        {
            actions.push(UiAction::Back);
        }
        if ui
            .button(t!(tr, "ended-copy-diagnostics"))
            .on_hover_text(t!(tr, "ended-copy-diagnostics-hint"))
            .clicked()
        {
            actions.push(UiAction::CopyDiagnostics);
        }
    });
    export_buttons(ui, tr, actions);
    if view.copied {
        ui.label(RichText::new(t!(tr, "ended-copied")).small());
    }
    export_note(ui, view);
    ui.add_space(16.0);
    ui.label(RichText::new(t!(tr, "join-steps")).strong());
    super::timeline::steps(ui, tr, view, false, actions);
}

/// "Export HAR…" and "Save diagnostics…" (also on the joining screen).
pub fn export_buttons(ui: &mut egui::Ui, tr: &Tr, actions: &mut Vec<UiAction>) {
    ui.horizontal_wrapped(|ui| {
        if ui
            .button(t!(tr, "export-har"))
            .on_hover_text(t!(tr, "export-har-hint"))
            .clicked()
        {
            actions.push(UiAction::ExportHar);
        }
        if ui
            .button(t!(tr, "export-diagnostics"))
            .on_hover_text(t!(tr, "export-diagnostics-hint"))
            .clicked()
        {
            actions.push(UiAction::SaveDiagnostics);
        }
    });
}

/// "Saved to …" or why not, after an export.
pub fn export_note(ui: &mut egui::Ui, view: &SessionView) {
    match &view.export_note {
        Some(Ok(saved)) => {
            ui.label(RichText::new(saved).small());
        }
        Some(Err(e)) => {
            ui.label(RichText::new(e).small().color(error_color(ui)));
        }
        None => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::join::status::JoinEvent;
    use crate::join::{FailureInfo, FailureKind};

    #[test]
    fn every_failure_class_has_a_title_and_a_remedy() {
        for kind in FailureKind::ALL {
            let mut v = SessionView::new(1, "h".into(), "n".into(), "s".into());
            v.apply(
                &JoinEvent::Failed {
                    error: FailureInfo::new(kind, None, "m"),
                },
                std::time::Instant::now(),
            );
            let (title, remedy) = texts(&Tr::english(), &v);
            assert!(!title.is_empty() && remedy.ends_with('.'), "{kind:?}");
            assert_eq!((title, remedy), (kind.title(), kind.remedy()));
        }
        let mut v = SessionView::new(1, "h".into(), "n".into(), "s".into());
        v.apply(
            &JoinEvent::Left { cleanly: true },
            std::time::Instant::now(),
        );
        assert_eq!(texts(&Tr::english(), &v).0, "You left the meeting");
    }

    #[test]
    fn endings_of_a_meeting_have_their_own_titles_and_ids() {
        use FailureKind::*;
        let kinds = [Removed, Inactive, MeetingEnded, ConnectionLost];
        let ids: Vec<_> = kinds.iter().map(|k| k.id()).collect();
        assert_eq!(
            ids,
            [
                "GJ-REMOVED",
                "GJ-INACTIVE",
                "GJ-MEETING-ENDED",
                "GJ-CONNECTION-LOST"
            ]
        );
        let mut titles: Vec<_> = kinds.iter().map(|k| k.title()).collect();
        titles.push("You left the meeting".to_string());
        titles.sort();
        titles.dedup();
        assert_eq!(titles.len(), 5, "each ending reads differently");
    }

    #[test]
    fn leave_while_reconnecting_reads_as_left() {
        let now = std::time::Instant::now();
        let mut v = SessionView::new(1, "h".into(), "n".into(), "s".into());
        v.apply(
            &JoinEvent::Phase {
                phase: Phase::InMeeting,
            },
            now,
        );
        v.apply(
            &JoinEvent::Phase {
                phase: Phase::Reconnecting,
            },
            now,
        );
        v.leave_requested = true;
        v.apply(&JoinEvent::Cancelled { cleaned_up: true }, now);
        assert_eq!(v.phase(), Phase::Cancelled);
        assert_eq!(texts(&Tr::english(), &v).0, "You left the meeting");
    }
}
