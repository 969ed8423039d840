#include "mqttpublishform.h"

#include "dialogs/messages.h"
#include "fielderrors.h"
#include "protocol/bytetext.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QStyle>
#include <QVBoxLayout>

using atb::MqttPublishSettings;

namespace {

enum Format { TextFormat, HexFormat, FileFormat };

} // namespace

MqttPublishForm::MqttPublishForm(FieldErrors *errors, Messages *messages, QWidget *parent)
    : QWidget(parent), m_messages(messages)
{
    m_topic = new QLineEdit(this);
    m_topic->setObjectName(QStringLiteral("pubTopicEdit"));
    m_mode = new QComboBox(this);
    m_mode->setObjectName(QStringLiteral("pubModeCombo"));
    m_mode->addItem(QString(), false);
    m_mode->addItem(QString(), true);
    m_format = new QComboBox(this);
    m_format->setObjectName(QStringLiteral("pubFormatCombo"));
    m_format->addItem(QString(), TextFormat);
    m_format->addItem(QString(), HexFormat);
    m_format->addItem(QString(), FileFormat);
    m_escapes = new QCheckBox(this);
    m_escapes->setObjectName(QStringLiteral("pubEscapesCheck"));
    auto *modeRow = new QWidget(this);
    auto *modeLay = new QHBoxLayout(modeRow);
    modeLay->setContentsMargins(0, 0, 0, 0);
    modeLay->addWidget(m_mode, 1);
    modeLay->addWidget(m_format, 1);

    m_payload = new QPlainTextEdit(this);
    m_payload->setObjectName(QStringLiteral("pubPayloadEdit"));
    m_payload->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_payload->setTabChangesFocus(true);
    m_file = new QLineEdit(this);
    m_file->setObjectName(QStringLiteral("pubFileEdit"));
    m_file->hide();
    m_browse = new QPushButton(this);
    m_browse->setObjectName(QStringLiteral("pubBrowseButton"));
    m_browse->hide();
    m_size = new QLabel(this);
    m_size->setObjectName(QStringLiteral("pubSizeLabel"));
    m_size->setWordWrap(true);
    auto *payloadBox = new QWidget(this);
    auto *pl = new QVBoxLayout(payloadBox);
    pl->setContentsMargins(0, 0, 0, 0);
    pl->addWidget(m_payload, 1);
    auto *fileRow = new QHBoxLayout;
    fileRow->addWidget(m_file, 1);
    fileRow->addWidget(m_browse);
    pl->addLayout(fileRow);
    pl->addWidget(m_escapes);
    pl->addWidget(m_size);

    m_qos = new QSpinBox(this);
    m_qos->setObjectName(QStringLiteral("pubQosSpin"));
    m_qos->setRange(0, 9);
    m_retain = new QCheckBox(this);
    m_retain->setObjectName(QStringLiteral("pubRetainCheck"));
    auto *qosRow = new QWidget(this);
    auto *qosLay = new QHBoxLayout(qosRow);
    qosLay->setContentsMargins(0, 0, 0, 0);
    qosLay->addWidget(m_qos);
    qosLay->addWidget(m_retain);
    qosLay->addStretch(1);
    m_publishButton = new QPushButton(this);
    m_publishButton->setObjectName(QStringLiteral("publishButton"));
    m_publishButton->setIcon(style()->standardIcon(QStyle::SP_ArrowRight));

    for (QLabel **l : { &m_topicLabel, &m_modeLabel, &m_payloadLabel, &m_qosLabel })
        *l = new QLabel(this);
    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(m_topicLabel, errors->wrap(m_topic, "topic", kScope));
    form->addRow(m_modeLabel, modeRow);
    form->addRow(m_payloadLabel, errors->wrap(payloadBox, "data", kScope, false, m_payload));
    form->addRow(m_qosLabel, errors->wrap(qosRow, "qos", kScope, false, m_qos));
    errors->alias("length", "data", kScope);
    errors->alias("retain", "qos", kScope);
    auto *v = new QVBoxLayout(this);
    v->addLayout(form, 1);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_publishButton);
    v->addLayout(buttons);

    auto changed = [this] {
        updateHints();
        emit edited();
    };
    connect(m_topic, &QLineEdit::textChanged, this, changed);
    connect(m_payload, &QPlainTextEdit::textChanged, this, changed);
    connect(m_file, &QLineEdit::textChanged, this, changed);
    connect(m_escapes, &QCheckBox::toggled, this, changed);
    connect(m_qos, &QSpinBox::valueChanged, this, changed);
    connect(m_retain, &QCheckBox::toggled, this, changed);
    connect(m_mode, &QComboBox::currentIndexChanged, this, changed);
    connect(m_format, &QComboBox::currentIndexChanged, this, [this, changed] {
        const int f = m_format->currentData().toInt();
        m_payload->setVisible(f != FileFormat);
        m_escapes->setVisible(f == TextFormat);
        m_file->setVisible(f == FileFormat);
        m_browse->setVisible(f == FileFormat && m_messages);
        if (f == FileFormat)
            m_mode->setCurrentIndex(1); // a file is sent as it is
        changed();
    });
    connect(m_publishButton, &QPushButton::clicked, this, &MqttPublishForm::publishRequested);
    connect(m_browse, &QPushButton::clicked, this, [this] {
        if (!m_messages)
            return;
        const QString path = m_messages->openFileName(tr("Message file"), m_file->text(), tr("All files (*)"));
        if (!path.isEmpty())
            m_file->setText(path);
    });
    retranslate();
}

