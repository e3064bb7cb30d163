#pragma once

#include "common/Clock.h"
#include "project/GoLiveCheck.h"
#include "project/Project.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace handoff::crypto {
class Certificate;
}

namespace handoff::exports {

// The go-live runbook (`handoff export runbook`, the Go-live page's "Export runbook..." and "Print..."): the
// project's values, the help article's steps in its order with this project's values filled in and where the
// product deviates from the article (and why), and the go-live check's results at the time of export.
//
// Built as plain data first, then rendered as Markdown or as self-contained HTML (inline style, no external
// resources), so that both say the same and the desktop app prints the HTML through QTextDocument.
struct RunbookValue {
    QString label;
    QString value;
};

struct RunbookStep {
    int number = 0;    // the article's step number
    QString title;     // what to do
    QString detail;    // with this project's values
    QString deviation; // where the product does it differently from the article, and why; empty when it does not
    QList<RunbookValue> values; // values to paste or check in this step
};

struct Runbook {
    QString title;
    QString generatedAt; // ISO 8601, UTC, from the clock
    QList<RunbookValue> projectValues;
    QList<RunbookStep> steps;
    project::GoLiveReport checks;
};

// `setUuiDataExpression` is the Architect expression to paste into Set UUI Data (project::Composition::setUuiData).
Runbook buildRunbook(const project::Project& project, const project::GoLiveReport& report,
                     const crypto::Certificate* certificate, const QString& setUuiDataExpression, const Clock& clock);

enum class RunbookFormat { Markdown, Html };
QByteArray renderRunbook(const Runbook& runbook, RunbookFormat format);

} // namespace handoff::exports
