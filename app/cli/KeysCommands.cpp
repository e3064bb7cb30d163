#include "CliContext.h"
#include "ProjectLoading.h"
#include "crypto/Certificate.h"
#include "crypto/KeyGenerator.h"
#include "crypto/PrivateKey.h"
#include "diagnostics/Catalog.h"
#include "project/NewProject.h"

#include <QCoreApplication>
#include <QFile>

using namespace Qt::StringLiterals;

namespace handoff::cli {

namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("handoff::cli", text);
}

const QString kPassphraseVariable = QString::fromLatin1(Context::kPassphraseVariable);

QString iso(const QDateTime& time) {
    return time.toUTC().toString(Qt::ISODate);
}

diagnostics::Diagnostic fromError(const Error& error, const QString& field) {
    return diagnostics::make(error.code.toLatin1().constData(), error.message, diagnostics::Location{field});
}

// --at EPOCH, or the context's clock.
struct ClockChoice {
    std::optional<FixedClock> fixed;
    const Clock* clock = nullptr;
};

std::optional<int> chooseClock(Context& context, const QCommandLineParser& parser, const QCommandLineOption& at,
                               ClockChoice& choice) {
    choice.clock = &context.clock();
    if (parser.isSet(at)) {
        bool ok = false;
        const qint64 secs = parser.value(at).toLongLong(&ok);
        if (!ok) {
            return context.usageError(tr("--at wants seconds since 1970-01-01 UTC, such as 1756767613."));
        }
        choice.fixed = FixedClock::atSecs(secs);
        choice.clock = &*choice.fixed;
    }
    return std::nullopt;
}

