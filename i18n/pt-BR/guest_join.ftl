# guest-join — português do Brasil.
#
# Tom: o português cordial e simples que um banco ou uma clínica usa com seus clientes ("você").
# Quem conduz a reunião é "o organizador". Termos fixos: "link da reunião", "serviço de acesso",
# "sala de espera", "permitir a entrada / admitir".

## O próprio idioma (mostrado nos botões de idioma e em Configurações, no próprio idioma)

language-own-name = Português (Brasil)

## Durações e contagens

duration-seconds = { $seconds } s
duration-minutes-seconds = { $minutes } min { $seconds } s
duration-hours-minutes = { $hours } h { $minutes } min

## Por que a entrada falhou: um título e uma frase sobre o que fazer

failure-bad-input = Não é possível usar o link da reunião ou o nome
failure-bad-input-remedy = Confira o link do convite e o seu nome. Depois, tente novamente.
failure-service-unreachable = Não foi possível se conectar ao serviço de acesso
failure-service-unreachable-remedy = Verifique sua conexão com a internet. Se ela estiver funcionando, o serviço de acesso da organização pode estar fora do ar. Tente novamente mais tarde.
failure-service-refused = O serviço de acesso recusou a solicitação
failure-service-refused-remedy = O serviço de acesso da organização não aceita esta reunião ou este aplicativo. Entre em contato com o organizador da reunião.
failure-discovery = O serviço de reuniões não foi encontrado
failure-discovery-remedy = O serviço de reuniões não aceitou os dados de login recebidos. Tente novamente e, se o problema continuar, avise o organizador.
failure-application = O serviço de reuniões não permitiu o login como convidado
failure-application-remedy = Tente novamente daqui a um minuto. Se o problema continuar, avise o organizador.
failure-meeting-not-found = A reunião não foi encontrada
failure-meeting-not-found-remedy = Verifique se o link está completo e se a reunião não foi cancelada.
failure-not-allowed = Esta reunião não aceita convidados
failure-not-allowed-remedy = Peça ao organizador que permita a entrada de convidados (usuários anônimos) ou que desbloqueie a reunião.
failure-anonymous-join-disabled = Este servidor de reuniões não permite que convidados entrem sem uma conta
failure-anonymous-join-disabled-remedy = A entrada anônima está desativada para esta reunião ou para todo o servidor. Peça ao organizador que permita a entrada de convidados ou entre com uma conta do Skype for Business.
failure-wrong-conference-key = O servidor de reuniões não aceitou a chave desta reunião
failure-wrong-conference-key-remedy = Verifique se o link está completo (a última parte é a ID da reunião) e se a reunião ainda existe. Peça um novo link ao organizador.
failure-lobby-denied = O organizador não permitiu sua entrada
failure-lobby-denied-remedy = Se você acha que houve um engano, entre em contato com o organizador.
failure-lobby-timeout = Ninguém permitiu sua entrada
failure-lobby-timeout-remedy = Convidados que não são admitidos são removidos da sala de espera depois de um tempo. Peça ao organizador que fique atento à sala de espera e entre novamente.
failure-network = Falha na conexão de rede
failure-network-remedy = Verifique sua conexão de rede (e as configurações de proxy) e tente novamente.
failure-timeout = A entrada demorou demais
failure-timeout-remedy = O serviço está lento ou inacessível. Tente novamente.
failure-removed = Você não está mais na reunião
failure-removed-remedy = Um organizador removeu você. Só entre novamente se alguém pedir.
failure-inactive = Sua participação foi encerrada por inatividade
failure-inactive-remedy = O serviço de reuniões remove convidados cuja conexão fica muito tempo sem atividade. Verifique a rede e entre novamente.
failure-meeting-ended = A reunião terminou
failure-meeting-ended-remedy = O organizador encerrou a reunião.
failure-connection-lost = A conexão com a reunião foi interrompida
failure-connection-lost-remedy = Entre novamente na reunião.
failure-server-error = Ocorreu um problema no serviço de reuniões
failure-server-error-remedy = Tente novamente mais tarde. Se o problema continuar, avise o organizador.
failure-protocol = O serviço de reuniões enviou uma resposta inesperada
failure-protocol-remedy = Tente novamente. Se continuar falhando, envie o diagnóstico ao suporte.

## As etapas da entrada (a linha do tempo)

