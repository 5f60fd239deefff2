#pragma once
// Error and Result: every public geo/ function that can fail returns Result<T>.
// An Error carries one human-readable message naming the file, the layer or
// record, the bad value and what was expected, e.g.
//   objects/4/4c/15-….json: latitude "147.61" outside [-90, 90]
// Context is prepended on the way up with with_context().
// Threads: plain values, safe to copy and move between threads (a worker
//   hands its Error to the GUI thread).
// Failures: none of their own; geo/ reports failures through Result, by
//   value rather than by exception. Reading value() of a
//   Result holding an error throws tl::bad_expected_access: test it first.
#include <string>
#include <utility>

#include <tl/expected.hpp>

namespace geo {

struct Error {
    std::string message;

    // Returns a copy whose message reads "context: message".
    [[nodiscard]] Error with_context(const std::string& context) const { return Error{context + ": " + message}; }
};

template <class T>
using Result = tl::expected<T, Error>;

inline tl::unexpected<Error> fail(std::string message) {
    return tl::unexpected<Error>(Error{std::move(message)});
}

}  // namespace geo
