#include "geo/store/territory_spec.hpp"

#include <fmt/format.h>

#include "geo/analysis/offer_destination.hpp"
#include "geo/store/catalogue.hpp"

namespace geo {
namespace {

std::string spec_of(const Territory& t) {
    return fmt::format("{}:{}", territory_level_id(t.level), t.code.empty() ? t.name : t.code);
}

// What the catalogue holds at a level, for error messages (at most 12 shown).
std::string known_at(const Catalogue& catalogue, std::optional<TerritoryLevel> level) {
    TerritoryFilter filter;
    filter.level = level;
    filter.with_geometry = false;
    auto all = catalogue.territories(filter);
    if (!all || all->empty()) return "none";
    std::string out;
    for (std::size_t i = 0; i < all->size() && i < 12; ++i)
        out += (i ? ", " : "") + spec_of((*all)[i]) + " " + (*all)[i].name;
    if (all->size() > 12) out += fmt::format(", … ({} in all)", all->size());
    return out;
}

// More than one match: the user must say which.
Result<Territory> one_of(const Catalogue& catalogue, const std::string& spec, std::vector<Territory> found) {
    if (found.size() == 1) return std::move(found.front());
    std::string choices;
    for (const Territory& t : found) choices += (choices.empty() ? "" : ", ") + spec_of(t);
    return fail_fmt("{}: \"{}\" names {} territories; say which: {}", catalogue.path(), spec, found.size(), choices);
}

Result<Territory> by_level_code(const Catalogue& catalogue, const std::string& spec, TerritoryLevel level,
                                const std::string& code) {
    TerritoryFilter filter;
    filter.level = level;
    filter.code = code;
    auto found = catalogue.territories(filter);
    if (!found) return tl::unexpected(found.error());
    if (found->empty()) {
        filter.code.reset();
        filter.name = code;  // territories without a code, or named: "commune:Chinon"
        found = catalogue.territories(filter);
        if (!found) return tl::unexpected(found.error());
    }
    if (found->empty())
        return fail_fmt("{}: territory \"{}\" not found; at level {} it holds: {}", catalogue.path(), spec,
                        territory_level_id(level), known_at(catalogue, level));
    return one_of(catalogue, spec, std::move(*found));
}

// LEVEL:CODE, LEVEL:NAME or NAME among the loaded territories; `forms` is
// what the caller accepts, for the message when nothing matches.
Result<Territory> loaded(const Catalogue& catalogue, const std::string& spec, const char* forms) {
    if (const auto colon = spec.find(':'); colon != std::string::npos) {
        if (auto lv = territory_level_from_id(spec.substr(0, colon)))
            return by_level_code(catalogue, spec, *lv, spec.substr(colon + 1));
    }
    TerritoryFilter filter;
    filter.name = spec;
    auto found = catalogue.territories(filter);
    if (!found) return tl::unexpected(found.error());
    if (found->empty())
        return fail_fmt("{}: no territory named \"{}\" (expected {}); it holds: {}", catalogue.path(), spec, forms,
                        known_at(catalogue, std::nullopt));
    return one_of(catalogue, spec, std::move(*found));
}

Result<Territory> destination(const Catalogue& catalogue, const std::string& spec, const ItemFilter& filter,
                              const Audience& audience, double level) {
    auto items = catalogue.items(filter);
    if (!items) return tl::unexpected(items.error());
    if (items->empty()) return fail_fmt("{}: no offer item for \"{}\"", catalogue.path(), spec);
    auto t = offer_destination(*items, audience, level, spec, spec);
    if (!t) return tl::unexpected(t.error().with_context(catalogue.path()));
    return t;
}

}  // namespace

Result<Territory> resolve_territory(const Catalogue& catalogue, const std::string& spec, const Audience& audience,
                                    double level) {
    const auto colon = spec.find(':');
    if (colon != std::string::npos) {
        const std::string head = spec.substr(0, colon), rest = spec.substr(colon + 1);
        if (head == "producer" || head == "source") {
            ItemFilter filter;
            (head == "producer" ? filter.producers : filter.sources).push_back(rest);
            return destination(catalogue, spec, filter, audience, level);
        }
        if (head == "offer") {
            const auto c2 = rest.find(':');
            const auto lv = territory_level_from_id(rest.substr(0, c2));
            if (c2 == std::string::npos || !lv)
                return fail_fmt(
                    "territory \"{}\": expected offer:LEVEL:CODE, e.g. "
                    "offer:departement:41",
                    spec);
            auto inside = by_level_code(catalogue, spec, *lv, rest.substr(c2 + 1));
            if (!inside) return tl::unexpected(inside.error());
            ItemFilter filter;
            filter.territory_id = inside->id;
            return destination(catalogue, spec, filter, audience, level);
        }
    }
    return loaded(catalogue, spec, "LEVEL:CODE, a name, producer:NAME, source:KEY or offer:LEVEL:CODE");
}

Result<Territory> find_loaded_territory(const Catalogue& catalogue, const std::string& spec) {
    return loaded(catalogue, spec, "LEVEL:CODE, LEVEL:NAME or a name");
}

}  // namespace geo
