#pragma once

#include <QStringList>

namespace fieldledger::core {

class ReportRenderer;

// fieldledger-cli's PDF reports (`export --format pdf`). The CLI lives in core, which has no
// QtGui, so whoever links a renderer installs it here: app/cli/main.cpp installs the ui
// library's PdfReportRenderer, under a QGuiApplication it creates only when wantsPdf() says
// so. Without a renderer a PDF export fails with "pdf export is not available in this build".
//
// The renderer must outlive every runCli() call; null uninstalls it.
void setCliReportRenderer(const ReportRenderer *renderer);
[[nodiscard]] const ReportRenderer *cliReportRenderer();

// Whether fieldledger-cli's arguments (without the program name) ask for a PDF: the command is
// `export` and it has --format pdf, or --what household, or no --format and an --out ending in
// ".pdf".
[[nodiscard]] bool cliWantsPdf(const QStringList &arguments);

} // namespace fieldledger::core
