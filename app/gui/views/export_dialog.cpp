#include "app/gui/views/export_dialog.hpp"

#include <chrono>
#include <cmath>
#include <filesystem>
#include <set>

#include <fmt/format.h>
#include <imgui.h>
#include <imgui_stdlib.h>
#include <nlohmann/json.hpp>

#include "app/gui/errors/error_text.hpp"
#include "app/gui/i18n.hpp"
#include "app/gui/views/export_row.hpp"
#include "app/gui/views/popup_keys.hpp"
#include "geo/io/exporters.hpp"
#include "geo/io/output_paths.hpp"
#include "geo/io/perimeter_json.hpp"
#include "geo/io/provenance.hpp"

namespace app::gui {
namespace {

constexpr const char* kPopup = "##export";
constexpr const char* kFormats[] = {"GeoJSON (.geojson)", "GeoPackage (.gpkg)", "CSV (.csv)", "KML (.kml)"};
constexpr const char* kExtensions[] = {".geojson", ".gpkg", ".csv", ".kml"};

std::string with_extension(const std::string& path, const char* extension) {
    std::filesystem::path p(path);
    p.replace_extension(extension);
    return p.string();
}

}  // namespace

std::vector<geo::Territory> perimeters_as_territories(const std::vector<PerimeterOverlay>& levels,
                                                      const std::string& audience_name,
                                                      const std::string& audience_id) {
    std::vector<geo::Territory> out;
    for (const auto& l : levels) {
        geo::Territory t;
        const int percent = static_cast<int>(std::lround(l.level * 100.0));
        t.name = fmt::format("{} — {} %", audience_name, percent);
        t.code = fmt::format("{}-{}", audience_id, percent);
        t.level = geo::TerritoryLevel::destination;
        t.source = "territoire perimeter";
        t.geometry = l.geometry;
        out.push_back(std::move(t));
    }
    return out;
}

void ExportDialog::start(const MapModel& model, const AudienceController& audience,
                         const std::vector<geo::SourceInfo>& sources, const UiState& ui) {
    // The provenance lists only the sources of what is written (the
    // perimeters: of the items that shaped them); finding them walks every
    // item, so it runs in the job with the export, not in the frame.
    const auto provenance = [catalogue = model.catalogue_path(), sources](const std::set<std::string>& used,
                                                                          const char* kind) {
        nlohmann::json meta = geo::base_provenance("gui: Export", catalogue, sources, used, geo::ProvenancePaths::name);
        meta["kind"] = kind;
        return meta;
    };
    const std::string path = m_path;
    const geo::CsvOptions csv = gui_csv_options(ui);
    switch (m_what) {
        case ExportWhat::items:
            m_job.start([items = model.shared_items(), path, provenance, csv](const geo::Progress&) {
                geo::ExportOptions options;
                options.csv = csv;
                options.metadata = provenance(geo::used_sources(*items), "items");
                return geo::export_items(*items, path, options);
            });
            break;
        case ExportWhat::territories:
            m_job.start([territories = model.shared_territories(), path, provenance, csv](const geo::Progress&) {
                geo::ExportOptions options;
                options.csv = csv;
                options.metadata = provenance(geo::used_sources(*territories), "territories");
                return geo::export_territories(*territories, path, options);
            });
            break;
        case ExportWhat::perimeters:
            m_job.start([items = model.shared_items(), levels = model.perimeters(), a = audience.audience(),
                         params = audience.params(), path, provenance, csv](const geo::Progress&) {
                geo::ExportOptions options;
                options.csv = csv;
                options.metadata = provenance(
                    a ? geo::used_sources(*items, geo::perimeter_weights(*a, *items)) : std::set<std::string>{},
                    "perimeters");
                if (a) options.metadata["audience"] = geo::audience_provenance_json(*a);
                options.metadata["levels"] = params.levels();
                if (params.bandwidth_m) options.metadata["bandwidth_m"] = *params.bandwidth_m;
                options.layer_name = "perimeters";
                return geo::export_territories(perimeters_as_territories(levels, a ? a->name_fr : "", a ? a->id : ""),
                                               path, options);
            });
            break;
    }
    m_outcome.clear();
}

void ExportDialog::draw(const MapModel& model, const AudienceController& audience,
                        const std::vector<geo::SourceInfo>& sources, UiState& ui) {
    if (auto done = m_job.take()) {
        m_outcome_is_error = !*done;
        m_outcome = *done ? fmt::format(fmt::runtime(tr(Text::exported_to)), m_path) + fmt::format(" ({})", **done)
                          : error_text(done->error());
        ui.set_status(m_outcome, m_outcome_is_error);
    }
    if (!begin_dialog(kPopup, m_open_requested, 560.0f, [this] { m_outcome.clear(); })) return;
    ImGui::TextUnformatted(tr(Text::export_title));
    ImGui::Separator();
    int what = static_cast<int>(m_what);
    ImGui::RadioButton(fmt::format("{} ({})", tr(Text::export_items), model.items().size()).c_str(), &what, 0);
    ImGui::BeginDisabled(model.perimeters().empty());
    ImGui::RadioButton(fmt::format("{} ({})", tr(Text::export_perimeters), model.perimeters().size()).c_str(), &what,
                       1);
    ImGui::EndDisabled();
    ImGui::BeginDisabled(model.territories().empty());
    ImGui::RadioButton(fmt::format("{} ({})", tr(Text::export_territories), model.territories().size()).c_str(), &what,
                       2);
    ImGui::EndDisabled();
    if (what != static_cast<int>(m_what)) {
        m_what = static_cast<ExportWhat>(what);
        static constexpr const char* kStems[] = {"territoire-elements", "territoire-perimetre",
                                                 "territoire-territoires"};
        m_path = (std::filesystem::path(m_path).parent_path() / (std::string(kStems[what]) + kExtensions[m_format]))
                     .string();
    }
    ImGui::SetNextItemWidth(200);
    if (ImGui::Combo(tr(Text::format), &m_format, kFormats, IM_ARRAYSIZE(kFormats)))
        m_path = with_extension(m_path, kExtensions[m_format]);
    if (std::string_view(kExtensions[m_format]) == ".csv") draw_csv_dialect(ui);
    draw_save_path(m_path, m_browser);

    draw_export_outcome(m_job.running(), m_outcome, m_outcome_is_error);
    ImGui::Separator();
    // Enter exports; once the export succeeded, Enter closes the dialog.
    const bool exported = !m_job.running() && !m_outcome.empty() && !m_outcome_is_error;
    const bool enter = dialog_confirmed();
    const bool can_run = !m_job.running() && !m_path.empty();
    ImGui::BeginDisabled(!can_run);
    if (ImGui::Button(tr(Text::run_export)) || (enter && can_run && !exported)) start(model, audience, sources, ui);
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button(tr(Text::cancel)) || dialog_cancelled() || (enter && exported)) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

}  // namespace app::gui
