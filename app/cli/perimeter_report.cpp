#include "app/cli/perimeter_report.hpp"

#include <string>
#include <vector>

#include <fmt/core.h>

namespace app::cli {
namespace {

constexpr std::size_t kListedItems = 25;  // gained / lost items printed per side

std::string family_counts_text(const geo::FamilyCounts& counts) {
    std::string out;
    for (geo::Family f : geo::kAllFamilies) {
        const auto n = counts[static_cast<std::size_t>(f)];
        if (n == 0) continue;
        if (!out.empty()) out += ", ";
        out += fmt::format("{} {}", geo::family_id(f), n);
    }
    return out.empty() ? "none" : out;
}

// Coarse levels first: a reader sees the départements before 150 communes.
constexpr geo::TerritoryLevel kPrintOrder[] = {geo::TerritoryLevel::region,    geo::TerritoryLevel::departement,
                                               geo::TerritoryLevel::epci,      geo::TerritoryLevel::commune,
                                               geo::TerritoryLevel::reference, geo::TerritoryLevel::destination,
                                               geo::TerritoryLevel::competitor};

void print_items(const char* title, const std::vector<geo::ComparedItem>& items) {
    fmt::print("{} ({}):\n", title, items.size());
    for (std::size_t i = 0; i < items.size() && i < kListedItems; ++i)
        fmt::print("  {:<15} {}\n", geo::family_id(items[i].family), items[i].name);
    if (items.size() > kListedItems) fmt::print("  … and {} more\n", items.size() - kListedItems);
}

}  // namespace

bool is_administrative(geo::TerritoryLevel level) {
    using L = geo::TerritoryLevel;
    return level == L::commune || level == L::epci || level == L::departement || level == L::region;
}

void print_level_summary(const geo::PerimeterLevelStats& s) {
    fmt::print(
        "  level {:.2f}: {:.1f} km², {} component{}, compactness {:.2f}, {} items inside, "
        "{:.1f} % of the weighted items, {:.1f} % of their smoothed density\n",
        s.level, s.area_km2, s.components, s.components == 1 ? "" : "s", s.compactness, s.items_inside,
        100.0 * s.captured_offer_share, 100.0 * s.captured_mass_share);
    fmt::print("    inside per family: {}\n", family_counts_text(s.items_inside_per_family));
}

void print_border_table(const geo::BorderReport& report, bool administrative) {
    std::vector<const geo::BorderLevelSummary*> levels;
    std::vector<const geo::BorderUnit*> units;
    for (const geo::TerritoryLevel level : kPrintOrder) {
        if (is_administrative(level) != administrative) continue;
        for (const auto& s : report.levels)
            if (s.level == level) levels.push_back(&s);
        for (const auto& u : report.units)
            if (u.level == level) units.push_back(&u);
    }
    const char* title = administrative ? "Administrative units" : "Reference territories";
    if (levels.empty()) {
        fmt::print("  {}: none in the catalogue\n", title);
        return;
    }
    std::string crossed;
    for (const auto* s : levels) {
        if (!crossed.empty()) crossed += ", ";
        crossed += fmt::format("{} {}", geo::territory_level_id(s->level), s->units_crossed);
        if (s->largest)
            crossed += fmt::format(" (largest {} {:.1f} %)", report.units[*s->largest].name, 100.0 * s->largest_share);
    }
    fmt::print("  {} crossed: {}\n", title, crossed);
    if (units.empty()) return;
    fmt::print("    {:<32} {:<12} {:<10} {:>12} {:>12} {:>8}\n", "unit", "level", "code", "km²", "% perimeter",
               "% unit");
    for (const auto* u : units)
        fmt::print("    {:<32} {:<12} {:<10} {:>12.2f} {:>11.1f}% {:>7.1f}%\n", u->name,
                   geo::territory_level_id(u->level), u->code, u->intersection_km2, 100.0 * u->share_of_perimeter,
                   100.0 * u->share_of_unit);
}

void print_comparison(const geo::PerimeterComparison& c, const std::string& name_a, const std::string& name_b) {
    fmt::print("A: {}\nB: {}\n", name_a, name_b);
    fmt::print(
        "Areas: A {:.1f} km², B {:.1f} km², intersection {:.1f} km², union {:.1f} km², "
        "Jaccard {:.3f}\n",
        c.area_a_km2, c.area_b_km2, c.intersection_km2, c.union_km2, c.jaccard);
    fmt::print("Items ({} valued by A or B): {} in A, {} in B, {} in both\n", c.items_considered, c.items_in_a,
               c.items_in_b, c.items_in_both);
    fmt::print(
        "Weighted offer: A holds {:.1f} % of A's and {:.1f} % of B's; B holds {:.1f} % of "
        "B's and {:.1f} % of A's\n",
        100.0 * c.captured_share_a, 100.0 * c.b_offer_in_a, 100.0 * c.captured_share_b, 100.0 * c.a_offer_in_b);
    fmt::print("Gained in B per family: {}\n", family_counts_text(c.gained_per_family));
    fmt::print("Lost from A per family: {}\n", family_counts_text(c.lost_per_family));
    print_items("Gained (inside B, not A)", c.gained);
    print_items("Lost (inside A, not B)", c.lost);
}

}  // namespace app::cli
