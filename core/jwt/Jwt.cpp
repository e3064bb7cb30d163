#include "Jwt.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QLoggingCategory>

#include <openssl/err.h>
#include <openssl/evp.h>

#include <array>
#include <limits>

using namespace Qt::StringLiterals;

Q_DECLARE_LOGGING_CATEGORY(lcJwt)
Q_LOGGING_CATEGORY(lcJwt, "handoff.jwt", QtWarningMsg)

namespace handoff::jwt {

namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("handoff::jwt", text);
}

constexpr char kHeaderJson[] = R"({"alg":"RS256","typ":"JWT"})";
// base64url of kHeaderJson, computed once (checked by a test).
constexpr char kHeaderB64[] = "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9";

Result<void> requireRsa(EVP_PKEY* key) {
    if (!key) {
        return fail(u"KEY002"_s, handoff::jwt::tr("No key was given to sign or verify with."));
    }
    if (EVP_PKEY_get_base_id(key) != EVP_PKEY_RSA) {
        return fail(u"KEY006"_s,
                    handoff::jwt::tr("RS256 needs an RSA key; this key is of another type (%1). Use an RSA key pair.")
                        .arg(QString::fromLatin1(EVP_PKEY_get0_type_name(key))));
    }
    return {};
}

} // namespace

QByteArray base64UrlEncode(QByteArrayView data) {
    return QByteArray::fromRawData(data.data(), data.size())
        .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

std::optional<QByteArray> base64UrlDecode(QByteArrayView text) {
    // The usual case, unpadded base64url text, goes through OpenSSL's block decoder: Qt's decoder takes several
    // times as long, and the flow simulator decodes a fresh token on every call. The text is mapped to the standard
    // alphabet (by the table below: each base64url character's counterpart, 0 for any other byte) and padded first.
    // Anything else (padding, other characters, a length no base64 text has) takes Qt's decoder, whose answers stay
    // the reference: TestJwt checks that the two agree.
    static constexpr auto kStandard = [] {
        std::array<char, 256> table{};
        for (int c = 0; c < 256; ++c) {
            const bool url = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
            table[c] = url ? char(c) : c == '-' ? '+' : c == '_' ? '/' : '\0';
        }
        return table;
    }();
    const qsizetype pad = (4 - text.size() % 4) % 4;
    QByteArray standard(text.size() + pad, '=');
    bool plain = text.size() % 4 != 1 && text.size() <= std::numeric_limits<int>::max() - 3; // EVP takes an int
    char* mapped = standard.data();
    for (qsizetype i = 0; i < text.size() && plain; ++i) {
        mapped[i] = kStandard[static_cast<unsigned char>(text[i])];
        plain = mapped[i] != '\0';
    }
    if (plain) {
        QByteArray out(standard.size() / 4 * 3, Qt::Uninitialized);
        const int n = EVP_DecodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                                      reinterpret_cast<const unsigned char*>(standard.constData()),
                                      static_cast<int>(standard.size()));
        if (n >= 0) {
            out.truncate(n - pad); // EVP_DecodeBlock counts the bytes the padding stands for
            return out;
        }
    }
    auto decoded =
        QByteArray::fromBase64Encoding(QByteArray::fromRawData(text.data(), text.size()),
                                       QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (decoded.decodingStatus != QByteArray::Base64DecodingStatus::Ok) {
        return std::nullopt;
    }
    return std::move(decoded.decoded);
}

QByteArrayView rs256HeaderJson() {
    return QByteArrayView(kHeaderJson);
}

Result<QByteArray> signRs256(QByteArrayView signingInput, const crypto::PrivateKey& key) {
    if (auto ok = requireRsa(key.get()); !ok) {
        return tl::unexpected(ok.error());
    }
    crypto::EvpMdCtxPtr ctx(EVP_MD_CTX_new());
    QByteArray signature(EVP_PKEY_get_size(key.get()), Qt::Uninitialized);
    size_t length = size_t(signature.size());
    if (!ctx || EVP_DigestSignInit(ctx.get(), nullptr, EVP_sha256(), nullptr, key.get()) != 1 ||
        EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char*>(signature.data()), &length,
                       reinterpret_cast<const unsigned char*>(signingInput.data()), size_t(signingInput.size())) != 1) {
        return fail(u"JWT020"_s, handoff::jwt::tr("Signing failed: %1.").arg(crypto::takeOpenSslErrors()));
    }
    signature.truncate(qsizetype(length));
    return signature;
}

