#include "CliContext.h"
#include "crypto/Certificate.h"
#include "crypto/PrivateKey.h"
#include "diagnostics/Catalog.h"
#include "jwt/ClaimRules.h"
#include "jwt/Jwt.h"
#include "salesforce/OrgProfile.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace handoff::cli {

namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("handoff::cli", text);
}

// --at EPOCH: the time to sign or check at, instead of now.
std::optional<qint64> parseEpoch(const QString& text) {
    bool ok = false;
    const qint64 secs = text.toLongLong(&ok);
    return ok && secs >= 0 ? std::optional<qint64>(secs) : std::nullopt;
}

// "k=v": v is JSON when it reads as a JSON value (42, true, null, "quoted", {...}), a plain string otherwise.
std::optional<std::pair<QString, QJsonValue>> parseClaim(const QString& text) {
    const qsizetype equals = text.indexOf(u'=');
    if (equals <= 0) {
        return std::nullopt;
    }
    const QString name = text.left(equals);
    const QString raw = text.mid(equals + 1);
    QJsonParseError error;
    const QJsonDocument wrapped = QJsonDocument::fromJson((u'[' + raw + u']').toUtf8(), &error);
    if (error.error == QJsonParseError::NoError && wrapped.array().size() == 1) {
        return std::pair{name, wrapped.array().first()};
    }
    return std::pair{name, QJsonValue(raw)};
}

// The token from the argument, or standard input for "-".
Result<QByteArray> readToken(Context& context, const QString& argument) {
    if (argument == u"-"_s) {
        auto input = context.readInput(argument);
        if (!input) {
            return input;
        }
        return input->trimmed();
    }
    return argument.trimmed().toLatin1();
}

diagnostics::Diagnostic fromError(const Error& error, const QString& field) {
    return diagnostics::make(error.code.toLatin1().constData(), error.message, diagnostics::Location{field});
}

QString describeTime(qint64 secs) {
    return QDateTime::fromSecsSinceEpoch(secs, Qt::UTC).toString(Qt::ISODate);
}

