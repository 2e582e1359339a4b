# guest-join — 简体中文 (zh-CN).
#
# 语体：银行或医疗机构对客户使用的礼貌、平实的用语，称呼用户为“您”。
# 术语：meeting link = 会议链接；join service = 加入服务；meeting service = 会议服务；
# lobby = 等候室；let you in = 准许您进入；organizer = 组织者；guest = 访客；
# service application = 服务应用程序；participants = 参与者；attendee = 与会者；staff = 工作人员。

## The language itself (shown on the language buttons and in Settings, in the language itself)

language-own-name = 简体中文

## Durations and counts

duration-seconds = { $seconds }秒
duration-minutes-seconds = { $minutes }分{ $seconds }秒
duration-hours-minutes = { $hours }小时{ $minutes }分

## Why a join failed: a title, and one sentence of what to do

failure-bad-input = 无法使用该会议链接或姓名
failure-bad-input-remedy = 请检查邀请中的链接和您的姓名，然后重试。
failure-service-unreachable = 无法连接到加入服务
failure-service-unreachable-remedy = 请检查您的网络连接；如果网络正常，可能是该组织的加入服务暂时不可用，请稍后重试。
failure-service-refused = 加入服务拒绝了请求
failure-service-refused-remedy = 该组织的加入服务不接受此会议或此应用，请联系会议组织者。
failure-discovery = 找不到会议服务
failure-discovery-remedy = 会议服务未接受所提供的登录凭据。请重试；如果仍然失败，请告知组织者。
failure-application = 会议服务不允许访客登录
failure-application-remedy = 请一分钟后重试；如果仍然失败，请告知组织者。
failure-meeting-not-found = 找不到该会议
failure-meeting-not-found-remedy = 请检查链接是否完整，以及会议是否已被取消。
failure-not-allowed = 此会议不允许访客加入
failure-not-allowed-remedy = 请联系组织者，让其允许访客（匿名用户）加入或解除会议锁定。
failure-anonymous-join-disabled = 此会议服务器不允许访客在没有账户的情况下加入
failure-anonymous-join-disabled-remedy = 此会议或整个服务器已关闭匿名加入。请联系组织者允许访客加入，或使用Skype for Business账户加入。
failure-wrong-conference-key = 会议服务器不接受此会议的密钥
failure-wrong-conference-key-remedy = 请检查链接是否完整（最后一部分是会议ID），以及会议是否仍然存在；也可以向组织者索取新链接。
failure-lobby-denied = 组织者未准许您进入
failure-lobby-denied-remedy = 如果您认为有误，请联系组织者。
failure-lobby-timeout = 无人准许您进入
failure-lobby-timeout-remedy = 未获准进入的访客会在一段时间后被移出等候室；请提醒组织者留意等候室，然后重新加入。
failure-network = 网络连接失败
failure-network-remedy = 请检查网络连接（及代理设置），然后重试。
failure-timeout = 加入超时
failure-timeout-remedy = 服务响应缓慢或无法访问，请重试。
failure-removed = 您已被移出会议
failure-removed-remedy = 组织者已将您移出会议；请仅在对方要求时重新加入。
failure-inactive = 您因长时间无活动而被移出会议
failure-inactive-remedy = 会议服务会断开长时间没有通信的访客；请检查网络后重新加入。
failure-meeting-ended = 会议已结束
failure-meeting-ended-remedy = 组织者已结束会议。
failure-connection-lost = 与会议的连接已断开
failure-connection-lost-remedy = 请重新加入会议。
failure-server-error = 会议服务出现问题
failure-server-error-remedy = 请稍后重试；如果仍然失败，请告知组织者。
failure-protocol = 会议服务返回了意外的响应
failure-protocol-remedy = 请重试；如果仍然失败，请将诊断信息发送给技术支持。

## The steps of a join (the timeline)

step-service-application = 服务应用程序
step-discovery = 发现
step-autodiscover = 自动发现
step-web-ticket = Web票证
step-application = 应用程序
step-event-channel = 事件通道
step-join-request = 加入请求
step-lobby = 等候室
step-in-meeting = 会议中
step-leave = 离开

## Where a join is

phase-idle = 就绪
phase-requesting-token = 正在向加入服务请求访问权限
phase-discovering = 正在查找会议服务
phase-creating-application = 正在以访客身份登录
phase-joining = 正在加入会议
phase-in-lobby = 正在等候室等候
phase-in-meeting = 会议中
phase-reconnecting = 正在重新连接
phase-leaving = 正在离开
phase-left = 已离开会议
phase-failed = 无法加入
phase-cancelled = 已取消

## How a join service is reached

