#pragma once

#include "diagnostics/Diagnostic.h"

#include <QListWidget>

namespace handoff::widgets {

// A compact list of problems shown next to the editor they concern (claims, pasted UUI): an icon per severity, the
// code and the message; activating a row (click, Enter) reports the diagnostic so the page can select its range.
// With no problems it shows one "no problems" row, so the admin sees that the check ran.
class DiagnosticList final : public QListWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DiagnosticList)

public:
    explicit DiagnosticList(QWidget* parent = nullptr);

    void setDiagnostics(const diagnostics::Diagnostics& list);
    const diagnostics::Diagnostics& diagnostics() const { return m_list; }
    // The row text when the list is empty, e.g. "The claims are fine."
    void setEmptyText(const QString& text);
    // Rows shown before a scroll bar appears (default 6).
    void setVisibleRows(int rows);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

    static QIcon severityIcon(diagnostics::Severity severity);
    static QIcon okIcon();

Q_SIGNALS:
    void diagnosticActivated(const handoff::diagnostics::Diagnostic& diagnostic);

private:
    void rebuild();

    diagnostics::Diagnostics m_list;
    QString m_emptyText;
    int m_visibleRows = 6;
};

} // namespace handoff::widgets
