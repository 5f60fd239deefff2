#include "app/gui/views/labelled_slider.hpp"

#include <imgui.h>

namespace app::gui {

std::string fit_text(const std::string& text, float width_px) {
    if (ImGui::CalcTextSize(text.c_str()).x <= width_px) return text;
    const char* const kEllipsis = "\xE2\x80\xA6";
    std::string cut = text;
    while (!cut.empty()) {
        // Drop one UTF-8 character: its continuation bytes, then its lead byte.
        unsigned char dropped = 0;
        do {
            dropped = static_cast<unsigned char>(cut.back());
            cut.pop_back();
        } while (!cut.empty() && (dropped & 0xC0) == 0x80);
        if (ImGui::CalcTextSize((cut + kEllipsis).c_str()).x <= width_px) break;
    }
    return cut + kEllipsis;
}

bool labelled_slider(const char* id, const std::string& label, float& value, float min, float max,
                     const std::string& format, float label_share) {
    const float start = ImGui::GetCursorPosX();
    const float row = ImGui::GetContentRegionAvail().x;
    const float spacing = ImGui::GetStyle().ItemInnerSpacing.x;
    const float label_w = row * label_share - spacing;
    const std::string shown = fit_text(label, label_w);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(shown.c_str());
    if (shown != label && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", label.c_str());
    ImGui::SameLine(start + row * label_share);
    ImGui::SetNextItemWidth(-1);
    const bool changed = ImGui::SliderFloat(id, &value, min, max, format.c_str());
    if (shown != label && ImGui::IsItemHovered() && !ImGui::IsItemActive()) ImGui::SetTooltip("%s", label.c_str());
    return changed;
}

}  // namespace app::gui
