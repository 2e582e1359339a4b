# guest-join — Deutsch.
#
# Anrede: die höfliche, einfache Sprache, in der eine Bank oder eine Klinik ihre Kundschaft
# anspricht („Sie“). Die Person, die die Besprechung leitet, ist „der Organisator“. Begriffe:
# „Besprechungslink“, „Beitrittsdienst“, „Wartebereich“, „zulassen“.

## Die Sprache selbst (auf den Sprachschaltflächen und in den Einstellungen, in der Sprache selbst)

language-own-name = Deutsch

## Dauern und Anzahlen

duration-seconds = { $seconds } Sek.
duration-minutes-seconds = { $minutes } Min. { $seconds } Sek.
duration-hours-minutes = { $hours } Std. { $minutes } Min.

## Warum eine Teilnahme fehlgeschlagen ist: ein Titel und ein Satz, was zu tun ist

failure-bad-input = Der Besprechungslink oder der Name kann nicht verwendet werden
failure-bad-input-remedy = Prüfen Sie den Link in Ihrer Einladung und Ihren Namen. Versuchen Sie es dann erneut.
failure-service-unreachable = Der Beitrittsdienst ist nicht erreichbar
failure-service-unreachable-remedy = Prüfen Sie Ihre Internetverbindung. Funktioniert sie, ist vielleicht der Beitrittsdienst der Organisation gestört. Versuchen Sie es später erneut.
failure-service-refused = Der Beitrittsdienst hat die Anfrage abgelehnt
failure-service-refused-remedy = Der Beitrittsdienst der Organisation akzeptiert diese Besprechung oder diese App nicht. Wenden Sie sich an den Organisator der Besprechung.
failure-discovery = Der Besprechungsdienst wurde nicht gefunden
failure-discovery-remedy = Der Besprechungsdienst hat die übermittelte Anmeldung nicht akzeptiert. Versuchen Sie es erneut. Tritt der Fehler weiterhin auf, informieren Sie den Organisator.
failure-application = Der Besprechungsdienst hat die Anmeldung als Gast abgelehnt
failure-application-remedy = Versuchen Sie es in einer Minute erneut. Tritt der Fehler weiterhin auf, informieren Sie den Organisator.
failure-meeting-not-found = Die Besprechung wurde nicht gefunden
failure-meeting-not-found-remedy = Prüfen Sie, ob der Link vollständig ist und ob die Besprechung abgesagt wurde.
failure-not-allowed = Gäste sind in dieser Besprechung nicht zugelassen
failure-not-allowed-remedy = Bitten Sie den Organisator, Gäste (anonyme Benutzer) zuzulassen oder die Besprechung zu entsperren.
failure-anonymous-join-disabled = Auf diesem Besprechungsserver können Gäste nicht ohne Konto teilnehmen
failure-anonymous-join-disabled-remedy = Die anonyme Teilnahme ist für diese Besprechung oder den ganzen Server deaktiviert. Bitten Sie den Organisator, Gäste zuzulassen, oder nehmen Sie mit einem Skype for Business-Konto teil.
failure-wrong-conference-key = Der Besprechungsserver hat den Schlüssel dieser Besprechung nicht akzeptiert
failure-wrong-conference-key-remedy = Prüfen Sie, ob der Link vollständig ist (der letzte Teil ist die Besprechungs-ID) und ob die Besprechung noch besteht. Bitten Sie den Organisator um einen neuen Link.
failure-lobby-denied = Der Organisator hat Sie nicht zugelassen
failure-lobby-denied-remedy = Wenden Sie sich an den Organisator, wenn Sie glauben, dass es sich um einen Irrtum handelt.
failure-lobby-timeout = Niemand hat Sie zugelassen
failure-lobby-timeout-remedy = Nicht zugelassene Gäste werden nach einer Weile entfernt. Bitten Sie den Organisator, den Wartebereich im Blick zu behalten, und nehmen Sie dann erneut teil.
failure-network = Die Netzwerkverbindung ist fehlgeschlagen
failure-network-remedy = Prüfen Sie Ihre Netzwerkverbindung (und die Proxyeinstellungen). Versuchen Sie es dann erneut.
failure-timeout = Der Beitritt zur Besprechung hat zu lange gedauert
failure-timeout-remedy = Der Dienst ist langsam oder nicht erreichbar. Versuchen Sie es erneut.
failure-removed = Sie wurden aus der Besprechung entfernt
failure-removed-remedy = Ein Organisator hat Sie entfernt. Nehmen Sie nur erneut teil, wenn Sie darum gebeten wurden.
failure-inactive = Sie wurden wegen Inaktivität entfernt
failure-inactive-remedy = Der Besprechungsdienst entfernt Gäste, deren Verbindung keine Daten mehr sendet. Prüfen Sie das Netzwerk und nehmen Sie erneut teil.
failure-meeting-ended = Die Besprechung wurde beendet
failure-meeting-ended-remedy = Der Organisator hat die Besprechung beendet.
failure-connection-lost = Die Verbindung zur Besprechung wurde unterbrochen
failure-connection-lost-remedy = Nehmen Sie erneut an der Besprechung teil.
failure-server-error = Beim Besprechungsdienst ist ein Problem aufgetreten
failure-server-error-remedy = Versuchen Sie es später erneut. Tritt der Fehler weiterhin auf, informieren Sie den Organisator.
failure-protocol = Der Besprechungsdienst hat unerwartet geantwortet
failure-protocol-remedy = Versuchen Sie es erneut. Tritt der Fehler weiterhin auf, senden Sie die Diagnosedaten an den Support.

