#pragma once
// What is drawn over the GL map with ImGui's draw lists: territory labels,
// the scale bar, the attribution and (for headless renders, where there is
// no legend panel) a compact legend. Shared by the map canvas and
// `territoire render`, so both show the same map. Main thread, inside an
// ImGui frame.
#include <string>

#include <imgui.h>

#include "app/gui/model/map_model.hpp"
#include "app/gui/render/map_renderer.hpp"

namespace app::gui {

struct OverlayOptions {
    bool labels = true;
    bool scale_bar = true;
    bool attribution = true;
    bool legend = false;
};

// `origin`: the canvas's top-left corner in ImGui screen coordinates; the
// canvas size is the camera viewport.
void draw_map_overlay(ImDrawList* draw, ImVec2 origin, const MapModel& model,
                      const MapRenderer& renderer, const std::string& attribution,
                      const OverlayOptions& options);

// Text with a light halo, readable over any map colour.
void draw_halo_text(ImDrawList* draw, ImVec2 at, ImU32 colour, const char* text);

}  // namespace app::gui
