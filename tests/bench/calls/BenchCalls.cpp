// Benchmarks of the voiceCalls path over loopback, each reported as a ratio against a baseline measured in the same
// process:
//   - emulator throughput: verified creates (token signature, claims, body) against a health check that does no
//     work, with 1, 4 and 8 requests in flight;
//   - client overhead per request: VoiceCallsClient (build, send, parse, explain) against `curl` sending the same
//     request to the same emulator (curl's time includes starting the process, as when an admin runs it).
// Loops are bounded (fixed iteration counts); only 127.0.0.1 is used.

#include "common/Clock.h"
#include "crypto/Certificate.h"
#include "crypto/PrivateKey.h"
#include "emulator/VoiceCallsEmulator.h"
#include "jwt/Jwt.h"
#include "jwt/JwtClaims.h"
#include "telephony/VoiceCallsClient.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QStandardPaths>

#include <benchmark/benchmark.h>

#include <map>
#include <memory>

using namespace Qt::StringLiterals;
using namespace handoff;

namespace {

const QString kOrg = u"00DHs0000000001"_s;
const QString kCenter = u"scv4cc1"_s;

// Nanoseconds per request of each benchmark run so far, by name, for the ratios.
std::map<std::string, double>& perRequestNs() {
    static std::map<std::string, double> map;
    return map;
}

struct Setup {
    emulator::VoiceCallsEmulator emulator{SystemClock::instance()};
    QByteArray token; // reusable (no jti), 24 h: the emulator verifies it fully on every request
    QByteArray body = R"({"callCenterApiName":"scv4cc1","vendorCallKey":"bench","to":"+14155550100",)"
                      R"("from":"+14155550199","initiationMethod":"Inbound","startTime":"2026-11-28T12:00:00.000Z",)"
                      R"("participants":[{"participantKey":"+14155550199","type":"END_USER"}]})";

