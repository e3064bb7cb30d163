#pragma once

#include "flow/Flow.h"

#include <QTreeWidget>
#include <QWidget>

class QLineEdit;

namespace handoff::flow {

class ToolboxTree;

// Architect's toolbox: the action kinds by category (Audio, Data, Logical, Transfer, Flow, Call), searchable.
// Drag a kind onto the canvas, or pick it with the keyboard (type to filter, arrows, Enter) to insert it after the
// selected action.
class FlowToolbox final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FlowToolbox)

public:
    explicit FlowToolbox(QWidget* parent = nullptr);

    QLineEdit* searchField() const { return m_search; }
    QTreeWidget* tree() const;
    // Filters to the kinds whose name contains `text` (case-insensitive); selects the first match.
    void setFilter(const QString& text);
    // The kind of the current row, if it is a kind (not a category).
    std::optional<ActionKind> currentKind() const;
    // Focuses the search field, selecting its text.
    void focusSearch();

Q_SIGNALS:
    void insertRequested(handoff::flow::ActionKind kind);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void build();
    void activateCurrent();

    QLineEdit* m_search = nullptr;
    ToolboxTree* m_tree = nullptr;
};

// The tree of kinds; its drags carry the kind's key.
class ToolboxTree final : public QTreeWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ToolboxTree)

public:
    explicit ToolboxTree(QWidget* parent = nullptr);

protected:
    QMimeData* mimeData(const QList<QTreeWidgetItem*>& items) const override;
    QStringList mimeTypes() const override;
};

} // namespace handoff::flow
