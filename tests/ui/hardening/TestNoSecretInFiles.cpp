// No secret in any written file (issue 13, item 3). The app's writers (project save, autosave and recovery,
// settings, logs at every level, an in-process test call) and the CLI's (keys, jwt, uui, call, curl, the emulator's
// log and --json events, flow --out) run with a known key, passphrase and token under a temporary HOME and working
// directory. Then every file there is read, and the test fails on private key material, the passphrase, or a
// token's signature anywhere the product promises redaction. docs/hardening.md lists what is written where.
//
// Adding a writer: one more entry in writers() below. Files it writes on purpose with a secret in them (a key file
// the admin asked for, a token printed because the admin asked for it) are named in its `allowed` list.
#include "../shell/ScriptedDialogs.h"
#include "common/Clock.h"
#include "crypto/PrivateKey.h"
#include "emulator/VoiceCallsEmulator.h"
#include "jwt/Jwt.h"
#include "project/ProjectFile.h"
#include "shell/KeychainSecretStore.h"
#include "shell/LogRedaction.h"
#include "shell/Preferences.h"
#include "shell/ProjectController.h"
#include "shell/Workspace.h"
#include "telephony/ApiTokenSource.h"
#include "telephony/VoiceCallsClient.h"

#include <QApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QProcess>
#include <QRegularExpression>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

#include <functional>

using namespace Qt::StringLiterals;
using namespace handoff;

namespace {

const QByteArray kPassphrase = "Harden-Test-Passphrase-4711";
const QString kOrg = u"00DHs0000000001"_s;
const QString kCallCenter = u"scv4cc1"_s;

QByteArray readFile(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// Writes log lines at every level to a file, through the app's redacting handler (as the app installs it).
QFile* g_log = nullptr;
void fileHandler(QtMsgType, const QMessageLogContext&, const QString& message) {
    if (g_log) {
        g_log->write(message.toUtf8() + '\n');
        g_log->flush();
    }
}

struct Writer {
    QString name;
    std::function<void()> run;
    QStringList allowed; // file names (relative to the work dir) that hold a secret on purpose
};

} // namespace

class TestNoSecretInFiles final : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_root;
    QString m_home;
    QString m_work;
    QString m_keyFile; // encrypted with kPassphrase: the admin asked for it
    QString m_certFile;
    QByteArray m_token; // signed by `handoff jwt sign`
    QList<QByteArray> m_keyNeedles;
    QStringList m_allowed;

