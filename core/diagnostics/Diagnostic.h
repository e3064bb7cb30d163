#pragma once

#include <QJsonArray>
#include <QList>
#include <QMetaType>
#include <QString>

namespace handoff::diagnostics {

enum class Severity { Info, Warning, Error };

QString severityName(Severity severity); // "info", "warning", "error": stable, used in --json and CLI output

// Where a diagnostic points: a field of the model (e.g. "uui.token", "org.orgId", "claims.exp"), a place in the
// flow (task and action id, and the property of the action: data, never parsed back out of a string), and/or a
// range in a text (0-based byte offset into the UTF-8 text, with 1-based line and column for people).
struct Location {
    QString field;
    qsizetype offset = -1; // byte offset into the checked text; -1 when the diagnostic is about a field
    qsizetype length = 0;
    int line = 0;       // 1-based; 0 when unknown
    int column = 0;     // 1-based, counted in characters (UTF-16 code units of the line, as Qt counts them)
    QString taskId{};   // flow problems: the task; empty otherwise
    QString actionId{}; // flow problems: the action; empty when the problem is about the task or the flow
    QString property{}; // flow problems: the action's property ("props.number", "outputs.failure"); may be empty

    bool isInFlow() const { return !taskId.isEmpty() || !actionId.isEmpty(); }
};

struct Diagnostic {
    QString code; // stable, e.g. "UUI003": see docs/diagnostics.md
    Severity severity = Severity::Error;
    QString message; // says what is wrong and what to do
    Location where;

    bool isError() const { return severity == Severity::Error; }
};

using Diagnostics = QList<Diagnostic>;

bool hasErrors(const Diagnostics& list);
Severity worstSeverity(const Diagnostics& list); // Info for an empty list

// The --json form every command and report uses: code, severity, message and the location's parts that are set
// (field, task, action, property, offset/length, line/column).
QJsonArray toJson(const Diagnostics& list);

} // namespace handoff::diagnostics

Q_DECLARE_METATYPE(handoff::diagnostics::Diagnostic)
