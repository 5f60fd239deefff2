#include "geo/core/error.hpp"

namespace geo {

Error Error::with_note(const Error& note) const {
    Error out(message + "; " + note.message, parts);
    if (out.parts.empty()) out.parts.push_back(ErrorPart{nullptr, {}, message, false});
    const std::size_t first = out.parts.size();
    if (note.parts.empty())
        out.parts.push_back(ErrorPart{nullptr, {}, note.message, false});
    else
        out.parts.insert(out.parts.end(), note.parts.begin(), note.parts.end());
    out.parts[first].note = true;
    return out;
}

Error Error::without_context(const std::string& context) const {
    if (parts.size() < 2 || parts.front().msgid != nullptr || parts.front().text != context) return *this;
    Error out(message.substr(std::min(message.size(), context.size() + 2)), {parts.begin() + 1, parts.end()});
    return out;
}

}  // namespace geo

namespace geo::detail {

std::vector<std::string> field_specs(std::string_view msgid) {
    std::vector<std::string> specs;
    for (std::size_t i = 0; i < msgid.size(); ++i) {
        if (msgid[i] == '}' && i + 1 < msgid.size() && msgid[i + 1] == '}') {
            ++i;
            continue;
        }
        if (msgid[i] != '{') continue;
        if (i + 1 < msgid.size() && msgid[i + 1] == '{') {
            ++i;
            continue;
        }
        std::size_t depth = 1, end = i + 1;
        for (; end < msgid.size() && depth > 0; ++end) {
            if (msgid[end] == '{') ++depth;
            if (msgid[end] == '}') --depth;
        }
        const std::string_view field = msgid.substr(i + 1, end - i - 2);  // between the braces
        const std::size_t colon = field.find(':');
        specs.emplace_back(colon == std::string_view::npos ? std::string_view{} : field.substr(colon));
        i = end - 1;
    }
    return specs;
}

}  // namespace geo::detail
