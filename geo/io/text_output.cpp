#include "geo/io/text_output.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>

namespace geo {
namespace {

constexpr double kScale = 1e7;  // 10^kExportDecimals
static_assert(kExportDecimals == 7, "kScale must be 10^kExportDecimals");

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

// Length of the valid UTF-8 sequence starting at s[i], or 0 when invalid
// (overlong forms, surrogates and code points above U+10FFFF are invalid).
std::size_t utf8_length(std::string_view s, std::size_t i) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    const unsigned char c = byte(i);
    const std::size_t left = s.size() - i;
    const auto cont = [&](std::size_t k) { return (byte(k) & 0xC0) == 0x80; };
    if (c < 0x80) return 1;
    if (c >= 0xC2 && c <= 0xDF) return left >= 2 && cont(i + 1) ? 2 : 0;
    if (c >= 0xE0 && c <= 0xEF) {
        if (left < 3 || !cont(i + 1) || !cont(i + 2)) return 0;
        if (c == 0xE0 && byte(i + 1) < 0xA0) return 0;   // overlong
        if (c == 0xED && byte(i + 1) >= 0xA0) return 0;  // surrogate
        return 3;
    }
    if (c >= 0xF0 && c <= 0xF4) {
        if (left < 4 || !cont(i + 1) || !cont(i + 2) || !cont(i + 3)) return 0;
        if (c == 0xF0 && byte(i + 1) < 0x90) return 0;   // overlong
        if (c == 0xF4 && byte(i + 1) >= 0x90) return 0;  // > U+10FFFF
        return 4;
    }
    return 0;
}

// Copies s to out, calling special(c) for the ASCII bytes that need escaping
// per `needs_escape`; invalid UTF-8 bytes and NUL are replaced by U+FFFD.
template <class NeedsEscape, class Special>
void append_escaped(std::string& out, std::string_view s, NeedsEscape needs_escape, Special special) {
    std::size_t run = 0;
    std::size_t i = 0;
    while (i < s.size()) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c == 0) {
            out.append(s.data() + run, i - run);
            out.append(kReplacement);
            run = ++i;
            continue;
        }
        if (c < 0x80) {
            if (needs_escape(c)) {
                out.append(s.data() + run, i - run);
                special(c);
                run = ++i;
            } else {
                ++i;
            }
            continue;
        }
        const std::size_t n = utf8_length(s, i);
        if (n == 0) {
            out.append(s.data() + run, i - run);
            out.append(kReplacement);
            run = ++i;
        } else {
            i += n;
        }
    }
    out.append(s.data() + run, s.size() - run);
}

}  // namespace

double round_degrees(double deg) {
    return std::round(deg * kScale) / kScale;
}

void append_integer(std::string& out, long long value) {
    char buf[24];
    const auto res = std::to_chars(buf, buf + sizeof buf, value);
    out.append(buf, res.ptr);
}

void append_degrees(std::string& out, double deg) {
    // Integer arithmetic on the scaled value: exact, and several times faster
    // than formatting a double.
    const auto scaled = static_cast<long long>(std::llround(deg * kScale));
    const unsigned long long magnitude =
        scaled < 0 ? 0ULL - static_cast<unsigned long long>(scaled) : static_cast<unsigned long long>(scaled);
    if (scaled < 0) out.push_back('-');
    char buf[32];
    auto res = std::to_chars(buf, buf + sizeof buf, magnitude / 10'000'000ULL);
    out.append(buf, res.ptr);
    unsigned long long frac = magnitude % 10'000'000ULL;
    if (frac == 0) return;
    char digits[kExportDecimals];
    for (int k = kExportDecimals - 1; k >= 0; --k) {
        digits[k] = static_cast<char>('0' + frac % 10);
        frac /= 10;
    }
    int len = kExportDecimals;
    while (digits[len - 1] == '0') --len;
    out.push_back('.');
    out.append(digits, static_cast<std::size_t>(len));
}

void append_json_string(std::string& out, std::string_view s) {
    out.push_back('"');
    append_escaped(
        out, s, [](unsigned char c) { return c < 0x20 || c == '"' || c == '\\'; },
        [&out](unsigned char c) {
            switch (c) {
                case '"':
                    out.append("\\\"");
                    break;
                case '\\':
                    out.append("\\\\");
                    break;
                case '\n':
                    out.append("\\n");
                    break;
                case '\r':
                    out.append("\\r");
                    break;
                case '\t':
                    out.append("\\t");
                    break;
                case '\b':
                    out.append("\\b");
                    break;
                case '\f':
                    out.append("\\f");
                    break;
                default: {
                    constexpr char kHex[] = "0123456789abcdef";
                    const char esc[6] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 0xF]};
                    out.append(esc, sizeof esc);
                }
            }
        });
    out.push_back('"');
}

