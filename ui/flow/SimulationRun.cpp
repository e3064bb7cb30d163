#include "flow/SimulationRun.h"

#include "crypto/PrivateKey.h"
#include "jwt/Jwt.h"
#include "jwt/JwtClaims.h"
#include "project/SimulationSetup.h"
#include "sip/LiveRehearsal.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

using namespace Qt::StringLiterals;

namespace handoff::flow {

SimulationContext panelContext(const project::Project& project, const crypto::PrivateKey* key) {
    SimulationContext context = project::simulationContext(project);
    if (key != nullptr && !key->isNull() && key->bits() >= 512) {
        context.tokens.keyBits = key->bits();
    }
    return context;
}

Trace runScenarioCall(const project::Project& project, const Scenario& scenario, const SimulationContext& context,
                      const Clock& clock) {
    CallScript script = scenario.script();
    if (!script.dataAction) {
        script.dataAction = telephony::CallOutcome::Success;
    }
    Simulator simulator(project.flow, context, clock);
    return simulator.run(scenario.call, script);
}

Result<RehearsedCall> rehearseCall(const project::Project& project, const Scenario& scenario,
                                   const SimulationContext& context, const Clock& clock,
                                   const crypto::PrivateKey& key) {
    auto live = sip::LiveRehearsal::create(project, key, clock);
    if (!live) {
        return tl::unexpected(live.error());
    }
    if (auto listening = (*live)->listen(); !listening) {
        return tl::unexpected(listening.error());
    }
    CallScript script = scenario.script();
    script.dataAction.reset(); // answered by the emulator
    Simulator simulator(project.flow, context, clock);
    (*live)->attach(simulator);
    RehearsedCall call;
    call.trace = simulator.run(scenario.call, script, (*live)->backend());
    call.voiceCallsUrl = (*live)->voiceCallsUrl();
    call.sipUri = (*live)->sipUri();
    return call;
}

QList<WatchEntry> watchAt(const Flow& flow, const Trace& trace, int stepIndex) {
    QList<WatchEntry> entries;
    const auto add = [&entries](const QString& name, std::optional<Value> value, bool builtIn) {
        for (const WatchEntry& e : entries) {
            if (e.name == name) {
                return;
            }
        }
        entries.append(WatchEntry{name, std::move(value), builtIn, false, false});
    };
    add(u"Call.Ani"_s, Value::string(trace.call.ani), true);
    add(u"Call.CalledAddress"_s, Value::string(trace.call.dialledNumber), true);
    add(u"Call.CalledAddressOriginal"_s, Value::string(trace.call.dialledNumber), true);
    add(u"Call.ConversationId"_s, Value::string(trace.call.conversationId), true);
    add(u"Call.UUIData"_s, trace.call.inboundUui.isEmpty() ? Value::notSet() : Value::string(trace.call.inboundUui),
        true);
    for (const Variable& v : flow.variables) {
        add(v.name, v.suppliedBy == Supplier::None ? std::optional<Value>(v.initial) : std::nullopt, false);
    }
    // A variable changed by a step starts from the value the simulator held before that first change.
    QSet<QString> seen;
    for (const TraceStep& step : trace.steps) {
        for (const VariableChange& c : step.changes) {
            if (seen.contains(c.name)) {
                continue;
            }
            seen.insert(c.name);
            bool found = false;
            for (WatchEntry& e : entries) {
                if (e.name == c.name) {
                    e.value = c.before;
                    found = true;
                }
            }
            if (!found) {
                add(c.name, c.before, false);
            }
        }
    }
    const int last = std::min<int>(stepIndex, int(trace.steps.size()) - 1);
    for (int i = 0; i <= last; ++i) {
        for (const VariableChange& c : trace.steps.at(i).changes) {
            for (WatchEntry& e : entries) {
                if (e.name == c.name) {
                    e.value = c.after;
                    e.changedSoFar = true;
                    e.changedHere = i == last;
                }
            }
        }
    }
    return entries;
}

QStringList pathOf(const Trace& trace) {
    QStringList ids;
    ids.reserve(trace.steps.size());
    for (const TraceStep& s : trace.steps) {
        ids.append(s.actionId);
    }
    return ids;
}

int inviteStepIndex(const Trace& trace) {
    for (int i = int(trace.steps.size()) - 1; i >= 0; --i) {
        if (trace.steps.at(i).invite) {
            return i;
        }
    }
    return -1;
}

std::optional<DecodedInviteUui> decodeInviteUui(const SipInvite& invite) {
    for (const QString& header : invite.headers) {
        const qsizetype colon = header.indexOf(u':');
        if (colon <= 0) {
            continue;
        }
        const QString name = header.left(colon).trimmed();
        if (!sip::isUuiHeaderName(name)) {
            continue;
        }
        DecodedInviteUui out;
        out.headerName = name;
        out.read = sip::readUuiHeader(name, header.mid(colon + 1).toLatin1());
        if (out.read.ok) {
            out.json = out.read.data;
            // Indented with the keys in the order they came (QJsonDocument would sort them): the reader keeps it.
            if (const auto object = jwt::Claims::fromJson(out.json)) {
                QByteArray pretty = "{\n";
                const QStringList names = object->names();
                for (qsizetype i = 0; i < names.size(); ++i) {
                    QByteArray value =
                        QJsonDocument(QJsonArray{object->value(names.at(i))}).toJson(QJsonDocument::Compact);
                    value = value.mid(1, value.size() - 2); // the array's brackets
                    pretty += "    " +
                              QJsonDocument(QJsonArray{names.at(i)}).toJson(QJsonDocument::Compact).mid(1).chopped(1) +
                              ": " + value + (i + 1 < names.size() ? ",\n" : "\n");
                }
                pretty += "}";
                out.prettyJson = pretty;
            }
        }
        return out;
    }
    return std::nullopt;
}

namespace {

std::optional<qint64> tokenExpiry(const Trace& trace) {
    for (qsizetype i = trace.steps.size() - 1; i >= 0; --i) {
        const auto& uui = trace.steps.at(i).uui;
        if (!uui || uui->json.isEmpty()) {
            continue;
        }
        const QJsonObject object = QJsonDocument::fromJson(uui->json).object();
        const QString token = object.value(u"token"_s).toString();
        if (token.isEmpty()) {
            return std::nullopt;
        }
        const auto decoded = jwt::decode(token.toLatin1());
        if (!decoded) {
            return std::nullopt;
        }
        return decoded->claims.intClaim(u"exp"_s);
    }
    return std::nullopt;
}

} // namespace

QList<TokenValiditySample> tokenValidity(const Flow& flow, const SimulationContext& context, const Clock& clock,
                                         const WindowOptions& options, int maxSamples) {
    QList<TokenValiditySample> samples;
    const int hours = std::max(0, options.hours);
    if (hours == 0 || maxSamples <= 0) {
        return samples;
    }
    const int stride = (hours + maxSamples - 1) / maxSamples;
    const QDateTime start = options.start.isValid() ? options.start : clock.now();
    Simulator simulator(flow, context, clock);
    for (int h = 0; h < hours; h += stride) {
        SimulatedCall call;
        call.startTime = start.addSecs(qint64(h) * 3600);
        const Trace trace = simulator.run(call, CallScript{telephony::CallOutcome::Success, true});
        TokenValiditySample sample;
        sample.hour = h;
        if (const auto exp = tokenExpiry(trace)) {
            sample.hoursLeft = double(*exp - call.startTime.toSecsSinceEpoch()) / 3600.0;
        }
        samples.append(sample);
    }
    return samples;
}

} // namespace handoff::flow
