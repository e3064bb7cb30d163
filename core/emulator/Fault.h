#pragma once

#include "common/Error.h"

#include <QString>
#include <QStringView>

namespace handoff::emulator {

// A misbehaviour the emulator can put on a request, to rehearse what the client and the flow do when SCRT2 is slow
// or failing. Written as comma-separated items (the same text in `--fault`, in the X-Handoff-Fault request header
// and in the C++ API):
//   latency=MS      answer after MS milliseconds (combines with one of the others)
//   429[=SECONDS]   rate limited, with Retry-After: SECONDS (default 1)
//   500             internal server error
//   malformed       status 201 with a body that is not JSON
//   drop            close the connection without answering
//   partial         create the VoiceCall, but answer with `errors` as a string (some fields not set)
//   none            no fault (overrides a run-wide fault for one request)
struct Fault {
    enum class Kind { None, RateLimit, ServerError, MalformedJson, DropConnection, PartialErrors };

    Kind kind = Kind::None;
    int latencyMs = 0;
    int retryAfterSecs = 1;

    QString toString() const; // the text form above; "none" when none

    // EMU003 when the text is not understood (the message lists the forms).
    static Result<Fault> parse(QStringView text);
};

} // namespace handoff::emulator