std::string valid_utf8(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    append_escaped(
        out, s, [](unsigned char) { return false; }, [](unsigned char) {});
    return out;
}

namespace {
// -?digits[.digits]: what csv_number() and append_degrees() write.
bool is_plain_decimal(std::string_view s) {
    std::size_t i = !s.empty() && s[0] == '-' ? 1 : 0;
    const auto digits = [&] {
        const std::size_t start = i;
        while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
        return i > start;
    };
    if (!digits()) return false;
    if (i < s.size() && s[i] == '.') {
        ++i;
        if (!digits()) return false;
    }
    return i == s.size();
}
}  // namespace

bool csv_needs_neutralising(std::string_view s) {
    if (s.empty()) return false;
    switch (s[0]) {
        case '=':
        case '+':
        case '-':
        case '@':
        case '\t':
        case '\r':
        case '\'':
            return !is_plain_decimal(s);
        default:
            return false;
    }
}

std::string_view strip_csv_neutraliser(std::string_view cell) {
    return !cell.empty() && cell[0] == '\'' ? cell.substr(1) : cell;
}

std::string_view csv_dialect_id(CsvDialect d) {
    return d == CsvDialect::excel_fr ? "excel-fr" : "rfc4180";
}

char csv_separator(CsvDialect d) {
    return d == CsvDialect::excel_fr ? ';' : ',';
}

std::string_view csv_preamble(CsvDialect d) {
    return d == CsvDialect::excel_fr ? std::string_view("\xEF\xBB\xBF") : std::string_view();
}

namespace {
// A plain decimal (-?digits[.digits]: no separator, quote or line end, so
// never quoted) in the dialect's decimal mark.
void append_plain_decimal(std::string& out, std::string_view number, CsvDialect d) {
    const std::size_t start = out.size();
    out.append(number);
    if (d == CsvDialect::excel_fr) std::replace(out.begin() + static_cast<std::ptrdiff_t>(start), out.end(), '.', ',');
}
}  // namespace

void append_csv_number(std::string& out, std::string_view number, CsvDialect d) {
    if (is_plain_decimal(number))
        append_plain_decimal(out, number, d);
    else
        append_csv_field(out, number, csv_separator(d));
}

void append_csv_cell(std::string& out, std::string_view s, const CsvOptions& options) {
    // A plain decimal is never neutralised (csv_needs_neutralising).
    if (is_plain_decimal(s)) {
        append_plain_decimal(out, s, options.dialect);
        return;
    }
    const char separator = csv_separator(options.dialect);
    if (options.cells == CsvCells::raw || !csv_needs_neutralising(s)) {
        append_csv_field(out, s, separator);
    } else {
        std::string prefixed;
        prefixed.reserve(s.size() + 1);
        prefixed.push_back('\'');
        prefixed.append(s);
        append_csv_field(out, prefixed, separator);
    }
}

void append_xml_text(std::string& out, std::string_view s) {
    std::size_t run = 0;
    std::size_t i = 0;
    const auto replace = [&](std::size_t length, std::string_view with) {
        out.append(s.data() + run, i - run);
        out.append(with);
        i += length;
        run = i;
    };
    while (i < s.size()) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c >= 0x80) {
            const std::size_t n = utf8_length(s, i);
            if (n == 0) {
                replace(1, kReplacement);
            } else if (n == 3 && c == 0xEF && static_cast<unsigned char>(s[i + 1]) == 0xBF &&
                       static_cast<unsigned char>(s[i + 2]) >= 0xBE) {
                replace(3, kReplacement);  // U+FFFE, U+FFFF: not XML characters
            } else {
                i += n;
            }
            continue;
        }
        switch (c) {
            case '&':
                replace(1, "&amp;");
                break;
            case '<':
                replace(1, "&lt;");
                break;
            case '>':
                replace(1, "&gt;");
                break;
            case '"':
                replace(1, "&quot;");
                break;
            case '\'':
                replace(1, "&apos;");
                break;
            case '\r':
                replace(1, "&#13;");
                break;
            case '\t':
            case '\n':
                ++i;
                break;
            default:
                if (c < 0x20)
                    replace(1, kReplacement);
                else
                    ++i;
        }
    }
    out.append(s.data() + run, s.size() - run);
}

void append_csv_field(std::string& out, std::string_view s, char separator) {
    const char specials[] = {separator, '"', '\r', '\n', '\0'};
    if (s.find_first_of(specials) == std::string_view::npos) {
        append_escaped(
            out, s, [](unsigned char) { return false; }, [](unsigned char) {});
        return;
    }
    out.push_back('"');
    append_escaped(
        out, s, [](unsigned char c) { return c == '"'; }, [&out](unsigned char) { out.append("\"\""); });
    out.push_back('"');
}

}  // namespace geo
