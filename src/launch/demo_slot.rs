//! The built-in demo environment (emulator and service application in this process), started on
//! first use and kept until shut down. It is restarted when the origin changes (its service
//! application allows one origin).

use std::sync::Arc;

use tokio::sync::Mutex;

use crate::demo::Demo;

#[derive(Clone, Default)]
pub struct DemoSlot(Arc<Mutex<Option<(String, Demo)>>>);

impl DemoSlot {
    /// Something from the demo, starting the demo if needed.
    pub async fn with<T>(&self, origin: &str, f: impl FnOnce(&Demo) -> T) -> std::io::Result<T> {
        let mut slot = self.0.lock().await;
        if let Some((o, demo)) = slot.as_ref()
            && o == origin
        {
            return Ok(f(demo));
        }
        if let Some((_, old)) = slot.take() {
            old.shutdown().await;
        }
        let demo = Demo::start(origin).await?;
        let value = f(&demo);
        *slot = Some((origin.to_string(), demo));
        Ok(value)
    }

    /// Stop the demo, if it runs.
    pub async fn shutdown(&self) {
        if let Some((_, demo)) = self.0.lock().await.take() {
            demo.shutdown().await;
        }
    }
}
