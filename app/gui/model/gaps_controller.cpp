#include "app/gui/model/gaps_controller.hpp"

#include <algorithm>

#include "app/gui/errors/error_text.hpp"
#include "geo/io/gap_defaults.hpp"

namespace app::gui {

GapsOutcome compute_gaps_outcome(const GapsRequest& request) {
    const auto start = std::chrono::steady_clock::now();
    GapsOutcome out;
    out.perimeters_revision = request.perimeters_revision;
    if (!request.items || request.perimeter.empty()) {
        out.error = "no perimeter";
        return out;
    }
    std::vector<geo::Territory> communes;
    if (request.territories)
        std::copy_if(request.territories->begin(), request.territories->end(), std::back_inserter(communes),
                     [](const geo::Territory& t) { return t.level == geo::TerritoryLevel::commune; });
    auto gaps = geo::compute_gaps(request.perimeter, *request.items, request.audience, request.params, communes);
    if (gaps)
        out.gaps = std::make_shared<const geo::GapResult>(std::move(*gaps));
    else
        out.error = error_text(gaps.error());
    out.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return out;
}

GapsController::GapsController(std::chrono::milliseconds debounce)
    : m_worker([](const GapsRequest& r, const std::function<bool()>&) { return compute_gaps_outcome(r); }, debounce) {
    if (auto defaults = geo::load_gap_defaults()) {
        m_params.cell_m = defaults->cell_m;
        m_params.acceptable_m = defaults->acceptable_m;
    } else {
        m_defaults_error = error_text(defaults.error());
    }
}

void GapsController::set_enabled(bool enabled, const MapModel& model, const std::optional<geo::Audience>& audience) {
    m_enabled = enabled;
    m_perimeters_revision.reset();
    if (enabled) request(model, audience);
}

void GapsController::set_cell_m(double cell_m, const MapModel& model, const std::optional<geo::Audience>& audience) {
    m_params.cell_m = cell_m;
    if (m_enabled) request(model, audience);
}

void GapsController::on_perimeter_changed(const MapModel& model, const std::optional<geo::Audience>& audience) {
    if (m_enabled && m_perimeters_revision != model.perimeters_revision()) request(model, audience);
}

void GapsController::request(const MapModel& model, const std::optional<geo::Audience>& audience) {
    m_perimeters_revision = model.perimeters_revision();
    if (!m_defaults_error.empty()) {
        m_error = m_defaults_error;
        return;
    }
    const auto& levels = model.perimeters();
    const auto main = std::find_if(levels.begin(), levels.end(), [](const PerimeterOverlay& l) { return l.main; });
    if (!audience || main == levels.end()) {
        m_error.clear();
        m_audience.reset();
        return;  // poll() clears the layer
    }
    m_audience = audience;
    m_level = main->level;
    m_worker.request({*audience, main->geometry, main->level, model.shared_items(), model.shared_territories(),
                      m_params, model.perimeters_revision()});
}

bool GapsController::poll(MapModel& model) {
    // Always drain the worker: a result finished for an earlier audience or
    // perimeter must never be shown over the current one.
    auto done = m_worker.poll();
    if (!m_enabled || !m_audience) {
        if (model.gaps()) {
            model.set_gaps(nullptr);
            return true;
        }
        return false;
    }
    std::erase_if(done, [&](const auto& d) { return d.result.perimeters_revision != model.perimeters_revision(); });
    if (done.empty()) return false;
    GapsOutcome& r = done.back().result;  // the newest wins
    m_error = r.error;
    m_seconds = r.seconds;
    model.set_gaps(r.gaps);
    return true;
}

}  // namespace app::gui
