#include "OpenSsl.h"

#include <QStringList>

#include <openssl/err.h>

Q_LOGGING_CATEGORY(lcCrypto, "handoff.crypto", QtWarningMsg)

namespace handoff::crypto {

BioPtr memoryBio(QByteArrayView data) {
    return BioPtr(BIO_new_mem_buf(data.data(), int(data.size())));
}

BioPtr newMemoryBio() {
    return BioPtr(BIO_new(BIO_s_mem()));
}

QByteArray bioContents(BIO* bio) {
    char* data = nullptr;
    const long size = BIO_get_mem_data(bio, &data);
    return size > 0 ? QByteArray(data, qsizetype(size)) : QByteArray();
}

QString takeOpenSslErrors() {
    QStringList parts;
    char buffer[256];
    while (const unsigned long code = ERR_get_error()) {
        ERR_error_string_n(code, buffer, sizeof buffer);
        parts << QString::fromLatin1(buffer);
    }
    return parts.join(QStringLiteral("; "));
}

} // namespace handoff::crypto
