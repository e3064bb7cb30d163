#include "exports/FunctionPackage.h"

#include "common/SaveFile.h"
#include "diagnostics/Catalog.h"
#include "exports/FunctionSource.h"
#include "project/Project.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace handoff::exports {

namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("handoff::exports", text);
}

constexpr qint64 kMaxTokenSeconds = 24 * 60 * 60;

QJsonObject policyObject(const project::TokenPolicy& policy) {
    return {{u"ttlSeconds"_s, double(policy.ttlSeconds)}, {u"jti"_s, policy.jti}};
}

QByteArray packageJson(const project::Project& project) {
    // Key order matters to people reading it; written by hand.
    const QByteArray description =
        QJsonDocument(
            QJsonObject{{u"d"_s, u"Creates a Salesforce VoiceCall and mints the UUI token for \"%1\" "
                                 u"(Handoff Studio)."_s.arg(project.name.isEmpty() ? u"handoff"_s : project.name)}})
            .toJson(QJsonDocument::Compact);
    const QByteArray descriptionValue = description.mid(5, description.size() - 6);
    return QByteArray("{\n"
                      "  \"name\": \"handoff-voicecall-function\",\n"
                      "  \"version\": \"1.0.0\",\n"
                      "  \"description\": ") +
           descriptionValue +
           ",\n"
           "  \"main\": \"src/index.js\",\n"
           "  \"private\": true,\n"
           "  \"license\": \"UNLICENSED\",\n"
           "  \"engines\": { \"node\": \">=18\" },\n"
           "  \"dependencies\": {}\n"
           "}\n";
}

QByteArray readme(const project::Project& project) {
    const FunctionSettings& s = project.functionDataAction;
    const bool sub = project.org.subRequired();
    QString text;
    text += u"# Function Data Action: create the VoiceCall and mint the UUI token\n\n"_s;
    text += u"Written by Handoff Studio (`handoff export function`). Upload this zip as the function of a Genesys "
            u"Cloud Function Data Action.\n\n"_s;
    text += u"## Settings\n\n"_s;
    text += u"- Handler: `%1`\n"_s.arg(QString::fromLatin1(kFunctionHandler));
    text += u"- Runtime: `%1`\n"_s.arg(s.runtime);
    text += u"- Timeout: %1 s (the function fits its one retry after a 429 inside it)\n"_s.arg(s.timeoutSeconds);
    text += u"- No npm dependencies: the code uses Node's built-in `crypto` and the global `fetch` (Node 18 or "
            u"newer).\n\n"_s;
    text += u"## Integration credentials\n\n"_s;
    text += u"Add a credential field `privateKey` to the integration and paste the PEM private key whose certificate "
            u"is registered in Salesforce. Real line breaks, the two characters `\\n` in their place, or one line "
            u"all work. The request template (`handoff export contracts`) passes it to the function as "
            u"`$!{credentials.privateKey}`; it is never a flow input. The function never logs it.\n\n"_s;
    text += u"## Inputs and outputs\n\n"_s;
    text += u"Inputs (strings): `to`, `from`, `callCenterApiName`, `scrtBaseUrl`, `salesforceOrgId`, "
            u"`callAttributes` (optional, a JSON object such as `{\"Department__c\":\"Support\"}`), "
            u"`vendorCallKey` (`Call.ConversationId`).\n\n"_s;
    text += u"Outputs: `voiceCallId` (18 characters), `uuiToken` (the token for the UUI's `token` field), "
            u"`warning` (the text Salesforce gives when the VoiceCall was created but some fields failed; empty "
            u"otherwise).\n\n"_s;
    text += u"## What it signs\n\n"_s;
    text += u"- API token (Authorization of voiceCalls): RS256, %1 s, %2, fresh for every request.\n"_s
                .arg(project.apiToken.ttlSeconds)
                .arg(project.apiToken.jti ? u"with a new `jti`"_s : u"without `jti`"_s);
    text += u"- UUI token: RS256, %1 s, %2.\n"_s.arg(project.uuiToken.ttlSeconds)
                .arg(project.uuiToken.jti ? u"with a new `jti` (single use)"_s : u"without `jti` (reusable)"_s);
    text += u"- Claims `iat`, `exp`, `iss` (the org id, 15 characters)%1.\n\n"_s.arg(
        sub ? u", `sub` (the Call Center API name)"_s
            : u" (no `sub`: not Salesforce Voice with Telephony Providers)"_s);
    text += u"## Failures (the action's failure path)\n\n"_s;
    text += u"- HTTP 429: retried once when its Retry-After fits inside the timeout; otherwise a failure.\n"_s;
    text += u"- A dropped connection or no answer in time after sending: never retried (the VoiceCall may exist).\n"_s;
    text += u"- A created VoiceCall whose `errors` is a string: a success, with that text in `warning`.\n"_s;
    text += u"- Anything else: a failure whose message says what to check.\n"_s;
    return text.toUtf8();
}

} // namespace

