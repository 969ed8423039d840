#pragma once

// A stand-in translator for layout checks: every word of the given contexts' strings becomes
// CJK glyphs (about half as many characters, each twice as wide), placeholders, accelerators
// and upper-case names (SSID, AT, DNS, CIPMUX) stay. Enough to see clipping and to exercise
// retranslation without depending on the real .ts file.

#include <QList>
#include <QTranslator>

class PseudoChinese : public QTranslator
{
public:
    explicit PseudoChinese(QList<QByteArray> contexts) : m_contexts(std::move(contexts)) { }
    bool isEmpty() const override { return false; }
    QString translate(const char *context, const char *source, const char *, int) const override
    {
        if (!m_contexts.contains(QByteArray(context)))
            return {};
        static const QString glyphs = QStringLiteral("无线网络连接模式扫描密码加入断开地址网关掩码时间服务器域名解析状态信号发送接收链路端口主机");
        const QString src = QString::fromUtf8(source);
        QString out;
        int g = 0;
        for (qsizetype i = 0; i < src.size();) {
            const QChar c = src.at(i);
            if (c == QLatin1Char('%') && i + 1 < src.size() && (src.at(i + 1).isDigit() || src.at(i + 1) == QLatin1Char('n'))) {
                out += src.mid(i, 2);
                i += 2;
            } else if (c == QLatin1Char('&') && i + 1 < src.size() && src.at(i + 1).isLetter()) {
                out += src.mid(i, 2); // keep the accelerator
                i += 2;
            } else if (c.isLetter()) {
                qsizetype j = i;
                while (j < src.size() && src.at(j).isLetter())
                    ++j;
                const QString word = src.mid(i, j - i);
                if (word == word.toUpper() && word.size() > 1) {
                    out += word;
                } else {
                    for (qsizetype k = 0; k < (word.size() + 1) / 2; ++k)
                        out += glyphs.at(g++ % glyphs.size());
                }
                i = j;
            } else if (c == QLatin1Char(' ')) {
                ++i;
            } else {
                out += c;
                ++i;
            }
        }
        return out;
    }

private:
    QList<QByteArray> m_contexts;
};