int runSign(Context& context, const QStringList& args) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Signs an RS256 JWT for Salesforce and prints the token alone on standard output. The default is the API "
           "token preset (5 minutes, a fresh jti); --preset uui makes the reusable UUI token (24 hours, no jti). An "
           "encrypted key's passphrase comes from HANDOFF_KEY_PASSPHRASE or standard input, never from the command "
           "line."));
    const QCommandLineOption key(u"key"_s, tr("The private key file (PEM, RSA)."), u"file"_s);
    const QCommandLineOption iss(u"iss"_s, tr("The org id (00D...) where the certificate is registered."), u"id"_s);
    const QCommandLineOption sub(u"sub"_s,
                                 tr("The Call Center API name (Salesforce Voice with Telephony "
                                    "Providers only; leave out otherwise)."),
                                 u"name"_s);
    const QCommandLineOption ttl(u"ttl"_s, tr("Lifetime: 300s, 5m, 24h (at most 24h)."), u"duration"_s);
    const QCommandLineOption jti(u"jti"_s, tr("auto: a fresh UUID (single use); none: no jti (reusable)."),
                                 u"auto|none"_s);
    const QCommandLineOption preset(u"preset"_s, tr("api (default: 5 min, jti) or uui (24 h, no jti, reusable)."),
                                    u"uui|api"_s);
    const QCommandLineOption claim(u"claim"_s,
                                   tr("An extra claim, k=v (v read as JSON when it is JSON, else as "
                                      "text); repeatable."),
                                   u"k=v"_s);
    const QCommandLineOption at(u"at"_s, tr("Sign as of this time (seconds since 1970) instead of now."), u"epoch"_s);
    const QCommandLineOption allowInvalid(u"allow-invalid"_s,
                                          tr("Sign even when the claims break Salesforce's rules (for negative "
                                             "tests)."));
    parser.addOptions({key, iss, sub, ttl, jti, preset, claim, at, allowInvalid});
    if (auto done = parseCommandLine(parser, args, context)) {
        return *done;
    }
    if (!parser.positionalArguments().isEmpty()) {
        return context.usageError(tr("Unexpected argument '%1'. Secrets are never given on the command line.")
                                      .arg(parser.positionalArguments().first()));
    }
    if (!parser.isSet(key) || !parser.isSet(iss)) {
        return context.usageError(tr("Give --key and --iss."));
    }
    jwt::TokenPreset chosen = jwt::TokenPreset::Api;
    if (parser.isSet(preset)) {
        const auto p = jwt::presetFromKey(parser.value(preset));
        if (!p) {
            return context.usageError(tr("--preset is uui or api."));
        }
        chosen = *p;
    }
    jwt::TokenSpec spec = jwt::TokenSpec::forPreset(chosen, parser.value(iss).trimmed(), parser.value(sub).trimmed());
    if (parser.isSet(ttl)) {
        const auto seconds = jwt::parseDuration(parser.value(ttl));
        if (!seconds) {
            return context.usageError(seconds.error().message);
        }
        spec.ttlSecs = *seconds;
    }
    if (parser.isSet(jti)) {
        const QString value = parser.value(jti);
        if (value != u"auto"_s && value != u"none"_s) {
            return context.usageError(tr("--jti is auto or none."));
        }
        spec.withJti = value == u"auto"_s;
    }
    for (const QString& text : parser.values(claim)) {
        const auto parsed = parseClaim(text);
        if (!parsed) {
            return context.usageError(tr("--claim wants name=value, got '%1'.").arg(text));
        }
        spec.extraClaims.append(*parsed);
    }
    if (parser.isSet(at)) {
        const auto secs = parseEpoch(parser.value(at));
        if (!secs) {
            return context.usageError(tr("--at wants seconds since 1970-01-01 UTC, such as 1756767613."));
        }
        spec.issuedAt = *secs;
    }
    const auto privateKey = context.loadPrivateKey(parser.value(key));
    if (!privateKey) {
        return context.reportError(privateKey.error());
    }
    diagnostics::Diagnostics list = privateKey->checkForRs256(u"key"_s);
    if (diagnostics::hasErrors(list)) {
        context.printDiagnostics(list, parser.value(key));
        return Problems;
    }
    const jwt::Claims claims = jwt::buildClaims(spec, context.clock());
    jwt::ClaimRuleOptions options;
    options.reusable = spec.reusable;
    // The claims are checked at their own iat, so --at in the past signs a token that was valid then.
    const FixedClock signingTime = FixedClock::atSecs(claims.intClaim(u"iat"_s).value_or(0));
    list.append(jwt::checkClaims(claims, nullptr, signingTime, options));
    context.printDiagnostics(list);
    if (diagnostics::hasErrors(list) && !parser.isSet(allowInvalid)) {
        context.err() << tr("handoff: nothing was signed; fix the problems above (or pass --allow-invalid to sign "
                            "anyway).")
                      << u'\n' << Qt::flush;
        return Problems;
    }
    const auto token = jwt::sign(claims, *privateKey);
    if (!token) {
        return context.reportError(token.error());
    }
    context.out() << QString::fromLatin1(*token) << u'\n' << Qt::flush;
    return Ok;
}

QJsonObject decodedToJson(const jwt::DecodedJwt& token) {
    return QJsonObject{
        {u"header"_s, token.header},
        {u"claims"_s, token.claims.toObject()},
        {u"claimOrder"_s, QJsonArray::fromStringList(token.claims.names())},
        {u"signature"_s, QString::fromLatin1(token.rawSignature)},
        {u"signatureBytes"_s, token.signature.size()},
        {u"parts"_s, QJsonObject{{u"header"_s, QString::fromLatin1(token.rawHeader)},
                                 {u"payload"_s, QString::fromLatin1(token.rawPayload)},
                                 {u"signature"_s, QString::fromLatin1(token.rawSignature)}}},
    };
}

void printDecoded(QTextStream& out, const jwt::DecodedJwt& token) {
    out << tr("header:") << u' ' << QString::fromUtf8(token.headerJson) << u'\n';
    out << tr("claims:") << u'\n';
    for (const QString& name : token.claims.names()) {
        const QJsonValue value = token.claims.value(name);
        QString text = QString::fromUtf8(QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact));
        text = text.mid(1, text.size() - 2);
        out << u"  "_s << name << u": "_s << text;
        if ((name == u"iat"_s || name == u"exp"_s || name == u"nbf"_s) && token.claims.intClaim(name)) {
            out << u"  ("_s << describeTime(*token.claims.intClaim(name)) << u')';
        }
        out << u'\n';
    }
    out << tr("signature: %1 bytes").arg(token.signature.size()) << u'\n' << Qt::flush;
}