QByteArray FunctionPackage::file(const QString& path) const {
    for (const ArchiveEntry& entry : files) {
        if (entry.path == path) {
            return entry.data;
        }
    }
    return {};
}

QByteArray functionPolicyJson(const project::Project& project) {
    const QJsonObject policy{{u"apiToken"_s, policyObject(project.apiToken)},
                             {u"uuiToken"_s, policyObject(project.uuiToken)},
                             {u"includeSubject"_s, project.org.subRequired()},
                             {u"timeoutSeconds"_s, project.functionDataAction.timeoutSeconds}};
    return QJsonDocument(policy).toJson(QJsonDocument::Compact);
}

FunctionPackage buildFunctionPackage(const project::Project& project) {
    FunctionPackage package;
    package.diagnostics = project.functionDataAction.validate();
    const std::pair<const char*, const project::TokenPolicy*> policies[] = {{"tokens.api", &project.apiToken},
                                                                            {"tokens.uui", &project.uuiToken}};
    for (const auto& [field, policy] : policies) {
        if (policy->ttlSeconds <= 0 || policy->ttlSeconds > kMaxTokenSeconds) {
            package.diagnostics.append(diagnostics::make(
                "EXP012",
                handoff::exports::tr("The token lifetime is %1 s; Salesforce accepts 1 s to 24 h. Correct the "
                                     "token policy before exporting the function.")
                    .arg(policy->ttlSeconds),
                diagnostics::Location{QString::fromLatin1(field) + u".ttlSeconds"_s}));
        }
    }
    if (project.key.isEmpty()) {
        package.diagnostics.append(diagnostics::make(
            "EXP013",
            handoff::exports::tr("The project names no key. The function signs with the key in the integration's "
                                 "privateKey credential; its certificate must be the one registered in Salesforce."),
            diagnostics::Location{u"key"_s}));
    }

    QByteArray index(generated::kIndexJs);
    index.replace("__HANDOFF_POLICY__", functionPolicyJson(project));
    package.files.append({u"src/index.js"_s, index});
    package.files.append({u"package.json"_s, packageJson(project)});
    package.files.append({u"README.md"_s, readme(project)});
    return package;
}

bool isUploadableZipName(const QString& fileName) {
    static const QRegularExpression allowed(u"^[A-Za-z0-9+\\-_.'()]+$"_s);
    return allowed.match(fileName).hasMatch() && fileName.endsWith(u".zip"_s, Qt::CaseInsensitive);
}

Result<void> writeFunctionZip(const FunctionPackage& package, const QString& path, bool force) {
    if (!package.ok()) {
        return fail(u"EXP017"_s, handoff::exports::tr("The function package has errors; correct them first."));
    }
    const QFileInfo info(path);
    if (!isUploadableZipName(info.fileName())) {
        return fail(u"EXP015"_s,
                    handoff::exports::tr("\"%1\" is not a name Genesys takes for an upload: use a .zip name of "
                                         "letters, digits and + - _ . ' ( ) only.")
                        .arg(info.fileName()));
    }
    if (info.exists() && !force) {
        return fail(u"EXP014"_s,
                    handoff::exports::tr("%1 exists and was left as it is; choose another file or replace it "
                                         "(--force on the command line).")
                        .arg(path));
    }
    auto bytes = zipArchive(package.files);
    if (!bytes) {
        return tl::unexpected(bytes.error());
    }
    return io::saveAtomically(path, *bytes);
}

} // namespace handoff::exports