step-service-application = Aplicativo de serviço
step-discovery = Descoberta
step-autodiscover = Autodiscover
step-web-ticket = Tíquete da Web
step-application = Aplicativo
step-event-channel = Canal de eventos
step-join-request = Solicitação de entrada
step-lobby = Sala de espera
step-in-meeting = Na reunião
step-leave = Saída

## Em que ponto está a entrada

phase-idle = Pronto
phase-requesting-token = Pedindo permissão ao serviço de acesso
phase-discovering = Procurando o serviço de reuniões
phase-creating-application = Entrando como convidado
phase-joining = Entrando na reunião
phase-in-lobby = Aguardando na sala de espera
phase-in-meeting = Na reunião
phase-reconnecting = Reconectando
phase-leaving = Saindo
phase-left = Você saiu da reunião
phase-failed = Não foi possível entrar
phase-cancelled = Cancelado

## Como o serviço de acesso é alcançado

flow-service-application = Aplicativo de serviço
flow-direct = Skype for Business Server (direto)

## Cabeçalho da janela e mensagens no topo

app-tagline = Participe de uma reunião como convidado
app-chat-only = Este aplicativo transmite o chat da reunião e, quando a reunião oferece, o áudio pelo telefone. Pelo computador, você não ouve nem vê a reunião.
settings-button = Configurações
banner-dismiss = Fechar
banner-dismiss-hint = Ocultar esta mensagem
banner-config-unusable = Não foi possível usar o arquivo de configuração. { $details }
banner-network-setup-failed = Falha ao configurar a rede: { $details }
banner-settings-not-saved = Não foi possível salvar as configurações: { $details }
banner-config-warning = A configuração precisa ser verificada: { $details }

## Primeiro uso (nenhum serviço de acesso configurado)

demo-banner-title = Ambiente de demonstração integrado
demo-banner-text = Nenhum serviço de acesso está configurado, por isso o guest-join usa o ambiente de demonstração integrado. Ele funciona só dentro deste aplicativo e é iniciado quando você entra em uma reunião.
demo-banner-try = Experimentar uma reunião de demonstração
demo-banner-add-service = Adicione o serviço da sua organização em Configurações.

## O formulário de entrada

form-title = Entrar em uma reunião
form-meeting-link = Link da reunião
form-meeting-link-hint = Link https://… do seu convite (ou cole o convite inteiro)
form-link-extracted = Link extraído do texto colado (reunião em { $host }).
form-your-name = Seu nome
form-your-name-hint = O nome que os outros participantes vão ver
form-join-service = Serviço de acesso
form-service-demo = Demonstração integrada
form-service-demo-direct = Demonstração integrada — Skype for Business Server (direto)
form-service-direct-named = { $name } — Skype for Business Server (direto)
form-service-direct-adhoc = Skype for Business Server da sua organização (direto)
form-service-key-unset = A variável da chave de serviço ({ $variable }) não está definida; a entrada será feita sem chave de serviço.
form-join = Entrar
form-join-disabled-hint = Você pode entrar assim que o link e o nome forem válidos.
form-direct-offer = Esta reunião não está no Skype for Business Online. Se ela estiver no Skype for Business Server da sua organização, você pode entrar diretamente.
form-join-directly = Entrar diretamente
form-cancelled = A entrada foi cancelada.
form-cancelled-told = A entrada foi cancelada e o serviço de reuniões foi avisado.
form-cancelled-not-told = A entrada foi cancelada. Não foi possível avisar o serviço de reuniões, que vai remover o convidado depois de um tempo.
form-left-told = Você saiu da reunião e o serviço de reuniões foi avisado.
form-left-not-told = Você saiu da reunião. Não foi possível avisar o serviço de reuniões, que vai remover o convidado depois de um tempo.
form-bad-service = O endereço do serviço de acesso { $name } não é válido; corrija-o em Configurações.

## O que há de errado com o link da reunião ou com o nome (mostrado abaixo do campo)

