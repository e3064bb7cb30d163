// Archy YAML (Genesys' flow-as-code format) as an admin imports it: read through exports::importArchy. A document
// the import accepts is exported again, and that export must import to the same flow and export to the same text
// (docs/archy.md: export -> import -> export is a fixed point).
#include "FuzzSupport.h"
#include "exports/ArchyExport.h"
#include "exports/ArchyImport.h"

#include <cstdio>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace handoff;
    const exports::ArchyImportResult imported = exports::importArchy(fuzz::bytes(data, size));
    if (!imported.ok()) {
        return 0;
    }
    const auto first = exports::exportArchy(imported.flow);
    if (!first) {
        // An accepted flow the export refuses: the import let through what Archy cannot hold.
        std::fprintf(stderr, "accepted, but the export refuses it: %s\n", qPrintable(first.error().message));
        std::abort();
    }
    const exports::ArchyImportResult again = exports::importArchy(*first);
    if (!again.ok()) {
        std::fprintf(stderr, "the export does not import again:\n%s\n", first->constData());
        std::abort();
    }
    if (!(again.flow == imported.flow)) {
        std::fprintf(stderr, "the export imports to another flow:\n%s\n", first->constData());
        std::abort();
    }
    const auto second = exports::exportArchy(again.flow);
    if (!second || *second != *first) {
        std::fprintf(stderr, "export -> import -> export changed the text\n");
        std::abort();
    }
    return 0;
}
