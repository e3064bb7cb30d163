#pragma once

// Shared by the libFuzzer targets: a fixed clock, the test key pair from tests/data, and the input as text.

#include "common/Clock.h"
#include "crypto/Certificate.h"
#include "crypto/PrivateKey.h"

#include <QByteArray>
#include <QFile>
#include <QString>

#include <cstddef>
#include <cstdint>

namespace fuzz {

// 2026-11-28T12:00:00Z: inside the test certificates' validity.
inline const handoff::Clock& clock() {
    static const handoff::FixedClock fixed = handoff::FixedClock::atSecs(1795867200);
    return fixed;
}

inline QByteArray bytes(const uint8_t* data, size_t size) {
    return QByteArray(reinterpret_cast<const char*>(data), qsizetype(size));
}

inline QByteArray testFile(const char* name) {
    QFile file(QStringLiteral(HANDOFF_TEST_DATA "/") + QString::fromLatin1(name));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

inline const handoff::crypto::PrivateKey& testKey() {
    static const handoff::crypto::PrivateKey key = [] {
        auto loaded = handoff::crypto::PrivateKey::fromPem(testFile("rsa2048-pkcs8-test-only.pem"));
        return loaded ? *loaded : handoff::crypto::PrivateKey();
    }();
    return key;
}

inline const handoff::crypto::Certificate& testCertificate() {
    static const handoff::crypto::Certificate certificate = [] {
        auto loaded = handoff::crypto::Certificate::fromData(testFile("rsa2048-test-only.crt.pem"));
        return loaded ? *loaded : handoff::crypto::Certificate();
    }();
    return certificate;
}

} // namespace fuzz
