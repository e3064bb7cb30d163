#include "Catalog.h"

#include <QCoreApplication>

namespace handoff::diagnostics {

const QList<CodeInfo>& catalog() {
    static const QList<CodeInfo> all = [] {
        QList<CodeInfo> list;
        for (auto table : {salesforceCodes(), cryptoCodes(), jwtCodes(), uuiCodes(), telephonyCodes(), flowCodes(),
                           exportCodes(), projectCodes()}) {
            for (const CodeInfo& info : table) {
                list.append(info);
            }
        }
        return list;
    }();
    return all;
}

std::optional<CodeInfo> findCode(const QString& code) {
    for (const CodeInfo& info : catalog()) {
        if (code == QLatin1StringView(info.code)) {
            return info;
        }
    }
    return std::nullopt;
}

QString translatedSummary(const CodeInfo& info) {
    return QCoreApplication::translate("handoff::diagnostics", info.summary);
}

Diagnostic make(const char* code, QString message, Location where) {
    const QString name = QString::fromLatin1(code);
    const auto info = findCode(name);
    Q_ASSERT_X(info.has_value(), "diagnostics::make", code);
    return Diagnostic{name, info ? info->severity : Severity::Error, std::move(message), std::move(where)};
}

} // namespace handoff::diagnostics
