#pragma once
// Names of the offer's themes in French and English, as the source gives
// them (DATAtourisme: each hasTheme's rdfs:label, e.g. "kb:NearARiverOrStream"
// → "À proximité d'une rivière ou d'un ruisseau" / "Near a river or stream"),
// kept by the catalogue for the interface. A theme the source did not name
// reads as its id made readable ("kb:InTheCountryside" → "In the countryside").
// Values; the lookup is immutable after construction (safe to share). No
// failure modes.
// Thread-safety: const methods and readable_theme_id() are safe to call concurrently (no mutable state).
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace geo {

struct ThemeName {
    std::string id;  // as stored on the items, e.g. "kb:Renaissance"
    std::string name_fr, name_en;
};

class ThemeNames {
public:
    ThemeNames() = default;
    explicit ThemeNames(const std::vector<ThemeName>& names);
    // The name in French (`french`) or English, the other language when the
    // source gave only one, else the id made readable.
    [[nodiscard]] std::string display(const std::string& id, bool french) const;
    [[nodiscard]] std::size_t size() const { return m_names.size(); }

private:
    std::map<std::string, ThemeName, std::less<>> m_names;
};

// "kb:NearARiverOrStream" → "Near a river or stream"; "wine" → "Wine".
std::string readable_theme_id(std::string_view id);

}  // namespace geo
