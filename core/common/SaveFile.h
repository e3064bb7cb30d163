#pragma once

#include "common/Error.h"

#include <QByteArray>
#include <QFileDevice>
#include <QString>

namespace handoff::io {

struct SaveOptions {
    // Permissions for a newly written file; std::nullopt keeps QSaveFile's default (umask).
    std::optional<QFileDevice::Permissions> permissions;
    // Refuse to replace an existing file.
    bool failIfExists = false;
};

// The one way the product writes a file: QSaveFile (temporary file, then rename), checked write, flush and commit.
// A crash or a full disk never leaves a half-written file behind; on failure the previous file is untouched.
Result<void> saveAtomically(const QString& path, const QByteArray& data, const SaveOptions& options = {});

// Owner read/write only (0600): for private keys.
SaveOptions ownerOnly();

} // namespace handoff::io
