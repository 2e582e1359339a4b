# guest-join — Nederlands.
#
# Toon: het beleefde, eenvoudige Nederlands waarmee een bank of een kliniek haar klanten aanspreekt
# ("u"). Wie de vergadering leidt, is "de organisator". Vaste termen: "vergaderlink",
# "toegangsdienst", "lobby", "toelaten / binnenlaten".

## De taal zelf (op de taalknoppen en in Instellingen, in de taal zelf)

language-own-name = Nederlands

## Tijdsduur en aantallen

duration-seconds = { $seconds } s
duration-minutes-seconds = { $minutes } min { $seconds } s
duration-hours-minutes = { $hours } u { $minutes } min

## Waarom deelnemen is mislukt: een titel en één zin over wat u kunt doen

failure-bad-input = De vergaderlink of de naam kan niet worden gebruikt
failure-bad-input-remedy = Controleer de link in uw uitnodiging en uw naam, en probeer het opnieuw.
failure-service-unreachable = De toegangsdienst is niet bereikbaar
failure-service-unreachable-remedy = Controleer uw internetverbinding. Werkt die, dan is de toegangsdienst van de organisatie misschien tijdelijk niet beschikbaar: probeer het later opnieuw.
failure-service-refused = De toegangsdienst heeft de aanvraag geweigerd
failure-service-refused-remedy = De toegangsdienst van de organisatie accepteert deze vergadering of deze app niet. Neem contact op met de organisator van de vergadering.
failure-discovery = De vergaderdienst is niet gevonden
failure-discovery-remedy = De vergaderdienst heeft de aanmelding niet geaccepteerd. Probeer het opnieuw en laat het de organisator weten als het blijft mislukken.
failure-application = De vergaderdienst heeft het aanmelden als gast niet toegestaan
failure-application-remedy = Probeer het over een minuut opnieuw. Laat het de organisator weten als het blijft mislukken.
failure-meeting-not-found = De vergadering is niet gevonden
failure-meeting-not-found-remedy = Controleer of de link volledig is en of de vergadering niet is geannuleerd.
failure-not-allowed = Gasten hebben geen toegang tot deze vergadering
failure-not-allowed-remedy = Vraag de organisator om gasten (anonieme gebruikers) toe te staan of de vergadering te ontgrendelen.
failure-anonymous-join-disabled = Op deze vergaderserver kunnen gasten niet deelnemen zonder account
failure-anonymous-join-disabled-remedy = Anoniem deelnemen is uitgeschakeld voor deze vergadering of voor de hele server. Vraag de organisator om gasten toe te staan, of neem deel met een Skype for Business-account.
failure-wrong-conference-key = De vergaderserver heeft de sleutel van deze vergadering niet geaccepteerd
failure-wrong-conference-key-remedy = Controleer of de link volledig is (het laatste deel is de vergader-ID) en of de vergadering nog bestaat. Vraag de organisator om een nieuwe link.
failure-lobby-denied = De organisator heeft u niet toegelaten
failure-lobby-denied-remedy = Neem contact op met de organisator als u denkt dat dit een vergissing is.
failure-lobby-timeout = Niemand heeft u toegelaten
failure-lobby-timeout-remedy = Gasten die niet worden toegelaten, worden na een tijdje verwijderd. Vraag de organisator om de lobby in de gaten te houden en neem daarna opnieuw deel.
failure-network = De netwerkverbinding is mislukt
failure-network-remedy = Controleer uw netwerkverbinding (en de proxy-instellingen) en probeer het opnieuw.
failure-timeout = Deelnemen duurde te lang
failure-timeout-remedy = De dienst is traag of niet bereikbaar. Probeer het opnieuw.
failure-removed = U bent uit de vergadering verwijderd
failure-removed-remedy = Een organisator heeft u verwijderd. Neem alleen opnieuw deel als u daarom is gevraagd.
failure-inactive = U bent verwijderd wegens inactiviteit
failure-inactive-remedy = De vergaderdienst verwijdert gasten van wie de verbinding geen gegevens meer verstuurt. Controleer het netwerk en neem opnieuw deel.
failure-meeting-ended = De vergadering is afgelopen
failure-meeting-ended-remedy = De organisator heeft de vergadering beëindigd.
failure-connection-lost = De verbinding met de vergadering is verbroken
failure-connection-lost-remedy = Neem opnieuw deel aan de vergadering.
failure-server-error = Er is een probleem met de vergaderdienst
failure-server-error-remedy = Probeer het later opnieuw. Laat het de organisator weten als het blijft mislukken.
failure-protocol = De vergaderdienst gaf een onverwacht antwoord
failure-protocol-remedy = Probeer het opnieuw. Blijft het mislukken, stuur dan de diagnostische gegevens naar de ondersteuning.

