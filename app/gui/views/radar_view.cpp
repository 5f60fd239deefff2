#include "app/gui/views/radar_view.hpp"

#include <algorithm>
#include <array>
#include <string>
#include <vector>

#include <imgui.h>

#include "app/gui/i18n.hpp"
#include "app/gui/views/map_overlay.hpp"

namespace app::gui {
namespace {

// Competitors: teal, dark orange, grey, olive (clear of the indigo of ours).
constexpr std::array<Rgba8, 4> kCompetitorColours = {
    {{0, 128, 128, 255}, {200, 90, 0, 255}, {100, 100, 100, 255}, {120, 130, 20, 255}}};

ImVec2 im(RadarPoint p) {
    return {p.x, p.y};
}

}  // namespace

Rgba8 radar_series_colour(std::size_t index) {
    return index == 0 ? kPerimeterColour : kCompetitorColours[(index - 1) % kCompetitorColours.size()];
}

void draw_radar(const RadarChart& chart, float width) {
    const std::size_t n = chart.axes.size();
    if (n < 3 || chart.series.empty()) return;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float label_h = ImGui::GetTextLineHeight();
    std::vector<std::string> names;
    float widest = 0.0f;
    for (const geo::Family f : chart.axes) {
        names.emplace_back(family_name(f));
        widest = std::max(widest, ImGui::CalcTextSize(names.back().c_str()).x);
    }
    // Room for the labels on both sides; never taller than it is useful.
    const float radius = std::clamp(width * 0.5f - widest * 0.75f - 8.0f, 50.0f, 120.0f);
    const float height = 2.0f * radius + 3.0f * label_h;
    const RadarPoint centre{origin.x + width * 0.5f, origin.y + radius + 1.5f * label_h};
    const ImU32 grid = packed({150, 150, 150, 120});
    for (int ring = 1; ring <= 4; ++ring) {
        std::vector<ImVec2> pts;
        for (std::size_t a = 0; a < n; ++a) pts.push_back(im(radar_point(centre, radius, a, n, ring / 4.0)));
        draw->AddPolyline(pts.data(), static_cast<int>(pts.size()), grid, ImDrawFlags_Closed, 1.0f);
    }
    for (std::size_t a = 0; a < n; ++a)
        draw->AddLine(im(centre), im(radar_point(centre, radius, a, n, 1.0)), grid, 1.0f);
    // Competitors first, ours on top.
    for (std::size_t s = chart.series.size(); s-- > 0;) {
        const auto poly = radar_polygon(centre, radius, chart.series[s].values);
        std::vector<ImVec2> pts;
        for (const auto& p : poly) pts.push_back(im(p));
        const Rgba8 c = radar_series_colour(s);
        if (chart.series[s].ours) {
            // Star-shaped around the centre, not always convex: a fan from
            // the centre, without anti-aliased seams between its triangles.
            const ImDrawListFlags flags = draw->Flags;
            draw->Flags &= ~ImDrawListFlags_AntiAliasedFill;
            for (std::size_t i = 0; i < pts.size(); ++i)
                draw->AddTriangleFilled(im(centre), pts[i], pts[(i + 1) % pts.size()], packed(with_alpha(c, 70)));
            draw->Flags = flags;
        }
        draw->AddPolyline(pts.data(), static_cast<int>(pts.size()), packed(c), ImDrawFlags_Closed,
                          chart.series[s].ours ? 2.5f : 1.8f);
        for (const auto& p : pts) draw->AddCircleFilled(p, 2.5f, packed(c));
    }
    // Family names at the end of their spokes, over the polygons.
    for (std::size_t a = 0; a < n; ++a) {
        const ImVec2 ts = ImGui::CalcTextSize(names[a].c_str());
        const RadarPoint tip = radar_point(centre, radius + 6.0f, a, n, 1.0);
        const float dx = tip.x - centre.x, dy = tip.y - centre.y;
        ImVec2 at{tip.x - ts.x * 0.5f, tip.y - ts.y * 0.5f};
        if (dx > 4.0f) at.x = tip.x;
        if (dx < -4.0f) at.x = tip.x - ts.x;
        if (dy < -radius * 0.9f) at.y = tip.y - ts.y;
        if (dy > radius * 0.9f) at.y = tip.y;
        at.x = std::clamp(at.x, origin.x, origin.x + width - ts.x);
        draw_halo_text(draw, at, packed({50, 50, 50, 255}), names[a].c_str());
    }
    ImGui::Dummy(ImVec2(width, height));
    for (std::size_t s = 0; s < chart.series.size(); ++s) {
        const ImVec2 p = ImGui::GetCursorScreenPos();
        draw->AddRectFilled(ImVec2(p.x, p.y + label_h * 0.3f), ImVec2(p.x + 14, p.y + label_h * 0.8f),
                            packed(radar_series_colour(s)));
        ImGui::Dummy(ImVec2(18, label_h));
        ImGui::SameLine();
        ImGui::TextUnformatted(chart.series[s].name.c_str());
    }
}

}  // namespace app::gui