flow-service-application = 服务应用程序
flow-direct = Skype for Business Server（直接）

## Window header and messages at the top

app-tagline = 以访客身份加入会议
app-chat-only = 此应用提供会议聊天；如会议支持，还可通过电话收听会议声音。您无法通过电脑收听或观看会议。
settings-button = 设置
banner-dismiss = 关闭
banner-dismiss-hint = 隐藏此消息
banner-config-unusable = 无法使用配置文件。{ $details }
banner-network-setup-failed = 网络设置失败：{ $details }
banner-settings-not-saved = 无法保存设置：{ $details }
banner-config-warning = 请检查配置：{ $details }

## First run (no join service configured)

demo-banner-title = 内置演示环境
demo-banner-text = 尚未配置加入服务，因此guest-join将使用内置演示环境。该环境仅在本应用内运行，并在您加入会议时启动。
demo-banner-try = 试用演示会议
demo-banner-add-service = 您可以在“设置”中添加所在组织的服务。

## The join form

form-title = 加入会议
form-meeting-link = 会议链接
form-meeting-link-hint = 粘贴邀请中的https://…链接，或粘贴完整的邀请内容
form-link-extracted = 已从粘贴的文本中提取链接（会议位于{ $host }）。
form-your-name = 您的姓名
form-your-name-hint = 其他参与者将看到此姓名
form-join-service = 加入服务
form-service-demo = 内置演示
form-service-demo-direct = 内置演示 — Skype for Business Server（直接）
form-service-direct-named = { $name } — Skype for Business Server（直接）
form-service-direct-adhoc = 您所在组织的Skype for Business Server（直接）
form-service-key-unset = 未设置服务密钥变量{ $variable }，将不使用服务密钥加入。
form-join = 加入
form-join-disabled-hint = 链接和姓名均有效后即可加入。
form-direct-offer = 此会议不在Skype for Business Online上。如果会议位于您所在组织的Skype for Business Server上，您可以直接加入。
form-join-directly = 直接加入
form-cancelled = 已取消加入。
form-cancelled-told = 已取消加入，并已通知会议服务。
form-cancelled-not-told = 已取消加入，但未能通知会议服务；会议服务会在一段时间后自动移除该访客。
form-left-told = 您已离开会议，并已通知会议服务。
form-left-not-told = 您已离开会议，但未能通知会议服务；会议服务会在一段时间后自动移除该访客。
form-bad-service = 加入服务“{ $name }”的地址无效，请在“设置”中修改。

## What is wrong with a meeting link or a name (shown under the field)

link-empty = 请粘贴邀请中的会议链接。
link-sip-uri = 这是Skype地址（sip:），不是会议链接。请粘贴邀请中的https://加入链接；如果会议位于Skype for Business Server上，也可以通过会议地址直接加入。
link-not-https = 会议链接必须以https://开头，而此链接以{ $scheme }://开头。
link-not-a-url = 这看起来不是链接。请粘贴邀请中的https://加入链接。
link-no-meeting-link = 文本中没有会议链接。请粘贴邀请中的https://加入链接。
link-several-links = 文本中包含多个不同的会议链接。请只粘贴您要加入的会议的链接。
link-no-path = 该链接中没有会议信息（只有主机名）。请粘贴完整的加入链接。
link-too-long = 链接过长，不是有效的会议链接。
link-has-credentials = 会议链接中不能包含用户名或密码。
link-online-for-direct = 这是Skype for Business Online链接；Online会议需通过组织的服务应用程序加入，无法直接加入。
link-not-simple-url = 此链接不符合Skype for Business Server会议链接的格式（https://meet.<域名>/<组织者>/<会议ID>）。请改为粘贴会议地址（sip:…;gruu;opaque=app:conf:focus:id:…）。
link-no-domain = 会议主机是IP地址，因此无法确定组织者的域名。请改为粘贴会议地址（sip:…）。
name-empty = 请输入其他参与者将看到的姓名。
name-too-long = 姓名过长（{ $chars }个字符），最多可输入{ $max }个字符。
name-control-character = 姓名中包含控制字符（如制表符或换行符），请将其删除。

## Joining: the timeline

joining-title = 正在加入{ $host }上的会议
joining-as-via = 身份：{ $name } · 通过：{ $service }
joining-starting = 正在启动…
joining-cancel = 取消
joining-cancel-hint = 停止加入（Esc）
step-state-pending = 等待中
step-state-running = 进行中
step-state-done = 已完成
step-state-failed = 失败
step-state-stopped = 已停止
step-retries = 已重试{ $count }次
step-no-requests = 此步骤没有HTTP请求。
step-hide-requests = 隐藏请求
step-show-requests = 显示此步骤的{ $count }个请求
step-earlier-requests = 未显示之前的{ $count }个请求。
exchange-no-answer = 无响应
exchange-no-answer-because = 无响应：{ $error }
exchange-request = 请求
exchange-request-body = 请求正文
exchange-response = 响应
exchange-response-body = 响应正文
exchange-error = 错误
join-steps = 加入步骤