## Die Schritte einer Teilnahme (die Zeitleiste)

step-service-application = Dienstanwendung
step-discovery = Dienstsuche
step-autodiscover = AutoErmittlung
step-web-ticket = Webticket
step-application = Anwendung
step-event-channel = Ereigniskanal
step-join-request = Beitrittsanfrage
step-lobby = Wartebereich
step-in-meeting = In der Besprechung
step-leave = Verlassen

## Wo eine Teilnahme gerade steht

phase-idle = Bereit
phase-requesting-token = Zugang wird beim Beitrittsdienst angefragt
phase-discovering = Besprechungsdienst wird gesucht
phase-creating-application = Anmeldung als Gast
phase-joining = Beitritt zur Besprechung
phase-in-lobby = Im Wartebereich
phase-in-meeting = In der Besprechung
phase-reconnecting = Verbindung wird wiederhergestellt
phase-leaving = Besprechung wird verlassen
phase-left = Besprechung wurde verlassen
phase-failed = Teilnahme nicht möglich
phase-cancelled = Abgebrochen

## Wie ein Beitrittsdienst erreicht wird

flow-service-application = Dienstanwendung
flow-direct = Skype for Business Server (direkt)

## Fensterkopf und Meldungen oben

app-tagline = Als Gast an einer Besprechung teilnehmen
app-chat-only = Diese App überträgt den Chat der Besprechung und, wo die Besprechung es anbietet, den Ton per Telefon. Über den Computer können Sie die Besprechung weder hören noch sehen.
settings-button = Einstellungen
banner-dismiss = Schließen
banner-dismiss-hint = Diese Meldung ausblenden
banner-config-unusable = Die Konfigurationsdatei konnte nicht verwendet werden. { $details }
banner-network-setup-failed = Die Netzwerkeinrichtung ist fehlgeschlagen: { $details }
banner-settings-not-saved = Die Einstellungen konnten nicht gespeichert werden: { $details }
banner-config-warning = Die Konfiguration muss geprüft werden: { $details }

## Erster Start (kein Beitrittsdienst eingerichtet)

demo-banner-title = Integrierte Demoumgebung
demo-banner-text = Es ist kein Beitrittsdienst eingerichtet. Daher verwendet guest-join seine integrierte Demoumgebung. Diese läuft nur in dieser App und startet, sobald Sie teilnehmen.
demo-banner-try = Demobesprechung ausprobieren
demo-banner-add-service = Fügen Sie den Dienst Ihrer Organisation unter „Einstellungen“ hinzu.

