#include "ui/supervision/integritypanel.h"

#include "core/access/user.h"
#include "core/domain/logstatus.h"
#include "ui/messagebox.h"
#include "ui/supervision/timetext.h"

#include <QEventLoop>
#include <QFileDialog>
#include <QFontDatabase>
#include <QFormLayout>
#include <QFrame>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QSaveFile>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>
#include <climits>

using namespace Qt::StringLiterals;

namespace fieldledger::ui {
namespace {

constexpr int kProgressSteps = 1000;
constexpr int kPumpEveryMs = 30;
constexpr auto kOkColour = "#1e7b34"_L1;
constexpr auto kFailedColour = "#b03a2e"_L1;
constexpr auto kNeutralColour = "#555555"_L1;

QLabel *selectable(QWidget *parent, const QString &name, bool monospace)
{
    auto *label = new QLabel(parent);
    label->setObjectName(name);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    label->setWordWrap(true);
    if (monospace)
        label->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    return label;
}

// Core's messages start in lower case, to follow a colon; on a line of their own they are sentences.
QString sentence(QString text)
{
    if (!text.isEmpty())
        text[0] = text[0].toUpper();
    if (!text.isEmpty() && !text.endsWith(u'.'))
        text += u'.';
    return text;
}

} // namespace

IntegrityPanel::IntegrityPanel(core::Ledger &ledger, QWidget *parent)
    : QWidget(parent)
    , m_ledger(ledger)
    , m_alarmText(ledger.alarm().value_or(QString()))
{
    buildUi();
    showAlarm();
    refresh();
    // New events move the size and the root (not while verifying: that reads the log itself).
    connect(&m_ledger, &core::Ledger::changed, this, [this] {
        if (!m_verifying)
            refresh();
    });
}

IntegrityPanel::~IntegrityPanel() = default;

void IntegrityPanel::buildUi()
{
    // The alarm banner: red, at the top, impossible to miss.
    m_banner = new QFrame(this);
    m_banner->setObjectName(u"alarmBanner"_s);
    m_banner->setAutoFillBackground(true);
    m_banner->setStyleSheet(u"QFrame#alarmBanner { background: #b03a2e; border-radius: 4px; }"
                            "QFrame#alarmBanner QLabel { color: white; }"_s);
    m_bannerText = new QLabel(m_banner);
    m_bannerText->setObjectName(u"alarmText"_s);
    m_bannerText->setWordWrap(true);
    m_bannerText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_acknowledge = new QPushButton(tr("&Acknowledge…"), m_banner);
    m_acknowledge->setObjectName(u"acknowledge"_s);
    auto *bannerLayout = new QHBoxLayout(m_banner);
    bannerLayout->addWidget(m_bannerText, 1);
    bannerLayout->addWidget(m_acknowledge, 0, Qt::AlignTop);
    // Accepting a log that failed its check is not undone by a second click: ask first.
    connect(m_acknowledge, &QPushButton::clicked, this, [this] {
        if (MessageBox::question(this, tr("Acknowledge the Integrity Alarm"),
                                 tr("Accept the event log as it is now and allow changes again? A "
                                    "signed checkpoint will record that you acknowledged the alarm."),
                                 QMessageBox::Yes | QMessageBox::Cancel,
                                 QMessageBox::Cancel) == QMessageBox::Yes)
            acknowledge();
    });

    auto *logBox = new QGroupBox(tr("Event log"), this);
    m_size = selectable(logBox, u"size"_s, false);
    m_root = selectable(logBox, u"root"_s, true);
    m_checkpoint = selectable(logBox, u"checkpoint"_s, false);
    m_checkpointRoot = selectable(logBox, u"checkpointRoot"_s, true);
    m_fingerprint = selectable(logBox, u"fingerprint"_s, true);
    auto *logForm = new QFormLayout(logBox);
    logForm->addRow(tr("Events:"), m_size);
    logForm->addRow(tr("Root:"), m_root);
    logForm->addRow(tr("Latest signed checkpoint:"), m_checkpoint);
    logForm->addRow(tr("Checkpoint root:"), m_checkpointRoot);
    logForm->addRow(tr("Device key fingerprint:"), m_fingerprint);

    auto *verifyBox = new QGroupBox(tr("Verification"), this);
    m_verify = new QPushButton(tr("&Verify now"), verifyBox);
    m_verify->setObjectName(u"verify"_s);
    m_verify->setToolTip(tr("Recompute every event's hash, the Merkle tree and the root, and check the "
                            "signed checkpoint"));
    m_cancel = new QPushButton(tr("Cancel"), verifyBox);
    m_cancel->setObjectName(u"cancel"_s);
    m_cancel->setEnabled(false);
    m_progress = new QProgressBar(verifyBox);
    m_progress->setObjectName(u"progress"_s);
    m_progress->setRange(0, kProgressSteps);
    m_progress->setValue(0);
    m_verdict = selectable(verifyBox, u"verdict"_s, false);
    QFont verdictFont = m_verdict->font();
    verdictFont.setBold(true);
    verdictFont.setPointSizeF(verdictFont.pointSizeF() * 1.15);
    m_verdict->setFont(verdictFont);
    m_verdict->setText(tr("Not verified in this session."));
    m_evidence = selectable(verifyBox, u"evidence"_s, false);
    m_evidence->hide();
    auto *verifyRow = new QHBoxLayout;
    verifyRow->addWidget(m_verify);
    verifyRow->addWidget(m_cancel);
    verifyRow->addWidget(m_progress, 1);
    auto *verifyLayout = new QVBoxLayout(verifyBox);
    verifyLayout->addLayout(verifyRow);
    verifyLayout->addWidget(m_verdict);
    verifyLayout->addWidget(m_evidence);
    connect(m_verify, &QPushButton::clicked, this, &IntegrityPanel::verifyNow);
    connect(m_cancel, &QPushButton::clicked, this, &IntegrityPanel::cancelVerify);

    auto *proveBox = new QGroupBox(tr("Prove this record"), this);
    m_eventGuid = new QLineEdit(proveBox);
    m_eventGuid->setObjectName(u"eventGuid"_s);
    m_eventGuid->setPlaceholderText(tr("Event ID"));
    m_eventGuid->setClearButtonEnabled(true);
    m_prove = new QPushButton(tr("&Prove"), proveBox);
    m_prove->setObjectName(u"prove"_s);
    m_export = new QPushButton(tr("&Export…"), proveBox);
    m_export->setObjectName(u"export"_s);
    m_export->setEnabled(false);
    m_export->setToolTip(tr("Save the proof as JSON, as `fieldledger-cli log proof` prints it"));
    m_proofText = new QPlainTextEdit(proveBox);
    m_proofText->setObjectName(u"proofText"_s);
    m_proofText->setReadOnly(true);
    m_proofText->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_proofText->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_proofText->setPlaceholderText(
        tr("Enter an event ID, or select an event in an audit trail, then Prove."));
    m_status = new QLabel(proveBox);
    m_status->setObjectName(u"status"_s);
    m_status->setWordWrap(true);
    auto *eventLabel = new QLabel(tr("E&vent:"), proveBox);
    eventLabel->setBuddy(m_eventGuid);
    auto *proveRow = new QHBoxLayout;
    proveRow->addWidget(eventLabel);
    proveRow->addWidget(m_eventGuid, 1);
    proveRow->addWidget(m_prove);
    proveRow->addWidget(m_export);
    auto *proveLayout = new QVBoxLayout(proveBox);
    proveLayout->addLayout(proveRow);
    proveLayout->addWidget(m_proofText, 1);
    proveLayout->addWidget(m_status);
    connect(m_prove, &QPushButton::clicked, this, [this] { proveEvent(m_eventGuid->text().trimmed()); });
    connect(m_eventGuid, &QLineEdit::returnPressed, this,
            [this] { proveEvent(m_eventGuid->text().trimmed()); });
    connect(m_export, &QPushButton::clicked, this, &IntegrityPanel::chooseExportPath);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_banner);
    layout->addWidget(logBox);
    layout->addWidget(verifyBox);
    layout->addWidget(proveBox, 1);
}

