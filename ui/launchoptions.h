#pragma once

#include <QString>

// What the command line asked for (see app/gui/main.cpp). A value handed to MainWindow.
struct LaunchOptions
{
    QString port;          // serial port to open at start ("/dev/ttyUSB0", "ttyUSB0", a pty path)
    int baud = 115200;     // for `port`
    QString tcp;           // raw TCP serial bridge, "host:port"
    QString simulator;     // "esp" | "beken" | "" : the built-in simulated module
    QString language;      // "en" | "zh_CN" | "" (saved choice, else the system's)
    QString screenshotDir; // --screenshot DIR
};
