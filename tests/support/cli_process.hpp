#pragma once
// Runs the built `territoire` binary as a child process for end-to-end CLI
// tests: exit code, stdout and stderr. Header-only.
#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace test {

struct CliRun {
    int exit_code = -1;  // -1 when the child did not exit normally
    std::string out;
    std::string err;
};

inline std::string read_text(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

// 'text' for the shell; a single quote inside is written '\'' (so a quoted
// script can itself be quoted again).
inline std::string shell_quoted(const std::string& s) {
    std::string out = "'";
    for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

// `territoire ARGS` in `dir` through bash, after `prefix` (e.g. "ulimit -f 2;");
// `args` is already shell-quoted. The capture files are removed afterwards.
inline CliRun run_territoire_shell(const std::filesystem::path& dir, const std::string& args,
                                   const std::string& prefix = "") {
    const auto out = dir / "stdout.txt";
    const auto err = dir / "stderr.txt";
    const std::string script = "cd " + shell_quoted(dir.string()) + " && " + prefix + " exec " +
                               shell_quoted(TERRITOIRE_BINARY_DIR "/app/territoire") + " " + args;
    const std::string cmd =
        "bash -c " + shell_quoted(script) + " >" + shell_quoted(out.string()) + " 2>" + shell_quoted(err.string());
    const int status = std::system(cmd.c_str());
    CliRun run;
    run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    run.out = read_text(out);
    run.err = read_text(err);
    std::filesystem::remove(out);
    std::filesystem::remove(err);
    return run;
}

// Same with one argument per element, each quoted.
inline CliRun run_territoire(const std::filesystem::path& dir, const std::vector<std::string>& args) {
    std::string line;
    for (const auto& a : args) line += " " + shell_quoted(a);
    return run_territoire_shell(dir, line);
}

}  // namespace test
