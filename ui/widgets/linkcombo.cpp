#include "linkcombo.h"

#include "transport/portlister.h"

#include <QEvent>
#include <QIntValidator>

namespace {
const int kBaudRates[] = { 9600, 19200, 38400, 57600, 74880, 115200, 230400, 460800, 921600, 1000000, 1500000, 2000000, 3000000 };
}

void setUpBaudCombo(QComboBox *combo)
{
    combo->setEditable(true);
    combo->setInsertPolicy(QComboBox::NoInsert);
    for (int b : kBaudRates)
        combo->addItem(QString::number(b));
    combo->setValidator(new QIntValidator(50, 20000000, combo));
    combo->setCurrentText(QStringLiteral("115200"));
}

LinkCombo::LinkCombo(bool simulators, QWidget *parent)
    : QComboBox(parent), m_simulators(simulators)
{
    setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    refresh();
}

int LinkCombo::addLink(const QString &text, ConnectionChoice::Kind kind, const QString &path)
{
    addItem(text);
    const int i = count() - 1;
    setItemData(i, int(kind), KindRole);
    if (!path.isEmpty())
        setItemData(i, path, PathRole);
    return i;
}

void LinkCombo::refresh()
{
    setPorts(atb::listSerialPorts());
}

void LinkCombo::setPorts(QList<atb::PortDescription> ports)
{
    // USB adapters first, then by name (as listSerialPorts() orders them).
    std::stable_sort(ports.begin(), ports.end(), [](const atb::PortDescription &a, const atb::PortDescription &b) {
        if (a.vendorId.has_value() != b.vendorId.has_value())
            return a.vendorId.has_value();
        return a.name < b.name;
    });
    const QVariant oldKind = currentData(KindRole);
    QString oldPath = currentPath();
    const QString serial = currentData(SerialNumberRole).toString();
    if (!serial.isEmpty())
        m_selectedSerial = serial;
    else if (currentData(AdapterRole).isValid())
        m_selectedSerial.clear(); // a listed port without serial number
    const QSignalBlocker block(this);
    clear();
    for (const atb::PortDescription &p : ports) {
        const QString path = p.systemLocation.isEmpty() ? p.name : p.systemLocation;
        const int i = addLink(p.label(), ConnectionChoice::Kind::Serial, path);
        QStringList details;
        if (!p.description.isEmpty())
            details << p.description;
        if (!p.manufacturer.isEmpty())
            details << tr("Manufacturer: %1").arg(p.manufacturer);
        if (p.vendorId && p.productId)
            details << tr("USB ID: %1:%2")
                           .arg(*p.vendorId, 4, 16, QLatin1Char('0'))
                           .arg(*p.productId, 4, 16, QLatin1Char('0'));
        if (!p.serialNumber.isEmpty())
            details << tr("Serial number: %1").arg(p.serialNumber);
        details << path;
        setItemData(i, details.join(QStringLiteral(" · ")), DetailsRole);
        setItemData(i, details.join(QLatin1Char('\n')), Qt::ToolTipRole);
        setItemData(i, p.vendorId.has_value() || !p.description.isEmpty(), AdapterRole);
        setItemData(i, p.serialNumber, SerialNumberRole);
        // The selected adapter came back under another name: follow it.
        if (!m_selectedSerial.isEmpty() && p.serialNumber == m_selectedSerial && oldKind.isValid()
            && oldKind.toInt() == int(ConnectionChoice::Kind::Serial))
            oldPath = path;
    }
    if (!ports.isEmpty())
        insertSeparator(count());
    if (m_simulators) {
        addLink(QString(), ConnectionChoice::Kind::SimulatorEsp);
        addLink(QString(), ConnectionChoice::Kind::SimulatorBeken);
    }
    addLink(QString(), ConnectionChoice::Kind::Tcp);
    retranslate();
    setCurrentIndex(0);
    if (oldKind.isValid())
        select(ConnectionChoice::Kind(oldKind.toInt()), oldPath);
}

bool LinkCombo::selectSerialPort(const QString &nameOrPath)
{
    for (int i = 0; i < count(); ++i) {
        const QVariant kind = itemData(i, KindRole);
        if (!kind.isValid() || kind.toInt() != int(ConnectionChoice::Kind::Serial))
            continue;
        const QString path = itemData(i, PathRole).toString();
        if (path == nameOrPath || path.section(QLatin1Char('/'), -1) == nameOrPath) {
            setCurrentIndex(i);
            return true;
        }
    }
    return false;
}

void LinkCombo::select(ConnectionChoice::Kind kind, const QString &nameOrPath)
{
    if (kind == ConnectionChoice::Kind::Serial) {
        if (nameOrPath.isEmpty() || selectSerialPort(nameOrPath))
            return;
        // Not enumerated (a pseudo-terminal, or unplugged right now): list it first.
        insertItem(0, nameOrPath);
        setItemData(0, int(ConnectionChoice::Kind::Serial), KindRole);
        setItemData(0, nameOrPath, PathRole);
        setItemData(0, tr("%1 (not listed by the system right now)").arg(nameOrPath), DetailsRole);
        setCurrentIndex(0);
        return;
    }
    for (int i = 0; i < count(); ++i) {
        const QVariant k = itemData(i, KindRole);
        if (k.isValid() && k.toInt() == int(kind)) {
            setCurrentIndex(i);
            return;
        }
    }
}

ConnectionChoice::Kind LinkCombo::currentKind() const
{
    const QVariant k = currentData(KindRole);
    return k.isValid() ? ConnectionChoice::Kind(k.toInt()) : ConnectionChoice::Kind::Serial;
}

QString LinkCombo::currentPath() const
{
    return currentData(PathRole).toString();
}

QString LinkCombo::currentDetails() const
{
    return currentData(DetailsRole).toString();
}

int LinkCombo::serialPortCount() const
{
    int n = 0;
    for (int i = 0; i < count(); ++i)
        n += itemData(i, KindRole).isValid() && itemData(i, KindRole).toInt() == int(ConnectionChoice::Kind::Serial);
    return n;
}

int LinkCombo::adapterCount() const
{
    int n = 0;
    for (int i = 0; i < count(); ++i)
        n += itemData(i, AdapterRole).toBool();
    return n;
}

void LinkCombo::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QComboBox::changeEvent(event);
}

void LinkCombo::retranslate()
{
    for (int i = 0; i < count(); ++i) {
        const QVariant kind = itemData(i, KindRole);
        if (!kind.isValid())
            continue;
        switch (ConnectionChoice::Kind(kind.toInt())) {
        case ConnectionChoice::Kind::SimulatorEsp: setItemText(i, tr("Simulated module (ESP-AT)")); break;
        case ConnectionChoice::Kind::SimulatorBeken: setItemText(i, tr("Simulated module (Beken)")); break;
        case ConnectionChoice::Kind::Tcp: setItemText(i, tr("TCP bridge (host:port)")); break;
        case ConnectionChoice::Kind::Serial: break;
        }
    }
}
