#include "geo/core/taxonomy_keys.hpp"

#include "geo/core/text_fold.hpp"

#include <cctype>

namespace geo::detail {
namespace {

// Drops a URI's namespace: everything up to the last '#', or up to the last
// '/' of an http(s) URI without fragment.
std::string_view local_name(std::string_view s) {
    if (ascii_istarts_with(s, "http://") || ascii_istarts_with(s, "https://")) {
        if (auto hash = s.rfind('#'); hash != std::string_view::npos) return s.substr(hash + 1);
        if (auto slash = s.rfind('/'); slash != std::string_view::npos) return s.substr(slash + 1);
    }
    return s;
}

std::string alnum_lower(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (char c : s) {
        auto u = static_cast<unsigned char>(c);
        if (std::isalnum(u) != 0) out.push_back(static_cast<char>(std::tolower(u)));
    }
    return out;
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front())) != 0) s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back())) != 0) s.remove_suffix(1);
    return s;
}
}  // namespace

std::string_view datatourisme_class_key(std::string_view type) {
    type = trim(local_name(trim(type)));
    if (type.starts_with("schema:")) type.remove_prefix(7);
    return type;
}

std::string datatourisme_label_key(std::string_view review_id) {
    review_id = local_name(trim(review_id));
    if (ascii_istarts_with(review_id, "kb:")) review_id.remove_prefix(3);
    if (ascii_istarts_with(review_id, "LabelRating_")) review_id.remove_prefix(12);
    return alnum_lower(review_id);
}

std::string datatourisme_theme_key(std::string_view theme_id) {
    theme_id = local_name(trim(theme_id));
    if (ascii_istarts_with(theme_id, "kb:")) theme_id.remove_prefix(3);
    return alnum_lower(theme_id);
}

std::string fold_case(std::string_view text) {
    text = trim(text);
    std::string out(text);
    for (size_t i = 0; i < out.size(); ++i) {
        auto u = static_cast<unsigned char>(out[i]);
        if (u < 0x80) {
            out[i] = static_cast<char>(std::tolower(u));
        } else if (u == 0xC3 && i + 1 < out.size()) {
            // U+00C0..U+00DE (À..Þ, except × U+00D7) → U+00E0..U+00FE.
            auto v = static_cast<unsigned char>(out[i + 1]);
            if (v >= 0x80 && v <= 0x9E && v != 0x97) out[i + 1] = static_cast<char>(v + 0x20);
            ++i;
        } else if (u == 0xC5 && i + 1 < out.size() && out[i + 1] == '\x92') {
            out[i + 1] = '\x93';  // Œ → œ
            ++i;
        }
    }
    return out;
}

}  // namespace geo::detail
