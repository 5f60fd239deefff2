#pragma once
// Exports of ranked segments (geo/analysis/segments.hpp), chosen by the
// output extension:
//   .csv   one row per audience, in rank order (segments_csv_table()): rank,
//          id, names, origin, priority, score, the fit figures, perimeter
//          area and share inside, label share, gap share, months covered, the
//          FR and EN sentences; text cells formula-neutralised unless raw.
//   .json  the whole result (segments_to_json()), monthly open shares and
//          reasons included, with the provenance block under "provenance".
// and a plain text table for stdout (segments_text_table()).
// Numbers are rounded for reports (shares and ratios to 4 decimals, areas to
// 3); an undefined fit ratio is an empty cell / null.
// Also: all_audiences(), the audiences a segment table scores — the presets
// (data/audiences.json) then those saved in the catalogue whose id is no
// preset's (a preset wins over a saved audience of the same id, as
// resolve_audience() does), in priority order (stable). segment_defaults():
// the SegmentParams of data/gap_defaults.json (level, cell, acceptable
// distances). Read files and the catalogue.
// Threads: the builders are pure; write_segments() touches only its own file;
//   all_audiences() reads through `catalogue`: on that Catalogue's thread.
// Failures: unknown extension, unwritable file or missing folder (the path is
//   named; the destination is left as it was); all_audiences(): presets file
//   errors, a saved audience that does not parse (the catalogue and id named);
//   segment_defaults(): load_gap_defaults() errors.
//   Nothing is thrown.
#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "geo/analysis/segments.hpp"
#include "geo/core/error.hpp"
#include "geo/io/table_output.hpp"

namespace geo {
class Catalogue;

Result<std::vector<SegmentAudience>> all_audiences(const Catalogue& catalogue);
Result<SegmentParams> segment_defaults();

TextTable segments_csv_table(const SegmentsResult& result);
nlohmann::json segments_to_json(const SegmentsResult& result);
// Aligned columns (rank, id, score, fit ratio, share inside, labels, gaps,
// months) then the French and English sentence of each segment.
std::string segments_text_table(const SegmentsResult& result);

// Writes OUT.csv | OUT.json; returns the number of rows (1 for JSON).
Result<std::int64_t> write_segments(const std::string& path, const SegmentsResult& result,
                                    const nlohmann::json& provenance, const CsvOptions& csv = {});

}  // namespace geo
