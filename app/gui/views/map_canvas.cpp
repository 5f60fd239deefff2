#include "app/gui/views/map_canvas.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "app/gui/i18n.hpp"
#include "app/gui/render/palette.hpp"
#include "app/gui/ui_style.hpp"
#include "app/gui/views/gaps_panel.hpp"
#include "app/gui/views/map_overlay.hpp"

namespace app::gui {
namespace {

constexpr double kWheelZoomStep = 0.5;  // zoom levels per wheel notch
constexpr double kKeyPanPx = 80.0;
constexpr float kMargin = 10.0f;

// The last item's rectangle.
UiRect item_rect() {
    const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
    return {min.x, min.y, max.x - min.x, max.y - min.y};
}

// "47,4460° N ; 1,1264° E" in French (decimal comma, so not a comma between
// them), "47.4460° N, 1.1264° E" in English.
std::string format_lonlat(geo::LonLat p) {
    const bool fr = language() == Language::fr;
    return fmt::format("{}° {}{} {}° {}", format_number(std::abs(p.lat_deg), 4), p.lat_deg >= 0 ? "N" : "S",
                       fr ? " ;" : ",", format_number(std::abs(p.lon_deg), 4), p.lon_deg >= 0 ? "E" : (fr ? "O" : "W"));
}

}  // namespace

void fit_view(MapModel& model, UiState& ui, bool selection_only) {
    ui.flight.cancel();
    if (selection_only && model.selected()) {
        geo::LonLatBox box;
        box.extend(model.items()[*model.selected()].position);
        model.camera().fit(box, 40.0, 14.0);
        return;
    }
    const geo::LonLatBox extent = model.focus_extent();
    if (!extent.empty()) model.camera().fit(extent, 40.0);
}

void MapCanvas::draw(ImVec2 pos, ImVec2 size, MapModel& model, const MapRenderer& renderer, UiState& ui) {
    model.camera().set_viewport(static_cast<int>(size.x), static_cast<int>(size.y));
    // Fits wait for the canvas size, known only now.
    if (ui.fit_box) {
        model.camera().fit(*ui.fit_box, 0.0);
        ui.fit_box.reset();
    }
    if (ui.fit_requested) {
        fit_view(model, ui, false);
        ui.fit_requested = false;
    }
    ui.flight.step(model.camera(), ui.now_s);

    ImGui::SetNextWindowPos(pos);
    ImGui::SetNextWindowSize(size);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 0.0f);
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoBackground |
                                   ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoSavedSettings |
                                   ImGuiWindowFlags_NoNav | ImGuiWindowFlags_NoScrollWithMouse |
                                   ImGuiWindowFlags_NoMove;
    ImGui::Begin("##map", nullptr, flags);
    ImGui::PopStyleVar(2);

    ImGui::SetCursorScreenPos(pos);
    ImGui::InvisibleButton("##canvas", size, ImGuiButtonFlags_MouseButtonLeft | ImGuiButtonFlags_MouseButtonRight);
    handle_input(pos, model, renderer, ui);

    ImDrawList* draw = ImGui::GetWindowDrawList();
    OverlayOptions overlay;
    // Labels leave the status line and the on-map buttons (last frame's place) free.
    const ImVec2 status = ImGui::CalcTextSize(status_text(model, renderer).c_str());
    overlay.obstacles.push_back({0, 0, kMargin + 8 + status.x + 6, kMargin + 5 + status.y});
    const UiRect& fit = m_controls.fit;
    if (fit.w > 0)
        overlay.obstacles.push_back(
            {fit.x - pos.x - 4, fit.y - pos.y - 4, size.x, m_controls.zoom_out.y + m_controls.zoom_out.h - pos.y + 4});
    if (const auto& b = ui.search_box_px; b[2] > 0)
        overlay.obstacles.push_back(
            {b[0] - pos.x - 4, b[1] - pos.y - 4, b[0] + b[2] - pos.x + 4, b[1] + b[3] - pos.y + 4});
    overlay.drawn_labels = &m_labels;
    draw_map_overlay(draw, pos, model, renderer, ui.attribution, overlay);
    draw_gap_selection(draw, pos, model);
    draw_status(draw, pos, size, model, renderer, ui);
    draw_controls(pos, size, model, ui);

