#include "UuiHeaderReader.h"

#include <cctype>

using namespace Qt::StringLiterals;

namespace handoff::sip {

qsizetype ReadUui::lengthFor(uui::LimitAppliesTo appliesTo) const {
    switch (appliesTo) {
    case uui::LimitAppliesTo::HeaderLine:
        return headerLineLength;
    case uui::LimitAppliesTo::HeaderValue:
        return headerValueLength;
    case uui::LimitAppliesTo::DecodedData:
        return decodedLength;
    }
    return headerLineLength;
}

QString ReadUui::form() const {
    QString out = encoding == uui::UuiEncoding::Hex ? u"hex"_s : u"ascii"_s;
    if (!encodingGiven) {
        out += u" (no encoding parameter: hex assumed)"_s;
    }
    switch (pdMode) {
    case uui::PdMode::Prefix:
        out += u", PD prefix %1"_s.arg(*pd, 2, 16, QChar(u'0'));
        break;
    case uui::PdMode::Parameter:
        out += u", pd=%1"_s.arg(*pd, 2, 16, QChar(u'0'));
        break;
    case uui::PdMode::None:
        out += u", no PD"_s;
        break;
    }
    return out;
}

bool isUuiHeaderName(const QString& name) {
    for (const QString& known : uui::TrunkUuiProfile::headerNames()) {
        if (name.compare(known, Qt::CaseInsensitive) == 0) {
            return true;
        }
    }
    return false;
}

ReadUui readUuiHeader(const QString& name, const QByteArray& rawValue) {
    ReadUui out;
    const QByteArray value = rawValue.trimmed();
    out.headerValueLength = value.size();
    out.headerLineLength = name.size() + 2 + value.size();
    const qsizetype semicolon = value.indexOf(';');
    const QByteArray encoded = (semicolon < 0 ? value : value.left(semicolon)).trimmed();
    if (semicolon >= 0) {
        for (const QByteArray& p : value.mid(semicolon + 1).split(';')) {
            const QByteArray param = p.trimmed();
            if (param.isEmpty()) {
                continue;
            }
            out.parameters.append(QString::fromLatin1(param));
            const qsizetype eq = param.indexOf('=');
            const QByteArray key = (eq < 0 ? param : param.left(eq)).trimmed().toLower();
            const QByteArray arg = eq < 0 ? QByteArray() : param.mid(eq + 1).trimmed();
            if (key == "encoding") {
                out.encodingGiven = true;
                if (arg.compare("hex", Qt::CaseInsensitive) == 0) {
                    out.encoding = uui::UuiEncoding::Hex;
                } else if (arg.compare("ascii", Qt::CaseInsensitive) == 0) {
                    out.encoding = uui::UuiEncoding::Ascii;
                } else {
                    out.errorCode = u"RSIP012"_s;
                    out.error = u"encoding=%1 is neither hex nor ascii"_s.arg(QString::fromLatin1(arg));
                    return out;
                }
            } else if (key == "pd") {
                bool ok = false;
                const uint pd = arg.toUInt(&ok, 16);
                if (!ok || arg.size() != 2 || pd > 0xFF) {
                    out.errorCode = u"RSIP012"_s;
                    out.error = u"pd=%1 is not one hex octet"_s.arg(QString::fromLatin1(arg));
                    return out;
                }
                out.pd = quint8(pd);
                out.pdMode = uui::PdMode::Parameter;
            }
        }
    }
    if (encoded.isEmpty()) {
        out.errorCode = u"RSIP012"_s;
        out.error = u"the header carries no data"_s;
        return out;
    }
    QByteArray octets;
    if (out.encoding == uui::UuiEncoding::Hex) {
        for (qsizetype i = 0; i < encoded.size(); ++i) {
            if (!std::isxdigit(static_cast<unsigned char>(encoded.at(i)))) {
                out.errorCode = u"RSIP012"_s;
                out.error = u"non-hex character at position %1 of the value under encoding=hex"_s.arg(i + 1);
                return out;
            }
        }
        if (encoded.size() % 2 != 0) {
            out.errorCode = u"RSIP012"_s;
            out.error = u"odd number of hex digits (%1)"_s.arg(encoded.size());
            return out;
        }
        octets = QByteArray::fromHex(encoded);
        for (qsizetype i = 0; i < octets.size(); ++i) {
            if (static_cast<quint8>(octets.at(i)) >= 128) {
                out.errorCode = u"RSIP013"_s;
                out.error = u"decoded byte %1 is 0x%2 (128-255); Genesys cannot decode it: write non-ASCII text as "
                            u"\\uXXXX in the JSON"_s.arg(i + 1)
                                .arg(static_cast<quint8>(octets.at(i)), 2, 16, QChar(u'0'));
                return out;
            }
        }
    } else {
        octets = encoded;
    }
    out.decodedLength = octets.size();
    // Without pd=, a first octet that cannot start the JSON is the PD prefix the receiver strips.
    if (out.pdMode == uui::PdMode::None && octets.size() > 1 && octets.at(0) != '{' && octets.at(1) == '{') {
        out.pd = static_cast<quint8>(octets.at(0));
        out.pdMode = uui::PdMode::Prefix;
        octets.remove(0, 1);
    }
    out.data = octets;
    out.ok = true;
    return out;
}

} // namespace handoff::sip
