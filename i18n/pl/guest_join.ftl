# guest-join — Polski (pl).
#
# Rejestr: uprzejmy, prosty język, jakim bank lub przychodnia zwraca się do klientów; tryb rozkazujący
# w stylu aplikacji bankowych („Sprawdź…”, „Spróbuj ponownie”), unikamy form rodzajowych.
# Terminy: meeting link = link do spotkania; join service = usługa dołączania; meeting service =
# usługa spotkań; lobby = poczekalnia; let you in = wpuścić; organizer = organizator; guest = gość;
# service application = aplikacja usługowa.

## The language itself (shown on the language buttons and in Settings, in the language itself)

language-own-name = Polski

## Durations and counts

duration-seconds = { $seconds } s
duration-minutes-seconds = { $minutes } min { $seconds } s
duration-hours-minutes = { $hours } godz. { $minutes } min

## Why a join failed: a title, and one sentence of what to do

failure-bad-input = Nie można użyć podanego linku do spotkania lub imienia i nazwiska
failure-bad-input-remedy = Sprawdź link w zaproszeniu oraz imię i nazwisko, a następnie spróbuj ponownie.
failure-service-unreachable = Brak połączenia z usługą dołączania
failure-service-unreachable-remedy = Sprawdź połączenie z internetem. Jeśli działa, usługa dołączania organizacji może być niedostępna — spróbuj ponownie później.
failure-service-refused = Usługa dołączania odrzuciła żądanie
failure-service-refused-remedy = Usługa dołączania organizacji nie obsługuje tego spotkania lub tej aplikacji. Skontaktuj się z organizatorem spotkania.
failure-discovery = Nie znaleziono usługi spotkań
failure-discovery-remedy = Usługa spotkań nie przyjęła przekazanych danych logowania. Spróbuj ponownie, a jeśli błąd się powtarza, poinformuj organizatora.
failure-application = Usługa spotkań nie zezwoliła na zalogowanie gościa
failure-application-remedy = Spróbuj ponownie za minutę. Jeśli błąd się powtarza, poinformuj organizatora.
failure-meeting-not-found = Nie znaleziono spotkania
failure-meeting-not-found-remedy = Sprawdź, czy link jest kompletny i czy spotkanie nie zostało odwołane.
failure-not-allowed = Goście nie mogą dołączyć do tego spotkania
failure-not-allowed-remedy = Poproś organizatora o zezwolenie na udział gości (użytkowników anonimowych) lub o odblokowanie spotkania.
failure-anonymous-join-disabled = Ten serwer spotkań nie pozwala gościom dołączać bez konta
failure-anonymous-join-disabled-remedy = Dołączanie anonimowe jest wyłączone dla tego spotkania lub dla całego serwera. Poproś organizatora o zezwolenie na udział gości albo dołącz za pomocą konta Skype for Business.
failure-wrong-conference-key = Serwer spotkań nie zaakceptował klucza tego spotkania
failure-wrong-conference-key-remedy = Sprawdź, czy link jest kompletny (ostatnia część to identyfikator spotkania) i czy spotkanie nadal istnieje. Poproś organizatora o nowy link.
failure-lobby-denied = Organizator nie wpuścił Cię na spotkanie
failure-lobby-denied-remedy = Jeśli to pomyłka, skontaktuj się z organizatorem.
failure-lobby-timeout = Upłynął czas oczekiwania na wpuszczenie
failure-lobby-timeout-remedy = Goście, których nikt nie wpuści, są po pewnym czasie usuwani z poczekalni. Poproś organizatora o zwrócenie uwagi na poczekalnię, a następnie dołącz ponownie.
failure-network = Błąd połączenia sieciowego
failure-network-remedy = Sprawdź połączenie sieciowe (i ustawienia serwera proxy), a następnie spróbuj ponownie.
failure-timeout = Dołączanie trwało zbyt długo
failure-timeout-remedy = Usługa działa wolno lub jest niedostępna. Spróbuj ponownie.
failure-removed = Usunięto Cię ze spotkania
failure-removed-remedy = Organizator usunął Cię ze spotkania. Dołącz ponownie tylko na jego prośbę.
failure-inactive = Usunięto Cię ze spotkania z powodu braku aktywności
failure-inactive-remedy = Usługa spotkań rozłącza gości, których połączenie przez dłuższy czas nie przesyła danych. Sprawdź sieć i dołącz ponownie.
failure-meeting-ended = Spotkanie zostało zakończone
failure-meeting-ended-remedy = Organizator zakończył spotkanie.
failure-connection-lost = Utracono połączenie ze spotkaniem
failure-connection-lost-remedy = Dołącz ponownie do spotkania.
failure-server-error = Wystąpił problem z usługą spotkań
failure-server-error-remedy = Spróbuj ponownie później. Jeśli błąd się powtarza, poinformuj organizatora.
failure-protocol = Usługa spotkań zwróciła nieoczekiwaną odpowiedź
failure-protocol-remedy = Spróbuj ponownie. Jeśli błąd się powtarza, wyślij dane diagnostyczne do pomocy technicznej.

