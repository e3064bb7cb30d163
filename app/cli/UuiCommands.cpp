#include "CliContext.h"
#include "ProjectLoading.h"
#include "crypto/PrivateKey.h"
#include "crypto/SecureBytes.h"
#include "exports/SetUuiDataExport.h"
#include "project/Composition.h"
#include "project/ProjectFile.h"
#include "uui/SipHeaderBudget.h"
#include "uui/UuiComposer.h"
#include "uui/UuiLint.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace handoff::cli {

namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("handoff::cli", text);
}

// ---- trunk profile options, shared by compose and check -------------------------------------------------------

struct TrunkOptions {
    QCommandLineOption encoding{u"encoding"_s, tr("UUI encoding on the trunk: hex (default) or ascii."),
                                u"hex|ascii"_s};
    QCommandLineOption header{u"header"_s, tr("Header name: User-to-User (default) or X-User-to-User."), u"name"_s};
    QCommandLineOption pd{u"pd"_s, tr("Protocol discriminator: prefix (default), param or none."),
                          u"prefix|param|none"_s};
    QCommandLineOption pdOctet{u"pd-octet"_s, tr("The protocol discriminator octet in hex (default 04)."), u"hex"_s};
    QCommandLineOption params{u"params"_s,
                              tr("Further header parameters, ';'-separated (default "
                                 "purpose=isdn-uui;content=isdn-uui; \"\" for none)."),
                              u"list"_s};
    QCommandLineOption noEncodingParam{u"no-encoding-param"_s, tr("Do not write the ;encoding= parameter.")};
    QCommandLineOption limit{u"limit"_s, tr("The header limit in characters (default 1024)."), u"N"_s};
    QCommandLineOption appliesTo{u"limit-applies-to"_s,
                                 tr("What the limit is measured on: decodedData (default), headerValue or "
                                    "headerLine. Salesforce does not say."),
                                 u"what"_s};

    void addTo(QCommandLineParser& parser) const {
        parser.addOptions({encoding, header, pd, pdOctet, params, noEncodingParam, limit, appliesTo});
    }

    // Applies the options given over `profile`; an error message for a bad value.
    std::optional<QString> apply(const QCommandLineParser& parser, uui::TrunkUuiProfile& profile) const {
        if (parser.isSet(encoding)) {
            const auto e = uui::encodingFromKey(parser.value(encoding));
            if (!e) {
                return tr("--encoding must be hex or ascii.");
            }
            profile.encoding = *e;
        }
        if (parser.isSet(header)) {
            profile.headerName = parser.value(header);
        }
        if (parser.isSet(pd)) {
            const auto m = uui::pdModeFromKey(parser.value(pd));
            if (!m) {
                return tr("--pd must be prefix, param or none.");
            }
            profile.pdMode = *m;
        }
        if (parser.isSet(pdOctet)) {
            bool ok = false;
            const uint v = parser.value(pdOctet).toUInt(&ok, 16);
            if (!ok || v > 0xff) {
                return tr("--pd-octet must be one octet in hex, such as 04.");
            }
            profile.protocolDiscriminator = static_cast<quint8>(v);
        }
        if (parser.isSet(params)) {
            profile.parameters = uui::TrunkUuiProfile::parseParameters(parser.value(params));
        }
        if (parser.isSet(noEncodingParam)) {
            profile.encodingParameter = false;
        }
        if (parser.isSet(limit)) {
            bool ok = false;
            const int n = parser.value(limit).toInt(&ok);
            if (!ok || n <= 0) {
                return tr("--limit must be a positive number.");
            }
            profile.limit = n;
        }
        if (parser.isSet(appliesTo)) {
            const auto a = uui::limitAppliesToFromKey(parser.value(appliesTo));
            if (!a) {
                return tr("--limit-applies-to must be headerLine, headerValue or decodedData.");
            }
            profile.limitAppliesTo = *a;
        }
        return std::nullopt;
    }
};

