# guest-join — Français.
#
# Registre : le français poli et simple qu’une banque ou une clinique emploie avec ses clients
# (vouvoiement). La personne qui anime la réunion est « l’organisateur ». Termes : « lien de la
# réunion », « service de participation », « salle d’attente », « admettre ».

## La langue elle-même (sur les boutons de langue et dans les Paramètres, dans la langue elle-même)

language-own-name = Français

## Durées et nombres

duration-seconds = { $seconds } s
duration-minutes-seconds = { $minutes } min { $seconds } s
duration-hours-minutes = { $hours } h { $minutes } min

## Pourquoi une connexion a échoué : un titre, et une phrase sur ce qu’il faut faire

failure-bad-input = Le lien de la réunion ou le nom ne peut pas être utilisé
failure-bad-input-remedy = Vérifiez le lien figurant dans votre invitation ainsi que votre nom, puis réessayez.
failure-service-unreachable = Le service de participation est inaccessible
failure-service-unreachable-remedy = Vérifiez votre connexion Internet. Si elle fonctionne, le service de participation de l’organisation est peut-être indisponible : réessayez plus tard.
failure-service-refused = Le service de participation a refusé la demande
failure-service-refused-remedy = Le service de participation de l’organisation n’accepte pas cette réunion ou cette application. Contactez l’organisateur de la réunion.
failure-discovery = Le service de réunion est introuvable
failure-discovery-remedy = Le service de réunion n’a pas accepté les informations de connexion transmises. Réessayez, et prévenez l’organisateur si le problème persiste.
failure-application = Le service de réunion n’a pas autorisé la connexion de l’invité
failure-application-remedy = Réessayez dans une minute. Prévenez l’organisateur si le problème persiste.
failure-meeting-not-found = La réunion est introuvable
failure-meeting-not-found-remedy = Vérifiez que le lien est complet et que la réunion n’a pas été annulée.
failure-not-allowed = Les invités ne sont pas autorisés dans cette réunion
failure-not-allowed-remedy = Demandez à l’organisateur d’autoriser les invités (utilisateurs anonymes) ou de déverrouiller la réunion.
failure-anonymous-join-disabled = Ce serveur de réunion ne permet pas aux invités de participer sans compte
failure-anonymous-join-disabled-remedy = La participation anonyme est désactivée pour cette réunion ou pour tout le serveur. Demandez à l’organisateur d’autoriser les invités, ou participez avec un compte Skype for Business.
failure-wrong-conference-key = Le serveur de réunion n’a pas accepté la clé de cette réunion
failure-wrong-conference-key-remedy = Vérifiez que le lien est complet (la dernière partie est l’ID de la réunion) et que la réunion existe toujours. Demandez un nouveau lien à l’organisateur.
failure-lobby-denied = L’organisateur ne vous a pas admis
failure-lobby-denied-remedy = Contactez l’organisateur si vous pensez qu’il s’agit d’une erreur.
failure-lobby-timeout = Personne ne vous a admis
failure-lobby-timeout-remedy = Les invités qui ne sont pas admis sont retirés au bout d’un moment. Demandez à l’organisateur d’être attentif à votre arrivée, puis rejoignez de nouveau la réunion.
failure-network = La connexion réseau a échoué
failure-network-remedy = Vérifiez votre connexion réseau (et vos paramètres de proxy), puis réessayez.
failure-timeout = La connexion à la réunion a pris trop de temps
failure-timeout-remedy = Le service est lent ou inaccessible. Réessayez.
failure-removed = Vous avez été retiré de la réunion
failure-removed-remedy = Un organisateur vous a retiré. Ne rejoignez de nouveau la réunion que si on vous l’a demandé.
failure-inactive = Vous avez été retiré pour inactivité
failure-inactive-remedy = Le service de réunion retire les invités dont la connexion n’envoie plus rien. Vérifiez le réseau, puis rejoignez de nouveau la réunion.
failure-meeting-ended = La réunion est terminée
failure-meeting-ended-remedy = L’organisateur a mis fin à la réunion.
failure-connection-lost = La connexion à la réunion a été perdue
failure-connection-lost-remedy = Rejoignez de nouveau la réunion.
failure-server-error = Le service de réunion a rencontré un problème
failure-server-error-remedy = Réessayez plus tard. Prévenez l’organisateur si le problème persiste.
failure-protocol = Le service de réunion a renvoyé une réponse inattendue
failure-protocol-remedy = Réessayez. Si le problème persiste, envoyez les diagnostics au support technique.

