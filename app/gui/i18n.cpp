#include "app/gui/i18n.hpp"

#include <algorithm>
#include <array>
#include <atomic>
#include <cmath>
#include <cstdlib>
#include <memory>
#include <string>

#include <fmt/format.h>

#include "app/gui/i18n_table.hpp"
#include "geo/core/taxonomy.hpp"

namespace app::gui {
namespace {

std::atomic<Language> g_language{Language::fr};
std::shared_ptr<const geo::Taxonomy> g_taxonomy;  // set once before the first frame

}  // namespace

Language language_from_environment() {
    for (const char* name : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
        const char* value = std::getenv(name);
        if (value == nullptr || *value == '\0') continue;
        return std::string(value).rfind("fr", 0) == 0 ? Language::fr : Language::en;
    }
    return Language::en;
}

void set_language(Language language) {
    g_language = language;
}
Language language() {
    return g_language;
}

const char* tr(Text text) {
    const I18nEntry& e = i18n_table()[static_cast<std::size_t>(text)];
    return g_language == Language::fr ? e.fr : e.en;
}

const char* perimeter_legend_title(std::size_t levels) {
    return tr(levels > 1 ? Text::legend_perimeter : Text::legend_perimeter_one);
}

bool i18n_table_is_consistent() {
    const auto table = i18n_table();
    for (std::size_t i = 0; i < table.size(); ++i)
        if (static_cast<std::size_t>(table[i].key) != i || *table[i].fr == '\0' || *table[i].en == '\0') return false;
    return true;
}

void load_label_names() {
    if (auto taxonomy = geo::Taxonomy::load_default())
        g_taxonomy = std::make_shared<const geo::Taxonomy>(std::move(*taxonomy));
}

std::string label_name(const std::string& id) {
    if (g_taxonomy)
        if (const geo::LabelInfo* info = g_taxonomy->label(id))
            return g_language == Language::fr || info->name_en.empty() ? info->name_fr : info->name_en;
    return id;
}

std::string subtype_names(const std::vector<std::string>& ids) {
    std::string out;
    for (const auto& id : ids) {
        const geo::SubtypeInfo* info = g_taxonomy ? g_taxonomy->subtype(id) : nullptr;
        const std::string& name =
            info == nullptr ? id
                            : (g_language == Language::fr || info->name_en.empty() ? info->name_fr : info->name_en);
        out += (out.empty() ? "" : ", ") + name;
    }
    return out;
}

std::string label_names(const std::vector<std::string>& ids) {
    std::string out;
    for (const auto& id : ids) out += (out.empty() ? "" : ", ") + label_name(id);
    return out;
}

std::string format_count(std::int64_t n) {
    std::string digits = std::to_string(n < 0 ? -n : n);
    // French groups with a narrow no-break space (U+202F), English with a comma.
    const std::string sep = g_language == Language::fr ? "\u202F" : ",";
    std::string out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += sep;
        out += digits[i];
    }
    return n < 0 ? "-" + out : out;
}

std::string items_shown_text(std::int64_t shown, std::int64_t total) {
    // French agrees with the count shown ("1 élément sur 5"), English with
    // the total ("1 of 5 items").
    const bool one = g_language == Language::fr ? shown <= 1 : total == 1;
    return fmt::format(fmt::runtime(tr(Text::items_shown)), format_count(shown), format_count(total),
                       tr(one ? Text::item_one : Text::item_many));
}

std::string format_number(double x, int decimals) {
    std::string s = fmt::format("{:.{}f}", x, decimals);
    if (g_language == Language::fr) std::replace(s.begin(), s.end(), '.', ',');
    return s;
}

std::string format_percent(double share, int decimals) {
    return format_number(share * 100.0, decimals) + (g_language == Language::fr ? " %" : "%");
}

const char* percent_slider_format() {
    return g_language == Language::fr ? "%.0f %%" : "%.0f%%";
}

std::string format_distance(double metres) {
    if (!std::isfinite(metres)) return "∞";
    return metres >= 1000.0 ? format_number(metres / 1000.0, 1) + " km" : format_number(metres, 0) + " m";
}

std::string_view family_name(geo::Family family) {
    return g_language == Language::fr ? geo::family_name_fr(family) : geo::family_name_en(family);
}

const char* level_name(geo::TerritoryLevel level) {
    static constexpr Text kLevels[] = {Text::level_commune,  Text::level_epci,        Text::level_departement,
                                       Text::level_region,   Text::level_destination, Text::level_competitor,
                                       Text::level_reference};
    return tr(kLevels[static_cast<std::size_t>(level)]);
}

}  // namespace app::gui
