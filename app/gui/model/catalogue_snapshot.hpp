#pragma once
// Reads what the map shows from a catalogue file: its offer items,
// territories and sources (for the attribution). Meant to run on a worker
// thread (it opens its own read-only connection).
// Failure: the catalogue's own message (file, problem); nothing partial.
#include <optional>
#include <string>
#include <vector>

#include "geo/analysis/audience.hpp"
#include "geo/core/error.hpp"
#include "geo/core/offer.hpp"
#include "geo/io/project_check.hpp"
#include "geo/store/catalogue.hpp"

namespace app::gui {

struct CatalogueSnapshot {
    std::string path;
    std::vector<geo::OfferItem> items;
    std::vector<geo::Territory> territories;
    std::vector<geo::SourceInfo> sources;
    std::vector<geo::ThemeName> theme_names;
    // The audience named at start-up (`--audience`, or a project's with its
    // weights), resolved on the same worker with the same connection (it may
    // be a catalogue audience): empty when none was asked; its error
    // otherwise (the snapshot stands).
    std::optional<geo::Result<geo::ResolvedAudience>> audience;
};

// What to resolve with the catalogue: an audience id or JSON file (the
// preset is the audience), or a project's audience with its weights.
struct AudienceToResolve {
    std::string spec;
    std::optional<geo::ProjectAudience> project;
    [[nodiscard]] bool empty() const { return spec.empty() && !project; }
};
geo::Result<CatalogueSnapshot> load_catalogue_snapshot(const std::string& path, const AudienceToResolve& audience = {});

// The attribution line for these sources: each source's own credit, once
// ("© OpenStreetMap contributors", "DATAtourisme / Licence Ouverte", …);
// empty when no source asks for one.
std::string attribution_for(const std::vector<geo::SourceInfo>& sources);
// "a, b", or whichever is not empty.
std::string join_credits(const std::string& a, const std::string& b);

}  // namespace app::gui
