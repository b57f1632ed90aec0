#include "core/exchange/xlsxworkbook.h"

#include <QDateTime>
#include <QDir>
#include <QTimeZone>

#include <xlsxwriter.h>

#include <algorithm>
#include <clocale>
#include <cstdio>
#include <locale.h>

using namespace Qt::StringLiterals;

namespace fieldledger::core {
namespace {

constexpr qsizetype kMaxCellChars = 32767;  // Excel's limit for one cell
constexpr lxw_row_t kMaxRows = LXW_ROW_MAX; // rows per sheet, header included
constexpr qsizetype kMaxSheetNameChars = 31;
constexpr double kMinWidth = 8;
constexpr double kMaxWidth = 60;

Status lxwStatus(lxw_error error, const QString &what)
{
    if (error == LXW_NO_ERROR)
        return {};
    return fail(ErrorCode::Storage, u"XLSX: %1: %2"_s.arg(what, QString::fromUtf8(lxw_strerror(error))));
}

// libxlsxwriter prints numbers with snprintf("%.16g"), which follows LC_NUMERIC; a Qt
// application runs with the user's locale, where the decimal point may be a comma and would
// corrupt the XML. While a guard lives, this thread formats numbers in the "C" locale.
class CNumericLocale final {
public:
    CNumericLocale()
    {
        static const locale_t c = ::newlocale(LC_NUMERIC_MASK, "C", locale_t(nullptr));
        if (c != locale_t(nullptr))
            m_previous = ::uselocale(c);
    }
    ~CNumericLocale()
    {
        if (m_previous != locale_t(nullptr))
            ::uselocale(m_previous);
    }
    Q_DISABLE_COPY_MOVE(CNumericLocale)

private:
    locale_t m_previous = locale_t(nullptr);
};

QString sheetName(const QString &base, int part)
{
    if (part <= 1)
        return base.left(kMaxSheetNameChars);
    const QString suffix = u" (%1)"_s.arg(part);
    return base.left(kMaxSheetNameChars - suffix.size()) + suffix;
}

} // namespace

class XlsxSheet final : public TableSink {
public:
    XlsxSheet(XlsxWorkbook &book, QString name)
        : m_book(book)
        , m_name(std::move(name))
    {
    }

    Status open()
    {
        const QByteArray name = sheetName(m_name, m_part).toUtf8();
        m_sheet = workbook_add_worksheet(m_book.m_workbook, name.constData());
        if (m_sheet == nullptr)
            return fail(ErrorCode::Storage, u"XLSX: cannot add the sheet %1"_s.arg(QString::fromUtf8(name)));
        m_parts.push_back(m_sheet);
        m_row = 0;
        return writeHeader();
    }

    Status begin(const QStringList &columns) override
    {
        m_columns = columns;
        m_widths.assign(std::size_t(columns.size()), kMinWidth);
        for (qsizetype i = 0; i < columns.size(); ++i)
            widen(i, double(columns[i].size()) + 3); // room for the filter button
        return open();
    }

    Status row(const QList<Cell> &cells) override
    {
        if (m_row >= kMaxRows) {
            if (auto ok = finishPart(); !ok)
                return ok;
            ++m_part;
            if (auto ok = open(); !ok)
                return ok;
        }
        const CNumericLocale cLocale;
        for (qsizetype i = 0; i < cells.size(); ++i) {
            if (auto ok = writeCell(lxw_col_t(i), cells[i]); !ok)
                return ok;
        }
        ++m_row;
        return {};
    }

    Status end() override { return finishPart(); }

    // For a workbook abandoned before close(): libxlsxwriter's lxw_workbook_free() does not
    // close a constant-memory sheet's temporary file, so close it here (it is already
    // unlinked: closing frees its blocks).
    void abandon()
    {
        for (lxw_worksheet *sheet : m_parts) {
            if (sheet->optimize_tmpfile != nullptr) {
                std::fclose(sheet->optimize_tmpfile);
                sheet->optimize_tmpfile = nullptr;
                sheet->file = nullptr;
            }
        }
    }

private:
    Status writeHeader()
    {
        const CNumericLocale cLocale;
        for (qsizetype i = 0; i < m_columns.size(); ++i) {
            const QByteArray text = m_columns[i].left(kMaxCellChars).toUtf8();
            if (auto ok = lxwStatus(
                    worksheet_write_string(m_sheet, 0, lxw_col_t(i), text.constData(), m_book.m_header),
                    u"header"_s);
                !ok)
                return ok;
        }
        worksheet_freeze_panes(m_sheet, 1, 0);
        m_row = 1;
        return {};
    }

    // Widths, the autofilter over header and rows; the sheet's rows stay in its temporary file
    // until the workbook is closed.
    Status finishPart()
    {
        if (m_sheet == nullptr || m_columns.isEmpty())
            return {};
        for (std::size_t i = 0; i < m_widths.size(); ++i) {
            if (auto ok =
                    lxwStatus(worksheet_set_column(m_sheet, lxw_col_t(i), lxw_col_t(i), m_widths[i], nullptr),
                              u"column width"_s);
                !ok)
                return ok;
        }
        return lxwStatus(worksheet_autofilter(m_sheet, 0, 0, m_row - 1, lxw_col_t(m_columns.size() - 1)),
                         u"autofilter"_s);
    }

    void widen(qsizetype column, double width)
    {
        auto &current = m_widths[std::size_t(column)];
        current = std::clamp(std::max(current, width), kMinWidth, kMaxWidth);
    }