    if (m_hovered && model.hovered() && !ImGui::IsMouseDragging(ImGuiMouseButton_Left)) {
        const geo::OfferItem& item = model.items()[*model.hovered()];
        ImGui::BeginTooltip();
        ImGui::TextUnformatted(item.name.c_str());
        ImGui::TextColored(family_text_colour(item.family), "%.*s", static_cast<int>(family_name(item.family).size()),
                           family_name(item.family).data());
        if (!item.commune_insee.empty())
            ImGui::TextDisabled("%s", model.commune_names().display(item.commune_insee).c_str());
        ImGui::EndTooltip();
    } else if (m_hovered && !ImGui::IsMouseDragging(ImGuiMouseButton_Left) && model.gaps()) {
        if (auto cell = gap_cell_at(model, model.camera().to_lonlat({m_cursor_local.x, m_cursor_local.y}))) {
            ImGui::BeginTooltip();
            gap_cell_tooltip(*model.gaps(), *cell);
            ImGui::EndTooltip();
        }
    }
    ImGui::End();
}

void MapCanvas::handle_input(ImVec2 pos, MapModel& model, const MapRenderer& renderer, UiState& ui) {
    ImGuiIO& io = ImGui::GetIO();
    Camera& camera = model.camera();
    m_hovered = ImGui::IsItemHovered();
    m_cursor_local = ImVec2(io.MousePos.x - pos.x, io.MousePos.y - pos.y);
    const ScreenPx cursor{m_cursor_local.x, m_cursor_local.y};

    if (ImGui::IsItemActive() && (io.MouseDelta.x != 0.0f || io.MouseDelta.y != 0.0f) &&
        (ImGui::IsMouseDragging(ImGuiMouseButton_Left) || ImGui::IsMouseDragging(ImGuiMouseButton_Right))) {
        ui.flight.cancel();
        camera.pan_by_px(io.MouseDelta.x, io.MouseDelta.y);
    }
    if (m_hovered && io.MouseWheel != 0.0f) {
        ui.flight.cancel();
        camera.zoom_around(cursor, std::exp2(io.MouseWheel * kWheelZoomStep));
    }
    if (m_hovered && ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) {
        ui.flight.cancel();
        camera.zoom_around(cursor, 2.0);
    }
    // A click selects (or clears the selection); the end of a drag does not.
    if (m_hovered && ImGui::IsMouseReleased(ImGuiMouseButton_Left) &&
        std::hypot(io.MouseDragMaxDistanceAbs[0].x, io.MouseDragMaxDistanceAbs[0].y) < 4.0f) {
        const auto item = renderer.pick(model, cursor);
        model.select(item);
        // Off the items, a click on the Gaps layer selects a cell and its zone.
        const auto cell = item ? std::nullopt : gap_cell_at(model, camera.to_lonlat(cursor));
        std::optional<std::size_t> zone;
        if (cell && model.gaps()->cells[*cell].zone >= 0)
            zone = static_cast<std::size_t>(model.gaps()->cells[*cell].zone);
        model.select_gap(cell, zone);
        if (cell) ui.show_gaps_panel = true;
    }
    model.hover(m_hovered && !ImGui::IsItemActive() ? renderer.pick(model, cursor) : std::nullopt);

    // Keyboard, when no text field has the focus and no menu or dialog is
    // open: + / − by character (any keyboard layout), arrows by key.
    if (io.WantTextInput || ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId)) return;
    const ScreenPx centre{camera.width_px() / 2.0, camera.height_px() / 2.0};
    for (ImWchar ch : io.InputQueueCharacters) {
        if (ch == '+' || ch == '=') camera.zoom_around(centre, 2.0);
        if (ch == '-' || ch == 0x2212) camera.zoom_around(centre, 0.5);
    }
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_LeftArrow))) camera.pan_by_px(kKeyPanPx, 0);
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_RightArrow))) camera.pan_by_px(-kKeyPanPx, 0);
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_UpArrow))) camera.pan_by_px(0, kKeyPanPx);
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_DownArrow))) camera.pan_by_px(0, -kKeyPanPx);
}

