# guest-join — 日本語 (ja).
#
# 文体：銀行や医療機関がお客様向けに使う、丁寧で平易な です/ます 調。ボタンは短い語（参加する／戻る／キャンセル）。
# 用語：meeting link = 会議リンク、join service = 参加サービス、meeting service = 会議サービス、
# lobby = ロビー、let you in = 参加を許可する、organizer = 主催者、guest = ゲスト、
# service application = サービスアプリケーション、staff = 係員。

## The language itself (shown on the language buttons and in Settings, in the language itself)

language-own-name = 日本語

## Durations and counts

duration-seconds = { $seconds }秒
duration-minutes-seconds = { $minutes }分{ $seconds }秒
duration-hours-minutes = { $hours }時間{ $minutes }分

## Why a join failed: a title, and one sentence of what to do

failure-bad-input = 会議リンクまたはお名前を使用できません
failure-bad-input-remedy = 招待状のリンクとお名前を確認して、もう一度お試しください。
failure-service-unreachable = 参加サービスに接続できません
failure-service-unreachable-remedy = インターネット接続をご確認ください。接続に問題がない場合は、組織の参加サービスが停止している可能性があります。しばらくしてからもう一度お試しください。
failure-service-refused = 参加サービスが要求を拒否しました
failure-service-refused-remedy = 組織の参加サービスが、この会議またはこのアプリを受け付けていません。会議の主催者にお問い合わせください。
failure-discovery = 会議サービスが見つかりませんでした
failure-discovery-remedy = 会議サービスがサインイン情報を受け付けませんでした。もう一度お試しいただき、問題が解決しない場合は主催者にお知らせください。
failure-application = 会議サービスでゲストのサインインが許可されませんでした
failure-application-remedy = 1分ほど待ってから、もう一度お試しください。問題が解決しない場合は主催者にお知らせください。
failure-meeting-not-found = 会議が見つかりませんでした
failure-meeting-not-found-remedy = リンクが途中で切れていないか、会議がキャンセルされていないかをご確認ください。
failure-not-allowed = この会議にはゲストは参加できません
failure-not-allowed-remedy = ゲスト（匿名ユーザー）の参加を許可するか、会議のロックを解除するよう主催者にご依頼ください。
failure-anonymous-join-disabled = この会議サーバーでは、アカウントを持たないゲストは参加できません
failure-anonymous-join-disabled-remedy = この会議またはサーバー全体で匿名参加が無効になっています。ゲストの参加を許可するよう主催者にご依頼いただくか、Skype for Businessアカウントで参加してください。
failure-wrong-conference-key = 会議サーバーがこの会議のキーを受け付けませんでした
failure-wrong-conference-key-remedy = リンクが途中で切れていないか（末尾の部分が会議IDです）、会議がまだ存在するかをご確認ください。新しいリンクを主催者にご依頼ください。
failure-lobby-denied = 主催者が参加を許可しませんでした
failure-lobby-denied-remedy = 誤りと思われる場合は、主催者にお問い合わせください。
failure-lobby-timeout = 参加が許可されないまま時間切れになりました
failure-lobby-timeout-remedy = 参加を許可されなかったゲストは、しばらくするとロビーから退出となります。ロビーを確認するよう主催者にご依頼のうえ、もう一度参加してください。
failure-network = ネットワーク接続に失敗しました
failure-network-remedy = ネットワーク接続（およびプロキシ設定）を確認して、もう一度お試しください。
failure-timeout = 参加処理に時間がかかりすぎました
failure-timeout-remedy = サービスの応答が遅いか、接続できません。もう一度お試しください。
failure-removed = 会議から削除されました
failure-removed-remedy = 主催者によって会議から削除されました。再参加を求められた場合のみ、もう一度参加してください。
failure-inactive = 一定時間応答がなかったため、会議から削除されました
failure-inactive-remedy = 会議サービスは、通信が途絶えたゲストを切断します。ネットワークを確認して、もう一度参加してください。
failure-meeting-ended = 会議は終了しました
failure-meeting-ended-remedy = 主催者が会議を終了しました。
failure-connection-lost = 会議との接続が切断されました
failure-connection-lost-remedy = もう一度会議に参加してください。
failure-server-error = 会議サービスで問題が発生しました
failure-server-error-remedy = しばらくしてからもう一度お試しください。問題が解決しない場合は主催者にお知らせください。
failure-protocol = 会議サービスから予期しない応答がありました
failure-protocol-remedy = もう一度お試しください。問題が解決しない場合は、診断情報をサポートにお送りください。

