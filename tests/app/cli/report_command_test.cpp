// territoire report end to end on the real sample (issue 14, acceptance 2):
// the DATAtourisme feed, the communes of 37 and 41 and the départements 37,
// 41, 72 and 36; Indre-et-Loire as ours against the three others; two target
// audiences. The HTML must be well-formed (xmllint, no network), fetch
// nothing, and hold every section title and the segments table's figures as
// `territoire segments -o seg.json` gives them, formatted here independently;
// the PDF (builds with the map window) the same, read back with pdftotext,
// and its pages must rasterise with pdftoppm.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <regex>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "geo/io/import.hpp"
#include "geo/io/report_document.hpp"
#include "geo/store/catalogue.hpp"
#include "tests/support/cli_process.hpp"
#include "tests/support/loire_fixture.hpp"
#include "tests/support/marketing_fixture.hpp"
#include "tests/support/sample_catalogue.hpp"

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

const std::vector<std::string> kCompetitors = {"--against", "departement:41,departement:72,departement:36"};

class ReportCommand : public test::LoireCatalogueTest {
protected:
    void SetUp() override {
        test::LoireCatalogueTest::SetUp();
        if (IsSkipped()) return;
        test::import_competitor_departements(catalogue);
    }
    test::CliRun territoire(std::vector<std::string> args) {
        args.insert(args.begin() + 1, {"--catalogue", catalogue.string()});
        return test::run_territoire(dir, args);
    }
    test::CliRun report(const std::string& output, const std::string& lang) {
        std::vector<std::string> args = {"report", "--audience", "patrimoine,oenotourisme", "--territory",
                                         "departement:37"};
        args.insert(args.end(), kCompetitors.begin(), kCompetitors.end());
        args.insert(args.end(),
                    {"--destination", "Val de Loire — Touraine", "--slogan", "Vivre la Renaissance", "--promise",
                     "Les châteaux à vélo, entre vignes et jardins", "--lang", lang, "-o", (dir / output).string()});
        return territoire(args);
    }
    json segments() {
        std::vector<std::string> args = {"segments", "--territory", "departement:37"};
        args.insert(args.end(), kCompetitors.begin(), kCompetitors.end());
        args.insert(args.end(), {"-o", (dir / "seg.json").string()});
        const auto run = territoire(args);
        EXPECT_EQ(run.exit_code, 0) << run.err;
        std::ifstream in(dir / "seg.json");
        return json::parse(in);
    }
};

// Whitespace runs as one space (pdftotext breaks lines where the page does).
std::string collapsed(const std::string& text) {
    return std::regex_replace(text, std::regex("\\s+"), " ");
}

// x with `decimals` decimals in the language's mark (values below 1 000 here).
std::string decimal(double x, int decimals, bool fr) {
    std::string s = fmt::format("{:.{}f}", x, decimals);
    if (fr) std::replace(s.begin(), s.end(), '.', ',');
    return s;
}

std::string percent(double share, bool fr) {
    return fmt::format("{}{}%", static_cast<long>(std::lround(100.0 * share)), fr ? " " : "");
}

// Each segment's rank and name, score, fits and shares, as the table shows them.
void expect_segment_figures(const std::string& text, const json& segments, bool fr) {
    const std::string flat = collapsed(text);
    ASSERT_GE(segments.at("segments").size(), 6u);
    for (const json& s : segments.at("segments")) {
        const std::string name = s.at(fr ? "name_fr" : "name_en");
        EXPECT_NE(flat.find(fmt::format("{}. {}", s.at("rank").get<int>(), name)), std::string::npos) << name;
        for (const char* key : {"score", "our_fit_per_km2", "competitors_fit_per_km2"})
            EXPECT_NE(flat.find(decimal(s.at(key).get<double>(), 2, fr)), std::string::npos) << name << " " << key;
        for (const char* key : {"perimeter_share_inside", "label_share", "gap_share"})
            EXPECT_NE(flat.find(percent(s.at(key).get<double>(), fr)), std::string::npos) << name << " " << key;
    }
}

void expect_every_section(const std::string& text, geo::ReportLanguage lang) {
    const std::string flat = collapsed(text);
    const auto titles = geo::report_section_titles(lang);
    for (std::size_t i = 0; i < titles.size(); ++i) {
        std::size_t count = 0;
        for (std::size_t at = flat.find(titles[i]); at != std::string::npos; at = flat.find(titles[i], at + 1)) ++count;
        // The four parts of a target appear once per target.
        EXPECT_GE(count, i >= 4 ? 2u : 1u) << titles[i];
    }
}

