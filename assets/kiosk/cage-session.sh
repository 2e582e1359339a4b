#!/bin/sh
# A minimal booth session: no desktop, no panel, no other windows. Run it as the booth's
# account from the display manager (or from a getty autologin with `exec cage-session.sh`).
#   Wayland: cage (a kiosk compositor: one full-screen application, nothing else).
#   X11:     openbox alone (a window manager that honours full screen), then the app.
# guest-join refuses every close request in kiosk mode; only the staff PIN and "Exit the app",
# or SIGTERM from the service manager, end it. This script starts it again after a crash.
set -u
config="${GUEST_JOIN_CONFIG:-$HOME/.config/guest-join/kiosk.toml}"
run_booth() {
  while :; do
    guest-join --kiosk --config "$config"
    code=$?
    # 0: the staff closed it; 129/130/143: stopped by a signal. Anything else: start again.
    case "$code" in 0|129|130|143) exit "$code" ;; esac
    sleep 3
  done
}
if [ -n "${GUEST_JOIN_IN_CAGE:-}" ]; then
  # Inside cage (started below): just the booth.
  run_booth
elif command -v cage >/dev/null 2>&1 && [ -z "${DISPLAY:-}" ]; then
  # Wayland: cage runs one client full screen; it runs this script again inside it.
  GUEST_JOIN_IN_CAGE=1 exec cage -d -- "$0"
else
  # X11: openbox alone honours the full-screen request.
  openbox &
  run_booth
fi
