#include "app/gui/key_latch.hpp"

#include <backends/imgui_impl_glfw.h>
#include <imgui.h>

#include <vector>

namespace app::gui {
namespace {

struct HeldRelease {
    GLFWwindow* window;
    int key;
    int scancode;
    int mods;
};

// Main thread only (GLFW calls key callbacks from glfwPollEvents).
std::vector<int> g_pressed_since_frame;  // keys pressed since the last NewFrame
std::vector<HeldRelease> g_held;

void on_key(GLFWwindow* window, int key, int scancode, int action, int mods) {
    if (action == GLFW_PRESS) g_pressed_since_frame.push_back(key);
    // Once a key went down since the last frame, every release waits for the
    // frame: Ctrl held before F and let go with it (xdotool's `ctrl+f`, a
    // quick chord) must still be down when the frame sees F.
    if (action == GLFW_RELEASE && !g_pressed_since_frame.empty()) {
        g_held.push_back({window, key, scancode, mods});
        return;
    }
    ImGui_ImplGlfw_KeyCallback(window, key, scancode, action, mods);
}

}  // namespace

void install_key_latch(GLFWwindow* window) {
    glfwSetKeyCallback(window, on_key);
}

void release_latched_keys() {
    g_pressed_since_frame.clear();
    std::vector<HeldRelease> held;
    held.swap(g_held);
    for (const HeldRelease& r : held) ImGui_ImplGlfw_KeyCallback(r.window, r.key, r.scancode, GLFW_RELEASE, r.mods);
}

}  // namespace app::gui
