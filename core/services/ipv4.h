#pragma once

#include <QString>

namespace atb {

// A dotted IPv4 address of four parts, as the modules take them ("10.1" and "192.168.1.300"
// are not).
bool isDottedIpv4(const QString &text);
// A netmask: a dotted IPv4 address whose bits are ones, then zeros (255.255.255.0).
bool isNetmask(const QString &text);
// The address as a number, for ordering (0 when not an IPv4 address).
quint32 ipv4Value(const QString &text);
// The same /24-or-whatever network: (a & mask) == (b & mask). All three must be dotted IPv4.
bool sameSubnet(const QString &a, const QString &b, const QString &mask);

} // namespace atb
