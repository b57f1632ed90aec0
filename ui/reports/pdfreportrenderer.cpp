#include "ui/reports/pdfreportrenderer.h"

#include "core/events/timestamp.h"
#include "core/exchange/householdprofile.h"
#include "core/exchange/summary.h"
#include "ui/reports/chartpainter.h"

#include <QFontMetricsF>
#include <QGuiApplication>
#include <QJsonArray>
#include <QLocale>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>

#include <algorithm>
#include <functional>
#include <memory>

using namespace Qt::StringLiterals;

namespace fieldledger::ui {
namespace {

constexpr int kResolution = 300; // dots per inch of the PDF's coordinate system
constexpr qreal kMarginMm = 15;
constexpr qsizetype kLongValue = 80; // characters of a changed value shown in the timeline

const QColor kInk(0x1f, 0x1f, 0x1f);
const QColor kMuted(0x5f, 0x63, 0x68);
const QColor kRule(0xc8, 0xcc, 0xd0);
const QColor kHeaderFill(0xee, 0xf1, 0xf4);
const QColor kAccent(0x1f, 0x6f, 0xb2);
const QColor kWarning(0xb0, 0x3a, 0x2e);
const QList<QColor> kSeries{QColor(0x1f, 0x6f, 0xb2), QColor(0x2e, 0x8b, 0x57), QColor(0xd9, 0x8c, 0x1f),
                            QColor(0x8e, 0x44, 0xad)};

QFont font(qreal points, bool bold = false, bool mono = false)
{
    QFont f;
    f.setFamilies(mono ? QStringList{u"DejaVu Sans Mono"_s, u"Noto Mono"_s, u"monospace"_s}
                       : QStringList{u"DejaVu Sans"_s, u"Noto Sans"_s, u"sans-serif"_s});
    f.setPointSizeF(points);
    f.setBold(bold);
    return f;
}

// One PDF being written: pages of a fixed width, a cursor moving down the current page, and
// a footer on every page. Blocks that do not fit start a new page.
class ReportDocument final {
public:
    ReportDocument(QIODevice &device, const core::ReportContext &context, QString title)
        : m_writer(&device)
        , m_context(context)
        , m_title(std::move(title))
    {
        m_writer.setPageSize(
            QPageSize(context.paper == core::PaperSize::Letter ? QPageSize::Letter : QPageSize::A4));
        m_writer.setPageMargins(QMarginsF(kMarginMm, kMarginMm, kMarginMm, kMarginMm),
                                QPageLayout::Millimeter);
        m_writer.setResolution(kResolution);
        m_writer.setTitle(m_title);
        m_writer.setCreator(u"FieldLedger"_s);
    }

    core::Status begin()
    {
        if (!m_painter.begin(&m_writer))
            return core::fail(core::ErrorCode::Storage, u"cannot start the PDF"_s);
        m_page = QRectF(0, 0, m_writer.width(), m_writer.height());
        m_footerTop = m_page.bottom() - lineHeight(font(7.5)) * 1.6;
        m_y = 0;
        m_pages = 1;
        return {};
    }

    core::Result<int> finish()
    {
        paintFooter();
        if (!m_painter.end())
            return core::fail(core::ErrorCode::Storage, u"cannot write the PDF"_s);
        return m_pages;
    }

    [[nodiscard]] qreal mm(qreal millimetres) const { return millimetres * kResolution / 25.4; }
    [[nodiscard]] qreal width() const { return m_page.width(); }
    [[nodiscard]] qreal left() const { return m_page.left(); }
    QPainter &painter() { return m_painter; }

    qreal lineHeight(const QFont &f) { return QFontMetricsF(f, &m_writer).height(); }

    // The height `text` takes in `f` when wrapped to `width`.
    qreal textHeight(const QString &text, const QFont &f, qreal width, int flags = Qt::TextWordWrap)
    {
        if (text.isEmpty())
            return lineHeight(f);
        m_painter.setFont(f);
        return m_painter.boundingRect(QRectF(0, 0, width, 1e7), flags | Qt::AlignLeft | Qt::AlignTop, text)
            .height();
    }

