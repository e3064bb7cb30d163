#include "Scenario.h"

#include "diagnostics/Catalog.h"

#include <QCoreApplication>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace handoff::flow {

namespace {
QString tr(const char* text) {
    return QCoreApplication::translate("handoff::flow", text);
}
} // namespace

QList<Scenario> defaultScenarios() {
    QList<Scenario> list;
    Scenario ok;
    ok.name = u"happy-path"_s;
    ok.description = handoff::flow::tr("The VoiceCall is created and the Agentforce Voice agent takes the call.");
    list.append(ok);
    Scenario failure = ok;
    failure.name = u"voicecall-fails"_s;
    failure.description = handoff::flow::tr("Creating the VoiceCall fails: the caller is told and disconnected.");
    failure.dataAction = telephony::CallOutcome::Failure;
    list.append(failure);
    Scenario timeout = ok;
    timeout.name = u"voicecall-times-out"_s;
    timeout.description = handoff::flow::tr("The data action does not answer in time.");
    timeout.dataAction = telephony::CallOutcome::Timeout;
    list.append(timeout);
    return list;
}

bool outcomeFromKey(QStringView key, std::optional<telephony::CallOutcome>& outcome) {
    if (key == u"backend"_s) {
        outcome.reset();
        return true;
    }
    for (auto candidate :
         {telephony::CallOutcome::Success, telephony::CallOutcome::Failure, telephony::CallOutcome::Timeout}) {
        if (key == telephony::callOutcomeName(candidate)) {
            outcome = candidate;
            return true;
        }
    }
    return false;
}

QString outcomeKey(const std::optional<telephony::CallOutcome>& outcome) {
    return outcome ? telephony::callOutcomeName(*outcome) : u"backend"_s;
}

QJsonArray scenariosToJson(const QList<Scenario>& scenarios) {
    QJsonArray array;
    for (const Scenario& s : scenarios) {
        QJsonObject o{{u"name"_s, s.name},
                      {u"ani"_s, s.call.ani},
                      {u"dialledNumber"_s, s.call.dialledNumber},
                      {u"dataAction"_s, outcomeKey(s.dataAction)},
                      {u"transfer"_s, s.transferAccepted ? u"ok"_s : u"fail"_s}};
        if (!s.description.isEmpty()) {
            o.insert(u"description"_s, s.description);
        }
        if (s.call.startTime.isValid()) {
            o.insert(u"at"_s, s.call.startTime.toUTC().toString(Qt::ISODate));
        }
        if (!s.call.conversationId.isEmpty()) {
            o.insert(u"conversationId"_s, s.call.conversationId);
        }
        if (!s.call.inboundUui.isEmpty()) {
            o.insert(u"inboundUui"_s, s.call.inboundUui);
        }
        array.append(o);
    }
    return array;
}

QList<Scenario> scenariosFromJson(const QJsonArray& json, diagnostics::Diagnostics& problems, const QString& prefix) {
    QList<Scenario> list;
    for (qsizetype i = 0; i < json.size(); ++i) {
        const QString path = u"%1[%2]"_s.arg(prefix).arg(i);
        auto problem = [&](const QString& key, const QString& message) {
            problems.append(diagnostics::make("FLW005", message, diagnostics::Location{path + u'.' + key}));
        };
        if (!json[i].isObject()) {
            problems.append(diagnostics::make("FLW005", handoff::flow::tr("Each scenario must be a JSON object."),
                                              diagnostics::Location{path}));
            continue;
        }
        const QJsonObject o = json[i].toObject();
        static const QStringList known{u"name"_s,           u"description"_s, u"ani"_s, u"dialledNumber"_s,
                                       u"conversationId"_s, u"inboundUui"_s,  u"at"_s,  u"dataAction"_s,
                                       u"transfer"_s};
        for (auto it = o.constBegin(); it != o.constEnd(); ++it) {
            if (!known.contains(it.key())) {
                problems.append(diagnostics::make(
                    "FLW006",
                    handoff::flow::tr(
                        "\"%1.%2\" is not known to this version; it is ignored and not written back when the project "
                        "is saved.")
                        .arg(path, it.key()),
                    diagnostics::Location{path + u'.' + it.key()}));
            }
        }
        Scenario s;
        auto text = [&](const QString& key, const QString& fallback) {
            const QJsonValue v = o.value(key);
            if (v.isUndefined() || v.isNull()) {
                return fallback;
            }
            if (!v.isString()) {
                problem(key, handoff::flow::tr("'%1' must be a string.").arg(key));
                return fallback;
            }
            return v.toString();
        };
        s.name = text(u"name"_s, {});
        if (s.name.isEmpty()) {
            problem(u"name"_s, handoff::flow::tr("A scenario needs a name."));
        }
        s.description = text(u"description"_s, {});
        s.call.ani = text(u"ani"_s, s.call.ani);
        s.call.dialledNumber = text(u"dialledNumber"_s, s.call.dialledNumber);
        s.call.conversationId = text(u"conversationId"_s, {});
        s.call.inboundUui = text(u"inboundUui"_s, {});
        const QString at = text(u"at"_s, {});
        if (!at.isEmpty()) {
            s.call.startTime = QDateTime::fromString(at, Qt::ISODate);
            if (!s.call.startTime.isValid()) {
                problem(u"at"_s,
                        handoff::flow::tr("'at' must be an ISO-8601 time such as 2026-03-02T09:00:00Z, not \"%1\".")
                            .arg(at));
            }
        }
        const QString outcome = text(u"dataAction"_s, u"success"_s);
        if (!outcomeFromKey(outcome, s.dataAction)) {
            problem(u"dataAction"_s,
                    handoff::flow::tr("'dataAction' must be success, failure, timeout or backend, not \"%1\".")
                        .arg(outcome));
        }
        const QString transfer = text(u"transfer"_s, u"ok"_s);
        if (transfer == u"ok"_s || transfer == u"fail"_s) {
            s.transferAccepted = transfer == u"ok"_s;
        } else {
            problem(u"transfer"_s, handoff::flow::tr("'transfer' must be ok or fail, not \"%1\".").arg(transfer));
        }
        list.append(s);
    }
    return list;
}

} // namespace handoff::flow
