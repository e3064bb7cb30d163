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

namespace {

// A code of up to 8 characters ("UUI025", "RSIP001") packed into an integer, for an index that hashes nothing;
// 0 for a longer one.
quint64 packedCode(const char* code) {
    quint64 key = 0;
    for (int i = 0; code[i] != '\0'; ++i) {
        if (i == 8) {
            return 0;
        }
        key = (key << 8) | static_cast<unsigned char>(code[i]);
    }
    return key;
}

} // namespace

Diagnostic make(const char* code, QString message, Location where) {
    // Made on every simulated call, so each code's name is made once and shared: no QString made and looked up per
    // diagnostic, no copy of its catalog entry.
    struct Entry {
        QString name;
        Severity severity;
    };
    static const QHash<quint64, Entry> index = [] {
        QHash<quint64, Entry> map;
        for (const CodeInfo& info : catalog()) {
            // Every code has at most 8 characters (TestCatalog); a longer one is found the slow way below.
            if (const quint64 key = packedCode(info.code); key != 0) {
                map.insert(key, Entry{QString::fromLatin1(info.code), info.severity});
            }
        }
        return map;
    }();
    const auto it = index.constFind(packedCode(code));
    if (it == index.constEnd()) {
        const QString name = QString::fromLatin1(code);
        const auto info = findCode(name);
        Q_ASSERT_X(info.has_value(), "diagnostics::make", code);
        return Diagnostic{name, info ? info->severity : Severity::Error, std::move(message), std::move(where)};
    }
    return Diagnostic{it->name, it->severity, std::move(message), std::move(where)};
}

} // namespace handoff::diagnostics
