#pragma once
// Error and Result: every public geo/ function that can fail returns Result<T>.
// An Error carries one human-readable message naming the file, the layer or
// record, the bad value and what was expected, e.g.
//   objects/4/4c/15-….json: latitude "147.61" outside [-90, 90]
// Context is prepended on the way up with with_context() / with_context_fmt().
//
// The message is English. So that the GUI can show it in French, an Error
// also keeps its parts (outermost first): each is either data (a path, an
// id: shown as it is) or a message written from an English fmt template, a
// string literal given to fail_fmt / with_context_fmt, kept with its
// arguments as they were written. app/gui/error_text translates the
// templates (a test checks that every template written in geo/ and app/ has
// its translation). `message` is always the parts joined by ": ".
//
// Threads: plain values, safe to copy and move between threads (a worker
//   hands its Error to the GUI thread).
// Failures: none of their own; geo/ reports failures through Result, by
//   value rather than by exception. Reading value() of a
//   Result holding an error throws tl::bad_expected_access: test it first.
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <fmt/format.h>
#include <tl/expected.hpp>

namespace geo {

struct ErrorPart {
    // The English fmt template (a string literal with static storage), or
    // null when `text` is data to show as it is.
    const char* msgid = nullptr;
    // Each argument formatted with its field's format spec, in order.
    std::vector<std::string> args;
    std::string text;  // this part in English
    // What joins this part to the one before: ": " (a context before what
    // it contains), or "; " (a note added after, see with_note_fmt).
    bool note = false;
};

namespace detail {
// The format specs of the replacement fields of a template, in order: "{}"
// gives "", "{:.1f}" gives ":.1f". "{{" and "}}" are not fields.
std::vector<std::string> field_specs(std::string_view msgid);

// One part written from `msgid` (a string literal: its characters are
// kept by pointer) and its arguments.
template <class... A>
ErrorPart make_part(fmt::string_view msgid, const A&... args) {
    ErrorPart part{msgid.data(), {}, fmt::vformat(msgid, fmt::make_format_args(args...)), false};
    if constexpr (sizeof...(A) > 0) {
        const std::vector<std::string> specs = field_specs({msgid.data(), msgid.size()});
        part.args.reserve(sizeof...(A));
        const auto add = [&](const auto& arg) {
            const std::size_t i = part.args.size();
            part.args.push_back(
                fmt::format(fmt::runtime("{" + (i < specs.size() ? specs[i] : std::string()) + "}"), arg));
        };
        (add(args), ...);
    }
    return part;
}
}  // namespace detail

struct Error {
    std::string message;
    std::vector<ErrorPart> parts;  // outermost first, never empty

    Error() = default;
    // A message that is data or a library's own text, shown as it is.
    explicit Error(std::string text) : message(text), parts{ErrorPart{nullptr, {}, std::move(text), false}} {}
    Error(std::string text, std::vector<ErrorPart> text_parts)
        : message(std::move(text)), parts(std::move(text_parts)) {}

    // A copy whose message reads "context: message"; the context is data
    // (a path, a record's id), shown as it is in every language.
    [[nodiscard]] Error with_context(const std::string& context) const {
        return prepended(ErrorPart{nullptr, {}, context, false});
    }

    // A copy whose message reads "<context>: message", the context written
    // from an English template that app/gui/error_text translates.
    template <class... A>
    [[nodiscard]] Error with_context_fmt(fmt::format_string<A...> msgid, A&&... args) const {
        return prepended(detail::make_part(msgid, args...));
    }

    // A copy whose message reads "message; <note>", the note written from
    // an English template: "…; the import was rolled back".
    template <class... A>
    [[nodiscard]] Error with_note_fmt(fmt::format_string<A...> msgid, A&&... args) const {
        ErrorPart part = detail::make_part(msgid, args...);
        std::string text = part.text;
        return with_note(Error(std::move(text), {std::move(part)}));
    }

    // A copy whose message reads "message; <note's message>": another
    // Error added as a note, its parts kept for translation.
    [[nodiscard]] Error with_note(const Error& note) const;

    // A copy without its outermost part when that part is the data
    // `context` (a record's file, shown beside it already); else a copy.
    [[nodiscard]] Error without_context(const std::string& context) const;

private:
    [[nodiscard]] Error prepended(ErrorPart part) const {
        Error out(part.text + ": " + message, {});
        out.parts.reserve(parts.size() + 2);
        out.parts.push_back(std::move(part));
        if (parts.empty()) out.parts.push_back(ErrorPart{nullptr, {}, message, false});
        out.parts.insert(out.parts.end(), parts.begin(), parts.end());
        return out;
    }
};

template <class T>
using Result = tl::expected<T, Error>;

// An error whose message is data or a library's own text (sqlite3_errmsg,
// GDAL's last error): shown as it is in every language. A sentence of
// geo/'s own is written with fail_fmt.
inline tl::unexpected<Error> fail(std::string message) {
    return tl::unexpected<Error>(Error(std::move(message)));
}

// An error written from an English template (a string literal) and its
// arguments: fail_fmt("{}: latitude \"{}\" outside [-90, 90]", path, lat).
template <class... A>
Error error_fmt(fmt::format_string<A...> msgid, A&&... args) {
    ErrorPart part = detail::make_part(msgid, args...);
    std::string text = part.text;
    return Error(std::move(text), {std::move(part)});
}

// The same, as the unexpected value of a Result.
template <class... A>
tl::unexpected<Error> fail_fmt(fmt::format_string<A...> msgid, A&&... args) {
    return tl::unexpected<Error>(error_fmt(msgid, std::forward<A>(args)...));
}

}  // namespace geo
