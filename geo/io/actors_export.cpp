#include "geo/io/actors_export.hpp"

#include <set>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace geo {
namespace {

struct ItemColumns {
    std::string names, communes, websites;
};

void append(std::string& list, const std::string& value) {
    if (value.empty()) return;
    list += (list.empty() ? "" : " ; ") + value;
}

std::string website_of(const OfferItem& item) {
    const auto extra = nlohmann::json::parse(item.extra_json, nullptr, false);
    if (!extra.is_object()) return "";
    const auto it = extra.find("website");
    return it != extra.end() && it->is_string() ? it->get<std::string>() : "";
}

ItemColumns item_columns(const std::vector<std::size_t>& indices, const std::vector<OfferItem>& items) {
    ItemColumns out;
    std::set<std::string> communes, websites;
    for (std::size_t i : indices) {
        const OfferItem& item = items[i];
        append(out.names, item.name);
        if (communes.insert(item.commune_insee).second) append(out.communes, item.commune_insee);
        if (const std::string w = website_of(item); websites.insert(w).second) append(out.websites, w);
    }
    return out;
}

}  // namespace

TextTable actors_csv_table(const ActorsResult& result, const std::vector<OfferItem>& items) {
    TextTable table;
    table.header = {"kind",
                    "level",
                    "name",
                    "code",
                    "family",
                    "family_fr",
                    "family_en",
                    "label",
                    "item_count",
                    "weighted_item_count",
                    "share_of_perimeter",
                    "share_of_unit",
                    "items",
                    "communes",
                    "websites"};
    for (const BorderUnit& u : result.territories)
        table.rows.push_back({"territory", std::string(territory_level_id(u.level)), u.name, u.code, "", "", "", "", "",
                              "", csv_number(u.share_of_perimeter, 4), csv_number(u.share_of_unit, 4), "", "", ""});
    for (const ProducerActor& p : result.producers) {
        const ItemColumns c = item_columns(p.items, items);
        table.rows.push_back({"producer", "", p.name, "", "", "", "", "", std::to_string(p.item_count),
                              std::to_string(p.weighted_item_count), "", "", c.names, c.communes, c.websites});
    }
    for (const LabelledOperators& g : result.labelled) {
        const ItemColumns c = item_columns(g.items, items);
        table.rows.push_back({"labelled_operators", "", g.label, "", std::string(family_id(g.family)),
                              std::string(family_name_fr(g.family)), std::string(family_name_en(g.family)), g.label,
                              std::to_string(g.items.size()), std::to_string(g.weighted_item_count), "", "", c.names,
                              c.communes, c.websites});
    }
    return table;
}

std::string actors_text(const ActorsResult& result, const std::vector<OfferItem>& items) {
    std::string out = fmt::format("Perimeter {} of {}: {:.1f} km², {} items inside\n", result.level, result.audience_id,
                                  result.perimeter_area_km2, result.items_inside);
    out += fmt::format("Territoires / Territories ({}):\n", result.territories.size());
    for (const BorderLevelSummary& l : result.territory_levels)
        out += fmt::format("  {}: {} of {} crossed\n", territory_level_id(l.level), l.units_crossed, l.units_given);
    out += fmt::format("Producteurs / Producers ({}):\n", result.producers.size());
    for (const ProducerActor& p : result.producers)
        out += fmt::format("  {:>5}  {}\n", p.item_count, p.name.empty() ? "(unnamed)" : p.name);
    out += fmt::format("Opérateurs labellisés / Labelled operators ({} groups):\n", result.labelled.size());
    for (const LabelledOperators& g : result.labelled) {
        const ItemColumns c = item_columns(g.items, items);
        out += fmt::format("  {:>5}  {} / {} — {}\n", g.items.size(), family_name_fr(g.family), g.label,
                           c.names.size() > 100 ? c.names.substr(0, c.names.rfind(" ; ", 100)) + " …" : c.names);
    }
    return out;
}

Result<std::int64_t> write_actors(const std::string& path, const ActorsResult& result,
                                  const std::vector<OfferItem>& items, const CsvOptions& csv) {
    const std::string ext = lower_extension(path);
    if (ext != ".csv") return fail_fmt("{}: unknown extension \"{}\", expected .csv", path, ext);
    return write_csv_table(path, actors_csv_table(result, items), csv);
}

}  // namespace geo
