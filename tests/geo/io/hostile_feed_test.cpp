// A DATAtourisme feed with hostile entries: each is skipped with a short
// reason naming it, and the good objects are still imported (issue 16).
#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <string>

#include <cpl_conv.h>
#include <gtest/gtest.h>

#include "geo/io/datatourisme_feed.hpp"
#include "geo/io/datatourisme_importer.hpp"
#include "tests/support/test_support.hpp"

namespace fs = std::filesystem;

namespace {

const char* kGood = "objects/15-4c9a94a5-520f-331d-8a8e-0e19a9b22a5f.json";  // Château de Chambord

fs::path shared_object(const std::string& name) {
    return test::shared_data() / "poi/datatourisme-touraine-2020/objects/4/4c" / name;
}

// A feed folder with Chambord as its one good object, no index.json.
fs::path feed_with_good_object() {
    const fs::path root = test::temp_dir() / "feed";
    fs::create_directories(root / "objects");
    fs::copy_file(shared_object("15-4c9a94a5-520f-331d-8a8e-0e19a9b22a5f.json"), root / kGood);
    return root;
}

std::map<std::string, std::string> skipped(const geo::ParsedItems& parsed) {
    std::map<std::string, std::string> out;
    for (const auto& s : parsed.report.skipped) out[s.record] = s.reason.message;
    return out;
}

void write(const fs::path& p, const std::string& text) {
    std::ofstream(p, std::ios::binary) << text;
}

TEST(HostileFeed, DeeplyNestedObjectIsSkippedTheRestImported) {
    const fs::path root = feed_with_good_object();
    const std::string deep(40'000, '[');
    write(root / "objects/deep_type.json", R"({"@id": "x", "@type": )" + deep + std::string(40'000, ']') + "}");
    write(root / "objects/deep_label.json", R"({"@id": "y", "rdfs:label": )" + deep + "]}");
    auto parsed = geo::parse_datatourisme(root.string(), test::default_taxonomy());
    ASSERT_TRUE(parsed) << parsed.error().message;
    auto s = skipped(*parsed);
    EXPECT_EQ(s["objects/deep_type.json"], "nesting deeper than 64 levels");
    EXPECT_EQ(s["objects/deep_label.json"], "nesting deeper than 64 levels");
    ASSERT_EQ(parsed->items.size(), 1u);
    EXPECT_EQ(parsed->items[0].name, "Château de Chambord");
}

TEST(HostileFeed, FifoDeviceAndHugeFilesAreRefusedWithoutReading) {
    const fs::path root = feed_with_good_object();
    ASSERT_EQ(mkfifo((root / "objects/fifo.json").c_str(), 0600), 0);  // would block an open() forever
    fs::create_symlink("/dev/zero", root / "objects/zero.json");       // would never end
    {
        std::ofstream big(root / "objects/big.json", std::ios::binary);
        big.seekp(static_cast<std::streamoff>(geo::detail::kMaxFeedFileBytes));  // sparse: 64 MiB + 1 byte
        big.put(' ');
    }
    auto parsed = geo::parse_datatourisme(root.string(), test::default_taxonomy());
    ASSERT_TRUE(parsed) << parsed.error().message;
    auto s = skipped(*parsed);
    EXPECT_EQ(s["objects/fifo.json"], "not a regular file (a pipe, a device or a folder)");
    EXPECT_EQ(s["objects/zero.json"], "not a regular file (a pipe, a device or a folder)");
    EXPECT_EQ(s["objects/big.json"], "67108865 bytes, over the limit of 64 MiB for one feed file");
    EXPECT_EQ(parsed->items.size(), 1u);
}

TEST(HostileFeed, ZipBombEntryIsRefusedBeforeInflating) {
    // 80 MiB of spaces compress to ~80 KB; the entry's listed size is checked
    // before any byte is inflated, so memory stays small.
    const fs::path zip = test::temp_dir() / "bomb.zip";
    void* z = CPLCreateZip(zip.c_str(), nullptr);
    ASSERT_NE(z, nullptr);
    std::ifstream good(shared_object("15-4c9a94a5-520f-331d-8a8e-0e19a9b22a5f.json"), std::ios::binary);
    const std::string good_bytes((std::istreambuf_iterator<char>(good)), std::istreambuf_iterator<char>());
    ASSERT_EQ(CPLCreateFileInZip(z, kGood, nullptr), CE_None);
    ASSERT_EQ(CPLWriteFileInZip(z, good_bytes.data(), static_cast<int>(good_bytes.size())), CE_None);
    ASSERT_EQ(CPLCloseFileInZip(z), CE_None);
    ASSERT_EQ(CPLCreateFileInZip(z, "objects/bomb.json", nullptr), CE_None);
    const std::string chunk(1 << 20, ' ');
    for (int i = 0; i < 80; ++i) ASSERT_EQ(CPLWriteFileInZip(z, chunk.data(), static_cast<int>(chunk.size())), CE_None);
    ASSERT_EQ(CPLCloseFileInZip(z), CE_None);
    ASSERT_EQ(CPLCloseZip(z), CE_None);
    EXPECT_LT(fs::file_size(zip), std::uintmax_t{1} << 20);

    auto parsed = geo::parse_datatourisme(zip.string(), test::default_taxonomy());
    ASSERT_TRUE(parsed) << parsed.error().message;
    auto s = skipped(*parsed);
    EXPECT_EQ(s["objects/bomb.json"], "83886080 bytes, over the limit of 64 MiB for one feed file");
    ASSERT_EQ(parsed->items.size(), 1u);
    EXPECT_EQ(parsed->items[0].name, "Château de Chambord");
}

}  // namespace
