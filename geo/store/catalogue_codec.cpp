#include "geo/store/catalogue_codec.hpp"
#include "geo/core/json_text.hpp"

#include <algorithm>

#include <nlohmann/json.hpp>

namespace geo::store {

std::string encode_string_list(const std::vector<std::string>& values) {
    // Fast path (one per row and list on bulk imports, most lists empty):
    // printable ASCII needs no escape, and reads as nlohmann writes it.
    const auto plain = [](const std::string& v) {
        return std::all_of(v.begin(), v.end(), [](char c) {
            const auto b = static_cast<unsigned char>(c);
            return b >= 0x20 && b < 0x7F && c != '"' && c != '\\';
        });
    };
    if (std::all_of(values.begin(), values.end(), plain)) {
        std::string out = "[";
        for (const auto& v : values) {
            if (out.size() > 1) out += ',';
            out += '"';
            out += v;
            out += '"';
        }
        out += ']';
        return out;
    }
    return nlohmann::json(values).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::vector<std::string> decode_string_list(std::string_view text) {
    std::vector<std::string> out;
    if (text.size() <= 2) return out;  // "" or "[]"
    // Fast path for what encode_string_list writes without escapes.
    if (text.find('\\') == std::string_view::npos && text.front() == '[' && text.back() == ']') {
        size_t pos = 1;
        while (pos < text.size()) {
            const size_t open = text.find('"', pos);
            if (open == std::string_view::npos) break;
            const size_t close = text.find('"', open + 1);
            if (close == std::string_view::npos) break;
            out.emplace_back(text.substr(open + 1, close - open - 1));
            pos = close + 1;
        }
        return out;
    }
    if (json_depth(text) > kMaxJsonDepth) return out;
    auto parsed = nlohmann::json::parse(text, nullptr, false);
    if (!parsed.is_array()) return out;
    for (const auto& v : parsed)
        if (v.is_string()) out.push_back(v.get<std::string>());
    return out;
}

}  // namespace geo::store