QString shareKind(uui::BudgetShare::Kind kind) {
    switch (kind) {
    case uui::BudgetShare::Kind::Field:
        return u"field"_s;
    case uui::BudgetShare::Kind::Braces:
        return u"braces"_s;
    case uui::BudgetShare::Kind::PdOctet:
        return u"pd"_s;
    case uui::BudgetShare::Kind::HeaderName:
        return u"header"_s;
    case uui::BudgetShare::Kind::Parameters:
        return u"parameters"_s;
    }
    return {};
}

QString wayKind(uui::WayOut::Kind kind) {
    switch (kind) {
    case uui::WayOut::Kind::DropOrgId:
        return u"dropOrgId"_s;
    case uui::WayOut::Kind::DropField:
        return u"dropField"_s;
    case uui::WayOut::Kind::SmallerKey:
        return u"smallerKey"_s;
    }
    return {};
}

QJsonObject budgetJson(const uui::SipBudget& b, const diagnostics::Diagnostics& all) {
    QJsonArray fields;
    for (const uui::BudgetShare& share : b.shares) {
        fields.append(QJsonObject{{u"name"_s, share.name},
                                  {u"kind"_s, shareKind(share.kind)},
                                  {u"bytes"_s, share.bytes},
                                  {u"encodedChars"_s, share.encodedChars}});
    }
    QJsonArray ways;
    for (const uui::WayOut& way : b.waysOut) {
        QJsonObject o{{u"kind"_s, wayKind(way.kind)}, {u"saves"_s, way.saves},           {u"after"_s, way.after},
                      {u"fits"_s, way.fits},          {u"applicable"_s, way.applicable}, {u"message"_s, way.message}};
        if (!way.key.isEmpty()) {
            o.insert(u"field"_s, way.key);
        }
        ways.append(o);
    }
    return QJsonObject{
        {u"json"_s, QString::fromUtf8(b.json)},
        {u"jsonBytes"_s, b.jsonBytes},
        {u"encoding"_s, uui::encodingKey(b.profile.encoding)},
        {u"headerName"_s, b.profile.headerName},
        {u"pdMode"_s, uui::pdModeKey(b.profile.pdMode)},
        {u"headerLine"_s, QString::fromLatin1(b.headerLine)},
        {u"headerLineLength"_s, b.headerLineLength},
        {u"headerValueLength"_s, b.headerValueLength},
        {u"encodedValueLength"_s, b.encodedValueLength},
        {u"decodedBytes"_s, b.decodedBytes},
        {u"limit"_s, b.limit},
        {u"limitAppliesTo"_s, uui::limitAppliesToKey(b.limitAppliesTo)},
        {u"measured"_s, b.measured},
        {u"remaining"_s, b.remaining},
        {u"fits"_s, b.fits()},
        {u"fields"_s, fields},
        {u"waysOut"_s, ways},
        {u"diagnostics"_s, Context::diagnosticsToJson(all)},
    };
}

void printBudget(QTextStream& out, const uui::SipBudget& b, bool estimated) {
    const QLocale locale = QLocale::system();
    auto n = [&](qsizetype v) { return locale.toString(static_cast<qlonglong>(v)); };
    out << tr("UUI JSON (%1 bytes):").arg(n(b.jsonBytes)) << u'\n' << QString::fromUtf8(b.json) << u"\n\n"_s;
    out << tr("SIP header (%1, PD %2):").arg(uui::encodingKey(b.profile.encoding), uui::pdModeKey(b.profile.pdMode))
        << u'\n' << QString::fromLatin1(b.headerLine) << u"\n\n"_s;
    out << tr("Lengths: header line %1, header value %2, encoded data %3 characters; decoded data %4 bytes.")
               .arg(n(b.headerLineLength), n(b.headerValueLength), n(b.encodedValueLength), n(b.decodedBytes))
        << u'\n';
    const QString verdict = b.fits() ? tr("%1 remaining").arg(n(b.remaining)) : tr("%1 OVER").arg(n(-b.remaining));
    out << tr("Limit %1 on %2: %3 measured, %4.")
               .arg(n(b.limit), uui::limitAppliesToName(b.limitAppliesTo), n(b.measured), verdict)
        << u'\n';
    if (estimated) {
        out << tr("(Estimated: no token yet; a 2048-bit RS256 token was assumed. Pass --token, or set the project's "
                  "key file to sign one.)")
            << u'\n';
    }
    out << u'\n' << tr("Share of the header line:") << u'\n';
    for (const uui::BudgetShare& share : b.shares) {
        out << u"  "_s << share.name.leftJustified(16) << u' ' << n(share.encodedChars).rightJustified(6) << u' '
            << tr("chars") << u"  "_s;
        if (share.bytes == 1) {
            out << tr("(1 byte)");
        } else if (share.bytes > 1) {
            out << tr("(%1 bytes)").arg(n(share.bytes));
        }
        out << u'\n';
    }
    if (!b.waysOut.isEmpty()) {
        out << u'\n' << tr("Ways out:") << u'\n';
        for (const uui::WayOut& way : b.waysOut) {
            out << u"  - "_s << way.message << u'\n';
        }
    }
    out.flush();
}

