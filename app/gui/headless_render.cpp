#include "app/gui/headless_render.hpp"

#include <cstdio>

#include <chrono>
#include <memory>
#include <optional>

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

#include "app/gui/model/map_model.hpp"
#include "app/gui/render/headless_gl.hpp"
#include "app/gui/render/map_renderer.hpp"
#include "app/gui/render/offscreen.hpp"
#include "app/gui/render_scene.hpp"
#include "app/gui/ui_style.hpp"
#include "app/gui/views/map_image.hpp"
#include "app/gui/window.hpp"

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
    if (!imgui.ok()) return geo::fail_fmt("cannot initialise the ImGui OpenGL 3 renderer");

    if (!(*renderer)->wait_until_idle(model, 120s)) return geo::fail_fmt("building the map meshes timed out");
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
    if (options.output.empty()) return geo::fail_fmt("no output file given (-o map.png)");
    auto scene = load_render_scene({options.catalogue,
                                    options.audience,
                                    options.context,
                                    options.gaps,
                                    options.level,
                                    options.nested,
                                    options.places,
                                    options.basemaps,
                                    {}});
    if (!scene) return tl::unexpected(scene.error());
    MapModel& model = scene->model;
    const std::string& attribution = scene->attribution;
    frame_scene(model, options.width_px, options.height_px, options.bbox);

    // No display needed with EGL; a hidden window otherwise.
    auto headless = HeadlessGl::create();
    if (headless) return render_with_current_context(options, model, attribution);
    auto window = Window::create(64, 64, "territoire render", false);
    if (!window) return geo::fail_fmt("{}; and {}", headless.error().message, window.error().message);
    return render_with_current_context(options, model, attribution);
}

}  // namespace app::gui
