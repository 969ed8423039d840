<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
    <context>
        <name>ConnectionBar</name>
        <message>
            <source>Choose a serial port, a simulated module or a TCP bridge.</source>
            <translation>请选择串口、模拟模块或 TCP 桥接。</translation>
        </message>
        <message>
            <source>The baud rate "%1" is not a number between 50 and 20000000.</source>
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
        <message>
            <source>Simulated module (ESP-AT)</source>
            <translation>模拟模块（ESP-AT）</translation>
        </message>
        <message>
            <source>Simulated module (Beken)</source>
            <translation>模拟模块（Beken）</translation>
        </message>
        <message>
            <source>TCP bridge…</source>
            <translation>TCP 桥接…</translation>
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
            <source>%1 switches the link to passthrough: what you type is then sent as raw data until you press "Leave passthrough".</source>
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
        <message numerus="yes">
            <source>Data phase: type %n byte(s), then Enter.</source>
            <translation>
                <numerusform>数据阶段：请输入 %n 个字节，然后按回车。</numerusform>
            </translation>
        </message>
        <message>
            <source>Data phase: type the data, then Enter.</source>
            <translation>数据阶段：请输入数据，然后按回车。</translation>
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
            <source>Console</source>
            <translation>控制台</translation>
        </message>
        <message>
            <source>Raw AT console and session log</source>
            <translation>原始 AT 控制台和会话日志</translation>
        </message>
        <message>
            <source>Bytes sent to / received from the module</source>
            <translation>发送到模块 / 从模块接收的字节数</translation>
        </message>
        <message>
            <source>First line of the module's AT+GMR answer</source>
            <translation>模块 AT+GMR 应答的第一行</translation>
        </message>
        <message>
            <source>Unknown simulator "%1": use esp or beken.</source>
            <translation>未知的模拟器“%1”：请使用 esp 或 beken。</translation>
        </message>
        <message>
            <source>Invalid --tcp "%1": expected host:port.</source>
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
            <source>Connecting to %1…</source>
            <translation>正在连接 %1…</translation>
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
            <source>Connected to %1</source>
            <translation>已连接到 %1</translation>
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
            <source>No link</source>
            <translation>无连接</translation>
        </message>
        <message>
            <source>TX %1 · RX %2</source>
            <translation>发送 %1 · 接收 %2</translation>
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
            <source>Firmware: unknown</source>
            <translation>固件：未知</translation>
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
    </context>
</TS>
