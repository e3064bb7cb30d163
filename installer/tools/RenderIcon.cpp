// Build tool: renders the app's SVG icon into the PNG sizes of the hicolor theme (installer/CMakeLists.txt).
//   handoff-render-icon IN.svg OUT.png SIZE
#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <QSvgRenderer>

#include <cstdio>

int main(int argc, char** argv) {
    qputenv("QT_QPA_PLATFORM", "offscreen"); // a build machine has no display
    QGuiApplication app(argc, argv);
    const QStringList args = QGuiApplication::arguments();
    bool ok = false;
    const int size = args.value(3).toInt(&ok);
    if (args.size() != 4 || !ok || size < 8 || size > 1024) {
        std::fputs("usage: handoff-render-icon IN.svg OUT.png SIZE (8-1024)\n", stderr);
        return 2;
    }
    QSvgRenderer renderer(args.at(1));
    if (!renderer.isValid()) {
        std::fprintf(stderr, "handoff-render-icon: %s is not a readable SVG\n", qPrintable(args.at(1)));
        return 3;
    }
    QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    {
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        renderer.render(&painter);
    }
    if (!image.save(args.at(2), "PNG")) {
        std::fprintf(stderr, "handoff-render-icon: cannot write %s\n", qPrintable(args.at(2)));
        return 3;
    }
    return 0;
}
