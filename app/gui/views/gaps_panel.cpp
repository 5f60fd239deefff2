#include "app/gui/views/gaps_panel.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>
#include <imgui.h>

#include "app/gui/i18n.hpp"
#include "app/gui/ui_style.hpp"
#include "app/gui/views/labelled_slider.hpp"
#include "app/gui/views/table_headers.hpp"
#include "geo/core/rounding.hpp"
#include "geo/io/gaps_export.hpp"
#include "geo/io/provenance.hpp"
#include "geo/store/catalogue.hpp"

namespace app::gui {
namespace {

void outline(ImDrawList* draw, ImVec2 origin, const Camera& camera, const geo::Ring& ring, ImU32 colour, float width) {
    std::vector<ImVec2> pts;
    pts.reserve(ring.size());
    for (const auto& p : ring) {
        const ScreenPx s = camera.to_screen(p);
        pts.emplace_back(origin.x + static_cast<float>(s.x_px), origin.y + static_cast<float>(s.y_px));
    }
    draw->AddPolyline(pts.data(), static_cast<int>(pts.size()), colour, ImDrawFlags_Closed, width);
}

nlohmann::json gap_parameters(const GapsController& gaps, const geo::GapResult& result) {
    nlohmann::json acceptable = nlohmann::json::object();
    for (geo::Family f : geo::kAllFamilies)
        acceptable[geo::family_id(f)] = result.acceptable_m[static_cast<std::size_t>(f)];
    return {{"level", gaps.level()},           {"cell_m", result.cell_m},     {"acceptable_distance_m", acceptable},
            {"metric_crs", result.metric_crs}, {"reach_m", result.reach_m},   {"items_used", result.items_used},
            {"cells", result.cells.size()},    {"zones", result.zones.size()}};
}

}  // namespace

GapsPanel::GapsPanel()
    : m_export("territoire-manques",
               {{tr(Text::export_gaps_geojson), ".geojson"}, {tr(Text::export_gaps_csv), ".csv"}}) {}

void fly_to_box(const geo::LonLatBox& box, MapModel& model, UiState& ui) {
    if (box.empty()) return;
    Camera target = model.camera();
    target.fit(box, 80.0, 13.0);
    ui.flight.start(model.camera(), target.center(), target.zoom(), ui.now_s);
}

std::optional<std::size_t> gap_cell_at(const MapModel& model, geo::LonLat point) {
    const Layer* layer = model.layers().find(LayerKind::gaps);
    if (!model.gaps() || !layer || !layer->visible) return std::nullopt;
    return pick_gap_cell(*model.gaps(), point);
}

void gap_cell_tooltip(const geo::GapResult& gaps, std::size_t cell) {
    const geo::GapCell& c = gaps.cells[cell];
    if (!c.gap_family) {
        ImGui::TextDisabled("%s", tr(Text::no_gap));
        return;
    }
    ImGui::TextColored(family_text_colour(*c.gap_family), "%s : %s", tr(Text::gap_family),
                       std::string(family_name(*c.gap_family)).c_str());
    ImGui::Text("%s %s · %s %s", tr(Text::col_distance), format_distance(c.gap_distance_m).c_str(), tr(Text::col_score),
                format_number(c.gap_score, 2).c_str());
    if (c.zone >= 0) {
        const geo::GapZone& z = gaps.zones[static_cast<std::size_t>(c.zone)];
        ImGui::TextDisabled("%s %d%s%s", tr(Text::col_rank), c.zone + 1, z.commune_name.empty() ? "" : " · ",
                            z.commune_name.c_str());
    }
}

void draw_gap_selection(ImDrawList* draw, ImVec2 origin, const MapModel& model) {
    const Layer* layer = model.layers().find(LayerKind::gaps);
    if (!model.gaps() || !layer || !layer->visible) return;
    const geo::GapResult& gaps = *model.gaps();
    if (auto z = model.selected_gap_zone(); z && *z < gaps.zones.size())
        for (const auto& poly : gaps.zones[*z].geometry.polygons)
            for (const auto& ring : poly.rings) {
                outline(draw, origin, model.camera(), ring, IM_COL32(255, 255, 255, 220), 5.0f);
                outline(draw, origin, model.camera(), ring, IM_COL32(20, 20, 20, 255), 2.5f);
            }
    if (auto c = model.selected_gap_cell(); c && *c < gaps.cells.size())
        outline(draw, origin, model.camera(), gaps.cells[*c].hexagon, IM_COL32(20, 20, 20, 255), 2.0f);
}

void GapsPanel::draw_cell(const geo::GapResult& gaps, std::size_t cell) const {
    ImGui::TextDisabled("%s", tr(Text::gap_cell));
    gap_cell_tooltip(gaps, cell);
    const geo::GapCell& c = gaps.cells[cell];
    if (!ImGui::BeginTable("##cell", 3, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp)) return;
    ImGui::TableSetupColumn("##family", ImGuiTableColumnFlags_WidthStretch, 2.0f);
    ImGui::TableSetupColumn(tr(Text::col_distance), ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableSetupColumn(tr(Text::col_score), ImGuiTableColumnFlags_WidthStretch, 1.0f);
    table_headers_row({{2, Text::tip_gap_score}});
    for (const geo::Family f : geo::kAllFamilies) {
        const auto i = static_cast<std::size_t>(f);
        if (!(gaps.family_weights[i] > 0.0)) continue;
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextColored(family_text_colour(f), "%s", std::string(family_name(f)).c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(format_distance(c.distance_m[i]).c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(format_number(c.score[i], 2).c_str());
    }
    ImGui::EndTable();
}

void GapsPanel::draw_zones(MapModel& model, const geo::GapResult& gaps, UiState& ui) {
    ImGui::TextDisabled("%s", tr(Text::gap_zones));
    const ImGuiTableFlags flags =
        ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY | ImGuiTableFlags_Sortable | ImGuiTableFlags_SizingFixedFit;
    const float height = std::max(ImGui::GetContentRegionAvail().y - 110.0f, 160.0f);
    if (!ImGui::BeginTable("##zones", 6, flags, ImVec2(0, height))) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    // Numbers fit their content; the family and the place share the rest.
    constexpr auto kFixed = ImGuiTableColumnFlags_WidthFixed;
    ImGui::TableSetupColumn("#",
                            kFixed | ImGuiTableColumnFlags_DefaultSort | ImGuiTableColumnFlags_PreferSortAscending);
    ImGui::TableSetupColumn(tr(Text::col_family), ImGuiTableColumnFlags_WidthStretch | ImGuiTableColumnFlags_NoSort,
                            1.3f);
    ImGui::TableSetupColumn(tr(Text::col_where), ImGuiTableColumnFlags_WidthStretch | ImGuiTableColumnFlags_NoSort,
                            1.0f);
    ImGui::TableSetupColumn(tr(Text::col_area), kFixed | ImGuiTableColumnFlags_PreferSortDescending);
    ImGui::TableSetupColumn(tr(Text::col_score), kFixed | ImGuiTableColumnFlags_PreferSortDescending);
    ImGui::TableSetupColumn(tr(Text::col_distance), kFixed | ImGuiTableColumnFlags_PreferSortDescending);
    table_headers_row({{4, Text::tip_gap_score}});
    if (ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs(); specs && specs->SpecsCount > 0) {
        static constexpr GapSort kByColumn[] = {GapSort::rank, GapSort::rank,  GapSort::rank,
                                                GapSort::area, GapSort::score, GapSort::distance};
        m_sort = kByColumn[std::clamp<int>(specs->Specs[0].ColumnIndex, 0, 5)];
        specs->SpecsDirty = false;
    }
    for (const GapZoneRow& row : gap_zone_rows(gaps, m_sort)) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        const bool selected = model.selected_gap_zone() == row.zone;
        if (ImGui::Selectable(fmt::format("{}##z{}", row.rank, row.zone).c_str(), selected,
                              ImGuiSelectableFlags_SpanAllColumns)) {
            model.select_gap(std::nullopt, row.zone);
            fly_to_box(gap_zone_box(gaps, row.zone), model, ui);
        }
        ImGui::TableNextColumn();
        ImGui::TextColored(family_text_colour(row.family), "%s", std::string(family_name(row.family)).c_str());
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip("%s — %s", std::string(family_name(row.family)).c_str(), row.where.c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(row.where.empty() ? "—" : row.where.c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(format_number(row.area_km2, 1).c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(format_number(row.score, 2).c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(format_distance(row.mean_distance_m).c_str());
    }
    ImGui::EndTable();
}

void GapsPanel::draw(MapModel& model, GapsController& gaps, const AudienceController& audience, UiState& ui) {
    const Layer* layer = model.layers().find(LayerKind::gaps);
    bool shown = layer && layer->visible;
    if (ImGui::Checkbox(tr(Text::show_gaps), &shown)) model.layers().set_visible("gaps", shown);
    float km = static_cast<float>(gaps.cell_m() / 1000.0);
    if (labelled_slider("##cell", tr(Text::cell_size), km, 0.5f, 10.0f, format_number(km, 1) + " km") && km > 0.0f)
        gaps.set_cell_m(geo::round_to_decimals(km * 10.0, 0) * 100.0, model, audience.audience());  // 0.1 km, as shown
    if (!audience.audience() || model.perimeters().empty()) {
        ImGui::TextWrapped("%s", tr(Text::gaps_need_perimeter));
        return;
    }
    if (gaps.busy()) ImGui::TextDisabled("%s", tr(Text::computing));
    if (!gaps.error().empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.65f, 0.1f, 0.1f, 1));
        ImGui::TextWrapped("%s", gaps.error().c_str());
        ImGui::PopStyleColor();
    }
    const auto result = model.gaps();
    if (!result) return;
    ImGui::TextDisabled("%s", fmt::format(fmt::runtime(tr(Text::gaps_summary)), result->cells.size(),
                                          format_number(result->cell_m / 1000.0, 1), result->zones.size(),
                                          format_number(gaps.last_seconds(), 2))
                                  .c_str());
    if (auto cell = model.selected_gap_cell(); cell && *cell < result->cells.size()) draw_cell(*result, *cell);
    draw_zones(model, *result, ui);
    const auto make = [&](const std::string& path, int format, const geo::CsvOptions& csv) -> ExportRow::Writer {
        return [path, format, csv, result, audience = gaps.audience(), parameters = gap_parameters(gaps, *result),
                catalogue = model.catalogue_path(), items = model.shared_items()]() -> geo::Result<std::int64_t> {
            if (format == 1) return geo::write_gap_zones_csv(path, *result, csv);
            auto cat = geo::Catalogue::open(catalogue, geo::Catalogue::Mode::read_only);
            if (!cat) return tl::unexpected(cat.error());
            const geo::Audience a = audience.value_or(geo::Audience{});
            return geo::write_gaps_geojson(
                path, *result,
                geo::analysis_provenance("gui: Gaps layer", *cat, a, parameters, *items, geo::item_weights(a, *items),
                                         geo::ProvenancePaths::name));
        };
    };
    m_export.draw("gaps", tr(Text::run_export), true, make, ui);
}

}  // namespace app::gui
