//! The chat's message list: it scrolls on its own, follows new messages while it is at the end,
//! and lays out only the messages on screen. Each message's height is measured once per width
//! (its text laid out with the same font and wrap width it is drawn with) and kept; the list
//! places messages from those heights, so a chat of thousands of messages costs a frame what a
//! screenful costs. Scrolled up, a button over its end says how many messages came since and
//! goes back to the latest.

use std::collections::{HashMap, VecDeque};

use egui::{Align, Layout, RichText, TextStyle};

use crate::gui::state::SessionView;
use crate::i18n::Tr;
use crate::join::status::{ChatLine, Delivery};
use crate::t;

use super::chat::{clock, delivery_text};
use super::{error_color, ok_color};

/// Messages measured per frame at most; the others are estimated until their turn (a first
/// frame with thousands of messages, or after the width changed).
const MEASURE_PER_FRAME: usize = 400;

/// Space between two messages, in points.
const GAP: f32 = 6.0;

/// What a measured height depends on: the text width, the font and the spacing.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Key {
    width: f32,
    font_size: f32,
    spacing: f32,
    pixels_per_point: f32,
}

/// The measured heights of the messages, by message id, for one width and font.
#[derive(Debug, Default)]
pub struct ChatHeights {
    key: Option<Key>,
    heights: HashMap<u64, f32>,
    /// Where each message starts (and, last, where the list ends), while the messages and
    /// their heights stay as they were: most frames reuse it.
    tops: Vec<f32>,
    /// The oldest message id, the number of messages and the note's height `tops` is for.
    tops_for: Option<(u64, usize, u32)>,
}

impl ChatHeights {
    fn prepare(&mut self, key: Key) {
        if self.key != Some(key) {
            self.key = Some(key);
            self.heights.clear();
            self.tops_for = None;
        }
    }

    /// Where each of `lines` starts below a note `note` points tall, and where the list ends:
    /// from the kept heights, measuring a few hundred new messages a frame and guessing the
    /// rest until their turn (then the next frame is asked for).
    fn tops(
        &mut self,
        ui: &egui::Ui,
        m: &Metrics,
        lines: &VecDeque<ChatLine>,
        note: f32,
    ) -> &[f32] {
        let front = lines.front().map_or(0, |l| l.id);
        let wanted = (front, lines.len(), note.to_bits());
        if self.tops_for == Some(wanted) {
            return &self.tops;
        }
        let mut budget = MEASURE_PER_FRAME;
        let mut guessed = false;
        self.tops.clear();
        let mut y = note;
        for line in lines {
            self.tops.push(y);
            let h = match self.heights.get(&line.id) {
                Some(h) => *h,
                None if budget > 0 => {
                    budget -= 1;
                    let h = m.header + m.spacing + m.body(ui, &line.text).size().y + GAP;
                    self.heights.insert(line.id, h);
                    h
                }
                None => {
                    guessed = true;
                    m.estimate(&line.text)
                }
            };
            y += h;
        }
        self.tops.push(y);
        if guessed {
            self.tops_for = None;
            ui.ctx().request_repaint();
        } else {
            self.tops_for = Some(wanted);
        }
        &self.tops
    }

    /// Forget messages that dropped off the front of the history.
    fn prune(&mut self, oldest_kept: u64, kept: usize) {
        if self.heights.len() > kept + kept / 4 + 64 {
            self.heights.retain(|id, _| *id >= oldest_kept);
        }
    }

    /// How many heights are kept (for tests).
    pub fn len(&self) -> usize {
        self.heights.len()
    }

    pub fn is_empty(&self) -> bool {
        self.heights.is_empty()
    }
}

/// Sizes shared by every message in one frame.
struct Metrics {
    width: f32,
    header: f32,
    /// Between the sender line and the text (the style's item spacing: larger on a kiosk).
    spacing: f32,
    font: egui::FontId,
    char_width: f32,
    line: f32,
}

impl Metrics {
    fn new(ui: &egui::Ui) -> Self {
        let font = TextStyle::Body.resolve(ui.style());
        let line = ui.text_style_height(&TextStyle::Body);
        Self {
            // Clear of the scroll bar, which floats over the right edge.
            width: (ui.available_width() - scroll_bar_room(ui)).max(40.0),
            header: line.max(ui.text_style_height(&TextStyle::Small)),
            spacing: ui.spacing().item_spacing.y,
            char_width: font.size * 0.55,
            font,
            line,
        }
    }

    fn body(&self, ui: &egui::Ui, text: &str) -> std::sync::Arc<egui::Galley> {
        ui.painter().layout(
            text.to_string(),
            self.font.clone(),
            egui::Color32::PLACEHOLDER,
            self.width,
        )
    }

    /// A guess for a message not measured yet: its characters in lines of the width.
    fn estimate(&self, text: &str) -> f32 {
        let per_line = (self.width / self.char_width).max(1.0);
        let lines = (text.chars().count() as f32 / per_line).ceil().max(1.0);
        self.header + self.spacing + lines * self.line + GAP
    }
}

