# guest-join — italiano.
#
# Registro: l'italiano cortese e semplice che una banca o una clinica usa con i propri clienti
# (forma di cortesia "Lei"). La persona che gestisce la riunione è "l'organizzatore". Termini fissi:
# "link della riunione", "servizio di accesso", "sala d'attesa", "ammettere / far entrare".

## La lingua stessa (mostrata sui pulsanti della lingua e in Impostazioni, nella lingua stessa)

language-own-name = Italiano

## Durate e conteggi

duration-seconds = { $seconds } s
duration-minutes-seconds = { $minutes } min { $seconds } s
duration-hours-minutes = { $hours } h { $minutes } min

## Perché l'accesso non è riuscito: un titolo e una frase su cosa fare

failure-bad-input = Il link della riunione o il nome non sono validi
failure-bad-input-remedy = Controlli il link nell'invito e il nome inserito, poi riprovi.
failure-service-unreachable = Impossibile raggiungere il servizio di accesso
failure-service-unreachable-remedy = Controlli la connessione a Internet; se funziona, il servizio di accesso dell'organizzazione potrebbe non essere disponibile: riprovi più tardi.
failure-service-refused = Il servizio di accesso ha rifiutato la richiesta
failure-service-refused-remedy = Il servizio di accesso dell'organizzazione non accetta questa riunione o questa app; contatti l'organizzatore della riunione.
failure-discovery = Impossibile trovare il servizio riunioni
failure-discovery-remedy = Il servizio riunioni non ha accettato le credenziali di accesso ricevute; riprovi e, se il problema persiste, lo segnali all'organizzatore.
failure-application = Il servizio riunioni non ha consentito l'accesso come ospite
failure-application-remedy = Riprovi tra un minuto; se il problema persiste, lo segnali all'organizzatore.
failure-meeting-not-found = Riunione non trovata
failure-meeting-not-found-remedy = Verifichi che il link sia completo e che la riunione non sia stata annullata.
failure-not-allowed = Gli ospiti non sono ammessi a questa riunione
failure-not-allowed-remedy = Chieda all'organizzatore di consentire l'accesso agli ospiti (utenti anonimi) o di sbloccare la riunione.
failure-anonymous-join-disabled = Questo server non consente agli ospiti di partecipare alle riunioni senza un account
failure-anonymous-join-disabled-remedy = La partecipazione anonima è disattivata per questa riunione o per l'intero server; chieda all'organizzatore di consentire l'accesso agli ospiti, oppure partecipi con un account Skype for Business.
failure-wrong-conference-key = Il server non ha accettato la chiave di questa riunione
failure-wrong-conference-key-remedy = Verifichi che il link sia completo (l'ultima parte è l'ID della riunione) e che la riunione esista ancora; chieda all'organizzatore un nuovo link.
failure-lobby-denied = L'organizzatore non le ha consentito di entrare
failure-lobby-denied-remedy = Se pensa che si tratti di un errore, contatti l'organizzatore.
failure-lobby-timeout = Nessuno le ha consentito di entrare
failure-lobby-timeout-remedy = Gli ospiti non ammessi vengono rimossi dopo un po'; chieda all'organizzatore di controllare la sala d'attesa, poi partecipi di nuovo.
failure-network = Connessione di rete non riuscita
failure-network-remedy = Controlli la connessione di rete (e le impostazioni del proxy), poi riprovi.
failure-timeout = L'accesso ha richiesto troppo tempo
failure-timeout-remedy = Il servizio è lento o non raggiungibile; riprovi.
failure-removed = Non è più nella riunione
failure-removed-remedy = È stato un organizzatore a rimuoverla; rientri solo se le è stato chiesto.
failure-inactive = Disconnessione per inattività
failure-inactive-remedy = Il servizio riunioni disconnette gli ospiti la cui connessione resta inattiva; controlli la rete e rientri nella riunione.
failure-meeting-ended = La riunione è terminata
failure-meeting-ended-remedy = L'organizzatore ha terminato la riunione.
failure-connection-lost = La connessione alla riunione si è interrotta
failure-connection-lost-remedy = Rientri nella riunione.
failure-server-error = Si è verificato un problema nel servizio riunioni
failure-server-error-remedy = Riprovi più tardi; se il problema persiste, lo segnali all'organizzatore.
failure-protocol = Il servizio riunioni ha dato una risposta inattesa
failure-protocol-remedy = Riprovi; se il problema persiste, invii i dati di diagnostica all'assistenza.

