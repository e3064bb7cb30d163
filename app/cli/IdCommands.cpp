#include "CliContext.h"
#include "diagnostics/Catalog.h"
#include "salesforce/SalesforceId.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace handoff::cli {

namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("handoff::cli", text);
}

// "org", "voicecall", "Organization", "00D" ... -> the kind; Unknown if not recognised.
std::optional<salesforce::IdKind> kindFromText(const QString& text) {
    using salesforce::IdKind;
    const QString lower = text.toLower();
    if (lower == u"org"_s || lower == u"organization"_s) {
        return IdKind::Organization;
    }
    for (IdKind kind : {IdKind::VoiceCall, IdKind::CallCenter, IdKind::Account, IdKind::Contact, IdKind::User,
                        IdKind::Opportunity, IdKind::Lead, IdKind::Group, IdKind::Case}) {
        if (lower == salesforce::kindName(kind).toLower() || text == salesforce::prefixForKind(kind)) {
            return kind;
        }
    }
    if (text == u"00D"_s) {
        return IdKind::Organization;
    }
    return std::nullopt;
}

int runId(Context& context, const QStringList& args) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Checks a Salesforce id and prints its 15- and 18-character forms and its kind (from the key prefix)."));
    parser.addPositionalArgument(u"id"_s, tr("A 15- or 18-character Salesforce id."));
    const QCommandLineOption json(u"json"_s, tr("Print {\"id15\", \"id18\", \"kind\"} as JSON."));
    const QCommandLineOption expect(u"expect"_s,
                                    tr("Report an id of another kind: org, VoiceCall, CallCenter, Account, Case, ... "
                                       "(or a key prefix such as 0LQ)."),
                                    u"kind"_s);
    parser.addOptions({json, expect});
    if (auto done = parseCommandLine(parser, args, context)) {
        return *done;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1) {
        return context.usageError(tr("Give exactly one id."));
    }
    salesforce::IdKind expected = salesforce::IdKind::Unknown;
    if (parser.isSet(expect)) {
        const auto kind = kindFromText(parser.value(expect));
        if (!kind) {
            return context.usageError(tr("Unknown kind '%1' for --expect.").arg(parser.value(expect)));
        }
        expected = *kind;
    }
    const QString text = positional.first().trimmed();
    const diagnostics::Diagnostics list = salesforce::checkId(text, u"id"_s, expected);
    const auto id = salesforce::SalesforceId::parse(text);
    if (parser.isSet(json)) {
        QJsonObject object;
        if (id) {
            object.insert(u"id15"_s, id->id15());
            object.insert(u"id18"_s, id->id18());
            object.insert(u"kind"_s, salesforce::kindName(id->kind()));
            object.insert(u"keyPrefix"_s, id->keyPrefix());
        } else {
            object.insert(u"input"_s, text);
        }
        object.insert(u"diagnostics"_s, Context::diagnosticsToJson(list));
        context.printJson(object);
    } else if (id) {
        context.out() << tr("15: %1").arg(id->id15()) << u'\n' << tr("18: %1").arg(id->id18()) << u'\n'
                      << tr("kind: %1 (prefix %2)").arg(salesforce::kindName(id->kind()), id->keyPrefix()) << u'\n'
                      << Qt::flush;
    }
    context.printDiagnostics(list);
    return Context::exitCodeFor(list);
}

} // namespace

CommandGroup idCommands() {
    return {u"id"_s, tr("Check a Salesforce id; convert between its 15- and 18-character forms"), &runId};
}

} // namespace handoff::cli
