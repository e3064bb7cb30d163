#include "flow/FlowProperties.h"

#include "flow/Expression.h"
#include "flow/FlowEdit.h"
#include "flow/FlowLayout.h"
#include "flow/FlowScene.h"
#include "shell/StateColours.h"

#include <QAbstractItemView>
#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QStringListModel>
#include <QStyledItemDelegate>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace handoff::flow {

namespace {

// A person's label for a property key.
QString propertyLabel(const QString& key) {
    static const QHash<QString, const char*> labels{
        {u"enabled"_s, QT_TRANSLATE_NOOP("handoff::flow::FlowProperties", "Transcription on")},
        {u"audio.tts"_s, QT_TRANSLATE_NOOP("handoff::flow::FlowProperties", "Audio (text to speech)")},
        {u"audio.prompt"_s, QT_TRANSLATE_NOOP("handoff::flow::FlowProperties", "Audio prompt")},
        {u"integration"_s, QT_TRANSLATE_NOOP("handoff::flow::FlowProperties", "Category")},
        {u"dataAction"_s, QT_TRANSLATE_NOOP("handoff::flow::FlowProperties", "Data action")},
        {u"inputs"_s, QT_TRANSLATE_NOOP("handoff::flow::FlowProperties", "Inputs")},
        {u"successOutputs"_s, QT_TRANSLATE_NOOP("handoff::flow::FlowProperties", "Success outputs")},
        {u"timeoutSeconds"_s, QT_TRANSLATE_NOOP("handoff::flow::FlowProperties", "Timeout (seconds)")},
        {u"condition"_s, QT_TRANSLATE_NOOP("handoff::flow::FlowProperties", "Condition")},
        {u"assignments"_s, QT_TRANSLATE_NOOP("handoff::flow::FlowProperties", "Assignments")},
        {u"mode"_s, QT_TRANSLATE_NOOP("handoff::flow::FlowProperties", "Data sent on")},
        {u"source"_s, QT_TRANSLATE_NOOP("handoff::flow::FlowProperties", "UUI from")},
        {u"expression"_s, QT_TRANSLATE_NOOP("handoff::flow::FlowProperties", "UUI expression")},
        {u"tokenVariable"_s, QT_TRANSLATE_NOOP("handoff::flow::FlowProperties", "Token variable")},
        {u"callIdVariable"_s, QT_TRANSLATE_NOOP("handoff::flow::FlowProperties", "VoiceCall id variable")},
        {u"userToUser"_s, QT_TRANSLATE_NOOP("handoff::flow::FlowProperties", "User-to-User")},
        {u"number"_s, QT_TRANSLATE_NOOP("handoff::flow::FlowProperties", "Number")},
        {u"releaseLinkTransfer"_s, QT_TRANSLATE_NOOP("handoff::flow::FlowProperties", "Release link transfer")},
        {u"connectTimeoutSeconds"_s, QT_TRANSLATE_NOOP("handoff::flow::FlowProperties", "Connect timeout (seconds)")},
        {u"preTransferAudio.tts"_s, QT_TRANSLATE_NOOP("handoff::flow::FlowProperties", "Pre-transfer audio")},
        {u"preTransferAudio.prompt"_s, QT_TRANSLATE_NOOP("handoff::flow::FlowProperties", "Pre-transfer prompt")},
        {u"failedTransferAudio.tts"_s, QT_TRANSLATE_NOOP("handoff::flow::FlowProperties", "Failed transfer audio")},
        {u"failedTransferAudio.prompt"_s, QT_TRANSLATE_NOOP("handoff::flow::FlowProperties", "Failed transfer prompt")},
        {u"errorTypeVariable"_s, QT_TRANSLATE_NOOP("handoff::flow::FlowProperties", "errorType to variable")},
        {u"errorMessageVariable"_s, QT_TRANSLATE_NOOP("handoff::flow::FlowProperties", "errorMessage to variable")},
        {u"target"_s, QT_TRANSLATE_NOOP("handoff::flow::FlowProperties", "Target")},
        {u"flowType"_s, QT_TRANSLATE_NOOP("handoff::flow::FlowProperties", "Flow type")},
        {u"flowName"_s, QT_TRANSLATE_NOOP("handoff::flow::FlowProperties", "Flow")},
        {u"invocationData"_s, QT_TRANSLATE_NOOP("handoff::flow::FlowProperties", "Invocation data")},
        {u"task"_s, QT_TRANSLATE_NOOP("handoff::flow::FlowProperties", "Reusable task")},
    };
    const auto it = labels.constFind(key);
    return it == labels.cend() ? key : FlowProperties::tr(it.value());
}

bool isExpressionKey(const QString& key) {
    return key == u"condition"_s || key == u"number"_s || key == u"invocationData"_s || key == u"expression"_s ||
           key.endsWith(u".tts"_s);
}

bool isVariableKey(const QString& key) {
    return key.endsWith(u"Variable"_s);
}

// The choices of a property with a fixed set of values: (value, label).
QList<std::pair<QString, QString>> choicesOf(const QString& key) {
    if (key == u"mode"_s) {
        return {{u"transfer"_s, FlowProperties::tr("Transfer")}, {u"disconnect"_s, FlowProperties::tr("Disconnect")}};
    }
    if (key == u"source"_s) {
        return {{u"projectTemplate"_s, FlowProperties::tr("The project's UUI template")},
                {u"expression"_s, FlowProperties::tr("An expression")}};
    }
    if (key == u"target"_s) {
        return {{u"Caller"_s, FlowProperties::tr("Caller")}, {u"Agent"_s, FlowProperties::tr("Agent")}};
    }
    if (key == u"flowType"_s) {
        return {{u"inboundCall"_s, FlowProperties::tr("Inbound call flow")},
                {u"voiceSurvey"_s, FlowProperties::tr("Voice survey flow")}};
    }
    return {};
}

// The (name column, value column) keys of a list of bindings.
std::pair<QString, QString> bindingKeys(const QString& key) {
    if (key == u"successOutputs"_s) {
        return {u"name"_s, u"variable"_s};
    }
    if (key == u"assignments"_s) {
        return {u"variable"_s, u"expression"_s};
    }
    return {u"name"_s, u"expression"_s};
}

// A line edit that completes the variable name under the cursor.
void attachVariableCompleter(QLineEdit* line, const QStringList& names) {
    auto* completer = new QCompleter(names, line);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    completer->setCompletionMode(QCompleter::PopupCompletion);
    completer->setWidget(line);
    const auto wordStart = [line] {
        const QString text = line->text();
        int start = line->cursorPosition();
        while (start > 0 &&
               (text.at(start - 1).isLetterOrNumber() || text.at(start - 1) == u'.' || text.at(start - 1) == u'_')) {
            --start;
        }
        return start;
    };
    QObject::connect(line, &QLineEdit::textEdited, completer, [line, completer, wordStart] {
        const int start = wordStart();
        const QString word = line->text().mid(start, line->cursorPosition() - start);
        if (word.isEmpty() || !word.at(0).isLetter()) {
            completer->popup()->hide();
            return;
        }
        completer->setCompletionPrefix(word);
        if (completer->completionCount() == 0 ||
            (completer->completionCount() == 1 && completer->currentCompletion() == word)) {
            completer->popup()->hide();
            return;
        }
        completer->complete();
    });
    QObject::connect(completer, qOverload<const QString&>(&QCompleter::activated), line,
                     [line, wordStart](const QString& completion) {
                         const int start = wordStart();
                         QString text = line->text();
                         text.replace(start, line->cursorPosition() - start, completion);
                         line->setText(text);
                         line->setCursorPosition(start + static_cast<int>(completion.size()));
                         Q_EMIT line->textEdited(text);
                     });
}

QString problemText(const QString& text) {
    if (text.trimmed().isEmpty()) {
        return {};
    }
    auto parsed = Expression::parse(text);
    if (parsed) {
        return {};
    }
    const ExpressionError& e = parsed.error();
    return FlowProperties::tr("%1 at column %2: %3").arg(e.code).arg(e.where.column).arg(e.message);
}

// Table cells holding expressions (data action inputs, assignments): edited in a line edit that completes variable
// names; a cell that does not parse is shown in the error colour with the reason as its tooltip.
class ExpressionCellDelegate final : public QStyledItemDelegate {
public:
    ExpressionCellDelegate(QStringList names, QObject* parent)
        : QStyledItemDelegate(parent)
        , m_names(std::move(names)) {}
    QWidget* createEditor(QWidget* parent, const QStyleOptionViewItem&, const QModelIndex&) const override {
        auto* line = new QLineEdit(parent);
        attachVariableCompleter(line, m_names);
        return line;
    }

private:
    QStringList m_names;
};

void markExpressionCell(QTableWidgetItem* item, const QPalette& palette) {
    if (!item) {
        return;
    }
    const QString problem = problemText(item->text());
    item->setToolTip(problem);
    item->setForeground(problem.isEmpty() ? palette.color(QPalette::Text)
                                          : shell::severityColour(palette, diagnostics::Severity::Error));
}

} // namespace

