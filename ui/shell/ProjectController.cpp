#include "shell/ProjectController.h"

#include "common/SaveFile.h"
#include "project/ProjectFile.h"
#include "shell/Dialogs.h"
#include "shell/Workspace.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QLoggingCategory>
#include <QSettings>
#include <QStandardPaths>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {
Q_LOGGING_CATEGORY(lcProject, "handoff.shell.project")
}

namespace handoff::shell {

namespace {
constexpr int kMaxRecentFiles = 8;
constexpr int kDefaultAutosaveMs = 30 * 1000;
const auto kRecentFilesKey = u"files/recent"_s;
const auto kLastDirectoryKey = u"files/lastDirectory"_s;
} // namespace

ProjectController::ProjectController(Workspace& workspace, Dialogs& dialogs, QWidget* dialogParent, QObject* parent)
    : QObject(parent)
    , m_workspace(workspace)
    , m_dialogs(dialogs)
    , m_dialogParent(dialogParent) {
    m_autosave.setInterval(kDefaultAutosaveMs);
    m_autosave.setSingleShot(true);
    connect(&m_autosave, &QTimer::timeout, this, [this] { writeRecovery(); });
    // Every change restarts the countdown, so a recovery copy is written once the admin pauses.
    connect(&m_workspace, &Workspace::projectChanged, this, [this] {
        if (m_workspace.isDirty()) {
            m_autosave.start();
        }
    });
    connect(&m_workspace, &Workspace::dirtyChanged, this, [this](bool dirty) {
        if (!dirty) {
            m_autosave.stop();
        }
    });
}

ProjectController::~ProjectController() = default;

QString ProjectController::fileFilter() {
    return tr("Handoff Studio projects (*.%1)").arg(QLatin1StringView(project::ProjectFile::kSuffix)) + u";;"_s +
           tr("All files (*)");
}

QString ProjectController::startDirectory() const {
    if (!m_workspace.filePath().isEmpty()) {
        return QFileInfo(m_workspace.filePath()).absolutePath();
    }
    const QString last = QSettings().value(kLastDirectoryKey).toString();
    return last.isEmpty() ? QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation) : last;
}

bool ProjectController::newProject() {
    if (!maybeSave()) {
        return false;
    }
    removeRecovery();
    m_workspace.resetProject(project::Project::defaults());
    Q_EMIT statusMessage(tr("New project"));
    return true;
}

bool ProjectController::open() {
    if (!maybeSave()) {
        return false;
    }
    const QString path = m_dialogs.openFileName(m_dialogParent, tr("Open Project"), startDirectory(), fileFilter());
    if (path.isEmpty()) {
        return false;
    }
    return load(path);
}

bool ProjectController::openFile(const QString& path) {
    if (!maybeSave()) {
        return false;
    }
    return load(path);
}

bool ProjectController::load(const QString& path) {
    auto loaded = project::ProjectFile::load(path);
    if (!loaded) {
        qCWarning(lcProject) << "could not open" << path << loaded.error().code;
        m_dialogs.critical(m_dialogParent, tr("Could Not Open Project"),
                           tr("\u201c%1\u201d could not be opened.\n\n%2 (%3)\n\nThe file has not been changed.")
                               .arg(QDir::toNativeSeparators(path), loaded.error().message, loaded.error().code));
        return false;
    }
    removeRecovery();
    const QString absolute = QFileInfo(path).absoluteFilePath();
    // An older file version is migrated in memory and written in the current version at the next save. The content
    // is what the file says, so the project does not count as changed (no save prompt for merely opening a file).
    const bool migrated = loaded->fileVersion != project::ProjectFile::kCurrentVersion;
    m_workspace.resetProject(std::move(loaded->project), absolute);
    addRecentFile(absolute);
    QSettings().setValue(kLastDirectoryKey, QFileInfo(absolute).absolutePath());
    Q_EMIT statusMessage(migrated ? tr("Opened %1 (converted from file version %2; saving writes version %3)")
                                        .arg(m_workspace.displayName())
                                        .arg(loaded->fileVersion)
                                        .arg(project::ProjectFile::kCurrentVersion)
                                  : tr("Opened %1").arg(m_workspace.displayName()));
    return true;
}

