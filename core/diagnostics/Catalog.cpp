#include "Catalog.h"

#include <QCoreApplication>
#include <QHash>

namespace handoff::diagnostics {

const QList<CodeInfo>& catalog() {
    static const QList<CodeInfo> all = [] {
        QList<CodeInfo> list;
        for (auto table : {salesforceCodes(), cryptoCodes(), jwtCodes(), uuiCodes(), telephonyCodes(), flowCodes(),
                           exportCodes(), projectCodes(), sipCodes(), trainingCodes()}) {
            for (const CodeInfo& info : table) {
                list.append(info);
            }
        }
        return list;
    }();
    return all;
}

std::optional<CodeInfo> findCode(const QString& code) {
    // Looked up for every diagnostic made, so index the catalog once.
    static const QHash<QString, qsizetype> index = [] {
        QHash<QString, qsizetype> map;
        const QList<CodeInfo>& all = catalog();
        for (qsizetype i = 0; i < all.size(); ++i) {
            map.insert(QString::fromLatin1(all.at(i).code), i);
        }
        return map;
    }();
    const auto it = index.constFind(code);
    if (it == index.constEnd()) {
        return std::nullopt;
    }
    return catalog().at(*it);
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
