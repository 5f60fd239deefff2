#pragma once
// Provenance: the one block that says, in every file Territoire writes for
// partners (GeoJSON, GeoPackage, CSV, KML, benchmark), who made it, when, from
// which catalogue and under which licences.
//
// Fields, always in this shape:
//   generator   "Territoire <version> (<tool>)", e.g. "Territoire 0.1.0 (export)"
//   created_at  ISO 8601 UTC of the write
//   catalogue   the catalogue file as ProvenancePaths says (base name by default)
//   sources     only the sources that contributed to the output (items with a
//               positive weight, territories written), each with key, kind,
//               licence, attribution and imported_at; a key the catalogue does
//               not describe is listed with empty fields rather than dropped
// plus what the caller adds: "audience" (audience_provenance_json), "parameters",
// "filter", "kind".
// Thread-safety: pure functions; the Catalogue overloads read its sources
//   table (safe as Catalogue's own reads are). Failures: none — a catalogue
//   whose sources cannot be read lists the used keys with empty fields.
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "geo/analysis/audience.hpp"
#include "geo/core/offer.hpp"
#include "geo/io/output_paths.hpp"
#include "geo/store/catalogue.hpp"

namespace geo {

// "Territoire 0.1.0 (tool)"; `tool` names the command or panel ("export",
// "gaps", "gui: Gaps layer"…).
std::string provenance_generator(std::string_view tool);

// The source keys of the items with a positive weight (all items when
// `weights` is empty; sizes must match otherwise), or of the territories.
std::set<std::string> used_sources(const std::vector<OfferItem>& items, const std::vector<double>& weights = {});
std::set<std::string> used_sources(const std::vector<Territory>& territories);

// The described sources among `all` whose key is in `used`, in `all`'s order,
// then the used keys that `all` does not describe.
nlohmann::json sources_provenance(const std::vector<SourceInfo>& all, const std::set<std::string>& used);

// generator, created_at, catalogue, sources (see above).
nlohmann::json base_provenance(std::string_view tool, const std::string& catalogue_path,
                               const std::vector<SourceInfo>& all_sources, const std::set<std::string>& used,
                               ProvenancePaths paths);
nlohmann::json base_provenance(std::string_view tool, const Catalogue& catalogue, const std::set<std::string>& used,
                               ProvenancePaths paths);

// An analysis (perimeter, gaps, benchmark): the base block plus the audience
// (audience_provenance_json: weights per family and subtype, roles, season)
// and `parameters`; sources are those of the items with a positive weight.
nlohmann::json analysis_provenance(std::string_view tool, const std::string& catalogue_path,
                                   const std::vector<SourceInfo>& all_sources, const Audience& audience,
                                   nlohmann::json parameters, const std::vector<OfferItem>& items,
                                   const std::vector<double>& weights, ProvenancePaths paths);
nlohmann::json analysis_provenance(std::string_view tool, const Catalogue& catalogue, const Audience& audience,
                                   nlohmann::json parameters, const std::vector<OfferItem>& items,
                                   const std::vector<double>& weights, ProvenancePaths paths);

}  // namespace geo
