#include "training/TrainingProgress.h"

#include "training/Exercise.h"

#include <QSettings>

using namespace Qt::StringLiterals;

namespace handoff::training {

namespace {
QString key(const QString& id, const char* what) {
    return u"training/"_s + id + u'/' + QString::fromLatin1(what);
}
} // namespace

bool TrainingProgress::isStarted(const QString& id) {
    return QSettings().value(key(id, "started"), false).toBool();
}

bool TrainingProgress::isPassed(const QString& id) {
    return QSettings().value(key(id, "passed"), false).toBool();
}

QString TrainingProgress::projectFile(const QString& id) {
    return QSettings().value(key(id, "project")).toString();
}

void TrainingProgress::markStarted(const QString& id, const QString& projectFile) {
    QSettings settings;
    settings.setValue(key(id, "started"), true);
    settings.setValue(key(id, "project"), projectFile);
}

void TrainingProgress::markPassed(const QString& id) {
    QSettings().setValue(key(id, "passed"), true);
}

int TrainingProgress::passedCount() {
    int n = 0;
    for (const Exercise& e : exercises()) {
        n += isPassed(e.id) ? 1 : 0;
    }
    return n;
}

void TrainingProgress::reset() {
    QSettings().remove(u"training"_s);
}

} // namespace handoff::training
