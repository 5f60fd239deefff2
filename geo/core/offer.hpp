#pragma once
// The domain records of the catalogue: offer items (élément d'offre),
// families, territories and import reports. Positions are WGS 84 lon/lat.
// Threads: plain values and pure lookups over constant tables, safe on any
//   thread. Progress is called on whichever thread runs the import (the GUI's
//   worker, the CLI's main thread); what `user` points to must outlive the
//   call and be safe to touch from that thread.
// Failures: the *_from_id lookups give nullopt for an unknown id; the id and
//   name functions expect a valid enumerator (an out-of-range cast is
//   undefined behaviour, not checked). Nothing is thrown.
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "geo/core/coords.hpp"
#include "geo/core/error.hpp"
#include "geo/core/geometry.hpp"

namespace geo {

// Families of offer (famille d'offre), in display order. The string ids are
// those of data/taxonomy.json and of the catalogue's `family` column.
enum class Family : std::uint8_t {
    heritage,
    nature,
    gastronomy,
    outdoor,
    family_leisure,
    events_culture,
    accommodation,
    services,
};
inline constexpr int kFamilyCount = 8;
inline constexpr std::array<Family, kFamilyCount> kAllFamilies = {
    Family::heritage,       Family::nature,         Family::gastronomy,    Family::outdoor,
    Family::family_leisure, Family::events_culture, Family::accommodation, Family::services};

std::string_view family_id(Family f);                       // "heritage", "nature", …
std::optional<Family> family_from_id(std::string_view id);  // inverse of family_id
std::string_view family_name_fr(Family f);                  // "Patrimoine", …
std::string_view family_name_en(Family f);                  // "Heritage", …

// Opening months as a bit mask: bit 0 = January … bit 11 = December.
// 0 means "unknown", treated as open all year.
using MonthMask = std::uint16_t;
inline constexpr MonthMask kAllMonths = 0x0FFF;

struct OfferItem {
    std::int64_t id = 0;    // catalogue row id; 0 before storage
    std::string source;     // source key, e.g. "datatourisme", "osm", "file:poi.gpkg"
    std::string source_id;  // id within the source (unique per source)
    std::string name;
    Family family = Family::services;
    std::vector<std::string> subtypes;  // taxonomy subtype ids, e.g. "castle"
    std::vector<std::string> labels;    // taxonomy label ids, e.g. "unesco"
    std::vector<std::string> themes;    // free theme ids, e.g. "kb:Wine"
    MonthMask opening_months = 0;
    std::string producer;
    std::string commune_insee;
    std::string extra_json = "{}";  // further properties, a JSON object
    // The lowest price asked (DATAtourisme offers[].schema:priceSpecification[]
    // .schema:minPrice, in euros; 0 = free); nullopt when the record gives none.
    std::optional<double> min_price_eur;
    LonLat position;
};

enum class TerritoryLevel : std::uint8_t {
    commune,
    epci,
    departement,
    region,
    destination,
    competitor,
    reference,
};
std::string_view territory_level_id(TerritoryLevel level);
std::optional<TerritoryLevel> territory_level_from_id(std::string_view id);

struct Territory {
    std::int64_t id = 0;
    std::string name;
    std::string code;
    TerritoryLevel level = TerritoryLevel::reference;
    std::string source;
    MultiPolygon geometry;  // WGS 84
};

// One record an importer did not take, and why.
struct SkippedRecord {
    std::string record;  // file path, feature id or OSM id
    Error reason;        // its message is the reason in English; app/gui/error_text shows it in French
};

// What an import read, kept and skipped. `imported` counts new rows,
// `updated` rows that already existed under the same source + source_id.
struct ImportReport {
    std::string source;
    std::int64_t read = 0;
    std::int64_t imported = 0;
    std::int64_t updated = 0;
    std::vector<SkippedRecord> skipped;
    std::vector<std::string> unknown_types;  // types seen but absent from the taxonomy
    std::vector<Error> warnings;             // each names its file or record
};

// Progress callback: done and total records (total 0 when unknown).
// Returns false to cancel.
using ProgressFn = bool (*)(std::int64_t done, std::int64_t total, void* user);
struct Progress {
    ProgressFn fn = nullptr;
    void* user = nullptr;
    bool operator()(std::int64_t done, std::int64_t total) const { return fn == nullptr || fn(done, total, user); }
};

}  // namespace geo
