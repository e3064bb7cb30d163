#include "telephony/TestCallSettings.h"

using namespace Qt::StringLiterals;

namespace handoff::telephony {

QString testCallTargetKey(TestCallTarget target) {
    return target == TestCallTarget::Org ? u"org"_s : u"emulator"_s;
}

std::optional<TestCallTarget> testCallTargetFromKey(QStringView key) {
    if (key == u"emulator") {
        return TestCallTarget::Emulator;
    }
    if (key == u"org") {
        return TestCallTarget::Org;
    }
    return std::nullopt;
}

VoiceCallRequest TestCallSettings::request(const QString& callCenterApiName, const QString& vendorCallKey) const {
    VoiceCallRequest r;
    r.callCenterApiName = callCenterApiName;
    r.vendorCallKey = vendorCallKey;
    r.to = to;
    r.from = from;
    r.initiationMethod = initiationMethod;
    r.callOrigin = callOrigin;
    r.callSubtype = callSubtype;
    r.queue = queue;
    r.callAttributes = callAttributes;
    return r;
}

} // namespace handoff::telephony
