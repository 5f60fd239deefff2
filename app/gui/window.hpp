#pragma once
// The GLFW window with its OpenGL 3.3 core context, made current on the
// creating thread. Owns the window and GLFW itself (glfwTerminate on
// destruction): one Window per process. Counts input events (for redrawing
// only on input) and collects files dropped on it.
// Failure: no display (run under xvfb-run), no 3.3 core context — the
// message says which.
#include <memory>
#include <string>
#include <vector>

#include "geo/core/error.hpp"

struct GLFWwindow;

namespace app::gui {

class Window {
public:
    static geo::Result<std::unique_ptr<Window>> create(int width_px, int height_px, const std::string& title,
                                                       bool visible);
    ~Window();
    Window(const Window&) = delete;
    Window& operator=(const Window&) = delete;

    [[nodiscard]] GLFWwindow* get() const { return m_window; }
    [[nodiscard]] bool should_close() const;
    void request_close();
    void set_title(const std::string& title);

    // Input events seen since the last call (cursor, buttons, wheel, keys,
    // resize, focus, drop).
    unsigned take_event_count();
    // Paths dropped on the window since the last call.
    std::vector<std::string> take_dropped();

private:
    Window() = default;
    static void on_event(GLFWwindow* window);

    GLFWwindow* m_window = nullptr;
    unsigned m_events = 0;
    std::vector<std::string> m_dropped;
};

}  // namespace app::gui
