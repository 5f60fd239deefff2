// The map's audience controller and `territoire perimeter` agree (issue 9):
// a GUI-side test, built only with the map window (TERRITOIRE_BUILD_GUI).
#include <algorithm>
#include <cmath>
#include <filesystem>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "app/gui/model/audience_controller.hpp"
#include "geo/io/audience_presets.hpp"
#include "geo/store/catalogue.hpp"
#include "tests/support/cli_process.hpp"
#include "tests/support/loire_fixture.hpp"
#include "tests/support/test_support.hpp"

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

using PerimeterParity = test::LoireCatalogueTest;

}  // namespace

// The map's audience controller (AudienceComputer) and `territoire perimeter`
// on the same catalogue and audience draw the same polygons: both run
// geo::AudiencePerimeter.
TEST_F(PerimeterParity, GuiAudienceControllerDrawsTheSamePolygonsAsTheCommand) {
    for (const std::string audience : {"patrimoine", "oenotourisme"}) {
        const fs::path out = dir / (audience + ".geojson");
        const test::CliRun r = test::run_territoire(dir, {"perimeter", "--catalogue", catalogue.string(), "--audience",
                                                          audience, "--levels", "0.5,0.8", "-o", out.string()});
        ASSERT_EQ(r.exit_code, 0) << r.err;
        const json doc = json::parse(test::read_text(out));

        auto cat = geo::Catalogue::open(catalogue.string(), geo::Catalogue::Mode::read_only);
        ASSERT_TRUE(cat) << cat.error().message;
        auto items = cat->items();
        auto territories = cat->territories();
        ASSERT_TRUE(items && territories);
        auto resolved = geo::resolve_audience(audience, &*cat);
        ASSERT_TRUE(resolved) << resolved.error().message;
        app::gui::AudienceComputer compute;
        app::gui::AudienceRequest request{*resolved,
                                          {},
                                          std::make_shared<const std::vector<geo::OfferItem>>(std::move(*items)),
                                          std::make_shared<const std::vector<geo::Territory>>(std::move(*territories)),
                                          1};
        request.params.level = 0.8;
        request.params.nested = true;  // 0.5, 0.8, 0.95: the CLI asked for 0.5 and 0.8
        const app::gui::AudienceResult gui = compute(request);
        ASSERT_TRUE(gui.error.empty()) << gui.error;
        for (const auto& feature : doc["features"]) {
            const double level = feature["properties"]["level"].get<double>();
            const auto it = std::find_if(gui.perimeters.begin(), gui.perimeters.end(),
                                         [&](const auto& p) { return std::abs(p.level - level) < 1e-9; });
            ASSERT_NE(it, gui.perimeters.end()) << level;
            // Same rings, vertex by vertex (the GeoJSON has 7 decimals).
            const auto& polys = feature["geometry"]["coordinates"];
            ASSERT_EQ(polys.size(), it->geometry.polygons.size()) << audience << " level " << level;
            for (std::size_t p = 0; p < polys.size(); ++p) {
                ASSERT_EQ(polys[p].size(), it->geometry.polygons[p].rings.size());
                for (std::size_t k = 0; k < polys[p].size(); ++k) {
                    const auto& ring = it->geometry.polygons[p].rings[k];
                    ASSERT_EQ(polys[p][k].size(), ring.size());
                    for (std::size_t v = 0; v < ring.size(); ++v) {
                        EXPECT_NEAR(polys[p][k][v][0].get<double>(), ring[v].lon_deg, 1e-7);
                        EXPECT_NEAR(polys[p][k][v][1].get<double>(), ring[v].lat_deg, 1e-7);
                    }
                }
            }
            EXPECT_NEAR(feature["properties"]["area_km2"].get<double>(),
                        gui.stats->levels[level < 0.6 ? 0 : 1].area_km2, 1e-3);
        }
    }
}
