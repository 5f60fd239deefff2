#pragma once
// The competitor benchmark behind the Benchmark panel: the same
// geo::resolve_territory + geo::compute_benchmark as `territoire compare`,
// our territory against the chosen competitors (LEVEL:CODE, a name,
// producer:NAME, source:KEY or offer:LEVEL:CODE), for the active audience
// (or, with none, every family weighted 1). BenchmarkController runs it on a BackgroundJob thread:
// opens the catalogue read-only, reads only its request.
// Failures (unknown territory, no competitor, analysis errors) come back as
// the result's error, with the spec named.
#include <memory>
#include <string>
#include <vector>

#include "app/gui/model/analysis_controller.hpp"
#include "geo/analysis/audience.hpp"
#include "geo/analysis/benchmark.hpp"
#include "geo/core/error.hpp"

namespace app::gui {

struct BenchmarkRequest {
    std::string catalogue;  // path, opened read-only
    std::string ours;       // territory spec
    std::vector<std::string> against;
    geo::Audience audience;
    double level = 0.8;  // for destinations drawn from an offer
    std::shared_ptr<const std::vector<geo::OfferItem>> items;
};

// Every family weighted 1: the audience of a benchmark with none chosen.
geo::Audience whole_offer_audience();

// Splits "a, b,c" into trimmed, non-empty specs.
std::vector<std::string> split_specs(const std::string& text);

geo::Result<geo::BenchmarkResult> run_benchmark(const BenchmarkRequest& request);

// run_benchmark on a worker, with the shape of every analysis controller.
class BenchmarkController : public AnalysisController<BenchmarkRequest, geo::BenchmarkResult> {
public:
    BenchmarkController() : AnalysisController(run_benchmark) {}
};

}  // namespace app::gui
