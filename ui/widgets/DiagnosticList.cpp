#include "DiagnosticList.h"

using namespace Qt::StringLiterals;
using handoff::diagnostics::Severity;

namespace handoff::widgets {

DiagnosticList::DiagnosticList(QWidget* parent)
    : QListWidget(parent)
    , m_emptyText(tr("No problems found.")) {
    setWordWrap(true);
    setUniformItemSizes(false);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Maximum);
    setAccessibleName(tr("Problems"));
    const auto activate = [this](QListWidgetItem* item) {
        const int index = item->data(Qt::UserRole).toInt();
        if (index >= 0 && index < m_list.size()) {
            Q_EMIT diagnosticActivated(m_list.at(index));
        }
    };
    connect(this, &QListWidget::itemActivated, this, activate);
    connect(this, &QListWidget::itemClicked, this, activate);
    rebuild();
}

QIcon DiagnosticList::severityIcon(Severity severity) {
    switch (severity) {
    case Severity::Error:
        return QIcon(u":/handoff/icons/severity-error.svg"_s);
    case Severity::Warning:
        return QIcon(u":/handoff/icons/severity-warning.svg"_s);
    case Severity::Info:
        return QIcon(u":/handoff/icons/severity-info.svg"_s);
    }
    return {};
}

QIcon DiagnosticList::okIcon() {
    return QIcon(u":/handoff/icons/severity-ok.svg"_s);
}

void DiagnosticList::setDiagnostics(const diagnostics::Diagnostics& list) {
    bool same = list.size() == m_list.size();
    for (qsizetype i = 0; same && i < list.size(); ++i) {
        const auto& a = list.at(i);
        const auto& b = m_list.at(i);
        same = a.code == b.code && a.message == b.message && a.severity == b.severity &&
               a.where.offset == b.where.offset && a.where.length == b.where.length && a.where.field == b.where.field;
    }
    if (same && count() > 0) {
        return;
    }
    m_list = list;
    rebuild();
}

void DiagnosticList::setEmptyText(const QString& text) {
    m_emptyText = text;
    rebuild();
}

void DiagnosticList::setVisibleRows(int rows) {
    m_visibleRows = std::max(1, rows);
    updateGeometry();
}

void DiagnosticList::rebuild() {
    clear();
    if (m_list.isEmpty()) {
        auto* item = new QListWidgetItem(okIcon(), m_emptyText, this);
        item->setData(Qt::UserRole, -1);
        item->setFlags(Qt::ItemIsEnabled);
    }
    for (qsizetype i = 0; i < m_list.size(); ++i) {
        const auto& d = m_list.at(i);
        QString text = d.code.isEmpty() ? d.message : tr("%1: %2").arg(d.code, d.message);
        if (d.where.line > 0) {
            text = tr("Line %1, column %2 · %3").arg(d.where.line).arg(d.where.column).arg(text);
        }
        auto* item = new QListWidgetItem(severityIcon(d.severity), text, this);
        item->setData(Qt::UserRole, static_cast<int>(i));
        item->setToolTip(text);
    }
    updateGeometry();
}

QSize DiagnosticList::sizeHint() const {
    const int rows = std::clamp(count(), 1, m_visibleRows);
    const int rowHeight = std::max(sizeHintForRow(0), fontMetrics().height() + 6);
    return QSize(QListWidget::sizeHint().width(), rows * rowHeight + 2 * frameWidth() + 4);
}

QSize DiagnosticList::minimumSizeHint() const {
    return QSize(fontMetrics().averageCharWidth() * 20, fontMetrics().height() + 2 * frameWidth() + 8);
}

} // namespace handoff::widgets