bool ProjectController::save() {
    if (m_workspace.filePath().isEmpty()) {
        return saveAs();
    }
    return saveTo(m_workspace.filePath());
}

bool ProjectController::saveAs() {
    QString suggested = m_workspace.filePath();
    if (suggested.isEmpty()) {
        const QString name = m_workspace.project().name.trimmed();
        suggested = QDir(startDirectory())
                        .filePath((name.isEmpty() ? tr("Untitled") : name) + u'.' +
                                  QLatin1StringView(project::ProjectFile::kSuffix));
    }
    QString path = m_dialogs.saveFileName(m_dialogParent, tr("Save Project As"), suggested, fileFilter());
    if (path.isEmpty()) {
        return false;
    }
    if (QFileInfo(path).suffix().isEmpty()) {
        path += u'.' + QLatin1StringView(project::ProjectFile::kSuffix);
    }
    return saveTo(path);
}

bool ProjectController::saveTo(const QString& path) {
    const QString absolute = QFileInfo(path).absoluteFilePath();
    if (auto saved = project::ProjectFile::save(m_workspace.project(), absolute); !saved) {
        m_dialogs.critical(m_dialogParent, tr("Could Not Save Project"),
                           tr("The project could not be saved to \u201c%1\u201d.\n\n%2\n\nThe file on disk has not "
                              "been changed. Choose Save As to save it elsewhere.")
                               .arg(QDir::toNativeSeparators(absolute), saved.error().message));
        return false;
    }
    removeRecovery();
    m_workspace.setFilePath(absolute);
    m_workspace.markSaved();
    addRecentFile(absolute);
    QSettings().setValue(kLastDirectoryKey, QFileInfo(absolute).absolutePath());
    Q_EMIT statusMessage(tr("Saved %1").arg(m_workspace.displayName()));
    return true;
}

bool ProjectController::maybeSave() {
    if (!m_workspace.isDirty()) {
        return true;
    }
    switch (m_dialogs.askSaveChanges(m_dialogParent, m_workspace.displayName())) {
    case Dialogs::SaveChoice::Save:
        return save();
    case Dialogs::SaveChoice::Discard:
        removeRecovery();
        return true;
    case Dialogs::SaveChoice::Cancel:
        break;
    }
    return false;
}

QStringList ProjectController::recentFiles() const {
    QStringList files = QSettings().value(kRecentFilesKey).toStringList();
    files.erase(std::remove_if(files.begin(), files.end(), [](const QString& f) { return !QFileInfo::exists(f); }),
                files.end());
    return files;
}

void ProjectController::clearRecentFiles() {
    QSettings().remove(kRecentFilesKey);
    Q_EMIT recentFilesChanged();
}

void ProjectController::addRecentFile(const QString& path) {
    QStringList files = QSettings().value(kRecentFilesKey).toStringList();
    files.removeAll(path);
    files.prepend(path);
    while (files.size() > kMaxRecentFiles) {
        files.removeLast();
    }
    QSettings().setValue(kRecentFilesKey, files);
    Q_EMIT recentFilesChanged();
}

// ---- recovery

QString ProjectController::recoveryDirectory() {
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).filePath(u"recovery"_s);
}

QString ProjectController::recoveryFileFor(const QString& projectPath) const {
    const QByteArray id = projectPath.isEmpty() ? QByteArray("untitled") : projectPath.toUtf8();
    const QByteArray hash = QCryptographicHash::hash(id, QCryptographicHash::Sha256).toHex().left(16);
    return QDir(recoveryDirectory()).filePath(QString::fromLatin1(hash) + u".handoff"_s);
}

