// What the tree shows for each node is a pure function of (result, playhead, predict mode):
// moving the playhead forward, back and forward again in any order must give the same states
// as a fresh scene put at that playhead directly (design.md). TreeScene updates only the nodes
// whose events a small move crosses, so this checks that shortcut against the whole answer.
#include "apptestutil.h"
#include "scenariogenerator.h"
#include "treescene.h"
#include "visiblenodesmodel.h"

#include "ctxscope/formats/scenario_io.h"

#include <catch2/catch.hpp>

#include <QDir>
#include <QSet>
#include <map>
#include <random>

using namespace ctxscope;

namespace {

// Every role of every card, keyed by context id: what the cards show, text and colour.
std::map<QString, QVariantList> cardsOf(const VisibleNodesModel& model)
{
    std::map<QString, QVariantList> out;
    const auto roles = model.roleNames().keys();
    for (int row = 0; row < model.rowCount(); ++row) {
        QVariantList values;
        for (int role : roles)
            values << model.data(model.index(row), role);
        out[model.data(model.index(row), VisibleNodesModel::ContextIdRole).toString()] = values;
    }
    return out;
}

VisibleNodesModel* everything(VisibleNodesModel& model, TreeScene& scene)
{
    model.setScene(&scene);
    model.setLimit(1000000);
    model.setViewport(QRectF(-1e7, -1e7, 2e7, 2e7));
    return &model;
}

// requireSameAsFresh: the scene walked to this playhead, and the cards made from it, equal a
// fresh scene's and its cards at the same playhead.
void requireSameAsFresh(Document& doc, const TreeScene& scene, bool hide, const VisibleNodesModel* cards = nullptr)
{
    TreeScene fresh; // it follows the document's predict mode, as the walked scene does
    fresh.setDocument(&doc);
    REQUIRE(fresh.hideOutcome() == hide);
    REQUIRE(fresh.size() == scene.size());
    for (CtxIndex c = 0; c < scene.size(); ++c) {
        INFO("context " << doc.result().contexts[c].id << " after " << doc.playback().appliedEvents() << " events");
        REQUIRE(scene.state(c) == fresh.state(c));
    }
    if (!cards)
        return;
    VisibleNodesModel freshCards;
    everything(freshCards, fresh);
    const auto walked = cardsOf(*cards), direct = cardsOf(freshCards);
    REQUIRE(walked.size() == direct.size());
    for (const auto& [id, values] : direct) {
        INFO("card " << id.toStdString() << " after " << doc.playback().appliedEvents() << " events, at "
                     << doc.timeText().toStdString());
        REQUIRE(walked.count(id) == 1);
        const QVariantList& w = walked.at(id);
        for (int k = 0; k < values.size(); ++k) {
            INFO("role " << k << ": " << w[k].toString().toStdString() << " vs " << values[k].toString().toStdString());
            REQUIRE(w[k] == values[k]);
        }
    }
}

void randomWalk(Document& doc, std::uint32_t seed)
{
    TreeScene scene;
    scene.setDocument(&doc);
    VisibleNodesModel cardModel;
    const VisibleNodesModel* cards = doc.result().contexts.size() <= 200 ? everything(cardModel, scene) : nullptr;
    std::mt19937 rng(seed);
    const int events = static_cast<int>(doc.result().events.size());
    std::uniform_int_distribution<int> any(0, events), small(-3, 3);
    for (int i = 0; i < 60; ++i) {
        switch (i % 4) {
        case 0: doc.seekEvents(any(rng)); break;                                 // a long jump
        case 1: doc.seekEvents(static_cast<int>(doc.playback().appliedEvents()) + small(rng)); break;
        case 2: doc.stepBack(); break;
        case 3: doc.seekTime(std::uniform_real_distribution<double>(0, doc.run()->timelineEnd())(rng)); break;
        }
        requireSameAsFresh(doc, scene, false, cards);
        if (i == 30) {
            doc.setPredicting(true);
            requireSameAsFresh(doc, scene, true, cards);
            doc.setPredicting(false);
        }
    }
    // End then Home (the stale "alive, 200ms left" / "at 200ms: deadline exceeded" card).
    doc.seekEnd();
    requireSameAsFresh(doc, scene, false, cards);
    doc.restart();
    requireSameAsFresh(doc, scene, false, cards);
}

} // namespace

