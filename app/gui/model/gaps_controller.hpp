#pragma once
// The offer-gap analysis behind the Gaps layer and its ranked list: the same
// geo::compute_gaps as `territoire gaps`, over the main level of the current
// audience perimeter, with the data defaults (data/gap_defaults.json) and the
// loaded communes naming the zones.
// GapsController runs it on a worker (debounced, latest request wins) while
// it is enabled, each time the perimeter changes, and hands the result to the
// main thread's model. Main thread only; the worker reads only its request.
#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/gui/model/map_model.hpp"
#include "app/gui/model/recompute.hpp"
#include "geo/analysis/audience.hpp"
#include "geo/analysis/gaps.hpp"

namespace app::gui {

struct GapsRequest {
    geo::Audience audience;
    geo::MultiPolygon perimeter;  // WGS 84, the main level
    double level = 0.8;
    std::shared_ptr<const std::vector<geo::OfferItem>> items;
    std::shared_ptr<const std::vector<geo::Territory>> territories;  // communes are used
    geo::GapParams params;
    unsigned perimeters_revision = 0;
};

struct GapsOutcome {
    std::shared_ptr<const geo::GapResult> gaps;  // null on error
    std::string error;
    double seconds = 0.0;
    unsigned perimeters_revision = 0;
};

// The request's gaps (pure apart from the clock).
GapsOutcome compute_gaps_outcome(const GapsRequest& request);

class GapsController {
public:
    explicit GapsController(std::chrono::milliseconds debounce = std::chrono::milliseconds(150));

    [[nodiscard]] bool enabled() const { return m_enabled; }
    // Enables the analysis (files a request when a perimeter exists) or
    // disables it (clears the model's gaps).
    void set_enabled(bool enabled, const MapModel& model, const std::optional<geo::Audience>& audience);
    [[nodiscard]] double cell_m() const { return m_params.cell_m; }
    void set_cell_m(double cell_m, const MapModel& model, const std::optional<geo::Audience>& audience);
    // Files a recompute when enabled and the perimeter changed since the last request.
    void on_perimeter_changed(const MapModel& model, const std::optional<geo::Audience>& audience);

    // Applies finished results to the model; true when something arrived.
    bool poll(MapModel& model);
    [[nodiscard]] bool busy() const { return !m_worker.idle(); }
    bool wait_idle(std::chrono::milliseconds timeout) { return m_worker.wait_idle(timeout); }
    [[nodiscard]] const std::string& error() const { return m_error; }
    [[nodiscard]] double last_seconds() const { return m_seconds; }
    [[nodiscard]] const std::optional<geo::Audience>& audience() const { return m_audience; }
    [[nodiscard]] double level() const { return m_level; }
    [[nodiscard]] const geo::GapParams& params() const { return m_params; }

private:
    void request(const MapModel& model, const std::optional<geo::Audience>& audience);

    bool m_enabled = false;
    geo::GapParams m_params;
    std::string m_defaults_error;
    std::optional<unsigned> m_perimeters_revision;
    std::optional<geo::Audience> m_audience;  // of the last request
    double m_level = 0.8;
    std::string m_error;
    double m_seconds = 0.0;
    Recompute<GapsRequest, GapsOutcome> m_worker;
};

}  // namespace app::gui
