//! Desktop notifications, through the desktop's notification service (on Linux the
//! freedesktop `org.freedesktop.Notifications` D-Bus service, via `notify-rust`). Shown off the
//! UI thread; where the desktop has no such service the first failure is logged once and
//! nothing more is tried.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use tokio::runtime::Handle;

/// One notification: a heading and one or two sentences.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub summary: String,
    pub body: String,
}

/// Where notices go: the desktop, or (in tests) a list.
pub trait Notify: Send + Sync {
    fn notify(&self, notice: Notice);
}

/// The desktop's notification service.
pub struct DesktopNotifier {
    runtime: Handle,
    unavailable: Arc<AtomicBool>,
}

impl DesktopNotifier {
    pub fn new(runtime: Handle) -> Self {
        Self {
            runtime,
            unavailable: Arc::new(AtomicBool::new(false)),
        }
    }
}

/// The body may be read as markup by the notification service: a chat message's `<b>` or
/// `&` must show as typed.
fn plain(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// The longest body shown (a long chat message is cut, the window has all of it).
const MAX_BODY_CHARS: usize = 200;

fn shortened(text: &str) -> String {
    match text.char_indices().nth(MAX_BODY_CHARS) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None => text.to_string(),
    }
}

impl Notify for DesktopNotifier {
    fn notify(&self, notice: Notice) {
        if self.unavailable.load(Ordering::Relaxed) {
            return;
        }
        let unavailable = self.unavailable.clone();
        self.runtime.spawn_blocking(move || {
            let mut n = notify_rust::Notification::new();
            n.appname("guest-join")
                .summary(&notice.summary)
                .body(&plain(&shortened(&notice.body)))
                .icon("guest-join");
            #[cfg(all(unix, not(target_os = "macos")))]
            n.hint(notify_rust::Hint::DesktopEntry("guest-join".into()));
            if let Err(e) = n.show()
                && !unavailable.swap(true, Ordering::Relaxed)
            {
                tracing::info!("desktop notifications are not shown here: {e}");
            }
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bodies_show_as_typed_and_long_ones_are_cut() {
        assert_eq!(plain("<b>A & B</b>"), "&lt;b&gt;A &amp; B&lt;/b&gt;");
        assert_eq!(shortened("short"), "short");
        let long = "é".repeat(300);
        let cut = shortened(&long);
        assert_eq!(cut.chars().count(), MAX_BODY_CHARS + 1);
        assert!(cut.ends_with('…'));
    }
}
