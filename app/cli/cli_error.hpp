#pragma once
// The one error convention of the command-line interface: a command fails
// with an exit code (2 for bad usage, 1 for everything else: unreadable or
// malformed input, unknown audience, empty catalogue, analysis failures) and
// one message on stderr, "territoire <command>: <message>", which names the
// file, record or option and the problem.
// Threads: CliError is a plain value; cli_fail() and finish() write one line
//   to stderr in one fmt::print call, on the command's (main) thread.
// Failures: none reported; fmt::print throws std::system_error when stderr
//   cannot be written.
#include <string>
#include <string_view>

#include <tl/expected.hpp>

namespace app::cli {

struct CliError {
    int exit_code = 1;
    std::string message;
};
template <class T>
using CliResult = tl::expected<T, CliError>;

// Prints the message as above and returns `exit_code`, for `return cli_fail(…)`.
int cli_fail(std::string_view command, int exit_code, std::string_view message);

// The exit code of a command's outcome (0 on success); prints the error.
int finish(const char* command, const CliResult<void>& outcome);

}  // namespace app::cli
