#include "CliContext.h"
#include "ProjectLoading.h"
#include "crypto/Certificate.h"
#include "crypto/PrivateKey.h"
#include "crypto/SecureBytes.h"
#include "diagnostics/Catalog.h"
#include "jwt/JwtClaims.h"
#include "project/ProjectFile.h"
#include "telephony/CallAttributes.h"
#include "telephony/CurlCommand.h"
#include "telephony/VoiceCallsClient.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QLocale>

#include <memory>

using namespace Qt::StringLiterals;

namespace handoff::cli {

namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("handoff::cli", text);
}

QString trn(const char* text, int n) {
    return QCoreApplication::translate("handoff::cli", text, nullptr, n);
}

// The options `call test` and `call curl` share.
struct CallOptions {
    QCommandLineOption baseUrl{u"base-url"_s, tr("SCRT2 base URL or domain, or the emulator's URL."), u"url"_s};
    QCommandLineOption key{u"key"_s,
                           tr("Private key (PEM) that signs the API token. Passphrase: env "
                              "HANDOFF_KEY_PASSPHRASE or a prompt."),
                           u"file"_s};
    QCommandLineOption org{u"org"_s, tr("Org id (the token's iss)."), u"id"_s};
    QCommandLineOption callCenter{u"call-center"_s,
                                  tr("Call Center API name (the token's sub, and callCenterApiName)."), u"name"_s};
    QCommandLineOption customerType{u"customer-type"_s,
                                    tr("scv (Salesforce Voice with Telephony Providers: sub is sent, the default) or "
                                       "other (Open CTI and others: no sub)."),
                                    u"type"_s, u"scv"_s};
    QCommandLineOption to{u"to"_s, tr("The contact-centre number dialled."), u"number"_s};
    QCommandLineOption from{u"from"_s, tr("The caller's number (Genesys Call.Ani; tel:+1... accepted)."), u"number"_s};
    QCommandLineOption vendorCallKey{
        u"vendor-call-key"_s, tr("vendorCallKey (Genesys Call.ConversationId); default: a new test key."), u"key"_s};
    QCommandLineOption initiation{u"initiation-method"_s, tr("Inbound (default) or Transfer."), u"method"_s,
                                  u"Inbound"_s};
    QCommandLineOption parent{u"parent-voice-call-id"_s, tr("parentVoiceCallId (Transfer only)."), u"id"_s};
    QCommandLineOption origin{u"call-origin"_s, tr("callOrigin."), u"text"_s};
    QCommandLineOption subtype{u"call-subtype"_s, tr("callSubtype: PSTN or WebRTC."), u"subtype"_s};
    QCommandLineOption queue{u"queue"_s, tr("queue."), u"queue"_s};
    QCommandLineOption attribute{u"attribute"_s, tr("A callAttributes pair FIELD=VALUE (repeatable, kept in order)."),
                                 u"pair"_s};
    QCommandLineOption attributes{u"call-attributes"_s,
                                  tr("callAttributes as pasted text: a JSON object (single quotes are read, with a "
                                     "warning)."),
                                  u"text"_s};
    QCommandLineOption provider{u"provider-name"_s, tr("Telephony-Provider-Name header (not sent by default)."),
                                u"name"_s};
    QCommandLineOption region{u"region"_s,
                              tr("Region for numbers in national form (ISO code such as US, GB); default: this "
                                 "computer's."),
                              u"code"_s};
    QCommandLineOption pin{u"pin"_s,
                           tr("Trust a self-signed server certificate with this SHA-256 (hex), e.g. the "
                              "emulator's."),
                           u"sha256"_s};
    QCommandLineOption caCert{u"cacert"_s, tr("Trust this certificate file (pinned by its SHA-256)."), u"file"_s};
    QCommandLineOption project{u"project"_s,
                               tr("Read org, call center, key file and the testCall section from a project file; "
                                  "flags override it."),
                               u"file"_s};

    void addTo(QCommandLineParser& parser) const {
        parser.addOptions({baseUrl,       key,        org,    callCenter, customerType, to,     from,
                           vendorCallKey, initiation, parent, origin,     subtype,      queue,  attribute,
                           attributes,    provider,   region, pin,        caCert,       project});
        parser.addOption(environmentOption());
    }
};