// Loads the project and, unless a token is given, the key it names (its passphrase from the environment or a
// prompt). Returns the exit code on failure.
struct ProjectWithPath {
    project::Project project;
    QString path;
};

std::variant<ProjectWithPath, int> loadUuiProject(Context& context, const QString& path,
                                                  const QCommandLineParser& parser) {
    auto loaded = project::ProjectFile::load(path);
    if (!loaded) {
        return context.reportError(loaded.error(), loaded.error().code.startsWith(u"IO"_s) ? Failure : Problems);
    }
    if (!applyEnvironmentArgument(context, loaded->project, parser)) {
        return Usage;
    }
    context.printDiagnostics(loaded->diagnostics, path);
    return ProjectWithPath{loaded->project, path};
}

std::variant<crypto::PrivateKey, int> loadKey(Context& context, const ProjectWithPath& p) {
    QString keyFile = p.project.key.keyFile;
    if (keyFile.isEmpty()) {
        return context.reportError(
            {u"CLI010"_s, tr("The project names no key file (its key is in the desktop app's keychain); pass the "
                             "token with --token, or set the project's key file.")},
            Failure);
    }
    if (QFileInfo(keyFile).isRelative()) {
        keyFile = QFileInfo(p.path).absoluteDir().filePath(keyFile);
    }
    auto key = context.loadPrivateKey(keyFile);
    if (!key) {
        return context.reportError(key.error(), Failure);
    }
    return *key;
}

std::optional<QByteArray> readToken(Context& context, const QString& value, int& exitCode) {
    if (value != u"-"_s) {
        return value.toLatin1().trimmed();
    }
    auto in = context.readInput(value);
    if (!in) {
        exitCode = context.reportError(in.error(), Failure);
        return std::nullopt;
    }
    return in->trimmed();
}

// ---- uui compose ------------------------------------------------------------------------------------------------

