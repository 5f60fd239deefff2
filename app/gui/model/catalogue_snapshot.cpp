#include "app/gui/model/catalogue_snapshot.hpp"

#include <algorithm>

namespace app::gui {

geo::Result<CatalogueSnapshot> load_catalogue_snapshot(const std::string& path) {
    auto catalogue = geo::Catalogue::open(path, geo::Catalogue::Mode::read_only);
    if (!catalogue) return tl::unexpected(catalogue.error());
    CatalogueSnapshot snapshot;
    snapshot.path = path;
    auto items = catalogue->items();
    if (!items) return tl::unexpected(items.error());
    snapshot.items = std::move(*items);
    auto territories = catalogue->territories();
    if (!territories) return tl::unexpected(territories.error());
    snapshot.territories = std::move(*territories);
    auto sources = catalogue->sources();
    if (!sources) return tl::unexpected(sources.error());
    snapshot.sources = std::move(*sources);
    return snapshot;
}

std::string attribution_for(const std::vector<geo::SourceInfo>& sources) {
    std::vector<std::string> parts = {"© OpenStreetMap contributors",
                                      "DATAtourisme / Licence Ouverte"};
    for (const auto& s : sources) {
        if (s.attribution.empty()) continue;
        const bool known = std::any_of(parts.begin(), parts.end(), [&](const std::string& p) {
            return p.find(s.attribution) != std::string::npos || s.attribution.find(p) != std::string::npos;
        });
        if (!known) parts.push_back(s.attribution);
    }
    std::string out;
    for (const auto& p : parts) out += (out.empty() ? "" : ", ") + p;
    return out;
}

}  // namespace app::gui