void MapCanvas::draw_controls(ImVec2 pos, ImVec2 size, MapModel& model, UiState& ui) {
    // The buttons sit in a child window of their own. Drawn over the canvas's
    // InvisibleButton in the same window they could never be pressed: ImGui
    // gives the hover to the first item submitted under the mouse, and the
    // canvas comes first. A child window is hovered instead of its parent, so
    // the canvas neither pans nor picks under the buttons.
    const float button = ImGui::GetFrameHeight() + 6;
    const float gap = 6;
    const float fit_w = ImGui::CalcTextSize(tr(Text::fit)).x + 16;
    const ImVec2 box(std::max(fit_w, button), 3 * button + 2 * gap);
    const ImVec2 corner(pos.x + size.x - box.x - kMargin, pos.y + kMargin);
    ImGui::SetCursorScreenPos(corner);
    ImGui::BeginChild("##map_controls", box, false,
                      ImGuiWindowFlags_NoBackground | ImGuiWindowFlags_NoScrollbar |
                          ImGuiWindowFlags_NoScrollWithMouse | ImGuiWindowFlags_NoNav);
    Camera& camera = model.camera();
    const ScreenPx centre{camera.width_px() / 2.0, camera.height_px() / 2.0};
    const auto place = [&](float width, int row) {
        ImGui::SetCursorScreenPos(
            ImVec2(corner.x + box.x - width, corner.y + static_cast<float>(row) * (button + gap)));
    };
    place(fit_w, 0);
    if (ImGui::Button(tr(Text::fit), ImVec2(fit_w, button))) fit_view(model, ui, false);
    m_controls.fit = item_rect();
    place(button, 1);
    if (ImGui::Button("+", ImVec2(button, button))) camera.zoom_around(centre, 2.0);
    m_controls.zoom_in = item_rect();
    place(button, 2);
    if (ImGui::Button("\xE2\x88\x92", ImVec2(button, button))) camera.zoom_around(centre, 0.5);  // −
    m_controls.zoom_out = item_rect();
    ImGui::EndChild();
}

std::string MapCanvas::status_text(const MapModel& model, const MapRenderer& renderer) const {
    std::string text = fmt::format("{} {}", tr(Text::zoom_level), format_number(model.camera().zoom(), 1));
    if (m_hovered)
        text = fmt::format("{}  ·  {}", format_lonlat(model.camera().to_lonlat({m_cursor_local.x, m_cursor_local.y})),
                           text);
    if (renderer.stats().aggregated) text += fmt::format("  ·  {}", tr(Text::aggregated_note));
    return text;
}

void MapCanvas::draw_status(ImDrawList* draw, ImVec2 pos, ImVec2 size, const MapModel& model,
                            const MapRenderer& renderer, const UiState& ui) const {
    const std::string text = status_text(model, renderer);
    const ImVec2 ts = ImGui::CalcTextSize(text.c_str());
    const ImVec2 at(pos.x + kMargin + 2, pos.y + kMargin + 2);
    draw->AddRectFilled(ImVec2(at.x - 6, at.y - 2), ImVec2(at.x + ts.x + 6, at.y + ts.y + 3),
                        IM_COL32(255, 255, 255, 200), 3.0f);
    draw->AddText(at, IM_COL32(50, 56, 64, 255), text.c_str());
    if (!ui.status.empty()) {
        const ImVec2 ss = ImGui::CalcTextSize(ui.status.c_str());
        const ImVec2 sat(pos.x + (size.x - ss.x) / 2, pos.y + ts.y + 2 * kMargin + 8);
        draw->AddRectFilled(ImVec2(sat.x - 8, sat.y - 4), ImVec2(sat.x + ss.x + 8, sat.y + ss.y + 4),
                            ui.status_is_error ? IM_COL32(253, 236, 234, 235) : IM_COL32(255, 255, 255, 225), 4.0f);
        draw->AddText(sat, ui.status_is_error ? IM_COL32(160, 30, 30, 255) : IM_COL32(40, 46, 54, 255),
                      ui.status.c_str());
    }
}

}  // namespace app::gui
