// Issue 13, output safety: a corpus of hostile names (formulas, quotes,
// newlines, markup, "]]>", emoji, right-to-left text, NUL, control
// characters, invalid UTF-8, a 1 MiB name) exported to GeoJSON, GeoPackage,
// CSV and KML, then read back with GDAL (and KML with expat, a strict XML
// parser; GeoJSON with nlohmann): every name identical to the documented
// form (geo/io/text_output.hpp: NUL and invalid UTF-8 → U+FFFD everywhere;
// KML also replaces what XML 1.0 cannot carry; CSV after removing one leading
// apostrophe — byte for byte with a strict RFC 4180 reader; GDAL's CSV reader
// turns a CR inside a cell into LF), and no CSV cell a spreadsheet would run
// as a formula.
#include <gtest/gtest.h>

#include <expat.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>
#include <nlohmann/json.hpp>

#include "geo/io/exporters.hpp"
#include "geo/io/table_output.hpp"
#include "geo/io/text_output.hpp"
#include "tests/support/test_support.hpp"

namespace {

namespace fs = std::filesystem;
using namespace std::string_literals;

const std::string kFffd = "\xEF\xBF\xBD";

std::vector<std::string> hostile_names() {
    return {
        "=HYPERLINK(\"http://x.invalid\",\"clic\")",
        "+33 2 47 05 58 08",
        "-2+3+cmd|' /C calc'!A0",
        "@SUM(1+1)*cmd|' /C calc'!A0",
        "\tTab first",
        "\rCR first",
        "'already quoted",
        "-12",
        "Quote \"double\" and 'single', comma; semicolon | pipe",
        "Line one\nline two\r\nline three",
        "<b>bold</b> & <script>alert(1)</script> &amp;",
        "a]]>b ]]]]> <![CDATA[ inner ]]>",
        "Emoji 🏰🍷 Château d’Amboise",
        "قصر شامبور — שאטו — \u202Eevil\u202C",
        "NUL\0inside"s,
        "C0 \x01\x02\x1f controls \x7f",
        "Invalid \xff\xfe UTF-8 \xc3",
        "Noncharacter \xEF\xBF\xBE",
        std::string(1 << 20, 'A') + "é",
    };
}

// The name as every format carries it (NUL and invalid UTF-8 replaced).
std::string expected_text(const std::string& name) {
    return geo::valid_utf8(name);
}

// The name as KML carries it: also no C0 control but TAB, LF, CR, no U+FFFE.
std::string expected_kml(const std::string& name) {
    std::string out;
    geo::append_xml_text(out, name);
    // Undo the entities: what a parser returns.
    std::string plain;
    for (std::size_t i = 0; i < out.size();) {
        if (out[i] != '&') {
            plain.push_back(out[i++]);
            continue;
        }
        const std::size_t end = out.find(';', i);
        const std::string entity = out.substr(i, end - i + 1);
        plain += entity == "&amp;"    ? "&"
                 : entity == "&lt;"   ? "<"
                 : entity == "&gt;"   ? ">"
                 : entity == "&quot;" ? "\""
                 : entity == "&apos;" ? "'"
                                      : "\r";  // &#13;
        i = end + 1;
    }
    return plain;
}

std::vector<geo::OfferItem> hostile_items() {
    std::vector<geo::OfferItem> items;
    for (const std::string& name : hostile_names()) {
        geo::OfferItem item;
        item.id = static_cast<std::int64_t>(items.size()) + 1;
        item.source = "hostile";
        item.source_id = "h" + std::to_string(item.id);
        item.name = name;
        item.producer = name;
        item.family = geo::Family::heritage;
        item.position = {0.6 + 0.001 * static_cast<double>(item.id), 47.39};
        items.push_back(std::move(item));
    }
    return items;
}

std::vector<geo::Territory> hostile_territories() {
    std::vector<geo::Territory> out;
    for (const std::string& name : hostile_names()) {
        geo::Territory t;
        t.id = static_cast<std::int64_t>(out.size()) + 1;
        t.name = name;
        t.code = name;
        t.level = geo::TerritoryLevel::commune;
        t.source = "hostile";
        const double x = 0.5 + 0.01 * static_cast<double>(t.id);
        t.geometry.polygons.push_back(
            geo::Polygon{{geo::Ring{{x, 47.0}, {x + 0.005, 47.0}, {x + 0.005, 47.005}, {x, 47.0}}}});
        out.push_back(std::move(t));
    }
    return out;
}

GDALDatasetUniquePtr open_vector(const fs::path& path) {
    GDALAllRegister();
    return GDALDatasetUniquePtr(
        GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr));
}

// The values of `field` in every feature of the first layer, in order.
std::vector<std::string> read_field(const fs::path& path, const char* field) {
    std::vector<std::string> out;
    auto ds = open_vector(path);
    EXPECT_TRUE(ds) << path;
    if (!ds) return out;
    OGRLayer* layer = ds->GetLayer(0);
    for (auto& feature : *layer) {
        const int index = feature->GetFieldIndex(field);
        EXPECT_GE(index, 0) << path << ": no field " << field;
        out.push_back(index >= 0 ? feature->GetFieldAsString(index) : "");
    }
    return out;
}