## De stappen van het deelnemen (de tijdlijn)

step-service-application = Servicetoepassing
step-discovery = Detectie
step-autodiscover = Autodiscover
step-web-ticket = Webticket
step-application = Toepassing
step-event-channel = Gebeurteniskanaal
step-join-request = Deelnameverzoek
step-lobby = Lobby
step-in-meeting = In vergadering
step-leave = Verlaten

## Hoe ver het deelnemen is

phase-idle = Gereed
phase-requesting-token = Toegang vragen aan de toegangsdienst
phase-discovering = Vergaderdienst zoeken
phase-creating-application = Aanmelden als gast
phase-joining = Deelnemen aan de vergadering
phase-in-lobby = Wachten in de lobby
phase-in-meeting = In de vergadering
phase-reconnecting = Opnieuw verbinden
phase-leaving = De vergadering wordt verlaten
phase-left = Vergadering verlaten
phase-failed = Deelnemen mislukt
phase-cancelled = Geannuleerd

## Hoe een toegangsdienst wordt bereikt

flow-service-application = Servicetoepassing
flow-direct = Skype for Business Server (direct)

## Vensterkop en meldingen bovenaan

app-tagline = Neem als gast deel aan een vergadering
app-chat-only = Deze app brengt de chat van de vergadering over en, als de vergadering dat aanbiedt, het geluid via de telefoon. Via de computer hoort of ziet u de vergadering niet.
settings-button = Instellingen
banner-dismiss = Sluiten
banner-dismiss-hint = Dit bericht verbergen
banner-config-unusable = Het configuratiebestand kon niet worden gebruikt. { $details }
banner-network-setup-failed = Het netwerk instellen is mislukt: { $details }
banner-settings-not-saved = De instellingen konden niet worden opgeslagen: { $details }
banner-config-warning = De configuratie moet worden gecontroleerd: { $details }

## Eerste start (geen toegangsdienst ingesteld)

demo-banner-title = Ingebouwde demo-omgeving
demo-banner-text = Er is geen toegangsdienst ingesteld, dus guest-join gebruikt de ingebouwde demo-omgeving. Die werkt alleen binnen deze app en start zodra u deelneemt.
demo-banner-try = Een demovergadering proberen
demo-banner-add-service = Voeg de dienst van uw organisatie toe onder Instellingen.

## Het deelnameformulier

form-title = Deelnemen aan een vergadering
form-meeting-link = Vergaderlink
form-meeting-link-hint = https://… uit uw uitnodiging, of plak de hele uitnodiging
form-link-extracted = Link uit de geplakte tekst gehaald (vergadering op { $host }).
form-your-name = Uw naam
form-your-name-hint = De naam die de andere deelnemers zien
form-join-service = Toegangsdienst
form-service-demo = Ingebouwde demo
form-service-demo-direct = Ingebouwde demo — Skype for Business Server (direct)
form-service-direct-named = { $name } — Skype for Business Server (direct)
form-service-direct-adhoc = Skype for Business Server van uw organisatie (direct)
form-service-key-unset = De variabele voor de servicesleutel ({ $variable }) is niet ingesteld; er wordt deelgenomen zonder servicesleutel.
form-join = Deelnemen
form-join-disabled-hint = U kunt deelnemen zodra de link en de naam geldig zijn.
form-direct-offer = Deze vergadering staat niet op Skype for Business Online. Staat ze op de Skype for Business Server van uw organisatie, dan kunt u er rechtstreeks aan deelnemen.
form-join-directly = Rechtstreeks deelnemen
form-cancelled = Deelnemen is geannuleerd.
form-cancelled-told = Deelnemen is geannuleerd; de vergaderdienst is op de hoogte gebracht.
form-cancelled-not-told = Deelnemen is geannuleerd; de vergaderdienst kon niet worden ingelicht en verwijdert de gast na een tijdje.
form-left-told = U hebt de vergadering verlaten; de vergaderdienst is op de hoogte gebracht.
form-left-not-told = U hebt de vergadering verlaten; de vergaderdienst kon niet worden ingelicht en verwijdert de gast na een tijdje.
form-bad-service = Het adres van de toegangsdienst { $name } is ongeldig; corrigeer het onder Instellingen.