// What the shared options resolve to.
struct CallSetup {
    telephony::Endpoint endpoint;
    telephony::VoiceCallRequest request;
    telephony::ClientOptions client;
    QString keyFile;
    QString orgId;
    QString callCenter;
    salesforce::CustomerType customerType = salesforce::CustomerType::VoiceWithTelephonyProviders;
    QString caCertFile;
    std::optional<std::pair<qint64, bool>> apiTokenPolicy; // the project's (ttl, jti), when from a project
    diagnostics::Diagnostics diagnostics;                  // found while reading the options (callAttributes, endpoint)
};

QString defaultRegion() {
    const QString name = QLocale::system().name(); // "en_US"
    const qsizetype underscore = name.indexOf(u'_');
    return underscore > 0 ? name.mid(underscore + 1, 2) : QString();
}

// Parses hex with or without colons into 32 raw bytes.
std::optional<QByteArray> parsePin(const QString& text) {
    QString hex = text;
    hex.remove(u':');
    if (hex.startsWith(u"sha256/"_s, Qt::CaseInsensitive)) {
        hex = hex.mid(7);
    }
    const QByteArray bytes = QByteArray::fromHex(hex.toLatin1());
    if (bytes.size() != 32 || hex.size() != 64) {
        return std::nullopt;
    }
    return bytes;
}

