#pragma once
// The Benchmark panel: our territory and its competitors among the loaded
// territories (or typed as in `territoire compare`: LEVEL:CODE, a name,
// producer:NAME…), the indicators per family (geo::compute_benchmark, run
// in the background), the strengths / weaknesses / competitive-gap
// sentences in the interface language, a radar chart (ours against each
// competitor) and the export (CSV, JSON, GeoJSON via geo::write_benchmark).
// Main thread, inside an ImGui window.
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "app/gui/model/audience_controller.hpp"
#include "app/gui/model/benchmark_controller.hpp"
#include "app/gui/model/map_model.hpp"
#include "app/gui/model/ui_state.hpp"
#include "app/gui/views/export_row.hpp"

namespace app::gui {

class BenchmarkPanel {
public:
    BenchmarkPanel();
    // Chooses the territories (e.g. from the command line); the benchmark
    // runs as soon as the catalogue is loaded.
    void preset(std::string ours, std::vector<std::string> against);
    // Every frame, whether the panel shows or not: collects the result, runs
    // a preset benchmark once the catalogue is loaded.
    void update(const MapModel& model, const AudienceController& audience);
    void draw(const MapModel& model, const AudienceController& audience, UiState& ui);
    // Starts the benchmark with the current choice.
    void start(const MapModel& model, const AudienceController& audience);
    // Forgets a preset benchmark (the catalogue failed to load).
    void cancel_preset() {
        m_autostart = false;
        m_pending.clear();
    }
    [[nodiscard]] bool busy() const { return m_benchmark.busy() || m_export.busy() || m_autostart; }
    [[nodiscard]] const std::optional<geo::BenchmarkResult>& result() const { return m_benchmark.result(); }
    [[nodiscard]] const std::string& error() const { return m_benchmark.error(); }
    // The territories chosen now: ours, and the competitors (ticked, then typed).
    [[nodiscard]] const std::string& ours() const { return m_ours; }
    [[nodiscard]] std::vector<std::string> against() const;

private:
    void draw_choice(const MapModel& model, const AudienceController& audience);
    void draw_result(const geo::BenchmarkResult& r) const;

    std::string m_ours;
    std::set<std::string> m_against;     // specs ticked among the loaded territories
    std::string m_other;                 // typed specs, comma-separated
    std::vector<std::string> m_pending;  // preset competitors, sorted into the two above once loaded
    bool m_autostart = false;
    BenchmarkController m_benchmark;
    ExportRow m_export;
};

}  // namespace app::gui
