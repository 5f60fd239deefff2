#include "tests/support/loire_fixture.hpp"

#include <gtest/gtest.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <optional>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "geo/store/catalogue.hpp"
#include "tests/support/test_support.hpp"

namespace test {
namespace {

namespace fs = std::filesystem;

fs::path datatourisme_dir() {
    return shared_data() / "poi" / "datatourisme-touraine-2020";
}

nlohmann::json read_json(const fs::path& path) {
    std::ifstream in(path);
    return nlohmann::json::parse(in, nullptr, false);
}

// First matching class wins (the order of data/taxonomy.json where it matters).
std::optional<geo::Family> family_of(const std::vector<std::string>& types) {
    using F = geo::Family;
    static const std::pair<const char*, F> kRules[] = {{"EntertainmentAndEvent", F::events_culture},
                                                       {"Cabaret", F::events_culture},
                                                       {"Accommodation", F::accommodation},
                                                       {"FoodEstablishment", F::gastronomy},
                                                       {"Tasting", F::gastronomy},
                                                       {"TastingProvider", F::gastronomy},
                                                       {"Tour", F::outdoor},
                                                       {"Practice", F::outdoor},
                                                       {"EquipmentRental", F::outdoor},
                                                       {"GolfCourse", F::outdoor},
                                                       {"Museum", F::heritage},
                                                       {"CaveSinkholeOrAven", F::nature},
                                                       {"CulturalSite", F::heritage},
                                                       {"NaturalHeritage", F::nature},
                                                       {"SportsAndLeisurePlace", F::family_leisure},
                                                       {"Product", F::outdoor}};
    for (const auto& [cls, family] : kRules)
        if (std::find(types.begin(), types.end(), cls) != types.end()) return family;
    return std::nullopt;
}

std::optional<std::string> label_of(std::string review) {
    static const std::map<std::string, std::string> kLabels = {
        {"AccueilVelo", "accueil_velo"},
        {"QualiteTourisme", "qualite_tourisme"},
        {"VignoblesDecouvertes", "vignobles_decouvertes"},
        {"BienvenueaLaFerme", "bienvenue_ferme"},
        {"OutstandingGarden", "jardin_remarquable"},
        {"GitesDeFrance", "gites_de_france"},
        {"ClefVerte", "clef_verte"},
        {"VilleOuPaysDartEtDhistoire", "villes_art_histoire"},
        {"MaisonDesIllustres", "maisons_illustres"},
        {"MaitreRestaurateur", "maitre_restaurateur"}};
    const std::string prefix = "kb:LabelRating_";
    if (review.rfind(prefix, 0) != 0) return std::nullopt;
    review.erase(0, prefix.size());
    if (review.rfind("TourismeHandicap", 0) == 0) return "tourisme_handicap";
    const auto it = kLabels.find(review);
    if (it == kLabels.end()) return std::nullopt;
    return it->second;
}

std::optional<geo::OfferItem> read_object(const fs::path& path) {
    const auto j = read_json(path);
    if (!j.is_object()) return std::nullopt;
    geo::OfferItem item;
    item.source = "datatourisme";
    item.source_id = path.stem().string();
    std::vector<std::string> types;
    for (const auto& t : j.value("@type", nlohmann::json::array())) {
        std::string s = t.get<std::string>();
        if (s.rfind("schema:", 0) == 0) s.erase(0, 7);
        types.push_back(s);
    }
    item.family = family_of(types).value_or(geo::Family::services);
    const auto& label = j.value("rdfs:label", nlohmann::json::object());
    if (label.contains("fr") && !label["fr"].empty()) item.name = label["fr"][0].get<std::string>();
    const auto& located = j.value("isLocatedAt", nlohmann::json::array());
    if (located.empty() || !located[0].contains("schema:geo")) return std::nullopt;
    const auto& g = located[0]["schema:geo"];
    item.position = {std::stod(g.value("schema:longitude", "nan")),
                     std::stod(g.value("schema:latitude", "nan"))};
    for (const auto& r : j.value("hasReview", nlohmann::json::array()))
        if (r.contains("hasReviewValue"))
            if (auto l = label_of(r["hasReviewValue"].value("@id", ""))) item.labels.push_back(*l);
    for (const auto& t : j.value("hasTheme", nlohmann::json::array()))
        if (t.is_object() && t.contains("@id")) item.themes.push_back(t["@id"].get<std::string>());
    if (j.contains("hasBeenCreatedBy"))
        item.producer = j["hasBeenCreatedBy"].value("schema:legalName", "");
    return item;
}

geo::Ring ring_of(const OGRLinearRing& r) {
    geo::Ring out;
    for (int i = 0; i < r.getNumPoints(); ++i) out.push_back({r.getX(i), r.getY(i)});
    return out;
}

void append_polygon(const OGRPolygon& p, geo::MultiPolygon& mp) {
    geo::Polygon poly;
    poly.rings.push_back(ring_of(*p.getExteriorRing()));
    for (int i = 0; i < p.getNumInteriorRings(); ++i)
        poly.rings.push_back(ring_of(*p.getInteriorRing(i)));
    mp.polygons.push_back(std::move(poly));
}

// Territories of one GeoJSON file (WGS 84, RFC 7946), optionally one code only.
void read_territories(const fs::path& path, geo::TerritoryLevel level, const char* code_field,
                      const char* name_field, const std::string& only_code,
                      std::vector<geo::Territory>& out) {
    GDALAllRegister();
    GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    if (!ds) throw std::runtime_error("cannot open " + path.string());
    OGRLayer* layer = ds->GetLayer(0);
    for (auto& feature : *layer) {
        geo::Territory t;
        t.code = feature->GetFieldAsString(code_field);
        t.name = feature->GetFieldAsString(name_field);
        if (!only_code.empty() && t.code != only_code) continue;
        t.level = level;
        t.source = "territories:" + path.filename().string();
        const OGRGeometry* g = feature->GetGeometryRef();
        if (g == nullptr) continue;
        if (wkbFlatten(g->getGeometryType()) == wkbPolygon)
            append_polygon(*g->toPolygon(), t.geometry);
        else if (wkbFlatten(g->getGeometryType()) == wkbMultiPolygon)
            for (const OGRPolygon* p : *g->toMultiPolygon()) append_polygon(*p, t.geometry);
        out.push_back(std::move(t));
    }
}

}  // namespace

const std::vector<geo::OfferItem>& loire_items() {
    static const std::vector<geo::OfferItem> items = [] {
        std::vector<fs::path> files;
        for (const auto& e : fs::recursive_directory_iterator(datatourisme_dir() / "objects"))
            if (e.is_regular_file() && e.path().extension() == ".json") files.push_back(e.path());
        std::sort(files.begin(), files.end());
        std::vector<geo::OfferItem> out;
        for (const auto& f : files)
            if (auto item = read_object(f)) out.push_back(std::move(*item));
        return out;
    }();
    return items;
}

const std::vector<geo::Territory>& loire_territories() {
    static const std::vector<geo::Territory> territories = [] {
        const fs::path admin = shared_data() / "admin" / "departements";
        std::vector<geo::Territory> out;
        using L = geo::TerritoryLevel;
        for (const char* dep : {"37-indre-et-loire", "41-loir-et-cher"}) {
            const std::string d(dep);
            read_territories(admin / d / ("communes-" + d + ".geojson"), L::commune, "code", "nom",
                             "", out);
            read_territories(admin / d / ("departement-" + d + ".geojson"), L::departement, "code",
                             "nom", "", out);
        }
        read_territories(shared_data() / "perimeters" / "PNR.geojson", L::reference, "DRGP_C_COD",
                         "DRGP_L_LIB", "FR8000032", out);
        return out;
    }();
    return territories;
}

void make_loire_catalogue(const fs::path& path) {
    auto catalogue = geo::Catalogue::open(path.string());
    ASSERT_TRUE(catalogue) << catalogue.error().message;
    geo::SourceInfo items{"datatourisme",
                          "datatourisme",
                          datatourisme_dir().string(),
                          "Licence Ouverte 2.0 (Etalab)",
                          "DATAtourisme",
                          ""};
    geo::ImportReport report;
    auto ok = catalogue->upsert_items(items, loire_items(), report);
    ASSERT_TRUE(ok) << ok.error().message;
    geo::SourceInfo admin{"territories:loire",
                          "territories",
                          "admin",
                          "Licence Ouverte (Etalab)",
                          "IGN Admin Express, INSEE COG 2018",
                          ""};
    geo::ImportReport treport;
    ok = catalogue->upsert_territories(admin, loire_territories(), treport);
    ASSERT_TRUE(ok) << ok.error().message;
}

const std::vector<Landmark>& loire_chateaux() {
    static const std::vector<Landmark> landmarks = [] {
        const std::pair<const char*, const char*> kObjects[] = {
            {"Chambord", "4/4c/15-4c9a94a5-520f-331d-8a8e-0e19a9b22a5f.json"},
            {"Chenonceau", "f/fb/15-fb1b405f-e06c-381e-88ea-f04256ccf56c.json"},
            {"Amboise", "6/67/15-67beea70-f453-3f34-851e-b7273df2ae4e.json"},
            {"Blois", "9/9a/15-9a322fdf-bac2-3547-ad01-3a8b9cd10ff7.json"},
            {"Villandry", "2/26/15-2679335a-b7fa-31fc-b41f-7ee6548aff62.json"},
            {"Azay-le-Rideau", "3/31/15-31e38136-be89-3b1d-be82-144e9a31b4cc.json"},
            {"Cheverny", "9/90/15-905e2e45-4076-3e7a-8f66-8738921bd05e.json"}};
        std::vector<Landmark> out;
        for (const auto& [name, object] : kObjects)
            if (auto item = read_object(datatourisme_dir() / "objects" / object))
                out.push_back({name, item->position});
        return out;
    }();
    return landmarks;
}

}  // namespace test