// A short description of a mismatch (names can be 1 MiB).
std::string shown(const std::string& s) {
    std::string out;
    constexpr char kHex[] = "0123456789abcdef";
    for (unsigned char c : s.substr(0, 60))
        out += c < 0x20 ? std::string("\\x") + kHex[c >> 4] + kHex[c & 0xF] : std::string(1, static_cast<char>(c));
    return "\"" + out + (s.size() > 60 ? "…\" (" + std::to_string(s.size()) + " bytes)" : "\"");
}

void expect_same(const std::vector<std::string>& got, const std::vector<std::string>& want, const std::string& what) {
    ASSERT_EQ(got.size(), want.size()) << what;
    for (std::size_t i = 0; i < want.size(); ++i)
        EXPECT_TRUE(got[i] == want[i]) << what << " #" << i << ": got " << shown(got[i]) << ", want " << shown(want[i]);
}

std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// Parses with expat (strict, non-validating); "" when well-formed, else the error.
// Collects the character data of every <name> element.
struct XmlNames {
    std::vector<std::string> names;
    std::string current;
    int depth_in_name = 0;
};

std::string parse_xml(const std::string& text, XmlNames& names) {
    XML_Parser parser = XML_ParserCreate("UTF-8");
    XML_SetUserData(parser, &names);
    XML_SetElementHandler(
        parser,
        [](void* user, const XML_Char* tag, const XML_Char**) {
            auto* n = static_cast<XmlNames*>(user);
            if (std::string_view(tag).ends_with("name")) {
                n->depth_in_name = 1;
                n->current.clear();
            }
        },
        [](void* user, const XML_Char* tag) {
            auto* n = static_cast<XmlNames*>(user);
            if (n->depth_in_name && std::string_view(tag).ends_with("name")) {
                n->names.push_back(n->current);
                n->depth_in_name = 0;
            }
        });
    XML_SetCharacterDataHandler(parser, [](void* user, const XML_Char* s, int len) {
        auto* n = static_cast<XmlNames*>(user);
        if (n->depth_in_name) n->current.append(s, static_cast<std::size_t>(len));
    });
    std::string error;
    if (XML_Parse(parser, text.data(), static_cast<int>(text.size()), 1) == XML_STATUS_ERROR)
        error = std::string(XML_ErrorString(XML_GetErrorCode(parser))) + " at line " +
                std::to_string(XML_GetCurrentLineNumber(parser));
    XML_ParserFree(parser);
    return error;
}

// GDAL's CSV reader reads a quoted cell line by line and joins the lines
// with LF: CR LF and a lone CR inside a cell come back as LF.
std::string gdal_csv_form(const std::string& name) {
    const std::string text = expected_text(name);
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '\r') {
            out.push_back(text[i]);
        } else if (i + 1 == text.size() || text[i + 1] != '\n') {
            out.push_back('\n');
        }
    }
    return out;
}

// A strict RFC 4180 reader (no line-ending normalisation): the rows of a file.
std::vector<std::vector<std::string>> parse_rfc4180(const std::string& text) {
    std::vector<std::vector<std::string>> rows(1);
    std::string cell;
    bool quoted = false;
    bool was_quoted = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
                cell.push_back('"');
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                cell.push_back(c);
            }
        } else if (c == '"' && cell.empty() && !was_quoted) {
            quoted = was_quoted = true;
        } else if (c == ',') {
            rows.back().push_back(std::move(cell));
            cell.clear();
            was_quoted = false;
        } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
            rows.back().push_back(std::move(cell));
            cell.clear();
            was_quoted = false;
            rows.emplace_back();
            ++i;
        } else {
            EXPECT_TRUE(c != '"' && c != '\n' && c != '\r') << "unquoted special byte " << int(c);
            cell.push_back(c);
        }
    }
    if (rows.back().empty()) rows.pop_back();
    return rows;
}

// The column `field` of a CSV file read with parse_rfc4180.
std::vector<std::string> rfc4180_column(const fs::path& path, const std::string& field) {
    const auto rows = parse_rfc4180(read_file(path));
    std::vector<std::string> out;
    if (rows.empty()) return out;
    const auto column = std::find(rows[0].begin(), rows[0].end(), field) - rows[0].begin();
    for (std::size_t r = 1; r < rows.size(); ++r) {
        EXPECT_EQ(rows[r].size(), rows[0].size()) << path << " row " << r;
        out.push_back(static_cast<std::size_t>(column) < rows[r].size() ? rows[r][column] : "");
    }
    return out;
}

bool live_formula(const std::string& cell) {
    return geo::csv_needs_neutralising(cell) && cell[0] != '\'';
}

std::vector<std::string> expected(const std::vector<std::string>& names, std::string (*form)(const std::string&)) {
    std::vector<std::string> out;
    for (const auto& n : names) out.push_back(form(n));
    return out;
}

}  // namespace

