#include "geo/core/json_text.hpp"

#include <utility>
#include <vector>

#include <fmt/format.h>

namespace geo {
namespace {

constexpr std::string_view kEllipsis = "…";

// Length of the longest prefix of s[0, n) that ends on a UTF-8 character boundary.
std::size_t utf8_prefix(std::string_view s, std::size_t n) {
    if (n >= s.size()) return s.size();
    while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0U) == 0x80U) --n;
    return n;
}

// Appends to `out` while the budget lasts; false once it is spent.
class Budget {
public:
    Budget(std::string& out, std::size_t max_bytes) : m_out(out), m_max(max_bytes) {}
    bool put(std::string_view text) {
        if (m_full) return false;
        if (m_out.size() + text.size() > m_max) {
            m_out.append(text.substr(0, utf8_prefix(text, m_max - m_out.size())));
            m_out.append(kEllipsis);
            m_full = true;
            return false;
        }
        m_out.append(text);
        return true;
    }

private:
    std::string& m_out;
    std::size_t m_max;
    bool m_full = false;
};

std::string scalar_text(const nlohmann::json& v, std::size_t max_bytes) {
    if (!v.is_string()) return v.dump();
    const auto& s = v.get_ref<const std::string&>();
    // A long string is cut before it is escaped, so that the cost stays bounded.
    const std::string_view head(s.data(), utf8_prefix(s, max_bytes + 1));
    return nlohmann::json(std::string(head)).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace

int json_depth(std::string_view text, int limit) {
    int depth = 0, deepest = 0;
    bool in_string = false, escaped = false;
    for (const char c : text) {
        if (in_string) {
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"')
                in_string = false;
            continue;
        }
        if (c == '"')
            in_string = true;
        else if (c == '[' || c == '{') {
            if (++depth > deepest && (deepest = depth) > limit) return limit + 1;
        } else if (c == ']' || c == '}') {
            if (depth > 0) --depth;
        }
    }
    return deepest;
}

Result<nlohmann::json> parse_json(std::string_view text, const std::string& where, int max_depth) {
    if (json_depth(text, max_depth) > max_depth) return fail_fmt("{}: nesting deeper than {} levels", where, max_depth);
    try {
        return nlohmann::json::parse(text);
    } catch (const nlohmann::json::parse_error& e) {
        // e.what() reads "[json.exception.parse_error.101] parse error at line 1, column 5: …".
        std::string what = e.what();
        if (const auto at = what.find("] "); at != std::string::npos) what.erase(0, at + 2);
        return fail_fmt("{}: not valid JSON ({}, at byte {})", where, text_excerpt(what, 160), e.byte);
    } catch (const nlohmann::json::exception& e) {
        // out_of_range.406: a number too large for a double ("1e999").
        std::string what = e.what();
        if (const auto at = what.find("] "); at != std::string::npos) what.erase(0, at + 2);
        return fail_fmt("{}: not valid JSON ({})", where, text_excerpt(what, 160));
    }
}

std::string json_excerpt(const nlohmann::json& v, std::size_t max_bytes) {
    std::string out;
    Budget budget(out, max_bytes);
    // An explicit stack of (container, next index) instead of recursion.
    struct Frame {
        const nlohmann::json* container;
        nlohmann::json::const_iterator next;
    };
    std::vector<Frame> stack;
    auto open = [&](const nlohmann::json& j) -> bool {
        if (!j.is_structured()) return budget.put(scalar_text(j, max_bytes));
        if (!budget.put(j.is_array() ? "[" : "{")) return false;
        stack.push_back({&j, j.cbegin()});
        return true;
    };
    if (!open(v)) return out;
    while (!stack.empty()) {
        Frame& top = stack.back();
        if (top.next == top.container->cend()) {
            const bool array = top.container->is_array();
            stack.pop_back();
            if (!budget.put(array ? "]" : "}")) return out;
            continue;
        }
        if (top.next != top.container->cbegin() && !budget.put(",")) return out;
        const auto it = top.next++;
        if (top.container->is_object() && !budget.put(nlohmann::json(it.key()).dump() + ":")) return out;
        if (!open(*it)) return out;
    }
    return out;
}

std::string text_excerpt(std::string_view s, std::size_t max_bytes) {
    if (s.size() <= max_bytes) return std::string(s);
    std::string out(s.substr(0, utf8_prefix(s, max_bytes)));
    out.append(kEllipsis);
    return out;
}

}  // namespace geo