    // Makes room for `height` on this page or the next; returns the top of the room.
    qreal reserve(qreal height)
    {
        if (m_y + height > m_footerTop && m_y > 0)
            newPage();
        const qreal top = m_y;
        m_y += height;
        return top;
    }
    [[nodiscard]] qreal roomLeft() const { return m_footerTop - m_y; }
    void space(qreal millimetres) { m_y += mm(millimetres); }

    void newPage()
    {
        paintFooter();
        m_writer.newPage();
        ++m_pages;
        m_y = 0;
        // The report's title, small, at the top of every page after the first.
        const QFont f = font(8, true);
        m_painter.setFont(f);
        m_painter.setPen(kMuted);
        m_painter.drawText(QRectF(left(), 0, width(), lineHeight(f)), Qt::AlignLeft | Qt::AlignTop,
                           m_title + u" — "_s + m_context.registryName);
        m_y = lineHeight(f) + mm(3);
    }

    void text(const QString &content, const QFont &f, const QColor &color = kInk, qreal indent = 0)
    {
        const qreal height = textHeight(content, f, width() - indent);
        const qreal top = reserve(height);
        m_painter.setFont(f);
        m_painter.setPen(color);
        m_painter.drawText(QRectF(left() + indent, top, width() - indent, height),
                           Qt::TextWordWrap | Qt::AlignLeft | Qt::AlignTop, content);
    }

    // `keepMm`: how much of what follows must fit under the heading on the same page.
    void heading(const QString &content, qreal keepMm = 25)
    {
        const QFont f = font(11.5, true);
        if (roomLeft() < lineHeight(f) + mm(4 + 1.5 + keepMm))
            newPage();
        space(4);
        text(content, f, kAccent);
        const qreal rule = reserve(mm(1.5));
        m_painter.setPen(QPen(kRule, mm(0.25)));
        m_painter.drawLine(QPointF(left(), rule + mm(0.5)), QPointF(left() + width(), rule + mm(0.5)));
    }

    // A table; `fractions` are the columns' shares of the width. The header row is repeated at
    // the top of every page the table runs onto. Cells in `monoColumns` use a fixed-width font.
    void table(const QStringList &headers, const QList<qreal> &fractions, const QList<QStringList> &rows,
               const QList<int> &monoColumns = {})
    {
        const QFont headerFont = font(8.5, true);
        const QFont cellFont = font(8.5);
        const QFont monoFont = font(8, false, true);
        const qreal pad = mm(1.2);
        QList<qreal> widths;
        for (const qreal fraction : fractions)
            widths.append(width() * fraction);

        auto rowHeight = [&](const QStringList &cells, bool header) {
            qreal tallest = 0;
            for (qsizetype c = 0; c < cells.size() && c < widths.size(); ++c) {
                const QFont &f = header ? headerFont : monoColumns.contains(int(c)) ? monoFont : cellFont;
                tallest = std::max(tallest, textHeight(cells[c], f, widths[c] - 2 * pad));
            }
            return tallest + 2 * pad;
        };
        auto paintRow = [&](const QStringList &cells, bool header, qreal top, qreal height) {
            if (header)
                m_painter.fillRect(QRectF(left(), top, width(), height), kHeaderFill);
            qreal x = left();
            for (qsizetype c = 0; c < cells.size() && c < widths.size(); ++c) {
                const QFont &f = header ? headerFont : monoColumns.contains(int(c)) ? monoFont : cellFont;
                m_painter.setFont(f);
                m_painter.setPen(kInk);
                m_painter.drawText(QRectF(x + pad, top + pad, widths[c] - 2 * pad, height - 2 * pad),
                                   Qt::TextWordWrap | Qt::AlignLeft | Qt::AlignTop, cells[c]);
                x += widths[c];
            }
            m_painter.setPen(QPen(kRule, mm(0.2)));
            m_painter.drawLine(QPointF(left(), top + height), QPointF(left() + width(), top + height));
        };

        const qreal headerHeight = rowHeight(headers, true);
        auto paintHeader = [&]() { paintRow(headers, true, reserve(headerHeight), headerHeight); };
        if (roomLeft() < headerHeight * 2.5)
            newPage();
        paintHeader();
        for (const QStringList &cells : rows) {
            const qreal height = rowHeight(cells, false);
            if (m_y + height > m_footerTop) {
                newPage();
                paintHeader();
            }
            paintRow(cells, false, reserve(height), height);
        }
    }

