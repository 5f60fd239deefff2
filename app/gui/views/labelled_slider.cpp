#include "app/gui/views/labelled_slider.hpp"

#include <algorithm>

#include <imgui.h>
#include <imgui_internal.h>

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
    // The name's column gives way (cut with "…") before the slider gets
    // narrower than three handles.
    const std::string text = slider_value_text(format, value);
    const float value_w = std::max(ImGui::CalcTextSize(text.c_str()).x, ImGui::CalcTextSize("00,0 km").x);
    const float min_slider_w = 3.0f * ImGui::GetFrameHeight();
    const float label_col = std::max(row * 0.3f, std::min(row * label_share, row - value_w - spacing - min_slider_w));
    const float label_w = label_col - spacing;
    const std::string shown = fit_text(label, label_w);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(shown.c_str());
    if (shown != label && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", label.c_str());
    // The value stands right of the slider, so that the handle never covers
    // it; ImGui still formats it inside (its rounding follows `format`), in
    // a transparent colour. The slider is drawn last: callers read its
    // rectangle as the last item.
    const float slider_x = start + label_col;
    ImGui::SameLine(start + row - value_w);
    ImGui::TextUnformatted(text.c_str());
    ImGui::SameLine(slider_x);
    ImGui::SetNextItemWidth(std::max(1.0f, row - label_col - value_w - spacing));
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0, 0, 0, 0));
    const bool changed = ImGui::SliderFloat(id, &value, min, max, format.c_str());
    ImGui::PopStyleColor();
    if (shown != label && ImGui::IsItemHovered() && !ImGui::IsItemActive()) ImGui::SetTooltip("%s", label.c_str());
    return changed;
}

std::string slider_value_text(const std::string& format, float value) {
    if (format.find('%') == std::string::npos) return format;
    char buf[64];
    ImFormatString(buf, sizeof buf, format.c_str(), static_cast<double>(value));
    return buf;
}

}  // namespace app::gui
