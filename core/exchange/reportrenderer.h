#pragma once

#include "core/common/result.h"

#include <QLocale>
#include <QString>
#include <QStringView>

class QIODevice;

namespace fieldledger::core {

struct HouseholdProfile;
struct RegistrySummary;

enum class PaperSize { A4, Letter };

// "a4", "letter".
[[nodiscard]] QString paperSizeName(PaperSize paper);
[[nodiscard]] Result<PaperSize> paperSizeFromName(QStringView name);
// Letter where the locale measures in US units (the United States and a few others), else A4.
[[nodiscard]] PaperSize defaultPaperSize(const QLocale &locale);

// What every printed report says about where it comes from.
struct ReportContext {
    QString registryName;
    QString generatedAt; // RFC 3339, UTC, from the injected clock
    QString generatedBy; // the acting user's id
    PaperSize paper = PaperSize::A4;
};

// Draws printed reports. core computes every number (householdProfile(), summarize()); a
// renderer only lays them out. core has no QtGui, so the PDF renderer lives in the ui library
// (ui/reports/pdfreportrenderer.h) and is handed to the Exporter by whoever links it: the app,
// and fieldledger-cli's main().
class ReportRenderer {
public:
    virtual ~ReportRenderer() = default;
    // One document to `device` (open for writing). Returns the number of pages.
    [[nodiscard]] virtual Result<int> householdProfile(const HouseholdProfile &profile,
                                                       const ReportContext &context,
                                                       QIODevice &device) const = 0;
    [[nodiscard]] virtual Result<int> summary(const RegistrySummary &summary, const ReportContext &context,
                                              QIODevice &device) const = 0;
};

} // namespace fieldledger::core