    // Two columns: a label and its value, without header.
    void keyValues(const QList<std::pair<QString, QString>> &rows, const QList<int> &monoRows = {})
    {
        const QFont keyFont = font(8.5, true);
        const QFont valueFont = font(8.5);
        const QFont monoFont = font(8, false, true);
        const qreal keyWidth = width() * 0.3;
        const qreal valueWidth = width() - keyWidth;
        const qreal pad = mm(0.9);
        for (qsizetype i = 0; i < rows.size(); ++i) {
            const QFont &f = monoRows.contains(int(i)) ? monoFont : valueFont;
            const qreal height = std::max(textHeight(rows[i].first, keyFont, keyWidth - 2 * pad),
                                          textHeight(rows[i].second, f, valueWidth - 2 * pad)) +
                                 2 * pad;
            const qreal top = reserve(height);
            m_painter.setPen(kMuted);
            m_painter.setFont(keyFont);
            m_painter.drawText(QRectF(left() + pad, top + pad, keyWidth - 2 * pad, height),
                               Qt::TextWordWrap | Qt::AlignLeft | Qt::AlignTop, rows[i].first);
            m_painter.setPen(kInk);
            m_painter.setFont(f);
            m_painter.drawText(QRectF(left() + keyWidth + pad, top + pad, valueWidth - 2 * pad, height),
                               Qt::TextWordWrap | Qt::AlignLeft | Qt::AlignTop, rows[i].second);
        }
    }

    // Figures side by side in boxes: a big number over its label.
    void figures(const QList<std::pair<QString, QString>> &items)
    {
        if (items.isEmpty())
            return;
        const QFont numberFont = font(15, true);
        const QFont labelFont = font(7.5);
        const qreal gap = mm(3);
        const qreal boxWidth = (width() - gap * qreal(items.size() - 1)) / qreal(items.size());
        const qreal height = lineHeight(numberFont) + lineHeight(labelFont) + mm(4);
        const qreal top = reserve(height);
        for (qsizetype i = 0; i < items.size(); ++i) {
            const QRectF box(left() + (boxWidth + gap) * qreal(i), top, boxWidth, height);
            m_painter.fillRect(box, kHeaderFill);
            m_painter.setPen(kAccent);
            m_painter.setFont(numberFont);
            m_painter.drawText(box.adjusted(mm(2), mm(1.5), -mm(2), 0), Qt::AlignLeft | Qt::AlignTop,
                               items[i].second);
            m_painter.setPen(kMuted);
            m_painter.setFont(labelFont);
            m_painter.drawText(box.adjusted(mm(2), 0, -mm(2), -mm(1.5)), Qt::AlignLeft | Qt::AlignBottom,
                               items[i].first);
        }
    }

    void columnChart(const QList<ChartBar> &bars, qreal heightMm, const QColor &color)
    {
        const qreal top = reserve(mm(heightMm));
        m_painter.setFont(font(7));
        paintColumnChart(m_painter, QRectF(left(), top, width(), mm(heightMm)), bars, color);
    }

