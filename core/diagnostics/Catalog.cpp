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
    // Made on every simulated call, so each code's name is made once and shared: no lookup by a new QString, no
    // copy of its catalog entry.
    struct Entry {
        QString name;
        Severity severity;
    };
    static const QHash<QByteArrayView, Entry> index = [] {
        QHash<QByteArrayView, Entry> map;
        for (const CodeInfo& info : catalog()) {
            map.insert(QByteArrayView(info.code), Entry{QString::fromLatin1(info.code), info.severity});
        }
        return map;
    }();
    const auto it = index.constFind(QByteArrayView(code));
    Q_ASSERT_X(it != index.constEnd(), "diagnostics::make", code);
    if (it == index.constEnd()) {
        return Diagnostic{QString::fromLatin1(code), Severity::Error, std::move(message), std::move(where)};
    }
    return Diagnostic{it->name, it->severity, std::move(message), std::move(where)};
}

} // namespace handoff::diagnostics