TEST(HostileNames, GeoJsonGeoPackageReadBackIdentical) {
    const auto items = hostile_items();
    const auto want = expected(hostile_names(), expected_text);
    for (const char* name : {"items.geojson", "items.gpkg"}) {
        const auto path = test::temp_dir() / name;
        auto written = geo::export_items(items, path.string());
        ASSERT_TRUE(written) << written.error().message;
        expect_same(read_field(path, "name"), want, std::string(name) + " name (GDAL)");
        expect_same(read_field(path, "producer"), want, std::string(name) + " producer (GDAL)");
    }
    const auto path = test::temp_dir() / "items.geojson";
    ASSERT_TRUE(geo::export_items(items, path.string()));
    const std::string text = read_file(path);
    for (char c : text)
        ASSERT_TRUE(c == '\n' || static_cast<unsigned char>(c) >= 0x20) << "raw control character in the GeoJSON";
    const auto doc = nlohmann::json::parse(text);  // throws on invalid JSON or UTF-8
    std::vector<std::string> names;
    for (const auto& f : doc["features"]) names.push_back(f["properties"]["name"]);
    expect_same(names, want, "GeoJSON name (nlohmann)");
}

TEST(HostileNames, KmlIsWellFormedXmlAndReadsBackIdentical) {
    const auto dir = test::temp_dir();
    const auto want = expected(hostile_names(), expected_kml);
    {
        const auto path = dir / "items.kml";
        auto written = geo::export_items(hostile_items(), path.string());
        ASSERT_TRUE(written) << written.error().message;
        XmlNames xml;
        const std::string error = parse_xml(read_file(path), xml);
        ASSERT_EQ(error, "") << path;
        // The layer name, then one <name> per placemark.
        ASSERT_EQ(xml.names.size(), want.size() + 1);
        xml.names.erase(xml.names.begin());
        expect_same(xml.names, want, "KML <name> (expat)");
        expect_same(read_field(path, "name"), want, "KML name (GDAL)");
        expect_same(read_field(path, "producer"), want, "KML producer (GDAL)");
    }
    {
        const auto path = dir / "territories.kml";
        auto written = geo::export_territories(hostile_territories(), path.string());
        ASSERT_TRUE(written) << written.error().message;
        XmlNames xml;
        ASSERT_EQ(parse_xml(read_file(path), xml), "");
        expect_same(read_field(path, "name"), want, "KML territory name (GDAL)");
        expect_same(read_field(path, "code"), want, "KML territory code (GDAL)");
    }
}

TEST(HostileNames, CsvHasNoLiveFormulaAndReadsBackAfterRemovingThePrefix) {
    const auto dir = test::temp_dir();
    const auto want = expected(hostile_names(), expected_text);
    const auto want_gdal = expected(hostile_names(), gdal_csv_form);
    const auto check = [&](const fs::path& path, const char* field) {
        for (const bool gdal : {true, false}) {
            const auto cells = gdal ? read_field(path, field) : rfc4180_column(path, field);
            std::vector<std::string> stripped;
            for (const auto& cell : cells) {
                EXPECT_FALSE(live_formula(cell)) << path << ": " << shown(cell);
                stripped.emplace_back(geo::strip_csv_neutraliser(cell));
            }
            expect_same(stripped, gdal ? want_gdal : want,
                        path.filename().string() + " " + field + (gdal ? " (GDAL)" : " (RFC 4180)"));
        }
    };
    const auto items = dir / "items.csv";
    auto written = geo::export_items(hostile_items(), items.string());
    ASSERT_TRUE(written) << written.error().message;
    check(items, "name");
    check(items, "producer");
    const auto territories = dir / "territories.csv";
    written = geo::export_territories(hostile_territories(), territories.string());
    ASSERT_TRUE(written) << written.error().message;
    check(territories, "name");
    check(territories, "code");
    // Report tables (gap zones, benchmarks): text cells neutralised, numbers kept.
    geo::TextTable table;
    table.header = {"commune", "label_lon", "score"};
    for (const auto& name : hostile_names()) table.rows.push_back({name, "-0.5", "-12.25"});
    const auto report = dir / "zones.csv";
    ASSERT_TRUE(geo::write_csv_table(report.string(), table));
    check(report, "commune");
    for (const auto& v : read_field(report, "label_lon")) EXPECT_EQ(v, "-0.5");
    for (const auto& v : read_field(report, "score")) EXPECT_EQ(v, "-12.25");
}

TEST(HostileNames, CsvRawKeepsCellsAsTheyAre) {
    const auto path = test::temp_dir() / "raw.csv";
    geo::ExportOptions options;
    options.csv.cells = geo::CsvCells::raw;
    ASSERT_TRUE(geo::export_items(hostile_items(), path.string(), options));
    const auto names = read_field(path, "name");
    ASSERT_FALSE(names.empty());
    EXPECT_EQ(names[0], "=HYPERLINK(\"http://x.invalid\",\"clic\")");
    EXPECT_EQ(names[6], "'already quoted");
}
