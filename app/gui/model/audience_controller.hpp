#pragma once
// The audience computation behind the audience panel: item weights for the
// audience (they size the points), the destination perimeter drawn from them
// (geo::compute_perimeter), its statistics, the border report against the
// loaded territories and the density surface for the density layer.
// AudienceComputer runs on a worker (AudienceController's Recompute, latest
// request wins, debounced so that a moving slider never blocks a frame); it
// is a thin wrapper of geo::AudiencePerimeter, the use case the command line
// runs too, built once per item set and reused for every weight change. The controller hands results to the main
// thread's model. AudienceController is main-thread only; the worker reads only requests.
#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/gui/model/map_model.hpp"
#include "app/gui/model/recompute.hpp"
#include "geo/analysis/audience.hpp"
#include "geo/analysis/audience_perimeter.hpp"
#include "geo/analysis/border_report.hpp"
#include "geo/analysis/perimeter_stats.hpp"
#include "geo/crs/metric_crs.hpp"

namespace app::gui {

struct AudienceParams {
    double level = 0.8;                 // share of the weighted offer, (0, 1]: the main level
    bool nested = false;                // also the 50 % and 95 % levels around it
    std::optional<double> bandwidth_m;  // nullopt: derived from the data by `bandwidth_selector`
    geo::BandwidthSelector bandwidth_selector = geo::BandwidthSelector::plugin;
    // The levels to compute, ascending, without duplicates.
    [[nodiscard]] std::vector<double> levels() const;
    [[nodiscard]] bool operator==(const AudienceParams&) const = default;
};

struct AudienceRequest {
    geo::Audience audience;
    AudienceParams params;
    std::shared_ptr<const std::vector<geo::OfferItem>> items;
    std::shared_ptr<const std::vector<geo::Territory>> territories;
    unsigned items_revision = 0;
};

struct AudienceResult {
    std::string audience_id;
    unsigned items_revision = 0;
    std::vector<float> weights;                // one per item
    std::size_t weighted_items = 0;            // items with a positive weight
    std::vector<PerimeterOverlay> perimeters;  // widest first
    std::optional<geo::PerimeterStats> stats;
    std::optional<geo::BorderReport> borders;  // of the main level
    DensitySurface density;
    std::string error;                  // why there is no perimeter, if so
    double seconds = 0.0;               // time the computation took
    geo::BandwidthSelection bandwidth;  // how the bandwidth was chosen
};

// Computes an AudienceResult; keeps the projected positions of the last item
// set it saw. One per worker thread.
class AudienceComputer {
public:
    AudienceResult operator()(const AudienceRequest& request);

private:
    std::optional<unsigned> m_items_revision;
    const std::vector<geo::Territory>* m_territories = nullptr;
    std::optional<geo::AudiencePerimeter> m_use_case;  // geo's audience-perimeter use case
    std::string m_projection_error;
};

// The density surface of a perimeter's grid, its mesh reprojected with
// `projector` (the grid's CRS); values normalised by their maximum.
DensitySurface density_surface(const geo::PerimeterResult& result, const geo::Projector& projector);

class AudienceController {
public:
    explicit AudienceController(std::chrono::milliseconds debounce = std::chrono::milliseconds(40));

    [[nodiscard]] const std::optional<geo::Audience>& audience() const { return m_audience; }
    [[nodiscard]] const AudienceParams& params() const { return m_params; }
    // Changes the audience or its parameters and files a recompute.
    void set_audience(std::optional<geo::Audience> audience, const MapModel& model);
    // The preset the audience was chosen from (nullopt with no audience).
    [[nodiscard]] const std::optional<geo::Audience>& preset() const { return m_preset; }
    // Puts back an audience edited from `preset`, with its parameters (undo,
    // a project reopened), and files a recompute.
    void restore(std::optional<geo::Audience> audience, std::optional<geo::Audience> preset, AudienceParams params,
                 const MapModel& model);
    void set_params(AudienceParams params, const MapModel& model);
    void set_family_weight(geo::Family family, double weight, const MapModel& model);
    void set_subtype_weight(const std::string& subtype, double weight, const MapModel& model);
    // The preset the audience was chosen from, its weights back.
    void reset_to_preset(const MapModel& model);
    // Family and subtype ids whose weight differs from the preset; the
    // audience's names then end in " (modifié)" / " (modified)", which the
    // exports and provenance carry.
    [[nodiscard]] std::vector<std::string> modified() const;
    // Files a recompute when the items or territories changed since the last request.
    void on_data_changed(const MapModel& model);

    // Applies finished results to the model; true when something arrived.
    bool poll(MapModel& model);
    [[nodiscard]] bool busy() const { return !m_worker.idle(); }
    bool wait_idle(std::chrono::milliseconds timeout) { return m_worker.wait_idle(timeout); }
    [[nodiscard]] const std::optional<AudienceResult>& last_result() const { return m_last; }

private:
    void request(const MapModel& model);

    void mark_modified();

    std::optional<geo::Audience> m_audience;
    std::optional<geo::Audience> m_preset;  // as chosen
    AudienceParams m_params;
    std::optional<unsigned> m_items_revision, m_territories_revision;
    Recompute<AudienceRequest, AudienceResult> m_worker;
    std::optional<AudienceResult> m_last;
};

// Puts a result into the model: weights, perimeters, density.
void apply_audience_result(const AudienceResult& result, MapModel& model);

}  // namespace app::gui