int runGenerate(Context& context, const QStringList& args) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Generates an RSA key pair and a self-signed SHA-256 certificate to register in Salesforce. The key file "
           "is written readable by its owner only; existing files are never replaced. With --encrypt the key is "
           "encrypted (AES-256, PKCS#8) with a passphrase from HANDOFF_KEY_PASSPHRASE or asked for on standard "
           "input."));
    const QCommandLineOption outKey(u"out-key"_s, tr("Where to write the private key (PEM)."), u"file"_s);
    const QCommandLineOption outCert(u"out-cert"_s, tr("Where to write the certificate (PEM)."), u"file"_s);
    const QCommandLineOption bits(u"bits"_s, tr("Key size: 2048 (default), 3072 or 4096."), u"n"_s, u"2048"_s);
    const QCommandLineOption days(u"days"_s, tr("Certificate validity in days (default 365)."), u"n"_s, u"365"_s);
    const QCommandLineOption cn(u"cn"_s, tr("Certificate common name (default: from --project, else Handoff Studio)."),
                                u"name"_s, u"Handoff Studio"_s);
    const QCommandLineOption projectFile(
        u"project"_s,
        tr("Name the certificate after this project: its Call Center API name and org id (unless --cn is given)."),
        u"file"_s);
    const QCommandLineOption encrypt(u"encrypt"_s, tr("Encrypt the key with a passphrase."));
    const QCommandLineOption json(u"json"_s, tr("Print what was made as JSON."));
    const QCommandLineOption at(u"at"_s, tr("Start the validity at this time (seconds since 1970) instead of now."),
                                u"epoch"_s);
    parser.addOptions({outKey, outCert, bits, days, cn, projectFile, encrypt, json, at, environmentOption()});
    if (auto done = parseCommandLine(parser, args, context)) {
        return *done;
    }
    if (!parser.isSet(outKey) || !parser.isSet(outCert)) {
        return context.usageError(tr("Give both --out-key and --out-cert."));
    }
    if (!parser.positionalArguments().isEmpty()) {
        return context.usageError(tr("Unexpected argument '%1'.").arg(parser.positionalArguments().first()));
    }
    bool bitsOk = false;
    bool daysOk = false;
    crypto::KeyGenOptions options;
    options.bits = parser.value(bits).toInt(&bitsOk);
    options.days = parser.value(days).toInt(&daysOk);
    options.commonName = parser.value(cn);
    if (parser.isSet(projectFile) && !parser.isSet(cn)) {
        auto loaded = loadProject(context, parser.value(projectFile), environmentArgument(parser));
        if (const int* code = std::get_if<int>(&loaded)) {
            return *code;
        }
        const QString name = project::defaultCommonName(std::get<LoadedProject>(loaded).project);
        if (!name.isEmpty()) {
            options.commonName = name;
        }
    }
    if (!bitsOk || !daysOk) {
        return context.usageError(tr("--bits and --days want whole numbers."));
    }
    if (auto ok = crypto::checkKeyGenOptions(options); !ok) {
        return context.usageError(ok.error().message);
    }
    ClockChoice clock;
    if (auto done = chooseClock(context, parser, at, clock)) {
        return *done;
    }
    for (const QString& path : {parser.value(outKey), parser.value(outCert)}) {
        if (QFile::exists(path)) {
            return context.reportError({u"KEY015"_s, tr("%1 already exists and is left as it is. Choose another file "
                                                        "name, or move the old file away first.")
                                                         .arg(path)});
        }
    }
    crypto::SecureBytes passphrase;
    if (parser.isSet(encrypt)) {
        const bool fromEnvironment = qEnvironmentVariableIsSet(kPassphraseVariable.toLatin1().constData());
        QByteArray first = context.readSecret(kPassphraseVariable, tr("Passphrase for the new key: "));
        passphrase = crypto::SecureBytes::takeFrom(first);
        if (passphrase.isEmpty()) {
            return context.usageError(tr("--encrypt needs a passphrase: set HANDOFF_KEY_PASSPHRASE or type it when "
                                         "asked."));
        }
        if (!fromEnvironment) {
            QByteArray second = context.readSecret(kPassphraseVariable, tr("Same passphrase again: "));
            const crypto::SecureBytes repeated = crypto::SecureBytes::takeFrom(second);
            if (repeated.view() != passphrase.view()) {
                return context.usageError(tr("The two passphrases differ; nothing was written."));
            }
        }
    }
    const auto pair = crypto::generateKeyPair(options, *clock.clock);
    if (!pair) {
        return context.reportError(pair.error());
    }
    if (auto written = crypto::writeKeyPair(*pair, parser.value(outKey), parser.value(outCert), passphrase); !written) {
        return context.reportError(written.error());
    }
    const crypto::Certificate& cert = pair->certificate;
    const QString fingerprint = crypto::fingerprintHex(cert.sha256Fingerprint());
    if (parser.isSet(json)) {
        context.printJson(QJsonObject{
            {u"key"_s, parser.value(outKey)},
            {u"certificate"_s, parser.value(outCert)},
            {u"algorithm"_s, u"RSA"_s},
            {u"bits"_s, pair->key.bits()},
            {u"encrypted"_s, !passphrase.isEmpty()},
            {u"subject"_s, cert.subject()},
            {u"notBefore"_s, iso(cert.notBefore())},
            {u"notAfter"_s, iso(cert.notAfter())},
            {u"sha256Fingerprint"_s, fingerprint},
            {u"publicKeySha256"_s, crypto::fingerprintHex(cert.publicKey().spkiSha256())},
        });
    } else {
        context.out() << tr("Wrote the private key %1 (RSA %2 bits%3, readable by you only)")
                             .arg(parser.value(outKey), QString::number(pair->key.bits()),
                                  passphrase.isEmpty() ? QString() : tr(", encrypted"))
                      << u'\n'
                      << tr("Wrote the certificate %1 (%2, valid %3 to %4)")
                             .arg(parser.value(outCert), cert.subject(), iso(cert.notBefore()), iso(cert.notAfter()))
                      << u'\n' << tr("SHA-256 fingerprint: %1").arg(fingerprint) << u'\n'
                      << tr("Next: upload the certificate (not the key) to Salesforce; keep the key secret.") << u'\n'
                      << Qt::flush;
    }
    context.printDiagnostics(pair->key.checkForRs256(), parser.value(outKey));
    return Ok;
}

