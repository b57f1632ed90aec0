#pragma once

#include "core/common/result.h"
#include "core/exchange/tablesink.h"

#include <QString>

#include <memory>
#include <vector>

struct lxw_workbook;
struct lxw_format;

namespace fieldledger::core {

class XlsxSheet;

// An XLSX workbook written with libxlsxwriter in constant-memory mode: each sheet's rows go to
// a temporary file as they are written, so memory stays flat however many rows there are.
//
// Where plaintext goes: libxlsxwriter (Debian's 1.1.4 build, with its bundled tmpfileplus)
// makes its temporary files with O_CREAT|O_EXCL, mode 0600, in `temporaryFolder` and unlinks
// each one right after creating it, so no named file holding registry data exists beside the
// workbook, and the kernel frees the blocks when the file is closed (on close(), on free, or
// when the process dies). Passing the destination folder keeps those blocks on the same disk as
// the export itself, never in the system's /tmp. The workbook file itself is opened only by
// close().
//
// Strings are written as inline strings (t="inlineStr": constant-memory mode has no shared
// string table), numbers as numbers, dates as serial numbers with a date format; no cell is
// ever a formula. A string longer than Excel's 32,767 characters is cut and ends with "…".
class XlsxWorkbook final {
public:
    [[nodiscard]] static Result<std::unique_ptr<XlsxWorkbook>> create(const QString &path,
                                                                      const QString &temporaryFolder);
    // Without close(): frees everything and writes nothing (the output file is never created).
    ~XlsxWorkbook();
    Q_DISABLE_COPY_MOVE(XlsxWorkbook)

    // A new sheet, rows in order. Names are at most 31 characters; a sheet that reaches
    // Excel's 1,048,576 rows continues on "<name> (2)", "<name> (3)", ... with the same header.
    [[nodiscard]] Result<TableSink *> addSheet(const QString &name);
    // Assembles and writes the file.
    [[nodiscard]] Status close();

    // Cells cut at 32,767 characters so far.
    [[nodiscard]] quint64 truncatedCells() const { return m_truncated; }

private:
    friend class XlsxSheet;
    XlsxWorkbook() = default;

    lxw_workbook *m_workbook = nullptr;
    lxw_format *m_header = nullptr;
    lxw_format *m_dateTime = nullptr;
    lxw_format *m_date = nullptr;
    QByteArray m_path;
    QByteArray m_temporaryFolder;
    std::vector<std::unique_ptr<XlsxSheet>> m_sheets;
    quint64 m_truncated = 0;
};

} // namespace fieldledger::core
