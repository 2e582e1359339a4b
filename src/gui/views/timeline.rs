//! The step timeline: each step's state, duration and HTTP status; a row opens to show the
//! step's redacted HTTP exchanges.

use egui::RichText;

use crate::api::exchange::ExchangeRecord;
use crate::gui::actions::UiAction;
use crate::gui::state::SessionView;
use crate::i18n::Tr;
use crate::join::status::{StepState, StepStatus};
use crate::join::{Phase, Step};
use crate::t;

use super::{Mark, mark};

/// Exchanges shown per step (the event channel adds one per long poll).
const SHOWN_EXCHANGES: usize = 20;

/// The "Joining" screen: what is happening now, the timeline, Cancel.
pub fn joining(ui: &mut egui::Ui, tr: &Tr, view: &SessionView, actions: &mut Vec<UiAction>) {
    ui.add_space(8.0);
    ui.heading(t!(tr, "joining-title", host = view.meeting_host.as_str()));
    ui.label(t!(
        tr,
        "joining-as-via",
        name = view.display_name.as_str(),
        service = view.service_label.as_str()
    ));
    ui.add_space(4.0);
    ui.horizontal(|ui| {
        ui.spinner();
        let now = match view.phase() {
            // Before the engine's first event (the built-in demo may still be starting).
            Phase::Idle => t!(tr, "joining-starting"),
            p => tr.phase_label(p),
        };
        ui.label(RichText::new(now).strong());
    });
    ui.add_space(8.0);
    steps(ui, tr, view, true, actions);
    ui.add_space(12.0);
    if ui
        .button(t!(tr, "joining-cancel"))
        .on_hover_text(t!(tr, "joining-cancel-hint"))
        .clicked()
    {
        actions.push(UiAction::Cancel);
    }
    ui.add_space(8.0);
    super::ended::export_buttons(ui, tr, actions);
    super::ended::export_note(ui, view);
}

fn state_text(tr: &Tr, s: &StepStatus) -> String {
    match s.state {
        StepState::Pending => t!(tr, "step-state-pending"),
        StepState::Running => t!(tr, "step-state-running"),
        StepState::Done => t!(tr, "step-state-done"),
        StepState::Failed => t!(tr, "step-state-failed"),
        StepState::Stopped => t!(tr, "step-state-stopped"),
    }
}

/// A step's line: `Lobby — done · 12 ms · HTTP 200 · 1 retry · Forbidden/Denied`.
fn step_line(tr: &Tr, s: &StepStatus) -> String {
    let mut text = format!("{} — {}", tr.step_label(s.step), state_text(tr, s));
    if let Some(ms) = s.ms {
        text.push_str(&format!(" · {ms} ms"));
    }
    if let Some(h) = s.http_status {
        text.push_str(&format!(" · HTTP {h}"));
    }
    if s.retries > 0 {
        text.push_str(" · ");
        text.push_str(&t!(tr, "step-retries", count = s.retries));
    }
    if let Some(c) = &s.code {
        text.push_str(&format!(" · {c}"));
        if let Some(sc) = &s.subcode {
            text.push_str(&format!("/{sc}"));
        }
    }
    text
}

/// One line per step. `animate` shows a spinner on the running step (not while waiting in the
/// lobby or in the meeting: those waits must not repaint).
pub fn steps(
    ui: &mut egui::Ui,
    tr: &Tr,
    view: &SessionView,
    animate: bool,
    actions: &mut Vec<UiAction>,
) {
    for s in &view.status.steps {
        if s.step == Step::Leave && s.state == StepState::Pending {
            continue;
        }
        let open = view.expanded.contains(&s.step);
        ui.horizontal(|ui| {
            match s.state {
                StepState::Running if animate => {
                    ui.add(egui::Spinner::new().size(ui.spacing().interact_size.y.min(18.0)));
                }
                StepState::Running => {
                    mark(ui, Mark::Waiting);
                }
                StepState::Done => {
                    mark(ui, Mark::Done);
                }
                StepState::Failed => {
                    mark(ui, Mark::Failed);
                }
                StepState::Pending | StepState::Stopped => {
                    mark(ui, Mark::Pending);
                }
            }
            let text = step_line(tr, s);
            let mut rich = RichText::new(text);
            if s.state == StepState::Pending {
                rich = rich.weak();
            }
            let count = view.exchanges_of(s.step).count();
            let row = ui
                .selectable_label(open, rich)
                .on_hover_text(if count == 0 {
                    t!(tr, "step-no-requests")
                } else if open {
                    t!(tr, "step-hide-requests")
                } else {
                    t!(tr, "step-show-requests", count = count)
                });
            if row.clicked() {
                actions.push(UiAction::ToggleStep(s.step));
            }
        });
        if open {
            ui.indent(("exchanges", s.step.name()), |ui| {
                exchanges(ui, tr, view, s.step);
            });
        }
    }
}

fn exchanges(ui: &mut egui::Ui, tr: &Tr, view: &SessionView, step: Step) {
    let all: Vec<&ExchangeRecord> = view.exchanges_of(step).collect();
    if all.is_empty() {
        ui.label(RichText::new(t!(tr, "step-no-requests")).weak());
        return;
    }
    let skip = all.len().saturating_sub(SHOWN_EXCHANGES);
    if skip > 0 {
        ui.label(RichText::new(t!(tr, "step-earlier-requests", count = skip)).weak());
    }
    for (i, r) in all.iter().enumerate().skip(skip) {
        let status = match (r.status, &r.error) {
            (Some(s), _) => format!("HTTP {s}"),
            (None, Some(e)) => t!(tr, "exchange-no-answer-because", error = e.as_str()),
            (None, None) => t!(tr, "exchange-no-answer"),
        };
        let title = format!("{} {} — {} · {} ms", r.method, r.url, status, r.ms);
        egui::CollapsingHeader::new(RichText::new(title).monospace().small())
            .id_salt(("exchange", view.id, step.name(), i))
            .show(ui, |ui| exchange(ui, tr, r));
    }
}

fn exchange(ui: &mut egui::Ui, tr: &Tr, r: &ExchangeRecord) {
    let block = |ui: &mut egui::Ui, title: String, text: String| {
        ui.label(RichText::new(title).strong().small());
        ui.add(egui::Label::new(RichText::new(text).monospace().small()).selectable(true));
    };
    let headers = |h: &[(String, String)]| {
        h.iter()
            .map(|(k, v)| format!("{k}: {v}"))
            .collect::<Vec<_>>()
            .join("\n")
    };
    block(
        ui,
        t!(tr, "exchange-request"),
        format!("{} {}\n{}", r.method, r.url, headers(&r.request_headers)),
    );
    if let Some(b) = &r.request_body {
        block(ui, t!(tr, "exchange-request-body"), pretty(b));
    }
    if r.status.is_some() {
        block(
            ui,
            t!(tr, "exchange-response"),
            format!(
                "HTTP {}\n{}",
                r.status.unwrap_or_default(),
                headers(&r.response_headers)
            ),
        );
    }
    if let Some(b) = &r.response_body {
        block(ui, t!(tr, "exchange-response-body"), pretty(b));
    }
    if let Some(e) = &r.error {
        block(ui, t!(tr, "exchange-error"), e.clone());
    }
}

/// Indented JSON when the body is JSON, else the text as recorded.
fn pretty(body: &str) -> String {
    serde_json::from_str::<serde_json::Value>(body)
        .ok()
        .and_then(|v| serde_json::to_string_pretty(&v).ok())
        .unwrap_or_else(|| body.to_string())
}