## The steps of a join (the timeline)

step-service-application = サービスアプリケーション
step-discovery = 検出
step-autodiscover = 自動検出
step-web-ticket = Webチケット
step-application = アプリケーション
step-event-channel = イベントチャネル
step-join-request = 参加要求
step-lobby = ロビー
step-in-meeting = 会議中
step-leave = 退出

## Where a join is

phase-idle = 準備完了
phase-requesting-token = 参加サービスにアクセスを要求しています
phase-discovering = 会議サービスを検索しています
phase-creating-application = ゲストとしてサインインしています
phase-joining = 会議に参加しています
phase-in-lobby = ロビーで待機しています
phase-in-meeting = 会議中
phase-reconnecting = 再接続しています
phase-leaving = 退出しています
phase-left = 会議から退出しました
phase-failed = 参加できませんでした
phase-cancelled = キャンセルされました

## How a join service is reached

flow-service-application = サービスアプリケーション
flow-direct = Skype for Business Server（直接）

## Window header and messages at the top

app-tagline = ゲストとして会議に参加
app-chat-only = このアプリでは会議のチャットを利用できます。会議が対応している場合は、会議の音声を電話で聞くこともできます。コンピューターで会議の音声を聞いたり映像を見たりすることはできません。
settings-button = 設定
banner-dismiss = 閉じる
banner-dismiss-hint = このメッセージを非表示にします
banner-config-unusable = 構成ファイルを使用できませんでした。{ $details }
banner-network-setup-failed = ネットワークの設定に失敗しました：{ $details }
banner-settings-not-saved = 設定を保存できませんでした：{ $details }
banner-config-warning = 構成を確認してください：{ $details }

## First run (no join service configured)

demo-banner-title = 組み込みデモ環境
demo-banner-text = 参加サービスが設定されていないため、guest-joinは組み込みのデモ環境を使用します。デモ環境はこのアプリ内でのみ動作し、参加時に起動します。
demo-banner-try = デモ会議を試す
demo-banner-add-service = 組織のサービスは「設定」で追加できます。

## The join form

form-title = 会議に参加
form-meeting-link = 会議リンク
form-meeting-link-hint = 招待状に記載されたhttps://…のリンク、または招待状の全文を貼り付けてください
form-link-extracted = 貼り付けたテキストからリンクを取り出しました（{ $host }の会議）。
form-your-name = お名前
form-your-name-hint = 他の参加者に表示される名前です
form-join-service = 参加サービス
form-service-demo = 組み込みデモ
form-service-demo-direct = 組み込みデモ — Skype for Business Server（直接）
form-service-direct-named = { $name } — Skype for Business Server（直接）
form-service-direct-adhoc = 組織のSkype for Business Server（直接）
form-service-key-unset = サービスキーの変数{ $variable }が設定されていないため、サービスキーなしで参加します。
form-join = 参加する
form-join-disabled-hint = リンクとお名前を正しく入力すると、参加できるようになります。
form-direct-offer = この会議はSkype for Business Online上の会議ではありません。組織のSkype for Business Server上の会議であれば、直接参加できます。
form-join-directly = 直接参加する
form-cancelled = 参加をキャンセルしました。
form-cancelled-told = 参加をキャンセルしました。会議サービスにも通知しました。
form-cancelled-not-told = 参加をキャンセルしました。会議サービスには通知できませんでしたが、ゲストはしばらくすると自動的に削除されます。
form-left-told = 会議から退出しました。会議サービスにも通知しました。
form-left-not-told = 会議から退出しました。会議サービスには通知できませんでしたが、ゲストはしばらくすると自動的に削除されます。
form-bad-service = 参加サービス「{ $name }」のアドレスが正しくありません。「設定」で修正してください。

## What is wrong with a meeting link or a name (shown under the field)

