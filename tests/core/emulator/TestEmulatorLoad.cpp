// The emulator under load (issue 13, item 5): 32 keep-alive clients on loopback create 20,000 VoiceCalls between
// them. No request may be lost or answered twice, and every id must be unique. The rate is reported against a
// health-check run of the same shape in the same process (no timed assertion); the test stops by itself.
#include "EmulatorFixture.h"
#include "emulator/VoiceCallsEmulator.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace handoff;
using handoff::emulator::VoiceCallsEmulator;

namespace {

constexpr int kClients = 32;
constexpr int kRequests = 20000;
constexpr int kPerClient = kRequests / kClients;
static_assert(kPerClient * kClients == kRequests);
constexpr int kBoundMs = 10 * 60 * 1000; // the run gives up (and fails) after this, whatever happens

// One keep-alive client: sends a request, waits for its answer, sends the next.
struct Client {
    QTcpSocket* socket = nullptr;
    QByteArray buffer;
    int sent = 0;
    int answered = 0;
    QList<int> statuses;
    QStringList ids;
};

struct Run {
    int answers = 0;
    int errors = 0;
    qint64 elapsedMs = 0;
    QList<Client> clients;
};

} // namespace

class TestEmulatorLoad final : public QObject {
    Q_OBJECT

private:
    FixedClock m_clock = FixedClock::atSecs(1795000000);

    // `request(client, n)` makes the bytes of client's n-th request.
    Run drive(VoiceCallsEmulator& emulator, const std::function<QByteArray(int, int)>& request) {
        Run run;
        run.clients.resize(kClients);
        QElapsedTimer timer;
        timer.start();
        for (int c = 0; c < kClients; ++c) {
            Client& client = run.clients[c];
            client.socket = new QTcpSocket(&emulator);
            client.socket->connectToHost(QHostAddress::LocalHost, emulator.port());
            connect(client.socket, &QTcpSocket::connected, this, [&run, c, &request] {
                Client& self = run.clients[c];
                self.socket->write(request(c, self.sent++));
            });
            connect(client.socket, &QTcpSocket::readyRead, this, [&run, c, &request] {
                Client& self = run.clients[c];
                self.buffer += self.socket->readAll();
                for (;;) {
                    const qsizetype headEnd = self.buffer.indexOf("\r\n\r\n");
                    if (headEnd < 0) {
                        return;
                    }
                    const QByteArray head = self.buffer.left(headEnd);
                    const qsizetype at = head.indexOf("Content-Length: ");
                    const qsizetype length = at < 0 ? 0 : head.mid(at + 16).split('\r').at(0).toLongLong();
                    if (self.buffer.size() < headEnd + 4 + length) {
                        return;
                    }
                    const QByteArray body = self.buffer.mid(headEnd + 4, length);
                    self.buffer.remove(0, headEnd + 4 + length);
                    ++self.answered;
                    ++run.answers;
                    self.statuses.append(head.mid(9, 3).toInt());
                    self.ids.append(QJsonDocument::fromJson(body).object().value(u"voiceCallId"_s).toString());
                    if (self.sent < kPerClient) {
                        self.socket->write(request(c, self.sent++));
                    }
                }
            });
            connect(client.socket, &QTcpSocket::errorOccurred, this, [&run] { ++run.errors; });
        }
        QElapsedTimer bound;
        bound.start();
        while (run.answers < kRequests && run.errors == 0 && bound.elapsed() < kBoundMs) {
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 100);
        }
        // Nothing more may arrive: wait one more turn for a stray second answer.
        QTest::qWait(50);
        for (Client& client : run.clients) {
            client.buffer += client.socket->readAll();
        }
        run.elapsedMs = timer.elapsed();
        return run;
    }

private Q_SLOTS:
    void thirtyTwoClientsTwentyThousandCreates() {
        VoiceCallsEmulator emulator(m_clock);
        QVERIFY(emulator.registerCertificate(fixture::kOrgId, fixture::testCertificate(), {fixture::kCallCenter}));
        QVERIFY(emulator.listen());

        // Health checks first, the same shape of run: the baseline the create rate is reported against.
        const Run health = drive(
            emulator, [](int, int) { return QByteArray("GET /_emulator/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"); });
        QCOMPARE(health.errors, 0);
        QCOMPARE(health.answers, kRequests);

        // A reusable token (UUI preset, no jti) per client: 20,000 single-use tokens would measure RSA signing.
        QList<QByteArray> tokens;
        for (int c = 0; c < kClients; ++c) {
            jwt::TokenSpec spec =
                jwt::TokenSpec::forPreset(jwt::TokenPreset::Uui, fixture::kOrgId, fixture::kCallCenter);
            spec.ttlSecs = 3600;
            tokens.append(*jwt::sign(jwt::buildClaims(spec, m_clock), fixture::testKey()));
        }
        const Run creates = drive(emulator, [&tokens](int client, int n) -> QByteArray {
            QByteArray body = fixture::validBody();
            const QByteArray key = "load-" + QByteArray::number(client) + '-' + QByteArray::number(n);
            body.replace("conv-1", key);
            return "POST /telephony/v1/voiceCalls HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " +
                   tokens.at(client) +
                   "\r\nContent-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size()) +
                   "\r\n\r\n" + body;
        });
        QCOMPARE(creates.errors, 0);
        QCOMPARE(creates.answers, kRequests);

        // Each client: exactly one answer per request, all 201, nothing left over.
        QSet<QString> ids;
        for (const Client& client : creates.clients) {
            QCOMPARE(client.sent, kPerClient);
            QCOMPARE(client.answered, kPerClient);
            QVERIFY(client.buffer.isEmpty());
            QCOMPARE(client.statuses.count(201), kPerClient);
            for (const QString& id : client.ids) {
                QVERIFY(id.startsWith(u"0LQ"_s));
                ids.insert(id);
            }
        }
        QCOMPARE(ids.size(), kRequests);
        // The emulator's own record: one call per request sent, each vendorCallKey once.
        const QList<emulator::CreatedCall> created = emulator.createdCalls();
        QCOMPARE(created.size(), kRequests);
        QSet<QString> keys;
        for (const emulator::CreatedCall& call : created) {
            keys.insert(call.body.value(u"vendorCallKey"_s).toString());
            QVERIFY(ids.contains(call.voiceCallId));
        }
        QCOMPARE(keys.size(), kRequests);

        const double healthRate = kRequests * 1000.0 / double(qMax<qint64>(1, health.elapsedMs));
        const double createRate = kRequests * 1000.0 / double(qMax<qint64>(1, creates.elapsedMs));
        qInfo("%d clients: %.0f creates/s, %.0f health checks/s; creates run at %.2f of the health-check rate",
              kClients, createRate, healthRate, createRate / healthRate);
    }
};

QTEST_GUILESS_MAIN(TestEmulatorLoad)
#include "TestEmulatorLoad.moc"