// --- alarm -----------------------------------------------------------------------------------

bool IntegrityPanel::hasAlarm() const
{
    return m_ledger.alarm().has_value() && !m_acknowledged;
}

QString IntegrityPanel::alarmText() const
{
    return m_ledger.alarm().value_or(m_alarmText);
}

void IntegrityPanel::showAlarm()
{
    m_banner->setVisible(hasAlarm());
    if (!hasAlarm())
        return;
    const bool administrator = m_ledger.user().role == core::Role::Administrator;
    QString text = u"<b>"_s + tr("INTEGRITY ALARM").toHtmlEscaped() + u"</b><br>"_s +
                   sentence(alarmText()).toHtmlEscaped() + u"<br>"_s +
                   tr("Changes are refused until this is resolved.").toHtmlEscaped();
    if (!administrator)
        text += u" "_s + tr("An administrator must acknowledge this alarm.").toHtmlEscaped();
    m_bannerText->setText(text);
    m_acknowledge->setVisible(administrator);
}

bool IntegrityPanel::acknowledge()
{
    if (!hasAlarm() || m_ledger.user().role != core::Role::Administrator)
        return false;
    // Core clears the alarm and signs a checkpoint recording who acknowledged it.
    if (const core::Status ok = m_ledger.acknowledgeAlarm(); !ok) {
        MessageBox::warning(this, tr("Integrity Alarm"),
                            tr("The alarm could not be acknowledged: %1").arg(ok.error().message));
        return false;
    }
    m_acknowledged = true;
    showAlarm();
    emit alarmAcknowledged();
    return true;
}

