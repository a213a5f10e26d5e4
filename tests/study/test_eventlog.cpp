#include "ctxscope/formats/trace_writer.h"
#include "eventlogmodel.h"
#include "studytestutil.h"

#include <QAbstractItemModelTester>

using namespace ctxscope;

namespace {

QStringList column(const EventLogModel& m, int role) {
    QStringList out;
    for (int i = 0; i < m.rowCount(); ++i)
        out << m.data(m.index(i), role).toString();
    return out;
}

} // namespace

TEST_CASE("the event log shows exactly the events up to the playhead", "[eventlog]") {
    auto doc = documentFrom(kSmallScenario);
    EventLogModel m;
    QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::Fatal);
    m.setDocument(doc.get());
    CHECK(m.rowCount() == static_cast<int>(doc->playback().appliedEvents()));
    doc->seekTime(25e6);
    const auto& events = doc->result().events;
    int expected = 0;
    for (const Event& e : events)
        expected += e.t <= 25 * kMillisecond ? 1 : 0;
    CHECK(m.rowCount() == expected);
    for (int i = 0; i < m.rowCount(); ++i)
        CHECK(m.data(m.index(i), EventLogModel::TimeRole).toDouble() <= 25e6);
    CHECK(m.data(m.index(m.rowCount() - 1), EventLogModel::IsLastRole).toBool());
    doc->seekEnd();
    CHECK(m.rowCount() == static_cast<int>(events.size()));
    doc->seekTime(0);
    CHECK(m.rowCount() < expected);
}

TEST_CASE("the event log filters by kind, context, task and text", "[eventlog]") {
    auto doc = documentFrom(kSmallScenario);
    EventLogModel m;
    QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::Fatal);
    m.setDocument(doc.get());
    doc->seekEnd();

    SECTION("kind: cancellations and cancel calls only") {
        m.setKindFilter("cancel");
        const QStringList kinds = column(m, EventLogModel::KindRole);
        // late: cancel.called + canceled; early, child: canceled by deadline / parent.
        CHECK(kinds.count("context.canceled") == 3);
        CHECK(kinds.count("cancel.called") == 1);
        CHECK(kinds.size() == 4);
    }
    SECTION("context: every event about `late`") {
        m.setContextFilter("late");
        CHECK(column(m, EventLogModel::KindRole) ==
              QStringList{"context.created", "cancel.called", "context.canceled"});
    }
    SECTION("task: every event about `w1`") {
        m.setTaskFilter("w1");
        CHECK(column(m, EventLogModel::KindRole) == QStringList{"task.started", "task.ended"});
        CHECK(column(m, EventLogModel::TextRole).last().contains("context deadline exceeded"));
    }
    SECTION("text search is case-insensitive and matches the words of the line") {
        m.setSearchText("DEADLINE");
        CHECK(m.rowCount() >= 2);
        for (const QString& text : column(m, EventLogModel::TextRole))
            CHECK(text.contains("deadline", Qt::CaseInsensitive));
    }
    SECTION("an unknown id matches nothing rather than everything") {
        m.setContextFilter("nosuch");
        CHECK(m.rowCount() == 0);
        CHECK(m.matchCount() == 0);
    }
    SECTION("filters combine") {
        m.setKindFilter("cancel");
        m.setContextFilter("child");
        CHECK(column(m, EventLogModel::KindRole) == QStringList{"context.canceled"});
        doc->seekTime(40e6); // before child's cancellation: the match exists but is not reached
        CHECK(m.rowCount() == 0);
        CHECK(m.matchCount() == 1);
    }
}

TEST_CASE("a row carries the event's trace line", "[eventlog]") {
    auto doc = documentFrom(kSmallScenario);
    EventLogModel m;
    m.setDocument(doc.get());
    doc->seekEnd();
    const int seq = m.seqAt(0);
    CHECK(m.data(m.index(0), EventLogModel::TraceLineRole).toString().toStdString() ==
          traceEventLine(doc->result(), static_cast<std::size_t>(seq)));
}

TEST_CASE("clicking a log row makes that event the last one applied", "[eventlog]") {
    auto doc = documentFrom(kSmallScenario);
    EventLogModel m;
    QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::Fatal);
    m.setDocument(doc.get());
    doc->seekEnd();
    m.setContextFilter("late");
    const int cancelCalledRow = 1;
    const int seq = m.seqAt(cancelCalledRow);
    m.seekToRow(cancelCalledRow);
    CHECK(doc->appliedEvents() == seq + 1);
    CHECK(doc->timeNanos() == 30 * kMillisecond);
    CHECK(m.rowCount() == 2); // created, cancel.called: the cancellation itself comes after
}
