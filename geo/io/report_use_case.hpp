#pragma once
// The destination report from a catalogue, as `territoire report` and the
// map's File › Export report make it: reads the audiences (presets, saved,
// or JSON files given), our territory and the competitors (territory_spec
// forms), the items, territories and sources, then computes the report
// (destination_report.hpp) and lays it out (report_document.hpp). Writing it
// is the caller's (report_html.hpp, app/print/report_pdf.hpp).
// Threads: reads through `catalogue` and builds its own AudiencePerimeter
//   (PROJ context): call on the catalogue's thread (the GUI's worker opens
//   its own read-only connection).
// Failures: ReportFailure — `bad_input` when an audience or a territory given
//   is unknown (the CLI's exit 2), else catalogue, presets, taxonomy-free
//   analysis errors; each message names what failed.
#include <optional>
#include <string>
#include <vector>

#include <tl/expected.hpp>

#include "geo/io/report_document.hpp"
#include "geo/store/catalogue.hpp"

namespace geo {

struct ReportSpec {
    std::vector<std::string> audiences;  // preset id or name, saved id, or JSON file (≥ 1)
    std::string territory;               // ours
    std::vector<std::string> against;    // ≥ 1
    std::optional<double> level;         // default: segment_defaults()
    ReportCover cover;
    ReportLanguage language = ReportLanguage::fr;
    std::string date;            // "2026-12-07"
    std::string catalogue_name;  // as the document names it
};

struct ReportFailure {
    Error error;
    bool bad_input = false;
};

struct ReportOutcome {
    ReportDocument document;
    std::size_t targets = 0;
};

tl::expected<ReportOutcome, ReportFailure> make_destination_report(const Catalogue& catalogue, const ReportSpec& spec);

}  // namespace geo