// One file given to inspect, and what it turned out to be.
struct Inspected {
    QString path;
    std::optional<crypto::PrivateKey> key;
    std::optional<crypto::Certificate> certificate;
    std::optional<crypto::PublicKey> publicKey;
    diagnostics::Diagnostics diagnostics;
    QJsonObject json;
};

void describeCertificate(Inspected& item, const crypto::Certificate& cert, const Clock& clock) {
    item.certificate = cert;
    const crypto::PublicKey publicKey = cert.publicKey();
    item.json.insert(u"type"_s, u"certificate"_s);
    item.json.insert(u"subject"_s, cert.subject());
    item.json.insert(u"issuer"_s, cert.issuer());
    item.json.insert(u"serialNumber"_s, cert.serialNumberHex());
    item.json.insert(u"notBefore"_s, iso(cert.notBefore()));
    item.json.insert(u"notAfter"_s, iso(cert.notAfter()));
    item.json.insert(u"signatureAlgorithm"_s, cert.signatureAlgorithm());
    item.json.insert(u"selfSigned"_s, cert.isSelfSigned());
    item.json.insert(u"algorithm"_s, crypto::algorithmName(publicKey.algorithm()));
    item.json.insert(u"bits"_s, publicKey.bits());
    item.json.insert(u"sha256Fingerprint"_s, crypto::fingerprintHex(cert.sha256Fingerprint()));
    item.json.insert(u"publicKeySha256"_s, crypto::fingerprintHex(publicKey.spkiSha256()));
    item.diagnostics.append(cert.check(clock, u"file"_s));
}

// What one file holds: usually one item; a private key and a certificate in one PEM file make two.
QList<Inspected> inspectFile(Context& context, const QString& path, const Clock& clock, bool& unreadable) {
    Inspected item;
    item.path = path;
    const QString field = u"file"_s;
    item.json.insert(u"file"_s, path);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Unbuffered)) {
        unreadable = true;
        item.diagnostics.append(
            fromError({u"KEY001"_s, tr("Cannot read %1: %2.").arg(path, file.errorString())}, field));
        item.json.insert(u"type"_s, u"unreadable"_s);
        return {item};
    }
    QByteArray data = file.readAll();
    const bool looksLikeKey = data.contains("PRIVATE KEY-----");
    const bool looksLikePublicKey = data.contains("PUBLIC KEY-----");
    if (looksLikeKey) {
        QList<Inspected> items;
        if (data.contains("-----BEGIN CERTIFICATE-----")) {
            Inspected certItem;
            certItem.path = path;
            certItem.json.insert(u"file"_s, path);
            if (const auto cert = crypto::Certificate::fromData(data)) {
                describeCertificate(certItem, *cert, clock);
                items.append(certItem);
            }
        }
        auto key = crypto::PrivateKey::fromPem(data);
        if (!key && key.error().code == u"KEY004"_s) {
            QByteArray secret = context.readSecret(kPassphraseVariable, tr("Passphrase for %1: ").arg(path));
            const crypto::SecureBytes passphrase = crypto::SecureBytes::takeFrom(secret);
            key = crypto::PrivateKey::fromPem(data, passphrase);
        }
        crypto::wipe(data);
        item.json.insert(u"type"_s, u"privateKey"_s);
        if (!key) {
            item.diagnostics.append(fromError(key.error(), field));
        } else {
            item.key = *key;
            const crypto::PublicKey publicKey = key->publicKey();
            item.json.insert(u"algorithm"_s, crypto::algorithmName(key->algorithm()));
            item.json.insert(u"bits"_s, key->bits());
            item.json.insert(u"encoding"_s, crypto::keyEncodingName(key->encoding()));
            item.json.insert(u"publicKeySha256"_s, crypto::fingerprintHex(publicKey.spkiSha256()));
            item.diagnostics.append(key->checkForRs256(field));
            item.diagnostics.append(crypto::checkKeyFilePermissions(path, field));
        }
        items.prepend(item);
        return items;
    }
    if (looksLikePublicKey) {
        const auto publicKey = crypto::PublicKey::fromPem(data);
        item.json.insert(u"type"_s, u"publicKey"_s);
        if (!publicKey) {
            item.diagnostics.append(fromError(publicKey.error(), field));
        } else {
            item.publicKey = *publicKey;
            item.json.insert(u"algorithm"_s, crypto::algorithmName(publicKey->algorithm()));
            item.json.insert(u"bits"_s, publicKey->bits());
            item.json.insert(u"publicKeySha256"_s, crypto::fingerprintHex(publicKey->spkiSha256()));
            item.diagnostics.append(crypto::rs256KeyDiagnostics(publicKey->algorithm(), publicKey->bits(), field));
        }
        return {item};
    }
    const auto cert = crypto::Certificate::fromData(data);
    if (!cert) {
        item.json.insert(u"type"_s, u"unknown"_s);
        item.diagnostics.append(fromError(
            {u"KEY013"_s,
             tr("This is neither a private key, a public key nor a certificate: %1").arg(cert.error().message)},
            field));
        return {item};
    }
    describeCertificate(item, *cert, clock);
    return {item};
}