    Status writeText(lxw_col_t column, const QString &text)
    {
        QString value = text;
        if (value.size() > kMaxCellChars) {
            value.truncate(kMaxCellChars - 1);
            if (value.back().isHighSurrogate())
                value.chop(1);
            value.append(u'…');
            ++m_book.m_truncated;
        }
        widen(column, double(std::min<qsizetype>(value.size(), qsizetype(kMaxWidth))) + 1);
        const QByteArray utf8 = value.toUtf8();
        return lxwStatus(worksheet_write_string(m_sheet, m_row, column, utf8.constData(), nullptr),
                         u"text cell"_s);
    }

    Status writeCell(lxw_col_t column, const Cell &cell)
    {
        switch (cell.kind) {
        case Cell::Kind::Empty:
            return {};
        case Cell::Kind::Text:
            return writeText(column, cell.text);
        case Cell::Kind::Number:
            widen(column, double(cell.text.size()) + 2);
            return lxwStatus(worksheet_write_number(m_sheet, m_row, column, cell.number, nullptr),
                             u"number cell"_s);
        case Cell::Kind::Boolean:
            widen(column, 7);
            return lxwStatus(worksheet_write_boolean(m_sheet, m_row, column, cell.flag ? 1 : 0, nullptr),
                             u"boolean cell"_s);
        case Cell::Kind::Date: {
            if (cell.date.year() < 1900 || cell.date.year() > 9999)
                return writeText(column, cell.text);
            lxw_datetime when{cell.date.year(), cell.date.month(), cell.date.day(), 0, 0, 0.0};
            widen(column, 12);
            return lxwStatus(worksheet_write_datetime(m_sheet, m_row, column, &when, m_book.m_date),
                             u"date cell"_s);
        }
        case Cell::Kind::DateTime: {
            // Excel has no time zones: the instant is shown in UTC.
            qint64 seconds = cell.instantNs / 1'000'000'000;
            qint64 nanos = cell.instantNs % 1'000'000'000;
            if (nanos < 0) {
                nanos += 1'000'000'000;
                --seconds;
            }
            const QDateTime utc = QDateTime::fromSecsSinceEpoch(seconds, QTimeZone::utc());
            const QDate date = utc.date();
            const QTime time = utc.time();
            if (date.year() < 1900 || date.year() > 9999)
                return writeText(column, cell.text);
            lxw_datetime when{date.year(),   date.month(),
                              date.day(),    time.hour(),
                              time.minute(), double(time.second()) + double(nanos / 1'000'000) / 1000.0};
            widen(column, 25);
            return lxwStatus(worksheet_write_datetime(m_sheet, m_row, column, &when, m_book.m_dateTime),
                             u"date-time cell"_s);
        }
        }
        return {};
    }

    XlsxWorkbook &m_book;
    QString m_name;
    QStringList m_columns;
    std::vector<double> m_widths;
    lxw_worksheet *m_sheet = nullptr;
    std::vector<lxw_worksheet *> m_parts; // every sheet this one has written, continuations included
    lxw_row_t m_row = 0;
    int m_part = 1;
};

Result<std::unique_ptr<XlsxWorkbook>> XlsxWorkbook::create(const QString &path,
                                                           const QString &temporaryFolder)
{
    std::unique_ptr<XlsxWorkbook> book(new XlsxWorkbook);
    book->m_path = QFile::encodeName(path);
    book->m_temporaryFolder = QFile::encodeName(QDir(temporaryFolder).absolutePath());
    lxw_workbook_options options{};
    options.constant_memory = LXW_TRUE;
    options.tmpdir = book->m_temporaryFolder.data();
    // use_zip64 stays off: some readers refuse ZIP64 archives, and a sheet of a million rows
    // stays well under 4 GB of XML.
    book->m_workbook = workbook_new_opt(book->m_path.constData(), &options);
    if (book->m_workbook == nullptr)
        return fail(ErrorCode::Storage, u"XLSX: cannot start a workbook at %1"_s.arg(path));
    book->m_header = workbook_add_format(book->m_workbook);
    format_set_bold(book->m_header);
    book->m_dateTime = workbook_add_format(book->m_workbook);
    format_set_num_format(book->m_dateTime, "yyyy-mm-dd hh:mm:ss.000");
    book->m_date = workbook_add_format(book->m_workbook);
    format_set_num_format(book->m_date, "yyyy-mm-dd");
    return book;
}

XlsxWorkbook::~XlsxWorkbook()
{
    if (m_workbook == nullptr)
        return;
    for (const auto &sheet : m_sheets)
        sheet->abandon();
    lxw_workbook_free(m_workbook);
}

Result<TableSink *> XlsxWorkbook::addSheet(const QString &name)
{
    if (m_workbook == nullptr)
        return fail(ErrorCode::InvalidArgument, u"XLSX: the workbook is closed"_s);
    m_sheets.push_back(std::make_unique<XlsxSheet>(*this, name));
    return m_sheets.back().get();
}

Status XlsxWorkbook::close()
{
    if (m_workbook == nullptr)
        return fail(ErrorCode::InvalidArgument, u"XLSX: the workbook is closed"_s);
    const CNumericLocale cLocale;
    lxw_workbook *workbook = m_workbook;
    m_workbook = nullptr; // workbook_close frees it, whatever it returns
    return lxwStatus(workbook_close(workbook), u"cannot write the workbook"_s);
}

} // namespace fieldledger::core
