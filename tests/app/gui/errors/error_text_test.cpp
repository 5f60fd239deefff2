// geo::Error in French: every English template written in the code has its
// French with the same fields, and real errors from geo/ read in French.
#include "app/gui/errors/error_text.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "geo/core/taxonomy.hpp"
#include "geo/io/import.hpp"
#include "geo/io/input_file.hpp"
#include "geo/store/catalogue.hpp"
#include "tests/support/test_support.hpp"

namespace {

namespace fs = std::filesystem;
using app::gui::error_text;
using app::gui::Language;

fs::path source_root() {
    return fs::path(TERRITOIRE_SOURCE_DATA_DIR).parent_path();
}

std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// One C string literal starting at text[i] (a '"'): its value, and i moved
// past it. Escapes \" \\ \n \t are decoded; others are kept as written.
std::string read_literal(const std::string& text, std::size_t& i) {
    std::string out;
    for (++i; i < text.size() && text[i] != '"'; ++i) {
        if (text[i] != '\\' || i + 1 == text.size()) {
            out += text[i];
            continue;
        }
        const char e = text[++i];
        out += e == 'n' ? '\n' : e == 't' ? '\t' : e;
    }
    ++i;
    return out;
}

void skip_space(const std::string& text, std::size_t& i) {
    while (i < text.size() && (text[i] == ' ' || text[i] == '\n' || text[i] == '\r' || text[i] == '\t')) ++i;
}

// The templates given to the four template-taking calls in one file, with
// where they were found.
void collect_templates(const fs::path& file, std::map<std::string, std::string>& out) {
    const std::string text = read_file(file);
    for (const char* call : {"fail_fmt(", "error_fmt(", "with_context_fmt(", "with_note_fmt("}) {
        for (std::size_t at = text.find(call); at != std::string::npos; at = text.find(call, at + 1)) {
            std::size_t i = at + std::char_traits<char>::length(call);
            skip_space(text, i);
            if (i >= text.size() || text[i] != '"') continue;  // a declaration, not a call
            std::string msgid;
            while (i < text.size() && text[i] == '"') {
                msgid += read_literal(text, i);
                skip_space(text, i);
            }
            const auto line = std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(at), '\n') + 1;
            out.emplace(msgid, fmt::format("{}:{}", fs::relative(file, source_root()).string(), line));
        }
    }
}

std::vector<fs::path> sources_under(const std::string& folder) {
    std::vector<fs::path> files;
    for (const auto& entry : fs::recursive_directory_iterator(source_root() / folder)) {
        const std::string ext = entry.path().extension().string();
        if (entry.is_regular_file() && (ext == ".cpp" || ext == ".hpp")) files.push_back(entry.path());
    }
    return files;
}

// The fields of a template: each "{…}" that is not "{{", with its content.
std::vector<std::string> fields(std::string_view t) {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < t.size(); ++i) {
        if (t[i] == '{' && i + 1 < t.size() && t[i + 1] == '{') {
            ++i;
            continue;
        }
        if (t[i] != '{') continue;
        const std::size_t end = t.find('}', i);
        if (end == std::string_view::npos) break;
        out.emplace_back(t.substr(i + 1, end - i - 1));
        i = end;
    }
    return out;
}

TEST(ErrorText, EveryTemplateInTheCodeHasItsFrenchWithTheSameFields) {
    std::map<std::string, std::string> templates;  // msgid → where
    for (const char* folder : {"geo", "app/gui", "app/print"})
        for (const fs::path& file : sources_under(folder)) collect_templates(file, templates);
    ASSERT_GT(templates.size(), 300U) << "the scan found too few templates: is the source tree there?";

    for (const auto& [msgid, where] : templates) {
        const char* fr = app::gui::french_template(msgid);
        if (fr == nullptr) {
            ADD_FAILURE() << where << ": no French for \"" << msgid << "\" (add it to app/gui/errors/error_fr_*.cpp)";
            continue;
        }
        const std::vector<std::string> en_fields = fields(msgid), fr_fields = fields(fr);
        EXPECT_EQ(en_fields.size(), fr_fields.size()) << where << ": \"" << msgid << "\" → \"" << fr << "\"";
        std::set<std::string> positions;
        bool positional = false, automatic = false;
        for (const std::string& f : fr_fields) {
            EXPECT_EQ(f.find(':'), std::string::npos) << "no format spec in French: \"" << fr << "\"";
            (f.empty() ? automatic : positional) = true;
            if (!f.empty()) positions.insert(f);
        }
        EXPECT_FALSE(positional && automatic) << "mixed {} and {N}: \"" << fr << "\"";
        if (positional) {
            EXPECT_EQ(positions.size(), en_fields.size()) << "each {N} once: \"" << fr << "\"";
            for (const std::string& p : positions) EXPECT_LT(std::stoul(p), en_fields.size()) << "\"" << fr << "\"";
        }
    }
    // And no French is left behind for a message that is gone.
    for (const app::gui::ErrorTranslation& t : app::gui::error_translations())
        EXPECT_TRUE(templates.contains(t.en)) << "French for a template no code writes: \"" << t.en << "\"";
}