void printInspected(QTextStream& out, const Inspected& item) {
    const QJsonObject& j = item.json;
    const QString type = j.value(u"type"_s).toString();
    auto line = [&](const QString& label, const QString& value) {
        out << u"  "_s << label << u": "_s << value << u'\n';
    };
    if (type == u"privateKey"_s && item.key) {
        out << tr("%1: private key").arg(item.path) << u'\n';
        line(tr("algorithm"),
             tr("%1, %2 bits").arg(j.value(u"algorithm"_s).toString()).arg(j.value(u"bits"_s).toInt()));
        line(tr("stored as"), j.value(u"encoding"_s).toString());
        line(tr("public key SHA-256"), j.value(u"publicKeySha256"_s).toString());
    } else if (type == u"publicKey"_s && item.publicKey) {
        out << tr("%1: public key").arg(item.path) << u'\n';
        line(tr("algorithm"),
             tr("%1, %2 bits").arg(j.value(u"algorithm"_s).toString()).arg(j.value(u"bits"_s).toInt()));
        line(tr("public key SHA-256"), j.value(u"publicKeySha256"_s).toString());
    } else if (type == u"certificate"_s) {
        out << tr("%1: certificate").arg(item.path) << u'\n';
        line(tr("subject"), j.value(u"subject"_s).toString());
        line(tr("issuer"),
             j.value(u"issuer"_s).toString() + (j.value(u"selfSigned"_s).toBool() ? tr(" (self-signed)") : QString()));
        line(tr("serial"), j.value(u"serialNumber"_s).toString());
        line(tr("valid"), tr("%1 to %2").arg(j.value(u"notBefore"_s).toString(), j.value(u"notAfter"_s).toString()));
        line(tr("key"), tr("%1, %2 bits").arg(j.value(u"algorithm"_s).toString()).arg(j.value(u"bits"_s).toInt()));
        line(tr("signature"), j.value(u"signatureAlgorithm"_s).toString());
        line(tr("SHA-256 fingerprint"), j.value(u"sha256Fingerprint"_s).toString());
        line(tr("public key SHA-256"), j.value(u"publicKeySha256"_s).toString());
    } else {
        out << tr("%1: not readable as a key or certificate").arg(item.path) << u'\n';
    }
}

