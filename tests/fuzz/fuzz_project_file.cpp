// The project file (.handoff), every version: read through the public ProjectFile::parse, then written and read
// again.
#include "FuzzSupport.h"
#include "project/ProjectFile.h"

#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace handoff;
    auto loaded = project::ProjectFile::parse(fuzz::bytes(data, size));
    if (!loaded) {
        return 0;
    }
    // What the product wrote, it must read back.
    const QByteArray written = project::ProjectFile::serialize(loaded->project);
    if (!project::ProjectFile::parse(written)) {
        std::abort();
    }
    return 0;
}
