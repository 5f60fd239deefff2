#include "app/gui/model/project_state.hpp"

#include <algorithm>

#include "geo/io/project_check.hpp"

namespace app::gui {
namespace {

bool is_kind(const std::string& id, LayerKind kind) {
    return id.starts_with(kind == LayerKind::context ? "context:" : "basemap:");
}

}  // namespace

geo::Project capture_project(const MapModel& model, const AudienceController& audience, const UiState& ui,
                             const std::string& catalogue, bool demo, const std::string& language) {
    geo::Project p;
    p.demo = demo;
    if (!demo) p.catalogue = catalogue;
    if (const auto& active = audience.audience()) {
        p.audience = geo::project_audience_of(*active);
        if (audience.preset()) p.audience->id = audience.preset()->id;
        const AudienceParams& params = audience.params();
        p.audience->level = params.level;
        p.audience->nested = params.nested;
        p.audience->bandwidth = params.bandwidth_m
                                    ? geo::BandwidthChoice{geo::BandwidthSelector::fixed, *params.bandwidth_m}
                                    : geo::BandwidthChoice{params.bandwidth_selector, 0.0};
    }
    for (const Layer& l : model.layers().layers()) p.layers.push_back({l.id, l.path, l.visible, l.opacity});
    const geo::LonLat centre = lonlat_from_mercator(model.camera().center());
    p.view = geo::ProjectView{centre.lon_deg, centre.lat_deg, model.camera().zoom()};
    p.language = language;
    if (ui.show_left) p.panels.push_back("left");
    if (ui.show_right) p.panels.push_back("right");
    p.panels.push_back(ui.right_tab);
    if (ui.left_panel_px > 0.0f || ui.right_panel_px > 0.0f)
        p.panel_widths = geo::ProjectPanelWidths{ui.left_panel_px, ui.right_panel_px};
    return p;
}

AudienceParams project_params(const geo::ProjectAudience& audience) {
    AudienceParams params;
    params.level = audience.level;
    params.nested = audience.nested;
    if (audience.bandwidth.selector == geo::BandwidthSelector::fixed)
        params.bandwidth_m = audience.bandwidth.fixed_m;
    else
        params.bandwidth_selector = audience.bandwidth.selector;
    return params;
}

std::vector<std::string> project_files(const geo::Project& project, LayerKind kind) {
    std::vector<std::string> out;
    for (const geo::ProjectLayer& l : project.layers)
        if (is_kind(l.id, kind) && !l.path.empty()) out.push_back(l.path);
    return out;
}

std::vector<LayerLook> project_looks(const geo::Project& project, const LayerStack& layers) {
    std::vector<LayerLook> out;
    std::vector<std::string> used;
    for (const geo::ProjectLayer& pl : project.layers) {
        std::string id = pl.id;
        if (!pl.path.empty()) {  // a file layer: the loaded layer showing that file, once
            const auto& all = layers.layers();
            const auto it = std::find_if(all.begin(), all.end(), [&](const Layer& l) {
                return l.path == pl.path && (l.kind == LayerKind::context || l.kind == LayerKind::basemap) &&
                       std::find(used.begin(), used.end(), l.id) == used.end();
            });
            if (it == all.end()) continue;
            id = it->id;
            used.push_back(id);
        }
        out.push_back({id, pl.visible, static_cast<float>(pl.opacity)});
    }
    return out;
}

}  // namespace app::gui