// Reads the options; returns an exit code on a usage or file error.
std::variant<CallSetup, int> readSetup(Context& context, const QCommandLineParser& parser, const CallOptions& o,
                                       bool needKey) {
    CallSetup setup;
    // Values from the project file, if one is given; flags win over them.
    std::optional<project::Project> loadedProject;
    if (parser.isSet(o.project)) {
        auto loaded = project::ProjectFile::load(parser.value(o.project));
        if (!loaded) {
            return context.reportError(loaded.error(), Failure);
        }
        loadedProject = loaded->project;
        if (!applyEnvironmentArgument(context, *loadedProject, parser)) {
            return Usage;
        }
        setup.apiTokenPolicy = std::pair(loadedProject->apiToken.ttlSeconds, loadedProject->apiToken.jti);
    }
    const telephony::TestCallSettings testCall =
        loadedProject ? loadedProject->testCall.value_or(telephony::TestCallSettings{}) : telephony::TestCallSettings{};
    auto value = [&](const QCommandLineOption& option, const QString& fromProject) {
        return parser.isSet(option) ? parser.value(option) : fromProject;
    };
    QString projectKeyFile;
    QString projectBaseUrl;
    if (loadedProject) {
        projectKeyFile = loadedProject->key.keyFile;
        if (!projectKeyFile.isEmpty() && QFileInfo(projectKeyFile).isRelative()) {
            projectKeyFile = QFileInfo(parser.value(o.project)).dir().filePath(projectKeyFile);
        }
        if (testCall.target == telephony::TestCallTarget::Org) {
            projectBaseUrl = loadedProject->org.scrt2Domain;
        }
    }
    const QString baseUrl = value(o.baseUrl, projectBaseUrl);
    const QString keyFile = value(o.key, projectKeyFile);
    const QString orgId = value(o.org, loadedProject ? loadedProject->org.orgId : QString()).trimmed();
    const QString callCenter =
        value(o.callCenter, loadedProject ? loadedProject->org.callCenterApiName : QString()).trimmed();
    const QString to = value(o.to, loadedProject ? testCall.to : QString());
    const QString from = value(o.from, loadedProject ? testCall.from : QString());

    QStringList missing;
    if (baseUrl.trimmed().isEmpty()) {
        missing << (loadedProject ? tr("--base-url (the project's test calls go to the built-in emulator: give its "
                                       "URL)")
                                  : u"--base-url"_s);
    }
    if (orgId.isEmpty()) {
        missing << u"--org"_s;
    }
    if (to.trimmed().isEmpty()) {
        missing << u"--to"_s;
    }
    if (from.trimmed().isEmpty()) {
        missing << u"--from"_s;
    }
    if (needKey && keyFile.isEmpty()) {
        missing << (loadedProject && !loadedProject->key.keychainId.isEmpty()
                        ? tr("--key (the project's key is in the OS keychain, which the command line does not read)")
                        : u"--key"_s);
    }
    const auto type = parser.isSet(o.customerType)
                          ? salesforce::customerTypeFromKey(parser.value(o.customerType))
                          : std::optional(loadedProject ? loadedProject->org.customerType
                                                        : salesforce::CustomerType::VoiceWithTelephonyProviders);
    if (!type) {
        return context.usageError(tr("--customer-type must be scv or other."));
    }
    setup.customerType = *type;
    if (setup.customerType == salesforce::CustomerType::VoiceWithTelephonyProviders && callCenter.isEmpty()) {
        missing << u"--call-center"_s;
    }
    if (!missing.isEmpty()) {
        return context.usageError(tr("Missing %1.").arg(missing.join(u", "_s)));
    }
    const QString method = value(o.initiation, telephony::initiationMethodName(testCall.initiationMethod));
    if (method.compare(u"Inbound"_s, Qt::CaseInsensitive) != 0 &&
        method.compare(u"Transfer"_s, Qt::CaseInsensitive) != 0) {
        return context.usageError(tr("--initiation-method must be Inbound or Transfer."));
    }

    setup.endpoint = telephony::resolveEndpoint(baseUrl);
    setup.diagnostics.append(setup.endpoint.diagnostics);
    setup.keyFile = keyFile;
    setup.orgId = orgId;
    setup.callCenter = callCenter;

    telephony::VoiceCallRequest& r = setup.request;
    r = testCall.request(callCenter, parser.isSet(o.vendorCallKey) ? parser.value(o.vendorCallKey)
                                                                   : u"handoff-test-"_s + jwt::newJti());
    r.to = to;
    r.from = from;
    r.initiationMethod = method.compare(u"Transfer"_s, Qt::CaseInsensitive) == 0 ? telephony::InitiationMethod::Transfer
                                                                                 : telephony::InitiationMethod::Inbound;
    r.parentVoiceCallId = parser.value(o.parent);
    r.callOrigin = value(o.origin, r.callOrigin);
    r.callSubtype = value(o.subtype, r.callSubtype);
    r.queue = value(o.queue, r.queue);
    if (parser.isSet(o.attributes) || parser.isSet(o.attribute)) {
        r.callAttributes.clear(); // flags replace the project's pairs
    }
    if (parser.isSet(o.attributes)) {
        telephony::ParsedCallAttributes parsed = telephony::parseCallAttributes(parser.value(o.attributes));
        r.callAttributes = parsed.attributes;
        for (const diagnostics::Diagnostic& d : std::as_const(parsed.diagnostics)) {
            if (d.code != u"TEL005"_s || r.callAttributes.isEmpty()) {
                setup.diagnostics.append(d); // the builder reports name problems again; keep one copy
            }
        }
    }
    for (const QString& pair : parser.values(o.attribute)) {
        const qsizetype eq = pair.indexOf(u'=');
        if (eq <= 0) {
            return context.usageError(tr("--attribute takes FIELD=VALUE, got \"%1\".").arg(pair));
        }
        r.callAttributes.append({pair.left(eq).trimmed(), pair.mid(eq + 1)});
    }

    setup.client.build.telephonyProviderName = value(o.provider, testCall.telephonyProviderName);
    setup.client.build.defaultRegion =
        value(o.region, !testCall.defaultRegion.isEmpty() ? testCall.defaultRegion : defaultRegion());
    if (parser.isSet(o.pin)) {
        const auto pin = parsePin(parser.value(o.pin));
        if (!pin) {
            return context.usageError(tr("--pin takes the certificate's SHA-256 as 64 hex digits."));
        }
        setup.client.pinnedCertificateSha256 = *pin;
    }
    if (parser.isSet(o.caCert)) {
        setup.caCertFile = parser.value(o.caCert);
        auto certificate = crypto::Certificate::load(setup.caCertFile);
        if (!certificate) {
            return context.reportError(certificate.error(), Failure);
        }
        setup.client.pinnedCertificateSha256 = certificate->sha256Fingerprint();
    }
    return setup;
}

