// What the views list for a big scenario stays bounded by what can be shown, and still says
// everything: the play bar's action marks merge actions that fall on the same slot of the axis
// (naming a few, counting the rest), and the event log's filter boxes list every context and
// task through a model whose rows are made only when shown.
#include "apptestutil.h"
#include "eventlogmodel.h"
#include "scenariogenerator.h"

#include <catch2/catch.hpp>

#include <QRegularExpression>
#include <QSignalSpy>

using namespace ctxscope;

TEST_CASE("action marks: one per slot of the axis, every action named or counted", "[lists]") {
    ensureApp();
    Scenario s = generateScenario(40);
    s.actions.clear();
    for (int i = 0; i < 3000; ++i) // one every 500us: 3000 in 1.5s
        s.actions.push_back(Action{static_cast<Nanos>(100 + i / 2) * kMillisecond + (i % 2) * 500 * kMicrosecond,
                                   ActionOp::Cancel, "c1", std::nullopt});
    Document doc;
    doc.setScenario(std::move(s), QString());
    const QVariantList marks = doc.run()->actionMarks();
    CHECK(marks.size() <= SimulationRunner::kActionMarkSpan);
    CHECK(marks.size() > 100);
    int counted = 0;
    double last = -1;
    const QRegularExpression more(QStringLiteral("^and (\\d+) more$"));
    for (const QVariant& v : marks) {
        const QVariantMap m = v.toMap();
        CHECK(m["t"].toDouble() > last); // in time order, one per slot
        last = m["t"].toDouble();
        // It spans its actions, within one slot of the axis (narrower than a mark).
        CHECK(m["end"].toDouble() >= m["t"].toDouble());
        CHECK(m["end"].toDouble() - m["t"].toDouble() < doc.run()->timelineEndNanos() / SimulationRunner::kActionMarkSpan);
        for (const QString& line : m["text"].toString().split(QLatin1Char('\n'))) {
            const auto match = more.match(line);
            counted += match.hasMatch() ? match.captured(1).toInt() : 1;
            if (!match.hasMatch())
                CHECK(line.contains(QStringLiteral("cancel c1")));
        }
    }
    CHECK(counted == 3000);

    // A few actions far apart keep a mark each, at their own time.
    Scenario few = generateScenario(40);
    few.actions = {Action{200 * kMillisecond, ActionOp::Cancel, "c1", std::nullopt},
                   Action{900 * kMillisecond, ActionOp::Cancel, "c1", std::string("why")}};
    doc.setScenario(std::move(few), QString());
    const QVariantList two = doc.run()->actionMarks();
    REQUIRE(two.size() == 2);
    CHECK(two[0].toMap()["t"].toDouble() == 200e6);
    CHECK(two[0].toMap()["end"].toDouble() == 200e6);
    CHECK(two[0].toMap()["text"].toString() == "200ms: cancel c1");
    CHECK(two[1].toMap()["text"].toString() == "900ms: cancel c1 (\"why\")");

    // Actions of one slot listed out of time order in the file: the tooltip reads in time order.
    Scenario shuffled = generateScenario(40);
    shuffled.actions = {Action{361 * kMillisecond + 400 * kMicrosecond, ActionOp::Cancel, "c1", std::nullopt},
                        Action{361 * kMillisecond, ActionOp::Cancel, "c2", std::nullopt},
                        Action{361 * kMillisecond + 200 * kMicrosecond, ActionOp::Cancel, "c3", std::nullopt}};
    doc.setScenario(std::move(shuffled), QString());
    const QVariantList one = doc.run()->actionMarks();
    REQUIRE(one.size() == 1);
    CHECK(one[0].toMap()["text"].toString() == "361ms: cancel c2\n361.2ms: cancel c3\n361.4ms: cancel c1");
    CHECK(one[0].toMap()["t"].toDouble() == 361e6);
    CHECK(one[0].toMap()["end"].toDouble() == 361.4e6);
}

TEST_CASE("the log's filter choices: all, then every context or task, reset only when they change", "[lists]") {
    ensureApp();
    Document doc;
    doc.setScenario(generateScenario(300), QString());
    EventLogModel log;
    log.setDocument(&doc);
    FilterChoices& contexts = *log.contextChoices();
    contexts.setAllText(QStringLiteral("All contexts"));
    REQUIRE(contexts.rowCount() == 301);
    CHECK(contexts.data(contexts.index(0), Qt::DisplayRole).toString() == "All contexts");
    CHECK(contexts.idAt(0).isEmpty());
    CHECK(contexts.idAt(1) == "root");
    CHECK(contexts.idAt(300) == "c299");
    CHECK(contexts.idAt(301).isEmpty());
    CHECK(contexts.data(contexts.index(2), Qt::DisplayRole).toString() == "c1");
    CHECK(log.taskChoices()->rowCount() == 31);
    CHECK(log.contextIds().size() == 300);

    QSignalSpy resets(&contexts, &QAbstractItemModel::modelReset);
    QSignalSpy ids(&log, &EventLogModel::idsChanged);
    // A change that names nothing anew keeps the rows (and a box its choice).
    REQUIRE(doc.contexts()->editParameters("c1", variantMap({{"timeout", QStringLiteral("300ms")}})).isEmpty());
    REQUIRE(doc.scenario().contexts[1].timeout == 300 * kMillisecond);
    CHECK(resets.count() == 0);
    CHECK(ids.count() == 0);
    // A new label is a new name.
    REQUIRE(doc.contexts()->renameContext("c1", QStringLiteral("request")).isEmpty());
    CHECK(resets.count() == 1);
    CHECK(ids.count() == 1);
    CHECK(contexts.data(contexts.index(2), Qt::DisplayRole).toString() == "request (c1)");
    CHECK(log.contextTitles().at(1) == "request (c1)");
    // What the event log sizes its list from: the first names only, however many there are.
    const QStringList sample = contexts.sampleTitles(5);
    CHECK(sample.size() == 5);
    CHECK(sample.at(1) == "request (c1)");
    CHECK(contexts.sampleTitles(100000).size() == 300);
    CHECK(contexts.sampleTitles(-1).isEmpty());
}
