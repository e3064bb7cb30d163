#include <QApplication>
#include <QLabel>

// Placeholder until the desktop app lands (issue 3).
int main(int argc, char** argv) {
    QApplication app(argc, argv);
    QLabel label(QStringLiteral("Handoff Studio"));
    label.show();
    return QApplication::exec();
}
