# guest-join — Español.
#
# Registro: el español cortés y sencillo con el que un banco o una clínica se dirige a sus clientes
# (usted). La persona que dirige la reunión es «el organizador». Términos: «enlace de la reunión»,
# «servicio de acceso», «sala de espera», «admitir» / «dejar entrar».

## El propio idioma (en los botones de idioma y en Configuración, en el propio idioma)

language-own-name = Español

## Duraciones y cantidades

duration-seconds = { $seconds } s
duration-minutes-seconds = { $minutes } min { $seconds } s
duration-hours-minutes = { $hours } h { $minutes } min

## Por qué falló el acceso: un título y una frase sobre qué hacer

failure-bad-input = No se puede usar el enlace de la reunión o el nombre
failure-bad-input-remedy = Compruebe el enlace de su invitación y su nombre, y vuelva a intentarlo.
failure-service-unreachable = No se puede contactar con el servicio de acceso
failure-service-unreachable-remedy = Compruebe su conexión a Internet. Si funciona, puede que el servicio de acceso de la organización no esté disponible: vuelva a intentarlo más tarde.
failure-service-refused = El servicio de acceso rechazó la solicitud
failure-service-refused-remedy = El servicio de acceso de la organización no acepta esta reunión o esta aplicación. Póngase en contacto con el organizador de la reunión.
failure-discovery = No se encontró el servicio de reuniones
failure-discovery-remedy = El servicio de reuniones no aceptó el inicio de sesión que recibió. Vuelva a intentarlo y, si el error persiste, avise al organizador.
failure-application = El servicio de reuniones no permitió que el invitado iniciara sesión
failure-application-remedy = Vuelva a intentarlo dentro de un minuto. Si el error persiste, avise al organizador.
failure-meeting-not-found = No se encontró la reunión
failure-meeting-not-found-remedy = Compruebe que el enlace esté completo y que la reunión no se haya cancelado.
failure-not-allowed = No se permiten invitados en esta reunión
failure-not-allowed-remedy = Pida al organizador que permita invitados (usuarios anónimos) o que desbloquee la reunión.
failure-anonymous-join-disabled = Este servidor de reuniones no permite que los invitados se unan sin una cuenta
failure-anonymous-join-disabled-remedy = El acceso anónimo está desactivado para esta reunión o para todo el servidor. Pida al organizador que permita invitados, o únase con una cuenta de Skype for Business.
failure-wrong-conference-key = El servidor de reuniones no aceptó la clave de esta reunión
failure-wrong-conference-key-remedy = Compruebe que el enlace esté completo (la última parte es el identificador de la reunión) y que la reunión siga existiendo. Pida un enlace nuevo al organizador.
failure-lobby-denied = El organizador no le dejó entrar
failure-lobby-denied-remedy = Si cree que se trata de un error, póngase en contacto con el organizador.
failure-lobby-timeout = Nadie le dejó entrar
failure-lobby-timeout-remedy = Si nadie le admite, al cabo de un rato se le quita de la sala de espera. Pida al organizador que esté pendiente de su llegada y vuelva a unirse.
failure-network = Falló la conexión de red
failure-network-remedy = Compruebe su conexión de red (y la configuración del proxy) y vuelva a intentarlo.
failure-timeout = El acceso a la reunión tardó demasiado
failure-timeout-remedy = El servicio es lento o no está disponible. Vuelva a intentarlo.
failure-removed = Se le ha quitado de la reunión
failure-removed-remedy = Lo hizo un organizador. Vuelva a unirse solo si se lo han pedido.
failure-inactive = Se le ha quitado de la reunión por inactividad
failure-inactive-remedy = El servicio de reuniones quita a los invitados cuya conexión deja de enviar datos. Compruebe la red y vuelva a unirse.
failure-meeting-ended = La reunión ha terminado
failure-meeting-ended-remedy = El organizador finalizó la reunión.
failure-connection-lost = Se perdió la conexión con la reunión
failure-connection-lost-remedy = Vuelva a unirse a la reunión.
failure-server-error = El servicio de reuniones tuvo un problema
failure-server-error-remedy = Vuelva a intentarlo más tarde. Si el error persiste, avise al organizador.
failure-protocol = El servicio de reuniones dio una respuesta inesperada
failure-protocol-remedy = Vuelva a intentarlo. Si el error persiste, envíe el diagnóstico al soporte técnico.

## Los pasos del acceso (la cronología)