    Setup() {
        auto certificate = crypto::Certificate::load(QStringLiteral(HANDOFF_TEST_DATA "/rsa2048-test-only.crt.pem"));
        auto key = crypto::PrivateKey::load(QStringLiteral(HANDOFF_TEST_DATA "/rsa2048-pkcs8-test-only.pem"));
        if (!certificate || !key || !emulator.registerCertificate(kOrg, *certificate, {kCenter}) ||
            !emulator.listen()) {
            qFatal("benchmark setup failed");
        }
        auto signed_ = jwt::sign(
            jwt::buildClaims(jwt::TokenSpec::forPreset(jwt::TokenPreset::Uui, kOrg, kCenter), SystemClock::instance()),
            *key);
        token = signed_.value_or(QByteArray());
    }
};

Setup& setup() {
    static Setup s;
    return s;
}

// Sends `count` requests at once with one QNetworkAccessManager and waits for all of them.
void burst(QNetworkAccessManager& network, const QNetworkRequest& request, const QByteArray& body, bool post, int count,
           benchmark::State& state) {
    int pending = count;
    QEventLoop loop;
    for (int i = 0; i < count; ++i) {
        QNetworkReply* reply = post ? network.post(request, body) : network.get(request);
        QObject::connect(reply, &QNetworkReply::finished, &loop, [&, reply] {
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            if (status != 200 && status != 201) {
                state.SkipWithError("unexpected HTTP status");
            }
            reply->deleteLater();
            if (--pending == 0) {
                loop.quit();
            }
        });
    }
    loop.exec();
}

void recordAndCompare(benchmark::State& state, const std::string& name, double elapsedNs, qint64 requests,
                      const std::string& baseline) {
    const double perRequest = elapsedNs / double(requests);
    perRequestNs()[name] = perRequest;
    state.counters["us_per_request"] = perRequest / 1000.0;
    state.SetItemsProcessed(requests);
    const auto found = perRequestNs().find(baseline);
    if (found != perRequestNs().end() && found->second > 0) {
        state.counters["ratio_vs_" + baseline] = perRequest / found->second;
    }
}

void runEmulator(benchmark::State& state, bool verifiedCreate) {
    Setup& s = setup();
    const int inFlight = int(state.range(0));
    QNetworkAccessManager network;
    QUrl url = s.emulator.baseUrl();
    url.setPath(verifiedCreate ? u"/telephony/v1/voiceCalls"_s : u"/_emulator/health"_s);
    QNetworkRequest request(url);
    request.setRawHeader("Authorization", "Bearer " + s.token);
    request.setRawHeader("Content-Type", "application/json");
    QElapsedTimer timer;
    timer.start();
    qint64 requests = 0;
    for (auto _ : state) {
        burst(network, request, s.body, verifiedCreate, inFlight, state);
        requests += inFlight;
    }
    const std::string name = (verifiedCreate ? "create/" : "health/") + std::to_string(inFlight);
    recordAndCompare(state, name, double(timer.nsecsElapsed()), requests, "health/" + std::to_string(inFlight));
    s.emulator.clearCreatedCalls();
}

void BM_EmulatorHealthBaseline(benchmark::State& state) {
    runEmulator(state, false);
}

void BM_EmulatorVerifiedCreate(benchmark::State& state) {
    runEmulator(state, true);
}

void BM_CurlBaseline(benchmark::State& state) {
    Setup& s = setup();
    const QString curl = QStandardPaths::findExecutable(u"curl"_s);
    if (curl.isEmpty()) {
        state.SkipWithError("curl is not installed");
        return;
    }
    const QStringList args{u"-sS"_s,        u"-o"_s,
                           u"/dev/null"_s,  u"-X"_s,
                           u"POST"_s,       s.emulator.voiceCallsUrl().toString(),
                           u"-H"_s,         u"Authorization: Bearer "_s + QString::fromLatin1(s.token),
                           u"-H"_s,         u"Content-Type: application/json"_s,
                           u"--data-raw"_s, QString::fromUtf8(s.body)};
    QElapsedTimer timer;
    timer.start();
    qint64 requests = 0;
    for (auto _ : state) {
        QProcess process;
        QEventLoop loop; // keep serving the in-process emulator while curl runs
        QObject::connect(&process, &QProcess::finished, &loop, &QEventLoop::quit);
        process.start(curl, args);
        loop.exec();
        if (process.exitCode() != 0) {
            state.SkipWithError("curl failed");
        }
        ++requests;
    }
    recordAndCompare(state, "curl", double(timer.nsecsElapsed()), requests, "curl");
    s.emulator.clearCreatedCalls();
}

void BM_ClientRequest(benchmark::State& state) {
    Setup& s = setup();
    telephony::VoiceCallsClient client(s.emulator.voiceCallsUrl(),
                                       std::make_shared<telephony::StaticApiTokenSource>(s.token),
                                       SystemClock::instance());
    telephony::VoiceCallRequest request;
    request.callCenterApiName = kCenter;
    request.vendorCallKey = u"bench"_s;
    request.to = u"+14155550100"_s;
    request.from = u"+14155550199"_s;
    QElapsedTimer timer;
    timer.start();
    qint64 requests = 0;
    for (auto _ : state) {
        std::unique_ptr<telephony::VoiceCallsReply> reply(client.createVoiceCall(request));
        reply->waitForFinished(10000);
        if (!reply->result().created()) {
            state.SkipWithError("client request failed");
        }
        ++requests;
    }
    recordAndCompare(state, "client", double(timer.nsecsElapsed()), requests, "curl");
    s.emulator.clearCreatedCalls();
}

} // namespace

// Baselines are registered first, so their per-request time is known when the subject runs.
BENCHMARK(BM_EmulatorHealthBaseline)->Arg(1)->Arg(4)->Arg(8)->Iterations(100)->UseRealTime();
BENCHMARK(BM_EmulatorVerifiedCreate)->Arg(1)->Arg(4)->Arg(8)->Iterations(100)->UseRealTime();
BENCHMARK(BM_CurlBaseline)->Iterations(30)->UseRealTime();
BENCHMARK(BM_ClientRequest)->Iterations(200)->UseRealTime();

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
