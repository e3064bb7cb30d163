#pragma once

#include "diagnostics/Diagnostic.h"
#include "flow/Simulator.h"

#include <QJsonArray>
#include <QList>
#include <QString>

#include <optional>

namespace handoff::flow {

// A named simulation scenario kept in the project: a call and the scripted answers it gets.
struct Scenario {
    QString name;
    QString description;
    SimulatedCall call; // startTime may be null: the clock's now when run
    std::optional<telephony::CallOutcome> dataAction = telephony::CallOutcome::Success; // nullopt: the backend
    bool transferAccepted = true;

    CallScript script() const { return CallScript{dataAction, transferAccepted}; }
    friend bool operator==(const Scenario& a, const Scenario& b) {
        return a.name == b.name && a.description == b.description && a.call.ani == b.call.ani &&
               a.call.dialledNumber == b.call.dialledNumber && a.call.startTime == b.call.startTime &&
               a.call.conversationId == b.call.conversationId && a.call.inboundUui == b.call.inboundUui &&
               a.dataAction == b.dataAction && a.transferAccepted == b.transferAccepted;
    }
};

// The scenarios a new project starts with: one per data-action outcome, transfer accepted.
QList<Scenario> defaultScenarios();

// "success" / "failure" / "timeout" (hs/calls' names) and back; "backend" for nullopt. Returns false for any other
// key (and leaves `outcome` alone).
bool outcomeFromKey(QStringView key, std::optional<telephony::CallOutcome>& outcome);
QString outcomeKey(const std::optional<telephony::CallOutcome>& outcome);

QJsonArray scenariosToJson(const QList<Scenario>& scenarios);
// Problems are FLW005 diagnostics located at "<prefix>[i].<key>".
QList<Scenario> scenariosFromJson(const QJsonArray& json, diagnostics::Diagnostics& problems,
                                  const QString& prefix = QStringLiteral("scenarios"));

} // namespace handoff::flow