int runDecode(Context& context, const QStringList& args) {
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Shows a JWT's header, claims and signature size without verifying it."));
    parser.addPositionalArgument(u"token"_s, tr("The token, or - to read it from standard input."), u"TOKEN|-"_s);
    const QCommandLineOption json(u"json"_s, tr("Print header, claims and the raw parts as JSON."));
    parser.addOption(json);
    if (auto done = parseCommandLine(parser, args, context)) {
        return *done;
    }
    if (parser.positionalArguments().size() != 1) {
        return context.usageError(tr("Give one token, or - to read it from standard input."));
    }
    const auto text = readToken(context, parser.positionalArguments().first());
    if (!text) {
        return context.reportError(text.error());
    }
    const auto decoded = jwt::decode(*text);
    if (!decoded) {
        const diagnostics::Diagnostics list{fromError(decoded.error(), u"token"_s)};
        if (parser.isSet(json)) {
            context.printJson(QJsonObject{{u"diagnostics"_s, Context::diagnosticsToJson(list)}});
        }
        context.printDiagnostics(list);
        return Problems;
    }
    if (parser.isSet(json)) {
        QJsonObject object = decodedToJson(*decoded);
        object.insert(u"diagnostics"_s, QJsonArray());
        context.printJson(object);
    } else {
        printDecoded(context.out(), *decoded);
    }
    return Ok;
}

