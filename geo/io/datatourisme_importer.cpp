#include "geo/io/datatourisme_importer.hpp"

#include <algorithm>
#include <exception>
#include <map>
#include <set>
#include <unordered_map>

#include <fmt/format.h>
#include <tbb/parallel_for.h>
#include <tbb/task_group.h>

#include "geo/io/datatourisme_feed.hpp"
#include "geo/io/datatourisme_object.hpp"

namespace geo {
namespace {

// Parses the feed in chunks; with `stream`, hands each chunk's items to it
// instead of keeping them.
Result<ParsedItems> parse_feed(const std::string& path, const Taxonomy& taxonomy, Progress progress,
                               const ItemStream* stream) {
    auto feed = detail::open_datatourisme_feed(path);
    if (!feed) return tl::unexpected(feed.error());

    ParsedItems out;
    out.source = SourceInfo{"datatourisme", "datatourisme", path, kDatatourismeLicence, kDatatourismeAttribution, {}};
    ImportReport& report = out.report;
    report.source = out.source.key;
    report.warnings = feed->warnings;
    for (const auto& rel : feed->missing)
        report.skipped.push_back({rel, error_fmt("listed in index.json but missing from the feed")});

    const auto total = static_cast<std::int64_t>(feed->files.size() + feed->missing.size());
    if (stream != nullptr)
        if (auto ok = stream->open(out.source, static_cast<std::int64_t>(feed->files.size())); !ok)
            return tl::unexpected(ok.error());
    report.read = static_cast<std::int64_t>(feed->missing.size());
    if (!progress(report.read, total)) return fail_fmt("{}: import cancelled", path);

    std::set<std::string> unknown_types;
    std::map<std::string, int> unknown_labels;           // review id → objects
    std::unordered_map<std::string, size_t> first_file;  // source_id → index of its file
    std::map<std::string, ThemeName> theme_names;        // id → the first names given
    if (stream == nullptr) out.items.reserve(feed->files.size());

    // Chunks keep memory bounded and let progress/cancel run between them.
    constexpr size_t kChunk = 512;
    const size_t files = feed->files.size();
    const auto parse_chunk = [&](size_t begin, std::vector<detail::ParsedObject>& into) {
        const size_t end = std::min(begin + kChunk, files);
        into.assign(end - begin, {});
        tbb::parallel_for(size_t{0}, end - begin, [&](size_t i) {
            const std::string& file = feed->files[begin + i];
            auto bytes = detail::read_feed_file(*feed, file);
            if (!bytes) {  // the message starts with the file name, which the record carries
                into[i].skip_reason = bytes.error().without_context(file);
                return;
            }
            into[i] = detail::parse_datatourisme_object(*bytes, taxonomy);
        });
    };
    // A pipeline: the next chunk is parsed (on the TBB workers) while this
    // one is taken in and written, so that writing hides behind parsing.
    std::vector<detail::ParsedObject> parsed, next;
    if (files > 0) parse_chunk(0, parsed);
    for (size_t begin = 0; begin < files; begin += kChunk) {
        tbb::task_group ahead;
        const size_t next_begin = begin + kChunk;
        if (next_begin < files) ahead.run([&, next_begin] { parse_chunk(next_begin, next); });
        // Every exit below waits for the chunk being parsed (it uses `next`).
        struct Join {
            tbb::task_group& group;
            ~Join() {
                try {
                    group.wait();
                } catch (...) {  // the early exit's own error is the one to report
                }
            }
        } join{ahead};
        for (size_t i = 0; i < parsed.size(); ++i) {
            const std::string& file = feed->files[begin + i];
            auto& p = parsed[i];
            ++report.read;
            unknown_types.insert(p.unknown_types.begin(), p.unknown_types.end());
            for (const auto& l : p.unknown_labels) ++unknown_labels[l];
            for (const auto& w : p.warnings) report.warnings.push_back(w.with_context(file));
            for (auto& t : p.theme_names) theme_names.emplace(t.id, std::move(t));
            if (!p.item) {
                report.skipped.push_back({file, p.skip_reason.value_or(error_fmt("not read"))});
                continue;
            }
            auto [it, fresh] = first_file.emplace(p.item->source_id, begin + i);
            if (!fresh) {
                report.skipped.push_back({file, error_fmt("duplicate @id \"{}\" (already read from {})",
                                                          p.item->source_id, feed->files[it->second])});
                continue;
            }
            out.items.push_back(std::move(*p.item));
        }
        if (stream != nullptr) {
            if (auto ok = stream->batch(out.items); !ok) return tl::unexpected(ok.error());
            out.items.clear();
        }
        if (!progress(report.read, total)) return fail_fmt("{}: import cancelled", path);
        ahead.wait();
        std::swap(parsed, next);
    }

    report.unknown_types.assign(unknown_types.begin(), unknown_types.end());
    for (auto& [id, names] : theme_names) out.theme_names.push_back(std::move(names));
    for (const auto& [label, count] : unknown_labels)
        report.warnings.push_back(error_fmt("label {} is not in the taxonomy ({} object(s)); ignored", label, count));
    return out;
}

}  // namespace

Result<ParsedItems> parse_datatourisme(const std::string& path, const Taxonomy& taxonomy, Progress progress) {
    try {
        return parse_feed(path, taxonomy, progress, nullptr);
    } catch (const std::exception& e) {  // e.g. out of memory: an error, never a crash
        return fail_fmt("{}: import failed: {}", path, e.what());
    }
}

Result<ParsedItems> stream_datatourisme(const std::string& path, const Taxonomy& taxonomy, const ItemStream& stream,
                                        Progress progress) {
    try {
        return parse_feed(path, taxonomy, progress, &stream);
    } catch (const std::exception& e) {
        return fail_fmt("{}: import failed: {}", path, e.what());
    }
}

}  // namespace geo
