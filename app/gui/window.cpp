#include "app/gui/window.hpp"

#include "app/gui/render/gl_driver_pin.hpp"

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

namespace app::gui {
namespace {

std::string g_glfw_error;  // the last GLFW error, for the failure message

void on_glfw_error(int code, const char* description) {
    g_glfw_error = "GLFW error " + std::to_string(code) + ": " + (description ? description : "");
}

}  // namespace

geo::Result<std::unique_ptr<Window>> Window::create(int width_px, int height_px, const std::string& title,
                                                    bool visible) {
    glfwSetErrorCallback(on_glfw_error);
    if (glfwInit() != GLFW_TRUE)
        return geo::fail_fmt(
            "cannot open a window ({}); without a display, run under xvfb-run -a, or use `territoire render`",
            g_glfw_error);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
    glfwWindowHint(GLFW_VISIBLE, visible ? GLFW_TRUE : GLFW_FALSE);
    glfwWindowHint(GLFW_SAMPLES, 0);
    std::unique_ptr<Window> w(new Window());
    w->m_window = glfwCreateWindow(width_px, height_px, title.c_str(), nullptr, nullptr);
    if (w->m_window == nullptr) {
        glfwTerminate();
        return geo::fail_fmt("cannot create an OpenGL 3.3 core window ({})", g_glfw_error);
    }
    glfwMakeContextCurrent(w->m_window);
    pin_gl_driver_modules();
    glfwSetWindowUserPointer(w->m_window, w.get());
    // Installed before ImGui's backend, which chains to them.
    glfwSetCursorPosCallback(w->m_window, [](GLFWwindow* win, double, double) { on_event(win); });
    glfwSetMouseButtonCallback(w->m_window, [](GLFWwindow* win, int, int, int) { on_event(win); });
    glfwSetScrollCallback(w->m_window, [](GLFWwindow* win, double, double) { on_event(win); });
    glfwSetKeyCallback(w->m_window, [](GLFWwindow* win, int, int, int, int) { on_event(win); });
    glfwSetCharCallback(w->m_window, [](GLFWwindow* win, unsigned) { on_event(win); });
    glfwSetWindowFocusCallback(w->m_window, [](GLFWwindow* win, int) { on_event(win); });
    glfwSetCursorEnterCallback(w->m_window, [](GLFWwindow* win, int) { on_event(win); });
    glfwSetFramebufferSizeCallback(w->m_window, [](GLFWwindow* win, int, int) { on_event(win); });
    glfwSetWindowRefreshCallback(w->m_window, [](GLFWwindow* win) { on_event(win); });
    glfwSetDropCallback(w->m_window, [](GLFWwindow* win, int count, const char** paths) {
        auto* self = static_cast<Window*>(glfwGetWindowUserPointer(win));
        for (int i = 0; i < count; ++i) self->m_dropped.emplace_back(paths[i]);
        on_event(win);
    });
    return w;
}

Window::~Window() {
    if (m_window != nullptr) glfwDestroyWindow(m_window);
    glfwTerminate();
}

void Window::on_event(GLFWwindow* window) {
    if (auto* self = static_cast<Window*>(glfwGetWindowUserPointer(window))) ++self->m_events;
}

bool Window::should_close() const {
    return glfwWindowShouldClose(m_window) == GLFW_TRUE;
}
void Window::request_close() {
    glfwSetWindowShouldClose(m_window, GLFW_TRUE);
}
void Window::set_title(const std::string& title) {
    glfwSetWindowTitle(m_window, title.c_str());
}

unsigned Window::take_event_count() {
    const unsigned n = m_events;
    m_events = 0;
    return n;
}

std::vector<std::string> Window::take_dropped() {
    std::vector<std::string> out;
    out.swap(m_dropped);
    return out;
}

}  // namespace app::gui
