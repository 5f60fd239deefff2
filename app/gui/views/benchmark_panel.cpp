#include "app/gui/views/benchmark_panel.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>
#include <imgui.h>
#include <imgui_stdlib.h>

#include "app/gui/i18n.hpp"
#include "app/gui/ui_style.hpp"
#include "app/gui/views/radar_view.hpp"
#include "app/gui/views/table_headers.hpp"
#include "app/gui/views/territory_labels.hpp"
#include "geo/io/benchmark_export.hpp"
#include "geo/io/provenance.hpp"
#include "geo/store/catalogue.hpp"

namespace app::gui {
namespace {

const std::string& audience_label(const geo::Audience& a) {
    return language() == Language::fr || a.name_en.empty() ? a.name_fr : a.name_en;
}

std::string ratio_text(const std::optional<double>& r) {
    return r ? format_number(*r, 2) + " ×" : "—";
}

void sentences(Text title, const std::vector<geo::BenchmarkStatement>& list, ImVec4 colour) {
    ImGui::TextDisabled("%s", tr(title));
    if (list.empty()) ImGui::TextDisabled("  —");
    ImGui::PushStyleColor(ImGuiCol_Text, colour);
    for (const auto& s : list) {
        ImGui::Bullet();
        ImGui::TextWrapped("%s", (language() == Language::fr ? s.text_fr : s.text_en).c_str());
    }
    ImGui::PopStyleColor();
}

}  // namespace

BenchmarkPanel::BenchmarkPanel()
    : m_export("territoire-comparaison",
               {{"CSV (.csv)", ".csv"}, {"JSON (.json)", ".json"}, {"GeoJSON (.geojson)", ".geojson"}}) {}

void BenchmarkPanel::preset(std::string ours, std::vector<std::string> against) {
    m_ours = std::move(ours);
    m_against.clear();
    m_other.clear();
    m_pending = std::move(against);
    m_autostart = !m_ours.empty();
}

std::vector<std::string> BenchmarkPanel::against() const {
    std::vector<std::string> out(m_against.begin(), m_against.end());
    for (auto& spec : split_specs(m_other)) out.push_back(std::move(spec));
    return out;
}

void BenchmarkPanel::start(const MapModel& model, const AudienceController& audience) {
    BenchmarkRequest request;
    request.catalogue = model.catalogue_path();
    request.ours = m_ours;
    request.against = against();
    request.audience = audience.audience() ? *audience.audience() : whole_offer_audience();
    request.level = audience.params().level;
    request.items = model.shared_items();
    m_benchmark.start(std::move(request));
}

void BenchmarkPanel::draw_choice(const MapModel& model, const AudienceController& audience) {
    std::vector<const geo::Territory*> candidates;
    for (const auto& t : model.territories())
        if (t.level != geo::TerritoryLevel::commune) candidates.push_back(&t);
    if (m_ours.empty() && !candidates.empty()) m_ours = territory_spec(*candidates.front());
    if (model.territories().empty()) ImGui::TextWrapped("%s", tr(Text::no_territories));

    const auto name_of = [&](const std::string& spec) {
        for (const auto* t : candidates)
            if (territory_spec(*t) == spec)  // "Indre (Département 36)", not the typed form "departement:36"
                return territory_label(*t) + "##" + spec;
        return spec;
    };
    ImGui::AlignTextToFramePadding();
    ImGui::TextDisabled("%s", tr(Text::our_territory));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(-1);
    if (ImGui::BeginCombo("##ours", name_of(m_ours).c_str())) {
        for (const auto* t : candidates)
            if (ImGui::Selectable(name_of(territory_spec(*t)).c_str(), territory_spec(*t) == m_ours)) {
                m_ours = territory_spec(*t);
                m_against.erase(m_ours);
            }
        ImGui::EndCombo();
    }
    ImGui::TextDisabled("%s", tr(Text::competitors));
    for (const auto* t : candidates) {
        const std::string spec = territory_spec(*t);
        if (spec == m_ours) continue;
        bool on = m_against.count(spec) > 0;
        if (ImGui::Checkbox(name_of(spec).c_str(), &on)) {
            if (on)
                m_against.insert(spec);
            else
                m_against.erase(spec);
        }
    }
    ImGui::SetNextItemWidth(-1);
    ImGui::InputTextWithHint("##other", tr(Text::other_competitors), &m_other);
    const geo::Audience shown = audience.audience() ? *audience.audience() : whole_offer_audience();
    const bool ready =
        !m_ours.empty() && (!m_against.empty() || !split_specs(m_other).empty()) && !model.catalogue_path().empty();
    ImGui::BeginDisabled(!ready || m_benchmark.busy());
    const std::string button =
        fmt::format("{} · {} : {}", tr(Text::run_benchmark), tr(Text::benchmark_audience), audience_label(shown));
    if (ImGui::Button(button.c_str(), ImVec2(-1, 0))) start(model, audience);
    ImGui::EndDisabled();
}

void BenchmarkPanel::draw_result(const geo::BenchmarkResult& r) const {
    // Totals per territory.
    if (ImGui::BeginTable("##territories", 4, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp)) {
        ImGui::TableSetupColumn(tr(Text::col_territory), ImGuiTableColumnFlags_WidthStretch, 2.2f);
        ImGui::TableSetupColumn(tr(Text::col_area), ImGuiTableColumnFlags_WidthStretch, 1.0f);
        ImGui::TableSetupColumn(tr(Text::col_items), ImGuiTableColumnFlags_WidthStretch, 1.0f);
        ImGui::TableSetupColumn(tr(Text::col_fit), ImGuiTableColumnFlags_WidthStretch, 1.3f);
        table_headers_row();
        for (std::size_t i = 0; i < r.territories.size(); ++i) {
            const auto& t = r.territories[i];
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextColored(im_colour(radar_series_colour(i)), "%s", t.territory.name.c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(format_number(t.area_km2, 0).c_str());
            ImGui::TableNextColumn();
            ImGui::Text("%lld", static_cast<long long>(t.item_count));
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(format_number(t.audience_fit_per_km2, 3).c_str());
        }
        ImGui::EndTable();
    }
    // Indicators per family: ours, the competitors' mean, the ratio.
    const geo::TerritoryIndicators& ours = r.territories.front();
    if (ImGui::BeginTable("##families", 6,
                          ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_BordersInnerV)) {
        // Numbers fit their content; the family name takes the rest.
        ImGui::TableSetupColumn("##family", ImGuiTableColumnFlags_WidthStretch);
        for (Text t : {Text::col_items, Text::col_density, Text::col_ratio, Text::col_labelled, Text::col_diversity})
            ImGui::TableSetupColumn(tr(t), ImGuiTableColumnFlags_WidthFixed);
        table_headers_row();
        for (const geo::Family f : geo::kAllFamilies) {
            const auto i = static_cast<std::size_t>(f);
            const geo::FamilyIndicators& fi = ours.families[i];
            const geo::FamilyComparison& cmp = r.families[i];
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextColored(family_text_colour(f), "%s", std::string(family_name(f)).c_str());
            ImGui::TableNextColumn();
            ImGui::Text("%lld", static_cast<long long>(fi.item_count));
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(format_number(fi.density_per_100km2, 1).c_str());
            if (ImGui::IsItemHovered())
                ImGui::SetTooltip("%s : %s", tr(Text::col_competitors),
                                  format_number(cmp.competitors_mean_density_per_100km2, 2).c_str());
            ImGui::TableNextColumn();
            const bool low = cmp.ratio && *cmp.ratio < 0.9, high = cmp.ratio && *cmp.ratio > 1.1;
            ImGui::TextColored(low    ? ImVec4(0.7f, 0.1f, 0.1f, 1)
                               : high ? ImVec4(0.05f, 0.45f, 0.2f, 1)
                                      : ImGui::GetStyle().Colors[ImGuiCol_Text],
                               "%s", ratio_text(cmp.ratio).c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(format_percent(fi.labelled_share, 0).c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(format_number(fi.diversity_shannon, 2).c_str());
        }
        ImGui::EndTable();
    }
    ImGui::Spacing();
    sentences(Text::strengths, r.strengths, ImVec4(0.05f, 0.4f, 0.18f, 1));
    sentences(Text::weaknesses, r.weaknesses, ImVec4(0.6f, 0.1f, 0.1f, 1));
    sentences(Text::competitive_gaps, r.competitive_gaps, ImVec4(0.45f, 0.25f, 0.0f, 1));
    ImGui::Spacing();
    ImGui::TextDisabled("%s", tr(Text::radar_title));
    draw_radar(radar_chart(r), ImGui::GetContentRegionAvail().x);
}

void BenchmarkPanel::update(const MapModel& model, const AudienceController& audience) {
    m_benchmark.poll();
    if (model.catalogue_path().empty()) return;  // not loaded yet
    if (model.items().empty()) {
        if (m_autostart) {  // nothing to compare: say so instead of waiting
            m_autostart = false;
            m_benchmark.set_error(tr(Text::no_offer_items));
        }
        return;
    }
    // Preset competitors: ticked when loaded, else typed.
    for (auto& spec : m_pending) {
        const bool loaded = std::any_of(model.territories().begin(), model.territories().end(),
                                        [&](const geo::Territory& t) { return territory_spec(t) == spec; });
        if (loaded)
            m_against.insert(spec);
        else
            m_other += (m_other.empty() ? "" : ", ") + spec;
    }
    m_pending.clear();
    if (m_autostart && !audience.busy()) {
        m_autostart = false;
        start(model, audience);
    }
}

void BenchmarkPanel::draw(const MapModel& model, const AudienceController& audience, UiState& ui) {
    draw_choice(model, audience);
    if (m_benchmark.busy()) ImGui::TextDisabled("%s", tr(Text::computing));
    if (!m_benchmark.error().empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.65f, 0.1f, 0.1f, 1));
        ImGui::TextWrapped("%s", m_benchmark.error().c_str());
        ImGui::PopStyleColor();
    }
    if (!m_benchmark.result()) return;
    ImGui::Separator();
    draw_result(*m_benchmark.result());
    ImGui::Separator();
    ImGui::TextDisabled("%s", tr(Text::export_benchmark));
    const auto make = [&](const std::string& path, int, const geo::CsvOptions& csv) -> ExportRow::Writer {
        const BenchmarkRequest& asked = *m_benchmark.result_request();
        return [path, csv, result = *m_benchmark.result(), audience = asked.audience, against = asked.against,
                catalogue = model.catalogue_path(), items = model.shared_items()]() -> geo::Result<std::int64_t> {
            auto cat = geo::Catalogue::open(catalogue, geo::Catalogue::Mode::read_only);
            if (!cat) return tl::unexpected(cat.error());
            const nlohmann::json parameters = {{"territory", result.territories.front().territory.name},
                                               {"against", against},
                                               {"metric_crs", result.metric_crs}};
            return geo::write_benchmark(
                path, result,
                geo::analysis_provenance("gui: Benchmark panel", *cat, audience, parameters, *items,
                                         geo::item_weights(audience, *items), geo::ProvenancePaths::name),
                csv);
        };
    };
    m_export.draw("benchmark", tr(Text::run_export), true, make, ui);
}

}  // namespace app::gui
