#pragma once

#include "core/exchange/reportrenderer.h"
#include "ui/reports/formlabels.h"

#include <QCoreApplication>

namespace fieldledger::ui {

// The printed reports, as PDF (QPdfWriter), on A4 or Letter: a household profile and the
// registry summary with its charts. Every word is real text (pdftotext extracts it); charts are
// vector drawings (chartpainter.h). core computes every number (core::householdProfile,
// core::summarize); this class only lays them out.
//
// Stored names are printed as the default forms word them (FormLabels): questions for data
// keys, labels for choices ("upper_mesa" is "Upper Mesa").
//
// Drawing text needs a QGuiApplication (fonts): without one both calls fail (Unsupported).
// fieldledger-cli creates one on the offscreen platform when a PDF is asked for.
class PdfReportRenderer final : public core::ReportRenderer {
    Q_DECLARE_TR_FUNCTIONS(fieldledger::ui::PdfReportRenderer)

public:
    // The default forms' labels in the current language.
    PdfReportRenderer();
    explicit PdfReportRenderer(FormLabels labels);

    [[nodiscard]] core::Result<int> householdProfile(const core::HouseholdProfile &profile,
                                                     const core::ReportContext &context,
                                                     QIODevice &device) const override;
    [[nodiscard]] core::Result<int> summary(const core::RegistrySummary &summary,
                                            const core::ReportContext &context,
                                            QIODevice &device) const override;

private:
    FormLabels m_labels;
};

} // namespace fieldledger::ui
