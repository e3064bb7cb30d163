#pragma once

#include "diagnostics/Diagnostic.h"
#include "uui/UuiModel.h"

#include <QByteArray>
#include <QString>

namespace handoff::exports {

// Which flow variables supply the parts that change per call.
struct ExportBindings {
    static constexpr const char* kDefaultTokenVariable = "Task.uuiToken";
    static constexpr const char* kDefaultCallIdVariable = "Task.voiceCallId";

    QString tokenVariable = QString::fromLatin1(kDefaultTokenVariable);
    QString callIdVariable = QString::fromLatin1(kDefaultCallIdVariable);
    bool bindToken = true;  // false: the token is written as a literal (it expires!)
    bool bindCallId = true; // false: callId is written as a literal, or left out when the model has none

    // EXP00x problems of the names (not Scope.name, read-only Call.* variables, ...), pointing at "exports.*".
    diagnostics::Diagnostics validate() const;

    friend bool operator==(const ExportBindings&, const ExportBindings&) = default;
};

// The Set UUI Data value to paste into Architect.
struct SetUuiDataExport {
    QByteArray json;    // (a) the literal JSON, exactly what compose() writes for the model
    QString expression; // (b) an Architect expression: Append("{\"orgId\":\"...\",\"token\":\"", Flow.uuiToken, ...)
    diagnostics::Diagnostics diagnostics; // EXP0xx
};

// Builds both forms. In the expression, the token and callId values come from the bound variables; every other
// part is a string literal with `"` and `\` escaped the Architect way (`\"`, `\\`). With a model whose token and
// callId hold the variables' values, evaluating the expression gives exactly `json`. When bindCallId is set the
// callId member is written even if the model has none (its value comes from the variable at run time).
SetUuiDataExport exportSetUuiData(const uui::UuiModel& model, const ExportBindings& bindings);

// An Architect string literal, by flow::quoteStringLiteral (quotes, backslashes and control characters escaped).
QString architectStringLiteral(const QString& text);

} // namespace handoff::exports
