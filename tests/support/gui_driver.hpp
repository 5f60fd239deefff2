#pragma once
// Drives the built `territoire gui` with real X input, for interaction
// tests: starts it on the current display with --state-file (the JSON test
// hook described in app/gui/state_file.hpp), finds its window by PID, and
// sends pointer and keyboard events with xdotool (XTEST: the same path as a
// user's mouse). Coordinates are window pixels, top-left origin, as in the
// state file. The process is killed when the driver goes away.
// Tests using it must hold the display alone (ctest RESOURCE_LOCK x_display,
// tests/CMakeLists.txt): another window mapped on top would take the clicks.
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include <sys/types.h>
#include <nlohmann/json.hpp>

namespace test {

// Why real-input GUI tests cannot run here (no DISPLAY, no xdotool), "" when they can.
std::string x_input_missing();

#define REQUIRE_X_INPUT()                                                                           \
    do {                                                                                            \
        if (const std::string why = test::x_input_missing(); !why.empty()) SKIP_OR_FAIL_IN_CI(why); \
    } while (0)

class GuiDriver {
public:
    using Predicate = std::function<bool(const nlohmann::json& state)>;

    // Starts `territoire gui ARGS --state-file DIR/state.json` (output in
    // DIR/gui.log), waits for its window and its first state. Null, with
    // `error` set, when the window did not appear within 60 s.
    static std::unique_ptr<GuiDriver> start(const std::filesystem::path& dir, const std::vector<std::string>& args,
                                            std::string& error);
    // start(), then wait_for(`ready`); null, with a test failure naming the
    // state and the app's output, when either fails.
    static std::unique_ptr<GuiDriver> start_until(const std::filesystem::path& dir,
                                                  const std::vector<std::string>& args, const Predicate& ready,
                                                  std::chrono::milliseconds timeout);
    ~GuiDriver();
    GuiDriver(const GuiDriver&) = delete;
    GuiDriver& operator=(const GuiDriver&) = delete;

    // Polls the state file until `done` holds for it; false after `timeout`.
    // last_state() is then the last state read.
    bool wait_for(const Predicate& done, std::chrono::milliseconds timeout);
    [[nodiscard]] const nlohmann::json& last_state() const { return m_state; }

    void move_to(double x, double y);
    void click(double x, double y);                         // left button
    void click_centre(const nlohmann::json& rect);          // of [x, y, w, h]
    void drag(double x0, double y0, double x1, double y1);  // left button, in steps
    void key(const std::string& keysym);                    // X keysym: Escape, Return, ctrl+q
    void type(const std::string& text);
    // What the window shows now (xwd, from x11-apps): RGB rows from the top;
    // empty when the grab failed.
    struct Picture {
        int width = 0, height = 0;
        std::vector<std::uint8_t> rgb;
        [[nodiscard]] const std::uint8_t* at(int x, int y) const {
            return rgb.data() + (static_cast<std::size_t>(y) * width + x) * 3;
        }
    };
    [[nodiscard]] Picture grab() const;
    // grab() written as `path` (binary PPM) for a look, its path printed;
    // a test failure when the grab fails.
    void save_window(const std::filesystem::path& path) const;
    // The app's stdout and stderr so far, for failure messages.
    [[nodiscard]] std::string log() const;

private:
    GuiDriver() = default;
    void xdotool(const std::string& arguments);

    pid_t m_pid = -1;
    std::string m_window;  // X window id
    std::filesystem::path m_state_path, m_log_path;
    nlohmann::json m_state;
};

}  // namespace test
