#include "tests/support/test_support.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <iomanip>
#include <sstream>
#include <stdexcept>

namespace test {

std::filesystem::path shared_data() { return TERRITOIRE_SHARED_DATA_DIR; }

std::filesystem::path test_data() { return TERRITOIRE_TEST_DATA_DIR; }

std::filesystem::path temp_dir() {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    std::string name = info ? std::string(info->test_suite_name()) + "." + info->name() : "test";
    for (char& c : name)
        if (c == '/') c = '_';
    auto dir = std::filesystem::path(TERRITOIRE_BINARY_DIR) / "test-tmp" / name;
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    return dir;
}

const geo::Taxonomy& default_taxonomy() {
    static const geo::Taxonomy taxonomy = [] {
        auto t = geo::Taxonomy::load_default();
        if (!t) throw std::runtime_error(t.error().message);
        return *std::move(t);
    }();
    return taxonomy;
}

std::string file_checksum(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return "";
    std::uint64_t h = 1469598103934665603ULL;
    char buf[65536];
    while (in.read(buf, sizeof buf) || in.gcount() > 0) {
        for (std::streamsize i = 0; i < in.gcount(); ++i) {
            h ^= static_cast<unsigned char>(buf[i]);
            h *= 1099511628211ULL;
        }
    }
    std::ostringstream os;
    os << std::hex << std::setw(16) << std::setfill('0') << h;
    return os.str();
}

}  // namespace test