link-empty = 招待状の会議リンクを貼り付けてください。
link-sip-uri = これはSkypeのアドレス（sip:）で、会議リンクではありません。招待状に記載されたhttps://の参加リンクを貼り付けてください。Skype for Business Serverの会議には、会議アドレスで直接参加することもできます。
link-not-https = 会議リンクはhttps://で始まる必要があります。このリンクは{ $scheme }://で始まっています。
link-not-a-url = リンクではないようです。招待状に記載されたhttps://の参加リンクを貼り付けてください。
link-no-meeting-link = テキストに会議リンクが含まれていません。招待状に記載されたhttps://の参加リンクを貼り付けてください。
link-several-links = テキストに複数の異なる会議リンクが含まれています。参加したい会議のリンクだけを貼り付けてください。
link-no-path = リンクに会議の情報が含まれていません（ホスト名のみです）。参加リンク全体を貼り付けてください。
link-too-long = リンクが長すぎるため、会議リンクとして使用できません。
link-has-credentials = 会議リンクにユーザー名やパスワードを含めることはできません。
link-online-for-direct = これはSkype for Business Onlineのリンクです。Onlineの会議には、直接ではなく組織のサービスアプリケーションを通じて参加します。
link-not-simple-url = このリンクはSkype for Business Serverの会議リンクの形式（https://meet.<ドメイン>/<主催者>/<会議ID>）ではありません。代わりに会議アドレス（sip:…;gruu;opaque=app:conf:focus:id:…）を貼り付けてください。
link-no-domain = 会議のホストがIPアドレスのため、主催者のドメインがわかりません。代わりに会議アドレス（sip:…）を貼り付けてください。
name-empty = 他の参加者に表示される名前を入力してください。
name-too-long = お名前が長すぎます（{ $chars }文字）。{ $max }文字以内で入力してください。
name-control-character = お名前に制御文字（タブや改行など）が含まれています。削除してください。

## Joining: the timeline

joining-title = { $host }の会議に参加しています
joining-as-via = { $name }として参加（{ $service }経由）
joining-starting = 開始しています…
joining-cancel = キャンセル
joining-cancel-hint = 参加を中止します（Esc）
step-state-pending = 待機中
step-state-running = 実行中
step-state-done = 完了
step-state-failed = 失敗
step-state-stopped = 中止
step-retries = { $count }回再試行
step-no-requests = このステップにHTTPリクエストはありません。
step-hide-requests = リクエストを非表示
step-show-requests = このステップのリクエスト（{ $count }件）を表示
step-earlier-requests = 以前のリクエスト{ $count }件は表示されていません。
exchange-no-answer = 応答なし
exchange-no-answer-because = 応答なし：{ $error }
exchange-request = リクエスト
exchange-request-body = リクエスト本文
exchange-response = レスポンス
exchange-response-body = レスポンス本文
exchange-error = エラー
join-steps = 参加のステップ

## The lobby

lobby-title = 主催者が参加を許可するまでお待ちください
lobby-where = { $meeting }のロビーで、{ $name }として待機しています。
lobby-meeting-on = { $host }の会議
lobby-waited = 待機時間：{ $duration }
lobby-explain = 会議の参加者が参加を許可する必要があります。許可されなかったゲストは、しばらくするとロビーから退出となります。その場合は、もう一度お試しください。
lobby-cancel-hint = 待機を中止します（Esc）

## In the meeting

meeting-on = { $host }の会議
meeting-organizer = 主催者：{ $name }
meeting-leaving = 会議から退出しています…
meeting-reconnecting = 再接続しています…
meeting-reconnecting-attempt = 再接続しています…（{ $attempts }回中{ $attempt }回目）
meeting-connection-good = 接続良好
meeting-you-are-in = { $name }として会議に参加しています。
meeting-connection-lost-because = 接続が切断されました：{ $reason }
meeting-leave = 退出する
meeting-leave-hint = 会議から退出します
roster-title = 参加者（{ $count }）
roster-you = { $name }（自分）
roster-on-phone = 電話で参加中
# The roster's counts, shown side by side under its title.
roster-count-leaders = 主催者{ $count }人
roster-count-attendees = 出席者{ $count }人
roster-count-lobby = ロビーで{ $count }人が待機中
# Headings inside the list of participants.
roster-section-leaders = 主催者（{ $count }）
roster-section-attendees = 出席者（{ $count }）
roster-section-lobby = ロビーで待機中（{ $count }）
roster-find = 参加者を検索
roster-find-hint = 名前の一部を入力
roster-find-none = 「{ $text }」に一致する参加者はいません。
chat-title = チャット
chat-empty = まだメッセージはありません。
chat-you = 自分
chat-sending = 送信中…
chat-delivered = 配信済み
chat-not-delivered = 未配信
chat-typing-one = { $name }さんが入力しています…
chat-typing-two = { $first }さんと{ $second }さんが入力しています…
chat-typing-many = { $count }人が入力しています…
chat-message = メッセージ
chat-message-hint = メッセージを入力（Enterで送信）
chat-send = 送信
chat-send-hint = 会議の全員にメッセージを送信します
chat-connecting = チャットに接続しています…
# A button over the end of the chat while the guest reads older messages; it goes to the latest.
chat-new-messages = 新着メッセージ{ $count }件 ↓
chat-new-messages-hint = 最新のメッセージに移動します
# At the top of a long chat: the oldest messages are no longer kept.
chat-older-dropped = 古いメッセージ{ $count }件は表示されなくなりました。