std::shared_ptr<telephony::ApiTokenSource> tokenSource(const CallSetup& setup, crypto::PrivateKey key,
                                                       const Clock& clock) {
    auto source = std::make_shared<telephony::JwtApiTokenSource>(std::move(key), setup.orgId, setup.callCenter,
                                                                 setup.customerType, clock);
    if (setup.apiTokenPolicy) {
        source->setPolicy(setup.apiTokenPolicy->first, setup.apiTokenPolicy->second);
    }
    return source;
}

QJsonObject resultJson(const telephony::VoiceCallResult& result, const diagnostics::Diagnostics& all,
                       const QUrl& endpoint) {
    QJsonValue errors;
    if (result.errorsWasString) {
        errors = result.errors.join(u"; "_s);
    } else {
        errors = QJsonArray::fromStringList(result.errors);
    }
    return QJsonObject{
        {u"outcome"_s, telephony::callOutcomeName(result.outcome)},
        {u"status"_s, result.httpStatus},
        {u"voiceCallId"_s,
         result.voiceCallId.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(result.voiceCallId)},
        {u"voiceCallId18"_s,
         result.voiceCallId18.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(result.voiceCallId18)},
        {u"latencyMs"_s, result.latencyMs},
        {u"attempts"_s, result.attempts},
        {u"errors"_s, errors},
        {u"endpoint"_s, endpoint.toString()},
        {u"diagnostics"_s, Context::diagnosticsToJson(all)},
    };
}

int runTest(Context& context, const QStringList& args) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Sends one voiceCalls request (creates a VoiceCall) with a freshly signed API token, and explains the "
           "answer. Exit code 0 when the VoiceCall was created, 1 when it was refused, 3 when no answer came."));
    CallOptions o;
    o.addTo(parser);
    const QCommandLineOption json(u"json"_s, tr("Print the outcome as JSON."));
    const QCommandLineOption connectTimeout(u"connect-timeout"_s, tr("Connect timeout in ms (default 10000)."), u"ms"_s,
                                            u"10000"_s);
    const QCommandLineOption timeout(u"timeout"_s, tr("Total timeout in ms (default 15000)."), u"ms"_s, u"15000"_s);
    const QCommandLineOption noRetry(u"no-retry"_s, tr("Do not retry once after a 429."));
    parser.addOptions({json, connectTimeout, timeout, noRetry});
    if (auto exit = parseCommandLine(parser, args, context)) {
        return *exit;
    }
    auto read = readSetup(context, parser, o, true);
    if (const int* exit = std::get_if<int>(&read)) {
        return *exit;
    }
    CallSetup setup = std::get<CallSetup>(std::move(read));
    bool ok1 = false;
    bool ok2 = false;
    setup.client.connectTimeoutMs = parser.value(connectTimeout).toInt(&ok1);
    setup.client.totalTimeoutMs = parser.value(timeout).toInt(&ok2);
    if (!ok1 || !ok2 || setup.client.connectTimeoutMs <= 0 || setup.client.totalTimeoutMs <= 0) {
        return context.usageError(tr("--connect-timeout and --timeout take a positive number of milliseconds."));
    }
    setup.client.retryOn429 = !parser.isSet(noRetry);

    auto finishWith = [&](const telephony::VoiceCallResult& result, diagnostics::Diagnostics all) -> int {
        if (parser.isSet(json)) {
            context.printJson(resultJson(result, all, setup.endpoint.voiceCallsUrl));
        } else {
            if (result.attempts > 0) {
                context.out() << tr("POST %1").arg(setup.endpoint.voiceCallsUrl.toString()) << u'\n';
                context.out() << (result.httpStatus > 0 ? tr("HTTP %1").arg(result.httpStatus) : tr("no HTTP answer"))
                              << u", "_s << tr("%1 ms").arg(result.latencyMs) << u", "_s
                              << trn("%n attempt(s)", result.attempts) << u'\n';
            }
            if (!result.voiceCallId.isEmpty()) {
                context.out() << u"voiceCallId   "_s << result.voiceCallId << u'\n' << u"voiceCallId18 "_s
                              << result.voiceCallId18 << u'\n';
            }
            for (const QString& error : result.errors) {
                context.out() << u"error: "_s << error << u'\n';
            }
            context.out().flush();
            context.printDiagnostics(all);
        }
        if (result.created()) {
            return Ok;
        }
        return result.httpStatus > 0 || result.attempts == 0 ? Problems : Failure;
    };

    if (diagnostics::hasErrors(setup.diagnostics) || setup.endpoint.voiceCallsUrl.isEmpty()) {
        return finishWith({}, setup.diagnostics);
    }
    auto key = context.loadPrivateKey(setup.keyFile);
    if (!key) {
        return context.reportError(key.error(), Failure);
    }
    telephony::VoiceCallsClient client(setup.endpoint.voiceCallsUrl, tokenSource(setup, *key, context.clock()),
                                       context.clock(), setup.client);
    std::unique_ptr<telephony::VoiceCallsReply> reply(client.createVoiceCall(setup.request));
    reply->waitForFinished(setup.client.totalTimeoutMs + setup.client.connectTimeoutMs + 5000);
    if (!reply->isFinished()) {
        reply->abort();
    }
    diagnostics::Diagnostics all = setup.diagnostics;
    all.append(reply->result().diagnostics);
    return finishWith(reply->result(), all);
}

