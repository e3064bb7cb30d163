#include "CliContext.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace handoff::cli {

namespace {
QString tr(const char* text) {
    return QCoreApplication::translate("handoff::cli", text);
}
} // namespace

Context::Context(QTextStream& out, QTextStream& err, QIODevice* in, const Clock& clock)
    : m_out(out)
    , m_err(err)
    , m_in(in)
    , m_clock(clock) {}

Result<QByteArray> Context::readInput(const QString& pathOrDash) {
    if (pathOrDash == u"-"_s) {
        if (!m_in) {
            return fail(u"CLI002"_s, tr("There is no standard input to read from."));
        }
        return m_in->readAll();
    }
    QFile file(pathOrDash);
    if (!file.open(QIODevice::ReadOnly)) {
        return fail(u"CLI001"_s, tr("Cannot read %1: %2.").arg(pathOrDash, file.errorString()));
    }
    return file.readAll();
}

QByteArray Context::readSecret(const QString& envVar, const QString& prompt) {
    const QByteArray fromEnv = qgetenv(envVar.toLocal8Bit().constData());
    if (!fromEnv.isEmpty()) {
        return fromEnv;
    }
    m_err << prompt << Qt::flush;
    if (!m_in) {
        return {};
    }
    QByteArray line = m_in->readLine();
    const qsizetype newline = line.indexOf('\n');
    if (newline >= 0) {
        line.truncate(newline);
    }
    if (line.endsWith('\r')) {
        line.chop(1);
    }
    return line;
}

Result<crypto::PrivateKey> Context::loadPrivateKey(const QString& path) {
    auto key = crypto::PrivateKey::load(path);
    if (!key && key.error().code == u"KEY004"_s) {
        QByteArray secret = readSecret(QString::fromLatin1(kPassphraseVariable), tr("Passphrase for %1: ").arg(path));
        const crypto::SecureBytes passphrase = crypto::SecureBytes::takeFrom(secret);
        key = crypto::PrivateKey::load(path, passphrase);
    }
    return key;
}

void Context::printDiagnostics(const diagnostics::Diagnostics& list, const QString& file) {
    for (const diagnostics::Diagnostic& d : list) {
        QString position;
        if (!file.isEmpty()) {
            position = file + u':';
            if (d.where.line > 0) {
                position += QString::number(d.where.line) + u':' + QString::number(qMax(1, d.where.column)) + u':';
            }
            position += u' ';
        }
        QString field;
        if (d.where.isInFlow()) {
            QString at = d.where.taskId;
            if (!d.where.actionId.isEmpty()) {
                at += u'/' + d.where.actionId;
            }
            if (!d.where.property.isEmpty()) {
                at += u'.' + d.where.property;
            }
            field = u" ["_s + at + u']';
        } else if (!d.where.field.isEmpty()) {
            field = u" ["_s + d.where.field + u']';
        }
        m_err << position << diagnostics::severityName(d.severity) << u' ' << d.code << u": "_s << d.message << field
              << u'\n';
    }
    m_err.flush();
}

int Context::reportError(const Error& error, int exitCode) {
    m_err << u"handoff: error "_s << error.code << u": "_s << error.message << u'\n' << Qt::flush;
    return exitCode;
}

int Context::usageError(const QString& message) {
    m_err << u"handoff: "_s << message << u'\n' << tr("Run with --help for usage.") << u'\n' << Qt::flush;
    return Usage;
}

void Context::printJson(const QJsonObject& object) {
    m_out << QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Indented)) << Qt::flush;
}

QJsonArray Context::diagnosticsToJson(const diagnostics::Diagnostics& list) {
    return diagnostics::toJson(list);
}

int Context::exitCodeFor(const diagnostics::Diagnostics& list) {
    return diagnostics::hasErrors(list) ? Problems : Ok;
}

