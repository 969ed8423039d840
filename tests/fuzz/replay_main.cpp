// Replays fuzz inputs through a fuzz target's LLVMFuzzerTestOneInput without libFuzzer, so the
// corpora run as ordinary tests in every build (any compiler). A broken invariant aborts, as
// it does under the fuzzer. Linked once per target (tests/CMakeLists.txt):
//   fuzz_parser_replay DIR|FILE...    (directories are read recursively)
//   fuzz_encoder_replay DIR|FILE...
//   fuzz_recording_replay DIR|FILE...
//   fuzz_profile_replay DIR|FILE...
#include <QByteArray>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QStringList>

#include <cstdint>
#include <cstdio>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int main(int argc, char **argv)
{
    const QByteArray self = QFileInfo(QString::fromLocal8Bit(argv[0])).fileName().toLocal8Bit();
    QStringList files;
    for (int i = 1; i < argc; ++i) {
        const QString arg = QString::fromLocal8Bit(argv[i]);
        if (QFileInfo(arg).isDir()) {
            QDirIterator it(arg, QDir::Files, QDirIterator::Subdirectories);
            while (it.hasNext())
                files << it.next();
        } else {
            files << arg;
        }
    }
    files.sort();
    if (files.isEmpty()) {
        std::fprintf(stderr, "%s: no input files (usage: %s DIR|FILE...)\n", self.constData(), self.constData());
        return 2;
    }
    for (const QString &name : std::as_const(files)) {
        QFile f(name);
        if (!f.open(QIODevice::ReadOnly)) {
            std::fprintf(stderr, "%s: cannot read %s\n", self.constData(), qPrintable(name));
            return 2;
        }
        const QByteArray bytes = f.readAll();
        std::printf("%s (%lld bytes)\n", qPrintable(name), static_cast<long long>(bytes.size()));
        std::fflush(stdout); // the last name printed is the input that aborted
        LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t *>(bytes.constData()), size_t(bytes.size()));
    }
    std::printf("%lld inputs replayed\n", static_cast<long long>(files.size()));
    return 0;
}
