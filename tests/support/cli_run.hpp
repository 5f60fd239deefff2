#pragma once
// Runs the territoire command line in-process (app::cli::run) for CLI tests.
#include <string>
#include <vector>

#include "app/cli/commands.hpp"

namespace test {

inline int run_cli(std::vector<std::string> args) {
    args.insert(args.begin(), "territoire");
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    return app::cli::run(static_cast<int>(argv.size()), argv.data());
}

}  // namespace test