    // A bar list split over pages when it is long.
    void barList(const QList<ChartBar> &bars, const QColor &color)
    {
        m_painter.setFont(font(8));
        qsizetype at = 0;
        while (at < bars.size()) {
            const qreal row = barListHeight(m_painter, 1);
            qsizetype fit = qsizetype(roomLeft() / row);
            if (fit < 1) {
                newPage();
                m_painter.setFont(font(8));
                fit = qsizetype(roomLeft() / row);
            }
            const QList<ChartBar> chunk = bars.mid(at, std::max<qsizetype>(fit, 1));
            const qreal height = barListHeight(m_painter, chunk.size());
            const qreal top = reserve(height);
            paintBarList(m_painter, QRectF(left(), top, width() * 0.85, height), chunk, color);
            at += chunk.size();
        }
    }

    void stackedBar(const QList<ChartBar> &parts)
    {
        m_painter.setFont(font(8));
        const qreal height = stackedBarHeight(m_painter, width(), parts);
        const qreal top = reserve(height);
        paintStackedBar(m_painter, QRectF(left(), top, width(), height), parts, kSeries);
    }

private:
    void paintFooter()
    {
        const QFont f = font(7.5);
        m_painter.setFont(f);
        m_painter.setPen(QPen(kRule, mm(0.2)));
        m_painter.drawLine(QPointF(left(), m_footerTop + mm(1)),
                           QPointF(left() + width(), m_footerTop + mm(1)));
        m_painter.setPen(kMuted);
        const QRectF line(left(), m_page.bottom() - lineHeight(f), width(), lineHeight(f));
        m_painter.drawText(line, Qt::AlignLeft | Qt::AlignVCenter,
                           u"FieldLedger · %1 · %2 · %3"_s.arg(m_context.registryName, m_context.generatedAt,
                                                               m_context.generatedBy));
        m_painter.drawText(line, Qt::AlignRight | Qt::AlignVCenter, QString::number(m_pages));
    }

