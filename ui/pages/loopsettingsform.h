#pragma once

#include "mqttclient/loopcheck.h"

#include <QGroupBox>

class FieldErrors;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

// The loop view's run settings: one check (a number of messages each way) or continuous, rate,
// payload size and content, QoS, topic prefix; "Connect the module" beside them, and the
// verdict of the last run.
class LoopSettingsForm : public QGroupBox
{
    Q_OBJECT
public:
    static constexpr char kScope[] = "loop";

    explicit LoopSettingsForm(FieldErrors *errors, QWidget *parent = nullptr);

    atb::LoopSettings settings() const;
    void setSettings(const atb::LoopSettings &settings);
    bool isContinuous() const;

    // The last run's verdict ("" hides it); `passed` colours it.
    void setVerdict(const QString &text, bool passed);
    QString verdict() const;
    QPushButton *connectModuleButton() const { return m_connectModule; }

    void retranslate();

signals:
    void edited();
    void connectModuleRequested();

private:
    bool m_setting = false;
    QComboBox *m_mode, *m_content;
    QSpinBox *m_count, *m_size, *m_qos;
    QDoubleSpinBox *m_rate;
    QLineEdit *m_prefix;
    QPushButton *m_connectModule;
    QLabel *m_modeLabel, *m_countLabel, *m_rateLabel, *m_sizeLabel, *m_qosLabel, *m_contentLabel, *m_prefixLabel;
    QLabel *m_verdict;
};