int runCurl(Context& context, const QStringList& args) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Prints the cURL command for the same voiceCalls request. The token is redacted to $HANDOFF_API_TOKEN "
           "unless --reveal-token is given (which needs --key and prints a live, single-use token)."));
    CallOptions o;
    o.addTo(parser);
    const QCommandLineOption reveal(u"reveal-token"_s, tr("Sign a token and print it in the command."));
    const QCommandLineOption oneLine(u"one-line"_s, tr("Print the command on one line."));
    parser.addOptions({reveal, oneLine});
    if (auto exit = parseCommandLine(parser, args, context)) {
        return *exit;
    }
    auto read = readSetup(context, parser, o, parser.isSet(reveal));
    if (const int* exit = std::get_if<int>(&read)) {
        return *exit;
    }
    CallSetup setup = std::get<CallSetup>(std::move(read));
    if (diagnostics::hasErrors(setup.diagnostics) || setup.endpoint.voiceCallsUrl.isEmpty()) {
        context.printDiagnostics(setup.diagnostics);
        return Problems;
    }
    std::shared_ptr<telephony::ApiTokenSource> tokens = std::make_shared<telephony::StaticApiTokenSource>(QByteArray());
    if (parser.isSet(reveal)) {
        auto key = context.loadPrivateKey(setup.keyFile);
        if (!key) {
            return context.reportError(key.error(), Failure);
        }
        tokens = tokenSource(setup, *key, context.clock());
    }
    telephony::VoiceCallsClient client(setup.endpoint.voiceCallsUrl, tokens, context.clock(), setup.client);
    diagnostics::Diagnostics all = setup.diagnostics;
    const telephony::HttpRequestSpec spec = client.prepare(setup.request, parser.isSet(reveal), &all);
    telephony::CurlOptions options;
    options.revealToken = parser.isSet(reveal);
    options.caCertFile = setup.caCertFile;
    options.multiline = !parser.isSet(oneLine);
    options.connectTimeoutSecs = 10;
    options.maxTimeSecs = 15;
    context.out() << telephony::renderCurl(spec, options) << Qt::flush;
    if (!options.revealToken) {
        context.err() << tr("# The token is redacted: set HANDOFF_API_TOKEN to a fresh API token first, e.g. with "
                            "'handoff jwt sign' (API preset; a token with jti works once).")
                      << u'\n';
    }
    context.printDiagnostics(all);
    return Context::exitCodeFor(all);
}

} // namespace

CommandGroup callCommands() {
    const QString summary = tr("Create a test VoiceCall through the voiceCalls API, or print the cURL command");
    return {u"call"_s, summary, [summary](Context& context, const QStringList& args) {
                return dispatchSubcommands(
                    context, u"call"_s, summary,
                    {{u"test"_s, tr("Send one voiceCalls request and explain the answer"), runTest},
                     {u"curl"_s, tr("Print the equivalent cURL command (token redacted)"), runCurl}},
                    args);
            }};
}

} // namespace handoff::cli