FlowProperties::FlowProperties(Apply apply, QWidget* parent)
    : QWidget(parent)
    , m_apply(std::move(apply)) {
    setObjectName(u"flowPropertiesPanel"_s);
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    m_title = new QLabel(this);
    m_title->setObjectName(u"flowPropertiesTitleLabel"_s);
    m_title->setWordWrap(true);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    outer->addWidget(m_title);
    m_located = new QLabel(this);
    m_located->setObjectName(u"flowPropertiesProblemsLabel"_s);
    m_located->setWordWrap(true);
    m_located->setTextFormat(Qt::PlainText);
    m_located->hide();
    outer->addWidget(m_located);
    m_body = new QWidget(this);
    m_form = new QFormLayout(m_body);
    m_form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    outer->addWidget(m_body);
    outer->addStretch(1);
}

QString FlowProperties::signatureOf(const Flow& flow) const {
    if (const Action* a = flow.find(m_key)) {
        return actionKindKey(a->kind()) + u':' + actionPropsToJson(a->props).keys().join(u',') + u':' + a->id;
    }
    if (const Task* t = flow.task(taskIdOfKey(m_key))) {
        return u"task:"_s + t->id + (t->id == flow.startTaskId ? u":start"_s : QString());
    }
    return u"other:"_s + m_key;
}

