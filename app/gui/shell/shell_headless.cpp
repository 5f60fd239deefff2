// The headless path (under xvfb-run): load, settle, draw N frames, the
// screenshot of the back buffer, the frame benchmark; and the --state-file
// hook through which the real-input tests read the interface.
#include <chrono>
#include <cmath>
#include <cstdio>

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "app/gui/i18n.hpp"
#include "app/gui/render/gl.hpp"
#include "app/gui/render/offscreen.hpp"
#include "app/gui/shell/gui_shell.hpp"
#include "app/gui/views/layers_panel.hpp"
#include "app/gui/views/popup_keys.hpp"

namespace app::gui {
namespace {

using namespace std::chrono_literals;
constexpr auto kHeadlessLoadTimeout = 120s;

}  // namespace

int GuiShell::run_headless() {
    glfwSwapInterval(0);
    // The pointer (under xvfb-run, at the screen's centre) off the map, in
    // the window's bottom-right corner: no hover tooltip in screenshots.
    glfwSetCursorPos(m_window->get(), m_options.width_px - 2.0, m_options.height_px - 2.0);
    // Let the catalogue load and the meshes build, drawing as the GUI would.
    const auto deadline = Clock::now() + kHeadlessLoadTimeout;
    int settled = 0;
    while (settled < 3) {
        glfwPollEvents();
        collect_jobs();
        poll_analyses();
        m_renderer->poll(m_model);
        report_mesh_errors();
        draw_gl(frame());
        glfwSwapBuffers(m_window->get());
        settled = busy() ? 0 : settled + 1;
        if (Clock::now() > deadline) {
            std::fprintf(stderr, "territoire gui: still loading after %lld s\n",
                         static_cast<long long>(kHeadlessLoadTimeout.count()));
            return 1;
        }
    }
    if (!m_ui.status.empty() && m_ui.status_is_error) {
        std::fprintf(stderr, "territoire gui: %s\n", m_ui.status.c_str());
        return 1;
    }
    for (int i = 0; i < m_options.frames; ++i) {
        glfwPollEvents();
        draw_gl(frame());
        glfwSwapBuffers(m_window->get());
    }
    if (m_options.bench_frames > 0) {
        bench("pan", [](Camera& c, int i) { c.pan_by_px(i % 2 ? -1.0 : 1.0, 0.0); });
        const ScreenPx centre{m_model.camera().width_px() / 2.0, m_model.camera().height_px() / 2.0};
        bench("zoom", [centre](Camera& c, int i) { c.zoom_around(centre, i % 2 ? 1.0 / 1.02 : 1.02); });
        // A weight slider moved every 10 frames for the first half, then let
        // go: the perimeter is recomputed on the worker while frames go on,
        // and the last result lands within the measured frames when the
        // worker is idle at the end (printed).
        if (const auto& audience = m_audience.audience()) {
            const double weight = audience->family_weight(geo::Family::heritage);
            const int moves = m_options.bench_frames / 2;
            bench("slider", [this, weight, moves](Camera&, int i) {
                if (i < moves && i % 10 == 0)
                    m_audience.set_family_weight(geo::Family::heritage, weight * (i % 20 == 0 ? 0.5 : 1.0), m_model);
            });
            fmt::print("slider: perimeter worker {} after the last frame\n",
                       m_audience.busy() ? "still busy" : "idle, last result shown");
        }
    }
    if (!m_options.screenshot.empty()) {
        // Draw once more and read the back buffer before it is swapped.
        const Rect map = frame();
        draw_gl(map);
        const geo::LonLat c = lonlat_from_mercator(m_model.camera().center());
        fmt::print("map canvas {} {} {} {}  centre {:.6f} {:.6f}  zoom {:.4f}\n", map.x, map.y,
                   m_model.camera().width_px(), m_model.camera().height_px(), c.lon_deg, c.lat_deg,
                   m_model.camera().zoom());
        glFinish();
        int fb_w = 0, fb_h = 0;
        glfwGetFramebufferSize(m_window->get(), &fb_w, &fb_h);
        glBindFramebuffer(GL_READ_FRAMEBUFFER, 0);
        glReadBuffer(GL_BACK);
        const Image image = read_pixels(0, 0, fb_w, fb_h);
        if (auto ok = write_png(m_options.screenshot, image); !ok) {
            std::fprintf(stderr, "territoire gui: %s\n", ok.error().message.c_str());
            return 1;
        }
    }
    return 0;
}

// The audience as the panel shows it: weights by family, the level, the
// main perimeter's area, and where the sliders are.
nlohmann::json GuiShell::audience_state() const {
    const auto& active = m_audience.audience();
    if (!active) return nullptr;
    const auto rect = [](const std::array<float, 4>& r) { return nlohmann::json::array({r[0], r[1], r[2], r[3]}); };
    nlohmann::json weights = nlohmann::json::object(), sliders = nlohmann::json::object();
    for (const geo::Family f : geo::kAllFamilies) weights[std::string(geo::family_id(f))] = active->family_weight(f);
    for (const auto& [id, r] : m_audience_panel.slider_rects()) sliders[id] = rect(r);
    const auto& last = m_audience.last_result();
    nlohmann::json area = nullptr;
    if (last && last->stats)
        for (const auto& l : last->stats->levels)
            if (std::abs(l.level - m_audience.params().level) < 1e-9) area = l.area_km2;
    return {{"id", active->id},
            {"name", active->name_en},
            {"weights", std::move(weights)},
            {"subtype_weights", active->subtype_weights},
            {"modified", !m_audience.modified().empty()},
            {"level", m_audience.params().level},
            {"perimeter_km2", area},
            {"computing", m_audience.busy()},
            {"sliders", std::move(sliders)},
            {"reset", rect(m_audience_panel.reset_rect())}};
}

void GuiShell::write_state() {
    if (!m_state_file) return;
    const auto rect = [](const UiRect& r) { return nlohmann::json::array({r.x, r.y, r.w, r.h}); };
    const geo::LonLat centre = lonlat_from_mercator(m_model.camera().center());
    const MapCanvas::Controls& controls = m_canvas.controls();
    const nlohmann::json state = {
        {"items", m_model.items().size()},
        {"busy", busy()},
        {"camera", {{"lon_deg", centre.lon_deg}, {"lat_deg", centre.lat_deg}, {"zoom", m_model.camera().zoom()}}},
        {"popups", m_popups},
        {"canvas", rect({m_map.x, m_map.y, m_map.w, m_map.h})},
        {"controls",
         {{"fit", rect(controls.fit)}, {"zoom_in", rect(controls.zoom_in)}, {"zoom_out", rect(controls.zoom_out)}}},
        {"status", m_ui.status}};
    nlohmann::json labels = nlohmann::json::array();
    for (const DrawnLabel& l : m_canvas.labels())
        labels.push_back({{"text", l.text}, {"place", l.place}, {"box", rect(l.box)}});
    nlohmann::json hits = nlohmann::json::array();
    for (const geo::SearchHit& h : m_search.search().hits())
        hits.push_back({{"kind", geo::search_kind_id(h.kind)}, {"name", h.name}, {"code", h.code}});
    nlohmann::json full = state;
    full["labels"] = std::move(labels);
    full["layers"] = layers_state(m_model, m_ui);
    full["panels"] = {{"left_px", m_ui.show_left ? m_map.x : 0.0f},
                      {"preferred_left_px", m_ui.left_panel_px},
                      {"preferred_right_px", m_ui.right_panel_px},
                      {"split_left", rect(m_split_rects[0])},
                      {"split_right", rect(m_split_rects[1])}};
    full["items_shown"] = m_model.item_filter() ? m_model.item_filter()->size() : m_model.items().size();
    full["catalogue_search"] = rect(m_catalogue.search_rect());
    full["search"] = {{"query", m_search.search().query()},
                      {"focused", m_search.focused()},
                      {"field", rect(m_search.field_rect())},
                      {"hits", std::move(hits)},
                      {"selected", m_search.search().selected()}};
    full["project"] = {{"path", m_project_path},
                       {"catalogue", m_model.catalogue_path()},
                       {"demo", m_demo},
                       {"title", m_title},
                       {"empty_state", empty_state()},
                       {"undo", m_history.undo_steps()},
                       {"redo", m_history.redo_steps()},
                       {"language", language() == Language::fr ? "fr" : "en"},
                       {"panels", capture().panels}};
    full["audience"] = audience_state();
    nlohmann::json ranked = nlohmann::json::array(), rows = nlohmann::json::array();
    if (const auto& outcome = m_segments.outcome())
        for (const auto& s : outcome->result.segments) ranked.push_back(s.audience_id);
    for (const UiRect& r : m_segments.row_rects()) rows.push_back(rect(r));
    nlohmann::json import_layers = nlohmann::json::array();
    for (const geo::SourceLayerFields& l : m_import.fields())
        import_layers.push_back({{"layer", l.layer},
                                 {"geometry", l.geometry},
                                 {"fields", l.fields},
                                 {"item_name", l.item_name},
                                 {"item_family", l.item_family},
                                 {"territory_name", l.territory_name},
                                 {"territory_code", l.territory_code}});
    const ImportFieldChoice& choice = m_import.choice();
    full["import"] = {{"layers", std::move(import_layers)},
                      {"error", m_import.last_error()},
                      {"choice",
                       {{"layer", choice.layer},
                        {"name_field", choice.name_field},
                        {"family", choice.family},
                        {"code_field", choice.code_field}}}};
    full["segments"] = {{"tab", rect(m_segments_tab)}, {"button", rect(m_segments.button_rect())},
                        {"rows", std::move(rows)},     {"ranked", std::move(ranked)},
                        {"busy", m_segments.busy()},   {"error", m_segments.error()}};
    nlohmann::json producers = nlohmann::json::array();
    if (const auto& outcome = m_actors.outcome())
        for (const auto& p : outcome->actors.producers) producers.push_back({p.name, p.item_count});
    full["actors"] = {{"tab", rect(m_actors_tab)},
                      {"button", rect(m_actors.button_rect())},
                      {"busy", m_actors.busy()},
                      {"error", m_actors.error()},
                      {"producers", std::move(producers)}};
    m_state_file->update(full, m_frames);
}

}  // namespace app::gui