bool MqttPublishForm::isStarted() const
{
    QString error;
    const MqttPublishSettings s = settings(&error);
    return !error.isEmpty() || !s.topic.isEmpty() || !s.payload.isEmpty();
}

MqttPublishSettings MqttPublishForm::settings(QString *error) const
{
    MqttPublishSettings s;
    s.topic = m_topic->text();
    s.qos = m_qos->value();
    s.retain = m_retain->isChecked();
    s.raw = m_mode->currentData().toBool();
    QString err;
    switch (m_format->currentData().toInt()) {
    case TextFormat: {
        const QByteArray text = m_payload->toPlainText().toUtf8();
        if (m_escapes->isChecked()) {
            const atb::ByteText::Decoded d = atb::ByteText::unescape(QByteArrayView(text));
            s.payload = d.bytes;
            err = d.error;
        } else {
            s.payload = text;
        }
        break;
    }
    case HexFormat: {
        const atb::ByteText::Decoded d = atb::ByteText::fromHex(m_payload->toPlainText());
        s.payload = d.bytes;
        if (!d.ok())
            err = tr("Not valid hex: use pairs of hex digits, optionally separated by blanks (0d 0a 00).");
        break;
    }
    default: {
        const QString path = m_file->text().trimmed();
        if (path.isEmpty()) {
            err = tr("Enter the path of the file to publish.");
            break;
        }
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly)) {
            err = tr("Cannot read %1: %2").arg(path, f.errorString());
            break;
        }
        if (f.size() > 1024 * 1024) {
            err = tr("The file is larger than 1 MiB; the module could not hold it.");
            break;
        }
        s.payload = f.readAll();
        break;
    }
    }
    if (error)
        *error = err;
    return s;
}

void MqttPublishForm::updateHints()
{
    const MqttPublishSettings pub = settings();
    QString text = tr("%n byte(s)", nullptr, int(pub.payload.size()));
    if (!pub.raw)
        text += QStringLiteral(" — ") + tr("sent as a quoted string; \\ \" and , are escaped, NUL, CR and LF are not possible");
    else
        text += QStringLiteral(" — ") + tr("sent after the '>' prompt exactly as they are");
    m_size->setText(text);
}

void MqttPublishForm::retranslate()
{
    m_topicLabel->setText(tr("Topic:"));
    m_modeLabel->setText(tr("Send as:"));
    m_payloadLabel->setText(tr("Message:"));
    m_qosLabel->setText(tr("QoS:"));
    m_topic->setPlaceholderText(tr("at most 128 bytes"));
    m_mode->setItemText(0, tr("String (AT+MQTTPUB)"));
    m_mode->setItemText(1, tr("Raw bytes (AT+MQTTPUBRAW)"));
    m_format->setItemText(0, tr("Text"));
    m_format->setItemText(1, tr("Hex"));
    m_format->setItemText(2, tr("File"));
    m_escapes->setText(tr("Interpret \\r \\n \\t \\0 \\\\ \\xNN"));
    m_file->setPlaceholderText(tr("path of the file to publish (sent raw, up to 1 MiB)"));
    m_browse->setText(tr("Browse…"));
    m_qos->setToolTip(tr("0 at most once, 1 at least once, 2 exactly once"));
    m_retain->setText(tr("Retain"));
    m_publishButton->setText(tr("Publish"));
    m_publishButton->setToolTip(tr("Ctrl+Return"));
    updateHints();
}
