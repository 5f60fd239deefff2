#include "app/gui/views/map_overlay.hpp"

#include <algorithm>
#include <array>
#include <vector>

#include "app/gui/i18n.hpp"
#include "app/gui/render/map_meshes.hpp"
#include "app/gui/render/map_style.hpp"
#include "app/gui/render/palette.hpp"

namespace app::gui {
namespace {

constexpr ImU32 kInk = IM_COL32(40, 46, 54, 255);
constexpr ImU32 kPanelFill = IM_COL32(255, 255, 255, 215);
constexpr ImU32 kPanelBorder = IM_COL32(190, 196, 204, 255);

bool overlaps(const ImVec4& a, const ImVec4& b) {
    return a.x < b.z && b.x < a.z && a.y < b.w && b.y < a.w;
}

void draw_labels(ImDrawList* draw, ImVec2 origin, const MapModel& model,
                 const MapRenderer& renderer) {
    const Camera& camera = model.camera();
    const double zoom = camera.zoom();
    std::vector<ImVec4> taken;
    for (const auto level : kLabelOrder) {
        if (!label_shown_at(level, zoom)) continue;
        const bool big = level != geo::TerritoryLevel::commune && level != geo::TerritoryLevel::epci;
        for (const auto& label : renderer.territory_labels()) {
            if (label.level != level || label.name.empty()) continue;
            const ScreenPx s = camera.to_screen(label.at);
            if (s.x_px < 0 || s.y_px < 0 || s.x_px > camera.width_px() || s.y_px > camera.height_px())
                continue;
            const ImVec2 size = ImGui::CalcTextSize(label.name.c_str());
            const ImVec2 at(origin.x + static_cast<float>(s.x_px) - size.x / 2,
                            origin.y + static_cast<float>(s.y_px) - size.y / 2);
            const ImVec4 box(at.x - 2, at.y - 1, at.x + size.x + 2, at.y + size.y + 1);
            if (std::any_of(taken.begin(), taken.end(), [&](const ImVec4& t) { return overlaps(t, box); }))
                continue;
            taken.push_back(box);
            const Rgba8 c = territory_style(level).outline;
            draw_halo_text(draw, at, big ? IM_COL32(c.r, c.g, c.b, 255) : IM_COL32(60, 60, 60, 255),
                           label.name.c_str());
        }
    }
}

void draw_scale_bar(ImDrawList* draw, ImVec2 origin, const Camera& camera) {
    const ScaleBar bar = camera.scale_bar(140.0);
    if (bar.length_m <= 0.0) return;
    const float w = static_cast<float>(bar.width_px);
    const ImVec2 text_size = ImGui::CalcTextSize(bar.label.c_str());
    const ImVec2 p0(origin.x + 12, origin.y + camera.height_px() - 14);
    draw->AddRectFilled(ImVec2(p0.x - 6, p0.y - text_size.y - 10), ImVec2(p0.x + w + 8, p0.y + 6),
                        kPanelFill, 3.0f);
    draw->AddLine(p0, ImVec2(p0.x + w, p0.y), kInk, 2.0f);
    draw->AddLine(ImVec2(p0.x, p0.y - 5), ImVec2(p0.x, p0.y + 1), kInk, 2.0f);
    draw->AddLine(ImVec2(p0.x + w, p0.y - 5), ImVec2(p0.x + w, p0.y + 1), kInk, 2.0f);
    draw->AddText(ImVec2(p0.x + (w - text_size.x) / 2, p0.y - text_size.y - 6), kInk,
                  bar.label.c_str());
}

void draw_attribution(ImDrawList* draw, ImVec2 origin, const Camera& camera,
                      const std::string& attribution) {
    const ImVec2 size = ImGui::CalcTextSize(attribution.c_str());
    const ImVec2 at(origin.x + camera.width_px() - size.x - 8, origin.y + camera.height_px() - size.y - 5);
    draw->AddRectFilled(ImVec2(at.x - 5, at.y - 2), ImVec2(at.x + size.x + 5, at.y + size.y + 3),
                        kPanelFill, 3.0f);
    draw->AddText(at, IM_COL32(70, 76, 84, 255), attribution.c_str());
}

void draw_legend_box(ImDrawList* draw, ImVec2 origin, const MapModel& model) {
    const auto& counts = model.family_counts();
    const float line = ImGui::GetTextLineHeightWithSpacing();
    std::vector<std::pair<std::string, int>> rows;  // text, family index or -1 (perimeter)
    for (int f = 0; f < geo::kFamilyCount; ++f)
        if (counts[static_cast<std::size_t>(f)] > 0)
            rows.emplace_back(std::string(family_name(static_cast<geo::Family>(f))) + " (" +
                                  std::to_string(counts[static_cast<std::size_t>(f)]) + ")",
                              f);
    if (!model.perimeters().empty()) rows.emplace_back(tr(Text::legend_perimeter), -1);
    if (rows.empty()) return;
    float width = ImGui::CalcTextSize(tr(Text::legend_families)).x;
    for (const auto& r : rows) width = std::max(width, ImGui::CalcTextSize(r.first.c_str()).x + 24);
    const ImVec2 p(origin.x + 12, origin.y + 12);
    const float height = line * static_cast<float>(rows.size() + 1) + 10;
    draw->AddRectFilled(p, ImVec2(p.x + width + 20, p.y + height), kPanelFill, 4.0f);
    draw->AddRect(p, ImVec2(p.x + width + 20, p.y + height), kPanelBorder, 4.0f);
    draw->AddText(ImVec2(p.x + 10, p.y + 6), kInk, tr(Text::legend_families));
    float y = p.y + 6 + line;
    for (const auto& [text, family] : rows) {
        const ImVec2 c(p.x + 17, y + line / 2 - 2);
        if (family >= 0) {
            const Rgba8 col = family_colour(static_cast<geo::Family>(family));
            draw->AddCircleFilled(c, 5.5f, packed(col));
            draw->AddCircle(c, 5.5f, packed(darker(col, 0.6f)), 0, 1.0f);
        } else {
            const AreaStyle s = perimeter_style(true);
            draw->AddRectFilled(ImVec2(c.x - 6, c.y - 5), ImVec2(c.x + 6, c.y + 5),
                                packed(with_alpha(s.fill, 90)));
            draw->AddRect(ImVec2(c.x - 6, c.y - 5), ImVec2(c.x + 6, c.y + 5), packed(s.outline), 0, 0, 2.0f);
        }
        draw->AddText(ImVec2(p.x + 30, y), kInk, text.c_str());
        y += line;
    }
}

}  // namespace

void draw_halo_text(ImDrawList* draw, ImVec2 at, ImU32 colour, const char* text) {
    // A full white halo (eight directions): labels stay readable over item
    // discs and dark fills, which they are drawn above.
    const ImU32 halo = IM_COL32(255, 255, 255, 235);
    for (const ImVec2 d : {ImVec2(-1, 0), ImVec2(1, 0), ImVec2(0, -1), ImVec2(0, 1), ImVec2(-1, -1),
                           ImVec2(1, -1), ImVec2(-1, 1), ImVec2(1, 1)})
        draw->AddText(ImVec2(at.x + d.x, at.y + d.y), halo, text);
    draw->AddText(at, colour, text);
}

void draw_map_overlay(ImDrawList* draw, ImVec2 origin, const MapModel& model,
                      const MapRenderer& renderer, const std::string& attribution,
                      const OverlayOptions& options) {
    const Camera& camera = model.camera();
    draw->PushClipRect(origin, ImVec2(origin.x + camera.width_px(), origin.y + camera.height_px()), true);
    const Layer* territories = model.layers().find(LayerKind::territories);
    if (options.labels && territories && territories->visible) draw_labels(draw, origin, model, renderer);
    if (options.scale_bar) draw_scale_bar(draw, origin, camera);
    if (options.attribution && !attribution.empty()) draw_attribution(draw, origin, camera, attribution);
    if (options.legend) draw_legend_box(draw, origin, model);
    draw->PopClipRect();
}

}  // namespace app::gui
