#include "geo/analysis/benchmark_prices.hpp"

#include <algorithm>
#include <set>
#include <utility>

namespace geo {
namespace {

// The mean of the competitors' medians that exist, and ours / that mean.
std::pair<std::optional<double>, std::optional<double>> against(const std::optional<double>& ours,
                                                                const std::vector<std::optional<double>>& theirs) {
    double sum = 0.0;
    int n = 0;
    for (const auto& m : theirs)
        if (m) {
            sum += *m;
            ++n;
        }
    if (n == 0) return {std::nullopt, std::nullopt};
    const double mean = sum / n;
    return {mean, ours && mean > 0.0 ? std::optional<double>(*ours / mean) : std::nullopt};
}

}  // namespace

std::optional<double> median(std::vector<double>& values) {
    if (values.empty()) return std::nullopt;
    std::sort(values.begin(), values.end());
    const std::size_t n = values.size();
    return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2.0;
}

void compare_prices(BenchmarkResult& res) {
    for (Family f : kAllFamilies) {
        const auto k = static_cast<std::size_t>(f);
        std::vector<std::optional<double>> theirs;
        for (std::size_t t = 1; t < res.territories.size(); ++t)
            theirs.push_back(res.territories[t].families[k].median_price_eur);
        auto [mean, ratio] = against(res.territories[0].families[k].median_price_eur, theirs);
        res.families[k].competitors_median_price_eur = mean;
        res.families[k].price_ratio = ratio;
    }
    std::set<std::pair<Family, std::string>> subtypes;
    for (const TerritoryIndicators& t : res.territories)
        for (const auto& [id, p] : t.subtype_prices) subtypes.insert({p.family, id});
    res.subtype_prices.clear();
    for (const auto& [family, id] : subtypes) {
        auto median_in = [&, id = id](const TerritoryIndicators& t) -> std::optional<double> {
            const auto it = t.subtype_prices.find(id);
            return it == t.subtype_prices.end() ? std::nullopt : std::optional<double>(it->second.median_price_eur);
        };
        SubtypePriceComparison c;
        c.subtype = id;
        c.family = family;
        c.our_median_price_eur = median_in(res.territories[0]);
        std::vector<std::optional<double>> theirs;
        for (std::size_t t = 1; t < res.territories.size(); ++t) theirs.push_back(median_in(res.territories[t]));
        std::tie(c.competitors_median_price_eur, c.price_ratio) = against(c.our_median_price_eur, theirs);
        res.subtype_prices.push_back(std::move(c));
    }
}

}  // namespace geo