## Wat er mis is met een vergaderlink of een naam (onder het veld)

link-empty = Plak de vergaderlink uit uw uitnodiging.
link-sip-uri = Dit is een Skype-adres (sip:), geen vergaderlink. Plak de https://-deelnamelink uit de uitnodiging, of neem rechtstreeks deel via een vergaderadres (Skype for Business Server).
link-not-https = Vergaderlinks moeten beginnen met https://. Deze link gebruikt { $scheme }://.
link-not-a-url = Dit lijkt geen link. Plak de https://-deelnamelink uit uw uitnodiging.
link-no-meeting-link = De tekst bevat geen vergaderlink. Plak de https://-deelnamelink uit uw uitnodiging.
link-several-links = De tekst bevat meerdere verschillende vergaderlinks. Plak alleen de link van de vergadering waaraan u wilt deelnemen.
link-no-path = De link bevat geen vergadering (alleen een hostnaam). Plak de volledige deelnamelink.
link-too-long = De link is te lang voor een vergaderlink.
link-has-credentials = Vergaderlinks mogen geen gebruikersnaam of wachtwoord bevatten.
link-online-for-direct = Dit is een Skype for Business Online-link. Aan Online-vergaderingen neemt u deel via de servicetoepassing van de organisatie, niet rechtstreeks.
link-not-simple-url = Deze link heeft niet de vorm van een vergaderlink van Skype for Business Server (https://meet.<domein>/<organisator>/<vergader-ID>). Plak in plaats daarvan het vergaderadres (sip:…;gruu;opaque=app:conf:focus:id:…).
link-no-domain = De vergaderhost is een IP-adres, dus het domein van de organisator is onbekend. Plak in plaats daarvan het vergaderadres (sip:…).
name-empty = Typ de naam die de andere deelnemers zien.
name-too-long = De naam is te lang ({ $chars } tekens); gebruik maximaal { $max } tekens.
name-control-character = De naam bevat een stuurteken (zoals een tab of een regeleinde); verwijder het.

## Deelnemen: de tijdlijn

joining-title = Deelnemen aan de vergadering op { $host }
joining-as-via = Als { $name } · via { $service }
joining-starting = Starten…
joining-cancel = Annuleren
joining-cancel-hint = Deelnemen stoppen (Esc)
step-state-pending = in afwachting
step-state-running = bezig
step-state-done = klaar
step-state-failed = mislukt
step-state-stopped = gestopt
step-retries = { $count ->
    [one] { $count } nieuwe poging
   *[other] { $count } nieuwe pogingen
}
step-no-requests = Geen HTTP-aanvragen in deze stap.
step-hide-requests = Aanvragen verbergen
step-show-requests = { $count ->
    [one] De aanvraag van deze stap weergeven
   *[other] De { $count } aanvragen van deze stap weergeven
}
step-earlier-requests = { $count ->
    [one] Eén eerdere aanvraag niet weergegeven.
   *[other] { $count } eerdere aanvragen niet weergegeven.
}
exchange-no-answer = geen antwoord
exchange-no-answer-because = geen antwoord: { $error }
exchange-request = Aanvraag
exchange-request-body = Body van de aanvraag
exchange-response = Antwoord
exchange-response-body = Body van het antwoord
exchange-error = Fout
join-steps = Deelnamestappen

## De lobby

lobby-title = Wachten tot de organisator u binnenlaat
lobby-where = U bent als { $name } in de lobby van { $meeting }.
lobby-meeting-on = de vergadering op { $host }
lobby-waited = Wachttijd: { $duration }
lobby-explain = Iemand in de vergadering moet u toelaten. Gasten die niet worden binnengelaten, worden na een tijdje uit de lobby verwijderd; u kunt het dan opnieuw proberen.
lobby-cancel-hint = Stoppen met wachten (Esc)

## In de vergadering

meeting-on = Vergadering op { $host }
meeting-organizer = Organisator: { $name }
meeting-leaving = De vergadering wordt verlaten…
meeting-reconnecting = Opnieuw verbinden…
meeting-reconnecting-attempt = Opnieuw verbinden… poging { $attempt } van { $attempts }
meeting-connection-good = Goede verbinding
meeting-you-are-in = U neemt deel aan de vergadering als { $name }.
meeting-connection-lost-because = Verbinding verbroken: { $reason }
meeting-leave = Verlaten
meeting-leave-hint = De vergadering verlaten
roster-title = Deelnemers ({ $count })
roster-you = { $name } (u)
roster-on-phone = via de telefoon
# De aantallen van de deelnemerslijst, naast elkaar onder de titel.
roster-count-leaders = { $count ->
    [one] { $count } organisator
   *[other] { $count } organisatoren
}
roster-count-attendees = { $count ->
    [one] { $count } deelnemer
   *[other] { $count } deelnemers
}
roster-count-lobby = { $count } in de lobby
# Kopjes in de deelnemerslijst.
roster-section-leaders = Organisatoren ({ $count })
roster-section-attendees = Deelnemers ({ $count })
roster-section-lobby = In de lobby ({ $count })
roster-find = Deelnemer zoeken
roster-find-hint = Typ een deel van een naam
roster-find-none = Geen deelnemer gevonden voor "{ $text }".
chat-title = Chat
chat-empty = Nog geen berichten.
chat-you = U
chat-sending = verzenden…
chat-delivered = bezorgd
chat-not-delivered = niet bezorgd
chat-typing-one = { $name } typt…
chat-typing-two = { $first } en { $second } typen…
chat-typing-many = { $count } personen typen…
chat-message = Bericht
chat-message-hint = Typ een bericht en druk op Enter om het te verzenden
chat-send = Verzenden
chat-send-hint = Het bericht naar iedereen in de vergadering verzenden
chat-connecting = Chat maakt verbinding…
# Een knop onderaan de chat terwijl de gast oudere berichten leest; die gaat naar het nieuwste bericht.
chat-new-messages = { $count ->
    [one] { $count } nieuw bericht ↓
   *[other] { $count } nieuwe berichten ↓
}
chat-new-messages-hint = Naar het nieuwste bericht gaan
# Bovenaan een lange chat: de oudste berichten worden niet meer bewaard.
chat-older-dropped = { $count ->
    [one] Eén ouder bericht wordt niet meer weergegeven.
   *[other] { $count } oudere berichten worden niet meer weergegeven.
}

## De vergadering via de telefoon horen: de inbelnummers van de vergadering (de app zelf brengt alleen de chat over)

dial-in-title = Luisteren via de telefoon
dial-in-explain = Bel vanaf een telefoon een van deze nummers om de vergadering te horen. Toets op verzoek de conferentie-ID in, gevolgd door een hekje (#).
dial-in-explain-no-id = Bel vanaf een telefoon een van deze nummers om de vergadering te horen.
dial-in-main-number = { $region } (hoofdnummer)
dial-in-copy = Kopiëren
dial-in-copied = Gekopieerd
dial-in-copy-hint = Kopieert { $dial }: het nummer, een korte pauze en de conferentie-ID, klaar om te bellen met een telefoon of een bel-app.
dial-in-conference-id = Conferentie-ID: { $id }
dial-in-find-local = Een lokaal nummer zoeken
dial-in-provider = Audioconferentiedienst van de vergadering
dial-in-toll-free = Gratis bellen
dial-in-toll = Normaal tarief
dial-in-passcode = Toegangscode: { $code }

## "Bel mij": de vergadering belt de telefoon van de gast (in de vergadering, als de organisator dat toestaat)

call-me-title = Laat u bellen door de vergadering
call-me-explain = Typ uw telefoonnummer en de vergadering belt u. Neem op en u hoort de vergadering via uw telefoon.
call-me-number = Uw telefoonnummer
call-me-number-hint = bijv. +49 30 1234567
call-me-button = Bel mij
call-me-booth-button = De telefoon bij deze kiosk bellen
call-me-remember = Dit nummer onthouden op deze computer
call-me-ringing = { $number } wordt gebeld… Neem de telefoon op om de vergadering te horen.
call-me-connected = Uw telefoon is verbonden: u hoort de vergadering via de telefoon.
call-me-ended = Het telefoongesprek is beëindigd.
call-me-hang-up = Ophangen
call-me-hang-up-hint = Het telefoongesprek beëindigen (u blijft in de vergadering en de chat)
call-me-codes = Details: { $details }
call-me-failed-not-allowed = Deze vergadering belt geen telefoons van gasten. U kunt wel zelf inbellen: zie "Luisteren via de telefoon".
call-me-failed-busy = Uw telefoon was in gesprek. Probeer het opnieuw of gebruik een ander nummer.
call-me-failed-no-answer = De telefoon werd niet opgenomen. Probeer het opnieuw wanneer u kunt opnemen.
call-me-failed-declined = De oproep is op de telefoon geweigerd.
call-me-failed-bad-number = De vergadering kon dit nummer niet bellen. Controleer het nummer en probeer het opnieuw.
call-me-failed-unavailable = De vergadering kan u nu niet bellen.
call-me-failed-connection-lost = Het telefoongesprek is beëindigd omdat de verbinding met de vergadering is verbroken. U kunt opnieuw om een oproep vragen.
call-me-failed-other = Het telefoongesprek kwam niet tot stand. Probeer het later opnieuw.
call-me-error-empty = Typ uw telefoonnummer.
call-me-error-not-a-number = Een telefoonnummer bevat alleen cijfers, spaties, streepjes, haakjes en een + aan het begin.
call-me-error-needs-country = Zet uw landnummer aan het begin, bijvoorbeeld +49.
call-me-error-invalid = Dit nummer kan niet worden gebeld. Controleer het en probeer het opnieuw.

## Het einde van een sessie

ended-cancelled = Deelnemen is geannuleerd
ended-cancelled-remedy = Neem opnieuw deel om het nog eens te proberen, of ga terug om aan een andere vergadering deel te nemen.
ended-left = U hebt de vergadering verlaten
ended-left-remedy = Neem opnieuw deel met dezelfde link, of ga terug om aan een andere vergadering deel te nemen.
ended-error-id = Fout-ID { $id }
ended-code = code { $code }
ended-subcode = subcode { $subcode }
ended-details = Details: { $details }
ended-cleaning-up = Bezig met afronden…
ended-not-told = Het is niet gelukt de vergaderdienst te laten weten dat u de vergadering hebt verlaten; de dienst verwijdert de gast na een tijdje.
ended-rejoin = Opnieuw deelnemen
ended-rejoin-hint = Opnieuw deelnemen aan dezelfde vergadering
ended-back = Terug
ended-back-hint = Terug naar het deelnameformulier
ended-copy-diagnostics = Diagnostische gegevens kopiëren
ended-copy-diagnostics-hint = Een samenvatting zonder vertrouwelijke gegevens kopiëren, voor de ondersteuning
ended-copied = Diagnostische gegevens gekopieerd naar het klembord.
export-har = HAR exporteren…
export-har-hint = Alle HTTP-uitwisselingen van deze sessie opslaan als HAR-bestand, met afgeschermde tokens
export-diagnostics = Diagnostische gegevens opslaan…
export-diagnostics-hint = Een zip-bestand opslaan voor de ondersteuning: versies, instellingen zonder vertrouwelijke gegevens, stappen, HAR, gebeurtenissen
export-saved = Opgeslagen in { $path }
export-saved-no-dialog = Op dit bureaublad is geen bestandsvenster beschikbaar. Opgeslagen in { $path }
export-failed-har = Het HAR-bestand kon niet worden opgeslagen: { $details }
export-failed-diagnostics = De diagnostische gegevens konden niet worden opgeslagen: { $details }
export-dialog-har = HAR exporteren
export-dialog-diagnostics = Diagnostische gegevens opslaan
export-filter-har = HAR-archief
export-filter-zip = Zip-archief

## Instellingen

settings-title = Instellingen
settings-save = Opslaan
settings-back = Terug zonder opslaan
settings-fix-fields = Corrigeer de gemarkeerde velden en sla opnieuw op.
settings-language = Taal
settings-language-system = Systeeminstelling volgen ({ $language })
settings-services = Toegangsdiensten
settings-services-explain = De token-URL van de servicetoepassing van uw organisatie, of Skype for Business Server met rechtstreekse deelname (Autodiscover begint bij https://lyncdiscover.<domein van de organisator>/, tenzij u een andere URL opgeeft). Een servicesleutel wordt nooit opgeslagen: geef de naam op van de omgevingsvariabele die de sleutel bevat.
settings-services-none = Nog geen: de ingebouwde demo wordt gebruikt.
settings-service-add = Toegangsdienst toevoegen
settings-service-number = Toegangsdienst { $number }
settings-service-remove = Toegangsdienst { $number } verwijderen
settings-service-kind = Soort toegangsdienst { $number }
settings-kind-service = Servicetoepassing
settings-kind-direct = Skype for Business Server (direct)
settings-name = Naam
settings-autodiscover = Autodiscover-URL (optioneel)
settings-token-url = Token-URL
settings-key-variable = Variabele voor servicesleutel (optioneel)
settings-origin = Oorsprong
settings-culture = Cultuur
settings-culture-follows = Leeg: { $culture }, op basis van de taal.
settings-variable-overrides = { $variable } is ingesteld, dus de waarde daarvan wordt gebruikt.
settings-variable-used = { $variable } is ingesteld, dus { $value } wordt gebruikt.
settings-network = Netwerk
settings-network-explain = Proxy: "system" gebruikt HTTPS_PROXY / NO_PROXY, "none" maakt rechtstreeks verbinding, of geef een proxy-URL op. Deze computer (de ingebouwde demo) wordt altijd rechtstreeks bereikt.
settings-proxy = Proxy
settings-no-proxy = Geen proxy voor (bij een proxy-URL)
settings-ca-file = Bestand met CA-certificaten (PEM, optioneel)
settings-text-size = Tekstgrootte
settings-theme = Thema
settings-theme-system = Systeeminstelling volgen
settings-theme-light = Licht
settings-theme-dark = Donker
settings-notifications = Bureaubladmeldingen
settings-notifications-explain = Als het venster achter andere vensters staat, krijgt u een melding wanneer u wordt binnengelaten, wanneer de vergadering voor u eindigt en wanneer er een bericht binnenkomt.
settings-kiosk-session-only = Wijzigingen gelden tot de app opnieuw start; pas het configuratiebestand aan om ze te bewaren.
kiosk-text-min = Op de kiosk is de tekstgrootte nooit kleiner dan { $scale }.

## Wat er mis is met een instellingenveld

problem-service-name-empty = Geef de toegangsdienst een naam.
problem-service-name-long = Gebruik maximaal 64 tekens en geen stuurtekens.
problem-service-name-taken = Een andere toegangsdienst heeft al deze naam.
problem-token-url-not-absolute = Voer de volledige token-URL in, bijvoorbeeld https://join.contoso.com/GetAnonTokenJob.
problem-token-url-not-https = De token-URL moet https:// gebruiken (http:// alleen voor localhost).
problem-token-url-no-host = De token-URL heeft geen hostnaam.
problem-autodiscover-not-absolute = Voer de volledige Autodiscover-URL in, bijvoorbeeld https://lyncdiscover.contoso.com/.
problem-autodiscover-not-https = De Autodiscover-URL moet https:// gebruiken (http:// alleen voor localhost).
problem-autodiscover-no-host = De Autodiscover-URL heeft geen hostnaam.
problem-env-name = Gebruik de naam van een omgevingsvariabele, bijvoorbeeld CONTOSO_SERVICE_KEY.
problem-origin = Gebruik een oorsprong zoals https://contoso.com (https, of http alleen voor deze computer; zonder pad).
problem-culture = Gebruik een taalcode zoals nl-NL of en-US.
problem-proxy = Gebruik "system", "none" of een proxy-URL zoals http://proxy.contoso.com:8080.
problem-no-proxy = Geef hostnamen, IP-adressen of netwerken op, gescheiden door komma's, bijvoorbeeld .corp.example, 10.0.0.0/8.
problem-ca-file-path = Geef het pad op van een PEM-bestand met een of meer CA-certificaten.
problem-ca-file-unusable = Dit bestand kan niet worden gebruikt: { $details }

## De kiosk

kiosk-welcome = Welkom
kiosk-touch-start = Tik op Start om met een adviseur te praten.
kiosk-start = Start
kiosk-choose-language = Kies uw taal
kiosk-unreachable = De vergaderdienst is nu niet bereikbaar. Probeer het later opnieuw of vraag een medewerker om hulp.
kiosk-your-name-title = Wat is uw naam?
kiosk-name-default-hint = Laat dit leeg om als { $name } deel te nemen
kiosk-join = Deelnemen
kiosk-back = Terug
kiosk-connecting = Verbinden…
kiosk-cancel = Annuleren
kiosk-reconnecting-title = Opnieuw verbinden
kiosk-reconnecting = De verbinding was even weg. We brengen u terug in het gesprek…
kiosk-leave = Verlaten
kiosk-call-ended = Het gesprek is beëindigd
kiosk-thank-you-visit = Bedankt voor uw bezoek.
kiosk-not-connected = Helaas kon het gesprek niet tot stand komen
kiosk-try-again-staff = Probeer het opnieuw of vraag een medewerker om hulp.
kiosk-cancelled = Het gesprek is geannuleerd
kiosk-start-again = U kunt altijd opnieuw beginnen.
kiosk-thank-you = Dank u wel
kiosk-done = Klaar
kiosk-countdown = Terug naar het begin over { $seconds } s — tik om te blijven
kiosk-stay = Blijven
kiosk-staff-access = Medewerkerstoegang
kiosk-staff-settings = Instellingen
kiosk-exit-app = App afsluiten
kiosk-settings-between-calls = Instellingen openen alleen buiten een gesprek.
kiosk-no-pin = Er is geen pincode voor medewerkers ingesteld in de configuratie, dus de kiosk kan hier niet worden ontgrendeld.
kiosk-pin = Pincode
kiosk-locked-for = Vergrendeld. Probeer het over { $seconds } s opnieuw.
kiosk-unlock = Ontgrendelen
kiosk-close = Sluiten
kiosk-pin-wrong = Verkeerde pincode (poging { $attempt } van { $attempts }).
kiosk-pin-locked = Te vaak een verkeerde pincode. Probeer het over { $seconds } s opnieuw.
kiosk-pin-none = Er is geen pincode voor medewerkers ingesteld in de configuratie.

## Een vergaderlink die wordt geopend terwijl het venster al open is (de link wordt aan dit venster doorgegeven)

handover-title = De nieuwe vergaderlink openen?
handover-in-meeting = U neemt deel aan een vergadering. Als u de nieuwe link opent, verlaat u deze vergadering.
handover-joining = U bent bezig deel te nemen aan een vergadering. Als u de nieuwe link opent, wordt dat gestopt.
handover-new-link = Nieuwe link: { $link }
handover-open = Verlaten en link openen
handover-stay = In deze vergadering blijven
handover-stay-hint = De nieuwe link wordt niet geopend

## De venstertitel, die een gast in een ander venster laat zien wat er is gebeurd ("… — guest-join")

title-joining = Deelnemen aan de vergadering…
title-lobby = Wachten in de lobby
title-in-meeting = In de vergadering — { $meeting }
title-unread = ({ $count }) { $title }

## Bureaubladmeldingen (alleen als het venster achter andere vensters staat; nooit op een kiosk)

notify-admitted = U bent in de vergadering
notify-admitted-body = U bent binnengelaten in { $meeting }.
notify-message = Bericht van { $name }