## Hearing the meeting by phone: the meeting's dial-in numbers (the app itself carries chat only)

dial-in-title = 電話で音声を聞く
dial-in-explain = 会議の音声を聞くには、電話で次のいずれかの番号におかけください。音声案内に従って会議IDを入力し、最後に#を押してください。
dial-in-explain-no-id = 会議の音声を聞くには、電話で次のいずれかの番号におかけください。
dial-in-main-number = { $region }（代表番号）
dial-in-copy = コピー
dial-in-copied = コピー済み
dial-in-copy-hint = { $dial }（電話番号、短い間隔、会議ID）をコピーします。電話や通話アプリでそのまま発信できます。
dial-in-conference-id = 会議ID：{ $id }
dial-in-find-local = お住まいの地域の番号を探す
dial-in-provider = この会議の電話会議サービス
dial-in-toll-free = 通話料無料
dial-in-toll = 通常料金
dial-in-passcode = パスコード：{ $code }

## "Call me": the meeting rings the guest's phone (in the meeting, where the organizer allows it)

call-me-title = 会議から電話を受ける
call-me-explain = 電話番号を入力すると、会議から電話がかかってきます。電話に出ると、会議の音声を電話で聞くことができます。
call-me-number = 電話番号
call-me-number-hint = 例：+49 30 1234567
call-me-button = 電話をかけてもらう
call-me-booth-button = この端末の電話にかける
call-me-remember = この番号をこのコンピューターに保存する
call-me-ringing = { $number }に発信しています…電話に出ると、会議の音声が聞こえます。
call-me-connected = 電話がつながりました。会議の音声を電話で聞くことができます。
call-me-ended = 通話が終了しました。
call-me-hang-up = 電話を切る
call-me-hang-up-hint = 通話を終了します（会議とチャットには参加したままです）
call-me-codes = 詳細：{ $details }
call-me-failed-not-allowed = この会議では、ゲストの電話に発信することはできません。代わりに、ご自身で会議に電話をかけることができます。「電話で音声を聞く」をご覧ください。
call-me-failed-busy = お使いの電話は話し中でした。もう一度お試しいただくか、別の番号をお使いください。
call-me-failed-no-answer = 電話に応答がありませんでした。電話に出られるときに、もう一度お試しください。
call-me-failed-declined = 電話で着信が拒否されました。
call-me-failed-bad-number = 会議からこの番号に発信できませんでした。番号を確認して、もう一度お試しください。
call-me-failed-unavailable = ただいま会議から電話をかけることができません。
call-me-failed-connection-lost = 会議との接続が切断されたため、通話が終了しました。改めて電話をかけてもらうことができます。
call-me-failed-other = 電話がつながりませんでした。しばらくしてからもう一度お試しください。
call-me-error-empty = 電話番号を入力してください。
call-me-error-not-a-number = 電話番号に使えるのは、数字、スペース、ハイフン、かっこ、先頭の+だけです。
call-me-error-needs-country = 先頭に国番号を付けてください（例：+49）。
call-me-error-invalid = 発信できない電話番号です。番号を確認して、もう一度お試しください。

## The end of a session

