#include "CliContext.h"

#include <QCoreApplication>
#include <QFile>

#include <cstdio>

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("handoff"));
    QCoreApplication::setOrganizationName(QStringLiteral("Handoff Studio"));
    QCoreApplication::setApplicationVersion(QStringLiteral(HANDOFF_VERSION));

    QFile stdoutFile;
    QFile stderrFile;
    QFile stdinFile;
    stdoutFile.open(stdout, QIODevice::WriteOnly);
    stderrFile.open(stderr, QIODevice::WriteOnly);
    stdinFile.open(stdin, QIODevice::ReadOnly);
    QTextStream out(&stdoutFile);
    QTextStream err(&stderrFile);
    handoff::cli::Context context(out, err, &stdinFile);
    const int code = handoff::cli::runCli(context, QCoreApplication::arguments());
    out.flush();
    err.flush();
    return code;
}
