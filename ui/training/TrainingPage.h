#pragma once

#include "shell/Page.h"
#include "training/Exercise.h"

#include <optional>

class QLabel;
class QListWidget;
class QPushButton;

namespace handoff::shell {
class ProjectController;
}

namespace handoff::training {

// Training: the guided exercises (core/training) with the admin's progress. "Start" writes the exercise's broken
// project into the user's data folder (training/<time>/) and opens it, so the other pages show what is wrong;
// the goal and the hint stay here. "Check" runs the core's check on the open project and lists what is left.
class TrainingPage final : public shell::Page {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TrainingPage)

public:
    TrainingPage(shell::Workspace& workspace, shell::ProjectController* projects, QWidget* parent = nullptr);
    ~TrainingPage() override;

    QString title() const override;
    QIcon icon() const override;
    QString pageId() const override;

    // Where started exercises are written: QStandardPaths::AppDataLocation/training.
    static QString trainingDirectory();

    // The actions behind the buttons, for shortcuts and tests.
    bool startExercise(const QString& id);
    std::optional<CheckResult> checkExercise();
    // The exercise the open project belongs to (started here), else the one selected in the list.
    QString activeExercise() const;
    void selectExercise(const QString& id);

private:
    void refreshList();
    void showSelected();
    void updateActive();

    shell::ProjectController* m_projects;
    QString m_active;
    QListWidget* m_list = nullptr;
    QLabel* m_progress = nullptr;
    QLabel* m_goal = nullptr;
    QLabel* m_hint = nullptr;
    QLabel* m_codes = nullptr;
    QLabel* m_activeLabel = nullptr;
    QPushButton* m_start = nullptr;
    QPushButton* m_check = nullptr;
    QLabel* m_summary = nullptr;
    QListWidget* m_results = nullptr;
};

} // namespace handoff::training
