#include "flow/FlowPage.h"

#include "flow/FlowProperties.h"
#include "flow/FlowScene.h"
#include "flow/FlowToolbox.h"
#include "flow/FlowView.h"
#include "shell/StateColours.h"
#include "shell/Workspace.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QKeyEvent>
#include <QLabel>
#include <QMimeData>
#include <QPushButton>
#include <QSplitter>
#include <QStyledItemDelegate>
#include <QTabWidget>
#include <QTableWidget>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace handoff::flow {

namespace {

constexpr const char* kClipboardMime = "application/x-handoff-flow-actions";
constexpr const char* kClipboardKey = "handoffFlowActions";

// An action's JSON form, through the flow's own JSON form (one task holding it).
QJsonObject actionToJson(const Action& action) {
    Flow wrapper;
    wrapper.startTaskId = u"clip"_s;
    wrapper.tasks.append(Task{u"clip"_s, u"clip"_s, {action}, {}});
    return toJson(wrapper).value(u"tasks"_s).toArray().at(0).toObject().value(u"actions"_s).toArray().at(0).toObject();
}

// Clears the ids of an action and of everything nested in it, so that inserting it generates fresh ones.
void clearIds(Action& action) {
    action.id.clear();
    for (Output& o : action.outputs) {
        for (Action& a : o.actions) {
            clearIds(a);
        }
    }
}

Result<Action> actionFromClipboardText(const QString& text) {
    const auto fail = [] {
        return tl::unexpected(Error{u"FLW070"_s, FlowPage::tr("The clipboard holds no flow action (copy one on the "
                                                              "Flow page first); nothing was pasted.")});
    };
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject()) {
        return fail();
    }
    const QJsonArray actions = doc.object().value(QLatin1StringView(kClipboardKey)).toArray();
    if (actions.size() != 1 || !actions.at(0).isObject()) {
        return fail();
    }
    const QJsonObject json{
        {u"name"_s, u"clip"_s},
        {u"startTask"_s, u"clip"_s},
        {u"tasks"_s, QJsonArray{QJsonObject{{u"id"_s, u"clip"_s}, {u"name"_s, u"clip"_s}, {u"actions"_s, actions}}}}};
    FlowReadResult read = flowFromJson(json);
    if (!read.ok() || read.flow.tasks.size() != 1 || read.flow.tasks.at(0).actions.size() != 1) {
        return fail();
    }
    return read.flow.tasks.at(0).actions.front();
}

// The initial value typed into the variables table: empty is NOT_SET; otherwise of the variable's type (a text
// that is not one stays text, and the core refuses it with the reason).
Value initialValueFromText(ValueType type, const QString& text) {
    if (text.isEmpty()) {
        return Value::notSet();
    }
    bool ok = false;
    switch (type) {
    case ValueType::Integer:
        if (const qint64 n = text.toLongLong(&ok); ok) {
            return Value::integer(n);
        }
        break;
    case ValueType::Decimal:
        if (const double d = text.toDouble(&ok); ok) {
            return Value::decimal(d);
        }
        break;
    case ValueType::Boolean:
        if (text == u"true"_s || text == u"false"_s) {
            return Value::boolean(text == u"true"_s);
        }
        break;
    case ValueType::String:
    case ValueType::NotSet:
        break;
    }
    return Value::string(text);
}

// The initial value as the table shows it: text as it is (no quotes), other values as Architect writes them.
QString initialValueText(const Value& value) {
    if (!value.isSet()) {
        return {};
    }
    return value.type() == ValueType::String ? value.asString() : value.toDisplay();
}

// The variables table's Type column: a combo box of the types a flow variable can have, by Architect's names.
class VariableTypeDelegate final : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    QWidget* createEditor(QWidget* parent, const QStyleOptionViewItem&, const QModelIndex&) const override {
        auto* box = new QComboBox(parent);
        box->setObjectName(u"variableTypeComboBox"_s);
        for (const ValueType t : {ValueType::String, ValueType::Integer, ValueType::Decimal, ValueType::Boolean}) {
            box->addItem(valueTypeName(t));
        }
        return box;
    }
    void setEditorData(QWidget* editor, const QModelIndex& index) const override {
        static_cast<QComboBox*>(editor)->setCurrentText(index.data().toString());
    }
    void setModelData(QWidget* editor, QAbstractItemModel* model, const QModelIndex& index) const override {
        model->setData(index, static_cast<QComboBox*>(editor)->currentText());
    }
};

