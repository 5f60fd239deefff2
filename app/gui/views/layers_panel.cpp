#include "app/gui/views/layers_panel.hpp"

#include <array>
#include <filesystem>
#include <set>

#include <fmt/format.h>
#include <imgui.h>

#include "app/gui/i18n.hpp"
#include "app/gui/model/gap_view.hpp"
#include "app/gui/render/density_layer.hpp"
#include "app/gui/render/map_style.hpp"
#include "app/gui/render/palette.hpp"
#include "geo/core/rounding.hpp"

namespace app::gui {
namespace {

void swatch_disc(Rgba8 colour) {
    const float h = ImGui::GetTextLineHeight();
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddCircleFilled(ImVec2(p.x + h / 2, p.y + h / 2), h * 0.36f, packed(colour));
    draw->AddCircle(ImVec2(p.x + h / 2, p.y + h / 2), h * 0.36f, packed(darker(colour, 0.6f)), 0, 1.0f);
    ImGui::Dummy(ImVec2(h, h));
    ImGui::SameLine();
}

void swatch_area(const AreaStyle& style) {
    const float h = ImGui::GetTextLineHeight();
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 a(p.x + 1, p.y + 2), b(p.x + h * 1.6f, p.y + h - 2);
    draw->AddRectFilled(a, b, IM_COL32(236, 241, 244, 255));
    if (style.fill.a > 0) draw->AddRectFilled(a, b, packed(with_alpha(style.fill, std::min(255, style.fill.a * 3))));
    if (style.line.dash_on_px > 0) {
        // Dashed outline along the top and bottom edges.
        for (float x = a.x; x < b.x; x += style.line.dash_on_px * 0.6f + style.line.dash_off_px * 0.6f) {
            const float x1 = std::min(b.x, x + style.line.dash_on_px * 0.6f);
            draw->AddLine(ImVec2(x, a.y), ImVec2(x1, a.y), packed(style.outline), style.line.width_px);
            draw->AddLine(ImVec2(x, b.y), ImVec2(x1, b.y), packed(style.outline), style.line.width_px);
        }
    } else {
        draw->AddRect(a, b, packed(style.outline), 0.0f, 0, style.line.width_px);
    }
    ImGui::Dummy(ImVec2(h * 1.6f + 2, h));
    ImGui::SameLine();
}

// A horizontal colour ramp, with its end labels.
void swatch_ramp(Rgba8 (*colour)(float), const char* low, const char* high) {
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float w = std::min(ImGui::GetContentRegionAvail().x - 30.0f, 200.0f), h = ImGui::GetTextLineHeight();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const float x0 = p.x + (*low ? ImGui::CalcTextSize(low).x + 6.0f : 0.0f);
    for (int i = 0; i < 50; ++i)
        draw->AddRectFilled(ImVec2(x0 + w * static_cast<float>(i) / 50.0f, p.y),
                            ImVec2(x0 + w * static_cast<float>(i + 1) / 50.0f, p.y + h),
                            packed(colour(static_cast<float>(i) / 49.0f)));
    if (*low) draw->AddText(p, ImGui::GetColorU32(ImGuiCol_TextDisabled), low);
    if (*high) draw->AddText(ImVec2(x0 + w + 6.0f, p.y), ImGui::GetColorU32(ImGuiCol_TextDisabled), high);
    ImGui::Dummy(ImVec2(w, h));
}

}  // namespace

nlohmann::json layers_state(const MapModel& model, const UiState& ui) {
    nlohmann::json out = nlohmann::json::array();
    for (const Layer& layer : model.layers().layers()) {
        nlohmann::json row = {{"id", layer.id}, {"visible", layer.visible}, {"opacity", layer.opacity}};
        for (const auto& [id, r] : ui.layer_checkboxes_px)
            if (id == layer.id) row["checkbox"] = {r[0], r[1], r[2], r[3]};
        out.push_back(std::move(row));
    }
    return out;
}

std::string layer_title(const Layer& layer) {
    switch (layer.kind) {
        case LayerKind::items:
            return tr(Text::layer_items);
        case LayerKind::perimeters:
            return tr(Text::layer_perimeters);
        case LayerKind::territories:
            return tr(Text::layer_territories);
        case LayerKind::density:
            return tr(Text::layer_density);
        case LayerKind::gaps:
            return tr(Text::layer_gaps);
        case LayerKind::places:
            return tr(Text::layer_places);
        case LayerKind::context:
            return fmt::format("{} : {}", tr(Text::layer_context),
                               std::filesystem::path(layer.path).filename().string());
        case LayerKind::basemap:
            return fmt::format("{} : {}", tr(Text::layer_basemap),
                               std::filesystem::path(layer.path).filename().string());
    }
    return layer.id;
}

void draw_layers_panel(MapModel& model, UiState& ui) {
    LayerStack& stack = model.layers();
    ui.layer_checkboxes_px.clear();
    // Copy: the buttons below may reorder the stack while we iterate.
    const std::vector<Layer> layers = stack.layers();
    if (ImGui::BeginTable("##layers", 3, ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_RowBg)) {
        ImGui::TableSetupColumn("##name", ImGuiTableColumnFlags_WidthStretch);
        ImGui::TableSetupColumn("##opacity", ImGuiTableColumnFlags_WidthFixed, 58.0f);
        ImGui::TableSetupColumn("##order", ImGuiTableColumnFlags_WidthFixed);
        for (auto it = layers.rbegin(); it != layers.rend(); ++it) {  // top of the stack first
            const Layer& layer = *it;
            // Layers with nothing to show are not offered.
            if (layer.kind == LayerKind::gaps && model.perimeters().empty() && !model.gaps()) continue;
            if (layer.kind == LayerKind::density && model.density().empty()) continue;
            if (layer.kind == LayerKind::places && model.places().empty()) continue;
            ImGui::PushID(layer.id.c_str());
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            bool visible = layer.visible;
            if (ImGui::Checkbox(layer_title(layer).c_str(), &visible)) stack.set_visible(layer.id, visible);
            const ImVec2 box_min = ImGui::GetItemRectMin(), box_size = ImGui::GetItemRectSize();
            ui.layer_checkboxes_px.push_back({layer.id, {box_min.x, box_min.y, box_size.x, box_size.y}});
            // The name may be cut in a narrow panel: the tooltip has it whole.
            if (ImGui::IsItemHovered())
                ImGui::SetTooltip("%s", layer.path.empty() ? layer_title(layer).c_str()
                                                           : (layer_title(layer) + "\n" + layer.path).c_str());
            ImGui::TableNextColumn();
            float opacity = layer.opacity * 100.0f;
            ImGui::SetNextItemWidth(-1);
            if (ImGui::SliderFloat("##opacity", &opacity, 0.0f, 100.0f, percent_slider_format()))
                stack.set_opacity(layer.id, static_cast<float>(geo::round_to_decimals(opacity, 0) / 100.0));
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(Text::opacity));
            ImGui::TableNextColumn();
            if (ImGui::ArrowButton("##up", ImGuiDir_Up)) stack.move_up(layer.id);
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(Text::move_up));
            ImGui::SameLine(0, 2);
            if (ImGui::ArrowButton("##down", ImGuiDir_Down)) stack.move_down(layer.id);
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(Text::move_down));
            if (layer.kind == LayerKind::context) {
                ImGui::SameLine(0, 2);
                if (ImGui::SmallButton("x")) model.remove_context(layer.id);
                if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(Text::remove));
            }
            ImGui::PopID();
        }
        ImGui::EndTable();
    }
    if (ImGui::Button(tr(Text::add_context_layer))) ui.open_import = ImportKind::context;
}

