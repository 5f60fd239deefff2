#include "app/gui/headless_render.hpp"

#include <cstdio>

#include <chrono>
#include <memory>
#include <optional>

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <imgui.h>
#include <backends/imgui_impl_opengl3.h>

#include "app/gui/model/audience_job.hpp"
#include "app/gui/model/catalogue_snapshot.hpp"
#include "app/gui/model/context_loading.hpp"
#include "app/gui/model/map_model.hpp"
#include "app/gui/render/headless_gl.hpp"
#include "app/gui/render/map_renderer.hpp"
#include "app/gui/render/offscreen.hpp"
#include "app/gui/ui_style.hpp"
#include "app/gui/views/map_image.hpp"
#include "app/gui/window.hpp"
#include "geo/io/audience_presets.hpp"
#include "geo/io/places_file.hpp"
#include "geo/store/catalogue.hpp"

namespace app::gui {
namespace {

using namespace std::chrono_literals;

// An ImGui context with the GL3 renderer only (no platform window).
class ImGuiOffscreen {
public:
    ImGuiOffscreen(int width_px, int height_px) {
        ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = ImVec2(static_cast<float>(width_px), static_cast<float>(height_px));
        io.DeltaTime = 1.0f / 60.0f;
        load_fonts();
        apply_light_theme();
        m_ok = ImGui_ImplOpenGL3_Init("#version 330 core");
    }
    ~ImGuiOffscreen() {
        if (m_ok) ImGui_ImplOpenGL3_Shutdown();
        ImGui::DestroyContext();
    }
    ImGuiOffscreen(const ImGuiOffscreen&) = delete;
    ImGuiOffscreen& operator=(const ImGuiOffscreen&) = delete;
    [[nodiscard]] bool ok() const { return m_ok; }

private:
    bool m_ok = false;
};

geo::Result<void> render_with_current_context(const RenderOptions& options, MapModel& model,
                                              const std::string& attribution) {
    auto renderer = MapRenderer::create();
    if (!renderer) return tl::unexpected(renderer.error());
    ImGuiOffscreen imgui(options.width_px, options.height_px);
    if (!imgui.ok()) return geo::fail("cannot initialise the ImGui OpenGL 3 renderer");

    if (!(*renderer)->wait_until_idle(model, 120s)) return geo::fail("building the map meshes timed out");
    // What could not be drawn is said, and the picture is still written.
    for (const std::string& e : (*renderer)->take_errors()) std::fprintf(stderr, "territoire render: %s\n", e.c_str());
    ImGui_ImplOpenGL3_NewFrame();
    ImGui::NewFrame();
    auto image = render_map_image(model, **renderer, attribution);
    ImGui::EndFrame();
    if (!image) return tl::unexpected(image.error());
    return write_png(options.output, *image);
}

}  // namespace

geo::Result<void> render_map_png(const RenderOptions& options) {
    if (options.output.empty()) return geo::fail("no output file given (-o map.png)");
    MapModel model;
    std::string attribution = attribution_for({});
    if (!options.catalogue.empty()) {
        auto snapshot = load_catalogue_snapshot(options.catalogue);
        if (!snapshot) return tl::unexpected(snapshot.error());
        attribution = attribution_for(snapshot->sources);
        model.set_catalogue_path(snapshot->path);
        model.set_items(std::move(snapshot->items));
        model.set_territories(std::move(snapshot->territories));
    }
    std::string credits;
    for (const std::string& path : options.context) {
        auto credit = load_context_layer(model, path);
        if (!credit) return tl::unexpected(credit.error());
        if (credits.find(*credit) == std::string::npos) credits = join_credits(credits, *credit);
    }
    attribution = join_credits(attribution, credits);
    if (!options.places.empty()) {
        auto places = geo::read_places_file(options.places);
        if (!places) return tl::unexpected(places.error());
        model.set_places(std::move(*places));
    }
    if (!options.audience.empty()) {
        std::optional<geo::Catalogue> catalogue;
        if (!options.catalogue.empty()) {
            auto c = geo::Catalogue::open(options.catalogue, geo::Catalogue::Mode::read_only);
            if (!c) return tl::unexpected(c.error());
            catalogue.emplace(std::move(*c));
        }
        auto audience = geo::resolve_audience(options.audience, catalogue ? &*catalogue : nullptr);
        if (!audience) return tl::unexpected(audience.error());
        AudienceComputer compute;
        const AudienceResult result = compute({*audience, {}, model.shared_items(), model.shared_territories(),
                                               model.items_revision()});
        if (!result.error.empty()) return geo::fail(options.audience + ": " + result.error);
        apply_audience_result(result, model);
    }
    model.camera().set_viewport(options.width_px, options.height_px);
    if (options.bbox)
        model.camera().fit(*options.bbox, 0.0);
    else if (const geo::LonLatBox extent = model.focus_extent(); !extent.empty())
        model.camera().fit(extent, 40.0);

    // No display needed with EGL; a hidden window otherwise.
    auto headless = HeadlessGl::create();
    if (headless) return render_with_current_context(options, model, attribution);
    auto window = Window::create(64, 64, "territoire render", false);
    if (!window)
        return geo::fail(headless.error().message + "; and " + window.error().message);
    return render_with_current_context(options, model, attribution);
}

}  // namespace app::gui
