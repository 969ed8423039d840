<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AtEncoder</name>
    <message>
        <source>%1 must be an integer, not a string.</source>
        <translation>%1 必须是整数，不能是字符串。</translation>
    </message>
    <message>
        <source>%1 must be one of %2; got %3.</source>
        <translation>%1 必须是 %2 之一；实际为 %3。</translation>
    </message>
    <message>
        <source>%1 can only be %2; got %3.</source>
        <translation>%1 只能是 %2；实际为 %3。</translation>
    </message>
    <message>
        <source>%1 must be between %2 and %3; got %4.</source>
        <translation>%1 必须在 %2 到 %3 之间；实际为 %4。</translation>
    </message>
    <message>
        <source>%1 is %2; values above %3 are documented but unreliable on this firmware.</source>
        <translation>%1 为 %2；文档允许大于 %3 的值，但在此固件上不可靠。</translation>
    </message>
    <message>
        <source>%1 must be a string, not an integer.</source>
        <translation>%1 必须是字符串，不能是整数。</translation>
    </message>
    <message>
        <source>%1 is %2 bytes long; at most %3 bytes are allowed.</source>
        <translation>%1 长 %2 字节；最多允许 %3 字节。</translation>
    </message>
    <message>
        <source>%1 must not be empty.</source>
        <translation>%1 不能为空。</translation>
    </message>
    <message>
        <source>%1 must be at least %2 bytes long.</source>
        <translation>%1 至少需要 %2 字节。</translation>
    </message>
    <message>
        <source>%1 must be one of %2; got &quot;%3&quot;.</source>
        <translation>%1 必须是 %2 之一；实际为“%3”。</translation>
    </message>
    <message>
        <source>The command line would be %1 bytes including CR LF; at most %2 bytes are allowed.</source>
        <translation>命令行含 CR LF 将有 %1 字节；最多允许 %2 字节。</translation>
    </message>
    <message>
        <source>contains a NUL byte, which cannot be sent in a command line.</source>
        <translation>包含 NUL 字节，无法在命令行中发送。</translation>
    </message>
    <message>
        <source>contains a line break (CR or LF), which would end the command.</source>
        <translation>包含换行符（CR 或 LF），会提前结束命令。</translation>
    </message>
    <message>
        <source>contains a backslash, which the Beken firmware cannot receive reliably (it only understands \&quot;).</source>
        <translation>包含反斜杠，Beken 固件无法可靠接收（它只识别 \&quot;）。</translation>
    </message>
    <message>
        <source>%1 is not available in the %2 dialect.</source>
        <translation>%1 在 %2 方言中不可用。</translation>
    </message>
    <message>
        <source>Unknown command %1.</source>
        <translation>未知命令 %1。</translation>
    </message>
    <message>
        <source>%1 takes no parameters.</source>
        <translation>%1 不带参数。</translation>
    </message>
    <message>
        <source>%1 has no parameter form number %2.</source>
        <translation>%1 没有第 %2 种参数形式。</translation>
    </message>
    <message>
        <source>Too many parameters: %1 takes at most %2, got %3.</source>
        <translation>参数过多：%1 最多 %2 个，实际 %3 个。</translation>
    </message>
    <message>
        <source>%1 is required.</source>
        <translation>%1 为必填项。</translation>
    </message>
    <message>
        <source>%1 is %2 but %3 values follow it.</source>
        <translation>%1 为 %2，但后面跟了 %3 个值。</translation>
    </message>
    <message>
        <source>Shorten &lt;%1&gt;.</source>
        <translation>请缩短 &lt;%1&gt;。</translation>
    </message>
    <message>
        <source>%1 has no query form (%1?).</source>
        <translation>%1 没有查询形式（%1?）。</translation>
    </message>
    <message>
        <source>%1 has no test form (%1=?).</source>
        <translation>%1 没有测试形式（%1=?）。</translation>
    </message>
    <message>
        <source>%1 needs parameters.</source>
        <translation>%1 需要参数。</translation>
    </message>
    <message>
        <source>%1 cannot be executed without a suffix.</source>
        <translation>%1 不带后缀时无法执行。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid command name.</source>
        <translation>“%1”不是有效的命令名。</translation>
    </message>
    <message>
        <source>Parameter %1 %2</source>
        <translation>参数 %1 %2</translation>
    </message>
</context>
<context>
    <name>AtResult</name>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>busy</source>
        <translation>忙</translation>
    </message>
    <message>
        <source>timeout</source>
        <translation>超时</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>disconnected</source>
        <translation>已断开</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>被拒绝</translation>
    </message>
</context>
<context>
    <name>BrokerClientForm</name>
    <message>
        <source>Not connected</source>
        <translation>未连接</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>已连接</translation>
    </message>
    <message>
        <source>Connection lost, reconnecting every few seconds</source>
        <translation>连接已断开，每隔几秒重连一次</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>CA certificates (PEM)</source>
        <translation>CA 证书（PEM）</translation>
    </message>
    <message>
        <source>PEM files (*.pem *.crt *.cer);;All files (*)</source>
        <translation>PEM 文件 (*.pem *.crt *.cer);;所有文件 (*)</translation>
    </message>
    <message>
        <source>AT Bench&apos;s client:</source>
        <translation>AT Bench 客户端：</translation>
    </message>
    <message>
        <source>Local broker:</source>
        <translation>本地代理服务器：</translation>
    </message>
    <message>
        <source>broker host or IP address</source>
        <translation>代理服务器主机名或 IP 地址</translation>
    </message>
    <message>
        <source>1 to 65535</source>
        <translation>1 到 65535</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>Connect AT Bench&apos;s own MQTT client to this broker</source>
        <translation>将 AT Bench 自己的 MQTT 客户端连接到此代理服务器</translation>
    </message>
    <message>
        <source>Disconnect</source>
        <translation>断开</translation>
    </message>
    <message>
        <source>Use the module&apos;s broker</source>
        <translation>使用模块的代理服务器</translation>
    </message>
    <message>
        <source>Take host, port, scheme, user name and password from the module&apos;s MQTT settings</source>
        <translation>从模块的 MQTT 设置中取主机、端口、方案、用户名和密码</translation>
    </message>
    <message>
        <source>Use the local broker</source>
        <translation>使用本地代理服务器</translation>
    </message>
    <message>
        <source>Point AT Bench&apos;s client at the local broker started here</source>
        <translation>让 AT Bench 客户端使用此处启动的本地代理服务器</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>TLS, WebSocket path, client ID, user name and password, keep-alive, last will</source>
        <translation>TLS、WebSocket 路径、客户端 ID、用户名和密码、保活、遗嘱</translation>
    </message>
    <message>
        <source>Start local broker</source>
        <translation>启动本地代理服务器</translation>
    </message>
    <message>
        <source>Run mosquitto on a free port of 127.0.0.1 for a demo without a network; it stops when AT Bench does</source>
        <translation>在 127.0.0.1 的空闲端口上运行 mosquitto，无需网络即可演示；AT Bench 退出时它也随之停止</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>AT Bench&apos;s MQTT client</source>
        <translation>AT Bench 的 MQTT 客户端</translation>
    </message>
    <message>
        <source>WebSocket path:</source>
        <translation>WebSocket 路径：</translation>
    </message>
    <message>
        <source>CA file:</source>
        <translation>CA 文件：</translation>
    </message>
    <message>
        <source>Client ID:</source>
        <translation>客户端 ID：</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>用户名：</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <source>Keep-alive:</source>
        <translation>保活：</translation>
    </message>
    <message>
        <source>Last-will topic:</source>
        <translation>遗嘱主题：</translation>
    </message>
    <message>
        <source>Last-will message:</source>
        <translation>遗嘱消息：</translation>
    </message>
    <message>
        <source>Last-will QoS:</source>
        <translation>遗嘱 QoS：</translation>
    </message>
    <message>
        <source>/mqtt</source>
        <translation>/mqtt</translation>
    </message>
    <message>
        <source>Verify the server&apos;s certificate and host name</source>
        <translation>验证服务器的证书和主机名</translation>
    </message>
    <message>
        <source>empty: the system&apos;s CAs</source>
        <translation>留空：使用系统的 CA</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>empty: atbench-&lt;random&gt;</source>
        <translation>留空：atbench-&lt;随机&gt;</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>可选</translation>
    </message>
    <message>
        <source>optional; never written to settings or logs</source>
        <translation>可选；不会写入设置或日志</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Remember</source>
        <translation>记住</translation>
    </message>
    <message>
        <source>Keep the password in the system keychain for this host and user</source>
        <translation>在系统钥匙串中保存此主机和用户的密码</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>Clean session</source>
        <translation>清除会话</translation>
    </message>
    <message>
        <source>Reconnect automatically</source>
        <translation>自动重连</translation>
    </message>
    <message>
        <source>0 at most once, 1 at least once, 2 exactly once</source>
        <translation>0 最多一次，1 至少一次，2 恰好一次</translation>
    </message>
    <message>
        <source>Retain</source>
        <translation>保留</translation>
    </message>
</context>
<context>
    <name>ByteText</name>
    <message>
        <source>&quot;%1&quot; is not a hexadecimal digit</source>
        <translation>“%1”不是十六进制数字</translation>
    </message>
    <message>
        <source>&quot;0x&quot; needs hex digits after it</source>
        <translation>“0x”后面需要十六进制数字</translation>
    </message>
    <message>
        <source>Odd number of hex digits in &quot;%1&quot;: every byte needs two</source>
        <translation>“%1”中的十六进制数字个数为奇数：每个字节需要两位</translation>
    </message>
    <message>
        <source>A lone backslash at the end (offset %1): type \\ for a backslash</source>
        <translation>末尾有单独的反斜杠（偏移 %1）：反斜杠本身请输入 \\</translation>
    </message>
    <message>
        <source>\x at offset %1 needs two hex digits (escapes: %2)</source>
        <translation>偏移 %1 处的 \x 后需要两位十六进制数（转义符：%2）</translation>
    </message>
    <message>
        <source>Unknown escape \%1 at offset %2 (escapes: %3; type \\ for a backslash)</source>
        <translation>偏移 %2 处的转义符 \%1 无法识别（转义符：%3；反斜杠本身请输入 \\）</translation>
    </message>
</context>
<context>
    <name>CommandCatalog</name>
    <message>
        <source>disabled</source>
        <translation>禁用</translation>
    </message>
    <message>
        <source>enabled</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>MQTT link; only link 0 is supported</source>
        <translation>MQTT 链路；仅支持链路 0</translation>
    </message>
    <message>
        <source>MQTT topic</source>
        <translation>MQTT 主题</translation>
    </message>
    <message>
        <source>at most once</source>
        <translation>最多一次</translation>
    </message>
    <message>
        <source>at least once</source>
        <translation>至少一次</translation>
    </message>
    <message>
        <source>exactly once</source>
        <translation>恰好一次</translation>
    </message>
    <message>
        <source>MQTT quality of service</source>
        <translation>MQTT 服务质量</translation>
    </message>
    <message>
        <source>not retained</source>
        <translation>不保留</translation>
    </message>
    <message>
        <source>retained</source>
        <translation>保留</translation>
    </message>
    <message>
        <source>MQTT retain flag</source>
        <translation>MQTT 保留标志</translation>
    </message>
    <message>
        <source>network link ID</source>
        <translation>网络链路 ID</translation>
    </message>
    <message>
        <source>MQTT over TCP</source>
        <translation>基于 TCP 的 MQTT</translation>
    </message>
    <message>
        <source>MQTT over TLS, no certificate verification</source>
        <translation>基于 TLS 的 MQTT，不校验证书</translation>
    </message>
    <message>
        <source>MQTT over TLS, verify server certificate</source>
        <translation>基于 TLS 的 MQTT，校验服务器证书</translation>
    </message>
    <message>
        <source>MQTT over TLS, provide client certificate</source>
        <translation>基于 TLS 的 MQTT，提供客户端证书</translation>
    </message>
    <message>
        <source>MQTT over TLS, verify server and provide client certificate</source>
        <translation>基于 TLS 的 MQTT，校验服务器并提供客户端证书</translation>
    </message>
    <message>
        <source>MQTT over WebSocket (TCP)</source>
        <translation>基于 WebSocket（TCP）的 MQTT</translation>
    </message>
    <message>
        <source>MQTT over WebSocket Secure, no certificate verification</source>
        <translation>基于 WebSocket Secure 的 MQTT，不校验证书</translation>
    </message>
    <message>
        <source>MQTT over WebSocket Secure, verify server certificate</source>
        <translation>基于 WebSocket Secure 的 MQTT，校验服务器证书</translation>
    </message>
    <message>
        <source>MQTT over WebSocket Secure, provide client certificate</source>
        <translation>基于 WebSocket Secure 的 MQTT，提供客户端证书</translation>
    </message>
    <message>
        <source>MQTT over WebSocket Secure, verify server and provide client certificate</source>
        <translation>基于 WebSocket Secure 的 MQTT，校验服务器并提供客户端证书</translation>
    </message>
    <message>
        <source>Test the AT interface; answers OK</source>
        <translation>测试 AT 接口；应答 OK</translation>
    </message>
    <message>
        <source>Switch command echo off</source>
        <translation>关闭命令回显</translation>
    </message>
    <message>
        <source>Switch command echo on</source>
        <translation>开启命令回显</translation>
    </message>
    <message>
        <source>Restart the module</source>
        <translation>重启模块</translation>
    </message>
    <message>
        <source>OK comes first; the module prints &quot;ready&quot; when it is up again.</source>
        <translation>先返回 OK；模块重新就绪后输出“ready”。</translation>
    </message>
    <message>
        <source>Restore factory default settings and restart</source>
        <translation>恢复出厂设置并重启</translation>
    </message>
    <message>
        <source>Show version information</source>
        <translation>显示版本信息</translation>
    </message>
    <message>
        <source>List all AT commands and their types</source>
        <translation>列出所有 AT 命令及其类型</translation>
    </message>
    <message>
        <source>Enable or disable printing of ERR CODE lines</source>
        <translation>启用或禁用 ERR CODE 行的输出</translation>
    </message>
    <message>
        <source>error-code printing</source>
        <translation>错误码输出</translation>
    </message>
    <message>
        <source>Select extra system messages</source>
        <translation>选择额外的系统消息</translation>
    </message>
    <message>
        <source>bit 0: +QUITT when leaving passthrough; bit 1: +LINK_CONN instead of CONNECT; bit 2: +STA_CONNECTED style messages</source>
        <translation>bit 0：退出透传时输出 +QUITT；bit 1：用 +LINK_CONN 代替 CONNECT；bit 2：+STA_CONNECTED 类消息</translation>
    </message>
    <message>
        <source>Choose whether configuration changes are saved to flash</source>
        <translation>选择配置更改是否保存到 flash</translation>
    </message>
    <message>
        <source>do not save to flash</source>
        <translation>不保存到 flash</translation>
    </message>
    <message>
        <source>save to flash (default)</source>
        <translation>保存到 flash（默认）</translation>
    </message>
    <message>
        <source>storage mode</source>
        <translation>存储模式</translation>
    </message>
    <message>
        <source>baud rate</source>
        <translation>波特率</translation>
    </message>
    <message>
        <source>data bits</source>
        <translation>数据位</translation>
    </message>
    <message>
        <source>1 stop bit</source>
        <translation>1 位停止位</translation>
    </message>
    <message>
        <source>1.5 stop bits</source>
        <translation>1.5 位停止位</translation>
    </message>
    <message>
        <source>2 stop bits</source>
        <translation>2 位停止位</translation>
    </message>
    <message>
        <source>stop bits</source>
        <translation>停止位</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>odd</source>
        <translation>奇校验</translation>
    </message>
    <message>
        <source>even</source>
        <translation>偶校验</translation>
    </message>
    <message>
        <source>parity</source>
        <translation>校验位</translation>
    </message>
    <message>
        <source>RTS</source>
        <translation>RTS</translation>
    </message>
    <message>
        <source>CTS</source>
        <translation>CTS</translation>
    </message>
    <message>
        <source>RTS and CTS</source>
        <translation>RTS 和 CTS</translation>
    </message>
    <message>
        <source>hardware flow control</source>
        <translation>硬件流控</translation>
    </message>
    <message>
        <source>Current UART configuration (not saved to flash)</source>
        <translation>当前 UART 配置（不保存到 flash）</translation>
    </message>
    <message>
        <source>Default UART configuration (saved to flash)</source>
        <translation>默认 UART 配置（保存到 flash）</translation>
    </message>
    <message>
        <source>Wi-Fi mode (station, SoftAP, both)</source>
        <translation>Wi-Fi 模式（station、SoftAP 或两者）</translation>
    </message>
    <message>
        <source>Wi-Fi off</source>
        <translation>关闭 Wi-Fi</translation>
    </message>
    <message>
        <source>station</source>
        <translation>station</translation>
    </message>
    <message>
        <source>SoftAP</source>
        <translation>SoftAP</translation>
    </message>
    <message>
        <source>SoftAP + station</source>
        <translation>SoftAP + station</translation>
    </message>
    <message>
        <source>Wi-Fi mode</source>
        <translation>Wi-Fi 模式</translation>
    </message>
    <message>
        <source>connect to the saved AP automatically</source>
        <translation>自动连接已保存的 AP</translation>
    </message>
    <message>
        <source>SSID of the access point</source>
        <translation>接入点的 SSID</translation>
    </message>
    <message>
        <source>password (8..63 characters, 64 hex digits, or empty for an open network)</source>
        <translation>密码（8..63 个字符、64 位十六进制数，开放网络留空）</translation>
    </message>
    <message>
        <source>MAC address of the AP, xx:xx:xx:xx:xx:xx</source>
        <translation>AP 的 MAC 地址，xx:xx:xx:xx:xx:xx</translation>
    </message>
    <message>
        <source>Connect to an access point</source>
        <translation>连接接入点</translation>
    </message>
    <message>
        <source>any security, including open and WEP</source>
        <translation>任意加密方式，包括开放和 WEP</translation>
    </message>
    <message>
        <source>no open or WEP access points</source>
        <translation>不连接开放或 WEP 接入点</translation>
    </message>
    <message>
        <source>PCI authentication</source>
        <translation>PCI 认证</translation>
    </message>
    <message>
        <source>seconds between reconnection attempts, 0 = do not reconnect</source>
        <translation>重连间隔秒数，0 = 不重连</translation>
    </message>
    <message>
        <source>listen interval in AP beacons</source>
        <translation>监听间隔（AP 信标数）</translation>
    </message>
    <message>
        <source>fast scan</source>
        <translation>快速扫描</translation>
    </message>
    <message>
        <source>all-channel scan</source>
        <translation>全信道扫描</translation>
    </message>
    <message>
        <source>scan mode</source>
        <translation>扫描模式</translation>
    </message>
    <message>
        <source>connection timeout in seconds</source>
        <translation>连接超时（秒）</translation>
    </message>
    <message>
        <source>protected management frames: bit 0 capable, bit 1 required</source>
        <translation>受保护管理帧：bit 0 支持，bit 1 必需</translation>
    </message>
    <message>
        <source>Disconnect from the access point</source>
        <translation>断开与接入点的连接</translation>
    </message>
    <message>
        <source>List available access points</source>
        <translation>列出可用的接入点</translation>
    </message>
    <message>
        <source>only list this SSID</source>
        <translation>只列出此 SSID</translation>
    </message>
    <message>
        <source>only list this BSSID</source>
        <translation>只列出此 BSSID</translation>
    </message>
    <message>
        <source>only scan this channel</source>
        <translation>只扫描此信道</translation>
    </message>
    <message>
        <source>active</source>
        <translation>主动</translation>
    </message>
    <message>
        <source>passive</source>
        <translation>被动</translation>
    </message>
    <message>
        <source>scan type</source>
        <translation>扫描类型</translation>
    </message>
    <message>
        <source>minimum scan time per channel, ms</source>
        <translation>每信道最短扫描时间，毫秒</translation>
    </message>
    <message>
        <source>maximum scan time per channel, ms</source>
        <translation>每信道最长扫描时间，毫秒</translation>
    </message>
    <message>
        <source>Show the local IP and MAC addresses</source>
        <translation>显示本地 IP 和 MAC 地址</translation>
    </message>
    <message>
        <source>Station IP address, gateway and netmask</source>
        <translation>station 的 IP 地址、网关和子网掩码</translation>
    </message>
    <message>
        <source>IPv4 address</source>
        <translation>IPv4 地址</translation>
    </message>
    <message>
        <source>gateway</source>
        <translation>网关</translation>
    </message>
    <message>
        <source>netmask</source>
        <translation>子网掩码</translation>
    </message>
    <message>
        <source>Connection status and information of every link</source>
        <translation>所有链路的连接状态和信息</translation>
    </message>
    <message>
        <source>Connection status and information (answered with +BIPSTATUS)</source>
        <translation>连接状态和信息（以 +BIPSTATUS 应答）</translation>
    </message>
    <message>
        <source>The reply has no final OK; it ends when the module goes quiet.</source>
        <translation>应答没有最终的 OK；模块停止输出即表示结束。</translation>
    </message>
    <message>
        <source>remote IPv4 address or domain name</source>
        <translation>远程 IPv4 地址或域名</translation>
    </message>
    <message>
        <source>remote port</source>
        <translation>远程端口</translation>
    </message>
    <message>
        <source>TCP keep-alive interval in seconds, 0 = off</source>
        <translation>TCP 保活间隔秒数，0 = 关闭</translation>
    </message>
    <message>
        <source>local IP address to bind</source>
        <translation>要绑定的本地 IP 地址</translation>
    </message>
    <message>
        <source>local port</source>
        <translation>本地端口</translation>
    </message>
    <message>
        <source>remote peer fixed</source>
        <translation>固定远端</translation>
    </message>
    <message>
        <source>peer may change once</source>
        <translation>远端可变更一次</translation>
    </message>
    <message>
        <source>peer may change any time</source>
        <translation>远端可随时变更</translation>
    </message>
    <message>
        <source>UDP peer mode</source>
        <translation>UDP 对端模式</translation>
    </message>
    <message>
        <source>connection type</source>
        <translation>连接类型</translation>
    </message>
    <message>
        <source>Open a TCP connection, UDP transmission or SSL connection</source>
        <translation>建立 TCP 连接、UDP 传输或 SSL 连接</translation>
    </message>
    <message>
        <source>multiple connections (AT+CIPMUX=1), TCP/SSL</source>
        <translation>多连接（AT+CIPMUX=1），TCP/SSL</translation>
    </message>
    <message>
        <source>multiple connections (AT+CIPMUX=1), UDP</source>
        <translation>多连接（AT+CIPMUX=1），UDP</translation>
    </message>
    <message>
        <source>single connection (AT+CIPMUX=0), TCP/SSL</source>
        <translation>单连接（AT+CIPMUX=0），TCP/SSL</translation>
    </message>
    <message>
        <source>single connection (AT+CIPMUX=0), UDP</source>
        <translation>单连接（AT+CIPMUX=0），UDP</translation>
    </message>
    <message>
        <source>connection type (case-insensitive)</source>
        <translation>连接类型（不区分大小写）</translation>
    </message>
    <message>
        <source>Open a TCP connection, UDP transmission or TLS connection</source>
        <translation>建立 TCP 连接、UDP 传输或 TLS 连接</translation>
    </message>
    <message>
        <source>network link ID; up to 6 connections</source>
        <translation>网络链路 ID；最多 6 个连接</translation>
    </message>
    <message>
        <source>TCP/TLS</source>
        <translation>TCP/TLS</translation>
    </message>
    <message>
        <source>UDP/DTLS</source>
        <translation>UDP/DTLS</translation>
    </message>
    <message>
        <source>UDP only: remote IPv4 address or domain name</source>
        <translation>仅 UDP：远程 IPv4 地址或域名</translation>
    </message>
    <message>
        <source>UDP only: remote port</source>
        <translation>仅 UDP：远程端口</translation>
    </message>
    <message>
        <source>number of bytes to send after &apos;&gt;&apos;</source>
        <translation>“&gt;”之后要发送的字节数</translation>
    </message>
    <message>
        <source>multiple connections (AT+CIPMUX=1)</source>
        <translation>多连接（AT+CIPMUX=1）</translation>
    </message>
    <message>
        <source>single connection (AT+CIPMUX=0)</source>
        <translation>单连接（AT+CIPMUX=0）</translation>
    </message>
    <message>
        <source>Send data in normal transmission mode, or enter passthrough mode</source>
        <translation>在普通传输模式下发送数据，或进入透传模式</translation>
    </message>
    <message>
        <source>Without parameters (AT+CIPMODE=1, single connection) the module enters passthrough mode; a lone +++ leaves it.</source>
        <translation>不带参数时（AT+CIPMODE=1，单连接）模块进入透传模式；单独发送 +++ 退出。</translation>
    </message>
    <message>
        <source>with link ID</source>
        <translation>带链路 ID</translation>
    </message>
    <message>
        <source>UDP without link ID</source>
        <translation>UDP，不带链路 ID</translation>
    </message>
    <message>
        <source>The &apos;&gt;&apos; prompt comes without OK. The firmware&apos;s receive buffer is 1024 bytes: keep &lt;length&gt; at or below 1024 although 2048 is documented.</source>
        <translation>“&gt;”提示符出现时没有 OK。固件接收缓冲区为 1024 字节：尽管文档写的是 2048，&lt;length&gt; 请保持不超过 1024。</translation>
    </message>
    <message>
        <source>Send data; a \0 in the data ends the transmission early</source>
        <translation>发送数据；数据中的 \0 会提前结束发送</translation>
    </message>
    <message>
        <source>Close a TCP/UDP/SSL connection</source>
        <translation>关闭 TCP/UDP/SSL 连接</translation>
    </message>
    <message>
        <source>link to close; 5 closes all links</source>
        <translation>要关闭的链路；5 表示关闭所有链路</translation>
    </message>
    <message>
        <source>Without parameters it closes the single connection (AT+CIPMUX=0).</source>
        <translation>不带参数时关闭单连接（AT+CIPMUX=0）。</translation>
    </message>
    <message>
        <source>Close a TCP/UDP/TLS connection</source>
        <translation>关闭 TCP/UDP/TLS 连接</translation>
    </message>
    <message>
        <source>Enable or disable multiple connections</source>
        <translation>启用或禁用多连接</translation>
    </message>
    <message>
        <source>single connection</source>
        <translation>单连接</translation>
    </message>
    <message>
        <source>multiple connections</source>
        <translation>多连接</translation>
    </message>
    <message>
        <source>connection mode; only changeable while no link is open</source>
        <translation>连接模式；仅在没有打开的链路时可更改</translation>
    </message>
    <message>
        <source>Transmission mode (normal or passthrough)</source>
        <translation>传输模式（普通或透传）</translation>
    </message>
    <message>
        <source>normal transmission mode</source>
        <translation>普通传输模式</translation>
    </message>
    <message>
        <source>Wi-Fi passthrough mode (single TCP/SSL link or fixed UDP peer)</source>
        <translation>Wi-Fi 透传模式（单个 TCP/SSL 链路或固定 UDP 对端）</translation>
    </message>
    <message>
        <source>transmission mode</source>
        <translation>传输模式</translation>
    </message>
    <message>
        <source>Show the remote IP and port in +IPD</source>
        <translation>在 +IPD 中显示远程 IP 和端口</translation>
    </message>
    <message>
        <source>do not show</source>
        <translation>不显示</translation>
    </message>
    <message>
        <source>show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>+IPD detail mode</source>
        <translation>+IPD 详细模式</translation>
    </message>
    <message>
        <source>Socket receive mode (active or passive)</source>
        <translation>socket 接收模式（主动或被动）</translation>
    </message>
    <message>
        <source>active: data is pushed with +IPD</source>
        <translation>主动：数据通过 +IPD 推送</translation>
    </message>
    <message>
        <source>passive: data is buffered until AT+CIPRECVDATA</source>
        <translation>被动：数据缓存到 AT+CIPRECVDATA 读取</translation>
    </message>
    <message>
        <source>receive mode</source>
        <translation>接收模式</translation>
    </message>
    <message>
        <source>maximum bytes to read</source>
        <translation>最多读取的字节数</translation>
    </message>
    <message>
        <source>Read buffered socket data in passive receive mode</source>
        <translation>在被动接收模式下读取缓存的 socket 数据</translation>
    </message>
    <message>
        <source>Length of the buffered data of every link (passive mode)</source>
        <translation>各链路缓存数据的长度（被动模式）</translation>
    </message>
    <message>
        <source>Create or delete a TCP/SSL server</source>
        <translation>创建或删除 TCP/SSL 服务器</translation>
    </message>
    <message>
        <source>delete the server</source>
        <translation>删除服务器</translation>
    </message>
    <message>
        <source>create a server</source>
        <translation>创建服务器</translation>
    </message>
    <message>
        <source>server mode</source>
        <translation>服务器模式</translation>
    </message>
    <message>
        <source>port (mode 1, default 333); with mode 0: 1 also closes all client connections</source>
        <translation>端口（模式 1，默认 333）；模式 0 时：1 表示同时关闭所有客户端连接</translation>
    </message>
    <message>
        <source>server type</source>
        <translation>服务器类型</translation>
    </message>
    <message>
        <source>verify client certificates (SSL)</source>
        <translation>校验客户端证书（SSL）</translation>
    </message>
    <message>
        <source>Maximum number of clients a server accepts</source>
        <translation>服务器接受的最大客户端数</translation>
    </message>
    <message>
        <source>maximum number of connections</source>
        <translation>最大连接数</translation>
    </message>
    <message>
        <source>Packet interval in passthrough mode</source>
        <translation>透传模式下的分包间隔</translation>
    </message>
    <message>
        <source>milliseconds to wait before sending buffered data</source>
        <translation>发送缓存数据前的等待毫秒数</translation>
    </message>
    <message>
        <source>disable SNTP</source>
        <translation>禁用 SNTP</translation>
    </message>
    <message>
        <source>enable SNTP</source>
        <translation>启用 SNTP</translation>
    </message>
    <message>
        <source>SNTP on/off</source>
        <translation>SNTP 开/关</translation>
    </message>
    <message>
        <source>SNTP server name or address</source>
        <translation>SNTP 服务器名称或地址</translation>
    </message>
    <message>
        <source>second SNTP server</source>
        <translation>第二个 SNTP 服务器</translation>
    </message>
    <message>
        <source>third SNTP server</source>
        <translation>第三个 SNTP 服务器</translation>
    </message>
    <message>
        <source>Time zone and SNTP servers</source>
        <translation>时区和 SNTP 服务器</translation>
    </message>
    <message>
        <source>UTC offset in whole hours</source>
        <translation>UTC 偏移（整数小时）</translation>
    </message>
    <message>
        <source>The Beken document shows one server; 1 to 3 servers are accepted.</source>
        <translation>Beken 文档只列出一个服务器；实际可接受 1 到 3 个。</translation>
    </message>
    <message>
        <source>Read the SNTP time</source>
        <translation>读取 SNTP 时间</translation>
    </message>
    <message>
        <source>SNTP synchronisation interval</source>
        <translation>SNTP 同步间隔</translation>
    </message>
    <message>
        <source>seconds between synchronisations</source>
        <translation>同步间隔秒数</translation>
    </message>
    <message>
        <source>IPv4 address or domain name to ping</source>
        <translation>要 ping 的 IPv4 地址或域名</translation>
    </message>
    <message>
        <source>Ping a remote host</source>
        <translation>ping 远程主机</translation>
    </message>
    <message>
        <source>The documented reply (+PING:&lt;time&gt; or +PING:TIMEOUT) has no final code.</source>
        <translation>文档中的应答（+PING:&lt;time&gt; 或 +PING:TIMEOUT）没有最终结果码。</translation>
    </message>
    <message>
        <source>Resolve a domain name (IPv4)</source>
        <translation>域名解析（IPv4）</translation>
    </message>
    <message>
        <source>domain name to resolve</source>
        <translation>要解析的域名</translation>
    </message>
    <message>
        <source>DNS server configuration</source>
        <translation>DNS 服务器配置</translation>
    </message>
    <message>
        <source>automatic (DHCP)</source>
        <translation>自动（DHCP）</translation>
    </message>
    <message>
        <source>manual</source>
        <translation>手动</translation>
    </message>
    <message>
        <source>DNS mode</source>
        <translation>DNS 模式</translation>
    </message>
    <message>
        <source>first DNS server (manual mode only)</source>
        <translation>第一个 DNS 服务器（仅手动模式）</translation>
    </message>
    <message>
        <source>second DNS server</source>
        <translation>第二个 DNS 服务器</translation>
    </message>
    <message>
        <source>third DNS server</source>
        <translation>第三个 DNS 服务器</translation>
    </message>
    <message>
        <source>PSK identity</source>
        <translation>PSK 身份标识</translation>
    </message>
    <message>
        <source>PSK hint</source>
        <translation>PSK 提示</translation>
    </message>
    <message>
        <source>network link ID; 5 = all links</source>
        <translation>网络链路 ID；5 = 所有链路</translation>
    </message>
    <message>
        <source>PSK of the SSL client</source>
        <translation>SSL 客户端的 PSK</translation>
    </message>
    <message>
        <source>PSK of the TLS client</source>
        <translation>TLS 客户端的 PSK</translation>
    </message>
    <message>
        <source>MQTT user configuration</source>
        <translation>MQTT 用户配置</translation>
    </message>
    <message>
        <source>transport scheme</source>
        <translation>传输方案</translation>
    </message>
    <message>
        <source>MQTT client ID</source>
        <translation>MQTT 客户端 ID</translation>
    </message>
    <message>
        <source>user name for the broker</source>
        <translation>代理服务器用户名</translation>
    </message>
    <message>
        <source>password for the broker</source>
        <translation>代理服务器密码</translation>
    </message>
    <message>
        <source>client certificate ID; only 0</source>
        <translation>客户端证书 ID；仅 0</translation>
    </message>
    <message>
        <source>CA certificate ID; only 0</source>
        <translation>CA 证书 ID；仅 0</translation>
    </message>
    <message>
        <source>resource path (WebSocket)</source>
        <translation>资源路径（WebSocket）</translation>
    </message>
    <message>
        <source>MQTT client ID (longer than AT+MQTTUSERCFG allows)</source>
        <translation>MQTT 客户端 ID（超出 AT+MQTTUSERCFG 允许的长度）</translation>
    </message>
    <message>
        <source>MQTT user name (longer than AT+MQTTUSERCFG allows)</source>
        <translation>MQTT 用户名（超出 AT+MQTTUSERCFG 允许的长度）</translation>
    </message>
    <message>
        <source>MQTT password (longer than AT+MQTTUSERCFG allows)</source>
        <translation>MQTT 密码（超出 AT+MQTTUSERCFG 允许的长度）</translation>
    </message>
    <message>
        <source>MQTT connection configuration (keep-alive, last will)</source>
        <translation>MQTT 连接配置（保活、遗嘱）</translation>
    </message>
    <message>
        <source>keep-alive in seconds; 0 means 120</source>
        <translation>保活秒数；0 表示 120</translation>
    </message>
    <message>
        <source>clean session</source>
        <translation>清除会话</translation>
    </message>
    <message>
        <source>persistent session</source>
        <translation>持久会话</translation>
    </message>
    <message>
        <source>clean-session flag</source>
        <translation>清除会话标志</translation>
    </message>
    <message>
        <source>last-will topic</source>
        <translation>遗嘱主题</translation>
    </message>
    <message>
        <source>last-will message</source>
        <translation>遗嘱消息</translation>
    </message>
    <message>
        <source>number of ALPN strings that follow; 0 clears</source>
        <translation>后续 ALPN 字符串的个数；0 表示清除</translation>
    </message>
    <message>
        <source>ALPN protocol name</source>
        <translation>ALPN 协议名</translation>
    </message>
    <message>
        <source>MQTT ALPN (TLS and WSS only)</source>
        <translation>MQTT ALPN（仅 TLS 和 WSS）</translation>
    </message>
    <message>
        <source>Connect to an MQTT broker</source>
        <translation>连接 MQTT 代理服务器</translation>
    </message>
    <message>
        <source>broker domain name or IP</source>
        <translation>代理服务器域名或 IP</translation>
    </message>
    <message>
        <source>broker port</source>
        <translation>代理服务器端口</translation>
    </message>
    <message>
        <source>no automatic reconnection</source>
        <translation>不自动重连</translation>
    </message>
    <message>
        <source>reconnect automatically</source>
        <translation>自动重连</translation>
    </message>
    <message>
        <source>automatic reconnection</source>
        <translation>自动重连</translation>
    </message>
    <message>
        <source>Connecting can take longer than other MQTT commands (retransmissions, 10 s per TLS handshake packet).</source>
        <translation>连接耗时可能比其他 MQTT 命令长（重传，每个 TLS 握手包 10 秒）。</translation>
    </message>
    <message>
        <source>Publish an MQTT string message</source>
        <translation>发布 MQTT 字符串消息</translation>
    </message>
    <message>
        <source>message; cannot contain NUL</source>
        <translation>消息；不能包含 NUL</translation>
    </message>
    <message>
        <source>The whole command line is limited to 256 bytes; use AT+MQTTPUBRAW for longer or binary messages.</source>
        <translation>整条命令行限制为 256 字节；更长的消息或二进制消息请使用 AT+MQTTPUBRAW。</translation>
    </message>
    <message>
        <source>Publish an MQTT binary message</source>
        <translation>发布 MQTT 二进制消息</translation>
    </message>
    <message>
        <source>message length; limited by free memory</source>
        <translation>消息长度；受可用内存限制</translation>
    </message>
    <message>
        <source>After &apos;&gt;&apos; send exactly &lt;length&gt; bytes; the result is +MQTTPUB:OK or +MQTTPUB:FAIL.</source>
        <translation>在“&gt;”之后正好发送 &lt;length&gt; 字节；结果为 +MQTTPUB:OK 或 +MQTTPUB:FAIL。</translation>
    </message>
    <message>
        <source>Subscribe to an MQTT topic</source>
        <translation>订阅 MQTT 主题</translation>
    </message>
    <message>
        <source>Unsubscribe from an MQTT topic</source>
        <translation>取消订阅 MQTT 主题</translation>
    </message>
    <message>
        <source>Close the MQTT connection and release its resources</source>
        <translation>关闭 MQTT 连接并释放资源</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>测试</translation>
    </message>
    <message>
        <source>Query</source>
        <translation>查询</translation>
    </message>
    <message>
        <source>Set</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Execute</source>
        <translation>执行</translation>
    </message>
    <message>
        <source>string, one of %1</source>
        <translation>字符串，取值为 %1 之一</translation>
    </message>
    <message>
        <source>string, %1..%2 bytes</source>
        <translation>字符串，%1..%2 字节</translation>
    </message>
    <message>
        <source>string, at most %1 bytes</source>
        <translation>字符串，最多 %1 字节</translation>
    </message>
    <message>
        <source>string, not empty</source>
        <translation>字符串，非空</translation>
    </message>
    <message>
        <source>string</source>
        <translation>字符串</translation>
    </message>
    <message>
        <source>integer, only %1</source>
        <translation>整数，仅 %1</translation>
    </message>
    <message>
        <source>integer %1..%2</source>
        <translation>整数 %1..%2</translation>
    </message>
    <message>
        <source> (recommended at most %1)</source>
        <translation> （建议不超过 %1）</translation>
    </message>
    <message>
        <source>, optional</source>
        <translation>，可选</translation>
    </message>
    <message>
        <source>, secret</source>
        <translation>，保密</translation>
    </message>
    <message>
        <source>Not documented for the %1 dialect.</source>
        <translation>%1 方言的文档中未列出。</translation>
    </message>
    <message>
        <source>  → &apos;&gt;&apos; data prompt</source>
        <translation>  → “&gt;”数据提示符</translation>
    </message>
    <message>
        <source>  → no final result code</source>
        <translation>  → 无最终结果码</translation>
    </message>
    <message>
        <source>Parameters:</source>
        <translation>参数：</translation>
    </message>
    <message>
        <source>The whole command line, including AT and CR LF, must not exceed 256 bytes.</source>
        <translation>整条命令行（含 AT 和 CR LF）不能超过 256 字节。</translation>
    </message>
    <message>
        <source>Default reply timeout: %1 ms.</source>
        <translation>默认应答超时：%1 毫秒。</translation>
    </message>
    <message>
        <source>Timeout after which the TCP server closes an idle client</source>
        <translation>TCP 服务器关闭空闲客户端的超时时间</translation>
    </message>
    <message>
        <source>seconds without data; 0 = never close</source>
        <translation>无数据的秒数；0 = 从不关闭</translation>
    </message>
    <message>
        <source>Enable or disable DHCP</source>
        <translation>启用或禁用 DHCP</translation>
    </message>
    <message>
        <source>disable</source>
        <translation>禁用</translation>
    </message>
    <message>
        <source>enable</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>what to do</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>interfaces: bit 0 station (DHCP client), bit 1 SoftAP (DHCP server)</source>
        <translation>接口：bit 0 station（DHCP 客户端），bit 1 SoftAP（DHCP 服务器）</translation>
    </message>
    <message>
        <source>Configuration of the SoftAP</source>
        <translation>SoftAP 的配置</translation>
    </message>
    <message>
        <source>SSID of the SoftAP</source>
        <translation>SoftAP 的 SSID</translation>
    </message>
    <message>
        <source>password, 8 to 64 bytes; empty with encryption 0 (open)</source>
        <translation>密码，8 到 64 字节；加密方式 0（开放）时为空</translation>
    </message>
    <message>
        <source>channel</source>
        <translation>信道</translation>
    </message>
    <message>
        <source>open</source>
        <translation>开放</translation>
    </message>
    <message>
        <source>WPA_PSK</source>
        <translation>WPA_PSK</translation>
    </message>
    <message>
        <source>WPA2_PSK</source>
        <translation>WPA2_PSK</translation>
    </message>
    <message>
        <source>WPA_WPA2_PSK</source>
        <translation>WPA_WPA2_PSK</translation>
    </message>
    <message>
        <source>encryption (WEP is not supported)</source>
        <translation>加密方式（不支持 WEP）</translation>
    </message>
    <message>
        <source>maximum number of stations that may connect</source>
        <translation>允许连接的最大 station 数</translation>
    </message>
    <message>
        <source>broadcast the SSID</source>
        <translation>广播 SSID</translation>
    </message>
    <message>
        <source>hide the SSID</source>
        <translation>隐藏 SSID</translation>
    </message>
    <message>
        <source>SSID broadcast</source>
        <translation>SSID 广播</translation>
    </message>
    <message>
        <source>Only in SoftAP modes (AT+CWMODE=2 or 3). Saved to flash when AT+SYSSTORE=1.</source>
        <translation>仅在 SoftAP 模式下可用（AT+CWMODE=2 或 3）。AT+SYSSTORE=1 时保存到 flash。</translation>
    </message>
    <message>
        <source>List the stations connected to the SoftAP (+CWLIF:&lt;ip&gt;,&lt;mac&gt;)</source>
        <translation>列出连接到 SoftAP 的 station（+CWLIF:&lt;ip&gt;,&lt;mac&gt;）</translation>
    </message>
    <message>
        <source>Disconnect stations from the SoftAP (all without a MAC)</source>
        <translation>断开连接到 SoftAP 的 station（不给 MAC 则断开全部）</translation>
    </message>
    <message>
        <source>MAC address of the station</source>
        <translation>station 的 MAC 地址</translation>
    </message>
    <message>
        <source>Address range the SoftAP&apos;s DHCP server gives out</source>
        <translation>SoftAP 的 DHCP 服务器分配的地址范围</translation>
    </message>
    <message>
        <source>back to the default range</source>
        <translation>恢复默认范围</translation>
    </message>
    <message>
        <source>set the range</source>
        <translation>设置范围</translation>
    </message>
    <message>
        <source>lease time in minutes</source>
        <translation>租期（分钟）</translation>
    </message>
    <message>
        <source>first address of the range</source>
        <translation>范围的起始地址</translation>
    </message>
    <message>
        <source>last address of the range</source>
        <translation>范围的结束地址</translation>
    </message>
    <message>
        <source>SoftAP IP address, gateway and netmask</source>
        <translation>SoftAP 的 IP 地址、网关和子网掩码</translation>
    </message>
