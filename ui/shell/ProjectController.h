#pragma once

#include <QObject>
#include <QString>
#include <QStringList>
#include <QTimer>

class QWidget;

namespace handoff::shell {

class Dialogs;
class Workspace;

// Opens, saves and recovers .handoff projects for the main window. Every write goes through ProjectFile::save
// (atomic: a failed save leaves the previous file as it was). A file that cannot be read (corrupt, newer version, key
// material inside) is reported through the dialog seam and the open project stays as it was.
//
// Autosave: while the project has unsaved changes, a copy is written every autosaveInterval() to a recovery file in
// QStandardPaths::AppDataLocation/recovery. A clean close removes it; after a crash offerRecovery() finds it and
// asks the admin whether to restore it.
class ProjectController final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProjectController)

public:
    ProjectController(Workspace& workspace, Dialogs& dialogs, QWidget* dialogParent, QObject* parent = nullptr);
    ~ProjectController() override;

    static QString fileFilter();

    // The File menu's actions. Each returns false when nothing happened (cancelled or failed).
    bool newProject();
    bool open();                        // asks for a file
    bool openFile(const QString& path); // asks to save unsaved changes first
    bool save();
    bool saveAs();
    // Before closing or replacing the project: asks Save / Don't Save / Cancel when there are unsaved changes.
    // True when it is fine to go on.
    bool maybeSave();
    // Loads `path` into the workspace without asking anything first; reports a failure through the dialogs.
    bool load(const QString& path);

    QStringList recentFiles() const;
    void clearRecentFiles();

    // ---- autosave and recovery
    static QString recoveryDirectory();
    QString recoveryFile() const; // for the current project
    int autosaveInterval() const { return m_autosave.interval(); }
    // Writes the recovery file now (when there are unsaved changes); for tests and the autosave timer.
    bool writeRecovery();
    // Removes the recovery file of the current project (after a save, a discard or a clean close).
    void removeRecovery();
    // At start-up: offers the most recent recovery file left by a session that did not close cleanly. True when it
    // was restored.
    bool offerRecovery();

Q_SIGNALS:
    void recentFilesChanged();
    void statusMessage(const QString& message);

private:
    bool saveTo(const QString& path);
    void addRecentFile(const QString& path);
    QString recoveryFileFor(const QString& projectPath) const;
    QString startDirectory() const;

    Workspace& m_workspace;
    Dialogs& m_dialogs;
    QWidget* m_dialogParent;
    QTimer m_autosave;
    QString m_lastRecoveryFile;
};

} // namespace handoff::shell