// Makes every nested list of `flow` its own. A copied flow shares its actions' outputs (QList) with the original,
// and the edit API writes through pointers into them (Flow::find), which would change the workspace's flow and the
// undo snapshots too; iterating mutably detaches each level.
void detachDeep(ActionList& list) {
    for (Action& a : list) {
        for (Output& o : a.outputs) {
            detachDeep(o.actions);
        }
    }
}

void detachDeep(Flow& flow) {
    for (Task& t : flow.tasks) {
        detachDeep(t.actions);
    }
}

edit::Place toPlace(const ConnectorPlace& c) {
    return edit::Place{c.taskId, c.parentId, c.output, c.index};
}

} // namespace

FlowPage::FlowPage(shell::Workspace& workspace, QWidget* parent)
    : Page(workspace, parent) {
    setObjectName(u"flowPage"_s);
    buildUi();
    connect(&workspace, &shell::Workspace::projectChanged, this, &FlowPage::refresh);
    connect(&workspace, &shell::Workspace::diagnosticsChanged, this, [this] {
        m_scene->setProblems(this->workspace().diagnostics());
        m_properties->setProblems(this->workspace().diagnostics());
    });
    connect(&workspace, &shell::Workspace::projectReset, this, [this] {
        m_selected.clear();
        m_message->clear();
        m_message->hide();
    });
    refresh();
    m_scene->setProblems(workspace.diagnostics());
}

FlowPage::~FlowPage() = default;

QString FlowPage::title() const {
    return tr("Flow");
}

QIcon FlowPage::icon() const {
    return QIcon(u":/handoff/icons/page-flow.svg"_s);
}

QString FlowPage::pageId() const {
    return u"flow"_s;
}

const Flow& FlowPage::flow() const {
    return workspace().project().flow;
}

