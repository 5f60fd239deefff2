// Undo and projects in the map window's model, without GL: a slider drag is
// one undo step, separate clicks are separate steps, a new change after an
// undo drops the redo; the layer stack takes back an order, visibility and
// opacity (and keeps a layer the step did not know); a project captured from
// the model maps back onto freshly loaded layers.
#include <gtest/gtest.h>

#include "app/gui/model/project_state.hpp"
#include "app/gui/model/undo_history.hpp"

namespace app::gui {
namespace {

EditState with_heritage(double w) {
    EditState s;
    geo::Audience a;
    a.id = "patrimoine";
    a.family_weights.fill(0.5);
    a.family_weights[static_cast<std::size_t>(geo::Family::heritage)] = w;
    s.audience = a;
    s.preset = a;
    s.layers = LayerStack().looks();
    return s;
}

TEST(UndoHistory, ASliderDragIsOneStep) {
    UndoHistory h;
    h.observe(with_heritage(1.0), false);  // the start
    h.observe(with_heritage(1.0), true);   // button pressed on the slider, nothing moved yet
    for (double w : {0.9, 0.7, 0.5, 0.3}) h.observe(with_heritage(w), true);
    h.observe(with_heritage(0.3), false);  // released
    EXPECT_EQ(h.undo_steps(), 1u);
    auto back = h.undo();
    ASSERT_TRUE(back);
    EXPECT_EQ(*back, with_heritage(1.0));
    EXPECT_FALSE(h.undo()) << "one drag, one step";
    auto again = h.redo();
    ASSERT_TRUE(again);
    EXPECT_EQ(*again, with_heritage(0.3));
}

TEST(UndoHistory, SeparateGesturesAreSeparateSteps) {
    UndoHistory h;
    h.observe(with_heritage(1.0), false);
    h.observe(with_heritage(0.8), true);  // first drag
    h.observe(with_heritage(0.8), false);
    h.observe(with_heritage(0.6), true);  // second drag
    h.observe(with_heritage(0.6), false);
    h.observe(with_heritage(0.4), false);  // a change without the mouse (a key)
    EXPECT_EQ(h.undo_steps(), 3u);
    EXPECT_EQ(*h.undo(), with_heritage(0.6));
    EXPECT_EQ(*h.undo(), with_heritage(0.8));
    // A new change after undoing drops what could be redone.
    h.resync(with_heritage(0.8));
    h.observe(with_heritage(0.2), false);
    EXPECT_EQ(h.redo_steps(), 0u);
    EXPECT_FALSE(h.redo());
    EXPECT_EQ(*h.undo(), with_heritage(0.8));
}

TEST(UndoHistory, ResetForgetsTheSteps) {
    UndoHistory h;
    h.observe(with_heritage(1.0), false);
    h.observe(with_heritage(0.5), false);
    h.reset(with_heritage(0.5));
    EXPECT_FALSE(h.undo());
    h.observe(with_heritage(0.5), false);
    EXPECT_EQ(h.undo_steps(), 0u);
}

TEST(LayerStack, ArrangeTakesBackOrderVisibilityAndOpacity) {
    LayerStack layers;
    const std::vector<LayerLook> before = layers.looks();
    ASSERT_TRUE(layers.move_up("territories"));
    layers.set_visible("items", false);
    layers.set_opacity("perimeters", 0.25f);
    ASSERT_NE(layers.looks(), before);
    const unsigned revision = layers.revision();
    layers.arrange(before);
    EXPECT_EQ(layers.looks(), before);
    EXPECT_GT(layers.revision(), revision);
    // A layer added since keeps its place; places stay on top.
    const std::string context = layers.add_context("/data/rivers.geojson");
    std::vector<LayerLook> reversed(before.rbegin(), before.rend());
    layers.arrange(reversed);
    EXPECT_EQ(layers.layers().front().id, context);
    EXPECT_EQ(layers.layers().back().id, "places");
    EXPECT_EQ(layers.layers()[1].id, "items");
}

// issue 11.2: adding or removing a context layer is a step that undo takes back and redo brings again.
TEST(UndoHistory, AContextLayerAddedOrRemovedIsUndoneAndRedone) {
    MapModel model;
    UndoHistory history;
    const auto state = [&] { return EditState{{}, {}, {}, model.layers().looks(), {}}; };
    history.reset(state());
    geo::ContextGeometry rivers;
    rivers.lines.push_back({{0.6, 47.3}, {0.7, 47.4}});
    rivers.features = 1;
    const std::string id = model.layers().add_context("/data/loire.geojson");
    model.set_context(id, rivers);
    model.layers().set_opacity(id, 0.5f);
    history.observe(state(), false);

    auto undone = history.undo();
    ASSERT_TRUE(undone);
    model.restore_layers(undone->layers);
    history.resync(state());
    EXPECT_EQ(model.layers().find(id), nullptr) << "undo takes the added layer away";
    EXPECT_TRUE(model.context().empty());

    auto redone = history.redo();
    ASSERT_TRUE(redone);
    model.restore_layers(redone->layers);
    history.resync(state());
    ASSERT_NE(model.layers().find(id), nullptr) << "redo brings it back";
    EXPECT_EQ(model.layers().find(id)->path, "/data/loire.geojson");
    EXPECT_FLOAT_EQ(model.layers().find(id)->opacity, 0.5f);
    ASSERT_EQ(model.context().count(id), 1u);
    EXPECT_EQ(model.context().at(id).lines.size(), 1u) << "with its geometry";

    // Removed from the layers panel, then undone: back in its place.
    const auto before = model.layers().looks();
    model.remove_context(id);
    history.observe(state(), false);
    undone = history.undo();
    ASSERT_TRUE(undone);
    model.restore_layers(undone->layers);
    EXPECT_EQ(model.layers().looks(), before);
    EXPECT_EQ(model.context().count(id), 1u);
}

TEST(ProjectState, CapturedLayersMapOntoLayersLoadedAgain) {
    MapModel model;
    model.layers().add_context("/data/rivers.geojson");
    model.layers().add_basemap("/data/tours.mbtiles");
    model.layers().move_up("context:1");
    model.layers().set_opacity("basemap:1", 0.4f);
    model.camera().set_center(geo::LonLat{0.69, 47.39});
    model.camera().set_zoom(11.0);
    AudienceController audience;
    UiState ui;
    ui.right_tab = "benchmark";
    const geo::Project p = capture_project(model, audience, ui, "/data/cat.sqlite", false, "en");
    EXPECT_EQ(p.catalogue, "/data/cat.sqlite");
    EXPECT_FALSE(p.audience);
    ASSERT_TRUE(p.view);
    EXPECT_NEAR(p.view->lon_deg, 0.69, 1e-9);
    EXPECT_NEAR(p.view->zoom, 11.0, 1e-9);
    EXPECT_EQ(p.panels, (std::vector<std::string>{"left", "right", "benchmark"}));
    EXPECT_EQ(project_files(p, LayerKind::basemap), std::vector<std::string>{"/data/tours.mbtiles"});
    EXPECT_EQ(project_files(p, LayerKind::context), std::vector<std::string>{"/data/rivers.geojson"});

    // Loaded again in another order (ids differ): the looks follow the files.
    LayerStack fresh;
    const std::string basemap = fresh.add_basemap("/data/tours.mbtiles");
    fresh.add_context("/data/other.geojson");
    const std::string rivers = fresh.add_context("/data/rivers.geojson");
    fresh.arrange(project_looks(p, fresh));
    EXPECT_EQ(fresh.find(basemap)->opacity, 0.4f);
    EXPECT_GT(fresh.index_of(rivers), fresh.index_of("territories")) << "moved above the territories, as saved";
}

}  // namespace
}  // namespace app::gui
