#include "flow/FlowToolbox.h"

#include "flow/FlowView.h"

#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace handoff::flow {

namespace {
constexpr int kKindRole = Qt::UserRole + 1;
} // namespace

ToolboxTree::ToolboxTree(QWidget* parent)
    : QTreeWidget(parent) {
    setObjectName(u"flowToolboxTree"_s);
    setHeaderHidden(true);
    setDragEnabled(true);
    setDragDropMode(QAbstractItemView::DragOnly);
    setRootIsDecorated(true);
    setSelectionMode(QAbstractItemView::SingleSelection);
}

QStringList ToolboxTree::mimeTypes() const {
    return {QString::fromLatin1(kActionKindMime)};
}

QMimeData* ToolboxTree::mimeData(const QList<QTreeWidgetItem*>& items) const {
    if (items.isEmpty() || !items.constFirst()->data(0, kKindRole).isValid()) {
        return nullptr;
    }
    auto* mime = new QMimeData;
    mime->setData(QString::fromLatin1(kActionKindMime), items.constFirst()->data(0, kKindRole).toString().toUtf8());
    return mime;
}

FlowToolbox::FlowToolbox(QWidget* parent)
    : QWidget(parent) {
    setObjectName(u"flowToolbox"_s);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* label = new QLabel(tr("&Toolbox"), this);
    QFont bold = label->font();
    bold.setBold(true);
    label->setFont(bold);
    m_search = new QLineEdit(this);
    m_search->setObjectName(u"flowToolboxSearchLineEdit"_s);
    m_search->setPlaceholderText(tr("Search actions"));
    m_search->setClearButtonEnabled(true);
    m_search->setAccessibleName(tr("Search the toolbox"));
    label->setBuddy(m_search);
    m_tree = new ToolboxTree(this);
    m_tree->setAccessibleName(tr("Toolbox"));
    m_tree->setToolTip(tr("Drag an action onto a connector of the canvas, or press Enter to insert it after the "
                          "selected action."));
    layout->addWidget(label);
    layout->addWidget(m_search);
    layout->addWidget(m_tree, 1);
    build();
    connect(m_search, &QLineEdit::textChanged, this, &FlowToolbox::setFilter);
    connect(m_search, &QLineEdit::returnPressed, this, &FlowToolbox::activateCurrent);
    connect(m_tree, &QTreeWidget::itemActivated, this, [this] { activateCurrent(); });
    m_search->installEventFilter(this);
}

QTreeWidget* FlowToolbox::tree() const {
    return m_tree;
}

void FlowToolbox::build() {
    struct Category {
        QString name;
        QList<ActionKind> kinds;
    };
    const QList<Category> categories{
        {tr("Audio"), {ActionKind::PlayAudio}},
        {tr("Data"), {ActionKind::CallData, ActionKind::UpdateData}},
        {tr("Logical"), {ActionKind::Decision}},
        {tr("Transfer"), {ActionKind::TransferToNumber}},
        {tr("Flow"), {ActionKind::SetPostFlow, ActionKind::Jump, ActionKind::Disconnect}},
        {tr("Call"), {ActionKind::SetUuiData, ActionKind::Transcription, ActionKind::EnableParticipantRecording}},
    };
    for (const Category& c : categories) {
        auto* top = new QTreeWidgetItem(m_tree, QStringList{c.name});
        top->setFlags(Qt::ItemIsEnabled);
        for (ActionKind kind : c.kinds) {
            auto* item = new QTreeWidgetItem(top, QStringList{actionKindName(kind)});
            item->setData(0, kKindRole, actionKindKey(kind));
            item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled);
        }
    }
    m_tree->expandAll();
}

void FlowToolbox::setFilter(const QString& text) {
    QTreeWidgetItem* first = nullptr;
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i) {
        QTreeWidgetItem* top = m_tree->topLevelItem(i);
        bool any = false;
        for (int j = 0; j < top->childCount(); ++j) {
            QTreeWidgetItem* child = top->child(j);
            const bool match = text.isEmpty() || child->text(0).contains(text, Qt::CaseInsensitive) ||
                               top->text(0).contains(text, Qt::CaseInsensitive);
            child->setHidden(!match);
            if (match && !first) {
                first = child;
            }
            any = any || match;
        }
        top->setHidden(!any);
    }
    if (first) {
        m_tree->setCurrentItem(first);
    }
}

std::optional<ActionKind> FlowToolbox::currentKind() const {
    const QTreeWidgetItem* item = m_tree->currentItem();
    if (!item || item->isHidden() || !item->data(0, kKindRole).isValid()) {
        return std::nullopt;
    }
    return actionKindFromKey(item->data(0, kKindRole).toString());
}

void FlowToolbox::focusSearch() {
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

void FlowToolbox::activateCurrent() {
    if (auto kind = currentKind()) {
        Q_EMIT insertRequested(*kind);
    }
}

bool FlowToolbox::eventFilter(QObject* watched, QEvent* event) {
    // Up and Down in the search field walk the matching kinds, so the keyboard never has to leave it.
    if (watched == m_search && event->type() == QEvent::KeyPress) {
        const auto* key = static_cast<QKeyEvent*>(event);
        if (key->key() == Qt::Key_Down || key->key() == Qt::Key_Up) {
            QTreeWidgetItem* item = m_tree->currentItem();
            do {
                item = key->key() == Qt::Key_Down ? m_tree->itemBelow(item ? item : m_tree->topLevelItem(0))
                                                  : (item ? m_tree->itemAbove(item) : nullptr);
            } while (item && !item->data(0, kKindRole).isValid());
            if (item) {
                m_tree->setCurrentItem(item);
            }
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace handoff::flow