link-empty = Cole o link da reunião que está no seu convite.
link-sip-uri = Este é um endereço do Skype (sip:), não um link de reunião. Cole o link https:// do convite ou entre diretamente com um endereço de conferência (Skype for Business Server).
link-not-https = O link da reunião precisa começar com https://. Este link usa { $scheme }://.
link-not-a-url = Isto não parece um link. Cole o link https:// do seu convite.
link-no-meeting-link = O texto não contém nenhum link de reunião. Cole o link https:// do seu convite.
link-several-links = O texto contém vários links de reunião diferentes. Cole só o da reunião em que você quer entrar.
link-no-path = O link não indica nenhuma reunião (só o nome do host). Cole o link completo da reunião.
link-too-long = O link é longo demais para ser um link de reunião.
link-has-credentials = Links de reunião não podem conter nome de usuário nem senha.
link-online-for-direct = Este é um link do Skype for Business Online. Nas reuniões Online, a entrada é feita pelo aplicativo de serviço da organização, não diretamente.
link-not-simple-url = Este link não tem o formato de um link de reunião do Skype for Business Server (https://meet.<domínio>/<organizador>/<ID da reunião>). Em vez dele, cole o endereço da conferência (sip:…;gruu;opaque=app:conf:focus:id:…).
link-no-domain = O host da reunião é um endereço IP, então não é possível saber o domínio do organizador. Cole o endereço da conferência (sip:…) em vez do link.
name-empty = Digite o nome que os outros participantes vão ver.
name-too-long = O nome é longo demais ({ $chars } caracteres); use no máximo { $max }.
name-control-character = O nome contém um caractere de controle (como uma tabulação ou uma quebra de linha); remova-o.

## Entrando: a linha do tempo

joining-title = Entrando na reunião em { $host }
joining-as-via = Como { $name } · via { $service }
joining-starting = Iniciando…
joining-cancel = Cancelar
joining-cancel-hint = Interromper a entrada (Esc)
step-state-pending = pendente
step-state-running = em andamento
step-state-done = concluída
step-state-failed = falhou
step-state-stopped = interrompida
step-retries = { $count ->
    [one] { $count } nova tentativa
   *[other] { $count } novas tentativas
}
step-no-requests = Nenhuma solicitação HTTP nesta etapa.
step-hide-requests = Ocultar as solicitações
step-show-requests = { $count ->
    [one] Mostrar a solicitação desta etapa
   *[other] Mostrar as { $count } solicitações desta etapa
}
step-earlier-requests = { $count ->
    [one] Uma solicitação anterior não é exibida.
   *[other] { $count } solicitações anteriores não são exibidas.
}
exchange-no-answer = sem resposta
exchange-no-answer-because = sem resposta: { $error }
exchange-request = Solicitação
exchange-request-body = Corpo da solicitação
exchange-response = Resposta
exchange-response-body = Corpo da resposta
exchange-error = Erro
join-steps = Etapas da entrada

## A sala de espera

lobby-title = Aguardando o organizador permitir sua entrada
lobby-where = Você está na sala de espera ({ $meeting }) como { $name }.
lobby-meeting-on = reunião em { $host }
lobby-waited = Aguardando há { $duration }
lobby-explain = Alguém na reunião precisa admitir você. Convidados que não são admitidos são removidos da sala de espera depois de um tempo; nesse caso, você pode tentar novamente.
lobby-cancel-hint = Parar de aguardar (Esc)

## Na reunião

meeting-on = Reunião em { $host }
meeting-organizer = Organizador: { $name }
meeting-leaving = Saindo da reunião…
meeting-reconnecting = Reconectando…
meeting-reconnecting-attempt = Reconectando… tentativa { $attempt } de { $attempts }
meeting-connection-good = Boa conexão
meeting-you-are-in = Você está na reunião como { $name }.
meeting-connection-lost-because = Conexão perdida: { $reason }
meeting-leave = Sair
meeting-leave-hint = Sair da reunião
roster-title = Participantes ({ $count })
roster-you = { $name } (você)
roster-on-phone = pelo telefone
# As contagens da lista de participantes, lado a lado abaixo do título.
roster-count-leaders = { $count ->
    [one] { $count } organizador
   *[other] { $count } organizadores
}
roster-count-attendees = { $count ->
    [one] { $count } participante
   *[other] { $count } participantes
}
roster-count-lobby = { $count } na sala de espera
# Títulos dentro da lista de participantes.
roster-section-leaders = Organizadores ({ $count })
roster-section-attendees = Participantes ({ $count })
roster-section-lobby = Na sala de espera ({ $count })
roster-find = Buscar participante
roster-find-hint = Digite parte de um nome
roster-find-none = Nenhum participante encontrado para "{ $text }".
chat-title = Chat
chat-empty = Ainda não há mensagens.
chat-you = Você
chat-sending = enviando…
chat-delivered = entregue
chat-not-delivered = não entregue
chat-typing-one = { $name } está digitando…
chat-typing-two = { $first } e { $second } estão digitando…
chat-typing-many = { $count } pessoas estão digitando…
chat-message = Mensagem
chat-message-hint = Digite uma mensagem e pressione Enter para enviar
chat-send = Enviar
chat-send-hint = Enviar a mensagem para todos na reunião
chat-connecting = Conectando o chat…
# Um botão no fim do chat enquanto o convidado lê mensagens anteriores; ele leva à mais recente.
chat-new-messages = { $count ->
    [one] { $count } nova mensagem ↓
   *[other] { $count } novas mensagens ↓
}
chat-new-messages-hint = Ir para a mensagem mais recente
# No topo de um chat longo: as mensagens mais antigas não são mais guardadas.
chat-older-dropped = { $count ->
    [one] { $count } mensagem anterior não é mais exibida.
   *[other] { $count } mensagens anteriores não são mais exibidas.
}

## Ouvir a reunião pelo telefone: os números de discagem da reunião (o aplicativo em si transmite apenas o chat)

dial-in-title = Ouvir pelo telefone
dial-in-explain = Para ouvir a reunião, ligue de um telefone para um destes números. Quando solicitado, digite a ID da conferência seguida da tecla #.
dial-in-explain-no-id = Para ouvir a reunião, ligue de um telefone para um destes números.
dial-in-main-number = { $region } (número principal)
dial-in-copy = Copiar
dial-in-copied = Copiado
dial-in-copy-hint = Copia { $dial }: o número, uma pequena pausa e a ID da conferência, pronto para discar em um telefone ou aplicativo de chamadas.
dial-in-conference-id = ID da conferência: { $id }
dial-in-find-local = Encontrar um número local
dial-in-provider = Serviço de audioconferência da reunião
dial-in-toll-free = Ligação gratuita
dial-in-toll = Tarifa normal
dial-in-passcode = Código de acesso: { $code }

## "Ligar para mim": a reunião liga para o telefone do convidado (na reunião, quando o organizador permite)

call-me-title = Receber uma ligação da reunião
call-me-explain = Digite seu número de telefone e a reunião vai ligar para você. Atenda e você ouvirá a reunião pelo telefone.
call-me-number = Seu número de telefone
call-me-number-hint = ex.: +49 30 1234567
call-me-button = Ligar para mim
call-me-booth-button = Ligar para o telefone deste terminal
call-me-remember = Lembrar este número neste computador
call-me-ringing = Ligando para { $number }… Atenda o telefone para ouvir a reunião.
call-me-connected = Seu telefone está conectado: você ouve a reunião por ele.
call-me-ended = A ligação terminou.
call-me-hang-up = Desligar
call-me-hang-up-hint = Encerrar a ligação (você continua na reunião e no chat)
call-me-codes = Detalhes: { $details }
call-me-failed-not-allowed = Esta reunião não liga para o telefone dos convidados. Você pode ligar para a reunião: veja "Ouvir pelo telefone".
call-me-failed-busy = Seu telefone estava ocupado. Tente novamente ou use outro número.
call-me-failed-no-answer = Ninguém atendeu o telefone. Tente novamente quando puder atender.
call-me-failed-declined = A ligação foi recusada no telefone.
call-me-failed-bad-number = A reunião não conseguiu ligar para este número. Confira o número e tente novamente.
call-me-failed-unavailable = A reunião não pode ligar para você agora.
call-me-failed-connection-lost = A ligação terminou porque a conexão com a reunião caiu. Você pode pedir uma nova ligação.
call-me-failed-other = Não foi possível completar a ligação. Tente novamente mais tarde.
call-me-error-empty = Digite seu número de telefone.
call-me-error-not-a-number = Um número de telefone tem apenas dígitos, espaços, hifens, parênteses e um + no início.
call-me-error-needs-country = Coloque o código do seu país no início, por exemplo +49.
call-me-error-invalid = Não é possível ligar para este número. Confira e tente novamente.

## O fim de uma sessão

ended-cancelled = A entrada foi cancelada
ended-cancelled-remedy = Entre novamente para tentar outra vez ou volte para entrar em outra reunião.
ended-left = Você saiu da reunião
ended-left-remedy = Entre novamente com o mesmo link ou volte para entrar em outra reunião.
ended-error-id = ID do erro: { $id }
ended-code = código { $code }
ended-subcode = subcódigo { $subcode }
ended-details = Detalhes: { $details }
ended-cleaning-up = Finalizando…
ended-not-told = Não foi possível informar ao serviço de reuniões que você saiu; ele remove o convidado depois de um tempo.
ended-rejoin = Entrar novamente
ended-rejoin-hint = Entrar de novo na mesma reunião
ended-back = Voltar
ended-back-hint = Voltar ao formulário de entrada
ended-copy-diagnostics = Copiar diagnóstico
ended-copy-diagnostics-hint = Copiar um resumo sem dados sigilosos, para o suporte
ended-copied = Diagnóstico copiado para a área de transferência.
export-har = Exportar HAR…
export-har-hint = Salvar todas as trocas HTTP desta sessão em um arquivo HAR, com os tokens mascarados
export-diagnostics = Salvar diagnóstico…
export-diagnostics-hint = Salvar um arquivo zip para o suporte: versões, configurações sem dados sigilosos, etapas, HAR, eventos
export-saved = Salvo em { $path }
export-saved-no-dialog = Não há janela de seleção de arquivos disponível nesta área de trabalho. Salvo em { $path }
export-failed-har = Não foi possível salvar o arquivo HAR: { $details }
export-failed-diagnostics = Não foi possível salvar o diagnóstico: { $details }
export-dialog-har = Exportar HAR
export-dialog-diagnostics = Salvar diagnóstico
export-filter-har = Arquivo HAR
export-filter-zip = Arquivo zip

## Configurações

settings-title = Configurações
settings-save = Salvar
settings-back = Voltar sem salvar
settings-fix-fields = Corrija os campos marcados e salve novamente.
settings-language = Idioma
settings-language-system = Usar o idioma do sistema ({ $language })
settings-services = Serviços de acesso
settings-services-explain = A URL do token do aplicativo de serviço da sua organização, ou o Skype for Business Server com entrada direta (o Autodiscover começa em https://lyncdiscover.<domínio do organizador>/, a menos que você informe outra URL). A chave de serviço nunca é salva: informe o nome da variável de ambiente que a contém.
settings-services-none = Nenhum serviço por enquanto. A demonstração integrada será usada.
settings-service-add = Adicionar um serviço de acesso
settings-service-number = Serviço de acesso { $number }
settings-service-remove = Remover o serviço de acesso { $number }
settings-service-kind = Tipo do serviço de acesso { $number }
settings-kind-service = Aplicativo de serviço
settings-kind-direct = Skype for Business Server (direto)
settings-name = Nome
settings-autodiscover = URL do Autodiscover (opcional)
settings-token-url = URL do token
settings-key-variable = Variável da chave de serviço (opcional)
settings-origin = Origem
settings-culture = Cultura (idioma e região)
settings-culture-follows = Se ficar em branco, será usado { $culture }, conforme o idioma.
settings-variable-overrides = A variável { $variable } está definida; por isso, o valor dela é usado.
settings-variable-used = A variável { $variable } está definida; por isso, { $value } é usado.
settings-network = Rede
settings-network-explain = Proxy: "system" usa HTTPS_PROXY / NO_PROXY, "none" conecta diretamente; ou informe a URL de um proxy. Este computador (a demonstração integrada) é sempre acessado diretamente.
settings-proxy = Proxy
settings-no-proxy = Não usar proxy para (quando houver URL de proxy)
settings-ca-file = Arquivo de certificados de CA (PEM, opcional)
settings-text-size = Tamanho do texto
settings-theme = Tema
settings-theme-system = Usar o tema do sistema
settings-theme-light = Claro
settings-theme-dark = Escuro
settings-notifications = Notificações na área de trabalho
settings-notifications-explain = Quando a janela estiver atrás de outras janelas, você recebe um aviso quando sua entrada for permitida, quando a reunião terminar para você e quando chegar uma mensagem.
settings-kiosk-session-only = As alterações valem até o aplicativo ser reiniciado; para mantê-las, edite o arquivo de configuração.
kiosk-text-min = No quiosque, o tamanho do texto nunca é menor que { $scale }.

## O que há de errado com um campo das configurações

problem-service-name-empty = Dê um nome ao serviço de acesso.
problem-service-name-long = Use no máximo 64 caracteres, sem caracteres de controle.
problem-service-name-taken = Já existe outro serviço de acesso com este nome.
problem-token-url-not-absolute = Informe a URL completa do token, por exemplo https://join.contoso.com/GetAnonTokenJob.
problem-token-url-not-https = A URL do token precisa usar https:// (http:// só para localhost).
problem-token-url-no-host = A URL do token não tem nome de host.
problem-autodiscover-not-absolute = Informe a URL completa do Autodiscover, por exemplo https://lyncdiscover.contoso.com/.
problem-autodiscover-not-https = A URL do Autodiscover precisa usar https:// (http:// só para localhost).
problem-autodiscover-no-host = A URL do Autodiscover não tem nome de host.
problem-env-name = Use o nome de uma variável de ambiente, por exemplo CONTOSO_SERVICE_KEY.
problem-origin = Use uma origem como https://contoso.com (https, ou http só para este computador; sem caminho).
problem-culture = Use um código de idioma como pt-BR ou en-US.
problem-proxy = Use "system", "none" ou a URL de um proxy, por exemplo http://proxy.contoso.com:8080.
problem-no-proxy = Liste nomes de host, endereços IP ou redes separados por vírgulas, por exemplo .corp.example, 10.0.0.0/8.
problem-ca-file-path = Informe o caminho de um arquivo PEM com um ou mais certificados de CA.
problem-ca-file-unusable = Não é possível usar este arquivo: { $details }

## O quiosque

kiosk-welcome = Boas-vindas
kiosk-touch-start = Toque em Iniciar para falar com um atendente.
kiosk-start = Iniciar
kiosk-choose-language = Escolha seu idioma
kiosk-unreachable = O serviço não está disponível no momento. Tente novamente mais tarde ou peça ajuda à nossa equipe.
kiosk-your-name-title = Qual é o seu nome?
kiosk-name-default-hint = Deixe em branco para entrar como { $name }
kiosk-join = Entrar
kiosk-back = Voltar
kiosk-connecting = Conectando…
kiosk-cancel = Cancelar
kiosk-reconnecting-title = Reconectando
kiosk-reconnecting = A conexão foi interrompida por um instante. Estamos reconectando você…
kiosk-leave = Sair
kiosk-call-ended = A chamada terminou
kiosk-thank-you-visit = Agradecemos a sua visita.
kiosk-not-connected = Desculpe, não foi possível completar a chamada
kiosk-try-again-staff = Tente novamente ou peça ajuda à nossa equipe.
kiosk-cancelled = A chamada foi cancelada
kiosk-start-again = Você pode começar de novo quando quiser.
kiosk-thank-you = Obrigado
kiosk-done = Concluir
kiosk-countdown = Voltando ao início em { $seconds } s — toque para continuar
kiosk-stay = Continuar
kiosk-staff-access = Acesso da equipe
kiosk-staff-settings = Configurações
kiosk-exit-app = Sair do aplicativo
kiosk-settings-between-calls = As configurações só abrem quando não há chamada em andamento.
kiosk-no-pin = Nenhum PIN da equipe foi definido na configuração, por isso o terminal não pode ser desbloqueado aqui.
kiosk-pin = PIN
kiosk-locked-for = Bloqueado. Tente novamente em { $seconds } s.
kiosk-unlock = Desbloquear
kiosk-close = Fechar
kiosk-pin-wrong = PIN incorreto (tentativa { $attempt } de { $attempts }).
kiosk-pin-locked = Muitas tentativas com PIN incorreto. Tente novamente em { $seconds } s.
kiosk-pin-none = Nenhum PIN da equipe foi definido na configuração.

## Um link de reunião aberto quando a janela já está aberta (o link é passado para esta janela)

handover-title = Abrir o novo link de reunião?
handover-in-meeting = Você está em uma reunião. Ao abrir o novo link, você sairá dela.
handover-joining = Você está entrando em uma reunião. Ao abrir o novo link, a entrada será interrompida.
handover-new-link = Novo link: { $link }
handover-open = Sair e abrir o link
handover-stay = Continuar nesta reunião
handover-stay-hint = O novo link não será aberto

## O título da janela, que mostra a um convidado que está em outra janela o que aconteceu ("… — guest-join")

title-joining = Entrando na reunião…
title-lobby = Aguardando na sala de espera
title-in-meeting = Na reunião — { $meeting }
title-unread = ({ $count }) { $title }

## Notificações na área de trabalho (só quando a janela está atrás de outras janelas; nunca no quiosque)

notify-admitted = Você está na reunião
notify-admitted-body = Sua entrada foi permitida ({ $meeting }).
notify-message = Mensagem de { $name }