void FlowPage::buildUi() {
    auto* outer = new QVBoxLayout(this);
    outer->addWidget(makeHeading(tr("Flow"), this));

    // The bar above the canvas: tasks, variables, zoom.
    auto* bar = new QHBoxLayout;
    auto* addTaskButton = new QPushButton(tr("Add &task"), this);
    addTaskButton->setObjectName(u"flowAddTaskButton"_s);
    addTaskButton->setToolTip(tr("Adds a reusable task (the starting task when the flow has none)."));
    connect(addTaskButton, &QPushButton::clicked, this, [this] { addTask(); });
    const auto makeTool = [this](const QString& text, const QString& tip, const QString& name) {
        auto* b = new QToolButton(this);
        b->setText(text);
        b->setToolTip(tip);
        b->setAccessibleName(tip);
        b->setObjectName(name);
        return b;
    };
    QToolButton* zoomOut = makeTool(u"\u2212"_s, tr("Zoom out (Ctrl+-)"), u"flowZoomOutButton"_s);
    QToolButton* zoomIn = makeTool(u"+"_s, tr("Zoom in (Ctrl++)"), u"flowZoomInButton"_s);
    QToolButton* fit = makeTool(tr("Fit"), tr("Fit the flow in the view (Ctrl+0)"), u"flowFitButton"_s);
    m_zoomLabel = new QLabel(u"100 %"_s, this);
    m_zoomLabel->setObjectName(u"flowZoomLabel"_s);
    bar->addWidget(addTaskButton);
    bar->addStretch(1);
    bar->addWidget(zoomOut);
    bar->addWidget(m_zoomLabel);
    bar->addWidget(zoomIn);
    bar->addWidget(fit);
    outer->addLayout(bar);

    m_message = new QLabel(this);
    m_message->setObjectName(u"flowMessageLabel"_s);
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->hide();
    outer->addWidget(m_message);

    auto* horizontal = new QSplitter(Qt::Horizontal, this);
    horizontal->setObjectName(u"flowSplitter"_s);
    horizontal->setChildrenCollapsible(false);

    m_toolbox = new FlowToolbox(horizontal);
    connect(m_toolbox, &FlowToolbox::insertRequested, this, [this](ActionKind kind) {
        if (insertKind(kind)) {
            m_view->setFocus(Qt::OtherFocusReason);
        }
    });

    m_vertical = new QSplitter(Qt::Vertical, horizontal);
    m_vertical->setObjectName(u"flowCanvasSplitter"_s);
    m_scene = new FlowScene(this);
    m_view = new FlowView(m_scene, m_vertical);
    m_view->setMinimumSize(320, 240);
    m_view->installEventFilter(this);
    m_minimap = new FlowMinimap(m_view, m_view);
    m_minimap->setFixedSize(160, 110);
    m_bottom = new QTabWidget(m_vertical);
    m_bottom->setObjectName(u"flowBottomTabWidget"_s);
    m_bottom->hide();
    m_vertical->setStretchFactor(0, 3);
    m_vertical->setStretchFactor(1, 2);

    m_side = new QTabWidget(horizontal);
    m_side->setObjectName(u"flowSideTabWidget"_s);
    m_properties = new FlowProperties([this](const QString& text, const std::function<Result<void>(Flow&)>& change,
                                             const QString& merge) { return applyEdit(text, change, merge); },
                                      m_side);
    connect(m_properties, &FlowProperties::keyRenamed, this,
            [this](const QString&, const QString& newKey) { select(newKey); });
    m_side->addTab(m_properties, tr("&Properties"));

    auto* variablesPage = new QWidget(m_side);
    auto* vlayout = new QVBoxLayout(variablesPage);
    m_variables = new QTableWidget(0, 4, variablesPage);
    m_variables->setObjectName(u"flowVariablesTableWidget"_s);
    m_variables->setHorizontalHeaderLabels({tr("Name"), tr("Type"), tr("Initial value"), tr("Description")});
    m_variables->horizontalHeader()->setStretchLastSection(true);
    m_variables->verticalHeader()->hide();
    m_variables->setAccessibleName(tr("Flow variables"));
    m_variables->setToolTip(tr("Edit a name to rename the variable everywhere it is used; pick another type, and "
                               "edit the initial value and the description in place."));
    m_variables->setItemDelegateForColumn(1, new VariableTypeDelegate(m_variables));
    connect(m_variables, &QTableWidget::cellChanged, this, [this](int row, int column) {
        if (m_refreshingVariables || row >= flow().variables.size()) {
            return;
        }
        if (column == 1) {
            changeVariableType(row, m_variables->item(row, 1)->text());
            return;
        }
        if (column == 2 || column == 3) {
            Variable v = flow().variables.at(row);
            const QString text = m_variables->item(row, column)->text();
            if (column == 3) {
                v.description = text;
            } else {
                v.initial = initialValueFromText(v.type, text);
            }
            if (!applyEdit(
                    tr("Change variable %1").arg(v.name), [v](Flow& f) { return edit::setVariable(f, v.name, v); },
                    u"flow:variable:"_s + v.name + u':' + QString::number(column))) {
                refreshVariables();
            }
            return;
        }
        if (column != 0) {
            return;
        }
        const QString oldName = flow().variables.at(row).name;
        const QString newName = m_variables->item(row, 0)->text().trimmed();
        if (!applyEdit(tr("Rename variable %1").arg(oldName),
                       [oldName, newName](Flow& f) { return edit::renameVariable(f, oldName, newName); })) {
            refreshVariables();
        }
    });
    auto* vbuttons = new QHBoxLayout;
    auto* addVar = new QPushButton(tr("Add variable"), variablesPage);
    addVar->setObjectName(u"flowAddVariableButton"_s);
    auto* removeVar = new QPushButton(tr("Remove variable"), variablesPage);
    removeVar->setObjectName(u"flowRemoveVariableButton"_s);
    connect(addVar, &QPushButton::clicked, this, [this] { addVariable(); });
    connect(removeVar, &QPushButton::clicked, this, [this] {
        const int row = m_variables->currentRow();
        if (row < 0 || row >= flow().variables.size()) {
            return;
        }
        const QString name = flow().variables.at(row).name;
        applyEdit(tr("Remove variable %1").arg(name), [name](Flow& f) { return edit::removeVariable(f, name); });
    });
    vbuttons->addWidget(addVar);
    vbuttons->addWidget(removeVar);
    vbuttons->addStretch(1);
    vlayout->addWidget(m_variables, 1);
    vlayout->addLayout(vbuttons);
    m_side->addTab(variablesPage, tr("&Variables"));

    horizontal->addWidget(m_toolbox);
    horizontal->addWidget(m_vertical);
    horizontal->addWidget(m_side);
    horizontal->setStretchFactor(0, 0);
    horizontal->setStretchFactor(1, 1);
    horizontal->setStretchFactor(2, 0);
    horizontal->setSizes({200, 700, 340});
    outer->addWidget(horizontal, 1);
    setMinimumHeight(560);

    connect(m_scene, &FlowScene::selectedKeyChanged, this, [this](const QString& key) {
        m_selected = key;
        m_properties->show(flow(), key);
        m_properties->setProblems(workspace().diagnostics());
    });
    connect(m_scene, &FlowScene::activated, this, [this](const QString& key) {
        select(key);
        m_properties->focusProperty({});
    });
    connect(m_view, &FlowView::dropped, this,
            [this](const ConnectorPlace& place, const QString& kindKey, const QString& actionId) {
                if (!actionId.isEmpty()) {
                    moveActionTo(actionId, place);
                } else if (auto kind = actionKindFromKey(kindKey)) {
                    insertKindAt(*kind, place);
                }
            });
    connect(m_view, &FlowView::zoomChanged, this,
            [this](qreal z) { m_zoomLabel->setText(tr("%1 %").arg(qRound(z * 100))); });
    connect(zoomIn, &QToolButton::clicked, this, [this] { m_view->zoomBy(1.25); });
    connect(zoomOut, &QToolButton::clicked, this, [this] { m_view->zoomBy(0.8); });
    connect(fit, &QToolButton::clicked, this, [this] { m_view->fitAll(); });

    // Shortcuts: those of the canvas only while it has focus, zoom anywhere on the page.
    const auto canvasAction = [this](const QString& text, const QList<QKeySequence>& keys, auto slot) {
        auto* a = new QAction(text, m_view);
        a->setShortcuts(keys);
        a->setShortcutContext(Qt::WidgetShortcut);
        connect(a, &QAction::triggered, this, slot);
        m_view->addAction(a);
        return a;
    };
    canvasAction(tr("Delete"), {QKeySequence::Delete, QKeySequence(Qt::Key_Backspace)}, [this] { deleteSelection(); });
    canvasAction(tr("Cut"), {QKeySequence::Cut}, [this] { cutSelection(); });
    canvasAction(tr("Copy"), {QKeySequence::Copy}, [this] { copySelection(); });
    canvasAction(tr("Paste"), {QKeySequence::Paste}, [this] { paste(); });
    canvasAction(tr("Duplicate"), {QKeySequence(Qt::CTRL | Qt::Key_D)}, [this] { duplicateSelection(); });
    canvasAction(tr("Move up"), {QKeySequence(Qt::ALT | Qt::Key_Up)}, [this] { moveSelection(-1); });
    canvasAction(tr("Move down"), {QKeySequence(Qt::ALT | Qt::Key_Down)}, [this] { moveSelection(1); });
    canvasAction(tr("Collapse or expand"), {QKeySequence(Qt::Key_Space)}, [this] { toggleCollapsed(); });
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);

    const auto pageAction = [this](const QString& text, const QList<QKeySequence>& keys, auto slot) {
        auto* a = new QAction(text, this);
        a->setShortcuts(keys);
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        connect(a, &QAction::triggered, this, slot);
        addAction(a);
        return a;
    };
    pageAction(tr("Insert from the toolbox"), {QKeySequence(Qt::CTRL | Qt::Key_T), QKeySequence(Qt::Key_Insert)},
               [this] { m_toolbox->focusSearch(); });
    pageAction(tr("Zoom in"), {QKeySequence::ZoomIn, QKeySequence(Qt::CTRL | Qt::Key_Equal)},
               [this] { m_view->zoomBy(1.25); });
    pageAction(tr("Zoom out"), {QKeySequence::ZoomOut}, [this] { m_view->zoomBy(0.8); });
    pageAction(tr("Fit the flow in the view"), {QKeySequence(Qt::CTRL | Qt::Key_0)}, [this] { m_view->fitAll(); });
    pageAction(tr("Go to the canvas"), {QKeySequence(Qt::Key_F6)},
               [this] { m_view->setFocus(Qt::ShortcutFocusReason); });
}

