#include "app/gui/views/import_dialog.hpp"

#include <filesystem>

#include <fmt/format.h>
#include <imgui.h>
#include <imgui_stdlib.h>

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
                         geo::TerritoryLevel level, const geo::Progress& progress) {
    ImportOutcome out;
    out.kind = kind;
    out.path = path;
    out.catalogue = catalogue_path;
    if (kind == ImportKind::context) {
        auto context = geo::read_context_layer(path, progress);
        if (context)
            out.context = std::move(*context);
        else
            out.error = context.error().message;
        return out;
    }
    if (geo::is_demo_catalogue(catalogue_path)) {
        out.error = catalogue_path + ": " + tr(Text::demo_write_refused);
        return out;
    }
    auto catalogue = geo::Catalogue::open(catalogue_path, geo::Catalogue::Mode::create_or_open);
    if (!catalogue) {
        out.error = catalogue.error().message;
        return out;
    }
    geo::Result<geo::ImportReport> report = geo::fail("nothing imported");
    if (kind == ImportKind::items) {
        auto taxonomy = geo::Taxonomy::load_default();
        if (!taxonomy) {
            out.error = taxonomy.error().message;
            return out;
        }
        report = geo::import_source(*catalogue, path, {}, *taxonomy, progress);
    } else {
        report = geo::import_territories(*catalogue, path, level, {}, progress);
    }
    if (report)
        out.report = std::move(*report);
    else
        out.error = report.error().message;
    return out;
}

void ImportDialog::open(ImportKind kind, const std::string& path) {
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

}  // namespace

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
        ImGui::ProgressBar(total > 0 ? fraction : 0.0f, ImVec2(-1, 0),
                           total > 0 ? fmt::format("{} / {}", done, total).c_str() : tr(Text::importing));
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
                        ImGui::TextWrapped("%s : %s", s.record.c_str(), s.reason.c_str());
                    }
                for (const auto& t : r.unknown_types) ImGui::TextDisabled("? %s", t.c_str());
                for (const auto& w : r.warnings) ImGui::TextDisabled("! %s", w.c_str());
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
        m_job.start([kind = m_kind, path = m_path, catalogue, level = m_level](const geo::Progress& progress) {
            return run_import(kind, path, catalogue, level, progress);
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