void FlowProperties::show(const Flow& flow, const QString& key) {
    const bool sameTarget = key == m_key;
    m_key = key;
    const QStringList names = variableNames(flow);
    const QString signature = signatureOf(flow);
    if (sameTarget && signature == m_signature && names == m_variables) {
        refreshValues(flow);
        return;
    }
    m_signature = signature;
    m_variables = names;
    rebuild(flow);
}

QStringList FlowProperties::variableNames(const Flow& flow) const {
    QStringList names;
    for (const Variable& v : flow.variables) {
        names << v.name;
    }
    for (const BuiltInVariable& b : builtInVariables()) {
        names << QString::fromLatin1(b.name);
    }
    return names;
}

void FlowProperties::rebuild(const Flow& flow) {
    // Replace the form's widgets (a new body keeps the layout code simple and drops every old connection).
    m_editors.clear();
    m_problems.clear();
    auto* body = new QWidget(this);
    m_form = new QFormLayout(body);
    m_form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    delete layout()->replaceWidget(m_body, body);
    m_body->deleteLater();
    m_body = body;

    if (const Action* a = flow.find(m_key)) {
        m_title->setText(tr("%1 properties").arg(actionKindName(a->kind())));
        addActionEditors(flow, *a);
    } else if (const Task* t = flow.task(taskIdOfKey(m_key)); t && isTaskKey(m_key)) {
        m_title->setText(tr("Task properties"));
        addTaskEditors(flow, *t);
    } else if (m_key.contains(u'/')) {
        const QString actionId = m_key.section(u'/', 0, 0);
        const QString output = m_key.section(u'/', 1);
        m_title->setText(tr("Output %1 of %2").arg(outputName(output), actionId));
        const Action* parent = flow.find(actionId);
        const ActionList* list = parent ? parent->output(output) : nullptr;
        auto* info = new QLabel(tr("%n action(s) on this path. Insert from the toolbox to add one at its end; when "
                                   "the path ends without a Disconnect or a jump, the call continues after %1.",
                                   nullptr, list ? countActions(*list) : 0)
                                    .arg(actionId),
                                m_body);
        info->setWordWrap(true);
        m_form->addRow(info);
    } else {
        m_title->setText(tr("Nothing selected"));
        auto* info = new QLabel(tr("Select an action on the canvas to see its configuration here."), m_body);
        info->setWordWrap(true);
        m_form->addRow(info);
    }
}

