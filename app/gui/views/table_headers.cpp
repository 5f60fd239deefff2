#include "app/gui/views/table_headers.hpp"

#include <cstring>
#include <utility>

#include <imgui.h>

#include "app/gui/i18n.hpp"

namespace app::gui {

const char* header_tip(const char* header) {
    static constexpr std::pair<Text, Text> kTips[] = {
        {Text::share_of_perimeter, Text::tip_share_of_perimeter},
        {Text::share_of_unit, Text::tip_share_of_unit},
        {Text::col_fit, Text::tip_fit},
        {Text::col_diversity, Text::tip_diversity},
        {Text::col_items, Text::tip_items},
        {Text::col_density, Text::tip_density},
        {Text::col_ratio, Text::tip_ratio},
        {Text::col_labelled, Text::tip_labelled},
        {Text::col_area, Text::tip_area},
        {Text::col_distance, Text::tip_distance},
        {Text::col_inside, Text::tip_inside},
        {Text::col_gaps, Text::tip_gaps},
        {Text::col_months, Text::tip_months},
    };
    for (const auto& [label, tip] : kTips)
        if (std::strcmp(header, tr(label)) == 0) return tr(tip);
    return nullptr;
}

void table_headers_row(std::initializer_list<std::pair<int, Text>> column_tips) {
    ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
    const int columns = ImGui::TableGetColumnCount();
    for (int i = 0; i < columns; ++i) {
        if (!ImGui::TableSetColumnIndex(i)) continue;
        const char* name = ImGui::TableGetColumnName(i);
        ImGui::PushID(i);
        ImGui::TableHeader(name);
        ImGui::PopID();
        if (!ImGui::IsItemHovered()) continue;
        const char* tip = header_tip(name);
        for (const auto& [column, text] : column_tips)
            if (column == i) tip = tr(text);
        if (tip) ImGui::SetTooltip("%s", tip);
    }
}

}  // namespace app::gui