## The steps of a join (the timeline)

step-service-application = Aplikacja usługowa
step-discovery = Wykrywanie
step-autodiscover = Autodiscover
step-web-ticket = Web ticket
step-application = Aplikacja
step-event-channel = Kanał zdarzeń
step-join-request = Żądanie dołączenia
step-lobby = Poczekalnia
step-in-meeting = Na spotkaniu
step-leave = Wyjście

## Where a join is

phase-idle = Gotowe
phase-requesting-token = Uzyskiwanie dostępu od usługi dołączania
phase-discovering = Wyszukiwanie usługi spotkań
phase-creating-application = Logowanie jako gość
phase-joining = Dołączanie do spotkania
phase-in-lobby = Oczekiwanie w poczekalni
phase-in-meeting = Na spotkaniu
phase-reconnecting = Ponowne łączenie
phase-leaving = Opuszczanie spotkania
phase-left = Opuszczono spotkanie
phase-failed = Nie udało się dołączyć
phase-cancelled = Anulowano

## How a join service is reached

flow-service-application = Aplikacja usługowa
flow-direct = Skype for Business Server (bezpośrednio)

## Window header and messages at the top

app-tagline = Dołącz do spotkania jako gość
app-chat-only = Ta aplikacja przekazuje czat spotkania, a jeśli spotkanie to umożliwia, także jego dźwięk przez telefon. Przez komputer nie usłyszysz ani nie zobaczysz spotkania.
settings-button = Ustawienia
banner-dismiss = Zamknij
banner-dismiss-hint = Ukryj ten komunikat
banner-config-unusable = Nie można użyć pliku konfiguracyjnego. { $details }
banner-network-setup-failed = Nie udało się skonfigurować sieci: { $details }
banner-settings-not-saved = Nie udało się zapisać ustawień: { $details }
banner-config-warning = Konfiguracja wymaga sprawdzenia: { $details }

## First run (no join service configured)

demo-banner-title = Wbudowane środowisko demonstracyjne
demo-banner-text = Nie skonfigurowano usługi dołączania, dlatego guest-join korzysta z wbudowanego środowiska demonstracyjnego. Działa ono wyłącznie w tej aplikacji i uruchamia się w chwili dołączenia.
demo-banner-try = Wypróbuj spotkanie demonstracyjne
demo-banner-add-service = Usługę organizacji można dodać w Ustawieniach.

## The join form

form-title = Dołącz do spotkania
form-meeting-link = Link do spotkania
form-meeting-link-hint = Link https://… z zaproszenia albo całe wklejone zaproszenie
form-link-extracted = Link pobrano z wklejonego tekstu (spotkanie na serwerze { $host }).
form-your-name = Imię i nazwisko
form-your-name-hint = Imię i nazwisko widoczne dla innych uczestników
form-join-service = Usługa dołączania
form-service-demo = Wbudowane demo
form-service-demo-direct = Wbudowane demo — Skype for Business Server (bezpośrednio)
form-service-direct-named = { $name } — Skype for Business Server (bezpośrednio)
form-service-direct-adhoc = Skype for Business Server organizacji (bezpośrednio)
form-service-key-unset = Zmienna klucza usługi { $variable } nie jest ustawiona — dołączenie nastąpi bez klucza usługi.
form-join = Dołącz
form-join-disabled-hint = Przycisk Dołącz będzie dostępny po podaniu prawidłowego linku oraz imienia i nazwiska.
form-direct-offer = To spotkanie nie odbywa się w Skype for Business Online. Jeśli jest prowadzone na serwerze Skype for Business Server organizacji, można dołączyć do niego bezpośrednio.
form-join-directly = Dołącz bezpośrednio
form-cancelled = Anulowano dołączanie.
form-cancelled-told = Anulowano dołączanie; usługa spotkań została o tym powiadomiona.
form-cancelled-not-told = Anulowano dołączanie; nie udało się powiadomić usługi spotkań, która usunie gościa po pewnym czasie.
form-left-told = Opuszczono spotkanie; usługa spotkań została o tym powiadomiona.
form-left-not-told = Opuszczono spotkanie; nie udało się powiadomić usługi spotkań, która usunie gościa po pewnym czasie.
form-bad-service = Adres usługi dołączania { $name } jest nieprawidłowy — popraw go w Ustawieniach.

