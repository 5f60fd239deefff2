#include "tests/support/test_support.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <iomanip>
#include <sstream>
#include <stdexcept>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include "geo/core/data_dir.hpp"
#include "geo/io/import.hpp"
#include "geo/store/catalogue.hpp"

namespace test {

std::filesystem::path shared_data() {
    return TERRITOIRE_SHARED_DATA_DIR;
}

std::filesystem::path test_data() {
    return TERRITOIRE_TEST_DATA_DIR;
}

std::filesystem::path temp_dir() {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    std::string name = info ? std::string(info->test_suite_name()) + "." + info->name() : "test";
    for (char& c : name)
        if (c == '/') c = '_';
    auto dir = std::filesystem::path(TERRITOIRE_BINARY_DIR) / "test-tmp" / name;
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    return dir;
}

std::filesystem::path demo_catalogue(const std::filesystem::path& dir) {
    const std::filesystem::path path = dir / "demo.sqlite";
    auto catalogue = geo::Catalogue::open(path.string());
    EXPECT_TRUE(catalogue) << catalogue.error().message;
    if (!catalogue) return path;
    auto report = geo::import_source(*catalogue, geo::data_dir() + "/demo/items.geojson", {}, default_taxonomy());
    EXPECT_TRUE(report) << report.error().message;
    return path;
}

const geo::Taxonomy& default_taxonomy() {
    static const geo::Taxonomy taxonomy = [] {
        auto t = geo::Taxonomy::load_default();
        if (!t) throw std::runtime_error(t.error().message);
        return *std::move(t);
    }();
    return taxonomy;
}

std::string file_checksum(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return "";
    std::uint64_t h = 1469598103934665603ULL;
    char buf[65536];
    while (in.read(buf, sizeof buf) || in.gcount() > 0) {
        for (std::streamsize i = 0; i < in.gcount(); ++i) {
            h ^= static_cast<unsigned char>(buf[i]);
            h *= 1099511628211ULL;
        }
    }
    std::ostringstream os;
    os << std::hex << std::setw(16) << std::setfill('0') << h;
    return os.str();
}

namespace {

geo::MultiPolygon to_multipolygon(const OGRGeometry& geometry) {
    geo::MultiPolygon out;
    auto add_polygon = [&](const OGRPolygon& polygon) {
        geo::Polygon p;
        auto add_ring = [&](const OGRLinearRing* ring) {
            geo::Ring r;
            for (int i = 0; ring != nullptr && i < ring->getNumPoints(); ++i)
                r.push_back({ring->getX(i), ring->getY(i)});
            p.rings.push_back(std::move(r));
        };
        add_ring(polygon.getExteriorRing());
        for (int i = 0; i < polygon.getNumInteriorRings(); ++i) add_ring(polygon.getInteriorRing(i));
        out.polygons.push_back(std::move(p));
    };
    const auto type = wkbFlatten(geometry.getGeometryType());
    if (type == wkbPolygon) add_polygon(*geometry.toPolygon());
    if (type == wkbMultiPolygon)
        for (const auto* polygon : *geometry.toMultiPolygon()) add_polygon(*polygon);
    return out;
}

}  // namespace

std::vector<geo::Territory> read_territories(const std::filesystem::path& path, const std::string& code_field,
                                             const std::string& name_field, geo::TerritoryLevel level) {
    std::vector<geo::Territory> out;
    GDALAllRegister();
    GDALDatasetUniquePtr ds(
        GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr));
    if (!ds || ds->GetLayerCount() == 0) return out;
    for (auto& feature : *ds->GetLayer(0)) {
        geo::Territory t;
        t.id = feature->GetFID() + 1;
        t.code = feature->GetFieldAsString(code_field.c_str());
        t.name = feature->GetFieldAsString(name_field.c_str());
        t.level = level;
        t.source = path.filename().string();
        if (const OGRGeometry* g = feature->GetGeometryRef()) t.geometry = to_multipolygon(*g);
        out.push_back(std::move(t));
    }
    return out;
}

std::filesystem::path communes37_path() {
    return shared_data() / "admin/departements/37-indre-et-loire/communes-37-indre-et-loire.geojson";
}

std::vector<geo::Territory> communes37() {
    return read_territories(communes37_path(), "code", "nom", geo::TerritoryLevel::commune);
}

std::vector<geo::OfferItem> sample_items() {
    std::vector<geo::OfferItem> items;
    auto add = [&](std::string name, double lon, double lat, geo::Family family) {
        geo::OfferItem item;
        item.id = static_cast<std::int64_t>(items.size()) + 1;
        item.source = "datatourisme";
        item.source_id = "PCU37" + std::to_string(item.id);
        item.name = std::move(name);
        item.family = family;
        item.position = {lon, lat};
        items.push_back(std::move(item));
        return &items.back();
    };
    auto* chenonceau = add("Château de Chenonceau", 1.0703295, 47.3248943, geo::Family::heritage);
    chenonceau->subtypes = {"castle", "park_garden"};
    chenonceau->labels = {"monument_historique", "jardin_remarquable"};
    chenonceau->themes = {"kb:Renaissance"};
    chenonceau->opening_months = 0x0FFF;
    chenonceau->producer = "Office de Tourisme Amboise Val de Loire";
    chenonceau->commune_insee = "37070";
    auto* vouvray = add("Cave \"Les Perruches\", Vouvray – dégustation", 0.798123456, 47.41, geo::Family::gastronomy);
    vouvray->subtypes = {"wine_cellar"};
    vouvray->labels = {"vignobles_decouvertes"};
    vouvray->opening_months = 0b0000'0111'1111'0000;  // May … November
    vouvray->commune_insee = "37281";
    add("Musée des Beaux-Arts\nde Tours; « salle » 1", 0.6940321, 47.3951, geo::Family::events_culture);
    add("Île d'Or — Amboise ✓", 0.9826, 47.4153, geo::Family::nature);
    add("Gîte à Saint-Épain", 0.5351, 47.1446, geo::Family::accommodation);
    add("Equator", 0.0, -0.0000001, geo::Family::services);
    return items;
}

}  // namespace test