QLineEdit* FlowProperties::addLine(const QString& property, const QString& label, const QString& value, bool expression,
                                   bool variables) {
    auto* line = new QLineEdit(value, m_body);
    line->setObjectName(u"flowProperty_"_s + property + u"LineEdit"_s);
    line->setAccessibleName(label);
    m_form->addRow(label, line);
    m_editors.insert(property, line);
    if (expression || variables) {
        attachVariableCompleter(line, m_variables);
    }
    if (expression) {
        auto* problem = new QLabel(m_body);
        problem->setObjectName(u"flowProblem_"_s + property + u"Label"_s);
        problem->setWordWrap(true);
        QPalette pal = problem->palette();
        pal.setColor(QPalette::WindowText, shell::severityColour(palette(), diagnostics::Severity::Error));
        problem->setPalette(pal);
        const QString text = problemText(value);
        problem->setText(text);
        problem->setVisible(!text.isEmpty());
        m_form->addRow(QString(), problem);
        m_problems.insert(property, problem);
        connect(line, &QLineEdit::textChanged, problem, [problem](const QString& t) {
            const QString p = problemText(t);
            problem->setText(p);
            problem->setVisible(!p.isEmpty());
        });
    }
    return line;
}

void FlowProperties::setLine(const QString& property, const QString& value) {
    if (auto* line = qobject_cast<QLineEdit*>(m_editors.value(property).data()); line && line->text() != value) {
        const int cursor = line->cursorPosition();
        line->setText(value);
        line->setCursorPosition(std::min(cursor, static_cast<int>(value.size())));
    }
}

