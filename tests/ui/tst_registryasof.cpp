// View ▸ Registry As Of…: every household as it was at a chosen moment, from core.
#include "core/ledgerfixture.h"
#include "ui/supervision/registryasofdialog.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QLineEdit>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace fieldledger;
using namespace fieldledger::testing;
using ui::RegistryAsOfDialog;
using ui::RegistryAsOfModel;

namespace {

QJsonObject person(const QString &guid, const QString &name)
{
    return QJsonObject{{u"guid"_s, guid}, {u"name"_s, name}, {u"relationship"_s, u"head"_s}};
}

QString cell(const RegistryAsOfModel &model, int row, int column)
{
    return model.index(row, column).data().toString();
}

} // namespace

class TestRegistryAsOf final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    }

    void load_showsHouseholdsAsTheyWereAtTheInstant()
    {
        LedgerFixture fixture;
        core::Ledger &ledger = fixture.ledger();
        FL_VERIFY_OK(ledger.submit(command(u"create-group"_s, u"hh-1"_s,
                                           {{u"name"_s, u"Diallo"_s},
                                            {u"village"_s, u"kalo"_s},
                                            {u"members"_s, QJsonArray{person(u"p-1"_s, u"Awa Diallo"_s)}}},
                                           u"2026-03-01T10:00:00Z"_s)));
        FL_VERIFY_OK(ledger.submit(command(u"update-group"_s, u"hh-1"_s, {{u"name"_s, u"Diallo-Kane"_s}},
                                           u"2026-03-05T10:00:00Z"_s)));
        FL_VERIFY_OK(ledger.submit(command(
            u"create-group"_s, u"hh-2"_s,
            {{u"name"_s, u"Sow"_s},
             {u"members"_s, QJsonArray{person(u"p-2"_s, u"Ngoné Sow"_s), person(u"p-3"_s, u"Ali Sow"_s)}}},
            u"2026-03-07T10:00:00Z"_s)));

        RegistryAsOfDialog dialog(ledger, QDateTime(QDate(2026, 3, 3), QTime(0, 0), QTimeZone::utc()));
        QAbstractItemModelTester tester(&dialog.model(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(dialog.load());
        QCOMPARE(dialog.model().rowCount(), 1);
        QCOMPARE(cell(dialog.model(), 0, RegistryAsOfModel::Name), u"Diallo"_s); // not yet renamed
        QCOMPARE(cell(dialog.model(), 0, RegistryAsOfModel::Head), u"Awa Diallo"_s);
        QCOMPARE(cell(dialog.model(), 0, RegistryAsOfModel::Members), u"1"_s);
        QVERIFY2(dialog.statusText().startsWith(u"1 household"_s), qPrintable(dialog.statusText()));

        dialog.setInstant(QDateTime(QDate(2026, 3, 8), QTime(0, 0), QTimeZone::utc()));
        QVERIFY(dialog.load());
        QCOMPARE(dialog.model().rowCount(), 2);
        QStringList names{cell(dialog.model(), 0, 0), cell(dialog.model(), 1, 0)};
        names.sort();
        QCOMPARE(names, (QStringList{u"Diallo-Kane"_s, u"Sow"_s}));

        // Filtering as you type, then Enter asks for that household's time travel at the instant.
        auto *filter = dialog.findChild<QLineEdit *>(u"asOfFilter"_s);
        filter->setText(u"sow"_s);
        QTableView &table = dialog.table();
        QCOMPARE(table.model()->rowCount(), 1);
        QSignalSpy requested(&dialog, &RegistryAsOfDialog::timeTravelRequested);
        emit table.activated(table.model()->index(0, 0));
        QCOMPARE(requested.size(), 1);
        QCOMPARE(requested.first().at(0).toString(), u"hh-2"_s);
        QCOMPARE(requested.first().at(1).toDateTime(),
                 QDateTime(QDate(2026, 3, 8), QTime(0, 0), QTimeZone::utc()));
    }

    void load_beforeAnyEvent_listsNothing()
    {
        LedgerFixture fixture;
        FL_VERIFY_OK(fixture.ledger().submit(
            command(u"create-group"_s, u"hh-1"_s, {{u"name"_s, u"Later"_s}}, u"2026-03-01T10:00:00Z"_s)));
        RegistryAsOfDialog dialog(fixture.ledger(),
                                  QDateTime(QDate(2026, 2, 1), QTime(0, 0), QTimeZone::utc()));
        QVERIFY(dialog.load());
        QCOMPARE(dialog.model().rowCount(), 0);
    }
};

QTEST_MAIN(TestRegistryAsOf)
#include "tst_registryasof.moc"