step-service-application = Aplicación de servicio
step-discovery = Búsqueda del servicio
step-autodiscover = Detección automática
step-web-ticket = Ticket web
step-application = Aplicación
step-event-channel = Canal de eventos
step-join-request = Solicitud de acceso
step-lobby = Sala de espera
step-in-meeting = En la reunión
step-leave = Salida

## En qué punto está el acceso

phase-idle = Listo
phase-requesting-token = Solicitando permiso al servicio de acceso
phase-discovering = Buscando el servicio de reuniones
phase-creating-application = Iniciando sesión como invitado
phase-joining = Uniéndose a la reunión
phase-in-lobby = En la sala de espera
phase-in-meeting = En la reunión
phase-reconnecting = Reconectando
phase-leaving = Saliendo
phase-left = Ha salido de la reunión
phase-failed = No se pudo acceder
phase-cancelled = Cancelado

## Cómo se llega al servicio de acceso

flow-service-application = Aplicación de servicio
flow-direct = Skype for Business Server (directo)

## Encabezado de la ventana y mensajes en la parte superior

app-tagline = Unirse a una reunión como invitado
app-chat-only = Esta aplicación transmite el chat de la reunión y, si la reunión lo ofrece, su sonido por teléfono. No oirá ni verá la reunión a través del equipo.
settings-button = Configuración
banner-dismiss = Cerrar
banner-dismiss-hint = Ocultar este mensaje
banner-config-unusable = No se pudo usar el archivo de configuración. { $details }
banner-network-setup-failed = No se pudo configurar la red: { $details }
banner-settings-not-saved = No se pudo guardar la configuración: { $details }
banner-config-warning = Hay que revisar la configuración: { $details }

## Primer inicio (ningún servicio de acceso configurado)

demo-banner-title = Entorno de demostración integrado
demo-banner-text = No hay ningún servicio de acceso configurado, así que guest-join usa su entorno de demostración integrado. Solo funciona dentro de esta aplicación y se inicia cuando usted se une a una reunión.
demo-banner-try = Probar una reunión de demostración
demo-banner-add-service = Añada el servicio de su organización en Configuración.

## El formulario de acceso

form-title = Unirse a una reunión
form-meeting-link = Enlace de la reunión
form-meeting-link-hint = https://… de su invitación, o pegue la invitación completa
form-link-extracted = Enlace extraído del texto pegado (reunión en { $host }).
form-your-name = Su nombre
form-your-name-hint = El nombre que verán los demás participantes
form-join-service = Servicio de acceso
form-service-demo = Demostración integrada
form-service-demo-direct = Demostración integrada — Skype for Business Server (directo)
form-service-direct-named = { $name } — Skype for Business Server (directo)
form-service-direct-adhoc = Skype for Business Server de su organización (directo)
form-service-key-unset = La variable de la clave de servicio, { $variable }, no está definida; se accederá sin clave de servicio.
form-join = Unirse
form-join-disabled-hint = Podrá unirse en cuanto el enlace y el nombre sean válidos.
form-direct-offer = Esta reunión no está en Skype for Business Online. Si está en el Skype for Business Server de su organización, puede unirse directamente.
form-join-directly = Unirse directamente
form-cancelled = Se canceló el acceso a la reunión.
form-cancelled-told = Se canceló el acceso; se avisó al servicio de reuniones.
form-cancelled-not-told = Se canceló el acceso; no se pudo avisar al servicio de reuniones, que olvidará al invitado al cabo de un rato.
form-left-told = Ha salido de la reunión; se avisó al servicio de reuniones.
form-left-not-told = Ha salido de la reunión; no se pudo avisar al servicio de reuniones, que olvidará al invitado al cabo de un rato.
form-bad-service = La dirección del servicio de acceso { $name } no es válida; corríjala en Configuración.

## Qué falla en un enlace de reunión o en un nombre (se muestra debajo del campo)