void FlowProperties::addActionEditors(const Flow& flow, const Action& action) {
    const QString id = action.id;
    QLineEdit* idLine = addLine(u"id"_s, tr("Id"), id, false, false);
    idLine->setToolTip(tr("Unique in the flow; letters, digits, - and _. Press Enter to rename."));
    connect(idLine, &QLineEdit::editingFinished, this, [this, idLine, id] {
        const QString newId = idLine->text().trimmed();
        if (newId == id || m_key != id) {
            return;
        }
        if (m_apply(tr("Rename action %1").arg(id), [id, newId](Flow& f) { return edit::renameAction(f, id, newId); },
                    {})) {
            Q_EMIT keyRenamed(id, newId);
        } else {
            idLine->setText(id);
        }
    });
    QLineEdit* nameLine = addLine(u"name"_s, tr("Name"), action.name, false, false);
    connect(nameLine, &QLineEdit::textEdited, this, [this, id](const QString& text) {
        m_apply(
            tr("Rename %1").arg(id), [id, text](Flow& f) { return edit::setProperty(f, id, u"name"_s, text); },
            u"flow:"_s + id + u":name"_s);
    });

    const QJsonObject props = actionPropsToJson(action.props);
    if (action.kind() == ActionKind::Opaque) {
        auto* raw = new QPlainTextEdit(QString::fromUtf8(QJsonDocument(props).toJson()), m_body);
        raw->setReadOnly(true);
        m_form->addRow(tr("Kept as imported"), raw);
        return;
    }
    QStringList keys = props.keys();
    // Audio objects show both of their fields, even when empty.
    const auto setter = [this, id](const QString& key) {
        return [this, id, key](const QJsonValue& value, bool merge) {
            return m_apply(
                tr("Change %1 of %2").arg(propertyLabel(key), id),
                [id, key, value](Flow& f) { return edit::setProperty(f, id, key, value); },
                merge ? u"flow:"_s + id + u':' + key : QString());
        };
    };
    for (const QString& key : std::as_const(keys)) {
        const QJsonValue value = props.value(key);
        const QString property = u"props."_s + key;
        if (key == u"audio"_s || key == u"preTransferAudio"_s || key == u"failedTransferAudio"_s) {
            const QJsonObject audio = value.toObject();
            for (const QString& sub : {u"tts"_s, u"prompt"_s}) {
                const QString full = key + u'.' + sub;
                QLineEdit* line = addLine(u"props."_s + full, propertyLabel(full), audio.value(sub).toString(),
                                          sub == u"tts"_s, false);
                connect(line, &QLineEdit::textEdited, this,
                        [set = setter(full)](const QString& text) { set(text, true); });
            }
            continue;
        }
        if (value.isBool()) {
            auto* box = new QCheckBox(propertyLabel(key), m_body);
            box->setObjectName(u"flowProperty_"_s + property + u"CheckBox"_s);
            box->setChecked(value.toBool());
            m_form->addRow(QString(), box);
            m_editors.insert(property, box);
            connect(box, &QCheckBox::toggled, this, [set = setter(key)](bool on) { set(on, false); });
            continue;
        }
        if (value.isDouble()) {
            auto* spin = new QSpinBox(m_body);
            spin->setObjectName(u"flowProperty_"_s + property + u"SpinBox"_s);
            spin->setRange(0, 3600);
            spin->setValue(value.toInt());
            spin->setAccessibleName(propertyLabel(key));
            m_form->addRow(propertyLabel(key), spin);
            m_editors.insert(property, spin);
            connect(spin, &QSpinBox::valueChanged, this, [set = setter(key)](int v) { set(v, true); });
            continue;
        }
        if (value.isArray()) {
            const std::pair<QString, QString> columns = bindingKeys(key);
            const QString nameKey = columns.first;
            const QString valueKey = columns.second;
            const QJsonArray array = value.toArray();
            auto* table = new QTableWidget(static_cast<int>(array.size()), 2, m_body);
            table->setObjectName(u"flowProperty_"_s + property + u"TableWidget"_s);
            table->setAccessibleName(propertyLabel(key));
            table->setHorizontalHeaderLabels({nameKey, valueKey});
            table->horizontalHeader()->setStretchLastSection(true);
            table->verticalHeader()->hide();
            table->setTabKeyNavigation(false);
            const bool expressions = valueKey == u"expression"_s;
            if (expressions) {
                table->setItemDelegateForColumn(1, new ExpressionCellDelegate(m_variables, table));
            }
            for (int row = 0; row < array.size(); ++row) {
                const QJsonObject o = array.at(row).toObject();
                table->setItem(row, 0, new QTableWidgetItem(o.value(nameKey).toString()));
                table->setItem(row, 1, new QTableWidgetItem(o.value(valueKey).toString()));
                if (expressions) {
                    markExpressionCell(table->item(row, 1), palette());
                }
            }
            if (expressions) {
                connect(table, &QTableWidget::itemChanged, table, [table](QTableWidgetItem* item) {
                    if (item->column() == 1) {
                        const QSignalBlocker blocker(table);
                        markExpressionCell(item, table->palette());
                    }
                });
            }
            table->setMinimumHeight(table->verticalHeader()->defaultSectionSize() * 4);
            const auto write = [table, set = setter(key), nameKey, valueKey, array] {
                QJsonArray out;
                for (int row = 0; row < table->rowCount(); ++row) {
                    QJsonObject o = row < array.size() ? array.at(row).toObject() : QJsonObject();
                    o.insert(nameKey, table->item(row, 0) ? table->item(row, 0)->text() : QString());
                    o.insert(valueKey, table->item(row, 1) ? table->item(row, 1)->text() : QString());
                    out.append(o);
                }
                set(out, false);
            };
            connect(table, &QTableWidget::cellChanged, this, write);
            auto* buttons = new QWidget(m_body);
            auto* row = new QHBoxLayout(buttons);
            row->setContentsMargins(0, 0, 0, 0);
            auto* add = new QPushButton(tr("Add row"), buttons);
            add->setObjectName(u"flowProperty_"_s + property + u"AddButton"_s);
            auto* remove = new QPushButton(tr("Remove row"), buttons);
            remove->setObjectName(u"flowProperty_"_s + property + u"RemoveButton"_s);
            row->addWidget(add);
            row->addWidget(remove);
            row->addStretch(1);
            connect(add, &QPushButton::clicked, table, [table, write] {
                const QSignalBlocker blocker(table);
                table->insertRow(table->rowCount());
                table->setItem(table->rowCount() - 1, 0, new QTableWidgetItem(u"name"_s));
                table->setItem(table->rowCount() - 1, 1, new QTableWidgetItem(QString()));
                write();
            });
            connect(remove, &QPushButton::clicked, table, [table, write] {
                const int r = table->currentRow() >= 0 ? table->currentRow() : table->rowCount() - 1;
                if (r >= 0) {
                    table->removeRow(r);
                    write();
                }
            });
            m_form->addRow(propertyLabel(key), table);
            m_form->addRow(QString(), buttons);
            m_editors.insert(property, table);
            continue;
        }
        // Strings: a fixed choice, a task, an expression, a variable, or free text.
        const QString text = value.toString();
        const auto choices = choicesOf(key);
        if (!choices.isEmpty() || key == u"task"_s) {
            auto* combo = new QComboBox(m_body);
            combo->setObjectName(u"flowProperty_"_s + property + u"ComboBox"_s);
            combo->setAccessibleName(propertyLabel(key));
            if (key == u"task"_s) {
                for (const Task& t : flow.tasks) {
                    if (t.id != flow.startTaskId) {
                        combo->addItem(tr("%1 (%2)").arg(t.name, t.id), t.id);
                    }
                }
                if (combo->findData(text) < 0) {
                    combo->addItem(tr("%1 (no such task)").arg(text), text);
                }
            } else {
                for (const auto& [v, label] : choices) {
                    combo->addItem(label, v);
                }
            }
            combo->setCurrentIndex(combo->findData(text));
            m_form->addRow(propertyLabel(key), combo);
            m_editors.insert(property, combo);
            connect(combo, &QComboBox::activated, this,
                    [combo, set = setter(key)](int index) { set(combo->itemData(index).toString(), false); });
            continue;
        }
        QLineEdit* line = addLine(property, propertyLabel(key), text, isExpressionKey(key), isVariableKey(key));
        connect(line, &QLineEdit::textEdited, this, [set = setter(key)](const QString& t) { set(t, true); });
    }
}