## I passaggi dell'accesso (la sequenza)

step-service-application = Applicazione di servizio
step-discovery = Individuazione
step-autodiscover = Autodiscover
step-web-ticket = Ticket web
step-application = Applicazione
step-event-channel = Canale eventi
step-join-request = Richiesta di partecipazione
step-lobby = Sala d'attesa
step-in-meeting = In riunione
step-leave = Uscita

## A che punto è l'accesso

phase-idle = Pronto
phase-requesting-token = Richiesta di autorizzazione al servizio di accesso
phase-discovering = Ricerca del servizio riunioni
phase-creating-application = Accesso come ospite
phase-joining = Ingresso nella riunione
phase-in-lobby = In sala d'attesa
phase-in-meeting = In riunione
phase-reconnecting = Riconnessione
phase-leaving = Uscita in corso
phase-left = Ha lasciato la riunione
phase-failed = Impossibile partecipare
phase-cancelled = Annullato

## Come si raggiunge un servizio di accesso

flow-service-application = Applicazione di servizio
flow-direct = Skype for Business Server (diretto)

## Intestazione della finestra e messaggi in alto

app-tagline = Partecipi a una riunione come ospite
app-chat-only = Questa app trasmette la chat della riunione e, se la riunione lo prevede, l'audio tramite telefono. Dal computer non potrà né sentire né vedere la riunione.
settings-button = Impostazioni
banner-dismiss = Chiudi
banner-dismiss-hint = Nascondi questo messaggio
banner-config-unusable = Impossibile usare il file di configurazione. { $details }
banner-network-setup-failed = Configurazione di rete non riuscita: { $details }
banner-settings-not-saved = Impossibile salvare le impostazioni: { $details }
banner-config-warning = La configurazione va controllata: { $details }

## Primo avvio (nessun servizio di accesso configurato)

demo-banner-title = Ambiente dimostrativo integrato
demo-banner-text = Non è configurato alcun servizio di accesso, quindi guest-join usa il proprio ambiente dimostrativo integrato. Funziona solo all'interno di questa app e si avvia quando lei partecipa.
demo-banner-try = Prova una riunione dimostrativa
demo-banner-add-service = Aggiunga il servizio della sua organizzazione in Impostazioni.

## Il modulo di accesso

form-title = Partecipa a una riunione
form-meeting-link = Link della riunione
form-meeting-link-hint = https://… dal suo invito, oppure incolli l'intero invito
form-link-extracted = Link estratto dal testo incollato (riunione su { $host }).
form-your-name = Il suo nome
form-your-name-hint = Il nome che vedranno gli altri partecipanti
form-join-service = Servizio di accesso
form-service-demo = Demo integrata
form-service-demo-direct = Demo integrata — Skype for Business Server (diretto)
form-service-direct-named = { $name } — Skype for Business Server (diretto)
form-service-direct-adhoc = Skype for Business Server della sua organizzazione (diretto)
form-service-key-unset = La variabile della chiave di servizio { $variable } non è impostata; l'accesso avverrà senza chiave di servizio.
form-join = Partecipa
form-join-disabled-hint = Potrà partecipare quando il link e il nome saranno validi.
form-direct-offer = Questa riunione non si trova su Skype for Business Online. Se si trova sullo Skype for Business Server della sua organizzazione, può parteciparvi direttamente.
form-join-directly = Partecipa direttamente
form-cancelled = Accesso annullato.
form-cancelled-told = Accesso annullato; il servizio riunioni è stato avvisato.
form-cancelled-not-told = Accesso annullato; non è stato possibile avvisare il servizio riunioni, che rimuoverà l'ospite dopo un po'.
form-left-told = Ha lasciato la riunione; il servizio riunioni è stato avvisato.
form-left-not-told = Ha lasciato la riunione; non è stato possibile avvisare il servizio riunioni, che rimuoverà l'ospite dopo un po'.
form-bad-service = L'indirizzo del servizio di accesso { $name } non è valido; lo corregga in Impostazioni.