void FlowPage::changeEvent(QEvent* event) {
    if (event->type() == QEvent::PaletteChange) {
        m_scene->setPalette(palette());
        m_scene->update();
    }
    Page::changeEvent(event);
}

void FlowPage::refresh() {
    m_scene->setPalette(palette());
    m_scene->setFlow(flow());
    // Keep the selection on the same key when it still exists.
    if (!m_selected.isEmpty() && m_scene->rectOf(m_selected).isEmpty()) {
        m_selected.clear();
    }
    if (m_scene->selectedKey() != m_selected) {
        m_scene->selectKey(m_selected);
    }
    m_properties->show(flow(), m_selected);
    refreshVariables();
    placeMinimap();
}

void FlowPage::refreshVariables() {
    m_refreshingVariables = true;
    const QList<Variable>& vars = flow().variables;
    m_variables->setRowCount(static_cast<int>(vars.size()));
    for (int row = 0; row < vars.size(); ++row) {
        const Variable& v = vars.at(row);
        const QStringList cells{v.name, valueTypeName(v.type), initialValueText(v.initial), v.description};
        for (int col = 0; col < 4; ++col) {
            QTableWidgetItem* item = m_variables->item(row, col);
            if (!item) {
                item = new QTableWidgetItem;
                m_variables->setItem(row, col, item);
            }
            item->setText(cells.at(col));
            item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsEditable);
        }
    }
    m_refreshingVariables = false;
}

