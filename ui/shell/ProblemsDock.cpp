#include "shell/ProblemsDock.h"

#include "shell/StateColours.h"

#include <QEvent>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QStackedWidget>
#include <QStyledItemDelegate>
#include <QTreeView>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace handoff::shell {

using diagnostics::Severity;

ProblemsModel::ProblemsModel(QObject* parent)
    : QAbstractTableModel(parent) {}

void ProblemsModel::setDiagnostics(const diagnostics::Diagnostics& list) {
    diagnostics::Diagnostics sorted = list;
    // Errors first, then warnings, then notes; the order within a severity is the order they were found in.
    std::stable_sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) {
        return static_cast<int>(a.severity) > static_cast<int>(b.severity);
    });
    beginResetModel();
    m_list = std::move(sorted);
    endResetModel();
}

int ProblemsModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_list.size());
}

int ProblemsModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QIcon ProblemsModel::severityIcon(Severity severity) {
    return QIcon(severityIconPath(severity));
}

QString ProblemsModel::fieldName(const QString& field) {
    // People's names for the fields diagnostics point at; anything else is shown as it is.
    static const QList<std::pair<QString, const char*>> names = {
        {u"org.orgId"_s, QT_TR_NOOP("Org id")},
        {u"org.scrt2Domain"_s, QT_TR_NOOP("SCRT2 domain")},
        {u"org.baseUrl"_s, QT_TR_NOOP("SCRT2 base URL")},
        {u"org.callCenterApiName"_s, QT_TR_NOOP("Call Center API name")},
        {u"org.customerType"_s, QT_TR_NOOP("Customer type")},
        {u"key"_s, QT_TR_NOOP("Private key")},
        {u"certificate"_s, QT_TR_NOOP("Certificate")},
        {u"budget"_s, QT_TR_NOOP("UUI header size")},
        {u"uui.token"_s, QT_TR_NOOP("UUI token")},
        {u"uui.orgId"_s, QT_TR_NOOP("UUI orgId")},
        {u"uui.scrt2Domain"_s, QT_TR_NOOP("UUI scrt2Domain")},
        {u"uui.callId"_s, QT_TR_NOOP("UUI callId")},
        {u"uui.transactionId"_s, QT_TR_NOOP("UUI transactionId")},
    };
    for (const auto& [key, name] : names) {
        if (key == field) {
            return tr(name);
        }
    }
    if (field.startsWith(u"claims."_s)) {
        return tr("Token claim %1").arg(field.mid(7));
    }
    if (field.startsWith(u"trunk."_s)) {
        return tr("Trunk setting %1").arg(field.mid(6));
    }
    if (field.startsWith(u"exports."_s)) {
        return tr("Export setting %1").arg(field.mid(8));
    }
    if (field.startsWith(u"uui.params"_s) || field.startsWith(u"uui.custom"_s)) {
        return tr("UUI parameter %1").arg(field.section(u'.', 2));
    }
    return field;
}

QString ProblemsModel::describeLocation(const diagnostics::Location& where) {
    QString text;
    if (!where.field.isEmpty()) {
        text = fieldName(where.field);
    }
    if (where.isInFlow() && text.isEmpty()) {
        // A flow problem: the task and the action (and the property) it is about.
        text = where.actionId.isEmpty() ? tr("Task %1").arg(where.taskId)
                                        : tr("Task %1, action %2").arg(where.taskId, where.actionId);
        if (!where.property.isEmpty()) {
            text = tr("%1, %2").arg(text, where.property);
        }
        return text;
    }
    if (where.line > 0) {
        const QString position = tr("line %1, column %2").arg(where.line).arg(std::max(where.column, 1));
        text = text.isEmpty() ? position : tr("%1, %2").arg(text, position);
    }
    return text;
}

QVariant ProblemsModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= m_list.size()) {
        return {};
    }
    const diagnostics::Diagnostic& d = m_list.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case CodeColumn:
            return d.code;
        case MessageColumn:
            return d.message;
        case WhereColumn:
            return describeLocation(d.where);
        default:
            return {};
        }
    case Qt::DecorationRole:
        return index.column() == CodeColumn ? QVariant(severityIcon(d.severity)) : QVariant();
    case Qt::ToolTipRole: {
        const QString severity = d.severity == Severity::Error     ? tr("Error")
                                 : d.severity == Severity::Warning ? tr("Warning")
                                                                   : tr("Note");
        // Rich text so that long messages wrap in the tooltip.
        return QString(u"<p>"_s + tr("%1 %2: %3").arg(severity, d.code, d.message).toHtmlEscaped() + u"</p>"_s);
    }
    case Qt::AccessibleTextRole:
        return tr("%1, %2").arg(d.code, d.message);
    case DiagnosticRole:
        return QVariant::fromValue(d);
    default:
        return {};
    }
}

QVariant ProblemsModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
    case CodeColumn:
        return tr("Code");
    case MessageColumn:
        return tr("Problem");
    case WhereColumn:
        return tr("Where");
    default:
        return {};
    }
}

namespace {

// A tree view that treats Enter/Return as activation on every platform, so the Problems list works from the
// keyboard.
class ProblemsView final : public QTreeView {
public:
    using QTreeView::QTreeView;

protected:
    void keyPressEvent(QKeyEvent* event) override {
        if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) && currentIndex().isValid()) {
            Q_EMIT activated(currentIndex());
            event->accept();
            return;
        }
        QTreeView::keyPressEvent(event);
    }
};

