#pragma once
// The audience computation behind the audience panel: item weights for the
// audience (they size the points) and, from them, the destination perimeter.
// compute_audience() is a pure function of its request, run on a worker by
// AudienceController, which debounces slider moves (latest request wins)
// and hands results to the main thread's model without blocking a frame.
// AudienceController is main-thread only; its worker reads only requests.
#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/gui/model/map_model.hpp"
#include "app/gui/model/recompute.hpp"
#include "geo/analysis/audience.hpp"

namespace app::gui {

struct AudienceParams {
    std::vector<double> levels{0.8};      // shares of the weighted offer, (0, 1]
    std::optional<double> bandwidth_m;    // nullopt: derived from the data
};

struct AudienceRequest {
    geo::Audience audience;
    AudienceParams params;
    std::shared_ptr<const std::vector<geo::OfferItem>> items;
    unsigned items_revision = 0;
};

struct AudienceResult {
    std::string audience_id;
    unsigned items_revision = 0;
    std::vector<float> weights;  // one per item
    std::size_t weighted_items = 0;  // items with a positive weight
    std::string error;           // why there is no perimeter, if so
};

AudienceResult compute_audience(const AudienceRequest& request);

class AudienceController {
public:
    explicit AudienceController(std::chrono::milliseconds debounce = std::chrono::milliseconds(40));

    [[nodiscard]] const std::optional<geo::Audience>& audience() const { return m_audience; }
    [[nodiscard]] const AudienceParams& params() const { return m_params; }
    // Changes the audience or its parameters and files a recompute.
    void set_audience(std::optional<geo::Audience> audience, const MapModel& model);
    void set_params(AudienceParams params, const MapModel& model);
    void set_family_weight(geo::Family family, double weight, const MapModel& model);
    // Files a recompute when the items changed since the last request.
    void on_items_changed(const MapModel& model);

    // Applies finished results to the model; true when something arrived.
    bool poll(MapModel& model);
    [[nodiscard]] bool busy() const { return !m_worker.idle(); }
    bool wait_idle(std::chrono::milliseconds timeout) { return m_worker.wait_idle(timeout); }
    [[nodiscard]] const std::optional<AudienceResult>& last_result() const { return m_last; }

private:
    void request(const MapModel& model);

    std::optional<geo::Audience> m_audience;
    AudienceParams m_params;
    std::optional<unsigned> m_items_revision;
    Recompute<AudienceRequest, AudienceResult> m_worker;
    std::optional<AudienceResult> m_last;
};

}  // namespace app::gui