bool FlowPage::changeVariableType(int row, const QString& typeName) {
    if (row < 0 || row >= flow().variables.size()) {
        return false;
    }
    Variable v = flow().variables.at(row);
    const std::optional<ValueType> type = valueTypeFromName(typeName);
    if (!type || *type == ValueType::NotSet || *type == v.type) {
        refreshVariables();
        return false;
    }
    // The initial value goes along when it reads as the new type; otherwise the change is refused (nothing is
    // dropped): the admin changes or clears the value first.
    const QString initialText = initialValueText(v.initial);
    const Value converted = initialValueFromText(*type, initialText);
    if (converted.isSet() && converted.type() != *type) {
        showMessage(tr("The initial value \"%1\" of %2 is not a %3: change or clear it first, then the type.")
                        .arg(initialText, v.name, valueTypeName(*type)));
        refreshVariables();
        return false;
    }
    v.type = *type;
    v.initial = converted;
    if (!applyEdit(tr("Change the type of %1").arg(v.name), [v](Flow& f) { return edit::setVariable(f, v.name, v); })) {
        refreshVariables();
        return false;
    }
    return true;
}

bool FlowPage::applyEdit(const QString& text, const std::function<Result<void>(Flow&)>& change, const QString& merge) {
    Flow copy = flow();
    detachDeep(copy);
    const Result<void> result = change(copy);
    if (!result) {
        showMessage(tr("%1: %2").arg(result.error().code, result.error().message));
        return false;
    }
    showMessage({});
    workspace().editFlow(text, std::move(copy), merge);
    return true;
}

void FlowPage::showMessage(const QString& text) {
    m_message->setText(text);
    m_message->setVisible(!text.isEmpty());
    if (!text.isEmpty()) {
        QPalette pal = m_message->palette();
        pal.setColor(QPalette::WindowText, shell::severityColour(palette(), diagnostics::Severity::Error));
        m_message->setPalette(pal);
        m_message->setAccessibleDescription(text);
    }
}

QString FlowPage::message() const {
    return m_message->text();
}

QString FlowPage::selectedKey() const {
    return m_selected;
}

void FlowPage::select(const QString& key) {
    reveal(key);
    m_selected = key;
    m_scene->selectKey(key);
    m_properties->show(flow(), key);
    m_properties->setProblems(workspace().diagnostics());
    const QRectF r = m_scene->rectOf(key);
    if (!r.isEmpty()) {
        m_view->ensureVisible(r, 40, 40);
    }
}

void FlowPage::reveal(const QString& key) {
    // Expands every collapsed action and output above the key, so that it can be shown.
    QString id = isTaskKey(key) ? QString() : key.section(u'/', 0, 0);
    if (key.contains(u'/') && !isTaskKey(key) && m_scene->isCollapsed(id)) {
        m_scene->setCollapsed(id, false);
    }
    while (!id.isEmpty()) {
        const auto place = flow().placeOf(id);
        if (!place || place->parentId.isEmpty()) {
            break;
        }
        const QString outputKey = OutputBox::outputKey(place->parentId, place->output);
        if (m_scene->isCollapsed(outputKey)) {
            m_scene->setCollapsed(outputKey, false);
        }
        if (m_scene->isCollapsed(place->parentId)) {
            m_scene->setCollapsed(place->parentId, false);
        }
        id = place->parentId;
    }
}

