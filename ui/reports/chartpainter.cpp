#include "ui/reports/chartpainter.h"

#include <QFontMetricsF>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace fieldledger::ui {
namespace {

const QColor kAxis(0x55, 0x55, 0x55);
const QColor kGrid(0xdd, 0xdd, 0xdd);
const QColor kText(0x22, 0x22, 0x22);

QFontMetricsF metrics(const QPainter &painter)
{
    return QFontMetricsF(painter.font(), painter.device());
}

qint64 largest(const QList<ChartBar> &bars)
{
    qint64 most = 0;
    for (const ChartBar &bar : bars)
        most = std::max(most, bar.value);
    return most;
}

} // namespace

qint64 niceTickStep(qint64 maximum, int ticks)
{
    if (maximum <= 0 || ticks <= 0)
        return 1;
    const double raw = double(maximum) / double(ticks);
    const double power = std::pow(10.0, std::floor(std::log10(raw)));
    const double fraction = raw / power;
    const double nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
    return std::max<qint64>(1, qint64(std::llround(nice * power)));
}

void paintColumnChart(QPainter &painter, const QRectF &area, const QList<ChartBar> &bars, const QColor &color)
{
    painter.save();
    const QFontMetricsF fm = metrics(painter);
    const qreal pad = fm.height() * 0.3;
    const qint64 step = niceTickStep(std::max<qint64>(largest(bars), 1));
    const qint64 top = std::max<qint64>(step, (largest(bars) + step - 1) / step * step);

    const qreal axisWidth = fm.horizontalAdvance(QString::number(top)) + pad * 2;
    const QRectF plot = area.adjusted(axisWidth, fm.height(), 0, -(fm.height() + pad));
    if (plot.width() <= 0 || plot.height() <= 0) {
        painter.restore();
        return;
    }

    // Value axis: ticks, labels and grid lines.
    for (qint64 tick = 0; tick <= top; tick += step) {
        const qreal y = plot.bottom() - plot.height() * double(tick) / double(top);
        painter.setPen(QPen(kGrid, 0));
        painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y));
        painter.setPen(kText);
        painter.drawText(QRectF(area.left(), y - fm.height() / 2, axisWidth - pad, fm.height()),
                         Qt::AlignRight | Qt::AlignVCenter, QString::number(tick));
    }
    painter.setPen(QPen(kAxis, 0));
    painter.drawLine(plot.bottomLeft(), plot.bottomRight());
    painter.drawLine(plot.bottomLeft(), plot.topLeft());
    if (bars.isEmpty()) {
        painter.restore();
        return;
    }

    const qreal slot = plot.width() / qreal(bars.size());
    const qreal barWidth = std::max<qreal>(slot * 0.72, 1);
    qreal widestLabel = 0;
    for (const ChartBar &bar : bars)
        widestLabel = std::max(widestLabel, fm.horizontalAdvance(bar.label));
    const int labelEvery = std::max(1, int(std::ceil((widestLabel + pad * 2) / slot)));

    for (qsizetype i = 0; i < bars.size(); ++i) {
        const ChartBar &bar = bars[i];
        const qreal x = plot.left() + slot * qreal(i) + (slot - barWidth) / 2;
        const qreal height = plot.height() * double(bar.value) / double(top);
        if (bar.value > 0) {
            painter.fillRect(QRectF(x, plot.bottom() - height, barWidth, height), color);
            const QString value = QString::number(bar.value);
            if (fm.horizontalAdvance(value) <= slot) {
                painter.setPen(kText);
                painter.drawText(
                    QRectF(x - slot, plot.bottom() - height - fm.height(), barWidth + 2 * slot, fm.height()),
                    Qt::AlignHCenter | Qt::AlignBottom, value);
            }
        }
        if (i % labelEvery == 0) {
            painter.setPen(kText);
            const qreal centre = x + barWidth / 2;
            painter.drawText(
                QRectF(centre - widestLabel, plot.bottom() + pad / 2, widestLabel * 2, fm.height()),
                Qt::AlignHCenter | Qt::AlignTop, bar.label);
        }
    }
    painter.restore();
}

qreal barListHeight(const QPainter &painter, qsizetype rows)
{
    return metrics(painter).height() * 1.35 * qreal(rows);
}