## Cosa non va nel link della riunione o nel nome (mostrato sotto il campo)

link-empty = Incolli il link della riunione che trova nel suo invito.
link-sip-uri = Questo è un indirizzo Skype (sip:), non un link della riunione. Incolli il link https:// per partecipare che trova nell'invito, oppure partecipi direttamente con un indirizzo di conferenza (Skype for Business Server).
link-not-https = I link delle riunioni devono iniziare con https://. Questo usa { $scheme }://.
link-not-a-url = Questo testo non sembra un link. Incolli il link https:// per partecipare che trova nel suo invito.
link-no-meeting-link = Il testo non contiene un link della riunione. Incolli il link https:// per partecipare che trova nel suo invito.
link-several-links = Il testo contiene più link di riunioni diverse. Incolli solo quello della riunione a cui vuole partecipare.
link-no-path = Il link non indica alcuna riunione (contiene solo il nome host). Incolli il link completo.
link-too-long = Il link è troppo lungo per essere un link di una riunione.
link-has-credentials = I link delle riunioni non devono contenere nome utente o password.
link-online-for-direct = Questo è un link di Skype for Business Online: alle riunioni Online si partecipa tramite l'applicazione di servizio dell'organizzazione, non direttamente.
link-not-simple-url = Questo link non ha il formato di un link di riunione di Skype for Business Server (https://meet.<dominio>/<organizzatore>/<ID riunione>). Incolli invece l'indirizzo della conferenza (sip:…;gruu;opaque=app:conf:focus:id:…).
link-no-domain = L'host della riunione è un indirizzo IP, quindi il dominio dell'organizzatore non è noto. Incolli invece l'indirizzo della conferenza (sip:…).
name-empty = Scriva il nome che vedranno gli altri partecipanti.
name-too-long = Il nome è troppo lungo ({ $chars } caratteri); usi al massimo { $max } caratteri.
name-control-character = Il nome contiene un carattere di controllo (ad esempio una tabulazione o un a capo); lo rimuova.

## Accesso in corso: la sequenza

joining-title = Accesso alla riunione su { $host }
joining-as-via = Come { $name } · tramite { $service }
joining-starting = Avvio…
joining-cancel = Annulla
joining-cancel-hint = Interrompi l'accesso (Esc)
step-state-pending = in attesa
step-state-running = in corso
step-state-done = completato
step-state-failed = non riuscito
step-state-stopped = interrotto
step-retries = { $count ->
    [one] { $count } nuovo tentativo
   *[other] { $count } nuovi tentativi
}
step-no-requests = Nessuna richiesta HTTP in questo passaggio.
step-hide-requests = Nascondi le richieste
step-show-requests = { $count ->
    [one] Mostra la richiesta di questo passaggio
   *[other] Mostra le { $count } richieste di questo passaggio
}
step-earlier-requests = { $count ->
    [one] Una richiesta precedente non mostrata.
   *[other] { $count } richieste precedenti non mostrate.
}
exchange-no-answer = nessuna risposta
exchange-no-answer-because = nessuna risposta: { $error }
exchange-request = Richiesta
exchange-request-body = Corpo della richiesta
exchange-response = Risposta
exchange-response-body = Corpo della risposta
exchange-error = Errore
join-steps = Passaggi dell'accesso

## La sala d'attesa

lobby-title = In attesa che l'organizzatore la faccia entrare
lobby-where = Si trova nella sala d'attesa ({ $meeting }) come { $name }.
lobby-meeting-on = riunione su { $host }
lobby-waited = In attesa da { $duration }
lobby-explain = Una persona nella riunione deve ammetterla. Gli ospiti non ammessi vengono rimossi dalla sala d'attesa dopo un po'; potrà quindi riprovare.
lobby-cancel-hint = Interrompi l'attesa (Esc)

## Nella riunione

meeting-on = Riunione su { $host }
meeting-organizer = Organizzatore: { $name }
meeting-leaving = Uscita dalla riunione…
meeting-reconnecting = Riconnessione…
meeting-reconnecting-attempt = Riconnessione… tentativo { $attempt } di { $attempts }
meeting-connection-good = Buona connessione
meeting-you-are-in = Sta partecipando alla riunione come { $name }.
meeting-connection-lost-because = Connessione persa: { $reason }
meeting-leave = Esci
meeting-leave-hint = Esci dalla riunione
roster-title = Partecipanti ({ $count })
roster-you = { $name } (Lei)
roster-on-phone = al telefono
# I conteggi dell'elenco dei partecipanti, affiancati sotto il titolo.
roster-count-leaders = { $count ->
    [one] { $count } organizzatore
   *[other] { $count } organizzatori
}
roster-count-attendees = { $count ->
    [one] { $count } partecipante
   *[other] { $count } partecipanti
}
roster-count-lobby = { $count } in sala d'attesa
# Intestazioni all'interno dell'elenco dei partecipanti.
roster-section-leaders = Organizzatori ({ $count })
roster-section-attendees = Partecipanti ({ $count })
roster-section-lobby = In sala d'attesa ({ $count })
roster-find = Cerca un partecipante
roster-find-hint = Scriva parte di un nome
roster-find-none = Nessun partecipante corrisponde a «{ $text }».
chat-title = Chat
chat-empty = Ancora nessun messaggio.
chat-you = Lei
chat-sending = invio in corso…
chat-delivered = consegnato
chat-not-delivered = non consegnato
chat-typing-one = { $name } sta scrivendo…
chat-typing-two = { $first } e { $second } stanno scrivendo…
chat-typing-many = { $count } persone stanno scrivendo…
chat-message = Messaggio
chat-message-hint = Scriva un messaggio e prema Invio per inviarlo
chat-send = Invia
chat-send-hint = Invia il messaggio a tutti i partecipanti alla riunione
chat-connecting = Connessione alla chat…
# Un pulsante in fondo alla chat mentre l'ospite legge i messaggi precedenti; porta al più recente.
chat-new-messages = { $count ->
    [one] { $count } nuovo messaggio ↓
   *[other] { $count } nuovi messaggi ↓
}
chat-new-messages-hint = Vai all'ultimo messaggio
# In cima a una chat lunga: i messaggi più vecchi non vengono più conservati.
chat-older-dropped = { $count ->
    [one] Un messaggio precedente non è più visibile.
   *[other] { $count } messaggi precedenti non sono più visibili.
}

## Ascoltare la riunione per telefono: i numeri di accesso telefonico della riunione (l'app stessa trasmette solo la chat)

dial-in-title = Ascolta per telefono
dial-in-explain = Per ascoltare la riunione, chiami uno di questi numeri da un telefono. Quando richiesto, digiti l'ID conferenza seguito dal tasto cancelletto (#).
dial-in-explain-no-id = Per ascoltare la riunione, chiami uno di questi numeri da un telefono.
dial-in-main-number = { $region } (numero principale)
dial-in-copy = Copia
dial-in-copied = Copiato
dial-in-copy-hint = Copia { $dial }: il numero, una breve pausa e l'ID conferenza, pronti da comporre su un telefono o in un'app per le chiamate.
dial-in-conference-id = ID conferenza: { $id }
dial-in-find-local = Trova un numero locale
dial-in-provider = Servizio di audioconferenza della riunione
dial-in-toll-free = Chiamata gratuita
dial-in-toll = Tariffa standard
dial-in-passcode = Codice di accesso: { $code }

## «Chiamami»: la riunione chiama il telefono dell'ospite (nella riunione, se l'organizzatore lo consente)

call-me-title = Farsi chiamare dalla riunione
call-me-explain = Scriva il suo numero di telefono e la riunione la chiamerà. Risponda e sentirà la riunione al telefono.
call-me-number = Il suo numero di telefono
call-me-number-hint = ad es. +49 30 1234567
call-me-button = Chiamami
call-me-booth-button = Chiama il telefono di questa postazione
call-me-remember = Ricorda questo numero su questo computer
call-me-ringing = Chiamata al { $number } in corso… Risponda al telefono per sentire la riunione.
call-me-connected = Il suo telefono è collegato: ora sente la riunione al telefono.
call-me-ended = La telefonata è terminata.
call-me-hang-up = Riaggancia
call-me-hang-up-hint = Termina la chiamata (rimane nella riunione e nella chat)
call-me-codes = Dettagli: { $details }
call-me-failed-not-allowed = Questa riunione non chiama il telefono degli ospiti. Può invece chiamare Lei: veda «Ascolta per telefono».
call-me-failed-busy = Il suo telefono era occupato. Riprovi o usi un altro numero.
call-me-failed-no-answer = Nessuno ha risposto al telefono. Riprovi quando potrà rispondere.
call-me-failed-declined = La chiamata è stata rifiutata dal telefono.
call-me-failed-bad-number = La riunione non è riuscita a chiamare questo numero. Lo controlli e riprovi.
call-me-failed-unavailable = Al momento la riunione non può chiamarla.
call-me-failed-connection-lost = La chiamata è terminata perché si è interrotta la connessione alla riunione. Può richiedere una nuova chiamata.
call-me-failed-other = La chiamata non è riuscita. Riprovi più tardi.
call-me-error-empty = Scriva il suo numero di telefono.
call-me-error-not-a-number = Un numero di telefono contiene solo cifre, spazi, trattini, parentesi e un + all'inizio.
call-me-error-needs-country = Aggiunga all'inizio il prefisso del suo Paese, ad esempio +49.
call-me-error-invalid = Questo numero non può essere chiamato. Lo controlli e riprovi.

## La fine di una sessione

ended-cancelled = Accesso annullato
ended-cancelled-remedy = Partecipi di nuovo per riprovare, oppure torni indietro per partecipare a un'altra riunione.
ended-left = Ha lasciato la riunione
ended-left-remedy = Partecipi di nuovo con lo stesso link, oppure torni indietro per partecipare a un'altra riunione.
ended-error-id = ID errore { $id }
ended-code = codice { $code }
ended-subcode = sottocodice { $subcode }
ended-details = Dettagli: { $details }
ended-cleaning-up = Chiusura in corso…
ended-not-told = Non è stato possibile comunicare la sua uscita al servizio riunioni, che rimuoverà l'ospite dopo un po'.
ended-rejoin = Partecipa di nuovo
ended-rejoin-hint = Partecipa di nuovo alla stessa riunione
ended-back = Indietro
ended-back-hint = Torna al modulo di accesso
ended-copy-diagnostics = Copia diagnostica
ended-copy-diagnostics-hint = Copia un riepilogo senza dati riservati, per l'assistenza
ended-copied = Diagnostica copiata negli Appunti.
export-har = Esporta HAR…
export-har-hint = Salva tutti gli scambi HTTP di questa sessione in un file HAR, con i token mascherati
export-diagnostics = Salva diagnostica…
export-diagnostics-hint = Salva un file zip per l'assistenza: versioni, impostazioni senza dati riservati, passaggi, HAR, eventi
export-saved = Salvato in { $path }
export-saved-no-dialog = Su questo desktop non è disponibile una finestra di selezione dei file. Salvato in { $path }
export-failed-har = Impossibile salvare il file HAR: { $details }
export-failed-diagnostics = Impossibile salvare la diagnostica: { $details }
export-dialog-har = Esporta HAR
export-dialog-diagnostics = Salva diagnostica
export-filter-har = Archivio HAR
export-filter-zip = Archivio zip

## Impostazioni

settings-title = Impostazioni
settings-save = Salva
settings-back = Indietro senza salvare
settings-fix-fields = Corregga i campi evidenziati, poi salvi di nuovo.
settings-language = Lingua
settings-language-system = Usa la lingua di sistema ({ $language })
settings-services = Servizi di accesso
settings-services-explain = L'URL del token dell'applicazione di servizio della sua organizzazione, oppure Skype for Business Server con accesso diretto (l'Autodiscover parte da https://lyncdiscover.<dominio dell'organizzatore>/, a meno che non indichi un altro URL). La chiave di servizio non viene mai salvata: indichi il nome della variabile d'ambiente che la contiene.
settings-services-none = Nessuno per ora: viene usata la demo integrata.
settings-service-add = Aggiungi un servizio di accesso
settings-service-number = Servizio di accesso { $number }
settings-service-remove = Rimuovi il servizio di accesso { $number }
settings-service-kind = Tipo del servizio di accesso { $number }
settings-kind-service = Applicazione di servizio
settings-kind-direct = Skype for Business Server (diretto)
settings-name = Nome
settings-autodiscover = URL Autodiscover (facoltativo)
settings-token-url = URL del token
settings-key-variable = Variabile della chiave di servizio (facoltativa)
settings-origin = Origine
settings-culture = Cultura
settings-culture-follows = Se vuoto: { $culture }, in base alla lingua.
settings-variable-overrides = { $variable } è impostata, quindi viene usato il suo valore.
settings-variable-used = { $variable } è impostata, quindi viene usato { $value }.
settings-network = Rete
settings-network-explain = Proxy: "system" usa HTTPS_PROXY / NO_PROXY, "none" si connette direttamente; in alternativa indichi l'URL di un proxy. Questo computer (la demo integrata) viene sempre raggiunto direttamente.
settings-proxy = Proxy
settings-no-proxy = Nessun proxy per (con un URL di proxy)
settings-ca-file = File dei certificati CA (PEM, facoltativo)
settings-text-size = Dimensione del testo
settings-theme = Tema
settings-theme-system = Usa il tema di sistema
settings-theme-light = Chiaro
settings-theme-dark = Scuro
settings-notifications = Notifiche sul desktop
settings-notifications-explain = Quando la finestra è coperta da altre finestre, riceverà un avviso quando potrà entrare nella riunione, quando la riunione terminerà per lei e quando arriverà un messaggio.
settings-kiosk-session-only = Le modifiche restano valide fino al riavvio dell'app; per renderle permanenti, modifichi il file di configurazione.
kiosk-text-min = Sulla postazione, la dimensione del testo non è mai inferiore a { $scale }.

## Cosa non va in un campo delle impostazioni

problem-service-name-empty = Assegni un nome al servizio di accesso.
problem-service-name-long = Usi al massimo 64 caratteri, senza caratteri di controllo.
problem-service-name-taken = Questo nome è già usato da un altro servizio di accesso.
problem-token-url-not-absolute = Inserisca l'URL completo del token, ad esempio https://join.contoso.com/GetAnonTokenJob.
problem-token-url-not-https = L'URL del token deve usare https:// (http:// solo per localhost).
problem-token-url-no-host = L'URL del token non contiene un nome host.
problem-autodiscover-not-absolute = Inserisca l'URL Autodiscover completo, ad esempio https://lyncdiscover.contoso.com/.
problem-autodiscover-not-https = L'URL Autodiscover deve usare https:// (http:// solo per localhost).
problem-autodiscover-no-host = L'URL Autodiscover non contiene un nome host.
problem-env-name = Usi il nome di una variabile d'ambiente, ad esempio CONTOSO_SERVICE_KEY.
problem-origin = Usi un'origine come https://contoso.com (https, oppure http solo per questo computer; senza percorso).
problem-culture = Usi un tag di lingua come it-IT o en-US.
problem-proxy = Usi "system", "none" o l'URL di un proxy, ad esempio http://proxy.contoso.com:8080.
problem-no-proxy = Elenchi nomi host, indirizzi IP o reti separati da virgole, ad esempio .corp.example, 10.0.0.0/8.
problem-ca-file-path = Indichi il percorso di un file PEM con uno o più certificati CA.
problem-ca-file-unusable = Impossibile usare questo file: { $details }

## Il chiosco

kiosk-welcome = Benvenuti
kiosk-touch-start = Tocchi «Inizia» per parlare con un consulente.
kiosk-start = Inizia
kiosk-choose-language = Scelga la lingua
kiosk-unreachable = Il servizio riunioni al momento non è raggiungibile. Riprovi più tardi o si rivolga al personale.
kiosk-your-name-title = Come si chiama?
kiosk-name-default-hint = Lasci vuoto per partecipare come { $name }
kiosk-join = Partecipa
kiosk-back = Indietro
kiosk-connecting = Collegamento in corso…
kiosk-cancel = Annulla
kiosk-reconnecting-title = Riconnessione
kiosk-reconnecting = La connessione si è interrotta per un attimo. Stiamo ripristinando la chiamata…
kiosk-leave = Esci
kiosk-call-ended = La chiamata è terminata
kiosk-thank-you-visit = Grazie per la visita.
kiosk-not-connected = Spiacenti, impossibile avviare la chiamata
kiosk-try-again-staff = Riprovi oppure si rivolga al personale.
kiosk-cancelled = La chiamata è stata annullata
kiosk-start-again = Può ricominciare in qualsiasi momento.
kiosk-thank-you = Grazie
kiosk-done = Fine
kiosk-countdown = Ritorno all'inizio tra { $seconds } s — tocchi per restare
kiosk-stay = Resta
kiosk-staff-access = Accesso per il personale
kiosk-staff-settings = Impostazioni
kiosk-exit-app = Chiudi l'app
kiosk-settings-between-calls = Le impostazioni si aprono solo senza chiamate in corso.
kiosk-no-pin = Nessun PIN del personale configurato: la postazione non può essere sbloccata qui.
kiosk-pin = PIN
kiosk-locked-for = Bloccato. Riprovi tra { $seconds } s.
kiosk-unlock = Sblocca
kiosk-close = Chiudi
kiosk-pin-wrong = PIN errato (tentativo { $attempt } di { $attempts }).
kiosk-pin-locked = Troppi tentativi errati. Riprovi tra { $seconds } s.
kiosk-pin-none = Nessun PIN del personale configurato.

## Un link della riunione aperto mentre la finestra è già aperta (il link viene passato a questa finestra)

handover-title = Aprire il nuovo link della riunione?
handover-in-meeting = Sta partecipando a una riunione. Se apre il nuovo link, uscirà da questa riunione.
handover-joining = Sta entrando in una riunione. Se apre il nuovo link, l'accesso verrà interrotto.
handover-new-link = Nuovo link: { $link }
handover-open = Esci e apri il link
handover-stay = Resta in questa riunione
handover-stay-hint = Il nuovo link non viene aperto

## Il titolo della finestra, che dice a un ospite che si trova in un'altra finestra che cosa è successo ("… — guest-join")

title-joining = Ingresso nella riunione…
title-lobby = In sala d'attesa
title-in-meeting = In riunione — { $meeting }
title-unread = ({ $count }) { $title }

## Notifiche sul desktop (solo quando la finestra è coperta da altre finestre; mai sul chiosco)

notify-admitted = Ora è nella riunione
notify-admitted-body = Le è stato consentito di entrare ({ $meeting }).
notify-message = Messaggio da { $name }
