# guest-join — English (the fallback: every id is here, and the code is checked against it).
#
# Register: the polite, plain English a bank or a clinic uses with its customers. The guest is
# "you"; the person who runs the meeting is "the organizer". Keep terms as they are here:
# "meeting link", "join service", "lobby", "let you in".

## The language itself (shown on the language buttons and in Settings, in the language itself)

language-own-name = English

## Durations and counts

duration-seconds = { $seconds } s
duration-minutes-seconds = { $minutes } min { $seconds } s
duration-hours-minutes = { $hours } h { $minutes } min

## Why a join failed: a title, and one sentence of what to do

failure-bad-input = The meeting link or name cannot be used
failure-bad-input-remedy = Check the link in your invitation and your name, then try again.
failure-service-unreachable = The join service cannot be reached
failure-service-unreachable-remedy = Check your internet connection; if it works, the organisation's join service may be down: try again later.
failure-service-refused = The join service refused the request
failure-service-refused-remedy = The organisation's join service does not accept this meeting or this app; contact the meeting organizer.
failure-discovery = The meeting service could not be found
failure-discovery-remedy = The meeting service did not accept the sign-in it was given; try again, and tell the organizer if it keeps failing.
failure-application = The meeting service did not let the guest sign in
failure-application-remedy = Try again in a minute; tell the organizer if it keeps failing.
failure-meeting-not-found = The meeting was not found
failure-meeting-not-found-remedy = Check that the link is complete and that the meeting has not been cancelled.
failure-not-allowed = Guests are not allowed into this meeting
failure-not-allowed-remedy = Ask the organizer to allow guests (anonymous users) or to unlock the meeting.
failure-anonymous-join-disabled = This meeting server does not let guests join without an account
failure-anonymous-join-disabled-remedy = Anonymous join is turned off for this meeting or the whole server; ask the organizer to allow guests, or join with a Skype for Business account.
failure-wrong-conference-key = The meeting server did not accept this meeting's key
failure-wrong-conference-key-remedy = Check that the link is complete (the last part is the meeting's ID) and that the meeting still exists; ask the organizer for a new link.
failure-lobby-denied = The organizer did not let you in
failure-lobby-denied-remedy = Contact the organizer if you think this is a mistake.
failure-lobby-timeout = Nobody let you in
failure-lobby-timeout-remedy = Guests who are not admitted are removed after a while; ask the organizer to watch for you, then rejoin.
failure-network = The network connection failed
failure-network-remedy = Check your network connection (and proxy settings), then try again.
failure-timeout = Joining took too long
failure-timeout-remedy = The service is slow or unreachable; try again.
failure-removed = You were removed from the meeting
failure-removed-remedy = An organizer removed you; rejoin only if you were asked to.
failure-inactive = You were removed for inactivity
failure-inactive-remedy = The meeting service drops guests whose connection stays silent; check the network and rejoin.
failure-meeting-ended = The meeting has ended
failure-meeting-ended-remedy = The organizer ended the meeting.
failure-connection-lost = The connection to the meeting was lost
failure-connection-lost-remedy = Rejoin the meeting.
failure-server-error = The meeting service had a problem
failure-server-error-remedy = Try again later; tell the organizer if it keeps failing.
failure-protocol = The meeting service answered something unexpected
failure-protocol-remedy = Try again; if it keeps failing, send the diagnostics to support.

## The steps of a join (the timeline)

step-service-application = Service application
step-discovery = Discovery
step-autodiscover = Autodiscover
step-web-ticket = Web ticket
step-application = Application
step-event-channel = Event channel
step-join-request = Join request
step-lobby = Lobby
step-in-meeting = In meeting
step-leave = Leave

## Where a join is

phase-idle = Ready
phase-requesting-token = Asking the join service for access
phase-discovering = Finding the meeting service
phase-creating-application = Signing in as a guest
phase-joining = Joining the meeting
phase-in-lobby = Waiting in the lobby
phase-in-meeting = In the meeting
phase-reconnecting = Reconnecting
phase-leaving = Leaving
phase-left = Left the meeting
phase-failed = Could not join
phase-cancelled = Cancelled

## How a join service is reached

flow-service-application = Service application
flow-direct = Skype for Business Server (direct)

## Window header and messages at the top

app-tagline = Join a meeting as a guest
app-chat-only = This app carries the meeting's chat, and its sound by phone where the meeting offers it. You will not hear or see the meeting through the computer.
settings-button = Settings
banner-dismiss = Dismiss
banner-dismiss-hint = Hide this message
banner-config-unusable = The configuration file could not be used. { $details }
banner-network-setup-failed = Network set-up failed: { $details }
banner-settings-not-saved = The settings could not be saved: { $details }
banner-config-warning = The configuration needs attention: { $details }

## First run (no join service configured)

demo-banner-title = Built-in demo environment
demo-banner-text = No join service is configured, so guest-join uses its built-in demo environment. It runs only inside this app and starts when you join.
demo-banner-try = Try a demo meeting
demo-banner-add-service = Add your organisation's service under Settings.

## The join form

form-title = Join a meeting
form-meeting-link = Meeting link
form-meeting-link-hint = https://… from your invitation, or paste the whole invitation
form-link-extracted = Link taken from the pasted text (meeting on { $host }).
form-your-name = Your name
form-your-name-hint = The name the other participants will see
form-join-service = Join service
form-service-demo = Built-in demo
form-service-demo-direct = Built-in demo — Skype for Business Server (direct)
form-service-direct-named = { $name } — Skype for Business Server (direct)
form-service-direct-adhoc = Your organisation's Skype for Business Server (direct)
form-service-key-unset = The service key variable { $variable } is not set; joining without a service key.
form-join = Join
form-join-disabled-hint = Join is available once the link and the name are valid.
form-direct-offer = This meeting is not on Skype for Business Online. If it is on your organisation's Skype for Business Server, you can join it directly.
form-join-directly = Join directly
form-cancelled = Joining was cancelled.
form-cancelled-told = Joining was cancelled; the meeting service was told.
form-cancelled-not-told = Joining was cancelled; the meeting service could not be told, it forgets the guest after a while.
form-left-told = You left the meeting; the meeting service was told.
form-left-not-told = You left the meeting; the meeting service could not be told, it removes the guest after a while.
form-bad-service = The address of the join service { $name } is not valid; fix it under Settings.

## What is wrong with a meeting link or a name (shown under the field)

link-empty = Paste the meeting link from your invitation.
link-sip-uri = This is a Skype address (sip:), not a meeting link. Paste the https:// join link from the invitation, or join a conference address directly (Skype for Business Server).
link-not-https = Meeting links must start with https://. This one uses { $scheme }://.
link-not-a-url = This does not look like a link. Paste the https:// join link from your invitation.
link-no-meeting-link = The text contains no meeting link. Paste the https:// join link from your invitation.
link-several-links = The text contains several different meeting links. Paste just the one you want to join.
link-no-path = The link has no meeting in it (only a host name). Paste the whole join link.
link-too-long = The link is too long to be a meeting link.
link-has-credentials = Meeting links must not contain a user name or password.
link-online-for-direct = This is a Skype for Business Online link; Online meetings are joined through the organisation's service application, not directly.
link-not-simple-url = This link does not have the form of a Skype for Business Server meeting link (https://meet.<domain>/<organizer>/<meeting ID>). Paste the conference address (sip:…;gruu;opaque=app:conf:focus:id:…) instead.
link-no-domain = The meeting host is an IP address, so the organizer's domain is unknown. Paste the conference address (sip:…) instead.
name-empty = Type the name the other participants will see.
name-too-long = The name is too long ({ $chars } characters); use at most { $max }.
name-control-character = The name contains a control character (such as a tab or line break); remove it.

## Joining: the timeline

joining-title = Joining the meeting on { $host }
joining-as-via = As { $name } · via { $service }
joining-starting = Starting…
joining-cancel = Cancel
joining-cancel-hint = Stop joining (Esc)
step-state-pending = pending
step-state-running = running
step-state-done = done
step-state-failed = failed
step-state-stopped = stopped
step-retries = { $count ->
    [one] { $count } retry
   *[other] { $count } retries
}
step-no-requests = No HTTP requests in this step.
step-hide-requests = Hide the requests
step-show-requests = { $count ->
    [one] Show the request of this step
   *[other] Show the { $count } requests of this step
}
step-earlier-requests = { $count ->
    [one] One earlier request not shown.
   *[other] { $count } earlier requests not shown.
}
exchange-no-answer = no answer
exchange-no-answer-because = no answer: { $error }
exchange-request = Request
exchange-request-body = Request body
exchange-response = Response
exchange-response-body = Response body
exchange-error = Error
join-steps = Join steps

## The lobby

lobby-title = Waiting for the organizer to let you in
lobby-where = You are in the lobby of { $meeting } as { $name }.
lobby-meeting-on = the meeting on { $host }
lobby-waited = Waiting for { $duration }
lobby-explain = Someone in the meeting has to admit you. Guests who are not let in are removed from the lobby after a while; you can then try again.
lobby-cancel-hint = Stop waiting (Esc)

## In the meeting

meeting-on = Meeting on { $host }
meeting-organizer = Organizer: { $name }
meeting-leaving = Leaving the meeting…
meeting-reconnecting = Reconnecting…
meeting-reconnecting-attempt = Reconnecting… attempt { $attempt } of { $attempts }
meeting-connection-good = Connection good
meeting-you-are-in = You are in the meeting as { $name }.
meeting-connection-lost-because = Connection lost: { $reason }
meeting-leave = Leave
meeting-leave-hint = Leave the meeting
roster-title = Participants ({ $count })
roster-you = { $name } (you)
roster-on-phone = on the phone
# The roster's counts, shown side by side under its title.
roster-count-leaders = { $count ->
    [one] 1 organizer
   *[other] { $count } organizers
}
roster-count-attendees = { $count ->
    [one] 1 attendee
   *[other] { $count } attendees
}
roster-count-lobby = { $count } waiting in the lobby
# Headings inside the list of participants.
roster-section-leaders = Organizers ({ $count })
roster-section-attendees = Attendees ({ $count })
roster-section-lobby = Waiting in the lobby ({ $count })
roster-find = Find a participant
roster-find-hint = Type part of a name
roster-find-none = Nobody in the meeting matches “{ $text }”.
chat-title = Chat
chat-empty = No messages yet.
chat-you = You
chat-sending = sending…
chat-delivered = delivered
chat-not-delivered = not delivered
chat-typing-one = { $name } is typing…
chat-typing-two = { $first } and { $second } are typing…
chat-typing-many = { $count } people are typing…
chat-message = Message
chat-message-hint = Type a message, Enter sends
chat-send = Send
chat-send-hint = Send the message to everyone in the meeting
chat-connecting = Chat is connecting…
# A button over the end of the chat while the guest reads older messages; it goes to the latest.
chat-new-messages = { $count ->
    [one] 1 new message ↓
   *[other] { $count } new messages ↓
}
chat-new-messages-hint = Go to the latest message
# At the top of a long chat: the oldest messages are no longer kept.
chat-older-dropped = { $count ->
    [one] 1 older message is no longer shown.
   *[other] { $count } older messages are no longer shown.
}

## Hearing the meeting by phone: the meeting's dial-in numbers (the app itself carries chat only)

dial-in-title = Listen by phone
dial-in-explain = To hear the meeting, call one of these numbers from a phone. When asked, enter the conference ID and then #.
dial-in-explain-no-id = To hear the meeting, call one of these numbers from a phone.
dial-in-main-number = { $region } (main number)
dial-in-copy = Copy
dial-in-copied = Copied
dial-in-copy-hint = Copies { $dial }: the number, a short pause and the conference ID, ready for a phone or a calling app.
dial-in-conference-id = Conference ID: { $id }
dial-in-find-local = Find a local number
dial-in-provider = The meeting's audio conference service
dial-in-toll-free = Free call
dial-in-toll = Standard rate
dial-in-passcode = Passcode: { $code }

## "Call me": the meeting rings the guest's phone (in the meeting, where the organizer allows it)

call-me-title = Have the meeting call your phone
call-me-explain = Type your phone number and the meeting will ring you. Answer, and you hear the meeting on your phone.
call-me-number = Your phone number
call-me-number-hint = e.g. +49 30 1234567
call-me-button = Call me
call-me-booth-button = Call the phone at this booth
call-me-remember = Remember this number on this computer
call-me-ringing = Calling { $number }… Answer your phone to hear the meeting.
call-me-connected = Your phone is connected: you hear the meeting on it.
call-me-ended = The phone call has ended.
call-me-hang-up = Hang up
call-me-hang-up-hint = End the phone call (you stay in the meeting and its chat)
call-me-codes = Details: { $details }
call-me-failed-not-allowed = This meeting does not call guests' phones. You can dial in instead: see "Listen by phone".
call-me-failed-busy = Your phone was busy. Try again, or use another number.
call-me-failed-no-answer = Nobody answered the phone. Try again when you are ready to answer.
call-me-failed-declined = The call was rejected on the phone.
call-me-failed-bad-number = The meeting could not dial this number. Check it and try again.
call-me-failed-unavailable = The meeting cannot call you right now.
call-me-failed-connection-lost = The call ended because the connection to the meeting was lost. You can ask for a call again.
call-me-failed-other = The call did not connect. Please try again later.
call-me-error-empty = Type your phone number.
call-me-error-not-a-number = A phone number has only digits, spaces, dashes, brackets and a + at the start.
call-me-error-needs-country = Add your country code at the start, for example +49.
call-me-error-invalid = This is not a phone number that can be called. Check it and try again.

## The end of a session

ended-cancelled = Joining was cancelled
ended-cancelled-remedy = Rejoin to try again, or go back to join another meeting.
ended-left = You left the meeting
ended-left-remedy = Rejoin with the same link, or go back to join another meeting.
ended-error-id = Error id { $id }
ended-code = code { $code }
ended-subcode = subcode { $subcode }
ended-details = Details: { $details }
ended-cleaning-up = Cleaning up…
ended-not-told = The meeting service could not be told that you left; it removes the guest after a while.
ended-rejoin = Rejoin
ended-rejoin-hint = Join the same meeting again
ended-back = Back
ended-back-hint = Back to the join form
ended-copy-diagnostics = Copy diagnostics
ended-copy-diagnostics-hint = Copy a summary without secrets, for support
ended-copied = Diagnostics copied to the clipboard.
export-har = Export HAR…
export-har-hint = Save every HTTP exchange of this session, tokens masked, as a HAR file
export-diagnostics = Save diagnostics…
export-diagnostics-hint = Save a zip for support: versions, settings without secrets, steps, HAR, events
export-saved = Saved to { $path }
export-saved-no-dialog = No file dialog is available on this desktop. Saved to { $path }
export-failed-har = The HAR file could not be saved: { $details }
export-failed-diagnostics = The diagnostics could not be saved: { $details }
export-dialog-har = Export HAR
export-dialog-diagnostics = Save diagnostics
export-filter-har = HAR archive
export-filter-zip = Zip archive

## Settings

settings-title = Settings
settings-save = Save
settings-back = Back without saving
settings-fix-fields = Fix the marked fields, then save again.
settings-language = Language
settings-language-system = Follow the system ({ $language })
settings-services = Join services
settings-services-explain = The token URL of your organisation's service application, or Skype for Business Server joined directly (autodiscover starts at https://lyncdiscover.<organizer's domain>/ unless you give another URL). A service key is never saved: name the environment variable that holds it.
settings-services-none = None yet: the built-in demo is used.
settings-service-add = Add a join service
settings-service-number = Join service { $number }
settings-service-remove = Remove join service { $number }
settings-service-kind = Kind of join service { $number }
settings-kind-service = Service application
settings-kind-direct = Skype for Business Server (direct)
settings-name = Name
settings-autodiscover = Autodiscover URL (optional)
settings-token-url = Token URL
settings-key-variable = Service key variable (optional)
settings-origin = Origin
settings-culture = Culture
settings-culture-follows = Empty: { $culture }, from the language.
settings-variable-overrides = { $variable } is set, so its value is used instead.
settings-variable-used = { $variable } is set, so { $value } is used instead.
settings-network = Network
settings-network-explain = Proxy: "system" uses HTTPS_PROXY / NO_PROXY, "none" connects directly, or give a proxy URL. This computer (the built-in demo) is always reached directly.
settings-proxy = Proxy
settings-no-proxy = No proxy for (with a proxy URL)
settings-ca-file = CA certificates file (PEM, optional)
settings-text-size = Text size
settings-theme = Theme
settings-theme-system = Follow the system
settings-theme-light = Light
settings-theme-dark = Dark
settings-notifications = Desktop notifications
settings-notifications-explain = While the window is behind other windows: tell me when I am let in, when the meeting ends for me, and when a message arrives.
settings-kiosk-session-only = Changes last until the app restarts; edit the config file to keep them.
kiosk-text-min = A kiosk's text is never smaller than Text size { $scale }.

## What is wrong with a settings field

problem-service-name-empty = Give the join service a name.
problem-service-name-long = Use at most 64 characters and no control characters.
problem-service-name-taken = Another join service has this name.
problem-token-url-not-absolute = Enter the full token URL, like https://join.contoso.com/GetAnonTokenJob.
problem-token-url-not-https = The token URL must use https:// (http:// only for localhost).
problem-token-url-no-host = The token URL has no host name.
problem-autodiscover-not-absolute = Enter the full autodiscover URL, like https://lyncdiscover.contoso.com/.
problem-autodiscover-not-https = The autodiscover URL must use https:// (http:// only for localhost).
problem-autodiscover-no-host = The autodiscover URL has no host name.
problem-env-name = Use the name of an environment variable, like CONTOSO_SERVICE_KEY.
problem-origin = Use an origin like https://contoso.com (https, or http for this computer only; no path).
problem-culture = Use a language tag like en-US or de-DE.
problem-proxy = Use "system", "none" or a proxy URL like http://proxy.contoso.com:8080.
problem-no-proxy = List host names, IP addresses or networks separated by commas, like .corp.example, 10.0.0.0/8.
problem-ca-file-path = Give the path of a PEM file with one or more CA certificates.
problem-ca-file-unusable = This file cannot be used: { $details }

## The kiosk

kiosk-welcome = Welcome
kiosk-touch-start = Touch Start to talk to an advisor.
kiosk-start = Start
kiosk-choose-language = Choose your language
kiosk-unreachable = The meeting service is not reachable right now. Please try again later or ask a member of staff.
kiosk-your-name-title = What is your name?
kiosk-name-default-hint = Leave empty to join as { $name }
kiosk-join = Join
kiosk-back = Back
kiosk-connecting = Connecting you…
kiosk-cancel = Cancel
kiosk-reconnecting-title = Reconnecting
kiosk-reconnecting = The connection dropped for a moment. Getting you back into the meeting…
kiosk-leave = Leave
kiosk-call-ended = The call has ended
kiosk-thank-you-visit = Thank you for your visit.
kiosk-not-connected = Sorry, the call could not be connected
kiosk-try-again-staff = Please try again, or ask a member of staff.
kiosk-cancelled = The call was cancelled
kiosk-start-again = You can start again at any time.
kiosk-thank-you = Thank you
kiosk-done = Done
kiosk-countdown = Returning to start in { $seconds } s — touch to stay
kiosk-stay = Stay
kiosk-staff-access = Staff access
kiosk-staff-settings = Settings
kiosk-exit-app = Exit the app
kiosk-settings-between-calls = Settings open when no call is running.
kiosk-no-pin = No staff PIN is set in the configuration, so the booth cannot be unlocked here.
kiosk-pin = PIN
kiosk-locked-for = Locked. Try again in { $seconds } s.
kiosk-unlock = Unlock
kiosk-close = Close
kiosk-pin-wrong = Wrong PIN ({ $attempt } of { $attempts } attempts).
kiosk-pin-locked = Too many wrong PINs. Try again in { $seconds } s.
kiosk-pin-none = No staff PIN is set in the configuration.

## A meeting link opened while the window is already open (the link is handed to this window)

handover-title = Open the new meeting link?
handover-in-meeting = You are in a meeting. Opening the new link means leaving it.
handover-joining = You are joining a meeting. Opening the new link stops this.
handover-new-link = New link: { $link }
handover-open = Leave and open the link
handover-stay = Stay in this meeting
handover-stay-hint = The new link is not opened

## The window title, which tells a guest in another window what happened ("… — guest-join")

title-joining = Joining…
title-lobby = Waiting in the lobby
title-in-meeting = In the meeting — { $meeting }
title-unread = ({ $count }) { $title }

## Desktop notifications (only while the window is behind other windows; never on a kiosk)

notify-admitted = You are in the meeting
notify-admitted-body = You were let into { $meeting }.
notify-message = Message from { $name }
