#include "app/gui/views/catalogue_panel.hpp"

#include <algorithm>
#include <set>

#include <imgui.h>
#include <imgui_stdlib.h>

#include "app/gui/i18n.hpp"
#include "app/gui/render/palette.hpp"
#include "app/gui/views/table_headers.hpp"
#include "geo/core/text_fold.hpp"

namespace app::gui {
namespace {

void fly_to(MapModel& model, UiState& ui, std::size_t index) {
    const Camera& camera = model.camera();
    ui.flight.start(camera, mercator_from_lonlat(model.items()[index].position), std::max(camera.zoom(), 13.0),
                    ui.now_s);
}

}  // namespace

void CataloguePanel::rebuild_rows(MapModel& model) {
    const auto& items = model.items();
    if (m_items_rev != model.items_revision()) {
        std::set<std::string> labels;
        for (const auto& it : items) labels.insert(it.labels.begin(), it.labels.end());
        m_labels.assign(labels.begin(), labels.end());
        m_items_rev = model.items_revision();
    }
    const std::string needle = geo::fold_text(m_search);
    m_rows.clear();
    for (std::size_t i = 0; i < items.size(); ++i) {
        const auto& it = items[i];
        if (m_family >= 0 && static_cast<int>(it.family) != m_family) continue;
        if (!m_label.empty() && std::find(it.labels.begin(), it.labels.end(), m_label) == it.labels.end()) continue;
        if (!needle.empty() && geo::fold_text(it.name).find(needle) == std::string::npos &&
            geo::fold_text(it.producer).find(needle) == std::string::npos && it.commune_insee != m_search &&
            geo::fold_text(model.commune_names().name(it.commune_insee)) != needle)
            continue;
        m_rows.push_back(static_cast<std::uint32_t>(i));
    }
    // The map draws what the filters keep (all items when none is set).
    if (m_family >= 0 || !m_label.empty() || !needle.empty()) {
        std::vector<std::uint32_t> shown = m_rows;
        model.set_item_filter(std::move(shown));
    } else {
        model.set_item_filter(std::nullopt);
    }
    auto key = [&](std::uint32_t i) -> std::string {
        const auto& it = items[i];
        switch (m_sort_column) {
            case 1:
                return std::string(family_name(it.family));
            case 2:
                return label_names(it.labels);
            case 3:
                return geo::fold_text(model.commune_names().display(it.commune_insee));
            case 4:
                return it.producer;
            default:
                return geo::fold_text(it.name);
        }
    };
    std::vector<std::string> keys(items.size());
    for (std::uint32_t i : m_rows) keys[i] = key(i);
    std::stable_sort(m_rows.begin(), m_rows.end(), [&](std::uint32_t a, std::uint32_t b) {
        return m_sort_ascending ? keys[a] < keys[b] : keys[b] < keys[a];
    });
    m_dirty = false;
}

void CataloguePanel::draw(MapModel& model, UiState& ui) {
    if (m_items_rev != model.items_revision()) m_dirty = true;

    ImGui::SetNextItemWidth(-1);
    if (ImGui::InputTextWithHint("##search", tr(Text::search), &m_search)) m_dirty = true;
    const ImVec2 field_min = ImGui::GetItemRectMin(), field_max = ImGui::GetItemRectMax();
    m_search_rect = {field_min.x, field_min.y, field_max.x - field_min.x, field_max.y - field_min.y};
    const float half = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) / 2;
    ImGui::SetNextItemWidth(half);
    const std::string family_preview =
        m_family < 0 ? tr(Text::all_families) : std::string(family_name(static_cast<geo::Family>(m_family)));
    if (ImGui::BeginCombo("##family", family_preview.c_str())) {
        if (ImGui::Selectable(tr(Text::all_families), m_family < 0)) {
            m_family = -1;
            m_dirty = true;
        }
        for (const geo::Family f : geo::kAllFamilies) {
            const std::string name(family_name(f));
            if (ImGui::Selectable(name.c_str(), m_family == static_cast<int>(f))) {
                m_family = static_cast<int>(f);
                m_dirty = true;
            }
        }
        ImGui::EndCombo();
    }
    ImGui::SameLine();
    ImGui::SetNextItemWidth(half);
    if (ImGui::BeginCombo("##label", m_label.empty() ? tr(Text::all_labels) : label_name(m_label).c_str())) {
        if (ImGui::Selectable(tr(Text::all_labels), m_label.empty())) {
            m_label.clear();
            m_dirty = true;
        }
        for (const auto& label : m_labels)
            if (ImGui::Selectable(label_name(label).c_str(), m_label == label)) {
                m_label = label;
                m_dirty = true;
            }
        ImGui::EndCombo();
    }

