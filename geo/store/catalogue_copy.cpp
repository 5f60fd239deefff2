// copy_catalogue: reads one catalogue source by source and writes the same
// rows into an empty one (catalogue_copy.hpp).
#include "geo/store/catalogue_copy.hpp"

#include <algorithm>
#include <filesystem>
#include <map>
#include <system_error>
#include <vector>

#include "geo/store/catalogue.hpp"
#include "geo/store/pg_util.hpp"

namespace geo {
namespace {

namespace fs = std::filesystem;

// The destination holds nothing a copy could collide with.
Result<void> require_empty(const Catalogue& to) {
    auto info = to.info();
    if (!info) return tl::unexpected(info.error());
    auto sources = to.sources();
    if (!sources) return tl::unexpected(sources.error());
    auto audiences = to.audience_ids();
    if (!audiences) return tl::unexpected(audiences.error());
    auto perimeters = to.perimeters();
    if (!perimeters) return tl::unexpected(perimeters.error());
    std::int64_t territories = 0;
    for (const auto& [level, n] : info->territories_per_level) territories += n;
    if (info->item_count > 0 || territories > 0 || !sources->empty() || !audiences->empty() || !perimeters->empty())
        return fail_fmt(
            "{}: the destination catalogue is not empty ({} items, {} territories, {} sources, {} audiences, {} "
            "perimeters); copy into a new file or an empty database",
            to.path(), info->item_count, territories, sources->size(), audiences->size(), perimeters->size());
    return {};
}

// What a source row says when an item or territory names a source the
// sources table lacks (never written by Territoire, but a file edited by
// hand may hold it).
SourceInfo source_for(const std::map<std::string, SourceInfo>& sources, const std::string& key, std::string_view kind) {
    if (auto it = sources.find(key); it != sources.end()) return it->second;
    SourceInfo s;
    s.key = key;
    s.kind = std::string(kind);
    return s;
}

class Copier {
public:
    Copier(const Catalogue& from, Catalogue& to, Progress progress) : m_from(from), m_to(to), m_progress(progress) {}

    Result<CatalogueCopyReport> run() {
        auto info = m_from.info();
        if (!info) return tl::unexpected(info.error());
        m_total = info->item_count;
        for (const auto& [level, n] : info->territories_per_level) m_total += n;
        auto sources = m_from.sources();
        if (!sources) return tl::unexpected(sources.error());
        for (const auto& s : *sources) m_sources.emplace(s.key, s);
        if (auto r = copy_items(*info); !r) return tl::unexpected(r.error());
        if (auto r = copy_territories(); !r) return tl::unexpected(r.error());
        if (auto r = copy_audiences(); !r) return tl::unexpected(r.error());
        if (auto r = copy_perimeters(); !r) return tl::unexpected(r.error());
        // The import dates last: every upsert above stamped "now".
        for (const auto& s : *sources) {
            if (auto r = m_to.set_imported_at(s.key, s.imported_at); !r) return tl::unexpected(r.error());
        }
        m_report.sources = static_cast<std::int64_t>(sources->size());
        return m_report;
    }

private:
    Result<void> advance(std::int64_t n) {
        m_done += n;
        if (!m_progress(m_done, m_total)) return fail_fmt("{}: copy cancelled", m_to.path());
        return {};
    }

    Result<void> copy_items(const CatalogueInfo& info) {
        auto theme_names = m_from.theme_names();
        if (!theme_names) return tl::unexpected(theme_names.error());
        bool names_written = false;
        for (const auto& [key, count] : info.items_per_source) {
            ItemFilter filter;
            filter.sources = {key};
            auto items = m_from.items(filter);
            if (!items) return tl::unexpected(items.error());
            ImportReport report;
            // The theme names go with the first source (one transaction).
            const std::vector<ThemeName> none;
            auto r = m_to.upsert_items(source_for(m_sources, key, "gdal"), *items, report, {},
                                       names_written ? none : *theme_names);
            if (!r) return tl::unexpected(r.error());
            names_written = true;
            if (!report.skipped.empty())
                return fail_fmt("{}: {} items of source {} were refused by the destination (first: {})", m_to.path(),
                                report.skipped.size(), key, report.skipped.front().reason.message);
            m_report.items += report.imported;
            if (auto a = advance(static_cast<std::int64_t>(items->size())); !a) return a;
        }
        if (names_written) m_report.theme_names = static_cast<std::int64_t>(theme_names->size());
        return {};
    }

