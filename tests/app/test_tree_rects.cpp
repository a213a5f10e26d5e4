// The tree canvas draws a viewport from the nodes and buses the scene's row index finds near it
// (treegeometry.cpp), not from a pass over every context. These check that shortcut against the
// whole answer: painted into the clip, the rectangles listed for the clip give the same pixels
// as every rectangle of the tree, wherever the clip is, at any zoom, with collapsed subtrees
// and a selection, before and after a cascade.
#include "apptestutil.h"
#include "scenariogenerator.h"
#include "treegeometry.h"
#include "treescene.h"

#include <catch2/catch.hpp>

#include <QImage>
#include <QPainter>
#include <random>

using namespace ctxscope;

namespace {

TreePalette testPalette() {
    TreePalette p;
    p.box = QColor(240, 240, 240);
    p.border = QColor(120, 120, 120);
    p.edge = QColor(90, 90, 90);
    p.selected = QColor(30, 100, 220);
    p.alive = QColor(40, 160, 70);
    p.never = QColor(128, 128, 128);
    p.canceled = QColor(200, 50, 40);
    p.deadline = QColor(220, 130, 20);
    p.pending = QColor(190, 190, 190);
    return p;
}

QImage paint(const std::vector<ColoredRect>& rects, const QRectF& clip) {
    QImage image(clip.size().toSize(), QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    painter.translate(-clip.topLeft());
    for (const ColoredRect& r : rects)
        painter.fillRect(QRectF(r.x, r.y, r.w, r.h), QColor::fromRgba(r.rgba));
    return image;
}

void requireSamePixels(const TreeScene& scene, std::mt19937& rng) {
    const TreePalette pal = testPalette();
    std::uniform_real_distribution<double> ux(-300, scene.contentWidth() + 300), uy(-300, scene.contentHeight() + 300);
    for (double zoom : {1.0, 0.5, 0.2, 0.05}) {
        const std::vector<ColoredRect> all = buildTreeRects(scene, pal, zoom);
        for (int i = 0; i < 12; ++i) {
            const QRectF clip(std::floor(ux(rng)), std::floor(uy(rng)), 700, 420);
            INFO("zoom " << zoom << ", clip at " << clip.x() << "," << clip.y());
            const std::vector<ColoredRect> some = buildTreeRects(scene, pal, zoom, clip);
            CHECK(some.size() <= all.size());
            REQUIRE(paint(some, clip) == paint(all, clip));
        }
    }
}

} // namespace

TEST_CASE("a clipped tree draws the same pixels as the whole tree", "[tree]") {
    ensureApp();
    Document doc;
    doc.setScenario(generateScenario(4000), QString());
    TreeScene scene;
    scene.setDocument(&doc);
    std::mt19937 rng(7);
    requireSamePixels(scene, rng);

    // Done nodes colour their edges; a selected node has its outline; collapsed ones their stack.
    doc.seekTime(900e6);
    scene.setSelectedId(QStringLiteral("c13"));
    REQUIRE(scene.selectedIndex() != kNone);
    requireSamePixels(scene, rng);
    doc.setCollapsed({"c1", "c25", "c3001"}, true);
    REQUIRE(scene.isCollapsed(QStringLiteral("c25")));
    requireSamePixels(scene, rng);
}

TEST_CASE("a clip lists only what is near it", "[tree]") {
    ensureApp();
    Document doc;
    doc.setScenario(generateScenario(4000), QString());
    TreeScene scene;
    scene.setDocument(&doc);
    const TreePalette pal = testPalette();
    const std::size_t all = buildTreeRects(scene, pal).size();
    const std::size_t some = buildTreeRects(scene, pal, 1.0, QRectF(0, 0, 900, 500)).size();
    CHECK(some > 0);
    CHECK(some * 20 < all); // a viewport's worth, not the tree's
}