// --- status ----------------------------------------------------------------------------------

void IntegrityPanel::refresh()
{
    auto status = core::logStatus(m_ledger);
    if (!status) {
        m_size->setText(tr("Cannot be read: %1").arg(status.error().message));
        for (QLabel *label : {m_root, m_checkpoint, m_checkpointRoot})
            label->clear();
        m_fingerprint->setText(m_ledger.deviceFingerprint());
        m_verify->setEnabled(false);
        m_prove->setEnabled(false);
        return;
    }
    m_size->setText(QLocale().toString(qulonglong(status->size)));
    m_root->setText(core::toHex(status->root));
    if (status->checkpoint) {
        const core::CheckpointSummary &checkpoint = *status->checkpoint;
        QString text = tr("%n event(s), signed %1", nullptr, int(std::min<quint64>(checkpoint.size, INT_MAX)))
                           .arg(localTimeText(checkpoint.timestamp));
        if (!checkpoint.reason.isEmpty())
            text += u" "_s + tr("(%1)").arg(checkpoint.reason);
        m_checkpoint->setText(text);
        m_checkpointRoot->setText(checkpoint.root);
    } else {
        m_checkpoint->setText(tr("None yet (one is signed when the registry is closed)"));
        m_checkpointRoot->clear();
    }
    m_fingerprint->setText(status->deviceFingerprint.isEmpty() ? tr("(no device key)")
                                                               : status->deviceFingerprint);
    m_fingerprint->setToolTip(tr("Public key: %1").arg(status->devicePublicKeyHex));
}

// --- verification ----------------------------------------------------------------------------

void IntegrityPanel::verifyNow()
{
    if (m_verifying)
        return;
    m_verifying = true;
    m_cancelRequested = false;
    m_report.reset();
    m_verify->setEnabled(false);
    m_cancel->setEnabled(true);
    m_progress->setValue(0);
    setVerdict(tr("Verifying…"), kNeutralColour);
    m_sincePump.invalidate();

    const QPointer<IntegrityPanel> self(this);
    auto result = m_ledger.verify(
        [self](quint64 done, quint64 total) { return self && self->verifyProgress(done, total); });
    if (!self)
        return; // the panel went away while the event loop ran; nothing left to show
    m_verifying = false;
    m_verify->setEnabled(true);
    m_cancel->setEnabled(false);
    if (!result) {
        if (result.error().code == core::ErrorCode::Cancelled)
            setVerdict(tr("Verification cancelled."), kNeutralColour);
        else
            setVerdict(tr("Verification could not run: %1").arg(result.error().message), kFailedColour);
        emit verifyFinished(false);
        return;
    }
    m_report = *result;
    m_progress->setValue(kProgressSteps);
    if (m_report->ok) {
        setVerdict(tr("OK — all %1 events, the Merkle tree and the signed checkpoint verify.")
                       .arg(QLocale().toString(qulonglong(m_report->size))),
                   kOkColour, tr("Root %1").arg(core::toHex(m_report->root)));
    } else {
        QString where;
        if (m_report->badSeq && *m_report->badSeq >= 0 && !m_report->badGuid.isEmpty())
            where = tr("FAILED at event %1 (sequence %2)").arg(m_report->badGuid).arg(*m_report->badSeq);
        else if (m_report->badSeq && *m_report->badSeq >= 0)
            where = tr("FAILED at sequence %1").arg(*m_report->badSeq);
        else
            where = tr("FAILED: the signed checkpoint");
        setVerdict(where, kFailedColour, sentence(m_report->problem));
    }
    refresh();
    emit verifyFinished(m_report->ok);
}

