// The frame-time benchmark (`territoire gui --bench-frames N`): camera
// moves as while dragging or rolling the wheel, each frame measured in its
// ImGui, map and panel parts, wall and process CPU time.
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <vector>

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <fmt/format.h>

#include "app/gui/render/gl.hpp"
#include "app/gui/shell/gui_shell.hpp"

namespace app::gui {

void GuiShell::bench(const char* what, const std::function<void(Camera&, int)>& move) {
    // Each frame: a camera move (one pixel of pan, as while dragging, or 2 %
    // of zoom, as while rolling the wheel), the ImGui frame, the map, the
    // panels; glFinish makes the GPU (llvmpipe) work part of the measure.
    std::vector<double> total, ui, map, panels, cpu;
    const auto ms_since = [](Clock::time_point t) {
        return std::chrono::duration<double, std::milli>(Clock::now() - t).count();
    };
    // Process CPU time (all threads, llvmpipe's included): what the frame
    // costs, whatever else the machine runs.
    const auto cpu_ms = [] {
        timespec ts{};
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
        return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) * 1e-6;
    };
    for (int i = 0; i < m_options.bench_frames; ++i) {
        const auto t0 = Clock::now();
        const double c0 = cpu_ms();
        move(m_model.camera(), i);
        glfwPollEvents();
        const Rect rect = frame();
        ui.push_back(ms_since(t0));
        const auto t1 = Clock::now();
        draw_gl_map(rect);
        glFinish();
        map.push_back(ms_since(t1));
        const auto t2 = Clock::now();
        draw_panels();
        glFinish();
        panels.push_back(ms_since(t2));
        glfwSwapBuffers(m_window->get());
        total.push_back(ms_since(t0));
        cpu.push_back(cpu_ms() - c0);
    }
    const auto pct = [](std::vector<double> v, double p) {
        std::sort(v.begin(), v.end());
        return v[std::min(v.size() - 1, static_cast<std::size_t>(p * static_cast<double>(v.size())))];
    };
    const MapDrawStats& s = m_renderer->stats();
    long resident_kb = 0;
    if (std::FILE* f = std::fopen("/proc/self/statm", "r")) {
        long size = 0, resident = 0;
        if (std::fscanf(f, "%ld %ld", &size, &resident) == 2) resident_kb = resident * (sysconf(_SC_PAGESIZE) / 1024);
        std::fclose(f);
    }
    fmt::print(
        "{:<6} frames {}  median {:.2f} ms  p95 {:.2f} ms  max {:.2f} ms  (median ui {:.2f}, map {:.2f}, panels "
        "{:.2f}; "
        "cpu {:.2f} ms)  items {}  visible {}  drawn points {}{}{}  segments {}  fill triangles {}  zoom {:.2f}  "
        "resident {} MB\n",
        what, total.size(), pct(total, 0.5), pct(total, 0.95), pct(total, 1.0), pct(ui, 0.5), pct(map, 0.5),
        pct(panels, 0.5), pct(cpu, 0.5), m_model.items().size(), s.visible_items, s.drawn_points,
        s.aggregated ? " (aggregated)" : "", s.cached ? ", layers cached" : "", s.segments, s.triangles,
        m_model.camera().zoom(), resident_kb / 1024);
}

}  // namespace app::gui
