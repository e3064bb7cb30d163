#include "SecureBytes.h"

#include <openssl/crypto.h>

#include <cstring>

namespace handoff::crypto {

SecureBytes::SecureBytes(QByteArrayView bytes)
    : m_data(bytes.isEmpty() ? nullptr : new char[size_t(bytes.size())])
    , m_size(bytes.size()) {
    if (m_size > 0) {
        std::memcpy(m_data.get(), bytes.data(), size_t(m_size));
    }
}

SecureBytes::SecureBytes(SecureBytes&& other) noexcept
    : m_data(std::move(other.m_data))
    , m_size(other.m_size) {
    other.m_size = 0;
}

SecureBytes& SecureBytes::operator=(SecureBytes&& other) noexcept {
    if (this != &other) {
        clear();
        m_data = std::move(other.m_data);
        m_size = other.m_size;
        other.m_size = 0;
    }
    return *this;
}

SecureBytes::~SecureBytes() {
    clear();
}

SecureBytes SecureBytes::takeFrom(QByteArray& source) {
    SecureBytes result{QByteArrayView(source)};
    wipe(source);
    return result;
}

void SecureBytes::clear() {
    if (m_data && m_size > 0) {
        OPENSSL_cleanse(m_data.get(), size_t(m_size));
    }
    m_data.reset();
    m_size = 0;
}

void wipe(QByteArray& bytes) {
    if (!bytes.isEmpty() && !bytes.isDetached()) {
        // Shared: writing would detach and leave the other copy as it is. Drop our reference only.
        bytes.clear();
        return;
    }
    if (!bytes.isEmpty()) {
        OPENSSL_cleanse(bytes.data(), size_t(bytes.size()));
    }
    bytes.clear();
}

} // namespace handoff::crypto