    QPdfWriter m_writer;
    QPainter m_painter;
    core::ReportContext m_context;
    QString m_title;
    QRectF m_page;
    qreal m_footerTop = 0;
    qreal m_y = 0;
    int m_pages = 0;
};

QString shortened(const QString &text)
{
    return text.size() > kLongValue ? text.left(kLongValue - 1) + u"…"_s : text;
}

QString idList(const QJsonValue &value)
{
    QStringList ids;
    for (const QJsonValue &id : value.toArray())
        ids.append(id.toString());
    return ids.join(u", "_s);
}

} // namespace

// The words of the household profile (a class so that tr() has a context).
class HouseholdProfileReport final {
    Q_DECLARE_TR_FUNCTIONS(fieldledger::ui::HouseholdProfileReport)

public:
    static core::Result<int> write(const core::HouseholdProfile &profile, const core::ReportContext &context,
                                   QIODevice &device, const FormLabels &labels)
    {
        const core::Entity &household = profile.household;
        const QString name = core::displayText(household.data.value(u"name"_s));
        ReportDocument doc(device, context, tr("Household profile"));
        if (auto ok = doc.begin(); !ok)
            return std::unexpected(ok.error());

        doc.text(tr("Household profile"), font(9, true), kMuted);
        doc.text(name.isEmpty() ? household.guid : name, font(18, true));
        const QString when =
            profile.asOfNs ? tr("As of %1").arg(asText(*profile.asOfNs)) : tr("Current state");
        doc.text(u"%1 · %2"_s.arg(context.registryName, when), font(9), kMuted);
        doc.text(tr("Printed %1 by %2").arg(context.generatedAt, context.generatedBy), font(8), kMuted);
        if (household.deleted)
            doc.text(tr("This household was deleted. It is kept, with its history, in the registry."),
                     font(9, true), kWarning);

        doc.heading(tr("Household"));
        QList<std::pair<QString, QString>> fields{{tr("Household ID"), household.guid}};
        for (const QString &key : profile.fieldOrder)
            fields.append(
                {labels.fieldLabel(FormLabels::Scope::Household, key), fieldText(profile, key, labels)});
        fields.append({tr("Members"), QString::number(household.memberIds.size())});
        fields.append({tr("Version"), QString::number(household.version)});
        fields.append({tr("Last updated"), household.lastUpdated});
        doc.keyValues(fields);

        doc.heading(tr("Members (%n)", nullptr, int(profile.members.size())));
        if (profile.members.isEmpty()) {
            doc.text(tr("No members."), font(9), kMuted);
        } else {
            QList<QStringList> rows;
            for (const core::ProfileMember &member : profile.members)
                rows.append(memberRow(member, labels));
            doc.table({tr("Name"), tr("Sex"), tr("Birth date / age"), tr("Relationship"), tr("Member ID")},
                      {0.3, 0.1, 0.2, 0.17, 0.23}, rows, {4});
        }

        doc.heading(tr("History (events: %n)", nullptr, int(profile.timeline.size())));
        QList<QStringList> events;
        for (const core::ProfileEvent &event : profile.timeline) {
            // A space instead of the 'T' lets the timestamp wrap in its narrow column.
            events.append({QString::number(event.seq), QString(event.timestamp).replace(u'T', u' '),
                           event.userId, event.late ? tr("%1 (arrived late)").arg(event.type) : event.type,
                           changesText(event, labels)});
        }
        doc.table({tr("Seq"), tr("When"), tr("By"), tr("Event"), tr("Changes")},
                  {0.06, 0.17, 0.12, 0.17, 0.48}, events);

        doc.heading(tr("Verification"));
        doc.keyValues({{tr("Log size"), QString::number(profile.logSize)},
                       {tr("Log root"), profile.rootHex},
                       {tr("Household's last event"),
                        profile.lastEventSeq < 0 ? tr("none") : tr("sequence %1").arg(profile.lastEventSeq)},
                       {tr("Its event ID"), profile.lastEventGuid}},
                      {1, 3});
        doc.space(2);
        doc.text(tr("To check this paper against the registry later: \"fieldledger-cli log root --size %1\" "
                    "prints the root above, and \"fieldledger-cli log proof %2 --size %1\" proves that the "
                    "household's last event is part of that log. A registry whose log no longer gives this "
                    "root has been rewritten.")
                     .arg(profile.logSize)
                     .arg(profile.lastEventGuid.isEmpty() ? u"EVENT"_s : profile.lastEventGuid),
                 font(8), kMuted);
        return doc.finish();
    }

private:
    static QString asText(qint64 instantNs)
    {
        return core::Timestamp::fromNsSinceEpoch(instantNs).toUtcMillisString();
    }

    static QString fieldText(const core::HouseholdProfile &profile, const QString &key,
                             const FormLabels &labels)
    {
        const QJsonValue value = profile.household.data.value(key);
        if (key == u"headId" && value.isString()) {
            for (const core::ProfileMember &member : profile.members) {
                if (member.guid == value.toString() && !member.name.isEmpty())
                    return u"%1 (%2)"_s.arg(member.name, value.toString());
            }
        }
        return labels.valueText(FormLabels::Scope::Household, key, value);
    }

    static QStringList memberRow(const core::ProfileMember &member, const FormLabels &labels)
    {
        if (!member.found)
            return {tr("(not readable)"), QString(), QString(), QString(), member.guid};
        QString born = member.birthDate;
        if (!member.age.isEmpty())
            born =
                born.isEmpty() ? tr("%1 years").arg(member.age) : tr("%1 (%2 years)").arg(born, member.age);
        QString name = member.name.isEmpty() ? tr("(no name)") : member.name;
        if (member.isGroup)
            name = tr("%1 (household)").arg(name);
        const auto shown = [&](const QString &key, const QString &text) {
            const QJsonValue value = member.data.value(key);
            return value.isString() ? labels.valueText(FormLabels::Scope::Member, key, value) : text;
        };
        return {name, shown(u"sex"_s, member.sex), born, shown(u"relationship"_s, member.relationship),
                member.guid};
    }

