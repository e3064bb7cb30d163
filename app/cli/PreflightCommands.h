#pragma once

#include "CliContext.h"
#include "crypto/Certificate.h"
#include "crypto/PrivateKey.h"
#include "project/GoLiveCheck.h"
#include "project/Project.h"

#include <QString>

#include <optional>

namespace handoff::cli {

// What the go-live check needs besides the project, as the command line loads it: the key from --key FILE or the
// project's key file, the certificate from the project's certificate file. A key or certificate that does not load
// becomes the reason of its check (GOL002, GOL003), never a crash. Keep the object alive while `inputs` is used.
struct GoLiveMaterial {
    std::optional<crypto::PrivateKey> key;
    std::optional<crypto::Certificate> certificate;
    project::GoLiveInputs inputs;
};
GoLiveMaterial loadGoLiveMaterial(Context& context, const project::Project& project, const QString& keyFile);

// `handoff export runbook` (RunbookCommands.cpp).
int runExportRunbook(Context& context, const QStringList& args);

} // namespace handoff::cli
