#include "core/exchange/reportrenderer.h"

using namespace Qt::StringLiterals;

namespace fieldledger::core {

QString paperSizeName(PaperSize paper)
{
    switch (paper) {
    case PaperSize::A4:
        return u"a4"_s;
    case PaperSize::Letter:
        return u"letter"_s;
    }
    return {};
}

Result<PaperSize> paperSizeFromName(QStringView name)
{
    for (const PaperSize paper : {PaperSize::A4, PaperSize::Letter}) {
        if (name.compare(paperSizeName(paper), Qt::CaseInsensitive) == 0)
            return paper;
    }
    return fail(ErrorCode::InvalidArgument, u"unknown paper size '%1': expected a4 or letter"_s.arg(name));
}

PaperSize defaultPaperSize(const QLocale &locale)
{
    return locale.measurementSystem() == QLocale::ImperialUSSystem ? PaperSize::Letter : PaperSize::A4;
}

} // namespace fieldledger::core
