#include "tests/support/gui_driver.hpp"

#include <iostream>

#include <gtest/gtest.h>

#include <fcntl.h>

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <thread>

#include <fmt/format.h>
#include <spawn.h>
#include <sys/wait.h>

extern char** environ;

namespace test {
namespace {

using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

const std::string kBinary = std::string(TERRITOIRE_BINARY_DIR) + "/app/territoire";

// Single quotes for /bin/sh.
std::string quoted(const std::string& s) {
    std::string out = "'";
    for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

std::string output_of(const std::string& command) {
    std::string out;
    if (FILE* pipe = popen(command.c_str(), "r")) {
        char buffer[256];
        while (std::fgets(buffer, sizeof buffer, pipe) != nullptr) out += buffer;
        pclose(pipe);
    }
    return out;
}

bool exited_within(pid_t pid, std::chrono::milliseconds timeout) {
    const auto deadline = Clock::now() + timeout;
    while (Clock::now() < deadline) {
        int status = 0;
        if (waitpid(pid, &status, WNOHANG) == pid) return true;
        std::this_thread::sleep_for(20ms);
    }
    return false;
}

}  // namespace

std::string x_input_missing() {
    const char* display = std::getenv("DISPLAY");
    if (display == nullptr || *display == '\0') return "no X display (run under xvfb-run -a)";
    if (std::system("command -v xdotool > /dev/null 2>&1") != 0) return "xdotool not installed";
    return "";
}

std::unique_ptr<GuiDriver> GuiDriver::start(const std::filesystem::path& dir, const std::vector<std::string>& args,
                                            std::string& error) {
    std::unique_ptr<GuiDriver> driver(new GuiDriver());
    driver->m_state_path = dir / "state.json";
    driver->m_log_path = dir / "gui.log";
    std::vector<std::string> argv = {kBinary, "gui"};
    argv.insert(argv.end(), args.begin(), args.end());
    argv.insert(argv.end(), {"--state-file", driver->m_state_path.string()});
    std::vector<char*> c_argv;
    for (auto& a : argv) c_argv.push_back(a.data());
    c_argv.push_back(nullptr);

    posix_spawn_file_actions_t files;
    posix_spawn_file_actions_init(&files);
    posix_spawn_file_actions_addopen(&files, 1, driver->m_log_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_adddup2(&files, 1, 2);
    const int spawned = posix_spawn(&driver->m_pid, kBinary.c_str(), &files, nullptr, c_argv.data(), environ);
    posix_spawn_file_actions_destroy(&files);
    if (spawned != 0) {
        error = fmt::format("cannot start {}: {}", kBinary, std::strerror(spawned));
        driver->m_pid = -1;
        return nullptr;
    }
    std::istringstream windows(
        output_of(fmt::format("timeout 60 xdotool search --sync --onlyvisible --pid {} 2>/dev/null", driver->m_pid)));
    std::getline(windows, driver->m_window);
    if (driver->m_window.empty()) {
        error = "no window within 60 s; the app said: " + driver->log();
        return nullptr;
    }
    // Without a window manager, keys go where the input focus is set.
    driver->xdotool("windowfocus " + driver->m_window);
    if (!driver->wait_for([](const nlohmann::json&) { return true; }, 30s)) {
        error = "no state file within 30 s; the app said: " + driver->log();
        return nullptr;
    }
    return driver;
}

std::unique_ptr<GuiDriver> GuiDriver::start_until(const std::filesystem::path& dir,
                                                  const std::vector<std::string>& args, const Predicate& ready,
                                                  std::chrono::milliseconds timeout) {
    std::string error;
    auto driver = start(dir, args, error);
    if (!driver) {
        ADD_FAILURE() << error;
        return nullptr;
    }
    if (!driver->wait_for(ready, timeout)) {
        ADD_FAILURE() << "not ready: " << driver->last_state().dump() << "\n" << driver->log();
        return nullptr;
    }
    return driver;
}

GuiDriver::~GuiDriver() {
    if (m_pid <= 0) return;
    kill(m_pid, SIGTERM);
    if (!exited_within(m_pid, 5s)) {
        kill(m_pid, SIGKILL);
        waitpid(m_pid, nullptr, 0);
    }
}

bool GuiDriver::wait_for(const Predicate& done, std::chrono::milliseconds timeout) {
    const auto deadline = Clock::now() + timeout;
    do {
        std::ifstream file(m_state_path);
        if (file) {
            nlohmann::json state = nlohmann::json::parse(file, nullptr, false);
            if (!state.is_discarded()) {
                m_state = std::move(state);
                if (done(m_state)) return true;
            }
        }
        std::this_thread::sleep_for(25ms);
    } while (Clock::now() < deadline);
    return false;
}

void GuiDriver::xdotool(const std::string& arguments) {
    // XTEST events, then a pause: each event wakes the app for a few frames.
    std::system(("xdotool " + arguments + " > /dev/null 2>&1").c_str());
    std::this_thread::sleep_for(150ms);
}

void GuiDriver::move_to(double x, double y) {
    xdotool(fmt::format("mousemove --window {} {:.0f} {:.0f}", m_window, x, y));
}

void GuiDriver::click(double x, double y) {
    move_to(x, y);
    xdotool("click 1");
}

void GuiDriver::click_centre(const nlohmann::json& rect) {
    click(rect.at(0).get<double>() + rect.at(2).get<double>() / 2,
          rect.at(1).get<double>() + rect.at(3).get<double>() / 2);
}

void GuiDriver::drag(double x0, double y0, double x1, double y1) {
    move_to(x0, y0);
    xdotool("mousedown 1");
    constexpr int kSteps = 8;
    for (int i = 1; i <= kSteps; ++i) move_to(x0 + (x1 - x0) * i / kSteps, y0 + (y1 - y0) * i / kSteps);
    xdotool("mouseup 1");
}

GuiDriver::Picture GuiDriver::grab() const {
    Picture out;
    const auto xwd_path = m_state_path.parent_path() / "grab.xwd";
    if (std::system(fmt::format("xwd -silent -id {} -out {}", m_window, xwd_path.string()).c_str()) != 0) return out;
    std::ifstream in(xwd_path, std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    // XWDFileHeader: 25 big-endian CARD32, then the window name, then
    // ncolors XWDColor of 12 bytes, then the pixels (ZPixmap).
    if (bytes.size() < 100) return out;
    const auto field = [&](int i) {
        const auto* p = reinterpret_cast<const unsigned char*>(bytes.data()) + i * 4;
        return (std::uint32_t{p[0]} << 24) | (std::uint32_t{p[1]} << 16) | (std::uint32_t{p[2]} << 8) | p[3];
    };
    const std::uint32_t header = field(0), width = field(4), height = field(5), byte_order = field(7), bpp = field(11),
                        line = field(12), red = field(14), green = field(15), blue = field(16), ncolors = field(19);
    const std::size_t start = header + static_cast<std::size_t>(ncolors) * 12;
    if (bpp != 32 || bytes.size() < start + static_cast<std::size_t>(line) * height) return out;
    const auto shift = [](std::uint32_t mask) { return mask ? __builtin_ctz(mask) : 0; };
    out.width = static_cast<int>(width);
    out.height = static_cast<int>(height);
    out.rgb.resize(static_cast<std::size_t>(width) * height * 3);
    for (std::uint32_t y = 0; y < height; ++y)
        for (std::uint32_t x = 0; x < width; ++x) {
            const auto* p = reinterpret_cast<const unsigned char*>(bytes.data()) + start + y * line + x * 4;
            const std::uint32_t v =
                byte_order == 0  // LSBFirst
                    ? (std::uint32_t{p[3]} << 24) | (std::uint32_t{p[2]} << 16) | (std::uint32_t{p[1]} << 8) | p[0]
                    : (std::uint32_t{p[0]} << 24) | (std::uint32_t{p[1]} << 16) | (std::uint32_t{p[2]} << 8) | p[3];
            std::uint8_t* o = out.rgb.data() + (static_cast<std::size_t>(y) * width + x) * 3;
            o[0] = static_cast<std::uint8_t>((v & red) >> shift(red));
            o[1] = static_cast<std::uint8_t>((v & green) >> shift(green));
            o[2] = static_cast<std::uint8_t>((v & blue) >> shift(blue));
        }
    return out;
}

void GuiDriver::key(const std::string& keysym) {
    xdotool("key " + keysym);
}

void GuiDriver::type(const std::string& text) {
    xdotool("type --delay 20 " + quoted(text));
}

std::string GuiDriver::log() const {
    std::ifstream file(m_log_path);
    return std::string((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
}

void GuiDriver::save_window(const std::filesystem::path& path) const {
    const Picture picture = grab();
    ASSERT_GT(picture.width, 0) << "the window could not be grabbed";
    std::ofstream ppm(path, std::ios::binary);
    ppm << "P6\n" << picture.width << " " << picture.height << "\n255\n";
    ppm.write(reinterpret_cast<const char*>(picture.rgb.data()), static_cast<std::streamsize>(picture.rgb.size()));
    std::cout << "window: " << path.string() << "\n";
}

}  // namespace test