    Result<void> copy_territories() {
        auto territories = m_from.territories();
        if (!territories) return tl::unexpected(territories.error());
        // In their import order, so that the copy numbers them alike.
        std::sort(territories->begin(), territories->end(),
                  [](const Territory& a, const Territory& b) { return a.id < b.id; });
        std::map<std::string, std::vector<Territory>> per_source;
        for (auto& t : *territories) per_source[t.source].push_back(std::move(t));
        for (const auto& [key, list] : per_source) {
            ImportReport report;
            auto r = m_to.upsert_territories(source_for(m_sources, key, "territories"), list, report);
            if (!r) return tl::unexpected(r.error());
            if (!report.skipped.empty())
                return fail_fmt("{}: {} territories of source {} were refused by the destination (first: {})",
                                m_to.path(), report.skipped.size(), key, report.skipped.front().reason.message);
            m_report.territories += report.imported;
            if (auto a = advance(static_cast<std::int64_t>(list.size())); !a) return a;
        }
        return {};
    }

    Result<void> copy_audiences() {
        auto ids = m_from.audience_ids();
        if (!ids) return tl::unexpected(ids.error());
        for (const auto& id : *ids) {
            auto json = m_from.audience_json(id);
            if (!json) return tl::unexpected(json.error());
            if (!*json) continue;
            if (auto r = m_to.save_audience(id, **json); !r) return r;
            ++m_report.audiences;
        }
        return {};
    }

    Result<void> copy_perimeters() {
        auto perimeters = m_from.perimeters();
        if (!perimeters) return tl::unexpected(perimeters.error());
        for (const auto& p : *perimeters) {
            auto id = m_to.save_perimeter(p);
            if (!id) return tl::unexpected(id.error());
            ++m_report.perimeters;
        }
        return {};
    }

    const Catalogue& m_from;
    Catalogue& m_to;
    Progress m_progress;
    std::map<std::string, SourceInfo> m_sources;
    CatalogueCopyReport m_report;
    std::int64_t m_done = 0;
    std::int64_t m_total = 0;
};

}  // namespace

Result<CatalogueCopyReport> copy_catalogue(const std::string& from, const std::string& to, Progress progress) {
    if (from == to) return fail_fmt("{}: a catalogue cannot be copied onto itself", store::redacted_address(to));
    std::error_code ec;
    const bool file_destination = !is_database_address(to);
    if (file_destination && !fs::exists(to, ec) &&
        !fs::exists(fs::path(to).parent_path().empty() ? fs::path(".") : fs::path(to).parent_path(), ec))
        return fail_fmt("{}: the destination's folder does not exist", to);
    if (!is_database_address(from) && !fs::exists(from, ec)) return fail_fmt("{}: no such catalogue file", from);
    if (file_destination && fs::exists(to, ec) && fs::exists(from, ec) && fs::equivalent(from, to, ec))
        return fail_fmt("{}: a catalogue cannot be copied onto itself", to);

    auto source = Catalogue::open(from, Catalogue::Mode::read_only);
    if (!source) return tl::unexpected(source.error());
    const bool created = file_destination && !fs::exists(to, ec);
    auto destination = Catalogue::open(to, Catalogue::Mode::create_or_open);
    if (!destination) return tl::unexpected(destination.error());
    auto undo_and_fail = [&](const Error& e) -> Result<CatalogueCopyReport> {
        if (created) {
            destination = tl::unexpected(e);  // closes the file before removing it
            fs::remove(to, ec);
            fs::remove(to + "-journal", ec);
            return tl::unexpected(e.with_context_fmt("{}: nothing copied (the new file was removed)", to));
        }
        if (file_destination) return tl::unexpected(e);
        return tl::unexpected(e.with_context_fmt("{}: the copy stopped part-way; what landed before stays", to));
    };
    if (destination->read_only()) return fail_fmt("{}: the destination catalogue cannot be written", to);
    if (auto empty = require_empty(*destination); !empty) return tl::unexpected(empty.error());
    auto report = Copier(*source, *destination, progress).run();
    if (!report) return undo_and_fail(report.error());
    return report;
}

}  // namespace geo
