#include "app/gui/model/catalogue_snapshot.hpp"

#include <algorithm>

#include "geo/io/audience_presets.hpp"

namespace app::gui {

geo::Result<CatalogueSnapshot> load_catalogue_snapshot(const std::string& path, const AudienceToResolve& audience) {
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
    auto themes = catalogue->theme_names();
    if (!themes) return tl::unexpected(themes.error());
    snapshot.theme_names = std::move(*themes);
    if (audience.project) {
        snapshot.audience = geo::resolve_project_audience(*audience.project, &*catalogue);
    } else if (!audience.spec.empty()) {
        auto resolved = geo::resolve_audience(audience.spec, &*catalogue);
        snapshot.audience = resolved ? geo::Result<geo::ResolvedAudience>(geo::ResolvedAudience{*resolved, *resolved})
                                     : tl::unexpected(resolved.error());
    }
    return snapshot;
}

std::string attribution_for(const std::vector<geo::SourceInfo>& sources) {
    // The credit of each source shown, once: "DATAtourisme" with its licence,
    // "© OpenStreetMap contributors" as the ODbL asks, others as they say.
    std::vector<std::string> parts;
    for (const auto& s : sources) {
        std::string credit = s.attribution;
        if (s.kind == "datatourisme") credit = "DATAtourisme / Licence Ouverte";
        if (credit.empty()) continue;
        const bool known = std::any_of(parts.begin(), parts.end(), [&](const std::string& p) { return p == credit; });
        if (!known) parts.push_back(credit);
    }
    std::string out;
    for (const auto& p : parts) out = join_credits(out, p);
    return out;
}

std::string join_credits(const std::string& a, const std::string& b) {
    if (a.empty()) return b;
    if (b.empty()) return a;
    return a + ", " + b;
}

}  // namespace app::gui
