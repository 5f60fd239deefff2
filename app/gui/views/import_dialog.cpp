#include "app/gui/views/import_dialog.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <filesystem>

#include <fmt/format.h>
#include <imgui.h>
#include <imgui_stdlib.h>

#include "app/gui/errors/error_text.hpp"
#include "app/gui/i18n.hpp"
#include "app/gui/views/popup_keys.hpp"
#include "geo/core/taxonomy.hpp"
#include "geo/io/demo_catalogue.hpp"
#include "geo/io/import.hpp"
#include "geo/store/catalogue.hpp"

namespace app::gui {
namespace {
constexpr const char* kPopup = "##import";

}  // namespace

ImportOutcome run_import(ImportKind kind, const std::string& path, const std::string& catalogue_path,
                         geo::TerritoryLevel level, const geo::Progress& progress, const ImportFieldChoice& fields,
                         const std::shared_ptr<WaitNote>& wait) {
    ImportOutcome out;
    out.kind = kind;
    out.path = path;
    out.catalogue = catalogue_path;
    if (kind == ImportKind::context) {
        auto context = geo::read_context_layer(path, progress);
        if (context)
            out.context = std::move(*context);
        else
            out.error = error_text(context.error());
        return out;
    }
    if (geo::is_demo_catalogue(catalogue_path)) {
        out.error = catalogue_path + ": " + tr(Text::demo_write_refused);
        return out;
    }
    auto catalogue = geo::Catalogue::open(catalogue_path, geo::Catalogue::Mode::create_or_open);
    if (!catalogue) {
        out.error = error_text(catalogue.error());
        return out;
    }
    if (wait) catalogue->set_wait_notice([wait](const geo::Error& e) { wait->set(error_text(e)); });
    geo::Result<geo::ImportReport> report = geo::fail_fmt("nothing imported");
    if (kind == ImportKind::items) {
        auto taxonomy = geo::Taxonomy::load_default();
        if (!taxonomy) {
            out.error = error_text(taxonomy.error());
            return out;
        }
        geo::ImportOptions options;
        options.gdal.layer = fields.layer;
        options.gdal.name_field = fields.name_field;
        options.gdal.id_field = fields.id_field;
        options.gdal.family_field = fields.family_field;
        options.gdal.family = fields.family;
        report = geo::import_source(*catalogue, path, options, *taxonomy, progress);
    } else {
        geo::TerritoryImportOptions options;
        options.layer = fields.layer;
        options.name_field = fields.name_field;
        options.code_field = fields.code_field;
        report = geo::import_territories(*catalogue, path, level, options, progress);
    }
    if (report)
        out.report = std::move(*report);
    else
        out.error = error_text(report.error());
    return out;
}

void ImportDialog::open(ImportKind kind, const std::string& path) {
    if (kind != m_kind) m_choice = {};  // fields reset per purpose
    m_kind = kind;
    if (!path.empty()) m_path = path;
    m_last.reset();
    m_open_requested = true;
}

namespace {

// A catalogue file name in the current folder that does not exist yet.
std::string new_catalogue_path() {
    namespace fs = std::filesystem;
    std::error_code ec;
    const fs::path folder = fs::current_path(ec);
    for (int n = 1;; ++n) {
        const fs::path p =
            folder / (n == 1 ? std::string("territoire.sqlite") : fmt::format("territoire-{}.sqlite", n));
        if (!fs::exists(p, ec)) return p.string();
    }
}

// A field menu: "detected: X" (or "none detected") first, then every field.
void field_combo(const char* id, Text label, const std::vector<std::string>& fields, const std::string& detected,
                 std::string& chosen) {
    const std::string automatic = detected.empty() ? std::string(tr(Text::field_none_detected))
                                                   : fmt::format(fmt::runtime(tr(Text::field_detected)), detected);
    ImGui::SetNextItemWidth(260);
    if (ImGui::BeginCombo(id, chosen.empty() ? automatic.c_str() : chosen.c_str())) {
        if (ImGui::Selectable(automatic.c_str(), chosen.empty())) chosen.clear();
        for (const std::string& f : fields)
            if (ImGui::Selectable(f.c_str(), f == chosen)) chosen = f;
        ImGui::EndCombo();
    }
    ImGui::SameLine();
    ImGui::TextUnformatted(tr(label));
}

}  // namespace

void ImportDialog::update_fields() {
    if (auto done = m_fields_job.take()) {
        m_fields = *done ? std::move(**done) : std::vector<geo::SourceLayerFields>{};
    }
    // The file is looked at (a stat) when the path or the purpose changes,
    // not every frame.
    if (m_path != m_checked_path || m_kind != m_checked_kind) {
        namespace fs = std::filesystem;
        std::error_code ec;
        const bool gdal_file = m_kind != ImportKind::context && !m_path.empty() && fs::is_regular_file(m_path, ec) &&
                               geo::detect_source_format(m_path) == geo::SourceFormat::gdal;
        m_checked_path = m_path;
        m_checked_kind = m_kind;
        m_fields_wanted = gdal_file ? m_path : std::string();
    }
    const std::string& wanted = m_fields_wanted;
    if (wanted == m_fields_path || m_fields_job.running()) return;
    m_fields_path = wanted;
    m_fields.clear();
    m_choice = {};
    if (!wanted.empty())
        m_fields_job.start([path = wanted](const geo::Progress&) { return geo::read_source_fields(path); });
}

void ImportDialog::draw_fields() {
    if (m_fields.empty() || m_kind == ImportKind::context) return;
    const auto layer_it = std::find_if(m_fields.begin(), m_fields.end(),
                                       [&](const geo::SourceLayerFields& l) { return l.layer == m_choice.layer; });
    if (m_fields.size() > 1) {
        ImGui::SetNextItemWidth(260);
        const std::string all = tr(Text::field_all_layers);
        if (ImGui::BeginCombo("##layer", m_choice.layer.empty() ? all.c_str() : m_choice.layer.c_str())) {
            if (ImGui::Selectable(all.c_str(), m_choice.layer.empty())) m_choice.layer.clear();
            for (const auto& l : m_fields)
                if (ImGui::Selectable(fmt::format("{} ({})", l.layer, l.geometry).c_str(), l.layer == m_choice.layer))
                    m_choice.layer = l.layer;
            ImGui::EndCombo();
        }
        ImGui::SameLine();
        ImGui::TextUnformatted(tr(Text::field_layer));
    }
    // The fields of the chosen layer, else of the first one.
    const geo::SourceLayerFields& l = layer_it != m_fields.end() ? *layer_it : m_fields.front();
    if (m_kind == ImportKind::items) {
        field_combo("##name-field", Text::field_name, l.fields, l.item_name, m_choice.name_field);
        field_combo("##id-field", Text::field_id, l.fields, l.item_id, m_choice.id_field);
        field_combo("##family-field", Text::field_family_field, l.fields, l.item_family, m_choice.family_field);
        // One family for every record (a file of castles, of wineries…).
        ImGui::SetNextItemWidth(260);
        const std::string from_field = tr(Text::family_from_field);
        const char* shown = from_field.c_str();
        std::string fixed_name;
        if (auto f = geo::family_from_id(m_choice.family)) shown = (fixed_name = std::string(family_name(*f))).c_str();
        if (ImGui::BeginCombo("##family", shown)) {
            if (ImGui::Selectable(from_field.c_str(), m_choice.family.empty())) m_choice.family.clear();
            for (const geo::Family f : geo::kAllFamilies)
                if (ImGui::Selectable(std::string(family_name(f)).c_str(), m_choice.family == geo::family_id(f)))
                    m_choice.family = std::string(geo::family_id(f));
            ImGui::EndCombo();
        }
        ImGui::SameLine();
        ImGui::TextUnformatted(tr(Text::field_fixed_family));
    } else {
        field_combo("##name-field", Text::field_name, l.fields, l.territory_name, m_choice.name_field);
        field_combo("##code-field", Text::field_code, l.fields, l.territory_code, m_choice.code_field);
    }
}

std::optional<ImportOutcome> ImportDialog::draw(const std::string& open_catalogue, bool demo) {
    std::optional<ImportOutcome> finished;
    if (auto done = m_job.take()) {
        m_last = *done;
        if (done->error.empty()) finished = std::move(*done);
    }
    if (m_open_requested) {
        ImGui::OpenPopup(kPopup);
        m_open_requested = false;
        m_new_catalogue.clear();
    }
    if (demo && m_new_catalogue.empty()) m_new_catalogue = new_catalogue_path();
    const std::string catalogue = demo ? m_new_catalogue : open_catalogue;
    const ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x / 2, io.DisplaySize.y / 2), ImGuiCond_Appearing,
                            ImVec2(0.5f, 0.5f));
    // 620 px wide, as tall as its content: lines that appear later (the
    // demo's new catalogue, the report) never push the buttons off its edge.
    ImGui::SetNextWindowSizeConstraints(ImVec2(620, 0), ImVec2(620, io.DisplaySize.y - 40));
    if (!ImGui::BeginPopupModal(kPopup, nullptr, ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_AlwaysAutoResize))
        return finished;
    ImGui::TextUnformatted(tr(Text::import_title));
    ImGui::Separator();
    int kind = static_cast<int>(m_kind);
    ImGui::RadioButton(tr(Text::layer_items), &kind, static_cast<int>(ImportKind::items));
    ImGui::SameLine();
    ImGui::RadioButton(tr(Text::layer_territories), &kind, static_cast<int>(ImportKind::territories));
    ImGui::SameLine();
    ImGui::RadioButton(tr(Text::layer_context), &kind, static_cast<int>(ImportKind::context));
    if (static_cast<ImportKind>(kind) != m_kind) m_choice = {};  // fields reset per purpose
    m_kind = static_cast<ImportKind>(kind);
    if (m_kind == ImportKind::territories) {
        ImGui::SetNextItemWidth(220);
        if (ImGui::BeginCombo(tr(Text::territory_level), level_name(m_level))) {
            for (int l = 0; l <= static_cast<int>(geo::TerritoryLevel::reference); ++l) {
                const auto level = static_cast<geo::TerritoryLevel>(l);
                if (ImGui::Selectable(level_name(level), level == m_level)) m_level = level;
            }
            ImGui::EndCombo();
        }
    }
    ImGui::SetNextItemWidth(-ImGui::CalcTextSize(tr(Text::browse)).x - 24);
    if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();  // type or paste the path at once
    ImGui::InputTextWithHint("##path", tr(Text::path), &m_path);
    ImGui::SameLine();
    if (ImGui::Button(tr(Text::browse))) m_browser.open(FileBrowser::Mode::open_file_or_folder, m_path);
    if (auto chosen = m_browser.draw()) m_path = *chosen;
    ImGui::TextDisabled("%s", tr(Text::drop_hint));
    update_fields();
    draw_fields();
    if (m_kind != ImportKind::context && demo) {
        ImGui::TextWrapped("%s", tr(Text::demo_import_notice));
        ImGui::SetNextItemWidth(-1);
        ImGui::InputTextWithHint("##new-catalogue", tr(Text::new_catalogue), &m_new_catalogue);
    } else if (m_kind != ImportKind::context) {
        ImGui::TextDisabled("%s", catalogue.c_str());
    }

    if (m_job.running()) {
        const auto [done, total] = m_job.progress();
        const float fraction = total > 0 ? static_cast<float>(done) / static_cast<float>(total)
                                         : -1.0f * static_cast<float>(ImGui::GetTime());
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - m_started).count();
        std::string text = total > 0 ? fmt::format("{} / {}", done, total) : std::string(tr(Text::importing));
        if (total > 0 && done > 0 && seconds >= 1.0) {
            const double rate = static_cast<double>(done) / seconds;
            text = fmt::format(fmt::runtime(tr(Text::import_rate)), done, total, format_count(std::llround(rate)),
                               std::llround(std::max(0.0, static_cast<double>(total - done) / rate)));
        }
        ImGui::ProgressBar(total > 0 ? fraction : 0.0f, ImVec2(-1, 0), text.c_str());
        if (const std::string waiting = m_wait->get(); !waiting.empty()) ImGui::TextWrapped("%s", waiting.c_str());
    } else if (m_last) {
        const ImportOutcome& o = *m_last;
        if (!o.error.empty()) {
            ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.65f, 0.1f, 0.1f, 1));
            ImGui::TextWrapped("%s : %s", tr(Text::import_failed), o.error.c_str());
            ImGui::PopStyleColor();
        } else if (o.kind == ImportKind::context) {
            ImGui::TextWrapped("%s : %zu %s, %zu %s, %lld %s", tr(Text::import_done), o.context->lines.size(),
                               tr(Text::context_lines), o.context->polygons.polygons.size(), tr(Text::context_polygons),
                               static_cast<long long>(o.context->skipped), tr(Text::skipped));
        } else {
            const geo::ImportReport& r = o.report;
            ImGui::Text("%s : %lld %s, %lld %s, %lld %s, %zu %s", tr(Text::import_done), static_cast<long long>(r.read),
                        tr(Text::read), static_cast<long long>(r.imported), tr(Text::imported),
                        static_cast<long long>(r.updated), tr(Text::updated), r.skipped.size(), tr(Text::skipped));
            if (!r.skipped.empty() || !r.unknown_types.empty() || !r.warnings.empty()) {
                ImGui::BeginChild("##report", ImVec2(0, 180), true);
                ImGuiListClipper clipper;
                clipper.Begin(static_cast<int>(r.skipped.size()));
                while (clipper.Step())
                    for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
                        const auto& s = r.skipped[static_cast<std::size_t>(i)];
                        ImGui::TextWrapped("%s : %s", s.record.c_str(), error_text(s.reason).c_str());
                    }
                for (const auto& t : r.unknown_types) ImGui::TextDisabled("? %s", t.c_str());
                for (const auto& w : r.warnings) ImGui::TextDisabled("! %s", error_text(w).c_str());
                ImGui::EndChild();
            }
        }
    }
    ImGui::Separator();
    // Enter runs the import; once it succeeded, Enter closes the dialog.
    const bool imported = !m_job.running() && m_last && m_last->error.empty();
    const bool enter = dialog_confirmed();
    const bool can_run = !m_job.running() && !m_path.empty() && (!catalogue.empty() || m_kind == ImportKind::context);
    ImGui::BeginDisabled(!can_run);
    if (ImGui::Button(tr(Text::run_import)) || (enter && can_run && !imported)) {
        m_last.reset();
        m_wait->set("");
        m_started = std::chrono::steady_clock::now();
        m_job.start([kind = m_kind, path = m_path, catalogue, level = m_level, fields = m_choice,
                     wait = m_wait](const geo::Progress& progress) {
            return run_import(kind, path, catalogue, level, progress, fields, wait);
        });
    }
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button(tr(Text::cancel)) || dialog_cancelled() || (enter && imported)) {
        if (m_job.running()) m_job.cancel();
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
    return finished;
}

}  // namespace app::gui
