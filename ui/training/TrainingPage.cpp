#include "training/TrainingPage.h"

#include "project/ProjectFile.h"
#include "shell/Dialogs.h"
#include "shell/ProjectController.h"
#include "shell/Workspace.h"
#include "training/TrainingProgress.h"

#include <QDir>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QStandardPaths>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace handoff::training {

namespace {
constexpr int kIdRole = Qt::UserRole + 1;
}

TrainingPage::TrainingPage(shell::Workspace& workspace, shell::ProjectController* projects, QWidget* parent)
    : Page(workspace, parent)
    , m_projects(projects) {
    setObjectName(u"trainingPage"_s);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(makeHeading(title(), this));
    auto* intro = new QLabel(tr("Each exercise opens a project broken the way handoffs break in production. Fix it "
                                "on the other pages, then come back and check it. Your progress is kept."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    m_progress = new QLabel(this);
    m_progress->setObjectName(u"trainingProgressLabel"_s);
    layout->addWidget(m_progress);

    auto* body = new QHBoxLayout;
    m_list = new QListWidget(this);
    m_list->setObjectName(u"exerciseListWidget"_s);
    m_list->setAccessibleName(tr("Exercises"));
    m_list->setMinimumWidth(260);
    body->addWidget(m_list, 1);

    auto* details = new QGroupBox(tr("Exercise"), this);
    auto* form = new QFormLayout(details);
    m_goal = new QLabel(details);
    m_goal->setObjectName(u"exerciseGoalLabel"_s);
    m_goal->setWordWrap(true);
    m_goal->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_hint = new QLabel(details);
    m_hint->setObjectName(u"exerciseHintLabel"_s);
    m_hint->setWordWrap(true);
    m_hint->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_codes = new QLabel(details);
    m_codes->setObjectName(u"exerciseCodesLabel"_s);
    m_activeLabel = new QLabel(details);
    m_activeLabel->setObjectName(u"activeExerciseLabel"_s);
    m_activeLabel->setWordWrap(true);
    form->addRow(tr("Goal:"), m_goal);
    form->addRow(tr("Hint:"), m_hint);
    form->addRow(tr("Codes:"), m_codes);
    form->addRow(tr("Open project:"), m_activeLabel);

    auto* buttons = new QHBoxLayout;
    m_start = new QPushButton(tr("&Start exercise"), details);
    m_start->setObjectName(u"startExercisePushButton"_s);
    m_check = new QPushButton(tr("&Check my fix"), details);
    m_check->setObjectName(u"checkExercisePushButton"_s);
    buttons->addWidget(m_start);
    buttons->addWidget(m_check);
    buttons->addStretch(1);
    form->addRow(buttons);

    m_summary = new QLabel(details);
    m_summary->setObjectName(u"checkSummaryLabel"_s);
    m_summary->setWordWrap(true);
    form->addRow(m_summary);
    m_results = new QListWidget(details);
    m_results->setObjectName(u"checkResultListWidget"_s);
    m_results->setAccessibleName(tr("Problems left"));
    form->addRow(m_results);
    body->addWidget(details, 2);
    layout->addLayout(body, 1);

    connect(m_list, &QListWidget::currentRowChanged, this, [this] { showSelected(); });
    connect(m_start, &QPushButton::clicked, this, [this] {
        if (QListWidgetItem* item = m_list->currentItem()) {
            startExercise(item->data(kIdRole).toString());
        }
    });
    connect(m_check, &QPushButton::clicked, this, [this] { checkExercise(); });
    connect(&workspace, &shell::Workspace::filePathChanged, this, [this] { updateActive(); });

    refreshList();
    m_list->setCurrentRow(0);
    updateActive();
}

TrainingPage::~TrainingPage() = default;

QString TrainingPage::title() const {
    return tr("Training");
}

QIcon TrainingPage::icon() const {
    return QIcon(u":/handoff/icons/page-training.svg"_s);
}

QString TrainingPage::pageId() const {
    return u"training"_s;
}

QString TrainingPage::trainingDirectory() {
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).filePath(u"training"_s);
}

void TrainingPage::refreshList() {
    const QString current = m_list->currentItem() ? m_list->currentItem()->data(kIdRole).toString() : QString();
    m_list->clear();
    const QList<Exercise> all = exercises();
    for (const Exercise& e : all) {
        QString state;
        if (TrainingProgress::isPassed(e.id)) {
            state = tr("passed");
        } else if (TrainingProgress::isStarted(e.id)) {
            state = tr("started");
        }
        auto* item = new QListWidgetItem(state.isEmpty() ? e.title : tr("%1 (%2)").arg(e.title, state), m_list);
        item->setData(kIdRole, e.id);
        item->setIcon(QIcon(TrainingProgress::isPassed(e.id) ? u":/handoff/icons/severity-ok.svg"_s
                                                             : u":/handoff/icons/severity-info.svg"_s));
        if (e.id == current) {
            m_list->setCurrentItem(item);
        }
    }
    m_progress->setText(tr("%1 of %2 exercises passed.").arg(TrainingProgress::passedCount()).arg(all.size()));
}

void TrainingPage::selectExercise(const QString& id) {
    for (int i = 0; i < m_list->count(); ++i) {
        if (m_list->item(i)->data(kIdRole).toString() == id) {
            m_list->setCurrentRow(i);
            return;
        }
    }
}

void TrainingPage::showSelected() {
    const QListWidgetItem* item = m_list->currentItem();
    const auto e = item ? findExercise(item->data(kIdRole).toString()) : std::nullopt;
    m_goal->setText(e ? e->goal : QString());
    m_hint->setText(e ? e->hint : QString());
    m_codes->setText(e ? e->codes.join(u", "_s) : QString());
    m_start->setEnabled(e.has_value());
}

void TrainingPage::updateActive() {
    m_active.clear();
    const QString open = workspace().filePath();
    if (!open.isEmpty()) {
        for (const Exercise& e : exercises()) {
            const QString file = TrainingProgress::projectFile(e.id);
            if (!file.isEmpty() && QFileInfo(file) == QFileInfo(open)) {
                m_active = e.id;
            }
        }
    }
    const auto e = findExercise(m_active);
    m_activeLabel->setText(e ? tr("%1 (%2)").arg(e->title, QDir::toNativeSeparators(open))
                             : tr("No exercise is open; Check uses the exercise selected in the list."));
}

QString TrainingPage::activeExercise() const {
    if (!m_active.isEmpty()) {
        return m_active;
    }
    const QListWidgetItem* item = m_list->currentItem();
    return item ? item->data(kIdRole).toString() : QString();
}

bool TrainingPage::startExercise(const QString& id) {
    if (m_projects && !m_projects->maybeSave()) {
        return false;
    }
    // A new folder per start, so a started (perhaps fixed) copy is never in the way of the next one.
    const QString stamp = workspace().clock().now().toUTC().toString(u"yyyyMMdd-HHmmss"_s);
    QString folder = QDir(trainingDirectory()).filePath(stamp);
    for (int n = 2; QFileInfo::exists(folder); ++n) {
        folder = QDir(trainingDirectory()).filePath(stamp + u'-' + QString::number(n));
    }
    const auto path = training::start(id, folder, workspace().clock());
    if (!path) {
        dialogs().warning(this, tr("Training"), path.error().message);
        return false;
    }
    TrainingProgress::markStarted(id, *path);
    if (m_projects) {
        if (!m_projects->load(*path)) {
            return false;
        }
    } else {
        auto loaded = project::ProjectFile::load(*path);
        if (!loaded) {
            dialogs().warning(this, tr("Training"), loaded.error().message);
            return false;
        }
        workspace().resetProject(loaded->project, *path);
    }
    selectExercise(id);
    updateActive();
    refreshList();
    m_summary->setText(tr("Started. The problems are in the Problems dock and on the pages; fix them, then check."));
    m_results->clear();
    return true;
}

std::optional<CheckResult> TrainingPage::checkExercise() {
    const QString id = activeExercise();
    const auto result = training::check(id, workspace().project(), workspace().clock());
    m_results->clear();
    if (!result) {
        m_summary->setText(result.error().message);
        return std::nullopt;
    }
    m_summary->setText(result->summary);
    for (const diagnostics::Diagnostic& d : result->remaining + result->newErrors) {
        m_results->addItem(d.code + u": "_s + d.message);
    }
    if (result->passed) {
        TrainingProgress::markPassed(id);
        refreshList();
    }
    return *result;
}

} // namespace handoff::training
