#pragma once

#include "core/common/result.h"
#include "core/storage/draftstore.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QString>

#include <vector>

namespace fieldledger::ui {

// The signed-in user's drafts (core::DraftStore::list), most recently saved first: title, form,
// last saved. refresh() reads the store again and tells views exactly which rows went, came,
// moved or changed; it never resets the model.
class DraftListModel final : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { Title, Form, Updated, ColumnCount };
    enum Role {
        DraftIdRole = Qt::UserRole,
        FormIdRole,
        FormVersionRole,
        EntityGuidRole,
        UpdatedRole, // QDateTime, UTC
    };

    DraftListModel(core::DraftStore &store, QString userId, QObject *parent = nullptr);
    ~DraftListModel() override;
    Q_DISABLE_COPY_MOVE(DraftListModel)

    // The store's drafts now; on failure the rows stay as they were.
    [[nodiscard]] core::Status refresh();

    // How the Form column names a form id ("household-registration" → "Household registration");
    // ids without a name show as they are.
    void setFormNames(const QHash<QString, QString> &names);

    [[nodiscard]] QString draftId(int row) const;
    // The row of a draft; -1 when it is not listed.
    [[nodiscard]] int rowOf(const QString &draftId) const;

    // The language changed: headers and dates are shown anew.
    void retranslate();

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role = Qt::DisplayRole) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

private:
    [[nodiscard]] QString formName(const QString &formId) const;

    core::DraftStore &m_store;
    QString m_userId;
    QHash<QString, QString> m_formNames;
    std::vector<core::Draft> m_rows; // bodies dropped: the list needs none
};

} // namespace fieldledger::ui