std::optional<edit::Place> FlowPage::insertionPlace() const {
    const Flow& f = flow();
    if (f.tasks.isEmpty()) {
        return std::nullopt;
    }
    if (isTaskKey(m_selected)) {
        return edit::Place{taskIdOfKey(m_selected), {}, {}, -1};
    }
    if (m_selected.contains(u'/')) {
        return edit::Place{f.placeOf(m_selected.section(u'/', 0, 0)) ? f.placeOf(m_selected.section(u'/', 0, 0))->taskId
                                                                     : QString(),
                           m_selected.section(u'/', 0, 0), m_selected.section(u'/', 1), -1};
    }
    if (const auto place = f.placeOf(m_selected)) {
        return edit::Place{place->taskId, place->parentId, place->output, place->index + 1};
    }
    const QString task = f.task(f.startTaskId) ? f.startTaskId : f.tasks.constFirst().id;
    return edit::Place{task, {}, {}, -1};
}

bool FlowPage::insertKind(ActionKind kind) {
    if (flow().tasks.isEmpty() && !addTask()) {
        return false;
    }
    const auto place = insertionPlace();
    if (!place) {
        return false;
    }
    QString newId;
    const bool ok = applyEdit(tr("Insert %1").arg(actionKindName(kind)), [&](Flow& f) -> Result<void> {
        auto id = edit::insertAction(f, *place, Action::make({}, actionKindName(kind), defaultProps(kind)));
        if (!id) {
            return tl::unexpected(id.error());
        }
        newId = *id;
        return {};
    });
    if (ok) {
        select(newId);
    }
    return ok;
}

bool FlowPage::insertKindAt(ActionKind kind, const ConnectorPlace& place) {
    QString newId;
    const bool ok = applyEdit(tr("Insert %1").arg(actionKindName(kind)), [&](Flow& f) -> Result<void> {
        auto id = edit::insertAction(f, toPlace(place), Action::make({}, actionKindName(kind), defaultProps(kind)));
        if (!id) {
            return tl::unexpected(id.error());
        }
        newId = *id;
        return {};
    });
    if (ok) {
        select(newId);
    }
    return ok;
}

bool FlowPage::moveActionTo(const QString& actionId, const ConnectorPlace& place) {
    const bool ok = applyEdit(tr("Move %1").arg(actionId),
                              [&](Flow& f) { return edit::moveActions(f, actionId, 1, toPlace(place)); });
    if (ok) {
        select(actionId);
    }
    return ok;
}

bool FlowPage::moveSelection(int delta) {
    const auto place = flow().placeOf(m_selected);
    if (!place) {
        return false;
    }
    const ActionList* list = flow().list(*place);
    const int target = delta < 0 ? place->index + delta : place->index + delta + 1;
    if (!list || target < 0 || target > static_cast<int>(list->size())) {
        return false;
    }
    const QString id = m_selected;
    const bool ok = applyEdit(tr("Move %1").arg(id), [&](Flow& f) {
        return edit::moveActions(f, id, 1, edit::Place{place->taskId, place->parentId, place->output, target});
    });
    if (ok) {
        select(id);
    }
    return ok;
}

bool FlowPage::deleteSelection() {
    if (isTaskKey(m_selected)) {
        const QString id = taskIdOfKey(m_selected);
        return applyEdit(tr("Remove task %1").arg(id), [id](Flow& f) { return edit::removeTask(f, id); });
    }
    const auto place = flow().placeOf(m_selected);
    if (!place) {
        return false;
    }
    const QString id = m_selected;
    // The selection goes to the action before it (or its list's owner), as a list editor does.
    const QStringList order = m_scene->flowLayout().order; // a copy: the edit lays the scene out again
    const qsizetype at = order.indexOf(id);
    const bool ok = applyEdit(tr("Delete %1").arg(id),
                              [id](Flow& f) { return edit::removeAction(f, id, edit::RemoveMode::WithNested); });
    if (ok) {
        select(at > 0 ? order.at(at - 1) : QString());
        if (m_selected.isEmpty() && !m_scene->flowLayout().order.isEmpty()) {
            select(m_scene->flowLayout().order.constFirst());
        }
    }
    return ok;
}

