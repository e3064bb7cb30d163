#include "diagnostics/Catalog.h"

#include <QtGlobal>

namespace handoff::diagnostics {

namespace {
// Codes of core/crypto (keys and certificates). Keep each one stable once released; document it in
// docs/diagnostics.md.
constexpr CodeInfo kCodes[] = {
    {"KEY001", Severity::Error,
     QT_TRANSLATE_NOOP("handoff::diagnostics", "The key or certificate file cannot be read.")},
    {"KEY002", Severity::Error,
     QT_TRANSLATE_NOOP("handoff::diagnostics", "The file is not a private key; choose the key file.")},
    {"KEY003", Severity::Error,
     QT_TRANSLATE_NOOP("handoff::diagnostics", "The key or certificate is cut short or damaged; copy the whole file.")},
    {"KEY004", Severity::Error,
     QT_TRANSLATE_NOOP("handoff::diagnostics", "The private key is encrypted; give its passphrase.")},
    {"KEY005", Severity::Error,
     QT_TRANSLATE_NOOP("handoff::diagnostics", "The passphrase does not open the private key.")},
    {"KEY006", Severity::Error,
     QT_TRANSLATE_NOOP("handoff::diagnostics", "RS256 needs an RSA key; this key is of another type.")},
    {"KEY007", Severity::Warning,
     QT_TRANSLATE_NOOP("handoff::diagnostics", "1024-bit RSA keys are deprecated; use 2048 bits.")},
    {"KEY008", Severity::Error,
     QT_TRANSLATE_NOOP("handoff::diagnostics", "The RSA key is smaller than 1024 bits; use 2048 bits.")},
    {"KEY009", Severity::Error,
     QT_TRANSLATE_NOOP("handoff::diagnostics", "The private key and the certificate do not belong together.")},
    {"KEY010", Severity::Error,
     QT_TRANSLATE_NOOP("handoff::diagnostics", "The certificate has expired; register a new one.")},
    {"KEY011", Severity::Error, QT_TRANSLATE_NOOP("handoff::diagnostics", "The certificate is not valid yet.")},
    {"KEY012", Severity::Warning,
     QT_TRANSLATE_NOOP("handoff::diagnostics", "The certificate expires within 30 days; plan its replacement.")},
    {"KEY013", Severity::Error,
     QT_TRANSLATE_NOOP("handoff::diagnostics", "The file is not an X.509 certificate (PEM or DER).")},
    {"KEY014", Severity::Error,
     QT_TRANSLATE_NOOP("handoff::diagnostics", "Key generation options are out of range (bits, days, common name).")},
    {"KEY015", Severity::Error,
     QT_TRANSLATE_NOOP("handoff::diagnostics", "The output file exists; it is never overwritten.")},
    {"KEY016", Severity::Warning,
     QT_TRANSLATE_NOOP("handoff::diagnostics", "The certificate is signed with a weak digest (SHA-1 or MD5).")},
    {"KEY017", Severity::Warning,
     QT_TRANSLATE_NOOP("handoff::diagnostics", "The key file can be read by other users; restrict it to its owner.")},
    {"KEY018", Severity::Error,
     QT_TRANSLATE_NOOP("handoff::diagnostics", "OpenSSL failed to generate or encode the key.")},
    {"KEY019", Severity::Error, QT_TRANSLATE_NOOP("handoff::diagnostics", "The file is not a PEM public key.")},
    {"KEY020", Severity::Error,
     QT_TRANSLATE_NOOP("handoff::diagnostics", "The encrypted key asks for too many key-derivation iterations.")},
};
} // namespace

std::span<const CodeInfo> cryptoCodes() {
    return kCodes;
}

} // namespace handoff::diagnostics
