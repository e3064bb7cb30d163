#include "Diagnostic.h"

#include <QJsonObject>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace handoff::diagnostics {

QString severityName(Severity severity) {
    switch (severity) {
    case Severity::Info:
        return u"info"_s;
    case Severity::Warning:
        return u"warning"_s;
    case Severity::Error:
        return u"error"_s;
    }
    return u"error"_s;
}

bool hasErrors(const Diagnostics& list) {
    return std::any_of(list.cbegin(), list.cend(), [](const Diagnostic& d) { return d.isError(); });
}

Severity worstSeverity(const Diagnostics& list) {
    Severity worst = Severity::Info;
    for (const Diagnostic& d : list) {
        if (static_cast<int>(d.severity) > static_cast<int>(worst)) {
            worst = d.severity;
        }
    }
    return worst;
}

QJsonArray toJson(const Diagnostics& list) {
    QJsonArray array;
    for (const Diagnostic& d : list) {
        QJsonObject o{{u"code"_s, d.code}, {u"severity"_s, severityName(d.severity)}, {u"message"_s, d.message}};
        if (!d.where.field.isEmpty()) {
            o.insert(u"field"_s, d.where.field);
        }
        if (!d.where.taskId.isEmpty()) {
            o.insert(u"task"_s, d.where.taskId);
        }
        if (!d.where.actionId.isEmpty()) {
            o.insert(u"action"_s, d.where.actionId);
        }
        if (!d.where.property.isEmpty()) {
            o.insert(u"property"_s, d.where.property);
        }
        if (d.where.offset >= 0) {
            o.insert(u"offset"_s, d.where.offset);
            o.insert(u"length"_s, d.where.length);
        }
        if (d.where.line > 0) {
            o.insert(u"line"_s, d.where.line);
            o.insert(u"column"_s, d.where.column);
        }
        array.append(o);
    }
    return array;
}

} // namespace handoff::diagnostics