bool FlowPage::copySelection() {
    const Action* a = flow().find(m_selected);
    if (!a) {
        showMessage(tr("Select an action to copy."));
        return false;
    }
    const QJsonObject payload{{QLatin1StringView(kClipboardKey), QJsonArray{actionToJson(*a)}}};
    const QByteArray json = QJsonDocument(payload).toJson(QJsonDocument::Indented);
    auto* mime = new QMimeData;
    mime->setData(QString::fromLatin1(kClipboardMime), json);
    mime->setText(QString::fromUtf8(json));
    QApplication::clipboard()->setMimeData(mime);
    showMessage({});
    return true;
}

bool FlowPage::cutSelection() {
    return copySelection() && deleteSelection();
}

bool FlowPage::paste() {
    const QMimeData* mime = QApplication::clipboard()->mimeData();
    const QString text = !mime ? QString()
                         : mime->hasFormat(QString::fromLatin1(kClipboardMime))
                             ? QString::fromUtf8(mime->data(QString::fromLatin1(kClipboardMime)))
                             : mime->text();
    auto action = actionFromClipboardText(text);
    if (!action) {
        showMessage(tr("%1: %2").arg(action.error().code, action.error().message));
        return false;
    }
    if (flow().tasks.isEmpty() && !addTask()) {
        return false;
    }
    const auto place = insertionPlace();
    if (!place) {
        return false;
    }
    clearIds(*action);
    QString newId;
    const bool ok = applyEdit(tr("Paste %1").arg(action->name), [&](Flow& f) -> Result<void> {
        auto id = edit::insertAction(f, *place, *action);
        if (!id) {
            return tl::unexpected(id.error());
        }
        newId = *id;
        return {};
    });
    if (ok) {
        select(newId);
    }
    return ok;
}

bool FlowPage::duplicateSelection() {
    const Action* a = flow().find(m_selected);
    const auto place = flow().placeOf(m_selected);
    if (!a || !place) {
        showMessage(tr("Select an action to duplicate."));
        return false;
    }
    Action copy = *a;
    clearIds(copy);
    QString newId;
    const edit::Place to{place->taskId, place->parentId, place->output, place->index + 1};
    const bool ok = applyEdit(tr("Duplicate %1").arg(a->id), [&](Flow& f) -> Result<void> {
        auto id = edit::insertAction(f, to, copy);
        if (!id) {
            return tl::unexpected(id.error());
        }
        newId = *id;
        return {};
    });
    if (ok) {
        select(newId);
    }
    return ok;
}

bool FlowPage::addTask() {
    const Flow& f = flow();
    const bool first = f.tasks.isEmpty();
    QString id = first ? u"main"_s : u"task"_s;
    for (int n = 2; f.task(id); ++n) {
        id = u"task-%1"_s.arg(n);
    }
    const QString name = first ? tr("Starting task") : tr("Reusable task %1").arg(f.tasks.size());
    const bool ok =
        applyEdit(first ? tr("Add starting task") : tr("Add task %1").arg(id), [&](Flow& fl) -> Result<void> {
            auto added = edit::addTask(fl, id, name);
            if (!added) {
                return tl::unexpected(added.error());
            }
            if (fl.startTaskId.isEmpty() || !fl.task(fl.startTaskId)) {
                return edit::setStartTask(fl, *added);
            }
            return {};
        });
    if (ok) {
        select(taskKey(id));
    }
    return ok;
}

bool FlowPage::addVariable() {
    const Flow& f = flow();
    QString name = u"Flow.variable"_s;
    for (int n = 2; f.hasVariable(name); ++n) {
        name = u"Flow.variable%1"_s.arg(n);
    }
    Variable v;
    v.name = name;
    const bool ok = applyEdit(tr("Add variable %1").arg(name), [&v](Flow& fl) { return edit::addVariable(fl, v); });
    if (ok) {
        m_side->setCurrentIndex(1);
        const int row = static_cast<int>(flow().variables.size()) - 1;
        m_variables->setCurrentCell(row, 0);
    }
    return ok;
}