## The lobby

lobby-title = 正在等待组织者准许您进入
lobby-where = 您正以{ $name }的身份在{ $meeting }的等候室中等候。
lobby-meeting-on = { $host }上的会议
lobby-waited = 已等待{ $duration }
lobby-explain = 需要会议中的人员准许您进入。未获准进入的访客会在一段时间后被移出等候室，届时您可以重试。
lobby-cancel-hint = 停止等待（Esc）

## In the meeting

meeting-on = { $host }上的会议
meeting-organizer = 组织者：{ $name }
meeting-leaving = 正在离开会议…
meeting-reconnecting = 正在重新连接…
meeting-reconnecting-attempt = 正在重新连接…第{ $attempt }次尝试，共{ $attempts }次
meeting-connection-good = 连接良好
meeting-you-are-in = 您已以{ $name }的身份加入会议。
meeting-connection-lost-because = 连接已断开：{ $reason }
meeting-leave = 离开
meeting-leave-hint = 离开会议
roster-title = 参与者（{ $count }）
roster-you = { $name }（您）
roster-on-phone = 通过电话接入
# The roster's counts, shown side by side under its title.
roster-count-leaders = { $count }位组织者
roster-count-attendees = { $count }位与会者
roster-count-lobby = { $count }人在等候室等候
# Headings inside the list of participants.
roster-section-leaders = 组织者（{ $count }）
roster-section-attendees = 与会者（{ $count }）
roster-section-lobby = 在等候室等候（{ $count }）
roster-find = 查找参与者
roster-find-hint = 输入姓名的一部分
roster-find-none = 没有与“{ $text }”匹配的参与者。
chat-title = 聊天
chat-empty = 暂无消息。
chat-you = 您
chat-sending = 正在发送…
chat-delivered = 已送达
chat-not-delivered = 未送达
chat-typing-one = { $name }正在输入…
chat-typing-two = { $first }和{ $second }正在输入…
chat-typing-many = { $count }人正在输入…
chat-message = 消息
chat-message-hint = 输入消息，按Enter发送
chat-send = 发送
chat-send-hint = 将消息发送给会议中的所有人
chat-connecting = 正在连接聊天…
# A button over the end of the chat while the guest reads older messages; it goes to the latest.
chat-new-messages = { $count }条新消息 ↓
chat-new-messages-hint = 跳转到最新消息
# At the top of a long chat: the oldest messages are no longer kept.
chat-older-dropped = { $count }条较早的消息已不再显示。

## Hearing the meeting by phone: the meeting's dial-in numbers (the app itself carries chat only)

dial-in-title = 通过电话收听
dial-in-explain = 如需收听会议，请用电话拨打以下任一号码。听到提示后，输入会议ID，然后按#键。
dial-in-explain-no-id = 如需收听会议，请用电话拨打以下任一号码。
dial-in-main-number = { $region }（主号码）
dial-in-copy = 复制
dial-in-copied = 已复制
dial-in-copy-hint = 复制{ $dial }：号码、短暂停顿和会议ID，可直接在电话或通话应用中拨打。
dial-in-conference-id = 会议ID：{ $id }
dial-in-find-local = 查找本地号码
dial-in-provider = 本会议的音频会议服务
dial-in-toll-free = 免费电话
dial-in-toll = 标准资费
dial-in-passcode = 会议密码：{ $code }

## "Call me": the meeting rings the guest's phone (in the meeting, where the organizer allows it)