## What is wrong with a meeting link or a name (shown under the field)

link-empty = Wklej link do spotkania z zaproszenia.
link-sip-uri = To jest adres Skype (sip:), a nie link do spotkania. Wklej link https:// z zaproszenia albo dołącz bezpośrednio za pomocą adresu konferencji (Skype for Business Server).
link-not-https = Link do spotkania musi zaczynać się od https://. Ten zaczyna się od { $scheme }://.
link-not-a-url = To nie wygląda na link. Wklej link https:// z zaproszenia.
link-no-meeting-link = Tekst nie zawiera linku do spotkania. Wklej link https:// z zaproszenia.
link-several-links = Tekst zawiera kilka różnych linków do spotkań. Wklej tylko link do spotkania, do którego chcesz dołączyć.
link-no-path = Link nie wskazuje spotkania (zawiera tylko nazwę hosta). Wklej cały link do spotkania.
link-too-long = Link jest za długi jak na link do spotkania.
link-has-credentials = Link do spotkania nie może zawierać nazwy użytkownika ani hasła.
link-online-for-direct = To link do Skype for Business Online. Do spotkań Online dołącza się przez aplikację usługową organizacji, a nie bezpośrednio.
link-not-simple-url = Ten link nie ma postaci linku do spotkania Skype for Business Server (https://meet.<domena>/<organizator>/<identyfikator spotkania>). Zamiast niego wklej adres konferencji (sip:…;gruu;opaque=app:conf:focus:id:…).
link-no-domain = Host spotkania jest adresem IP, więc domena organizatora jest nieznana. Zamiast linku wklej adres konferencji (sip:…).
name-empty = Wpisz imię i nazwisko, które zobaczą inni uczestnicy.
name-too-long = Imię i nazwisko jest za długie (liczba znaków: { $chars }, maksymalnie: { $max }).
name-control-character = Imię i nazwisko zawiera znak sterujący (np. tabulator lub znak nowego wiersza) — usuń go.

## Joining: the timeline

joining-title = Dołączanie do spotkania na serwerze { $host }
joining-as-via = Jako { $name } · przez { $service }
joining-starting = Rozpoczynanie…
joining-cancel = Anuluj
joining-cancel-hint = Przerwij dołączanie (Esc)
step-state-pending = oczekuje
step-state-running = w toku
step-state-done = zakończono
step-state-failed = błąd
step-state-stopped = przerwano
step-retries = { $count ->
    [one] { $count } ponowna próba
    [few] { $count } ponowne próby
    [many] { $count } ponownych prób
   *[other] { $count } ponownej próby
}
step-no-requests = Brak żądań HTTP w tym kroku.
step-hide-requests = Ukryj żądania
step-show-requests = { $count ->
    [one] Pokaż żądanie tego kroku
    [few] Pokaż { $count } żądania tego kroku
    [many] Pokaż { $count } żądań tego kroku
   *[other] Pokaż { $count } żądania tego kroku
}
step-earlier-requests = { $count ->
    [one] Nie pokazano jednego wcześniejszego żądania.
    [few] Nie pokazano { $count } wcześniejszych żądań.
    [many] Nie pokazano { $count } wcześniejszych żądań.
   *[other] Nie pokazano { $count } wcześniejszego żądania.
}
exchange-no-answer = brak odpowiedzi
exchange-no-answer-because = brak odpowiedzi: { $error }
exchange-request = Żądanie
exchange-request-body = Treść żądania
exchange-response = Odpowiedź
exchange-response-body = Treść odpowiedzi
exchange-error = Błąd
join-steps = Etapy dołączania

## The lobby

lobby-title = Oczekiwanie na wpuszczenie przez organizatora
lobby-where = Jesteś w poczekalni ({ $meeting }) jako { $name }.
lobby-meeting-on = spotkanie na serwerze { $host }
lobby-waited = Czas oczekiwania: { $duration }
lobby-explain = Ktoś ze spotkania musi Cię wpuścić. Goście, których nikt nie wpuści, są po pewnym czasie usuwani z poczekalni — można wtedy spróbować ponownie.
lobby-cancel-hint = Zakończ oczekiwanie (Esc)

## In the meeting

meeting-on = Spotkanie na serwerze { $host }
meeting-organizer = Organizator: { $name }
meeting-leaving = Opuszczanie spotkania…
meeting-reconnecting = Ponowne łączenie…
meeting-reconnecting-attempt = Ponowne łączenie… próba { $attempt } z { $attempts }
meeting-connection-good = Dobre połączenie
meeting-you-are-in = Jesteś na spotkaniu jako { $name }.
meeting-connection-lost-because = Utracono połączenie: { $reason }
meeting-leave = Wyjdź
meeting-leave-hint = Opuść spotkanie
roster-title = Uczestnicy ({ $count })
roster-you = { $name } (Ty)
roster-on-phone = przez telefon
# The roster's counts, shown side by side under its title.
roster-count-leaders = { $count ->
    [one] { $count } organizator
    [few] { $count } organizatorów
    [many] { $count } organizatorów
   *[other] { $count } organizatora
}
roster-count-attendees = { $count ->
    [one] { $count } uczestnik
    [few] { $count } uczestników
    [many] { $count } uczestników
   *[other] { $count } uczestnika
}
roster-count-lobby = { $count } w poczekalni
# Headings inside the list of participants.
roster-section-leaders = Organizatorzy ({ $count })
roster-section-attendees = Uczestnicy ({ $count })
roster-section-lobby = W poczekalni ({ $count })
roster-find = Znajdź uczestnika
roster-find-hint = Wpisz część imienia lub nazwiska
roster-find-none = Brak uczestników pasujących do „{ $text }”.
chat-title = Czat
chat-empty = Nie ma jeszcze wiadomości.
chat-you = Ty
chat-sending = wysyłanie…
chat-delivered = dostarczono
chat-not-delivered = nie dostarczono
chat-typing-one = { $name } pisze…
chat-typing-two = { $first } i { $second } piszą…
chat-typing-many = { $count ->
    [one] { $count } osoba pisze…
    [few] { $count } osoby piszą…
    [many] { $count } osób pisze…
   *[other] { $count } osoby pisze…
}
chat-message = Wiadomość
chat-message-hint = Wpisz wiadomość i naciśnij Enter, aby wysłać
chat-send = Wyślij
chat-send-hint = Wyślij wiadomość do wszystkich uczestników spotkania
chat-connecting = Łączenie z czatem…
# A button over the end of the chat while the guest reads older messages; it goes to the latest.
chat-new-messages = { $count ->
    [one] { $count } nowa wiadomość ↓
    [few] { $count } nowe wiadomości ↓
    [many] { $count } nowych wiadomości ↓
   *[other] { $count } nowej wiadomości ↓
}
chat-new-messages-hint = Przejdź do najnowszej wiadomości
# At the top of a long chat: the oldest messages are no longer kept.
chat-older-dropped = { $count ->
    [one] Jedna starsza wiadomość nie jest już wyświetlana.
    [few] { $count } starsze wiadomości nie są już wyświetlane.
    [many] { $count } starszych wiadomości nie jest już wyświetlanych.
   *[other] { $count } starszej wiadomości nie jest już wyświetlane.
}

## Hearing the meeting by phone: the meeting's dial-in numbers (the app itself carries chat only)

dial-in-title = Słuchaj przez telefon
dial-in-explain = Aby słuchać spotkania, zadzwoń z telefonu pod jeden z tych numerów. Gdy pojawi się prośba, wpisz identyfikator konferencji i naciśnij krzyżyk (#).
dial-in-explain-no-id = Aby słuchać spotkania, zadzwoń z telefonu pod jeden z tych numerów.
dial-in-main-number = { $region } (numer główny)
dial-in-copy = Kopiuj
dial-in-copied = Skopiowano
dial-in-copy-hint = Kopiuje { $dial }: numer, krótką pauzę i identyfikator konferencji — gotowe do wybrania w telefonie lub aplikacji do połączeń.
dial-in-conference-id = Identyfikator konferencji: { $id }
dial-in-find-local = Znajdź numer lokalny
dial-in-provider = Usługa audiokonferencji tego spotkania
dial-in-toll-free = Bezpłatne połączenie
dial-in-toll = Opłata standardowa
dial-in-passcode = Kod dostępu: { $code }

## "Call me": the meeting rings the guest's phone (in the meeting, where the organizer allows it)

call-me-title = Niech spotkanie zadzwoni na Twój telefon
call-me-explain = Wpisz swój numer telefonu, a spotkanie do Ciebie zadzwoni. Odbierz, a usłyszysz spotkanie w telefonie.
call-me-number = Twój numer telefonu
call-me-number-hint = np. +49 30 1234567
call-me-button = Zadzwoń do mnie
call-me-booth-button = Zadzwoń na telefon przy tym stanowisku
call-me-remember = Zapamiętaj ten numer na tym komputerze
call-me-ringing = Trwa łączenie z numerem { $number }… Odbierz telefon, aby słyszeć spotkanie.
call-me-connected = Telefon jest połączony: słyszysz w nim spotkanie.
call-me-ended = Połączenie telefoniczne zostało zakończone.
call-me-hang-up = Rozłącz
call-me-hang-up-hint = Zakończ połączenie telefoniczne (nadal jesteś na spotkaniu i na czacie)
call-me-codes = Szczegóły: { $details }
call-me-failed-not-allowed = To spotkanie nie dzwoni na telefony gości. Zamiast tego możesz się wdzwonić: zobacz „Słuchaj przez telefon”.
call-me-failed-busy = Twój numer był zajęty. Spróbuj ponownie lub użyj innego numeru.
call-me-failed-no-answer = Nikt nie odebrał telefonu. Spróbuj ponownie, gdy telefon będzie pod ręką.
call-me-failed-declined = Połączenie zostało odrzucone na telefonie.
call-me-failed-bad-number = Spotkanie nie mogło wybrać tego numeru. Sprawdź go i spróbuj ponownie.
call-me-failed-unavailable = Spotkanie nie może teraz do Ciebie zadzwonić.
call-me-failed-connection-lost = Rozmowa telefoniczna została przerwana, bo utracono połączenie ze spotkaniem. Możesz ponownie poprosić o połączenie.
call-me-failed-other = Nie udało się nawiązać połączenia. Spróbuj ponownie później.
call-me-error-empty = Wpisz swój numer telefonu.
call-me-error-not-a-number = Numer telefonu może zawierać tylko cyfry, spacje, myślniki, nawiasy i znak + na początku.
call-me-error-needs-country = Dodaj na początku numer kierunkowy kraju, np. +49.
call-me-error-invalid = Na ten numer nie można zadzwonić. Sprawdź go i spróbuj ponownie.

## The end of a session

ended-cancelled = Anulowano dołączanie
ended-cancelled-remedy = Dołącz ponownie, aby spróbować jeszcze raz, lub wróć, aby dołączyć do innego spotkania.
ended-left = Opuszczono spotkanie
ended-left-remedy = Dołącz ponownie za pomocą tego samego linku lub wróć, aby dołączyć do innego spotkania.
ended-error-id = Identyfikator błędu: { $id }
ended-code = kod { $code }
ended-subcode = kod szczegółowy { $subcode }
ended-details = Szczegóły: { $details }
ended-cleaning-up = Zamykanie sesji…
ended-not-told = Nie udało się powiadomić usługi spotkań o wyjściu; usunie ona gościa po pewnym czasie.
ended-rejoin = Dołącz ponownie
ended-rejoin-hint = Dołącz ponownie do tego samego spotkania
ended-back = Wróć
ended-back-hint = Wróć do formularza dołączania
ended-copy-diagnostics = Kopiuj dane diagnostyczne
ended-copy-diagnostics-hint = Skopiuj dla pomocy technicznej podsumowanie bez poufnych danych
ended-copied = Skopiowano dane diagnostyczne do schowka.
export-har = Eksportuj HAR…
export-har-hint = Zapisz wszystkie wymiany HTTP z tej sesji jako plik HAR (z zamaskowanymi tokenami)
export-diagnostics = Zapisz dane diagnostyczne…
export-diagnostics-hint = Zapisz plik zip dla pomocy technicznej: wersje, ustawienia bez poufnych danych, etapy, HAR, zdarzenia
export-saved = Zapisano: { $path }
export-saved-no-dialog = Okno wyboru pliku jest niedostępne w tym środowisku. Zapisano: { $path }
export-failed-har = Nie udało się zapisać pliku HAR: { $details }
export-failed-diagnostics = Nie udało się zapisać danych diagnostycznych: { $details }
export-dialog-har = Eksportuj HAR
export-dialog-diagnostics = Zapisz dane diagnostyczne
export-filter-har = Archiwum HAR
export-filter-zip = Archiwum zip

## Settings

settings-title = Ustawienia
settings-save = Zapisz
settings-back = Wróć bez zapisywania
settings-fix-fields = Popraw zaznaczone pola i zapisz ponownie.
settings-language = Język
settings-language-system = Język systemu ({ $language })
settings-services = Usługi dołączania
settings-services-explain = Adres URL tokenu aplikacji usługowej organizacji albo Skype for Business Server z dołączaniem bezpośrednim (Autodiscover zaczyna od https://lyncdiscover.<domena organizatora>/, chyba że zostanie podany inny adres URL). Klucz usługi nigdy nie jest zapisywany — podaj nazwę zmiennej środowiskowej, w której jest przechowywany.
settings-services-none = Brak — używane jest wbudowane demo.
settings-service-add = Dodaj usługę dołączania
settings-service-number = Usługa dołączania { $number }
settings-service-remove = Usuń usługę dołączania { $number }
settings-service-kind = Rodzaj usługi dołączania { $number }
settings-kind-service = Aplikacja usługowa
settings-kind-direct = Skype for Business Server (bezpośrednio)
settings-name = Nazwa
settings-autodiscover = Adres URL Autodiscover (opcjonalnie)
settings-token-url = Adres URL tokenu
settings-key-variable = Zmienna klucza usługi (opcjonalnie)
settings-origin = Źródło (Origin)
settings-culture = Ustawienia regionalne
settings-culture-follows = Pole puste: { $culture } (zgodnie z językiem).
settings-variable-overrides = Zmienna { $variable } jest ustawiona, więc używana jest jej wartość.
settings-variable-used = Zmienna { $variable } jest ustawiona, więc używana jest wartość { $value }.
settings-network = Sieć
settings-network-explain = Serwer proxy: "system" oznacza użycie HTTPS_PROXY / NO_PROXY, "none" — połączenie bezpośrednie; można też podać adres URL serwera proxy. Z tym komputerem (wbudowane demo) aplikacja zawsze łączy się bezpośrednio.
settings-proxy = Serwer proxy
settings-no-proxy = Bez serwera proxy dla (gdy podano adres URL proxy)
settings-ca-file = Plik certyfikatów CA (PEM, opcjonalnie)
settings-text-size = Rozmiar tekstu
settings-theme = Motyw
settings-theme-system = Zgodnie z systemem
settings-theme-light = Jasny
settings-theme-dark = Ciemny
settings-notifications = Powiadomienia na pulpicie
settings-notifications-explain = Gdy okno jest zasłonięte innymi oknami, aplikacja powiadomi Cię o wpuszczeniu na spotkanie, o zakończeniu Twojego udziału w spotkaniu i o nowej wiadomości.
settings-kiosk-session-only = Zmiany obowiązują do ponownego uruchomienia aplikacji. Aby je zachować, zmień plik konfiguracyjny.
kiosk-text-min = W trybie kiosku rozmiar tekstu wynosi zawsze co najmniej { $scale }.

## What is wrong with a settings field

problem-service-name-empty = Nadaj nazwę usłudze dołączania.
problem-service-name-long = Użyj maksymalnie 64 znaków, bez znaków sterujących.
problem-service-name-taken = Inna usługa dołączania ma już tę nazwę.
problem-token-url-not-absolute = Wpisz pełny adres URL tokenu, np. https://join.contoso.com/GetAnonTokenJob.
problem-token-url-not-https = Adres URL tokenu musi używać https:// (http:// tylko dla localhost).
problem-token-url-no-host = Adres URL tokenu nie zawiera nazwy hosta.
problem-autodiscover-not-absolute = Wpisz pełny adres URL Autodiscover, np. https://lyncdiscover.contoso.com/.
problem-autodiscover-not-https = Adres URL Autodiscover musi używać https:// (http:// tylko dla localhost).
problem-autodiscover-no-host = Adres URL Autodiscover nie zawiera nazwy hosta.
problem-env-name = Podaj nazwę zmiennej środowiskowej, np. CONTOSO_SERVICE_KEY.
problem-origin = Podaj źródło w postaci np. https://contoso.com (https albo http tylko dla tego komputera; bez ścieżki).
problem-culture = Podaj znacznik języka, np. pl-PL lub en-US.
problem-proxy = Wpisz "system", "none" lub adres URL serwera proxy, np. http://proxy.contoso.com:8080.
problem-no-proxy = Podaj nazwy hostów, adresy IP lub sieci rozdzielone przecinkami, np. .corp.example, 10.0.0.0/8.
problem-ca-file-path = Podaj ścieżkę pliku PEM z co najmniej jednym certyfikatem CA.
problem-ca-file-unusable = Nie można użyć tego pliku: { $details }

## The kiosk

kiosk-welcome = Witamy
kiosk-touch-start = Dotknij przycisku „Rozpocznij”, aby porozmawiać z doradcą.
kiosk-start = Rozpocznij
kiosk-choose-language = Wybierz język
kiosk-unreachable = Nie można teraz nawiązać połączenia. Spróbuj ponownie później lub poproś o pomoc pracownika.
kiosk-your-name-title = Podaj imię i nazwisko
kiosk-name-default-hint = Zostaw puste pole, aby dołączyć jako { $name }
kiosk-join = Dołącz
kiosk-back = Wróć
kiosk-connecting = Łączenie…
kiosk-cancel = Anuluj
kiosk-reconnecting-title = Ponowne łączenie
kiosk-reconnecting = Połączenie zostało na chwilę przerwane. Trwa ponowne łączenie ze spotkaniem…
kiosk-leave = Zakończ
kiosk-call-ended = Rozmowa zakończona
kiosk-thank-you-visit = Dziękujemy za wizytę.
kiosk-not-connected = Niestety nie udało się nawiązać połączenia
kiosk-try-again-staff = Spróbuj ponownie lub poproś o pomoc pracownika.
kiosk-cancelled = Rozmowa została anulowana
kiosk-start-again = Możesz zacząć od nowa w każdej chwili.
kiosk-thank-you = Dziękujemy
kiosk-done = Gotowe
kiosk-countdown = Powrót do ekranu startowego za { $seconds } s — dotknij, aby kontynuować
kiosk-stay = Kontynuuj
kiosk-staff-access = Dostęp dla personelu
kiosk-staff-settings = Ustawienia
kiosk-exit-app = Zamknij aplikację
kiosk-settings-between-calls = Ustawienia można otworzyć, gdy nie trwa żadna rozmowa.
kiosk-no-pin = W konfiguracji nie ustawiono kodu PIN personelu, więc nie można tu odblokować stanowiska.
kiosk-pin = PIN
kiosk-locked-for = Zablokowano. Spróbuj ponownie za { $seconds } s.
kiosk-unlock = Odblokuj
kiosk-close = Zamknij
kiosk-pin-wrong = Błędny PIN (próba { $attempt } z { $attempts }).
kiosk-pin-locked = Zbyt wiele błędnych prób. Spróbuj ponownie za { $seconds } s.
kiosk-pin-none = W konfiguracji nie ustawiono kodu PIN personelu.

## A meeting link opened while the window is already open (the link is handed to this window)

handover-title = Otworzyć nowy link do spotkania?
handover-in-meeting = Jesteś na spotkaniu. Otwarcie nowego linku oznacza opuszczenie tego spotkania.
handover-joining = Trwa dołączanie do spotkania. Otwarcie nowego linku przerwie dołączanie.
handover-new-link = Nowy link: { $link }
handover-open = Wyjdź i otwórz link
handover-stay = Zostań na tym spotkaniu
handover-stay-hint = Nowy link nie zostanie otwarty

## The window title, which tells a guest in another window what happened ("… — guest-join")

title-joining = Dołączanie do spotkania…
title-lobby = Oczekiwanie w poczekalni
title-in-meeting = Na spotkaniu — { $meeting }
title-unread = ({ $count }) { $title }

## Desktop notifications (only while the window is behind other windows; never on a kiosk)

notify-admitted = Jesteś na spotkaniu
notify-admitted-body = Wpuszczono Cię ({ $meeting }).
notify-message = Wiadomość od { $name }
