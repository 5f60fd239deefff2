#pragma once
// What is drawn over the GL map with ImGui's draw lists: territory labels
// and place names (placed together without overlap, geo::place_labels),
// the scale bar, the attribution and (for headless renders, where there is
// no legend panel) a compact legend, which labels leave free. Shared by the map canvas and
// `territoire render`, so both show the same map. Main thread, inside an
// ImGui frame.
// Failures: none; labels that do not fit are left out (geo::place_labels), and a scale bar with no room
//   is not drawn.
#include <string>
#include <vector>

#include <imgui.h>

#include "app/gui/render/ui_cache.hpp"
#include "geo/analysis/label_placement.hpp"

#include "app/gui/model/map_model.hpp"
#include "app/gui/render/map_renderer.hpp"

namespace app::gui {

// A label as drawn: its text and box (ImGui screen pixels).
struct DrawnLabel {
    std::string text;
    bool place = false;  // a place name (else a territory's)
    UiRect box;
};

struct OverlayOptions {
    bool labels = true;
    bool scale_bar = true;
    bool attribution = true;
    bool legend = false;
    std::vector<geo::LabelBox> obstacles;             // canvas pixels labels leave free (on-map buttons)
    std::vector<DrawnLabel>* drawn_labels = nullptr;  // when set: filled with the labels drawn
};

// `origin`: the canvas's top-left corner in ImGui screen coordinates; the
// canvas size is the camera viewport.
void draw_map_overlay(ImDrawList* draw, ImVec2 origin, const MapModel& model, const MapRenderer& renderer,
                      const std::string& attribution, const OverlayOptions& options);

// Text with a light halo, readable over any map colour (`font`: null for the current one).
void draw_halo_text(ImDrawList* draw, ImVec2 at, ImU32 colour, const char* text, ImFont* font = nullptr);

}  // namespace app::gui
