#include "training/HelpDocs.h"

#include "shell/Dialogs.h"

#include <QAction>
#include <QCoreApplication>
#include <QDir>
#include <QEvent>
#include <QFileInfo>
#include <QMenu>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace handoff::training {

HelpDocs::HelpDocs(QMenu* menu, shell::Dialogs& dialogs, QWidget* dialogParent)
    : QObject(menu)
    , m_dialogs(dialogs)
    , m_parent(dialogParent) {
    auto make = [this](const char* name, const QString& file) {
        auto* action = new QAction(this);
        action->setObjectName(QString::fromLatin1(name));
        connect(action, &QAction::triggered, this, [this, file] { openDocument(file); });
        return action;
    };
    m_training = make("helpTrainingAction", u"training.md"_s);
    m_diagnostics = make("helpDiagnosticsAction", u"diagnostics.md"_s);
    m_flow = make("helpFlowAction", u"flow.md"_s);
    m_budget = make("helpBudgetAction", u"uui-budget.md"_s);
    m_all = make("helpAllDocsAction", QString());
    m_training->setShortcut(QKeySequence::HelpContents);
    QAction* before = menu->actions().value(0);
    menu->insertActions(before, actions());
    if (before) {
        menu->insertSeparator(before);
    }
    menu->installEventFilter(this);
    retranslate();
}

QList<QAction*> HelpDocs::actions() const {
    return {m_training, m_diagnostics, m_flow, m_budget, m_all};
}

QString HelpDocs::docsDirectory() {
    QStringList candidates;
    const QString env = qEnvironmentVariable("HANDOFF_DOCS_DIR");
    if (!env.isEmpty()) {
        candidates.append(env);
    }
    candidates.append(QDir(QCoreApplication::applicationDirPath()).filePath(u"../share/doc/handoff-studio"_s));
    candidates.append(QStringLiteral(HANDOFF_DOCS_SOURCE_DIR));
    for (const QString& dir : std::as_const(candidates)) {
        if (QFileInfo::exists(QDir(dir).filePath(u"training.md"_s))) {
            return QDir(dir).canonicalPath();
        }
    }
    return {};
}

bool HelpDocs::openDocument(const QString& fileName) {
    const QString dir = docsDirectory();
    if (dir.isEmpty()) {
        m_dialogs.warning(m_parent, tr("Documentation"),
                          tr("The documentation is not installed. It is part of the handoff-studio package "
                             "(/usr/share/doc/handoff-studio); set HANDOFF_DOCS_DIR to a folder with it."));
        return false;
    }
    const QString path = fileName.isEmpty() ? dir : QDir(dir).filePath(fileName);
    if (!m_dialogs.openUrl(m_parent, QUrl::fromLocalFile(path))) {
        m_dialogs.warning(m_parent, tr("Documentation"),
                          tr("No program on this computer opens %1. Open the file with a text editor or a "
                             "browser.")
                              .arg(QDir::toNativeSeparators(path)));
        return false;
    }
    return true;
}

bool HelpDocs::eventFilter(QObject* watched, QEvent* event) {
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
    }
    return QObject::eventFilter(watched, event);
}

void HelpDocs::retranslate() {
    m_training->setText(tr("&Training and first steps"));
    m_diagnostics->setText(tr("&Diagnostic codes"));
    m_flow->setText(tr("The inbound &flow"));
    m_budget->setText(tr("The UUI header &budget"));
    m_all->setText(tr("All d&ocumentation (folder)"));
}

} // namespace handoff::training
