#include "emulator/Fault.h"

#include <QCoreApplication>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace handoff::emulator {

namespace {
QString tr(const char* text) {
    return QCoreApplication::translate("handoff::emulator", text);
}

constexpr int kMaxLatencyMs = 120000;
constexpr int kMaxRetryAfterSecs = 3600;
} // namespace

QString Fault::toString() const {
    QStringList parts;
    if (latencyMs > 0) {
        parts << u"latency="_s + QString::number(latencyMs);
    }
    switch (kind) {
    case Kind::None:
        break;
    case Kind::RateLimit:
        parts << u"429="_s + QString::number(retryAfterSecs);
        break;
    case Kind::ServerError:
        parts << u"500"_s;
        break;
    case Kind::MalformedJson:
        parts << u"malformed"_s;
        break;
    case Kind::DropConnection:
        parts << u"drop"_s;
        break;
    case Kind::PartialErrors:
        parts << u"partial"_s;
        break;
    }
    return parts.isEmpty() ? u"none"_s : parts.join(u',');
}

Result<Fault> Fault::parse(QStringView text) {
    Fault fault;
    const auto bad = [&](QStringView item) {
        return fail(u"EMU003"_s,
                    handoff::emulator::tr("The fault \"%1\" is not understood. Use latency=MS, 429[=SECONDS], 500, "
                                          "malformed, drop, partial or none, separated by commas.")
                        .arg(item.toString()));
    };
    int kinds = 0;
    for (QStringView raw : text.split(u',')) {
        const QStringView item = raw.trimmed();
        if (item.isEmpty()) {
            continue;
        }
        const qsizetype eq = item.indexOf(u'=');
        const QStringView name = eq < 0 ? item : item.left(eq).trimmed();
        const QStringView value = eq < 0 ? QStringView() : item.mid(eq + 1).trimmed();
        bool ok = true;
        if (name.compare(u"latency", Qt::CaseInsensitive) == 0) {
            fault.latencyMs = value.toInt(&ok);
            if (!ok || fault.latencyMs < 0 || fault.latencyMs > kMaxLatencyMs) {
                return bad(item);
            }
            continue;
        }
        if (name == u"429") {
            fault.kind = Kind::RateLimit;
            if (!value.isEmpty()) {
                fault.retryAfterSecs = value.toInt(&ok);
                if (!ok || fault.retryAfterSecs < 0 || fault.retryAfterSecs > kMaxRetryAfterSecs) {
                    return bad(item);
                }
            }
        } else if (!value.isEmpty()) {
            return bad(item);
        } else if (name == u"500") {
            fault.kind = Kind::ServerError;
        } else if (name.compare(u"malformed", Qt::CaseInsensitive) == 0) {
            fault.kind = Kind::MalformedJson;
        } else if (name.compare(u"drop", Qt::CaseInsensitive) == 0) {
            fault.kind = Kind::DropConnection;
        } else if (name.compare(u"partial", Qt::CaseInsensitive) == 0) {
            fault.kind = Kind::PartialErrors;
        } else if (name.compare(u"none", Qt::CaseInsensitive) == 0) {
            fault.kind = Kind::None;
        } else {
            return bad(item);
        }
        if (++kinds > 1) {
            return fail(u"EMU003"_s, handoff::emulator::tr("\"%1\" names more than one fault; give one (plus latency).")
                                         .arg(text.toString()));
        }
    }
    return fault;
}

} // namespace handoff::emulator