std::optional<int> parseCommandLine(QCommandLineParser& parser, const QStringList& args, Context& context) {
    const QCommandLineOption help({u"h"_s, u"help"_s}, tr("Show this help."));
    parser.addOption(help);
    if (!parser.parse(args)) {
        return context.usageError(parser.errorText());
    }
    if (parser.isSet(help)) {
        QString text = parser.helpText();
        // QCommandLineParser names the program after the binary's path; show the command path instead
        // ("handoff uui compose").
        const QString binary = QCoreApplication::arguments().value(0);
        const qsizetype at = binary.isEmpty() ? -1 : text.indexOf(binary);
        if (at >= 0 && !args.isEmpty()) {
            text.replace(at, binary.size(), args.constFirst());
        }
        context.out() << text << Qt::flush;
        return Ok;
    }
    return std::nullopt;
}

int dispatchSubcommands(Context& context, const QString& groupName, const QString& groupSummary,
                        const QList<Subcommand>& subcommands, const QStringList& args) {
    const QString path = args.value(0, u"handoff "_s + groupName);
    auto printUsage = [&](QTextStream& stream) {
        stream << tr("Usage: %1 <command> [options]").arg(path) << u"\n\n"_s << groupSummary << u"\n\n"_s
               << tr("Commands:") << u'\n';
        for (const Subcommand& sub : subcommands) {
            stream << u"  "_s << sub.name.leftJustified(12) << u' ' << sub.summary << u'\n';
        }
        stream << u'\n' << tr("Run '%1 <command> --help' for a command's options.").arg(path) << u'\n' << Qt::flush;
    };
    const QString name = args.value(1);
    if (name.isEmpty()) {
        printUsage(context.err());
        return Usage;
    }
    if (name == u"-h"_s || name == u"--help"_s || name == u"help"_s) {
        printUsage(context.out());
        return Ok;
    }
    for (const Subcommand& sub : subcommands) {
        if (sub.name == name) {
            QStringList rest = args.mid(2);
            rest.prepend(path + u' ' + name);
            return sub.run(context, rest);
        }
    }
    context.err() << tr("handoff: '%1' is not a '%2' command.").arg(name, groupName) << u'\n';
    printUsage(context.err());
    return Usage;
}

QList<CommandGroup> allCommandGroups() {
    return {idCommands(),   keysCommands(),      jwtCommands(),      uuiCommands(),
            callCommands(), emulatorCommands(),  flowCommands(),     exportCommands(),
            sipCommands(),  preflightCommands(), trainingCommands(), envCommands()};
}

int runCli(Context& context, const QStringList& arguments) {
    const QList<CommandGroup> groups = allCommandGroups();
    auto printUsage = [&](QTextStream& stream) {
        stream << tr("Usage: handoff <command> [options]") << u"\n\n"_s
               << tr("Design, check and export the SIP handoff from Genesys Cloud to an Agentforce Voice agent.")
               << u"\n\n"_s << tr("Commands:") << u'\n';
        for (const CommandGroup& group : groups) {
            stream << u"  "_s << group.name.leftJustified(10) << u' ' << group.summary << u'\n';
        }
        stream << u'\n'
               << tr("Run 'handoff <command> --help' for more. Exit codes: 0 ok, 1 problems found, 2 usage error, "
                     "3 failure.")
               << u'\n' << Qt::flush;
    };
    const QString name = arguments.value(1);
    if (name.isEmpty()) {
        printUsage(context.err());
        return Usage;
    }
    if (name == u"-h"_s || name == u"--help"_s || name == u"help"_s) {
        printUsage(context.out());
        return Ok;
    }
    if (name == u"--version"_s) {
        context.out() << u"handoff "_s << QStringLiteral(HANDOFF_VERSION) << u'\n' << Qt::flush;
        return Ok;
    }
    for (const CommandGroup& group : groups) {
        if (group.name == name) {
            QStringList rest = arguments.mid(2);
            rest.prepend(u"handoff "_s + name);
            return group.run(context, rest);
        }
    }
    context.err() << tr("handoff: unknown command '%1'.").arg(name) << u"\n\n"_s;
    printUsage(context.err());
    return Usage;
}

} // namespace handoff::cli