## Les étapes d’une connexion (la chronologie)

step-service-application = Application de service
step-discovery = Découverte du service
step-autodiscover = Découverte automatique
step-web-ticket = Ticket web
step-application = Application
step-event-channel = Canal d’événements
step-join-request = Demande de participation
step-lobby = Salle d’attente
step-in-meeting = En réunion
step-leave = Départ

## Où en est la connexion

phase-idle = Prêt
phase-requesting-token = Demande d’accès au service de participation
phase-discovering = Recherche du service de réunion
phase-creating-application = Connexion en tant qu’invité
phase-joining = Connexion à la réunion
phase-in-lobby = En salle d’attente
phase-in-meeting = En réunion
phase-reconnecting = Reconnexion
phase-leaving = Départ de la réunion
phase-left = Vous avez quitté la réunion
phase-failed = Impossible de rejoindre la réunion
phase-cancelled = Annulé

## Comment le service de participation est joint

flow-service-application = Application de service
flow-direct = Skype for Business Server (direct)

## En-tête de la fenêtre et messages en haut

app-tagline = Rejoindre une réunion en tant qu’invité
app-chat-only = Cette application transmet les messages écrits de la réunion et, lorsque la réunion le propose, le son par téléphone. Vous ne pourrez ni entendre ni voir la réunion sur l’ordinateur.
settings-button = Paramètres
banner-dismiss = Fermer
banner-dismiss-hint = Masquer ce message
banner-config-unusable = Le fichier de configuration n’a pas pu être utilisé. { $details }
banner-network-setup-failed = La configuration du réseau a échoué : { $details }
banner-settings-not-saved = Les paramètres n’ont pas pu être enregistrés : { $details }
banner-config-warning = La configuration doit être vérifiée : { $details }

## Premier lancement (aucun service de participation configuré)

demo-banner-title = Environnement de démonstration intégré
demo-banner-text = Aucun service de participation n’est configuré : guest-join utilise donc son environnement de démonstration intégré. Celui-ci fonctionne uniquement dans cette application et démarre lorsque vous rejoignez une réunion.
demo-banner-try = Essayer une réunion de démonstration
demo-banner-add-service = Ajoutez le service de votre organisation dans les Paramètres.

## Le formulaire de connexion

form-title = Rejoindre une réunion
form-meeting-link = Lien de la réunion
form-meeting-link-hint = https://… figurant dans votre invitation, ou collez l’invitation entière
form-link-extracted = Lien extrait du texte collé (réunion sur { $host }).
form-your-name = Votre nom
form-your-name-hint = Le nom que verront les autres participants
form-join-service = Service de participation
form-service-demo = Démo intégrée
form-service-demo-direct = Démo intégrée — Skype for Business Server (direct)
form-service-direct-named = { $name } — Skype for Business Server (direct)
form-service-direct-adhoc = Skype for Business Server de votre organisation (direct)
form-service-key-unset = La variable de la clé de service, { $variable }, n’est pas définie ; la connexion se fera sans clé de service.
form-join = Rejoindre
form-join-disabled-hint = Le bouton Rejoindre devient disponible dès que le lien et le nom sont valides.
form-direct-offer = Cette réunion n’a pas lieu sur Skype for Business Online. Si elle se trouve sur le Skype for Business Server de votre organisation, vous pouvez la rejoindre directement.
form-join-directly = Rejoindre directement
form-cancelled = La connexion à la réunion a été annulée.
form-cancelled-told = La connexion a été annulée ; le service de réunion en a été informé.
form-cancelled-not-told = La connexion a été annulée ; le service de réunion n’a pas pu en être informé, mais il oubliera l’invité au bout d’un moment.
form-left-told = Vous avez quitté la réunion ; le service de réunion en a été informé.
form-left-not-told = Vous avez quitté la réunion ; le service de réunion n’a pas pu en être informé, mais il oubliera l’invité au bout d’un moment.
form-bad-service = L’adresse du service de participation { $name } n’est pas valide ; corrigez-la dans les Paramètres.