void FlowProperties::addTaskEditors(const Flow& flow, const Task& task) {
    const QString id = task.id;
    QLineEdit* idLine = addLine(u"id"_s, tr("Id"), id, false, false);
    idLine->setToolTip(tr("Unique among the tasks; none of [ ] # ~ /. Press Enter to rename; jumps follow."));
    connect(idLine, &QLineEdit::editingFinished, this, [this, idLine, id] {
        const QString newId = idLine->text().trimmed();
        if (newId == id || m_key != taskKey(id)) {
            return;
        }
        if (m_apply(tr("Rename task %1").arg(id), [id, newId](Flow& f) { return edit::renameTask(f, id, newId); },
                    {})) {
            Q_EMIT keyRenamed(taskKey(id), taskKey(newId));
        } else {
            idLine->setText(id);
        }
    });
    QLineEdit* nameLine = addLine(u"name"_s, tr("Name"), task.name, false, false);
    connect(nameLine, &QLineEdit::textEdited, this, [this, id](const QString& text) {
        m_apply(
            tr("Rename task %1").arg(id),
            [id, text](Flow& f) { return edit::renameTask(f, id, id, text.isEmpty() ? id : text); },
            u"flow:task:"_s + id + u":name"_s);
    });
    if (id != flow.startTaskId) {
        auto* start = new QPushButton(tr("Make starting task"), m_body);
        start->setObjectName(u"flowMakeStartTaskButton"_s);
        connect(start, &QPushButton::clicked, this, [this, id] {
            m_apply(tr("Make %1 the starting task").arg(id), [id](Flow& f) { return edit::setStartTask(f, id); }, {});
        });
        m_form->addRow(QString(), start);
    } else {
        m_form->addRow(QString(), new QLabel(tr("This is the starting task: every call begins here."), m_body));
    }
    auto* remove = new QPushButton(tr("Remove task"), m_body);
    remove->setObjectName(u"flowRemoveTaskButton"_s);
    connect(remove, &QPushButton::clicked, this, [this, id] {
        m_apply(tr("Remove task %1").arg(id), [id](Flow& f) { return edit::removeTask(f, id); }, {});
    });
    m_form->addRow(QString(), remove);
}

