#include "app/gui/model/audience_controller.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>

#include "app/gui/errors/error_text.hpp"
#include "geo/io/project_check.hpp"

namespace app::gui {
namespace {

// Mesh nodes along the longer side of the density grid: enough for the
// projection's curvature, few enough to build instantly.
constexpr int kDensityMeshNodes = 64;

}  // namespace

std::vector<double> AudienceParams::levels() const {
    std::vector<double> out{level};
    if (nested) {
        if (level > 0.5 + 1e-9) out.insert(out.begin(), 0.5);
        if (level < 0.95 - 1e-9) out.push_back(0.95);
    }
    return out;
}

DensitySurface density_surface(const geo::PerimeterResult& result, const geo::Projector& projector) {
    const geo::DensityGrid& grid = result.grid;
    DensitySurface s;
    if (grid.width <= 0 || grid.height <= 0 || grid.values.empty()) return s;
    const double max_value = *std::max_element(grid.values.begin(), grid.values.end());
    if (!(max_value > 0.0)) return s;
    s.width = grid.width;
    s.height = grid.height;
    s.values.resize(grid.values.size());
    std::transform(grid.values.begin(), grid.values.end(), s.values.begin(),
                   [&](double v) { return static_cast<float>(v / max_value); });
    s.step = std::max(1, std::max(grid.width, grid.height) / kDensityMeshNodes);
    s.mesh_cols = (grid.width + s.step - 1) / s.step;
    s.mesh_rows = (grid.height + s.step - 1) / s.step;
    std::vector<geo::Projected> nodes;
    nodes.reserve(static_cast<std::size_t>((s.mesh_cols + 1) * (s.mesh_rows + 1)));
    for (int j = 0; j <= s.mesh_rows; ++j)
        for (int i = 0; i <= s.mesh_cols; ++i)
            nodes.push_back({grid.origin.x_m + std::min(i * s.step, grid.width) * grid.cell_m,
                             grid.origin.y_m + std::min(j * s.step, grid.height) * grid.cell_m});
    auto lonlat = projector.inverse(nodes);
    if (!lonlat) return {};
    s.nodes = std::move(*lonlat);
    // Under the widest level's contour the surface fades out: show where the
    // offer is, not the kernel's faint tails.
    if (!result.levels.empty())
        s.min_value = static_cast<float>(result.levels.back().density_threshold / max_value * 0.5);
    return s;
}

AudienceResult AudienceComputer::operator()(const AudienceRequest& request) {
    const auto start = std::chrono::steady_clock::now();
    AudienceResult result;
    result.audience_id = request.audience.id;
    result.items_revision = request.items_revision;
    if (!request.items) return result;
    // The weights size the points: those of the run, or computed here when
    // there is no run to take them from.
    auto set_weights = [&](const std::vector<double>& weights) {
        result.weights.assign(weights.begin(), weights.end());
        result.weighted_items =
            static_cast<std::size_t>(std::count_if(weights.begin(), weights.end(), [](double w) { return w > 0.0; }));
    };

    // The use case once per item set (and territory set).
    if (m_items_revision != request.items_revision || m_territories != request.territories.get()) {
        m_items_revision = request.items_revision;
        m_territories = request.territories.get();
        m_use_case.reset();
        m_projection_error.clear();
        auto use_case = geo::AudiencePerimeter::create(request.items, request.territories);
        if (use_case)
            m_use_case.emplace(std::move(*use_case));
        else
            m_projection_error = error_text(use_case.error());
    }
    if (!m_use_case) {
        set_weights(geo::item_weights(request.audience, *request.items));
        result.error = m_projection_error.empty() ? "no offer item" : m_projection_error;
        return result;
    }
    geo::PerimeterParams params;
    params.levels = request.params.levels();
    params.bandwidth_m = request.params.bandwidth_m;
    params.bandwidth_selector = request.params.bandwidth_selector;
    auto run = m_use_case->run(request.audience, params, false);
    if (!run) {
        set_weights(geo::item_weights(request.audience, *request.items));
        result.error = error_text(run.error());
        return result;
    }
    set_weights(run->offer_weights);
    const geo::PerimeterResult& perimeter = run->result;
    result.bandwidth = perimeter.bandwidth;
    for (auto it = perimeter.levels.rbegin(); it != perimeter.levels.rend(); ++it)  // widest first
        result.perimeters.push_back({it->level, it->geometry, std::abs(it->level - request.params.level) < 1e-9});
    result.stats = std::move(run->stats);
    const auto main = std::find_if(perimeter.levels.begin(), perimeter.levels.end(),
                                   [&](const auto& l) { return std::abs(l.level - request.params.level) < 1e-9; });
    // The border report of the main level only (the panel shows one).
    if (request.territories && !request.territories->empty() && main != perimeter.levels.end()) {
        auto borders = geo::border_report(main->geometry, *request.territories);
        if (!borders) {
            result.error = error_text(borders.error());
            return result;
        }
        result.borders = std::move(*borders);
    }
    result.density = density_surface(perimeter, m_use_case->projector());
    result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return result;
}

void apply_audience_result(const AudienceResult& result, MapModel& model) {
    model.set_audience(result.audience_id, result.weights);
    model.set_perimeters(result.perimeters);
    model.set_density(result.density);
}

AudienceController::AudienceController(std::chrono::milliseconds debounce)
    : m_worker([computer = std::make_shared<AudienceComputer>()](
                   const AudienceRequest& r, const std::function<bool()>&) { return (*computer)(r); },
               debounce) {}

void AudienceController::set_audience(std::optional<geo::Audience> audience, const MapModel& model) {
    m_preset = audience;
    m_audience = std::move(audience);
    request(model);
}

void AudienceController::restore(std::optional<geo::Audience> audience, std::optional<geo::Audience> preset,
                                 AudienceParams params, const MapModel& model) {
    m_audience = std::move(audience);
    m_preset = std::move(preset);
    m_params = std::move(params);
    request(model);
}

void AudienceController::reset_to_preset(const MapModel& model) {
    m_audience = m_preset;
    request(model);
}

std::vector<std::string> AudienceController::modified() const {
    if (!m_audience || !m_preset) return {};
    return geo::modified_weights(*m_audience, *m_preset);
}

void AudienceController::mark_modified() {
    if (!m_audience || !m_preset) return;
    geo::mark_modified_names(*m_audience, *m_preset);
}

void AudienceController::set_subtype_weight(const std::string& subtype, double weight, const MapModel& model) {
    if (!m_audience) return;
    m_audience->subtype_weights[subtype] = std::clamp(weight, 0.0, 1.0);
    mark_modified();
    request(model);
}

void AudienceController::set_params(AudienceParams params, const MapModel& model) {
    m_params = std::move(params);
    request(model);
}

void AudienceController::set_family_weight(geo::Family family, double weight, const MapModel& model) {
    if (!m_audience) return;
    m_audience->family_weights[static_cast<std::size_t>(family)] = std::clamp(weight, 0.0, 1.0);
    mark_modified();
    request(model);
}

void AudienceController::on_data_changed(const MapModel& model) {
    if (m_items_revision != model.items_revision() || m_territories_revision != model.territories_revision())
        request(model);
}

void AudienceController::request(const MapModel& model) {
    m_items_revision = model.items_revision();
    m_territories_revision = model.territories_revision();
    if (!m_audience) return;
    m_worker.request({*m_audience, m_params, model.shared_items(), model.shared_territories(), model.items_revision()});
}

bool AudienceController::poll(MapModel& model) {
    auto done = m_worker.poll();
    if (!m_audience) {
        if (!model.audience_id().empty() || !model.perimeters().empty()) {
            model.set_audience("", {});
            model.set_perimeters({});
            model.set_density({});
            m_last.reset();
            return true;
        }
        return !done.empty();
    }
    if (done.empty()) return false;
    AudienceResult& r = done.back().result;                        // the newest wins
    if (r.items_revision != model.items_revision()) return false;  // stale: items changed since
    apply_audience_result(r, model);
    m_last = std::move(r);
    return true;
}

}  // namespace app::gui