int compose(Context& context, const QStringList& args) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Composes the UUI JSON and the SIP User-to-User header, and shows whether it fits the trunk's limit and "
           "what each field costs. Exit code 1 when it does not fit or has errors."));
    const QCommandLineOption projectOpt(u"project"_s, tr("Take everything from this .handoff project."), u"file"_s);
    const QCommandLineOption orgId(u"org-id"_s, tr("The 15-character org id (00D...)."), u"id"_s);
    const QCommandLineOption noOrgId(u"no-org-id"_s, tr("Leave orgId out (Salesforce takes it from the token)."));
    const QCommandLineOption domain(u"scrt2-domain"_s, tr("The SCRT2 domain, <name>.my.salesforce-scrt.com."),
                                    u"domain"_s);
    const QCommandLineOption token(
        u"token"_s,
        tr("The signed UUI token, or - to read it from standard input (better: a command line "
           "is visible to other users of the machine)."),
        u"jwt|-"_s);
    const QCommandLineOption callId(u"call-id"_s, tr("The 18-character VoiceCall id."), u"id"_s);
    const QCommandLineOption transactionId(u"transaction-id"_s, tr("Context for the Omni-Channel flow."), u"text"_s);
    const QCommandLineOption param(u"param"_s, tr("A custom parameter for the inbound flow (repeatable)."),
                                   u"key=value"_s);
    const QCommandLineOption json(u"json"_s, tr("Print the result as JSON."));
    TrunkOptions trunk;
    parser.addOption(environmentOption());
    parser.addOptions({projectOpt, orgId, noOrgId, domain, token, callId, transactionId, param, json});
    trunk.addTo(parser);
    if (auto code = parseCommandLine(parser, args, context)) {
        return *code;
    }
    if (!parser.positionalArguments().isEmpty()) {
        return context.usageError(tr("Unexpected argument '%1'.").arg(parser.positionalArguments().constFirst()));
    }

    project::Project proj;
    QString projectPath;
    if (parser.isSet(projectOpt)) {
        auto loaded = loadUuiProject(context, parser.value(projectOpt), parser);
        if (auto* code = std::get_if<int>(&loaded)) {
            return *code;
        }
        proj = std::get<ProjectWithPath>(loaded).project;
        projectPath = parser.value(projectOpt);
    } else {
        if (!parser.isSet(domain) || !parser.isSet(token)) {
            return context.usageError(tr("Give --scrt2-domain and --token (and usually --org-id), or --project."));
        }
        proj.uui.includeCallId = false;
        proj.uui.includeOrgId = false;
    }
    // Flags override the project.
    if (parser.isSet(orgId)) {
        proj.org.orgId = parser.value(orgId);
        proj.uui.includeOrgId = true;
    }
    if (parser.isSet(noOrgId)) {
        proj.uui.includeOrgId = false;
    }
    if (parser.isSet(domain)) {
        proj.org.scrt2Domain = parser.value(domain);
    }
    if (parser.isSet(callId)) {
        proj.uui.callId = parser.value(callId);
        proj.uui.includeCallId = true;
    }
    if (parser.isSet(transactionId)) {
        proj.uui.transactionId = parser.value(transactionId);
    }
    for (const QString& p : parser.values(param)) {
        const qsizetype eq = p.indexOf(u'=');
        if (eq <= 0) {
            return context.usageError(tr("--param wants key=value, not '%1'.").arg(p));
        }
        proj.uui.customParams.append({p.left(eq), p.mid(eq + 1)});
    }
    if (auto error = trunk.apply(parser, proj.trunk)) {
        return context.usageError(*error);
    }

    project::Composition c;
    if (parser.isSet(token)) {
        int exitCode = Ok;
        const auto t = readToken(context, parser.value(token), exitCode);
        if (!t) {
            return exitCode;
        }
        c = project::composeWithToken(proj, *t, context.clock());
        if (!parser.isSet(projectOpt)) {
            // Without a project there is no org profile to check against: keep what concerns the UUI itself.
            c.diagnostics = c.lintDiagnostics + c.budgetDiagnostics;
        }
    } else if (proj.key.keyFile.isEmpty()) {
        // The key is in the desktop app's keychain: show the budget with a stand-in token of a 2048-bit key's size.
        c = project::compose(proj, nullptr, context.clock());
    } else {
        auto key = loadKey(context, ProjectWithPath{proj, projectPath});
        if (auto* code = std::get_if<int>(&key)) {
            return *code;
        }
        c = project::compose(proj, &std::get<crypto::PrivateKey>(key), context.clock());
    }

    const QString file = projectPath.isEmpty() ? QString() : projectPath;
    if (parser.isSet(json)) {
        QJsonObject o = budgetJson(c.budget, c.diagnostics);
        o.insert(u"json"_s, QString::fromUtf8(c.uui.json));
        o.insert(u"jsonBytes"_s, c.uui.json.size());
        o.insert(u"tokenEstimated"_s, c.tokenEstimated);
        context.printJson(o);
    } else {
        printBudget(context.out(), c.budget, c.tokenEstimated);
        context.printDiagnostics(c.diagnostics, file);
    }
    return (c.budget.fits() && !diagnostics::hasErrors(c.diagnostics)) ? Ok : Problems;
}

// ---- uui check --------------------------------------------------------------------------------------------------