    static QString changesText(const core::ProfileEvent &event, const FormLabels &labels)
    {
        const auto shown = [&](const QString &field, const QJsonValue &value) {
            return shortened(labels.valueText(FormLabels::Scope::Household, field, value));
        };
        QStringList lines;
        for (const core::ProfileChange &change : event.changes) {
            if (change.field == u"memberIds") {
                if (change.newValue)
                    lines.append(tr("joined: %1").arg(idList(*change.newValue)));
                if (change.oldValue)
                    lines.append(tr("left: %1").arg(idList(*change.oldValue)));
            } else if (change.field == u"deleted") {
                lines.append(change.newValue && change.newValue->toBool() ? tr("deleted") : tr("restored"));
            } else if (change.oldValue && change.newValue) {
                lines.append(u"%1: %2 → %3"_s.arg(change.field, shown(change.field, *change.oldValue),
                                                  shown(change.field, *change.newValue)));
            } else if (change.newValue) {
                lines.append(u"%1: %2"_s.arg(change.field, shown(change.field, *change.newValue)));
            } else {
                lines.append(tr("%1 removed").arg(change.field));
            }
        }
        if (!event.reason.isEmpty())
            lines.append(tr("reason: %1").arg(event.reason));
        return lines.join(u'\n');
    }
};

// The words of the summary report.
class SummaryReport final {
    Q_DECLARE_TR_FUNCTIONS(fieldledger::ui::SummaryReport)

public:
    static core::Result<int> write(const core::RegistrySummary &summary, const core::ReportContext &context,
                                   QIODevice &device, const FormLabels &labels)
    {
        ReportDocument doc(device, context, tr("Registry summary"));
        if (auto ok = doc.begin(); !ok)
            return std::unexpected(ok.error());
        const QLocale locale;

        doc.text(tr("Registry summary"), font(18, true));
        const QString when =
            summary.asOfNs
                ? tr("As of %1").arg(core::Timestamp::fromNsSinceEpoch(*summary.asOfNs).toUtcMillisString())
                : tr("Current state");
        doc.text(u"%1 · %2"_s.arg(context.registryName, when), font(9), kMuted);
        if (!summary.filter.isEmpty())
            doc.text(tr("Only households registered %1").arg(filterText(summary.filter, labels)), font(9),
                     kMuted);
        doc.text(tr("Printed %1 by %2").arg(context.generatedAt, context.generatedBy), font(8), kMuted);
        doc.space(3);
        doc.figures({{tr("Households"), locale.toString(summary.households)},
                     {tr("Members"), locale.toString(summary.members)},
                     {tr("Villages"), locale.toString(qsizetype(summary.householdsPerVillage.size()))},
                     {tr("Events in the log"), locale.toString(summary.events)}});

        doc.heading(tr("Registrations per day"));
        QList<ChartBar> days;
        for (const auto &[day, count] : summary.dailyRegistrations())
            days.append({day.toString(u"MM-dd"_s), count});
        if (days.isEmpty())
            doc.text(tr("No registrations."), font(9), kMuted);
        else
            doc.columnChart(days, 55, kSeries[0]);
        doc.text(tr("Days are UTC days of each household's registration (its first event)."), font(7.5),
                 kMuted);

        doc.heading(tr("Registrations per enumerator"));
        doc.barList(sortedByCount(summary.registrationsPerEnumerator, tr("(unknown)"), {}), kSeries[1]);

        doc.heading(tr("Households per village"));
        doc.barList(sortedByCount(summary.householdsPerVillage, tr("(no village)"),
                                  [&](const QString &village) {
                                      return labels.valueText(FormLabels::Scope::Household, u"village"_s,
                                                              QJsonValue(village));
                                  }),
                    kSeries[2]);

        doc.heading(tr("Household size"));
        QList<ChartBar> sizes;
        for (const auto &[size, count] : summary.sizeHistogram())
            sizes.append({QString::number(size), count});
        if (sizes.isEmpty())
            doc.text(tr("No households."), font(9), kMuted);
        else
            doc.columnChart(sizes, 45, kSeries[3]);
        doc.text(tr("Households by number of members."), font(7.5), kMuted);

        doc.heading(tr("Review status"));
        const core::ReviewProgress &review = summary.review;
        doc.text(tr("Where each household stands with review: the supervisor's last decision, or awaiting "
                    "review when it was never reviewed or changed after its last decision."),
                 font(8.5), kMuted);
        doc.space(1.5);
        doc.stackedBar({{tr("Approved"), review.approved},
                        {tr("Flagged"), review.flagged},
                        {tr("Rejected"), review.rejected},
                        {tr("Changed since review"), review.changedSinceReview},
                        {tr("Never reviewed"), review.neverReviewed}});

        doc.heading(tr("Verification"), 14); // both rows stay with the heading
        doc.keyValues({{tr("Log size"), QString::number(summary.logSize)}, {tr("Log root"), summary.rootHex}},
                      {1});
        return doc.finish();
    }

private:
    static QString filterText(const core::SummaryFilter &filter, const FormLabels &labels)
    {
        QStringList parts;
        if (filter.from && filter.to)
            parts.append(tr("from %1 to %2")
                             .arg(filter.from->toString(Qt::ISODate), filter.to->toString(Qt::ISODate)));
        else if (filter.from)
            parts.append(tr("from %1").arg(filter.from->toString(Qt::ISODate)));
        else if (filter.to)
            parts.append(tr("until %1").arg(filter.to->toString(Qt::ISODate)));
        if (!filter.villages.isEmpty()) {
            QStringList names;
            for (const QString &village : filter.villages)
                names.append(village.isEmpty() ? tr("(no village)")
                                               : labels.valueText(FormLabels::Scope::Household, u"village"_s,
                                                                  QJsonValue(village)));
            parts.append(tr("in %1").arg(names.join(u", "_s)));
        }
        return parts.join(u" "_s);
    }

