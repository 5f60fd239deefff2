#include "app/cli/cli_error.hpp"

#include <cstdio>

#include <fmt/core.h>

namespace app::cli {

int cli_fail(std::string_view command, int exit_code, std::string_view message) {
    fmt::print(stderr, "territoire {}: {}\n", command, message);
    return exit_code;
}

int finish(const char* command, const CliResult<void>& outcome) {
    if (outcome) return 0;
    return cli_fail(command, outcome.error().exit_code, outcome.error().message);
}

}  // namespace app::cli
