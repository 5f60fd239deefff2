#include "app/gui/model/benchmark_controller.hpp"

#include <sstream>

#include "geo/store/catalogue.hpp"
#include "geo/store/territory_spec.hpp"

namespace app::gui {
namespace {

std::string trimmed(const std::string& s) {
    const auto b = s.find_first_not_of(" \t");
    if (b == std::string::npos) return "";
    return s.substr(b, s.find_last_not_of(" \t") - b + 1);
}

}  // namespace

geo::Audience whole_offer_audience() {
    geo::Audience a;
    a.id = "toute-offre";
    a.name_fr = "Toute l'offre";
    a.name_en = "All the offer";
    a.family_weights.fill(1.0);
    return a;
}

std::vector<std::string> split_specs(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    std::string part;
    while (std::getline(in, part, ','))
        if (auto t = trimmed(part); !t.empty()) out.push_back(std::move(t));
    return out;
}

geo::Result<geo::BenchmarkResult> run_benchmark(const BenchmarkRequest& request) {
    if (request.against.empty()) return geo::fail_fmt("choose at least one competitor");
    if (!request.items) return geo::fail_fmt("no offer item loaded");
    auto catalogue = geo::Catalogue::open(request.catalogue, geo::Catalogue::Mode::read_only);
    if (!catalogue) return tl::unexpected(catalogue.error());
    auto ours = geo::resolve_territory(*catalogue, request.ours, request.audience, request.level);
    if (!ours) return tl::unexpected(ours.error().with_context(request.ours));
    std::vector<geo::Territory> competitors;
    for (const std::string& spec : request.against) {
        auto t = geo::resolve_territory(*catalogue, spec, request.audience, request.level);
        if (!t) return tl::unexpected(t.error().with_context(spec));
        competitors.push_back(std::move(*t));
    }
    return geo::compute_benchmark(*ours, competitors, *request.items, request.audience);
}

}  // namespace app::gui
