#pragma once

#include <QString>

namespace handoff::training {

// The admin's training progress, kept in the user's settings (QSettings, group "training"): which exercises were
// started, which passed, and the project file the last start of each wrote.
class TrainingProgress final {
public:
    static bool isStarted(const QString& id);
    static bool isPassed(const QString& id);
    static QString projectFile(const QString& id);
    static void markStarted(const QString& id, const QString& projectFile);
    static void markPassed(const QString& id);
    static int passedCount();
    static void reset();
};

} // namespace handoff::training
