#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <cstddef>
#include <memory>

namespace handoff::crypto {

// Bytes that hold a secret (a private key PEM, a passphrase). The buffer never grows or moves, and it is wiped with
// OPENSSL_cleanse when destroyed or cleared. Move-only: a copy has to be asked for with clone().
class SecureBytes final {
public:
    SecureBytes() = default;
    explicit SecureBytes(QByteArrayView bytes); // copies; the caller wipes its own copy if it had one
    SecureBytes(SecureBytes&& other) noexcept;
    SecureBytes& operator=(SecureBytes&& other) noexcept;
    SecureBytes(const SecureBytes&) = delete;
    SecureBytes& operator=(const SecureBytes&) = delete;
    ~SecureBytes();

    // Copies `source` and then wipes it in place (when it is not shared); for secrets read into a QByteArray.
    static SecureBytes takeFrom(QByteArray& source);

    SecureBytes clone() const { return SecureBytes(view()); }
    void clear(); // wipes and empties

    const char* data() const { return m_data.get(); }
    char* data() { return m_data.get(); }
    qsizetype size() const { return m_size; }
    bool isEmpty() const { return m_size == 0; }
    QByteArrayView view() const { return QByteArrayView(m_data.get(), m_size); }

private:
    std::unique_ptr<char[]> m_data;
    qsizetype m_size = 0;
};

// Wipes a QByteArray in place (detaching first would leave the shared copy untouched, so it wipes only if unshared).
void wipe(QByteArray& bytes);

} // namespace handoff::crypto
