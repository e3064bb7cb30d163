#pragma once

// Internal to core/flow: the project file reader's helpers that the current format (Flow.cpp) and the migration of
// older formats (FlowMigration.cpp) share. Not part of the module's public interface.

#include "diagnostics/Diagnostic.h"
#include "flow/Flow.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSet>
#include <QString>

#include <initializer_list>
#include <optional>

namespace handoff::flow::detail {

// Reads typed fields and records a located diagnostic for each one of the wrong type. Inside an action, problems
// carry the task and action id and the property as data (Location); the field path stays as a fallback.
class Reader {
public:
    explicit Reader(diagnostics::Diagnostics& out)
        : m_out(out) {}

    // The task and action whose fields are read now, and the field path of that action.
    void enter(const QString& taskId, const QString& actionId, const QString& actionPath);

    diagnostics::Location where(const QString& field) const;

    void error(const QString& field, const QString& message);
    void notice(const char* code, const QString& field, const QString& message);

    // Keys this version does not read are reported (FLW006) and returned, so that saving writes them back.
    QJsonObject unknownKeys(const QJsonObject& o, std::initializer_list<const char16_t*> known, const QString& path);

    QString string(const QJsonObject& o, const QString& key, const QString& path, const QString& fallback = {});
    bool boolean(const QJsonObject& o, const QString& key, const QString& path, bool fallback);
    int integer(const QJsonObject& o, const QString& key, const QString& path, int fallback, int min, int max);
    QJsonObject object(const QJsonObject& o, const QString& key, const QString& path);
    QJsonArray array(const QJsonObject& o, const QString& key, const QString& path);
    QList<Binding> bindings(const QJsonObject& o, const QString& key, const QString& nameKey, const QString& valueKey,
                            const QString& path);
    Audio audio(const QJsonObject& o, const QString& key, const QString& path);

private:
    diagnostics::Diagnostics& m_out;
    QString m_taskId;
    QString m_actionId;
    QString m_actionPath;
};

// The parts of an action object every version shares: id, name, kind, props. Returns nullopt when the kind is
// unknown (reported). `version` 2 reads a Jump's `target` (an action id: the caller turns it into a task); 3 reads
// `task`.
std::optional<Action> actionHead(const QJsonObject& o, const QString& path, Reader& r, int version,
                                 std::initializer_list<const char16_t*> known);

// The flow's `variables` array (the same in versions 2 and 3).
QList<Variable> variablesFromJson(const QJsonObject& json, const QString& prefix, Reader& r);

// `wanted` made refId-safe and unique among `taken`.
QString uniqueTaskId(const QString& wanted, const QSet<QString>& taken);

} // namespace handoff::flow::detail
