#include "geo/io/months.hpp"

#include "geo/core/text_fold.hpp"

#include <array>
#include <cctype>
#include <charconv>

namespace geo {
namespace {

struct MonthName {
    std::string_view name;
    int month;
};
// Lower-case names; accents as UTF-8.
constexpr MonthName kMonthNames[] = {
    {"jan", 1},       {"january", 1},   {"janvier", 1},   {"janv", 1},  {"feb", 2},       {"february", 2},
    {"février", 2},   {"fevrier", 2},   {"fév", 2},       {"fev", 2},   {"mar", 3},       {"march", 3},
    {"mars", 3},      {"apr", 4},       {"april", 4},     {"avril", 4}, {"avr", 4},       {"may", 5},
    {"mai", 5},       {"jun", 6},       {"june", 6},      {"juin", 6},  {"jul", 7},       {"july", 7},
    {"juillet", 7},   {"aug", 8},       {"august", 8},    {"août", 8},  {"aout", 8},      {"sep", 9},
    {"sept", 9},      {"september", 9}, {"septembre", 9}, {"oct", 10},  {"october", 10},  {"octobre", 10},
    {"nov", 11},      {"november", 11}, {"novembre", 11}, {"dec", 12},  {"december", 12}, {"décembre", 12},
    {"decembre", 12}, {"déc", 12},
};

std::string_view trim(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    return s;
}

MonthMask month_range(int from, int to) {
    MonthMask mask = 0;
    for (int m = from;; m = m % 12 + 1) {
        mask |= static_cast<MonthMask>(1u << (m - 1));
        if (m == to) break;
    }
    return mask;
}

bool is_alpha(char c) {
    return std::isalpha(static_cast<unsigned char>(c)) != 0;
}
bool is_digit(char c) {
    return std::isdigit(static_cast<unsigned char>(c)) != 0;
}

// Reads an OSM month abbreviation (three letters) at `pos`.
std::optional<int> read_osm_month(std::string_view s, size_t& pos) {
    if (pos + 3 > s.size()) return std::nullopt;
    if (pos + 3 < s.size() && is_alpha(s[pos + 3])) return std::nullopt;
    const auto m = month_from_text(s.substr(pos, 3));
    if (m) pos += 3;
    return m;
}

void skip_day(std::string_view s, size_t& pos) {
    size_t p = pos;
    while (p < s.size() && s[p] == ' ') ++p;
    if (p < s.size() && is_digit(s[p])) {
        while (p < s.size() && is_digit(s[p])) ++p;
        pos = p;
    }
}

// Parses a leading month selector ("Apr-Oct", "Jun 15-Sep 15", "Jan,Jul-Aug");
// returns 0 when the rule does not start with one.
MonthMask read_month_selector(std::string_view rule) {
    MonthMask mask = 0;
    size_t pos = 0;
    while (true) {
        const auto from = read_osm_month(rule, pos);
        if (!from) return mask;
        skip_day(rule, pos);
        int to = *from;
        if (pos < rule.size() && rule[pos] == '-') {
            size_t p = pos + 1;
            if (const auto m = read_osm_month(rule, p)) {
                to = *m;
                pos = p;
                skip_day(rule, pos);
            } else {
                skip_day(rule, p);  // "Jun 15-30": a range inside one month
                pos = p;
            }
        }
        mask |= month_range(*from, to);
        if (pos < rule.size() && rule[pos] == ',') {
            ++pos;
            continue;
        }
        return mask;
    }
}

}  // namespace

std::optional<int> month_from_text(std::string_view text) {
    text = trim(text);
    if (text.empty()) return std::nullopt;
    if (is_digit(text.front())) {
        int value = 0;
        const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
        if (ec != std::errc{} || end != text.data() + text.size() || value < 1 || value > 12) return std::nullopt;
        return value;
    }
    std::string lower = ascii_lower(text);
    if (!lower.empty() && lower.back() == '.') lower.pop_back();
    for (const auto& [name, month] : kMonthNames)
        if (name == lower) return month;
    return std::nullopt;
}

Result<MonthMask> parse_month_list(const std::vector<std::string>& values) {
    MonthMask mask = 0;
    for (const auto& raw : values) {
        const std::string_view value = trim(raw);
        if (value.empty()) continue;
        const size_t dash = value.find('-', 1);
        std::optional<int> from;
        std::optional<int> to;
        if (dash != std::string_view::npos) {
            from = month_from_text(value.substr(0, dash));
            to = month_from_text(value.substr(dash + 1));
        } else {
            from = to = month_from_text(value);
        }
        if (!from || !to)
            return fail_fmt("month \"{}\" is not a month (expected 1..12, a month name or a range like 4-10)", value);
        mask |= month_range(*from, *to);
    }
    return mask;
}

MonthMask months_from_opening_hours(std::string_view opening_hours) {
    MonthMask mask = 0;
    bool any_rule = false;
    size_t start = 0;
    while (start <= opening_hours.size()) {
        size_t end = opening_hours.find(';', start);
        if (end == std::string_view::npos) end = opening_hours.size();
        const std::string_view rule = trim(opening_hours.substr(start, end - start));
        start = end + 1;
        if (rule.empty()) continue;
        const std::string lower = ascii_lower(rule);
        if (lower.ends_with("off") || lower.ends_with("closed")) continue;
        const MonthMask rule_mask = read_month_selector(rule);
        if (rule_mask == 0) return 0;  // an open rule valid all year
        mask |= rule_mask;
        any_rule = true;
    }
    return any_rule ? mask : MonthMask{0};
}

}  // namespace geo