link-empty = Pegue el enlace de la reunión que aparece en su invitación.
link-sip-uri = Esta es una dirección de Skype (sip:), no un enlace de reunión. Pegue el enlace https:// de la invitación, o únase directamente con una dirección de conferencia (Skype for Business Server).
link-not-https = Los enlaces de reunión deben empezar por https://. Este usa { $scheme }://.
link-not-a-url = Esto no parece un enlace. Pegue el enlace https:// de su invitación.
link-no-meeting-link = El texto no contiene ningún enlace de reunión. Pegue el enlace https:// de su invitación.
link-several-links = El texto contiene varios enlaces de reunión distintos. Pegue solo el de la reunión a la que quiere unirse.
link-no-path = El enlace no indica ninguna reunión (solo un nombre de host). Pegue el enlace completo.
link-too-long = El enlace es demasiado largo para ser un enlace de reunión.
link-has-credentials = Los enlaces de reunión no deben contener nombre de usuario ni contraseña.
link-online-for-direct = Este es un enlace de Skype for Business Online; a estas reuniones se accede a través de la aplicación de servicio de la organización, no directamente.
link-not-simple-url = Este enlace no tiene la forma de un enlace de reunión de Skype for Business Server (https://meet.<dominio>/<organizador>/<id. de reunión>). Pegue en su lugar la dirección de conferencia (sip:…;gruu;opaque=app:conf:focus:id:…).
link-no-domain = El host de la reunión es una dirección IP, así que no se conoce el dominio del organizador. Pegue en su lugar la dirección de conferencia (sip:…).
name-empty = Escriba el nombre que verán los demás participantes.
name-too-long = El nombre es demasiado largo ({ $chars } caracteres); use { $max } como máximo.
name-control-character = El nombre contiene un carácter de control (como una tabulación o un salto de línea); elimínelo.

## Acceso: la cronología

joining-title = Uniéndose a la reunión en { $host }
joining-as-via = Como { $name } · a través de { $service }
joining-starting = Iniciando…
joining-cancel = Cancelar
joining-cancel-hint = Detener el acceso (Esc)
step-state-pending = pendiente
step-state-running = en curso
step-state-done = completado
step-state-failed = con error
step-state-stopped = detenido
step-retries = { $count ->
    [one] { $count } reintento
   *[other] { $count } reintentos
}
step-no-requests = No hay solicitudes HTTP en este paso.
step-hide-requests = Ocultar las solicitudes
step-show-requests = { $count ->
    [one] Mostrar la solicitud de este paso
   *[other] Mostrar las { $count } solicitudes de este paso
}
step-earlier-requests = { $count ->
    [one] No se muestra una solicitud anterior.
   *[other] No se muestran { $count } solicitudes anteriores.
}
exchange-no-answer = sin respuesta
exchange-no-answer-because = sin respuesta: { $error }
exchange-request = Solicitud
exchange-request-body = Cuerpo de la solicitud
exchange-response = Respuesta
exchange-response-body = Cuerpo de la respuesta
exchange-error = Error
join-steps = Pasos del acceso

## La sala de espera

lobby-title = Esperando a que el organizador le deje entrar
lobby-where = Está en la sala de espera ({ $meeting }) como { $name }.
lobby-meeting-on = reunión en { $host }
lobby-waited = Tiempo de espera: { $duration }
lobby-explain = Alguien de la reunión tiene que admitirle. Si nadie lo hace, al cabo de un rato se le quitará de la sala de espera y podrá volver a intentarlo.
lobby-cancel-hint = Dejar de esperar (Esc)

## En la reunión

meeting-on = Reunión en { $host }
meeting-organizer = Organizador: { $name }
meeting-leaving = Saliendo de la reunión…
meeting-reconnecting = Reconectando…
meeting-reconnecting-attempt = Reconectando… intento { $attempt } de { $attempts }
meeting-connection-good = Buena conexión
meeting-you-are-in = Está en la reunión como { $name }.
meeting-connection-lost-because = Se perdió la conexión: { $reason }
meeting-leave = Salir
meeting-leave-hint = Salir de la reunión
roster-title = Participantes ({ $count })
roster-you = { $name } (usted)
roster-on-phone = por teléfono
# Los recuentos de la lista de participantes, uno junto a otro bajo su título.
roster-count-leaders = { $count ->
    [one] { $count } organizador
   *[other] { $count } organizadores
}
roster-count-attendees = { $count ->
    [one] { $count } asistente
   *[other] { $count } asistentes
}
roster-count-lobby = { $count } en la sala de espera
# Encabezados dentro de la lista de participantes.
roster-section-leaders = Organizadores ({ $count })
roster-section-attendees = Asistentes ({ $count })
roster-section-lobby = En la sala de espera ({ $count })
roster-find = Buscar un participante
roster-find-hint = Escriba parte de un nombre
roster-find-none = Ningún participante coincide con «{ $text }».
chat-title = Chat
chat-empty = Aún no hay mensajes.
chat-you = Usted
chat-sending = enviando…
chat-delivered = entregado
chat-not-delivered = no entregado
chat-typing-one = { $name } está escribiendo…
chat-typing-two = { $first } y { $second } están escribiendo…
chat-typing-many = { $count } personas están escribiendo…
chat-message = Mensaje
chat-message-hint = Escriba un mensaje y pulse Entrar para enviarlo
chat-send = Enviar
chat-send-hint = Enviar el mensaje a todos los participantes de la reunión
chat-connecting = Conectando el chat…
# Un botón al final del chat mientras el invitado lee mensajes anteriores; lleva al más reciente.
chat-new-messages = { $count ->
    [one] { $count } mensaje nuevo ↓
   *[other] { $count } mensajes nuevos ↓
}
chat-new-messages-hint = Ir al último mensaje
# Al principio de un chat largo: los mensajes más antiguos ya no se conservan.
chat-older-dropped = { $count ->
    [one] Ya no se muestra un mensaje anterior.
   *[other] Ya no se muestran { $count } mensajes anteriores.
}

## Escuchar la reunión por teléfono: los números de acceso telefónico de la reunión (la propia aplicación solo transmite el chat)

dial-in-title = Escuchar por teléfono
dial-in-explain = Para escuchar la reunión, llame a uno de estos números desde un teléfono. Cuando se le pida, marque el ID de conferencia seguido de #.
dial-in-explain-no-id = Para escuchar la reunión, llame a uno de estos números desde un teléfono.
dial-in-main-number = { $region } (número principal)
dial-in-copy = Copiar
dial-in-copied = Copiado
dial-in-copy-hint = Copia { $dial }: el número, una breve pausa y el ID de conferencia, listo para marcar en un teléfono o en una aplicación de llamadas.
dial-in-conference-id = ID de conferencia: { $id }
dial-in-find-local = Buscar un número local
dial-in-provider = Servicio de audioconferencia de la reunión
dial-in-toll-free = Llamada gratuita
dial-in-toll = Tarifa normal
dial-in-passcode = Código de acceso: { $code }

## «Llamarme»: la reunión llama al teléfono del invitado (en la reunión, si el organizador lo permite)

call-me-title = Recibir una llamada de la reunión
call-me-explain = Escriba su número de teléfono y la reunión le llamará. Conteste y oirá la reunión por teléfono.
call-me-number = Su número de teléfono
call-me-number-hint = p. ej. +49 30 1234567
call-me-button = Llamarme
call-me-booth-button = Llamar al teléfono de este terminal
call-me-remember = Recordar este número en este equipo
call-me-ringing = Llamando al { $number }… Conteste el teléfono para oír la reunión.
call-me-connected = Su teléfono está conectado: por él oye la reunión.
call-me-ended = La llamada telefónica ha terminado.
call-me-hang-up = Colgar
call-me-hang-up-hint = Terminar la llamada (seguirá en la reunión y en el chat)
call-me-codes = Detalles: { $details }
call-me-failed-not-allowed = Esta reunión no llama a los teléfonos de los invitados. En su lugar, puede llamar usted a la reunión: consulte «Escuchar por teléfono».
call-me-failed-busy = Su teléfono estaba ocupado. Vuelva a intentarlo o use otro número.
call-me-failed-no-answer = Nadie contestó al teléfono. Vuelva a intentarlo cuando pueda contestar.
call-me-failed-declined = Se rechazó la llamada en el teléfono.
call-me-failed-bad-number = La reunión no pudo marcar este número. Compruébelo y vuelva a intentarlo.
call-me-failed-unavailable = La reunión no puede llamarle en este momento.
call-me-failed-connection-lost = La llamada terminó porque se perdió la conexión con la reunión. Puede volver a pedir la llamada.
call-me-failed-other = No se pudo establecer la llamada. Vuelva a intentarlo más tarde.
call-me-error-empty = Escriba su número de teléfono.
call-me-error-not-a-number = Un número de teléfono solo lleva cifras, espacios, guiones, paréntesis y un + al principio.
call-me-error-needs-country = Añada al principio el prefijo de su país, por ejemplo +49.
call-me-error-invalid = No se puede llamar a este número. Compruébelo y vuelva a intentarlo.

## El final de una sesión

ended-cancelled = Se canceló el acceso
ended-cancelled-remedy = Únase de nuevo para volver a intentarlo, o regrese para unirse a otra reunión.
ended-left = Ha salido de la reunión
ended-left-remedy = Vuelva a unirse con el mismo enlace, o regrese para unirse a otra reunión.
ended-error-id = Id. de error { $id }
ended-code = código { $code }
ended-subcode = subcódigo { $subcode }
ended-details = Detalles: { $details }
ended-cleaning-up = Finalizando…
ended-not-told = No se pudo avisar al servicio de reuniones de que usted salió; quitará al invitado al cabo de un rato.
ended-rejoin = Volver a unirse
ended-rejoin-hint = Unirse de nuevo a la misma reunión
ended-back = Atrás
ended-back-hint = Volver al formulario de acceso
ended-copy-diagnostics = Copiar diagnóstico
ended-copy-diagnostics-hint = Copiar un resumen sin datos confidenciales, para el soporte técnico
ended-copied = Diagnóstico copiado en el portapapeles.
export-har = Exportar HAR…
export-har-hint = Guardar todos los intercambios HTTP de esta sesión en un archivo HAR, con los tokens ocultos
export-diagnostics = Guardar diagnóstico…
export-diagnostics-hint = Guardar un archivo zip para el soporte técnico: versiones, configuración sin datos confidenciales, pasos, HAR, eventos
export-saved = Guardado en { $path }
export-saved-no-dialog = Este escritorio no dispone de cuadro de diálogo de archivos. Guardado en { $path }
export-failed-har = No se pudo guardar el archivo HAR: { $details }
export-failed-diagnostics = No se pudo guardar el diagnóstico: { $details }
export-dialog-har = Exportar HAR
export-dialog-diagnostics = Guardar diagnóstico
export-filter-har = Archivo HAR
export-filter-zip = Archivo zip

## Configuración

settings-title = Configuración
settings-save = Guardar
settings-back = Volver sin guardar
settings-fix-fields = Corrija los campos marcados y vuelva a guardar.
settings-language = Idioma
settings-language-system = Según el sistema ({ $language })
settings-services = Servicios de acceso
settings-services-explain = La URL del token de la aplicación de servicio de su organización, o un Skype for Business Server con acceso directo (la detección automática empieza en https://lyncdiscover.<dominio del organizador>/, salvo que indique otra URL). La clave de servicio nunca se guarda: indique el nombre de la variable de entorno que la contiene.
settings-services-none = Todavía ninguno: se usa la demostración integrada.
settings-service-add = Añadir un servicio de acceso
settings-service-number = Servicio de acceso { $number }
settings-service-remove = Quitar el servicio de acceso { $number }
settings-service-kind = Tipo del servicio de acceso { $number }
settings-kind-service = Aplicación de servicio
settings-kind-direct = Skype for Business Server (directo)
settings-name = Nombre
settings-autodiscover = URL de detección automática (opcional)
settings-token-url = URL del token
settings-key-variable = Variable de la clave de servicio (opcional)
settings-origin = Origen
settings-culture = Referencia cultural
settings-culture-follows = Vacío: { $culture }, según el idioma.
settings-variable-overrides = { $variable } está definida, así que se usa su valor.
settings-variable-used = { $variable } está definida, así que se usa { $value }.
settings-network = Red
settings-network-explain = Proxy: "system" usa HTTPS_PROXY / NO_PROXY, "none" conecta directamente; también puede indicar una URL de proxy. A este equipo (la demostración integrada) siempre se conecta directamente.
settings-proxy = Proxy
settings-no-proxy = Sin proxy para (con una URL de proxy)
settings-ca-file = Archivo de certificados de CA (PEM, opcional)
settings-text-size = Tamaño del texto
settings-theme = Tema
settings-theme-system = Según el sistema
settings-theme-light = Claro
settings-theme-dark = Oscuro
settings-notifications = Notificaciones de escritorio
settings-notifications-explain = Cuando la ventana esté detrás de otras ventanas, se le avisará cuando le admitan, cuando la reunión termine para usted y cuando llegue un mensaje.
settings-kiosk-session-only = Los cambios duran hasta que se reinicie la aplicación; para conservarlos, edite el archivo de configuración.
kiosk-text-min = En el terminal, el tamaño del texto nunca es inferior a { $scale }.

## Qué falla en un campo de la configuración

problem-service-name-empty = Ponga un nombre al servicio de acceso.
problem-service-name-long = Use como máximo 64 caracteres y ningún carácter de control.
problem-service-name-taken = Ya hay otro servicio de acceso con este nombre.
problem-token-url-not-absolute = Escriba la URL completa del token, por ejemplo https://join.contoso.com/GetAnonTokenJob.
problem-token-url-not-https = La URL del token debe usar https:// (http:// solo para localhost).
problem-token-url-no-host = La URL del token no tiene nombre de host.
problem-autodiscover-not-absolute = Escriba la URL completa de detección automática, por ejemplo https://lyncdiscover.contoso.com/.
problem-autodiscover-not-https = La URL de detección automática debe usar https:// (http:// solo para localhost).
problem-autodiscover-no-host = La URL de detección automática no tiene nombre de host.
problem-env-name = Use el nombre de una variable de entorno, por ejemplo CONTOSO_SERVICE_KEY.
problem-origin = Use un origen como https://contoso.com (https, o http solo para este equipo; sin ruta).
problem-culture = Use una etiqueta de idioma como en-US o es-ES.
problem-proxy = Use "system", "none" o una URL de proxy como http://proxy.contoso.com:8080.
problem-no-proxy = Indique nombres de host, direcciones IP o redes separados por comas, por ejemplo .corp.example, 10.0.0.0/8.
problem-ca-file-path = Indique la ruta de un archivo PEM con uno o varios certificados de CA.
problem-ca-file-unusable = No se puede usar este archivo: { $details }

## El quiosco

kiosk-welcome = Le damos la bienvenida
kiosk-touch-start = Toque «Empezar» para hablar con un asesor.
kiosk-start = Empezar
kiosk-choose-language = Elija su idioma
kiosk-unreachable = El servicio de reuniones no está disponible en este momento. Vuelva a intentarlo más tarde o pregunte a nuestro personal.
kiosk-your-name-title = ¿Cómo se llama?
kiosk-name-default-hint = Déjelo en blanco para entrar como { $name }
kiosk-join = Entrar
kiosk-back = Atrás
kiosk-connecting = Conectando…
kiosk-cancel = Cancelar
kiosk-reconnecting-title = Reconectando
kiosk-reconnecting = La conexión se interrumpió un momento. Le estamos volviendo a conectar…
kiosk-leave = Salir
kiosk-call-ended = La llamada ha terminado
kiosk-thank-you-visit = Gracias por su visita.
kiosk-not-connected = Lo sentimos, no se pudo establecer la llamada
kiosk-try-again-staff = Vuelva a intentarlo o pregunte a nuestro personal.
kiosk-cancelled = Se canceló la llamada
kiosk-start-again = Puede volver a empezar cuando quiera.
kiosk-thank-you = Gracias
kiosk-done = Listo
kiosk-countdown = Volvemos al inicio en { $seconds } s — toque para continuar
kiosk-stay = Continuar
kiosk-staff-access = Acceso del personal
kiosk-staff-settings = Configuración
kiosk-exit-app = Salir de la aplicación
kiosk-settings-between-calls = La configuración solo se abre si no hay ninguna llamada en curso.
kiosk-no-pin = No hay ningún PIN del personal en la configuración, así que el terminal no se puede desbloquear aquí.
kiosk-pin = PIN
kiosk-locked-for = Bloqueado. Vuelva a intentarlo en { $seconds } s.
kiosk-unlock = Desbloquear
kiosk-close = Cerrar
kiosk-pin-wrong = PIN incorrecto (intento { $attempt } de { $attempts }).
kiosk-pin-locked = Demasiados intentos fallidos. Vuelva a intentarlo en { $seconds } s.
kiosk-pin-none = No hay ningún PIN del personal en la configuración.

## Un enlace de reunión abierto cuando la ventana ya está abierta (el enlace se pasa a esta ventana)

handover-title = ¿Abrir el nuevo enlace de reunión?
handover-in-meeting = Está en una reunión. Si abre el nuevo enlace, saldrá de ella.
handover-joining = Está accediendo a una reunión. Si abre el nuevo enlace, se detendrá el acceso.
handover-new-link = Nuevo enlace: { $link }
handover-open = Salir y abrir el enlace
handover-stay = Seguir en esta reunión
handover-stay-hint = No se abrirá el nuevo enlace

## El título de la ventana, que indica a un invitado que está en otra ventana qué ha ocurrido («… — guest-join»)

title-joining = Uniéndose a la reunión…
title-lobby = En la sala de espera
title-in-meeting = En la reunión — { $meeting }
title-unread = ({ $count }) { $title }

## Notificaciones de escritorio (solo cuando la ventana está detrás de otras ventanas; nunca en un quiosco)

notify-admitted = Ya está en la reunión
notify-admitted-body = Le han dejado entrar ({ $meeting }).
notify-message = Mensaje de { $name }
