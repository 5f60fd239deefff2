#include "geo/io/datatourisme_feed.hpp"

#include <algorithm>
#include <cctype>
#include <set>
#include <unordered_set>

#include <cpl_string.h>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "geo/core/json_text.hpp"
#include "geo/core/text_fold.hpp"
#include "geo/detail/gdal_errors.hpp"
#include "geo/detail/handles.hpp"

namespace geo::detail {
namespace {

// " (GDAL's message)" or "".
std::string gdal_detail(const GdalErrorCapture& capture) {
    return capture.has_errors() ? " (" + capture.message() + ")" : "";
}

enum class Kind { missing, file, dir };
Kind stat_kind(const std::string& vsi_path) {
    VSIStatBufL st;
    if (VSIStatL(vsi_path.c_str(), &st) != 0) return Kind::missing;
    return VSI_ISDIR(st.st_mode) ? Kind::dir : Kind::file;
}

bool looks_like_feed(const std::string& root) {
    return stat_kind(root + "/index.json") == Kind::file || stat_kind(root + "/objects") == Kind::dir;
}

// The feed folder inside `top`: `top` itself, or its single sub-folder (a
// zip of the feed folder rather than of its content).
std::string feed_root(const std::string& top) {
    if (looks_like_feed(top)) return top;
    CPLStringList entries(VSIReadDir(top.c_str()), TRUE);
    std::vector<std::string> dirs;
    for (int i = 0; i < entries.size(); ++i) {
        std::string name = entries[i];
        if (name == "." || name == ".." || name == "__MACOSX") continue;
        if (stat_kind(top + "/" + name) == Kind::dir) dirs.push_back(name);
    }
    if (dirs.size() == 1 && looks_like_feed(top + "/" + dirs.front())) return top + "/" + dirs.front();
    return {};
}

// Every *.json under objects/, as "objects/…", sorted. One listing: far
// cheaper than a stat per file, notably inside a zip.
std::vector<std::string> scan_objects(const std::string& root) {
    std::vector<std::string> out;
    CPLStringList entries(VSIReadDirRecursive((root + "/objects").c_str()), TRUE);
    for (int i = 0; i < entries.size(); ++i) {
        std::string rel = entries[i];
        std::replace(rel.begin(), rel.end(), '\\', '/');
        if (ascii_iends_with(rel, ".json")) out.push_back("objects/" + rel);
    }
    std::sort(out.begin(), out.end());
    return out;
}

// Every *.json under objects/ in a zipped feed, from the archive's directory
// (GDAL's recursive listing of /vsizip/ stats each entry: quadratic).
std::vector<std::string> zip_objects(const DatatourismeFeed& feed) {
    std::vector<std::string> out;
    const std::string folder = feed.zip_prefix + "objects/";
    for (const auto& e : feed.zip->entries())
        if (e.name.size() > folder.size() && e.name.starts_with(folder) && e.name.back() != '/' &&
            ascii_iends_with(e.name, ".json"))
            out.push_back(e.name.substr(feed.zip_prefix.size()));
    std::sort(out.begin(), out.end());
    return out;
}

// The feed holds the file `relative` (a regular file for folders).
bool feed_has(const DatatourismeFeed& feed, const std::string& relative) {
    if (feed.zip) return feed.zip->find(feed.zip_prefix + relative) != nullptr;
    return stat_kind(feed.root + "/" + relative) == Kind::file;
}

// An index entry must stay inside objects/.
bool escapes_feed(const std::string& file) {
    return file.empty() || file.front() == '/' || file.front() == '\\' || file.find("..") != std::string::npos ||
           file.find(':') != std::string::npos;
}

}  // namespace

namespace {

Result<std::string> read_vsi_file(const std::string& root, const std::string& relative) {
    GdalErrorCapture capture;
    const std::string path = root + "/" + relative;
    // Stat before opening: a FIFO would block the open forever, a device
    // (a link to /dev/zero) would never end, and a zip entry states its
    // uncompressed size, so a zip bomb is refused before it is inflated.
    VSIStatBufL st;
    if (VSIStatL(path.c_str(), &st) != 0)
        return tl::unexpected(error_fmt("cannot open{}", gdal_detail(capture)).with_context(relative));
    if (!VSI_ISREG(st.st_mode))
        return tl::unexpected(error_fmt("not a regular file (a pipe, a device or a folder)").with_context(relative));
    if (st.st_size < 0 || static_cast<std::size_t>(st.st_size) > kMaxFeedFileBytes)
        return tl::unexpected(
            error_fmt("{} bytes, over the limit of {} MiB for one feed file", st.st_size, kMaxFeedFileBytes >> 20)
                .with_context(relative));
    VsiFile f(VSIFOpenL(path.c_str(), "rb"));
    if (!f) {
        return tl::unexpected(error_fmt("cannot open{}", gdal_detail(capture)).with_context(relative));
    }
    // VSIFEofL is unreliable on /vsizip/ handles: compare with the listed size.
    std::string bytes;
    bytes.reserve(static_cast<size_t>(st.st_size));
    char buf[1 << 16];
    for (size_t n = 0; (n = VSIFReadL(buf, 1, sizeof buf, f.get())) > 0;) {
        bytes.append(buf, n);
        if (bytes.size() > static_cast<size_t>(st.st_size))  // the file grew, or its size lied
            return tl::unexpected(error_fmt("more than the {} bytes listed", st.st_size).with_context(relative));
    }
    if (bytes.size() != static_cast<size_t>(st.st_size))
        return tl::unexpected(
            error_fmt("read {} of {} bytes{}", bytes.size(), st.st_size, gdal_detail(capture)).with_context(relative));
    return bytes;
}

}  // namespace

Result<std::string> read_feed_file(const DatatourismeFeed& feed, const std::string& relative) {
    if (!feed.zip) return read_vsi_file(feed.root, relative);
    const std::string name = feed.zip_prefix + relative;
    const ZipReader::Entry* entry = feed.zip->find(name);
    if (entry == nullptr) return tl::unexpected(error_fmt("cannot open (not in the archive)").with_context(relative));
    auto bytes = feed.zip->read(*entry, kMaxFeedFileBytes);
    if (!bytes)  // "<name in the zip>: why" → "<relative>: why"
        return tl::unexpected(bytes.error().without_context(name).with_context(relative));
    return bytes;
}

bool holds_datatourisme_feed(const std::string& path) {
    std::string top = path;
    while (top.size() > 1 && (top.back() == '/' || top.back() == '\\')) top.pop_back();
    const bool zipped = stat_kind(top) == Kind::file && top.rfind("/vsi", 0) != 0;
    if (zipped) top = "/vsizip/" + top;
    // GDAL reports the root of a one-entry zip as that entry, not a folder.
    const Kind inside = stat_kind(top);
    return (inside == Kind::dir || (zipped && inside == Kind::file)) && !feed_root(top).empty();
}

Result<DatatourismeFeed> open_datatourisme_feed(const std::string& path) {
    GdalErrorCapture capture;
    std::string top = path;
    while (top.size() > 1 && (top.back() == '/' || top.back() == '\\')) top.pop_back();
    Kind kind = stat_kind(top);
    if (kind == Kind::missing) return fail_fmt("{}: no such file or folder", path);
    const bool zipped = kind == Kind::file && top.rfind("/vsi", 0) != 0;
    const std::string archive = top;
    if (zipped) {
        top = "/vsizip/" + top;
        if (stat_kind(top) == Kind::missing)  // a one-entry zip's root reads as a file
            return fail_fmt("{}: not a folder nor a readable .zip archive{}", path, gdal_detail(capture));
    }

    DatatourismeFeed feed;
    feed.root = feed_root(top);
    if (feed.root.empty())
        return fail_fmt("{}: not a DATAtourisme feed (expected index.json or an objects/ folder)", path);
    if (zipped) {
        // Listing stays with GDAL (one pass); reading goes through our own
        // directory, O(1) per file instead of GDAL's linear lookup.
        auto zip = ZipReader::open(archive);
        if (!zip) return tl::unexpected(zip.error());
        feed.zip = std::make_shared<const ZipReader>(std::move(*zip));
        feed.zip_prefix = feed.root.substr(top.size());
        if (!feed.zip_prefix.empty() && feed.zip_prefix.front() == '/') feed.zip_prefix.erase(0, 1);
        if (!feed.zip_prefix.empty()) feed.zip_prefix += '/';
    }

    bool scan = false;
    std::set<std::string> listed;
    const std::vector<std::string> objects = feed.zip ? zip_objects(feed) : scan_objects(feed.root);
    const std::unordered_set<std::string> present(objects.begin(), objects.end());
    if (!feed_has(feed, "index.json")) {
        feed.warnings.push_back(error_fmt("index.json: missing; the objects/ folder was scanned instead"));
        scan = true;
    } else {
        auto bytes = read_feed_file(feed, "index.json");
        nlohmann::json index;
        if (bytes && json_depth(*bytes) <= kMaxJsonDepth)
            index = nlohmann::json::parse(*bytes, nullptr, false);
        else if (bytes)
            index = nlohmann::json(nlohmann::json::value_t::discarded);
        if (!bytes || index.is_discarded() || !index.is_array()) {
            feed.warnings.push_back(
                bytes ? error_fmt("index.json: not a JSON array of {{file}}; the objects/ folder was scanned instead")
                      : bytes.error().with_note_fmt("the objects/ folder was scanned instead"));
            scan = true;
        } else {
            for (size_t i = 0; i < index.size(); ++i) {
                const auto& entry = index[i];
                auto file = entry.is_object() ? entry.find("file") : entry.end();
                if (!entry.is_object() || file == entry.end() || !file->is_string()) {
                    feed.warnings.push_back(error_fmt("index.json: entry {} has no \"file\" string; ignored", i));
                    continue;
                }
                if (escapes_feed(file->get<std::string>())) {
                    feed.warnings.push_back(
                        error_fmt("index.json: entry {} names {} outside objects/; ignored", i, json_excerpt(*file)));
                    continue;
                }
                std::string rel = "objects/" + file->get<std::string>();
                if (!listed.insert(rel).second) continue;  // listed twice: read once
                if (present.count(rel) != 0 || feed_has(feed, rel)) {
                    feed.files.push_back(std::move(rel));
                } else {
                    feed.missing.push_back(std::move(rel));
                }
            }
            scan = !feed.missing.empty();
        }
    }
    if (scan) {
        size_t before = feed.files.size();
        for (const auto& rel : objects)
            if (listed.count(rel) == 0) feed.files.push_back(rel);
        if (!feed.missing.empty() && feed.files.size() > before)
            feed.warnings.push_back(
                error_fmt("index.json lists {} missing file(s); {} unlisted file(s) found in "
                          "objects/ were read",
                          feed.missing.size(), feed.files.size() - before));
    }
    return feed;
}

}  // namespace geo::detail