int check(Context& context, const QStringList& args) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Checks UUI JSON pasted from elsewhere (for example the help article's samples): JSON syntax, "
           "typographic quotes, key spelling, each field's rule, the token, and whether the header fits the trunk."));
    parser.addPositionalArgument(u"file"_s, tr("The UUI text, or - for standard input."));
    const QCommandLineOption fix(u"fix"_s, tr("Print the text with typographic quotes repaired."));
    const QCommandLineOption noBudget(u"no-budget"_s, tr("Do not check the header size."));
    const QCommandLineOption json(u"json"_s, tr("Print the result as JSON."));
    TrunkOptions trunk;
    parser.addOptions({fix, noBudget, json});
    trunk.addTo(parser);
    if (auto code = parseCommandLine(parser, args, context)) {
        return *code;
    }
    if (parser.positionalArguments().size() != 1) {
        return context.usageError(tr("Give one file to check, or - for standard input."));
    }
    const QString path = parser.positionalArguments().constFirst();
    auto text = context.readInput(path);
    if (!text) {
        return context.reportError(text.error(), Failure);
    }
    uui::LintOptions options;
    if (!parser.isSet(noBudget)) {
        options.profile = uui::TrunkUuiProfile();
        if (auto error = trunk.apply(parser, *options.profile)) {
            return context.usageError(*error);
        }
    }
    const uui::LintResult result = uui::lint(*text, context.clock(), options);
    const QString name = path == u"-"_s ? u"<stdin>"_s : path;

    if (parser.isSet(fix)) {
        const QByteArray fixed = result.repaired.value_or(*text);
        const uui::LintResult after = uui::lint(fixed, context.clock(), options);
        if (parser.isSet(json)) {
            context.printJson(QJsonObject{{u"file"_s, name},
                                          {u"repaired"_s, QString::fromUtf8(fixed)},
                                          {u"changed"_s, result.repaired.has_value()},
                                          {u"diagnostics"_s, Context::diagnosticsToJson(after.diagnostics)}});
        } else {
            context.out() << QString::fromUtf8(fixed) << Qt::flush;
            context.printDiagnostics(after.diagnostics, name);
        }
        return Context::exitCodeFor(after.diagnostics);
    }
    if (parser.isSet(json)) {
        QJsonObject o{{u"file"_s, name},
                      {u"validJson"_s, result.validJson},
                      {u"diagnostics"_s, Context::diagnosticsToJson(result.diagnostics)}};
        if (result.repaired) {
            o.insert(u"repaired"_s, QString::fromUtf8(*result.repaired));
        }
        if (result.budget) {
            const uui::SipBudget& b = *result.budget;
            o.insert(u"budget"_s, QJsonObject{{u"encoding"_s, uui::encodingKey(b.profile.encoding)},
                                              {u"jsonBytes"_s, b.jsonBytes},
                                              {u"headerLineLength"_s, b.headerLineLength},
                                              {u"headerValueLength"_s, b.headerValueLength},
                                              {u"decodedBytes"_s, b.decodedBytes},
                                              {u"limit"_s, b.limit},
                                              {u"limitAppliesTo"_s, uui::limitAppliesToKey(b.limitAppliesTo)},
                                              {u"remaining"_s, b.remaining}});
        }
        context.printJson(o);
    } else {
        context.printDiagnostics(result.diagnostics, name);
        if (result.diagnostics.isEmpty()) {
            context.err() << tr("%1: no problems found.").arg(name) << u'\n' << Qt::flush;
        } else if (result.repaired) {
            context.err() << tr("%1: run with --fix to print the text with straight quotes.").arg(name) << u'\n'
                          << Qt::flush;
        }
    }
    return Context::exitCodeFor(result.diagnostics);
}

// ---- uui export -------------------------------------------------------------------------------------------------