    QProcessEnvironment environment() const {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"HOME"_s, m_home);
        env.insert(u"XDG_CONFIG_HOME"_s, m_home + u"/.config"_s);
        env.insert(u"XDG_DATA_HOME"_s, m_home + u"/.local/share"_s);
        env.insert(u"XDG_CACHE_HOME"_s, m_home + u"/.cache"_s);
        env.insert(u"HANDOFF_KEY_PASSPHRASE"_s, QString::fromLatin1(kPassphrase));
        env.insert(u"QT_LOGGING_RULES"_s, u"*.debug=true"_s); // logs at every level
        env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
        return env;
    }

    // Runs the CLI in the work dir; its stdout and stderr go to files there, which are scanned like any other.
    int cli(const QString& name, const QStringList& args, const QByteArray& input = {}) {
        QProcess process;
        process.setProcessEnvironment(environment());
        process.setWorkingDirectory(m_work);
        process.setStandardOutputFile(QDir(m_work).filePath(name + u".stdout"_s));
        process.setStandardErrorFile(QDir(m_work).filePath(name + u".stderr"_s));
        process.start(QStringLiteral(HANDOFF_CLI), args);
        if (!process.waitForStarted(30000)) {
            return -1;
        }
        process.write(input);
        process.closeWriteChannel();
        process.waitForFinished(120000);
        return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    }

    QList<Writer> writers() {
        const QString dataDir = QStringLiteral(HANDOFF_TEST_DATA);
        return {
            {u"keys generate --encrypt"_s,
             [this] {
                 QCOMPARE(cli(u"keys-generate"_s, {u"keys"_s, u"generate"_s, u"--out-key"_s, m_keyFile, u"--out-cert"_s,
                                                   m_certFile, u"--encrypt"_s, u"--json"_s}),
                          0);
             },
             {u"acme.key.pem"_s}},
            {u"keys inspect"_s,
             [this] {
                 QCOMPARE(cli(u"keys-inspect"_s, {u"keys"_s, u"inspect"_s, m_keyFile}), 0);
             },
             {}},
            {u"jwt sign"_s,
             [this] {
                 QCOMPARE(cli(u"jwt-sign"_s, {u"jwt"_s, u"sign"_s, u"--key"_s, m_keyFile, u"--iss"_s, kOrg, u"--sub"_s,
                                              kCallCenter, u"--preset"_s, u"api"_s}),
                          0);
                 m_token = readFile(QDir(m_work).filePath(u"jwt-sign.stdout"_s)).trimmed();
                 QCOMPARE(m_token.count('.'), 2);
             },
             {u"jwt-sign.stdout"_s}}, // the token, printed because the admin asked for it
            {u"jwt decode and verify"_s,
             [this] {
                 QVERIFY(cli(u"jwt-decode"_s, {u"jwt"_s, u"decode"_s, u"-"_s}, m_token) <= 1);
                 QVERIFY(cli(u"jwt-verify"_s, {u"jwt"_s, u"verify"_s, u"--cert"_s, m_certFile, u"-"_s}, m_token) <= 1);
             },
             {}},
            {u"uui check"_s,
             [this] {
                 const QByteArray uui = "{\"orgId\":\"00DHs0000000001\",\"token\":\"" + m_token + "\"}";
                 QVERIFY(cli(u"uui-check"_s, {u"uui"_s, u"check"_s, u"-"_s}, uui) <= 1);
             },
             {}},
            {u"call curl"_s,
             [this] {
                 QVERIFY(cli(u"call-curl"_s, {u"call"_s, u"curl"_s, u"--base-url"_s, u"http://127.0.0.1:9/"_s,
                                              u"--org"_s, kOrg, u"--call-center"_s, kCallCenter, u"--to"_s,
                                              u"+14155550100"_s, u"--from"_s, u"+14155550199"_s}) <= 1);
             },
             {}},
            {u"emulator and call test"_s, [this] { emulatorAndCall(); }, {}},
            {u"flow new --out, validate, simulate --key"_s,
             [this, dataDir] {
                 const QString project = QDir(m_work).filePath(u"flow.handoff"_s);
                 QCOMPARE(
                     cli(u"flow-new"_s, {u"flow"_s, u"new"_s, u"--template"_s, u"sip-transfer"_s, u"--out"_s, project}),
                     0);
                 QVERIFY(cli(u"flow-validate"_s, {u"flow"_s, u"validate"_s, project}) <= 1);
                 QVERIFY(cli(u"flow-simulate"_s, {u"flow"_s, u"simulate"_s, project, u"--key"_s, m_keyFile}) <= 1);
             },
             {}},
            // The exports, from a project with org settings (so that every export is written, not refused).
            {u"export function (the zip, and its files unpacked)"_s,
             [this] {
                 const QString project = exportProject();
                 const QString zip = QDir(m_work).filePath(u"function.zip"_s);
                 QCOMPARE(cli(u"export-function"_s, {u"export"_s, u"function"_s, project, u"--out"_s, zip}), 0);
                 // The members are compressed: unpack them, so that the scan reads what Genesys will run.
                 QProcess unzip;
                 unzip.setWorkingDirectory(m_work);
                 unzip.start(u"python3"_s, {u"-m"_s, u"zipfile"_s, u"-e"_s, zip, u"function-unzipped"_s});
                 QVERIFY(unzip.waitForFinished(30000));
                 QCOMPARE(unzip.exitCode(), 0);
                 QVERIFY(QFile::exists(QDir(m_work).filePath(u"function-unzipped/src/index.js"_s)));
             },
             {}},
            {u"export contracts"_s,
             [this] {
                 const QString project = exportProject();
                 const QString dir = QDir(m_work).filePath(u"contracts"_s);
                 QVERIFY(QDir().mkpath(dir));
                 QCOMPARE(cli(u"export-contracts"_s, {u"export"_s, u"contracts"_s, project, u"--out-dir"_s, dir}), 0);
                 QVERIFY(QFile::exists(QDir(dir).filePath(u"input-contract.json"_s)));
             },
             {}},
            {u"export archy"_s,
             [this] {
                 const QString project = exportProject();
                 const QString yaml = QDir(m_work).filePath(u"flow.yaml"_s);
                 QVERIFY(cli(u"export-archy"_s, {u"export"_s, u"archy"_s, project, u"--out"_s, yaml, u"--force"_s,
                                                 u"--allow-problems"_s}) <= 1);
                 QVERIFY(readFile(yaml).contains("inboundCall:"));
             },
             {}},
            // The runbook runs the go-live check with the private key: what it writes must still hold none of it.
            {u"export runbook (Markdown and HTML, checks run with --key)"_s,
             [this] {
                 const QString project = exportProject();
                 for (const QString& format : {u"md"_s, u"html"_s}) {
                     const QString out = QDir(m_work).filePath(u"runbook."_s + format);
                     QVERIFY(cli(u"export-runbook-"_s + format,
                                 {u"export"_s, u"runbook"_s, project, u"--format"_s, format, u"--key"_s, m_keyFile,
                                  u"--out"_s, out, u"--force"_s}) <= 1);
                     QVERIFY(readFile(out).contains("voiceCalls"));
                 }
             },
             {}},
            {u"app: project save, autosave, settings, logs, test call"_s, [this] { appWriters(); }, {}},
        };
    }

    // A project made from the sip-transfer template with the org settings every export needs (made once).
    QString exportProject() {
        const QString project = QDir(m_work).filePath(u"export.handoff"_s);
        if (!QFile::exists(project)) {
            cli(u"flow-new-export"_s,
                {u"flow"_s, u"new"_s, u"--template"_s, u"sip-transfer"_s, u"--org-id"_s, kOrg, u"--scrt2-domain"_s,
                 u"acme.my.salesforce-scrt.com"_s, u"--call-center"_s, kCallCenter, u"--out"_s, project});
        }
        return project;
    }

    void emulatorAndCall() {
        QProcess emulator;
        emulator.setProcessEnvironment(environment());
        emulator.setWorkingDirectory(m_work);
        emulator.setStandardErrorFile(QDir(m_work).filePath(u"emulator.stderr"_s));
        emulator.start(QStringLiteral(HANDOFF_CLI), {u"emulator"_s, u"--json"_s, u"--register"_s, m_certFile,
                                                     u"--org"_s, kOrg, u"--call-center"_s, kCallCenter});
        QVERIFY(emulator.waitForStarted(30000));
        QByteArray events;
        while (!events.contains('\n') && emulator.waitForReadyRead(30000)) {
            events += emulator.readAllStandardOutput();
        }
        const QString baseUrl =
            QJsonDocument::fromJson(events.left(events.indexOf('\n'))).object().value(u"baseUrl"_s).toString();
        QVERIFY(!baseUrl.isEmpty());
        const QStringList call{u"call"_s,          u"test"_s,        u"--base-url"_s, baseUrl,
                               u"--key"_s,         m_keyFile,        u"--org"_s,      kOrg,
                               u"--call-center"_s, kCallCenter,      u"--to"_s,       u"+14155550100"_s,
                               u"--from"_s,        u"+14155550199"_s};
        QCOMPARE(cli(u"call-test"_s, call), 0);
        QCOMPARE(cli(u"call-test-json"_s, call + QStringList{u"--json"_s}), 0);
        emulator.terminate();
        QVERIFY(emulator.waitForFinished(30000));
        events += emulator.readAllStandardOutput();
        QFile out(QDir(m_work).filePath(u"emulator.stdout"_s));
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(events);
        QVERIFY(events.contains("created")); // the --json events were written
    }

    void appWriters() {
        auto key = crypto::PrivateKey::load(m_keyFile, crypto::SecureBytes(kPassphrase));
        QVERIFY(key);
        auto certificate = crypto::Certificate::load(m_certFile);
        QVERIFY(certificate);

        QFile log(QDir(m_work).filePath(u"studio.log"_s));
        QVERIFY(log.open(QIODevice::WriteOnly));
        g_log = &log;
        const QtMessageHandler previous = qInstallMessageHandler(fileHandler);
        shell::installRedactingMessageHandler();
        QLoggingCategory::setFilterRules(u"*.debug=true"_s);
        // The token goes through the log as the app would log it: redacted.
        qDebug() << "token" << m_token;
        qInfo() << "token" << m_token;
        qWarning() << "token" << m_token;

        {
            shell::KeychainSecretStore secrets(shell::KeychainSecretStore::Mode::SessionOnly);
            shell::test::ScriptedDialogs dialogs;
            shell::Workspace workspace(SystemClock::instance(), secrets);
            shell::ProjectController projects(workspace, dialogs, nullptr);
            project::Project project = project::Project::defaults();
            project.name = u"secrets test"_s;
            workspace.resetProject(project, QDir(m_work).filePath(u"studio.handoff"_s), true);
            workspace.setKey(*key, *certificate, true);
            QVERIFY(projects.save());
            workspace.resetProject(workspace.project(), workspace.filePath(), true);
            QVERIFY(projects.writeRecovery()); // the autosave copy, left as a crash would leave it
            shell::Preferences::setRedactTokensInLogs(true);
            QSettings().sync();

            // A test call from the app's core, against an in-process emulator, with every log category on.
            emulator::VoiceCallsEmulator local(SystemClock::instance());
            QVERIFY(local.registerCertificate(kOrg, *certificate, {kCallCenter}));
            QVERIFY(local.listen());
            telephony::VoiceCallsClient client(
                local.voiceCallsUrl(),
                std::make_shared<telephony::JwtApiTokenSource>(*key, kOrg, kCallCenter,
                                                               salesforce::CustomerType::VoiceWithTelephonyProviders,
                                                               SystemClock::instance()),
                SystemClock::instance(), {});
            telephony::VoiceCallRequest request;
            request.callCenterApiName = kCallCenter;
            request.vendorCallKey = u"conv-secrets"_s;
            request.to = u"+14155550100"_s;
            request.from = u"+14155550199"_s;
            std::unique_ptr<telephony::VoiceCallsReply> reply(client.createVoiceCall(request));
            QVERIFY(reply->waitForFinished(30000));
            QVERIFY(reply->result().created());
        }
        qInstallMessageHandler(previous);
        g_log = nullptr;
    }

    // Every file under the temporary HOME and the work dir.
    QStringList writtenFiles() const {
        QStringList files;
        for (const QString& root : {m_home, m_work}) {
            QDirIterator it(root, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
            while (it.hasNext()) {
                files << it.next();
            }
        }
        files.removeDuplicates();
        return files;
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_root.isValid());
        m_home = m_root.filePath(u"home"_s);
        m_work = m_home + u"/work"_s; // inside HOME, as an admin's project folder would be
        QVERIFY(QDir().mkpath(m_work));
        m_keyFile = QDir(m_work).filePath(u"acme.key.pem"_s);
        m_certFile = QDir(m_work).filePath(u"acme.crt.pem"_s);
        // The in-process parts (settings, recovery) write under this HOME too.
        qputenv("HOME", m_home.toLocal8Bit());
        qputenv("XDG_CONFIG_HOME", (m_home + u"/.config"_s).toLocal8Bit());
        qputenv("XDG_DATA_HOME", (m_home + u"/.local/share"_s).toLocal8Bit());
        qputenv("XDG_CACHE_HOME", (m_home + u"/.cache"_s).toLocal8Bit());
        QCoreApplication::setOrganizationName(u"Handoff Studio"_s);
        QCoreApplication::setApplicationName(u"Handoff Studio"_s);
    }

    void everyWriterRuns() {
        for (const Writer& writer : writers()) {
            qInfo("writer: %s", qPrintable(writer.name));
            writer.run();
            if (QTest::currentTestFailed()) {
                return;
            }
            m_allowed << writer.allowed;
        }
    }

    void noSecretInAnyFile() {
        QVERIFY(!m_token.isEmpty());
        auto key = crypto::PrivateKey::load(m_keyFile, crypto::SecureBytes(kPassphrase));
        QVERIFY(key);
        // The key's unencrypted PEM, line by line: any 40+ characters of it anywhere is key material.
        const auto plain = key->toPem();
        QVERIFY(plain);
        QList<QByteArray> needles;
        for (const QByteArray& line : QByteArray(plain->data(), plain->size()).split('\n')) {
            if (line.size() >= 40 && !line.startsWith("-----")) {
                needles << line;
            }
        }
        QVERIFY(needles.size() > 10);
        auto certificate = crypto::Certificate::load(m_certFile);
        QVERIFY(certificate);
        const QByteArray signature = m_token.mid(m_token.lastIndexOf('.') + 1);
        QVERIFY(signature.size() > 100);
        // Any JWT with a signature still in it (the tokens the CLI and the app mint are unknown to this test).
        static const QRegularExpression jwt(u"eyJ[A-Za-z0-9_-]+\\.eyJ[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]{40,}"_s);

        const QStringList files = writtenFiles();
        QVERIFY(files.size() > 15);
        QStringList problems;
        for (const QString& path : files) {
            const QByteArray bytes = readFile(path);
            const QString name = QFileInfo(path).fileName();
            if (bytes.contains(kPassphrase)) {
                problems << path + u": the passphrase"_s;
            }
            if (m_allowed.contains(name) && path.startsWith(m_work)) {
                continue;
            }
            if (bytes.contains("PRIVATE KEY-----")) {
                problems << path + u": a PEM private key"_s;
            }
            for (const QByteArray& needle : std::as_const(needles)) {
                if (bytes.contains(needle)) {
                    problems << path + u": private key material"_s;
                    break;
                }
            }
            if (bytes.contains(signature)) {
                problems << path + u": the signature of the test token"_s;
            }
            // A JWT whose signature verifies with the key: a live token. (Stand-in tokens of the flow simulator
            // have a signature of the right length that verifies with nothing; they are not secrets.)
            for (auto it = jwt.globalMatch(QString::fromLatin1(bytes)); it.hasNext();) {
                const QString token = it.next().captured();
                const auto decoded = jwt::decode(token.toLatin1());
                if (decoded && jwt::verify(*decoded, certificate->publicKey())) {
                    problems << path + u": a live signed JWT (%1...)"_s.arg(token.left(30));
                    break;
                }
            }
        }
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u"\n"_s)));
        // The key file the admin asked for is encrypted and readable by its owner only.
        QVERIFY(readFile(m_keyFile).contains("BEGIN ENCRYPTED PRIVATE KEY"));
        QCOMPARE(QFile::permissions(m_keyFile) & (QFileDevice::ReadGroup | QFileDevice::ReadOther),
                 QFileDevice::Permissions());
    }
};

QTEST_MAIN(TestNoSecretInFiles)
#include "TestNoSecretInFiles.moc"
