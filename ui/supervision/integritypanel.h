#pragma once

#include "core/domain/ledger.h"
#include "core/integrity/proofs.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QLatin1StringView>
#include <QString>
#include <QWidget>

#include <optional>

class QFrame;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;

namespace fieldledger::ui {

// "Has anyone rewritten history?" (INTEGRITY.md): the log's size and root, the latest signed
// checkpoint and the device key's fingerprint; "Verify now" with progress, Cancel and a verdict
// (OK, or FAILED naming the event's sequence and guid and what is wrong); "Prove this record":
// an event's RFC 9162 inclusion proof, shown and exported as the CLI's `log proof` prints it.
// An integrity alarm raised when the registry was opened (Ledger::alarm: a rolled-back or
// rewritten log) shows as a red banner until an administrator acknowledges it.
//
// Verification runs on the GUI thread: the ledger's database connection belongs to the thread
// that opened the registry, and Qt SQL connections must not be used from another one. Ledger::
// verify() reports progress every few thousand events (some 15 ms of work here); at each report
// the panel runs the event loop once, so the window repaints and Cancel works. That loop is a
// nested QEventLoop, so AppSession's lock waits for the verification to end before closing the
// registry. While it runs, verifyNow() does not return; isVerifying() is true.
class IntegrityPanel final : public QWidget {
    Q_OBJECT

public:
    explicit IntegrityPanel(core::Ledger &ledger, QWidget *parent = nullptr);
    ~IntegrityPanel() override;
    Q_DISABLE_COPY_MOVE(IntegrityPanel)

    // An alarm raised at open that nobody acknowledged yet.
    [[nodiscard]] bool hasAlarm() const;
    // The alarm, also once acknowledged (empty when there was none).
    [[nodiscard]] QString alarmText() const;
    // An administrator acknowledges the alarm (core::Ledger::acknowledgeAlarm: writes allowed
    // again, a checkpoint records who did it): the banner goes. Refused (false, nothing changes)
    // for any other role.
    bool acknowledge();

    // Reads the log's size, root, checkpoint and key again (done after each change of the ledger).
    void refresh();

    // Verifies the whole log now (see above); returns when done, cancelled or failed to run.
    void verifyNow();
    // Asks a running verification to stop at its next progress report.
    void cancelVerify();
    [[nodiscard]] bool isVerifying() const { return m_verifying; }
    // The last verification's report; nullopt before one finished (or when it was cancelled).
    [[nodiscard]] const std::optional<core::VerifyReport> &lastReport() const { return m_report; }
    // The verdict, then on a second line what was found ("OK — …\nRoot …", "FAILED at event … (sequence
    // …)\n<the problem>").
    [[nodiscard]] QString verdictText() const;

    // Puts an event's guid in the "Prove this record" field (e.g. the audit trail's current event).
    void setEventGuid(const QString &eventGuid);
    // Shows the inclusion proof of the event in the log as it is now; false (and says why) when
    // there is none.
    bool proveEvent(const QString &eventGuid);
    [[nodiscard]] const std::optional<core::InclusionProof> &shownProof() const { return m_proof; }
    // The root the shown proof leads to.
    [[nodiscard]] const core::Hash &shownRoot() const { return m_proofRoot; }
    // What Export writes: the CLI's `log proof GUID` output, byte for byte.
    [[nodiscard]] QByteArray proofJson() const { return m_proofJson; }
    // Writes proofJson() to `path` (atomically); false and a message on screen when it cannot.
    bool exportProof(const QString &path);

signals:
    void verifyFinished(bool ok);
    void alarmAcknowledged();

private:
    void buildUi();
    void showAlarm();
    bool verifyProgress(quint64 done, quint64 total);
    void setVerdict(const QString &text, QLatin1StringView colour, const QString &evidence = {});
    void chooseExportPath();
    void showStatus(const QString &text, bool problem);

    core::Ledger &m_ledger;
    bool m_acknowledged = false;
    QString m_alarmText; // the alarm at open, kept once acknowledged
    bool m_verifying = false;
    bool m_cancelRequested = false;
    QElapsedTimer m_sincePump;
    std::optional<core::VerifyReport> m_report;
    std::optional<core::InclusionProof> m_proof;
    core::Hash m_proofRoot{};
    QByteArray m_proofJson;
    QString m_proofGuid;

    QFrame *m_banner = nullptr;
    QLabel *m_bannerText = nullptr;
    QPushButton *m_acknowledge = nullptr;
    QLabel *m_size = nullptr;
    QLabel *m_root = nullptr;
    QLabel *m_checkpoint = nullptr;
    QLabel *m_checkpointRoot = nullptr;
    QLabel *m_fingerprint = nullptr;
    QPushButton *m_verify = nullptr;
    QPushButton *m_cancel = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_verdict = nullptr;  // the verdict, coloured
    QLabel *m_evidence = nullptr; // what was found (the root, or the problem)
    QLineEdit *m_eventGuid = nullptr;
    QPushButton *m_prove = nullptr;
    QPushButton *m_export = nullptr;
    QPlainTextEdit *m_proofText = nullptr;
    QLabel *m_status = nullptr;
};

} // namespace fieldledger::ui
