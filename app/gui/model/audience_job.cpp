#include "app/gui/model/audience_job.hpp"

#include <algorithm>

namespace app::gui {

AudienceResult compute_audience(const AudienceRequest& request) {
    AudienceResult result;
    result.audience_id = request.audience.id;
    result.items_revision = request.items_revision;
    if (!request.items) return result;
    const std::vector<double> weights = geo::item_weights(request.audience, *request.items);
    result.weights.assign(weights.begin(), weights.end());
    result.weighted_items = static_cast<std::size_t>(
        std::count_if(weights.begin(), weights.end(), [](double w) { return w > 0.0; }));
    return result;
}

AudienceController::AudienceController(std::chrono::milliseconds debounce)
    : m_worker([](const AudienceRequest& r, const std::function<bool()>&) { return compute_audience(r); },
               debounce) {}

void AudienceController::set_audience(std::optional<geo::Audience> audience, const MapModel& model) {
    m_audience = std::move(audience);
    request(model);
}

void AudienceController::set_params(AudienceParams params, const MapModel& model) {
    m_params = std::move(params);
    request(model);
}

void AudienceController::set_family_weight(geo::Family family, double weight, const MapModel& model) {
    if (!m_audience) return;
    m_audience->family_weights[static_cast<std::size_t>(family)] = std::clamp(weight, 0.0, 1.0);
    request(model);
}

void AudienceController::on_items_changed(const MapModel& model) {
    if (m_items_revision != model.items_revision()) request(model);
}

void AudienceController::request(const MapModel& model) {
    m_items_revision = model.items_revision();
    if (!m_audience) return;
    m_worker.request({*m_audience, m_params, model.shared_items(), model.items_revision()});
}

bool AudienceController::poll(MapModel& model) {
    auto done = m_worker.poll();
    if (!m_audience) {
        if (!model.audience_id().empty() || !model.perimeters().empty()) {
            model.set_audience("", {});
            model.set_perimeters({});
            m_last.reset();
            return true;
        }
        return !done.empty();
    }
    if (done.empty()) return false;
    AudienceResult& r = done.back().result;  // the newest wins
    if (r.items_revision != model.items_revision()) return false;  // stale: items changed since
    model.set_audience(r.audience_id, r.weights);
    m_last = std::move(r);
    return true;
}

}  // namespace app::gui
