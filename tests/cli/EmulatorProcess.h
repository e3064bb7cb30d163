#pragma once

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStringList>

#include <csignal>

// Test-only: runs `handoff emulator --json ...` as its own process and reads its "listening" event.
class EmulatorProcess {
public:
    EmulatorProcess() = default;
    EmulatorProcess(const EmulatorProcess&) = delete;
    EmulatorProcess& operator=(const EmulatorProcess&) = delete;
    ~EmulatorProcess() { stop(SIGTERM); }

    bool start(const QStringList& args) {
        m_process.setProgram(QStringLiteral(HANDOFF_CLI));
        m_process.setArguments(QStringList{QStringLiteral("emulator"), QStringLiteral("--json")} + args);
        m_process.start();
        if (!m_process.waitForStarted(10000)) {
            return false;
        }
        while (!m_process.canReadLine()) {
            if (!m_process.waitForReadyRead(10000)) {
                return false;
            }
        }
        m_listening = QJsonDocument::fromJson(m_process.readLine()).object();
        return m_listening.value(QStringLiteral("event")).toString() == QStringLiteral("listening");
    }

    QString baseUrl() const { return m_listening.value(QStringLiteral("baseUrl")).toString(); }
    QString pin() const { return m_listening.value(QStringLiteral("pin")).toString(); }

    // Sends `signal` and waits; returns what the emulator printed after the listening line.
    QByteArray stop(int signal) {
        if (m_process.state() == QProcess::NotRunning) {
            return {};
        }
        ::kill(pid_t(m_process.processId()), signal);
        if (!m_process.waitForFinished(10000)) {
            m_process.kill();
            m_process.waitForFinished();
        }
        return m_process.readAllStandardOutput();
    }

    int exitCode() const { return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1; }

private:
    QProcess m_process;
    QJsonObject m_listening;
};
