#pragma once
// Runs the built `territoire` binary in a child under resource limits, for
// the fault tests: an address-space cap (RLIMIT_AS), a CPU-time cap
// (RLIMIT_CPU), an optional file-size cap (RLIMIT_FSIZE, with SIGXFSZ
// ignored so that write() fails with EFBIG as on a full disk) and a
// wall-clock deadline after which the child is killed (a hang on a pipe
// uses no CPU). Reports how it ended, its output, its peak memory and CPU.
// Header-only. Threads: call from one thread at a time (fork).
// Failures: a child that cannot be started reports exit code 127.
#include <fcntl.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "tests/support/cli_process.hpp"

namespace test {

// No cap by default (an ASan build reserves terabytes of address space);
// kSweepLimits is the cap of issue 16: 2 GiB and 60 s of CPU.
struct Limits {
    rlim_t address_space_bytes = RLIM_INFINITY;
    rlim_t cpu_s = RLIM_INFINITY;
    rlim_t file_bytes = RLIM_INFINITY;
    std::chrono::seconds wall{180};
};
inline constexpr Limits kSweepLimits{rlim_t{2} << 30, 60, RLIM_INFINITY, std::chrono::seconds{90}};

struct LimitedRun {
    int exit_code = -1;  // when it exited
    int signal = 0;      // when a signal ended it (SIGKILL after the wall deadline: hung)
    bool hung = false;   // killed at the wall-clock deadline
    std::string out, err;
    double cpu_s = 0.0;    // user + system
    long max_rss_kib = 0;  // peak resident memory
    double wall_s = 0.0;
};

// `territoire ARGS` in `dir` under `limits`; stdout and stderr captured
// (through files in `dir`, removed afterwards). The child leads its own
// process group, which the deadline kills as a whole.
inline LimitedRun run_limited(const std::filesystem::path& dir, const std::vector<std::string>& args,
                              const Limits& limits = {}) {
    const std::filesystem::path out_path = dir / ".limited-stdout", err_path = dir / ".limited-stderr";
    const std::string binary = TERRITOIRE_BINARY_DIR "/app/territoire";
    const auto start = std::chrono::steady_clock::now();
    const pid_t pid = ::fork();
    if (pid == 0) {
        ::setpgid(0, 0);
        if (::chdir(dir.c_str()) != 0) ::_exit(127);
        const int out = ::open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        const int err = ::open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        if (out < 0 || err < 0) ::_exit(127);
        ::dup2(out, 1), ::dup2(err, 2), ::close(out), ::close(err);
        ::signal(SIGXFSZ, SIG_IGN);
        const rlimit as{limits.address_space_bytes, limits.address_space_bytes};
        const rlimit cpu{limits.cpu_s, limits.cpu_s};
        const rlimit fsize{limits.file_bytes, limits.file_bytes};
        ::setrlimit(RLIMIT_AS, &as);
        ::setrlimit(RLIMIT_CPU, &cpu);
        ::setrlimit(RLIMIT_FSIZE, &fsize);
        std::vector<char*> argv{const_cast<char*>(binary.c_str())};
        for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
        argv.push_back(nullptr);
        ::execv(binary.c_str(), argv.data());
        ::_exit(127);
    }
    LimitedRun run;
    int status = 0;
    rusage usage{};
    for (;;) {
        const pid_t done = ::wait4(pid, &status, WNOHANG, &usage);
        if (done == pid) break;
        if (std::chrono::steady_clock::now() - start > limits.wall) {
            run.hung = true;
            ::kill(-pid, SIGKILL);
            ::wait4(pid, &status, 0, &usage);
            break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    run.wall_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (WIFEXITED(status)) run.exit_code = WEXITSTATUS(status);
    if (WIFSIGNALED(status)) run.signal = WTERMSIG(status);
    run.cpu_s = static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
                1e-6 * static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec);
    run.max_rss_kib = usage.ru_maxrss;
    run.out = read_text(out_path);
    run.err = read_text(err_path);
    std::filesystem::remove(out_path);
    std::filesystem::remove(err_path);
    return run;
}

}  // namespace test
