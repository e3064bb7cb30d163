#include "shell/Page.h"

#include "shell/Dialogs.h"

#include <QComboBox>
#include <QGraphicsColorizeEffect>
#include <QLabel>
#include <QLineEdit>
#include <QPropertyAnimation>
#include <QScrollArea>
#include <QSignalBlocker>
#include <QSplitter>

using namespace Qt::StringLiterals;

namespace handoff::shell {

Page::Page(Workspace& workspace, QWidget* parent)
    : QWidget(parent)
    , m_workspace(workspace) {}

Page::~Page() = default;

Dialogs& Page::dialogs() const {
    return m_dialogs ? *m_dialogs : Dialogs::standard();
}

void Page::setDialogs(Dialogs& dialogs) {
    m_dialogs = &dialogs;
}

void Page::registerField(const QString& field, QWidget* widget) {
    m_fields.insert(field, widget);
}

QWidget* Page::fieldWidget(const QString& field) const {
    if (const auto it = m_fields.constFind(field); it != m_fields.cend() && *it) {
        return *it;
    }
    // Longest registered prefix wins ("uui.params." before "uui.").
    QWidget* best = nullptr;
    qsizetype bestLength = 0;
    for (auto it = m_fields.cbegin(); it != m_fields.cend(); ++it) {
        const QString& key = it.key();
        if (key.endsWith(u'.') && field.startsWith(key) && key.size() > bestLength && it.value()) {
            best = it.value();
            bestLength = key.size();
        }
    }
    return best;
}

bool Page::isFieldWidget(const QWidget* widget) const {
    for (const auto& registered : m_fields) {
        if (registered == widget) {
            return true;
        }
    }
    return false;
}

bool Page::ownsField(const QString& field) const {
    return fieldWidget(field) != nullptr;
}

bool Page::focusField(const QString& field, const diagnostics::Location& where) {
    Q_UNUSED(where)
    QWidget* widget = fieldWidget(field);
    if (!widget) {
        return false;
    }
    // Make sure the widget is visible: walk up to any scroll area and scroll it into view.
    for (QWidget* w = widget->parentWidget(); w && w != this->parentWidget(); w = w->parentWidget()) {
        if (auto* scroll = qobject_cast<QScrollArea*>(w)) {
            scroll->ensureWidgetVisible(widget);
            break;
        }
    }
    // A disabled editor cannot take the focus: give it to the control before it in the tab order (typically the
    // check box that enables it), and still highlight the editor.
    QWidget* focusTarget = widget;
    while (focusTarget && (!focusTarget->isEnabled() || focusTarget->focusPolicy() == Qt::NoFocus)) {
        focusTarget = focusTarget->previousInFocusChain();
        if (!focusTarget || !isAncestorOf(focusTarget)) {
            focusTarget = nullptr;
        }
    }
    if (focusTarget) {
        focusTarget->setFocus(Qt::OtherFocusReason);
    }
    if (auto* line = qobject_cast<QLineEdit*>(widget); line && line->isEnabled()) {
        line->selectAll();
    }
    flash(widget);
    return true;
}

void Page::flash(QWidget* widget) {
    if (!widget) {
        return;
    }
    // A colorize effect in the palette's highlight colour that fades out; works in light and dark palettes and
    // leaves the widget's own style alone.
    auto* effect = new QGraphicsColorizeEffect(widget);
    effect->setColor(widget->palette().color(QPalette::Highlight));
    effect->setStrength(0.6);
    widget->setGraphicsEffect(effect);
    auto* fade = new QPropertyAnimation(effect, "strength", effect);
    fade->setStartValue(0.6);
    fade->setEndValue(0.0);
    fade->setDuration(1200);
    fade->setEasingCurve(QEasingCurve::InQuad);
    QObject::connect(fade, &QPropertyAnimation::finished, widget, [widget, effect] {
        if (widget->graphicsEffect() == effect) {
            widget->setGraphicsEffect(nullptr); // deletes the effect
        }
    });
    fade->start();
}

void Page::orientSplitter(QSplitter* splitter) const {
    const int sideBySide = fontMetrics().averageCharWidth() * 150;
    splitter->setOrientation(width() < sideBySide ? Qt::Vertical : Qt::Horizontal);
}

QLabel* Page::makeHeading(const QString& text, QWidget* parent) {
    auto* heading = new QLabel(text, parent);
    heading->setObjectName(QStringLiteral("pageHeadingLabel"));
    QFont font = heading->font();
    font.setPointSizeF(font.pointSizeF() * 1.4);
    font.setBold(true);
    heading->setFont(font);
    heading->setAccessibleName(text);
    return heading;
}

void Page::showEnvironments(QComboBox* combo, const project::Project& project) {
    const QStringList names = project.environmentNames();
    QStringList shown;
    for (int i = 0; i < combo->count(); ++i) {
        shown.append(combo->itemData(i).toString());
    }
    if (shown != names) {
        const QSignalBlocker block(combo);
        combo->clear();
        for (const QString& name : names) {
            combo->addItem(name, name);
        }
    }
    combo->setCurrentIndex(combo->findData(project.environment));
}

} // namespace handoff::shell