/// The list, `height` points tall.
pub fn show(ui: &mut egui::Ui, tr: &Tr, view: &mut SessionView, height: f32) {
    let total = view.status.chat_total();
    let jump = std::mem::take(&mut view.chat_jump);
    let dropped = view.status.chat_dropped;
    let area = egui::ScrollArea::vertical()
        .id_salt("chat-messages")
        .max_height(height)
        .min_scrolled_height(height)
        .auto_shrink([false, false])
        .stick_to_bottom(true);
    let output = area.show_viewport(ui, |ui, viewport| {
        // New messages are read out as they arrive.
        super::announce_politely(ui, ui.unique_id());
        super::clip_for_readers(ui);
        let lines = &view.status.chat;
        if lines.is_empty() {
            ui.label(RichText::new(t!(tr, "chat-empty")).weak());
            return;
        }
        let m = Metrics::new(ui);
        let heights = &mut view.chat_heights;
        heights.prepare(Key {
            width: m.width.round(),
            font_size: m.font.size,
            spacing: m.spacing,
            pixels_per_point: ui.ctx().pixels_per_point(),
        });
        if let Some(first) = lines.front() {
            heights.prune(first.id, lines.len());
        }
        let note = if dropped > 0 { m.header + GAP } else { 0.0 };
        let tops = heights.tops(ui, &m, lines, note);
        let y = tops.last().copied().unwrap_or(note);
        ui.set_height(y);
        let origin = ui.max_rect().min;
        if jump {
            let end =
                egui::Rect::from_min_size(origin + egui::vec2(0.0, y - 1.0), egui::vec2(1.0, 1.0));
            ui.scroll_to_rect_animation(
                end,
                Some(Align::BOTTOM),
                egui::style::ScrollAnimation::none(),
            );
        }
        if dropped > 0 && viewport.min.y < note {
            let rect = egui::Rect::from_min_size(origin, egui::vec2(m.width, m.header));
            ui.scope_builder(egui::UiBuilder::new().max_rect(rect), |ui| {
                ui.label(
                    RichText::new(t!(tr, "chat-older-dropped", count = dropped))
                        .weak()
                        .small(),
                );
            });
        }
        // The first message whose bottom is below the viewport's top, to the last that starts
        // above its bottom.
        let first = tops
            .partition_point(|top| *top <= viewport.min.y)
            .saturating_sub(1);
        for (i, line) in lines.iter().enumerate().skip(first) {
            let top = tops[i];
            if top > viewport.max.y {
                break;
            }
            let rect = egui::Rect::from_min_max(
                origin + egui::vec2(0.0, top),
                origin + egui::vec2(m.width, tops[i + 1]),
            );
            ui.scope_builder(egui::UiBuilder::new().max_rect(rect), |ui| {
                message(ui, tr, view_failure(&view.chat_failures, line), line, &m);
            });
        }
    });
    let at_end =
        output.state.clamped_offset().y + output.inner_rect.height() >= output.content_size.y - 4.0;
    if at_end || jump {
        view.chat_seen = total;
    }
    let unseen = total.saturating_sub(view.chat_seen);
    if unseen > 0 && !at_end {
        let text = t!(tr, "chat-new-messages", count = unseen);
        let button = egui::Button::new(RichText::new(text).strong());
        let inner = output.inner_rect;
        let size = egui::vec2(
            inner.width().min(320.0),
            ui.spacing().interact_size.y.max(row_height(ui)),
        );
        let rect = egui::Rect::from_center_size(
            egui::pos2(inner.center().x, inner.bottom() - size.y / 2.0 - 4.0),
            size,
        );
        if ui
            .put(rect, button)
            .on_hover_text(t!(tr, "chat-new-messages-hint"))
            .clicked()
        {
            view.chat_jump = true;
            ui.ctx().request_repaint();
        }
    }
}

/// Room the scroll bar takes at the right edge of a list when it shows.
pub fn scroll_bar_room(ui: &egui::Ui) -> f32 {
    let s = &ui.spacing().scroll;
    s.bar_width + s.bar_inner_margin + s.bar_outer_margin
}

fn row_height(ui: &egui::Ui) -> f32 {
    ui.text_style_height(&TextStyle::Button) + 2.0 * ui.spacing().button_padding.y
}

fn view_failure<'a>(failures: &'a HashMap<u64, String>, line: &ChatLine) -> Option<&'a str> {
    failures
        .get(&line.id)
        .map(String::as_str)
        .filter(|r| !r.is_empty())
}

/// One message: the sender, then the time and (for the guest's own) its delivery on the right;
/// below, the text as plain text, never interpreted.
fn message(ui: &mut egui::Ui, tr: &Tr, failure: Option<&str>, line: &ChatLine, m: &Metrics) {
    ui.allocate_ui_with_layout(
        egui::vec2(m.width, m.header),
        Layout::right_to_left(Align::Center),
        |ui| {
            if let Some(d) = delivery_text(tr, line) {
                let color = match line.delivery {
                    Delivery::Delivered => ok_color(ui),
                    Delivery::Failed => error_color(ui),
                    _ => ui.visuals().weak_text_color(),
                };
                let mark = ui.label(RichText::new(d).small().color(color));
                if let Some(reason) = failure {
                    mark.on_hover_text(reason);
                }
            }
            ui.label(RichText::new(clock(tr, line.at_ms)).weak().small());
            ui.with_layout(Layout::left_to_right(Align::Center), |ui| {
                let from = if line.outgoing {
                    t!(tr, "chat-you")
                } else {
                    line.from.clone()
                };
                ui.add(egui::Label::new(RichText::new(from).strong()).truncate());
            });
        },
    );
    ui.add(egui::Label::new(m.body(ui, &line.text)));
}