ended-cancelled = 参加をキャンセルしました
ended-cancelled-remedy = 「再参加」でもう一度お試しいただくか、「戻る」から別の会議に参加してください。
ended-left = 会議から退出しました
ended-left-remedy = 「再参加」で同じ会議にもう一度参加するか、「戻る」から別の会議に参加してください。
ended-error-id = エラーID：{ $id }
ended-code = コード：{ $code }
ended-subcode = サブコード：{ $subcode }
ended-details = 詳細：{ $details }
ended-cleaning-up = 終了処理をしています…
ended-not-told = 退出したことを会議サービスに通知できませんでした。ゲストはしばらくすると自動的に削除されます。
ended-rejoin = 再参加
ended-rejoin-hint = 同じ会議にもう一度参加します
ended-back = 戻る
ended-back-hint = 参加フォームに戻ります
ended-copy-diagnostics = 診断情報をコピー
ended-copy-diagnostics-hint = 機密情報を含まない概要を、サポート用にコピーします
ended-copied = 診断情報をクリップボードにコピーしました。
export-har = HARをエクスポート…
export-har-hint = このセッションのすべてのHTTP通信を、トークンを伏せた状態でHARファイルとして保存します
export-diagnostics = 診断情報を保存…
export-diagnostics-hint = サポート用のzipファイルを保存します（バージョン、機密情報を除いた設定、ステップ、HAR、イベント）
export-saved = { $path }に保存しました
export-saved-no-dialog = このデスクトップ環境ではファイルダイアログを使用できません。{ $path }に保存しました
export-failed-har = HARファイルを保存できませんでした：{ $details }
export-failed-diagnostics = 診断情報を保存できませんでした：{ $details }
export-dialog-har = HARをエクスポート
export-dialog-diagnostics = 診断情報を保存
export-filter-har = HARアーカイブ
export-filter-zip = Zipアーカイブ

## Settings

settings-title = 設定
settings-save = 保存
settings-back = 保存せずに戻る
settings-fix-fields = エラーのある項目を修正してから、もう一度保存してください。
settings-language = 言語
settings-language-system = システムに合わせる（{ $language }）
settings-services = 参加サービス
settings-services-explain = 組織のサービスアプリケーションのトークンURL、または直接参加するSkype for Business Serverを指定します（別のURLを指定しない限り、自動検出はhttps://lyncdiscover.<主催者のドメイン>/から開始します）。サービスキーは保存されません。キーを格納している環境変数の名前を指定してください。
settings-services-none = 未設定です。組み込みデモを使用します。
settings-service-add = 参加サービスを追加
settings-service-number = 参加サービス{ $number }
settings-service-remove = 参加サービス{ $number }を削除
settings-service-kind = 参加サービス{ $number }の種類
settings-kind-service = サービスアプリケーション
settings-kind-direct = Skype for Business Server（直接）
settings-name = 名前
settings-autodiscover = 自動検出URL（省略可）
settings-token-url = トークンURL
settings-key-variable = サービスキーの変数（省略可）
settings-origin = オリジン
settings-culture = カルチャ（言語と地域）
settings-culture-follows = 空欄の場合：言語に基づき{ $culture }を使用します。
settings-variable-overrides = { $variable }が設定されているため、その値が使用されます。
settings-variable-used = { $variable }が設定されているため、代わりに{ $value }が使用されます。
settings-network = ネットワーク
settings-network-explain = プロキシ："system"はHTTPS_PROXY / NO_PROXYを使用し、"none"は直接接続します。プロキシのURLを指定することもできます。このコンピューター（組み込みデモ）には常に直接接続します。
settings-proxy = プロキシ
settings-no-proxy = プロキシを使用しない接続先（プロキシURL指定時）
settings-ca-file = CA証明書ファイル（PEM、省略可）
settings-text-size = 文字サイズ
settings-theme = テーマ
settings-theme-system = システムに合わせる
settings-theme-light = ライト
settings-theme-dark = ダーク
settings-notifications = デスクトップ通知
settings-notifications-explain = ウィンドウが他のウィンドウの後ろに隠れている間は、参加が許可されたとき、会議への参加が終了したとき、メッセージが届いたときにお知らせします。
settings-kiosk-session-only = 変更はアプリを再起動するまで有効です。保持するには構成ファイルを編集してください。
kiosk-text-min = キオスクでは、文字サイズは常に{ $scale }以上で表示されます。

## What is wrong with a settings field