// A sentence of geo/'s own is a template: a bare fail() with English in it
// would reach the French interface untranslated.
TEST(ErrorText, GeoWritesItsMessagesFromTemplates) {
    for (const fs::path& file : sources_under("geo")) {
        if (file.filename() == "error.hpp") continue;
        const std::string text = read_file(file);
        for (const char* bare : {" fail(", "(fail(", "!fail(", "Error{\"", "Error(\"", "Error{fmt::", "Error(fmt::"}) {
            const std::size_t at = text.find(bare);
            EXPECT_EQ(at, std::string::npos) << file << ": \"" << bare << "\" at byte " << at << "; use fail_fmt";
        }
    }
}

TEST(ErrorText, RealErrorsFromGeoReadInFrench) {
    const auto dir = test::temp_dir();
    const std::string missing = (dir / "absent.geojson").string();
    auto checked = geo::check_input_file(missing, {});
    ASSERT_FALSE(checked);
    EXPECT_EQ(error_text(checked.error(), Language::en), missing + ": no such file");
    EXPECT_EQ(error_text(checked.error(), Language::fr), missing + " : fichier introuvable");

    // A file that holds no offer item: the import's refusal, its notes and
    // the catalogue's path, all in French.
    const fs::path empty = dir / "unusable.geojson";
    std::ofstream(empty)
        << R"({"type": "FeatureCollection", "features": [)"
        << R"({"type": "Feature", "geometry": null, "properties": {"name": "A", "family": "heritage"}}]})";
    auto catalogue = geo::Catalogue::open((dir / "cat.sqlite").string(), geo::Catalogue::Mode::create_or_open);
    ASSERT_TRUE(catalogue) << catalogue.error().message;
    auto taxonomy = geo::Taxonomy::load_default();
    ASSERT_TRUE(taxonomy) << taxonomy.error().message;
    auto report = geo::import_source(*catalogue, empty.string(), {}, *taxonomy);
    ASSERT_FALSE(report);
    const std::string fr = error_text(report.error(), Language::fr);
    EXPECT_NE(fr.find("rien à importer"), std::string::npos) << fr;
    EXPECT_NE(fr.find("le catalogue n'a pas été modifié"), std::string::npos) << fr;
    EXPECT_NE(fr.find("aucune géométrie"), std::string::npos) << "the record's reason in French too: " << fr;
    for (const char* english : {"nothing to import", "catalogue was not changed", "record", "no geometry"})
        EXPECT_EQ(fr.find(english), std::string::npos) << fr;

    // Not a catalogue: opening refuses, in French.
    const fs::path text = dir / "notes.sqlite";
    std::ofstream(text) << "this is not a database, only text long enough to be read as a header.............";
    auto opened = geo::Catalogue::open(text.string(), geo::Catalogue::Mode::read_only);
    ASSERT_FALSE(opened);
    const std::string open_fr = error_text(opened.error(), Language::fr);
    EXPECT_EQ(open_fr.find(text.string() + ": "), std::string::npos) << "French spacing: " << open_fr;
    EXPECT_NE(open_fr, opened.error().message);
}

TEST(ErrorText, ContextsNotesAndNumbersFollowTheLanguage) {
    const geo::Error e = geo::error_fmt("{}: {} is not a number in (0, {}]", std::string("cell_m"), 0.5, 100)
                             .with_context("/tmp/p.json")
                             .with_note_fmt("the catalogue was not changed");
    EXPECT_EQ(error_text(e, Language::en),
              "/tmp/p.json: cell_m: 0.5 is not a number in (0, 100]; the catalogue was not changed");
    const std::string fr = error_text(e, Language::fr);
    EXPECT_NE(fr.find("/tmp/p.json : cell_m : 0,5"), std::string::npos) << fr;
    EXPECT_NE(fr.find(" ; le catalogue n'a pas été modifié"), std::string::npos) << fr;
    // A plain decimal argument takes a decimal comma; data parts stay as they are.
    const geo::Error v = geo::Error("v1.5").with_context_fmt("territory {}", std::string("1.5"));
    EXPECT_EQ(error_text(v, Language::fr), "territoire 1,5 : v1.5");
}

}  // namespace
