#pragma once

#include "telephony/VoiceCallRequest.h"

#include <QList>
#include <QString>

namespace handoff::telephony {

// Where a test call goes.
enum class TestCallTarget {
    Emulator, // the built-in emulator, started on demand (the default: works without an org)
    Org,      // the org's SCRT2 endpoint from the org profile
};

QString testCallTargetKey(TestCallTarget target);                     // "emulator" / "org": stable, for files
std::optional<TestCallTarget> testCallTargetFromKey(QStringView key); // inverse

// What a project remembers about its test calls (the optional "testCall" section of the project file). The org id,
// call center and key come from the project's org profile and key reference; nothing here is secret.
struct TestCallSettings {
    TestCallTarget target = TestCallTarget::Emulator;
    QString to = QStringLiteral("+14155550100");   // the contact-centre number (a sample until changed)
    QString from = QStringLiteral("+14155550199"); // the caller
    InitiationMethod initiationMethod = InitiationMethod::Inbound;
    QString callOrigin;
    QString callSubtype;
    QString queue;
    QList<CallAttribute> callAttributes;
    QString telephonyProviderName;
    QString defaultRegion; // for numbers in national form; empty = + numbers only

    // The request for one test call: the call center from the org profile, a new vendorCallKey per call.
    VoiceCallRequest request(const QString& callCenterApiName, const QString& vendorCallKey) const;

    friend bool operator==(const TestCallSettings&, const TestCallSettings&) = default;
};

} // namespace handoff::telephony