call-me-title = 让会议给您打电话
call-me-explain = 输入您的电话号码，会议将给您打电话。接听后，即可通过电话收听会议。
call-me-number = 您的电话号码
call-me-number-hint = 例如：+49 30 1234567
call-me-button = 给我打电话
call-me-booth-button = 拨打本终端的电话
call-me-remember = 在本机上记住此号码
call-me-ringing = 正在呼叫{ $number }…请接听电话以收听会议。
call-me-connected = 电话已接通：您可以通过电话收听会议。
call-me-ended = 电话通话已结束。
call-me-hang-up = 挂断
call-me-hang-up-hint = 结束电话通话（您仍留在会议和聊天中）
call-me-codes = 详细信息：{ $details }
call-me-failed-not-allowed = 此会议不会呼叫访客的电话。您可以改为自行拨入：请参阅“通过电话收听”。
call-me-failed-busy = 您的电话占线。请重试，或使用其他号码。
call-me-failed-no-answer = 电话无人接听。请在方便接听时重试。
call-me-failed-declined = 来电已被拒接。
call-me-failed-bad-number = 会议无法拨打此号码。请检查后重试。
call-me-failed-unavailable = 会议暂时无法给您打电话。
call-me-failed-connection-lost = 由于与会议的连接已断开，通话已结束。您可以再次请求呼叫。
call-me-failed-other = 通话未能接通。请稍后重试。
call-me-error-empty = 请输入您的电话号码。
call-me-error-not-a-number = 电话号码只能包含数字、空格、短横线、括号，以及开头的+。
call-me-error-needs-country = 请在开头加上国家/地区代码，例如+49。
call-me-error-invalid = 此号码无法拨打。请检查后重试。

## The end of a session

ended-cancelled = 已取消加入
ended-cancelled-remedy = 您可以重新加入再试一次，或返回以加入其他会议。
ended-left = 您已离开会议
ended-left-remedy = 您可以使用同一链接重新加入，或返回以加入其他会议。
ended-error-id = 错误ID：{ $id }
ended-code = 代码：{ $code }
ended-subcode = 子代码：{ $subcode }
ended-details = 详细信息：{ $details }
ended-cleaning-up = 正在清理…
ended-not-told = 未能通知会议服务您已离开；会议服务会在一段时间后自动移除该访客。
ended-rejoin = 重新加入
ended-rejoin-hint = 再次加入同一会议
ended-back = 返回
ended-back-hint = 返回加入页面
ended-copy-diagnostics = 复制诊断信息
ended-copy-diagnostics-hint = 复制不含机密信息的摘要，供技术支持使用
ended-copied = 诊断信息已复制到剪贴板。
export-har = 导出HAR…
export-har-hint = 将本次会话的所有HTTP交互保存为HAR文件（令牌已隐藏）
export-diagnostics = 保存诊断信息…
export-diagnostics-hint = 保存供技术支持使用的zip文件：版本、不含机密信息的设置、步骤、HAR、事件
export-saved = 已保存到{ $path }
export-saved-no-dialog = 此桌面环境不支持文件对话框。已保存到{ $path }
export-failed-har = 无法保存HAR文件：{ $details }
export-failed-diagnostics = 无法保存诊断信息：{ $details }
export-dialog-har = 导出HAR
export-dialog-diagnostics = 保存诊断信息
export-filter-har = HAR存档
export-filter-zip = Zip压缩文件

## Settings

settings-title = 设置
settings-save = 保存
settings-back = 返回（不保存）
settings-fix-fields = 请修正标出的字段，然后再次保存。
settings-language = 语言
settings-language-system = 跟随系统（{ $language }）
settings-services = 加入服务
settings-services-explain = 填写您所在组织服务应用程序的令牌URL，或直接加入的Skype for Business Server（除非另行指定URL，否则自动发现从https://lyncdiscover.<组织者的域名>/开始）。服务密钥不会被保存：请填写存放该密钥的环境变量名称。
settings-services-none = 尚未添加：将使用内置演示。
settings-service-add = 添加加入服务
settings-service-number = 加入服务{ $number }
settings-service-remove = 删除加入服务{ $number }
settings-service-kind = 加入服务{ $number }的类型
settings-kind-service = 服务应用程序
settings-kind-direct = Skype for Business Server（直接）
settings-name = 名称
settings-autodiscover = 自动发现URL（可选）
settings-token-url = 令牌URL
settings-key-variable = 服务密钥变量（可选）
settings-origin = 源（Origin）
settings-culture = 区域性（语言和地区）
settings-culture-follows = 留空时：根据语言使用{ $culture }。
settings-variable-overrides = 已设置{ $variable }，因此将使用其值。
settings-variable-used = 已设置{ $variable }，因此将改用{ $value }。
settings-network = 网络
settings-network-explain = 代理："system"表示使用HTTPS_PROXY / NO_PROXY，"none"表示直接连接，也可以填写代理URL。本机（内置演示）始终直接连接。
settings-proxy = 代理
settings-no-proxy = 不使用代理的地址（已填写代理URL时）
settings-ca-file = CA证书文件（PEM，可选）
settings-text-size = 文字大小
settings-theme = 主题
settings-theme-system = 跟随系统
settings-theme-light = 浅色
settings-theme-dark = 深色
settings-notifications = 桌面通知
settings-notifications-explain = 窗口被其他窗口遮挡期间，如果您获准进入会议、您的会议结束或收到消息，将通知您。
settings-kiosk-session-only = 更改在应用重启前有效；如需保留，请编辑配置文件。
kiosk-text-min = 在自助终端上，文字大小始终不小于{ $scale }。

