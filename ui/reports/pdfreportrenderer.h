#pragma once

#include "core/exchange/reportrenderer.h"

#include <QCoreApplication>

namespace fieldledger::ui {

// The printed reports, as PDF (QPdfWriter), on A4 or Letter: a household profile and the
// registry summary with its charts. Every word is real text (pdftotext extracts it); charts are
// vector drawings (chartpainter.h). core computes every number (core::householdProfile,
// core::summarize); this class only lays them out.
//
// Drawing text needs a QGuiApplication (fonts): without one both calls fail (Unsupported).
// fieldledger-cli creates one on the offscreen platform when a PDF is asked for.
class PdfReportRenderer final : public core::ReportRenderer {
    Q_DECLARE_TR_FUNCTIONS(fieldledger::ui::PdfReportRenderer)

public:
    [[nodiscard]] core::Result<int> householdProfile(const core::HouseholdProfile &profile,
                                                     const core::ReportContext &context,
                                                     QIODevice &device) const override;
    [[nodiscard]] core::Result<int> summary(const core::RegistrySummary &summary,
                                            const core::ReportContext &context,
                                            QIODevice &device) const override;
};

} // namespace fieldledger::ui
