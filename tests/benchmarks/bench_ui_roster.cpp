// The household roster as an enumerator drives it: how long adding a member takes when the
// household already has many, against adding the first one in the same run.
//
//   QT_QPA_PLATFORM=offscreen bench_ui_roster [members] [rounds]
//     members   members to add, one by one (default 200)
//     rounds    times the whole run is repeated; the table shows the best round (default 3)
//
// A FormView shows resources/forms/household-registration.json (from the app's resources) with
// its `min` and `max` of members lifted, on the roster page. Each add is the Add button's click
// (what Insert and Ctrl+Shift+N do) followed by processing the events it posted (layout and
// paint), then the new member's name is typed. Times are milliseconds: wall clock, this
// thread's CPU time (the fair figure on a busy machine), and the click alone (form state, table
// model, editor rebinding; the rest is layout and painting).

#include "core/forms/formdefinition.h"
#include "ui/forms/formview.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <vector>

using namespace Qt::StringLiterals;
using fieldledger::core::FormDefinition;
using fieldledger::ui::FormView;

namespace {

FormDefinition unlimitedHousehold()
{
    QFile file(u":/forms/household-registration.json"_s);
    if (!file.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "cannot open %s\n", qPrintable(file.fileName()));
        std::exit(2);
    }
    QJsonObject json = QJsonDocument::fromJson(file.readAll()).object();
    QJsonArray fields = json.value(u"fields").toArray();
    for (qsizetype i = 0; i < fields.size(); ++i) {
        QJsonObject field = fields[i].toObject();
        if (field.value(u"name").toString() == u"members") {
            field.remove(u"min"_s);
            field.remove(u"max"_s);
            fields[i] = field;
        }
    }
    json.insert(u"fields"_s, fields);
    auto form = FormDefinition::fromJson(json);
    if (!form) {
        std::fprintf(stderr, "%s\n", qPrintable(form.error().message));
        std::exit(2);
    }
    return *form;
}

double elapsedMs(const QElapsedTimer &timer)
{
    return double(timer.nsecsElapsed()) / 1e6;
}

qint64 threadCpuNs()
{
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return qint64(now.tv_sec) * 1'000'000'000 + now.tv_nsec;
}

struct Round {
    std::vector<double> add;    // ms per add (wall), index = row - 1
    std::vector<double> addCpu; // the same in this thread's CPU time
    std::vector<double> click;  // of which the click itself: state, model, editor (wall)
    double typeLast = 0;        // one keystroke-sized edit in the last member's name
    double moveFirst = 0;       // selecting the first row from the last (the editor rebinds)
};

Round runOnce(const FormDefinition &form, int members)
{
    Round round;
    FormView view;
    view.resize(1100, 760);
    view.setForm(form, QDate(2026, 3, 2), u"en"_s);
    view.show();
    QCoreApplication::processEvents();
    view.goToPage(2);
    QCoreApplication::processEvents();
    auto *add = view.findChild<QPushButton *>(u"members/add"_s);
    auto *name = view.findChild<QLineEdit *>(u"members.name"_s);
    auto *table = view.findChild<QTableView *>(u"members/table"_s);
    if (!add || !name || !table) {
        std::fprintf(stderr, "the roster's widgets are missing\n");
        std::exit(2);
    }
    for (int row = 1; row <= members; ++row) {
        QElapsedTimer timer;
        timer.start();
        const qint64 cpu = threadCpuNs();
        add->click();
        round.click.push_back(elapsedMs(timer));
        QCoreApplication::processEvents();
        round.add.push_back(elapsedMs(timer));
        round.addCpu.push_back(double(threadCpuNs() - cpu) / 1e6);
        name->insert(u"Member %1"_s.arg(row)); // typed: the state and the table follow
        QCoreApplication::processEvents();
    }
    if (view.state().instanceCount(u"members"_s) != members ||
        view.state().value(u"members[%1].name"_s.arg(members - 1)).toString() !=
            u"Member %1"_s.arg(members)) {
        std::fprintf(stderr, "the roster does not hold what was entered\n");
        std::exit(1);
    }

    QElapsedTimer timer;
    timer.start();
    name->insert(u"x"_s);
    QCoreApplication::processEvents();
    round.typeLast = elapsedMs(timer);

    timer.restart();
    table->selectRow(0);
    QCoreApplication::processEvents();
    round.moveFirst = elapsedMs(timer);
    return round;
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    Q_INIT_RESOURCE(resources);
    const int members = argc > 1 ? std::max(2, std::atoi(argv[1])) : 200;
    const int rounds = argc > 2 ? std::max(1, std::atoi(argv[2])) : 3;
    const FormDefinition form = unlimitedHousehold();

    std::vector<Round> results;
    for (int r = 0; r < rounds; ++r)
        results.push_back(runOnce(form, members));
    // The best round: the one whose last add was quickest (the machine is shared).
    const Round &best = *std::ranges::min_element(
        results, [](const Round &a, const Round &b) { return a.add.back() < b.add.back(); });

    std::printf("roster of the household form, %d members added one by one (best of %d rounds)\n", members,
                rounds);
    std::printf("%-44s %10s %10s %10s\n", "operation", "wall ms", "cpu ms", "click ms");
    std::vector<int> shown{1, 2, 10, 50, 100, 150};
    shown.push_back(members);
    for (int row : shown) {
        if (row > members)
            continue;
        const auto i = std::size_t(row - 1);
        std::printf("add row %-36d %10.2f %10.2f %10.2f\n", row, best.add[i], best.addCpu[i], best.click[i]);
    }
    auto lastMedian = [](const std::vector<double> &times) {
        std::vector<double> last(times.end() - std::min<std::ptrdiff_t>(10, std::ssize(times)), times.end());
        std::ranges::sort(last);
        return last[last.size() / 2];
    };
    std::printf("%-44s %10.2f %10.2f %10.2f\n", "add, median of the last 10", lastMedian(best.add),
                lastMedian(best.addCpu), lastMedian(best.click));
    std::printf("%-44s %10.2f\n", "type into the last member's name", best.typeLast);
    std::printf("%-44s %10.2f\n", "select the first row from the last", best.moveFirst);
    std::printf("ratio add row %d / add row 1: %.2f wall, %.2f cpu (target: row %d under 20 ms)\n", members,
                best.add.back() / best.add.front(), best.addCpu.back() / best.addCpu.front(), members);
    return 0;
}
