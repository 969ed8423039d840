#pragma once

#include <QByteArray>

// Takes the next CR LF terminated line (without the CR LF) off the front of buffer; false while
// no complete line is there. The module doubles read the host's command lines with it.
inline bool takeCrLfLine(QByteArray &buffer, QByteArray *line)
{
    const qsizetype eol = buffer.indexOf("\r\n");
    if (eol < 0)
        return false;
    *line = buffer.left(eol);
    buffer.remove(0, eol + 2);
    return true;
}
