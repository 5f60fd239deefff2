// The escaping layer of every text export: CSV formula neutralising (OWASP),
// XML character data, JSON strings, invalid UTF-8 and NUL.
#include "geo/io/text_output.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace {

using namespace std::string_literals;

std::string csv(std::string_view s, geo::CsvCells cells = geo::CsvCells::neutralised) {
    std::string out;
    geo::append_csv_cell(out, s, {cells, geo::CsvDialect::rfc4180});
    return out;
}

std::string xml(std::string_view s) {
    std::string out;
    geo::append_xml_text(out, s);
    return out;
}

std::string json(std::string_view s) {
    std::string out;
    geo::append_json_string(out, s);
    return out;
}

const std::string kFffd = "\xEF\xBF\xBD";

}  // namespace

TEST(CsvCell, FormulaTriggersGetAnApostrophe) {
    EXPECT_EQ(csv("=HYPERLINK(\"http://x.invalid\",\"clic\")"),
              "\"'=HYPERLINK(\"\"http://x.invalid\"\",\"\"clic\"\")\"");
    EXPECT_EQ(csv("+33 2 47 05 58 08"), "'+33 2 47 05 58 08");
    EXPECT_EQ(csv("-2+3+cmd|' /C calc'!A0"), "'-2+3+cmd|' /C calc'!A0");
    EXPECT_EQ(csv("@SUM(A1:A9)"), "'@SUM(A1:A9)");
    EXPECT_EQ(csv("\tTab"), "'\tTab");
    EXPECT_EQ(csv("\rCR"), "\"'\rCR\"");    // CR also forces quoting
    EXPECT_EQ(csv("'quoted"), "''quoted");  // so that one apostrophe always comes off
    EXPECT_EQ(csv("-"), "'-");
    EXPECT_EQ(csv("-1e5"), "'-1e5");
    EXPECT_EQ(csv("-1."), "'-1.");
}

TEST(CsvCell, PlainNumbersAndOrdinaryTextStayAsTheyAre) {
    for (const char* s :
         {"-0.5", "-12", "12.25", "0", "-1.0000001", "Château", "a=b", "", " =not at the start", "Tours; « salle » 1"})
        EXPECT_FALSE(geo::csv_needs_neutralising(s)) << s;
    EXPECT_EQ(csv("-0.5"), "-0.5");
    EXPECT_EQ(csv("a,b"), "\"a,b\"");
}

TEST(CsvCell, RawWritesEveryCellAsIs) {
    EXPECT_EQ(csv("=1+1", geo::CsvCells::raw), "=1+1");
    EXPECT_EQ(csv("'x", geo::CsvCells::raw), "'x");
}

TEST(CsvCell, TheFrenchSpreadsheetDialectTakesDecimalCommasAndQuotesSemicolons) {
    const geo::CsvOptions fr{geo::CsvCells::neutralised, geo::CsvDialect::excel_fr};
    const auto cell = [&](std::string_view s) {
        std::string out;
        geo::append_csv_cell(out, s, fr);
        return out;
    };
    EXPECT_EQ(cell("47.5861"), "47,5861");
    EXPECT_EQ(cell("-0.5"), "-0,5");
    EXPECT_EQ(cell("1399"), "1399");
    EXPECT_EQ(cell("a,b"), "a,b") << "a comma is not the separator here";
    EXPECT_EQ(cell("Tours; Blois"), "\"Tours; Blois\"");
    EXPECT_EQ(cell("1.2.3"), "1.2.3") << "not a number: left as text";
    EXPECT_EQ(cell("=1+1"), "'=1+1") << "still neutralised";
    EXPECT_EQ(geo::csv_separator(geo::CsvDialect::excel_fr), ';');
    EXPECT_EQ(geo::csv_preamble(geo::CsvDialect::excel_fr), "\xEF\xBB\xBF");
    EXPECT_EQ(geo::csv_preamble(geo::CsvDialect::rfc4180), "");
    std::string number;
    geo::append_csv_number(number, "-12.25", geo::CsvDialect::excel_fr);
    EXPECT_EQ(number, "-12,25");
}

TEST(CsvCell, StrippingOneApostropheUndoesNeutralising) {
    for (const std::string& s : {"=1+1"s, "'"s, "''"s, "'=x"s, "-0.5"s, "-x"s, "plain"s, ""s, "@"s, "\t"s}) {
        std::string written = geo::csv_needs_neutralising(s) ? "'" + s : s;
        EXPECT_EQ(geo::strip_csv_neutraliser(written), s) << s;
    }
}

TEST(CsvCell, NulAndInvalidUtf8BecomeReplacementCharacters) {
    EXPECT_EQ(csv("a\0b"s), "a" + kFffd + "b");
    EXPECT_EQ(csv("Ch\xe2teau"), "Ch" + kFffd + "teau");
}

TEST(XmlText, EntitiesNoCdataNeeded) {
    EXPECT_EQ(xml("a]]>b"), "a]]&gt;b");
    EXPECT_EQ(xml("<b>&amp;</b>"), "&lt;b&gt;&amp;amp;&lt;/b&gt;");
    EXPECT_EQ(xml("\"q\" 'a'"), "&quot;q&quot; &apos;a&apos;");
    EXPECT_EQ(xml("l1\nl2\tx\r\n"), "l1\nl2\tx&#13;\n");
    EXPECT_EQ(xml("Château 🏰 قصر"), "Château 🏰 قصر");
}

TEST(XmlText, CharactersXmlCannotCarryBecomeReplacementCharacters) {
    EXPECT_EQ(xml("a\0b"s), "a" + kFffd + "b");
    EXPECT_EQ(xml("\x01\x1f\x7f"), kFffd + kFffd + "\x7f");
    EXPECT_EQ(xml("\xEF\xBF\xBE\xEF\xBF\xBF\xEF\xBF\xBD"), kFffd + kFffd + kFffd);
    EXPECT_EQ(xml("\xff"), kFffd);
}

TEST(JsonString, ControlCharactersEscapedNulReplaced) {
    EXPECT_EQ(json("a\x01\x1f\n\"\\"), "\"a\\u0001\\u001f\\n\\\"\\\\\"");
    EXPECT_EQ(json("a\0b"s), "\"a" + kFffd + "b\"");
    EXPECT_EQ(json("\xc0\xaf"), "\"" + kFffd + kFffd + "\"");
}
