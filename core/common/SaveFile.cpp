#include "SaveFile.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QSaveFile>

using namespace Qt::StringLiterals;

namespace handoff::io {

SaveOptions ownerOnly() {
    SaveOptions options;
    options.permissions = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
    return options;
}

Result<void> saveAtomically(const QString& path, const QByteArray& data, const SaveOptions& options) {
    if (path.isEmpty()) {
        return fail(u"IO001"_s, QCoreApplication::translate("handoff::io", "No file name was given."));
    }
    if (options.failIfExists && QFileInfo::exists(path)) {
        return fail(u"IO002"_s, QCoreApplication::translate("handoff::io", "%1 already exists; choose another name "
                                                                           "or remove it first.")
                                    .arg(path));
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        return fail(u"IO003"_s,
                    QCoreApplication::translate("handoff::io", "Cannot write %1: %2.").arg(path, file.errorString()));
    }
    if (options.permissions && !file.setPermissions(*options.permissions)) {
        file.cancelWriting();
        return fail(u"IO004"_s, QCoreApplication::translate("handoff::io", "Cannot set the permissions of %1: %2.")
                                    .arg(path, file.errorString()));
    }
    const qint64 written = file.write(data);
    if (written != data.size() || !file.flush()) {
        const QString reason = file.errorString();
        file.cancelWriting();
        return fail(u"IO005"_s, QCoreApplication::translate("handoff::io", "Writing %1 failed (%2); the previous "
                                                                           "file, if any, is unchanged.")
                                    .arg(path, reason));
    }
    if (!file.commit()) {
        return fail(u"IO006"_s, QCoreApplication::translate("handoff::io", "Saving %1 failed (%2); the previous "
                                                                           "file, if any, is unchanged.")
                                    .arg(path, file.errorString()));
    }
    return {};
}

} // namespace handoff::io