int exportCommand(Context& context, const QStringList& args) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Prints what to paste into Genesys Architect's Set UUI Data action: the Architect expression that builds "
           "the UUI from flow variables (default), or the literal JSON."));
    const QCommandLineOption projectOpt(u"project"_s, tr("The .handoff project."), u"file"_s);
    const QCommandLineOption format(u"format"_s, tr("expression (default) or json."), u"expression|json"_s);
    const QCommandLineOption tokenVar(
        u"token-var"_s,
        tr("The flow variable holding the token (default Task.uuiToken, the token the function mints for the call)."),
        u"name"_s);
    const QCommandLineOption callIdVar(
        u"call-id-var"_s, tr("The flow variable holding the VoiceCall id (default Task.voiceCallId)."), u"name"_s);
    const QCommandLineOption token(u"token"_s,
                                   tr("The token for the literal JSON, or - for standard input (otherwise it is "
                                      "signed with the project's key file)."),
                                   u"jwt|-"_s);
    const QCommandLineOption json(u"json"_s, tr("Print both forms and the diagnostics as JSON."));
    parser.addOption(environmentOption());
    parser.addOptions({projectOpt, format, tokenVar, callIdVar, token, json});
    if (auto code = parseCommandLine(parser, args, context)) {
        return *code;
    }
    if (!parser.isSet(projectOpt)) {
        return context.usageError(tr("Give the project with --project."));
    }
    const QString fmt = parser.value(format).isEmpty() ? u"expression"_s : parser.value(format);
    if (fmt != u"expression"_s && fmt != u"json"_s) {
        return context.usageError(tr("--format must be expression or json."));
    }
    auto loaded = loadUuiProject(context, parser.value(projectOpt), parser);
    if (auto* code = std::get_if<int>(&loaded)) {
        return *code;
    }
    ProjectWithPath lp = std::get<ProjectWithPath>(loaded);
    if (parser.isSet(tokenVar)) {
        lp.project.exports.tokenVariable = parser.value(tokenVar);
    }
    if (parser.isSet(callIdVar)) {
        lp.project.exports.callIdVariable = parser.value(callIdVar);
    }

    QByteArray tokenValue;
    const bool needToken = fmt == u"json"_s || parser.isSet(json) || !lp.project.exports.bindToken;
    if (parser.isSet(token)) {
        int exitCode = Ok;
        const auto t = readToken(context, parser.value(token), exitCode);
        if (!t) {
            return exitCode;
        }
        tokenValue = *t;
    } else if (needToken && !lp.project.key.keyFile.isEmpty()) {
        auto key = loadKey(context, lp);
        if (auto* code = std::get_if<int>(&key)) {
            return *code;
        }
        tokenValue = project::compose(lp.project, &std::get<crypto::PrivateKey>(key), context.clock()).token;
    } else if (fmt == u"json"_s) {
        return context.reportError({u"CLI011"_s, tr("The literal JSON needs a token: pass --token, or set the "
                                                    "project's key file so it can be signed.")},
                                   Failure);
    }
    const project::Composition c = project::composeWithToken(lp.project, tokenValue, context.clock());
    const exports::SetUuiDataExport& e = c.setUuiData;
    diagnostics::Diagnostics list = e.diagnostics;
    if (parser.isSet(json)) {
        QJsonObject o{{u"expression"_s, e.expression},
                      {u"tokenVariable"_s, lp.project.exports.tokenVariable},
                      {u"callIdVariable"_s, lp.project.exports.callIdVariable},
                      {u"diagnostics"_s, Context::diagnosticsToJson(list)}};
        if (!tokenValue.isEmpty()) {
            o.insert(u"json"_s, QString::fromUtf8(e.json));
        }
        context.printJson(o);
    } else {
        context.out() << (fmt == u"json"_s ? QString::fromUtf8(e.json) : e.expression) << u'\n' << Qt::flush;
        context.printDiagnostics(list, parser.value(projectOpt));
    }
    return Context::exitCodeFor(list);
}

} // namespace

CommandGroup uuiCommands() {
    return {u"uui"_s, tr("Compose, check and export the UUI (User-to-User header) for the SIP transfer"),
            [](Context& context, const QStringList& args) {
                return dispatchSubcommands(
                    context, u"uui"_s, tr("Compose, check and export the UUI for the SIP transfer."),
                    {
                        {u"compose"_s, tr("Compose the UUI and the SIP header; show the size budget."), compose},
                        {u"check"_s, tr("Check pasted UUI JSON (quotes, keys, fields, token, size)."), check},
                        {u"export"_s, tr("Print the Set UUI Data expression or JSON for Architect."), exportCommand},
                    },
                    args);
            }};
}

} // namespace handoff::cli
