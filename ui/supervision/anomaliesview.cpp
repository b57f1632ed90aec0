#include "ui/supervision/anomaliesview.h"

#include "ui/supervision/anomaliesmodel.h"
#include "ui/supervision/timetext.h"

#include <QFontMetrics>
#include <QHeaderView>
#include <QLabel>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace fieldledger::ui {

AnomaliesView::AnomaliesView(core::Ledger &ledger, QWidget *parent)
    : QWidget(parent)
    , m_model(new AnomaliesModel(ledger, this))
    , m_table(new QTableView(this))
    , m_count(new QLabel(this))
    , m_error(new QLabel(this))
{
    m_count->setObjectName(u"count"_s);
    m_error->setObjectName(u"error"_s);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(u"color: #b03a2e;"_s);
    m_error->hide();

    m_table->setObjectName(u"anomaliesTable"_s);
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    const QFontMetrics metrics(font());
    int kindWidth = 0;
    for (const auto kind :
         {core::AnomalyKind::TypeMismatch, core::AnomalyKind::TargetDeleted, core::AnomalyKind::UnknownEntity,
          core::AnomalyKind::MemberWithoutGuid, core::AnomalyKind::NotAMember, core::AnomalyKind::Exists,
          core::AnomalyKind::UnknownType})
        kindWidth = std::max(kindWidth, metrics.horizontalAdvance(AnomaliesModel::kindLabel(kind)));
    const int em = metrics.horizontalAdvance(u"M"_s);
    QHeaderView *header = m_table->horizontalHeader();
    header->resizeSection(AnomaliesModel::When, metrics.horizontalAdvance(widestTimeText()) + em);
    header->resizeSection(AnomaliesModel::Kind, kindWidth + em);
    header->resizeSection(AnomaliesModel::Entity, em * 10);
    header->resizeSection(AnomaliesModel::Event, em * 14);
    header->setStretchLastSection(true);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_count);
    layout->addWidget(m_error);
    layout->addWidget(m_table, 1);

    // activated: Enter, and a double click (or a single click where the platform says so).
    connect(m_table, &QAbstractItemView::activated, this, &AnomaliesView::open);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &AnomaliesView::updateCount);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &AnomaliesView::updateCount);
    connect(m_model, &QAbstractItemModel::modelReset, this, &AnomaliesView::updateCount);
    connect(m_model, &AnomaliesModel::errorOccurred, this, &AnomaliesView::showError);
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] { showError(m_model->errorText()); });
    showError(m_model->errorText());
    updateCount();
    setFocusProxy(m_table);
}

AnomaliesView::~AnomaliesView() = default;

void AnomaliesView::open(const QModelIndex &index)
{
    if (!index.isValid())
        return;
    emit showEntity(index.data(AnomaliesModel::EntityGuidRole).toString(),
                    index.data(AnomaliesModel::EventGuidRole).toString());
}

void AnomaliesView::showError(const QString &message)
{
    m_error->setText(tr("The anomalies could not be read: %1").arg(message));
    m_error->setVisible(!message.isEmpty());
}

void AnomaliesView::updateCount()
{
    const int count = m_model->rowCount();
    m_count->setText(count == 0 ? tr("No anomalies: every event applied as intended.")
                                : tr("%n anomaly(ies): events that could not apply as intended. Enter or a "
                                     "double click opens the record's audit trail.",
                                     nullptr, count));
}

} // namespace fieldledger::ui
