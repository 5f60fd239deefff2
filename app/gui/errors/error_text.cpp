#include "app/gui/errors/error_text.hpp"

#include <unordered_map>

#include <fmt/args.h>
#include <fmt/format.h>

namespace app::gui {
namespace {

const std::unordered_map<std::string_view, const char*>& french_index() {
    static const auto* index = [] {
        auto* map = new std::unordered_map<std::string_view, const char*>();
        for (const ErrorTranslation& t : error_translations()) map->emplace(t.en, t.fr);
        return map;
    }();
    return *index;
}

// "0.5" → "0,5"; anything but a plain decimal number is left as it is.
std::string french_number(const std::string& arg) {
    std::size_t i = arg.starts_with('-') ? 1 : 0, digits_before = 0, digits_after = 0;
    for (; i < arg.size() && arg[i] >= '0' && arg[i] <= '9'; ++i) ++digits_before;
    if (digits_before == 0 || i == arg.size() || arg[i] != '.') return arg;
    const std::size_t dot = i++;
    for (; i < arg.size() && arg[i] >= '0' && arg[i] <= '9'; ++i) ++digits_after;
    if (digits_after == 0 || i != arg.size()) return arg;
    std::string out = arg;
    out[dot] = ',';
    return out;
}

std::string french_part(const geo::ErrorPart& part) {
    if (part.msgid == nullptr) return part.text;
    const char* fr = french_template(part.msgid);
    if (fr == nullptr) return part.text;
    fmt::dynamic_format_arg_store<fmt::format_context> args;
    for (const std::string& a : part.args) args.push_back(french_number(a));
    try {
        return fmt::vformat(fr, args);
    } catch (const fmt::format_error&) {
        return part.text;
    }
}

}  // namespace

const char* french_template(std::string_view msgid) {
    const auto& index = french_index();
    const auto it = index.find(msgid);
    return it == index.end() ? nullptr : it->second;
}

std::vector<ErrorTranslation> error_translations() {
    std::vector<ErrorTranslation> all;
    for (auto table : {error_fr_io(), error_fr_analysis(), error_fr_store(), error_fr_gui()})
        all.insert(all.end(), table.begin(), table.end());
    return all;
}

std::string error_text(const geo::Error& error, Language language) {
    if (language != Language::fr || error.parts.empty()) return error.message;
    std::string out;
    for (const geo::ErrorPart& part : error.parts) {
        if (&part != &error.parts.front()) out += part.note ? " ; " : " : ";
        out += french_part(part);
    }
    return out;
}

std::string error_text(const geo::Error& error) {
    return error_text(error, language());
}

}  // namespace app::gui
