#pragma once

#include "diagnostics/Diagnostic.h"

#include <QAbstractTableModel>
#include <QDockWidget>

class QLabel;
class QStackedWidget;
class QTreeView;

namespace handoff::shell {

// Every diagnostic of the workspace as a table: severity icon, code, message, and where it points.
class ProblemsModel final : public QAbstractTableModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProblemsModel)

public:
    enum Column { CodeColumn, MessageColumn, WhereColumn, ColumnCount };
    enum Role { DiagnosticRole = Qt::UserRole + 1 };

    explicit ProblemsModel(QObject* parent = nullptr);

    void setDiagnostics(const diagnostics::Diagnostics& list);
    const diagnostics::Diagnostics& diagnostics() const { return m_list; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // A person's name for where a diagnostic points ("Org id", "UUI token", "line 3, column 7").
    static QString describeLocation(const diagnostics::Location& where);
    // A person's name for a model field ("org.orgId" -> "Org id"); the field itself when unknown.
    static QString fieldName(const QString& field);
    static QIcon severityIcon(diagnostics::Severity severity);

private:
    diagnostics::Diagnostics m_list;
};

// The Problems dock. Activating a row (click, Enter, double-click) emits problemActivated so that the main window
// can take the admin to the field.
class ProblemsDock final : public QDockWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProblemsDock)

public:
    explicit ProblemsDock(QWidget* parent = nullptr);

    void setDiagnostics(const diagnostics::Diagnostics& list);
    ProblemsModel* model() const { return m_model; }
    QTreeView* view() const { return m_view; }
    // "2 errors, 1 warning" or "No problems"; also shown in the dock title.
    QString summary() const;

Q_SIGNALS:
    void problemActivated(const handoff::diagnostics::Diagnostic& diagnostic);

protected:
    void changeEvent(QEvent* event) override;

private:
    void activate(const QModelIndex& index);
    void retranslate();

    ProblemsModel* m_model = nullptr;
    QTreeView* m_view = nullptr;
    QLabel* m_empty = nullptr;
    QStackedWidget* m_stack = nullptr;
};

} // namespace handoff::shell