int runVerify(Context& context, const QStringList& args) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Verifies a JWT's RS256 signature with a certificate (or public key) and checks its claims the way "
           "Salesforce does: lifetime, expiry, iss, sub, jti. Exit code 1 when the signature or a claim fails."));
    parser.addPositionalArgument(u"token"_s, tr("The token, or - to read it from standard input."), u"TOKEN|-"_s);
    const QCommandLineOption cert(u"cert"_s,
                                  tr("The certificate registered in Salesforce (PEM or DER), or a PEM "
                                     "public key."),
                                  u"file"_s);
    const QCommandLineOption at(u"at"_s, tr("Check as of this time (seconds since 1970) instead of now."), u"epoch"_s);
    const QCommandLineOption orgId(u"org-id"_s, tr("The org id the token must name in iss."), u"id"_s);
    const QCommandLineOption callCenter(u"call-center"_s, tr("The Call Center API name the token must name in sub."),
                                        u"name"_s);
    const QCommandLineOption customerType(u"customer-type"_s,
                                          tr("scv (Salesforce Voice with Telephony Providers: sub required) or other "
                                             "(sub must be absent). Default: scv when --call-center is given."),
                                          u"scv|other"_s);
    const QCommandLineOption reusable(u"reusable"_s, tr("The token is meant to be reused (a UUI token): jti is a "
                                                        "problem."));
    const QCommandLineOption skew(u"skew"_s, tr("Allowed clock skew for iat in seconds (default 60)."), u"secs"_s,
                                  u"60"_s);
    const QCommandLineOption json(u"json"_s, tr("Print the result as JSON."));
    parser.addOptions({cert, at, orgId, callCenter, customerType, reusable, skew, json});
    if (auto done = parseCommandLine(parser, args, context)) {
        return *done;
    }
    if (parser.positionalArguments().size() != 1) {
        return context.usageError(tr("Give one token, or - to read it from standard input."));
    }
    if (!parser.isSet(cert)) {
        return context.usageError(tr("Give --cert with the certificate registered in Salesforce."));
    }
    std::optional<FixedClock> fixed;
    if (parser.isSet(at)) {
        const auto secs = parseEpoch(parser.value(at));
        if (!secs) {
            return context.usageError(tr("--at wants seconds since 1970-01-01 UTC, such as 1756767613."));
        }
        fixed = FixedClock::atSecs(*secs);
    }
    const Clock& clock = fixed ? static_cast<const Clock&>(*fixed) : context.clock();
    jwt::ClaimRuleOptions options;
    bool skewOk = false;
    options.clockSkewSecs = parser.value(skew).toLongLong(&skewOk);
    if (!skewOk || options.clockSkewSecs < 0) {
        return context.usageError(tr("--skew wants a number of seconds."));
    }
    options.reusable = parser.isSet(reusable);
    std::optional<salesforce::OrgProfile> profile;
    if (parser.isSet(orgId) || parser.isSet(callCenter) || parser.isSet(customerType)) {
        profile.emplace();
        profile->orgId = parser.value(orgId).trimmed();
        profile->callCenterApiName = parser.value(callCenter).trimmed();
        if (parser.isSet(customerType)) {
            const auto type = salesforce::customerTypeFromKey(parser.value(customerType));
            if (!type) {
                return context.usageError(tr("--customer-type is scv or other."));
            }
            profile->customerType = *type;
        } else {
            // Without the type, sub is checked only against a given call center name.
            options.checkSubject = parser.isSet(callCenter);
        }
    }

    const auto text = readToken(context, parser.positionalArguments().first());
    if (!text) {
        return context.reportError(text.error());
    }
    diagnostics::Diagnostics list;
    const auto decoded = jwt::decode(*text);
    if (!decoded) {
        list.append(fromError(decoded.error(), u"token"_s));
    }
    // The certificate or public key.
    crypto::PublicKey publicKey;
    QFile file(parser.value(cert));
    if (!file.open(QIODevice::ReadOnly)) {
        return context.reportError(
            {u"KEY001"_s, tr("Cannot read %1: %2.").arg(parser.value(cert), file.errorString())});
    }
    const QByteArray certData = file.readAll();
    if (certData.contains("PUBLIC KEY-----")) {
        const auto key = crypto::PublicKey::fromPem(certData);
        if (!key) {
            list.append(fromError(key.error(), u"certificate"_s));
        } else {
            publicKey = *key;
        }
    } else {
        const auto certificate = crypto::Certificate::fromData(certData);
        if (!certificate) {
            list.append(fromError(certificate.error(), u"certificate"_s));
        } else {
            publicKey = certificate->publicKey();
            list.append(certificate->check(clock, u"certificate"_s));
        }
    }
    bool signatureValid = false;
    if (decoded && !publicKey.isNull()) {
        const auto verified = jwt::verify(*decoded, publicKey);
        signatureValid = verified.has_value();
        if (!verified && verified.error().code != u"JWT004"_s && verified.error().code != u"JWT005"_s) {
            list.append(fromError(verified.error(), u"signature"_s));
        }
        // alg problems come from checkToken with their field.
        list.append(jwt::checkToken(*decoded, profile ? &*profile : nullptr, clock, options));
    }
    if (parser.isSet(json)) {
        QJsonObject object = decoded ? decodedToJson(*decoded) : QJsonObject();
        object.insert(u"signatureValid"_s, signatureValid);
        object.insert(u"valid"_s, signatureValid && !diagnostics::hasErrors(list));
        object.insert(u"diagnostics"_s, Context::diagnosticsToJson(list));
        context.printJson(object);
    } else if (decoded) {
        printDecoded(context.out(), *decoded);
        context.out() << (signatureValid ? tr("signature: valid") : tr("signature: NOT valid")) << u'\n'
                      << (signatureValid && !diagnostics::hasErrors(list) ? tr("result: OK") : tr("result: FAILED"))
                      << u'\n' << Qt::flush;
    }
    context.printDiagnostics(list);
    return signatureValid && !diagnostics::hasErrors(list) ? Ok : Problems;
}

int runJwt(Context& context, const QStringList& args) {
    return dispatchSubcommands(context, u"jwt"_s, tr("Sign, decode and verify the RS256 tokens Salesforce expects."),
                               {{u"sign"_s, tr("Sign a token with a private key"), &runSign},
                                {u"decode"_s, tr("Show a token's header and claims without verifying"), &runDecode},
                                {u"verify"_s, tr("Verify a token's signature and claims"), &runVerify}},
                               args);
}

} // namespace

CommandGroup jwtCommands() {
    return {u"jwt"_s, tr("Sign, decode and verify RS256 JWTs"), &runJwt};
}

} // namespace handoff::cli
