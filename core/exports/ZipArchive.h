#pragma once

#include "common/Error.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace handoff::exports {

// One file of an archive: its path inside the archive ("src/index.js") and its bytes.
struct ArchiveEntry {
    QString path;
    QByteArray data;
};

// A zip archive (deflate) of the entries, in memory, written with libzip. Every entry gets the same fixed time
// stamp so that the same input gives the same bytes. EXP016 when libzip fails.
Result<QByteArray> zipArchive(const QList<ArchiveEntry>& entries);

} // namespace handoff::exports
