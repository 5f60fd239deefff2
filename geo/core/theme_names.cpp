#include "geo/core/theme_names.hpp"

#include <cctype>

namespace geo {

ThemeNames::ThemeNames(const std::vector<ThemeName>& names) {
    for (const ThemeName& n : names) m_names.emplace(n.id, n);
}

std::string ThemeNames::display(const std::string& id, bool french) const {
    if (const auto it = m_names.find(id); it != m_names.end()) {
        const std::string& first = french ? it->second.name_fr : it->second.name_en;
        const std::string& second = french ? it->second.name_en : it->second.name_fr;
        if (!first.empty()) return first;
        if (!second.empty()) return second;
    }
    return readable_theme_id(id);
}

std::string readable_theme_id(std::string_view id) {
    if (const auto colon = id.find(':'); colon != std::string_view::npos) id.remove_prefix(colon + 1);
    std::string out;
    for (std::size_t i = 0; i < id.size(); ++i) {
        const auto c = static_cast<unsigned char>(id[i]);
        if (c == '_' || c == '-') {
            out += ' ';
            continue;
        }
        // A capital that starts a word: after a lower-case letter or a digit,
        // or the last capital of a run before lower case ("ARiver").
        const auto prev = i > 0 ? static_cast<unsigned char>(id[i - 1]) : 0;
        const auto next = i + 1 < id.size() ? static_cast<unsigned char>(id[i + 1]) : 0;
        const bool new_word = std::isupper(c) && i > 0 &&
                              (std::islower(prev) || std::isdigit(prev) || (std::isupper(prev) && std::islower(next)));
        if (new_word) out += ' ';
        out += static_cast<char>(out.empty() ? std::toupper(c) : (new_word ? std::tolower(c) : c));
    }
    return out;
}

}  // namespace geo