## Das Teilnahmeformular

form-title = An einer Besprechung teilnehmen
form-meeting-link = Besprechungslink
form-meeting-link-hint = https://… aus Ihrer Einladung – oder fügen Sie die ganze Einladung ein
form-link-extracted = Link aus dem eingefügten Text übernommen (Besprechung auf { $host }).
form-your-name = Ihr Name
form-your-name-hint = Der Name, den die anderen Teilnehmer sehen
form-join-service = Beitrittsdienst
form-service-demo = Integrierte Demo
form-service-demo-direct = Integrierte Demo – Skype for Business Server (direkt)
form-service-direct-named = { $name } – Skype for Business Server (direkt)
form-service-direct-adhoc = Skype for Business Server Ihrer Organisation (direkt)
form-service-key-unset = Die Variable für den Dienstschlüssel ({ $variable }) ist nicht gesetzt. Die Teilnahme erfolgt ohne Dienstschlüssel.
form-join = Teilnehmen
form-join-disabled-hint = „Teilnehmen“ ist verfügbar, sobald Link und Name gültig sind.
form-direct-offer = Diese Besprechung findet nicht in Skype for Business Online statt. Liegt sie auf dem Skype for Business Server Ihrer Organisation, können Sie direkt teilnehmen.
form-join-directly = Direkt teilnehmen
form-cancelled = Die Teilnahme wurde abgebrochen.
form-cancelled-told = Die Teilnahme wurde abgebrochen. Der Besprechungsdienst wurde benachrichtigt.
form-cancelled-not-told = Die Teilnahme wurde abgebrochen. Der Besprechungsdienst konnte nicht benachrichtigt werden; er entfernt den Gast nach einer Weile von selbst.
form-left-told = Sie haben die Besprechung verlassen. Der Besprechungsdienst wurde benachrichtigt.
form-left-not-told = Sie haben die Besprechung verlassen. Der Besprechungsdienst konnte nicht benachrichtigt werden; er entfernt den Gast nach einer Weile von selbst.
form-bad-service = Die Adresse des Beitrittsdienstes { $name } ist ungültig. Korrigieren Sie sie unter „Einstellungen“.

## Was an einem Besprechungslink oder einem Namen nicht stimmt (unter dem Feld angezeigt)