void draw_legend(const MapModel& model) {
    const auto& counts = model.family_counts();
    ImGui::TextDisabled("%s", tr(Text::legend_families));
    if (ImGui::BeginTable("##families", 2)) {
        ImGui::TableSetupColumn("##name", ImGuiTableColumnFlags_WidthStretch);
        ImGui::TableSetupColumn("##count", ImGuiTableColumnFlags_WidthFixed, 60.0f);
        for (const geo::Family f : geo::kAllFamilies) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            swatch_disc(family_colour(f));
            const auto name = family_name(f);
            ImGui::Text("%.*s", static_cast<int>(name.size()), name.data());
            ImGui::TableNextColumn();
            const std::string count = std::to_string(counts[static_cast<std::size_t>(f)]);
            ImGui::SetCursorPosX(ImGui::GetCursorPosX() + ImGui::GetContentRegionAvail().x -
                                 ImGui::CalcTextSize(count.c_str()).x);
            ImGui::TextDisabled("%s", count.c_str());
        }
        ImGui::EndTable();
    }
    if (!model.item_weights().empty()) ImGui::TextDisabled("%s", tr(Text::legend_size_by_weight));

    if (!model.perimeters().empty()) {
        ImGui::Spacing();
        ImGui::TextDisabled("%s", perimeter_legend_title(model.perimeters().size()));
        const auto& levels = model.perimeters();
        for (std::size_t i = 0; i < levels.size(); ++i) {
            swatch_area(perimeter_style(levels[i].main));
            ImGui::TextUnformatted(format_percent(levels[i].level, 0).c_str());
        }
    }
    if (!model.density().empty() && model.layers().find(LayerKind::density)->visible) {
        ImGui::Spacing();
        ImGui::TextDisabled("%s", tr(Text::layer_density));
        swatch_ramp([](float t) { return with_alpha(density_ramp(t), 255); }, "", "");
    }
    if (model.gaps() && model.layers().find(LayerKind::gaps)->visible) {
        ImGui::Spacing();
        ImGui::TextDisabled("%s (%s)", tr(Text::layer_gaps), tr(Text::col_score));
        // Blended over the light map, as drawn.
        swatch_ramp(
            [](float t) {
                const Rgba8 c = gap_colour(std::max(t, 0.02f));
                const auto over = [&](std::uint8_t x, std::uint8_t bg) {
                    return static_cast<std::uint8_t>((x * c.a + bg * (255 - c.a)) / 255);
                };
                return Rgba8{over(c.r, kMapBackground.r), over(c.g, kMapBackground.g), over(c.b, kMapBackground.b),
                             255};
            },
            "0", "1");
    }
    std::set<geo::TerritoryLevel> present;
    for (const auto& t : model.territories()) present.insert(t.level);
    if (!present.empty()) {
        ImGui::Spacing();
        ImGui::TextDisabled("%s", tr(Text::legend_territories));
        for (const auto level : present) {
            swatch_area(territory_style(level));
            ImGui::TextUnformatted(level_name(level));
        }
    }
}

}  // namespace app::gui
