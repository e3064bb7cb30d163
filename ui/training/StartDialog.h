#pragma once

#include "project/NewProject.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace handoff::shell {
class ProjectController;
class Workspace;
} // namespace handoff::shell

namespace handoff::training {

// The first-run start screen, shown when the app starts with no project: open the sample, create a project from the
// help article's template with a short form (checked as typed by the org profile's own rules), open a recent
// project or another file, or start the training. Each choice is carried out here; choice() says which was taken
// (the main window shows the Training page for Training).
class StartDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StartDialog)

public:
    enum class Choice { None, Sample, NewProject, Recent, OpenFile, Training };

    StartDialog(shell::Workspace& workspace, shell::ProjectController* projects, QWidget* parent = nullptr);
    ~StartDialog() override;

    // Whether the start screen is shown at start-up (the dialog's check box; user settings).
    static bool showAtStart();
    static void setShowAtStart(bool show);

    Choice choice() const { return m_choice; }

    // The actions behind the buttons, for tests.
    bool openSample();
    bool createProject();
    bool openRecent();
    bool openFile();
    void startTraining();

    project::NewProjectForm form() const;
    // The form's problems as checked now (shown under the form).
    diagnostics::Diagnostics formProblems() const;

private:
    void updateForm();
    void finish(Choice choice);

    shell::Workspace& m_workspace;
    shell::ProjectController* m_projects;
    Choice m_choice = Choice::None;
    QLineEdit* m_name = nullptr;
    QLineEdit* m_orgId = nullptr;
    QLineEdit* m_domain = nullptr;
    QLineEdit* m_callCenter = nullptr;
    QComboBox* m_customerType = nullptr;
    QLabel* m_problems = nullptr;
    QPushButton* m_create = nullptr;
    QListWidget* m_recent = nullptr;
    QPushButton* m_openRecent = nullptr;
    QCheckBox* m_showAtStart = nullptr;
};

} // namespace handoff::training