link-empty = Fügen Sie den Besprechungslink aus Ihrer Einladung ein.
link-sip-uri = Dies ist eine Skype-Adresse (sip:), kein Besprechungslink. Fügen Sie den https://-Link zur Teilnahme aus der Einladung ein, oder nehmen Sie direkt über eine Konferenzadresse teil (Skype for Business Server).
link-not-https = Besprechungslinks müssen mit https:// beginnen. Dieser Link beginnt mit { $scheme }://.
link-not-a-url = Das sieht nicht wie ein Link aus. Fügen Sie den https://-Link zur Teilnahme aus Ihrer Einladung ein.
link-no-meeting-link = Der Text enthält keinen Besprechungslink. Fügen Sie den https://-Link zur Teilnahme aus Ihrer Einladung ein.
link-several-links = Der Text enthält mehrere verschiedene Besprechungslinks. Fügen Sie nur den Link der Besprechung ein, an der Sie teilnehmen möchten.
link-no-path = Der Link enthält keine Besprechung (nur einen Hostnamen). Fügen Sie den vollständigen Link zur Teilnahme ein.
link-too-long = Der Link ist zu lang für einen Besprechungslink.
link-has-credentials = Besprechungslinks dürfen keinen Benutzernamen und kein Kennwort enthalten.
link-online-for-direct = Dies ist ein Link für Skype for Business Online. An Online-Besprechungen nehmen Sie über die Dienstanwendung der Organisation teil, nicht direkt.
link-not-simple-url = Dieser Link hat nicht die Form eines Besprechungslinks für Skype for Business Server (https://meet.<Domäne>/<Organisator>/<Besprechungs-ID>). Fügen Sie stattdessen die Konferenzadresse ein (sip:…;gruu;opaque=app:conf:focus:id:…).
link-no-domain = Der Besprechungshost ist eine IP-Adresse, daher ist die Domäne des Organisators unbekannt. Fügen Sie stattdessen die Konferenzadresse ein (sip:…).
name-empty = Geben Sie den Namen ein, den die anderen Teilnehmer sehen.
name-too-long = Der Name ist zu lang ({ $chars } Zeichen). Erlaubt sind höchstens { $max } Zeichen.
name-control-character = Der Name enthält ein Steuerzeichen (etwa einen Tabulator oder Zeilenumbruch). Bitte entfernen Sie es.

## Teilnahme: die Zeitleiste

joining-title = Teilnahme an der Besprechung auf { $host }
joining-as-via = Als { $name } · über { $service }
joining-starting = Wird gestartet…
joining-cancel = Abbrechen
joining-cancel-hint = Teilnahme abbrechen (Esc)
step-state-pending = ausstehend
step-state-running = läuft
step-state-done = erledigt
step-state-failed = fehlgeschlagen
step-state-stopped = abgebrochen
step-retries = { $count ->
    [one] { $count } Wiederholung
   *[other] { $count } Wiederholungen
}
step-no-requests = Keine HTTP-Anfragen in diesem Schritt.
step-hide-requests = Anfragen ausblenden
step-show-requests = { $count ->
    [one] Die Anfrage dieses Schritts anzeigen
   *[other] Die { $count } Anfragen dieses Schritts anzeigen
}
step-earlier-requests = { $count ->
    [one] Eine frühere Anfrage wird nicht angezeigt.
   *[other] { $count } frühere Anfragen werden nicht angezeigt.
}
exchange-no-answer = keine Antwort
exchange-no-answer-because = keine Antwort: { $error }
exchange-request = Anfrage
exchange-request-body = Anfragetext
exchange-response = Antwort
exchange-response-body = Antworttext
exchange-error = Fehler
join-steps = Schritte der Teilnahme

## Der Wartebereich

lobby-title = Bitte warten Sie, bis der Organisator Sie zulässt
lobby-where = Sie sind als { $name } im Wartebereich ({ $meeting }).
lobby-meeting-on = Besprechung auf { $host }
lobby-waited = Wartezeit: { $duration }
lobby-explain = Eine Person in der Besprechung muss Sie zulassen. Nicht zugelassene Gäste werden nach einer Weile aus dem Wartebereich entfernt. Sie können es dann erneut versuchen.
lobby-cancel-hint = Warten beenden (Esc)

## In der Besprechung

meeting-on = Besprechung auf { $host }
meeting-organizer = Organisator: { $name }
meeting-leaving = Besprechung wird verlassen…
meeting-reconnecting = Verbindung wird wiederhergestellt…
meeting-reconnecting-attempt = Verbindung wird wiederhergestellt… Versuch { $attempt } von { $attempts }
meeting-connection-good = Gute Verbindung
meeting-you-are-in = Sie nehmen als { $name } an der Besprechung teil.
meeting-connection-lost-because = Verbindung unterbrochen: { $reason }
meeting-leave = Verlassen
meeting-leave-hint = Besprechung verlassen
roster-title = Teilnehmer ({ $count })
roster-you = { $name } (Sie)
roster-on-phone = per Telefon
# Die Anzahlen der Teilnehmerliste, nebeneinander unter ihrem Titel.
roster-count-leaders = { $count ->
    [one] { $count } Organisator
   *[other] { $count } Organisatoren
}
roster-count-attendees = { $count ->
    [one] { $count } Teilnehmer
   *[other] { $count } Teilnehmer
}
roster-count-lobby = { $count } im Wartebereich
# Überschriften in der Teilnehmerliste.
roster-section-leaders = Organisatoren ({ $count })
roster-section-attendees = Teilnehmer ({ $count })
roster-section-lobby = Im Wartebereich ({ $count })
roster-find = Teilnehmer suchen
roster-find-hint = Teil eines Namens eingeben
roster-find-none = Niemand in der Besprechung passt zu „{ $text }“.
chat-title = Chat
chat-empty = Noch keine Nachrichten.
chat-you = Sie
chat-sending = wird gesendet…
chat-delivered = zugestellt
chat-not-delivered = nicht zugestellt
chat-typing-one = { $name } schreibt…
chat-typing-two = { $first } und { $second } schreiben…
chat-typing-many = { $count } Personen schreiben…
chat-message = Nachricht
chat-message-hint = Nachricht eingeben, mit der Eingabetaste senden
chat-send = Senden
chat-send-hint = Nachricht an alle in der Besprechung senden
chat-connecting = Chat wird verbunden…
# Eine Schaltfläche am Ende des Chats, während der Gast ältere Nachrichten liest; sie springt zur neuesten.
chat-new-messages = { $count ->
    [one] { $count } neue Nachricht ↓
   *[other] { $count } neue Nachrichten ↓
}
chat-new-messages-hint = Zur neuesten Nachricht springen
# Oben in einem langen Chat: Die ältesten Nachrichten werden nicht mehr aufbewahrt.
chat-older-dropped = { $count ->
    [one] Eine ältere Nachricht wird nicht mehr angezeigt.
   *[other] { $count } ältere Nachrichten werden nicht mehr angezeigt.
}

## Die Besprechung per Telefon hören: die Einwahlnummern der Besprechung (die App selbst überträgt nur den Chat)

dial-in-title = Per Telefon zuhören
dial-in-explain = Um die Besprechung zu hören, rufen Sie von einem Telefon aus eine dieser Nummern an. Geben Sie nach der Ansage die Konferenz-ID ein und drücken Sie dann die Rautetaste (#).
dial-in-explain-no-id = Um die Besprechung zu hören, rufen Sie von einem Telefon aus eine dieser Nummern an.
dial-in-main-number = { $region } (Hauptnummer)
dial-in-copy = Kopieren
dial-in-copied = Kopiert
dial-in-copy-hint = Kopiert { $dial }: die Nummer, eine kurze Pause und die Konferenz-ID – zum direkten Wählen mit einem Telefon oder einer Telefon-App.
dial-in-conference-id = Konferenz-ID: { $id }
dial-in-find-local = Lokale Einwahlnummer suchen
dial-in-provider = Telefonkonferenzdienst der Besprechung
dial-in-toll-free = Gebührenfrei
dial-in-toll = Normaler Tarif
dial-in-passcode = Zugangscode: { $code }

## „Mich anrufen“: die Besprechung ruft das Telefon des Gastes an (in der Besprechung, wenn der Organisator es erlaubt)

call-me-title = Von der Besprechung anrufen lassen
call-me-explain = Geben Sie Ihre Telefonnummer ein – die Besprechung ruft Sie dann an. Sobald Sie abheben, hören Sie die Besprechung über Ihr Telefon.
call-me-number = Ihre Telefonnummer
call-me-number-hint = z. B. +49 30 1234567
call-me-button = Mich anrufen
call-me-booth-button = Telefon an diesem Terminal anrufen
call-me-remember = Diese Nummer auf diesem Computer speichern
call-me-ringing = { $number } wird angerufen… Heben Sie ab, um die Besprechung zu hören.
call-me-connected = Ihr Telefon ist verbunden: Sie hören die Besprechung darüber.
call-me-ended = Der Anruf ist beendet.
call-me-hang-up = Auflegen
call-me-hang-up-hint = Anruf beenden (Sie bleiben in der Besprechung und im Chat)
call-me-codes = Details: { $details }
call-me-failed-not-allowed = Diese Besprechung ruft keine Telefone von Gästen an. Sie können sich stattdessen selbst einwählen: siehe „Per Telefon zuhören“.
call-me-failed-busy = Ihre Leitung war besetzt. Versuchen Sie es erneut oder verwenden Sie eine andere Nummer.
call-me-failed-no-answer = Niemand hat abgehoben. Versuchen Sie es erneut, wenn Sie den Anruf annehmen können.
call-me-failed-declined = Der Anruf wurde am Telefon abgelehnt.
call-me-failed-bad-number = Die Besprechung konnte diese Nummer nicht anrufen. Prüfen Sie die Nummer und versuchen Sie es erneut.
call-me-failed-unavailable = Die Besprechung kann Sie gerade nicht anrufen.
call-me-failed-connection-lost = Der Anruf wurde beendet, weil die Verbindung zur Besprechung unterbrochen wurde. Sie können erneut einen Anruf anfordern.
call-me-failed-other = Der Anruf ist nicht zustande gekommen. Bitte versuchen Sie es später erneut.
call-me-error-empty = Geben Sie Ihre Telefonnummer ein.
call-me-error-not-a-number = Eine Telefonnummer enthält nur Ziffern, Leerzeichen, Bindestriche, Klammern und am Anfang ein +.
call-me-error-needs-country = Stellen Sie Ihre Landesvorwahl voran, zum Beispiel +49.
call-me-error-invalid = Diese Nummer kann nicht angerufen werden. Prüfen Sie sie und versuchen Sie es erneut.

## Das Ende einer Sitzung

ended-cancelled = Die Teilnahme wurde abgebrochen
ended-cancelled-remedy = Nehmen Sie erneut teil, um es noch einmal zu versuchen, oder gehen Sie zurück, um an einer anderen Besprechung teilzunehmen.
ended-left = Sie haben die Besprechung verlassen
ended-left-remedy = Nehmen Sie mit demselben Link erneut teil, oder gehen Sie zurück, um an einer anderen Besprechung teilzunehmen.
ended-error-id = Fehler-ID { $id }
ended-code = Code { $code }
ended-subcode = Untercode { $subcode }
ended-details = Details: { $details }
ended-cleaning-up = Wird abgeschlossen…
ended-not-told = Der Besprechungsdienst konnte nicht benachrichtigt werden, dass Sie die Besprechung verlassen haben. Er entfernt den Gast nach einer Weile von selbst.
ended-rejoin = Erneut teilnehmen
ended-rejoin-hint = Noch einmal an derselben Besprechung teilnehmen
ended-back = Zurück
ended-back-hint = Zurück zum Teilnahmeformular
ended-copy-diagnostics = Diagnosedaten kopieren
ended-copy-diagnostics-hint = Eine Zusammenfassung ohne vertrauliche Daten für den Support kopieren
ended-copied = Diagnosedaten in die Zwischenablage kopiert.
export-har = HAR exportieren…
export-har-hint = Alle HTTP-Anfragen und -Antworten dieser Sitzung als HAR-Datei speichern (Tokens unkenntlich gemacht)
export-diagnostics = Diagnosedaten speichern…
export-diagnostics-hint = Eine ZIP-Datei für den Support speichern: Versionen, Einstellungen ohne vertrauliche Daten, Schritte, HAR, Ereignisse
export-saved = Gespeichert unter { $path }
export-saved-no-dialog = Auf diesem Desktop ist kein Dateidialog verfügbar. Gespeichert unter { $path }
export-failed-har = Die HAR-Datei konnte nicht gespeichert werden: { $details }
export-failed-diagnostics = Die Diagnosedaten konnten nicht gespeichert werden: { $details }
export-dialog-har = HAR exportieren
export-dialog-diagnostics = Diagnosedaten speichern
export-filter-har = HAR-Archiv
export-filter-zip = ZIP-Archiv

## Einstellungen

settings-title = Einstellungen
settings-save = Speichern
settings-back = Zurück ohne Speichern
settings-fix-fields = Korrigieren Sie die markierten Felder und speichern Sie dann erneut.
settings-language = Sprache
settings-language-system = Systemeinstellung verwenden ({ $language })
settings-services = Beitrittsdienste
settings-services-explain = Die Token-URL der Dienstanwendung Ihrer Organisation oder ein Skype for Business Server für die direkte Teilnahme (die AutoErmittlung beginnt bei https://lyncdiscover.<Domäne des Organisators>/, sofern Sie keine andere URL angeben). Ein Dienstschlüssel wird nie gespeichert: Geben Sie den Namen der Umgebungsvariablen an, die ihn enthält.
settings-services-none = Noch keiner: Die integrierte Demo wird verwendet.
settings-service-add = Beitrittsdienst hinzufügen
settings-service-number = Beitrittsdienst { $number }
settings-service-remove = Beitrittsdienst { $number } entfernen
settings-service-kind = Art des Beitrittsdienstes { $number }
settings-kind-service = Dienstanwendung
settings-kind-direct = Skype for Business Server (direkt)
settings-name = Name
settings-autodiscover = AutoErmittlungs-URL (optional)
settings-token-url = Token-URL
settings-key-variable = Variable für den Dienstschlüssel (optional)
settings-origin = Ursprung
settings-culture = Kultur
settings-culture-follows = Leer: { $culture }, abgeleitet von der Sprache.
settings-variable-overrides = { $variable } ist gesetzt; stattdessen wird ihr Wert verwendet.
settings-variable-used = { $variable } ist gesetzt; stattdessen wird { $value } verwendet.
settings-network = Netzwerk
settings-network-explain = Proxy: "system" verwendet HTTPS_PROXY / NO_PROXY, "none" verbindet direkt, oder Sie geben eine Proxy-URL an. Dieser Computer (die integrierte Demo) wird immer direkt erreicht.
settings-proxy = Proxy
settings-no-proxy = Kein Proxy für (bei einer Proxy-URL)
settings-ca-file = CA-Zertifikatsdatei (PEM, optional)
settings-text-size = Textgröße
settings-theme = Design
settings-theme-system = Systemeinstellung verwenden
settings-theme-light = Hell
settings-theme-dark = Dunkel
settings-notifications = Desktop-Benachrichtigungen
settings-notifications-explain = Solange das Fenster von anderen Fenstern verdeckt ist, werden Sie benachrichtigt, wenn Sie zugelassen werden, wenn die Besprechung für Sie endet und wenn eine Nachricht eingeht.
settings-kiosk-session-only = Änderungen gelten bis zum Neustart der App. Um sie dauerhaft zu übernehmen, bearbeiten Sie die Konfigurationsdatei.
kiosk-text-min = Am Terminal ist die Textgröße nie kleiner als { $scale }.

## Was an einem Einstellungsfeld nicht stimmt

problem-service-name-empty = Geben Sie dem Beitrittsdienst einen Namen.
problem-service-name-long = Verwenden Sie höchstens 64 Zeichen und keine Steuerzeichen.
problem-service-name-taken = Ein anderer Beitrittsdienst hat bereits diesen Namen.
problem-token-url-not-absolute = Geben Sie die vollständige Token-URL ein, z. B. https://join.contoso.com/GetAnonTokenJob.
problem-token-url-not-https = Die Token-URL muss https:// verwenden (http:// nur für localhost).
problem-token-url-no-host = Die Token-URL enthält keinen Hostnamen.
problem-autodiscover-not-absolute = Geben Sie die vollständige AutoErmittlungs-URL ein, z. B. https://lyncdiscover.contoso.com/.
problem-autodiscover-not-https = Die AutoErmittlungs-URL muss https:// verwenden (http:// nur für localhost).
problem-autodiscover-no-host = Die AutoErmittlungs-URL enthält keinen Hostnamen.
problem-env-name = Verwenden Sie den Namen einer Umgebungsvariablen, z. B. CONTOSO_SERVICE_KEY.
problem-origin = Verwenden Sie einen Ursprung wie https://contoso.com (https, oder http nur für diesen Computer; ohne Pfad).
problem-culture = Verwenden Sie eine Sprachkennung wie en-US oder de-DE.
problem-proxy = Verwenden Sie "system", "none" oder eine Proxy-URL wie http://proxy.contoso.com:8080.
problem-no-proxy = Geben Sie Hostnamen, IP-Adressen oder Netzwerke durch Kommas getrennt an, z. B. .corp.example, 10.0.0.0/8.
problem-ca-file-path = Geben Sie den Pfad einer PEM-Datei mit einem oder mehreren CA-Zertifikaten an.
problem-ca-file-unusable = Diese Datei kann nicht verwendet werden: { $details }

## Der Kiosk

kiosk-welcome = Willkommen
kiosk-touch-start = Tippen Sie auf „Start“ für Ihr Beratungsgespräch.
kiosk-start = Start
kiosk-choose-language = Wählen Sie Ihre Sprache
kiosk-unreachable = Der Besprechungsdienst ist gerade nicht erreichbar. Bitte versuchen Sie es später erneut oder fragen Sie unsere Mitarbeiter.
kiosk-your-name-title = Wie heißen Sie?
kiosk-name-default-hint = Leer lassen, um als { $name } teilzunehmen
kiosk-join = Teilnehmen
kiosk-back = Zurück
kiosk-connecting = Sie werden verbunden…
kiosk-cancel = Abbrechen
kiosk-reconnecting-title = Verbindung wird wiederhergestellt
kiosk-reconnecting = Die Verbindung war kurz unterbrochen. Wir verbinden Sie wieder…
kiosk-leave = Beenden
kiosk-call-ended = Das Gespräch ist beendet
kiosk-thank-you-visit = Vielen Dank für Ihren Besuch.
kiosk-not-connected = Leider konnte keine Verbindung hergestellt werden
kiosk-try-again-staff = Bitte versuchen Sie es erneut oder fragen Sie unsere Mitarbeiter.
kiosk-cancelled = Das Gespräch wurde abgebrochen
kiosk-start-again = Sie können jederzeit neu beginnen.
kiosk-thank-you = Vielen Dank
kiosk-done = Fertig
kiosk-countdown = Zurück zum Start in { $seconds } Sek. – tippen Sie, um zu bleiben
kiosk-stay = Bleiben
kiosk-staff-access = Mitarbeiterzugang
kiosk-staff-settings = Einstellungen
kiosk-exit-app = App beenden
kiosk-settings-between-calls = Einstellungen sind nur zwischen Gesprächen verfügbar.
kiosk-no-pin = Keine Mitarbeiter-PIN konfiguriert – das Terminal lässt sich hier nicht entsperren.
kiosk-pin = PIN
kiosk-locked-for = Gesperrt. Versuchen Sie es in { $seconds } Sek. erneut.
kiosk-unlock = Entsperren
kiosk-close = Schließen
kiosk-pin-wrong = Falsche PIN (Versuch { $attempt } von { $attempts }).
kiosk-pin-locked = Zu viele Fehlversuche. Versuchen Sie es in { $seconds } Sek. erneut.
kiosk-pin-none = Keine Mitarbeiter-PIN konfiguriert.

## Ein Besprechungslink wird geöffnet, während das Fenster schon offen ist (der Link wird an dieses Fenster übergeben)

handover-title = Den neuen Besprechungslink öffnen?
handover-in-meeting = Sie nehmen an einer Besprechung teil. Wenn Sie den neuen Link öffnen, verlassen Sie diese Besprechung.
handover-joining = Sie treten gerade einer Besprechung bei. Wenn Sie den neuen Link öffnen, wird die Teilnahme abgebrochen.
handover-new-link = Neuer Link: { $link }
handover-open = Verlassen und Link öffnen
handover-stay = In dieser Besprechung bleiben
handover-stay-hint = Der neue Link wird nicht geöffnet

## Der Fenstertitel, der einem Gast in einem anderen Fenster zeigt, was passiert ist („… — guest-join“)

title-joining = Beitritt zur Besprechung…
title-lobby = Im Wartebereich
title-in-meeting = In der Besprechung – { $meeting }
title-unread = ({ $count }) { $title }

## Desktop-Benachrichtigungen (nur solange das Fenster von anderen Fenstern verdeckt ist; nie am Kiosk)

notify-admitted = Sie sind jetzt in der Besprechung
notify-admitted-body = Sie wurden zugelassen ({ $meeting }).
notify-message = Nachricht von { $name }
