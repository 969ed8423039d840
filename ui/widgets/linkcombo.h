#pragma once

#include "connectioncontroller.h"
#include "transport/portlister.h"

#include <QComboBox>

// "Where to connect" as a combo box: the system's serial ports (with description, USB IDs and
// serial number as details), then the built-in simulated modules (optional) and a raw TCP
// bridge. The port bar and the Port page both show one.
class LinkCombo : public QComboBox
{
    Q_OBJECT
public:
    enum Role { KindRole = Qt::UserRole + 1, PathRole, DetailsRole, AdapterRole, SerialNumberRole };

    explicit LinkCombo(bool simulators, QWidget *parent = nullptr);

    // Lists the ports again, without signals; the selection stays when it is still listed.
    void refresh();
    // The same from a list (a PortWatcher's, hot-plug): the selection stays when its port is
    // listed, follows its adapter (same serial number) to another name, and otherwise stays
    // as "not listed right now" until the adapter comes back.
    void setPorts(QList<atb::PortDescription> ports);
    // Selects the entry of `kind` (a serial port by name or path; one the system does not list
    // right now, such as a pseudo-terminal, is added first).
    void select(ConnectionChoice::Kind kind, const QString &nameOrPath = QString());
    // Selects a listed serial port by name or path; false when it is not listed.
    bool selectSerialPort(const QString &nameOrPath);

    bool hasLink() const { return currentData(KindRole).isValid(); } // not a separator
    ConnectionChoice::Kind currentKind() const;
    QString currentPath() const;
    QString currentDetails() const;
    int serialPortCount() const;
    // Serial ports that look like real adapters (USB IDs or a description), as opposed to bare
    // legacy or virtual UARTs such as an unused ttyS0.
    int adapterCount() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    int addLink(const QString &text, ConnectionChoice::Kind kind, const QString &path = QString());

    bool m_simulators;
    QString m_selectedSerial; // serial number of the selected adapter, to find it again
};

// An editable baud-rate box: the common rates to pick, any other rate typed.
void setUpBaudCombo(QComboBox *combo);