TEST_F(ReportCommand, HtmlIsSelfContainedWellFormedAndHoldsEverySectionAndTheSegmentsFigures) {
    const json seg = segments();
    const auto run = report("report.html", "fr");
    ASSERT_EQ(run.exit_code, 0) << run.err;
    EXPECT_NE(run.out.find("2 targets"), std::string::npos) << run.out;
    const std::string html = test::read_text(dir / "report.html");
    ASSERT_FALSE(html.empty());

    const int xml = std::system(fmt::format("xmllint --noout --nonet '{}'", (dir / "report.html").string()).c_str());
    EXPECT_EQ(xml, 0) << "xmllint rejects the report";
    for (const char* fetches : {"<script", "<link", "<img", "<iframe", "<object", " src=", "@import", "href=\""})
        EXPECT_EQ(html.find(fetches), std::string::npos) << fetches;
    for (std::size_t at = html.find("url("); at != std::string::npos; at = html.find("url(", at + 1))
        EXPECT_EQ(html.compare(at, 5, "url(#"), 0) << "only in-document references: " << html.substr(at, 40);
    // Maps and charts are inline SVG: the bars, then per target a map, a radar and a gaps map.
    std::size_t svgs = 0;
    for (std::size_t at = html.find("<svg"); at != std::string::npos; at = html.find("<svg", at + 1)) ++svgs;
    EXPECT_EQ(svgs, 1u + 2u * 3u);

    std::string text = std::regex_replace(html, std::regex("<[^>]*>"), " ");
    text = std::regex_replace(text, std::regex("&amp;"), "&");
    text = std::regex_replace(text, std::regex("&quot;"), "\"");
    expect_every_section(text, geo::ReportLanguage::fr);
    expect_segment_figures(text, seg, true);
    for (const char* cover : {"Val de Loire — Touraine", "Vivre la Renaissance", "entre vignes et jardins",
                              "Licence Ouverte", "Amateurs de patrimoine", "Œnotouristes"})
        EXPECT_NE(text.find(cover), std::string::npos) << cover;
}

TEST_F(ReportCommand, PdfHasEverySectionTitleAndTheSegmentsFiguresAndItsPagesRasterise) {
    const json seg = segments();
    const auto run = report("report.pdf", "en");
    if (!TERRITOIRE_HAS_GUI) {  // the CLI-only build has no cairo: it says so
        EXPECT_EQ(run.exit_code, 2);
        EXPECT_NE(run.err.find("HTML only"), std::string::npos) << run.err;
        EXPECT_FALSE(fs::exists(dir / "report.pdf"));
        return;
    }
    ASSERT_EQ(run.exit_code, 0) << run.err;
    const std::regex pages_re(", (\\d+) pages\\)");
    std::smatch m;
    ASSERT_TRUE(std::regex_search(run.out, m, pages_re)) << run.out;
    const int pages = std::stoi(m[1]);
    EXPECT_GE(pages, 6);
    const auto pdf = (dir / "report.pdf").string();
    ASSERT_EQ(std::system(fmt::format("pdftotext -enc UTF-8 '{}' '{}/report.txt'", pdf, dir.string()).c_str()), 0);
    const std::string text = test::read_text(dir / "report.txt");
    expect_every_section(text, geo::ReportLanguage::en);
    expect_segment_figures(text, seg, false);
    for (const char* words : {"Val de Loire — Touraine", "Heritage lovers", "Licence Ouverte"})
        EXPECT_NE(collapsed(text).find(words), std::string::npos) << words;
    ASSERT_EQ(std::system(fmt::format("pdftoppm -r 20 -png '{}' '{}/page'", pdf, dir.string()).c_str()), 0);
    int rasters = 0;
    for (const auto& entry : fs::directory_iterator(dir))
        if (entry.path().filename().string().rfind("page", 0) == 0 && entry.path().extension() == ".png") ++rasters;
    EXPECT_EQ(rasters, pages);
}

TEST_F(ReportCommand, BadInputExitsWithAClearMessageAndWritesNothing) {
    struct Case {
        std::vector<std::string> args;
        int exit_code;
        std::string message;
    };
    const std::string out = (dir / "bad.html").string();
    const std::vector<Case> cases = {
        {{"report", "--audience", "astronautes", "--territory", "departement:37", "--against", "departement:41", "-o",
          out},
         2,
         "astronautes"},
        {{"report", "--audience", "patrimoine", "--territory", "departement:99", "--against", "departement:41", "-o",
          out},
         2,
         "territory departement:99"},
        {{"report", "--audience", "patrimoine", "--territory", "departement:37", "--against", "departement:41", "-o",
          (dir / "bad.txt").string()},
         2,
         "OUT.html or OUT.pdf"},
        {{"report", "--audience", "patrimoine", "--territory", "departement:37", "--against", "departement:41",
          "--lang", "de", "-o", out},
         2,
         "--lang de"},
    };
    for (const Case& c : cases) {
        const auto run = territoire(c.args);
        EXPECT_EQ(run.exit_code, c.exit_code) << c.message << ": " << run.err;
        EXPECT_NE(run.err.find(c.message), std::string::npos) << run.err;
        EXPECT_FALSE(fs::exists(out));
        EXPECT_FALSE(fs::exists(dir / "bad.txt"));
    }
}

}  // namespace