    // Largest first, then by name; `shown` words a key (as stored when null).
    static QList<ChartBar> sortedByCount(const QMap<QString, qint64> &counts, const QString &emptyLabel,
                                         const std::function<QString(const QString &)> &shown)
    {
        QList<ChartBar> bars;
        for (auto it = counts.cbegin(); it != counts.cend(); ++it)
            bars.append({it.key().isEmpty() ? emptyLabel : shown ? shown(it.key()) : it.key(), it.value()});
        std::stable_sort(bars.begin(), bars.end(),
                         [](const ChartBar &a, const ChartBar &b) { return a.value > b.value; });
        return bars;
    }
};

PdfReportRenderer::PdfReportRenderer()
    : m_labels(FormLabels::forCurrentLanguage())
{
}

PdfReportRenderer::PdfReportRenderer(FormLabels labels)
    : m_labels(std::move(labels))
{
}

core::Result<int> PdfReportRenderer::householdProfile(const core::HouseholdProfile &profile,
                                                      const core::ReportContext &context,
                                                      QIODevice &device) const
{
    if (qGuiApp == nullptr)
        return core::fail(core::ErrorCode::Unsupported, u"PDF reports need a QGuiApplication"_s);
    return HouseholdProfileReport::write(profile, context, device, m_labels);
}

core::Result<int> PdfReportRenderer::summary(const core::RegistrySummary &summary,
                                             const core::ReportContext &context, QIODevice &device) const
{
    if (qGuiApp == nullptr)
        return core::fail(core::ErrorCode::Unsupported, u"PDF reports need a QGuiApplication"_s);
    return SummaryReport::write(summary, context, device, m_labels);
}

} // namespace fieldledger::ui