QString ProjectController::recoveryFile() const {
    return recoveryFileFor(m_workspace.filePath());
}

bool ProjectController::writeRecovery() {
    if (!m_workspace.isDirty()) {
        return false;
    }
    const QString file = recoveryFile();
    if (!m_lastRecoveryFile.isEmpty() && m_lastRecoveryFile != file) {
        QFile::remove(m_lastRecoveryFile);
        QFile::remove(m_lastRecoveryFile + u".json"_s);
    }
    if (!QDir().mkpath(recoveryDirectory())) {
        qCWarning(lcProject) << "cannot create" << recoveryDirectory();
        return false;
    }
    // The recovery copy is a project file like any other: it never holds key material.
    if (auto saved = project::ProjectFile::save(m_workspace.project(), file); !saved) {
        qCWarning(lcProject) << "autosave failed:" << saved.error().message;
        return false;
    }
    QJsonObject about{{u"path"_s, m_workspace.filePath()},
                      {u"savedAt"_s, QDateTime::currentDateTimeUtc().toString(Qt::ISODate)}};
    if (auto saved = io::saveAtomically(file + u".json"_s, QJsonDocument(about).toJson()); !saved) {
        qCWarning(lcProject) << "autosave failed:" << saved.error().message;
        return false;
    }
    m_lastRecoveryFile = file;
    return true;
}

void ProjectController::removeRecovery() {
    for (const QString& file : {recoveryFile(), m_lastRecoveryFile}) {
        if (!file.isEmpty()) {
            QFile::remove(file);
            QFile::remove(file + u".json"_s);
        }
    }
    m_lastRecoveryFile.clear();
}

bool ProjectController::offerRecovery() {
    QDir dir(recoveryDirectory());
    const QFileInfoList found = dir.entryInfoList({u"*.handoff"_s}, QDir::Files, QDir::Time); // newest first
    if (found.isEmpty()) {
        return false;
    }
    const QString file = found.first().absoluteFilePath();
    QFile aboutFile(file + u".json"_s);
    QJsonObject about;
    if (aboutFile.open(QIODevice::ReadOnly)) {
        about = QJsonDocument::fromJson(aboutFile.readAll()).object();
    }
    const QString originalPath = about.value(u"path"_s).toString();
    const QDateTime savedAt = QDateTime::fromString(about.value(u"savedAt"_s).toString(), Qt::ISODate).toLocalTime();
    const QString name = originalPath.isEmpty() ? tr("an untitled project")
                                                : u"\u201c"_s + QFileInfo(originalPath).fileName() + u"\u201d"_s;
    const QString when = savedAt.isValid() ? QLocale().toString(savedAt, QLocale::ShortFormat) : tr("unknown time");
    const bool restore = m_dialogs.choose(
        m_dialogParent, tr("Recover Unsaved Changes"),
        tr("Handoff Studio did not close properly last time. Unsaved changes to %1 from %2 were kept.\n\nRecover "
           "them? If you don't, they are discarded.")
            .arg(name, when),
        tr("Recover"), tr("Discard"));
    auto discardAll = [&found] {
        for (const QFileInfo& info : found) {
            QFile::remove(info.absoluteFilePath());
            QFile::remove(info.absoluteFilePath() + u".json"_s);
        }
    };
    if (!restore) {
        discardAll();
        return false;
    }
    auto loaded = project::ProjectFile::load(file);
    if (!loaded) {
        m_dialogs.critical(m_dialogParent, tr("Could Not Recover"),
                           tr("The recovery copy could not be read: %1").arg(loaded.error().message));
        discardAll();
        return false;
    }
    m_workspace.resetProject(std::move(loaded->project), originalPath, true);
    m_lastRecoveryFile = file;
    Q_EMIT statusMessage(tr("Recovered unsaved changes; save to keep them."));
    return true;
}

} // namespace handoff::shell
