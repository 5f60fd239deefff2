#include "app/gui/views/layers_panel.hpp"

#include <array>
#include <filesystem>
#include <set>

#include <fmt/format.h>
#include <imgui.h>

#include "app/gui/i18n.hpp"
#include "app/gui/render/map_style.hpp"
#include "app/gui/render/palette.hpp"

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

}  // namespace

std::string layer_title(const Layer& layer) {
    switch (layer.kind) {
        case LayerKind::items: return tr(Text::layer_items);
        case LayerKind::perimeters: return tr(Text::layer_perimeters);
        case LayerKind::territories: return tr(Text::layer_territories);
        case LayerKind::density: return tr(Text::layer_density);
        case LayerKind::gaps: return tr(Text::layer_gaps);
        case LayerKind::context:
            return fmt::format("{} : {}", tr(Text::layer_context),
                               std::filesystem::path(layer.path).filename().string());
    }
    return layer.id;
}

void draw_layers_panel(MapModel& model, UiState& ui) {
    LayerStack& stack = model.layers();
    // Copy: the buttons below may reorder the stack while we iterate.
    const std::vector<Layer> layers = stack.layers();
    if (ImGui::BeginTable("##layers", 3, ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_RowBg)) {
        ImGui::TableSetupColumn("##name", ImGuiTableColumnFlags_WidthStretch);
        ImGui::TableSetupColumn("##opacity", ImGuiTableColumnFlags_WidthFixed, 58.0f);
        ImGui::TableSetupColumn("##order", ImGuiTableColumnFlags_WidthFixed);
        for (auto it = layers.rbegin(); it != layers.rend(); ++it) {  // top of the stack first
            const Layer& layer = *it;
            // Layers whose analysis is not available yet are not offered.
            if (layer.kind == LayerKind::gaps || layer.kind == LayerKind::density) continue;
            ImGui::PushID(layer.id.c_str());
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            bool visible = layer.visible;
            if (ImGui::Checkbox(layer_title(layer).c_str(), &visible)) stack.set_visible(layer.id, visible);
            ImGui::TableNextColumn();
            float opacity = layer.opacity * 100.0f;
            ImGui::SetNextItemWidth(-1);
            if (ImGui::SliderFloat("##opacity", &opacity, 0.0f, 100.0f, "%.0f %%"))
                stack.set_opacity(layer.id, opacity / 100.0f);
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(Text::opacity));
            ImGui::TableNextColumn();
            if (ImGui::ArrowButton("##up", ImGuiDir_Up)) stack.move_up(layer.id);
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(Text::move_up));
            ImGui::SameLine(0, 2);
            if (ImGui::ArrowButton("##down", ImGuiDir_Down)) stack.move_down(layer.id);
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(Text::move_down));
            if (layer.kind == LayerKind::context) {
                ImGui::SameLine(0, 2);
                if (ImGui::SmallButton("x")) {
                    stack.remove_context(layer.id);
                    model.remove_context(layer.id);
                }
                if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(Text::remove));
            }
            ImGui::PopID();
        }
        ImGui::EndTable();
    }
    if (ImGui::Button(tr(Text::add_context_layer))) ui.open_import = ImportKind::context;
}

void draw_legend(const MapModel& model) {
    std::array<std::size_t, geo::kFamilyCount> counts{};
    for (const auto& item : model.items()) ++counts[static_cast<std::size_t>(item.family)];
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
        ImGui::TextDisabled("%s", tr(Text::legend_perimeter));
        const auto& levels = model.perimeters();
        for (std::size_t i = 0; i < levels.size(); ++i) {
            swatch_area(perimeter_style(i, levels.size()));
            ImGui::Text("%.0f %%", levels[i].level * 100.0);
        }
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