## Ce qui ne va pas dans un lien de réunion ou un nom (affiché sous le champ)

link-empty = Collez le lien de la réunion figurant dans votre invitation.
link-sip-uri = Ceci est une adresse Skype (sip:), pas un lien de réunion. Collez le lien https:// de l’invitation, ou participez directement via une adresse de conférence (Skype for Business Server).
link-not-https = Les liens de réunion doivent commencer par https://. Celui-ci utilise { $scheme }://.
link-not-a-url = Ceci ne ressemble pas à un lien. Collez le lien https:// de votre invitation.
link-no-meeting-link = Le texte ne contient aucun lien de réunion. Collez le lien https:// de votre invitation.
link-several-links = Le texte contient plusieurs liens de réunion différents. Collez uniquement celui de la réunion que vous souhaitez rejoindre.
link-no-path = Le lien ne désigne aucune réunion (seulement un nom d’hôte). Collez le lien complet.
link-too-long = Le lien est trop long pour être un lien de réunion.
link-has-credentials = Les liens de réunion ne doivent contenir ni nom d’utilisateur ni mot de passe.
link-online-for-direct = Ceci est un lien Skype for Business Online ; les réunions Online se rejoignent via l’application de service de l’organisation, pas directement.
link-not-simple-url = Ce lien n’a pas la forme d’un lien de réunion Skype for Business Server (https://meet.<domaine>/<organisateur>/<ID de réunion>). Collez plutôt l’adresse de conférence (sip:…;gruu;opaque=app:conf:focus:id:…).
link-no-domain = L’hôte de la réunion est une adresse IP : le domaine de l’organisateur est donc inconnu. Collez plutôt l’adresse de conférence (sip:…).
name-empty = Saisissez le nom que verront les autres participants.
name-too-long = Le nom est trop long ({ $chars } caractères) ; { $max } au maximum.
name-control-character = Le nom contient un caractère de contrôle (comme une tabulation ou un saut de ligne) ; supprimez-le.

## Connexion : la chronologie

joining-title = Connexion à la réunion sur { $host }
joining-as-via = En tant que { $name } · via { $service }
joining-starting = Démarrage…
joining-cancel = Annuler
joining-cancel-hint = Arrêter la connexion (Esc)
step-state-pending = en attente
step-state-running = en cours
step-state-done = terminé
step-state-failed = échec
step-state-stopped = arrêté
step-retries = { $count ->
    [one] { $count } nouvelle tentative
   *[other] { $count } nouvelles tentatives
}
step-no-requests = Aucune requête HTTP dans cette étape.
step-hide-requests = Masquer les requêtes
step-show-requests = { $count ->
    [one] Afficher la requête de cette étape
   *[other] Afficher les { $count } requêtes de cette étape
}
step-earlier-requests = { $count ->
    [one] { $count } requête antérieure non affichée.
   *[other] { $count } requêtes antérieures non affichées.
}
exchange-no-answer = aucune réponse
exchange-no-answer-because = aucune réponse : { $error }
exchange-request = Requête
exchange-request-body = Corps de la requête
exchange-response = Réponse
exchange-response-body = Corps de la réponse
exchange-error = Erreur
join-steps = Étapes de la connexion

## La salle d’attente

lobby-title = Veuillez patienter : l’organisateur doit vous admettre
lobby-where = Vous êtes en salle d’attente ({ $meeting }) sous le nom { $name }.
lobby-meeting-on = réunion sur { $host }
lobby-waited = Temps d’attente : { $duration }
lobby-explain = Une personne présente dans la réunion doit vous admettre. Les invités qui ne sont pas admis sont retirés de la salle d’attente au bout d’un moment ; vous pourrez alors réessayer.
lobby-cancel-hint = Arrêter d’attendre (Esc)

## En réunion

meeting-on = Réunion sur { $host }
meeting-organizer = Organisateur : { $name }
meeting-leaving = Départ de la réunion…
meeting-reconnecting = Reconnexion…
meeting-reconnecting-attempt = Reconnexion… tentative { $attempt } sur { $attempts }
meeting-connection-good = Bonne connexion
meeting-you-are-in = Vous participez à la réunion sous le nom { $name }.
meeting-connection-lost-because = Connexion perdue : { $reason }
meeting-leave = Quitter
meeting-leave-hint = Quitter la réunion
roster-title = Participants ({ $count })
roster-you = { $name } (vous)
roster-on-phone = par téléphone
# Les nombres de la liste des participants, côte à côte sous son titre.
roster-count-leaders = { $count ->
    [one] { $count } organisateur
   *[other] { $count } organisateurs
}
roster-count-attendees = { $count ->
    [one] { $count } participant
   *[other] { $count } participants
}
roster-count-lobby = { $count } en salle d’attente
# Titres dans la liste des participants.
roster-section-leaders = Organisateurs ({ $count })
roster-section-attendees = Participants ({ $count })
roster-section-lobby = En salle d’attente ({ $count })
roster-find = Rechercher un participant
roster-find-hint = Saisissez une partie d’un nom
roster-find-none = Aucun participant ne correspond à « { $text } ».
chat-title = Conversation
chat-empty = Aucun message pour l’instant.
chat-you = Vous
chat-sending = envoi en cours…
chat-delivered = remis
chat-not-delivered = non remis
chat-typing-one = { $name } est en train d’écrire…
chat-typing-two = { $first } et { $second } sont en train d’écrire…
chat-typing-many = { $count } personnes sont en train d’écrire…
chat-message = Message
chat-message-hint = Saisissez un message ; appuyez sur Entrée pour l’envoyer
chat-send = Envoyer
chat-send-hint = Envoyer le message à tous les participants de la réunion
chat-connecting = Connexion à la conversation…
# Un bouton au bas de la conversation pendant que l’invité lit des messages plus anciens ; il mène au plus récent.
chat-new-messages = { $count ->
    [one] { $count } nouveau message ↓
   *[other] { $count } nouveaux messages ↓
}
chat-new-messages-hint = Aller au dernier message
# En haut d’une longue conversation : les messages les plus anciens ne sont plus conservés.
chat-older-dropped = { $count ->
    [one] { $count } ancien message n’est plus affiché.
   *[other] { $count } anciens messages ne sont plus affichés.
}

## Écouter la réunion par téléphone : les numéros d’accès téléphonique de la réunion (l’application elle-même ne transmet que les messages écrits)

dial-in-title = Écouter par téléphone
dial-in-explain = Pour écouter la réunion, appelez l’un de ces numéros depuis un téléphone. Lorsque cela vous est demandé, composez l’ID de conférence suivi de la touche dièse (#).
dial-in-explain-no-id = Pour écouter la réunion, appelez l’un de ces numéros depuis un téléphone.
dial-in-main-number = { $region } (numéro principal)
dial-in-copy = Copier
dial-in-copied = Copié
dial-in-copy-hint = Copie { $dial } : le numéro, une courte pause et l’ID de conférence, à composer tel quel sur un téléphone ou dans une application d’appel.
dial-in-conference-id = ID de conférence : { $id }
dial-in-find-local = Trouver un numéro local
dial-in-provider = Service d’audioconférence de la réunion
dial-in-toll-free = Appel gratuit
dial-in-toll = Tarif normal
dial-in-passcode = Code d’accès : { $code }

## « Appelez-moi » : la réunion appelle le téléphone de l’invité (en réunion, lorsque l’organisateur l’autorise)

call-me-title = Recevoir un appel de la réunion
call-me-explain = Saisissez votre numéro de téléphone et la réunion vous appellera. Décrochez : vous entendrez la réunion sur votre téléphone.
call-me-number = Votre numéro de téléphone
call-me-number-hint = p. ex. +49 30 1234567
call-me-button = Appelez-moi
call-me-booth-button = Appeler le téléphone de cette borne
call-me-remember = Mémoriser ce numéro sur cet ordinateur
call-me-ringing = Appel au { $number } en cours… Décrochez pour entendre la réunion.
call-me-connected = Votre téléphone est connecté : vous y entendez la réunion.
call-me-ended = L’appel téléphonique est terminé.
call-me-hang-up = Raccrocher
call-me-hang-up-hint = Mettre fin à l’appel (vous restez dans la réunion et dans la conversation)
call-me-codes = Détails : { $details }
call-me-failed-not-allowed = Cette réunion n’appelle pas le téléphone des invités. Vous pouvez appeler vous-même : voir « Écouter par téléphone ».
call-me-failed-busy = Votre ligne était occupée. Réessayez ou utilisez un autre numéro.
call-me-failed-no-answer = Personne n’a décroché. Réessayez lorsque vous pourrez répondre.
call-me-failed-declined = L’appel a été refusé sur le téléphone.
call-me-failed-bad-number = La réunion n’a pas pu composer ce numéro. Vérifiez-le, puis réessayez.
call-me-failed-unavailable = La réunion ne peut pas vous appeler pour le moment.
call-me-failed-connection-lost = L’appel a pris fin, car la connexion à la réunion a été perdue. Vous pouvez demander un nouvel appel.
call-me-failed-other = L’appel n’a pas abouti. Veuillez réessayer plus tard.
call-me-error-empty = Saisissez votre numéro de téléphone.
call-me-error-not-a-number = Un numéro de téléphone ne contient que des chiffres, des espaces, des tirets, des parenthèses et un + au début.
call-me-error-needs-country = Ajoutez l’indicatif de votre pays au début, par exemple +49.
call-me-error-invalid = Ce numéro ne peut pas être appelé. Vérifiez-le, puis réessayez.

## La fin d’une session

ended-cancelled = La connexion a été annulée
ended-cancelled-remedy = Rejoignez de nouveau la réunion pour réessayer, ou revenez en arrière pour rejoindre une autre réunion.
ended-left = Vous avez quitté la réunion
ended-left-remedy = Rejoignez-la de nouveau avec le même lien, ou revenez en arrière pour rejoindre une autre réunion.
ended-error-id = ID d’erreur { $id }
ended-code = code { $code }
ended-subcode = sous-code { $subcode }
ended-details = Détails : { $details }
ended-cleaning-up = Finalisation…
ended-not-told = Le service de réunion n’a pas pu être informé de votre départ ; il retirera l’invité au bout d’un moment.
ended-rejoin = Rejoindre de nouveau
ended-rejoin-hint = Rejoindre de nouveau la même réunion
ended-back = Retour
ended-back-hint = Revenir au formulaire de connexion
ended-copy-diagnostics = Copier les diagnostics
ended-copy-diagnostics-hint = Copier un résumé sans données confidentielles, pour le support technique
ended-copied = Diagnostics copiés dans le Presse-papiers.
export-har = Exporter en HAR…
export-har-hint = Enregistrer tous les échanges HTTP de cette session dans un fichier HAR, jetons masqués
export-diagnostics = Enregistrer les diagnostics…
export-diagnostics-hint = Enregistrer un fichier zip pour le support technique : versions, paramètres sans données confidentielles, étapes, HAR, événements
export-saved = Enregistré dans { $path }
export-saved-no-dialog = Aucune boîte de dialogue de fichier n’est disponible sur ce bureau. Enregistré dans { $path }
export-failed-har = Le fichier HAR n’a pas pu être enregistré : { $details }
export-failed-diagnostics = Les diagnostics n’ont pas pu être enregistrés : { $details }
export-dialog-har = Exporter en HAR
export-dialog-diagnostics = Enregistrer les diagnostics
export-filter-har = Archive HAR
export-filter-zip = Archive zip

## Paramètres

settings-title = Paramètres
settings-save = Enregistrer
settings-back = Retour sans enregistrer
settings-fix-fields = Corrigez les champs signalés, puis enregistrez de nouveau.
settings-language = Langue
settings-language-system = Selon le système ({ $language })
settings-services = Services de participation
settings-services-explain = L’URL du jeton de l’application de service de votre organisation, ou un Skype for Business Server rejoint directement (la découverte automatique commence à https://lyncdiscover.<domaine de l’organisateur>/, sauf si vous indiquez une autre URL). Une clé de service n’est jamais enregistrée : indiquez le nom de la variable d’environnement qui la contient.
settings-services-none = Aucun pour l’instant : la démo intégrée est utilisée.
settings-service-add = Ajouter un service de participation
settings-service-number = Service de participation { $number }
settings-service-remove = Supprimer le service de participation { $number }
settings-service-kind = Type du service de participation { $number }
settings-kind-service = Application de service
settings-kind-direct = Skype for Business Server (direct)
settings-name = Nom
settings-autodiscover = URL de découverte automatique (facultatif)
settings-token-url = URL du jeton
settings-key-variable = Variable de la clé de service (facultatif)
settings-origin = Origine
settings-culture = Culture
settings-culture-follows = Vide : { $culture }, d’après la langue.
settings-variable-overrides = { $variable } est définie : sa valeur est utilisée à la place.
settings-variable-used = { $variable } est définie : { $value } est utilisé à la place.
settings-network = Réseau
settings-network-explain = Proxy : "system" utilise HTTPS_PROXY / NO_PROXY, "none" se connecte directement ; sinon, indiquez l’URL d’un proxy. Cet ordinateur (la démo intégrée) est toujours joint directement.
settings-proxy = Proxy
settings-no-proxy = Pas de proxy pour (avec une URL de proxy)
settings-ca-file = Fichier de certificats CA (PEM, facultatif)
settings-text-size = Taille du texte
settings-theme = Thème
settings-theme-system = Selon le système
settings-theme-light = Clair
settings-theme-dark = Sombre
settings-notifications = Notifications sur le bureau
settings-notifications-explain = Lorsque la fenêtre est masquée par d’autres fenêtres, vous êtes prévenu quand vous êtes admis, quand la réunion se termine pour vous et quand un message arrive.
settings-kiosk-session-only = Les modifications restent valables jusqu’au redémarrage de l’application ; pour les conserver, modifiez le fichier de configuration.
kiosk-text-min = Sur la borne, la taille du texte n’est jamais inférieure à { $scale }.

## Ce qui ne va pas dans un champ des paramètres

problem-service-name-empty = Donnez un nom au service de participation.
problem-service-name-long = Utilisez au maximum 64 caractères, sans caractère de contrôle.
problem-service-name-taken = Un autre service de participation porte déjà ce nom.
problem-token-url-not-absolute = Saisissez l’URL complète du jeton, par exemple https://join.contoso.com/GetAnonTokenJob.
problem-token-url-not-https = L’URL du jeton doit utiliser https:// (http:// uniquement pour localhost).
problem-token-url-no-host = L’URL du jeton ne contient pas de nom d’hôte.
problem-autodiscover-not-absolute = Saisissez l’URL complète de découverte automatique, par exemple https://lyncdiscover.contoso.com/.
problem-autodiscover-not-https = L’URL de découverte automatique doit utiliser https:// (http:// uniquement pour localhost).
problem-autodiscover-no-host = L’URL de découverte automatique ne contient pas de nom d’hôte.
problem-env-name = Utilisez le nom d’une variable d’environnement, par exemple CONTOSO_SERVICE_KEY.
problem-origin = Utilisez une origine comme https://contoso.com (https, ou http pour cet ordinateur uniquement ; sans chemin).
problem-culture = Utilisez une étiquette de langue comme en-US ou fr-FR.
problem-proxy = Utilisez "system", "none" ou une URL de proxy comme http://proxy.contoso.com:8080.
problem-no-proxy = Indiquez des noms d’hôte, des adresses IP ou des réseaux séparés par des virgules, par exemple .corp.example, 10.0.0.0/8.
problem-ca-file-path = Indiquez le chemin d’un fichier PEM contenant un ou plusieurs certificats CA.
problem-ca-file-unusable = Ce fichier ne peut pas être utilisé : { $details }

## La borne

kiosk-welcome = Bienvenue
kiosk-touch-start = Touchez « Commencer » pour parler à un conseiller.
kiosk-start = Commencer
kiosk-choose-language = Choisissez votre langue
kiosk-unreachable = Le service de réunion est momentanément indisponible. Veuillez réessayer plus tard ou vous adresser au personnel.
kiosk-your-name-title = Quel est votre nom ?
kiosk-name-default-hint = Laissez vide pour participer en tant que { $name }
kiosk-join = Rejoindre
kiosk-back = Retour
kiosk-connecting = Connexion en cours…
kiosk-cancel = Annuler
kiosk-reconnecting-title = Reconnexion
kiosk-reconnecting = La connexion a été brièvement interrompue. Nous vous reconnectons à la réunion…
kiosk-leave = Quitter
kiosk-call-ended = L’appel est terminé
kiosk-thank-you-visit = Merci de votre visite.
kiosk-not-connected = Désolé, l’appel n’a pas pu être établi
kiosk-try-again-staff = Veuillez réessayer ou vous adresser au personnel.
kiosk-cancelled = L’appel a été annulé
kiosk-start-again = Vous pouvez recommencer à tout moment.
kiosk-thank-you = Merci
kiosk-done = Terminé
kiosk-countdown = Retour à l’accueil dans { $seconds } s — touchez l’écran pour rester
kiosk-stay = Rester
kiosk-staff-access = Accès du personnel
kiosk-staff-settings = Paramètres
kiosk-exit-app = Quitter l’application
kiosk-settings-between-calls = Paramètres accessibles uniquement hors appel.
kiosk-no-pin = Aucun code PIN du personnel n’est configuré : impossible de déverrouiller la borne ici.
kiosk-pin = Code PIN
kiosk-locked-for = Verrouillé. Réessayez dans { $seconds } s.
kiosk-unlock = Déverrouiller
kiosk-close = Fermer
kiosk-pin-wrong = Code PIN incorrect (tentative { $attempt } sur { $attempts }).
kiosk-pin-locked = Trop de codes PIN incorrects. Réessayez dans { $seconds } s.
kiosk-pin-none = Aucun code PIN du personnel n’est configuré.

## Un lien de réunion ouvert alors que la fenêtre est déjà ouverte (le lien est transmis à cette fenêtre)

handover-title = Ouvrir le nouveau lien de réunion ?
handover-in-meeting = Vous participez à une réunion. Si vous ouvrez le nouveau lien, vous la quitterez.
handover-joining = Vous êtes en train de rejoindre une réunion. Si vous ouvrez le nouveau lien, la connexion sera interrompue.
handover-new-link = Nouveau lien : { $link }
handover-open = Quitter et ouvrir le lien
handover-stay = Rester dans cette réunion
handover-stay-hint = Le nouveau lien ne sera pas ouvert

## Le titre de la fenêtre, qui indique à un invité se trouvant dans une autre fenêtre ce qui s’est passé (« … — guest-join »)

title-joining = Connexion à la réunion…
title-lobby = En salle d’attente
title-in-meeting = En réunion — { $meeting }
title-unread = ({ $count }) { $title }

## Notifications sur le bureau (uniquement lorsque la fenêtre est masquée par d’autres fenêtres ; jamais sur une borne)

notify-admitted = Vous participez à la réunion
notify-admitted-body = Vous avez été admis ({ $meeting }).
notify-message = Message de { $name }
