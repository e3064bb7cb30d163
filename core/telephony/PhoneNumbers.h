#pragma once

#include "diagnostics/Diagnostic.h"

#include <QString>

namespace handoff::telephony {

// A phone number as it will be sent, and how it was derived from what was typed.
struct NormalisedNumber {
    QString value;        // what goes into the request
    bool isE164 = false;  // value is in E.164 form (+, country code, at most 15 digits)
    bool changed = false; // value differs from the input (prefix removed, reformatted)
};

// Normalises a number for the voiceCalls API with libphonenumber. Accepts Genesys' `tel:+1...` and `sip:+1...@host`
// forms, spaces, dashes, brackets and, with `defaultRegion` (ISO 3166 code such as "US", "GB"), national forms.
// Never refuses: the API does not require E.164, so a number that cannot be normalised is sent as typed (prefix
// removed) with a TEL002 warning; a normalised one gets a TEL003 note. Diagnostics point at `field`.
NormalisedNumber normalisePhoneNumber(const QString& input, const QString& defaultRegion, const QString& field,
                                      diagnostics::Diagnostics* diagnostics);

// True for "+" followed by 2 to 15 digits, the first not 0.
bool isE164(const QString& number);

} // namespace handoff::telephony
