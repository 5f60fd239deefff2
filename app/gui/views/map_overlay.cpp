#include "app/gui/views/map_overlay.hpp"

#include <algorithm>
#include <array>
#include <cfloat>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "app/gui/i18n.hpp"
#include "app/gui/render/map_meshes.hpp"
#include "app/gui/render/map_style.hpp"
#include "app/gui/render/palette.hpp"
#include "app/gui/ui_style.hpp"

namespace app::gui {
namespace {

constexpr ImU32 kInk = IM_COL32(40, 46, 54, 255);
constexpr ImU32 kPanelFill = IM_COL32(255, 255, 255, 215);
constexpr ImU32 kPanelBorder = IM_COL32(190, 196, 204, 255);

// Territory labels by level (geo::TerritoryLevel order), lower first: the
// areas and larger units before the towns (place ranks r give 10 + r), EPCI
// after the towns of rank ≤ 4, communes before the villages.
constexpr int kTerritoryLabelPriority[] = {
    /*commune*/ 35, /*epci*/ 25,       /*departement*/ 4,
    /*region*/ 3,   /*destination*/ 0, /*competitor*/ 1,
    /*reference*/ 2};
static_assert(std::size(kTerritoryLabelPriority) == static_cast<std::size_t>(geo::TerritoryLevel::reference) + 1);

// One label to draw: its text, font, colour and whether it marks a place
// with a dot.
struct LabelStyle {
    const std::string* text = nullptr;
    ImFont* font = nullptr;
    ImU32 colour = kInk;
    bool place = false;
    float dot_px = 0;
};

// Territory labels (centred on their area) and place names (beside their
// dot) placed in one pass (geo::place_labels), so that none covers another
// nor the legend, scale bar or attribution (`obstacles`, canvas pixels).
void draw_labels(ImDrawList* draw, ImVec2 origin, const MapModel& model, const MapRenderer& renderer,
                 const std::vector<geo::LabelBox>& obstacles, std::vector<DrawnLabel>* drawn) {
    const Camera& camera = model.camera();
    const double zoom = camera.zoom();
    const Layer* territories_layer = model.layers().find(LayerKind::territories);
    const Layer* places_layer = model.layers().find(LayerKind::places);
    const bool territories = territories_layer != nullptr && territories_layer->visible;
    const bool places = places_layer != nullptr && places_layer->visible && !model.places().empty();
    std::vector<geo::LabelRequest> requests;
    std::vector<LabelStyle> styles;
    const auto add = [&](ScreenPx s, const LabelStyle& style, int priority, double weight, bool centred) {
        if (s.x_px < 0 || s.y_px < 0 || s.x_px > camera.width_px() || s.y_px > camera.height_px()) return;
        const ImVec2 size = style.font->CalcTextSizeA(style.font->FontSize, FLT_MAX, 0.0f, style.text->c_str());
        geo::LabelRequest r;
        r.x_px = s.x_px;
        r.y_px = s.y_px;
        r.width_px = size.x;
        r.height_px = size.y;
        r.priority = priority;
        r.weight = weight;
        r.centred = centred;
        requests.push_back(r);
        styles.push_back(style);
    };
    std::unordered_set<std::string_view> named_by_place;  // communes whose town is labelled as a place
    if (places) {
        const int max_rank = place_rank_shown_at(zoom);
        for (const geo::Place& p : model.places()) {
            if (p.rank > max_rank) continue;
            if (!p.insee.empty()) named_by_place.insert(p.insee);
            const bool main = p.rank <= 2;
            const LabelStyle style{&p.name, main ? bold_font() : ImGui::GetFont(),
                                   p.rank <= 3 ? kInk : IM_COL32(74, 80, 88, 255), true, main ? 3.5f : 2.5f};
            add(camera.to_screen(p.position), style, 10 + p.rank, static_cast<double>(p.population), false);
        }
    }
    if (territories) {
        // Larger units first: when labels collide, the département wins over the commune.
        for (const auto& label : renderer.territory_labels()) {
            if (label.name.empty() || !label_shown_at(label.level, zoom)) continue;
            if (label.level == geo::TerritoryLevel::commune && named_by_place.contains(label.code)) continue;
            const bool big = label.level != geo::TerritoryLevel::commune && label.level != geo::TerritoryLevel::epci;
            const Rgba8 c = territory_style(label.level).outline;
            const LabelStyle style{&label.name, ImGui::GetFont(),
                                   big ? IM_COL32(c.r, c.g, c.b, 255) : IM_COL32(60, 60, 60, 255), false, 0};
            const int priority = kTerritoryLabelPriority[static_cast<std::size_t>(label.level)];
            add(camera.to_screen(label.at), style, priority, 0.0, true);
        }
    }
    geo::LabelViewPx view;
    view.width_px = camera.width_px();
    view.height_px = camera.height_px();
    for (const geo::PlacedLabel& placed : geo::place_labels(requests, view, obstacles)) {
        const LabelStyle& style = styles[placed.request];
        const geo::LabelRequest& r = requests[placed.request];
        if (style.place) {
            const ImVec2 dot(origin.x + static_cast<float>(r.x_px), origin.y + static_cast<float>(r.y_px));
            draw->AddCircleFilled(dot, style.dot_px + 1.2f, IM_COL32(255, 255, 255, 230));
            draw->AddCircleFilled(dot, style.dot_px, style.colour);
        }
        const ImVec2 at(origin.x + static_cast<float>(placed.box.x0_px),
                        origin.y + static_cast<float>(placed.box.y0_px));
        draw_halo_text(draw, at, style.colour, style.text->c_str(), style.font);
        if (drawn != nullptr)
            drawn->push_back({*style.text,
                              style.place,
                              {at.x, at.y, static_cast<float>(placed.box.x1_px - placed.box.x0_px),
                               static_cast<float>(placed.box.y1_px - placed.box.y0_px)}});
    }
}

void draw_scale_bar(ImDrawList* draw, ImVec2 origin, const Camera& camera) {
    const ScaleBar bar = camera.scale_bar(140.0);
    if (bar.length_m <= 0.0) return;
    const float w = static_cast<float>(bar.width_px);
    const ImVec2 text_size = ImGui::CalcTextSize(bar.label.c_str());
    const ImVec2 p0(origin.x + 12, origin.y + camera.height_px() - 14);
    draw->AddRectFilled(ImVec2(p0.x - 6, p0.y - text_size.y - 10), ImVec2(p0.x + w + 8, p0.y + 6), kPanelFill, 3.0f);
    draw->AddLine(p0, ImVec2(p0.x + w, p0.y), kInk, 2.0f);
    draw->AddLine(ImVec2(p0.x, p0.y - 5), ImVec2(p0.x, p0.y + 1), kInk, 2.0f);
    draw->AddLine(ImVec2(p0.x + w, p0.y - 5), ImVec2(p0.x + w, p0.y + 1), kInk, 2.0f);
    draw->AddText(ImVec2(p0.x + (w - text_size.x) / 2, p0.y - text_size.y - 6), kInk, bar.label.c_str());
}

void draw_attribution(ImDrawList* draw, ImVec2 origin, const Camera& camera, const std::string& attribution) {
    const ImVec2 size = ImGui::CalcTextSize(attribution.c_str());
    const ImVec2 at(origin.x + camera.width_px() - size.x - 8, origin.y + camera.height_px() - size.y - 5);
    draw->AddRectFilled(ImVec2(at.x - 5, at.y - 2), ImVec2(at.x + size.x + 5, at.y + size.y + 3), kPanelFill, 3.0f);
    draw->AddText(at, IM_COL32(70, 76, 84, 255), attribution.c_str());
}

// The legend's rows and box (canvas pixels); no rows when nothing to show.
struct LegendLayout {
    std::vector<std::pair<std::string, int>> rows;  // text, family index or -1 (perimeter)
    float width = 0, height = 0;
};

LegendLayout legend_layout(const MapModel& model) {
    LegendLayout out;
    const auto& counts = model.family_counts();
    const float line = ImGui::GetTextLineHeightWithSpacing();
    auto& rows = out.rows;
    for (int f = 0; f < geo::kFamilyCount; ++f)
        if (counts[static_cast<std::size_t>(f)] > 0)
            rows.emplace_back(std::string(family_name(static_cast<geo::Family>(f))) + " (" +
                                  std::to_string(counts[static_cast<std::size_t>(f)]) + ")",
                              f);
    if (!model.perimeters().empty()) rows.emplace_back(perimeter_legend_title(model.perimeters().size()), -1);
    if (rows.empty()) return out;
    float width = ImGui::CalcTextSize(tr(Text::legend_families)).x;
    for (const auto& r : rows) width = std::max(width, ImGui::CalcTextSize(r.first.c_str()).x + 24);
    out.width = width;
    out.height = line * static_cast<float>(rows.size() + 1) + 10;
    return out;
}

constexpr float kLegendMargin = 12.0f;

void draw_legend_box(ImDrawList* draw, ImVec2 origin, const LegendLayout& layout) {
    if (layout.rows.empty()) return;
    const float line = ImGui::GetTextLineHeightWithSpacing();
    const float width = layout.width, height = layout.height;
    const ImVec2 p(origin.x + kLegendMargin, origin.y + kLegendMargin);
    draw->AddRectFilled(p, ImVec2(p.x + width + 20, p.y + height), kPanelFill, 4.0f);
    draw->AddRect(p, ImVec2(p.x + width + 20, p.y + height), kPanelBorder, 4.0f);
    draw->AddText(ImVec2(p.x + 10, p.y + 6), kInk, tr(Text::legend_families));
    float y = p.y + 6 + line;
    for (const auto& [text, family] : layout.rows) {
        const ImVec2 c(p.x + 17, y + line / 2 - 2);
        if (family >= 0) {
            const Rgba8 col = family_colour(static_cast<geo::Family>(family));
            draw->AddCircleFilled(c, 5.5f, packed(col));
            draw->AddCircle(c, 5.5f, packed(darker(col, 0.6f)), 0, 1.0f);
        } else {
            const AreaStyle s = perimeter_style(true);
            draw->AddRectFilled(ImVec2(c.x - 6, c.y - 5), ImVec2(c.x + 6, c.y + 5), packed(with_alpha(s.fill, 90)));
            draw->AddRect(ImVec2(c.x - 6, c.y - 5), ImVec2(c.x + 6, c.y + 5), packed(s.outline), 0, 0, 2.0f);
        }
        draw->AddText(ImVec2(p.x + 30, y), kInk, text.c_str());
        y += line;
    }
}

}  // namespace

void draw_halo_text(ImDrawList* draw, ImVec2 at, ImU32 colour, const char* text, ImFont* font) {
    // A white halo (the four diagonals: as readable as eight directions at
    // this size, half the glyphs for llvmpipe): labels stay readable over
    // item discs and dark fills, which they are drawn above.
    if (font == nullptr) font = ImGui::GetFont();
    const ImU32 halo = IM_COL32(255, 255, 255, 235);
    for (const ImVec2 d : {ImVec2(-1, -1), ImVec2(1, -1), ImVec2(-1, 1), ImVec2(1, 1)})
        draw->AddText(font, font->FontSize, ImVec2(at.x + d.x, at.y + d.y), halo, text);
    draw->AddText(font, font->FontSize, at, colour, text);
}

void draw_map_overlay(ImDrawList* draw, ImVec2 origin, const MapModel& model, const MapRenderer& renderer,
                      const std::string& attribution, const OverlayOptions& options) {
    const Camera& camera = model.camera();
    const double w = camera.width_px(), h = camera.height_px();
    draw->PushClipRect(origin, ImVec2(origin.x + camera.width_px(), origin.y + camera.height_px()), true);
    // What labels must leave free: the boxes drawn below, and the caller's.
    std::vector<geo::LabelBox> obstacles = options.obstacles;
    const ScaleBar bar = camera.scale_bar(140.0);
    if (options.scale_bar && bar.length_m > 0.0) {
        const double text_h = ImGui::GetTextLineHeight();
        obstacles.push_back({6, h - 14 - text_h - 10, 12 + bar.width_px + 8, h - 8});
    }
    if (options.attribution && !attribution.empty()) {
        const ImVec2 size = ImGui::CalcTextSize(attribution.c_str());
        obstacles.push_back({w - size.x - 13, h - size.y - 7, w - 3, h - 2});
    }
    LegendLayout legend;
    if (options.legend) {
        legend = legend_layout(model);
        if (!legend.rows.empty())
            obstacles.push_back(
                {kLegendMargin, kLegendMargin, kLegendMargin + legend.width + 20, kLegendMargin + legend.height});
    }
    if (options.drawn_labels != nullptr) options.drawn_labels->clear();
    if (options.labels) draw_labels(draw, origin, model, renderer, obstacles, options.drawn_labels);
    if (options.scale_bar) draw_scale_bar(draw, origin, camera);
    if (options.attribution && !attribution.empty()) draw_attribution(draw, origin, camera, attribution);
    if (options.legend) draw_legend_box(draw, origin, legend);
    draw->PopClipRect();
}

}  // namespace app::gui