problem-service-name-empty = 参加サービスの名前を入力してください。
problem-service-name-long = 64文字以内で、制御文字を含めずに入力してください。
problem-service-name-taken = この名前は別の参加サービスで使用されています。
problem-token-url-not-absolute = 完全なトークンURLを入力してください（例：https://join.contoso.com/GetAnonTokenJob）。
problem-token-url-not-https = トークンURLにはhttps://を使用してください（http://はlocalhostの場合のみ使用できます）。
problem-token-url-no-host = トークンURLにホスト名がありません。
problem-autodiscover-not-absolute = 完全な自動検出URLを入力してください（例：https://lyncdiscover.contoso.com/）。
problem-autodiscover-not-https = 自動検出URLにはhttps://を使用してください（http://はlocalhostの場合のみ使用できます）。
problem-autodiscover-no-host = 自動検出URLにホスト名がありません。
problem-env-name = 環境変数の名前を入力してください（例：CONTOSO_SERVICE_KEY）。
problem-origin = オリジンを入力してください（例：https://contoso.com）。httpsを使用し（httpはこのコンピューターの場合のみ）、パスは含めないでください。
problem-culture = 言語タグを入力してください（例：ja-JP、en-US）。
problem-proxy = "system"、"none"、またはプロキシのURL（例：http://proxy.contoso.com:8080）を入力してください。
problem-no-proxy = ホスト名、IPアドレス、ネットワークを半角カンマ区切りで入力してください（例：.corp.example, 10.0.0.0/8）。
problem-ca-file-path = 1つ以上のCA証明書を含むPEMファイルのパスを指定してください。
problem-ca-file-unusable = このファイルは使用できません：{ $details }

## The kiosk

kiosk-welcome = ようこそ
kiosk-touch-start = 「開始」にタッチすると、担当者とお話しできます。
kiosk-start = 開始
kiosk-choose-language = 言語を選択してください
kiosk-unreachable = ただいま接続できません。しばらくしてからお試しいただくか、係員にお声がけください。
kiosk-your-name-title = お名前を入力してください
kiosk-name-default-hint = 空欄のままにすると「{ $name }」として参加します
kiosk-join = 参加する
kiosk-back = 戻る
kiosk-connecting = 接続しています…
kiosk-cancel = キャンセル
kiosk-reconnecting-title = 再接続中
kiosk-reconnecting = 接続が一時的に切れました。再接続しています…
kiosk-leave = 終了
kiosk-call-ended = 通話が終了しました
kiosk-thank-you-visit = ご利用ありがとうございました。
kiosk-not-connected = 申し訳ございません。通話をおつなぎできませんでした
kiosk-try-again-staff = もう一度お試しいただくか、係員にお声がけください。
kiosk-cancelled = 通話がキャンセルされました
kiosk-start-again = いつでも最初からご利用いただけます。
kiosk-thank-you = ありがとうございました
kiosk-done = 完了
kiosk-countdown = { $seconds }秒後に最初の画面に戻ります。続けるには画面にタッチしてください
kiosk-stay = 続ける
kiosk-staff-access = 係員用メニュー
kiosk-staff-settings = 設定
kiosk-exit-app = アプリを終了
kiosk-settings-between-calls = 通話中は設定を開けません。
kiosk-no-pin = 構成ファイルに係員用PINが設定されていないため、ここでは端末のロックを解除できません。
kiosk-pin = PIN
kiosk-locked-for = ロック中です。{ $seconds }秒後にもう一度お試しください。
kiosk-unlock = ロック解除
kiosk-close = 閉じる
kiosk-pin-wrong = PINが正しくありません（{ $attempts }回中{ $attempt }回目）。
kiosk-pin-locked = PINの誤入力が多すぎます。{ $seconds }秒後にもう一度お試しください。
kiosk-pin-none = 構成ファイルに係員用PINが設定されていません。

## A meeting link opened while the window is already open (the link is handed to this window)

handover-title = 新しい会議リンクを開きますか？
handover-in-meeting = 会議に参加中です。新しいリンクを開くと、この会議から退出します。
handover-joining = 会議への参加手続き中です。新しいリンクを開くと、参加を中止します。
handover-new-link = 新しいリンク：{ $link }
handover-open = 退出してリンクを開く
handover-stay = この会議に残る
handover-stay-hint = 新しいリンクは開きません

## The window title, which tells a guest in another window what happened ("… — guest-join")

title-joining = 会議に参加しています…
title-lobby = ロビーで待機中
title-in-meeting = 会議中 — { $meeting }
title-unread = ({ $count }) { $title }

## Desktop notifications (only while the window is behind other windows; never on a kiosk)

notify-admitted = 会議に参加しました
notify-admitted-body = { $meeting }への参加が許可されました。
notify-message = { $name }さんからのメッセージ