    const ImGuiTableFlags flags = ImGuiTableFlags_Sortable | ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY |
                                  ImGuiTableFlags_Resizable | ImGuiTableFlags_BordersOuterH |
                                  ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_Hideable;
    const float footer = ImGui::GetTextLineHeightWithSpacing();
    if (ImGui::BeginTable("##catalogue", 5, flags, ImVec2(0, ImGui::GetContentRegionAvail().y - footer))) {
        ImGui::TableSetupScrollFreeze(0, 1);
        ImGui::TableSetupColumn(tr(Text::col_name),
                                ImGuiTableColumnFlags_DefaultSort | ImGuiTableColumnFlags_WidthStretch);
        ImGui::TableSetupColumn(tr(Text::col_family), ImGuiTableColumnFlags_WidthFixed, 150.0f);
        ImGui::TableSetupColumn(tr(Text::col_labels), ImGuiTableColumnFlags_WidthFixed, 90.0f);
        ImGui::TableSetupColumn(tr(Text::col_commune),
                                ImGuiTableColumnFlags_WidthFixed | ImGuiTableColumnFlags_DefaultHide, 60.0f);
        ImGui::TableSetupColumn(tr(Text::col_producer),
                                ImGuiTableColumnFlags_WidthFixed | ImGuiTableColumnFlags_DefaultHide, 140.0f);
        table_headers_row();
        if (ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs(); specs && specs->SpecsDirty) {
            if (specs->SpecsCount > 0) {
                m_sort_column = specs->Specs[0].ColumnIndex;
                m_sort_ascending = specs->Specs[0].SortDirection == ImGuiSortDirection_Ascending;
            }
            specs->SpecsDirty = false;
            m_dirty = true;
        }
        if (m_dirty) rebuild_rows(model);

        const auto& items = model.items();
        const auto selected = model.selected();
        // Bring a selection made on the map into view, once.
        if (selected != m_scrolled_to && selected) {
            const auto it = std::find(m_rows.begin(), m_rows.end(), static_cast<std::uint32_t>(*selected));
            if (it != m_rows.end())
                ImGui::SetScrollY(static_cast<float>(it - m_rows.begin()) * ImGui::GetTextLineHeightWithSpacing());
        }
        m_scrolled_to = selected;

        ImGuiListClipper clipper;
        clipper.Begin(static_cast<int>(m_rows.size()));
        while (clipper.Step()) {
            for (int r = clipper.DisplayStart; r < clipper.DisplayEnd; ++r) {
                const std::size_t i = m_rows[static_cast<std::size_t>(r)];
                const auto& it = items[i];
                ImGui::PushID(static_cast<int>(i));
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                const bool is_selected = selected == i;
                if (ImGui::Selectable(it.name.empty() ? "—" : it.name.c_str(), is_selected,
                                      ImGuiSelectableFlags_SpanAllColumns)) {
                    model.select(i);
                    m_scrolled_to = i;
                    fly_to(model, ui, i);
                }
                ImGui::TableNextColumn();
                const Rgba8 c = family_colour(it.family);
                const float h = ImGui::GetTextLineHeight();
                const ImVec2 p = ImGui::GetCursorScreenPos();
                ImGui::GetWindowDrawList()->AddCircleFilled(ImVec2(p.x + h * 0.4f, p.y + h / 2), h * 0.3f, packed(c));
                ImGui::Dummy(ImVec2(h * 0.8f, h));
                ImGui::SameLine(0, 4);
                const auto fam = family_name(it.family);
                ImGui::Text("%.*s", static_cast<int>(fam.size()), fam.data());
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(label_names(it.labels).c_str());
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(model.commune_names().display(it.commune_insee).c_str());
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(it.producer.c_str());
                ImGui::PopID();
            }
        }
        ImGui::EndTable();
    }
    ImGui::TextDisabled("%s", items_shown_text(static_cast<std::int64_t>(m_rows.size()),
                                               static_cast<std::int64_t>(model.items().size()))
                                  .c_str());
}

}  // namespace app::gui
