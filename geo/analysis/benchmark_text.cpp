#include "geo/analysis/benchmark_text.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include <fmt/format.h>

namespace geo {
namespace {

// A ratio for sorting: "present here, absent at the competitors" ranks first.
double sort_key(const FamilyComparison& c) {
    if (c.ratio) return *c.ratio;
    return c.our_density_per_100km2 > 0.0 ? std::numeric_limits<double>::infinity() : 0.0;
}

BenchmarkStatement ratio_statement(const FamilyComparison& c) {
    BenchmarkStatement s;
    s.family = c.family;
    s.ratio = c.ratio;
    if (c.ratio) {
        s.text_fr = fmt::format("{} : {} × la moyenne des concurrents", family_name_fr(c.family),
                                format_decimal_fr(*c.ratio, 1));
        s.text_en = fmt::format("{}: {:.1f} × the competitors' average", family_name_en(c.family), *c.ratio);
    } else {
        s.text_fr = fmt::format("{} : offre absente chez les concurrents", family_name_fr(c.family));
        s.text_en = fmt::format("{}: no such offer at the competitors", family_name_en(c.family));
    }
    return s;
}

// Families the audience weighs, passing `keep`, ordered by `before`, at most `max`.
template <class Keep, class Before>
std::vector<BenchmarkStatement> select(const std::array<FamilyComparison, kFamilyCount>& families, int max, Keep keep,
                                       Before before) {
    std::vector<const FamilyComparison*> chosen;
    for (const FamilyComparison& c : families)
        if (c.audience_weight > 0.0 && keep(c)) chosen.push_back(&c);
    std::stable_sort(chosen.begin(), chosen.end(),
                     [&](const FamilyComparison* a, const FamilyComparison* b) { return before(*a, *b); });
    if (chosen.size() > static_cast<std::size_t>(std::max(0, max)))
        chosen.resize(static_cast<std::size_t>(std::max(0, max)));
    std::vector<BenchmarkStatement> out;
    for (const FamilyComparison* c : chosen) out.push_back(ratio_statement(*c));
    return out;
}

// Densities: one decimal, two below 1 (sparse offers would all read "0,0").
int density_decimals(double a, double b) {
    return std::min(a, b) < 1.0 ? 2 : 1;
}

}  // namespace

std::string format_decimal_fr(double x, int decimals) {
    std::string s = fmt::format("{:.{}f}", x, decimals);
    std::replace(s.begin(), s.end(), '.', ',');
    return s;
}

// What a family's lead or lag means to the audience: its weight times the
// log of the ratio (2 × on a family weighted 1 outranks 3 × on one weighted 0.1).
double audience_relevance(const FamilyComparison& c) {
    const double key = sort_key(c);
    if (std::isinf(key)) return key;
    return c.audience_weight * std::log(std::max(key, 1e-9));
}

std::vector<BenchmarkStatement> strength_statements(const std::array<FamilyComparison, kFamilyCount>& families,
                                                    const BenchmarkParams& params) {
    return select(
        families, params.max_statements,
        [&](const FamilyComparison& c) { return sort_key(c) >= params.strength_ratio; },
        [](const FamilyComparison& a, const FamilyComparison& b) {
            return audience_relevance(a) > audience_relevance(b);
        });
}

std::vector<BenchmarkStatement> weakness_statements(const std::array<FamilyComparison, kFamilyCount>& families,
                                                    const BenchmarkParams& params) {
    return select(
        families, params.max_statements,
        [&](const FamilyComparison& c) { return c.ratio && *c.ratio <= params.weakness_ratio; },
        [](const FamilyComparison& a, const FamilyComparison& b) {
            return audience_relevance(a) < audience_relevance(b);
        });
}

std::vector<BenchmarkStatement> competitive_gap_statements(const std::array<FamilyComparison, kFamilyCount>& families) {
    std::vector<const FamilyComparison*> gaps;
    for (const FamilyComparison& c : families)
        if (c.competitive_gap) gaps.push_back(&c);
    auto shortfall = [](const FamilyComparison* c) {
        return c->audience_weight * (c->competitors_mean_density_per_100km2 - c->our_density_per_100km2);
    };
    std::stable_sort(gaps.begin(), gaps.end(),
                     [&](const FamilyComparison* a, const FamilyComparison* b) { return shortfall(a) > shortfall(b); });
    std::vector<BenchmarkStatement> out;
    for (const FamilyComparison* c : gaps) {
        BenchmarkStatement s;
        s.family = c->family;
        s.ratio = c->ratio;
        const double theirs = c->competitors_mean_density_per_100km2, ours = c->our_density_per_100km2;
        const int decimals = density_decimals(theirs, ours);
        s.text_fr = fmt::format("{} : {} éléments pour 100 km² chez les concurrents contre {} chez nous",
                                family_name_fr(c->family), format_decimal_fr(theirs, decimals),
                                format_decimal_fr(ours, decimals));
        s.text_en = fmt::format("{}: {:.{}f} items per 100 km² at the competitors against {:.{}f} here",
                                family_name_en(c->family), theirs, decimals, ours, decimals);
        out.push_back(std::move(s));
    }
    return out;
}

}  // namespace geo