// Wraps a long message onto as many lines as its column needs. QTreeView asks a delegate for a row's size without
// the column's width, so the style would measure the text on one endless line and the view would elide it; this
// delegate measures it at the width of the column it is drawn in.
class WrappingDelegate final : public QStyledItemDelegate {
public:
    WrappingDelegate(QTreeView* view)
        : QStyledItemDelegate(view)
        , m_view(view) {}

    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override {
        QStyleOptionViewItem opt = option;
        initStyleOption(&opt, index);
        const int width = m_view->header()->sectionSize(index.column());
        if (width <= 0 || !(opt.features & QStyleOptionViewItem::WrapText)) {
            return QStyledItemDelegate::sizeHint(option, index);
        }
        opt.rect = QRect(0, 0, width, opt.fontMetrics.height());
        const QWidget* widget = opt.widget ? opt.widget : m_view;
        return widget->style()->sizeFromContents(QStyle::CT_ItemViewItem, &opt, QSize(), widget);
    }

private:
    QTreeView* m_view;
};

} // namespace

ProblemsDock::ProblemsDock(QWidget* parent)
    : QDockWidget(parent)
    , m_model(new ProblemsModel(this))
    , m_view(new ProblemsView(this))
    , m_empty(new QLabel(this))
    , m_stack(new QStackedWidget(this)) {
    setObjectName(u"problemsDock"_s);
    setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable | QDockWidget::DockWidgetClosable);

    m_view->setObjectName(u"problemsTreeView"_s);
    // A focus ring the admin can see when tabbing into the list.
    m_view->setStyleSheet(u"QTreeView#problemsTreeView { border: 2px solid transparent; }"
                          "QTreeView#problemsTreeView:focus { border: 2px solid palette(highlight); }"_s);
    m_view->setModel(m_model);
    m_view->setRootIsDecorated(false);
    // Long messages wrap onto more lines instead of being cut at the window's edge.
    m_view->setUniformRowHeights(false);
    m_view->setAlternatingRowColors(true);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setWordWrap(true);
    m_view->setTextElideMode(Qt::ElideNone);
    m_view->setItemDelegate(new WrappingDelegate(m_view));
    // A narrower or wider message column changes how many lines each message needs.
    connect(m_view->header(), &QHeaderView::sectionResized, m_view, [view = m_view] { view->doItemsLayout(); });
    // Room for a few messages, whatever size the dock was saved at.
    m_view->setMinimumHeight(m_view->fontMetrics().lineSpacing() * 3 + m_view->header()->sizeHint().height());
    m_view->header()->setStretchLastSection(false);
    m_view->header()->setSectionResizeMode(ProblemsModel::CodeColumn, QHeaderView::ResizeToContents);
    m_view->header()->setSectionResizeMode(ProblemsModel::MessageColumn, QHeaderView::Stretch);
    m_view->header()->setSectionResizeMode(ProblemsModel::WhereColumn, QHeaderView::ResizeToContents);

    m_empty->setObjectName(u"problemsEmptyLabel"_s);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setEnabled(false); // drawn in the palette's placeholder colour

    m_stack->addWidget(m_view);
    m_stack->addWidget(m_empty);
    setWidget(m_stack);

    // Mouse click and keyboard activation both take the admin to the field.
    connect(m_view, &QTreeView::clicked, this, &ProblemsDock::activate);
    connect(m_view, &QTreeView::activated, this, &ProblemsDock::activate);

    retranslate();
    setDiagnostics({});
}

void ProblemsDock::setDiagnostics(const diagnostics::Diagnostics& list) {
    m_model->setDiagnostics(list);
    m_stack->setCurrentWidget(list.isEmpty() ? static_cast<QWidget*>(m_empty) : m_view);
    setFocusProxy(list.isEmpty() ? nullptr : m_view);
    retranslate();
}

QString ProblemsDock::summary() const {
    int errors = 0;
    int warnings = 0;
    int notes = 0;
    for (const auto& d : m_model->diagnostics()) {
        switch (d.severity) {
        case Severity::Error:
            ++errors;
            break;
        case Severity::Warning:
            ++warnings;
            break;
        case Severity::Info:
            ++notes;
            break;
        }
    }
    if (errors + warnings + notes == 0) {
        return tr("No problems");
    }
    QStringList parts;
    if (errors > 0) {
        parts << (errors == 1 ? tr("1 error") : tr("%1 errors").arg(errors));
    }
    if (warnings > 0) {
        parts << (warnings == 1 ? tr("1 warning") : tr("%1 warnings").arg(warnings));
    }
    if (notes > 0) {
        parts << (notes == 1 ? tr("1 note") : tr("%1 notes").arg(notes));
    }
    return parts.join(u", "_s);
}

void ProblemsDock::activate(const QModelIndex& index) {
    if (!index.isValid()) {
        return;
    }
    Q_EMIT problemActivated(index.data(ProblemsModel::DiagnosticRole).value<diagnostics::Diagnostic>());
}

void ProblemsDock::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
    }
    QDockWidget::changeEvent(event);
}

void ProblemsDock::retranslate() {
    const int count = m_model->rowCount();
    setWindowTitle(count == 0 ? tr("Problems") : tr("Problems (%1)").arg(summary()));
    m_empty->setText(tr("No problems found."));
}

} // namespace handoff::shell
