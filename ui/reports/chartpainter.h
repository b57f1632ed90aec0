#pragma once

#include <QColor>
#include <QList>
#include <QRectF>
#include <QString>

class QPainter;

namespace fieldledger::ui {

// One bar of a chart drawn with QPainter (printed reports: vector output, real text).
struct ChartBar {
    QString label;
    qint64 value = 0;
};

// The step between value-axis ticks: 1, 2 or 5 times a power of ten, giving about `ticks`
// ticks up to `maximum` (at least 1).
[[nodiscard]] qint64 niceTickStep(qint64 maximum, int ticks = 5);

// Vertical bars over a category axis (days, household sizes), a value axis with ticks and
// grid lines, each bar's value above it when there is room, and category labels under the
// bars (every n-th one when they would overlap). Uses the painter's font.
void paintColumnChart(QPainter &painter, const QRectF &area, const QList<ChartBar> &bars,
                      const QColor &color);

// One row per bar: the label, a horizontal bar scaled to the largest value, and the value.
// Each row is one line of the painter's font; barListHeight() says how tall the list is.
void paintBarList(QPainter &painter, const QRectF &area, const QList<ChartBar> &bars, const QColor &color);
[[nodiscard]] qreal barListHeight(const QPainter &painter, qsizetype rows);

// One bar split into parts (each a colour), with a legend "label: value (percent)" under it,
// wrapped onto more lines when it is wider than the area; stackedBarHeight() says how tall.
[[nodiscard]] qreal stackedBarHeight(const QPainter &painter, qreal width, const QList<ChartBar> &parts);
void paintStackedBar(QPainter &painter, const QRectF &area, const QList<ChartBar> &parts,
                     const QList<QColor> &colors);

} // namespace fieldledger::ui