</context>
<context>
    <name>ConnectionBar</name>
    <message>
        <source>Choose a serial port, a simulated module or a TCP bridge.</source>
        <translation>请选择串口、模拟模块或 TCP 桥接。</translation>
    </message>
    <message>
        <source>The baud rate &quot;%1&quot; is not a number between 50 and 20000000.</source>
        <translation>波特率“%1”不是 50 到 20000000 之间的数字。</translation>
    </message>
    <message>
        <source>Enter the TCP bridge as host:port, for example 192.168.1.20:4000.</source>
        <translation>请以“主机:端口”格式输入 TCP 桥接地址，例如 192.168.1.20:4000。</translation>
    </message>
    <message>
        <source>Disconnected</source>
        <translation>未连接</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>已连接</translation>
    </message>
    <message>
        <source>Passthrough</source>
        <translation>透传</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>连接(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Disconnect</source>
        <translation>断开(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>端口(&amp;P)：</translation>
    </message>
    <message>
        <source>Refresh the list of serial ports</source>
        <translation>刷新串口列表</translation>
    </message>
    <message>
        <source>Address of a raw TCP serial bridge (ser2net, ESP-Link, ...) as host:port</source>
        <translation>原始 TCP 串口桥接（ser2net、ESP-Link 等）的地址，格式为 主机:端口</translation>
    </message>
    <message>
        <source>&amp;Baud:</source>
        <translation>波特率(&amp;B)：</translation>
    </message>
    <message>
        <source>Baud rate: pick a common rate or type any rate</source>
        <translation>波特率：选择常用值或输入任意值</translation>
    </message>
    <message>
        <source>&amp;Flow:</source>
        <translation>流控(&amp;F)：</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>RTS/CTS</source>
        <translation>RTS/CTS</translation>
    </message>
    <message>
        <source>Hardware flow control (RTS/CTS)</source>
        <translation>硬件流控（RTS/CTS）</translation>
    </message>
    <message>
        <source>DTR</source>
        <translation>DTR</translation>
    </message>
    <message>
        <source>Assert DTR when the port opens. Leave off for boards with an auto-reset circuit (ESP32 DevKits), where DTR/RTS drive EN and IO0 and would reset the module or put it into the bootloader.</source>
        <translation>打开端口时置位 DTR。对带自动复位电路的开发板（ESP32 DevKit）请保持关闭：DTR/RTS 连接 EN 和 IO0，置位会使模块复位或进入下载模式。</translation>
    </message>
    <message>
        <source>RTS</source>
        <translation>RTS</translation>
    </message>
    <message>
        <source>Assert RTS when the port opens. Leave off for boards with an auto-reset circuit (ESP32 DevKits), where DTR/RTS drive EN and IO0 and would reset the module or put it into the bootloader.</source>
        <translation>打开端口时置位 RTS。对带自动复位电路的开发板（ESP32 DevKit）请保持关闭：DTR/RTS 连接 EN 和 IO0，置位会使模块复位或进入下载模式。</translation>
    </message>
    <message>
        <source>Open or close the link to the module</source>
        <translation>打开或关闭与模块的连接</translation>
    </message>
</context>
<context>
    <name>ConnectionController</name>
    <message>
        <source>Connecting to %1…</source>
        <translation>正在连接 %1…</translation>
    </message>
    <message>
        <source>Waiting for %1 to come back…</source>
        <translation>正在等待 %1 恢复…</translation>
    </message>
    <message>
        <source>Reconnecting to %1 (attempt %2)…</source>
        <translation>正在重连 %1（第 %2 次）…</translation>
    </message>
    <message>
        <source>Reconnected to %1</source>
        <translation>已重新连接到 %1</translation>
    </message>
    <message>
        <source>Connected to %1</source>
        <translation>已连接到 %1</translation>
    </message>
    <message>
        <source>Disconnected</source>
        <translation>未连接</translation>
    </message>
    <message>
        <source>The link to %1 was lost.</source>
        <translation>与 %1 的连接已断开。</translation>
    </message>
    <message>
        <source>Not connected: connect first, then read the module state.</source>
        <translation>未连接：请先连接，再读取模块状态。</translation>
    </message>
    <message>
        <source>Dialect not detected: %1</source>
        <translation>未检测到方言：%1</translation>
    </message>
    <message>
        <source>The module did not answer: %1</source>
        <translation>模块无应答：%1</translation>
    </message>
    <message>
        <source>Read %1 of %2 values from the module.</source>
        <translation>已从模块读取 %1/%2 个值。</translation>
    </message>
    <message>
        <source>Not answered: %1</source>
        <translation>无应答：%1</translation>
    </message>
    <message>
        <source>Could not open %1: %2</source>
        <translation>无法打开 %1：%2</translation>
    </message>
    <message>
        <source>The link to %1 was lost (%2); reconnecting every %3 s.</source>
        <translation>与 %1 的连接已断开（%2）；每 %3 秒重连一次。</translation>
    </message>
    <message>
        <source>The link to %1 was lost: %2</source>
        <translation>与 %1 的连接已断开：%2</translation>
    </message>
    <message>
        <source>Could not open %1.</source>
        <translation>无法打开 %1。</translation>
    </message>
    <message>
        <source>AT+SYSLOG=1 sent after connecting: ESP-AT then prints an ERR CODE line with every failure, so the reason is shown in words (MQTT 0x60xx included).</source>
        <translation>连接后已发送 AT+SYSLOG=1：ESP-AT 会在每次失败时输出一行 ERR CODE，因此可以用文字说明原因（包括 MQTT 0x60xx）。</translation>
    </message>
    <message>
        <source>The adapter %1 is back as %2</source>
        <translation>适配器 %1 已重新接入，名称为 %2</translation>
    </message>
    <message>
        <source>A recording is playing back: close it before connecting.</source>
        <translation>正在回放录制：请先关闭录制再连接。</translation>
    </message>
</context>
<context>
    <name>ConnectionsPage</name>
    <message>
        <source>Connections</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>TCP/UDP/TLS links, sending and receiving, passthrough</source>
        <translation>TCP/UDP/TLS 链路、收发数据、透传</translation>
    </message>
    <message>
        <source>PASSTHROUGH — AT commands are not available</source>
        <translation>透传中——AT 命令不可用</translation>
    </message>
    <message>
        <source>Connection mode</source>
        <translation>连接模式</translation>
    </message>
    <message>
        <source>Connections:</source>
        <translation>连接：</translation>
    </message>
    <message>
        <source>Single connection (CIPMUX=0)</source>
        <translation>单连接（CIPMUX=0）</translation>
    </message>
    <message>
        <source>Multiple connections (CIPMUX=1)</source>
        <translation>多连接（CIPMUX=1）</translation>
    </message>
    <message>
        <source>Transmission:</source>
        <translation>传输：</translation>
    </message>
    <message>
        <source>Normal (CIPMODE=0)</source>
        <translation>普通（CIPMODE=0）</translation>
    </message>
    <message>
        <source>Passthrough (CIPMODE=1)</source>
        <translation>透传（CIPMODE=1）</translation>
    </message>
    <message>
        <source>Passive receive (CIPRECVMODE=1)</source>
        <translation>被动接收（CIPRECVMODE=1）</translation>
    </message>
    <message>
        <source>The module keeps received data until it is fetched with AT+CIPRECVDATA; this page fetches it as soon as +IPD announces it.</source>
        <translation>模块会保留收到的数据，直到用 AT+CIPRECVDATA 读取；本页在 +IPD 通知后立即读取。</translation>
    </message>
    <message>
        <source>Send the connection mode to the module (Ctrl+Return)</source>
        <translation>将连接模式发送到模块（Ctrl+Return）</translation>
    </message>
    <message>
        <source>Query the modes and the link status (F5)</source>
        <translation>查询模式和链路状态（F5）</translation>
    </message>
    <message>
        <source>Links</source>
        <translation>链路</translation>
    </message>
    <message>
        <source>Close link</source>
        <translation>关闭链路</translation>
    </message>
    <message>
        <source>Close all</source>
        <translation>全部关闭</translation>
    </message>
    <message>
        <source>Passthrough</source>
        <translation>透传</translation>
    </message>
    <message>
        <source>TLS PSK</source>
        <translation>TLS PSK</translation>
    </message>
    <message>
        <source>Show the exact command lines the current form sends</source>
        <translation>显示当前表单将发送的完整命令行</translation>
    </message>
    <message>
        <source>Not read yet: press Read (F5). Until then the boot default (single, normal) is assumed.</source>
        <translation>尚未读取：请点击“读取”（F5）。在此之前假定为开机默认值（单连接、普通模式）。</translation>
    </message>
    <message numerus="yes">
        <source>The connection mode can only change while no link is open (%n open).</source>
        <translation>
            <numerusform>只有在没有打开的链路时才能更改连接模式（当前 %n 条）。</numerusform>
        </translation>
    </message>
    <message>
        <source>Passthrough needs single connection mode and exactly one link.</source>
        <translation>透传需要单连接模式且正好一条链路。</translation>
    </message>
    <message>
        <source>(nothing would be sent: %1)</source>
        <translation>（不会发送任何内容：%1）</translation>
    </message>
    <message numerus="yes">
        <source>→ then %n data byte(s)</source>
        <translation>
            <numerusform>→ 然后发送 %n 字节数据</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… %n more command(s)</source>
        <translation>
            <numerusform>… 另外 %n 条命令</numerusform>
        </translation>
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation>未发送：%1</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>正在读取…</translation>
    </message>
    <message>
        <source>Applying the connection mode…</source>
        <translation>正在应用连接模式…</translation>
    </message>
    <message>
        <source>Opening…</source>
        <translation>正在打开…</translation>
    </message>
    <message numerus="yes">
        <source>Sending %n byte(s)…</source>
        <translation>
            <numerusform>正在发送 %n 字节…</numerusform>
        </translation>
    </message>
    <message>
        <source>Entering passthrough…</source>
        <translation>正在进入透传…</translation>
    </message>
    <message>
        <source>Leaving passthrough (&quot;+++&quot;, then one second of silence)…</source>
        <translation>正在退出透传（发送“+++”，然后静默一秒）…</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>注意：%1</translation>
    </message>
    <message>
        <source>Opening… Note: %1</source>
        <translation>正在打开… 注意：%1</translation>
    </message>
    <message>
        <source>Close every link?</source>
        <translation>关闭所有链路？</translation>
    </message>
    <message>
        <source>Close all links</source>
        <translation>关闭所有链路</translation>
    </message>
    <message>
        <source>Not closed: %1</source>
        <translation>未关闭：%1</translation>
    </message>
    <message>
        <source>Reading the PSKs…</source>
        <translation>正在读取 PSK…</translation>
    </message>
    <message>
        <source>Starting the server…</source>
        <translation>正在启动服务器…</translation>
    </message>
    <message>
        <source>Stopping the server…</source>
        <translation>正在停止服务器…</translation>
    </message>
    <message>
        <source>Reading the server…</source>
        <translation>正在读取服务器…</translation>
    </message>
</context>
<context>
    <name>ConsolePage</name>
    <message numerus="yes">
        <source>The module waits for exactly %n byte(s); the input holds %1. Edit it, or press Esc to cancel the command.</source>
        <translation>
            <numerusform>模块需要正好 %n 个字节，输入框中有 %1 个。请修改输入，或按 Esc 取消该命令。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 switches the link to passthrough: what you type is then sent as raw data until you press &quot;Leave passthrough&quot;.</source>
        <translation>%1 会把链路切换为透传模式：之后输入的内容将作为原始数据发送，直到点击“退出透传”。</translation>
    </message>
    <message numerus="yes">
        <source>The module waits for %n byte(s) of data: type them and press Enter (sent exactly as typed, without CR LF). Esc cancels.</source>
        <translation>
            <numerusform>模块正在等待 %n 个字节的数据：请输入后按回车（按原样发送，不附加 CR LF）。按 Esc 取消。</numerusform>
        </translation>
    </message>
    <message>
        <source>The module waits for data: type it and press Enter (sent exactly as typed, without CR LF). Esc cancels.</source>
        <translation>模块正在等待数据：请输入后按回车（按原样发送，不附加 CR LF）。按 Esc 取消。</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 失败：%2</translation>
    </message>
    <message numerus="yes">
        <source>%1: the module stayed busy after %n attempt(s).</source>
        <translation>
            <numerusform>%1：尝试 %n 次后模块仍然忙。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 was not sent: %2. Connect first (Ctrl+K).</source>
        <translation>%1 未发送：%2。请先连接（Ctrl+K）。</translation>
    </message>
    <message>
        <source>Data phase cancelled.</source>
        <translation>数据阶段已取消。</translation>
    </message>
    <message>
        <source>Passthrough: text is sent as raw data (no CR LF)</source>
        <translation>透传：文本作为原始数据发送（不附加 CR LF）</translation>
    </message>
    <message>
        <source>Data for the module (sent without CR LF)</source>
        <translation>发给模块的数据（不附加 CR LF）</translation>
    </message>
    <message>
        <source>Type an AT command and press Enter (Up/Down: history)</source>
        <translation>输入 AT 命令后按回车（上/下键：历史记录）</translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation>发送(&amp;S)</translation>
    </message>
    <message>
        <source>Send the line through the command queue (Enter)</source>
        <translation>通过命令队列发送这一行（回车）</translation>
    </message>
    <message>
        <source>Leave passthrough</source>
        <translation>退出透传</translation>
    </message>
    <message>
        <source>Send +++ with guard times and return to AT commands</source>
        <translation>按保护时间发送 +++，返回 AT 命令模式</translation>
    </message>
    <message>
        <source>C&amp;lear</source>
        <translation>清除(&amp;L)</translation>
    </message>
    <message>
        <source>Clear the console (Ctrl+L); the session log is kept</source>
        <translation>清空控制台（Ctrl+L）；会话日志仍保留</translation>
    </message>
    <message>
        <source>Send File as Data</source>
        <translation>以数据形式发送文件</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <source>Not valid hex: use pairs of digits such as 48 65 6c 6c 6f.</source>
        <translation>不是有效的十六进制：请使用成对数字，例如 48 65 6c 6c 6f。</translation>
    </message>
    <message numerus="yes">
        <source>Data phase: %1 of %n byte(s) — type them (text or hex) or send a file, then Enter.</source>
        <translation>
            <numerusform>数据阶段：%1/%n 字节——输入数据（文本或十六进制）或发送文件，然后按回车。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Data phase: %n byte(s) so far — Enter sends them.</source>
        <translation>
            <numerusform>数据阶段：已输入 %n 字节——按回车发送。</numerusform>
        </translation>
    </message>
    <message>
        <source>… (hover for the full help)</source>
        <translation>…（悬停查看完整帮助）</translation>
    </message>
    <message>
        <source>Could not read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message numerus="yes">
        <source>%1 holds %2 byte(s); the module waits for exactly %n. Nothing was sent.</source>
        <translation>
            <numerusform>%1 有 %2 字节；模块需要正好 %n 字节。未发送任何内容。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Sent %n byte(s) from %1.</source>
        <translation>
            <numerusform>已从 %1 发送 %n 字节。</numerusform>
        </translation>
    </message>
    <message>
        <source>The input is not valid hex: use pairs of digits such as 48 65 6c 6c 6f.</source>
        <translation>输入不是有效的十六进制：请使用成对数字，例如 48 65 6c 6c 6f。</translation>
    </message>
    <message>
        <source>Find (Ctrl+F)</source>
        <translation>查找（Ctrl+F）</translation>
    </message>
    <message>
        <source>Previous match (Shift+F3)</source>
        <translation>上一个匹配（Shift+F3）</translation>
    </message>
    <message>
        <source>Next match (F3)</source>
        <translation>下一个匹配（F3）</translation>
    </message>
    <message>
        <source>Show only lines containing…</source>
        <translation>仅显示包含以下内容的行…</translation>
    </message>
    <message>
        <source>TX</source>
        <translation>TX</translation>
    </message>
    <message>
        <source>RX</source>
        <translation>RX</translation>
    </message>
    <message>
        <source>URC</source>
        <translation>URC</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Show the lines sent to the module</source>
        <translation>显示发送给模块的行</translation>
    </message>
    <message>
        <source>Show the module&apos;s replies</source>
        <translation>显示模块的应答</translation>
    </message>
    <message>
        <source>Show unsolicited messages (+IPD, WIFI ..., +MQTT...)</source>
        <translation>显示主动上报消息（+IPD、WIFI ...、+MQTT...）</translation>
    </message>
    <message>
        <source>Show failures and link problems</source>
        <translation>显示失败和连接问题</translation>
    </message>
    <message>
        <source>Show the console&apos;s own notes</source>
        <translation>显示控制台自身的备注</translation>
    </message>
    <message>
        <source>Hex</source>
        <translation>Hex</translation>
    </message>
    <message>
        <source>Show data payloads (data phases, +IPD, +MQTTSUBRECV) as hex bytes</source>
        <translation>以十六进制字节显示数据载荷（数据阶段、+IPD、+MQTTSUBRECV）</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Pause autoscroll: new lines are still recorded</source>
        <translation>暂停自动滚动：新行仍会记录</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>Type the data as text, or as hex bytes (48 65 6c 6c 6f)</source>
        <translation>以文本或十六进制字节（48 65 6c 6c 6f）输入数据</translation>
    </message>
    <message>
        <source>From &amp;file…</source>
        <translation>从文件(&amp;F)…</translation>
    </message>
    <message>
        <source>Send a file&apos;s bytes as the data</source>
        <translation>将文件内容作为数据发送</translation>
    </message>
    <message>
        <source>Console</source>
        <translation>控制台</translation>
    </message>
    <message>
        <source>Raw AT console and session log</source>
        <translation>原始 AT 控制台和会话日志</translation>
    </message>
</context>
<context>
    <name>CwjapReply</name>
    <message>
        <source>connection timed out</source>
        <translation>连接超时</translation>
    </message>
    <message>
        <source>wrong password</source>
        <translation>密码错误</translation>
    </message>
    <message>
        <source>access point not found</source>
        <translation>找不到接入点</translation>
    </message>
    <message>
        <source>connection failed</source>
        <translation>连接失败</translation>
    </message>
    <message>
        <source>unknown reason (%1)</source>
        <translation>未知原因（%1）</translation>
    </message>
</context>
<context>
    <name>Diagnostics</name>
    <message>
        <source>Open Recording</source>
        <translation>打开录制</translation>
    </message>
    <message>
        <source>Recordings (*.jsonl);;All files (*)</source>
        <translation>录制文件 (*.jsonl);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Replay Recording into the Built-in Module</source>
        <translation>将录制重放到内置模块</translation>
    </message>
    <message>
        <source>Support bundle (*.zip)</source>
        <translation>支持包 (*.zip)</translation>
    </message>
    <message>
        <source>Save Support Bundle</source>
        <translation>保存支持包</translation>
    </message>
    <message>
        <source>Replay: %1</source>
        <translation>重放：%1</translation>
    </message>
    <message>
        <source>Replay: the recording has been played to its end; the module now answers from examples.</source>
        <translation>重放：录制已播放到结尾；模块现在按录制中的示例应答。</translation>
    </message>
    <message>
        <source>&amp;Record Session</source>
        <translation>录制会话(&amp;R)</translation>
    </message>
    <message>
        <source>Record every byte both ways, with times, to a file per session (secrets masked)</source>
        <translation>将双向的每个字节及其时间记录到每个会话一个文件中（密码已屏蔽）</translation>
    </message>
    <message>
        <source>&amp;Always Record</source>
        <translation>始终录制(&amp;A)</translation>
    </message>
    <message>
        <source>Start recording at every connection</source>
        <translation>每次连接时开始录制</translation>
    </message>
    <message>
        <source>&amp;Open Recording…</source>
        <translation>打开录制(&amp;O)…</translation>
    </message>
    <message>
        <source>Play a recording back: console, pages and timeline as they were</source>
        <translation>回放录制：控制台、页面和时间线按当时的样子显示</translation>
    </message>
    <message>
        <source>Re&amp;play Recording into the Built-in Module…</source>
        <translation>将录制重放到内置模块(&amp;P)…</translation>
    </message>
    <message>
        <source>Connect to a built-in module that answers from a recording</source>
        <translation>连接到按录制应答的内置模块</translation>
    </message>
    <message>
        <source>Save &amp;Support Bundle…</source>
        <translation>保存支持包(&amp;S)…</translation>
    </message>
    <message>
        <source>A zip with the recording, the module&apos;s state, versions and screenshots, secrets masked</source>
        <translation>一个 zip 文件，包含录制、模块状态、版本信息和截图，密码已屏蔽</translation>
    </message>
    <message>
        <source>Could not record to %1: %2</source>
        <translation>无法录制到 %1：%2</translation>
    </message>
    <message>
        <source>Recording this session to %1</source>
        <translation>正在将本会话录制到 %1</translation>
    </message>
    <message>
        <source>Recording saved: %1</source>
        <translation>录制已保存：%1</translation>
    </message>
    <message>
        <source>Could not open the recording: %1</source>
        <translation>无法打开录制：%1</translation>
    </message>
    <message>
        <source>Playing back %1 (%2 records, %3)</source>
        <translation>正在回放 %1（%2 条记录，%3）</translation>
    </message>
    <message>
        <source>Recording closed</source>
        <translation>录制已关闭</translation>
    </message>
    <message>
        <source>Replay Recording</source>
        <translation>重放录制</translation>
    </message>
    <message>
        <source>Could not replay the recording: %1</source>
        <translation>无法重放录制：%1</translation>
    </message>
    <message>
        <source>The built-in module answers from %1: send the recorded commands to reproduce the session.</source>
        <translation>内置模块按 %1 应答：发送录制中的命令即可重现该会话。</translation>
    </message>
    <message>
        <source>Reading the module for the support bundle…</source>
        <translation>正在为支持包读取模块…</translation>
    </message>
    <message>
        <source>Support bundle saved: %1</source>
        <translation>支持包已保存：%1</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
</context>
<context>
    <name>ErrorDecoder</name>
    <message>
        <source>no error</source>
        <translation>无错误</translation>
    </message>
    <message>
        <source>general error</source>
        <translation>一般错误</translation>
    </message>
    <message>
        <source>the command was not terminated with CR LF</source>
        <translation>命令未以 CR LF 结尾</translation>
    </message>
    <message>
        <source>the line does not start with &quot;AT&quot;</source>
        <translation>该行不是以“AT”开头</translation>
    </message>
    <message>
        <source>a parameter has the wrong length</source>
        <translation>参数长度错误</translation>
    </message>
    <message>
        <source>a parameter has the wrong type</source>
        <translation>参数类型错误</translation>
    </message>
    <message>
        <source>wrong number of parameters</source>
        <translation>参数个数错误</translation>
    </message>
    <message>
        <source>invalid parameter value</source>
        <translation>参数值无效</translation>
    </message>
    <message>
        <source>a parameter could not be parsed</source>
        <translation>无法解析参数</translation>
    </message>
    <message>
        <source>unsupported command</source>
        <translation>不支持的命令</translation>
    </message>
    <message>
        <source>command execution failed</source>
        <translation>命令执行失败</translation>
    </message>
    <message>
        <source>busy: the previous command is still being processed</source>
        <translation>忙：上一条命令仍在处理中</translation>
    </message>
    <message>
        <source>wrong command type (query, set or execute) for this command</source>
        <translation>该命令的命令类型（查询、设置或执行）错误</translation>
    </message>
    <message>
        <source>MQTT is not configured; run AT+MQTTUSERCFG first</source>
        <translation>MQTT 未配置；请先执行 AT+MQTTUSERCFG</translation>
    </message>
    <message>
        <source>MQTT is not in a configurable state (already connected?)</source>
        <translation>MQTT 不处于可配置状态（已连接？）</translation>
    </message>
    <message>
        <source>the MQTT link is not initialised or was already cleaned up</source>
        <translation>MQTT 链路未初始化或已被清理</translation>
    </message>
    <message>
        <source>the MQTT client is already connected</source>
        <translation>MQTT 客户端已连接</translation>
    </message>
    <message>
        <source>the module ran out of memory</source>
        <translation>模块内存不足</translation>
    </message>
    <message>
        <source>the MQTT link does not exist</source>
        <translation>MQTT 链路不存在</translation>
    </message>
    <message>
        <source>a required parameter is missing</source>
        <translation>缺少必需参数</translation>
    </message>
    <message>
        <source>the TLS configuration is invalid</source>
        <translation>TLS 配置无效</translation>
    </message>
    <message>
        <source>the connection parameters could not be prepared</source>
        <translation>无法准备连接参数</translation>
    </message>
    <message>
        <source>the MQTT client could not be started</source>
        <translation>无法启动 MQTT 客户端</translation>
    </message>
    <message>
        <source>publishing the message failed</source>
        <translation>发布消息失败</translation>
    </message>
    <message>
        <source>subscribing to the topic failed</source>
        <translation>订阅主题失败</translation>
    </message>
    <message>
        <source>unsubscribing from the topic failed</source>
        <translation>取消订阅主题失败</translation>
    </message>
    <message>
        <source>disconnecting from the broker failed</source>
        <translation>与代理服务器断开失败</translation>
    </message>
    <message>
        <source>the LinkID could not be read</source>
        <translation>无法读取 LinkID</translation>
    </message>
    <message>
        <source>the LinkID is wrong; only 0 is supported</source>
        <translation>LinkID 错误；仅支持 0</translation>
    </message>
    <message>
        <source>the scheme could not be read</source>
        <translation>无法读取 scheme</translation>
    </message>
    <message>
        <source>the scheme is wrong; it must be 1 to 10</source>
        <translation>scheme 错误；必须为 1 到 10</translation>
    </message>
    <message>
        <source>the client ID could not be read</source>
        <translation>无法读取客户端 ID</translation>
    </message>
    <message>
        <source>the client ID is empty</source>
        <translation>客户端 ID 为空</translation>
    </message>
    <message>
        <source>the client ID is longer than 256 bytes</source>
        <translation>客户端 ID 超过 256 字节</translation>
    </message>
    <message>
        <source>the user name could not be read</source>
        <translation>无法读取用户名</translation>
    </message>
    <message>
        <source>the user name is empty</source>
        <translation>用户名为空</translation>
    </message>
    <message>
        <source>the user name is longer than 64 bytes</source>
        <translation>用户名超过 64 字节</translation>
    </message>
    <message>
        <source>the password could not be read</source>
        <translation>无法读取密码</translation>
    </message>
    <message>
        <source>the password is empty</source>
        <translation>密码为空</translation>
    </message>
    <message>
        <source>the password is longer than 64 bytes</source>
        <translation>密码超过 64 字节</translation>
    </message>
    <message>
        <source>the certificate key ID could not be read</source>
        <translation>无法读取证书密钥 ID</translation>
    </message>
    <message>
        <source>the certificate key ID is wrong; only 0 is supported</source>
        <translation>证书密钥 ID 错误；仅支持 0</translation>
    </message>
    <message>
        <source>the CA ID could not be read</source>
        <translation>无法读取 CA ID</translation>
    </message>
    <message>
        <source>the CA ID is wrong; only 0 is supported</source>
        <translation>CA ID 错误；仅支持 0</translation>
    </message>
    <message>
        <source>the CA certificate has an invalid length</source>
        <translation>CA 证书长度无效</translation>
    </message>
    <message>
        <source>the CA certificate could not be read</source>
        <translation>无法读取 CA 证书</translation>
    </message>
    <message>
        <source>the client certificate has an invalid length</source>
        <translation>客户端证书长度无效</translation>
    </message>
    <message>
        <source>the client certificate could not be read</source>
        <translation>无法读取客户端证书</translation>
    </message>
    <message>
        <source>the client key has an invalid length</source>
        <translation>客户端密钥长度无效</translation>
    </message>
    <message>
        <source>the client key could not be read</source>
        <translation>无法读取客户端密钥</translation>
    </message>
    <message>
        <source>the path could not be read</source>
        <translation>无法读取路径</translation>
    </message>
    <message>
        <source>the path is empty</source>
        <translation>路径为空</translation>
    </message>
    <message>
        <source>the path is longer than 32 bytes</source>
        <translation>路径超过 32 字节</translation>
    </message>
    <message>
        <source>the MQTT version could not be read</source>
        <translation>无法读取 MQTT 版本</translation>
    </message>
    <message>
        <source>the keep-alive time could not be read</source>
        <translation>无法读取保活时间</translation>
    </message>
    <message>
        <source>the keep-alive time is missing</source>
        <translation>缺少保活时间</translation>
    </message>
    <message>
        <source>the keep-alive time is wrong; it must be 0 to 7200 seconds</source>
        <translation>保活时间错误；必须为 0 到 7200 秒</translation>
    </message>
    <message>
        <source>the clean-session flag could not be read</source>
        <translation>无法读取清除会话标志</translation>
    </message>
    <message>
        <source>the clean-session flag is wrong; it must be 0 or 1</source>
        <translation>清除会话标志错误；必须为 0 或 1</translation>
    </message>
    <message>
        <source>the last-will topic could not be read</source>
        <translation>无法读取遗嘱主题</translation>
    </message>
    <message>
        <source>the last-will topic is empty</source>
        <translation>遗嘱主题为空</translation>
    </message>
    <message>
        <source>the last-will topic is longer than 128 bytes</source>
        <translation>遗嘱主题超过 128 字节</translation>
    </message>
    <message>
        <source>the last-will message could not be read</source>
        <translation>无法读取遗嘱消息</translation>
    </message>
    <message>
        <source>the last-will message is empty</source>
        <translation>遗嘱消息为空</translation>
    </message>
    <message>
        <source>the last-will message is longer than 64 bytes</source>
        <translation>遗嘱消息超过 64 字节</translation>
    </message>
    <message>
        <source>the last-will QoS could not be read</source>
        <translation>无法读取遗嘱 QoS</translation>
    </message>
    <message>
        <source>the last-will QoS is wrong; it must be 0, 1 or 2</source>
        <translation>遗嘱 QoS 错误；必须为 0、1 或 2</translation>
    </message>
    <message>
        <source>the last-will retain flag could not be read</source>
        <translation>无法读取遗嘱保留标志</translation>
    </message>
    <message>
        <source>the last-will retain flag is wrong; it must be 0 or 1</source>
        <translation>遗嘱保留标志错误；必须为 0 或 1</translation>
    </message>
    <message>
        <source>the broker host could not be read</source>
        <translation>无法读取代理服务器主机</translation>
    </message>
    <message>
        <source>the broker host is empty</source>
        <translation>代理服务器主机为空</translation>
    </message>
    <message>
        <source>the broker host is longer than 128 bytes</source>
        <translation>代理服务器主机超过 128 字节</translation>
    </message>
    <message>
        <source>the broker port could not be read</source>
        <translation>无法读取代理服务器端口</translation>
    </message>
    <message>
        <source>the broker port is wrong; it must be at most 65535</source>
        <translation>代理服务器端口错误；不能超过 65535</translation>
    </message>
    <message>
        <source>the reconnect flag could not be read</source>
        <translation>无法读取重连标志</translation>
    </message>
    <message>
        <source>the reconnect flag is wrong; it must be 0 or 1</source>
        <translation>重连标志错误；必须为 0 或 1</translation>
    </message>
    <message>
        <source>the topic could not be read</source>
        <translation>无法读取主题</translation>
    </message>
    <message>
        <source>the topic is empty</source>
        <translation>主题为空</translation>
    </message>
    <message>
        <source>the topic is longer than 128 bytes</source>
        <translation>主题超过 128 字节</translation>
    </message>
    <message>
        <source>the message data could not be read (an unescaped comma?)</source>
        <translation>无法读取消息数据（有未转义的逗号？）</translation>
    </message>
    <message>
        <source>the message data is empty</source>
        <translation>消息数据为空</translation>
    </message>
    <message>
        <source>the message data is too long</source>
        <translation>消息数据过长</translation>
    </message>
    <message>
        <source>the QoS could not be read</source>
        <translation>无法读取 QoS</translation>
    </message>
    <message>
        <source>the QoS is wrong; it must be 0, 1 or 2</source>
        <translation>QoS 错误；必须为 0、1 或 2</translation>
    </message>
    <message>
        <source>the retain flag could not be read</source>
        <translation>无法读取保留标志</translation>
    </message>
    <message>
        <source>the retain flag is wrong; it must be 0 or 1</source>
        <translation>保留标志错误；必须为 0 或 1</translation>
    </message>
    <message>
        <source>the publish length could not be read</source>
        <translation>无法读取发布长度</translation>
    </message>
    <message>
        <source>the publish length is wrong</source>
        <translation>发布长度错误</translation>
    </message>
    <message>
        <source>the number of bytes received after &apos;&gt;&apos; does not match the length</source>
        <translation>“&gt;”之后收到的字节数与长度不符</translation>
    </message>
    <message>
        <source>the module could not create a semaphore</source>
        <translation>模块无法创建信号量</translation>
    </message>
    <message>
        <source>the module could not create an event group</source>
        <translation>模块无法创建事件组</translation>
    </message>
    <message>
        <source>the broker URI could not be parsed</source>
        <translation>无法解析代理服务器 URI</translation>
    </message>
    <message>
        <source>the MQTT connection is down (disconnected state)</source>
        <translation>MQTT 连接已断开（断开状态）</translation>
    </message>
    <message>
        <source>the broker&apos;s host name did not match its certificate</source>
        <translation>代理服务器的主机名与其证书不匹配</translation>
    </message>
    <message>
        <source>unrecognised error code %1 (module %2)</source>
        <translation>无法识别的错误码 %1（模块 %2）</translation>
    </message>
    <message>
        <source>unrecognised error category %1 in code %2</source>
        <translation>代码 %2 中无法识别的错误类别 %1</translation>
    </message>
    <message>
        <source>parameter %1 could not be parsed</source>
        <translation>无法解析参数 %1</translation>
    </message>
    <message>
        <source>MQTT: %1 (%2)</source>
        <translation>MQTT：%1（%2）</translation>
    </message>
    <message>
        <source>command execution failed (command-specific code %1)</source>
        <translation>命令执行失败（命令专用代码 %1）</translation>
    </message>
    <message>
        <source>%1 (extension %2)</source>
        <translation>%1（扩展 %2）</translation>
    </message>
    <message>
        <source>expected %1 parameters, got %2</source>
        <translation>应有 %1 个参数，实际为 %2 个</translation>
    </message>
    <message>
        <source>parameter %1</source>
        <translation>参数 %1</translation>
    </message>
    <message>
        <source>command-specific code %1</source>
        <translation>命令专用代码 %1</translation>
    </message>
    <message>
        <source>The command failed (the module gave no error code).</source>
        <translation>命令失败（模块未给出错误码）。</translation>
    </message>
</context>
<context>
    <name>FormPage</name>
    <message>
        <source>&amp;Read</source>
        <translation>读取(&amp;R)</translation>
    </message>
    <message>
        <source>Read the module&apos;s values (F5)</source>
        <translation>从模块读取当前值（F5）</translation>
    </message>
    <message>
        <source>Show AT</source>
        <translation>显示 AT</translation>
    </message>
    <message>
        <source>Show the exact AT lines the buttons send</source>
        <translation>显示按钮将发送的完整 AT 命令行</translation>
    </message>
    <message>
        <source>Re&amp;vert</source>
        <translation>还原(&amp;V)</translation>
    </message>
    <message>
        <source>Put back the values the module reported</source>
        <translation>恢复模块报告的值</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>应用(&amp;A)</translation>
    </message>
    <message>
        <source>Send the form to the module (Ctrl+Return)</source>
        <translation>将表单发送到模块（Ctrl+Return）</translation>
    </message>
    <message>
        <source>Waiting for the module</source>
        <translation>正在等待模块</translation>
    </message>
    <message>
        <source>nothing is sent: %1</source>
        <translation>不会发送任何内容：%1</translation>
    </message>
    <message>
        <source>A recording is playing back: the page shows what the module reported then and sends nothing.</source>
        <translation>正在回放录制：本页显示模块当时报告的内容，不发送任何命令。</translation>
    </message>
    <message>
        <source>Not available: the module&apos;s firmware does not have %1 (its command list, %2).</source>
        <translation>不可用：模块固件不支持 %1（依据其命令列表，%2）。</translation>
    </message>
</context>
<context>
    <name>LinkCombo</name>
    <message>
        <source>Manufacturer: %1</source>
        <translation>制造商：%1</translation>
    </message>
    <message>
        <source>USB ID: %1:%2</source>
        <translation>USB ID：%1:%2</translation>
    </message>
    <message>
        <source>Serial number: %1</source>
        <translation>序列号：%1</translation>
    </message>
    <message>
        <source>%1 (not listed by the system right now)</source>
        <translation>%1（系统当前未列出）</translation>
    </message>
    <message>
        <source>Simulated module (ESP-AT)</source>
        <translation>模拟模块（ESP-AT）</translation>
    </message>
    <message>
        <source>Simulated module (Beken)</source>
        <translation>模拟模块（Beken）</translation>
    </message>
    <message>
        <source>TCP bridge (host:port)</source>
        <translation>TCP 桥接（主机:端口）</translation>
    </message>
</context>
<context>
    <name>LinkDataPanel</name>
    <message>
        <source>File to send</source>
        <translation>要发送的文件</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <source>%1 of %2 bytes</source>
        <translation>%1/%2 字节</translation>
    </message>
    <message>
        <source>Hex bytes, e.g. 48 65 6c 6c 6f</source>
        <translation>十六进制字节，例如 48 65 6c 6c 6f</translation>
    </message>
    <message>
        <source>Text to send (UTF-8)</source>
        <translation>要发送的文本（UTF-8）</translation>
    </message>
    <message>
        <source>%1 bytes received, %2 sent</source>
        <translation>已接收 %1 字节，已发送 %2 字节</translation>
    </message>
    <message>
        <source>Data of link %1</source>
        <translation>链路 %1 的数据</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>Hex</source>
        <translation>Hex</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Path of the file to send</source>
        <translation>要发送的文件路径</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>+CR LF</source>
        <translation>+CR LF</translation>
    </message>
    <message>
        <source>Append CR LF to the text</source>
        <translation>在文本末尾附加 CR LF</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <source>Received:</source>
        <translation>已接收：</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>To (UDP):</source>
        <translation>发往（UDP）：</translation>
    </message>
    <message>
        <source>the link&apos;s own peer; or another host</source>
        <translation>链路自己的对端；或其他主机</translation>
    </message>
    <message>
        <source>UDP only: send these datagrams to another host and port (AT+CIPSEND=&lt;id&gt;,&lt;length&gt;,&quot;host&quot;,port)</source>
        <translation>仅 UDP：把这些数据报发往另一台主机和端口（AT+CIPSEND=&lt;id&gt;,&lt;length&gt;,&quot;host&quot;,port）</translation>
    </message>
    <message>
        <source>port</source>
        <translation>端口</translation>
    </message>
</context>
<context>
    <name>LinkOpenForm</name>
    <message>
        <source>Open a link</source>
        <translation>打开链路</translation>
    </message>
    <message>
        <source>Link ID:</source>
        <translation>链路 ID：</translation>
    </message>
    <message>
        <source>Type:</source>
        <translation>类型：</translation>
    </message>
    <message>
        <source>Remote host:</source>
        <translation>远程主机：</translation>
    </message>
    <message>
        <source>Remote port:</source>
        <translation>远程端口：</translation>
    </message>
    <message>
        <source>Keep-alive:</source>
        <translation>保活：</translation>
    </message>
    <message>
        <source>Local port:</source>
        <translation>本地端口：</translation>
    </message>
    <message>
        <source>UDP peer:</source>
        <translation>UDP 对端：</translation>
    </message>
    <message>
        <source>off</source>
        <translation>关</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>any</source>
        <translation>任意</translation>
    </message>
    <message>
        <source>fixed (0)</source>
        <translation>固定（0）</translation>
    </message>
    <message>
        <source>may change once (1)</source>
        <translation>可变更一次（1）</translation>
    </message>
    <message>
        <source>may change (2)</source>
        <translation>可变更（2）</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Open the link (Ctrl+Return)</source>
        <translation>打开链路（Ctrl+Return）</translation>
    </message>
    <message>
        <source>Local port (server):</source>
        <translation>本地端口（服务器）：</translation>
    </message>
    <message>
        <source>none: a client link</source>
        <translation>不填：客户端链路</translation>
    </message>
    <message>
        <source>Local IP:</source>
        <translation>本地 IP：</translation>
    </message>
    <message>
        <source>optional, with a local port</source>
        <translation>可选，需同时填本地端口</translation>
    </message>
    <message>
        <source>Beken: the module&apos;s own address for a server link (seed 000 examples 2 and 4)</source>
        <translation>Beken：服务器链路使用的模块自身地址（种子文档 000 示例 2 和 4）</translation>
    </message>
</context>
<context>
    <name>LinkTableModel</name>
    <message>
        <source>server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <source>client</source>
        <translation>客户端</translation>
    </message>
    <message>
        <source>off</source>
        <translation>关</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>open</source>
        <translation>已打开</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Remote host</source>
        <translation>远程主机</translation>
    </message>
    <message>
        <source>Remote port</source>
        <translation>远程端口</translation>
    </message>
    <message>
        <source>Local port</source>
        <translation>本地端口</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Keep-alive</source>
        <translation>保活</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>已接收</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>已发送</translation>
    </message>
    <message>
        <source>The module&apos;s status (+BIPSTATUS) names no link id and this link was not opened here: %1 is the lowest free id, a guess. Close and reopen it from this page to be sure.</source>
        <translation>模块的状态（+BIPSTATUS）不含链路 ID，而且此链路不是在这里打开的：%1 是最小的空闲 ID，只是推测。要确认，请在本页关闭后重新打开。</translation>
    </message>
    <message>
        <source>%1 (inferred)</source>
        <translation>%1（推测）</translation>
    </message>
</context>
<context>
    <name>LoopDiagram</name>
    <message>
        <source>%1: %2 sent · %3 arrived · %4 lost</source>
        <translation>%1：已发送 %2 · 已到达 %3 · 丢失 %4</translation>
    </message>
    <message>
        <source> · %1 corrupted</source>
        <translation> · 损坏 %1</translation>
    </message>
    <message>
        <source> · %1 duplicated</source>
        <translation> · 重复 %1</translation>
    </message>
    <message>
        <source> · %1 ms</source>
        <translation> · %1 毫秒</translation>
    </message>
    <message>
        <source>↑ msg/s</source>
        <translation>↑ 条/秒</translation>
    </message>
    <message>
        <source>/s</source>
        <translation>/秒</translation>
    </message>
    <message>
        <source>↓ msg/s</source>
        <translation>↓ 条/秒</translation>
    </message>
    <message>
        <source>↑ latency</source>
        <translation>↑ 延迟</translation>
    </message>
    <message>
        <source>ms</source>
        <translation>毫秒</translation>
    </message>
    <message>
        <source>↓ latency</source>
        <translation>↓ 延迟</translation>
    </message>
</context>
<context>
    <name>LoopSettingsForm</name>
    <message>
        <source>Loop</source>
        <translation>回环</translation>
    </message>
    <message>
        <source>Mode:</source>
        <translation>模式：</translation>
    </message>
    <message>
        <source>One check</source>
        <translation>单次检查</translation>
    </message>
    <message>
        <source>Continuous</source>
        <translation>连续</translation>
    </message>
    <message>
        <source>One check: the count each way, then a verdict. Continuous: until Stop.</source>
        <translation>单次检查：每个方向发送指定条数，然后给出结论。连续：直到按下停止。</translation>
    </message>
    <message>
        <source>Messages each way:</source>
        <translation>每个方向的消息数：</translation>
    </message>
    <message>
        <source>Rate:</source>
        <translation>速率：</translation>
    </message>
    <message>
        <source> /s</source>
        <translation> 条/秒</translation>
    </message>
    <message>
        <source>Messages per second in each direction</source>
        <translation>每个方向每秒的消息数</translation>
    </message>
    <message>
        <source>Size:</source>
        <translation>大小：</translation>
    </message>
    <message>
        <source> B</source>
        <translation> 字节</translation>
    </message>
    <message>
        <source>Payload bytes; the first %1 carry the direction and the sequence number</source>
        <translation>载荷字节数；前 %1 个字节携带方向和序号</translation>
    </message>
    <message>
        <source>QoS:</source>
        <translation>QoS：</translation>
    </message>
    <message>
        <source>Payload:</source>
        <translation>载荷：</translation>
    </message>
    <message>
        <source>Letters and digits</source>
        <translation>字母和数字</translation>
    </message>
    <message>
        <source>With , &quot; \ (escaped by AT+MQTTPUB)</source>
        <translation>含 , &quot; \（AT+MQTTPUB 会转义）</translation>
    </message>
    <message>
        <source>Binary: CR, LF, NUL (AT+MQTTPUBRAW)</source>
        <translation>二进制：CR、LF、NUL（AT+MQTTPUBRAW）</translation>
    </message>
    <message>
        <source>Topic prefix:</source>
        <translation>主题前缀：</translation>
    </message>
    <message>
        <source>The module publishes to PREFIX/up, AT Bench to PREFIX/down</source>
        <translation>模块发布到 PREFIX/up，AT Bench 发布到 PREFIX/down</translation>
    </message>
    <message>
        <source>Connect the module</source>
        <translation>连接模块</translation>
    </message>
    <message>
        <source>Configure the module&apos;s MQTT client for this broker and connect it (AT+MQTTUSERCFG, AT+MQTTCONNCFG, AT+MQTTCONN); its Wi-Fi must be up</source>
        <translation>为此代理服务器配置模块的 MQTT 客户端并连接（AT+MQTTUSERCFG、AT+MQTTCONNCFG、AT+MQTTCONN）；模块须已连上 Wi-Fi</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>The translation could not be loaded.</source>
        <translation>无法加载翻译文件。</translation>
    </message>
    <message>
        <source>AT Bench</source>
        <translation>AT Bench</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Connection</source>
        <translation>连接(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Export Log…</source>
        <translation>导出日志(&amp;E)…</translation>
    </message>
    <message>
        <source>Save the session log as text or JSON Lines</source>
        <translation>将会话日志保存为文本或 JSON Lines</translation>
    </message>
    <message>
        <source>&amp;Stream Log to File…</source>
        <translation>日志实时写入文件(&amp;S)…</translation>
    </message>
    <message>
        <source>Append every log record to a file as it happens</source>
        <translation>将每条日志记录实时追加到文件</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>连接(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Disconnect</source>
        <translation>断开(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Refresh Ports</source>
        <translation>刷新端口(&amp;R)</translation>
    </message>
    <message>
        <source>C&amp;lear Console</source>
        <translation>清空控制台(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;About AT Bench</source>
        <translation>关于 AT Bench(&amp;A)</translation>
    </message>
    <message>
        <source>Unknown simulator &quot;%1&quot;: use esp or beken.</source>
        <translation>未知的模拟器“%1”：请使用 esp 或 beken。</translation>
    </message>
    <message>
        <source>Invalid --tcp &quot;%1&quot;: expected host:port.</source>
        <translation>无效的 --tcp “%1”：应为 主机:端口。</translation>
    </message>
    <message>
        <source>No serial port found: starting the built-in simulated module (ESP-AT). Pick a port in the bar above when you plug in an adapter.</source>
        <translation>未找到串口：正在启动内置模拟模块（ESP-AT）。插入串口适配器后，请在上方工具栏中选择端口。</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>The link to %1 was lost. Check the cable or adapter, then press Connect (Ctrl+K).</source>
        <translation>与 %1 的连接已断开。请检查线缆或适配器，然后点击“连接”（Ctrl+K）。</translation>
    </message>
    <message>
        <source>Link error: %1</source>
        <translation>链路错误：%1</translation>
    </message>
    <message>
        <source>Text log (*.txt *.log)</source>
        <translation>文本日志 (*.txt *.log)</translation>
    </message>
    <message>
        <source>JSON Lines (*.jsonl)</source>
        <translation>JSON Lines (*.jsonl)</translation>
    </message>
    <message>
        <source>Export Log</source>
        <translation>导出日志</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Log exported to %1</source>
        <translation>日志已导出到 %1</translation>
    </message>
    <message>
        <source>Log streaming stopped</source>
        <translation>已停止日志实时写入</translation>
    </message>
    <message>
        <source>Stream Log to File</source>
        <translation>日志实时写入文件</translation>
    </message>
    <message>
        <source>Could not open %1: %2</source>
        <translation>无法打开 %1：%2</translation>
    </message>
    <message>
        <source>Streaming the log to %1</source>
        <translation>日志正在实时写入 %1</translation>
    </message>
    <message>
        <source>About AT Bench</source>
        <translation>关于 AT Bench</translation>
    </message>
    <message>
        <source>&lt;h3&gt;AT Bench %1&lt;/h3&gt;&lt;p&gt;Configure and monitor Wi-Fi modules driven by AT commands (Espressif ESP-AT, Beken ATSVR) over a serial port or a TCP serial bridge.&lt;/p&gt;&lt;p&gt;Built with Qt %2.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;AT Bench %1&lt;/h3&gt;&lt;p&gt;通过串口或 TCP 串口桥接，配置和监控使用 AT 命令的 Wi-Fi 模块（乐鑫 ESP-AT、Beken ATSVR）。&lt;/p&gt;&lt;p&gt;基于 Qt %2 构建。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Cannot create the directory %1</source>
        <translation>无法创建目录 %1</translation>
    </message>
    <message>
        <source>The built-in simulated module did not connect</source>
        <translation>内置模拟模块未能连接</translation>
    </message>
    <message>
        <source>The %1 translation did not load</source>
        <translation>%1 翻译未能加载</translation>
    </message>
    <message>
        <source>Cannot write %1</source>
        <translation>无法写入 %1</translation>
    </message>
    <message>
        <source>The link to %1 was lost; reconnecting automatically when it is back.</source>
        <translation>与 %1 的连接已断开；恢复后将自动重连。</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>Remember in the system keychain</source>
        <translation>保存到系统钥匙串</translation>
    </message>
</context>
<context>
    <name>MqttBrokerForm</name>
    <message>
        <source>Client (AT+MQTTUSERCFG)</source>
        <translation>客户端（AT+MQTTUSERCFG）</translation>
    </message>
    <message>
        <source>Session (AT+MQTTCONNCFG, AT+MQTTALPN)</source>
        <translation>会话（AT+MQTTCONNCFG、AT+MQTTALPN）</translation>
    </message>
    <message>
        <source>Broker (AT+MQTTCONN)</source>
        <translation>代理服务器（AT+MQTTCONN）</translation>
    </message>
    <message>
        <source>Scheme:</source>
        <translation>方案：</translation>
    </message>
    <message>
        <source>Client ID:</source>
        <translation>客户端 ID：</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>用户名：</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <source>Path:</source>
        <translation>路径：</translation>
    </message>
    <message>
        <source>Certificates:</source>
        <translation>证书：</translation>
    </message>
    <message>
        <source>Keep-alive:</source>
        <translation>保活：</translation>
    </message>
    <message>
        <source>Last-will topic:</source>
        <translation>遗嘱主题：</translation>
    </message>
    <message>
        <source>Last-will message:</source>
        <translation>遗嘱消息：</translation>
    </message>
    <message>
        <source>Last-will QoS:</source>
        <translation>遗嘱 QoS：</translation>
    </message>
    <message>
        <source>ALPN:</source>
        <translation>ALPN：</translation>
    </message>
    <message>
        <source>Host:</source>
        <translation>主机：</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>端口：</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>required; long IDs go through AT+MQTTCLIENTID</source>
        <translation>必填；较长的 ID 通过 AT+MQTTCLIENTID 设置</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>可选</translation>
    </message>
    <message>
        <source>optional; never written to settings or logs</source>
        <translation>可选；不会写入设置或日志</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Show the password (also in &quot;Show AT&quot;)</source>
        <translation>显示密码（“显示 AT”中也会显示）</translation>
    </message>
    <message>
        <source>Remember</source>
        <translation>记住</translation>
    </message>
    <message>
        <source>Keep the password in the system keychain for this host and user</source>
        <translation>在系统钥匙串中保存此主机和用户的密码</translation>
    </message>
    <message>
        <source>Keep the password for this host and user (needs a keychain; without one it is not stored)</source>
        <translation>保存此主机和用户的密码（需要钥匙串；没有钥匙串则不保存）</translation>
    </message>
    <message>
        <source>WebSocket resource path, at most 32 bytes</source>
        <translation>WebSocket 资源路径，最多 32 字节</translation>
    </message>
    <message>
        <source>client certificate/key ID 0 and CA ID 0 (only 0 is supported)</source>
        <translation>客户端证书/密钥 ID 0 和 CA ID 0（仅支持 0）</translation>
    </message>
    <message>
        <source>Used by schemes 3–5 and 8–10; the certificates live in the module&apos;s flash</source>
        <translation>用于方案 3–5 和 8–10；证书存放在模块的 flash 中</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>0 = 120 s</source>
        <translation>0 = 120 秒</translation>
    </message>
    <message>
        <source>Keep-alive in seconds, 0 to 7200; 0 means 120 s</source>
        <translation>保活秒数，0 到 7200；0 表示 120 秒</translation>
    </message>
    <message>
        <source>Clean session</source>
        <translation>清除会话</translation>
    </message>
    <message>
        <source>optional, at most 128 bytes</source>
        <translation>可选，最多 128 字节</translation>
    </message>
    <message>
        <source>at most 64 bytes</source>
        <translation>最多 64 字节</translation>
    </message>
    <message>
        <source>0 at most once, 1 at least once, 2 exactly once</source>
        <translation>0 最多一次，1 至少一次，2 恰好一次</translation>
    </message>
    <message>
        <source>Retain</source>
        <translation>保留</translation>
    </message>
    <message>
        <source>up to 5 names, separated by commas (TLS and WSS only)</source>
        <translation>最多 5 个名称，用逗号分隔（仅 TLS 和 WSS）</translation>
    </message>
    <message>
        <source>host name or IPv4 address, at most 128 bytes</source>
        <translation>主机名或 IPv4 地址，最多 128 字节</translation>
    </message>
    <message>
        <source>1 to 65535</source>
        <translation>1 到 65535</translation>
    </message>
    <message>
        <source>Reconnect automatically</source>
        <translation>自动重连</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>Disconnect</source>
        <translation>断开</translation>
    </message>
    <message>
        <source>AT+MQTTCLEAN: close the connection and release the configuration</source>
        <translation>AT+MQTTCLEAN：关闭连接并释放配置</translation>
    </message>
    <message>
        <source>Too long for AT+MQTTUSERCFG: it always goes through its own command</source>
        <translation>对 AT+MQTTUSERCFG 来说太长：始终通过单独的命令发送</translation>
    </message>
    <message>
        <source>Send it through its own command even though it fits AT+MQTTUSERCFG</source>
        <translation>即使能放进 AT+MQTTUSERCFG，也通过单独的命令发送</translation>
    </message>
    <message>
        <source>Apply the client settings when the module does not have them yet, then AT+MQTTCONN</source>
        <translation>模块还没有这些客户端设置时先应用它们，然后发送 AT+MQTTCONN</translation>
    </message>
    <message>
        <source>Fix the client settings first: %1</source>
        <translation>请先修正客户端设置：%1</translation>
    </message>
    <message>
        <source>Clear the module&apos;s list</source>
        <translation>清除模块的列表</translation>
    </message>
    <message>
        <source>With no names: send AT+MQTTALPN=0,0, whoever set the list</source>
        <translation>不填名称时：发送 AT+MQTTALPN=0,0，无论列表是谁设置的</translation>
    </message>
    <message>
        <source>Own commands:</source>
        <translation>单独命令：</translation>
    </message>
    <message>
        <source>client ID</source>
        <translation>客户端 ID</translation>
    </message>
    <message>
        <source>user name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>password</source>
        <translation>密码</translation>
    </message>
</context>
<context>
    <name>MqttLoopPage</name>
    <message>
        <source>AT Bench&apos;s client is connected again (subscriptions sent again).</source>
        <translation>AT Bench 客户端已重新连接（订阅已重新发送）。</translation>
    </message>
    <message>
        <source>AT Bench&apos;s client is connected to %1.</source>
        <translation>AT Bench 客户端已连接到 %1。</translation>
    </message>
    <message>
        <source>AT Bench&apos;s client could not connect: %1</source>
        <translation>AT Bench 客户端无法连接：%1</translation>
    </message>
    <message>
        <source>Connect the module (after AT+MQTTCONN? and, when connected elsewhere, AT+MQTTCLEAN=0):</source>
        <translation>连接模块（先 AT+MQTTCONN?；若已连接到别处，再 AT+MQTTCLEAN=0）：</translation>
    </message>
    <message>
        <source>Start (Ctrl+Return), per message and around the run:</source>
        <translation>开始（Ctrl+Return），每条消息及运行前后：</translation>
    </message>
    <message>
        <source>Read (F5):</source>
        <translation>读取（F5）：</translation>
    </message>
    <message>
        <source>Not connected: %1</source>
        <translation>未连接：%1</translation>
    </message>
    <message>
        <source>Connecting AT Bench&apos;s client to %1…</source>
        <translation>正在将 AT Bench 客户端连接到 %1…</translation>
    </message>
    <message>
        <source>AT Bench&apos;s client is disconnected.</source>
        <translation>AT Bench 客户端已断开。</translation>
    </message>
    <message>
        <source>The module&apos;s broker: %1. Connect to use it.</source>
        <translation>模块的代理服务器：%1。点击连接即可使用。</translation>
    </message>
    <message>
        <source>Start the local broker first.</source>
        <translation>请先启动本地代理服务器。</translation>
    </message>
    <message>
        <source>The local broker: %1.</source>
        <translation>本地代理服务器：%1。</translation>
    </message>
    <message>
        <source>not running (mosquitto on 127.0.0.1, for demos without a network)</source>
        <translation>未运行（127.0.0.1 上的 mosquitto，用于无网络演示）</translation>
    </message>
    <message>
        <source>starting mosquitto…</source>
        <translation>正在启动 mosquitto…</translation>
    </message>
    <message>
        <source>running at %1</source>
        <translation>运行于 %1</translation>
    </message>
    <message>
        <source>Local broker running at %1.</source>
        <translation>本地代理服务器运行于 %1。</translation>
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation>未发送：%1</translation>
    </message>
    <message>
        <source>The module has no Wi-Fi connection: join a network on the Wi-Fi page first.</source>
        <translation>模块没有 Wi-Fi 连接：请先在 Wi-Fi 页面加入网络。</translation>
    </message>
    <message>
        <source>The module cannot reach %1: that address is the module itself. Use this PC&apos;s network address, or a broker on the network.</source>
        <translation>模块无法访问 %1：该地址指向模块自身。请使用本机的网络地址，或网络上的代理服务器。</translation>
    </message>
    <message>
        <source>MQTT connected to %1:%2</source>
        <translation>MQTT 已连接到 %1:%2</translation>
    </message>
    <message>
        <source>MQTT lost its broker (state 3)</source>
        <translation>MQTT 与代理服务器的连接已断开（状态 3）</translation>
    </message>
    <message>
        <source>no Wi-Fi yet</source>
        <translation>尚无 Wi-Fi</translation>
    </message>
    <message>
        <source>Wi-Fi up, MQTT not connected (state %1)</source>
        <translation>Wi-Fi 已连接，MQTT 未连接（状态 %1）</translation>
    </message>
    <message>
        <source>Wi-Fi %1</source>
        <translation>Wi-Fi %1</translation>
    </message>
    <message>
        <source>Module (simulated)</source>
        <translation>模块（模拟）</translation>
    </message>
    <message>
        <source>Module</source>
        <translation>模块</translation>
    </message>
    <message>
        <source>none chosen</source>
        <translation>未选择</translation>
    </message>
    <message>
        <source>local mosquitto</source>
        <translation>本地 mosquitto</translation>
    </message>
    <message>
        <source>went away / unreachable</source>
        <translation>已断开 / 无法访问</translation>
    </message>
    <message>
        <source>Broker</source>
        <translation>代理服务器</translation>
    </message>
    <message>
        <source>client %1 connected</source>
        <translation>客户端 %1 已连接</translation>
    </message>
    <message>
        <source>connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <source>reconnecting…</source>
        <translation>正在重连…</translation>
    </message>
    <message>
        <source>client not connected</source>
        <translation>客户端未连接</translation>
    </message>
    <message>
        <source>PC (AT Bench)</source>
        <translation>电脑（AT Bench）</translation>
    </message>
    <message>
        <source>MQTT loop</source>
        <translation>MQTT 回环</translation>
    </message>
    <message>
        <source>MQTT from both ends: the module and AT Bench&apos;s own client on one broker, checked byte for byte</source>
        <translation>从两端看 MQTT：模块和 AT Bench 自己的客户端连在同一个代理服务器上，逐字节核对</translation>
    </message>
    <message>
        <source>Ask the module for its MQTT state and subscriptions (F5)</source>
        <translation>向模块查询 MQTT 状态和订阅（F5）</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Start the loop (Ctrl+Return)</source>
        <translation>开始回环（Ctrl+Return）</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Stop sending; the messages on their way get the loss timeout to arrive</source>
        <translation>停止发送；途中的消息在丢失超时内仍可到达</translation>
    </message>
    <message>
        <source>Received by the module (+MQTTSUBRECV)</source>
        <translation>模块收到的消息（+MQTTSUBRECV）</translation>
    </message>
    <message>
        <source>Received by AT Bench&apos;s client</source>
        <translation>AT Bench 客户端收到的消息</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>Rates and latency</source>
        <translation>速率和延迟</translation>
    </message>
    <message>
        <source>Topics</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>module → app</source>
        <translation>模块 → 应用</translation>
    </message>
    <message>
        <source>app → module</source>
        <translation>应用 → 模块</translation>
    </message>
    <message>
        <source>Not started: %1</source>
        <translation>未开始：%1</translation>
    </message>
    <message numerus="yes">
        <source>Running: %n message(s) each way…</source>
        <translation>
            <numerusform>运行中：每个方向 %n 条消息…</numerusform>
        </translation>
    </message>
    <message>
        <source>Running until Stop…</source>
        <translation>运行中，直到按下停止…</translation>
    </message>
    <message>
        <source>Stopping: waiting for the messages still on their way…</source>
        <translation>正在停止：等待途中的消息…</translation>
    </message>
</context>
<context>
    <name>MqttMessageFeed</name>
    <message numerus="yes">
        <source>%n message(s)</source>
        <translation>
            <numerusform>%n 条消息</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 shown of %2</source>
        <translation>显示 %1 / 共 %2</translation>
    </message>
    <message numerus="yes">
        <source>; %n older dropped (limit %1)</source>
        <translation>
            <numerusform>；已丢弃 %n 条较早的消息（上限 %1）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; paused, %n waiting</source>
        <translation>
            <numerusform>；已暂停，%n 条等待中</numerusform>
        </translation>
    </message>
    <message>
        <source>Received messages</source>
        <translation>收到的消息</translation>
    </message>
    <message>
        <source>Filter: text, or topic filter with + #</source>
        <translation>过滤：文本，或含 + # 的主题过滤器</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <source>Hex</source>
        <translation>Hex</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
</context>
<context>
    <name>MqttMessageModel</name>
    <message>
        <source>QoS of the matching subscription (the module does not report the message&apos;s own QoS)</source>
        <translation>所匹配订阅的 QoS（模块不报告消息本身的 QoS）</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>QoS</source>
        <translation>QoS</translation>
    </message>
    <message>
        <source>Bytes</source>
        <translation>字节</translation>
    </message>
    <message>
        <source>Payload</source>
        <translation>载荷</translation>
    </message>
</context>
<context>
    <name>MqttPage</name>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Apply (Ctrl+Return):</source>
        <translation>应用（Ctrl+Return）：</translation>
    </message>
    <message>
        <source>Connect:</source>
        <translation>连接：</translation>
    </message>
    <message>
        <source>Disconnect:</source>
        <translation>断开：</translation>
    </message>
    <message>
        <source>Publish (Ctrl+Return):</source>
        <translation>发布（Ctrl+Return）：</translation>
    </message>
    <message>
        <source>Subscribe (Ctrl+Return):</source>
        <translation>订阅（Ctrl+Return）：</translation>
    </message>
    <message>
        <source>Unsubscribe:</source>
        <translation>取消订阅：</translation>
    </message>
    <message>
        <source>Read (F5):</source>
        <translation>读取（F5）：</translation>
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation>未发送：%1</translation>
    </message>
    <message>
        <source>Form reverted to the module&apos;s values.</source>
        <translation>表单已还原为模块中的值。</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>正在处理…</translation>
    </message>
    <message>
        <source>MQTT</source>
        <translation>MQTT</translation>
    </message>
    <message>
        <source>MQTT client of the module: configure, connect, publish, subscribe, watch messages</source>
        <translation>模块的 MQTT 客户端：配置、连接、发布、订阅、查看消息</translation>
    </message>
    <message>
        <source>MQTT state:</source>
        <translation>MQTT 状态：</translation>
    </message>
    <message>
        <source>Ask the module for its MQTT state and subscriptions (F5)</source>
        <translation>向模块查询 MQTT 状态和订阅（F5）</translation>
    </message>
    <message>
        <source>Show the exact AT command lines this form sends</source>
        <translation>显示此表单将发送的完整 AT 命令行</translation>
    </message>
    <message>
        <source>Broker</source>
        <translation>代理服务器</translation>
    </message>
    <message>
        <source>Publish</source>
        <translation>发布</translation>
    </message>
    <message>
        <source>Subscriptions</source>
        <translation>订阅</translation>
    </message>
    <message>
        <source>Send the client and session configuration (Ctrl+Return)</source>
        <translation>发送客户端和会话配置（Ctrl+Return）</translation>
    </message>
    <message>
        <source>Connect (the configuration first, it is not on the module yet):</source>
        <translation>连接（先发送配置，模块上还没有）：</translation>
    </message>
    <message>
        <source>Not connected: the client settings are sent first, and %1</source>
        <translation>未连接：需要先发送客户端设置，而 %1</translation>
    </message>
    <message>
        <source>MQTT loop view →</source>
        <translation>MQTT 回环视图 →</translation>
    </message>
    <message>
        <source>Both ends at once: AT Bench&apos;s own client on the same broker, messages checked byte for byte, a local broker for demos</source>
        <translation>同时查看两端：AT Bench 自己的客户端连在同一个代理服务器上，消息逐字节核对，并可启动本地代理服务器用于演示</translation>
    </message>
</context>
<context>
    <name>MqttPublishForm</name>
    <message>
        <source>Message file</source>
        <translation>消息文件</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <source>Not valid hex: use pairs of hex digits, optionally separated by blanks (0d 0a 00).</source>
        <translation>不是有效的十六进制：请使用成对的十六进制数，可用空格分隔（0d 0a 00）。</translation>
    </message>
    <message>
        <source>Enter the path of the file to publish.</source>
        <translation>请输入要发布的文件路径。</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>The file is larger than 1 MiB; the module could not hold it.</source>
        <translation>文件大于 1 MiB，模块无法容纳。</translation>
    </message>
    <message numerus="yes">
        <source>%n byte(s)</source>
        <translation>
            <numerusform>%n 字节</numerusform>
        </translation>
    </message>
    <message>
        <source>sent as a quoted string; \ &quot; and , are escaped, NUL, CR and LF are not possible</source>
        <translation>以带引号的字符串发送；\ &quot; 和 , 会被转义，不能包含 NUL、CR 和 LF</translation>
    </message>
    <message>
        <source>sent after the &apos;&gt;&apos; prompt exactly as they are</source>
        <translation>在“&gt;”提示符后按原样发送</translation>
    </message>
    <message>
        <source>Topic:</source>
        <translation>主题：</translation>
    </message>
    <message>
        <source>Send as:</source>
        <translation>发送方式：</translation>
    </message>
    <message>
        <source>Message:</source>
        <translation>消息：</translation>
    </message>
    <message>
        <source>QoS:</source>
        <translation>QoS：</translation>
    </message>
    <message>
        <source>at most 128 bytes</source>
        <translation>最多 128 字节</translation>
    </message>
    <message>
        <source>String (AT+MQTTPUB)</source>
        <translation>字符串（AT+MQTTPUB）</translation>
    </message>
    <message>
        <source>Raw bytes (AT+MQTTPUBRAW)</source>
        <translation>原始字节（AT+MQTTPUBRAW）</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>Hex</source>
        <translation>Hex</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Interpret \r \n \t \0 \\ \xNN</source>
        <translation>解析 \r \n \t \0 \\ \xNN</translation>
    </message>
    <message>
        <source>path of the file to publish (sent raw, up to 1 MiB)</source>
        <translation>要发布的文件路径（原样发送，最大 1 MiB）</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>0 at most once, 1 at least once, 2 exactly once</source>
        <translation>0 最多一次，1 至少一次，2 恰好一次</translation>
    </message>
    <message>
        <source>Retain</source>
        <translation>保留</translation>
    </message>
    <message>
        <source>Publish</source>
        <translation>发布</translation>
    </message>
    <message>
        <source>Ctrl+Return</source>
        <translation>Ctrl+Return</translation>
    </message>
</context>
<context>
    <name>MqttState</name>
    <message>
        <source>not initialised</source>
        <translation>未初始化</translation>
    </message>
    <message>
        <source>user configuration set</source>
        <translation>已设置用户配置</translation>
    </message>
    <message>
        <source>connection configuration set</source>
        <translation>已设置连接配置</translation>
    </message>
    <message>
        <source>disconnected</source>
        <translation>已断开</translation>
    </message>
    <message>
        <source>connected</source>
        <translation>已连接</translation>
    </message>
    <message>
        <source>connected, no subscription</source>
        <translation>已连接，无订阅</translation>
    </message>
    <message>
        <source>connected, subscribed</source>
        <translation>已连接，已订阅</translation>
    </message>
    <message>
        <source>unknown (%1)</source>
        <translation>未知（%1）</translation>
    </message>
</context>
<context>
    <name>MqttSubscriptionsForm</name>
    <message>
        <source>Topic</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>QoS</source>
        <translation>QoS</translation>
    </message>
    <message>
        <source>Topic:</source>
        <translation>主题：</translation>
    </message>
    <message>
        <source>QoS:</source>
        <translation>QoS：</translation>
    </message>
    <message>
        <source>topic or filter with + and #, at most 128 bytes</source>
        <translation>主题或含 + 和 # 的过滤器，最多 128 字节</translation>
    </message>
    <message>
        <source>0 at most once, 1 at least once, 2 exactly once</source>
        <translation>0 最多一次，1 至少一次，2 恰好一次</translation>
    </message>
    <message>
        <source>Subscribe</source>
        <translation>订阅</translation>
    </message>
    <message>
        <source>Ctrl+Return</source>
        <translation>Ctrl+Return</translation>
    </message>
    <message>
        <source>Unsubscribe</source>
        <translation>取消订阅</translation>
    </message>
</context>
<context>
    <name>NetServicesPage</name>
    <message>
        <source>Network services</source>
        <translation>网络服务</translation>
    </message>
    <message>
        <source>DNS servers, SNTP time, domain lookup and ping from the module</source>
        <translation>模块的 DNS 服务器、SNTP 时间、域名解析和 ping</translation>
    </message>
    <message>
        <source>DNS</source>
        <translation>DNS</translation>
    </message>
    <message>
        <source>Time (SNTP)</source>
        <translation>时间（SNTP）</translation>
    </message>
    <message>
        <source>Domain lookup</source>
        <translation>域名解析</translation>
    </message>
    <message>
        <source>Ping</source>
        <translation>Ping</translation>
    </message>
    <message>
        <source>&amp;Servers:</source>
        <translation>服务器(&amp;S)：</translation>
    </message>
    <message>
        <source>Automatic: the servers the router hands out (DHCP). Manual: the addresses below.</source>
        <translation>自动：使用路由器分配的服务器（DHCP）。手动：使用下面的地址。</translation>
    </message>
    <message>
        <source>Server &amp;%1:</source>
        <translation>服务器 &amp;%1：</translation>
    </message>
    <message>
        <source>IPv4 address, e.g. 8.8.8.8</source>
        <translation>IPv4 地址，例如 8.8.8.8</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>可选</translation>
    </message>
    <message>
        <source>Module reports:</source>
        <translation>模块报告：</translation>
    </message>
    <message>
        <source>S&amp;ynchronise the module&apos;s clock with SNTP</source>
        <translation>用 SNTP 同步模块时钟(&amp;Y)</translation>
    </message>
    <message>
        <source>Time &amp;zone:</source>
        <translation>时区(&amp;Z)：</translation>
    </message>
    <message>
        <source>8, -5, +0530</source>
        <translation>8, -5, +0530</translation>
    </message>
    <message>
        <source>8, -5</source>
        <translation>8, -5</translation>
    </message>
    <message>
        <source>Whole hours from -12 to 14, or [+|-]hhmm (530 = UTC+05:30)</source>
        <translation>-12 到 14 的整数小时，或 [+|-]hhmm（530 = UTC+05:30）</translation>
    </message>
    <message>
        <source>Whole hours from -12 to 12</source>
        <translation>-12 到 12 的整数小时</translation>
    </message>
    <message>
        <source>Ser&amp;ver %1:</source>
        <translation>服务器 %1(&amp;V)：</translation>
    </message>
    <message>
        <source>e.g. pool.ntp.org</source>
        <translation>例如 pool.ntp.org</translation>
    </message>
    <message>
        <source>Module time:</source>
        <translation>模块时间：</translation>
    </message>
    <message>
        <source>PC time:</source>
        <translation>PC 时间：</translation>
    </message>
    <message>
        <source>Difference:</source>
        <translation>时间差：</translation>
    </message>
    <message>
        <source>Read &amp;time</source>
        <translation>读取时间(&amp;T)</translation>
    </message>
    <message>
        <source>Ask the module for its clock (AT+CIPSNTPTIME?) and compare with this PC</source>
        <translation>查询模块时钟（AT+CIPSNTPTIME?）并与本机比较</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>Domain name, e.g. localhost</source>
        <translation>域名，例如 localhost</translation>
    </message>
    <message>
        <source>&amp;Look up</source>
        <translation>解析(&amp;L)</translation>
    </message>
    <message>
        <source>Resolve the name on the module (AT+CIPDOMAIN)</source>
        <translation>在模块上解析域名（AT+CIPDOMAIN）</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>地址：</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>主机(&amp;H)：</translation>
    </message>
    <message>
        <source>Host name or IPv4 address</source>
        <translation>主机名或 IPv4 地址</translation>
    </message>
    <message>
        <source>&amp;Ping</source>
        <translation>Ping(&amp;P)</translation>
    </message>
    <message>
        <source>Ping from the module (AT+PING)</source>
        <translation>从模块 ping（AT+PING）</translation>
    </message>
    <message>
        <source>Result:</source>
        <translation>结果：</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>主机</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Query DNS, SNTP and the module&apos;s time (F5)</source>
        <translation>查询 DNS、SNTP 和模块时间（F5）</translation>
    </message>
    <message>
        <source>Send the changed DNS and SNTP settings (Ctrl+Return)</source>
        <translation>发送已更改的 DNS 和 SNTP 设置（Ctrl+Return）</translation>
    </message>
    <message>
        <source>not read yet (Read, F5)</source>
        <translation>尚未读取（读取，F5）</translation>
    </message>
    <message>
        <source>manual</source>
        <translation>手动</translation>
    </message>
    <message>
        <source>automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>manual: %1</source>
        <translation>手动：%1</translation>
    </message>
    <message>
        <source>automatic: %1</source>
        <translation>自动：%1</translation>
    </message>
    <message>
        <source>press Read time</source>
        <translation>请点击“读取时间”</translation>
    </message>
    <message>
        <source>%1 (this PC&apos;s time zone)</source>
        <translation>%1（本机时区）</translation>
    </message>
    <message>
        <source>the module&apos;s time format is not understood</source>
        <translation>无法识别模块的时间格式</translation>
    </message>
    <message>
        <source>not synchronised (clock at %1)</source>
        <translation>未同步（时钟为 %1）</translation>
    </message>
    <message>
        <source>The module has not synchronised with an SNTP server yet: its clock still counts from %1.</source>
        <translation>模块尚未与 SNTP 服务器同步：其时钟仍从 %1 开始计时。</translation>
    </message>
    <message>
        <source>0 s (in step)</source>
        <translation>0 秒（一致）</translation>
    </message>
    <message numerus="yes">
        <source>module ahead by %n s</source>
        <translation>
            <numerusform>模块快 %n 秒</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>module behind by %n s</source>
        <translation>
            <numerusform>模块慢 %n 秒</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing to apply.</source>
        <translation>没有要应用的内容。</translation>
    </message>
    <message>
        <source>Nothing was sent: %1</source>
        <translation>未发送任何内容：%1</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>正在处理…</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>Apply (Ctrl+Return): the changed sections</source>
        <translation>应用（Ctrl+Return）：已更改的部分</translation>
    </message>
    <message>
        <source>nothing to send: no change</source>
        <translation>无需发送：没有更改</translation>
    </message>
    <message>
        <source>Read (F5)</source>
        <translation>读取（F5）</translation>
    </message>
    <message>
        <source>Read time</source>
        <translation>读取时间</translation>
    </message>
    <message>
        <source>Look up</source>
        <translation>解析</translation>
    </message>
</context>
<context>
    <name>PassthroughPanel</name>
    <message>
        <source>Passthrough sends every byte straight to the one open link. It needs single connection mode and exactly one link; CIPMODE=1 is set when needed. Leaving sends &quot;+++&quot; alone and waits a second before the next command.</source>
        <translation>透传会将每个字节直接发送到唯一打开的链路。需要单连接模式且正好一条链路；必要时会设置 CIPMODE=1。退出时单独发送“+++”，并等待一秒再发送下一条命令。</translation>
    </message>
    <message>
        <source>Enter passthrough</source>
        <translation>进入透传</translation>
    </message>
    <message>
        <source>Leave passthrough</source>
        <translation>退出透传</translation>
    </message>
    <message>
        <source>Raw data (sent as typed, no CR LF)</source>
        <translation>原始数据（按输入原样发送，不附加 CR LF）</translation>
    </message>
    <message>
        <source>Send raw</source>
        <translation>发送原始数据</translation>
    </message>
</context>
<context>
    <name>PlaybackBar</name>
    <message>
        <source>Pause (Ctrl+Space)</source>
        <translation>暂停 (Ctrl+Space)</translation>
    </message>
    <message>
        <source>Play (Ctrl+Space)</source>
        <translation>播放 (Ctrl+Space)</translation>
    </message>
    <message>
        <source>not found</source>
        <translation>未找到</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>速度</translation>
    </message>
    <message>
        <source>Search the recording</source>
        <translation>在录制中搜索</translation>
    </message>
    <message>
        <source>Go to the next record containing the text</source>
        <translation>跳到下一条包含该文本的记录</translation>
    </message>
    <message>
        <source>Close Recording</source>
        <translation>关闭录制</translation>
    </message>
    <message>
        <source>Drag to move through the recording</source>
        <translation>拖动以在录制中移动</translation>
    </message>
</context>
<context>
    <name>PortPage</name>
    <message>
        <source>Beken ATSVR</source>
        <translation>Beken ATSVR</translation>
    </message>
    <message>
        <source>ESP-AT</source>
        <translation>ESP-AT</translation>
    </message>
    <message>
        <source>%1 (forced)</source>
        <translation>%1（强制）</translation>
    </message>
    <message>
        <source>%1 (detected)</source>
        <translation>%1（已检测）</translation>
    </message>
    <message>
        <source>%1 (assumed; not detected yet)</source>
        <translation>%1（假定；尚未检测）</translation>
    </message>
    <message>
        <source>unknown (press Read)</source>
        <translation>未知（请点击“读取”）</translation>
    </message>
    <message>
        <source>Choose a serial port, a simulated module or a TCP bridge.</source>
        <translation>请选择串口、模拟模块或 TCP 桥接。</translation>
    </message>
    <message>
        <source>Enter a baud rate between 50 and 20000000.</source>
        <translation>请输入 50 到 20000000 之间的波特率。</translation>
    </message>
    <message>
        <source>Enter the bridge&apos;s host name or IPv4 address.</source>
        <translation>请输入桥接的主机名或 IPv4 地址。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid host name or IP address.</source>
        <translation>“%1”不是有效的主机名或 IP 地址。</translation>
    </message>
    <message>
        <source>A simulated module built into AT Bench: no hardware needed. It really connects (to this computer&apos;s network) and can be unplugged for tests.</source>
        <translation>AT Bench 内置的模拟模块：无需硬件。它会真实联网（连接本机网络），并可模拟拔出以便测试。</translation>
    </message>
    <message>
        <source>A raw TCP serial bridge such as ser2net or ESP-Link forwards the module&apos;s UART.</source>
        <translation>原始 TCP 串口桥接（如 ser2net 或 ESP-Link）转发模块的 UART。</translation>
    </message>
    <message>
        <source># Detect dialect and read module state send, in order:</source>
        <translation># 检测方言和读取模块状态会依次发送：</translation>
    </message>
    <message>
        <source># (AT+CIPSTATUS? follows AT+GMR only when the version text does not decide the dialect)</source>
        <translation># （仅当版本信息无法判断方言时，才在 AT+GMR 之后发送 AT+CIPSTATUS?）</translation>
    </message>
    <message>
        <source>Reconnecting…</source>
        <translation>正在重连…</translation>
    </message>
    <message>
        <source>Disconnected</source>
        <translation>未连接</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>已连接</translation>
    </message>
    <message>
        <source>Passthrough</source>
        <translation>透传</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>连接(&amp;C)</translation>
    </message>
    <message>
        <source>Re&amp;connect</source>
        <translation>重新连接(&amp;C)</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <source>Serial port, TCP bridge or simulated module; dialect, reconnect, module state</source>
        <translation>串口、TCP 桥接或模拟模块；方言、重连、模块状态</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>Connect &amp;to:</source>
        <translation>连接到(&amp;T)：</translation>
    </message>
    <message>
        <source>Refresh the list of serial ports</source>
        <translation>刷新串口列表</translation>
    </message>
    <message>
        <source>Serial line</source>
        <translation>串口参数</translation>
    </message>
    <message>
        <source>&amp;Baud rate:</source>
        <translation>波特率(&amp;B)：</translation>
    </message>
    <message>
        <source>Pick a common rate or type any rate (ESP-AT and Beken boot at 115200)</source>
        <translation>选择常用值或输入任意值（ESP-AT 和 Beken 开机为 115200）</translation>
    </message>
    <message>
        <source>&amp;Data bits:</source>
        <translation>数据位(&amp;D)：</translation>
    </message>
    <message>
        <source>Pa&amp;rity:</source>
        <translation>校验位(&amp;R)：</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Even</source>
        <translation>偶校验</translation>
    </message>
    <message>
        <source>Odd</source>
        <translation>奇校验</translation>
    </message>
    <message>
        <source>Space</source>
        <translation>空格校验</translation>
    </message>
    <message>
        <source>Mark</source>
        <translation>标记校验</translation>
    </message>
    <message>
        <source>&amp;Stop bits:</source>
        <translation>停止位(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Flow control:</source>
        <translation>流控(&amp;F)：</translation>
    </message>
    <message>
        <source>Hardware (RTS/CTS)</source>
        <translation>硬件（RTS/CTS）</translation>
    </message>
    <message>
        <source>Software (XON/XOFF)</source>
        <translation>软件（XON/XOFF）</translation>
    </message>
    <message>
        <source>Assert D&amp;TR on open</source>
        <translation>打开时置位 DTR(&amp;T)</translation>
    </message>
    <message>
        <source>Assert RT&amp;S on open</source>
        <translation>打开时置位 RTS(&amp;S)</translation>
    </message>
    <message>
        <source>Leave DTR and RTS off for boards with an auto-reset circuit (ESP32 DevKits): they drive EN and IO0 and would reset the module or start its bootloader.</source>
        <translation>对带自动复位电路的开发板（ESP32 DevKit）请保持 DTR 和 RTS 关闭：它们连接 EN 和 IO0，会使模块复位或进入下载模式。</translation>
    </message>
    <message>
        <source>TCP serial bridge</source>
        <translation>TCP 串口桥接</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>主机(&amp;H)：</translation>
    </message>
    <message>
        <source>P&amp;ort:</source>
        <translation>端口(&amp;O)：</translation>
    </message>
    <message>
        <source>Bytes go to and from the module&apos;s UART unchanged (no Telnet negotiation).</source>
        <translation>字节原样收发模块的 UART 数据（无 Telnet 协商）。</translation>
    </message>
    <message>
        <source>The simulated module needs no settings: press Connect.</source>
        <translation>模拟模块无需设置：请点击“连接”。</translation>
    </message>
    <message>
        <source>Module</source>
        <translation>模块</translation>
    </message>
    <message>
        <source>D&amp;ialect:</source>
        <translation>方言(&amp;I)：</translation>
    </message>
    <message>
        <source>Auto (detect)</source>
        <translation>自动（检测）</translation>
    </message>
    <message>
        <source>ESP-AT (Espressif)</source>
        <translation>ESP-AT（乐鑫）</translation>
    </message>
    <message>
        <source>Auto asks AT+GMR after connecting (and AT+CIPSTATUS? when the version does not tell). Force a dialect for firmware that answers neither clearly.</source>
        <translation>“自动”会在连接后发送 AT+GMR（版本信息无法判断时再发送 AT+CIPSTATUS?）。若固件应答都不明确，请强制指定方言。</translation>
    </message>
    <message>
        <source>Speaks:</source>
        <translation>方言：</translation>
    </message>
    <message>
        <source>Firmware:</source>
        <translation>固件：</translation>
    </message>
    <message>
        <source>Reconnect &amp;automatically</source>
        <translation>自动重连(&amp;A)</translation>
    </message>
    <message>
        <source>After an unplug, retry every 2 s while the port is back, then read the module state again</source>
        <translation>拔出后，端口恢复时每 2 秒重试一次，然后重新读取模块状态</translation>
    </message>
    <message>
        <source>D&amp;etect dialect</source>
        <translation>检测方言(&amp;E)</translation>
    </message>
    <message>
        <source>Ask the module which firmware family it runs</source>
        <translation>询问模块运行的固件类型</translation>
    </message>
    <message>
        <source>&amp;Read module state</source>
        <translation>读取模块状态(&amp;R)</translation>
    </message>
    <message>
        <source>Query firmware, multiplexing, mode, Wi-Fi, IP, MQTT, DNS and SNTP (F5)</source>
        <translation>查询固件、多连接、模式、Wi-Fi、IP、MQTT、DNS 和 SNTP（F5）</translation>
    </message>
    <message>
        <source>Open the link with these settings (Ctrl+Return)</source>
        <translation>用这些设置打开连接（Ctrl+Return）</translation>
    </message>
    <message>
        <source>Back to the settings in use</source>
        <translation>恢复为正在使用的设置</translation>
    </message>
    <message>
        <source>Disconnec&amp;t</source>
        <translation>断开(&amp;T)</translation>
    </message>
    <message>
        <source>Show the exact lines that detection and reading send</source>
        <translation>显示检测和读取时发送的完整命令行</translation>
    </message>
    <message>
        <source>Talking to the module…</source>
        <translation>正在与模块通信…</translation>
    </message>
</context>
<context>
    <name>ProfileSchema</name>
    <message>
        <source>must be &quot;atbench-profile&quot;</source>
        <translation>必须是 &quot;atbench-profile&quot;</translation>
    </message>
    <message>
        <source>unsupported version (this AT Bench reads version 1)</source>
        <translation>不支持的版本（本 AT Bench 读取版本 1）</translation>
    </message>
    <message>
        <source>must look like 1a:2b:3c:4d:5e:6f</source>
        <translation>格式应为 1a:2b:3c:4d:5e:6f</translation>
    </message>
    <message>
        <source>must be an IPv4 address such as 8.8.8.8</source>
        <translation>必须是 IPv4 地址，例如 8.8.8.8</translation>
    </message>
    <message>
        <source>must be a secret reference {&quot;secret&quot;: &quot;name&quot;} (letters, digits, . _ -): a secret is never written into a profile</source>
        <translation>必须是密钥引用 {&quot;secret&quot;: &quot;name&quot;}（字母、数字、. _ -）：密钥从不写入配置文件</translation>
    </message>
    <message>
        <source>must be a secret reference {&quot;secret&quot;: &quot;name&quot;}, or &quot;&quot; for none: a secret is never written into a profile</source>
        <translation>必须是密钥引用 {&quot;secret&quot;: &quot;name&quot;}，没有则为 &quot;&quot;：密钥从不写入配置文件</translation>
    </message>
</context>
<context>
    <name>ProvisioningPage</name>
    <message>
        <source>Open profile</source>
        <translation>打开配置文件</translation>
    </message>
    <message>
        <source>AT Bench profiles (*.json);;All files (*)</source>
        <translation>AT Bench 配置文件 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Report folder</source>
        <translation>报告文件夹</translation>
    </message>
    <message>
        <source>Provisioning</source>
        <translation>批量配置</translation>
    </message>
    <message>
        <source>One profile onto many modules at once, every field read back and verified</source>
        <translation>一份配置文件同时写入多个模块，每个字段都回读并核对</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>Scan the ports again and reload the profile file (F5)</source>
        <translation>重新扫描端口并重新加载配置文件 (F5)</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>开始(&amp;S)</translation>
    </message>
    <message>
        <source>Provision every module chosen (Ctrl+Return)</source>
        <translation>配置所有选中的模块 (Ctrl+Return)</translation>
    </message>
    <message>
        <source>Show the exact AT lines a fresh module receives</source>
        <translation>显示全新模块将收到的确切 AT 命令行</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>配置文件</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>文件(&amp;F)：</translation>
    </message>
    <message>
        <source>a profile (.json); Enter loads it</source>
        <translation>配置文件 (.json)；按回车加载</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <source>Save &amp;module as profile…</source>
        <translation>将模块保存为配置文件(&amp;M)…</translation>
    </message>
    <message>
        <source>Read everything the connected module reports and save it as a profile</source>
        <translation>读取已连接模块报告的全部内容并保存为配置文件</translation>
    </message>
    <message>
        <source>Every field</source>
        <translation>全部字段</translation>
    </message>
    <message>
        <source>Send every value the profile names, even those a module already has</source>
        <translation>发送配置文件中的每个值，即使模块已有该值</translation>
    </message>
    <message>
        <source>Only what differs</source>
        <translation>仅发送差异</translation>
    </message>
    <message>
        <source>Read each module first and send only the values that differ</source>
        <translation>先读取每个模块，只发送不同的值</translation>
    </message>
    <message>
        <source>Modules</source>
        <translation>模块</translation>
    </message>
    <message>
        <source>Serial ports: tick the modules to provision</source>
        <translation>串口：勾选要配置的模块</translation>
    </message>
    <message>
        <source>TCP &amp;bridges:</source>
        <translation>TCP 桥接(&amp;B)：</translation>
    </message>
    <message>
        <source>tcp:HOST:PORT, separated by commas</source>
        <translation>tcp:主机:端口，以逗号分隔</translation>
    </message>
    <message>
        <source>Built-in &amp;simulated modules:</source>
        <translation>内置模拟模块(&amp;S)：</translation>
    </message>
    <message>
        <source>S&amp;tation mode: provision every adapter plugged in</source>
        <translation>工位模式(&amp;T)：配置每个插入的适配器</translation>
    </message>
    <message>
        <source>While it runs, each serial adapter that appears is provisioned at once; one that disappears is reported</source>
        <translation>运行期间，新出现的每个串口适配器立即被配置；消失的适配器会被报告</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>报告</translation>
    </message>
    <message>
        <source>folder (optional)</source>
        <translation>文件夹（可选）</translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation>选择(&amp;H)…</translation>
    </message>
    <message>
        <source>Per module a JSON report and its log; per batch report.csv, junit.xml and report.html.</source>
        <translation>每个模块一份 JSON 报告及其日志；每批一份 report.csv、junit.xml 和 report.html。</translation>
    </message>
    <message>
        <source>Also &amp;publish each report to:</source>
        <translation>同时将每份报告发布到(&amp;P)：</translation>
    </message>
    <message>
        <source>mqtt://HOST:PORT/TOPIC (optional)</source>
        <translation>mqtt://主机:端口/主题（可选）</translation>
    </message>
    <message>
        <source>An MQTT broker and topic for each module&apos;s JSON report; the topic may use ${MAC}, ${INDEX}, ...</source>
        <translation>每个模块 JSON 报告的 MQTT 代理和主题；主题可使用 ${MAC}、${INDEX} 等</translation>
    </message>
    <message>
        <source>Sto&amp;p</source>
        <translation>停止(&amp;P)</translation>
    </message>
    <message>
        <source>Stop every module after the command in flight (and station mode)</source>
        <translation>在当前命令完成后停止所有模块（以及工位模式）</translation>
    </message>
    <message>
        <source>Re&amp;try</source>
        <translation>重试(&amp;T)</translation>
    </message>
    <message>
        <source>Run the selected module again</source>
        <translation>重新运行选中的模块</translation>
    </message>
    <message>
        <source>Open &amp;log</source>
        <translation>打开日志(&amp;L)</translation>
    </message>
    <message>
        <source>The selected module&apos;s conversation (passwords masked)</source>
        <translation>选中模块的通信记录（密码已屏蔽）</translation>
    </message>
    <message>
        <source>Open re&amp;port</source>
        <translation>打开报告(&amp;P)</translation>
    </message>
    <message>
        <source>The selected module&apos;s report: every field desired, actual and verdict</source>
        <translation>选中模块的报告：每个字段的期望值、实际值和判定</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Desired</source>
        <translation>期望值</translation>
    </message>
    <message>
        <source>Actual</source>
        <translation>实际值</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>判定</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>match</source>
        <translation>一致</translation>
    </message>
    <message>
        <source>differs</source>
        <translation>不一致</translation>
    </message>
    <message>
        <source>not readable</source>
        <translation>不可读</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>not applied</source>
        <translation>未应用</translation>
    </message>
    <message>
        <source>pass</source>
        <translation>通过</translation>
    </message>
    <message>
        <source>fail</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>已跳过</translation>
    </message>
    <message>
        <source>%1 is not a usable profile: %2</source>
        <translation>%1 不是可用的配置文件：%2</translation>
    </message>
    <message>
        <source>Profile loaded: %1</source>
        <translation>已加载配置文件：%1</translation>
    </message>
    <message>
        <source>No profile yet: open one, or save the connected module as a profile.</source>
        <translation>尚无配置文件：请打开一个，或将已连接的模块保存为配置文件。</translation>
    </message>
    <message>
        <source>persistence</source>
        <translation>持久保存</translation>
    </message>
    <message>
        <source>Wi-Fi</source>
        <translation>Wi-Fi</translation>
    </message>
    <message>
        <source>connection modes</source>
        <translation>连接模式</translation>
    </message>
    <message>
        <source>DNS</source>
        <translation>DNS</translation>
    </message>
    <message>
        <source>SNTP</source>
        <translation>SNTP</translation>
    </message>
    <message>
        <source>TLS PSK</source>
        <translation>TLS PSK</translation>
    </message>
    <message>
        <source>MQTT</source>
        <translation>MQTT</translation>
    </message>
    <message numerus="yes">
        <source>%1 — %2 — sets: %3 — %n check(s)</source>
        <translation>
            <numerusform>%1 — %2 — 设置：%3 — %n 项检查</numerusform>
        </translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>（无名称）</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Secrets: %1</source>
        <translation>密钥：%1</translation>
    </message>
    <message>
        <source>Secrets for this batch</source>
        <translation>本批次的密钥</translation>
    </message>
    <message>
        <source>The profile names these secrets; they are used for this batch and kept in memory until AT Bench closes. They are never written into a profile, report or log.</source>
        <translation>配置文件引用了这些密钥；它们用于本批次，并保存在内存中直到 AT Bench 关闭。它们从不写入配置文件、报告或日志。</translation>
    </message>
    <message>
        <source>Secrets missing, nothing was sent: %1</source>
        <translation>缺少密钥，未发送任何内容：%1</translation>
    </message>
    <message>
        <source>Open a profile first, or save the connected module as one.</source>
        <translation>请先打开配置文件，或将已连接的模块保存为配置文件。</translation>
    </message>
    <message>
        <source>No profile.</source>
        <translation>没有配置文件。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not tcp:HOST:PORT</source>
        <translation>“%1”不是 tcp:主机:端口</translation>
    </message>
    <message>
        <source>Check the TCP bridges.</source>
        <translation>请检查 TCP 桥接。</translation>
    </message>
    <message>
        <source>Tick a serial port, give a TCP bridge or a number of simulated modules, or turn station mode on.</source>
        <translation>请勾选串口、填写 TCP 桥接或模拟模块数量，或开启工位模式。</translation>
    </message>
    <message>
        <source>No module chosen.</source>
        <translation>未选择模块。</translation>
    </message>
    <message>
        <source>Check where the reports are published.</source>
        <translation>请检查报告的发布地址。</translation>
    </message>
    <message>
        <source>The profile cannot be applied, nothing was sent: %1</source>
        <translation>无法应用配置文件，未发送任何内容：%1</translation>
    </message>
    <message>
        <source>Station mode: plug in a module, it is provisioned at once.</source>
        <translation>工位模式：插入模块，立即开始配置。</translation>
    </message>
    <message numerus="yes">
        <source>Provisioning %n module(s); station mode takes every adapter plugged in.</source>
        <translation>
            <numerusform>正在配置 %n 个模块；工位模式会接管每个插入的适配器。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Provisioning %n module(s)…</source>
        <translation>
            <numerusform>正在配置 %n 个模块…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n module(s) passed: every field read back and verified.</source>
        <translation>
            <numerusform>%n 个模块中 %1 个通过：每个字段均已回读核对。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n module(s) passed.</source>
        <translation>
            <numerusform>%n 个模块中 %1 个通过。</numerusform>
        </translation>
    </message>
    <message>
        <source>Reports: %1</source>
        <translation>报告：%1</translation>
    </message>
    <message>
        <source>Module %1 again…</source>
        <translation>再次运行模块 %1…</translation>
    </message>
    <message>
        <source>Log of module %1 (%2)</source>
        <translation>模块 %1 的日志（%2）</translation>
    </message>
    <message>
        <source>Module %1 on %2, MAC %3: %4</source>
        <translation>模块 %1，端口 %2，MAC %3：%4</translation>
    </message>
    <message>
        <source>Report of module %1</source>
        <translation>模块 %1 的报告</translation>
    </message>
    <message>
        <source>Connect a module first (Port page): its configuration is read through the main connection.</source>
        <translation>请先连接模块（端口页）：其配置通过主连接读取。</translation>
    </message>
    <message>
        <source>Could not read the module: %1</source>
        <translation>无法读取模块：%1</translation>
    </message>
    <message>
        <source>The module cannot report %1: check them in the file.</source>
        <translation>模块无法报告 %1：请在文件中检查这些字段。</translation>
    </message>
    <message>
        <source>Secrets it names (asked when you start): %1.</source>
        <translation>它引用的密钥（开始时询问）：%1。</translation>
    </message>
    <message>
        <source>Save module as profile</source>
        <translation>将模块保存为配置文件</translation>
    </message>
    <message>
        <source>AT Bench profiles (*.json)</source>
        <translation>AT Bench 配置文件 (*.json)</translation>
    </message>
    <message>
        <source>The module&apos;s configuration is the profile now (not saved to a file).</source>
        <translation>模块的配置现已作为配置文件（未保存到文件）。</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>已保存 %1。</translation>
    </message>
    <message>
        <source>Reading everything the module reports…</source>
        <translation>正在读取模块报告的全部内容…</translation>
    </message>
    <message>
        <source>Open a profile to see the lines it sends.</source>
        <translation>打开配置文件以查看它发送的命令行。</translation>
    </message>
    <message>
        <source>What a fresh module receives (module 1, MAC 02:00:00:00:00:00):</source>
        <translation>全新模块将收到的内容（模块 1，MAC 02:00:00:00:00:00）：</translation>
    </message>
    <message>
        <source>Only what differs: each module is read first and gets only the lines for values it does not have yet.</source>
        <translation>仅发送差异：先读取每个模块，只发送它尚未具备的值对应的命令行。</translation>
    </message>
</context>
<context>
    <name>PskPanel</name>
    <message>
        <source>Link ID:</source>
        <translation>链路 ID：</translation>
    </message>
    <message>
        <source>5 = all links</source>
        <translation>5 = 所有链路</translation>
    </message>
    <message>
        <source>PSK identity:</source>
        <translation>PSK 身份标识：</translation>
    </message>
    <message>
        <source>Hint:</source>
        <translation>提示：</translation>
    </message>
    <message>
        <source>Remember in the keychain</source>
        <translation>保存到钥匙串</translation>
    </message>
    <message>
        <source>Set PSK</source>
        <translation>设置 PSK</translation>
    </message>
    <message numerus="yes">
        <source>link %1: identity %2 (%n byte(s)), hint &quot;%3&quot;</source>
        <translation>
            <numerusform>链路 %1：身份标识 %2（%n 字节），提示“%3”</numerusform>
        </translation>
    </message>
    <message>
        <source>5 (all)</source>
        <translation>5（全部）</translation>
    </message>
    <message>
        <source>not read yet</source>
        <translation>尚未读取</translation>
    </message>
    <message>
        <source>none set</source>
        <translation>未设置</translation>
    </message>
    <message>
        <source>On the module:</source>
        <translation>模块上：</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>读取</translation>
    </message>
    <message>
        <source>Ask the module which PSKs are set (AT+CIPSSLCPSK?); the identity stays masked</source>
        <translation>询问模块设置了哪些 PSK（AT+CIPSSLCPSK?）；身份标识保持隐藏</translation>
    </message>
</context>
<context>
    <name>QuickSendBar</name>
    <message>
        <source>Quick send &quot;%1&quot;: %2</source>
        <translation>快捷发送“%1”：%2</translation>
    </message>
    <message>
        <source>Quick send &quot;%1&quot;: the previous sequence is still running.</source>
        <translation>快捷发送“%1”：上一个命令序列仍在运行。</translation>
    </message>
    <message>
        <source>Quick send &quot;%1&quot;: the recipe %2 could not start (another one is running?)</source>
        <translation>快捷发送“%1”：配方 %2 无法启动（是否有另一个配方正在运行？）</translation>
    </message>
    <message>
        <source>Run the recipe %1</source>
        <translation>运行配方 %1</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <source>Move &amp;left</source>
        <translation>左移(&amp;L)</translation>
    </message>
    <message>
        <source>Move &amp;right</source>
        <translation>右移(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>删除(&amp;R)</translation>
    </message>
    <message>
        <source>Quick send</source>
        <translation>快捷发送</translation>
    </message>
    <message>
        <source>Add a quick-send button: a command, a sequence or a recipe</source>
        <translation>添加快捷发送按钮：一条命令、一个命令序列或一个配方</translation>
    </message>
    <message>
        <source>Quick send: press + or drag console lines here to make buttons</source>
        <translation>快捷发送：按 + 或把控制台中的行拖到这里来创建按钮</translation>
    </message>
</context>
<context>
    <name>QuickSendDialog</name>
    <message>
        <source>Quick-send button</source>
        <translation>快捷发送按钮</translation>
    </message>
    <message>
        <source>Send a command</source>
        <translation>发送一条命令</translation>
    </message>
    <message>
        <source>Send a sequence (one command per line)</source>
        <translation>发送命令序列（每行一条命令）</translation>
    </message>
    <message>
        <source>Run a recipe</source>
        <translation>运行配方</translation>
    </message>
    <message>
        <source>&amp;Label:</source>
        <translation>标签(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;Does:</source>
        <translation>动作(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Recipe:</source>
        <translation>配方(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Commands:</source>
        <translation>命令(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Command:</source>
        <translation>命令(&amp;C)：</translation>
    </message>
</context>
<context>
    <name>QuickSendItem</name>
    <message>
        <source>Give the button a label.</source>
        <translation>请为按钮填写标签。</translation>
    </message>
    <message>
        <source>Choose the recipe to run.</source>
        <translation>请选择要运行的配方。</translation>
    </message>
    <message>
        <source>Enter the AT command to send.</source>
        <translation>请输入要发送的 AT 命令。</translation>
    </message>
    <message>
        <source>A command button sends one line; make it a sequence for several.</source>
        <translation>命令按钮只发送一行；多行请改为命令序列。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an AT command.</source>
        <translation>“%1”不是 AT 命令。</translation>
    </message>
    <message>
        <source>Drag a line you sent (TX) to make a button of it.</source>
        <translation>请拖动一行已发送（TX）的命令来创建按钮。</translation>
    </message>
    <message>
        <source>The dropped text holds no AT command.</source>
        <translation>拖入的文本中没有 AT 命令。</translation>
    </message>
    <message>
        <source>Drop console lines or AT commands here.</source>
        <translation>请把控制台中的行或 AT 命令拖到这里。</translation>
    </message>
    <message>
        <source>%1 carries a password the log masks; add that button by hand (+).</source>
        <translation>%1 含有日志中已屏蔽的密码；请手动（+）添加该按钮。</translation>
    </message>
    <message numerus="yes">
        <source>%1 (+%n more)</source>
        <translation>
            <numerusform>%1（另 %n 条）</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RecipeAskPanel</name>
    <message>
        <source>The recipe asks:</source>
        <translation>配方提问：</translation>
    </message>
    <message>
        <source>&amp;Answer</source>
        <translation>回答(&amp;A)</translation>
    </message>
    <message>
        <source>Type the answer and press Enter</source>
        <translation>输入回答后按回车</translation>
    </message>
</context>
<context>
    <name>RecipeStepList</name>
    <message>
        <source>Verdict</source>
        <translation>结论</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>检查项</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>用时</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>running…</source>
        <translation>运行中…</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>Script error at line %1</source>
        <translation>脚本第 %1 行出错</translation>
    </message>
    <message>
        <source>Run ended</source>
        <translation>运行结束</translation>
    </message>
</context>
<context>
    <name>RecipesPage</name>
    <message>
        <source>Shipped</source>
        <translation>内置</translation>
    </message>
    <message>
        <source>Yours</source>
        <translation>我的</translation>
    </message>
    <message>
        <source>Running %1…</source>
        <translation>正在运行 %1…</translation>
    </message>
    <message>
        <source>Waiting for: %1</source>
        <translation>正在等待：%1</translation>
    </message>
    <message>
        <source>%1: %2 of %3 checks passed in %4 s</source>
        <translation>%1：%3 项检查中 %2 项通过，用时 %4 秒</translation>
    </message>
    <message>
        <source>Save Recipe</source>
        <translation>保存配方</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation>已保存到 %1</translation>
    </message>
    <message>
        <source>A new recipe: Save writes it to %1</source>
        <translation>新配方：保存时写入 %1</translation>
    </message>
    <message>
        <source>Recipes</source>
        <translation>配方</translation>
    </message>
    <message>
        <source>Scripted checks with verdicts, quick-send buttons and triggers</source>
        <translation>带结论的脚本化检查、快捷发送按钮和触发器</translation>
    </message>
    <message>
        <source>Triggers</source>
        <translation>触发器</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>新建(&amp;N)</translation>
    </message>
    <message>
        <source>Start a new recipe from a template</source>
        <translation>从模板新建配方</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Save the recipe; a shipped one is saved as a copy in your folder</source>
        <translation>保存配方；内置配方会另存为你文件夹中的副本</translation>
    </message>
    <message>
        <source>Your recipes: %1</source>
        <translation>你的配方：%1</translation>
    </message>
    <message>
        <source>Parameters (empty: the default shown)</source>
        <translation>参数（留空：使用所示默认值）</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>运行(&amp;R)</translation>
    </message>
    <message>
        <source>Run the recipe in the editor on the connected module (Ctrl+R)</source>
        <translation>在已连接的模块上运行编辑器中的配方（Ctrl+R）</translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation>停止(&amp;T)</translation>
    </message>
    <message>
        <source>Stop the recipe now (Esc)</source>
        <translation>立即停止配方（Esc）</translation>
    </message>
    <message>
        <source>Time &amp;limit:</source>
        <translation>时限(&amp;L)：</translation>
    </message>
    <message>
        <source>The whole recipe stops when this time has passed</source>
        <translation>超过此时间后整个配方停止</translation>
    </message>
    <message>
        <source>Console</source>
        <translation>控制台</translation>
    </message>
    <message>
        <source>// A recipe is JavaScript: at(&quot;AT&quot;), check(name, condition), ...</source>
        <translation>// 配方是 JavaScript：at(&quot;AT&quot;)、check(名称, 条件)……</translation>
    </message>
</context>
<context>
    <name>RecordingPlayer</name>
    <message>
        <source>A recording is playing back: the pages are read-only</source>
        <translation>正在回放录制：页面为只读</translation>
    </message>
    <message>
        <source>Recording %1</source>
        <translation>录制 %1</translation>
    </message>
</context>
<context>
    <name>SecretStore</name>
    <message>
        <source>test mode: passwords are kept in memory only</source>
        <translation>测试模式：密码仅保存在内存中</translation>
    </message>
    <message>
        <source>passwords are stored in the system keychain</source>
        <translation>密码保存在系统钥匙串中</translation>
    </message>
    <message>
        <source>system keychain not checked yet</source>
        <translation>尚未检查系统钥匙串</translation>
    </message>
    <message>
        <source>no system keychain: passwords are kept for this session only (not stored)</source>
        <translation>无系统钥匙串：密码仅在本次会话中保留（不会保存）</translation>
    </message>
    <message>
        <source>The keychain did not store the password: %1</source>
        <translation>钥匙串未能保存密码：%1</translation>
    </message>
</context>
<context>
    <name>ServerPanel</name>
    <message>
        <source>not read yet</source>
        <translation>尚未读取</translation>
    </message>
    <message>
        <source>no server</source>
        <translation>没有服务器</translation>
    </message>
    <message>
        <source>listening on port %1 (%2)</source>
        <translation>在端口 %1 上监听（%2）</translation>
    </message>
    <message numerus="yes">
        <source>at most %n client(s)</source>
        <translation>
            <numerusform>最多 %n 个客户端</numerusform>
        </translation>
    </message>
    <message>
        <source>idle clients stay</source>
        <translation>空闲客户端保持连接</translation>
    </message>
    <message>
        <source>idle clients closed after %1 s</source>
        <translation>空闲客户端 %1 秒后关闭</translation>
    </message>
    <message>
        <source>Update</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>Start server</source>
        <translation>启动服务器</translation>
    </message>
    <message>
        <source>Server:</source>
        <translation>服务器：</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>端口：</translation>
    </message>
    <message>
        <source>Type:</source>
        <translation>类型：</translation>
    </message>
    <message>
        <source>Max. clients:</source>
        <translation>最大客户端数：</translation>
    </message>
    <message>
        <source>Idle timeout:</source>
        <translation>空闲超时：</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从不</translation>
    </message>
    <message>
        <source>AT+CIPSTO: seconds a client may stay silent before the server closes its link</source>
        <translation>AT+CIPSTO：客户端保持沉默多少秒后服务器关闭其链路</translation>
    </message>
    <message>
        <source>AT+CIPSERVERMAXCONN: set before the server starts</source>
        <translation>AT+CIPSERVERMAXCONN：在服务器启动前设置</translation>
    </message>
    <message>
        <source>SSL needs the server certificate in the module&apos;s flash</source>
        <translation>SSL 需要模块 flash 中的服务器证书</translation>
    </message>
    <message>
        <source>Stop also closes the clients&apos; links</source>
        <translation>停止时同时关闭客户端的链路</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>读取</translation>
    </message>
    <message>
        <source>AT+CIPSERVER?, AT+CIPSERVERMAXCONN?, AT+CIPSTO?</source>
        <translation>AT+CIPSERVER?、AT+CIPSERVERMAXCONN?、AT+CIPSTO?</translation>
    </message>
    <message>
        <source>Stop server</source>
        <translation>停止服务器</translation>
    </message>
    <message>
        <source>AT+CIPSERVER=0</source>
        <translation>AT+CIPSERVER=0</translation>
    </message>
    <message>
        <source>Beken modules have no AT+CIPSERVER. A server is a link: in &quot;Open a link&quot; choose TCP and give a local port (and the local IP), as in seed 000 example 2; clients then arrive on that link.</source>
        <translation>Beken 模块没有 AT+CIPSERVER。服务器就是一条链路：在“打开链路”中选择 TCP 并填写本地端口（以及本地 IP），如种子文档 000 示例 2；客户端随后从这条链路进来。</translation>
    </message>
</context>
<context>
    <name>SimulatorLink</name>
    <message>
        <source>Simulated module (ESP-AT)</source>
        <translation>模拟模块（ESP-AT）</translation>
    </message>
    <message>
        <source>Simulated module (Beken)</source>
        <translation>模拟模块（Beken）</translation>
    </message>
    <message>
        <source>This build has no simulator to replay into.</source>
        <translation>此版本没有可用于重放的模拟器。</translation>
    </message>
</context>
<context>
    <name>SoftApPage</name>
    <message>
        <source>Hide</source>
        <translation>隐藏</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>not read yet: press Read (F5)</source>
        <translation>尚未读取：请按“读取”（F5）</translation>
    </message>
    <message>
        <source>off (Wi-Fi mode %1); Apply turns it on</source>
        <translation>关闭（Wi-Fi 模式 %1）；“应用”会打开它</translation>
    </message>
    <message numerus="yes">
        <source>on (Wi-Fi mode %1), %n station(s) connected</source>
        <translation>
            <numerusform>开启（Wi-Fi 模式 %1），已连接 %n 个 station</numerusform>
        </translation>
    </message>
    <message>
        <source>Apply (Ctrl+Return)</source>
        <translation>应用（Ctrl+Return）</translation>
    </message>
    <message>
        <source>Set address</source>
        <translation>设置地址</translation>
    </message>
    <message>
        <source>Refresh stations</source>
        <translation>刷新 station 列表</translation>
    </message>
    <message>
        <source>Read (F5)</source>
        <translation>读取（F5）</translation>
    </message>
    <message>
        <source>Nothing was sent: %1</source>
        <translation>未发送任何内容：%1</translation>
    </message>
    <message>
        <source>SoftAP</source>
        <translation>SoftAP</translation>
    </message>
    <message>
        <source>The module&apos;s own access point: network, address, DHCP range, connected stations</source>
        <translation>模块自己的接入点：网络、地址、DHCP 范围、已连接的 station</translation>
    </message>
    <message>
        <source>Seed 000 (Beken ATSVR) has no SoftAP commands: this page is for ESP-AT modules.</source>
        <translation>种子文档 000（Beken ATSVR）没有 SoftAP 命令：本页用于 ESP-AT 模块。</translation>
    </message>
    <message>
        <source>Access point (AT+CWSAP)</source>
        <translation>接入点（AT+CWSAP）</translation>
    </message>
    <message>
        <source>SoftAP:</source>
        <translation>SoftAP：</translation>
    </message>
    <message>
        <source>&amp;SSID:</source>
        <translation>SSID(&amp;S)：</translation>
    </message>
    <message>
        <source>Network name (up to 32 bytes)</source>
        <translation>网络名称（最多 32 字节）</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <source>8 to 64 bytes; empty for an open network</source>
        <translation>8 到 64 字节；开放网络留空</translation>
    </message>
    <message>
        <source>Encryption:</source>
        <translation>加密方式：</translation>
    </message>
    <message>
        <source>Channel:</source>
        <translation>信道：</translation>
    </message>
    <message>
        <source>Max. stations:</source>
        <translation>最大 station 数：</translation>
    </message>
    <message>
        <source>Hide the SSID</source>
        <translation>隐藏 SSID</translation>
    </message>
    <message>
        <source>Address and DHCP (AT+CIPAP, AT+CWDHCPS)</source>
        <translation>地址和 DHCP（AT+CIPAP、AT+CWDHCPS）</translation>
    </message>
    <message>
        <source>IP address:</source>
        <translation>IP 地址：</translation>
    </message>
    <message>
        <source>Gateway:</source>
        <translation>网关：</translation>
    </message>
    <message>
        <source>Netmask:</source>
        <translation>子网掩码：</translation>
    </message>
    <message>
        <source>Default DHCP range</source>
        <translation>默认 DHCP 范围</translation>
    </message>
    <message>
        <source>This range:</source>
        <translation>此范围：</translation>
    </message>
    <message>
        <source>Lease:</source>
        <translation>租期：</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>First address:</source>
        <translation>起始地址：</translation>
    </message>
    <message>
        <source>Last address:</source>
        <translation>结束地址：</translation>
    </message>
    <message>
        <source>Connected stations (AT+CWLIF)</source>
        <translation>已连接的 station（AT+CWLIF）</translation>
    </message>
    <message>
        <source>IP address</source>
        <translation>IP 地址</translation>
    </message>
    <message>
        <source>MAC address</source>
        <translation>MAC 地址</translation>
    </message>
    <message>
        <source>New stations are listed when the module reports them (+STA_CONNECTED).</source>
        <translation>模块报告新的 station 时（+STA_CONNECTED）会列出它们。</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Disconnect</source>
        <translation>断开</translation>
    </message>
    <message>
        <source>AT+CWQIF=&lt;mac&gt;: disconnect the selected station</source>
        <translation>AT+CWQIF=&lt;mac&gt;：断开选中的 station</translation>
    </message>
    <message>
        <source>Disconnect all</source>
        <translation>全部断开</translation>
    </message>
    <message>
        <source>Query the Wi-Fi mode and, when it is on, the SoftAP (F5)</source>
        <translation>查询 Wi-Fi 模式，SoftAP 开启时再查询 SoftAP（F5）</translation>
    </message>
    <message>
        <source>Send the access point&apos;s network, turning the SoftAP on if it is off (Ctrl+Return)</source>
        <translation>发送接入点的网络设置，SoftAP 关闭时先打开它（Ctrl+Return）</translation>
    </message>
</context>
<context>
    <name>StationAddressForm</name>
    <message>
        <source>Station address</source>
        <translation>Station 地址</translation>
    </message>
    <message>
        <source>DHCP</source>
        <translation>DHCP</translation>
    </message>
    <message>
        <source>The access point gives the address (AT+CWDHCP=1,1)</source>
        <translation>由接入点分配地址（AT+CWDHCP=1,1）</translation>
    </message>
    <message>
        <source>Fixed address</source>
        <translation>固定地址</translation>
    </message>
    <message>
        <source>AT+CIPSTA: this address, gateway and netmask; the station&apos;s DHCP client turns off</source>
        <translation>AT+CIPSTA：使用此地址、网关和子网掩码；station 的 DHCP 客户端会关闭</translation>
    </message>
    <message>
        <source>IP address:</source>
        <translation>IP 地址：</translation>
    </message>
    <message>
        <source>Gateway:</source>
        <translation>网关：</translation>
    </message>
    <message>
        <source>Netmask:</source>
        <translation>子网掩码：</translation>
    </message>
    <message>
        <source>optional, e.g. 192.168.1.1</source>
        <translation>可选，例如 192.168.1.1</translation>
    </message>
    <message>
        <source>optional, e.g. 255.255.255.0</source>
        <translation>可选，例如 255.255.255.0</translation>
    </message>
    <message>
        <source>Set address</source>
        <translation>设置地址</translation>
    </message>
    <message>
        <source>Seed 000 (Beken) has no AT+CIPSTA: the module takes its address from DHCP.</source>
        <translation>种子文档 000（Beken）没有 AT+CIPSTA：模块通过 DHCP 获取地址。</translation>
    </message>
</context>
<context>
    <name>StationTableModel</name>
    <message>
        <source>waiting</source>
        <translation>等待中</translation>
    </message>
    <message>
        <source>opening</source>
        <translation>正在打开</translation>
    </message>
    <message>
        <source>running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>pass</source>
        <translation>通过</translation>
    </message>
    <message>
        <source>fail (removed)</source>
        <translation>失败（已拔出）</translation>
    </message>
    <message>
        <source>fail</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <source>MAC</source>
        <translation>MAC</translation>
    </message>
    <message>
        <source>Firmware</source>
        <translation>固件</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>步骤</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>判定</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>耗时</translation>
    </message>
</context>
<context>
    <name>StatusFields</name>
    <message>
        <source>No link</source>
        <translation>无连接</translation>
    </message>
    <message>
        <source>Disconnected</source>
        <translation>未连接</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>已连接</translation>
    </message>
    <message>
        <source>Passthrough</source>
        <translation>透传</translation>
    </message>
    <message>
        <source>Beken ATSVR</source>
        <translation>Beken ATSVR</translation>
    </message>
    <message>
        <source>ESP-AT</source>
        <translation>ESP-AT</translation>
    </message>
    <message>
        <source>Dialect detected from the module&apos;s replies</source>
        <translation>根据模块应答检测到的方言</translation>
    </message>
    <message>
        <source>Dialect assumed, not detected yet</source>
        <translation>假定的方言，尚未检测</translation>
    </message>
    <message>
        <source>Firmware: unknown</source>
        <translation>固件：未知</translation>
    </message>
    <message>
        <source>First line of the module&apos;s AT+GMR answer</source>
        <translation>模块 AT+GMR 应答的第一行</translation>
    </message>
    <message>
        <source>Wi-Fi: –</source>
        <translation>Wi-Fi：–</translation>
    </message>
    <message>
        <source>Wi-Fi: %1</source>
        <translation>Wi-Fi：%1</translation>
    </message>
    <message>
        <source>Wi-Fi: %1 · %2</source>
        <translation>Wi-Fi：%1 · %2</translation>
    </message>
    <message>
        <source>Wi-Fi: joined, got an IP</source>
        <translation>Wi-Fi：已连接，已获取 IP</translation>
    </message>
    <message>
        <source>Wi-Fi: %1, got an IP</source>
        <translation>Wi-Fi：%1，已获取 IP</translation>
    </message>
    <message>
        <source>Wi-Fi: joined, no IP</source>
        <translation>Wi-Fi：已连接，无 IP</translation>
    </message>
    <message>
        <source>Wi-Fi: %1, no IP</source>
        <translation>Wi-Fi：%1，无 IP</translation>
    </message>
    <message>
        <source>Wi-Fi: not joined</source>
        <translation>Wi-Fi：未连接</translation>
    </message>
    <message>
        <source>MQTT: %1</source>
        <translation>MQTT：%1</translation>
    </message>
    <message>
        <source>MQTT: –</source>
        <translation>MQTT：–</translation>
    </message>
    <message>
        <source>TX %1 · RX %2</source>
        <translation>发送 %1 · 接收 %2</translation>
    </message>
</context>
<context>
    <name>SystemPage</name>
    <message>
        <source>not read yet: press Read (F5)</source>
        <translation>尚未读取：请按“读取”（F5）</translation>
    </message>
    <message>
        <source>ESP-AT</source>
        <translation>ESP-AT</translation>
    </message>
    <message>
        <source>Beken ATSVR</source>
        <translation>Beken ATSVR</translation>
    </message>
    <message>
        <source>not read yet</source>
        <translation>尚未读取</translation>
    </message>
    <message>
        <source>changes are saved to flash</source>
        <translation>更改会保存到 flash</translation>
    </message>
    <message>
        <source>changes last until the next restart</source>
        <translation>更改保持到下次重启</translation>
    </message>
    <message>
        <source>Apply (Ctrl+Return)</source>
        <translation>应用（Ctrl+Return）</translation>
    </message>
    <message>
        <source>Read (F5)</source>
        <translation>读取（F5）</translation>
    </message>
    <message>
        <source>Restart (asks first)</source>
        <translation>重启（先确认）</translation>
    </message>
    <message>
        <source>Restore factory settings (asks first)</source>
        <translation>恢复出厂设置（先确认）</translation>
    </message>
    <message>
        <source>Nothing was sent: %1</source>
        <translation>未发送任何内容：%1</translation>
    </message>
    <message>
        <source>Not sent: %1 was cancelled.</source>
        <translation>未发送：已取消“%1”。</translation>
    </message>
    <message>
        <source>Restart the module?</source>
        <translation>重启模块？</translation>
    </message>
    <message>
        <source>AT+RST restarts the module: open links and the MQTT connection drop, and settings not saved to flash are lost.</source>
        <translation>AT+RST 会重启模块：打开的链路和 MQTT 连接会断开，未保存到 flash 的设置会丢失。</translation>
    </message>
    <message>
        <source>Restart</source>
        <translation>重启</translation>
    </message>
    <message>
        <source>Restore factory settings?</source>
        <translation>恢复出厂设置？</translation>
    </message>
    <message>
        <source>AT+RESTORE erases everything the module saved (the Wi-Fi network and its password, MQTT, UART, SoftAP and TCP/IP settings) and restarts it. This cannot be undone.</source>
        <translation>AT+RESTORE 会清除模块保存的所有内容（Wi-Fi 网络及其密码、MQTT、UART、SoftAP 和 TCP/IP 设置）并重启模块。此操作无法撤销。</translation>
    </message>
    <message>
        <source>Restore factory settings</source>
        <translation>恢复出厂设置</translation>
    </message>
    <message>
        <source>System</source>
        <translation>系统</translation>
    </message>
    <message>
        <source>Version, saving settings to flash, error codes, restart and factory reset</source>
        <translation>版本、设置是否保存到 flash、错误码、重启和恢复出厂设置</translation>
    </message>
    <message>
        <source>Module</source>
        <translation>模块</translation>
    </message>
    <message>
        <source>Firmware:</source>
        <translation>固件：</translation>
    </message>
    <message>
        <source>Command set:</source>
        <translation>命令集：</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Save configuration changes to flash (AT+SYSSTORE=1)</source>
        <translation>把配置更改保存到 flash（AT+SYSSTORE=1）</translation>
    </message>
    <message>
        <source>Off: Wi-Fi, MQTT and TCP/IP changes last until the next restart (AT+SYSSTORE=0)</source>
        <translation>关闭时：Wi-Fi、MQTT 和 TCP/IP 的更改只保持到下次重启（AT+SYSSTORE=0）</translation>
    </message>
    <message>
        <source>The module:</source>
        <translation>模块：</translation>
    </message>
    <message>
        <source>Explain failures with error codes (AT+SYSLOG=1)</source>
        <translation>用错误码说明失败原因（AT+SYSLOG=1）</translation>
    </message>
    <message>
        <source>ESP-AT prints an ERR CODE line with each failure; AT Bench turns it into words</source>
        <translation>ESP-AT 会在每次失败时输出一行 ERR CODE；AT Bench 会把它转换为文字说明</translation>
    </message>
    <message>
        <source>Maintenance</source>
        <translation>维护</translation>
    </message>
    <message>
        <source>Both ask before anything is sent. Restore erases the saved Wi-Fi network and password and every other saved setting.</source>
        <translation>两者都会在发送前确认。恢复出厂设置会清除已保存的 Wi-Fi 网络和密码以及其他所有已保存的设置。</translation>
    </message>
    <message>
        <source>Restart (AT+RST)…</source>
        <translation>重启（AT+RST）…</translation>
    </message>
    <message>
        <source>Restore factory settings (AT+RESTORE)…</source>
        <translation>恢复出厂设置（AT+RESTORE）…</translation>
    </message>
    <message>
        <source>Query the version and settings (F5)</source>
        <translation>查询版本和设置（F5）</translation>
    </message>
    <message>
        <source>Send the changed settings (Ctrl+Return)</source>
        <translation>发送更改的设置（Ctrl+Return）</translation>
    </message>
</context>
<context>
    <name>ThroughputPage</name>
    <message>
        <source>Connection settings read.</source>
        <translation>已读取连接设置。</translation>
    </message>
    <message>
        <source>Throughput</source>
        <translation>吞吐量</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Live rates</source>
        <translation>实时速率</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>&amp;Test:</source>
        <translation>测试(&amp;T)：</translation>
    </message>
    <message>
        <source>Pro&amp;tocol:</source>
        <translation>协议(&amp;T)：</translation>
    </message>
    <message>
        <source>PC &amp;address:</source>
        <translation>PC 地址(&amp;A)：</translation>
    </message>
    <message>
        <source>PC p&amp;ort:</source>
        <translation>PC 端口(&amp;O)：</translation>
    </message>
    <message>
        <source>&amp;Chunk size:</source>
        <translation>分块大小(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Duration:</source>
        <translation>时长(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Line rate:</source>
        <translation>线路速率(&amp;L)：</translation>
    </message>
    <message>
        <source>any free port</source>
        <translation>任意空闲端口</translation>
    </message>
    <message>
        <source> bytes</source>
        <translation> 字节</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>Baud rate of the serial link (8N1: baud / 10 bytes per second), for the efficiency figures</source>
        <translation>串口链路的波特率（8N1：每秒 波特率/10 字节），用于计算效率</translation>
    </message>
    <message>
        <source>The address of this computer the module connects to (127.0.0.1 for the simulator)</source>
        <translation>模块要连接的本机地址（模拟器为 127.0.0.1）</translation>
    </message>
    <message>
        <source>AT+CIPSEND length in normal mode; write size in passthrough and for the PC-side source</source>
        <translation>普通模式下 AT+CIPSEND 的长度；透传及 PC 端发送时的写入大小</translation>
    </message>
    <message>
        <source>TCP</source>
        <translation>TCP</translation>
    </message>
    <message>
        <source>UDP</source>
        <translation>UDP</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>开始(&amp;S)</translation>
    </message>
    <message>
        <source>Start the run (Ctrl+Return)</source>
        <translation>开始测试（Ctrl+Return）</translation>
    </message>
    <message>
        <source>Sto&amp;p</source>
        <translation>停止(&amp;P)</translation>
    </message>
    <message>
        <source>Read the module&apos;s connection settings (F5)</source>
        <translation>读取模块的连接设置（F5）</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Export PNG…</source>
        <translation>导出 PNG…</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <source>Clear results</source>
        <translation>清除结果</translation>
    </message>
    <message>
        <source>%1:</source>
        <translation>%1：</translation>
    </message>
    <message>
        <source>Efficiency:</source>
        <translation>效率：</translation>
    </message>
    <message>
        <source>Sent / delivered:</source>
        <translation>已发送 / 已送达：</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>测试</translation>
    </message>
    <message>
        <source>Chunk</source>
        <translation>分块</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Goodput</source>
        <translation>有效吞吐</translation>
    </message>
    <message>
        <source>% of line</source>
        <translation>线路 %</translation>
    </message>
    <message>
        <source>% of model</source>
        <translation>模型 %</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>已发送</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>丢失</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>RTT median</source>
        <translation>RTT 中位数</translation>
    </message>
    <message>
        <source>Ready.</source>
        <translation>就绪。</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message numerus="yes">
        <source>Module: %1, CIPMUX %2, CIPMODE %3, %n open link(s)</source>
        <translation>
            <numerusform>模块：%1，CIPMUX %2，CIPMODE %3，%n 条打开的链路</numerusform>
        </translation>
    </message>
    <message>
        <source>ESP-AT</source>
        <translation>ESP-AT</translation>
    </message>
    <message>
        <source>Beken</source>
        <translation>Beken</translation>
    </message>
    <message>
        <source>1 to 8192 bytes per AT+CIPSEND</source>
        <translation>每次 AT+CIPSEND 1 到 8192 字节</translation>
    </message>
    <message>
        <source>1 to 2048 bytes per AT+CIPSEND (1024 recommended)</source>
        <translation>每次 AT+CIPSEND 1 到 2048 字节（建议 1024）</translation>
    </message>
    <message numerus="yes">
        <source>… (one per chunk: %n byte(s))</source>
        <translation>
            <numerusform>…（每个分块一条：%n 字节）</numerusform>
        </translation>
    </message>
    <message>
        <source>… raw bytes, then +++</source>
        <translation>… 原始字节，然后 +++</translation>
    </message>
    <message>
        <source>Not started: correct the marked field first.</source>
        <translation>未开始：请先修正标记的字段。</translation>
    </message>
    <message>
        <source>Running…</source>
        <translation>正在运行…</translation>
    </message>
    <message>
        <source>%1 (10 s: %2)</source>
        <translation>%1（10 秒：%2）</translation>
    </message>
    <message>
        <source>%1 % of %2 line rate</source>
        <translation>%2 线路速率的 %1 %</translation>
    </message>
    <message numerus="yes">
        <source>%1 / %2, %n integrity error(s)</source>
        <translation>
            <numerusform>%1 / %2，%n 个完整性错误</numerusform>
        </translation>
    </message>
    <message>
        <source> UDP</source>
        <translation> UDP</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 毫秒</translation>
    </message>
    <message>
        <source>Export graph</source>
        <translation>导出图表</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
    <message>
        <source>Graph saved to %1.</source>
        <translation>图表已保存到 %1。</translation>
    </message>
    <message>
        <source>Export rates</source>
        <translation>导出速率</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Rates saved to %1.</source>
        <translation>速率已保存到 %1。</translation>
    </message>
    <message>
        <source>Show the exact AT lines a run sends</source>
        <translation>显示一次测试将发送的完整 AT 命令行</translation>
    </message>
    <message>
        <source># nothing is sent: %1</source>
        <translation># 不会发送任何内容：%1</translation>
    </message>
</context>
<context>
    <name>ThroughputPlot</name>
    <message>
        <source>%1 msg/s</source>
        <translation>%1 条/秒</translation>
    </message>
    <message>
        <source>t = %1 s</source>
        <translation>t = %1 秒</translation>
    </message>
    <message>
        <source>msg/s</source>
        <translation>条/秒</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>Cannot write %1</source>
        <translation>无法写入 %1</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 毫秒</translation>
    </message>
    <message>
        <source>ms</source>
        <translation>毫秒</translation>
    </message>
</context>
<context>
    <name>TimelinePanel</name>
    <message>
        <source>&lt;b&gt;Timeline&lt;/b&gt; (wheel: zoom, drag: pan, double click: all, click a mark: its console line)</source>
        <translation>&lt;b&gt;时间线&lt;/b&gt;（滚轮：缩放，拖动：平移，双击：全部，单击标记：对应的控制台行）</translation>
    </message>
    <message>
        <source>Poll RSSI every</source>
        <translation>RSSI 轮询间隔</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从不</translation>
    </message>
    <message>
        <source>While joined, AT+CWJAP? is sent at this interval for the RSSI lane</source>
        <translation>已连接时按此间隔发送 AT+CWJAP?，用于 RSSI 通道</translation>
    </message>
    <message>
        <source>Follow</source>
        <translation>跟随</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>适应</translation>
    </message>
</context>
<context>
    <name>TimelineView</name>
    <message>
        <source>Wi-Fi</source>
        <translation>Wi-Fi</translation>
    </message>
    <message>
        <source>RSSI</source>
        <translation>RSSI</translation>
    </message>
    <message>
        <source>IP</source>
        <translation>IP</translation>
    </message>
    <message>
        <source>Links</source>
        <translation>链接</translation>
    </message>
    <message>
        <source>MQTT</source>
        <translation>MQTT</translation>
    </message>
    <message>
        <source>Errors/busy</source>
        <translation>错误/忙</translation>
    </message>
    <message>
        <source>Resets</source>
        <translation>复位</translation>
    </message>
    <message>
        <source>%1 dBm</source>
        <translation>%1 dBm</translation>
    </message>
    <message>
        <source>Nothing yet: the timeline fills as the module reports.</source>
        <translation>暂无内容：模块上报后时间线会逐步填充。</translation>
    </message>
</context>
<context>
    <name>TopicTreeModel</name>
    <message>
        <source>%1 on this topic, %2 on it and below</source>
        <translation>此主题 %1 条，含下级共 %2 条</translation>
    </message>
    <message>
        <source>The first %1 of %2 bytes</source>
        <translation>%2 字节中的前 %1 字节</translation>
    </message>
    <message>
        <source>(empty level)</source>
        <translation>（空层级）</translation>
    </message>
    <message>
        <source>%1/s</source>
        <translation>%1/秒</translation>
    </message>
    <message>
        <source>retained</source>
        <translation>保留</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>消息数</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>速率</translation>
    </message>
    <message>
        <source>Last payload</source>
        <translation>最新载荷</translation>
    </message>
    <message>
        <source>QoS</source>
        <translation>QoS</translation>
    </message>
    <message>
        <source>Retained</source>
        <translation>保留</translation>
    </message>
</context>
<context>
    <name>TopicsPanel</name>
    <message>
        <source>Subscribed to %1.</source>
        <translation>已订阅 %1。</translation>
    </message>
    <message>
        <source>The broker refused %1.</source>
        <translation>代理服务器拒绝了 %1。</translation>
    </message>
    <message>
        <source>%1 is sent once AT Bench&apos;s client is connected.</source>
        <translation>AT Bench 客户端连接后将发送 %1。</translation>
    </message>
    <message>
        <source>Unsubscribed from %1.</source>
        <translation>已取消订阅 %1。</translation>
    </message>
    <message>
        <source>Select a topic to see its last payload.</source>
        <translation>选择一个主题以查看其最新载荷。</translation>
    </message>
    <message numerus="yes">
        <source>%1 — %n message(s)</source>
        <translation>
            <numerusform>%1 — %n 条消息</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, last %n byte(s), QoS %1</source>
        <translation>
            <numerusform>，最新 %n 字节，QoS %1</numerusform>
        </translation>
    </message>
    <message>
        <source>, retained</source>
        <translation>，保留</translation>
    </message>
    <message>
        <source>
… (the first %1 of %2 bytes are kept)</source>
        <translation>
…（仅保留 %2 字节中的前 %1 字节）</translation>
    </message>
    <message>
        <source>At most %1 fields are plotted at once.</source>
        <translation>最多同时绘制 %1 个字段。</translation>
    </message>
    <message numerus="yes">
        <source>%n topic level(s), </source>
        <translation>
            <numerusform>%n 个主题层级，</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) seen</source>
        <translation>
            <numerusform>已收到 %n 条消息</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) on new topics not shown: the tree holds at most %1 topic levels (last: %2)</source>
        <translation>
            <numerusform>新主题上的 %n 条消息未显示：主题树最多容纳 %1 个层级（最后一个：%2）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n payload(s) longer than %1 bytes kept in part</source>
        <translation>
            <numerusform>%n 条载荷超过 %1 字节，只保留了前面部分</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>. %n message(s) dropped while AT Bench was too busy to take them</source>
        <translation>
            <numerusform>。AT Bench 过忙时丢弃了 %n 条消息</numerusform>
        </translation>
    </message>
    <message>
        <source>Topic filter:</source>
        <translation>主题过滤器：</translation>
    </message>
    <message>
        <source>+ matches one level, # everything below; # alone: every topic</source>
        <translation>+ 匹配一个层级，# 匹配其下所有层级；单独的 # 匹配所有主题</translation>
    </message>
    <message>
        <source>QoS of the subscription</source>
        <translation>订阅的 QoS</translation>
    </message>
    <message>
        <source>Subscribe</source>
        <translation>订阅</translation>
    </message>
    <message>
        <source>Unsubscribe</source>
        <translation>取消订阅</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <source>Hex</source>
        <translation>十六进制</translation>
    </message>
    <message>
        <source>Numeric fields (tick to plot over time):</source>
        <translation>数值字段（勾选后随时间绘图）：</translation>
    </message>
</context>
<context>
    <name>TriggerEngine</name>
    <message>
        <source>Trigger &quot;%1&quot;: the recipe %2 could not start (another one is running?)</source>
        <translation>触发器“%1”：配方 %2 无法启动（是否有另一个配方正在运行？）</translation>
    </message>
    <message>
        <source>◆ Trigger &quot;%1&quot;: %2</source>
        <translation>◆ 触发器“%1”：%2</translation>
    </message>
    <message>
        <source>◆ %1 (trigger &quot;%2&quot;: %3)</source>
        <translation>◆ %1（触发器“%2”：%3）</translation>
    </message>
</context>
<context>
    <name>TriggersPanel</name>
    <message>
        <source>Row %1: %2</source>
        <translation>第 %1 行：%2</translation>
    </message>
    <message>
        <source>On</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>When a line contains</source>
        <translation>当某行包含</translation>
    </message>
    <message>
        <source>Regex</source>
        <translation>正则</translation>
    </message>
    <message>
        <source>Do</source>
        <translation>执行</translation>
    </message>
    <message>
        <source>With</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>Fired</source>
        <translation>触发次数</translation>
    </message>
    <message>
        <source>Each line the module sends (replies, URCs, data) is checked against the triggers that are on. A trigger fires at most twice a second, and never on the answer to its own command.</source>
        <translation>模块发出的每一行（应答、URC、数据）都会与已启用的触发器比对。每个触发器每秒最多触发两次，且不会被它自己发出的命令的应答触发。</translation>
    </message>
    <message>
        <source>&amp;Add trigger</source>
        <translation>添加触发器(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>删除(&amp;R)</translation>
    </message>
    <message>
        <source>Send a command</source>
        <translation>发送一条命令</translation>
    </message>
    <message>
        <source>Run a recipe</source>
        <translation>运行配方</translation>
    </message>
    <message>
        <source>Mark the log</source>
        <translation>在日志中标记</translation>
    </message>
    <message>
        <source>Beep</source>
        <translation>蜂鸣</translation>
    </message>
    <message>
        <source>e.g. WIFI DISCONNECT</source>
        <translation>例如 WIFI DISCONNECT</translation>
    </message>
    <message>
        <source>AT command, e.g. AT+CWJAP?</source>
        <translation>AT 命令，例如 AT+CWJAP?</translation>
    </message>
    <message>
        <source>recipe name or file, e.g. module-health</source>
        <translation>配方名称或文件，例如 module-health</translation>
    </message>
    <message>
        <source>note for the log (optional)</source>
        <translation>日志备注（可选）</translation>
    </message>
    <message>
        <source>Switch this trigger on or off</source>
        <translation>启用或停用此触发器</translation>
    </message>
    <message>
        <source>Treat the text as a regular expression</source>
        <translation>把文本当作正则表达式</translation>
    </message>
</context>
<context>
    <name>WifiPage</name>
    <message>
        <source>Hide</source>
        <translation>隐藏</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Wi-Fi</source>
        <translation>Wi-Fi</translation>
    </message>
    <message>
        <source>Wi-Fi mode, scan, join and the station&apos;s addresses</source>
        <translation>Wi-Fi 模式、扫描、连接和 station 地址</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>Wi-Fi mode</source>
        <translation>Wi-Fi 模式</translation>
    </message>
    <message>
        <source>Join a network</source>
        <translation>连接网络</translation>
    </message>
    <message>
        <source>Access points</source>
        <translation>接入点</translation>
    </message>
    <message>
        <source>State:</source>
        <translation>状态：</translation>
    </message>
    <message>
        <source>Network:</source>
        <translation>网络：</translation>
    </message>
    <message>
        <source>Access point:</source>
        <translation>接入点：</translation>
    </message>
    <message>
        <source>IP address:</source>
        <translation>IP 地址：</translation>
    </message>
    <message>
        <source>MAC address:</source>
        <translation>MAC 地址：</translation>
    </message>
    <message>
        <source>Gateway:</source>
        <translation>网关：</translation>
    </message>
    <message>
        <source>Netmask:</source>
        <translation>子网掩码：</translation>
    </message>
    <message>
        <source>Last join failure:</source>
        <translation>上次连接失败：</translation>
    </message>
    <message>
        <source>&amp;Mode:</source>
        <translation>模式(&amp;M)：</translation>
    </message>
    <message>
        <source>AT+CWMODE: the station joins access points; the SoftAP lets devices join the module</source>
        <translation>AT+CWMODE：station 连接接入点；SoftAP 让设备连接到模块</translation>
    </message>
    <message>
        <source>&amp;SSID:</source>
        <translation>SSID(&amp;S)：</translation>
    </message>
    <message>
        <source>Network name (up to 32 bytes)</source>
        <translation>网络名称（最多 32 字节）</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <source>Empty for an open network</source>
        <translation>开放网络请留空</translation>
    </message>
    <message>
        <source>Show or hide the password</source>
        <translation>显示或隐藏密码</translation>
    </message>
    <message>
        <source>&amp;Remember the password for this network</source>
        <translation>记住此网络的密码(&amp;R)</translation>
    </message>
    <message>
        <source>No password store is available</source>
        <translation>没有可用的密码存储</translation>
    </message>
    <message>
        <source>Kept in the system keychain, never in the settings file or the log</source>
        <translation>保存在系统钥匙串中，不会写入设置文件或日志</translation>
    </message>
    <message>
        <source>&amp;BSSID:</source>
        <translation>BSSID(&amp;B)：</translation>
    </message>
    <message>
        <source>Optional: only this access point, e.g. 1a:2b:3c:4d:5e:6f</source>
        <translation>可选：仅连接此接入点，例如 1a:2b:3c:4d:5e:6f</translation>
    </message>
    <message>
        <source>S&amp;can</source>
        <translation>扫描(&amp;C)</translation>
    </message>
    <message>
        <source>List the access points the module can see (AT+CWLAP)</source>
        <translation>列出模块能看到的接入点（AT+CWLAP）</translation>
    </message>
    <message>
        <source>Double-click a network to fill in its name.</source>
        <translation>双击网络可填入其名称。</translation>
    </message>
    <message>
        <source>SSID</source>
        <translation>SSID</translation>
    </message>
    <message>
        <source>Signal</source>
        <translation>信号</translation>
    </message>
    <message>
        <source>dBm</source>
        <translation>dBm</translation>
    </message>
    <message>
        <source>Ch.</source>
        <translation>信道</translation>
    </message>
    <message>
        <source>Security</source>
        <translation>安全性</translation>
    </message>
    <message>
        <source>BSSID</source>
        <translation>BSSID</translation>
    </message>
    <message>
        <source>Query the module&apos;s Wi-Fi mode, connection and addresses (F5)</source>
        <translation>查询模块的 Wi-Fi 模式、连接状态和地址（F5）</translation>
    </message>
    <message>
        <source>&amp;Disconnect</source>
        <translation>断开(&amp;D)</translation>
    </message>
    <message>
        <source>Leave the access point (AT+CWQAP)</source>
        <translation>断开接入点（AT+CWQAP）</translation>
    </message>
    <message>
        <source>Set the mode and join the network (Ctrl+Return)</source>
        <translation>设置模式并连接网络（Ctrl+Return）</translation>
    </message>
    <message>
        <source>Connected, got an IP address</source>
        <translation>已连接，已获取 IP 地址</translation>
    </message>
    <message>
        <source>Connected, waiting for an IP address</source>
        <translation>已连接，正在等待 IP 地址</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>未连接</translation>
    </message>
    <message>
        <source>channel %1</source>
        <translation>信道 %1</translation>
    </message>
    <message>
        <source>%1 dBm</source>
        <translation>%1 dBm</translation>
    </message>
    <message>
        <source>Nothing to apply.</source>
        <translation>没有要应用的内容。</translation>
    </message>
    <message>
        <source>Nothing was sent: %1</source>
        <translation>未发送任何内容：%1</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>正在处理…</translation>
    </message>
    <message>
        <source>Apply (Ctrl+Return)</source>
        <translation>应用（Ctrl+Return）</translation>
    </message>
    <message>
        <source>nothing to send: choose another mode or enter a network</source>
        <translation>无需发送：请选择其他模式或输入网络</translation>
    </message>
    <message>
        <source>Read (F5)</source>
        <translation>读取（F5）</translation>
    </message>
    <message>
        <source>Scan</source>
        <translation>扫描</translation>
    </message>
    <message>
        <source>Disconnect</source>
        <translation>断开</translation>
    </message>
    <message>
        <source>Fill in</source>
        <translation>填入</translation>
    </message>
    <message>
        <source>Put this network and password into the form</source>
        <translation>把这个网络和密码填入表单</translation>
    </message>
    <message>
        <source>Set address</source>
        <translation>设置地址</translation>
    </message>
    <message>
        <source>Built-in simulated module: its access point is &quot;%1&quot;, an open network.</source>
        <translation>内置模拟模块：它的接入点是“%1”，开放网络。</translation>
    </message>
    <message>
        <source>Built-in simulated module: its access point is &quot;%1&quot;, password &quot;%2&quot;.</source>
        <translation>内置模拟模块：它的接入点是“%1”，密码“%2”。</translation>
    </message>
</context>
<context>
    <name>atb::BatchReport</name>
    <message>
        <source>%1 would contain a secret; not written</source>
        <translation>%1 将包含密钥；未写入</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>%1: wanted %2, module reports %3</source>
        <translation>%1：期望 %2，模块报告 %3</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Provisioning report</source>
        <translation>批量配置报告</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>配置文件</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>模式</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n module(s) passed</source>
        <translation>
            <numerusform>%n 个模块中 %1 个通过</numerusform>
        </translation>
    </message>
    <message>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <source>MAC</source>
        <translation>MAC</translation>
    </message>
    <message>
        <source>Firmware</source>
        <translation>固件</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>判定</translation>
    </message>
    <message>
        <source>Time (s)</source>
        <translation>耗时（秒）</translation>
    </message>
    <message>
        <source>What failed</source>
        <translation>失败原因</translation>
    </message>
    <message>
        <source>pass</source>
        <translation>通过</translation>
    </message>
    <message>
        <source>fail</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Module %1 on %2</source>
        <translation>模块 %1（%2）</translation>
    </message>
    <message>
        <source>Full report:</source>
        <translation>完整报告：</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Desired</source>
        <translation>期望值</translation>
    </message>
    <message>
        <source>Actual</source>
        <translation>实际值</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>cannot create the folder %1</source>
        <translation>无法创建文件夹 %1</translation>
    </message>
</context>
<context>
    <name>atb::BrokerClient</name>
    <message>
        <source>The MQTT library refused %1: %2</source>
        <translation>MQTT 库拒绝了 %1：%2</translation>
    </message>
    <message>
        <source>No broker to connect to yet.</source>
        <translation>尚未指定要连接的代理服务器。</translation>
    </message>
    <message>
        <source>QoS is 0, 1 or 2.</source>
        <translation>QoS 只能是 0、1 或 2。</translation>
    </message>
    <message>
        <source>The app&apos;s MQTT client is not connected.</source>
        <translation>应用的 MQTT 客户端未连接。</translation>
    </message>
    <message>
        <source>The connection to the broker was lost.</source>
        <translation>与代理服务器的连接已断开。</translation>
    </message>
    <message>
        <source>The connection to the broker was lost (%1).</source>
        <translation>与代理服务器的连接已断开（%1）。</translation>
    </message>
    <message>
        <source>The broker refused the connection: unacceptable protocol version.</source>
        <translation>代理服务器拒绝连接：协议版本不可接受。</translation>
    </message>
    <message>
        <source>The broker refused the client ID.</source>
        <translation>代理服务器拒绝了客户端 ID。</translation>
    </message>
    <message>
        <source>The broker refused the connection: server unavailable.</source>
        <translation>代理服务器拒绝连接：服务不可用。</translation>
    </message>
    <message>
        <source>The broker refused the user name or password.</source>
        <translation>代理服务器拒绝了用户名或密码。</translation>
    </message>
    <message>
        <source>The broker refused the connection: not authorised.</source>
        <translation>代理服务器拒绝连接：未授权。</translation>
    </message>
    <message>
        <source>Not connected to the broker.</source>
        <translation>未连接到代理服务器。</translation>
    </message>
    <message>
        <source>Too many messages in flight; the broker is not keeping up.</source>
        <translation>传输中的消息过多；代理服务器处理不过来。</translation>
    </message>
    <message>
        <source>The topic is not valid UTF-8.</source>
        <translation>主题不是有效的 UTF-8。</translation>
    </message>
    <message>
        <source>This build of the MQTT library has no TLS.</source>
        <translation>此版本的 MQTT 库不支持 TLS。</translation>
    </message>
    <message>
        <source>Unknown URI scheme (tcp, ssl, ws or wss).</source>
        <translation>未知的 URI 方案（应为 tcp、ssl、ws 或 wss）。</translation>
    </message>
    <message>
        <source>The TLS handshake failed (%1): check the CA file, the host name and the port.</source>
        <translation>TLS 握手失败（%1）：请检查 CA 文件、主机名和端口。</translation>
    </message>
    <message>
        <source>The connection failed (code %1).</source>
        <translation>连接失败（代码 %1）。</translation>
    </message>
    <message>
        <source>The connection failed: %1.</source>
        <translation>连接失败：%1。</translation>
    </message>
    <message>
        <source>MQTT over TCP</source>
        <translation>基于 TCP 的 MQTT</translation>
    </message>
    <message>
        <source>MQTT over TLS</source>
        <translation>基于 TLS 的 MQTT</translation>
    </message>
    <message>
        <source>MQTT over WebSocket</source>
        <translation>基于 WebSocket 的 MQTT</translation>
    </message>
    <message>
        <source>MQTT over WebSocket Secure (TLS)</source>
        <translation>基于安全 WebSocket（TLS）的 MQTT</translation>
    </message>
    <message>
        <source>Enter the broker&apos;s host name or IP address.</source>
        <translation>请输入代理服务器的主机名或 IP 地址。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a host name or IP address.</source>
        <translation>“%1”不是主机名或 IP 地址。</translation>
    </message>
    <message>
        <source>The port must be 1 to 65535.</source>
        <translation>端口必须在 1 到 65535 之间。</translation>
    </message>
    <message>
        <source>The WebSocket path must not contain spaces or &apos;#&apos;.</source>
        <translation>WebSocket 路径不能包含空格或“#”。</translation>
    </message>
    <message>
        <source>Cannot read the CA file %1.</source>
        <translation>无法读取 CA 文件 %1。</translation>
    </message>
    <message>
        <source>The client ID is too long.</source>
        <translation>客户端 ID 太长。</translation>
    </message>
    <message>
        <source>The keep-alive must be 0 to 65535 s.</source>
        <translation>保活时间必须在 0 到 65535 秒之间。</translation>
    </message>
    <message>
        <source>The topic must not be empty.</source>
        <translation>主题不能为空。</translation>
    </message>
    <message>
        <source>A topic to publish to cannot contain the wildcards + or #.</source>
        <translation>发布的主题不能包含通配符 + 或 #。</translation>
    </message>
    <message>
        <source>A topic cannot contain NUL.</source>
        <translation>主题不能包含 NUL。</translation>
    </message>
    <message>
        <source>The topic is longer than 65535 bytes.</source>
        <translation>主题超过 65535 字节。</translation>
    </message>
    <message>
        <source>The topic filter must not be empty.</source>
        <translation>主题过滤器不能为空。</translation>
    </message>
    <message>
        <source>A topic filter cannot contain NUL.</source>
        <translation>主题过滤器不能包含 NUL。</translation>
    </message>
    <message>
        <source>&apos;#&apos; must be the last level of the filter, on its own.</source>
        <translation>“#”必须单独作为过滤器的最后一个层级。</translation>
    </message>
    <message>
        <source>&apos;+&apos; must be a whole level of the filter.</source>
        <translation>“+”必须单独占据过滤器的一个层级。</translation>
    </message>
</context>
<context>
    <name>atb::CommandQueue</name>
    <message>
        <source>Cancelled before it was sent</source>
        <translation>发送前已取消</translation>
    </message>
    <message>
        <source>Cancelled after the &apos;&gt;&apos; prompt: the module may still be waiting for data</source>
        <translation>在“&gt;”提示符后取消：模块可能仍在等待数据</translation>
    </message>
    <message>
        <source>Cancelled while the module was executing it</source>
        <translation>模块执行期间已取消</translation>
    </message>
    <message>
        <source>No result within %1 ms after the data was sent</source>
        <translation>发送数据后 %1 毫秒内无结果</translation>
    </message>
    <message>
        <source>No reply within %1 ms</source>
        <translation>%1 毫秒内无应答</translation>
    </message>
    <message>
        <source>The module stayed busy after %1 attempts</source>
        <translation>尝试 %1 次后模块仍然忙</translation>
    </message>
    <message>
        <source>The &apos;&gt;&apos; prompt did not arrive after OK; the module was waiting for the data, so it was sent anyway</source>
        <translation>OK 之后没有收到 “&gt;” 提示符；模块正在等待数据，因此仍已发送数据</translation>
    </message>
</context>
<context>
    <name>atb::CommandRunner</name>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>No session</source>
        <translation>无会话</translation>
    </message>
    <message>
        <source>%1: done</source>
        <translation>%1：完成</translation>
    </message>
    <message>
        <source>%1: OK</source>
        <translation>%1：OK</translation>
    </message>
    <message>
        <source>the link is already connected</source>
        <translation>连接已存在</translation>
    </message>
    <message>
        <source>no answer (or the name could not be resolved)</source>
        <translation>无应答（或无法解析域名）</translation>
    </message>
    <message>
        <source>the module answered %1 without a reason (AT+SYSLOG=1 makes ESP-AT print error codes)</source>
        <translation>模块返回 %1 但未给出原因（AT+SYSLOG=1 可让 ESP-AT 打印错误码）</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 失败：%2</translation>
    </message>
    <message>
        <source>%1: the module stayed busy; try again</source>
        <translation>%1：模块一直忙，请重试</translation>
    </message>
    <message>
        <source>%1: no answer (%2)</source>
        <translation>%1：无应答（%2）</translation>
    </message>
    <message>
        <source>%1: cancelled</source>
        <translation>%1：已取消</translation>
    </message>
    <message>
        <source>%1: the link was lost</source>
        <translation>%1：连接已断开</translation>
    </message>
    <message>
        <source>%1: not sent (%2)</source>
        <translation>%1：未发送（%2）</translation>
    </message>
    <message>
        <source>Nothing to send.</source>
        <translation>没有要发送的内容。</translation>
    </message>
    <message>
        <source>The module is busy with another request; try again.</source>
        <translation>模块正忙于其他请求，请重试。</translation>
    </message>
</context>
<context>
    <name>atb::ConnectionService</name>
    <message>
        <source>Enter the remote host (an IPv4 address or a host name)</source>
        <translation>请输入远程主机（IPv4 地址或主机名）</translation>
    </message>
    <message>
        <source>The host must not contain blanks</source>
        <translation>主机名不能包含空格</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid IPv4 address</source>
        <translation>“%1”不是有效的 IPv4 地址</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is neither an IPv4 address nor a valid host name</source>
        <translation>“%1”既不是 IPv4 地址，也不是有效的主机名</translation>
    </message>
    <message>
        <source>%1: done (no link is open)</source>
        <translation>%1：完成（没有打开的链路）</translation>
    </message>
    <message>
        <source>AT commands are not available in passthrough; leave passthrough first</source>
        <translation>透传模式下不能使用 AT 命令；请先退出透传</translation>
    </message>
    <message>
        <source>Choose single or multiple connections</source>
        <translation>请选择单连接或多连接</translation>
    </message>
    <message>
        <source>Choose normal or passthrough transmission</source>
        <translation>请选择普通传输或透传</translation>
    </message>
    <message>
        <source>Passive receive mode (AT+CIPRECVMODE) exists only in ESP-AT</source>
        <translation>被动接收模式（AT+CIPRECVMODE）仅 ESP-AT 支持</translation>
    </message>
    <message>
        <source>Passthrough needs single connection mode (CIPMUX=0); multiple connections only work in normal transmission mode</source>
        <translation>透传需要单连接模式（CIPMUX=0）；多连接只能用于普通传输模式</translation>
    </message>
    <message>
        <source>The connection mode (CIPMUX) can only change while no link is open: close all links first</source>
        <translation>只有在没有打开的链路时才能更改连接模式（CIPMUX）：请先关闭所有链路</translation>
    </message>
    <message>
        <source>Nothing to change: the module already uses these modes</source>
        <translation>无需更改：模块已使用这些模式</translation>
    </message>
    <message>
        <source>Choose one of the link types %1</source>
        <translation>请选择链路类型 %1 之一</translation>
    </message>
    <message>
        <source>Link ID must be between 0 and %1 in this firmware</source>
        <translation>此固件的链路 ID 必须在 0 到 %1 之间</translation>
    </message>
    <message>
        <source>The remote port must be between 1 and 65535</source>
        <translation>远程端口必须在 1 到 65535 之间</translation>
    </message>
    <message>
        <source>Keep-alive must be 0 (off) or 1 to 7200 seconds</source>
        <translation>保活必须为 0（关闭）或 1 到 7200 秒</translation>
    </message>
    <message>
        <source>The local port must be between 1 and 65535 (0 = any)</source>
        <translation>本地端口必须在 1 到 65535 之间（0 = 任意）</translation>
    </message>
    <message>
        <source>UDP mode must be 0, 1 or 2</source>
        <translation>UDP 模式必须为 0、1 或 2</translation>
    </message>
    <message>
        <source>Single connection mode allows one link and one is open: close it, or switch to multiple connections</source>
        <translation>单连接模式只允许一条链路，且已有一条打开：请关闭它，或切换到多连接</translation>
    </message>
    <message>
        <source>Link %1 is already open: close it first or pick another ID</source>
        <translation>链路 %1 已打开：请先关闭它或选择其他 ID</translation>
    </message>
    <message>
        <source>No link is open</source>
        <translation>没有打开的链路</translation>
    </message>
    <message>
        <source>Link %1 is not open</source>
        <translation>链路 %1 未打开</translation>
    </message>
    <message>
        <source>In passthrough, use the raw send box; CIPSEND is not available</source>
        <translation>透传模式下请使用原始发送框；CIPSEND 不可用</translation>
    </message>
    <message>
        <source>Choose a file to send</source>
        <translation>请选择要发送的文件</translation>
    </message>
    <message>
        <source>The file %1 does not exist</source>
        <translation>文件 %1 不存在</translation>
    </message>
    <message>
        <source>The file is larger than %1 MiB</source>
        <translation>文件大于 %1 MiB</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>Nothing to send</source>
        <translation>没有要发送的内容</translation>
    </message>
    <message>
        <source>Enter the PSK identity</source>
        <translation>请输入 PSK 身份标识</translation>
    </message>
    <message>
        <source>Link ID must be between 0 and %1 (%1 = all links)</source>
        <translation>链路 ID 必须在 0 到 %1 之间（%1 = 所有链路）</translation>
    </message>
    <message>
        <source>Already in passthrough</source>
        <translation>已处于透传模式</translation>
    </message>
    <message>
        <source>Passthrough needs single connection mode (CIPMUX=0): close the links and switch to single connection first</source>
        <translation>透传需要单连接模式（CIPMUX=0）：请先关闭链路并切换到单连接</translation>
    </message>
    <message numerus="yes">
        <source>Passthrough needs exactly one open link (%n open)</source>
        <translation>
            <numerusform>透传需要正好一条打开的链路（当前 %n 条）</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: not sent: %2</source>
        <translation>%1：未发送：%2</translation>
    </message>
    <message>
        <source>Read connections</source>
        <translation>读取连接</translation>
    </message>
    <message>
        <source>Set connection mode</source>
        <translation>设置连接模式</translation>
    </message>
    <message>
        <source>Open link</source>
        <translation>打开链路</translation>
    </message>
    <message>
        <source>Close all links</source>
        <translation>关闭所有链路</translation>
    </message>
    <message>
        <source>Close link %1</source>
        <translation>关闭链路 %1</translation>
    </message>
    <message>
        <source>Send to link %1</source>
        <translation>发送到链路 %1</translation>
    </message>
    <message>
        <source>Set TLS PSK</source>
        <translation>设置 TLS PSK</translation>
    </message>
    <message>
        <source>Enter passthrough</source>
        <translation>进入透传</translation>
    </message>
    <message>
        <source>Fetch received data</source>
        <translation>获取接收的数据</translation>
    </message>
    <message>
        <source>Read the TLS PSK</source>
        <translation>读取 TLS PSK</translation>
    </message>
    <message>
        <source>Start the server</source>
        <translation>启动服务器</translation>
    </message>
    <message>
        <source>Delete the server</source>
        <translation>删除服务器</translation>
    </message>
    <message>
        <source>Read the server</source>
        <translation>读取服务器</translation>
    </message>
    <message>
        <source>Read the link status</source>
        <translation>读取链路状态</translation>
    </message>
    <message>
        <source>A local IP is only sent to Beken modules</source>
        <translation>只有 Beken 模块才发送本地 IP</translation>
    </message>
    <message>
        <source>A local IP goes with a local port (seed 000: both make a server link)</source>
        <translation>本地 IP 需要同时填写本地端口（种子文档 000：两者一起构成服务器链路）</translation>
    </message>
    <message>
        <source>A TLS server needs a server certificate in the module&apos;s flash; firmware without one answers ERROR.</source>
        <translation>TLS 服务器需要模块 flash 中的服务器证书；没有证书的固件会回复 ERROR。</translation>
    </message>
    <message>
        <source>Seed 000 example 2 (TCP server). The Beken SDK source reads no local port for TCP (protocol.md 6 #8): if the module opens a client instead, its firmware follows the source.</source>
        <translation>种子文档 000 示例 2（TCP 服务器）。Beken SDK 源码对 TCP 不读取本地端口（protocol.md 6 #8）：如果模块反而打开了客户端，说明其固件与源码一致。</translation>
    </message>
    <message>
        <source>On Beken, AT+CIPCLOSE=5 closes every link (5 also means &quot;all&quot;): links %1 close too.</source>
        <translation>在 Beken 上，AT+CIPCLOSE=5 会关闭所有链路（5 也表示“全部”）：链路 %1 也会关闭。</translation>
    </message>
    <message>
        <source>Closes every link: %1.</source>
        <translation>关闭所有链路：%1。</translation>
    </message>
    <message>
        <source>Only a UDP link sends to another peer; link %1 is %2</source>
        <translation>只有 UDP 链路能发往其他对端；链路 %1 是 %2</translation>
    </message>
    <message>
        <source>Beken modules have no AT+CIPSERVER: open a TCP link with a local port (a server link) instead</source>
        <translation>Beken 模块没有 AT+CIPSERVER：请改为打开带本地端口的 TCP 链路（服务器链路）</translation>
    </message>
    <message>
        <source>No server is running</source>
        <translation>没有运行中的服务器</translation>
    </message>
    <message>
        <source>Also closes the links of the server&apos;s clients.</source>
        <translation>同时关闭服务器客户端的链路。</translation>
    </message>
    <message>
        <source>A server needs multiple connections (CIPMUX=1): set it in the connection mode first</source>
        <translation>服务器需要多连接（CIPMUX=1）：请先在连接模式中设置</translation>
    </message>
    <message>
        <source>The port must be between 1 and 65535</source>
        <translation>端口必须在 1 到 65535 之间</translation>
    </message>
    <message>
        <source>Choose TCP or SSL</source>
        <translation>请选择 TCP 或 SSL</translation>
    </message>
    <message>
        <source>A server is running on port %1: delete it first, then create the new one</source>
        <translation>端口 %1 上已有服务器在运行：请先删除它，再创建新的</translation>
    </message>
    <message>
        <source>Applies to the next server; the running one keeps its limit.</source>
        <translation>对下一个服务器生效；运行中的服务器保持原来的上限。</translation>
    </message>
    <message>
        <source>An SSL server needs the server certificate in the module&apos;s flash.</source>
        <translation>SSL 服务器需要模块 flash 中的服务器证书。</translation>
    </message>
    <message>
        <source>0: clients are never closed for being idle.</source>
        <translation>0：客户端不会因空闲而被关闭。</translation>
    </message>
    <message>
        <source>Nothing to change: the module already runs this server</source>
        <translation>无需更改：模块已经在运行这个服务器</translation>
    </message>
</context>
<context>
    <name>atb::DeviceSession</name>
    <message>
        <source>Closed %1</source>
        <translation>已关闭 %1</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>已打开 %1</translation>
    </message>
    <message>
        <source>The link is closed</source>
        <translation>连接已关闭</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>未连接</translation>
    </message>
    <message>
        <source>Raw data dropped: the link is not in passthrough</source>
        <translation>已丢弃原始数据：当前不在透传模式</translation>
    </message>
    <message>
        <source>Left passthrough; next command in %1 ms</source>
        <translation>已退出透传；%1 毫秒后发送下一条命令</translation>
    </message>
    <message>
        <source>The session is read-only</source>
        <translation>会话为只读</translation>
    </message>
</context>
<context>
    <name>atb::DialectProbe</name>
    <message>
        <source>AT+GMR ended with &quot;%1&quot;, a Beken ATSVR final code.</source>
        <translation>AT+GMR 以“%1”结束，这是 Beken ATSVR 的结束码。</translation>
    </message>
    <message>
        <source>AT+GMR printed &quot;%1&quot;, the ESP-AT version format.</source>
        <translation>AT+GMR 输出了“%1”，这是 ESP-AT 的版本格式。</translation>
    </message>
    <message>
        <source>AT+GMR printed &quot;%1&quot;, a Beken ATSVR version.</source>
        <translation>AT+GMR 输出了“%1”，这是 Beken ATSVR 版本。</translation>
    </message>
    <message>
        <source>AT+CIPSTATUS? was answered by &quot;+BIPSTATUS&quot; (Beken ATSVR).</source>
        <translation>AT+CIPSTATUS? 的应答为“+BIPSTATUS”（Beken ATSVR）。</translation>
    </message>
    <message>
        <source>AT+CIPSTATUS? ended with &quot;%1&quot;, a Beken ATSVR final code.</source>
        <translation>AT+CIPSTATUS? 以“%1”结束，这是 Beken ATSVR 的结束码。</translation>
    </message>
    <message>
        <source>AT+CIPSTATUS? was rejected (ESP-AT knows only AT+CIPSTATUS); the version text was not conclusive.</source>
        <translation>AT+CIPSTATUS? 被拒绝（ESP-AT 只支持 AT+CIPSTATUS）；版本信息不足以判断。</translation>
    </message>
    <message>
        <source>AT+CIPSTATUS? got no final code (Beken ATSVR behaviour); the version text was not conclusive.</source>
        <translation>AT+CIPSTATUS? 没有结束码（Beken ATSVR 的行为）；版本信息不足以判断。</translation>
    </message>
    <message>
        <source>The replies match neither dialect&apos;s markers.</source>
        <translation>应答与两种方言的特征都不匹配。</translation>
    </message>
    <message>
        <source>The module did not answer.</source>
        <translation>模块无应答。</translation>
    </message>
</context>
<context>
    <name>atb::EchoServer</name>
    <message>
        <source>The PC&apos;s echo server cannot listen on %1:%2: %3</source>
        <translation>电脑端回显服务器无法在 %1:%2 上监听：%3</translation>
    </message>
</context>
<context>
    <name>atb::JsonSchema</name>
    <message>
        <source>a text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>a whole number</source>
        <translation>整数</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>数字</translation>
    </message>
    <message>
        <source>true or false</source>
        <translation>true 或 false</translation>
    </message>
    <message>
        <source>an object {...}</source>
        <translation>对象 {...}</translation>
    </message>
    <message>
        <source>a list [...]</source>
        <translation>列表 [...]</translation>
    </message>
    <message>
        <source>the schema is too deeply nested</source>
        <translation>模式嵌套过深</translation>
    </message>
    <message>
        <source>must be %1</source>
        <translation>必须是%1</translation>
    </message>
    <message>
        <source> or </source>
        <translation>或</translation>
    </message>
    <message>
        <source>must be one of %1</source>
        <translation>必须是 %1 之一</translation>
    </message>
    <message>
        <source>must be at least %1</source>
        <translation>不能小于 %1</translation>
    </message>
    <message>
        <source>must be at most %1</source>
        <translation>不能大于 %1</translation>
    </message>
    <message>
        <source>must not be empty</source>
        <translation>不能为空</translation>
    </message>
    <message>
        <source>must have at least %1 characters</source>
        <translation>至少需要 %1 个字符</translation>
    </message>
    <message>
        <source>must be empty</source>
        <translation>必须为空</translation>
    </message>
    <message>
        <source>must have at most %1 characters</source>
        <translation>最多 %1 个字符</translation>
    </message>
    <message>
        <source>does not have the expected form (%1)</source>
        <translation>格式不符合要求（%1）</translation>
    </message>
    <message numerus="yes">
        <source>must have at least %n item(s)</source>
        <translation>
            <numerusform>至少需要 %n 项</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>must have at most %n item(s)</source>
        <translation>
            <numerusform>最多 %n 项</numerusform>
        </translation>
    </message>
    <message>
        <source>repeats item %1</source>
        <translation>与第 %1 项重复</translation>
    </message>
    <message>
        <source>is required</source>
        <translation>为必填项</translation>
    </message>
    <message>
        <source>unknown key</source>
        <translation>未知的键</translation>
    </message>
    <message>
        <source>unknown key (known here: %1)</source>
        <translation>未知的键（此处可用：%1）</translation>
    </message>
    <message>
        <source>matches more than one of the allowed forms</source>
        <translation>同时符合多种允许的形式</translation>
    </message>
    <message>
        <source>is not one of the allowed forms</source>
        <translation>不是允许的形式</translation>
    </message>
    <message>
        <source>must be one of: %1</source>
        <translation>必须是以下之一：%1</translation>
    </message>
</context>
<context>
    <name>atb::LinkApi</name>
    <message>
        <source>link mode</source>
        <translation>链路模式</translation>
    </message>
    <message>
        <source>open a %1 link to %2:%3</source>
        <translation>打开到 %2:%3 的 %1 链路</translation>
    </message>
    <message numerus="yes">
        <source>send %n byte(s) on link %1</source>
        <translation>
            <numerusform>在链路 %1 上发送 %n 字节</numerusform>
        </translation>
    </message>
    <message>
        <source>close link %1</source>
        <translation>关闭链路 %1</translation>
    </message>
    <message>
        <source>read %1 byte(s) from link %2</source>
        <translation>从链路 %2 读取 %1 字节</translation>
    </message>
    <message>
        <source>leave passthrough</source>
        <translation>退出透传</translation>
    </message>
    <message>
        <source>Still in passthrough after 5 s.</source>
        <translation>5 秒后仍处于透传模式。</translation>
    </message>
</context>
<context>
    <name>atb::LocalBroker</name>
    <message>
        <source>mosquitto did not start listening on 127.0.0.1:%1 within %2 s.%3</source>
        <translation>mosquitto 未在 %2 秒内开始监听 127.0.0.1:%1。%3</translation>
    </message>
    <message>
        <source>, WebSocket ws://%1:%2%3</source>
        <translation>，WebSocket ws://%1:%2%3</translation>
    </message>
    <message>
        <source>mosquitto is not installed. Install it with ./scripts/setup-deps.sh (Debian: sudo apt install mosquitto) and start the local broker again.</source>
        <translation>未安装 mosquitto。请用 ./scripts/setup-deps.sh 安装（Debian：sudo apt install mosquitto），然后重新启动本地代理服务器。</translation>
    </message>
    <message>
        <source>Cannot create a temporary folder for the broker&apos;s configuration: %1</source>
        <translation>无法为代理服务器的配置创建临时文件夹：%1</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>No free port on 127.0.0.1 for the broker.</source>
        <translation>127.0.0.1 上没有可供代理服务器使用的空闲端口。</translation>
    </message>
    <message>
        <source>mosquitto could not be started: %1</source>
        <translation>无法启动 mosquitto：%1</translation>
    </message>
    <message>
        <source>The local broker (mosquitto) stopped unexpectedly (killed or crashed).</source>
        <translation>本地代理服务器（mosquitto）意外停止（被终止或崩溃）。</translation>
    </message>
    <message>
        <source>The local broker (mosquitto) ended with exit code %1: %2</source>
        <translation>本地代理服务器（mosquitto）已退出，退出码 %1：%2</translation>
    </message>
    <message>
        <source>This mosquitto has no working WebSocket listener (%1); the broker runs with plain MQTT only.</source>
        <translation>此 mosquitto 没有可用的 WebSocket 监听（%1）；代理服务器只以普通 MQTT 运行。</translation>
    </message>
    <message>
        <source>mosquitto exited at start (code %1): %2</source>
        <translation>mosquitto 启动时退出（代码 %1）：%2</translation>
    </message>
    <message>
        <source>no output</source>
        <translation>无输出</translation>
    </message>
</context>
<context>
    <name>atb::LoopCheck</name>
    <message>
        <source>The broker refused the app&apos;s subscription to %1.</source>
        <translation>代理服务器拒绝了应用对 %1 的订阅。</translation>
    </message>
    <message>
        <source>A loop run is already under way.</source>
        <translation>已有一次回环正在运行。</translation>
    </message>
    <message>
        <source>Nothing to run the loop with.</source>
        <translation>缺少运行回环所需的对象。</translation>
    </message>
    <message>
        <source>Connect to the module first.</source>
        <translation>请先连接模块。</translation>
    </message>
    <message>
        <source>Connect the app&apos;s MQTT client to the broker first.</source>
        <translation>请先将应用的 MQTT 客户端连接到代理服务器。</translation>
    </message>
    <message>
        <source>The module&apos;s MQTT client is not connected to a broker (state %1): connect it first.</source>
        <translation>模块的 MQTT 客户端未连接到代理服务器（状态 %1）：请先连接。</translation>
    </message>
    <message>
        <source>The subscriptions were not confirmed within %1 s.</source>
        <translation>订阅未在 %1 秒内得到确认。</translation>
    </message>
    <message>
        <source>The module could not subscribe to %1: %2</source>
        <translation>模块无法订阅 %1：%2</translation>
    </message>
    <message>
        <source>no loop header</source>
        <translation>没有回环消息头</translation>
    </message>
    <message>
        <source>arrived after the loss timeout</source>
        <translation>在丢失超时之后才到达</translation>
    </message>
    <message>
        <source>sequence number %1 was never sent</source>
        <translation>序号 %1 从未发送过</translation>
    </message>
    <message>
        <source>not back within %1 s</source>
        <translation>%1 秒内未返回</translation>
    </message>
    <message>
        <source>The broker went away: the app&apos;s MQTT client lost its connection.</source>
        <translation>代理服务器已断开：应用的 MQTT 客户端失去了连接。</translation>
    </message>
    <message>
        <source>The module&apos;s MQTT client lost its broker (state %1).</source>
        <translation>模块的 MQTT 客户端与代理服务器断开（状态 %1）。</translation>
    </message>
    <message numerus="yes">
        <source>%n duplicate(s)</source>
        <translation>
            <numerusform>%n 条重复</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n out of order</source>
        <translation>
            <numerusform>%n 条乱序</numerusform>
        </translation>
    </message>
    <message>
        <source>pass: every message arrived once, byte for byte</source>
        <translation>通过：每条消息都逐字节无误地到达且只到达一次</translation>
    </message>
    <message>
        <source>%1 of %2 lost</source>
        <translation>%2 条中丢失 %1 条</translation>
    </message>
    <message numerus="yes">
        <source>%n corrupted</source>
        <translation>
            <numerusform>%n 条损坏</numerusform>
        </translation>
    </message>
    <message>
        <source>module to app</source>
        <translation>模块到应用</translation>
    </message>
    <message>
        <source>app to module</source>
        <translation>应用到模块</translation>
    </message>
    <message>
        <source>nothing was sent</source>
        <translation>没有发送任何消息</translation>
    </message>
    <message>
        <source>fail: %1</source>
        <translation>未通过：%1</translation>
    </message>
    <message>
        <source>Enter a topic prefix.</source>
        <translation>请输入主题前缀。</translation>
    </message>
    <message>
        <source>The topic prefix is longer than 120 bytes (the module takes topics of at most 128).</source>
        <translation>主题前缀超过 120 字节（模块的主题最长 128 字节）。</translation>
    </message>
    <message>
        <source>The count must be 0 (continuous) or more.</source>
        <translation>条数必须为 0（连续）或更多。</translation>
    </message>
    <message>
        <source>The rate must be more than 0 and at most 1000 messages per second.</source>
        <translation>速率必须大于 0 且不超过每秒 1000 条。</translation>
    </message>
    <message>
        <source>The size must be %1 to %2 bytes (the first %1 carry the sequence number).</source>
        <translation>大小必须在 %1 到 %2 字节之间（前 %1 字节携带序号）。</translation>
    </message>
    <message>
        <source>QoS is 0, 1 or 2.</source>
        <translation>QoS 只能是 0、1 或 2。</translation>
    </message>
    <message>
        <source>Choose at least one direction.</source>
        <translation>请至少选择一个方向。</translation>
    </message>
    <message>
        <source>byte %1 differs (0x%2 instead of 0x%3)</source>
        <translation>第 %1 字节不同（0x%2，应为 0x%3）</translation>
    </message>
    <message numerus="yes">
        <source>%n byte(s) missing</source>
        <translation>
            <numerusform>缺少 %n 字节</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n byte(s) too many</source>
        <translation>
            <numerusform>多出 %n 字节</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>atb::ModuleBrokerSetup</name>
    <message>
        <source>No MQTT service.</source>
        <translation>没有 MQTT 服务。</translation>
    </message>
    <message>
        <source>The module is busy with another MQTT request; try again.</source>
        <translation>模块正在处理另一个 MQTT 请求，请重试。</translation>
    </message>
    <message>
        <source>Reading the module&apos;s MQTT state</source>
        <translation>正在读取模块的 MQTT 状态</translation>
    </message>
    <message>
        <source>Releasing the module&apos;s earlier MQTT connection</source>
        <translation>正在释放模块之前的 MQTT 连接</translation>
    </message>
    <message>
        <source>Configuring the module&apos;s MQTT client</source>
        <translation>正在配置模块的 MQTT 客户端</translation>
    </message>
    <message>
        <source>Connecting the module to %1:%2</source>
        <translation>正在将模块连接到 %1:%2</translation>
    </message>
    <message>
        <source>The module is already connected to %1:%2.</source>
        <translation>模块已连接到 %1:%2。</translation>
    </message>
    <message>
        <source>The module is connected to %1:%2.</source>
        <translation>模块已连接到 %1:%2。</translation>
    </message>
</context>
<context>
    <name>atb::ModuleConnection</name>
    <message>
        <source>%1: no module answered within %2 s.</source>
        <translation>%1：%2 秒内没有模块应答。</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>%1: the link did not open within %2 s.</source>
        <translation>%1：链路未能在 %2 秒内打开。</translation>
    </message>
    <message>
        <source>%1: this program has no built-in simulated module; start atbench-sim --pty LINK and name LINK.</source>
        <translation>%1：此程序没有内置模拟模块；请运行 atbench-sim --pty LINK 并指定 LINK。</translation>
    </message>
    <message>
        <source>%1: the dialect probe could not start.</source>
        <translation>%1：无法启动方言探测。</translation>
    </message>
    <message>
        <source>the link closed while opening.</source>
        <translation>链路在打开过程中关闭。</translation>
    </message>
    <message>
        <source>the link closed.</source>
        <translation>链路已关闭。</translation>
    </message>
    <message>
        <source>%1: no module answered (%2).</source>
        <translation>%1：没有模块应答（%2）。</translation>
    </message>
</context>
<context>
    <name>atb::MqttApi</name>
    <message>
        <source>MQTT: configure</source>
        <translation>MQTT：配置</translation>
    </message>
    <message>
        <source>MQTT: connect to %1</source>
        <translation>MQTT：连接到 %1</translation>
    </message>
    <message>
        <source>MQTT: publish to %1</source>
        <translation>MQTT：发布到 %1</translation>
    </message>
    <message>
        <source>MQTT: subscribe to %1</source>
        <translation>MQTT：订阅 %1</translation>
    </message>
    <message>
        <source>MQTT: unsubscribe from %1</source>
        <translation>MQTT：取消订阅 %1</translation>
    </message>
    <message>
        <source>MQTT: disconnect</source>
        <translation>MQTT：断开连接</translation>
    </message>
    <message>
        <source>MQTT: wait for a message on %1</source>
        <translation>MQTT：等待 %1 上的消息</translation>
    </message>
</context>
<context>
    <name>atb::MqttLoopService</name>
    <message>
        <source>The module has no broker yet: configure and connect it on the MQTT page, or use the local broker.</source>
        <translation>模块还没有代理服务器：请在 MQTT 页面配置并连接，或使用本地代理服务器。</translation>
    </message>
</context>
<context>
    <name>atb::MqttService</name>
    <message>
        <source>MQTT over TCP</source>
        <translation>基于 TCP 的 MQTT</translation>
    </message>
    <message>
        <source>MQTT over TLS, no certificate verification</source>
        <translation>基于 TLS 的 MQTT，不校验证书</translation>
    </message>
    <message>
        <source>MQTT over TLS, verify the server certificate</source>
        <translation>基于 TLS 的 MQTT，校验服务器证书</translation>
    </message>
    <message>
        <source>MQTT over TLS, provide a client certificate</source>
        <translation>基于 TLS 的 MQTT，提供客户端证书</translation>
    </message>
    <message>
        <source>MQTT over TLS, mutual authentication (verify server, provide client certificate)</source>
        <translation>基于 TLS 的 MQTT，双向认证（校验服务器并提供客户端证书）</translation>
    </message>
    <message>
        <source>MQTT over WebSocket (TCP)</source>
        <translation>基于 WebSocket（TCP）的 MQTT</translation>
    </message>
    <message>
        <source>MQTT over WebSocket Secure, no certificate verification</source>
        <translation>基于 WebSocket Secure 的 MQTT，不校验证书</translation>
    </message>
    <message>
        <source>MQTT over WebSocket Secure, verify the server certificate</source>
        <translation>基于 WebSocket Secure 的 MQTT，校验服务器证书</translation>
    </message>
    <message>
        <source>MQTT over WebSocket Secure, provide a client certificate</source>
        <translation>基于 WebSocket Secure 的 MQTT，提供客户端证书</translation>
    </message>
    <message>
        <source>MQTT over WebSocket Secure, mutual authentication</source>
        <translation>基于 WebSocket Secure 的 MQTT，双向认证</translation>
    </message>
    <message>
        <source>unknown scheme %1</source>
        <translation>未知方案 %1</translation>
    </message>
    <message>
        <source>The client ID must not be empty.</source>
        <translation>客户端 ID 不能为空。</translation>
    </message>
    <message>
        <source>Too long even for %1: %2</source>
        <translation>即使对 %1 也过长：%2</translation>
    </message>
    <message>
        <source>Long %1, set on its own (seed 004: use after AT+MQTTUSERCFG).</source>
        <translation>%1 过长，单独设置（seed 004：在 AT+MQTTUSERCFG 之后使用）。</translation>
    </message>
    <message>
        <source>Keep-alive 0 means 120 s.</source>
        <translation>保活为 0 表示 120 秒。</translation>
    </message>
    <message>
        <source>ALPN only matters for TLS and WSS schemes.</source>
        <translation>ALPN 仅对 TLS 和 WSS 方案有效。</translation>
    </message>
    <message>
        <source>Enter the broker&apos;s host name or IP address.</source>
        <translation>请输入代理服务器的主机名或 IP 地址。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid IPv4 address.</source>
        <translation>“%1”不是有效的 IPv4 地址。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid host name or IP address.</source>
        <translation>“%1”不是有效的主机名或 IP 地址。</translation>
    </message>
    <message>
        <source>The module reconnects by itself after a broker loss.</source>
        <translation>与代理服务器断开后模块会自动重连。</translation>
    </message>
    <message>
        <source>Closes the connection and forgets the configuration (state 0).</source>
        <translation>关闭连接并清除配置（状态 0）。</translation>
    </message>
    <message>
        <source>A string message cannot contain NUL bytes. Send it raw (AT+MQTTPUBRAW) instead.</source>
        <translation>字符串消息不能包含 NUL 字节。请改用原始方式发送（AT+MQTTPUBRAW）。</translation>
    </message>
    <message>
        <source>A string message cannot contain CR or LF. Send it raw (AT+MQTTPUBRAW) instead.</source>
        <translation>字符串消息不能包含 CR 或 LF。请改用原始方式发送（AT+MQTTPUBRAW）。</translation>
    </message>
    <message>
        <source>%1 Send it raw (AT+MQTTPUBRAW) instead: no line limit, exact bytes.</source>
        <translation>%1 请改用原始方式发送（AT+MQTTPUBRAW）：无行长限制，字节原样发送。</translation>
    </message>
    <message>
        <source>\ &quot; and , in the message are escaped with a backslash; the broker receives the original bytes.</source>
        <translation>消息中的 \ &quot; 和 , 会用反斜杠转义；代理服务器收到的是原始字节。</translation>
    </message>
    <message>
        <source>The message is empty.</source>
        <translation>消息为空。</translation>
    </message>
    <message numerus="yes">
        <source>After &apos;&gt;&apos; the %n message byte(s) follow exactly as they are; the module answers +MQTTPUB:OK or +MQTTPUB:FAIL.</source>
        <translation>
            <numerusform>在“&gt;”之后按原样发送 %n 字节消息；模块应答 +MQTTPUB:OK 或 +MQTTPUB:FAIL。</numerusform>
        </translation>
    </message>
    <message>
        <source>Failures then carry ERR CODE lines, decoded into words.</source>
        <translation>失败时会附带 ERR CODE 行，并解码为文字说明。</translation>
    </message>
    <message>
        <source>MQTT configuration</source>
        <translation>MQTT 配置</translation>
    </message>
    <message>
        <source>Connect to the MQTT broker</source>
        <translation>连接 MQTT 代理服务器</translation>
    </message>
    <message>
        <source>Disconnect from the MQTT broker</source>
        <translation>断开 MQTT 代理服务器</translation>
    </message>
    <message>
        <source>Publish</source>
        <translation>发布</translation>
    </message>
    <message>
        <source>Subscribe to %1</source>
        <translation>订阅 %1</translation>
    </message>
    <message>
        <source>Unsubscribe from %1</source>
        <translation>取消订阅 %1</translation>
    </message>
    <message>
        <source>Read the MQTT state</source>
        <translation>读取 MQTT 状态</translation>
    </message>
    <message>
        <source>Enable error codes</source>
        <translation>启用错误码</translation>
    </message>
    <message>
        <source>MQTT configuration accepted.</source>
        <translation>MQTT 配置已接受。</translation>
    </message>
    <message>
        <source>Connected to %1:%2.</source>
        <translation>已连接到 %1:%2。</translation>
    </message>
    <message>
        <source>Disconnected; the MQTT configuration was released.</source>
        <translation>已断开；MQTT 配置已释放。</translation>
    </message>
    <message numerus="yes">
        <source>Published (%n byte(s) raw, +MQTTPUB:OK).</source>
        <translation>
            <numerusform>已发布（原始方式 %n 字节，+MQTTPUB:OK）。</numerusform>
        </translation>
    </message>
    <message>
        <source>Published.</source>
        <translation>已发布。</translation>
    </message>
    <message>
        <source>Note: ALREADY SUBSCRIBE (the module was already subscribed to this topic).</source>
        <translation>注意：ALREADY SUBSCRIBE（模块已订阅该主题）。</translation>
    </message>
    <message>
        <source>Subscribed.</source>
        <translation>已订阅。</translation>
    </message>
    <message>
        <source>Note: NO UNSUBSCRIBE (the module was not subscribed to this topic).</source>
        <translation>注意：NO UNSUBSCRIBE（模块未订阅该主题）。</translation>
    </message>
    <message>
        <source>Unsubscribed.</source>
        <translation>已取消订阅。</translation>
    </message>
    <message>
        <source>MQTT state read from the module.</source>
        <translation>已从模块读取 MQTT 状态。</translation>
    </message>
    <message>
        <source>%1: a placeholder here, the real value follows in its own command (it does not fit AT+MQTTUSERCFG&apos;s 256-byte line or 64-byte user name/password, or the form asks for it).</source>
        <translation>%1：这里只是占位值，实际值随后通过单独的命令发送（它放不进 AT+MQTTUSERCFG 的 256 字节命令行或 64 字节的用户名/密码，或表单要求这样做）。</translation>
    </message>
    <message>
        <source>Clears the module&apos;s ALPN list.</source>
        <translation>清除模块的 ALPN 列表。</translation>
    </message>
    <message>
        <source>MQTT: AT+SYSLOG=1 first, so that a failure carries its ERR CODE (0x60xx) and is shown in words.</source>
        <translation>MQTT：先发送 AT+SYSLOG=1，使失败附带 ERR CODE（0x60xx）并以文字说明。</translation>
    </message>
    <message>
        <source>Configure and connect to the MQTT broker</source>
        <translation>配置并连接 MQTT 代理</translation>
    </message>
</context>
<context>
    <name>atb::NetApi</name>
    <message>
        <source>ping %1</source>
        <translation>ping %1</translation>
    </message>
    <message>
        <source>look up %1</source>
        <translation>解析 %1</translation>
    </message>
    <message>
        <source>read the module&apos;s time</source>
        <translation>读取模块时间</translation>
    </message>
    <message>
        <source>set SNTP</source>
        <translation>设置 SNTP</translation>
    </message>
    <message>
        <source>set DNS</source>
        <translation>设置 DNS</translation>
    </message>
</context>
<context>
    <name>atb::NetService</name>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>%1/%2 replies, average %3 ticks</source>
        <translation>%1/%2 次应答，平均 %3 个节拍</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 毫秒</translation>
    </message>
    <message>
        <source>At most three DNS servers can be set.</source>
        <translation>最多可设置三个 DNS 服务器。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an IPv4 address (four numbers 0-255, like 8.8.8.8).</source>
        <translation>“%1”不是 IPv4 地址（四个 0-255 的数字，例如 8.8.8.8）。</translation>
    </message>
    <message>
        <source>%1 is already in the list; the servers must differ.</source>
        <translation>%1 已在列表中；服务器不能重复。</translation>
    </message>
    <message>
        <source>The time zone is a whole number of hours from -12 to 14, or [+|-]hhmm such as 530 for UTC+05:30.</source>
        <translation>时区为 -12 到 14 之间的整数小时，或 [+|-]hhmm 格式，例如 530 表示 UTC+05:30。</translation>
    </message>
    <message>
        <source>The time zone is a whole number of hours from -12 to 12.</source>
        <translation>时区为 -12 到 12 之间的整数小时。</translation>
    </message>
    <message>
        <source>This module takes whole hours only (-12 to 12).</source>
        <translation>此模块只支持整数小时（-12 到 12）。</translation>
    </message>
    <message>
        <source>%1 is not a UTC offset: use [+|-]hhmm between -1200 and +1400 with minutes 00, 15, 30 or 45.</source>
        <translation>%1 不是 UTC 偏移：请使用 -1200 到 +1400 之间的 [+|-]hhmm，分钟为 00、15、30 或 45。</translation>
    </message>
    <message>
        <source>At most three SNTP servers can be set.</source>
        <translation>最多可设置三个 SNTP 服务器。</translation>
    </message>
    <message>
        <source>Enter at least one SNTP server.</source>
        <translation>请至少输入一个 SNTP 服务器。</translation>
    </message>
    <message>
        <source>Set DNS and SNTP</source>
        <translation>设置 DNS 和 SNTP</translation>
    </message>
    <message>
        <source>Set DNS servers</source>
        <translation>设置 DNS 服务器</translation>
    </message>
    <message>
        <source>Set SNTP</source>
        <translation>设置 SNTP</translation>
    </message>
    <message>
        <source>Read DNS and SNTP</source>
        <translation>读取 DNS 和 SNTP</translation>
    </message>
    <message>
        <source>Read the module&apos;s time</source>
        <translation>读取模块时间</translation>
    </message>
    <message>
        <source>Enter a domain name to look up.</source>
        <translation>请输入要解析的域名。</translation>
    </message>
    <message>
        <source>Look up %1</source>
        <translation>解析 %1</translation>
    </message>
    <message>
        <source>Enter a host name or IPv4 address to ping.</source>
        <translation>请输入要 ping 的主机名或 IPv4 地址。</translation>
    </message>
    <message>
        <source>Ping %1</source>
        <translation>Ping %1</translation>
    </message>
    <message>
        <source>%1: done.</source>
        <translation>%1：完成。</translation>
    </message>
    <message>
        <source>DNS and SNTP settings read from the module.</source>
        <translation>已从模块读取 DNS 和 SNTP 设置。</translation>
    </message>
    <message>
        <source>SNTP settings read; this firmware cannot report its DNS servers (it has no AT+CIPDNS? query).</source>
        <translation>已读取 SNTP 设置；此固件无法报告其 DNS 服务器（没有 AT+CIPDNS? 查询）。</translation>
    </message>
    <message>
        <source>Module time: %1</source>
        <translation>模块时间：%1</translation>
    </message>
    <message>
        <source>the module&apos;s reply holds no address</source>
        <translation>模块应答中没有地址</translation>
    </message>
    <message>
        <source>the name could not be resolved</source>
        <translation>无法解析该域名</translation>
    </message>
    <message>
        <source>no answer from the module (it prints nothing when a name cannot be resolved)</source>
        <translation>模块无应答（域名无法解析时模块不输出任何内容）</translation>
    </message>
    <message>
        <source>%1 is %2</source>
        <translation>%1 为 %2</translation>
    </message>
    <message>
        <source>Could not resolve %1: %2</source>
        <translation>无法解析 %1：%2</translation>
    </message>
    <message>
        <source>unknown host</source>
        <translation>未知主机</translation>
    </message>
    <message>
        <source>no answer from the module</source>
        <translation>模块无应答</translation>
    </message>
    <message>
        <source>not sent</source>
        <translation>未发送</translation>
    </message>
    <message>
        <source>Ping %1: %2</source>
        <translation>Ping %1：%2</translation>
    </message>
    <message>
        <source>no answer (TIMEOUT: the host did not reply or the name could not be resolved)</source>
        <translation>无应答（TIMEOUT：主机未响应或域名无法解析）</translation>
    </message>
    <message>
        <source>Ping %1 failed: %2</source>
        <translation>Ping %1 失败：%2</translation>
    </message>
    <message>
        <source>Manual with no server: the module uses 208.67.222.222 (seed 000).</source>
        <translation>手动但不填服务器：模块使用 208.67.222.222（种子文档 000）。</translation>
    </message>
    <message>
        <source>Seed 000 documents AT+CIPDNS=1 alone (208.67.222.222), but the Beken SDK source answers ERROR to it (protocol.md 5.4): give a server if the module refuses.</source>
        <translation>种子文档 000 记载了单独的 AT+CIPDNS=1（208.67.222.222），但 Beken SDK 源码对此回复 ERROR（protocol.md 5.4）：如果模块拒绝，请填写服务器。</translation>
    </message>
</context>
<context>
    <name>atb::PcApi</name>
    <message>
        <source>start the PC&apos;s echo server</source>
        <translation>启动电脑端回显服务器</translation>
    </message>
    <message>
        <source>start the PC&apos;s SNTP server</source>
        <translation>启动电脑端 SNTP 服务器</translation>
    </message>
</context>
<context>
    <name>atb::PipeTransport</name>
    <message>
        <source>Write on a closed pipe</source>
        <translation>写入已关闭的管道</translation>
    </message>
    <message>
        <source>%1: link lost</source>
        <translation>%1：连接断开</translation>
    </message>
</context>
<context>
    <name>atb::PortSpec</name>
    <message>
        <source>No port given: name a serial device (/dev/ttyUSB0), tcp:HOST:PORT or sim:esp.</source>
        <translation>未指定端口：请给出串口设备（/dev/ttyUSB0）、tcp:HOST:PORT 或 sim:esp。</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not tcp:HOST:PORT (a port from 1 to 65535; IPv6 hosts in brackets: tcp:[::1]:7000).</source>
        <translation>“%1”不是 tcp:HOST:PORT 格式（端口为 1 到 65535；IPv6 主机需加方括号：tcp:[::1]:7000）。</translation>
    </message>
    <message>
        <source>&apos;%1&apos; names no simulated module: use sim:esp or sim:beken.</source>
        <translation>“%1”不是模拟模块：请使用 sim:esp 或 sim:beken。</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a port: name a serial device (/dev/ttyUSB0), tcp:HOST:PORT or sim:esp.</source>
        <translation>“%1”不是端口：请给出串口设备（/dev/ttyUSB0）、tcp:HOST:PORT 或 sim:esp。</translation>
    </message>
</context>
<context>
    <name>atb::Profile</name>
    <message>
        <source>is required to join a network</source>
        <translation>连接网络时为必填项</translation>
    </message>
    <message>
        <source>is required to join a network: a secret reference, or &quot;&quot; for an open network</source>
        <translation>连接网络时为必填项：密钥引用，开放网络为 &quot;&quot;</translation>
    </message>
    <message>
        <source>joining a network needs &quot;station&quot; or &quot;station+softap&quot;</source>
        <translation>连接网络需要 &quot;station&quot; 或 &quot;station+softap&quot;</translation>
    </message>
    <message>
        <source>only with &quot;join&quot;: true (the profile says the module joins no network)</source>
        <translation>仅在 &quot;join&quot;: true 时使用（该配置文件规定模块不连接任何网络）</translation>
    </message>
    <message>
        <source>is required with &quot;automatic&quot;: false (1 to 3 addresses)</source>
        <translation>&quot;automatic&quot;: false 时为必填项（1 到 3 个地址）</translation>
    </message>
    <message>
        <source>only with &quot;automatic&quot;: false</source>
        <translation>仅在 &quot;automatic&quot;: false 时使用</translation>
    </message>
    <message>
        <source>is required when SNTP is enabled</source>
        <translation>启用 SNTP 时为必填项</translation>
    </message>
    <message>
        <source>is required when SNTP is enabled (1 to 3 servers)</source>
        <translation>启用 SNTP 时为必填项（1 到 3 个服务器）</translation>
    </message>
    <message>
        <source>is required to connect</source>
        <translation>连接时为必填项</translation>
    </message>
    <message>
        <source>need &quot;connect&quot;: true</source>
        <translation>需要 &quot;connect&quot;: true</translation>
    </message>
    <message>
        <source>is already in the list</source>
        <translation>已在列表中</translation>
    </message>
    <message>
        <source>an MQTT loop-back needs the &quot;mqtt&quot; section with a broker to connect to</source>
        <translation>MQTT 回环检查需要带有可连接代理的 &quot;mqtt&quot; 部分</translation>
    </message>
    <message>
        <source>reading the SNTP time needs the &quot;sntp&quot; section with SNTP enabled</source>
        <translation>读取 SNTP 时间需要启用 SNTP 的 &quot;sntp&quot; 部分</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>not valid JSON at line %1, column %2: %3</source>
        <translation>第 %1 行第 %2 列不是有效的 JSON：%3</translation>
    </message>
    <message>
        <source>a profile is a JSON object {...}</source>
        <translation>配置文件是一个 JSON 对象 {...}</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
</context>
<context>
    <name>atb::ProfilePlanner</name>
    <message>
        <source>not sent: %1</source>
        <translation>未发送：%1</translation>
    </message>
    <message>
        <source>Nothing to send: the module already matches the profile.</source>
        <translation>无需发送：模块已与配置文件一致。</translation>
    </message>
    <message>
        <source>Then the read-back, and the checks:</source>
        <translation>随后回读，并进行检查：</translation>
    </message>
    <message>
        <source>the secret &quot;%1&quot; was not given (--secret, a secrets file, the keychain or the prompt)</source>
        <translation>未提供密钥“%1”（--secret、密钥文件、钥匙串或提示输入）</translation>
    </message>
    <message>
        <source>Store settings in flash: %1</source>
        <translation>将设置保存到 flash：%1</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Leave any network</source>
        <translation>断开任何网络</translation>
    </message>
    <message>
        <source>Join %1</source>
        <translation>连接 %1</translation>
    </message>
    <message>
        <source>Wi-Fi mode %1</source>
        <translation>Wi-Fi 模式 %1</translation>
    </message>
    <message>
        <source>Connection modes</source>
        <translation>连接模式</translation>
    </message>
    <message>
        <source>DNS automatic</source>
        <translation>DNS 自动</translation>
    </message>
    <message>
        <source>DNS servers</source>
        <translation>DNS 服务器</translation>
    </message>
    <message>
        <source>SNTP</source>
        <translation>SNTP</translation>
    </message>
    <message>
        <source>SNTP off</source>
        <translation>关闭 SNTP</translation>
    </message>
    <message>
        <source>TLS PSK</source>
        <translation>TLS PSK</translation>
    </message>
    <message>
        <source>Release the MQTT client</source>
        <translation>释放 MQTT 客户端</translation>
    </message>
    <message>
        <source>MQTT client %1</source>
        <translation>MQTT 客户端 %1</translation>
    </message>
    <message>
        <source>Connect to %1:%2</source>
        <translation>连接到 %1:%2</translation>
    </message>
    <message>
        <source>Unsubscribe %1</source>
        <translation>取消订阅 %1</translation>
    </message>
    <message>
        <source>Subscribe %1</source>
        <translation>订阅 %1</translation>
    </message>
    <message>
        <source>Ping %1</source>
        <translation>Ping %1</translation>
    </message>
    <message>
        <source>Resolve %1</source>
        <translation>解析 %1</translation>
    </message>
    <message>
        <source>Read the SNTP time</source>
        <translation>读取 SNTP 时间</translation>
    </message>
    <message>
        <source>MQTT message through %1 and back</source>
        <translation>MQTT 消息经 %1 往返</translation>
    </message>
</context>
<context>
    <name>atb::ProfileReader</name>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>No session</source>
        <translation>没有会话</translation>
    </message>
    <message>
        <source>%1 got no answer: %2</source>
        <translation>%1 无应答：%2</translation>
    </message>
</context>
<context>
    <name>atb::ProfileRunner</name>
    <message numerus="yes">
        <source>the message did not come back within %n s</source>
        <translation>
            <numerusform>消息在 %n 秒内未返回</numerusform>
        </translation>
    </message>
    <message>
        <source>read</source>
        <translation>读取</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>The module restarted during &quot;%1&quot; (it printed ready).</source>
        <translation>模块在“%1”期间重启（输出了 ready）。</translation>
    </message>
    <message>
        <source>came back after %1 ms</source>
        <translation>%1 毫秒后返回</translation>
    </message>
    <message>
        <source>The link to the module went away during &quot;%1&quot;.</source>
        <translation>在“%1”期间与模块的连接断开。</translation>
    </message>
    <message>
        <source>Could not read the module: %1</source>
        <translation>无法读取模块：%1</translation>
    </message>
    <message>
        <source>The profile is written for %1 but this module speaks %2: nothing was sent.</source>
        <translation>该配置文件适用于 %1，但此模块使用 %2：未发送任何内容。</translation>
    </message>
    <message numerus="yes">
        <source>%n field(s) differ</source>
        <translation>
            <numerusform>%n 个字段不一致</numerusform>
        </translation>
    </message>
    <message>
        <source>Refused, nothing was sent: %1</source>
        <translation>已拒绝，未发送任何内容：%1</translation>
    </message>
    <message>
        <source>read back</source>
        <translation>回读</translation>
    </message>
    <message>
        <source>the link went away</source>
        <translation>连接已断开</translation>
    </message>
    <message>
        <source>The module restarted during the apply; rerun with only changes to resume from what it reports.</source>
        <translation>模块在应用期间重启；请以“仅发送差异”重新运行，从其报告的状态继续。</translation>
    </message>
    <message>
        <source>The link to the module went away; rerun to resume from what it reports.</source>
        <translation>与模块的连接已断开；请重新运行，从其报告的状态继续。</translation>
    </message>
    <message>
        <source>Could not read the module back: %1</source>
        <translation>无法回读模块：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n field(s) not as the profile says</source>
        <translation>
            <numerusform>%n 个字段与配置文件不符</numerusform>
        </translation>
    </message>
    <message>
        <source>not sent: an earlier step failed</source>
        <translation>未发送：之前的步骤失败</translation>
    </message>
    <message>
        <source>the module accepted the command but reports another value</source>
        <translation>模块接受了命令，但报告的是另一个值</translation>
    </message>
    <message>
        <source>changed during the run (it matched before)</source>
        <translation>运行期间发生变化（之前是一致的）</translation>
    </message>
    <message>
        <source>set in this run; the module joined %1 with it</source>
        <translation>本次运行已设置；模块已用它连接 %1</translation>
    </message>
    <message>
        <source>left as it was; the module is joined to %1</source>
        <translation>保持不变；模块已连接 %1</translation>
    </message>
    <message>
        <source>set in this run and accepted (OK); the firmware cannot report it</source>
        <translation>本次运行已设置并被接受（OK）；固件无法报告该值</translation>
    </message>
    <message>
        <source>left as it was (what the module reports matches); the firmware cannot report it</source>
        <translation>保持不变（模块报告的内容一致）；固件无法报告该值</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>The module restarted during the checks.</source>
        <translation>模块在检查期间重启。</translation>
    </message>
    <message>
        <source>answered</source>
        <translation>已应答</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 毫秒</translation>
    </message>
    <message>
        <source>the module&apos;s reply holds no address</source>
        <translation>模块应答中没有地址</translation>
    </message>
    <message>
        <source>resolved to %1, expected %2</source>
        <translation>解析为 %1，期望 %2</translation>
    </message>
    <message numerus="yes">
        <source>not synchronised after %n s (%1)</source>
        <translation>
            <numerusform>%n 秒后仍未同步（%1）</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (offset %2 s)</source>
        <translation>%1（偏差 %2 秒）</translation>
    </message>
    <message>
        <source>done</source>
        <translation>完成</translation>
    </message>
</context>
<context>
    <name>atb::Recipe</name>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>No recipe &quot;%1&quot;: not a file, nor a shipped recipe (%2) nor one in %3</source>
        <translation>没有配方“%1”：它不是文件，不是内置配方（%2），也不在 %3 中</translation>
    </message>
</context>
<context>
    <name>atb::RecipeApi</name>
    <message>
        <source>at(line, options): line must be a command such as &quot;AT+GMR&quot;.</source>
        <translation>at(line, options)：line 必须是命令，例如 &quot;AT+GMR&quot;。</translation>
    </message>
    <message>
        <source>at(): %1 has no data phase; &quot;data&quot; is for commands such as AT+CIPSEND=&lt;n&gt;.</source>
        <translation>at()：%1 没有数据阶段；&quot;data&quot; 用于 AT+CIPSEND=&lt;n&gt; 之类的命令。</translation>
    </message>
    <message>
        <source>%1: the reply has no %2</source>
        <translation>%1：应答中没有 %2</translation>
    </message>
    <message numerus="yes">
        <source>data phase: %n byte(s)</source>
        <translation>
            <numerusform>数据阶段：%n 字节</numerusform>
        </translation>
    </message>
    <message>
        <source>expect(pattern, timeout): pattern must be a string or a /regular expression/.</source>
        <translation>expect(pattern, timeout)：pattern 必须是字符串或 /正则表达式/。</translation>
    </message>
    <message>
        <source>expect %1 (%2 s)</source>
        <translation>等待 %1（%2 秒）</translation>
    </message>
    <message>
        <source>sleep %1 ms</source>
        <translation>暂停 %1 毫秒</translation>
    </message>
    <message>
        <source>Required check &quot;%1&quot; failed; the recipe stops here.</source>
        <translation>必需检查“%1”失败；配方在此停止。</translation>
    </message>
    <message>
        <source>step(name, function, options): the second argument must be a function.</source>
        <translation>step(name, function, options)：第二个参数必须是函数。</translation>
    </message>
    <message>
        <source>ask: %1 -&gt; %2</source>
        <translation>提问：%1 -&gt; %2</translation>
    </message>
    <message>
        <source>ask(&quot;%1&quot;) has no answer: give one with --answer TEXT.</source>
        <translation>ask(&quot;%1&quot;) 没有回答：请用 --answer TEXT 提供。</translation>
    </message>
    <message>
        <source>waiting for an answer: %1</source>
        <translation>等待回答：%1</translation>
    </message>
    <message>
        <source>ask(&quot;%1&quot;) was not answered within %2 s.</source>
        <translation>ask(&quot;%1&quot;) 在 %2 秒内未得到回答。</translation>
    </message>
    <message>
        <source>param(&quot;%1&quot;): the recipe declares no such parameter (// @param %1 ...) and gives no fallback.</source>
        <translation>param(&quot;%1&quot;)：配方没有声明此参数（// @param %1 ...），也没有给出后备值。</translation>
    </message>
    <message>
        <source>fromHex(): %1</source>
        <translation>fromHex()：%1</translation>
    </message>
</context>
<context>
    <name>atb::RecipeBridge</name>
    <message>
        <source>No module session.</source>
        <translation>没有模块会话。</translation>
    </message>
    <message>
        <source>The command that asked for data has ended; nothing was sent.</source>
        <translation>请求数据的命令已结束；未发送任何内容。</translation>
    </message>
    <message>
        <source>Nothing waits for data: use at() with a command that has a data phase (AT+CIPSEND=...), or enter passthrough, first.</source>
        <translation>没有等待数据的命令：请先用 at() 发送带数据阶段的命令（AT+CIPSEND=...），或先进入透传。</translation>
    </message>
    <message>
        <source>This service is not available here.</source>
        <translation>此服务在这里不可用。</translation>
    </message>
    <message>
        <source>Not in passthrough.</source>
        <translation>未处于透传模式。</translation>
    </message>
    <message>
        <source>Left passthrough.</source>
        <translation>已退出透传。</translation>
    </message>
    <message>
        <source>The link was lost.</source>
        <translation>链路已断开。</translation>
    </message>
    <message>
        <source>Unknown throughput mode &quot;%1&quot; (send, send-passthrough, receive, receive-passthrough, echo).</source>
        <translation>未知的吞吐量模式“%1”（send、send-passthrough、receive、receive-passthrough、echo）。</translation>
    </message>
</context>
<context>
    <name>atb::RecipeResult</name>
    <message>
        <source>PASS</source>
        <translation>通过</translation>
    </message>
    <message>
        <source>FAIL</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>ERROR</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>TIME LIMIT</source>
        <translation>超时</translation>
    </message>
    <message>
        <source>STOPPED</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>NO MODULE</source>
        <translation>无模块</translation>
    </message>
</context>
<context>
    <name>atb::RecipeRunner</name>
    <message>
        <source>Stopped.</source>
        <translation>已停止。</translation>
    </message>
    <message>
        <source>Stopped by the user.</source>
        <translation>已被用户停止。</translation>
    </message>
</context>
<context>
    <name>atb::ReportPublishSettings</name>
    <message>
        <source>&apos;%1&apos; is not mqtt://HOST[:PORT]/TOPIC</source>
        <translation>“%1”不是 mqtt://主机[:端口]/主题</translation>
    </message>
    <message>
        <source>&apos;%1&apos;: a user name or password in the address is not supported</source>
        <translation>“%1”：地址中不支持用户名或密码</translation>
    </message>
    <message>
        <source>&apos;%1&apos;: the port must be 1 to 65535</source>
        <translation>“%1”：端口必须为 1 到 65535</translation>
    </message>
    <message>
        <source>&apos;%1&apos;: give a topic without wildcards after the broker, e.g. mqtt://%2/line3/${MAC}</source>
        <translation>“%1”：请在代理后给出不含通配符的主题，例如 mqtt://%2/line3/${MAC}</translation>
    </message>
</context>
<context>
    <name>atb::ReportPublisher</name>
    <message>
        <source>the MQTT client could not be created for %1</source>
        <translation>无法为 %1 创建 MQTT 客户端</translation>
    </message>
    <message>
        <source>cannot connect to %1</source>
        <translation>无法连接到 %1</translation>
    </message>
    <message>
        <source>broker %1:%2: %3</source>
        <translation>代理 %1:%2：%3</translation>
    </message>
    <message>
        <source>the broker connection was lost</source>
        <translation>与代理的连接已断开</translation>
    </message>
    <message>
        <source>the MQTT client refused the message</source>
        <translation>MQTT 客户端拒绝了该消息</translation>
    </message>
</context>
<context>
    <name>atb::RunControl</name>
    <message>
        <source>The recipe ran into its time limit of %1 s.</source>
        <translation>配方达到了 %1 秒的时限。</translation>
    </message>
    <message>
        <source>Step &quot;%1&quot; ran into its time limit of %2 s.</source>
        <translation>步骤“%1”达到了 %2 秒的时限。</translation>
    </message>
</context>
<context>
    <name>atb::SecretResolver</name>
    <message>
        <source>--secret needs NAME=VALUE with a name of letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;</source>
        <translation>--secret 需要 NAME=VALUE 形式，名称由字母、数字、&apos;.&apos;、&apos;_&apos; 或 &apos;-&apos; 组成</translation>
    </message>
    <message>
        <source>line %1 is not NAME=VALUE</source>
        <translation>第 %1 行不是 NAME=VALUE 形式</translation>
    </message>
    <message>
        <source>cannot read the secrets file %1: %2</source>
        <translation>无法读取密钥文件 %1：%2</translation>
    </message>
    <message>
        <source>secrets file %1: %2</source>
        <translation>密钥文件 %1：%2</translation>
    </message>
</context>
<context>
    <name>atb::SerialTransport</name>
    <message>
        <source>The port %1 disappeared (the line hung up: adapter unplugged or device gone)</source>
        <translation>端口 %1 已消失（线路挂断：适配器已拔出或设备不存在）</translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>无法打开 %1：%2</translation>
    </message>
    <message>
        <source>Write on a closed port</source>
        <translation>写入已关闭的端口</translation>
    </message>
    <message>
        <source>The port %1 disappeared (adapter unplugged or device gone): %2</source>
        <translation>端口 %1 已消失（适配器已拔出或设备不存在）：%2</translation>
    </message>
    <message>
        <source>Port %1: %2</source>
        <translation>端口 %1：%2</translation>
    </message>
</context>
<context>
    <name>atb::SntpResponder</name>
    <message>
        <source>The PC&apos;s SNTP server cannot listen on %1:%2: %3</source>
        <translation>电脑端 SNTP 服务器无法在 %1:%2 上监听：%3</translation>
    </message>
</context>
<context>
    <name>atb::SoftApService</name>
    <message>
        <source>Seed 000 (Beken) has no SoftAP commands (AT+CWSAP).</source>
        <translation>种子文档 000（Beken）没有 SoftAP 命令（AT+CWSAP）。</translation>
    </message>
    <message>
        <source>Then AT+CWSAP?, AT+CIPAP?, AT+CWDHCPS? and AT+CWLIF if the SoftAP is on.</source>
        <translation>SoftAP 开启时，随后发送 AT+CWSAP?、AT+CIPAP?、AT+CWDHCPS? 和 AT+CWLIF。</translation>
    </message>
    <message>
        <source>Enter the SoftAP&apos;s network name (SSID).</source>
        <translation>请输入 SoftAP 的网络名称（SSID）。</translation>
    </message>
    <message>
        <source>An open network has no password: clear it, or choose WPA2.</source>
        <translation>开放网络没有密码：请清空密码，或选择 WPA2。</translation>
    </message>
    <message>
        <source>The password must be 8 to 64 bytes (%1 now).</source>
        <translation>密码必须为 8 到 64 字节（当前 %1）。</translation>
    </message>
    <message>
        <source>Turns the SoftAP on and keeps the station (SoftAP + station).</source>
        <translation>打开 SoftAP 并保留 station（SoftAP + station）。</translation>
    </message>
    <message>
        <source>Turns the SoftAP on.</source>
        <translation>打开 SoftAP。</translation>
    </message>
    <message>
        <source>Hidden: stations must know the SSID to join.</source>
        <translation>隐藏：station 必须知道 SSID 才能加入。</translation>
    </message>
    <message>
        <source>The SoftAP is off (Wi-Fi mode %1): set its network first, which turns it on.</source>
        <translation>SoftAP 已关闭（Wi-Fi 模式 %1）：请先设置其网络，这会打开它。</translation>
    </message>
    <message>
        <source>Enter the SoftAP&apos;s IPv4 address, e.g. 192.168.4.1</source>
        <translation>请输入 SoftAP 的 IPv4 地址，例如 192.168.4.1</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid IPv4 address</source>
        <translation>“%1”不是有效的 IPv4 地址</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a netmask (ones, then zeros: 255.255.255.0)</source>
        <translation>“%1”不是子网掩码（先是 1 再是 0：255.255.255.0）</translation>
    </message>
    <message>
        <source>A netmask goes with a gateway (AT+CIPAP takes them in that order)</source>
        <translation>子网掩码需要同时填写网关（AT+CIPAP 按此顺序接收）</translation>
    </message>
    <message>
        <source>The DHCP server gives out the firmware&apos;s default range.</source>
        <translation>DHCP 服务器分配固件的默认范围。</translation>
    </message>
    <message>
        <source>The first address must be in the SoftAP&apos;s network (%1/%2)</source>
        <translation>起始地址必须在 SoftAP 的网络内（%1/%2）</translation>
    </message>
    <message>
        <source>The last address must be in the SoftAP&apos;s network (%1/%2)</source>
        <translation>结束地址必须在 SoftAP 的网络内（%1/%2）</translation>
    </message>
    <message>
        <source>The range ends before it starts</source>
        <translation>范围的结束地址早于起始地址</translation>
    </message>
    <message>
        <source>Disconnects every station.</source>
        <translation>断开所有 station。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a MAC address (xx:xx:xx:xx:xx:xx)</source>
        <translation>“%1”不是 MAC 地址（xx:xx:xx:xx:xx:xx）</translation>
    </message>
    <message>
        <source>Read the SoftAP</source>
        <translation>读取 SoftAP</translation>
    </message>
    <message>
        <source>Set the SoftAP</source>
        <translation>设置 SoftAP</translation>
    </message>
    <message>
        <source>Set the SoftAP&apos;s address</source>
        <translation>设置 SoftAP 的地址</translation>
    </message>
    <message>
        <source>List the stations</source>
        <translation>列出 station</translation>
    </message>
    <message>
        <source>Disconnect every station</source>
        <translation>断开所有 station</translation>
    </message>
    <message>
        <source>Disconnect %1</source>
        <translation>断开 %1</translation>
    </message>
    <message numerus="yes">
        <source>SoftAP read: %n station(s) connected.</source>
        <translation>
            <numerusform>已读取 SoftAP：已连接 %n 个 station。</numerusform>
        </translation>
    </message>
    <message>
        <source>The SoftAP is off (Wi-Fi mode %1).</source>
        <translation>SoftAP 已关闭（Wi-Fi 模式 %1）。</translation>
    </message>
    <message>
        <source>SoftAP &quot;%1&quot; set.</source>
        <translation>已设置 SoftAP“%1”。</translation>
    </message>
    <message>
        <source>SoftAP address %1 set.</source>
        <translation>已设置 SoftAP 地址 %1。</translation>
    </message>
    <message numerus="yes">
        <source>%n station(s) connected.</source>
        <translation>
            <numerusform>已连接 %n 个 station。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>atb::Station</name>
    <message>
        <source>waiting</source>
        <translation>等待中</translation>
    </message>
    <message>
        <source>opening</source>
        <translation>正在打开</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>The adapter was removed: %1</source>
        <translation>适配器已拔出：%1</translation>
    </message>
    <message>
        <source>done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>The report of module %1 was not published to %2: %3</source>
        <translation>模块 %1 的报告未能发布到 %2：%3</translation>
    </message>
    <message>
        <source>%1 would contain a secret; not written</source>
        <translation>%1 将包含密钥；未写入</translation>
    </message>
    <message>
        <source>cannot write %1</source>
        <translation>无法写入 %1</translation>
    </message>
    <message>
        <source>adapter removed</source>
        <translation>适配器已拔出</translation>
    </message>
    <message>
        <source>The adapter was removed while the port was opening.</source>
        <translation>打开端口时适配器已拔出。</translation>
    </message>
</context>
<context>
    <name>atb::SystemService</name>
    <message>
        <source>From now on Wi-Fi, MQTT and TCP/IP settings are saved to flash and survive a restart.</source>
        <translation>从现在起 Wi-Fi、MQTT 和 TCP/IP 设置会保存到 flash，重启后仍然保留。</translation>
    </message>
    <message>
        <source>From now on settings are kept until the next restart only (flash is spared).</source>
        <translation>从现在起设置只保持到下次重启（不写 flash）。</translation>
    </message>
    <message>
        <source>Only ESP-AT has AT+SYSLOG</source>
        <translation>只有 ESP-AT 有 AT+SYSLOG</translation>
    </message>
    <message>
        <source>Failures then carry ERR CODE lines, decoded into words.</source>
        <translation>失败时会附带 ERR CODE 行，并解码为文字说明。</translation>
    </message>
    <message>
        <source>Failures are a bare ERROR again: AT Bench cannot say why.</source>
        <translation>失败又只返回 ERROR：AT Bench 无法说明原因。</translation>
    </message>
    <message>
        <source>Nothing to change: the module already has these settings.</source>
        <translation>无需更改：模块已经是这些设置。</translation>
    </message>
    <message>
        <source>The module answers OK, restarts and prints &quot;ready&quot;; links and the MQTT connection drop.</source>
        <translation>模块回复 OK 后重启并输出“ready”；链路和 MQTT 连接会断开。</translation>
    </message>
    <message>
        <source>Erases every saved setting (Wi-Fi network and password, MQTT, UART, SoftAP) and restarts.</source>
        <translation>清除所有已保存的设置（Wi-Fi 网络和密码、MQTT、UART、SoftAP）并重启。</translation>
    </message>
    <message>
        <source>Read the module</source>
        <translation>读取模块</translation>
    </message>
    <message>
        <source>Module settings</source>
        <translation>模块设置</translation>
    </message>
    <message>
        <source>Restart the module</source>
        <translation>重启模块</translation>
    </message>
    <message>
        <source>Restore factory settings</source>
        <translation>恢复出厂设置</translation>
    </message>
    <message>
        <source>Module read.</source>
        <translation>已读取模块。</translation>
    </message>
    <message>
        <source>Module settings applied.</source>
        <translation>已应用模块设置。</translation>
    </message>
    <message>
        <source>The module restarts; it prints &quot;ready&quot; when it is back.</source>
        <translation>模块正在重启；恢复后会输出“ready”。</translation>
    </message>
    <message>
        <source>Factory settings restored; the module restarts.</source>
        <translation>已恢复出厂设置；模块正在重启。</translation>
    </message>
</context>
<context>
    <name>atb::TcpTransport</name>
    <message>
        <source>The bridge %1:%2 closed the connection</source>
        <translation>桥接 %1:%2 关闭了连接</translation>
    </message>
    <message>
        <source>TCP bridge %1:%2: %3</source>
        <translation>TCP 桥接 %1:%2：%3</translation>
    </message>
    <message>
        <source>Write on a closed connection</source>
        <translation>写入已关闭的连接</translation>
    </message>
</context>
<context>
    <name>atb::ThroughputApi</name>
    <message>
        <source>throughput run (%1)</source>
        <translation>吞吐量测试（%1）</translation>
    </message>
</context>
<context>
    <name>atb::ThroughputLab</name>
    <message>
        <source>Send (normal mode)</source>
        <translation>发送（普通模式）</translation>
    </message>
    <message>
        <source>Send (passthrough)</source>
        <translation>发送（透传）</translation>
    </message>
    <message>
        <source>Receive (+IPD)</source>
        <translation>接收（+IPD）</translation>
    </message>
    <message>
        <source>Receive (passthrough)</source>
        <translation>接收（透传）</translation>
    </message>
    <message>
        <source>Echo round trip</source>
        <translation>回显往返</translation>
    </message>
    <message>
        <source>The peer address must be an IPv4 address of this computer</source>
        <translation>对端地址必须是本机的 IPv4 地址</translation>
    </message>
    <message>
        <source>The duration must be between 0.5 s and 1 h</source>
        <translation>持续时间必须在 0.5 秒到 1 小时之间</translation>
    </message>
    <message>
        <source>The baud rate must be positive</source>
        <translation>波特率必须为正数</translation>
    </message>
    <message>
        <source>The lab runs passthrough with ESP-AT only; use a normal-mode run on Beken</source>
        <translation>吞吐测试的透传仅支持 ESP-AT；Beken 请使用普通模式测试</translation>
    </message>
    <message>
        <source>Throughput lab setup</source>
        <translation>吞吐测试准备</translation>
    </message>
    <message>
        <source>Read connection settings</source>
        <translation>读取连接设置</translation>
    </message>
    <message>
        <source>The PC-side peer cannot listen on %1:%2: %3</source>
        <translation>PC 端对端无法在 %1:%2 上监听：%3</translation>
    </message>
    <message>
        <source>The PC-side peer cannot bind %1:%2: %3</source>
        <translation>PC 端对端无法绑定 %1:%2：%3</translation>
    </message>
    <message>
        <source>Stopped before the module connected</source>
        <translation>模块连接前已停止</translation>
    </message>
    <message>
        <source>The link to the module was lost</source>
        <translation>与模块的连接已断开</translation>
    </message>
    <message>
        <source>The module left passthrough during the run</source>
        <translation>测试过程中模块退出了透传</translation>
    </message>
    <message>
        <source>Throughput lab teardown</source>
        <translation>吞吐测试清理</translation>
    </message>
    <message>
        <source>The run failed</source>
        <translation>测试失败</translation>
    </message>
    <message>
        <source>%1: %2, %3 % of the line rate</source>
        <translation>%1：%2，为线路速率的 %3 %</translation>
    </message>
    <message>
        <source> (%1 % of the stop-and-wait model)</source>
        <translation> （为停等模型的 %1 %）</translation>
    </message>
    <message>
        <source>; no loss.</source>
        <translation>；无丢失。</translation>
    </message>
    <message>
        <source>; %1 lost, %2 damaged, %3 integrity errors.</source>
        <translation>；丢失 %1，损坏 %2，完整性错误 %3。</translation>
    </message>
    <message>
        <source>Idle</source>
        <translation>空闲</translation>
    </message>
    <message>
        <source>Connecting the module to the peer</source>
        <translation>正在将模块连接到对端</translation>
    </message>
    <message>
        <source>Entering passthrough</source>
        <translation>正在进入透传</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>正在运行</translation>
    </message>
    <message>
        <source>Waiting for bytes in flight</source>
        <translation>正在等待传输中的字节</translation>
    </message>
    <message>
        <source>Leaving passthrough</source>
        <translation>正在退出透传</translation>
    </message>
    <message>
        <source>Closing the link</source>
        <translation>正在关闭链路</translation>
    </message>
    <message>
        <source>The lab is busy.</source>
        <translation>测试正在进行。</translation>
    </message>
</context>
<context>
    <name>atb::ThroughputMeter</name>
    <message>
        <source>UART TX</source>
        <translation>UART TX</translation>
    </message>
    <message>
        <source>UART RX</source>
        <translation>UART RX</translation>
    </message>
    <message>
        <source>Link payload TX</source>
        <translation>链路载荷 TX</translation>
    </message>
    <message>
        <source>Link payload RX</source>
        <translation>链路载荷 RX</translation>
    </message>
    <message>
        <source>Passthrough TX</source>
        <translation>透传 TX</translation>
    </message>
    <message>
        <source>Passthrough RX</source>
        <translation>透传 RX</translation>
    </message>
    <message>
        <source>MQTT published</source>
        <translation>MQTT 已发布</translation>
    </message>
    <message>
        <source>MQTT received</source>
        <translation>MQTT 已接收</translation>
    </message>
    <message>
        <source>Network to module</source>
        <translation>网络到模块</translation>
    </message>
    <message>
        <source>Network from module</source>
        <translation>模块到网络</translation>
    </message>
</context>
<context>
    <name>atb::Timeline</name>
    <message>
        <source>Wi-Fi disconnected</source>
        <translation>Wi-Fi 已断开</translation>
    </message>
    <message>
        <source>Joined %1</source>
        <translation>已加入 %1</translation>
    </message>
    <message>
        <source>Got an IP address on %1</source>
        <translation>已在 %1 上获得 IP 地址</translation>
    </message>
    <message>
        <source>Wi-Fi join failed (code %1)</source>
        <translation>Wi-Fi 加入失败（代码 %1）</translation>
    </message>
    <message>
        <source>No IP address</source>
        <translation>无 IP 地址</translation>
    </message>
    <message>
        <source>IP %1</source>
        <translation>IP %1</translation>
    </message>
    <message>
        <source>RSSI %1 dBm</source>
        <translation>RSSI %1 dBm</translation>
    </message>
    <message>
        <source>Link %1 opened</source>
        <translation>链接 %1 已打开</translation>
    </message>
    <message>
        <source>Link %1 opened: %2 %3:%4</source>
        <translation>链接 %1 已打开：%2 %3:%4</translation>
    </message>
    <message>
        <source>Link %1 closed</source>
        <translation>链接 %1 已关闭</translation>
    </message>
    <message>
        <source>MQTT: %1</source>
        <translation>MQTT：%1</translation>
    </message>
    <message>
        <source>%1: busy, answered after %2 attempts</source>
        <translation>%1：忙，尝试 %2 次后应答</translation>
    </message>
    <message>
        <source>The module restarted (ready)</source>
        <translation>模块已重启 (ready)</translation>
    </message>
</context>
<context>
    <name>atb::Trigger</name>
    <message>
        <source>Enter the text (or expression) to watch for.</source>
        <translation>请输入要监视的文本（或表达式）。</translation>
    </message>
    <message>
        <source>Not a valid regular expression: %1</source>
        <translation>不是有效的正则表达式：%1</translation>
    </message>
    <message>
        <source>Enter the AT command to send.</source>
        <translation>请输入要发送的 AT 命令。</translation>
    </message>
    <message>
        <source>Choose the recipe to run.</source>
        <translation>请选择要运行的配方。</translation>
    </message>
</context>
<context>
    <name>atb::WifiApi</name>
    <message>
        <source>wifi.join(ssid, password): ssid must be a non-empty string.</source>
        <translation>wifi.join(ssid, password)：ssid 必须是非空字符串。</translation>
    </message>
    <message>
        <source>Wi-Fi: join %1</source>
        <translation>Wi-Fi：连接 %1</translation>
    </message>
    <message>
        <source>Wi-Fi: disconnect</source>
        <translation>Wi-Fi：断开</translation>
    </message>
    <message>
        <source>Wi-Fi: scan</source>
        <translation>Wi-Fi：扫描</translation>
    </message>
    <message>
        <source>Wi-Fi: read</source>
        <translation>Wi-Fi：读取</translation>
    </message>
    <message>
        <source>not joined (give the ssid and password parameters, or join on the Wi-Fi page)</source>
        <translation>未连接（请提供 ssid 和 password 参数，或在 Wi-Fi 页面连接）</translation>
    </message>
    <message>
        <source>joined, but no IP address yet</source>
        <translation>已连接，但尚未获得 IP 地址</translation>
    </message>
</context>
<context>
    <name>atb::WifiService</name>
    <message>
        <source>open</source>
        <translation>开放</translation>
    </message>
    <message>
        <source>unknown (%1)</source>
        <translation>未知（%1）</translation>
    </message>
    <message>
        <source>Enter the SSID of the network to join.</source>
        <translation>请输入要连接的网络 SSID。</translation>
    </message>
    <message>
        <source>Joining a network needs station mode (station, or SoftAP + station).</source>
        <translation>连接网络需要 station 模式（station 或 SoftAP + station）。</translation>
    </message>
    <message>
        <source>The BSSID must look like 1a:2b:3c:4d:5e:6f (six hexadecimal pairs).</source>
        <translation>BSSID 格式应为 1a:2b:3c:4d:5e:6f（六组十六进制数）。</translation>
    </message>
    <message>
        <source>Set Wi-Fi mode</source>
        <translation>设置 Wi-Fi 模式</translation>
    </message>
    <message>
        <source>Join %1</source>
        <translation>连接 %1</translation>
    </message>
    <message>
        <source>Read Wi-Fi state</source>
        <translation>读取 Wi-Fi 状态</translation>
    </message>
    <message>
        <source>Scan for access points</source>
        <translation>扫描接入点</translation>
    </message>
    <message>
        <source>Disconnect from the access point</source>
        <translation>断开接入点</translation>
    </message>
    <message>
        <source>the module refused to join (it gives no reason)</source>
        <translation>模块拒绝连接（未给出原因）</translation>
    </message>
    <message>
        <source>Could not join %1: %2.</source>
        <translation>无法连接 %1：%2。</translation>
    </message>
    <message>
        <source>Joined the network.</source>
        <translation>已连接到网络。</translation>
    </message>
    <message numerus="yes">
        <source>%n access point(s) found.</source>
        <translation>
            <numerusform>找到 %n 个接入点。</numerusform>
        </translation>
    </message>
    <message>
        <source>Disconnected from the access point.</source>
        <translation>已断开与接入点的连接。</translation>
    </message>
    <message>
        <source>Wi-Fi state read from the module.</source>
        <translation>已从模块读取 Wi-Fi 状态。</translation>
    </message>
    <message>
        <source>Seed 000 (Beken) has no AT+CIPSTA: the address comes from DHCP.</source>
        <translation>种子文档 000（Beken）没有 AT+CIPSTA：地址来自 DHCP。</translation>
    </message>
    <message>
        <source>The station&apos;s DHCP client on again; the fixed address is dropped.</source>
        <translation>重新打开 station 的 DHCP 客户端；放弃固定地址。</translation>
    </message>
    <message>
        <source>Enter the address, e.g. 192.168.1.50</source>
        <translation>请输入地址，例如 192.168.1.50</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid IPv4 address</source>
        <translation>“%1”不是有效的 IPv4 地址</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a netmask (ones, then zeros: 255.255.255.0)</source>
        <translation>“%1”不是子网掩码（先是 1 再是 0：255.255.255.0）</translation>
    </message>
    <message>
        <source>A netmask goes with a gateway (AT+CIPSTA takes them in that order)</source>
        <translation>子网掩码需要同时填写网关（AT+CIPSTA 按此顺序接收）</translation>
    </message>
    <message>
        <source>The gateway %1 is not in the network of %2/%3</source>
        <translation>网关 %1 不在 %2/%3 的网络内</translation>
    </message>
    <message>
        <source>A fixed address turns the station&apos;s DHCP client off.</source>
        <translation>固定地址会关闭 station 的 DHCP 客户端。</translation>
    </message>
    <message>
        <source>Use DHCP</source>
        <translation>使用 DHCP</translation>
    </message>
    <message>
        <source>Set a fixed address</source>
        <translation>设置固定地址</translation>
    </message>
    <message>
        <source>Fixed address %1 set; the station&apos;s DHCP client is off.</source>
        <translation>已设置固定地址 %1；station 的 DHCP 客户端已关闭。</translation>
    </message>
    <message>
        <source>The station takes its address from DHCP again.</source>
        <translation>station 重新通过 DHCP 获取地址。</translation>
    </message>
</context>
<context>
    <name>atb::fieldchecks</name>
    <message>
        <source>the firmware cannot report it</source>
        <translation>固件无法报告该值</translation>
    </message>
    <message>
        <source>not read: %1</source>
        <translation>未读取：%1</translation>
    </message>
</context>
<context>
    <name>atb::placeholders</name>
    <message>
        <source>&quot;${&quot; without a closing &quot;}&quot; (write $${ for a literal ${)</source>
        <translation>&quot;${&quot; 缺少配对的 &quot;}&quot;（字面量 ${ 请写成 $${）</translation>
    </message>
    <message>
        <source>uses ${%1}, but the module did not report its MAC address</source>
        <translation>使用了 ${%1}，但模块没有报告其 MAC 地址</translation>
    </message>
    <message>
        <source>uses ${SERIAL}, but port %1 has no USB serial number</source>
        <translation>使用了 ${SERIAL}，但端口 %1 没有 USB 序列号</translation>
    </message>
    <message>
        <source>unknown placeholder ${%1} (known: %2)</source>
        <translation>未知的占位符 ${%1}（可用：%2）</translation>
    </message>
</context>
</TS>