Result<QByteArray> signPayload(QByteArrayView payloadJson, const crypto::PrivateKey& key) {
    const QByteArray payload = base64UrlEncode(payloadJson);
    QByteArray token;
    // header . payload . signature (base64url of the key size, rounded up)
    token.reserve(qsizetype(sizeof kHeaderB64) + payload.size() + 2 + (EVP_PKEY_get_size(key.get()) * 4 + 2) / 3);
    token += kHeaderB64;
    token += '.';
    token += payload;
    const auto signature = signRs256(token, key);
    if (!signature) {
        return tl::unexpected(signature.error());
    }
    token += '.';
    token += base64UrlEncode(*signature);
    return token;
}

Result<QByteArray> sign(const Claims& claims, const crypto::PrivateKey& key) {
    return signPayload(claims.toJson(), key);
}

QString DecodedJwt::algorithm() const {
    return header.value(u"alg"_s).toString();
}

Result<DecodedJwt> decode(QByteArrayView input) {
    const QByteArrayView token = input.trimmed();
    if (token.isEmpty()) {
        return fail(u"JWT001"_s,
                    handoff::jwt::tr("The token is empty. Paste the whole JWT (three parts separated by dots)."));
    }
    if (token.startsWith(QByteArrayView("Bearer ")) || token.startsWith(QByteArrayView("bearer "))) {
        return fail(u"JWT001"_s,
                    handoff::jwt::tr("Remove the 'Bearer ' in front: it belongs to the HTTP header, not the token."));
    }
    for (qsizetype i = 0; i < token.size(); ++i) {
        const char c = token[i];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            return fail(u"JWT001"_s,
                        handoff::jwt::tr("The token has a space or line break at character %1; a JWT has none. Copy "
                                         "it again as one line (placeholder text such as [THIS IS A SAMPLE TOKEN] "
                                         "is not a token).")
                            .arg(i + 1));
        }
    }
    const QList<QByteArrayView> parts = [&] {
        QList<QByteArrayView> list;
        qsizetype start = 0;
        for (qsizetype dot = token.indexOf('.'); dot >= 0; dot = token.indexOf('.', start)) {
            list << token.sliced(start, dot - start);
            start = dot + 1;
        }
        list << token.sliced(start);
        return list;
    }();
    if (parts.size() != 3) {
        return fail(u"JWT001"_s,
                    parts.size() == 5
                        ? handoff::jwt::tr(
                              "This is an encrypted token (JWE, five parts); Salesforce expects a signed JWT (three "
                              "parts).")
                        : handoff::jwt::tr(
                              "A JWT has three parts separated by dots (header.payload.signature); this has %1. Copy "
                              "the whole token.")
                              .arg(parts.size()));
    }
    static const char* const partNames[] = {QT_TRANSLATE_NOOP("handoff::jwt", "header"),
                                            QT_TRANSLATE_NOOP("handoff::jwt", "payload"),
                                            QT_TRANSLATE_NOOP("handoff::jwt", "signature")};
    DecodedJwt decoded;
    decoded.rawHeader = parts[0].toByteArray();
    decoded.rawPayload = parts[1].toByteArray();
    decoded.rawSignature = parts[2].toByteArray();
    // The header and payload last decoded on this thread are kept: the flow simulator mints a token per call whose
    // header and, within a second, payload are the last call's, and the composer pages check the same token on
    // every keystroke. Only a decode that succeeded is kept.
    struct Last {
        QByteArray rawHeader, rawPayload, headerJson, payloadJson;
        QJsonObject header;
        Claims claims;
    };
    thread_local std::optional<Last> last;
    const bool known = last && last->rawHeader == decoded.rawHeader && last->rawPayload == decoded.rawPayload;
    for (int i = known ? 2 : 0; i < 3; ++i) {
        auto bytes = base64UrlDecode(parts[i]);
        if (!bytes || (i < 2 && parts[i].isEmpty())) {
            return fail(u"JWT002"_s,
                        handoff::jwt::tr("The token's %1 is not base64url text (only A-Z, a-z, 0-9, '-' and '_'). "
                                         "Copy the token again without changes.")
                            .arg(handoff::jwt::tr(partNames[i])));
        }
        (i == 0 ? decoded.headerJson : i == 1 ? decoded.payloadJson : decoded.signature) = std::move(*bytes);
    }
    if (known) {
        decoded.headerJson = last->headerJson;
        decoded.payloadJson = last->payloadJson;
        decoded.header = last->header;
        decoded.claims = last->claims;
        return decoded;
    }
    QJsonParseError error;
    const QJsonDocument header = QJsonDocument::fromJson(decoded.headerJson, &error);
    if (error.error != QJsonParseError::NoError || !header.isObject()) {
        return fail(u"JWT003"_s, handoff::jwt::tr("The token's header is not a JSON object. This is not a JWT."));
    }
    decoded.header = header.object();
    auto claims = Claims::fromJson(decoded.payloadJson);
    if (!claims) {
        return fail(
            u"JWT003"_s,
            handoff::jwt::tr("The token's payload is not a JSON object of claims: %1").arg(claims.error().message));
    }
    decoded.claims = std::move(*claims);
    last = Last{decoded.rawHeader,   decoded.rawPayload, decoded.headerJson,
                decoded.payloadJson, decoded.header,     decoded.claims};
    return decoded;
}