void FlowProperties::refreshValues(const Flow& flow) {
    if (const Action* a = flow.find(m_key)) {
        setLine(u"id"_s, a->id);
        setLine(u"name"_s, a->name);
        const QJsonObject props = actionPropsToJson(a->props);
        for (auto it = props.constBegin(); it != props.constEnd(); ++it) {
            const QString property = u"props."_s + it.key();
            if (it->isObject()) {
                const QJsonObject inner = it->toObject();
                setLine(property + u".tts"_s, inner.value(u"tts"_s).toString());
                setLine(property + u".prompt"_s, inner.value(u"prompt"_s).toString());
                continue;
            }
            QWidget* w = m_editors.value(property);
            if (auto* box = qobject_cast<QCheckBox*>(w); box && box->isChecked() != it->toBool()) {
                const QSignalBlocker blocker(box);
                box->setChecked(it->toBool());
            } else if (auto* spin = qobject_cast<QSpinBox*>(w); spin && spin->value() != it->toInt()) {
                const QSignalBlocker blocker(spin);
                spin->setValue(it->toInt());
            } else if (auto* combo = qobject_cast<QComboBox*>(w)) {
                const QSignalBlocker blocker(combo);
                combo->setCurrentIndex(combo->findData(it->toString()));
            } else if (auto* table = qobject_cast<QTableWidget*>(w)) {
                const std::pair<QString, QString> columns = bindingKeys(it.key());
                const QString& nameKey = columns.first;
                const QString& valueKey = columns.second;
                const QJsonArray array = it->toArray();
                const QSignalBlocker blocker(table);
                table->setRowCount(static_cast<int>(array.size()));
                for (int row = 0; row < array.size(); ++row) {
                    const QJsonObject o = array.at(row).toObject();
                    for (int col = 0; col < 2; ++col) {
                        const QString v = o.value(col == 0 ? nameKey : valueKey).toString();
                        if (!table->item(row, col)) {
                            table->setItem(row, col, new QTableWidgetItem(v));
                        } else if (table->item(row, col)->text() != v) {
                            table->item(row, col)->setText(v);
                        }
                        if (col == 1 && valueKey == u"expression"_s) {
                            markExpressionCell(table->item(row, col), palette());
                        }
                    }
                }
            } else if (qobject_cast<QLineEdit*>(w)) {
                setLine(property, it->toString());
            }
        }
    } else if (const Task* t = flow.task(taskIdOfKey(m_key))) {
        setLine(u"id"_s, t->id);
        setLine(u"name"_s, t->name);
    }
}

void FlowProperties::setProblems(const diagnostics::Diagnostics& problems) {
    const QString actionId = isTaskKey(m_key) || m_key.contains(u'/') ? QString() : m_key;
    const QString taskId = taskIdOfKey(m_key);
    QStringList lines;
    diagnostics::Severity worst = diagnostics::Severity::Info;
    for (const diagnostics::Diagnostic& d : problems) {
        const bool here =
            !m_key.isEmpty() && ((!actionId.isEmpty() && d.where.actionId == actionId) ||
                                 (!taskId.isEmpty() && d.where.actionId.isEmpty() && d.where.taskId == taskId));
        if (here) {
            lines << tr("%1: %2").arg(d.code, d.message);
            worst = std::max(worst, d.severity);
        }
    }
    QPalette pal = m_located->palette();
    pal.setColor(QPalette::WindowText, shell::severityColour(palette(), worst));
    m_located->setPalette(pal);
    m_located->setText(lines.join(u'\n'));
    m_located->setVisible(!lines.isEmpty());
}

QString FlowProperties::problemsText() const {
    return m_located->text();
}

QWidget* FlowProperties::editor(const QString& property) const {
    return m_editors.value(property);
}

bool FlowProperties::focusProperty(const QString& property) {
    QWidget* w = m_editors.value(property);
    if (!w) {
        // "props.audio" -> its first field; "outputs.failure" and the like -> the name.
        for (auto it = m_editors.cbegin(); it != m_editors.cend() && !w; ++it) {
            if (!property.isEmpty() && it.key().startsWith(property + u'.')) {
                w = it.value();
            }
        }
    }
    if (!w) {
        w = m_editors.value(u"name"_s);
    }
    if (!w) {
        return false;
    }
    w->setFocus(Qt::OtherFocusReason);
    if (auto* line = qobject_cast<QLineEdit*>(w)) {
        line->selectAll();
    }
    return true;
}

QString FlowProperties::expressionProblem(const QString& property) const {
    const QLabel* label = m_problems.value(property);
    return label ? label->text() : QString();
}

} // namespace handoff::flow
