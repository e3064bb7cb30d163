#pragma once

#include "common/Error.h"
#include "flow/Flow.h"

#include <QByteArray>
#include <QString>

#include <functional>

namespace handoff::exports {

// Archy YAML (Genesys' flow-as-code format, docs/archy.md) for the project's flow: one `inboundCall` document.
// Keys not confirmed by a public example (transferToNumber, setUUIData, transcription, enableParticipantRecord,
// setPostFlow, jumpToTask) are written with a YAML comment saying they are an assumption; docs/archy.md lists them.
// Strings a YAML 1.1 reader would take for something else (yes, no, on, true, 42, ~ ...) are quoted, and so are the
// Decision output keys "yes" and "no". What an import kept in `extra` (division, languages, settings, menus, unknown
// keys) and opaque actions are written back. The text depends only on the flow, so export -> import -> export
// gives the same text.
struct ArchyExportOptions {
    // The Architect expression a Set UUI Data action with the project's template sends (the project knows the
    // template; core/exports/SetUuiDataExport makes the expression). Unset: a placeholder expression, reported.
    std::function<QString(const flow::SetUuiDataProps&)> uuiExpression;
};

// Fails with EXP047 when the flow cannot be written as Archy (no tasks, a task id that is no valid refId).
Result<QByteArray> exportArchy(const flow::Flow& flow, const ArchyExportOptions& options = {});

// The Archy keys this export writes that no public example confirms (for docs and tests).
QStringList archyAssumedKeys();

// An Architect expression's text when it is one plain string literal ("\"Hello\"" -> Hello), else nullopt.
std::optional<QString> parseStringLiteral(const QString& expression);

} // namespace handoff::exports