Result<void> verify(const DecodedJwt& token, const crypto::PublicKey& key) {
    const QString alg = token.algorithm();
    if (alg.compare(u"none"_s, Qt::CaseInsensitive) == 0) {
        return fail(
            u"JWT004"_s,
            handoff::jwt::tr("The token says alg \"none\": it is unsigned and is refused. Sign it with RS256."));
    }
    if (alg != u"RS256"_s) {
        return fail(u"JWT005"_s, handoff::jwt::tr("The token is signed with %1; Salesforce accepts RS256 only.")
                                     .arg(alg.isEmpty() ? handoff::jwt::tr("no alg") : alg));
    }
    if (auto ok = requireRsa(key.get()); !ok) {
        return ok;
    }
    crypto::EvpMdCtxPtr ctx(EVP_MD_CTX_new());
    const QByteArray input = token.signingInput();
    const int verified =
        ctx && EVP_DigestVerifyInit(ctx.get(), nullptr, EVP_sha256(), nullptr, key.get()) == 1
            ? EVP_DigestVerify(ctx.get(), reinterpret_cast<const unsigned char*>(token.signature.constData()),
                               size_t(token.signature.size()),
                               reinterpret_cast<const unsigned char*>(input.constData()), size_t(input.size()))
            : -1;
    if (verified != 1) {
        qCDebug(lcJwt) << "signature check failed:" << crypto::takeOpenSslErrors();
        ERR_clear_error();
        return fail(u"JWT007"_s,
                    handoff::jwt::tr("The signature does not match: the token was changed, or it was signed with "
                                     "another key than this certificate's. Check which certificate is registered in "
                                     "Salesforce for this key."));
    }
    return {};
}

Result<void> verify(const DecodedJwt& token, const crypto::Certificate& certificate) {
    return verify(token, certificate.publicKey());
}

QByteArray redactSignature(QByteArrayView token) {
    const qsizetype lastDot = token.lastIndexOf('.');
    if (lastDot < 0) {
        return token.toByteArray();
    }
    return token.first(lastDot + 1).toByteArray() + "<signature redacted>";
}

} // namespace handoff::jwt
