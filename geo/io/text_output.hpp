#pragma once
// The one text-escaping layer of every text export (GeoJSON, CSV, KML, WKT):
// coordinates in degrees with at most 7 decimals, JSON string literals,
// RFC 4180 CSV cells (formula-neutralised) and XML character data, all
// appended to a caller-owned std::string so that a writer can reuse one
// buffer for millions of values (no iostream).
//
// Text from third-party feeds is hostile until written here. In every format:
// invalid UTF-8 bytes become U+FFFD, and so does NUL (C readers such as GDAL
// take it for the end of the string), so what a reader gets back is
// deterministic: the text, with those replaced.
// Units: degrees (WGS 84). Pure functions, thread-safe.
#include <cstdint>
#include <string>
#include <string_view>

namespace geo {

// Decimals written for a coordinate: 1e-7 deg is about 1 cm on the ground.
inline constexpr int kExportDecimals = 7;

// deg rounded to kExportDecimals decimals, half away from zero. The result is
// the double nearest to that decimal, so that re-reading the text gives it back.
double round_degrees(double deg);

// Appends deg rounded to kExportDecimals decimals in its shortest form:
// "47.3941", "-0.5", "1". Precondition: finite, |deg| < 1e11.
void append_degrees(std::string& out, double deg);

// Appends an integer in decimal.
void append_integer(std::string& out, long long value);

// Appends s as a JSON string literal, quotes included: escapes '"', '\\' and
// control characters (\n, \r, \t, \b, \f, else \u00XX); invalid UTF-8 bytes
// and NUL become U+FFFD so the output is always valid UTF-8 JSON.
void append_json_string(std::string& out, std::string_view s);

// s with every invalid UTF-8 sequence and NUL replaced by U+FFFD.
std::string valid_utf8(std::string_view s);

// Appends s as one RFC 4180 field, as is: quoted (inner quotes doubled) when
// it holds the separator, a quote, CR or LF; invalid UTF-8 and NUL become
// U+FFFD. For cells we produce ourselves (numbers, WKT); text goes through
// append_csv_cell.
void append_csv_field(std::string& out, std::string_view s, char separator = ',');

// CSV formula injection (OWASP "CSV Injection"): a spreadsheet that opens a
// CSV runs a cell starting with = + - @ TAB or CR as a formula
// (=HYPERLINK("http://…") in an item name from a third-party feed).
//   neutralised (default): such a cell is written with a leading apostrophe
//     ('=HYPERLINK(…)), which spreadsheets show as text; so is a cell that
//     itself starts with an apostrophe ('' + rest), so that the rule can be
//     undone exactly: remove one leading apostrophe from every cell that
//     starts with one (strip_csv_neutraliser). Cells that are a plain decimal
//     number (-?digits[.digits], e.g. a longitude -0.5) are left as they are:
//     no spreadsheet reads a formula in them.
//   raw: every cell as is (`--csv-raw`), for tools that read CSV as data.
enum class CsvCells : std::uint8_t { neutralised, raw };

// CSV dialects (`--csv-dialect`), for who opens the file:
//   rfc4180 (default): comma-separated, decimal points, no BOM: what tools
//     read as data (QGIS, pandas, R, databases, an English spreadsheet).
//   excel_fr ("excel-fr"): semicolon-separated, decimal commas in the number
//     cells (those -?digits[.digits]: 47,5861), and a UTF-8 byte-order mark
//     so that accents read right: what a spreadsheet in a French (or German,
//     Italian, Spanish…) locale opens with a double click. Cells that are not
//     a plain number keep their text (a WKT geometry keeps its points).
// Both: CRLF line ends, fields quoted when they hold the separator, a quote,
// CR or LF.
enum class CsvDialect : std::uint8_t { rfc4180, excel_fr };
std::string_view csv_dialect_id(CsvDialect d);  // "rfc4180", "excel-fr"
char csv_separator(CsvDialect d);               // ',' or ';'
// What comes before the header: "" or the UTF-8 BOM.
std::string_view csv_preamble(CsvDialect d);

struct CsvOptions {
    CsvCells cells = CsvCells::neutralised;
    CsvDialect dialect = CsvDialect::rfc4180;
};

// Appends a number cell we produce (-?digits[.digits], or an integer) in the
// dialect's decimal mark; never neutralised.
void append_csv_number(std::string& out, std::string_view number, CsvDialect d);
// Appends s as one CSV cell: neutralised per `cells`, a plain decimal number in
// the dialect's decimal mark, then as append_csv_field with its separator.
void append_csv_cell(std::string& out, std::string_view s, const CsvOptions& options);
// True when append_csv_cell(…, neutralised) prefixes s with an apostrophe.
bool csv_needs_neutralising(std::string_view s);
// The inverse of neutralisation, for a cell as read back: s without its first
// character when that is an apostrophe, else s.
std::string_view strip_csv_neutraliser(std::string_view cell);

// Appends s as XML 1.0 character data, usable in element content and in
// attribute values: & < > " ' as entities (so "]]>" cannot end anything), CR
// as &#13; (parsers would turn a raw CR into LF), TAB and LF as they are.
// Characters XML 1.0 cannot carry at all (C0 controls other than TAB, LF,
// CR; U+FFFE, U+FFFF), invalid UTF-8 and NUL become U+FFFD.
void append_xml_text(std::string& out, std::string_view s);

}  // namespace geo
