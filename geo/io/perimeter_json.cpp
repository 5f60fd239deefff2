#include "geo/io/perimeter_json.hpp"

#include <cmath>

#include "geo/core/rounding.hpp"

namespace geo {
namespace {

double km2(double v) {
    return round_to_decimals(v, 3);
}
double share(double v) {
    return round_to_decimals(v, 6);
}
double metres(double v) {
    return round_to_decimals(v, 1);
}

nlohmann::json compared_items_json(const std::vector<ComparedItem>& items, std::size_t max) {
    nlohmann::json out = nlohmann::json::array();
    for (std::size_t i = 0; i < items.size() && i < max; ++i) {
        const ComparedItem& it = items[i];
        out.push_back({{"id", it.id},
                       {"name", it.name},
                       {"family", family_id(it.family)},
                       {"lon", round_to_decimals(it.position.lon_deg, 7)},
                       {"lat", round_to_decimals(it.position.lat_deg, 7)},
                       {"weight_a", round_to_decimals(it.weight_a, 6)},
                       {"weight_b", round_to_decimals(it.weight_b, 6)}});
    }
    return out;
}

}  // namespace

nlohmann::json family_counts_json(const FamilyCounts& counts) {
    nlohmann::json j = nlohmann::json::object();
    for (Family f : kAllFamilies) j[std::string(family_id(f))] = counts[static_cast<std::size_t>(f)];
    return j;
}

nlohmann::json perimeter_parameters_json(const PerimeterParams& requested, const PerimeterStats& used) {
    nlohmann::json levels = nlohmann::json::array();
    for (double l : requested.levels) levels.push_back(l);
    nlohmann::json j = {
        {"levels", levels},
        {"kernel", kernel_id(used.kernel)},
        {"bandwidth_m", metres(used.bandwidth_m)},
        {"bandwidth_from_data", used.bandwidth_from_data},
        {"bandwidth_selector", bandwidth_selector_id(used.bandwidth.selector)},
        {"bandwidth_rule", bandwidth_selector_id(used.bandwidth.rule)},
        {"bandwidth_sigma_m", metres(used.bandwidth.sigma_m)},
        {"bandwidth_sigma_xy_m", {metres(used.bandwidth.sigma_x_m()), metres(used.bandwidth.sigma_y_m())}},
        {"bandwidth_plugin_diagonal_sigma_m",
         {metres(used.bandwidth.diag_sigma_x_m), metres(used.bandwidth.diag_sigma_y_m)}},
        {"bandwidth_note", used.bandwidth.note},
        {"effective_items", round_to_decimals(used.bandwidth.effective_items, 2)},
        {"cell_m", metres(used.cell_m)},
        {"simplify_m", metres(used.simplify_m)},
        {"min_area_km2", requested.min_area_km2},
        {"min_hole_km2", requested.min_hole_km2},
        {"metric_crs", used.metric_crs},
        {"items_total", used.items_total},
        {"weighted_items", used.weighted_items},
        {"total_weight", round_to_decimals(used.total_weight, 6)}};
    j["bandwidth_m_requested"] = requested.bandwidth_m ? nlohmann::json(*requested.bandwidth_m) : nlohmann::json();
    j["cell_m_requested"] = requested.cell_m ? nlohmann::json(*requested.cell_m) : nlohmann::json();
    return j;
}

nlohmann::json level_stats_json(const PerimeterLevelStats& s) {
    return {{"level", s.level},
            {"area_km2", km2(s.area_km2)},
            {"components", s.components},
            {"compactness", share(s.compactness)},
            {"simplify_m", metres(s.simplify_m)},
            {"captured_mass_share", share(s.captured_mass_share)},
            {"captured_offer_share", share(s.captured_offer_share)},
            {"weight_inside", round_to_decimals(s.weight_inside, 6)},
            {"items_inside", s.items_inside},
            {"weighted_items_inside", s.weighted_items_inside},
            {"items_inside_per_family", family_counts_json(s.items_inside_per_family)}};
}

nlohmann::json audience_provenance_json(const Audience& audience) {
    return nlohmann::json::parse(audience_to_json(audience));
}

nlohmann::json border_report_json(const BorderReport& report) {
    nlohmann::json units = nlohmann::json::array();
    for (const BorderUnit& u : report.units)
        units.push_back({{"territory_id", u.territory_id},
                         {"name", u.name},
                         {"code", u.code},
                         {"level", territory_level_id(u.level)},
                         {"intersection_km2", km2(u.intersection_km2)},
                         {"unit_area_km2", km2(u.unit_area_km2)},
                         {"share_of_perimeter", share(u.share_of_perimeter)},
                         {"share_of_unit", share(u.share_of_unit)}});
    nlohmann::json levels = nlohmann::json::array();
    for (const BorderLevelSummary& s : report.levels) {
        nlohmann::json l = {{"level", territory_level_id(s.level)},
                            {"units_given", s.units_given},
                            {"units_crossed", s.units_crossed},
                            {"covered_share", share(s.covered_share)},
                            {"largest_share", share(s.largest_share)}};
        if (s.largest) {
            const BorderUnit& u = report.units[*s.largest];
            l["largest_unit"] = {{"name", u.name}, {"code", u.code}};
        } else {
            l["largest_unit"] = nullptr;
        }
        levels.push_back(std::move(l));
    }
    return {{"metric_crs", report.metric_crs},
            {"perimeter_area_km2", km2(report.perimeter_area_km2)},
            {"levels", levels},
            {"units", units}};
}

nlohmann::json units_crossed_json(const BorderReport& report) {
    nlohmann::json j = nlohmann::json::object();
    for (const BorderLevelSummary& s : report.levels) j[std::string(territory_level_id(s.level))] = s.units_crossed;
    return j;
}

nlohmann::json comparison_json(const PerimeterComparison& c, std::size_t max_listed) {
    return {{"metric_crs", c.metric_crs},
            {"area_a_km2", km2(c.area_a_km2)},
            {"area_b_km2", km2(c.area_b_km2)},
            {"intersection_km2", km2(c.intersection_km2)},
            {"union_km2", km2(c.union_km2)},
            {"jaccard", share(c.jaccard)},
            {"items_considered", c.items_considered},
            {"items_in_a", c.items_in_a},
            {"items_in_b", c.items_in_b},
            {"items_in_both", c.items_in_both},
            {"captured_share_a", share(c.captured_share_a)},
            {"captured_share_b", share(c.captured_share_b)},
            {"a_offer_in_b", share(c.a_offer_in_b)},
            {"b_offer_in_a", share(c.b_offer_in_a)},
            {"gained_count", c.gained.size()},
            {"lost_count", c.lost.size()},
            {"gained_per_family", family_counts_json(c.gained_per_family)},
            {"lost_per_family", family_counts_json(c.lost_per_family)},
            {"gained", compared_items_json(c.gained, max_listed)},
            {"lost", compared_items_json(c.lost, max_listed)}};
}

}  // namespace geo