int runInspect(Context& context, const QStringList& args) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Shows what private keys, public keys and certificates are: algorithm, size, SHA-256 fingerprints, "
           "subject and validity, with problems for RS256. Given a private key and a certificate, checks that they "
           "belong together. An encrypted key's passphrase comes from HANDOFF_KEY_PASSPHRASE or standard input."));
    parser.addPositionalArgument(u"files"_s, tr("Key and certificate files (PEM; certificates also DER)."),
                                 u"FILE..."_s);
    const QCommandLineOption json(u"json"_s, tr("Print the findings as JSON."));
    const QCommandLineOption at(u"at"_s, tr("Check certificate validity at this time (seconds since 1970)."),
                                u"epoch"_s);
    parser.addOptions({json, at});
    if (auto done = parseCommandLine(parser, args, context)) {
        return *done;
    }
    const QStringList files = parser.positionalArguments();
    if (files.isEmpty()) {
        return context.usageError(tr("Give at least one key or certificate file."));
    }
    ClockChoice clock;
    if (auto done = chooseClock(context, parser, at, clock)) {
        return *done;
    }
    bool unreadable = false;
    QList<Inspected> items;
    for (const QString& path : files) {
        items.append(inspectFile(context, path, *clock.clock, unreadable));
    }
    // Every private key against every certificate (and public key) given with it.
    QJsonArray matches;
    diagnostics::Diagnostics matchDiagnostics;
    QStringList matchLines;
    for (const Inspected& keyItem : std::as_const(items)) {
        if (!keyItem.key) {
            continue;
        }
        for (const Inspected& other : std::as_const(items)) {
            const crypto::PublicKey publicKey = other.certificate ? other.certificate->publicKey()
                                                : other.publicKey ? *other.publicKey
                                                                  : crypto::PublicKey();
            if (publicKey.isNull()) {
                continue;
            }
            const bool match = crypto::keysMatch(*keyItem.key, publicKey);
            matches.append(QJsonObject{{u"key"_s, keyItem.path}, {u"with"_s, other.path}, {u"match"_s, match}});
            if (match) {
                matchLines << (keyItem.path == other.path
                                   ? tr("The key and the certificate in %1 belong together.").arg(keyItem.path)
                                   : tr("%1 and %2 belong together.").arg(keyItem.path, other.path));
            } else {
                matchDiagnostics.append(diagnostics::make(
                    "KEY009",
                    tr("The private key %1 does not belong to %2: tokens signed with this key will not verify "
                       "against it. Use the certificate made with this key, or the key made with this certificate.")
                        .arg(keyItem.path, other.path),
                    diagnostics::Location{keyItem.path}));
            }
        }
    }
    diagnostics::Diagnostics all = matchDiagnostics;
    for (const Inspected& item : std::as_const(items)) {
        all.append(item.diagnostics);
    }
    if (parser.isSet(json)) {
        QJsonArray array;
        for (const Inspected& item : std::as_const(items)) {
            QJsonObject object = item.json;
            object.insert(u"diagnostics"_s, Context::diagnosticsToJson(item.diagnostics));
            array.append(object);
        }
        context.printJson(QJsonObject{{u"files"_s, array},
                                      {u"matches"_s, matches},
                                      {u"diagnostics"_s, Context::diagnosticsToJson(matchDiagnostics)}});
    } else {
        for (const Inspected& item : std::as_const(items)) {
            printInspected(context.out(), item);
        }
        for (const QString& line : std::as_const(matchLines)) {
            context.out() << line << u'\n';
        }
        context.out().flush();
    }
    for (const Inspected& item : std::as_const(items)) {
        context.printDiagnostics(item.diagnostics, item.path);
    }
    context.printDiagnostics(matchDiagnostics);
    if (unreadable) {
        return Failure;
    }
    return Context::exitCodeFor(all);
}

int runKeys(Context& context, const QStringList& args) {
    return dispatchSubcommands(
        context, u"keys"_s, tr("Make and inspect the RSA key pair and certificate used to sign Salesforce tokens."),
        {{u"generate"_s, tr("Generate an RSA key pair and a self-signed certificate"), &runGenerate},
         {u"inspect"_s, tr("Show keys and certificates; check that they belong together"), &runInspect}},
        args);
}

} // namespace

CommandGroup keysCommands() {
    return {u"keys"_s, tr("Generate and inspect RSA keys and certificates"), &runKeys};
}

} // namespace handoff::cli