## What is wrong with a settings field

problem-service-name-empty = 请为加入服务命名。
problem-service-name-long = 最多64个字符，且不能包含控制字符。
problem-service-name-taken = 已有其他加入服务使用此名称。
problem-token-url-not-absolute = 请输入完整的令牌URL（例如https://join.contoso.com/GetAnonTokenJob）。
problem-token-url-not-https = 令牌URL必须使用https://（仅localhost可使用http://）。
problem-token-url-no-host = 令牌URL中没有主机名。
problem-autodiscover-not-absolute = 请输入完整的自动发现URL（例如https://lyncdiscover.contoso.com/）。
problem-autodiscover-not-https = 自动发现URL必须使用https://（仅localhost可使用http://）。
problem-autodiscover-no-host = 自动发现URL中没有主机名。
problem-env-name = 请填写环境变量名称（例如CONTOSO_SERVICE_KEY）。
problem-origin = 请填写源（例如https://contoso.com）：使用https（仅本机可使用http），不含路径。
problem-culture = 请填写语言标记（例如zh-CN或en-US）。
problem-proxy = 请填写"system"、"none"或代理URL（例如http://proxy.contoso.com:8080）。
problem-no-proxy = 请列出主机名、IP地址或网络，以英文逗号分隔（例如.corp.example, 10.0.0.0/8）。
problem-ca-file-path = 请提供包含一个或多个CA证书的PEM文件路径。
problem-ca-file-unusable = 无法使用此文件：{ $details }

## The kiosk

kiosk-welcome = 欢迎
kiosk-touch-start = 轻触“开始”，即可与顾问通话。
kiosk-start = 开始
kiosk-choose-language = 请选择语言
kiosk-unreachable = 暂时无法连接会议服务。请稍后重试，或向工作人员求助。
kiosk-your-name-title = 请问您怎么称呼？
kiosk-name-default-hint = 留空将以“{ $name }”身份加入
kiosk-join = 加入
kiosk-back = 返回
kiosk-connecting = 正在为您连接…
kiosk-cancel = 取消
kiosk-reconnecting-title = 正在重新连接
kiosk-reconnecting = 连接短暂中断，正在为您重新接入会议…
kiosk-leave = 结束
kiosk-call-ended = 通话已结束
kiosk-thank-you-visit = 感谢您的光临。
kiosk-not-connected = 抱歉，通话未能接通
kiosk-try-again-staff = 请重试，或向工作人员求助。
kiosk-cancelled = 通话已取消
kiosk-start-again = 您可以随时重新开始。
kiosk-thank-you = 谢谢
kiosk-done = 完成
kiosk-countdown = { $seconds }秒后返回首页，轻触屏幕可继续停留
kiosk-stay = 继续停留
kiosk-staff-access = 工作人员入口
kiosk-staff-settings = 设置
kiosk-exit-app = 退出应用
kiosk-settings-between-calls = 通话期间无法打开设置。
kiosk-no-pin = 配置中未设置工作人员PIN码，因此无法在此解锁本终端。
kiosk-pin = PIN码
kiosk-locked-for = 已锁定。请在{ $seconds }秒后重试。
kiosk-unlock = 解锁
kiosk-close = 关闭
kiosk-pin-wrong = PIN码错误（第{ $attempt }次尝试，共{ $attempts }次）。
kiosk-pin-locked = PIN码错误次数过多。请在{ $seconds }秒后重试。
kiosk-pin-none = 配置中未设置工作人员PIN码。

## A meeting link opened while the window is already open (the link is handed to this window)

handover-title = 要打开新的会议链接吗？
handover-in-meeting = 您正在参加会议。打开新链接将离开当前会议。
handover-joining = 您正在加入会议。打开新链接将停止加入。
handover-new-link = 新链接：{ $link }
handover-open = 离开并打开链接
handover-stay = 留在当前会议
handover-stay-hint = 不打开新链接

## The window title, which tells a guest in another window what happened ("… — guest-join")

title-joining = 正在加入会议…
title-lobby = 正在等候室等候
title-in-meeting = 会议中 — { $meeting }
title-unread = ({ $count }) { $title }

## Desktop notifications (only while the window is behind other windows; never on a kiosk)

notify-admitted = 您已进入会议
notify-admitted-body = 您已获准进入{ $meeting }。
notify-message = 来自{ $name }的消息
