#include "exports/ZipArchive.h"

#include <QCoreApplication>

#include <cstdio>
#include <memory>
#include <zip.h>

using namespace Qt::StringLiterals;

namespace handoff::exports {

namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("handoff::exports", text);
}

// 2020-01-01 00:00:00 UTC: a fixed, DOS-representable time stamp for every entry.
constexpr time_t kFixedTime = 1577836800;

struct SourceDeleter {
    void operator()(zip_source_t* source) const { zip_source_free(source); }
};

tl::unexpected<Error> zipFailure(const char* what, const QString& reason) {
    return fail(
        u"EXP016"_s,
        handoff::exports::tr("The zip archive could not be made (%1: %2).").arg(QString::fromLatin1(what), reason));
}

tl::unexpected<Error> zipFailure(const char* what, zip_error_t* error) {
    const QString reason = QString::fromUtf8(zip_error_strerror(error));
    zip_error_fini(error);
    return zipFailure(what, reason);
}

// The archive's last error as text; then the archive is discarded.
tl::unexpected<Error> archiveFailure(const char* what, zip_t* archive) {
    const QString reason = QString::fromUtf8(zip_strerror(archive));
    zip_discard(archive);
    return zipFailure(what, reason);
}

} // namespace

Result<QByteArray> zipArchive(const QList<ArchiveEntry>& entries) {
    zip_error_t error;
    zip_error_init(&error);
    std::unique_ptr<zip_source_t, SourceDeleter> buffer(zip_source_buffer_create(nullptr, 0, 0, &error));
    if (!buffer) {
        return zipFailure("buffer", &error);
    }
    zip_source_keep(buffer.get()); // zip_close/zip_discard release one reference; keep the buffer for reading
    zip_t* archive = zip_open_from_source(buffer.get(), ZIP_TRUNCATE, &error);
    if (!archive) {
        zip_source_free(buffer.get()); // the reference zip_open_from_source would have taken
        return zipFailure("open", &error);
    }
    for (const ArchiveEntry& entry : entries) {
        // libzip reads the bytes at zip_close(); `entries` outlives it.
        zip_source_t* data = zip_source_buffer(archive, entry.data.constData(), zip_uint64_t(entry.data.size()), 0);
        const QByteArray name = entry.path.toUtf8();
        const zip_int64_t index = data ? zip_file_add(archive, name.constData(), data, ZIP_FL_ENC_UTF_8) : -1;
        if (index < 0) {
            if (data) {
                zip_source_free(data);
            }
            zip_error_fini(&error);
            return archiveFailure("add", archive);
        }
        zip_set_file_compression(archive, zip_uint64_t(index), ZIP_CM_DEFLATE, 9);
        zip_file_set_mtime(archive, zip_uint64_t(index), kFixedTime, 0);
        // Unix permissions 0644 for a regular file.
        zip_file_set_external_attributes(archive, zip_uint64_t(index), 0, ZIP_OPSYS_UNIX, (0100644u) << 16);
    }
    if (zip_close(archive) < 0) {
        zip_error_fini(&error);
        return archiveFailure("close", archive);
    }

    zip_source_t* source = buffer.get();
    zip_error_fini(&error);
    if (zip_source_open(source) < 0) {
        return zipFailure("read", QString::fromUtf8(zip_error_strerror(zip_source_error(source))));
    }
    QByteArray bytes;
    zip_source_seek(source, 0, SEEK_END);
    const zip_int64_t size = zip_source_tell(source);
    zip_source_seek(source, 0, SEEK_SET);
    if (size > 0) {
        bytes.resize(qsizetype(size));
        const zip_int64_t read = zip_source_read(source, bytes.data(), zip_uint64_t(size));
        if (read != size) {
            const QString reason = QString::fromUtf8(zip_error_strerror(zip_source_error(source)));
            zip_source_close(source);
            return zipFailure("read", reason);
        }
    }
    zip_source_close(source);
    return bytes;
}

} // namespace handoff::exports
