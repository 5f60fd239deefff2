// ZipReader on archives written by GDAL's zip writer: stored and deflated
// entries, Zip64 (over 65,535 entries), damage found by the CRC, sizes
// checked before inflating; and a zipped feed of 70,000 objects is listed
// from the archive's central directory (issue 16: 60,000 took 40 s through
// /vsizip/; the speed itself is measured in tests/bench/datatourisme_bench).
#include "geo/io/zip_reader.hpp"

#include <cpl_conv.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "geo/io/datatourisme_feed.hpp"
#include "tests/support/test_support.hpp"

namespace fs = std::filesystem;

namespace {

void write_zip(const fs::path& path, int entries, const std::string& body) {
    void* z = CPLCreateZip(path.c_str(), nullptr);
    ASSERT_NE(z, nullptr);
    for (int i = 0; i < entries; ++i) {
        const std::string name = "feed/objects/" + std::to_string(i % 97) + "/" + std::to_string(i) + ".json";
        ASSERT_EQ(CPLCreateFileInZip(z, name.c_str(), nullptr), CE_None);
        const std::string text = body + std::to_string(i);
        ASSERT_EQ(CPLWriteFileInZip(z, text.data(), static_cast<int>(text.size())), CE_None);
        ASSERT_EQ(CPLCloseFileInZip(z), CE_None);
    }
    ASSERT_EQ(CPLCloseZip(z), CE_None);
}

TEST(ZipReader, ReadsEveryEntryOfAZip64ArchiveAndListsItsFeedFromTheDirectory) {
    const fs::path zip = test::temp_dir() / "many.zip";
    const std::string body(300, 'a');  // compresses: deflated entries
    write_zip(zip, 70'000, body);
    auto reader = geo::detail::ZipReader::open(zip.string());
    ASSERT_TRUE(reader) << reader.error().message;
    ASSERT_EQ(reader->entries().size(), 70'000u);  // past the 16-bit count: Zip64 end record
    const auto* e = reader->find("feed/objects/7/69847.json");
    ASSERT_NE(e, nullptr);
    EXPECT_EQ(e->method, 8);
    auto bytes = reader->read(*e, 1 << 20);
    ASSERT_TRUE(bytes) << bytes.error().message;
    EXPECT_EQ(*bytes, body + "69847");
    EXPECT_EQ(reader->find("feed/objects/7/nope.json"), nullptr);
    auto small = reader->read(*e, 100);  // listed size over the caller's limit: refused unread
    ASSERT_FALSE(small);
    EXPECT_EQ(small.error().message, "feed/objects/7/69847.json: 305 bytes, over the limit of 0 MiB for one feed file");

    // The feed on top of it: listed from the archive's directory, read by name.
    auto feed = geo::detail::open_datatourisme_feed(zip.string());
    ASSERT_TRUE(feed) << feed.error().message;
    EXPECT_EQ(feed->files.size(), 70'000u);
    EXPECT_EQ(feed->zip_prefix, "feed/");
    auto object = geo::detail::read_feed_file(*feed, "objects/3/100.json");
    ASSERT_TRUE(object) << object.error().message;
    EXPECT_EQ(*object, body + "100");
}

TEST(ZipReader, DamageIsFoundNotReturned) {
    const fs::path zip = test::temp_dir() / "one.zip";
    write_zip(zip, 3, std::string(5000, 'b'));
    {
        auto reader = geo::detail::ZipReader::open(zip.string());
        ASSERT_TRUE(reader);
        const auto& e = reader->entries()[1];
        // Flip one byte inside the deflated data of entry 1 (after its local
        // header: 30 bytes, the name, the extra field).
        std::fstream f(zip, std::ios::in | std::ios::out | std::ios::binary);
        unsigned char header[30];
        f.seekg(static_cast<std::streamoff>(e.local_header_offset));
        f.read(reinterpret_cast<char*>(header), 30);
        const std::uint64_t data =
            e.local_header_offset + 30 + (header[26] | header[27] << 8) + (header[28] | header[29] << 8);
        const auto at = static_cast<std::streamoff>(data + e.compressed_bytes / 2);
        f.seekg(at);
        char c = 0;
        f.get(c);
        f.seekp(at);
        f.put(static_cast<char>(c ^ 0x55));
    }
    auto reader = geo::detail::ZipReader::open(zip.string());
    ASSERT_TRUE(reader);
    EXPECT_TRUE(reader->read(reader->entries()[0], 1 << 20));
    auto damaged = reader->read(reader->entries()[1], 1 << 20);
    ASSERT_FALSE(damaged);
    EXPECT_TRUE(damaged.error().message.find("damaged") != std::string::npos) << damaged.error().message;

    fs::resize_file(zip, fs::file_size(zip) - 30);  // the end record cut off
    auto truncated = geo::detail::ZipReader::open(zip.string());
    ASSERT_FALSE(truncated);
    EXPECT_NE(truncated.error().message.find("not a readable zip archive"), std::string::npos);
    auto text = geo::detail::ZipReader::open((test::test_data() / "import/items.csv").string());
    EXPECT_FALSE(text);
}

}  // namespace