void paintBarList(QPainter &painter, const QRectF &area, const QList<ChartBar> &bars, const QColor &color)
{
    painter.save();
    const QFontMetricsF fm = metrics(painter);
    const qreal rowHeight = fm.height() * 1.35;
    const qreal pad = fm.height() * 0.4;
    qreal labelWidth = 0;
    qreal valueWidth = 0;
    for (const ChartBar &bar : bars) {
        labelWidth = std::max(labelWidth, fm.horizontalAdvance(bar.label));
        valueWidth = std::max(valueWidth, fm.horizontalAdvance(QString::number(bar.value)));
    }
    labelWidth = std::min(labelWidth, area.width() * 0.4);
    const qreal barLeft = area.left() + labelWidth + pad;
    const qreal barSpace = std::max<qreal>(area.right() - barLeft - valueWidth - pad, 1);
    const qint64 most = std::max<qint64>(largest(bars), 1);
    for (qsizetype i = 0; i < bars.size(); ++i) {
        const ChartBar &bar = bars[i];
        const qreal y = area.top() + rowHeight * qreal(i);
        painter.setPen(kText);
        painter.drawText(QRectF(area.left(), y, labelWidth, rowHeight), Qt::AlignLeft | Qt::AlignVCenter,
                         fm.elidedText(bar.label, Qt::ElideRight, labelWidth));
        const qreal length = barSpace * double(bar.value) / double(most);
        painter.fillRect(QRectF(barLeft, y + rowHeight * 0.18, length, rowHeight * 0.64), color);
        painter.drawText(QRectF(barLeft + length + pad / 2, y, valueWidth + pad, rowHeight),
                         Qt::AlignLeft | Qt::AlignVCenter, QString::number(bar.value));
    }
    painter.restore();
}

namespace {

// "label: value (percent)" for each part of a stacked bar.
QStringList legendTexts(const QList<ChartBar> &parts)
{
    qint64 total = 0;
    for (const ChartBar &part : parts)
        total += part.value;
    QStringList texts;
    for (const ChartBar &part : parts) {
        const double percent = total > 0 ? 100.0 * double(part.value) / double(total) : 0;
        texts.append(QStringLiteral("%1: %2 (%3%)").arg(part.label).arg(part.value).arg(percent, 0, 'f', 0));
    }
    return texts;
}

// Where each legend entry (a swatch one line high, then its text) starts, wrapped at `width`:
// the line (from 0) and the x offset.
QList<std::pair<int, qreal>> legendLayout(const QFontMetricsF &fm, qreal width, const QStringList &texts)
{
    QList<std::pair<int, qreal>> places;
    int line = 0;
    qreal x = 0;
    for (const QString &text : texts) {
        const qreal entry = fm.height() + fm.horizontalAdvance(text);
        if (x > 0 && x + entry > width) {
            ++line;
            x = 0;
        }
        places.append({line, x});
        x += entry + fm.height() * 1.5;
    }
    return places;
}

} // namespace

qreal stackedBarHeight(const QPainter &painter, qreal width, const QList<ChartBar> &parts)
{
    const QFontMetricsF fm = metrics(painter);
    const auto places = legendLayout(fm, width, legendTexts(parts));
    const int lines = places.isEmpty() ? 0 : places.last().first + 1;
    return fm.height() * (1.4 + 0.5 + 1.2 * lines + 0.3);
}

void paintStackedBar(QPainter &painter, const QRectF &area, const QList<ChartBar> &parts,
                     const QList<QColor> &colors)
{
    painter.save();
    const QFontMetricsF fm = metrics(painter);
    qint64 total = 0;
    for (const ChartBar &part : parts)
        total += part.value;
    const QRectF bar(area.left(), area.top(), area.width(), fm.height() * 1.4);
    painter.setPen(QPen(kAxis, 0));
    painter.drawRect(bar);
    qreal x = bar.left();
    for (qsizetype i = 0; i < parts.size() && total > 0; ++i) {
        const qreal width = bar.width() * double(parts[i].value) / double(total);
        painter.fillRect(QRectF(x, bar.top(), width, bar.height()), colors.value(i, kAxis));
        x += width;
    }
    // Legend under the bar, wrapped at the area's width: a swatch, then "label: value (percent)".
    const QStringList texts = legendTexts(parts);
    const auto places = legendLayout(fm, area.width(), texts);
    const qreal legendTop = bar.bottom() + fm.height() * 0.5;
    for (qsizetype i = 0; i < parts.size(); ++i) {
        const qreal legendX = area.left() + places[i].second;
        const qreal legendY = legendTop + fm.height() * 1.2 * places[i].first;
        painter.fillRect(QRectF(legendX, legendY + fm.height() * 0.2, fm.height() * 0.6, fm.height() * 0.6),
                         colors.value(i, kAxis));
        painter.setPen(kText);
        painter.drawText(QPointF(legendX + fm.height(), legendY + fm.ascent()), texts[i]);
    }
    painter.restore();
}

} // namespace fieldledger::ui
