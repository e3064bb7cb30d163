#include "training/StartDialog.h"

#include "project/ProjectFile.h"
#include "shell/ProjectController.h"
#include "shell/Workspace.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QScreen>
#include <QScrollArea>
#include <QScrollBar>
#include <QSettings>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace handoff::training {

namespace {
constexpr const char* kShowKey = "startScreen/showAtStart";
constexpr const char* kSampleResource = ":/handoff/samples/sample.handoff";
} // namespace

StartDialog::StartDialog(shell::Workspace& workspace, shell::ProjectController* projects, QWidget* parent)
    : QDialog(parent)
    , m_workspace(workspace)
    , m_projects(projects) {
    setObjectName(u"startDialog"_s);
    setWindowTitle(tr("Welcome to Handoff Studio"));
    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(tr("Handoff Studio designs and checks the SIP handoff from a Genesys Cloud flow to an "
                                "Agentforce Voice agent. How do you want to start?"),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    // The choices scroll when the screen is small (a laptop at 200%), so no text is ever cut off.
    auto* scroll = new QScrollArea(this);
    scroll->setObjectName(u"startScrollArea"_s);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto* body = new QWidget(scroll);
    auto* grid = new QGridLayout(body);
    grid->setContentsMargins(0, 0, 0, 0);
    // Left: the quick starts and recent projects.
    auto* quick = new QGroupBox(tr("Start"), body);
    auto* quickLayout = new QVBoxLayout(quick);
    auto* sample = new QPushButton(tr("Open the &sample project"), quick);
    sample->setObjectName(u"openSamplePushButton"_s);
    auto* training = new QPushButton(tr("Start the &training"), quick);
    training->setObjectName(u"startTrainingPushButton"_s);
    auto* open = new QPushButton(tr("&Open a project file..."), quick);
    open->setObjectName(u"openFilePushButton"_s);
    quickLayout->addWidget(sample);
    quickLayout->addWidget(training);
    quickLayout->addWidget(open);
    auto* recentLabel = new QLabel(tr("&Recent projects:"), quick);
    m_recent = new QListWidget(quick);
    m_recent->setObjectName(u"recentProjectsListWidget"_s);
    recentLabel->setBuddy(m_recent);
    m_openRecent = new QPushButton(tr("Open r&ecent"), quick);
    m_openRecent->setObjectName(u"openRecentPushButton"_s);
    quickLayout->addWidget(recentLabel);
    quickLayout->addWidget(m_recent, 1);
    quickLayout->addWidget(m_openRecent);
    grid->addWidget(quick, 0, 0);

    // Right: a new project from the template.
    auto* create = new QGroupBox(tr("New project from the help article's template"), body);
    auto* form = new QFormLayout(create);
    m_name = new QLineEdit(create);
    m_name->setObjectName(u"newProjectNameLineEdit"_s);
    m_name->setPlaceholderText(tr("Acme inbound voice"));
    m_orgId = new QLineEdit(create);
    m_orgId->setObjectName(u"newProjectOrgIdLineEdit"_s);
    m_orgId->setPlaceholderText(tr("00D... (Setup > Company Information)"));
    m_domain = new QLineEdit(create);
    m_domain->setObjectName(u"newProjectScrt2LineEdit"_s);
    m_domain->setPlaceholderText(tr("mycompany.my.salesforce-scrt.com"));
    m_callCenter = new QLineEdit(create);
    m_callCenter->setObjectName(u"newProjectCallCenterLineEdit"_s);
    m_callCenter->setPlaceholderText(tr("The Call Center API name"));
    m_customerType = new QComboBox(create);
    m_customerType->setObjectName(u"newProjectCustomerTypeComboBox"_s);
    for (salesforce::CustomerType type :
         {salesforce::CustomerType::VoiceWithTelephonyProviders, salesforce::CustomerType::Other}) {
        m_customerType->addItem(salesforce::customerTypeName(type), salesforce::customerTypeKey(type));
    }
    form->addRow(tr("Project &name:"), m_name);
    form->addRow(tr("Org &id:"), m_orgId);
    form->addRow(tr("SCRT2 &domain:"), m_domain);
    form->addRow(tr("&Call Center API name:"), m_callCenter);
    form->addRow(tr("Customer &type:"), m_customerType);
    m_problems = new QLabel(create);
    m_problems->setObjectName(u"newProjectProblemsLabel"_s);
    m_problems->setWordWrap(true);
    m_problems->setTextFormat(Qt::PlainText);
    form->addRow(m_problems);
    m_create = new QPushButton(tr("Create &project"), create);
    m_create->setObjectName(u"createProjectPushButton"_s);
    form->addRow(m_create);
    grid->addWidget(create, 0, 1);
    grid->setColumnStretch(1, 1);
    scroll->setWidget(body);
    layout->addWidget(scroll, 1);

    m_showAtStart = new QCheckBox(tr("Show this screen when Handoff Studio starts without a project"), this);
    m_showAtStart->setObjectName(u"showAtStartCheckBox"_s);
    m_showAtStart->setChecked(showAtStart());
    layout->addWidget(m_showAtStart);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->button(QDialogButtonBox::Close)->setText(tr("Start with an &empty project"));
    layout->addWidget(buttons);

    const QStringList recent = m_projects ? m_projects->recentFiles() : QStringList();
    for (const QString& file : recent) {
        auto* item = new QListWidgetItem(QFileInfo(file).fileName(), m_recent);
        item->setToolTip(QDir::toNativeSeparators(file));
        item->setData(Qt::UserRole, file);
    }
    if (m_recent->count() > 0) {
        m_recent->setCurrentRow(0);
    }
    m_openRecent->setEnabled(m_recent->count() > 0);
    m_recent->setEnabled(m_recent->count() > 0);

    connect(sample, &QPushButton::clicked, this, [this] { openSample(); });
    connect(training, &QPushButton::clicked, this, [this] { startTraining(); });
    connect(open, &QPushButton::clicked, this, [this] { openFile(); });
    connect(m_openRecent, &QPushButton::clicked, this, [this] { openRecent(); });
    connect(m_recent, &QListWidget::itemActivated, this, [this] { openRecent(); });
    connect(m_create, &QPushButton::clicked, this, [this] { createProject(); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_showAtStart, &QCheckBox::toggled, this, [](bool on) { setShowAtStart(on); });
    for (QLineEdit* edit : {m_name, m_orgId, m_domain, m_callCenter}) {
        connect(edit, &QLineEdit::textChanged, this, [this] { updateForm(); });
    }
    connect(m_customerType, &QComboBox::currentIndexChanged, this, [this] { updateForm(); });
    updateForm();
    sample->setFocus();

    // As large as the choices want, within the screen (they scroll beyond it).
    QSize want = body->sizeHint() + QSize(scroll->verticalScrollBar()->sizeHint().width() + 40, 0);
    want.setHeight(want.height() + intro->sizeHint().height() + m_showAtStart->sizeHint().height() +
                   buttons->sizeHint().height() + 60);
    if (const QScreen* s = screen()) {
        want = want.boundedTo(s->availableGeometry().size() * 9 / 10);
    }
    resize(want);
}

StartDialog::~StartDialog() = default;

bool StartDialog::showAtStart() {
    return QSettings().value(QString::fromLatin1(kShowKey), true).toBool();
}

void StartDialog::setShowAtStart(bool show) {
    QSettings().setValue(QString::fromLatin1(kShowKey), show);
}

project::NewProjectForm StartDialog::form() const {
    project::NewProjectForm f;
    f.name = m_name->text();
    f.orgId = m_orgId->text();
    f.scrt2Domain = m_domain->text();
    f.callCenterApiName = m_callCenter->text();
    f.customerType = salesforce::customerTypeFromKey(m_customerType->currentData().toString())
                         .value_or(salesforce::CustomerType::VoiceWithTelephonyProviders);
    return f;
}

diagnostics::Diagnostics StartDialog::formProblems() const {
    return project::checkNewProjectForm(form());
}

void StartDialog::updateForm() {
    const diagnostics::Diagnostics problems = formProblems();
    QStringList lines;
    bool errors = false;
    for (const diagnostics::Diagnostic& d : problems) {
        if (d.severity == diagnostics::Severity::Info) {
            continue;
        }
        errors = errors || d.severity == diagnostics::Severity::Error;
        lines.append(d.code + u": "_s + d.message);
    }
    // An untouched form says what to enter rather than listing every empty field as an error.
    const bool untouched = m_orgId->text().isEmpty() && m_domain->text().isEmpty() && m_callCenter->text().isEmpty();
    m_problems->setText(untouched ? tr("Enter the org id, the SCRT2 domain and the Call Center API name.")
                                  : lines.join(u'\n'));
    m_create->setEnabled(!errors);
    for (QLineEdit* edit : {m_orgId, m_domain, m_callCenter}) {
        const QString field = edit == m_orgId    ? u"org.orgId"_s
                              : edit == m_domain ? u"org.scrt2Domain"_s
                                                 : u"org.callCenterApiName"_s;
        const bool bad = !edit->text().isEmpty() && std::any_of(problems.cbegin(), problems.cend(), [&](const auto& d) {
            return d.severity == diagnostics::Severity::Error && d.where.field == field;
        });
        edit->setProperty("handoffInvalid", bad);
        edit->setToolTip(bad ? tr("See the problems below the form.") : QString());
    }
}

void StartDialog::finish(Choice choice) {
    m_choice = choice;
    accept();
}

bool StartDialog::openSample() {
    QFile file(QString::fromLatin1(kSampleResource));
    if (!file.open(QIODevice::ReadOnly)) {
        return false;
    }
    auto loaded = project::ProjectFile::parse(file.readAll());
    if (!loaded) {
        return false;
    }
    // Opened again from the File menu, the screen may replace a project with unsaved changes: ask first.
    if (m_projects && !m_projects->maybeSave()) {
        return false;
    }
    // No file path: the sample is read-only; Save asks where to keep the admin's copy.
    m_workspace.resetProject(loaded->project, QString());
    finish(Choice::Sample);
    return true;
}

bool StartDialog::createProject() {
    if (diagnostics::hasErrors(formProblems())) {
        return false;
    }
    project::NewProjectForm f = form();
    if (f.name.trimmed().isEmpty()) {
        f.name = f.callCenterApiName.trimmed().isEmpty() ? tr("New project") : f.callCenterApiName.trimmed();
    }
    if (m_projects && !m_projects->maybeSave()) {
        return false;
    }
    m_workspace.resetProject(project::projectFromTemplate(f), QString(), true);
    finish(Choice::NewProject);
    return true;
}

bool StartDialog::openRecent() {
    const QListWidgetItem* item = m_recent->currentItem();
    if (!item || !m_projects) {
        return false;
    }
    if (!m_projects->openFile(item->data(Qt::UserRole).toString())) {
        return false; // reported by the controller; the start screen stays
    }
    finish(Choice::Recent);
    return true;
}

bool StartDialog::openFile() {
    if (!m_projects || !m_projects->open()) {
        return false;
    }
    finish(Choice::OpenFile);
    return true;
}

void StartDialog::startTraining() {
    finish(Choice::Training);
}

} // namespace handoff::training