TEST_CASE("tree states after random seeks equal a fresh scene's, for every lesson", "[tree]") {
    ensureApp();
    const QDir dir(QStringLiteral(CTXSCOPE_SOURCE_DIR "/resources/lessons"));
    const QStringList lessons = dir.entryList({QStringLiteral("*.ctxscope.json")}, QDir::Files, QDir::Name);
    REQUIRE(lessons.size() >= 16);
    std::uint32_t seed = 1;
    for (const QString& name : lessons) {
        INFO(name.toStdString());
        const LoadResult lr = loadScenarioFile(dir.filePath(name).toStdString());
        REQUIRE(lr.problems.empty());
        Document doc;
        doc.setScenario(*lr.scenario, QString());
        randomWalk(doc, seed++);
    }
}

TEST_CASE("tree states after random seeks equal a fresh scene's, on a generated tree", "[tree]") {
    ensureApp();
    Document doc;
    doc.setScenario(generateScenario(3000), QString());
    randomWalk(doc, 99);
}

TEST_CASE("a card's detail after End then Home is an empty string, not an outcome left over", "[tree]") {
    ensureApp();
    Document doc;
    REQUIRE(doc.files()->loadDefaultExample());
    TreeScene scene;
    scene.setDocument(&doc);
    VisibleNodesModel model;
    model.setScene(&scene);
    model.setViewport(QRectF(-1e6, -1e6, 2e6, 2e6));
    REQUIRE(model.rowCount() > 0);
    const auto detailOf = [&](const QString& id) {
        for (int row = 0; row < model.rowCount(); ++row)
            if (model.data(model.index(row), VisibleNodesModel::ContextIdRole).toString() == id)
                return model.data(model.index(row), VisibleNodesModel::DetailRole);
        return QVariant();
    };
    doc.seekEnd();
    CHECK(detailOf("req").toString().startsWith("at 200ms"));
    doc.restart();
    const QVariant detail = detailOf("req");
    // QML leaves a string property as it was when a role gives an invalid QVariant.
    CHECK(detail.isValid());
    CHECK(detail.typeId() == QMetaType::QString);
    CHECK(detail.toString().isEmpty());
}

TEST_CASE("a playhead move tells the cards every role it changed", "[tree]") {
    // The model names the roles that a move can change (not all of them, so that cards do not
    // rewrite every property every frame): whatever did change must be among them.
    ensureApp();
    Document doc;
    doc.setScenario(generateScenario(600), QString());
    TreeScene scene;
    scene.setDocument(&doc);
    VisibleNodesModel model;
    everything(model, scene);
    QSet<int> told;
    QObject::connect(&model, &QAbstractItemModel::dataChanged, &model,
                     [&](const QModelIndex&, const QModelIndex&, const QList<int>& roles) {
                         if (roles.isEmpty())
                             told.insert(-1); // every role
                         for (int r : roles)
                             told.insert(r);
                     });
    const auto roles = model.roleNames().keys();
    for (double t : {80e6, 400e6, 1200e6, 30e6, 2500e6}) {
        std::map<std::pair<int, int>, QVariant> before;
        for (int row = 0; row < model.rowCount(); ++row)
            for (int role : roles)
                before[{row, role}] = model.data(model.index(row), role);
        told.clear();
        doc.seekTime(t);
        if (!told.contains(-1))
            for (const auto& [key, value] : before)
                if (model.data(model.index(key.first), key.second) != value) {
                    INFO("role " << model.roleNames().value(key.second).toStdString() << " at " << t / 1e6 << "ms");
                    REQUIRE(told.contains(key.second));
                }
    }
    scene.setSelectedId(QStringLiteral("c5"));
    CHECK((told.contains(VisibleNodesModel::SelectedRole) || told.contains(-1)));
}