bool IntegrityPanel::verifyProgress(quint64 done, quint64 total)
{
    if (total > 0)
        m_progress->setValue(int(std::min(done, total) * kProgressSteps / total));
    if (!m_sincePump.isValid() || m_sincePump.elapsed() >= kPumpEveryMs) {
        // One turn of a nested loop: repaint, let Cancel be clicked; see the class comment.
        QEventLoop loop;
        QTimer::singleShot(0, &loop, &QEventLoop::quit);
        loop.exec();
        m_sincePump.start();
    }
    return !m_cancelRequested;
}

void IntegrityPanel::cancelVerify()
{
    if (m_verifying)
        m_cancelRequested = true;
}

QString IntegrityPanel::verdictText() const
{
    return m_evidence->text().isEmpty() ? m_verdict->text() : m_verdict->text() + u'\n' + m_evidence->text();
}

void IntegrityPanel::setVerdict(const QString &text, QLatin1StringView colour, const QString &evidence)
{
    m_verdict->setText(text);
    m_verdict->setStyleSheet(u"color: %1;"_s.arg(colour));
    m_evidence->setText(evidence);
    m_evidence->setVisible(!evidence.isEmpty());
}

// --- proofs ----------------------------------------------------------------------------------

void IntegrityPanel::setEventGuid(const QString &eventGuid)
{
    m_eventGuid->setText(eventGuid);
}

bool IntegrityPanel::proveEvent(const QString &eventGuid)
{
    m_proof.reset();
    m_proofJson.clear();
    m_proofGuid.clear();
    m_export->setEnabled(false);
    m_proofText->clear();
    if (eventGuid.isEmpty()) {
        showStatus(tr("Enter the ID of an event."), true);
        return false;
    }
    m_eventGuid->setText(eventGuid);
    const quint64 size = m_ledger.log().size();
    auto proof = m_ledger.proof(eventGuid, size);
    if (!proof) {
        showStatus(proof.error().code == core::ErrorCode::NotFound
                       ? tr("No event %1 in this registry's log.").arg(eventGuid)
                       : tr("No proof: %1").arg(proof.error().message),
                   true);
        return false;
    }
    auto root = m_ledger.rootAt(proof->treeSize);
    auto line = core::inclusionProofLine(m_ledger, eventGuid, proof->treeSize);
    if (!root || !line) {
        showStatus(tr("No proof: %1").arg((!root ? root.error() : line.error()).message), true);
        return false;
    }
    m_proof = *proof;
    m_proofRoot = *root;
    m_proofJson = *line;
    m_proofGuid = eventGuid;

    QStringList lines;
    lines << tr("Event:       %1").arg(eventGuid) << tr("Leaf index:  %1").arg(proof->leafIndex)
          << tr("Tree size:   %1").arg(proof->treeSize) << tr("Root:        %1").arg(core::toHex(*root))
          << tr("Leaf hash:   %1").arg(core::toHex(proof->leafHash))
          << tr("Audit path (%n hash(es), the leaf's sibling first):", nullptr, int(proof->path.size()));
    for (std::size_t i = 0; i < proof->path.size(); ++i)
        lines << u"  %1. %2"_s.arg(i + 1, 2).arg(core::toHex(proof->path[i]));
    m_proofText->setPlainText(lines.join(u'\n'));
    m_export->setEnabled(true);
    if (auto checked = core::checkInclusion(*proof, *root); checked)
        showStatus(tr("Checked here (RFC 9162): the path leads from the leaf to the root."), false);
    else
        showStatus(tr("The proof does not lead to the root: %1").arg(checked.error().message), true);
    return true;
}

bool IntegrityPanel::exportProof(const QString &path)
{
    if (m_proofJson.isEmpty()) {
        showStatus(tr("Prove an event first."), true);
        return false;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(m_proofJson) != m_proofJson.size() || !file.commit()) {
        showStatus(tr("Cannot write %1: %2").arg(path, file.errorString()), true);
        return false;
    }
    showStatus(tr("Proof of %1 saved to %2.").arg(m_proofGuid, path), false);
    return true;
}

void IntegrityPanel::chooseExportPath()
{
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export Proof"), u"proof-%1.json"_s.arg(m_proofGuid), tr("JSON (*.json)"));
    if (!path.isEmpty())
        exportProof(path);
}

void IntegrityPanel::showStatus(const QString &text, bool problem)
{
    m_status->setText(text);
    m_status->setStyleSheet(problem ? u"color: %1;"_s.arg(kFailedColour) : QString());
}

} // namespace fieldledger::ui