void FlowPage::step(int delta) {
    const QStringList& order = m_scene->flowLayout().order;
    if (order.isEmpty()) {
        return;
    }
    const qsizetype at = order.indexOf(m_selected);
    qsizetype next = at < 0 ? 0 : at + delta;
    next = std::clamp<qsizetype>(next, 0, order.size() - 1);
    select(order.at(next));
}

void FlowPage::stepTask(int delta) {
    const QList<TaskBox>& tasks = m_scene->flowLayout().tasks;
    if (tasks.isEmpty()) {
        return;
    }
    QString current = isTaskKey(m_selected) ? taskIdOfKey(m_selected) : QString();
    if (current.isEmpty()) {
        if (const auto place = flow().placeOf(m_selected.section(u'/', 0, 0))) {
            current = place->taskId;
        }
    }
    qsizetype at = 0;
    for (qsizetype i = 0; i < tasks.size(); ++i) {
        if (tasks.at(i).id == current) {
            at = i;
        }
    }
    const qsizetype next = std::clamp<qsizetype>(at + delta, 0, tasks.size() - 1);
    select(taskKey(tasks.at(next).id));
}

void FlowPage::toggleCollapsed() {
    if (m_selected.isEmpty() || isTaskKey(m_selected)) {
        return;
    }
    const Action* a = flow().find(m_selected);
    if (a && a->outputs.isEmpty()) {
        return;
    }
    m_scene->setCollapsed(m_selected, !m_scene->isCollapsed(m_selected));
    m_scene->selectKey(m_selected);
}

bool FlowPage::eventFilter(QObject* watched, QEvent* event) {
    if (watched == m_view && event->type() == QEvent::KeyPress) {
        const auto* key = static_cast<QKeyEvent*>(event);
        if (key->modifiers() & ~Qt::KeypadModifier) {
            return Page::eventFilter(watched, event);
        }
        switch (key->key()) {
        case Qt::Key_Down:
            step(1);
            return true;
        case Qt::Key_Up:
            step(-1);
            return true;
        case Qt::Key_Right:
            stepTask(1);
            return true;
        case Qt::Key_Left:
            stepTask(-1);
            return true;
        case Qt::Key_Return:
        case Qt::Key_Enter:
            if (!m_selected.isEmpty()) {
                m_side->setCurrentIndex(0);
                m_properties->focusProperty({});
            }
            return true;
        default:
            break;
        }
    }
    if (watched == m_view && event->type() == QEvent::Resize) {
        placeMinimap();
    }
    return Page::eventFilter(watched, event);
}

void FlowPage::placeMinimap() {
    const QRect area = m_view->viewport()->geometry();
    m_minimap->move(area.right() - m_minimap->width() - 8, area.bottom() - m_minimap->height() - 8);
    m_minimap->raise();
    m_minimap->refit();
}

bool FlowPage::ownsField(const QString& field) const {
    return field == u"flow"_s || field.startsWith(u"flow."_s) || Page::ownsField(field);
}

bool FlowPage::focusField(const QString& field, const diagnostics::Location& where) {
    if (!where.isInFlow()) {
        return Page::focusField(field, where);
    }
    const QString key = !where.actionId.isEmpty() && flow().find(where.actionId) ? where.actionId
                        : flow().task(where.taskId)                              ? taskKey(where.taskId)
                                                                                 : QString();
    if (key.isEmpty()) {
        return false;
    }
    select(key);
    m_side->setCurrentIndex(0);
    if (!m_properties->focusProperty(where.property)) {
        m_view->setFocus(Qt::OtherFocusReason);
    }
    return true;
}

void FlowPage::addBottomPanel(QWidget* panel, const QString& panelTitle) {
    m_bottom->addTab(panel, panelTitle);
    m_bottom->show();
}

void FlowPage::showSimulationHighlight(const QStringList& pathActionIds, const QString& currentActionId) {
    m_scene->setSimulationHighlight(pathActionIds, currentActionId);
    if (!currentActionId.isEmpty()) {
        reveal(currentActionId);
        const QRectF r = m_scene->rectOf(currentActionId);
        if (!r.isEmpty()) {
            m_view->ensureVisible(r, 40, 40);
        }
    }
}

void FlowPage::clearSimulationHighlight() {
    m_scene->clearSimulationHighlight();
}

} // namespace handoff::flow
