#include "geo/core/text_fold.hpp"

#include <cstdint>
#include <filesystem>

namespace geo {
namespace {

// The fold of one code point of U+00C0…U+017F, or nullptr to keep it.
const char* fold_latin(std::uint32_t cp) {
    // U+00C0 … U+00FF (Latin-1 Supplement, letters).
    static constexpr const char* kLatin1[64] = {
        "a", "a", "a", "a", "a", "a", "ae", "c",     "e", "e", "e", "e", "i", "i", "i",  "i",  //
        "d", "n", "o", "o", "o", "o", "o",  nullptr, "o", "u", "u", "u", "u", "y", "th", "ss",
        "a", "a", "a", "a", "a", "a", "ae", "c",     "e", "e", "e", "e", "i", "i", "i",  "i",  //
        "d", "n", "o", "o", "o", "o", "o",  nullptr, "o", "u", "u", "u", "u", "y", "th", "y"};
    if (cp >= 0xC0 && cp <= 0xFF) return kLatin1[cp - 0xC0];
    if (cp == 0x152 || cp == 0x153) return "oe";
    if (cp == 0x178) return "y";
    if (cp >= 0x100 && cp <= 0x17F) {
        // Latin Extended-A: pairs (upper, lower) of accented letters; the
        // base letter by range is enough for search.
        static constexpr struct {
            std::uint32_t from, to;
            const char* base;
        } kRanges[] = {{0x100, 0x105, "a"}, {0x106, 0x10D, "c"}, {0x10E, 0x111, "d"}, {0x112, 0x11B, "e"},
                       {0x11C, 0x123, "g"}, {0x124, 0x127, "h"}, {0x128, 0x131, "i"}, {0x134, 0x135, "j"},
                       {0x136, 0x138, "k"}, {0x139, 0x142, "l"}, {0x143, 0x14B, "n"}, {0x14C, 0x151, "o"},
                       {0x154, 0x159, "r"}, {0x15A, 0x161, "s"}, {0x162, 0x167, "t"}, {0x168, 0x173, "u"},
                       {0x174, 0x175, "w"}, {0x176, 0x177, "y"}, {0x179, 0x17E, "z"}};
        for (const auto& r : kRanges)
            if (cp >= r.from && cp <= r.to) return r.base;
    }
    return nullptr;
}

bool is_separator(std::uint32_t cp) {
    return cp == ' ' || cp == '-' || cp == '\'' || cp == '\t' || cp == 0x2019 /* ’ */ || cp == 0x2018 || cp == 0x2010 ||
           cp == 0x2011 || cp == 0x2013 || cp == 0x2014 || cp == 0xA0 /* no-break space */ || cp == 0x202F;
}

}  // namespace

std::string fold_text(std::string_view utf8) {
    std::string out;
    out.reserve(utf8.size());
    bool pending_space = false;
    const auto put = [&](std::string_view s) {
        if (pending_space && !out.empty()) out.push_back(' ');
        pending_space = false;
        out.append(s);
    };
    for (std::size_t i = 0; i < utf8.size();) {
        // Decode one UTF-8 sequence; an invalid one is kept byte by byte.
        const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(utf8[k]); };
        const auto c = byte(i);
        std::size_t len = c < 0x80                ? 1
                          : c >= 0xC2 && c < 0xE0 ? 2
                          : c >= 0xE0 && c < 0xF0 ? 3
                          : c >= 0xF0 && c < 0xF5 ? 4
                                                  : 0;
        bool valid = len > 0 && i + len <= utf8.size();
        for (std::size_t k = 1; valid && k < len; ++k) valid = (byte(i + k) & 0xC0) == 0x80;
        if (!valid) {
            put(utf8.substr(i, 1));
            ++i;
            continue;
        }
        std::uint32_t cp = c;
        if (len == 2) cp = ((c & 0x1Fu) << 6) | (byte(i + 1) & 0x3Fu);
        if (len == 3) cp = ((c & 0x0Fu) << 12) | ((byte(i + 1) & 0x3Fu) << 6) | (byte(i + 2) & 0x3Fu);
        if (len == 4) cp = 0x10000;  // beyond the folded ranges: kept as it is
        if (is_separator(cp)) {
            pending_space = true;
        } else if (cp < 0x80) {
            const char lower = static_cast<char>(cp >= 'A' && cp <= 'Z' ? cp - 'A' + 'a' : cp);
            put(std::string_view(&lower, 1));
        } else if (const char* folded = fold_latin(cp)) {
            put(folded);
        } else {
            put(utf8.substr(i, len));
        }
        i += len;
    }
    return out;
}

namespace {

char lower_byte(char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

char upper_byte(char c) {
    return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
}

bool same_ci(std::string_view a, std::string_view b) {
    for (std::size_t i = 0; i < a.size(); ++i)
        if (lower_byte(a[i]) != lower_byte(b[i])) return false;
    return true;
}

}  // namespace

std::string ascii_lower(std::string_view text) {
    std::string out(text);
    for (char& c : out) c = lower_byte(c);
    return out;
}

std::string ascii_upper(std::string_view text) {
    std::string out(text);
    for (char& c : out) c = upper_byte(c);
    return out;
}

bool ascii_iequals(std::string_view a, std::string_view b) {
    return a.size() == b.size() && same_ci(a, b);
}

bool ascii_istarts_with(std::string_view text, std::string_view prefix) {
    return text.size() >= prefix.size() && same_ci(text.substr(0, prefix.size()), prefix);
}

bool ascii_iends_with(std::string_view text, std::string_view suffix) {
    return text.size() >= suffix.size() && same_ci(text.substr(text.size() - suffix.size()), suffix);
}

std::string lower_extension(std::string_view path) {
    return ascii_lower(std::filesystem::path(path).extension().string());
}

}  // namespace geo
