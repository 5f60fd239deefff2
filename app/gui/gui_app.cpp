#include "app/gui/gui_app.hpp"

#include <cstdio>
#include <optional>

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

#include "app/gui/i18n.hpp"
#include "app/gui/key_latch.hpp"
#include "app/gui/model/main_loop_wake.hpp"
#include "app/gui/render/gl.hpp"
#include "app/gui/shell/gui_shell.hpp"
#include "app/gui/ui_style.hpp"

namespace app::gui {

int run_gui(const GuiOptions& options) {
    load_label_names();
    const bool headless = options.frames > 0 || options.bench_frames > 0;
    auto window = Window::create(options.width_px, options.height_px, tr(Text::app_title), true);
    if (!window) {
        std::fprintf(stderr, "territoire gui: %s\n", window.error().message.c_str());
        return 1;
    }
    glfwSwapInterval(headless ? 0 : 1);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGui::GetIO().IniFilename = nullptr;  // no imgui.ini in the user's folder
    load_fonts();
    apply_light_theme();
    ImGui_ImplGlfw_InitForOpenGL((*window)->get(), true);
    install_key_latch((*window)->get());
    ImGui_ImplOpenGL3_Init("#version 330 core");

    int code = 1;
    // A project opened (or a new one) starts a fresh shell on the same window.
    std::optional<GuiOptions> next = options;
    while (next) {
        auto renderer = MapRenderer::create();
        if (!renderer) {
            std::fprintf(stderr, "territoire gui: %s\n", renderer.error().message.c_str());
            break;
        }
        set_main_loop_waker(glfwPostEmptyEvent);
        GuiShell app(*next, **window, std::move(*renderer));
        code = app.run();
        next = app.reopen();
    }
    set_main_loop_waker(nullptr);  // the jobs have stopped with the app; GLFW goes with the window
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
    return code;
}

}  // namespace app::gui
