#include "app/gui/views/details_panel.hpp"

#include <fmt/format.h>
#include <imgui.h>

#include "app/gui/i18n.hpp"
#include "app/gui/render/palette.hpp"

namespace app::gui {
namespace {

void field(Text label, const std::string& value) {
    if (value.empty()) return;
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextDisabled("%s", tr(label));
    ImGui::TableNextColumn();
    ImGui::TextWrapped("%s", value.c_str());
}

std::string join(const std::vector<std::string>& parts) {
    std::string out;
    for (const auto& p : parts) out += (out.empty() ? "" : ", ") + p;
    return out;
}

}  // namespace

std::string format_months(geo::MonthMask months) {
    static constexpr const char* kFr[] = {"janv.", "févr.", "mars",  "avr.", "mai",  "juin",
                                          "juil.", "août",  "sept.", "oct.", "nov.", "déc."};
    static constexpr const char* kEn[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    const auto& names = language() == Language::fr ? kFr : kEn;
    if (months == 0 || (months & geo::kAllMonths) == geo::kAllMonths)
        return language() == Language::fr ? "toute l'année" : "all year";
    std::string out;
    for (int m = 0; m < 12;) {
        if (!(months & (1u << m))) {
            ++m;
            continue;
        }
        int end = m;
        while (end + 1 < 12 && (months & (1u << (end + 1)))) ++end;
        out += (out.empty() ? "" : ", ") + std::string(names[m]);
        if (end > m) out += std::string("–") + names[end];
        m = end + 1;
    }
    return out;
}

void draw_details_panel(MapModel& model, UiState& ui) {
    const auto selected = model.selected();
    if (!selected) {
        ImGui::TextDisabled("%s", tr(Text::no_selection));
        return;
    }
    const geo::OfferItem& item = model.items()[*selected];
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(item.name.c_str());
    ImGui::PopTextWrapPos();
    const Rgba8 c = family_colour(item.family);
    const float h = ImGui::GetTextLineHeight();
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImGui::GetWindowDrawList()->AddCircleFilled(ImVec2(p.x + h / 2, p.y + h / 2), h * 0.36f, packed(c));
    ImGui::Dummy(ImVec2(h, h));
    ImGui::SameLine();
    const auto fam = family_name(item.family);
    ImGui::Text("%.*s", static_cast<int>(fam.size()), fam.data());

    if (ImGui::BeginTable("##details", 2, ImGuiTableFlags_SizingFixedFit)) {
        ImGui::TableSetupColumn("##k", ImGuiTableColumnFlags_WidthFixed);
        ImGui::TableSetupColumn("##v", ImGuiTableColumnFlags_WidthStretch);
        field(Text::field_subtypes, subtype_names(item.subtypes));
        field(Text::field_labels, label_names(item.labels));
        std::vector<std::string> themes;
        for (const std::string& t : item.themes)
            themes.push_back(model.theme_names().display(t, language() == Language::fr));
        field(Text::field_themes, join(themes));
        field(Text::field_months, format_months(item.opening_months));
        field(Text::field_producer, item.producer);
        const std::string_view commune = model.commune_names().name(item.commune_insee);
        field(Text::field_commune,
              commune.empty() ? item.commune_insee : fmt::format("{} ({})", commune, item.commune_insee));
        field(Text::field_source, item.source_id.empty() ? item.source : item.source + " · " + item.source_id);
        field(Text::field_position,
              fmt::format("{}{} {}", format_number(item.position.lat_deg, 5), language() == Language::fr ? " ;" : ",",
                          format_number(item.position.lon_deg, 5)));
        if (!model.item_weights().empty()) field(Text::field_weight, format_number(model.item_weights()[*selected], 2));
        ImGui::EndTable();
    }
    if (ImGui::Button(tr(Text::zoom_to)))
        ui.flight.start(model.camera(), mercator_from_lonlat(item.position), std::max(model.camera().zoom(), 15.0),
                        ui.now_s);
}

}  // namespace app::gui
