#include "Clock.h"

namespace handoff {

const SystemClock& SystemClock::instance() {
    static const SystemClock clock;
    return clock;
}

} // namespace handoff
